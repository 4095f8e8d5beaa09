import { defaultOutsideContacts, isPhoneNumber, SaveContactChartBody } from '@mcr/contract';
import { describe, expect, it } from 'vitest';

describe('連絡体制図 contract', () => {
  it('accepts Japanese phone numbers as people write them and refuses the rest', () => {
    for (const ok of [
      '088-123-4567',
      '0120-179-066',
      '03-5978-7509',
      '090-1234-5678',
      '(088) 123 4567',
      '０８８－１２３－４５６７',
      '+81-88-123-4567',
      '0570-000-111',
    ]) {
      expect(isPhoneNumber(ok), ok).toBe(true);
    }
    for (const bad of ['', '110', '088-12', '88-123-4567', '088-123-45678-9', 'abc', '088-123-456a', '+1-202-555-0100', '0881234567890']) {
      expect(isPhoneNumber(bad), bad).toBe(false);
    }
  });

  it('names the field of a bad number or mail address', () => {
    const person = { name: '試験', phone: '088-123-4567' };
    const res = SaveContactChartBody.safeParse({
      expectedVersion: 0,
      director: { ...person, afterHoursPhone: '12' },
      securityOfficer: { ...person, email: 'x@' },
      systemStaff: [],
    });
    expect(res.success).toBe(false);
    const paths = res.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['director.afterHoursPhone', 'securityOfficer.email']);
  });

  it('fills only sourced numbers by default and leaves the prefecture’s, the 保健所’s and the police’s empty', () => {
    const d = defaultOutsideContacts('徳島県', [{ id: 'hc-a', name: 'A保健所' }]);
    expect(d.isDefault).toBe(true);
    expect([d.prefecture.phone, d.police.phone, d.healthCenters[0]?.phone]).toEqual(['', '', '']);
    expect(d.mhlw.phone).toBe('03-6812-7837');
    for (const c of [d.mhlw, ...d.desks]) expect(c.source, c.name).not.toBe('');
    for (const c of d.desks.filter((x) => x.phone)) expect(isPhoneNumber(c.phone)).toBe(true);
  });
});
