import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { type CreateUploadBody, FILE_CONTENT_TYPES, type LocalizedText, UPLOAD_RULES, type UploadPurpose, type UploadRejection } from '@mcr/contract';
import { type Repositories, reportSdkCall, scopeClient, type UploadRecord } from '@mcr/data';
import type { Identity } from '../pipeline/auth.ts';
import { env } from '../pipeline/env.ts';
import { HttpError, ValidationError } from '../pipeline/errors.ts';
import { attachment, DOWNLOAD_LINK_SECONDS } from './export-files.ts';

/**
 * The files pipeline of decision 0012. Browsers send files to `quarantine/<tenant>/<uploadId>` with a presigned
 * POST; nothing there is ever served. A purpose's route then calls `verifyUpload`, which checks what actually
 * landed (s3rver, and a browser that ignores the policy, can put anything there) and only then copies it to
 * `files/<tenant>/<uploadId>`, the one prefix download links are made for.
 */

/** How long the presigned POST works. */
export const UPLOAD_LINK_SECONDS = 10 * 60;

// lean:begin — the S3 SDK is imported and its client created on first use, not at cold start (decision 0025).
type S3Sdk = typeof import('@aws-sdk/client-s3');
let client: S3Client | undefined;
async function s3(): Promise<{ client: S3Client; sdk: S3Sdk }> {
  const sdk = await import('@aws-sdk/client-s3');
  const e = env();
  // iam: scopeClient lets the local stack record the calls, presigned links included (decision 0022).
  client ??= scopeClient(
    new sdk.S3Client({
      region: e.AWS_REGION,
      // s3rver accepts only its own fixed development key (also for presigned links); it guards no data.
      ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
    }),
  );
  return { client, sdk };
}
// lean:end

function bucket(): string {
  const name = env().FILES_BUCKET;
  if (!name) throw new Error('FILES_BUCKET is not set');
  return name;
}

// ops:begin
/**
 * Object Lock of a checked file (decision 0024): governance mode until FILES_RETENTION_DAYS from now, set on the copy
 * to `files/` (the bucket has no default retention, so `quarantine/` still expires). Every version stays that long;
 * deleting the key only adds a delete marker.
 */
export function fileRetention(now: Date = new Date()): { ObjectLockMode?: 'GOVERNANCE'; ObjectLockRetainUntilDate?: Date } {
  const days = env().FILES_RETENTION_DAYS;
  return days ? { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(now.getTime() + days * 86_400_000) } : {};
}
// ops:end

export const quarantineKey = (tenantId: string, uploadId: string) => `quarantine/${tenantId}/${uploadId}`;
export const storedFileKey = (tenantId: string, uploadId: string) => `files/${tenantId}/${uploadId}`;

const MiB = 1024 * 1024;

/** The declaration must fit the purpose before any link is made: 400 naming `body.contentType` / `body.size`. */
export function checkDeclaration(body: CreateUploadBody): void {
  const rule = UPLOAD_RULES[body.purpose];
  const fields = [];
  if (!rule.contentTypes.includes(body.contentType)) {
    const allowed = rule.contentTypes.map((t) => TYPE_LABELS[t]?.ja ?? t).join('、');
    const allowedEn = rule.contentTypes.map((t) => TYPE_LABELS[t]?.en ?? t).join(', ');
    fields.push({
      field: 'body.contentType',
      code: 'content_type',
      message: { ja: `このファイルの種類は登録できません（${allowed} のみ）`, en: `This kind of file cannot be registered (only ${allowedEn})` },
    });
  }
  if (body.size > rule.maxBytes) {
    fields.push({
      field: 'body.size',
      code: 'too_big',
      message: {
        ja: `ファイルが大きすぎます（上限 ${rule.maxBytes / MiB} MB）`,
        en: `The file is too large (at most ${rule.maxBytes / MiB} MiB)`,
      },
    });
  }
  if (fields.length > 0) throw new ValidationError(fields);
}

/** A presigned POST for one quarantine key: exact key, exact type, 1 … declared bytes. */
export async function presignUpload(
  tenantId: string,
  uploadId: string,
  contentType: string,
  size: number,
): Promise<{ url: string; fields: Record<string, string>; expiresAt: string }> {
  const Key = quarantineKey(tenantId, uploadId);
  // iam: a presigned POST is signed here and sent by the browser: the signer needs s3:PutObject on the key.
  reportSdkCall({ clientName: 'S3Client', commandName: 'PutObjectCommand', input: { Bucket: bucket(), Key }, scope: { kind: 'service' } });
  const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post'); // lean
  const { url, fields } = await createPresignedPost((await s3()).client, {
    Bucket: bucket(),
    Key,
    Conditions: [
      ['content-length-range', 1, size],
      ['eq', '$Content-Type', contentType],
      ['eq', '$key', Key],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: UPLOAD_LINK_SECONDS,
  });
  return { url, fields, expiresAt: new Date(Date.now() + UPLOAD_LINK_SECONDS * 1000).toISOString() };
}

/** A file name as given, without control characters or path separators (it ends up in a header and in lists). */
export function cleanFileName(name: string): string {
  return Array.from(name, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f || c === '/' || c === '\\' ? '_' : c;
  }).join('');
}

const EXTENSION_OF: Record<string, string> = Object.fromEntries(Object.entries(FILE_CONTENT_TYPES).map(([ext, type]) => [type, ext]));

/** The name a download gets: the original one, with the checked type's extension when it has none. */
function downloadName(fileName: string, contentType: string): string {
  const ext = EXTENSION_OF[contentType];
  return ext && !/\.[A-Za-z0-9]{1,5}$/.test(fileName) ? `${fileName}.${ext}` : fileName;
}

/** A short-lived GET link to a checked file (never to quarantine), with the type we verified and the original name. */
/** The bytes of a verified file (a sign-in sheet of at most a few MiB, read by the route that uses it). */
export async function readStoredFile(fileKey: string): Promise<Buffer> {
  const { client, sdk } = await s3(); // lean
  const res = await client.send(new sdk.GetObjectCommand({ Bucket: bucket(), Key: fileKey }));
  return Buffer.from(await (res.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

export async function fileLink(fileKey: string, fileName: string, contentType: string): Promise<{ url: string; expiresAt: string }> {
  if (!fileKey.startsWith('files/')) throw new Error('only checked files are served');
  const [{ getSignedUrl }, { client, sdk }] = await Promise.all([import('@aws-sdk/s3-request-presigner'), s3()]); // lean
  const url = await getSignedUrl(
    client,
    new sdk.GetObjectCommand({
      Bucket: bucket(),
      Key: fileKey,
      ResponseContentDisposition: attachment(downloadName(fileName, contentType)),
      ResponseContentType: contentType,
    }),
    { expiresIn: DOWNLOAD_LINK_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_LINK_SECONDS * 1000).toISOString() };
}

// ── What a file is, by its bytes ──

const TYPE_LABELS: Record<string, LocalizedText> = {
  [FILE_CONTENT_TYPES.pdf]: { ja: 'PDF', en: 'PDF' },
  [FILE_CONTENT_TYPES.xlsx]: { ja: 'Excel (xlsx)', en: 'Excel workbook (xlsx)' },
  [FILE_CONTENT_TYPES.docx]: { ja: 'Word (docx)', en: 'Word document (docx)' },
  [FILE_CONTENT_TYPES.png]: { ja: 'PNG 画像', en: 'PNG image' },
  [FILE_CONTENT_TYPES.jpeg]: { ja: 'JPEG 画像', en: 'JPEG image' },
  [FILE_CONTENT_TYPES.csv]: { ja: 'CSV', en: 'CSV file' },
};

type Sniffed = 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'docx' | 'zip' | 'executable' | 'csv' | 'unknown';

const SNIFFED_TEXT: Record<Sniffed, LocalizedText> = {
  pdf: { ja: 'PDF', en: 'a PDF' },
  png: { ja: 'PNG 画像', en: 'a PNG image' },
  jpeg: { ja: 'JPEG 画像', en: 'a JPEG image' },
  xlsx: { ja: 'Excel (xlsx)', en: 'an Excel workbook (xlsx)' },
  docx: { ja: 'Word (docx)', en: 'a Word document (docx)' },
  zip: { ja: 'xlsx・docx ではない ZIP ファイル', en: 'a ZIP archive that is neither xlsx nor docx' },
  executable: { ja: '実行ファイル', en: 'an executable program' },
  csv: { ja: 'CSV (テキスト)', en: 'a CSV text file' },
  unknown: { ja: '判別できない形式のファイル', en: 'a file of an unknown kind' },
};

const EXPECTED: Record<string, Sniffed> = {
  [FILE_CONTENT_TYPES.pdf]: 'pdf',
  [FILE_CONTENT_TYPES.xlsx]: 'xlsx',
  [FILE_CONTENT_TYPES.docx]: 'docx',
  [FILE_CONTENT_TYPES.png]: 'png',
  [FILE_CONTENT_TYPES.jpeg]: 'jpeg',
  [FILE_CONTENT_TYPES.csv]: 'csv',
};

const startsWith = (head: Buffer, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

/** What the first bytes say, before looking inside a ZIP. */
function sniffHead(head: Buffer): Sniffed | 'zip' {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  // Windows PE ("MZ"), ELF, Mach-O (both byte orders, 32/64 bit), shell scripts.
  if (startsWith(head, [0x4d, 0x5a]) || startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'executable';
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(head.length >= 4 ? head.readUInt32BE(0) : -1)) return 'executable';
  if (startsWith(head, [0x23, 0x21])) return 'executable';
  // Text (a CSV): no NUL and no other control bytes than tab, CR, LF in the first bytes.
  if (head.length > 0 && !head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return 'csv';
  return 'unknown';
}

/** Where the ZIP's central directory is, from its end-of-central-directory record (in the file's last bytes). */
function centralDirectory(tail: Buffer, tailStart: number): { offset: number; size: number } | undefined {
  const earliest = Math.max(0, tail.length - 22 - 0xffff);
  for (let i = tail.length - 22; i >= earliest; i--) {
    if (tail.readUInt32LE(i) !== 0x06054b50) continue;
    const size = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    // ZIP64 (0xFFFFFFFF) never occurs for files this small; an archive claiming it is refused as unknown.
    if (size === 0xffffffff || offset === 0xffffffff) return undefined;
    if (offset + size > tailStart + i) return undefined;
    return { offset, size };
  }
  return undefined;
}

/** Entry names from a central directory. */
function entryNames(cd: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50 && names.length < 100_000) {
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    names.push(cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An OOXML package: `[Content_Types].xml` plus its main part's folder. */
function zipKind(names: readonly string[]): Sniffed {
  if (!names.includes('[Content_Types].xml')) return 'zip';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  return 'zip';
}

/** Bytes kept from the end of the file while streaming it (holds the central directory of any ordinary xlsx/docx). */
const TAIL_BYTES = 256 * 1024;
/** A central directory larger than this is not an office file we accept. */
const MAX_CENTRAL_DIRECTORY = 4 * MiB;

interface Inspection {
  sha256: string;
  kind: Sniffed;
  etag: string | undefined;
}

/** Streams the object once: SHA-256 of every byte, its first bytes and its last ones (for a ZIP's directory). */
async function inspectObject(key: string, size: number): Promise<Inspection> {
  const { client, sdk } = await s3(); // lean
  const res = await client.send(new sdk.GetObjectCommand({ Bucket: bucket(), Key: key }));
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let read = 0;
  for await (const chunk of res.Body as Readable) {
    const buf = chunk as Buffer;
    hash.update(buf);
    read += buf.length;
    if (head.length < 16) head = Buffer.concat([head, buf.subarray(0, 16 - head.length)]);
    tail = Buffer.concat([tail, buf]);
    if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
  }
  let kind = sniffHead(head);
  if (kind === 'zip') {
    const tailStart = read - tail.length;
    const cd = centralDirectory(tail, tailStart);
    if (!cd || cd.size > MAX_CENTRAL_DIRECTORY || cd.offset + cd.size > size) {
      kind = 'zip';
    } else if (cd.offset >= tailStart) {
      kind = zipKind(entryNames(tail.subarray(cd.offset - tailStart, cd.offset - tailStart + cd.size)));
    } else {
      const range = await client.send(new sdk.GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=${cd.offset}-${cd.offset + cd.size - 1}` }));
      kind = zipKind(entryNames(Buffer.from(await (range.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray())));
    }
  }
  return { sha256: hash.digest('hex'), kind, etag: res.ETag };
}

// ── Verification ──

function rejectionText(
  reason: UploadRejection,
  facts: { declaredType: string; kind?: Sniffed; declaredSize?: number; actualSize?: number; maxBytes?: number },
): LocalizedText {
  switch (reason) {
    case 'file_missing':
      return { ja: 'ファイルが届いていません。もう一度アップロードしてください。', en: 'The file never arrived. Please upload it again.' };
    case 'file_size':
      return {
        ja: `ファイルの大きさが申告と違うか、上限を超えています（申告 ${facts.declaredSize} バイト、実際 ${facts.actualSize} バイト、上限 ${(facts.maxBytes ?? 0) / MiB} MB）`,
        en: `The file's size differs from the declared one or exceeds the limit (declared ${facts.declaredSize} bytes, actual ${facts.actualSize} bytes, limit ${(facts.maxBytes ?? 0) / MiB} MiB)`,
      };
    case 'file_type': {
      const expected = TYPE_LABELS[facts.declaredType] ?? { ja: facts.declaredType, en: facts.declaredType };
      const actual = SNIFFED_TEXT[facts.kind ?? 'unknown'];
      return {
        ja: `ファイルの種類が ${expected.ja} ではありません（中身が${actual.ja}です）`,
        en: `The file is not a ${expected.en} (its content is ${actual.en})`,
      };
    }
    case 'file_tampered':
      return {
        ja: 'ファイルの内容が申告された SHA-256 と一致しません（送信中に変わったか、別のファイルです）',
        en: 'The file does not match its declared SHA-256 (it changed on the way, or it is another file)',
      };
  }
}

/** The upload was checked and refused: 422 with the reason on `body.uploadId`. */
export class FileRejectedError extends HttpError {
  constructor(
    readonly reason: UploadRejection,
    text: LocalizedText,
  ) {
    super(422, 'VALIDATION_FAILED', { ja: `ファイルを受け付けられません: ${text.ja}`, en: `The file was refused: ${text.en}` }, [
      { field: 'body.uploadId', code: reason, message: text },
    ]);
  }
}

const uploadField = (code: string, message: LocalizedText) => [{ field: 'body.uploadId', code, message }];

function uploadNotFound(): HttpError {
  const text = {
    ja: 'アップロードが見つかりません（期限切れか、別の用途・組織のものです）',
    en: 'No such upload (expired, or for another purpose or organisation)',
  };
  return new HttpError(404, 'NOT_FOUND', text, uploadField('upload_not_found', text));
}

/** 409 on `body.uploadId`: the upload was used already, or checked and refused earlier. */
export function uploadNotPending(upload: Pick<UploadRecord, 'state' | 'rejection'>): HttpError {
  const text =
    upload.state === 'rejected'
      ? {
          ja: `このアップロードは検査で受け付けられませんでした（${upload.rejection ?? ''}）。もう一度アップロードしてください。`,
          en: `This upload was refused when checked (${upload.rejection ?? ''}). Please upload the file again.`,
        }
      : {
          ja: 'このアップロードは既に使われています。もう一度アップロードしてください。',
          en: 'This upload has been used already. Please upload the file again.',
        };
  return new HttpError(409, 'LOCKED', text, uploadField(upload.state === 'rejected' ? 'upload_rejected' : 'upload_used', text));
}

/** A claim on an upload older than this belongs to a request that died (functions time out after 10 s). */
const CLAIM_STALE_MS = 60_000;

export interface VerifiedUpload {
  upload: UploadRecord;
  /** `files/<tenant>/<uploadId>` */
  fileKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

const isNotFound = (err: unknown) =>
  err instanceof Error &&
  (err.name === 'NotFound' || err.name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

/**
 * Checks what landed for an upload of the caller's organisation and purpose: there, the declared size (≤ the
 * limit), the declared type by its bytes, the declared SHA-256. On success the object is copied to `files/`; on
 * failure the upload is marked rejected with its reason (the object stays in quarantine) and a 422 is thrown.
 * The caller then writes what the upload becomes together with the upload's state change.
 */
export async function verifyUpload(
  repos: Pick<Repositories, 'uploads'>,
  identity: Identity,
  uploadId: string,
  purpose: UploadPurpose,
): Promise<VerifiedUpload> {
  const tenantId = identity.tenantId;
  if (!tenantId) throw uploadNotFound();
  const upload = await repos.uploads.get(uploadId);
  // Another organisation's upload, or one asked for another purpose, is answered like a missing one.
  if (!upload || upload.orgId !== identity.orgId || upload.purpose !== purpose) throw uploadNotFound();
  if (upload.state !== 'pending') throw uploadNotPending(upload);
  // One check per upload: a second registration of it at the same moment is told it is being registered.
  const now = new Date();
  const token = randomUUID();
  if (!(await repos.uploads.claim(uploadId, token, now.toISOString(), new Date(now.getTime() - CLAIM_STALE_MS).toISOString()))) {
    const current = await repos.uploads.get(uploadId);
    if (current && current.state !== 'pending') throw uploadNotPending(current);
    const text = {
      ja: 'このアップロードは別の画面で登録中です。しばらくしてから一覧を確認してください。',
      en: 'This upload is being registered from another screen. Check the list in a moment.',
    };
    throw new HttpError(409, 'LOCKED', text, uploadField('upload_in_use', text));
  }
  // The claim covers the check and the copy only: the caller's transaction (state still pending) uses the upload once,
  // and a dry run leaves it free for the real registration.
  try {
    return await checkClaimed(repos, tenantId, upload, purpose);
  } finally {
    await repos.uploads.release(uploadId, token);
  }
}

async function checkClaimed(repos: Pick<Repositories, 'uploads'>, tenantId: string, upload: UploadRecord, purpose: UploadPurpose): Promise<VerifiedUpload> {
  const { uploadId } = upload;

  const rule = UPLOAD_RULES[purpose];
  const source = quarantineKey(tenantId, uploadId);
  const refuse = async (reason: UploadRejection, facts: Parameters<typeof rejectionText>[1]): Promise<never> => {
    await repos.uploads.reject(uploadId, reason);
    throw new FileRejectedError(reason, rejectionText(reason, facts));
  };

  let actualSize: number;
  const { client, sdk } = await s3(); // lean
  try {
    const head = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket(), Key: source }));
    actualSize = head.ContentLength ?? -1;
  } catch (err) {
    if (isNotFound(err)) return refuse('file_missing', { declaredType: upload.declaredType });
    throw err;
  }
  if (actualSize !== upload.declaredSize || actualSize > rule.maxBytes || actualSize < 1) {
    return refuse('file_size', { declaredType: upload.declaredType, declaredSize: upload.declaredSize, actualSize, maxBytes: rule.maxBytes });
  }

  const inspected = await inspectObject(source, actualSize);
  if (inspected.kind !== EXPECTED[upload.declaredType]) return refuse('file_type', { declaredType: upload.declaredType, kind: inspected.kind });
  if (inspected.sha256 !== upload.declaredSha256) return refuse('file_tampered', { declaredType: upload.declaredType });

  const target = storedFileKey(tenantId, uploadId);
  // Copy exactly the bytes we checked: a second POST to the same key since then fails the ETag condition in S3.
  // s3rver ignores the condition, so the copy's ETag is compared as well.
  await client.send(
    new sdk.CopyObjectCommand({
      Bucket: bucket(),
      Key: target,
      CopySource: `${bucket()}/${source.split('/').map(encodeURIComponent).join('/')}`,
      ...(inspected.etag ? { CopySourceIfMatch: inspected.etag } : {}),
      ContentType: upload.declaredType,
      MetadataDirective: 'REPLACE',
      ...fileRetention(), // ops: Object Lock (decision 0024)
    }),
  );
  const copied = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket(), Key: target }));
  if (inspected.etag && copied.ETag !== inspected.etag) return refuse('file_tampered', { declaredType: upload.declaredType });

  return { upload, fileKey: target, fileName: upload.fileName, contentType: upload.declaredType, size: actualSize, sha256: inspected.sha256 };
}
