import { meetsPasswordPolicy, PASSWORD_POLICY, passwordRuleChecks } from '@mcr/domain';
import { M } from '../../i18n/messages.ts';

/** The user pool's policy (packages/domain/src/password-policy.ts, decision 0024), one line per rule. */
export const PASSWORD_RULES = [
  { id: 'length', text: M.ruleLength(PASSWORD_POLICY.minLength), test: (p: string) => passwordRuleChecks(p).length },
  { id: 'upper', text: M.ruleUpper, test: (p: string) => passwordRuleChecks(p).upper },
  { id: 'lower', text: M.ruleLower, test: (p: string) => passwordRuleChecks(p).lower },
  { id: 'digit', text: M.ruleDigit, test: (p: string) => passwordRuleChecks(p).digit },
  { id: 'symbol', text: M.ruleSymbol, test: (p: string) => passwordRuleChecks(p).symbol },
] as const;

export function meetsPasswordRules(password: string): boolean {
  return meetsPasswordPolicy(password);
}
