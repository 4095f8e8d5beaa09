import { type Answers, carryForward, getBuiltInTemplate, parseTemplateFile, type Template, TemplateLineageError } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const r5 = getBuiltInTemplate('mhlw-facility-r5');
const r6 = getBuiltInTemplate('mhlw-facility-r6');
const r7 = getBuiltInTemplate('mhlw-facility-r7');

describe('carryForward from 令和6年度 to 令和7年度', () => {
  const previous: Answers = {
    'gate:system': { '1': { value: 'yes', checkedOn: '2024-06-01' } },
    '2-4:server': {
      '1': { value: 'no', checkedOn: '2024-06-01', targetDate: '2024-09-01' },
      '2': { value: 'yes', checkedOn: '2024-09-01', note: 'AD で設定' },
    },
    '2-4:client': { '1': { value: 'no', checkedOn: '2024-06-01', targetDate: '2025-03-01', note: '端末は未対応' } },
    '2-6:server': { '1': { value: 'yes', checkedOn: '2024-06-02' } },
    '2-7:server': { '1': { value: 'yes', checkedOn: '2024-06-02' } },
    '3-3:system': { '1': { value: 'yes', checkedOn: '2024-06-02' } },
  };
  const carried = carryForward(r6, previous, r7);

  it('takes the latest round as round 1, marked carried forward, without the old target date', () => {
    expect(carried['2-4:server']).toEqual({ '1': { value: 'yes', checkedOn: '2024-09-01', note: 'AD で設定', carriedForward: true } });
    expect(carried['2-4:client']).toEqual({ '1': { value: 'no', checkedOn: '2024-06-01', note: '端末は未対応', carriedForward: true } });
  });

  it('follows renumbered items (アクセスログ 2(6) → 2(11), item id 2-12)', () => {
    expect(carried['2-12:server']).toEqual({ '1': { value: 'yes', checkedOn: '2024-06-02', carriedForward: true } });
    expect(carried['2-6:server']).toBeUndefined();
  });

  it('carries the BCP item: R6 and R7 both read 「…（BCP）を策定している。」', () => {
    expect(carried['3-3:system']).toEqual({ '1': { value: 'yes', checkedOn: '2024-06-02', carriedForward: true } });
  });

  it('leaves the changed patch item and the five new items empty', () => {
    expect(Object.keys(carried).sort()).toEqual(['2-12:server', '2-4:client', '2-4:server', '3-3:system', 'gate:system']);
  });

  it('follows 不要なソフトウェア 2(9) → 2(12) (id 2-14) and 接続元制限 2(8) → 2(13) cell by cell', () => {
    const more = carryForward(
      r6,
      {
        '2-9:client': { '1': { value: 'yes', checkedOn: '2024-07-01' } },
        '2-8:network': { '1': { value: 'no', checkedOn: '2024-07-01', targetDate: '2025-01-31' } },
        '2-2:system': { '1': { value: 'yes', checkedOn: '2024-07-01' } },
      },
      r7,
    );
    expect(more).toEqual({
      '2-14:client': { '1': { value: 'yes', checkedOn: '2024-07-01', carriedForward: true } },
      '2-13:network': { '1': { value: 'no', checkedOn: '2024-07-01', carriedForward: true } },
      // 2(2) 「事業者等に」 → 「事業者に」: the same question, carried.
      '2-2:system': { '1': { value: 'yes', checkedOn: '2024-07-01', carriedForward: true } },
    });
  });

  it('refuses templates that do not follow each other', () => {
    expect(() => carryForward(r5, {}, r7)).toThrow(TemplateLineageError);
    expect(() => carryForward(r6, {}, getBuiltInTemplate('mhlw-vendor-r7'))).toThrow(TemplateLineageError);
  });
});

describe('carryForward from 令和5年度 to 令和6年度', () => {
  it('carries 参考 cells too (same question, now required)', () => {
    const carried = carryForward(r5, { '2-9:client': { '1': { value: 'yes', checkedOn: '2023-12-01' } } }, r6);
    expect(carried).toEqual({ '2-9:client': { '1': { value: 'yes', checkedOn: '2023-12-01', carriedForward: true } } });
  });
});

function version(id: string, previous: Template | undefined, items: Array<Record<string, unknown>>): Template {
  const previousId = previous?.id;
  const result = parseTemplateFile(
    {
      formatVersion: 1,
      id,
      form: 'bcp',
      fiscalYear: previousId ? 2026 : 2025,
      label: { ja: 'テスト版', en: 'Test edition' },
      title: { ja: 'テスト', en: 'Test' },
      source: 'test',
      ...(previousId ? { previousId } : {}),
      sections: [{ id: 's', number: '1', title: { ja: '節', en: 'Section' }, items }],
    },
    previous ? { previous } : {},
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.template;
}

describe('carryForward across a split and a merge', () => {
  const text = { ja: '項目', en: 'Item' };
  const old = version('old', undefined, [
    { id: 'a', number: '1', text },
    { id: 'b', number: '2', text },
    { id: 'c', number: '3', text },
    { id: 'd', number: '4', text },
    { id: 'e', number: '5', text },
  ]);
  const next = (oldTemplate: Template) => {
    const t = version('next', oldTemplate, [
      { id: 'a1', number: '1', text, lineage: { kind: 'split', from: ['a'] } },
      { id: 'a2', number: '2', text, lineage: { kind: 'split', from: ['a'] } },
      { id: 'bc', number: '3', text, lineage: { kind: 'merged', from: ['b', 'c'] } },
      { id: 'de', number: '4', text, lineage: { kind: 'merged', from: ['d', 'e'] } },
    ]);
    return carryForward(oldTemplate, previousAnswers, t);
  };
  let previousAnswers: Answers = {};

  it('gives every part of a split はい item its はい', () => {
    previousAnswers = { 'a:system': { '1': { value: 'yes', checkedOn: '2025-05-01' } } };
    expect(next(old)).toEqual({
      'a1:system': { '1': { value: 'yes', checkedOn: '2025-05-01', carriedForward: true } },
      'a2:system': { '1': { value: 'yes', checkedOn: '2025-05-01', carriedForward: true } },
    });
  });

  it('does not spread a いいえ over the parts of a split item', () => {
    previousAnswers = { 'a:system': { '1': { value: 'no', checkedOn: '2025-05-01', targetDate: '2025-10-01' } } };
    expect(next(old)).toEqual({});
  });

  it('merges into はい only when every source was はい, dated by the oldest check', () => {
    previousAnswers = {
      'b:system': { '1': { value: 'yes', checkedOn: '2025-06-01' } },
      'c:system': { '1': { value: 'yes', checkedOn: '2025-05-01' } },
      'd:system': { '1': { value: 'yes', checkedOn: '2025-05-01' } },
    };
    expect(next(old)).toEqual({ 'bc:system': { '1': { value: 'yes', checkedOn: '2025-05-01', carriedForward: true } } });
  });

  it('dates a merged はい by the oldest check wherever that source comes', () => {
    previousAnswers = {
      'b:system': { '1': { value: 'yes', checkedOn: '2025-05-01' } },
      'c:system': { '1': { value: 'yes', checkedOn: '2025-06-01' } },
      'd:system': { '1': { value: 'yes', checkedOn: '2025-07-01' } },
      'e:system': { '1': { value: 'yes', checkedOn: '2025-06-15' } },
    };
    expect(next(old)).toEqual({
      'bc:system': { '1': { value: 'yes', checkedOn: '2025-05-01', carriedForward: true } },
      'de:system': { '1': { value: 'yes', checkedOn: '2025-06-15', carriedForward: true } },
    });
  });

  it('dates a merged いいえ by the latest いいえ wherever that source comes', () => {
    previousAnswers = {
      'b:system': { '1': { value: 'no', checkedOn: '2025-06-01', targetDate: '2025-09-01' } },
      'c:system': { '1': { value: 'no', checkedOn: '2025-05-01', targetDate: '2025-09-01' } },
    };
    expect(next(old)).toEqual({ 'bc:system': { '1': { value: 'no', checkedOn: '2025-06-01', carriedForward: true } } });
  });

  it('merges into いいえ when any source was いいえ', () => {
    previousAnswers = {
      'b:system': { '1': { value: 'yes', checkedOn: '2025-06-01' } },
      'c:system': { '1': { value: 'no', checkedOn: '2025-05-01', targetDate: '2025-09-01' } },
      'e:system': { '1': { value: 'no', checkedOn: '2025-05-02', targetDate: '2025-09-01' } },
    };
    expect(next(old)).toEqual({
      'bc:system': { '1': { value: 'no', checkedOn: '2025-05-01', carriedForward: true } },
      'de:system': { '1': { value: 'no', checkedOn: '2025-05-02', carriedForward: true } },
    });
  });
});
