import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_TEMPLATE_IDS, bcpInitialResponseSteps, builtInTemplates, getBuiltInTemplate, parseTemplateFileWith } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import * as data from '../../../functions/src/services/built-in-templates.ts';
import { initialResponseSteps } from '../../../functions/src/services/incident-steps.ts';
import { BUILT_IN_TEMPLATES_DIR, templateJson } from '../../../scripts/built-in-templates.ts';

/**
 * The functions read the built-in templates as data (packages/domain/built-in-templates/*.json) instead of bundling
 * the TypeScript that builds them (docs/decisions/0025-lean-functions.md): the files must be exactly that TypeScript.
 */
describe('built-in templates as data', () => {
  it('are the files scripts/built-in-templates.ts writes from the TypeScript templates (rerun it after changing one)', () => {
    expect(readdirSync(BUILT_IN_TEMPLATES_DIR).sort()).toEqual(BUILT_IN_TEMPLATE_IDS.map((id) => `${id}.json`).sort());
    for (const template of builtInTemplates) {
      expect(readFileSync(path.join(BUILT_IN_TEMPLATES_DIR, `${template.id}.json`), 'utf8'), template.id).toBe(templateJson(template));
    }
  });

  it('read by the functions, equal the TypeScript templates, in the same order; an unknown id is not built in', () => {
    expect(data.builtInTemplates()).toEqual(builtInTemplates);
    for (const id of BUILT_IN_TEMPLATE_IDS) expect(data.getBuiltInTemplate(id)).toEqual(getBuiltInTemplate(id));
    expect(data.getBuiltInTemplate('pref-facility-r8')).toBeUndefined();
    expect(data.getBuiltInTemplate('../package')).toBeUndefined();
  });

  it('give the incident report the same 初動対応 steps as the BCP table’s TypeScript', () => {
    const steps = initialResponseSteps();
    expect(steps.length).toBeGreaterThan(0);
    expect(steps).toEqual(bcpInitialResponseSteps());
  });

  it('check an uploaded file against the data as the default lookup does', () => {
    const file = {
      formatVersion: 1,
      ...structuredClone(getBuiltInTemplate('mhlw-facility-r7')),
      id: 'pref-facility-r8',
      fiscalYear: 2026,
      previousId: 'mhlw-facility-r7',
    };
    const viaData = parseTemplateFileWith(file, { resolveTemplate: data.getBuiltInTemplate });
    expect(viaData.ok).toBe(true);
    const broken = { ...file, previousId: 'mhlw-facility-r9' };
    const refused = parseTemplateFileWith(broken, { resolveTemplate: data.getBuiltInTemplate });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => e.path)).toContain('previousId');
  });
});
