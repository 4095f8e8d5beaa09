import { DEVICE_CLASSES, DISCLOSURE_KINDS } from '@mcr/domain';
import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime } from '../common.ts';
import { Cursor, NextCursor } from './paging.ts';
import { SYSTEM_KINDS } from './masters.ts';

/**
 * The files pipeline (decision 0012): the browser asks for an upload link, sends the file straight to S3
 * (presigned POST into quarantine), then names the upload in the purpose's own route, which verifies what
 * landed before anything counts.
 */

export const FILE_CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpeg: 'image/jpeg',
  csv: 'text/csv',
} as const;

/** `training_sheet`: a training's sign-in sheet (CSV or xlsx), uploaded by the prefecture (decision 0014). */
export const UPLOAD_PURPOSES = ['vendor_document', 'evidence', 'training_sheet'] as const;
export const UploadPurpose = z.enum(UPLOAD_PURPOSES);
export type UploadPurpose = z.infer<typeof UploadPurpose>;

const MiB = 1024 * 1024;

/** What each purpose accepts: the declared type must be one of `contentTypes`, the size at most `maxBytes`. */
export const UPLOAD_RULES: Record<UploadPurpose, { contentTypes: readonly string[]; maxBytes: number }> = {
  vendor_document: { contentTypes: [FILE_CONTENT_TYPES.pdf, FILE_CONTENT_TYPES.xlsx], maxBytes: 20 * MiB },
  evidence: {
    contentTypes: [FILE_CONTENT_TYPES.pdf, FILE_CONTENT_TYPES.xlsx, FILE_CONTENT_TYPES.docx, FILE_CONTENT_TYPES.png, FILE_CONTENT_TYPES.jpeg],
    maxBytes: 10 * MiB,
  },
  training_sheet: { contentTypes: [FILE_CONTENT_TYPES.csv, FILE_CONTENT_TYPES.xlsx], maxBytes: 5 * MiB },
};

/** SHA-256 of the file as hex (the browser computes it with `crypto.subtle.digest`). */
export const Sha256Hex = z.pipe(
  z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'sha256')),
  z.transform((s) => s.toLowerCase()),
);

export const CreateUploadBody = z.strictObject({
  purpose: UploadPurpose,
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Bytes; checked against the purpose's limit (400 naming `body.size`). */
  size: z.int().check(z.minimum(1)),
  /** Checked against the purpose's types (400 naming `body.contentType`). */
  contentType: z.string().check(z.minLength(1), z.maxLength(200)),
  sha256: Sha256Hex,
});
export type CreateUploadBody = z.infer<typeof CreateUploadBody>;

/**
 * Where to send the file: POST a multipart form to `url` with every entry of `fields` first and the file last
 * (as the entry `file`). The policy allows exactly this key, this type and at most the declared size.
 */
export const CreateUploadResponse = z.object({
  uploadId: Id,
  url: z.url(),
  fields: z.record(z.string(), z.string()),
  expiresAt: IsoDateTime,
  maxBytes: z.int(),
});
export type CreateUploadResponse = z.infer<typeof CreateUploadResponse>;

/** Why a file was refused after it landed (field error `code` on `body.uploadId`). */
export const UPLOAD_REJECTIONS = ['file_missing', 'file_size', 'file_type', 'file_tampered'] as const;
export type UploadRejection = (typeof UPLOAD_REJECTIONS)[number];

export const DownloadLink = z.object({ url: z.url(), expiresAt: IsoDateTime });
export type DownloadLink = z.infer<typeof DownloadLink>;

// ── MDS/SDS documents ──

export const DisclosureKind = z.enum(DISCLOSURE_KINDS);
export type DisclosureKind = z.infer<typeof DisclosureKind>;

export const VendorIdParams = z.object({ vendorId: Id });
export const DocumentVersionParams = z.object({ vendorId: Id, documentId: Id, version: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(9999)) });

export const CreateDocumentBody = z.strictObject({
  uploadId: Id,
  kind: DisclosureKind,
  /** Same kind + product (NFKC, case-folded) = same document: a new upload becomes its next version. */
  product: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  productVersion: z.string().check(z.trim(), z.maxLength(50)),
  /** Not in the future (400 naming `body.issuedOn`). */
  issuedOn: IsoDate,
  /** JAHIS format version, e.g. `Ver.3.1`. */
  jahisFormatVersion: z.string().check(z.trim(), z.minLength(1), z.maxLength(30)),
  /** The systems the document covers; empty = the whole offering (every facility of the vendor). */
  systems: z.array(z.enum(SYSTEM_KINDS)).check(z.maxLength(SYSTEM_KINDS.length)),
});
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

export const VendorDocument = z.object({
  vendorId: Id,
  documentId: Id,
  version: z.int().check(z.minimum(1)),
  kind: DisclosureKind,
  product: z.string(),
  productVersion: z.string(),
  issuedOn: IsoDate,
  jahisFormatVersion: z.string(),
  systems: z.array(z.string()),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  sha256: z.string(),
  uploadedAt: IsoDateTime,
  uploadedByName: z.string(),
  /** true for the newest version; older ones name the version that replaced them. */
  current: z.boolean(),
  supersededBy: z.optional(z.int()),
});
export type VendorDocument = z.infer<typeof VendorDocument>;

/** One document (kind + product) with all its versions, newest (current) first. */
export const VendorDocumentGroup = z.object({
  documentId: Id,
  kind: DisclosureKind,
  product: z.string(),
  versions: z.array(VendorDocument),
});
export type VendorDocumentGroup = z.infer<typeof VendorDocumentGroup>;

export const ListDocumentsResponse = z.object({ items: z.array(VendorDocumentGroup) });
export type ListDocumentsResponse = z.infer<typeof ListDocumentsResponse>;

/** A facility's contracted vendors with the current documents that apply to the facility's contract. */
export const FacilityVendorDocuments = z.object({
  vendorId: Id,
  vendorName: z.string(),
  /** The contract's systems. */
  systems: z.array(z.string()),
  hasCurrent: z.boolean(),
  documents: z.array(
    z.object({
      documentId: Id,
      version: z.int(),
      kind: DisclosureKind,
      product: z.string(),
      productVersion: z.string(),
      issuedOn: IsoDate,
      jahisFormatVersion: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.int(),
    }),
  ),
});
export type FacilityVendorDocuments = z.infer<typeof FacilityVendorDocuments>;
export const FacilityDocumentsResponse = z.object({ items: z.array(FacilityVendorDocuments) });
export type FacilityDocumentsResponse = z.infer<typeof FacilityDocumentsResponse>;

export const MissingDocumentsQuery = z.object({ cursor: z.optional(Cursor) });

/**
 * A vendor with contracts whose facilities are not all covered by a current document. Paged over vendors
 * (a page examines a bounded number of vendors, so a page may hold fewer items than that, or none).
 */
export const VendorMissingDocuments = z.object({
  vendorId: Id,
  vendorName: z.string(),
  /** Facilities with a contract with the vendor. */
  contractedFacilities: z.int().check(z.minimum(0)),
  /** Of those, the facilities no current document applies to. */
  facilitiesWithout: z.int().check(z.minimum(0)),
  /** The vendor has no current document at all. */
  noDocuments: z.boolean(),
});
export type VendorMissingDocuments = z.infer<typeof VendorMissingDocuments>;
export const MissingDocumentsResponse = z.object({ items: z.array(VendorMissingDocuments), nextCursor: NextCursor });
export type MissingDocumentsResponse = z.infer<typeof MissingDocumentsResponse>;

// ── Evidence per cell ──

/** Files per answer cell, at most. */
export const EVIDENCE_PER_CELL = 20;

/** `<itemId>:<device>` as in the answers (`2-4:server`); short enough to be part of the evidence id. */
export const EvidenceCell = z.string().check(z.maxLength(50), z.regex(new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*:(?:${DEVICE_CLASSES.join('|')})$`), 'cell'));

export const EvidenceParams = z.object({ campaignId: Id, facilityId: Id });
export const EvidenceItemParams = z.object({ campaignId: Id, facilityId: Id, evidenceId: Id });

export const CreateEvidenceBody = z.strictObject({
  uploadId: Id,
  /** Must be a cell of the campaign's template (400 naming `body.cell`). */
  cell: EvidenceCell,
  title: z.optional(z.string().check(z.trim(), z.maxLength(100))),
});
export type CreateEvidenceBody = z.infer<typeof CreateEvidenceBody>;

export const ListEvidenceQuery = z.object({
  /** Removed files too (the prefecture only; ignored for others). */
  includeRemoved: z.optional(z.enum(['true', 'false'])),
});

export const Evidence = z.object({
  evidenceId: Id,
  campaignId: Id,
  facilityId: Id,
  cell: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  sha256: z.string(),
  uploadedAt: IsoDateTime,
  uploadedByName: z.string(),
  removed: z.optional(z.object({ at: IsoDateTime, byName: z.string() })),
});
export type Evidence = z.infer<typeof Evidence>;

/** Files grouped by cell (cells in key order), each cell's files oldest first. */
export const ListEvidenceResponse = z.object({ cells: z.array(z.object({ cell: z.string(), items: z.array(Evidence) })) });
export type ListEvidenceResponse = z.infer<typeof ListEvidenceResponse>;
