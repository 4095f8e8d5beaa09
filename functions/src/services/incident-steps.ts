import type { LocalizedText } from '@mcr/contract';
import { getBuiltInTemplate } from './built-in-templates.ts';

/**
 * The 初動対応 steps shown to a facility while its report is open: the 初動対応 phase's 確認項目 of the built-in
 * MHLW BCP 確認表 (template `mhlw-bcp-r6`, kept by the BCP part of issue 10), so that the checklist and the
 * BCP table never drift apart.
 */
export type IncidentStepDef = { id: string; number: string; title: LocalizedText; text: LocalizedText };

let cached: IncidentStepDef[] | undefined;
export function initialResponseSteps(): IncidentStepDef[] {
  // lean: read from the template's data (the 初動対応 section, 大項目 as each item's group), as bcpInitialResponseSteps()
  // builds them from the TypeScript; test/unit/functions/built-in-templates.test.ts checks both agree.
  if (!cached) {
    const section = getBuiltInTemplate('mhlw-bcp-r6')?.sections.find((s) => s.id === 'initial-response');
    cached = (section?.items ?? []).map((i) => ({ id: i.id, number: i.number, title: i.group ?? i.text, text: i.text }));
  }
  return cached;
}

export function findStep(stepId: string): IncidentStepDef | undefined {
  return initialResponseSteps().find((s) => s.id === stepId);
}
