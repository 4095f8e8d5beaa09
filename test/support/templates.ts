import { applicableCells, type Answers, getBuiltInTemplate, type Template } from '@mcr/domain';

/**
 * A new version as a prefecture would write it: the R7 facility form re-issued for another year, every item
 * mapped `same` to R7 so that answers carry forward.
 */
export function nextVersionFile(id: string, fiscalYear = 2026): Record<string, unknown> {
  const r7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
  return {
    formatVersion: 1,
    ...r7,
    id,
    fiscalYear,
    label: { ja: `令和${fiscalYear - 2018}年度版 (県独自)`, en: `FY${fiscalYear} edition (prefecture)` },
    previousId: r7.id,
    mirrorTemplateId: undefined,
    sections: r7.sections.map((s) => ({ ...s, items: s.items.map(({ mirror: _m, ...item }) => ({ ...item, lineage: { kind: 'same', from: [item.id] } })) })),
    metadata: { unverified: [] },
  };
}

/** Round-1 はい on every applicable cell: a response that is complete for inspection. */
export function completeAnswers(template: Template, hasVendorContract: boolean, checkedOn = '2024-07-01'): Answers {
  const answers: Answers = { 'gate:system': { '1': { value: 'yes', checkedOn } } };
  for (const c of applicableCells(template, answers, { hasVendorContract })) answers[c.key] = { '1': { value: 'yes', checkedOn } };
  return answers;
}

/** The same answers as a list of changes for PUT …/answers. */
export function asChanges(answers: Answers) {
  return Object.entries(answers).flatMap(([key, cell]) => {
    const [itemId, deviceClass] = key.split(':');
    return Object.entries(cell).map(([round, answer]) => ({ itemId, deviceClass, round: Number(round), answer }));
  });
}
