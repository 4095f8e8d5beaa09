import { routeList } from '@mcr/contract';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { largestBody, patternMaxLength } from '../../support/body-size.ts';

/**
 * A route's body limit and its schema's limits agree (issue 11): every route's `maxBodyKiB` admits the largest body
 * its schema accepts — a valid body is never refused with 413 — and a limit raised above the default is not much
 * more than that. Every string and array in a body schema is bounded, so that the largest body exists.
 */

const DEFAULT_KIB = 256;
const withBody = routeList.filter((r) => (r.body as z.ZodMiniType).def.type !== 'undefined');

describe('the size estimate', () => {
  it('bounds anchored patterns and sees unbounded ones', () => {
    expect(patternMaxLength('^[A-Za-z0-9_-]{1,64}$')).toBe(64);
    expect(patternMaxLength('^(0[1-9]|[1-3][0-9]|4[0-7])$')).toBe(2);
    expect(patternMaxLength('^[0-9a-f]{64}$')).toBe(64);
    expect(patternMaxLength('^\\d{4}-\\d{2}-\\d{2}$')).toBe(10);
    expect(patternMaxLength('^[a-z]+$')).toBeUndefined();
    expect(patternMaxLength('^a{2,}$')).toBeUndefined();
    expect(patternMaxLength('[a-z]{3}')).toBeUndefined();
  });

  it('counts the worst case of real input: 3 bytes per character of free text, every optional field, every item', () => {
    const s = z.strictObject({
      a: z.string().check(z.maxLength(10)),
      b: z.optional(z.array(z.enum(['x', 'yy'])).check(z.maxLength(3))),
      c: z.boolean(),
    });
    // {"a":"<30 bytes>","b":["yy","yy","yy"],"c":false}
    expect(largestBody(s)).toEqual({ bytes: 2 + 4 + 32 + 1 + 4 + 2 + 3 * 5 + 1 + 4 + 5 + 1, unbounded: [] });
    const sample = JSON.stringify({ a: 'あ'.repeat(10), b: ['yy', 'yy', 'yy'], c: false });
    expect(Buffer.byteLength(sample)).toBeLessThanOrEqual(largestBody(s).bytes);
    expect(largestBody(z.object({ s: z.string(), l: z.array(Id()) })).unbounded).toEqual([
      'body.s (string without maxLength)',
      'body.l (array without maxItems)',
    ]);
  });
});

function Id() {
  return z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
}

describe('body limits over the whole route table', () => {
  it('has routes with a body to check', () => {
    expect(withBody.length).toBeGreaterThan(40);
  });

  it.each(withBody.map((r) => [r.id, r] as const))('%s: every string and array of the body is bounded', (_id, route) => {
    expect(largestBody(route.body).unbounded).toEqual([]);
  });

  it.each(withBody.map((r) => [r.id, r] as const))('%s: the limit admits the largest valid body, and is not much larger', (_id, route) => {
    const needed = largestBody(route.body).bytes;
    const limit = (route.maxBodyKiB ?? DEFAULT_KIB) * 1024;
    expect(needed, `largest body ${(needed / 1024).toFixed(1)} KiB`).toBeLessThanOrEqual(limit);
    // A limit above the default is the need rounded up (to 64 KiB), not a guess.
    if (route.maxBodyKiB !== undefined && route.maxBodyKiB > DEFAULT_KIB) expect(limit).toBeLessThanOrEqual(needed * 1.1 + 64 * 1024);
    // Lambda takes at most 6 MB of event, the body escaped once more inside it.
    expect(limit).toBeLessThanOrEqual(4.5 * 1024 * 1024);
  });
});
