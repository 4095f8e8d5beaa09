import { createHash } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createRepositories, type Db, documentIdOf, type VendorDocumentRecord } from '@mcr/data';
import { LOCAL_REGION } from '../services/constants.ts';

/**
 * Demo MDS/SDS (decision 0012): 阿波メディカル has one current MDS for its 電子カルテ, checked and stored as the
 * API would (`files/<tenant>/<id>`); the other vendors have none, so the cross-checks find `disclosure_missing`.
 */

/** A small, valid one-page PDF (ASCII text, correct cross-reference offsets). */
export function minimalPdf(lines: readonly string[]): Buffer {
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 18} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const DEMO_DOCUMENT_VENDOR = 'v-awa-medical';

export async function seedDemoDocuments(db: Db, tenantId: string, s3: { endpoint: string; bucket: string }): Promise<void> {
  const body = minimalPdf([
    'MDS - Manufacturer Disclosure Statement for Medical Information Security',
    'Awa Medical Systems Co., Ltd. / AwaKarte EHR 5.2',
    'JAHIS format Ver.3.1 - demo document',
  ]);
  const uploadId = 'up-demo-awa-medical-mds';
  const fileKey = `files/${tenantId}/${uploadId}`;
  const client = new S3Client({
    region: LOCAL_REGION,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    // s3rver's fixed development key.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: fileKey, Body: body, ContentType: 'application/pdf' }));
  } finally {
    client.destroy();
  }
  const product = '阿波カルテ EHR';
  const record: VendorDocumentRecord = {
    vendorId: DEMO_DOCUMENT_VENDOR,
    documentId: documentIdOf('MDS', product),
    version: 1,
    kind: 'MDS',
    product,
    productVersion: '5.2',
    issuedOn: '2025-04-01',
    jahisFormatVersion: 'Ver.3.1',
    systems: ['電子カルテ'],
    fileName: 'MDS_阿波カルテEHR_5.2.pdf',
    contentType: 'application/pdf',
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    fileKey,
    uploadedAt: '2025-04-01T00:00:00.000Z',
    uploadedBy: 'seed',
    uploadedByName: 'デモデータ',
  };
  await createRepositories(db, { tenantId }).documents.put(record);
}
