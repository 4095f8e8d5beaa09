import * as z from 'zod/mini';
import { Id } from '../common.ts';

export const HealthCenter = z.object({ id: Id, name: z.string(), medicalAreaName: z.string() });
export type HealthCenter = z.infer<typeof HealthCenter>;
export const ListHealthCentersResponse = z.object({ items: z.array(HealthCenter) });

export const Vendor = z.object({ id: Id, name: z.string(), contactEmail: z.string() });
export type Vendor = z.infer<typeof Vendor>;
export const ListVendorsResponse = z.object({ items: z.array(Vendor) });
export const CreateVendorBody = z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(100)), contactEmail: z.email().check(z.maxLength(254)) });
export type CreateVendorBody = z.infer<typeof CreateVendorBody>;

export const SYSTEM_KINDS = [
  '電子カルテ',
  'レセコン',
  'PACS',
  'オーダリング',
  '部門システム',
  '検査システム',
  '調剤システム',
  'ネットワーク保守',
  'その他',
] as const;

export const Contract = z.object({
  facilityId: Id,
  vendorId: Id,
  vendorName: z.string(),
  systems: z.array(z.string()),
  remoteMaintenance: z.boolean(),
});
export type Contract = z.infer<typeof Contract>;
export const ListContractsResponse = z.object({ items: z.array(Contract) });
export const ContractParams = z.object({ facilityId: Id, vendorId: Id });
export const PutContractBody = z.strictObject({
  systems: z.array(z.enum(SYSTEM_KINDS)).check(z.minLength(1), z.maxLength(SYSTEM_KINDS.length)),
  remoteMaintenance: z.boolean(),
});
export type PutContractBody = z.infer<typeof PutContractBody>;
