import { getBuiltInTemplate, parseTemplateFile, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const text = (ja: string, en: string) => ({ ja, en });

/** A small facility file in the upload format; tests change one thing at a time, invalid values included. */
// biome-ignore lint/suspicious/noExplicitAny: the fixture is raw JSON that tests break on purpose
function file(): Record<string, any> {
  return {
    formatVersion: 1,
    id: 'pref-facility-r8',
    form: 'facility',
    fiscalYear: 2026,
    label: text('令和8年度版', 'FY2026 edition'),
    title: text('医療機関におけるサイバーセキュリティ対策チェックリスト', 'Cybersecurity checklist'),
    source: '厚生労働省 令和8年度版',
    sections: [
      {
        id: 'gate',
        number: '',
        title: text('医療情報システムの有無', 'Systems'),
        items: [{ id: 'gate', number: '', text: text('医療情報システムを導入、運用している。', 'Runs a system.'), gate: 'medical-system' }],
      },
      {
        id: '2',
        number: '2',
        title: text('医療情報システムの管理・運用', 'Management'),
        items: [
          { id: '2-1', number: '2(1)', text: text('台帳', 'Inventory') },
          { id: '2-2', number: '2(2)', text: text('リモート', 'Remote'), applicability: [{ requires: 'vendor-contract' }] },
          { id: '2-3', number: '2(3)', text: text('MDS/SDS', 'MDS/SDS'), applicability: [{ requires: 'vendor-contract' }] },
          { id: '2-4', number: '2(4)', text: text('アクセス権限', 'Access rights'), cells: ['server', 'client'] },
        ],
      },
    ],
  };
}

function errors(json: unknown, options?: Parameters<typeof parseTemplateFile>[1]) {
  const result = parseTemplateFile(json, options);
  return result.ok ? [] : result.errors;
}

describe('parseTemplateFile', () => {
  it('reads a minimal file and fills in the defaults', () => {
    const result = parseTemplateFile(file());
    expect(result.ok).toBe(true);
    const template = (result as { ok: true; template: Template }).template;
    expect(template).not.toHaveProperty('formatVersion');
    expect(template.applicability).toEqual([]);
    expect(template.metadata).toEqual({ unverified: [] });
    expect(template.sections[1]?.items[0]).toMatchObject({ cells: ['system'], reference: false, applicability: [], guidance: {}, lineage: { kind: 'new' } });
  });

  it('names the exact field of a wrong device class', () => {
    const json = file();
    json.sections[1].items[3].cells = ['printer'];
    expect(errors(json)).toEqual([
      {
        path: 'sections[1].items[3].cells[0]',
        code: 'invalid_value',
        ja: '次のいずれかを指定してください: system, server, client, network',
        en: 'Expected one of: system, server, client, network',
      },
    ]);
  });

  it('reports a misspelt field instead of ignoring it', () => {
    const json = file();
    json.sections[1].items[0].cell = ['server'];
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['sections[1].items[0].cell', 'unrecognized_keys']]);
  });

  it('needs the format version', () => {
    const json = file();
    delete json.formatVersion;
    expect(errors(json)).toEqual([{ path: 'formatVersion', code: 'invalid_value', ja: '次のいずれかを指定してください: 1', en: 'Expected one of: 1' }]);
  });

  it('says which type a field needs when it has the wrong one, and "required" only when it is missing', () => {
    const json = file();
    json.fiscalYear = '2026';
    expect(errors(json)).toEqual([{ path: 'fiscalYear', code: 'invalid_type', ja: '形式が正しくありません（number が必要です）', en: 'Expected number' }]);
    delete json.fiscalYear;
    expect(errors(json)).toEqual([{ path: 'fiscalYear', code: 'invalid_type', ja: '必須項目です', en: 'Required' }]);
  });

  it('refuses ids that are not slugs', () => {
    const json = file();
    json.sections[1].items[0].id = '2(1)';
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['sections[1].items[0].id', 'invalid_format']]);
  });

  it('refuses duplicate item ids and numbers', () => {
    const json = file();
    json.sections[1].items[1].id = '2-1';
    json.sections[1].items[2].number = '2(1)';
    expect(errors(json)).toEqual([
      { path: 'sections[1].items[1].id', code: 'duplicate_id', ja: 'ID「2-1」が重複しています', en: 'Id "2-1" is used more than once' },
      {
        path: 'sections[1].items[2].number',
        code: 'duplicate_number',
        ja: '項目番号「2(1)」が重複しています',
        en: 'Item number "2(1)" is used more than once',
      },
    ]);
  });

  it('refuses repeated cells and system mixed with device classes', () => {
    const json = file();
    json.sections[1].items[3].cells = ['server', 'server', 'system'];
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([
      ['sections[1].items[3].cells[1]', 'duplicate_cell'],
      ['sections[1].items[3].cells[2]', 'system_exclusive'],
    ]);
  });

  it('needs the 医療情報システム gate on a facility form', () => {
    const json = file();
    json.sections.shift();
    expect(errors(json)).toEqual([
      { path: 'sections', code: 'gate_missing', ja: '前提項目（medical-system）がありません', en: 'The template needs a gate item (medical-system)' },
    ]);
  });

  it('keeps the gate first and answered once', () => {
    const json = file();
    json.sections[1].items[0].gate = 'medical-system';
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([
      ['sections[1].items[0].gate', 'duplicate_gate'],
      ['sections[1].items[0].gate', 'gate_position'],
    ]);
  });

  it('checks lineage against the previous version', () => {
    const json = file();
    json.previousId = 'mhlw-facility-r7';
    json.sections[1].items[0].lineage = { kind: 'same', from: ['2-1'] };
    json.sections[1].items[3].lineage = { kind: 'same', from: ['2-99'] };
    json.sections[1].items[2].lineage = { kind: 'merged', from: ['2-3'] };
    expect(errors(json).map((e) => [e.path, e.code, e.en])).toEqual([
      ['sections[1].items[2].lineage.from', 'lineage_from_count', 'A merged item names at least two previous items'],
      ['sections[1].items[3].lineage.from[0]', 'lineage_unknown', 'The previous version has no item "2-99"'],
    ]);
  });

  it('needs previousId when items name earlier ids, and the previous version must exist', () => {
    const json = file();
    json.sections[1].items[0].lineage = { kind: 'same', from: ['2-1'] };
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['previousId', 'previous_missing']]);
    json.previousId = 'pref-facility-r7';
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['previousId', 'previous_unknown']]);
    expect(errors(json, { previous: getBuiltInTemplate('mhlw-facility-r7') })).toEqual([]);
  });

  it('resolves previous versions an administrator uploaded earlier', () => {
    const json = file();
    json.previousId = 'pref-facility-r7';
    json.sections[1].items[0].lineage = { kind: 'same', from: ['2-1'] };
    const uploaded = { ...getBuiltInTemplate('mhlw-facility-r7'), id: 'pref-facility-r7' };
    expect(errors(json, { resolveTemplate: (id) => (id === 'pref-facility-r7' ? uploaded : undefined) })).toEqual([]);
  });

  it('checks mirrors against the counterpart form', () => {
    const json = file();
    json.sections[1].items[0].mirror = '2-1';
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['mirrorTemplateId', 'mirror_template_missing']]);
    json.mirrorTemplateId = 'mhlw-vendor-r7';
    json.sections[1].items[1].mirror = '2-99';
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['sections[1].items[1].mirror', 'mirror_unknown']]);
    json.mirrorTemplateId = 'mhlw-facility-r7';
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['mirrorTemplateId', 'mirror_template_form']]);
  });

  it('refuses 参考 cells that are not cells of the item', () => {
    const json = file();
    json.sections[1].items[3].referenceCells = ['network'];
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['sections[1].items[3].referenceCells[0]', 'reference_cell_not_in_cells']]);
  });

  it('refuses unverified notes about items it does not have', () => {
    const json = file();
    json.metadata = { unverified: [{ itemId: '9-9', reason: text('未確認', 'Unverified') }] };
    expect(errors(json)).toEqual([
      {
        path: 'metadata.unverified[0].itemId',
        code: 'unverified_unknown_item',
        ja: '項目「9-9」はこのテンプレートにありません',
        en: 'No item "9-9" in this template',
      },
    ]);
  });

  it('answers with a list of errors, never by throwing, whatever it is given', () => {
    for (const input of [null, 42, 'template', [], {}]) expect(parseTemplateFile(input).ok).toBe(false);
  });
});

/** A BCP 確認表 file (no gate, no mirrors) with the given items in one section. */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON, as in file()
function bcpFile(items: Array<Record<string, any>>): Record<string, any> {
  return {
    formatVersion: 1,
    id: 'pref-bcp-r8',
    form: 'bcp',
    fiscalYear: 2026,
    label: text('令和8年度版', 'FY2026 edition'),
    title: text('BCP確認表', 'BCP table'),
    source: 'test',
    sections: [{ id: 's1', number: '1', title: text('初動', 'First response'), items }],
  };
}
const rows = (n: number, cells: string[] = ['system']) =>
  Array.from({ length: n }, (_, i) => ({ id: `i${i + 1}`, number: String(i + 1), text: text('項目', 'Item'), cells }));

describe('checkTemplate (through parseTemplateFile)', () => {
  it('refuses a section id used twice', () => {
    const json = file();
    json.sections[1].id = 'gate';
    expect(errors(json)).toEqual([{ path: 'sections[1].id', code: 'duplicate_id', ja: 'ID「gate」が重複しています', en: 'Id "gate" is used more than once' }]);
  });

  it('needs the number of every item but a gate row', () => {
    const json = file();
    json.sections[1].items[0].number = '';
    expect(errors(json)).toEqual([
      {
        path: 'sections[1].items[0].number',
        code: 'number_required',
        ja: '項目番号を入力してください（番号を省略できるのは前提項目のみです）',
        en: 'Give the item number (only a gate row may go without one)',
      },
    ]);
  });

  it('allows only the medical-system gate on a facility form', () => {
    const json = file();
    json.sections[0].items[0].gate = 'vendor-contract';
    expect(errors(json)).toEqual([
      {
        path: 'sections[0].items[0].gate',
        code: 'gate_kind',
        ja: 'この様式では前提項目の種類「vendor-contract」は使用できません',
        en: 'Gate kind "vendor-contract" is not used on this form',
      },
      { path: 'sections', code: 'gate_missing', ja: '前提項目（medical-system）がありません', en: 'The template needs a gate item (medical-system)' },
    ]);
  });

  it('answers a gate once, for the whole system, and never as 参考', () => {
    const json = file();
    json.sections[0].items[0].cells = ['server'];
    expect(errors(json)).toEqual([
      {
        path: 'sections[0].items[0].cells',
        code: 'gate_cells',
        ja: '前提項目の cells は ["system"] にしてください',
        en: 'A gate item is answered once: cells must be ["system"]',
      },
    ]);
    const reference = file();
    reference.sections[0].items[0].reference = true;
    const gateReference = {
      path: 'sections[0].items[0].reference',
      code: 'gate_reference',
      ja: '前提項目を参考項目にすることはできません',
      en: 'A gate item cannot be a reference item',
    };
    expect(errors(reference)).toEqual([gateReference]);
    const referenceCell = file();
    referenceCell.sections[0].items[0].referenceCells = ['system'];
    expect(errors(referenceCell)).toEqual([gateReference]);
  });

  it('keeps the gate above every other item of the first section', () => {
    const json = file();
    json.sections[0].items.unshift({ id: '1-1', number: '1(1)', text: text('項目', 'Item') });
    expect(errors(json)).toEqual([
      {
        path: 'sections[0].items[1].gate',
        code: 'gate_position',
        ja: '前提項目は最初のセクションの先頭に置いてください',
        en: 'A gate item must come first in the first section',
      },
    ]);
  });

  it('lets a vendor form stack two gates at the top, and checks its counterpart is a facility form', () => {
    const json = file();
    json.id = 'pref-vendor-r8';
    json.form = 'vendor';
    json.sections[0].items.push({ id: 'contract', number: '', text: text('契約', 'Contract'), gate: 'vendor-contract' });
    expect(errors(json)).toEqual([]);
    json.mirrorTemplateId = 'mhlw-vendor-r7';
    expect(errors(json)).toEqual([
      {
        path: 'mirrorTemplateId',
        code: 'mirror_template_form',
        ja: '相手様式の種類が正しくありません（facility が必要です）',
        en: 'The counterpart template must be a facility form',
      },
    ]);
  });

  it('says when the counterpart form cannot be found', () => {
    const json = file();
    json.mirrorTemplateId = 'pref-vendor-r9';
    expect(errors(json)).toEqual([
      {
        path: 'mirrorTemplateId',
        code: 'mirror_template_unknown',
        ja: '相手様式「pref-vendor-r9」が見つかりません',
        en: 'Counterpart template "pref-vendor-r9" was not found',
      },
    ]);
  });

  it('refuses a mirror on the BCP table, which has no counterpart', () => {
    expect(errors(bcpFile([{ ...rows(1)[0], mirror: '2-1' }]))).toEqual([
      {
        path: 'sections[0].items[0].mirror',
        code: 'mirror_not_allowed',
        ja: 'BCP確認表の項目には対応項目（mirror）を設定できません',
        en: 'Items of the BCP table have no mirrored item',
      },
    ]);
  });

  it('refuses a medical-system condition on a form without that gate, on the template or on an item', () => {
    const json = bcpFile([{ ...rows(1)[0], applicability: [{ requires: 'medical-system' }] }]);
    json.applicability = [{ requires: 'vendor-contract' }, { requires: 'medical-system' }];
    const issue = {
      code: 'requirement_without_gate',
      ja: '前提項目（medical-system）がないため、この条件は判定できません',
      en: 'No medical-system gate item in this template to evaluate this rule',
    };
    expect(errors(json)).toEqual([
      { path: 'applicability[1].requires', ...issue },
      { path: 'sections[0].items[0].applicability[0].requires', ...issue },
    ]);
  });

  describe('lineage', () => {
    const withLineage = (...lineages: Array<Record<string, unknown>>) => {
      const json = file();
      json.previousId = 'mhlw-facility-r7';
      lineages.forEach((lineage, i) => {
        json.sections[1].items[i].lineage = lineage;
      });
      return errors(json);
    };

    it('needs from for every kind but new, and refuses it on a new item', () => {
      expect(withLineage({ kind: 'same' })).toEqual([
        {
          path: 'sections[1].items[0].lineage.from',
          code: 'lineage_from_required',
          ja: 'kind「same」の項目には from（前版の項目ID）が必要です',
          en: 'An item of kind "same" needs "from" (ids in the previous version)',
        },
      ]);
      expect(withLineage({ kind: 'new', from: ['2-1'] })).toEqual([
        {
          path: 'sections[1].items[0].lineage.from',
          code: 'lineage_from_not_allowed',
          ja: '新規項目（kind: new）には from を指定できません',
          en: 'A new item (kind "new") has no "from"',
        },
      ]);
    });

    it('names exactly one previous item for changed, same and split', () => {
      const issue = (kind: string, i: number) => ({
        path: `sections[1].items[${i}].lineage.from`,
        code: 'lineage_from_count',
        ja: `kind「${kind}」には前版の項目を1つだけ指定してください`,
        en: `An item of kind "${kind}" names exactly one previous item`,
      });
      expect(withLineage({ kind: 'changed', from: ['2-1', '2-2'] }, { kind: 'split', from: ['2-2', '2-3'] })).toEqual([issue('changed', 0), issue('split', 1)]);
      expect(withLineage({ kind: 'changed', from: ['2-1'] }, { kind: 'merged', from: ['2-2', '2-3'] })).toEqual([]);
    });

    it('refuses a split into one item only, whatever other items say of the same source', () => {
      const single = {
        path: 'sections[1].items[0].lineage.from[0]',
        code: 'lineage_split_single',
        ja: '前版の項目「2-1」から分割された項目が1つしかありません',
        en: 'Only one item is split from previous item "2-1"',
      };
      expect(withLineage({ kind: 'split', from: ['2-1'] })).toEqual([single]);
      expect(withLineage({ kind: 'split', from: ['2-1'] }, { kind: 'same', from: ['2-1'] })).toEqual([single]);
      expect(withLineage({ kind: 'split', from: ['2-1'] }, { kind: 'split', from: ['2-1'] })).toEqual([]);
    });
  });

  describe('the previous version', () => {
    it('is not the template itself', () => {
      const json = file();
      json.previousId = json.id;
      expect(errors(json)).toEqual([
        { path: 'previousId', code: 'previous_self', ja: 'previousId に自分自身は指定できません', en: 'previousId cannot be the template itself' },
      ]);
    });

    it('is the same form', () => {
      const json = file();
      json.previousId = 'mhlw-vendor-r7';
      expect(errors(json)).toEqual([
        { path: 'previousId', code: 'previous_form', ja: '前版の様式の種類が異なります（vendor）', en: 'The previous version is a different form (vendor)' },
      ]);
    });

    it('is of an earlier fiscal year', () => {
      const json = file();
      json.previousId = 'mhlw-facility-r7';
      json.fiscalYear = 2025;
      const issue = {
        path: 'previousId',
        code: 'previous_fiscal_year',
        ja: '前版の年度はこの版より前である必要があります',
        en: 'The previous version must be of an earlier fiscal year',
      };
      expect(errors(json)).toEqual([issue]);
      json.fiscalYear = 2024;
      expect(errors(json)).toEqual([issue]);
      json.fiscalYear = 2026;
      expect(errors(json)).toEqual([]);
    });
  });

  describe('size limits', () => {
    it('takes 200 items and names the 201st', () => {
      expect(errors(bcpFile(rows(200)))).toEqual([]);
      expect(errors(bcpFile(rows(202)))).toEqual([
        {
          path: 'sections[0].items[200].id',
          code: 'too_many_items',
          ja: '項目が多すぎます（202 件。1つの様式は 200 項目までです）',
          en: 'Too many items (202; a template has at most 200)',
        },
      ]);
    });

    it('takes 240 answer cells and names the item that goes past them, once', () => {
      expect(errors(bcpFile(rows(80, ['server', 'client', 'network'])))).toEqual([]);
      expect(errors(bcpFile(rows(82, ['server', 'client', 'network'])))).toEqual([
        {
          path: 'sections[0].items[80].cells',
          code: 'too_many_cells',
          ja: '回答欄（項目×機器区分）が多すぎます（246 欄。1つの様式は 240 欄までです）',
          en: 'Too many answer cells (item × device class: 246; a template has at most 240)',
        },
      ]);
      // Past the limit partway through an item: named at that item.
      const two = { id: 'a', number: 'a', text: text('項目', 'Item'), cells: ['server', 'client'] };
      const three = { id: 'b', number: 'b', text: text('項目', 'Item'), cells: ['server', 'client', 'network'] };
      expect(errors(bcpFile([...rows(79, ['server', 'client', 'network']), two, three])).map((e) => [e.path, e.code, e.en])).toEqual([
        ['sections[0].items[80].cells', 'too_many_cells', 'Too many answer cells (item × device class: 242; a template has at most 240)'],
      ]);
    });
  });
});
