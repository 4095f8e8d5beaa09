import { describe, expect, it } from 'vitest';
import { BadCursorError } from '../../../packages/data/src/errors.ts';
import { decodeCursor, encodeCursor, type Segment } from '../../../packages/data/src/paging.ts';

/**
 * A paging cursor is the caller's input (packages/data/src/paging.ts): it is read back only when it belongs to the
 * list asked for — the same segments, the same partition (so never another tenant's or another campaign's), the
 * same key shape. paged-tables.test.ts tries the same through the API.
 */
const segments: Segment[] = [
  { input: {}, partition: { attr: 'PK', value: 'T#36#CAMP#c1#ROWS' }, keyAttrs: ['PK', 'SK'] },
  { input: {}, partition: { attr: 'GSI1PK', value: 'T#36#CAMP#c1#UNSCORED' }, keyAttrs: ['PK', 'SK', 'GSI1PK', 'GSI1SK'] },
];
const raw = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
const refused = (cursor: string) => {
  try {
    decodeCursor(cursor, segments);
  } catch (err) {
    return err instanceof BadCursorError ? err.reason : `not a BadCursorError: ${String(err)}`;
  }
  return 'accepted';
};

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote, for each segment, and the end of a segment', () => {
    const key = { PK: 'T#36#CAMP#c1#ROWS', SK: 'f001' };
    expect(decodeCursor(encodeCursor(0, key), segments)).toEqual({ s: 0, k: key });
    const index = { PK: 'T#36#X', SK: 'f002', GSI1PK: 'T#36#CAMP#c1#UNSCORED', GSI1SK: '0500' };
    expect(decodeCursor(encodeCursor(1, index), segments)).toEqual({ s: 1, k: index });
    expect(decodeCursor(encodeCursor(1, null), segments)).toEqual({ s: 1, k: null });
  });

  it('refuses what is not a cursor at all', () => {
    expect(refused('')).toBe('format');
    expect(refused('a'.repeat(2049))).toBe('format');
    expect(refused('abc+/=')).toBe('format');
    expect(refused(Buffer.from('not json').toString('base64url'))).toBe('format');
    expect(refused(raw(null))).toBe('format');
    expect(refused(raw(42))).toBe('format');
  });

  it('refuses a segment this list does not have', () => {
    for (const s of [-1, 2, 0.5, '0', null]) expect([s, refused(raw({ s, k: null }))]).toEqual([s, 'segment']);
    expect(refused(raw({ k: null }))).toBe('segment');
  });

  it('refuses a key of another shape: missing, extra or renamed attributes, a list, a non-object', () => {
    for (const k of [
      { PK: 'T#36#CAMP#c1#ROWS' },
      { PK: 'T#36#CAMP#c1#ROWS', SK: 'f001', GSI1PK: 'x' },
      { PK: 'T#36#CAMP#c1#ROWS', sk: 'f001' },
      ['T#36#CAMP#c1#ROWS', 'f001'],
      'T#36#CAMP#c1#ROWS',
      7,
    ])
      expect([k, refused(raw({ s: 0, k }))]).toEqual([k, 'key']);
  });

  it('refuses key values that are not short non-empty strings', () => {
    for (const SK of ['', 'x'.repeat(1025), 5, { S: 'f001' }, null])
      expect([SK, refused(raw({ s: 0, k: { PK: 'T#36#CAMP#c1#ROWS', SK } }))]).toEqual([SK, 'key']);
    expect(refused(raw({ s: 0, k: { PK: 'T#36#CAMP#c1#ROWS', SK: 'x'.repeat(1024) } }))).toBe('accepted');
  });

  it("refuses a cursor of another partition: another tenant's, another campaign's, or the other segment's", () => {
    expect(refused(raw({ s: 0, k: { PK: 'T#37#CAMP#c1#ROWS', SK: 'k001' } }))).toBe('partition');
    expect(refused(raw({ s: 0, k: { PK: 'T#36#CAMP#c2#ROWS', SK: 'f001' } }))).toBe('partition');
    expect(refused(raw({ s: 1, k: { PK: 'T#36#X', SK: 'f002', GSI1PK: 'T#36#CAMP#c1#ROWS', GSI1SK: '0500' } }))).toBe('partition');
  });
});
