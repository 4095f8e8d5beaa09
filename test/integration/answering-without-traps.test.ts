import type { AnswerChange, ErrorBody, ResponseView } from '@mcr/contract';
import { todayInJapan, fiscalYearOf, fiscalYearRange } from '@mcr/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';

/**
 * Issue 10 item 6, the answering side (docs/decisions/0018-dates-and-answering.md): a past fiscal year's いいえ can be
 * saved today; two people of one facility saving different cells both land; the same cell is a 409 naming it.
 */
const T36 = tokushima();
/** The hospital of hospital-admin and hospital-staff: two people of one facility. */
const hospital = T36.facilities[0]!;
const admin = USERS.hospitalAdmin36;
const staff = USERS.hospitalStaff36;
const today = todayInJapan();
const endOfThisYear = fiscalYearRange(fiscalYearOf(today)).end;

let path = '';

async function current(as: string = admin): Promise<ResponseView> {
  const res = await api<ResponseView>('GET', path, { as });
  expect(res.status).toBe(200);
  return res.body;
}

function save(as: string, body: { expectedVersion: number; changes: AnswerChange[] }) {
  return api<ResponseView & ErrorBody>('PUT', `${path}/answers`, { as, body });
}

const yes = (checkedOn = today) => ({ value: 'yes' as const, checkedOn });
const change = (itemId: string, answer: AnswerChange['answer'], base: AnswerChange['base'], deviceClass: AnswerChange['deviceClass'] = 'system') => ({
  itemId,
  deviceClass,
  round: 1 as const,
  answer,
  base,
});

beforeAll(async () => {
  // A 令和6年度 campaign of the hospital alone, created now: its fiscal year is long over.
  const created = await createCampaign(USERS.pref36, {
    templateId: 'mhlw-facility-r6',
    title: { ja: '令和6年度 チェックリスト（回答の罠のテスト）' },
    fiscalYear: 2024,
    opensOn: '2024-06-01',
    deadline: '2025-03-31',
    target: { kind: 'facilities', ids: [hospital.id] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  path = `/api/campaigns/${created.body.campaign.id}/facilities/${hospital.id}/response`;
  // Start from nothing carried forward on the cells these tests use.
  const view = await current();
  const clear = ['gate', '1-1', '2-1']
    .filter((id) => view.answers[`${id}:system`]?.['1'])
    .map((id) => ({ itemId: id, deviceClass: 'system' as const, round: 1 as const, answer: null }));
  if (clear.length) expect((await save(admin, { expectedVersion: view.version, changes: clear })).status).toBe(200);
  const v = await current();
  expect((await save(admin, { expectedVersion: v.version, changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: yes() }] })).status).toBe(200);
});

describe('a past fiscal year answered いいえ today', () => {
  it('saves いいえ checked today with a target date in the current fiscal year', async () => {
    const view = await current();
    const res = await save(admin, {
      expectedVersion: view.version,
      changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'no', checkedOn: today, targetDate: endOfThisYear } }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.answers['1-1:system']?.['1']).toMatchObject({ value: 'no', checkedOn: today, targetDate: endOfThisYear });
  });

  it('refuses a target date after the end of the current fiscal year, naming the window', async () => {
    const view = await current();
    const next = `${Number(endOfThisYear.slice(0, 4))}-04-01`;
    const res = await save(admin, {
      expectedVersion: view.version,
      changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'no', checkedOn: today, targetDate: next } }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({
        field: 'body.changes[0].answer.targetDate',
        code: 'target_date_outside_fiscal_year',
        message: expect.objectContaining({ ja: expect.stringContaining(endOfThisYear) }),
      }),
    ]);
  });
});

describe('saves merge per cell', () => {
  it('two people editing different cells from the same version both land', async () => {
    const start = await current();
    const a = await save(admin, { expectedVersion: start.version, changes: [change('2-1', yes(), null)] });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    // The staff member still holds the version read before the administrator's save.
    const b = await save(staff, {
      expectedVersion: start.version,
      changes: [change('1-1', yes(), start.answers['1-1:system']?.['1'] ?? null)],
    });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    expect(b.body.version).toBe(start.version + 2);
    expect(b.body.answers['2-1:system']?.['1']?.value).toBe('yes');
    expect(b.body.answers['1-1:system']?.['1']?.value).toBe('yes');
    // The aggregates follow the merged answers, and the prefecture's read model sees both.
    await settle();
    const pref = await current(USERS.pref36);
    expect(pref.answers['2-1:system']?.['1']?.value).toBe('yes');
    expect(pref.answers['1-1:system']?.['1']?.value).toBe('yes');
    expect(pref.evaluation.yes).toBe(b.body.evaluation.yes);
  });

  it('a change to the same cell someone else changed first is a 409 naming the cell with their value; nothing is written', async () => {
    const start = await current();
    const based = start.answers['2-1:system']?.['1'] ?? null;
    const theirs = { value: 'no' as const, checkedOn: today, targetDate: endOfThisYear, note: '相手の備考' };
    expect((await save(admin, { expectedVersion: start.version, changes: [change('2-1', theirs, based)] })).status).toBe(200);

    const mine = await save(staff, {
      expectedVersion: start.version,
      changes: [
        change('2-1', { ...yes(), note: '自分の備考' }, based),
        change('1-1', { value: 'no', checkedOn: today, targetDate: endOfThisYear }, start.answers['1-1:system']?.['1'] ?? null),
      ],
    });
    expect(mine.status).toBe(409);
    expect(mine.body.error.code).toBe('CELL_CONFLICT');
    expect(mine.body.error.cells).toEqual([{ itemId: '2-1', deviceClass: 'system', round: 1, key: '2-1:system', theirs }]);
    expect(mine.body.error.currentVersion).toBe(start.version + 1);
    const after = await current();
    expect(after.version).toBe(start.version + 1);
    expect(after.answers['1-1:system']?.['1']?.value).toBe('yes');

    // 「自分の値で上書き」: the same change based on their value lands.
    const overwrite = await save(staff, { expectedVersion: start.version, changes: [change('2-1', { ...yes(), note: '自分の備考' }, theirs)] });
    expect(overwrite.status, JSON.stringify(overwrite.body)).toBe(200);
    expect(overwrite.body.answers['2-1:system']?.['1']).toMatchObject({ value: 'yes', note: '自分の備考' });
  });

  it('a change that is already stored is no conflict and writes nothing', async () => {
    const start = await current();
    const stored = start.answers['2-1:system']?.['1'] ?? null;
    const res = await save(staff, { expectedVersion: start.version - 5, changes: [change('2-1', stored, null)] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(start.version);
  });

  it('a save without bases keeps the version rule', async () => {
    const start = await current();
    const res = await save(staff, { expectedVersion: start.version - 1, changes: [{ itemId: '2-1', deviceClass: 'system', round: 1, answer: yes() }] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('concurrent saves of different cells from one version all land (a lost version race re-reads and merges)', async () => {
    const start = await current();
    const cells = [
      ['2-4', 'server'],
      ['2-4', 'client'],
      ['2-5', 'server'],
      ['2-5', 'client'],
      ['2-6', 'server'],
    ] as const;
    const results = await Promise.all(
      cells.map(([itemId, deviceClass], i) =>
        save(i % 2 ? staff : admin, {
          expectedVersion: start.version,
          changes: [change(itemId, yes(), start.answers[`${itemId}:${deviceClass}`]?.['1'] ?? null, deviceClass)],
        }),
      ),
    );
    expect(
      results.map((r) => r.status),
      JSON.stringify(results.filter((r) => r.status !== 200).map((r) => r.body)),
    ).toEqual(cells.map(() => 200));
    const after = await current();
    expect(after.version).toBe(start.version + cells.length);
    for (const [itemId, deviceClass] of cells) expect(after.answers[`${itemId}:${deviceClass}`]?.['1']?.value, `${itemId}:${deviceClass}`).toBe('yes');
    // The aggregates were computed from the final merged answers, not from one writer's view.
    const yesCount = Object.values(after.answers).filter((c) => c['1']?.value === 'yes').length;
    expect(after.evaluation.yes).toBeLessThanOrEqual(yesCount);
    expect(after.evaluation.yes).toBeGreaterThanOrEqual(start.evaluation.yes + cells.length);
  });
});
