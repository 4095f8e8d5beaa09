import * as z from 'zod/mini';
import { ORG_KINDS, ROLES } from '../roles.ts';
import { Id, TenantId } from '../common.ts';

export const Me = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  tenant: z.nullable(z.object({ id: TenantId, name: z.string() })),
  organisation: z.nullable(z.object({ id: Id, kind: z.enum(ORG_KINDS), name: z.string() })),
});
export type Me = z.infer<typeof Me>;
