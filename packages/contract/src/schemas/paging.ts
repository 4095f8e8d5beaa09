import * as z from 'zod';

/** An opaque position in a list, as returned in `nextCursor`; the server refuses one from another list (400). */
export const Cursor = z.string().regex(/^[A-Za-z0-9_-]{1,2048}$/, 'cursor');

/** `limit` query parameter: 1 … max, default `fallback`. */
export function PageLimit(max: number, fallback: number) {
  return z.coerce.number().int().min(1).max(max).default(fallback);
}

/** `nextCursor` is null on the last page. */
export const NextCursor = Cursor.nullable();
