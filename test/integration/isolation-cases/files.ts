import { createHash } from 'node:crypto';
import type {
  CreateUploadResponse,
  DownloadLink,
  Evidence,
  FacilityDocumentsResponse,
  ListDocumentsResponse,
  ListEvidenceResponse,
  MissingDocumentsResponse,
  VendorDocument,
} from '@mcr/contract';
import { documentIdOf } from '@mcr/data';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../../support/api.ts';
import { type IsolationCase, preparedCase } from '../../support/isolation.ts';
import { declarationOf, pdfBytes, pngBytes, TYPES, uploadFile } from '../../support/uploads.ts';

/**
 * Isolation cases of the files pipeline (uploads, MDS/SDS documents, evidence). Vendor ↔ another vendor's
 * documents, facility ↔ a vendor it has no contract with, facility ↔ another facility's evidence, 保健所 ↔ a
 * facility of another 保健所, and tenant 37 ↔ tenant 36 (keys and S3 keys start with the tenant).
 */
type FileRouteId =
  | 'uploads.create'
  | 'documents.create'
  | 'documents.list'
  | 'documents.link'
  | 'facilities.documents'
  | 'documents.missing'
  | 'evidence.create'
  | 'evidence.list'
  | 'evidence.remove'
  | 'evidence.link';

const T36 = tokushima();
const AWA = 'v-awa-medical';
/** The demo MDS of 阿波メディカル (packages/local/src/seed/demo-documents.ts). */
const seededDoc = { documentId: documentIdOf('MDS', '阿波カルテ EHR'), version: 1 };
const campaign = T36.campaign.id;
/** f001 (徳島保健所): no contract with 阿波メディカル. */
const hospital = T36.facilities[0]!;
/** The clinic of the demo's clinic user, under 阿南保健所. */
const clinicId = T36.users.find((u) => u.email === USERS.clinic36)!.orgId;
const evidencePath = (facilityId: string) => `/api/campaigns/${campaign}/facilities/${facilityId}/evidence`;
const IDS_36 = /(?<![\w-])(f\d{3}|hc-(tokushima|anan|mima)|v-(awa-medical|shikoku-it|naruto-soft|yoshino-net|dental-cloud|pacs-japan))(?![\w-])/g;
const ids36 = (body: unknown) => JSON.stringify(body).match(IDS_36) ?? [];

const pdf = () => ({ name: 'MDS.pdf', type: TYPES.pdf, bytes: pdfBytes('isolation') });
const png = () => ({ name: 'evidence.png', type: TYPES.png, bytes: pngBytes() });

const documentBody = (uploadId: string) => ({
  uploadId,
  kind: 'SDS',
  product,
  productVersion: '1',
  issuedOn: '2025-04-01',
  jahisFormatVersion: 'Ver.3.1',
  systems: ['電子カルテ'],
});

async function attachEvidence(as: string, facilityId: string, cell = '2-4:server'): Promise<Evidence> {
  const uploadId = await uploadFile({ as }, 'evidence', png());
  const res = await api<Evidence>('POST', evidencePath(facilityId), { as, body: { uploadId, cell } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const evidenceOf = async (facilityId: string) =>
  (await api<ListEvidenceResponse>('GET', evidencePath(facilityId), { as: USERS.pref36 })).body.cells.flatMap((c) => c.items);
const product = `分離テスト ${Date.now()}`;

export const FILE_CASES: Record<FileRouteId, IsolationCase> = {
  'uploads.create': {
    positive: { as: USERS.vendor36, method: 'POST', path: '/api/uploads', body: declarationOf('vendor_document', pdf()) },
    expectPositive: (b) => expect((b as CreateUploadResponse).fields.key).toMatch(/^quarantine\/36\/up-/),
    // 香川県's user gets a link into its own tenant's quarantine, never 徳島県's.
    crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: '/api/uploads', body: declarationOf('evidence', png()) },
    leaks: (b) => ((b as CreateUploadResponse).fields?.key?.startsWith('quarantine/37/') ? [] : [`key ${(b as CreateUploadResponse).fields?.key}`]),
    // The 保健所 uploads nothing.
    crossOrg: { as: USERS.inspector36, method: 'POST', path: '/api/uploads', body: declarationOf('evidence', png()) },
  },
  'documents.create': {
    positive: {
      as: USERS.vendor36,
      method: 'POST',
      path: `/api/vendors/${AWA}/documents`,
      body: async () => documentBody(await uploadFile({ as: USERS.vendor36 }, 'vendor_document', pdf())),
    },
    expectPositive: async (b) => {
      expect(b as VendorDocument).toMatchObject({ vendorId: AWA, kind: 'SDS', product, current: true });
      const listed = await api<ListDocumentsResponse>('GET', `/api/vendors/${AWA}/documents`, { as: USERS.vendor36 });
      expect(listed.body.items.map((g) => g.documentId)).toContain((b as VendorDocument).documentId);
    },
    crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: `/api/vendors/${AWA}/documents`, body: documentBody('up-x') },
    // 阿波メディカル's user, with an upload of its own, writes to another vendor's documents.
    crossOrg: {
      as: USERS.vendor36,
      method: 'POST',
      path: '/api/vendors/v-shikoku-it/documents',
      body: async () => documentBody(await uploadFile({ as: USERS.vendor36 }, 'vendor_document', pdf())),
    },
  },
  'documents.list': {
    positive: { as: USERS.vendor36, path: `/api/vendors/${AWA}/documents` },
    expectPositive: (b) => expect((b as ListDocumentsResponse).items.map((g) => g.documentId)).toContain(seededDoc.documentId),
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${AWA}/documents` },
    crossOrg: { as: USERS.vendor36, path: '/api/vendors/v-shikoku-it/documents' },
  },
  'documents.link': {
    positive: { as: USERS.vendor36, path: `/api/vendors/${AWA}/documents/${seededDoc.documentId}/versions/1/link` },
    expectPositive: (b) => expect(new URL((b as DownloadLink).url).pathname).toContain('/files/36/'),
    crossTenant: { as: USERS.pref37, path: `/api/vendors/${AWA}/documents/${seededDoc.documentId}/versions/1/link` },
    // f001 has no contract with 阿波メディカル: its document does not exist for the hospital.
    crossOrg: { as: USERS.hospitalAdmin36, path: `/api/vendors/${AWA}/documents/${seededDoc.documentId}/versions/1/link` },
  },
  'facilities.documents': {
    positive: { as: USERS.hospitalAdmin36, path: `/api/facilities/${hospital.id}/documents` },
    expectPositive: (b) =>
      expect((b as FacilityDocumentsResponse).items.map((i) => i.vendorId).sort()).toEqual(
        T36.contracts
          .filter((c) => c.facilityId === hospital.id)
          .map((c) => c.vendorId)
          .sort(),
      ),
    crossTenant: { as: USERS.pref37, path: `/api/facilities/${hospital.id}/documents` },
    crossOrg: { as: USERS.clinic36, path: `/api/facilities/${hospital.id}/documents` },
  },
  'documents.missing': {
    positive: { as: USERS.pref36, path: '/api/vendor-documents/missing' },
    expectPositive: (b) => expect((b as MissingDocumentsResponse).items.map((i) => i.vendorId)).toContain('v-shikoku-it'),
    // 香川県's prefecture sees its own vendors only.
    crossTenant: { as: USERS.pref37, path: '/api/vendor-documents/missing' },
    leaks: (b) => ids36(b),
    crossOrg: { as: USERS.hospitalAdmin36, path: '/api/vendor-documents/missing' },
  },
  'evidence.create': {
    positive: {
      as: USERS.hospitalAdmin36,
      method: 'POST',
      path: evidencePath(hospital.id),
      body: async () => ({ uploadId: await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', png()), cell: '2-4:client' }),
    },
    expectPositive: async (b) => {
      expect(b as Evidence).toMatchObject({ facilityId: hospital.id, campaignId: campaign, cell: '2-4:client', fileName: 'evidence.png' });
      expect((await evidenceOf(hospital.id)).map((e) => e.evidenceId)).toContain((b as Evidence).evidenceId);
    },
    // Each brings an upload of its own organisation and aims it at the hospital's response.
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'POST',
      path: evidencePath(hospital.id),
      body: async () => ({ uploadId: await uploadFile({ as: USERS.hospitalAdmin37 }, 'evidence', png()), cell: '2-4:client' }),
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'POST',
      path: evidencePath(hospital.id),
      body: async () => ({ uploadId: await uploadFile({ as: USERS.clinic36 }, 'evidence', png()), cell: '2-4:client' }),
    },
  },
  'evidence.list': preparedCase(
    async () => (await attachEvidence(USERS.hospitalAdmin36, hospital.id)).evidenceId,
    (kept) => ({
      positive: { as: USERS.inspector36, path: evidencePath(hospital.id) },
      expectPositive: (b) => {
        const items = (b as ListEvidenceResponse).cells.flatMap((c) => c.items);
        expect(items.filter((e) => e.evidenceId === kept)).toMatchObject([{ facilityId: hospital.id, campaignId: campaign, cell: '2-4:server' }]);
        expect(items.filter((e) => e.facilityId !== hospital.id)).toEqual([]);
      },
      crossTenant: { as: USERS.hospitalAdmin37, path: evidencePath(hospital.id) },
      // 徳島保健所's inspector and the clinic under 阿南保健所.
      crossOrg: { as: USERS.inspector36, path: evidencePath(clinicId) },
    }),
  ),
  // The positive control removes a file of the case's own; the attackers aim at another one it keeps.
  'evidence.remove': preparedCase(
    async () => ({
      kept: (await attachEvidence(USERS.hospitalAdmin36, hospital.id)).evidenceId,
      removable: (await attachEvidence(USERS.hospitalAdmin36, hospital.id, '2-5:server')).evidenceId,
    }),
    ({ kept, removable }) => ({
      positive: { as: USERS.hospitalStaff36, method: 'DELETE', path: `${evidencePath(hospital.id)}/${removable}` },
      expectPositive: async () => {
        const left = (await evidenceOf(hospital.id)).filter((e) => e.evidenceId === removable && !e.removed);
        expect(left).toEqual([]);
      },
      crossTenant: { as: USERS.hospitalAdmin37, method: 'DELETE', path: `${evidencePath(hospital.id)}/${kept}` },
      crossOrg: { as: USERS.clinic36, method: 'DELETE', path: `${evidencePath(hospital.id)}/${kept}` },
    }),
  ),
  'evidence.link': preparedCase(
    async () => ({ kept: await attachEvidence(USERS.hospitalAdmin36, hospital.id), atClinic: (await attachEvidence(USERS.clinic36, clinicId)).evidenceId }),
    ({ kept, atClinic }) => ({
      positive: { as: USERS.inspector36, path: `${evidencePath(hospital.id)}/${kept.evidenceId}/link` },
      expectPositive: async (b) => {
        const { url } = b as DownloadLink;
        expect(new URL(url).pathname).toMatch(/\/files\/36\/up-/);
        // The link opens the file the hospital attached.
        const file = await fetch(url);
        expect(file.status).toBe(200);
        expect(
          createHash('sha256')
            .update(Buffer.from(await file.arrayBuffer()))
            .digest('hex'),
        ).toBe(kept.sha256);
      },
      crossTenant: { as: USERS.pref37, path: `${evidencePath(hospital.id)}/${kept.evidenceId}/link` },
      // 徳島保健所's inspector opens a file of a clinic under 阿南保健所.
      crossOrg: { as: USERS.inspector36, path: `${evidencePath(clinicId)}/${atClinic}/link` },
    }),
  ),
};
