import type { CampaignDeltas, Db, TenantScope } from '@mcr/data';
import { type DiscrepancyImage, discrepancySliceDeltas } from '@mcr/domain';
import {
  CROSS_CHECK_FACILITIES_JOB,
  CROSS_CHECK_VENDOR_JOB,
  enqueueRecheck,
  type FacilitiesRecheckInput,
  recheckFacility,
  recheckJobId,
  type VendorRecheckInput,
} from '../services/cross-checks.ts';

/**
 * The cross-checks' part of the stream consumer (docs/decisions/0012, "Cross-checks"). From each record it notes
 * what to re-check: a facility's own response, a contract, a vendor assignment → that facility (re-checked in
 * the consumer, a handful of reads); a vendor's profile, response or document → every facility of the vendor,
 * which a background job pages through (never fanned out here). A discrepancy's own change moves the campaign's
 * slice aggregates (`disc:open`, `disc:<rule>`), merged with the responses' deltas of the same batch.
 */

type Item = Record<string, unknown>;

export interface CrossCheckTargets {
  facilities: Map<string, { scope: TenantScope; facilityId: string }>;
  vendors: Map<string, { scope: TenantScope; vendorId: string }>;
}

export const newCrossCheckTargets = (): CrossCheckTargets => ({ facilities: new Map(), vendors: new Map() });

const sk = (i: Item | null) => String(i?.SK ?? '');
const pk = (i: Item | null) => String(i?.PK ?? '');
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

export const isDiscrepancy = (i: Item | null): boolean => i?.type === 'Discrepancy' && sk(i).startsWith('DISC#');
const isFacilityResponse = (i: Item | null) => i?.type === 'Response' && sk(i).startsWith('RESP#FAC#');
const isContract = (i: Item | null) => i?.type === 'Contract' || (sk(i).startsWith('CONTRACT#') && /#FAC#[^#]+$/.test(pk(i)));
/** Under `T#t#CAMP#<c>#VEN#<v>`: `FAC#<f>` is an assignment (with its overrides), `PROFILE#…` a standard answer. */
const isAssignment = (i: Item | null) => i?.type === 'VendorAssignment' || (/#CAMP#[^#]+#VEN#[^#]+$/.test(pk(i)) && sk(i).startsWith('FAC#'));
const isProfile = (i: Item | null) => i?.type === 'VendorProfile' || (/#CAMP#[^#]+#VEN#[^#]+$/.test(pk(i)) && sk(i).startsWith('PROFILE#'));
const isVendorResponse = (i: Item | null) => i?.type === 'VendorResponse' || (/#CAMP#[^#]+$/.test(pk(i)) && sk(i).startsWith('RESP#VEN#'));
const isDocument = (i: Item | null) => i?.type === 'VendorDocument' || (/#VEN#[^#]+$/.test(pk(i)) && sk(i).startsWith('DOC#'));

/** The item types the consumer must receive for the cross-checks (the CDK event-source filter lists them). */
export const CROSS_CHECK_ITEM_TYPES = ['Contract', 'VendorAssignment', 'VendorProfile', 'VendorResponse', 'VendorDocument', 'Discrepancy'] as const;

const RESPONSE_FIELDS = ['answers', 'status', 'facilityName', 'healthCenterId', 'medicalAreaName', 'beds', 'facilityKind', 'context'] as const;
const changed = (before: Item | null, after: Item | null, fields: readonly string[]) =>
  !before || !after || fields.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));

function facilityOf(i: Item): string | undefined {
  return str(i.facilityId) ?? /^FAC#(.+)$/.exec(sk(i))?.[1] ?? /#FAC#([^#]+)$/.exec(pk(i))?.[1];
}
function vendorOf(i: Item): string | undefined {
  return str(i.vendorId) ?? /#VEN#([^#]+)$/.exec(pk(i))?.[1] ?? /^RESP#VEN#(.+)$/.exec(sk(i))?.[1];
}

/** Notes what one record asks to re-check. */
export function collectCrossCheckTargets(targets: CrossCheckTargets, scope: TenantScope, before: Item | null, after: Item | null): void {
  const any = (after ?? before) as Item;
  const facility = (id: string | undefined) => id && targets.facilities.set(`${scope.tenantId}/${id}`, { scope, facilityId: id });
  const vendor = (id: string | undefined) => id && targets.vendors.set(`${scope.tenantId}/${id}`, { scope, vendorId: id });
  if (isFacilityResponse(before) || isFacilityResponse(after)) {
    if (changed(before, after, RESPONSE_FIELDS)) facility(facilityOf(any));
  } else if (isContract(before) || isContract(after)) {
    facility(facilityOf(any));
  } else if (isAssignment(before) || isAssignment(after)) {
    facility(facilityOf(any));
  } else if (isProfile(before) || isProfile(after) || isVendorResponse(before) || isVendorResponse(after) || isDocument(before) || isDocument(after)) {
    vendor(vendorOf(any));
  }
}

/** The aggregate change of one discrepancy record (its campaign and per-slice deltas), or null when none. */
export function discrepancyDeltas(before: Item | null, after: Item | null): { campaignId: string; deltas: CampaignDeltas } | null {
  const b = isDiscrepancy(before) ? (before as unknown as DiscrepancyImage) : null;
  const a = isDiscrepancy(after) ? (after as unknown as DiscrepancyImage) : null;
  const campaignId = a?.campaignId ?? b?.campaignId;
  if (!campaignId) return null;
  return { campaignId, deltas: discrepancySliceDeltas(b, a) };
}

const CONCURRENCY = 4;

/**
 * Runs what the batch asked for: the facilities' re-checks here (a few reads each), the vendors' as jobs. A
 * facility whose re-check fails is handed to a job (retried by the worker) rather than failing the batch, so
 * the read models never wait on a cross-check; only when that hand-over fails too does the batch fail (and is
 * retried whole, which is safe: re-checks and job ids are idempotent).
 */
export async function runCrossChecks(
  db: Db,
  targets: CrossCheckTargets,
  batchId: string,
  log: (msg: string, extra: object) => void = () => undefined,
): Promise<{ facilities: number; vendorJobs: number; failed: number }> {
  const list = [...targets.facilities.values()];
  const failed: typeof list = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, list.length) }, async () => {
      while (next < list.length) {
        const f = list[next++] as (typeof list)[number];
        try {
          await recheckFacility(db, f.scope, f.facilityId);
        } catch (err) {
          log('cross-check failed; handed to a job', { facilityId: f.facilityId, error: (err as Error).message });
          failed.push(f);
        }
      }
    }),
  );
  const failedByTenant = new Map<string, { scope: TenantScope; ids: string[] }>();
  for (const f of failed) {
    const e = failedByTenant.get(f.scope.tenantId) ?? { scope: f.scope, ids: [] };
    e.ids.push(f.facilityId);
    failedByTenant.set(f.scope.tenantId, e);
  }
  for (const e of failedByTenant.values()) {
    await enqueueRecheck<FacilitiesRecheckInput>(
      e.scope,
      db,
      recheckJobId(e.scope.tenantId, batchId, 'facilities'),
      CROSS_CHECK_FACILITIES_JOB,
      { facilityIds: e.ids },
      e.ids.length,
    );
  }
  for (const v of targets.vendors.values()) {
    await enqueueRecheck<VendorRecheckInput>(
      v.scope,
      db,
      recheckJobId(v.scope.tenantId, batchId, v.vendorId),
      CROSS_CHECK_VENDOR_JOB,
      { vendorId: v.vendorId },
      0,
    );
  }
  return { facilities: list.length, vendorJobs: targets.vendors.size, failed: failed.length };
}
