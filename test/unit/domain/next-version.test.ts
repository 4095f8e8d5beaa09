import { allItems, builtInTemplates, draftNextVersion, draftNote, getBuiltInTemplate, type Item, parseTemplateFile, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const r7 = getBuiltInTemplate('mhlw-facility-r7');

/** What the draft keeps of an item: everything but its lineage (now `same`) and, without a counterpart, its mirror. */
function keptItem(item: Item, withMirrors: boolean): Item {
  const { lineage: _lineage, mirror, ...rest } = item;
  return { ...rest, ...(withMirrors && mirror !== undefined ? { mirror } : {}), lineage: { kind: 'same', from: [item.id] } };
}

describe('draftNote', () => {
  it('says in both languages that the wording is the previous version’s until compared with the new official form', () => {
    expect(draftNote(2026)).toEqual({
      ja: '令和8年度版の公式様式との照合前です。前の版の文言をそのまま使っています。公式様式と異なる場合は県にお知らせください。',
      en: 'Not yet compared with the FY2026 official form: the wording is that of the previous version. If it differs from the official form, please tell the prefecture.',
    });
  });
});

describe('draftNextVersion', () => {
  it('drafts 令和8年度版 from 令和7年度版: same items, lineage same, every item unverified, no mirrors without a counterpart', () => {
    const draft = draftNextVersion(r7, { id: 'pref-facility-r8', fiscalYear: 2026 });
    const { sections, metadata, ...head } = draft;
    expect(head).toStrictEqual({
      formatVersion: 1,
      id: 'pref-facility-r8',
      form: 'facility',
      fiscalYear: 2026,
      label: { ja: '令和8年度版', en: 'FY2026 edition' },
      title: r7.title,
      source: `${r7.source}（令和8年度版の作成にあたり、前の版「令和7年度版」をもとにしています）`,
      previousId: 'mhlw-facility-r7',
      applicability: r7.applicability,
    });
    expect(sections).toStrictEqual(r7.sections.map((s) => ({ ...s, items: s.items.map((i) => keptItem(i, false)) })));
    expect(metadata).toStrictEqual({
      unverified: allItems(r7).map((i) => ({ itemId: i.id, reason: draftNote(2026) })),
      guidanceSource: r7.metadata.guidanceSource,
    });
  });

  it('keeps the mirrors when the counterpart form is named', () => {
    const draft = draftNextVersion(r7, { id: 'pref-facility-r8', fiscalYear: 2026, mirrorTemplateId: 'pref-vendor-r8' });
    expect(draft.mirrorTemplateId).toBe('pref-vendor-r8');
    expect(draft.sections).toStrictEqual(r7.sections.map((s) => ({ ...s, items: s.items.map((i) => keptItem(i, true)) })));
    // The gate row has no mirror and gets none.
    expect(draft.sections[0]?.items[0]).not.toHaveProperty('mirror');
  });

  it('takes the label, title, source and note it is given', () => {
    const note = { ja: '未照合', en: 'Not compared' };
    const draft = draftNextVersion(r7, {
      id: 'pref-facility-r8',
      fiscalYear: 2026,
      label: { ja: '令和8年度版（案）', en: 'FY2026 draft' },
      title: { ja: 'チェックリスト', en: 'Checklist' },
      source: '県が作成',
      note,
    });
    expect(draft).toMatchObject({
      label: { ja: '令和8年度版（案）', en: 'FY2026 draft' },
      title: { ja: 'チェックリスト', en: 'Checklist' },
      source: '県が作成',
    });
    expect(draft.metadata?.unverified.every((n) => n.reason === note)).toBe(true);
  });

  it('carries no guidance source the previous version did not have', () => {
    const draft = draftNextVersion({ ...r7, metadata: { unverified: [] } }, { id: 'pref-facility-r8', fiscalYear: 2026 });
    expect(Object.keys(draft.metadata ?? {})).toEqual(['unverified']);
  });

  describe.each(builtInTemplates.map((t) => [t.id, t] as const))('from %s', (_id, previous: Template) => {
    it('keeps every section and item as it was (descriptions, groups, 参考 cells, gates, guideline references, guidance)', () => {
      const withMirrors = previous.mirrorTemplateId !== undefined;
      const draft = draftNextVersion(previous, { id: `${previous.id}-next`, fiscalYear: previous.fiscalYear + 1, mirrorTemplateId: previous.mirrorTemplateId });
      expect(draft.sections).toStrictEqual(previous.sections.map((s) => ({ ...s, items: s.items.map((i) => keptItem(i, withMirrors)) })));
    });

    it('loads as the next version of its form', () => {
      const draft = draftNextVersion(previous, { id: `${previous.id}-next`, fiscalYear: previous.fiscalYear + 1 });
      const result = parseTemplateFile(draft, { previous });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    });
  });
});
