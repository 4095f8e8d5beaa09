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
    expect(errors(json).map((e) => [e.path, e.code])).toEqual([['metadata.unverified[0].itemId', 'unverified_unknown_item']]);
  });

  it('answers with a list of errors, never by throwing, whatever it is given', () => {
    for (const input of [null, 42, 'template', [], {}]) expect(parseTemplateFile(input).ok).toBe(false);
  });
});
