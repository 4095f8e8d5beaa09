import { M } from '../../i18n/messages.ts';

/** The user pool's policy (infra: 12+ characters, upper, lower, digit; symbols allowed, not required). */
export const PASSWORD_RULES = [
  { id: 'length', text: M.ruleLength, test: (p: string) => p.length >= 12 },
  { id: 'upper', text: M.ruleUpper, test: (p: string) => /[A-Z]/.test(p) },
  { id: 'lower', text: M.ruleLower, test: (p: string) => /[a-z]/.test(p) },
  { id: 'digit', text: M.ruleDigit, test: (p: string) => /[0-9]/.test(p) },
] as const;

export function meetsPasswordRules(password: string): boolean {
  return PASSWORD_RULES.every((rule) => rule.test(password));
}
