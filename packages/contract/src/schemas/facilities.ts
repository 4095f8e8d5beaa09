import * as z from 'zod/mini';
import { FacilityKind, Id } from '../common.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';

export const FacilityIdParams = z.object({ facilityId: Id });

export const Facility = z.object({
  id: Id,
  name: z.string(),
  kind: FacilityKind,
  beds: z.int().check(z.minimum(0)),
  healthCenterId: Id,
  healthCenterName: z.string(),
  medicalAreaName: z.string(),
  /** 医療機関コード (10 digits: prefecture 2 + 点数表 1 + 7). */
  medicalInstitutionCode: z.string(),
  address: z.string(),
  contactEmail: z.string(),
});
export type Facility = z.infer<typeof Facility>;

export const ListFacilitiesQuery = z.object({
  healthCenterId: z.optional(Id),
  kind: z.optional(FacilityKind),
  /** A name prefix, a 医療機関コード prefix, or a whole code. */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  limit: PageLimit(200, 100),
  cursor: z.optional(Cursor),
});
export type ListFacilitiesQuery = z.input<typeof ListFacilitiesQuery>;
/** One page in name order (within the 保健所 when one is given). */
export const ListFacilitiesResponse = z.object({ items: z.array(Facility), nextCursor: NextCursor });
export type ListFacilitiesResponse = z.infer<typeof ListFacilitiesResponse>;

/** How many facilities the tenant has: in all, per 保健所, per kind and per `<保健所 id>|<kind>` (a read model). */
export const FacilityCounts = z.object({
  total: z.int(),
  byHealthCenter: z.record(z.string(), z.int()),
  byKind: z.record(z.string(), z.int()),
  byHealthCenterKind: z.record(z.string(), z.int()),
});
export type FacilityCounts = z.infer<typeof FacilityCounts>;
