import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answers, mergeNotes, parseCellKey, sameNotes, splitNotes } from '../../../packages/domain/src/checklist/answers.ts';

/**
 * The notes (備考) of the answers are stored apart from the compact core (packages/domain/src/checklist/answers.ts):
 * split and merge must give back every answer and every non-empty note, on the round it belongs to.
 */

const round = fc.record(
  {
    value: fc.constantFrom('yes' as const, 'no' as const),
    checkedOn: fc.constantFrom('2026-04-01', '2026-10-15'),
    targetDate: fc.constantFrom('2026-12-31'),
    note: fc.string({ maxLength: 8 }),
    carriedForward: fc.boolean(),
  },
  { requiredKeys: ['value', 'checkedOn'] },
);
const cell = fc.record({ '1': round, '2': round, '3': round }, { requiredKeys: [] });
const answers = fc.dictionary(fc.constantFrom('1-1:system', '1-2:server', '2-4:client', '3-1:network'), cell) as fc.Arbitrary<Answers>;

/** The answers with empty notes removed: what a stored response gives back. */
function withoutEmptyNotes(a: Answers): Answers {
  const out: Answers = {};
  for (const [key, c] of Object.entries(a)) {
    const cellOut: Answers[string] = {};
    for (const r of ['1', '2', '3'] as const) {
      const x = c[r];
      if (!x) continue;
      const { note, ...rest } = x;
      cellOut[r] = note ? { ...rest, note } : rest;
    }
    out[key] = cellOut;
  }
  return out;
}

describe('splitNotes and mergeNotes', () => {
  it('give back every answer and every non-empty note on its round', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const { core, notes } = splitNotes(a);
        for (const c of Object.values(core)) for (const r of Object.values(c)) expect(r).not.toHaveProperty('note');
        for (const [key, text] of notes) {
          expect(Object.keys(text).length).toBeGreaterThan(0);
          for (const [r, note] of Object.entries(text)) expect(a[key]?.[r as '1']?.note).toBe(note);
        }
        expect(mergeNotes(core, notes)).toEqual(withoutEmptyNotes(a));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the core as it is when there are no notes, and drops a note whose round is no longer answered', () => {
    const core: Answers = { '1-1:system': { '1': { value: 'yes', checkedOn: '2026-04-01' } } };
    expect(mergeNotes(core, new Map())).toBe(core);
    const merged = mergeNotes(core, new Map([['1-1:system', { '1': 'a', '2': 'gone' }]]));
    expect(merged).toEqual({ '1-1:system': { '1': { value: 'yes', checkedOn: '2026-04-01', note: 'a' } } });
    // A cell without notes is kept whole beside one with notes.
    const two: Answers = { ...core, '1-2:server': { '2': { value: 'no', checkedOn: '2026-04-01', targetDate: '2026-12-31' } } };
    expect(mergeNotes(two, new Map([['1-1:system', { '1': 'a' }]]))['1-2:server']).toEqual(two['1-2:server']);
  });
});

describe('sameNotes', () => {
  it('compares round by round, a missing note equal to an empty one', () => {
    expect(sameNotes(undefined, undefined)).toBe(true);
    expect(sameNotes({ '1': '' }, undefined)).toBe(true);
    expect(sameNotes({ '1': 'a' }, { '1': 'a' })).toBe(true);
    expect(sameNotes({ '1': 'a' }, { '1': 'b' })).toBe(false);
    expect(sameNotes({ '2': 'a' }, { '1': 'a' })).toBe(false);
    expect(sameNotes({ '3': 'a' }, {})).toBe(false);
    expect(sameNotes(undefined, { '3': 'a' })).toBe(false);
  });
});

describe('parseCellKey', () => {
  it('splits at the last colon and knows only the four device classes', () => {
    expect(parseCellKey('2-4:server')).toEqual({ itemId: '2-4', deviceClass: 'server' });
    expect(parseCellKey('a:b:network')).toEqual({ itemId: 'a:b', deviceClass: 'network' });
    expect(parseCellKey(':server')).toBeUndefined();
    expect(parseCellKey('2-4')).toBeUndefined();
    expect(parseCellKey('2-4:printer')).toBeUndefined();
  });
});
