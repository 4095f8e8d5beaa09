import { meetsPasswordPolicy, PASSWORD_POLICY, PASSWORD_SYMBOLS, passwordRuleChecks, temporaryPassword } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../packages/local/src/seed/demo-data.ts';

describe('password policy (guideline 第7.0版, decision 0024)', () => {
  it('asks for 13+ characters of upper and lower case letters, digits and symbols', () => {
    expect(PASSWORD_POLICY.minLength).toBeGreaterThanOrEqual(13);
    expect(meetsPasswordPolicy('Abcdefghij-12')).toBe(true);
    expect(passwordRuleChecks('Abcdefghij-1')).toMatchObject({ length: false, upper: true, lower: true, digit: true, symbol: true });
    expect(passwordRuleChecks('abcdefghij-123')).toMatchObject({ upper: false });
    expect(passwordRuleChecks('ABCDEFGHIJ-123')).toMatchObject({ lower: false });
    expect(passwordRuleChecks('Abcdefghijk-lm')).toMatchObject({ digit: false });
    expect(passwordRuleChecks('Abcdefghijk123')).toMatchObject({ symbol: false });
    // A full-width or other non-Cognito symbol does not count: Cognito would refuse the password.
    expect(passwordRuleChecks('Abcdefghijk123・')).toMatchObject({ symbol: false });
  });

  it('accepts the demo password and the passwords the tests set', () => {
    expect(DEMO_PASSWORD).toBe('Demo-Pass-2026!');
    for (const p of [DEMO_PASSWORD, 'My-New-Pass-2026!', 'Notify-Pass-2026!']) expect(meetsPasswordPolicy(p), p).toBe(true);
  });

  it('generates temporary passwords that always meet it, from Cognito symbols only, never twice the same', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = temporaryPassword();
      expect(meetsPasswordPolicy(p), p).toBe(true);
      expect(p).toHaveLength(16);
      for (const c of p) expect(/[A-Za-z0-9]/.test(c) || PASSWORD_SYMBOLS.includes(c), p).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });
});
