import * as z from 'zod';
import { FacilityKind, Id } from '../common.ts';

export const FacilityIdParams = z.object({ facilityId: Id });

export const Facility = z.object({
  id: Id,
  name: z.string(),
  kind: FacilityKind,
  beds: z.number().int().min(0),
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
  healthCenterId: Id.optional(),
  kind: FacilityKind.optional(),
});
export const ListFacilitiesResponse = z.object({ items: z.array(Facility) });
export type ListFacilitiesResponse = z.infer<typeof ListFacilitiesResponse>;
