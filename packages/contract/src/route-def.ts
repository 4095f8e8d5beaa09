import * as z from 'zod/mini';
import type { LocalizedText } from './common.ts';
import { FACILITY_ROLES, type Role } from './roles.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route as plain data. The same table drives the CDK stack (one function per route),
 * the local front door and the isolation suite, so a route cannot exist in one and not the others.
 */
export interface RouteDef<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
  R extends z.ZodMiniType = z.ZodMiniType,
> {
  method: HttpMethod;
  /** API Gateway syntax: `/api/campaigns/{campaignId}`. */
  path: string;
  /** Module under functions/src/handlers, e.g. `campaigns/save-answers`. */
  handler: string;
  /** `public` routes skip authentication (only the OpenAPI document is public). */
  auth: 'public' | 'user';
  roles: readonly Role[];
  /** Read routes get a read-only grant on the table in AWS. */
  access: 'read' | 'read-write';
  /** Largest request body accepted, in KiB (default 256); Lambda's own limit is 6 MiB. It admits the largest body the
   * body schema accepts, and not much more (test/unit/contract/body-limits.test.ts). */
  maxBodyKiB?: number;
  /** Other AWS services the handler calls (each becomes an IAM grant in the stack). */
  uses?: readonly ('userPoolAdmin' | 'mail' | 'jobs' | 'exportFiles' | 'files')[];
  summary: LocalizedText;
  params: P;
  query: Q;
  body: B;
  response: R;
  successStatus: 200 | 201 | 202 | 204;
}

export const Empty = z.strictObject({});
/** Unknown query parameters (cache busters, tracking) are ignored, not refused; bodies stay strict. */
export const EmptyQuery = z.object({});
export const NoBody = z.undefined();

/**
 * One route's definition with its id. Every call is marked pure and its arguments are plain data, so a bundle that
 * imports one definition (a route's function) keeps that one and the schemas it names, not the whole table
 * (docs/decisions/0025-lean-functions.md).
 */
export function route<
  const Id extends string,
  P extends z.ZodMiniType = typeof Empty,
  Q extends z.ZodMiniType = typeof EmptyQuery,
  B extends z.ZodMiniType = typeof NoBody,
  R extends z.ZodMiniType = z.ZodMiniType,
>(
  id: Id,
  def: Omit<RouteDef<P, Q, B, R>, 'params' | 'query' | 'body' | 'successStatus' | 'auth'> &
    Partial<Pick<RouteDef<P, Q, B, R>, 'params' | 'query' | 'body' | 'successStatus' | 'auth'>>,
): RouteDef<P, Q, B, R> & { readonly id: Id } {
  return {
    id,
    auth: 'user',
    successStatus: 200,
    params: Empty as unknown as P,
    query: EmptyQuery as unknown as Q,
    body: NoBody as unknown as B,
    ...def,
  };
}

export const READERS_OF_A_FACILITY = ['pref_admin', 'inspector', ...FACILITY_ROLES] as const satisfies readonly Role[];
/** The prefecture and the facility's own people (not the 保健所). */
export const PREFECTURE_AND_FACILITY = ['pref_admin', ...FACILITY_ROLES] as const satisfies readonly Role[];
/** A facility's readers and the vendor answering for it (its own organisation; checked in the handler). */
export const READERS_OF_A_FACILITY_AND_VENDOR = [...READERS_OF_A_FACILITY, 'vendor_user'] as const satisfies readonly Role[];

/** Response schemas written inline in the route table before: the OpenAPI document, no content, a text body. */
export const JsonObject = z.record(z.string(), z.unknown());
export const NoContent = z.undefined();
export const Text = z.string();
