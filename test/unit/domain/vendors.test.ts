import { type Answers, documentAppliesTo, effectiveVendorAnswers, overriddenCells, profileFor } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const profiles = [
  { id: 'standard', systems: [] },
  { id: 'karte', systems: ['電子カルテ'] },
  { id: 'pacs', systems: ['PACS', '検査'] },
];

describe('profileFor', () => {
  it('takes the profile assigned to the facility', () => {
    expect(profileFor(profiles, { profileId: 'pacs' }, ['電子カルテ'])?.id).toBe('pacs');
  });

  it('falls back to the rule when the assigned profile no longer exists, or none is assigned', () => {
    expect(profileFor(profiles, { profileId: 'deleted' }, ['検査'])?.id).toBe('pacs');
    expect(profileFor(profiles, {}, ['電子カルテ'])?.id).toBe('karte');
    expect(profileFor(profiles, undefined, ['電子カルテ', 'PACS'])?.id).toBe('karte');
  });

  it('takes the first profile when none names a system of the contract (a profile for any system does not match by systems)', () => {
    expect(profileFor(profiles, undefined, ['医事会計'])?.id).toBe('standard');
    expect(profileFor(profiles, undefined, [])?.id).toBe('standard');
    expect(
      profileFor(
        [
          { id: 'pacs', systems: ['PACS'] },
          { id: 'any', systems: [] },
        ],
        undefined,
        ['医事会計'],
      )?.id,
    ).toBe('pacs');
  });

  it('has nothing to offer without profiles', () => {
    expect(profileFor([], { profileId: 'x' }, ['電子カルテ'])).toBeUndefined();
  });
});

describe('effectiveVendorAnswers and overriddenCells', () => {
  const yes = { '1': { value: 'yes' as const, checkedOn: '2025-07-01' } };
  const no = { '1': { value: 'no' as const, checkedOn: '2025-07-01', targetDate: '2025-12-01' } };

  it('use the overrides alone when no profile applies', () => {
    const overrides: Answers = { '2-1:system': yes, '2-2:system': no };
    expect(effectiveVendorAnswers(undefined, overrides)).toEqual(overrides);
    expect(overriddenCells(undefined, overrides)).toEqual(['2-1:system', '2-2:system']);
  });

  it('use the profile alone without overrides', () => {
    expect(effectiveVendorAnswers({ answers: { '2-1:system': yes } }, undefined)).toEqual({ '2-1:system': yes });
    expect(overriddenCells({ answers: { '2-1:system': yes } }, undefined)).toEqual([]);
    expect(effectiveVendorAnswers(undefined, undefined)).toEqual({});
  });
});

describe('documentAppliesTo', () => {
  it('covers the whole offering when it names no system, else only contracts with one of its systems', () => {
    expect(documentAppliesTo({ systems: [] }, { systems: ['電子カルテ'] })).toBe(true);
    expect(documentAppliesTo({ systems: ['PACS', '電子カルテ'] }, { systems: ['電子カルテ'] })).toBe(true);
    expect(documentAppliesTo({ systems: ['PACS'] }, { systems: ['電子カルテ'] })).toBe(false);
    expect(documentAppliesTo({ systems: ['PACS'] }, { systems: [] })).toBe(false);
  });
});
