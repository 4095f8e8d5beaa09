import { type CreateUploadResponse, FILE_CONTENT_TYPES, routes, UPLOAD_RULES, type UploadPurpose } from '@mcr/contract';
import type { Localized } from '../i18n/i18n.tsx';
import { ApiError, callRoute } from './api-client.ts';

/**
 * The browser's half of the files pipeline (docs/decisions/0012-vendors-documents-cross-checks.md, "Files"):
 *
 * 1. `uploadFile(file, purpose)` checks the file against the purpose's rules (type, size), computes its SHA-256
 *    with `crypto.subtle`, asks `POST /api/uploads` for a presigned POST and sends the file straight to S3
 *    (quarantine). It answers the `uploadId`.
 * 2. The caller names that `uploadId` in the purpose's own route (`documents.create`, `evidence.create`), which
 *    verifies what landed (size, type by its bytes, SHA-256) before anything counts.
 * 3. Any failure of either step → `fileErrorOf(err)`: the reason in words (Japanese first) to show next to the
 *    file input — the browser's own check, the declaration refused (400), the upload refused (422 on
 *    `body.uploadId`: wrong type, size, tampered, missing), or a network failure.
 *
 * @example
 * try {
 *   const { uploadId } = await uploadFile(file, 'evidence');
 *   await callRoute(routes['evidence.create'], { params: { campaignId, facilityId }, body: { uploadId, cell } });
 * } catch (err) {
 *   const reason = fileErrorOf(err); // show t(reason) under the file input
 *   if (!reason) throw err;          // not about the file (403, 409 …): handle as any other API error
 * }
 */

const MiB = 1024 * 1024;

/** Texts of the upload steps, Japanese first. */
export const UPLOAD_TEXT = {
  hashing: { ja: 'ファイルを確認しています…', en: 'Checking the file…' },
  sending: { ja: 'ファイルを送信しています…', en: 'Sending the file…' },
  verifying: { ja: 'サーバーでファイルを検査しています…', en: 'The server is checking the file…' },
  empty: { ja: 'ファイルが空です', en: 'The file is empty' },
  tooBig: (mb: number) => ({ ja: `ファイルが大きすぎます（上限 ${mb} MB）`, en: `The file is too large (at most ${mb} MiB)` }),
  wrongType: (allowed: string) => ({
    ja: `このファイルの種類は登録できません（${allowed} のみ）`,
    en: `This kind of file cannot be registered (only ${allowed})`,
  }),
  sendFailed: {
    ja: 'ファイルを送信できませんでした。通信状態を確認して、もう一度お試しください。',
    en: 'The file could not be sent. Check the connection and try again.',
  },
  expired: { ja: '送信の有効期限が切れました。もう一度お試しください。', en: 'The upload link expired. Please try again.' },
} as const;

const EXTENSIONS: Record<string, string> = {
  pdf: FILE_CONTENT_TYPES.pdf,
  xlsx: FILE_CONTENT_TYPES.xlsx,
  docx: FILE_CONTENT_TYPES.docx,
  png: FILE_CONTENT_TYPES.png,
  jpg: FILE_CONTENT_TYPES.jpeg,
  jpeg: FILE_CONTENT_TYPES.jpeg,
  csv: FILE_CONTENT_TYPES.csv,
};
const TYPE_NAMES: Record<string, string> = {
  [FILE_CONTENT_TYPES.pdf]: 'PDF',
  [FILE_CONTENT_TYPES.xlsx]: 'Excel (xlsx)',
  [FILE_CONTENT_TYPES.docx]: 'Word (docx)',
  [FILE_CONTENT_TYPES.png]: 'PNG',
  [FILE_CONTENT_TYPES.jpeg]: 'JPEG',
  [FILE_CONTENT_TYPES.csv]: 'CSV',
};

/** For `<input type="file" accept=…>`: the purpose's types and their extensions. */
export function acceptFor(purpose: UploadPurpose): string {
  const types = UPLOAD_RULES[purpose].contentTypes;
  const exts = Object.entries(EXTENSIONS)
    .filter(([, type]) => types.includes(type))
    .map(([ext]) => `.${ext}`);
  return [...exts, ...types].join(',');
}

/** 「PDF、Excel (xlsx)・20 MB まで」: what a purpose accepts, for the hint under the file input. */
export function allowedText(purpose: UploadPurpose): Localized {
  const rule = UPLOAD_RULES[purpose];
  const names = rule.contentTypes.map((t) => TYPE_NAMES[t] ?? t);
  return { ja: `${names.join('、')}（${rule.maxBytes / MiB} MB まで）`, en: `${names.join(', ')} (up to ${rule.maxBytes / MiB} MiB)` };
}

/** The type the server is told: the browser's, else the extension's (some systems give xlsx no type). */
export function contentTypeOf(file: File): string {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  // Windows calls a .csv `application/vnd.ms-excel`: the extension decides for CSV.
  if (ext === 'csv') return FILE_CONTENT_TYPES.csv;
  if (file.type) return file.type;
  return EXTENSIONS[ext] ?? 'application/octet-stream';
}

/** The browser's own check before anything is sent (the server checks again, and checks the bytes). */
export function checkFile(file: File, purpose: UploadPurpose): Localized | undefined {
  const rule = UPLOAD_RULES[purpose];
  if (file.size === 0) return UPLOAD_TEXT.empty;
  if (!rule.contentTypes.includes(contentTypeOf(file))) return UPLOAD_TEXT.wrongType(rule.contentTypes.map((t) => TYPE_NAMES[t] ?? t).join('、'));
  if (file.size > rule.maxBytes) return UPLOAD_TEXT.tooBig(rule.maxBytes / MiB);
  return undefined;
}

/** SHA-256 of the bytes, lower-case hex (what `POST /api/uploads` is told and later checked against). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A refusal about the file itself, before or while sending it (not an API answer). */
export class UploadError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en ?? reason.ja);
    this.name = 'UploadError';
  }
}

export type UploadStage = 'hashing' | 'sending';

export interface UploadedFile {
  uploadId: string;
  fileName: string;
  size: number;
  contentType: string;
  sha256: string;
}

/**
 * Checks, hashes and sends one file to quarantine; answers the `uploadId` to name in the purpose's route.
 * Throws `UploadError` (the file itself) or `ApiError` (the declaration refused, 400 naming `body.size` /
 * `body.contentType`); `fileErrorOf` turns either into the text to show.
 */
export async function uploadFile(
  file: File,
  purpose: UploadPurpose,
  options: { signal?: AbortSignal; onStage?: (stage: UploadStage) => void } = {},
): Promise<UploadedFile> {
  const refused = checkFile(file, purpose);
  if (refused) throw new UploadError(refused);
  options.onStage?.('hashing');
  const sha256 = await sha256Hex(file);
  const contentType = contentTypeOf(file);
  const link: CreateUploadResponse = await callRoute(routes['uploads.create'], {
    body: { purpose, fileName: file.name, size: file.size, contentType, sha256 },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  options.onStage?.('sending');
  // The policy's fields first, the file last (S3 ignores entries after the file).
  const form = new FormData();
  for (const [name, value] of Object.entries(link.fields)) form.append(name, value);
  if (!('Content-Type' in link.fields)) form.append('Content-Type', contentType);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(link.url, { method: 'POST', body: form, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new UploadError(UPLOAD_TEXT.sendFailed);
  }
  if (!res.ok) {
    const body = await res.text().catch(() => '');
    if (res.status === 400 && /EntityTooLarge/.test(body)) throw new UploadError(UPLOAD_TEXT.tooBig(link.maxBytes / MiB));
    if (res.status === 403 && /expired/i.test(body)) throw new UploadError(UPLOAD_TEXT.expired);
    throw new UploadError(UPLOAD_TEXT.sendFailed);
  }
  return { uploadId: link.uploadId, fileName: file.name, size: file.size, contentType, sha256 };
}

const FILE_FIELDS = ['body.uploadId', 'body.size', 'body.contentType', 'body.fileName', 'body.sha256'];

/**
 * The reason to show next to the file input, when `err` is about the file: the browser's check, the
 * declaration refused (400), or what the server found in the uploaded bytes (422 on `body.uploadId`).
 * Undefined for anything else (403, 409, other fields), which the caller handles as usual.
 */
export function fileErrorOf(err: unknown): Localized | undefined {
  if (err instanceof UploadError) return err.reason;
  if (!(err instanceof ApiError)) return undefined;
  const hit = err.fields.find((f) => FILE_FIELDS.includes(f.field));
  if (hit) return hit.message;
  if (err.status === 413) return err.text;
  return undefined;
}
