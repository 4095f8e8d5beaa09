import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { AlreadyExistsError, NotFoundError, StateConflictError, VersionConflictError } from '../errors.ts';
import { nameKey, type TenantScope } from '../keys.ts';
import { type Page, queryPage, type Segment } from '../paging.ts';
import type { Actor, EvidenceRecord, UploadRecord, VendorDocumentRecord, VendorRecord } from '../records.ts';
import { auditItem, getItem, queryAll, strip, type TransactItem } from './shared.ts';

/**
 * Uploads, MDS/SDS document versions and evidence files (decision 0012). Keys are private to this file;
 * every one starts with the caller's tenant.
 */

/** An upload nobody used is removed by TTL after two days (its quarantine object by the bucket's lifecycle rule). */
export const UPLOAD_TTL_SECONDS = 2 * 24 * 3600;

const t = (s: TenantScope) => `T#${s.tenantId}`;
const pad = (n: number) => String(n).padStart(3, '0');

export const fileKeys = {
  upload: (s: TenantScope, uploadId: string) => ({ PK: `${t(s)}#UPLOAD#${uploadId}`, SK: 'META' }),
  /** One version of one MDS/SDS, under its vendor: `DOC#<docId>#V#<nnn>`. */
  document: (s: TenantScope, vendorId: string, documentId: string, version: number) => ({
    PK: `${t(s)}#VEN#${vendorId}`,
    SK: `DOC#${documentId}#V#${pad(version)}`,
  }),
  documentVersionsPrefix: (documentId: string) => `DOC#${documentId}#V#`,
  documentsOfVendorPrefix: 'DOC#',
  /** GSI1: every document version of the tenant, by kind and vendor. */
  documentIndex: (s: TenantScope, r: Pick<VendorDocumentRecord, 'kind' | 'vendorId' | 'documentId' | 'version'>) => ({
    GSI1PK: `${t(s)}#DOCS`,
    GSI1SK: `${r.kind}#${r.vendorId}#${r.documentId}#${pad(r.version)}`,
  }),
  documentsPartition: (s: TenantScope) => `${t(s)}#DOCS`,
  /** One evidence file of one cell of one facility's response. */
  evidence: (s: TenantScope, campaignId: string, facilityId: string, cell: string, evidenceId: string) => ({
    PK: `${t(s)}#CAMP#${campaignId}#FAC#${facilityId}`,
    SK: `EVID#${cell}#${evidenceId}`,
  }),
  evidencePrefix: 'EVID#',
} as const;

/** Same kind + product (NFKC, case-folded) = same document, whatever the width or case it is spelled in. */
export function documentIdOf(kind: string, product: string): string {
  return `${kind.toLowerCase()}-${createHash('sha256').update(nameKey(product)).digest('hex').slice(0, 20)}`;
}

/** The part of a document version the cross-checks and the facility views need. */
export type CurrentDocument = VendorDocumentRecord;

/** Vendors looked up one Query each; more than this and the tenant's `DOCS` index partition is read once instead. */
const PER_VENDOR_QUERY_LIMIT = 25;

export function fileRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;

  const uploadUsed = (upload: UploadRecord, usedBy: string, fileKey: string): TransactItem => ({
    Update: {
      TableName: T,
      Key: fileKeys.upload(scope, upload.uploadId),
      // Used once: the state must still be pending; the item is then kept (no TTL) as the file's provenance.
      UpdateExpression: 'SET #state = :verified, usedBy = :usedBy, fileKey = :fileKey REMOVE expiresAt',
      ConditionExpression: 'attribute_exists(PK) AND #state = :pending',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':verified': 'verified', ':pending': 'pending', ':usedBy': usedBy, ':fileKey': fileKey },
    },
  });

  const cancelledAt = (err: unknown): number[] =>
    err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : [])) : [];

  const documentItem = (r: VendorDocumentRecord) => ({
    ...fileKeys.document(scope, r.vendorId, r.documentId, r.version),
    ...fileKeys.documentIndex(scope, r),
    type: 'VendorDocument',
    ...r,
  });

  const listOfVendor = async (vendorId: string): Promise<VendorDocumentRecord[]> =>
    queryAll<VendorDocumentRecord>(db, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `${t(scope)}#VEN#${vendorId}`, ':sk': fileKeys.documentsOfVendorPrefix },
    });

  /**
   * Every current (not superseded) document version of the tenant, from the GSI1 `DOCS` partition: a version is
   * < 3 KB, so even hundreds of vendors with a few products each read as a few hundred KB.
   */
  const allCurrent = async (): Promise<VendorDocumentRecord[]> =>
    queryAll<VendorDocumentRecord>(db, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      FilterExpression: 'attribute_not_exists(supersededBy)',
      ExpressionAttributeValues: { ':pk': fileKeys.documentsPartition(scope) },
    });

  const currentOfVendor = async (vendorId: string): Promise<VendorDocumentRecord[]> =>
    queryAll<VendorDocumentRecord>(db, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      FilterExpression: 'attribute_not_exists(supersededBy)',
      ExpressionAttributeValues: { ':pk': `${t(scope)}#VEN#${vendorId}`, ':sk': fileKeys.documentsOfVendorPrefix },
    });

  return {
    uploads: {
      get: (uploadId: string) => getItem<UploadRecord>(db, fileKeys.upload(scope, uploadId)),
      async create(r: UploadRecord): Promise<void> {
        try {
          await db.doc.send(
            new PutCommand({
              TableName: T,
              Item: {
                ...fileKeys.upload(scope, r.uploadId),
                type: 'Upload',
                ...r,
                expiresAt: Math.floor(Date.parse(r.createdAt) / 1000) + UPLOAD_TTL_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          );
        } catch (err) {
          if (err instanceof Error && err.name === 'ConditionalCheckFailedException') throw new AlreadyExistsError('upload');
          throw err;
        }
      },
      /**
       * Claims a pending upload for one request's check, so that two registrations of the same upload at once do not
       * both read, copy and judge it (a double click): true for the one that claimed it; a claim older than
       * `staleBefore` (a request that died) may be taken over.
       */
      async claim(uploadId: string, token: string, now: string, staleBefore: string): Promise<boolean> {
        try {
          await db.doc.send(
            new UpdateCommand({
              TableName: T,
              Key: fileKeys.upload(scope, uploadId),
              UpdateExpression: 'SET claimedBy = :token, claimedAt = :now',
              ConditionExpression: 'attribute_exists(PK) AND #state = :pending AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':token': token, ':now': now, ':pending': 'pending', ':stale': staleBefore },
            }),
          );
          return true;
        } catch (err) {
          if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
          throw err;
        }
      },
      /** Gives up a claim (the check is over); a no-op when someone else holds it now. */
      async release(uploadId: string, token: string): Promise<void> {
        try {
          await db.doc.send(
            new UpdateCommand({
              TableName: T,
              Key: fileKeys.upload(scope, uploadId),
              UpdateExpression: 'REMOVE claimedBy, claimedAt',
              ConditionExpression: 'claimedBy = :token',
              ExpressionAttributeValues: { ':token': token },
            }),
          );
        } catch (err) {
          if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return;
          throw err;
        }
      },
      /** Marks a pending upload refused, with the reason; a no-op when it is no longer pending. */
      async reject(uploadId: string, reason: string): Promise<void> {
        try {
          await db.doc.send(
            new UpdateCommand({
              TableName: T,
              Key: fileKeys.upload(scope, uploadId),
              UpdateExpression: 'SET #state = :rejected, rejection = :reason',
              ConditionExpression: 'attribute_exists(PK) AND #state = :pending',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':rejected': 'rejected', ':pending': 'pending', ':reason': reason },
            }),
          );
        } catch (err) {
          if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return;
          throw err;
        }
      },
    },

    documents: {
      /** Every version of every document of one vendor, in key order (document, then version ascending). */
      listOfVendor,
      get: (vendorId: string, documentId: string, version: number) =>
        getItem<VendorDocumentRecord>(db, fileKeys.document(scope, vendorId, documentId, version)),
      /** The newest version of one document (kind + product), if any. */
      async latest(vendorId: string, documentId: string): Promise<VendorDocumentRecord | undefined> {
        const res = await db.doc.send(
          new QueryCommand({
            TableName: T,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ExpressionAttributeValues: { ':pk': `${t(scope)}#VEN#${vendorId}`, ':sk': fileKeys.documentVersionsPrefix(documentId) },
            ScanIndexForward: false,
            Limit: 1,
          }),
        );
        const item = res.Items?.[0];
        return item ? strip<VendorDocumentRecord>(item) : undefined;
      },
      /**
       * The current (not superseded) versions of each vendor's documents. A few vendors (a facility's) are one
       * Query each; many (a prefecture-wide check) read the tenant's `DOCS` index partition once.
       */
      async currentOfVendors(vendorIds: readonly string[]): Promise<Map<string, VendorDocumentRecord[]>> {
        const wanted = [...new Set(vendorIds)];
        const out = new Map<string, VendorDocumentRecord[]>(wanted.map((id) => [id, []]));
        if (wanted.length === 0) return out;
        const found = wanted.length <= PER_VENDOR_QUERY_LIMIT ? (await Promise.all(wanted.map((id) => currentOfVendor(id)))).flat() : await allCurrent();
        for (const d of found) out.get(d.vendorId)?.push(d);
        return out;
      },
      /** Every current document version of the tenant (GSI1 `DOCS`, superseded versions filtered out). */
      allCurrent,
      /** Writes a version as it is, without an upload or audit entry: for seeding demo data only. */
      put: async (r: VendorDocumentRecord): Promise<void> => {
        await db.doc.send(new PutCommand({ TableName: T, Item: documentItem(r) }));
      },
      /**
       * Writes a new document version, marks the one it replaces superseded (kept), marks the upload used and
       * records the audit entry, in one transaction. A concurrent write of the same document loses with 409.
       */
      async create(r: VendorDocumentRecord, upload: UploadRecord, previous: VendorDocumentRecord | undefined, actor: Actor): Promise<void> {
        const items: TransactItem[] = [
          { Put: { TableName: T, Item: documentItem(r), ConditionExpression: 'attribute_not_exists(PK)' } },
          uploadUsed(upload, `document/${r.vendorId}/${r.documentId}/${r.version}`, r.fileKey),
          auditItem(db, scope, actor, {
            action: 'document.create',
            target: `vendor/${r.vendorId}/document/${r.documentId}/version/${r.version}`,
            orgId: r.vendorId,
            changes: {
              kind: r.kind,
              product: r.product,
              productVersion: r.productVersion,
              issuedOn: r.issuedOn,
              jahisFormatVersion: r.jahisFormatVersion,
              systems: r.systems,
              fileName: r.fileName,
              size: r.size,
              sha256: r.sha256,
              uploadId: upload.uploadId,
              ...(previous ? { supersedes: previous.version } : {}),
            },
          }),
        ];
        if (previous) {
          items.push({
            Update: {
              TableName: T,
              Key: fileKeys.document(scope, previous.vendorId, previous.documentId, previous.version),
              UpdateExpression: 'SET supersededBy = :next',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(supersededBy)',
              ExpressionAttributeValues: { ':next': r.version },
            },
          });
        }
        try {
          await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
        } catch (err) {
          const failed = cancelledAt(err);
          if (failed.includes(1)) throw new StateConflictError('upload', 'used');
          if (failed.includes(0) || failed.includes(3)) throw new VersionConflictError('document', previous?.version);
          throw err;
        }
      },
      /**
       * Vendors of the tenant, one page at a time (GSI1 `VENDORS`), for the prefecture's "missing documents"
       * list, which examines a bounded number of vendors per request.
       */
      async vendorPage(limit: number, cursor: string | undefined): Promise<{ items: VendorRecord[]; nextCursor: string | null }> {
        const partition = `${t(scope)}#VENDORS`;
        const segments: Segment[] = [
          {
            input: { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition } },
            partition: { attr: 'GSI1PK', value: partition },
            keyAttrs: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
          },
        ];
        const page: Page = await queryPage(db, segments, { limit, cursor, maxReads: 2, readLimit: limit });
        return { items: page.items.map((i) => strip<VendorRecord>(i)), nextCursor: page.nextCursor };
      },
      /** The systems of every contract of one vendor (GSI2 `VEN#<id>#FACILITIES`), projected to two attributes. */
      contractSystemsOfVendor: (vendorId: string) =>
        queryAll<{ facilityId: string; systems: string[] }>(db, {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': `${t(scope)}#VEN#${vendorId}#FACILITIES` },
          ProjectionExpression: 'facilityId, systems',
        }),
      /** How many facilities have a contract with one vendor (a COUNT query: reads the index entries, returns none). */
      async contractCountOfVendor(vendorId: string): Promise<number> {
        let count = 0;
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const res = await db.doc.send(
            new QueryCommand({
              TableName: T,
              IndexName: 'GSI2',
              KeyConditionExpression: 'GSI2PK = :pk',
              ExpressionAttributeValues: { ':pk': `${t(scope)}#VEN#${vendorId}#FACILITIES` },
              Select: 'COUNT',
              ExclusiveStartKey,
            }),
          );
          count += res.Count ?? 0;
          ExclusiveStartKey = res.LastEvaluatedKey;
        } while (ExclusiveStartKey);
        return count;
      },
    },

    evidence: {
      /** Every evidence file of one facility's response (removed ones too), by cell then id. */
      listOfResponse: (campaignId: string, facilityId: string) =>
        queryAll<EvidenceRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': `${t(scope)}#CAMP#${campaignId}#FAC#${facilityId}`, ':sk': fileKeys.evidencePrefix },
        }),
      get: (campaignId: string, facilityId: string, cell: string, evidenceId: string) =>
        getItem<EvidenceRecord>(db, fileKeys.evidence(scope, campaignId, facilityId, cell, evidenceId)),
      /** Files of one cell that are not removed (the cap counts these). */
      async activeCountOfCell(campaignId: string, facilityId: string, cell: string): Promise<number> {
        const res = await db.doc.send(
          new QueryCommand({
            TableName: T,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            FilterExpression: 'attribute_not_exists(removed)',
            ExpressionAttributeValues: { ':pk': `${t(scope)}#CAMP#${campaignId}#FAC#${facilityId}`, ':sk': `${fileKeys.evidencePrefix}${cell}#` },
            Select: 'COUNT',
          }),
        );
        return res.Count ?? 0;
      },
      /** Writes the evidence item, marks the upload used and records the audit entry, in one transaction. */
      async create(r: EvidenceRecord, upload: UploadRecord, actor: Actor): Promise<void> {
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: T,
                    Item: { ...fileKeys.evidence(scope, r.campaignId, r.facilityId, r.cell, r.evidenceId), type: 'Evidence', ...r },
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
                uploadUsed(upload, `evidence/${r.campaignId}/${r.facilityId}/${r.evidenceId}`, r.fileKey),
                auditItem(db, scope, actor, {
                  action: 'evidence.create',
                  target: `campaign/${r.campaignId}/facility/${r.facilityId}/evidence/${r.evidenceId}`,
                  orgId: r.facilityId,
                  changes: { cell: r.cell, title: r.title, fileName: r.fileName, size: r.size, sha256: r.sha256, uploadId: upload.uploadId },
                }),
              ],
            }),
          );
        } catch (err) {
          const failed = cancelledAt(err);
          if (failed.includes(1)) throw new StateConflictError('upload', 'used');
          if (failed.includes(0)) throw new AlreadyExistsError('evidence');
          throw err;
        }
      },
      /** Hides a file (who, when); the item and the object stay. Removing a removed file is 404. */
      async remove(r: EvidenceRecord, removed: NonNullable<EvidenceRecord['removed']>, actor: Actor): Promise<void> {
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: T,
                    Key: fileKeys.evidence(scope, r.campaignId, r.facilityId, r.cell, r.evidenceId),
                    UpdateExpression: 'SET removed = :removed',
                    ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(removed)',
                    ExpressionAttributeValues: { ':removed': removed },
                  },
                },
                auditItem(db, scope, actor, {
                  action: 'evidence.remove',
                  target: `campaign/${r.campaignId}/facility/${r.facilityId}/evidence/${r.evidenceId}`,
                  orgId: r.facilityId,
                  changes: { cell: r.cell, fileName: r.fileName },
                }),
              ],
            }),
          );
        } catch (err) {
          if (cancelledAt(err).includes(0)) throw new NotFoundError('evidence');
          throw err;
        }
      },
    },
  };
}
