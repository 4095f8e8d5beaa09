import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { scopeClient } from '@mcr/data';
import { env } from '../pipeline/env.ts';

/** How long a download link works: long enough to click, short enough not to be worth forwarding. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

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
  // lean: lib-storage and the client load with the first export (only the job worker writes exports).
  const upload = Promise.all([import('@aws-sdk/lib-storage'), s3()]).then(
    ([{ Upload }, { client }]) =>
      new Upload({
        client,
        params: { Bucket: bucket(), Key: key, Body: body, ContentType: contentType, ContentDisposition: attachment(fileName) },
        queueSize: 2,
        partSize: 5 * 1024 * 1024,
      }),
  );
  return { done: async () => (await upload).done(), abort: async () => (await upload).abort() };
}

/** A short-lived GET link to an export, named for the user's download. */
export async function downloadLink(key: string, fileName: string): Promise<{ url: string; expiresAt: string }> {
  const [{ getSignedUrl }, { client, sdk }] = await Promise.all([import('@aws-sdk/s3-request-presigner'), s3()]); // lean
  const url = await getSignedUrl(client, new sdk.GetObjectCommand({ Bucket: bucket(), Key: key, ResponseContentDisposition: attachment(fileName) }), {
    expiresIn: DOWNLOAD_LINK_SECONDS,
  });
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_LINK_SECONDS * 1000).toISOString() };
}
