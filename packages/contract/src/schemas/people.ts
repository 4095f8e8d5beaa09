import * as z from 'zod';
import { Id, IsoDateTime, TenantId } from '../common.ts';
import { ORG_KINDS, ROLES } from '../roles.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';

export const UserStatus = z.enum(['active', 'disabled']);

export const User = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgKind: z.enum(ORG_KINDS),
  orgId: z.string(),
  orgName: z.string(),
  status: UserStatus,
  invitedAt: IsoDateTime.nullable(),
});
export type User = z.infer<typeof User>;

export const ListUsersQuery = z.object({
  orgId: Id.optional(),
  role: z.enum(ROLES).optional(),
  /** An e-mail prefix, or text in the display name. */
  q: z.string().trim().min(1).max(100).optional(),
  limit: PageLimit(200, 100),
  cursor: Cursor.optional(),
});
export type ListUsersQuery = z.input<typeof ListUsersQuery>;
/** One page in e-mail order. */
export const ListUsersResponse = z.object({ items: z.array(User), nextCursor: NextCursor });
export type ListUsersResponse = z.infer<typeof ListUsersResponse>;

/** Roles a prefecture can invite; the operator invites only a tenant's first prefecture admins. */
export const INVITABLE_ROLES = ['pref_admin', 'inspector', 'facility_admin', 'facility_member', 'vendor_user'] as const;

export const InviteUserBody = z.strictObject({
  email: z.email().max(254),
  displayName: z.string().min(1).max(100),
  role: z.enum(INVITABLE_ROLES),
  /** The facility, vendor or 保健所 the user belongs to; omitted for prefecture admins. */
  orgId: Id.optional(),
});
export type InviteUserBody = z.infer<typeof InviteUserBody>;

export const UserIdParams = z.object({ userId: z.string().regex(/^[0-9a-f-]{36}$/, 'user id') });
export const UpdateUserBody = z.strictObject({ status: UserStatus });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const Tenant = z.object({ tenantId: TenantId, name: z.string(), nameEn: z.string() });
export type Tenant = z.infer<typeof Tenant>;
export const ListTenantsResponse = z.object({ items: z.array(Tenant) });
export type ListTenantsResponse = z.infer<typeof ListTenantsResponse>;

export const CreateTenantBody = z.strictObject({
  /** JIS X 0401 prefecture code, two digits (36 = 徳島県). */
  tenantId: TenantId,
  name: z.string().min(2).max(10),
  nameEn: z.string().min(2).max(50),
  admins: z
    .array(z.strictObject({ email: z.email().max(254), displayName: z.string().min(1).max(100) }))
    .min(1)
    .max(10),
});
export type CreateTenantBody = z.infer<typeof CreateTenantBody>;
