import type { LocalizedText } from '@mcr/contract';
import { bcpInitialResponseSteps } from '@mcr/domain';

/**
 * The 初動対応 steps shown to a facility while its report is open: the 初動対応 phase's 確認項目 of the built-in
 * MHLW BCP 確認表 (template `mhlw-bcp-r6`, kept by the BCP part of issue 10), so that the checklist and the
 * BCP table never drift apart.
 */
export type IncidentStepDef = { id: string; number: string; title: LocalizedText; text: LocalizedText };

let cached: IncidentStepDef[] | undefined;
export function initialResponseSteps(): IncidentStepDef[] {
  cached ??= bcpInitialResponseSteps().map((s) => ({ id: s.id, number: s.number, title: s.title, text: s.text }));
  return cached;
}

export function findStep(stepId: string): IncidentStepDef | undefined {
  return initialResponseSteps().find((s) => s.id === stepId);
}
