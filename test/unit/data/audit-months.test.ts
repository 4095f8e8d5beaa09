import { monthsBetween } from '@mcr/data';
import { describe, expect, it } from 'vitest';

describe('the audit log reads one partition per month', () => {
  it.each([
    ['2026-11-01', '2026-11-30', ['2026-11']],
    ['2026-10-24', '2026-11-23', ['2026-11', '2026-10']],
    ['2025-12-15', '2026-01-10', ['2026-01', '2025-12']],
    [
      '2025-04-01',
      '2026-03-31',
      ['2026-03', '2026-02', '2026-01', '2025-12', '2025-11', '2025-10', '2025-09', '2025-08', '2025-07', '2025-06', '2025-05', '2025-04'],
    ],
  ])('%s … %s → newest month first', (from, to, months) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });
});
