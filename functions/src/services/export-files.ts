import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { env } from '../pipeline/env.ts';

/** How long a download link works: long enough to click, short enough not to be worth forwarding. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

let client: S3Client | undefined;
function s3(): S3Client {
  const e = env();
  client ??= new S3Client({
    region: e.AWS_REGION,
    // s3rver accepts only its own fixed development key (also for presigned links); it guards no data.
    ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
  });
  return client;
}

function bucket(): string {
  const name = env().EXPORTS_BUCKET;
  if (!name) throw new Error('EXPORTS_BUCKET is not set');
  return name;
}

/** Every export lives under its tenant: `exports/<tenant>/<jobId>/<file>`. */
export function exportObjectKey(tenantId: string, jobId: string, file: string): string {
  return `exports/${tenantId}/${jobId}/${file}`;
}

/** `attachment` with the Japanese file name (RFC 6266 `filename*`) and an ASCII fallback. */
export function attachment(fileName: string): string {
  // Browsers use `filename*`; the plain name is for old clients only, so a Japanese name falls back to `export.<ext>`.
  const ascii = /^[\x20-\x7e]+$/.test(fileName) ? fileName.replace(/["\\]/g, '_') : `export${fileName.slice(fileName.lastIndexOf('.'))}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/**
 * Streams a file of unknown length into S3 (multipart, 5 MiB parts, at most two in flight), so that a large
 * export never sits in memory whole. Returns the upload's promise; abort() stops it when the writer fails.
 */
export function uploadExport(key: string, body: Readable, contentType: string, fileName: string) {
  const upload = new Upload({
    client: s3(),
    params: { Bucket: bucket(), Key: key, Body: body, ContentType: contentType, ContentDisposition: attachment(fileName) },
    queueSize: 2,
    partSize: 5 * 1024 * 1024,
  });
  return { done: () => upload.done(), abort: () => upload.abort() };
}

/** A short-lived GET link to an export, named for the user's download. */
export async function downloadLink(key: string, fileName: string): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket(), Key: key, ResponseContentDisposition: attachment(fileName) }), {
    expiresIn: DOWNLOAD_LINK_SECONDS,
  });
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_LINK_SECONDS * 1000).toISOString() };
}
