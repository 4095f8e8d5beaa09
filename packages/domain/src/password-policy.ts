/**
 * The password policy of the user pool (docs/decisions/0024-identity-mail-data-operations.md), one source for the
 * deployed pool (infra/lib/identity.ts), the local cognito-local pool, the temporary passwords the product and the
 * operator command generate, and the rules the SPA shows while a new password is typed.
 *
 * 医療情報システムの安全管理に関するガイドライン 第7.0版 and the checklist's password item: passwords of letters (upper
 * and lower case), digits and symbols, 13 characters or more; no periodic change (7.0 deleted it; Cognito never expires
 * a password); the last 24 may not be reused (passwordHistorySize); Cognito locks an account out after repeated
 * failures by itself. The demo password Demo-Pass-2026! meets it.
 */
export const PASSWORD_POLICY = {
  minLength: 13,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  passwordHistorySize: 24,
  tempPasswordValidityDays: 7,
} as const;

/** The characters Cognito counts as symbols (its documented list, without the space). */
export const PASSWORD_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

export type PasswordRule = 'length' | 'upper' | 'lower' | 'digit' | 'symbol';

/** Whether `password` meets each rule of the policy. */
export function passwordRuleChecks(password: string): Record<PasswordRule, boolean> {
  return {
    length: [...password].length >= PASSWORD_POLICY.minLength,
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    digit: /[0-9]/.test(password),
    symbol: [...password].some((c) => PASSWORD_SYMBOLS.includes(c)),
  };
}

export function meetsPasswordPolicy(password: string): boolean {
  return Object.values(passwordRuleChecks(password)).every(Boolean);
}

/** Characters of temporary passwords: no look-alikes (0/O, 1/l/I), symbols easy to type on a Japanese keyboard. */
const TEMPORARY_SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '-_!#%+='] as const;
const TEMPORARY_LENGTH = 16;

/** A uniformly random index below `n` from the platform's CSPRNG (Web Crypto: Node 20 and browsers). */
function randomBelow(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    const v = buf[0] as number;
    if (v < limit) return v % n;
  }
}

/** A temporary password that meets the policy: 16 characters, at least one of each class, shuffled. Valid once. */
export function temporaryPassword(): string {
  const all = TEMPORARY_SETS.join('');
  const chars = [
    ...TEMPORARY_SETS.map((s) => s[randomBelow(s.length)] as string),
    ...Array.from({ length: TEMPORARY_LENGTH - TEMPORARY_SETS.length }, () => all[randomBelow(all.length)] as string),
  ];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
