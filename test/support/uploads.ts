import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CreateUploadResponse, UploadPurpose } from '@mcr/contract';
import { createDb, createRepositories, type MembershipRecord } from '@mcr/data';
import ExcelJS from 'exceljs';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { minimalPdf } from '../../packages/local/src/seed/demo-documents.ts';
import { type ApiResult, api } from './api.ts';
import { stackInfo } from './stack-info.ts';

/** Files, uploads and extra users for the tests of the files pipeline (decision 0012). */

export const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export const pdfBytes = (title = 'test document') => minimalPdf([title, `nonce ${randomBytes(6).toString('hex')}`]);

export async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('MDS').addRow(['JAHIS', 'Ver.3.1', randomBytes(4).toString('hex')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A stored (uncompressed) ZIP of these entries. */
export function zipOf(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(e.data.length, 20);
    header.writeUInt32LE(e.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export const docxBytes = () =>
  zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'word/document.xml', data: Buffer.from(`<document>${randomBytes(4).toString('hex')}</document>`) },
  ]);

/** The PNG signature and an IHDR chunk: enough for a type check by bytes. */
export const pngBytes = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000d49484452', 'hex'), randomBytes(32)]);

/** A Windows program ("MZ" …), the kind of file someone renames to `.pdf`. */
export const executableBytes = () =>
  Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.'), randomBytes(64)]);

/** Who calls: a demo user by e-mail, or a token of a user made by the test. */
export type Caller = { as: string } | { token: string };

export interface LocalFile {
  name: string;
  type: string;
  bytes: Buffer;
}

export const declarationOf = (purpose: UploadPurpose, f: LocalFile) => ({
  purpose,
  fileName: f.name,
  size: f.bytes.length,
  contentType: f.type,
  sha256: sha256(f.bytes),
});

export function requestUpload(who: Caller, body: unknown): Promise<ApiResult<CreateUploadResponse>> {
  return api<CreateUploadResponse>('POST', '/api/uploads', { ...who, body });
}

/** What a browser does with the presigned POST: every field first, the file last. */
export async function postToS3(link: CreateUploadResponse, bytes: Buffer, contentType: string): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(link.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'upload');
  const res = await fetch(link.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Declares a file, then sends `send` (default: the file itself) to S3. Returns the upload id. The declaration can
 * be overridden to lie about the file; `send: null` sends nothing.
 */
export async function uploadFile(
  who: Caller,
  purpose: UploadPurpose,
  file: LocalFile,
  opts: { declare?: Partial<ReturnType<typeof declarationOf>>; send?: Buffer | null } = {},
): Promise<string> {
  const res = await requestUpload(who, { ...declarationOf(purpose, file), ...opts.declare });
  if (res.status !== 201) throw new Error(`upload link refused: ${res.status} ${JSON.stringify(res.body)}`);
  if (opts.send !== null) {
    const status = await postToS3(res.body, opts.send ?? file.bytes, file.type);
    if (status >= 300) throw new Error(`S3 refused the POST: ${status}`);
  }
  return res.body.uploadId;
}

let s3: S3Client | undefined;
/** Whether an object exists in the local bucket (s3rver's fixed development key). */
export async function objectExists(key: string): Promise<boolean> {
  const info = stackInfo();
  s3 ??= new S3Client({
    region: 'ap-northeast-1',
    endpoint: info.services.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    await s3.send(new HeadObjectCommand({ Bucket: info.services.bucket, Key: key }));
    return true;
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw err;
  }
}

export async function download(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/**
 * A signed-in user made for the test (the demo has no facility user linked to 阿波メディカル, nor a second vendor
 * user): password + TOTP in the local user pool, membership in the tenant. Returns an access token.
 */
export async function provisionedUser(tenantId: string, membership: Omit<MembershipRecord, 'userId' | 'email' | 'status'>): Promise<{ token: string }> {
  const s = stackInfo();
  const email = `files-${membership.orgId}-${randomBytes(4).toString('hex')}@example.jp`;
  const password = `Files-${randomBytes(6).toString('hex')}-Aa1`;
  const flows = new CognitoAuthFlows({ endpoint: s.services.cognitoEndpoint, userPoolId: s.services.userPoolId, clientId: s.services.userPoolClientId });
  try {
    const { sub, totpSecret } = await flows.provisionUser({ email, password, groups: [`tenant:${tenantId}`] });
    const db = createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint });
    await createRepositories(db, { tenantId }).memberships.put({ ...membership, userId: sub, email, status: 'active' });
    db.doc.destroy();
    const tokens = await flows.signIn({ email, password, totpSecret });
    return { token: tokens.accessToken };
  } finally {
    flows.destroy();
  }
}
