import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditLogResponse, CampaignRow, CampaignRowsResponse, ErrorBody, ListFacilitiesResponse, ListUsersResponse } from '@mcr/contract';
import {
  applyRowChanges,
  type FacilityRecord,
  keys,
  nameKey,
  queryPage,
  rowChangeRequests,
  rowItems,
  rowPartition,
  type RowSource,
  writeRowChanges,
} from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { kagawa, tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../support/api.ts';
import { createRowsCampaign, syntheticRow, testDb } from '../support/rows.ts';

const T36 = tokushima();
const T37 = kagawa();
const stamp = Date.now().toString(36);
const CAMPAIGN = `rows-${stamp}`;
const OTHER_CAMPAIGN = `rows2-${stamp}`;
const N = 260;

/** 260 facilities over the three 保健所 of 徳島県, some with full-width names (NFKC search). */
const facilities: FacilityRecord[] = Array.from({ length: N }, (_, i) => {
  const hc = T36.healthCenters[i % T36.healthCenters.length]!;
  const kind = (['hospital', 'clinic', 'dental_clinic', 'pharmacy'] as const)[i % 4]!;
  const name =
    i % 13 === 0
      ? `ＡＢＣ${i}クリニック`
      : `${['あおぞら', 'いずみ', 'うみべ', 'えがお', 'おか'][i % 5]}${kind === 'hospital' ? '病院' : '診療所'}${String(i).padStart(3, '0')}`;
  return {
    id: `r${String(i).padStart(4, '0')}`,
    name,
    kind,
    beds: [0, 10, 120, 400][i % 4]!,
    healthCenterId: hc.id,
    healthCenterName: hc.name,
    medicalAreaName: hc.medicalAreaName,
    medicalInstitutionCode: `36${String(9_000_000 + i * 11).padStart(8, '0')}`,
    address: '',
    contactEmail: '',
  };
});
const rows: RowSource[] = facilities.map((f, i) => syntheticRow(CAMPAIGN, f, i));
const rowsPath = (query = '', campaign = CAMPAIGN) => `/api/campaigns/${campaign}/rows${query ? `?${query}` : ''}`;

async function all(query: string, as: string = USERS.pref36, limit = 37): Promise<{ items: CampaignRow[]; pages: number }> {
  const items: CampaignRow[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { status: number; body: CampaignRowsResponse } = await api<CampaignRowsResponse>(
      'GET',
      rowsPath(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
      { as },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { items, pages };
}

const ids = (xs: { facilityId: string }[]) => xs.map((x) => x.facilityId);
const expected = (pred: (r: RowSource) => boolean) =>
  rows
    .filter(pred)
    .map((r) => r.facilityId)
    .sort();

beforeAll(async () => {
  await createRowsCampaign('36', CAMPAIGN, rows);
  // A second campaign of the same tenant, and one of tenant 37, for cursors that belong elsewhere.
  await createRowsCampaign(
    '36',
    OTHER_CAMPAIGN,
    rows.slice(0, 60).map((r) => ({ ...r, campaignId: OTHER_CAMPAIGN })),
  );
  const f37 = T37.facilities.map((f, i) => syntheticRow(CAMPAIGN, f, i));
  await createRowsCampaign('37', CAMPAIGN, f37);
}, 120_000);

describe('campaign row items (read model)', () => {
  const scope = { tenantId: '36' };
  const base = rows[7]!;
  const moved: RowSource = { ...base, campaignId: `unit-${stamp}`, facilityId: 'zz01' };
  const partitionItems = async (slice: string) =>
    (
      await testDb().doc.send(
        new QueryCommand({
          TableName: testDb().tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': rowPartition(scope, moved.campaignId, slice) },
        }),
      )
    ).Items ?? [];

  it('writes one item per slice, keyed by name, score and last update', () => {
    const items = rowItems(scope, { ...moved, score: 0.734, facilityName: 'ＡＢＣ病院', updatedAt: null });
    expect(items.map((i) => String(i.PK).split('#ROWS#')[1])).toEqual([
      'ALL',
      `HC#${moved.healthCenterId}`,
      `AREA#${moved.medicalAreaName}`,
      `ST#${moved.status}`,
      `KIND#${moved.kind}`,
      `SIZE#${moved.sizeBand}`,
    ]);
    expect(items[0]).toMatchObject({ SK: 'N#abc病院#zz01', SCORESK: '0734#zz01', UPDSK: '0000#zz01', GSI2SK: `${moved.medicalInstitutionCode}#zz01` });
    expect(rowItems(scope, { ...moved, score: null })[0]?.SCORESK).toBe('NULL#zz01');
    expect(rowItems(scope, { ...moved, score: 1 })[0]?.SCORESK).toBe('1000#zz01');
  });

  it('moves a row between status slices, idempotently, and removes it with the response', async () => {
    const d = testDb();
    const before: RowSource = { ...moved, status: 'in_progress' };
    const after: RowSource = { ...moved, status: 'submitted', score: 0.9, round: 1 };
    await applyRowChanges(d, scope, null, before);
    expect(await partitionItems('ST#in_progress')).toHaveLength(1);
    await applyRowChanges(d, scope, before, after);
    await applyRowChanges(d, scope, before, after);
    expect(await partitionItems('ST#in_progress')).toHaveLength(0);
    const now = await partitionItems('ST#submitted');
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ status: 'submitted', score: 0.9, round: 1, SCORESK: '0900#zz01' });
    expect(await partitionItems('ALL')).toHaveLength(1);
    await applyRowChanges(d, scope, after, null);
    await applyRowChanges(d, scope, after, null);
    for (const slice of ['ALL', 'ST#submitted', `HC#${moved.healthCenterId}`]) expect(await partitionItems(slice)).toHaveLength(0);
  });

  it('writes a whole batch of changes at once as if one after the other (a later change of the same key wins)', async () => {
    const d = testDb();
    const created: RowSource = { ...moved, status: 'not_started', score: null };
    const started: RowSource = { ...moved, status: 'in_progress', score: 0.2 };
    const submitted: RowSource = { ...moved, status: 'submitted', score: 0.8, round: 1 };
    // One stream batch: created, started, submitted — every request of the three changes in record order.
    await writeRowChanges(d, [
      ...rowChangeRequests(scope, null, created),
      ...rowChangeRequests(scope, created, started),
      ...rowChangeRequests(scope, started, submitted),
    ]);
    for (const slice of ['ST#not_started', 'ST#in_progress']) expect(await partitionItems(slice)).toHaveLength(0);
    expect(await partitionItems('ST#submitted')).toMatchObject([{ status: 'submitted', score: 0.8, SCORESK: '0800#zz01' }]);
    expect(await partitionItems('ALL')).toMatchObject([{ status: 'submitted' }]);
    // And a batch that ends with the response removed leaves nothing.
    await writeRowChanges(d, [...rowChangeRequests(scope, submitted, started), ...rowChangeRequests(scope, started, null)]);
    for (const slice of ['ALL', 'ST#submitted', 'ST#in_progress']) expect(await partitionItems(slice)).toHaveLength(0);
  });

  it('stops a page by bytes as well as by count, and the cursor carries on', async () => {
    const d = testDb();
    const pk = rowPartition(scope, CAMPAIGN, 'ALL');
    const segment = {
      input: { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } },
      partition: { attr: 'PK', value: pk },
      keyAttrs: ['PK', 'SK'],
    };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryPage(d, [segment], { limit: 200, cursor, maxBytes: 10_000 });
      expect(Buffer.byteLength(JSON.stringify(page.items))).toBeLessThanOrEqual(10_000 + 200);
      seen.push(...page.items.map((i) => String(i.facilityId)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(rows.map((r) => r.facilityId).sort());
  });
});

describe('GET /api/campaigns/{campaignId}/rows', () => {
  it('pages through every facility in name order with the cursor, without repeats', async () => {
    const { items, pages } = await all('sort=name');
    expect(pages).toBe(Math.ceil(N / 37));
    expect(ids(items).sort()).toEqual(rows.map((r) => r.facilityId).sort());
    const keys_ = items.map((r) => `${nameKey(r.facilityName)}#${r.facilityId}`);
    expect(keys_).toEqual([...keys_].sort());
    const first = items[0]!;
    const src = rows.find((r) => r.facilityId === first.facilityId)!;
    expect(first).toEqual({ ...src, campaignId: undefined, overdue: src.earliestOpenTarget !== null && src.earliestOpenTarget < todayInJapan() });
  });

  it('sorts by name descending', async () => {
    const { items } = await all('sort=name&dir=desc', USERS.pref36, 100);
    const k = items.map((r) => `${nameKey(r.facilityName)}#${r.facilityId}`);
    expect(k).toEqual([...k].sort().reverse());
  });

  it.each(['asc', 'desc'])('sorts by score %s with 対象外 last', async (dir) => {
    const { items } = await all(`sort=score&dir=${dir}`);
    expect(items).toHaveLength(N);
    const scored = items.filter((r) => r.score !== null).map((r) => r.score as number);
    const firstNull = items.findIndex((r) => r.score === null);
    expect(items.slice(firstNull).every((r) => r.score === null)).toBe(true);
    expect(scored).toEqual([...scored].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
  });

  it('sorts by last update, newest first', async () => {
    const { items } = await all('sort=updated&dir=desc', USERS.pref36, 80);
    const dates = items.map((r) => r.updatedAt ?? '0000');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(items.at(-1)?.updatedAt).toBeNull();
  });

  it('filters by status, 保健所, 医療圏, kind, size, score band and overdue, alone and together', async () => {
    const hc = T36.healthCenters[1]!;
    const today = todayInJapan();
    const cases: [string, (r: RowSource) => boolean][] = [
      ['status=submitted', (r) => r.status === 'submitted'],
      [`healthCenterId=${hc.id}`, (r) => r.healthCenterId === hc.id],
      [`medicalArea=${encodeURIComponent(hc.medicalAreaName)}`, (r) => r.medicalAreaName === hc.medicalAreaName],
      ['kind=pharmacy', (r) => r.kind === 'pharmacy'],
      ['sizeBand=large', (r) => r.sizeBand === 'large'],
      ['scoreBand=not-applicable', (r) => r.level === 'not-applicable'],
      ['overdue=true', (r) => r.earliestOpenTarget !== null && r.earliestOpenTarget < today],
      [`healthCenterId=${hc.id}&status=in_progress&sort=score&dir=desc`, (r) => r.healthCenterId === hc.id && r.status === 'in_progress'],
      [
        'status=returned&kind=hospital&overdue=true&sort=updated',
        (r) => r.status === 'returned' && r.kind === 'hospital' && r.earliestOpenTarget !== null && r.earliestOpenTarget < today,
      ],
      ['scoreBand=mostly&sizeBand=none', (r) => r.level === 'mostly' && r.sizeBand === 'none'],
    ];
    for (const [query, pred] of cases) {
      const { items } = await all(query, USERS.pref36, 25);
      expect(ids(items).sort(), query).toEqual(expected(pred));
      expect(expected(pred).length, query).toBeGreaterThan(0);
    }
  });

  it('searches by name prefix (NFKC, any case) and by 医療機関コード', async () => {
    const byName = await all(`q=${encodeURIComponent('abc')}`);
    expect(ids(byName.items).sort()).toEqual(expected((r) => r.facilityName.startsWith('ＡＢＣ')));
    const prefix = await all(`q=${encodeURIComponent('いずみ診療所')}&status=in_progress`);
    expect(ids(prefix.items).sort()).toEqual(expected((r) => r.facilityName.startsWith('いずみ診療所') && r.status === 'in_progress'));
    const f = facilities[42]!;
    const exact = await api<CampaignRowsResponse>('GET', rowsPath(`q=${f.medicalInstitutionCode}`), { as: USERS.pref36 });
    expect(exact.body.items.map((r) => r.facilityId)).toEqual([f.id]);
    expect(exact.body.sort).toBe('code');
    const codes = await all('q=3609000');
    expect(ids(codes.items).sort()).toEqual(expected((r) => r.medicalInstitutionCode.startsWith('3609000')));
  });

  it('keeps an inspector to its own 保健所, whatever it asks for', async () => {
    const own = await all('sort=score&dir=desc', USERS.inspector36);
    expect(ids(own.items).sort()).toEqual(expected((r) => r.healthCenterId === 'hc-tokushima'));
    const other = facilities.find((f) => f.healthCenterId !== 'hc-tokushima')!;
    expect((await api('GET', rowsPath(`healthCenterId=${other.healthCenterId}`), { as: USERS.inspector36 })).status).toBe(403);
    const code = await api<CampaignRowsResponse>('GET', rowsPath(`q=${other.medicalInstitutionCode}`), { as: USERS.inspector36 });
    expect(code.status).toBe(200);
    expect(code.body.items).toEqual([]);
    const status = await all('status=confirmed', USERS.inspector36);
    expect(ids(status.items).sort()).toEqual(expected((r) => r.healthCenterId === 'hc-tokushima' && r.status === 'confirmed'));
  });

  it('refuses bad input naming the field: cursor, limit, sort', async () => {
    const first = await api<CampaignRowsResponse>('GET', rowsPath('limit=5'), { as: USERS.pref36 });
    const cursor = first.body.nextCursor as string;
    const byStatus = await api<CampaignRowsResponse>('GET', rowsPath('status=submitted&limit=5'), { as: USERS.pref36 });
    const other = await api<CampaignRowsResponse>('GET', rowsPath('limit=5', OTHER_CAMPAIGN), { as: USERS.pref36 });
    const kagawaPage = await api<CampaignRowsResponse>('GET', rowsPath('limit=2'), { as: USERS.pref37 });
    expect(kagawaPage.status).toBe(200);
    expect(kagawaPage.body.items.every((r) => r.facilityId.startsWith('k'))).toBe(true);
    const bad: [string, string, string?][] = [
      ['cursor=not*base64', 'query.cursor'],
      [`cursor=${Buffer.from('{"s":0,"k":{"PK":"x","SK":"y"}}').toString('base64url')}`, 'query.cursor'],
      [`cursor=${cursor}&sort=score`, 'query.cursor'],
      [`cursor=${byStatus.body.nextCursor}`, 'query.cursor'],
      [`cursor=${other.body.nextCursor}`, 'query.cursor'],
      [`cursor=${kagawaPage.body.nextCursor}`, 'query.cursor'],
      ['limit=0', 'query.limit'],
      ['limit=201', 'query.limit'],
      ['limit=ten', 'query.limit'],
      ['sort=random', 'query.sort'],
      ['dir=up', 'query.dir'],
      ['scoreBand=great', 'query.scoreBand'],
    ];
    for (const [query, field] of bad) {
      const res = await api<ErrorBody>('GET', rowsPath(query), { as: USERS.pref36 });
      expect(res.status, query).toBe(400);
      expect(
        res.body.error.fields?.map((f) => f.field),
        query,
      ).toContain(field);
    }
    // The cursor of the first page still works with its own query.
    expect((await api('GET', rowsPath(`limit=5&cursor=${cursor}`), { as: USERS.pref36 })).status).toBe(200);
  });

  it('answers 404 for another tenant, and 403 to a facility', async () => {
    expect((await api('GET', rowsPath('', OTHER_CAMPAIGN), { as: USERS.pref37 })).status).toBe(404);
    expect((await api('GET', rowsPath(), { as: USERS.hospitalAdmin36 })).status).toBe(403);
  });

  it('keeps every page small: 200 rows stay far below 1 MB', async () => {
    const res = await api<CampaignRowsResponse>('GET', rowsPath('limit=200'), { as: USERS.pref36 });
    expect(res.body.items).toHaveLength(200);
    expect(Buffer.byteLength(JSON.stringify(res.body))).toBeLessThan(1_000_000);
  });
});

describe('GET /api/facilities (paged)', () => {
  const walk = async (query: string, as: string = USERS.pref36) => {
    const out: ListFacilitiesResponse['items'] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: ListFacilitiesResponse } = await api<ListFacilitiesResponse>(
        'GET',
        `/api/facilities?${query}${cursor ? `&cursor=${cursor}` : ''}`,
        { as },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      out.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return out;
  };

  it('pages through the prefecture in name order, and filters by 保健所 and kind', async () => {
    const everyone = await walk('limit=17');
    const demo = new Set(T36.facilities.map((f) => f.id));
    expect(
      everyone
        .filter((f) => demo.has(f.id))
        .map((f) => f.id)
        .sort(),
    ).toEqual([...demo].sort());
    const k = everyone.map((f) => `${nameKey(f.name)}#${f.id}`);
    expect(k).toEqual([...k].sort());
    const hc = await walk('limit=9&healthCenterId=hc-anan&kind=clinic');
    expect(hc.map((f) => f.id).sort()).toEqual(
      everyone
        .filter((f) => f.healthCenterId === 'hc-anan' && f.kind === 'clinic')
        .map((f) => f.id)
        .sort(),
    );
  });

  it('searches by name prefix and by 医療機関コード', async () => {
    const f = T36.facilities[5]!;
    const prefix = f.name.slice(0, 3);
    const byName = await walk(`q=${encodeURIComponent(prefix)}&limit=5`);
    expect(byName.map((x) => x.id)).toContain(f.id);
    expect(byName.every((x) => nameKey(x.name).startsWith(nameKey(prefix)))).toBe(true);
    expect((await walk(`q=${f.medicalInstitutionCode}`)).map((x) => x.id)).toEqual([f.id]);
    const partial = await walk(`q=${f.medicalInstitutionCode.slice(0, 7)}&limit=50`);
    expect(partial.map((x) => x.id)).toContain(f.id);
    expect(partial.every((x) => x.medicalInstitutionCode.startsWith(f.medicalInstitutionCode.slice(0, 7)))).toBe(true);
  });

  it('keeps an inspector to its 保健所 and refuses bad input', async () => {
    const own = await walk('limit=50', USERS.inspector36);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((f) => f.healthCenterId === 'hc-tokushima')).toBe(true);
    for (const [query, field] of [
      ['limit=500', 'query.limit'],
      ['cursor=abc', 'query.cursor'],
    ]) {
      const res = await api<ErrorBody>('GET', `/api/facilities?${query}`, { as: USERS.pref36 });
      expect(res.status).toBe(400);
      expect(res.body.error.fields?.map((x) => x.field)).toContain(field);
    }
  });
});

describe('GET /api/users (paged)', () => {
  it('pages in e-mail order, searches by e-mail prefix and by name', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: ListUsersResponse } = await api<ListUsersResponse>('GET', `/api/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        as: USERS.pref36,
      });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u) => u.email));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(USERS.inspector36);
    const byEmail = await api<ListUsersResponse>('GET', '/api/users?q=INSPECTOR@', { as: USERS.pref36 });
    expect(byEmail.body.items.map((u) => u.email)).toEqual([USERS.inspector36]);
    const facilityAdmin = await api<ListUsersResponse>('GET', '/api/users?limit=200', { as: USERS.hospitalAdmin36 });
    expect(facilityAdmin.body.items.every((u) => u.orgId === T36.facilities[0]!.id)).toBe(true);
  });
});

describe('GET /api/audit (paged across months)', () => {
  it('reads newest first across month partitions with a cursor that remembers the month', async () => {
    const d = testDb();
    const scope = { tenantId: '36' };
    const lastMonth = new Date(Date.now() - 35 * 86_400_000).toISOString();
    const marker = `paging-${stamp}`;
    for (const [at, n] of [
      [lastMonth, 0],
      [new Date(Date.parse(lastMonth) + 1000).toISOString(), 1],
    ] as const) {
      await d.doc.send(
        new PutCommand({
          TableName: d.tableName,
          Item: {
            ...keys.audit(scope, at, `req-${stamp}`, n),
            ...keys.auditByOrg(scope, 'pref', at),
            type: 'Audit',
            at,
            actor: { userId: 'test', name: 'テスト', role: 'pref_admin', orgId: 'pref', requestId: `req-${stamp}` },
            action: 'test.paging',
            target: `${marker}/${n}`,
            changes: { big: 'x'.repeat(50_000) },
          },
        }),
      );
    }
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const seen: AuditLogResponse['items'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: AuditLogResponse } = await api<AuditLogResponse>(
        'GET',
        `/api/audit?from=${from}&limit=25${cursor ? `&cursor=${cursor}` : ''}`,
        { as: USERS.pref36 },
      );
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
      expect(res.body.truncated).toBe(res.body.nextCursor !== null);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    const at = seen.map((e) => e.at);
    expect(at).toEqual([...at].sort().reverse());
    expect(seen.filter((e) => e.target.startsWith(marker)).map((e) => e.target)).toEqual([`${marker}/1`, `${marker}/0`]);
    // With sparse filters a page may come back short (bounded reads) with a cursor: follow it.
    const filteredPages: string[][] = [];
    let next: string | null = null;
    do {
      const res: { status: number; body: AuditLogResponse } = await api<AuditLogResponse>(
        'GET',
        `/api/audit?from=${from}&target=${marker}&action=test.paging&limit=1${next ? `&cursor=${next}` : ''}`,
        { as: USERS.pref36 },
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      if (res.body.items.length) filteredPages.push(res.body.items.map((e) => e.target));
      next = res.body.nextCursor;
    } while (next && filteredPages.length < 10);
    expect(filteredPages).toEqual([[`${marker}/1`], [`${marker}/0`]]);
    const bad = await api<ErrorBody>('GET', `/api/audit?limit=501`, { as: USERS.pref36 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((x) => x.field)).toContain('query.limit');
  });
});
