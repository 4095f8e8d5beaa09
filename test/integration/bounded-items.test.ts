import { QueryCommand as RawQuery } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ErrorBody, ResponseView, TemplateSummary } from '@mcr/contract';
import { MAX_TEMPLATE_CELLS, MAX_TEMPLATE_ITEMS } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { testDb } from '../support/rows.ts';

/**
 * The largest valid input: the largest template a prefecture may load (every answer cell allowed, item ids of
 * the longest length), every cell answered in 3 rounds with 2,000-character Japanese notes, and several
 * 差戻し cycles with 100 item comments of 2,000 characters each. Every write succeeds and no stored item
 * comes near DynamoDB's 400 KB item limit.
 */
const ITEM_LIMIT = 400 * 1024;
const facility = 'f001';
const as = USERS.hospitalAdmin36;
const stamp = Date.now().toString(36);
const id = (n: number) => `i${n}-${'x'.repeat(60)}`.slice(0, 64).replace(/-$/, 'x');
/** 2,000 characters of Japanese (3 bytes each in UTF-8): the longest note and comment allowed. */
const longText = (seed: string) => `${seed}：${'医療情報システムのアクセスログを確認し、保存期間を記録した。'.repeat(80)}`.slice(0, 2000);

/** The largest facility form: the gate row, then items of three device classes up to the cell limit. */
function largestTemplateFile(templateId: string, cells = MAX_TEMPLATE_CELLS) {
  const items: Record<string, unknown>[] = [
    { id: 'gate', number: '', text: { ja: '医療情報システムを導入している', en: 'Has a system' }, gate: 'medical-system' },
  ];
  let used = 1;
  for (let n = 1; used < cells; n++) {
    const width = Math.min(3, cells - used);
    const cellList = width === 3 ? ['server', 'client', 'network'] : ['system'];
    used += cellList.length;
    items.push({ id: id(n), number: `${n}`.padStart(32, '0'), text: { ja: `項目${n}`, en: `Item ${n}` }, cells: cellList });
  }
  return {
    formatVersion: 1,
    id: templateId,
    form: 'facility',
    fiscalYear: 2026,
    label: { ja: '最大様式', en: 'Largest form' },
    title: { ja: '最大様式（医療機関確認用）', en: 'Largest form (facility)' },
    source: 'test',
    sections: [{ id: 's1', number: '1', title: { ja: '全項目', en: 'All items' }, items }],
  };
}

const upload = (file: unknown) =>
  api<TemplateSummary | ErrorBody>('POST', '/api/templates', {
    as: USERS.pref36,
    body: { fileName: 'largest.json', content: JSON.stringify(file) },
  });

/** An item's size as DynamoDB counts it: attribute names plus values, strings in UTF-8. */
function sizeOf(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L) return 3 + v.L.reduce((n, x) => n + 1 + sizeOf(x), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, x]) => n + 1 + Buffer.byteLength(k) + sizeOf(x), 0);
  return Buffer.byteLength(JSON.stringify(v));
}
const itemSize = (item: Record<string, AttributeValue>) => Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + sizeOf(v), 0);

async function itemsOf(pk: string): Promise<Record<string, AttributeValue>[]> {
  const db = testDb();
  const out: Record<string, AttributeValue>[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await db.doc.send(
      new RawQuery({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: pk } }, ExclusiveStartKey }),
    );
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

describe('item sizes are bounded by construction', () => {
  it(`refuses a template over ${MAX_TEMPLATE_CELLS} answer cells or ${MAX_TEMPLATE_ITEMS} items, naming the field`, async () => {
    const cells = await upload(largestTemplateFile(`too-many-cells-${stamp}`, MAX_TEMPLATE_CELLS + 1));
    expect(cells.status).toBe(400);
    const cellError = (cells.body as ErrorBody).error.fields?.find((f) => f.code === 'too_many_cells');
    expect(cellError?.field, JSON.stringify(cells.body)).toMatch(/sections\[0\]\.items\[\d+\]\.cells/);

    const file = largestTemplateFile(`too-many-items-${stamp}`, 1) as { sections: { items: unknown[] }[] };
    for (let n = 1; n <= MAX_TEMPLATE_ITEMS; n++) file.sections[0]!.items.push({ id: `m${n}`, number: `m${n}`, text: { ja: 'x', en: 'x' } });
    const items = await upload(file);
    expect(items.status).toBe(400);
    expect((items.body as ErrorBody).error.fields?.find((f) => f.code === 'too_many_items')?.field).toMatch(/sections\[0\]\.items\[200\]/);
  });

  it('takes the largest valid input through save, submit, return, resubmit and confirm, with no item over 400 KB', async () => {
    const templateId = `largest-${stamp}`;
    const uploaded = await upload(largestTemplateFile(templateId));
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);

    const created = await createCampaign(USERS.pref36, {
      templateId,
      title: { ja: '最大入力テスト' },
      fiscalYear: 2026,
      opensOn: '2026-06-01',
      deadline: '2027-03-31',
      target: { kind: 'facilities', ids: [facility] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const campaignId = created.body.campaign.id;
    const path = `/api/campaigns/${campaignId}/facilities/${facility}/response`;

    let view = (await api<ResponseView>('GET', path, { as })).body;
    const cells = view.template.sections.flatMap((s) => s.items.flatMap((i) => i.cells.map((d) => ({ itemId: i.id, deviceClass: d, gate: !!i.gate }))));
    expect(cells).toHaveLength(MAX_TEMPLATE_CELLS);

    // Every cell in every round: いいえ with a target date (the largest core), and a 2,000-character note.
    const dates = { 1: '2026-06-01', 2: '2026-07-01', 3: '2026-08-01' } as const;
    for (const round of [1, 2, 3] as const) {
      const changes = cells.map((c) => ({
        itemId: c.itemId,
        deviceClass: c.deviceClass,
        round,
        answer: c.gate
          ? { value: 'yes', checkedOn: dates[round], note: longText(`${c.itemId}-${round}`) }
          : { value: 'no', checkedOn: dates[round], targetDate: '2027-03-31', note: longText(`${c.itemId}:${c.deviceClass}-${round}`) },
      }));
      // 35 changes of 6 KB notes stay under the 256 KiB request limit.
      for (let i = 0; i < changes.length; i += 35) {
        const res = await api<ResponseView>('PUT', `${path}/answers`, { as, body: { expectedVersion: view.version, changes: changes.slice(i, i + 35) } });
        expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
        view = res.body;
      }
    }
    const sample = cells[17]!;
    expect(view.answers[`${sample.itemId}:${sample.deviceClass}`]?.['3']?.note).toBe(longText(`${sample.itemId}:${sample.deviceClass}-3`));

    // As many 2,000-character comments as the 256 KiB request limit lets through (the schema allows 100 shorter ones).
    const comments = cells
      .filter((c) => !c.gate)
      .slice(0, 40)
      .map((c, i) => ({ itemId: c.itemId, comment: longText(`コメント${i}`) }));
    const submit = async (round: 1 | 2 | 3) => {
      const res = await api<ResponseView>('POST', `${path}/submit`, { as, body: { expectedVersion: view.version, round } });
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
      view = res.body;
    };
    const review = async (action: 'return' | 'confirm') => {
      const body =
        action === 'return' ? { expectedVersion: view.version, message: longText('差戻し理由'), itemComments: comments } : { expectedVersion: view.version };
      const res = await api<ResponseView>('POST', `${path}/${action}`, { as: USERS.pref36, body });
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
      view = res.body;
    };
    // Four 差戻し cycles over the three rounds, then 受理.
    await submit(1);
    await review('return');
    await submit(1);
    await review('return');
    await submit(2);
    await review('return');
    await submit(3);
    await review('return');
    await submit(3);
    await review('confirm');

    // The view is the same shape as ever: every submission, every review with its comments, every note.
    expect(view.status).toBe('confirmed');
    expect(view.submissions.map((s) => s.round)).toEqual([1, 1, 2, 3, 3]);
    expect(view.reviews.map((r) => r.action)).toEqual(['returned', 'returned', 'returned', 'returned', 'confirmed']);
    expect(view.reviews[0]?.itemComments).toEqual(comments);
    expect(view.reviews[0]?.message).toBe(longText('差戻し理由'));
    expect(view.answers[`${sample.itemId}:${sample.deviceClass}`]?.['1']?.note).toBe(longText(`${sample.itemId}:${sample.deviceClass}-1`));
    expect(JSON.stringify(view.answers).includes('"note"')).toBe(true);
    await settle();

    // Measure every item of the response's partitions and of the month's audit entries about it.
    const partitions = [`T#36#CAMP#${campaignId}`, `T#36#CAMP#${campaignId}#FAC#${facility}`];
    const items = (await Promise.all(partitions.map(itemsOf))).flat();
    const month = new Date().toISOString().slice(0, 7);
    const audit = (await itemsOf(`T#36#AUDIT#${month}`)).filter((i) => i.target?.S?.includes(campaignId));
    const sizes = [...items, ...audit].map((i) => ({ key: `${i.PK?.S} ${i.SK?.S}`, size: itemSize(i) })).sort((a, b) => b.size - a.size);
    const kind = (key: string) =>
      key
        .split(' ')[1]!
        .replace(/^LOG#[^#]+#/, 'LOG#')
        .replace(/#.*$/, '')
        .replace(/^(\d{4}-).*/, 'AUDIT');
    const largest = new Map<string, number>();
    for (const s of sizes) largest.set(kind(s.key), Math.max(largest.get(kind(s.key)) ?? 0, s.size));
    console.log('largest item of each kind (bytes):', Object.fromEntries(largest));
    expect(items.find((i) => i.SK?.S === `RESP#FAC#${facility}`)).toBeDefined();
    expect(items.filter((i) => i.SK?.S?.startsWith('NOTE#') && i.SK.S !== 'NOTE#~')).toHaveLength(MAX_TEMPLATE_CELLS);
    expect(audit.length).toBeGreaterThan(20);
    expect(sizes[0]!.size).toBeLessThan(ITEM_LIMIT);
    // The response item holds only the compact core: far below the limit even at the largest form.
    expect(sizes.find((s) => s.key.endsWith(`RESP#FAC#${facility}`))!.size).toBeLessThan(100 * 1024);
  }, 180_000);
});
