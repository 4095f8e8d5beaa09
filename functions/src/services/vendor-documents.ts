import type { FacilityVendorDocuments, VendorDocument, VendorDocumentGroup, VendorMissingDocuments } from '@mcr/contract';
import { type ContractRecord, NotFoundError, type Repositories, type VendorDocumentRecord } from '@mcr/data';
import { documentAppliesTo } from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { ForbiddenError } from '../pipeline/errors.ts';

/** MDS/SDS documents of decision 0012: who may see what, and the views of the API. */

const NOT_YOURS = { ja: '他の事業者の開示書は操作できません', en: "You cannot act on another vendor's documents" };

/** The vendor's own users act on its documents; the prefecture and the 保健所 read every vendor's. */
export function assertVendorReadable(identity: Identity, vendorId: string): void {
  if (identity.role === 'pref_admin' || identity.role === 'inspector') return;
  if (identity.role === 'vendor_user' && identity.orgKind === 'vendor' && identity.orgId === vendorId) return;
  throw new ForbiddenError(NOT_YOURS);
}

export function assertOwnVendor(identity: Identity, vendorId: string): void {
  if (identity.role === 'vendor_user' && identity.orgKind === 'vendor' && identity.orgId === vendorId) return;
  throw new ForbiddenError(NOT_YOURS);
}

export function toVendorDocument(r: VendorDocumentRecord): VendorDocument {
  return {
    vendorId: r.vendorId,
    documentId: r.documentId,
    version: r.version,
    kind: r.kind,
    product: r.product,
    productVersion: r.productVersion,
    issuedOn: r.issuedOn,
    jahisFormatVersion: r.jahisFormatVersion,
    systems: r.systems,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: r.uploadedAt,
    uploadedByName: r.uploadedByName ?? '',
    current: r.supersededBy === undefined,
    ...(r.supersededBy !== undefined ? { supersededBy: r.supersededBy } : {}),
  };
}

/** Versions grouped per document, newest first; documents by kind, then product. */
export function groupDocuments(records: readonly VendorDocumentRecord[]): VendorDocumentGroup[] {
  const groups = new Map<string, VendorDocumentRecord[]>();
  for (const r of records) groups.set(r.documentId, [...(groups.get(r.documentId) ?? []), r]);
  return [...groups.values()]
    .map((versions) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      const newest = sorted[0] as VendorDocumentRecord;
      return { documentId: newest.documentId, kind: newest.kind, product: newest.product, versions: sorted.map(toVendorDocument) };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.product.localeCompare(b.product, 'ja'));
}

/**
 * Whether the caller may download this version. Vendor (own), prefecture and 保健所: any version. A facility's
 * people: a current version that applies to their own contract with the vendor. Anything else is "not found".
 */
export async function assertCanDownloadDocument(repos: Pick<Repositories, 'contracts'>, identity: Identity, doc: VendorDocumentRecord): Promise<void> {
  switch (identity.role) {
    case 'pref_admin':
    case 'inspector':
      return;
    case 'vendor_user':
      if (identity.orgKind === 'vendor' && identity.orgId === doc.vendorId) return;
      throw new NotFoundError('document');
    case 'facility_admin':
    case 'facility_member': {
      if (identity.orgKind !== 'facility' || doc.supersededBy !== undefined) throw new NotFoundError('document');
      const contract = (await repos.contracts.listOfFacility(identity.orgId)).find((c) => c.vendorId === doc.vendorId);
      if (contract && documentAppliesTo(doc, contract)) return;
      throw new NotFoundError('document');
    }
    default:
      throw new NotFoundError('document');
  }
}

/** Per contracted vendor of a facility, the current documents that apply to the contract. */
export async function documentsOfFacility(repos: Pick<Repositories, 'documents'>, contracts: readonly ContractRecord[]): Promise<FacilityVendorDocuments[]> {
  const current = await repos.documents.currentOfVendors(contracts.map((c) => c.vendorId));
  return [...contracts]
    .sort((a, b) => a.vendorName.localeCompare(b.vendorName, 'ja'))
    .map((c) => {
      const applying = (current.get(c.vendorId) ?? []).filter((d) => documentAppliesTo(d, c));
      return {
        vendorId: c.vendorId,
        vendorName: c.vendorName,
        systems: c.systems,
        hasCurrent: applying.length > 0,
        documents: applying
          .sort((a, b) => a.kind.localeCompare(b.kind) || a.product.localeCompare(b.product, 'ja'))
          .map((d) => ({
            documentId: d.documentId,
            version: d.version,
            kind: d.kind,
            product: d.product,
            productVersion: d.productVersion,
            issuedOn: d.issuedOn,
            jahisFormatVersion: d.jahisFormatVersion,
            fileName: d.fileName,
            contentType: d.contentType,
            size: d.size,
          })),
      };
    });
}

/** Vendors examined per page of the "missing documents" list. */
export const MISSING_VENDORS_PER_PAGE = 50;
const PARALLEL_VENDORS = 8;

/**
 * One page of vendors (GSI1 `VENDORS`), each checked against its contracts (GSI2 `VEN#<id>#FACILITIES`):
 *  - a current document that names no system covers every facility: nothing to read;
 *  - no current document: every contracted facility lacks one (a COUNT query, no items returned);
 *  - documents for some systems only: the vendor's contracts are read (two attributes each) and counted.
 * The cost of a page is bounded by its 50 vendors' contracts; over all pages by the tenant's contracts (Tokyo:
 * ~15,000 facilities × a few vendors, each index entry ~150 bytes), never by facilities × documents.
 */
export async function missingDocumentsPage(
  repos: Pick<Repositories, 'documents'>,
  cursor: string | undefined,
): Promise<{ items: VendorMissingDocuments[]; nextCursor: string | null }> {
  const page = await repos.documents.vendorPage(MISSING_VENDORS_PER_PAGE, cursor);
  const current = await repos.documents.currentOfVendors(page.items.map((v) => v.id));
  const check = async (vendor: { id: string; name: string }): Promise<VendorMissingDocuments | undefined> => {
    const docs = current.get(vendor.id) ?? [];
    if (docs.some((d) => d.systems.length === 0)) return undefined;
    if (docs.length === 0) {
      const contracted = await repos.documents.contractCountOfVendor(vendor.id);
      return contracted > 0
        ? { vendorId: vendor.id, vendorName: vendor.name, contractedFacilities: contracted, facilitiesWithout: contracted, noDocuments: true }
        : undefined;
    }
    const contracts = await repos.documents.contractSystemsOfVendor(vendor.id);
    const without = contracts.filter((c) => !docs.some((d) => documentAppliesTo(d, c))).length;
    return without > 0
      ? { vendorId: vendor.id, vendorName: vendor.name, contractedFacilities: contracts.length, facilitiesWithout: without, noDocuments: false }
      : undefined;
  };
  const items: VendorMissingDocuments[] = [];
  for (let i = 0; i < page.items.length; i += PARALLEL_VENDORS) {
    const found = await Promise.all(page.items.slice(i, i + PARALLEL_VENDORS).map(check));
    for (const f of found) if (f) items.push(f);
  }
  return { items, nextCursor: page.nextCursor };
}
