import * as z from 'zod/mini';

/** An opaque position in a list, as returned in `nextCursor`; the server refuses one from another list (400). */
export const Cursor = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,2048}$/, 'cursor'));

/** `limit` query parameter: 1 … max, default `fallback`. */
export function PageLimit(max: number, fallback: number) {
  return z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(max)), fallback);
}

/** `nextCursor` is null on the last page. */
export const NextCursor = z.nullable(Cursor);
