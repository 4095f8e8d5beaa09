import { effectiveVendorAnswers, overriddenCells } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { applyOverrideChanges, applyProfileChanges, sameCell } from '../../../functions/src/services/vendor-responses.ts';

const yes = (checkedOn = '2025-07-01') => ({ value: 'yes' as const, checkedOn });
const no = (checkedOn = '2025-07-01') => ({ value: 'no' as const, checkedOn, targetDate: '2025-12-01' });
const change = (itemId: string, round: 1 | 2 | 3, answer: ReturnType<typeof yes> | ReturnType<typeof no> | null, deviceClass = 'system' as const) => ({
  itemId,
  deviceClass,
  round,
  answer,
});

describe('applying a vendor profile save', () => {
  it('sets and clears single rounds, and drops a cell left without rounds', () => {
    const before = { '1-1:system': { '1': yes() }, '2-1:system': { '1': yes(), '2': no('2025-09-01') } };
    const after = applyProfileChanges(before, [change('1-1', 1, null), change('2-1', 2, null), change('2-2', 1, no())]);
    expect(after).toEqual({ '2-1:system': { '1': yes() }, '2-2:system': { '1': no() } });
    // The answers read are never changed in place.
    expect(before['1-1:system']).toEqual({ '1': yes() });
  });
});

describe('applying per-facility overrides', () => {
  const standard = { '1-1:system': { '1': yes(), '2': yes('2025-10-01') }, '2-1:system': { '1': yes() } };

  it('starts an overridden cell from the standard cell, so the effective cell never mixes two answers', () => {
    const overrides = applyOverrideChanges({}, standard, [change('1-1', 2, no('2025-10-01'))]);
    expect(overrides).toEqual({ '1-1:system': { '1': yes(), '2': no('2025-10-01') } });
    const effective = effectiveVendorAnswers({ answers: standard }, overrides);
    expect(effective['1-1:system']).toEqual({ '1': yes(), '2': no('2025-10-01') });
    expect(effective['2-1:system']).toEqual(standard['2-1:system']);
    expect(overriddenCells({ answers: standard }, overrides)).toEqual(['1-1:system']);
  });

  it('puts a round back to the standard with null, and drops an override equal to the standard', () => {
    const once = applyOverrideChanges({}, standard, [change('1-1', 2, no('2025-10-01'))]);
    expect(applyOverrideChanges(once, standard, [change('1-1', 2, null)])).toEqual({});
    // Setting a cell to exactly what the standard says is no override either.
    expect(applyOverrideChanges({}, standard, [change('2-1', 1, yes())])).toEqual({});
  });

  it('clears a round the standard does not answer, and overrides a cell the standard leaves empty', () => {
    const overrides = applyOverrideChanges({}, standard, [change('2-2', 1, no())]);
    expect(overrides).toEqual({ '2-2:system': { '1': no() } });
    expect(applyOverrideChanges(overrides, standard, [change('2-2', 1, null)])).toEqual({});
  });

  it('compares cells field by field, whatever the key order', () => {
    expect(sameCell({ '1': { checkedOn: '2025-07-01', value: 'yes' } }, { '1': yes() })).toBe(true);
    expect(sameCell({ '1': yes() }, { '1': { ...yes(), note: 'x' } })).toBe(false);
    expect(sameCell(undefined, {})).toBe(true);
  });
});
