import * as z from 'zod/mini';
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
  invitedAt: z.nullable(IsoDateTime),
});
export type User = z.infer<typeof User>;

export const ListUsersQuery = z.object({
  orgId: z.optional(Id),
  role: z.optional(z.enum(ROLES)),
  /** An e-mail prefix, or text in the display name. */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  limit: PageLimit(200, 100),
  cursor: z.optional(Cursor),
});
export type ListUsersQuery = z.input<typeof ListUsersQuery>;
/** One page in e-mail order. */
export const ListUsersResponse = z.object({ items: z.array(User), nextCursor: NextCursor });
export type ListUsersResponse = z.infer<typeof ListUsersResponse>;

/** Roles a prefecture can invite; the operator invites only a tenant's first prefecture admins. */
export const INVITABLE_ROLES = ['pref_admin', 'inspector', 'facility_admin', 'facility_member', 'vendor_user'] as const;

export const InviteUserBody = z.strictObject({
  email: z.email().check(z.maxLength(254)),
  displayName: z.string().check(z.minLength(1), z.maxLength(100)),
  role: z.enum(INVITABLE_ROLES),
  /** The facility, vendor or 保健所 the user belongs to; omitted for prefecture admins. */
  orgId: z.optional(Id),
});
export type InviteUserBody = z.infer<typeof InviteUserBody>;

export const UserIdParams = z.object({ userId: z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'user id')) });
export const UpdateUserBody = z.strictObject({ status: UserStatus });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const Tenant = z.object({ tenantId: TenantId, name: z.string(), nameEn: z.string() });
export type Tenant = z.infer<typeof Tenant>;
export const ListTenantsResponse = z.object({ items: z.array(Tenant) });
export type ListTenantsResponse = z.infer<typeof ListTenantsResponse>;

export const CreateTenantBody = z.strictObject({
  /** JIS X 0401 prefecture code, two digits (36 = 徳島県). */
  tenantId: TenantId,
  name: z.string().check(z.minLength(2), z.maxLength(10)),
  nameEn: z.string().check(z.minLength(2), z.maxLength(50)),
  admins: z
    .array(z.strictObject({ email: z.email().check(z.maxLength(254)), displayName: z.string().check(z.minLength(1), z.maxLength(100)) }))
    .check(z.minLength(1), z.maxLength(10)),
});
export type CreateTenantBody = z.infer<typeof CreateTenantBody>;
