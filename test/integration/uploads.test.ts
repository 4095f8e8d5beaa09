import type {
  DownloadLink,
  Evidence,
  FacilityDocumentsResponse,
  ListDocumentsResponse,
  ListEvidenceResponse,
  MissingDocumentsResponse,
  VendorDocument,
} from '@mcr/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { type ApiResult, api, USERS } from '../support/api.ts';
import {
  type Caller,
  declarationOf,
  docxBytes,
  download,
  executableBytes,
  type LocalFile,
  objectExists,
  pdfBytes,
  pngBytes,
  provisionedUser,
  requestUpload,
  sha256,
  TYPES,
  uploadFile,
  xlsxBytes,
  zipOf,
} from '../support/uploads.ts';

/**
 * The files pipeline against the real local stack: presigned POSTs to s3rver (which ignores the policy, so the
 * server-side check is what refuses), MDS/SDS documents of a vendor and evidence files of a facility's cells.
 */
const T36 = tokushima();
const VENDOR = 'v-awa-medical';
const vendor: Caller = { as: USERS.vendor36 };
const campaign = T36.campaign.id;
const hospital = T36.facilities[0]!;
/** A facility whose contract with 阿波メディカル includes 電子カルテ (its documents for 電子カルテ apply to it). */
const linked = T36.contracts.find((c) => c.vendorId === VENDOR && c.systems.includes('電子カルテ'))!;
const linkedFacility = T36.facilities.find((f) => f.id === linked.facilityId)!;
let linkedUser: Caller;
let otherVendorUser: Caller;
const run = Date.now().toString(36);

const docsPath = `/api/vendors/${VENDOR}/documents`;
const evidencePath = (facilityId = hospital.id) => `/api/campaigns/${campaign}/facilities/${facilityId}/evidence`;
const docLink = (d: Pick<VendorDocument, 'documentId' | 'version'>) => `${docsPath}/${d.documentId}/versions/${d.version}/link`;

const documentBody = (uploadId: string, product: string, over: Record<string, unknown> = {}) => ({
  uploadId,
  kind: 'MDS',
  product,
  productVersion: '1.0',
  issuedOn: '2025-04-01',
  jahisFormatVersion: 'Ver.3.1',
  systems: ['電子カルテ'],
  ...over,
});

const pdf = (name = 'MDS.pdf'): LocalFile => ({ name, type: TYPES.pdf, bytes: pdfBytes(name) });

async function createDocument(uploadId: string, product: string, over: Record<string, unknown> = {}) {
  return api<VendorDocument>('POST', docsPath, { ...vendor, body: documentBody(uploadId, product, over) });
}

const versionsOf = async () => {
  const res = await api<ListDocumentsResponse>('GET', docsPath, vendor);
  expect(res.status).toBe(200);
  return res.body.items.flatMap((g) => g.versions.map((v) => `${v.documentId}#${v.version}`)).sort();
};

const evidenceOf = async (as: Caller = { as: USERS.hospitalAdmin36 }, query = '') => {
  const res = await api<ListEvidenceResponse>('GET', `${evidencePath()}${query}`, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.cells.flatMap((c) => c.items);
};

/** The refusal names `body.uploadId` and the reason, in Japanese and English. */
function expectRefused(res: ApiResult, status: number, code: string, ja?: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const fields = (res.body as { error: { fields?: { field: string; code: string; message: { ja: string; en: string } }[] } }).error.fields ?? [];
  const f = fields.find((x) => x.field === 'body.uploadId');
  expect(f, JSON.stringify(res.body)).toMatchObject({ code });
  expect(f?.message.ja.length).toBeGreaterThan(0);
  expect(f?.message.en.length).toBeGreaterThan(0);
  if (ja) expect(f?.message.ja).toMatch(ja);
}

beforeAll(async () => {
  linkedUser = await provisionedUser('36', {
    displayName: '連携先 医療機関 管理者',
    role: 'facility_admin',
    orgKind: 'facility',
    orgId: linkedFacility.id,
    orgName: linkedFacility.name,
  });
  otherVendorUser = await provisionedUser('36', {
    displayName: '四国医療情報 担当者',
    role: 'vendor_user',
    orgKind: 'vendor',
    orgId: 'v-shikoku-it',
    orgName: '四国医療情報サービス株式会社',
  });
});

describe('upload links', () => {
  it('answers a presigned POST for the tenant’s quarantine key, with the declared type and at most the declared size', async () => {
    const file = pdf();
    const res = await requestUpload(vendor, declarationOf('vendor_document', file));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.fields.key).toBe(`quarantine/36/${res.body.uploadId}`);
    expect(res.body.fields['Content-Type']).toBe(TYPES.pdf);
    expect(res.body.maxBytes).toBe(20 * 1024 * 1024);
    const policy = JSON.parse(Buffer.from(res.body.fields.Policy as string, 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1, file.bytes.length]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', TYPES.pdf]);
  });

  it.each([
    ['a type not allowed for MDS/SDS (docx)', { purpose: 'vendor_document', contentType: TYPES.docx }, 'body.contentType'],
    ['an HTML page', { purpose: 'evidence', contentType: 'text/html' }, 'body.contentType'],
    ['a document over 20 MiB', { purpose: 'vendor_document', size: 20 * 1024 * 1024 + 1 }, 'body.size'],
    ['evidence over 10 MiB', { purpose: 'evidence', size: 10 * 1024 * 1024 + 1, contentType: TYPES.png }, 'body.size'],
    ['a malformed SHA-256', { purpose: 'evidence', sha256: 'abc' }, 'body.sha256'],
  ])('refuses to declare %s (400 naming the field)', async (_name, over, field) => {
    const who = over.purpose === 'evidence' ? { as: USERS.hospitalAdmin36 } : vendor;
    const res = await requestUpload(who, { ...declarationOf(over.purpose as 'evidence', pdf()), ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const fields = (res.body as unknown as { error: { fields: { field: string; message: { ja: string } }[] } }).error.fields;
    expect(fields.map((f) => f.field)).toContain(field);
  });

  it('is not for the prefecture or the 保健所 (they upload nothing)', async () => {
    expect((await requestUpload({ as: USERS.pref36 }, declarationOf('evidence', pdf()))).status).toBe(403);
    expect((await requestUpload({ as: USERS.inspector36 }, declarationOf('evidence', pdf()))).status).toBe(403);
  });
});

describe('MDS/SDS documents', () => {
  it('registers a checked PDF and xlsx, which the linked facility downloads through a short link (same bytes)', async () => {
    for (const file of [pdf(`MDS-${run}.pdf`), { name: `SDS-${run}.xlsx`, type: TYPES.xlsx, bytes: await xlsxBytes() }]) {
      const uploadId = await uploadFile(vendor, 'vendor_document', file);
      const res = await createDocument(uploadId, `製品 ${file.name}`, { kind: file.type === TYPES.pdf ? 'MDS' : 'SDS' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ vendorId: VENDOR, version: 1, current: true, fileName: file.name, size: file.bytes.length, sha256: sha256(file.bytes) });
      expect(await objectExists(`files/36/${uploadId}`)).toBe(true);

      const link = await api<DownloadLink>('GET', docLink(res.body), linkedUser);
      expect(link.status, JSON.stringify(link.body)).toBe(200);
      const url = new URL(link.body.url);
      expect(url.pathname).toContain(`/files/36/${uploadId}`);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
      const got = await download(link.body.url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(file.bytes)).toBe(true);
      expect(got.headers.get('content-type')).toBe(file.type);
      expect(got.headers.get('content-disposition')).toContain(encodeURIComponent(file.name));
    }
    const facilityView = await api<FacilityDocumentsResponse>('GET', `/api/facilities/${linkedFacility.id}/documents`, linkedUser);
    expect(facilityView.status).toBe(200);
    const awa = facilityView.body.items.find((i) => i.vendorId === VENDOR);
    expect(awa?.hasCurrent).toBe(true);
    expect(awa?.documents.map((d) => d.fileName)).toEqual(expect.arrayContaining([`MDS-${run}.pdf`, `SDS-${run}.xlsx`]));
  });

  it('keeps the old version when a new one of the same kind and product supersedes it', async () => {
    const product = `電子カルテ ${run}`;
    const first = await createDocument(await uploadFile(vendor, 'vendor_document', pdf('v1.pdf')), product);
    expect(first.status).toBe(201);
    // Same product in another width and case: the same document.
    const wide = product.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).toUpperCase();
    const second = await createDocument(await uploadFile(vendor, 'vendor_document', pdf('v2.pdf')), wide, { productVersion: '2.0' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ documentId: first.body.documentId, version: 2, current: true });

    const list = await api<ListDocumentsResponse>('GET', docsPath, vendor);
    const group = list.body.items.find((g) => g.documentId === first.body.documentId);
    expect(group?.versions.map((v) => [v.version, v.current, v.supersededBy ?? null])).toEqual([
      [2, true, null],
      [1, false, 2],
    ]);
    // The old version is kept and still opens for the vendor and the prefecture, not for facilities.
    expect((await api('GET', docLink(first.body), vendor)).status).toBe(200);
    expect((await api('GET', docLink(first.body), { as: USERS.pref36 })).status).toBe(200);
    expect((await api('GET', docLink(first.body), linkedUser)).status).toBe(404);
    expect((await api('GET', docLink(second.body), linkedUser)).status).toBe(200);
    const facilityView = await api<FacilityDocumentsResponse>('GET', `/api/facilities/${linkedFacility.id}/documents`, linkedUser);
    const versions = facilityView.body.items.find((i) => i.vendorId === VENDOR)?.documents.filter((d) => d.documentId === first.body.documentId);
    expect(versions?.map((d) => d.version)).toEqual([2]);
  });

  it('does not let a facility open a document that does not apply to its contract, nor another vendor’s', async () => {
    // f001 has no contract with 阿波メディカル at all.
    const doc = await createDocument(await uploadFile(vendor, 'vendor_document', pdf()), `全般 ${run}`);
    expect(doc.status).toBe(201);
    expect((await api('GET', docLink(doc.body), { as: USERS.hospitalAdmin36 })).status).toBe(404);
    // A document for PACS only does not apply to the linked facility's 電子カルテ/レセコン contract.
    const pacs = await createDocument(await uploadFile(vendor, 'vendor_document', pdf()), `PACS ${run}`, { systems: ['PACS'] });
    expect((await api('GET', docLink(pacs.body), linkedUser)).status).toBe(404);
    expect((await api('GET', docLink(doc.body), linkedUser)).status).toBe(200);
    // Another vendor neither lists, nor opens, nor writes 阿波メディカル's documents.
    expect((await api('GET', docsPath, otherVendorUser)).status).toBe(403);
    expect((await api('GET', docLink(doc.body), otherVendorUser)).status).toBe(404);
    const own = await uploadFile(otherVendorUser, 'vendor_document', pdf());
    expect((await api('POST', docsPath, { ...otherVendorUser, body: documentBody(own, `乗っ取り ${run}`) })).status).toBe(403);
  });

  it('refuses an issue date in the future', async () => {
    const res = await createDocument(await uploadFile(vendor, 'vendor_document', pdf()), `未来 ${run}`, { issuedOn: '2999-01-01' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('body.issuedOn');
  });

  it('lists, for the prefecture, contracted vendors with nothing current on file, with the facilities affected', async () => {
    const res = await api<MissingDocumentsResponse>('GET', '/api/vendor-documents/missing', { as: USERS.pref36 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // ジャパン画像システム has contracts and no user in the demo, so no test registers a document for it (the linked
    // vendor's users do, in other files: the scope matrix and the races).
    const pacs = res.body.items.find((i) => i.vendorId === 'v-pacs-japan');
    const contracted = T36.contracts.filter((c) => c.vendorId === 'v-pacs-japan').length;
    expect(contracted).toBeGreaterThan(0);
    expect(pacs).toMatchObject({ noDocuments: true });
    expect(pacs?.facilitiesWithout).toBe(pacs?.contractedFacilities);
    expect(pacs?.contractedFacilities).toBeGreaterThanOrEqual(contracted);
    // 阿波メディカル's documents cover 電子カルテ and PACS: only its contracts without either (pharmacies' レセコン) lack one.
    const uncovered = T36.contracts.filter((c) => c.vendorId === VENDOR && !c.systems.includes('電子カルテ') && !c.systems.includes('PACS')).length;
    const awa = res.body.items.find((i) => i.vendorId === VENDOR);
    if (uncovered === 0) expect(awa).toBeUndefined();
    else expect(awa).toMatchObject({ noDocuments: false, facilitiesWithout: uncovered });
    expect((await api('GET', '/api/vendor-documents/missing', { as: USERS.hospitalAdmin36 })).status).toBe(403);
    expect((await api('GET', '/api/vendor-documents/missing', { as: USERS.inspector36 })).status).toBe(403);
  });
});

describe('refused uploads: the reason is named, nothing is counted, nothing is served', () => {
  const zipNotXlsx = () => zipOf([{ name: 'readme.txt', data: Buffer.from(`not a workbook ${run}`) }]);
  const cases: [string, () => Promise<{ file: LocalFile; declare?: Record<string, unknown>; send?: Buffer | null }>, string, RegExp][] = [
    [
      'an executable renamed .pdf',
      async () => ({ file: { name: 'invoice.pdf', type: TYPES.pdf, bytes: executableBytes() } }),
      'file_type',
      /PDF ではありません（中身が実行ファイルです）/,
    ],
    ['a ZIP that is not an xlsx', async () => ({ file: { name: 'MDS.xlsx', type: TYPES.xlsx, bytes: zipNotXlsx() } }), 'file_type', /ZIP/],
    ['a docx declared as xlsx', async () => ({ file: { name: 'MDS.xlsx', type: TYPES.xlsx, bytes: docxBytes() } }), 'file_type', /Word/],
    [
      'a file bigger than declared (s3rver ignores the policy)',
      async () => {
        const bytes = pdfBytes();
        return { file: pdf(), declare: { size: bytes.length - 10, sha256: sha256(bytes) }, send: bytes };
      },
      'file_size',
      /大きさ/,
    ],
    [
      'a tampered file (bytes differ from the declared SHA-256)',
      async () => {
        const file = pdf();
        return { file, send: Buffer.concat([file.bytes.subarray(0, file.bytes.length - 4), Buffer.from('XXXX')]) };
      },
      'file_tampered',
      /SHA-256/,
    ],
    ['nothing uploaded', async () => ({ file: pdf(), send: null }), 'file_missing', /届いていません/],
  ];

  it.each(cases)('refuses %s as a document', async (_name, make, code, ja) => {
    const { file, declare, send } = await make();
    const before = await versionsOf();
    const uploadId = await uploadFile(vendor, 'vendor_document', file, { ...(declare ? { declare } : {}), ...(send !== undefined ? { send } : {}) });
    expectRefused(await createDocument(uploadId, `拒否 ${code} ${run}`), 422, code, ja);
    expect(await versionsOf()).toEqual(before);
    expect(await objectExists(`files/36/${uploadId}`)).toBe(false);
    // What was sent stays in quarantine (removed by the bucket's lifecycle rule), from where nothing is served.
    expect(await objectExists(`quarantine/36/${uploadId}`)).toBe(send !== null);
    // The refusal is final: the same upload cannot be tried again.
    expectRefused(await createDocument(uploadId, `拒否 ${code} ${run}`), 409, 'upload_rejected');
  });

  it.each(cases)('refuses %s as evidence', async (_name, make, code, ja) => {
    const { file, declare, send } = await make();
    const before = await evidenceOf();
    const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', file, {
      ...(declare ? { declare } : {}),
      ...(send !== undefined ? { send } : {}),
    });
    const res = await api('POST', evidencePath(), { as: USERS.hospitalAdmin36, body: { uploadId, cell: '2-4:server' } });
    expectRefused(res, 422, code, ja);
    expect(await evidenceOf()).toEqual(before);
    expect(await objectExists(`files/36/${uploadId}`)).toBe(false);
  });

  it('refuses an upload used twice', async () => {
    const uploadId = await uploadFile(vendor, 'vendor_document', pdf());
    expect((await createDocument(uploadId, `一度だけ ${run}`)).status).toBe(201);
    const before = await versionsOf();
    expectRefused(await createDocument(uploadId, `二度目 ${run}`), 409, 'upload_used');
    expect(await versionsOf()).toEqual(before);
  });

  it('refuses the upload of another organisation, or one asked for another purpose', async () => {
    const clinics = await uploadFile({ as: USERS.clinic36 }, 'evidence', { name: 'a.png', type: TYPES.png, bytes: pngBytes() });
    const before = await evidenceOf();
    expectRefused(await api('POST', evidencePath(), { as: USERS.hospitalAdmin36, body: { uploadId: clinics, cell: '2-4:server' } }), 404, 'upload_not_found');
    expect(await evidenceOf()).toEqual(before);
    const forEvidence = await uploadFile(vendor, 'evidence', pdf());
    expectRefused(await createDocument(forEvidence, `用途違い ${run}`), 404, 'upload_not_found');
    // Another vendor's upload.
    const others = await uploadFile(otherVendorUser, 'vendor_document', pdf());
    expectRefused(await createDocument(others, `他社 ${run}`), 404, 'upload_not_found');
    // The clinic's own upload still works for the clinic afterwards: nothing was spent by the refusals.
    const clinicId = T36.users.find((u) => u.email === USERS.clinic36)!.orgId;
    const own = await api('POST', evidencePath(clinicId), { as: USERS.clinic36, body: { uploadId: clinics, cell: '2-4:server' } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
  });

  it('refuses evidence on a cell the campaign’s form does not have', async () => {
    const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', { name: 'a.png', type: TYPES.png, bytes: pngBytes() });
    const before = await evidenceOf();
    for (const cell of ['9-99:system', '2-6:client']) {
      const res = await api('POST', evidencePath(), { as: USERS.hospitalAdmin36, body: { uploadId, cell } });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('body.cell');
    }
    expect(await evidenceOf()).toEqual(before);
    expect(await objectExists(`files/36/${uploadId}`)).toBe(false);
  });
});

describe('evidence per cell', () => {
  it('attaches PDF, xlsx, docx, PNG and JPEG files that the 保健所 and the prefecture open; a removed one is hidden but kept', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF ${run}`)]);
    const files: LocalFile[] = [
      pdf('規程.pdf'),
      { name: '台帳.xlsx', type: TYPES.xlsx, bytes: await xlsxBytes() },
      { name: '手順書.docx', type: TYPES.docx, bytes: docxBytes() },
      // A workbook whose central directory (≈ 300 KB) is larger than what the check keeps of the file's end.
      {
        name: '大きな台帳.xlsx',
        type: TYPES.xlsx,
        bytes: zipOf([
          { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
          ...Array.from({ length: 4000 }, (_, i) => ({ name: `xl/worksheets/sheet${String(i).padStart(5, '0')}.xml`, data: Buffer.from(`<s>${i}</s>`) })),
        ]),
      },
      { name: '画面.png', type: TYPES.png, bytes: pngBytes() },
      { name: '写真.jpg', type: TYPES.jpeg, bytes: jpeg },
    ];
    const created: Evidence[] = [];
    for (const file of files) {
      const uploadId = await uploadFile({ as: USERS.hospitalStaff36 }, 'evidence', file);
      const res = await api<Evidence>('POST', evidencePath(), { as: USERS.hospitalStaff36, body: { uploadId, cell: '2-5:client', title: file.name } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ cell: '2-5:client', fileName: file.name, contentType: file.type, size: file.bytes.length });
      created.push(res.body);
    }
    const listed = (await evidenceOf({ as: USERS.inspector36 })).filter((e) => e.cell === '2-5:client').map((e) => e.evidenceId);
    expect(listed).toEqual(expect.arrayContaining(created.map((e) => e.evidenceId)));

    const target = created[0]!;
    const link = (id: string) => `${evidencePath()}/${id}/link`;
    for (const as of [USERS.inspector36, USERS.pref36, USERS.hospitalAdmin36]) {
      const res = await api<DownloadLink>('GET', link(target.evidenceId), { as });
      expect(res.status).toBe(200);
      expect((await download(res.body.url)).bytes.equals(files[0]!.bytes)).toBe(true);
    }

    expect((await api('DELETE', `${evidencePath()}/${target.evidenceId}`, { as: USERS.hospitalAdmin36 })).status).toBe(204);
    expect((await evidenceOf()).map((e) => e.evidenceId)).not.toContain(target.evidenceId);
    expect((await evidenceOf({ as: USERS.pref36 })).map((e) => e.evidenceId)).not.toContain(target.evidenceId);
    const withRemoved = await evidenceOf({ as: USERS.pref36 }, '?includeRemoved=true');
    expect(withRemoved.find((e) => e.evidenceId === target.evidenceId)?.removed?.at).toBeTruthy();
    // Others asking for removed files get the visible ones only.
    expect((await evidenceOf({ as: USERS.inspector36 }, '?includeRemoved=true')).map((e) => e.evidenceId)).not.toContain(target.evidenceId);
    expect((await api('GET', link(target.evidenceId), { as: USERS.hospitalAdmin36 })).status).toBe(404);
    expect((await api('GET', link(target.evidenceId), { as: USERS.inspector36 })).status).toBe(404);
    expect((await api('GET', link(target.evidenceId), { as: USERS.pref36 })).status).toBe(200);
    // Removing it again finds nothing to remove.
    expect((await api('DELETE', `${evidencePath()}/${target.evidenceId}`, { as: USERS.hospitalAdmin36 })).status).toBe(404);
  });

  it('keeps a file name safe for lists and headers, and gives a download the checked type’s extension', async () => {
    for (const [given, stored, downloaded] of [
      ['報告書', '報告書', '報告書.png'],
      ['../画面\u0007.png', '.._画面_.png', '.._画面_.png'],
    ]) {
      const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', { name: given as string, type: TYPES.png, bytes: pngBytes() });
      const res = await api<Evidence>('POST', evidencePath(), { as: USERS.hospitalAdmin36, body: { uploadId, cell: '2-4:client' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.fileName).toBe(stored);
      const link = await api<DownloadLink>('GET', `${evidencePath()}/${res.body.evidenceId}/link`, { as: USERS.hospitalAdmin36 });
      const got = await download(link.body.url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(downloaded as string)}`);
    }
  });

  it('caps a cell at 20 files', async () => {
    const cell = '2-6:server';
    const existing = (await evidenceOf()).filter((e) => e.cell === cell).length;
    for (let i = existing; i < 20; i++) {
      const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', { name: `${i}.png`, type: TYPES.png, bytes: pngBytes() });
      expect((await api('POST', evidencePath(), { as: USERS.hospitalAdmin36, body: { uploadId, cell } })).status).toBe(201);
    }
    const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', { name: '21.png', type: TYPES.png, bytes: pngBytes() });
    const res = await api('POST', evidencePath(), { as: USERS.hospitalAdmin36, body: { uploadId, cell } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('too_many_files');
    expect((await evidenceOf()).filter((e) => e.cell === cell)).toHaveLength(20);
  });

  it('keeps other facilities and other 保健所 out', async () => {
    expect((await api('GET', evidencePath(), { as: USERS.clinic36 })).status).toBe(403);
    const otherHc = T36.facilities.find((f) => f.healthCenterId !== 'hc-tokushima')!;
    expect((await api('GET', evidencePath(otherHc.id), { as: USERS.inspector36 })).status).toBe(403);
  });
});
