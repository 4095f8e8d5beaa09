import * as z from 'zod';
import { ORG_KINDS, ROLES } from '../roles.ts';
import { Id, TenantId } from '../common.ts';

export const Me = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  tenant: z.object({ id: TenantId, name: z.string() }).nullable(),
  organisation: z.object({ id: Id, kind: z.enum(ORG_KINDS), name: z.string() }).nullable(),
});
export type Me = z.infer<typeof Me>;
