import { createHash } from 'node:crypto';
import { type CellAnswers, latestRound } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, settle, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Issue 8 in the browser: a facility sees its vendors' answers and MDS/SDS and downloads one; a facility
 * answering はい to 2(3) while a contracted vendor has no MDS/SDS on file gets a discrepancy, shown on its
 * checklist, its facility page, the vendor's portal and the prefecture's dashboard; the facility explains it and
 * the prefecture resolves it; an evidence file attached to a cell is opened by the prefecture.
 */
const T36 = tokushima();
const AWA = 'v-awa-medical';
/** The demo's 四国IT has started its 事業者確認用 (some cells answered) and serves the hospital. */
const SHIKOKU = 'v-shikoku-it';
/** The hospital of hospital-admin@: it gets a contract with 阿波メディカル for 電子カルテ, which its MDS covers. */
const hospital = T36.facilities[0]!;
/** The clinic of clinic-director@: its 阿波メディカル contract is for レセコン only, which no MDS of it covers. */
const clinicId = T36.users.find((u) => u.email === USERS.clinic36)!.orgId;
const clinic = T36.facilities.find((f) => f.id === clinicId)!;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const explanation = `E2E: 事業者に MDS の提出を依頼済みです (${Date.now()})`;
let browser: Browser;

interface VendorAnswers {
  vendorId: string;
  answers: Record<string, CellAnswers>;
  mirror: Record<string, string>;
}

interface DocumentGroup {
  documentId: string;
  kind: string;
  product: string;
  versions: { version: number; current: boolean; sha256: string; fileName: string; systems: string[] }[];
}

beforeAll(async () => {
  browser = await launchBrowser();
  for (const [facilityId, systems] of [
    [hospital.id, ['電子カルテ']],
    [clinic.id, ['レセコン']],
  ] as const) {
    const put = await api('PUT', `/api/facilities/${facilityId}/contracts/${AWA}`, { as: USERS.pref36, body: { systems, remoteMaintenance: false } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  await settle();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(email: string): Promise<Page> {
  const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
  await signIn(p, stackInfo().url, login(email));
  return p;
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

/** The clinic's current checklist: the newest survey it was asked to answer that it can still change. */
async function clinicCampaign(): Promise<string> {
  const tasks = await api<{ items: { campaign: { id: string; opensOn: string; form?: string }; status: string }[] }>('GET', '/api/my/tasks', {
    as: USERS.clinic36,
  });
  expect(tasks.status).toBe(200);
  const open = tasks.body.items
    .filter((t) => (t.campaign.form ?? 'facility') === 'facility' && t.status !== 'submitted' && t.status !== 'confirmed')
    .sort((a, b) => b.campaign.opensOn.localeCompare(a.campaign.opensOn));
  expect(open.length).toBeGreaterThan(0);
  return open[0]!.campaign.id;
}

/** Fetches what a short-lived link the page asked for points to (the browser opens it in a new tab). */
async function bytesOf(linkResponse: { json(): Promise<unknown> }): Promise<{ status: number; bytes: Buffer }> {
  const link = (await linkResponse.json()) as { url: string; expiresAt: string };
  expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  const res = await fetch(link.url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("a facility and its vendors' answers, documents and discrepancies in the browser", () => {
  it("a hospital opens its own facility page: contracts, its vendors' answers and the MDS, which it downloads", async () => {
    const docs = await api<{ items: DocumentGroup[] }>('GET', `/api/vendors/${AWA}/documents`, { as: USERS.pref36 });
    const mds = docs.body.items.find((d) => d.kind === 'MDS')!;
    const current = mds.versions.find((v) => v.current)!;

    const p = await pageAs(USERS.hospitalAdmin36);
    await p.getByRole('link', { name: '自施設と事業者' }).click();
    await p.getByRole('heading', { level: 1, name: hospital.name }).waitFor();
    await p.getByTestId(`contract-${AWA}`).waitFor();
    await p.getByTestId('facility-discrepancies').waitFor();
    await screenshot(p, '89-facility-own-page-top');

    const awa = p.getByTestId(`vendor-${AWA}`);
    const row = awa.getByTestId(`document-${mds.documentId}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(mds.product);
    expect(await row.textContent()).toContain(current.fileName);
    // The hospital's other vendors have nothing current on file: flagged.
    const others = T36.contracts.filter((c) => c.facilityId === hospital.id);
    for (const c of others) await p.getByTestId(`vendor-${c.vendorId}`).getByText('MDS/SDS の登録なし').first().waitFor();

    // Its vendors' answers to the vendor form: every answered cell of the demo's 四国IT (which has started) is shown.
    const answered = await api<{ items: VendorAnswers[] }>('GET', `/api/facilities/${hospital.id}/vendor-answers`, { as: USERS.hospitalAdmin36 });
    expect(answered.status).toBe(200);
    const shikoku = answered.body.items.find((a) => a.vendorId === SHIKOKU)!;
    const answeredCells = Object.values(shikoku.answers).filter((c) => latestRound(c)).length;
    expect(answeredCells).toBeGreaterThan(0);
    const block = p.getByTestId(`vendor-${SHIKOKU}`);
    await block.locator('summary').first().click();
    const table = block.getByTestId(`vendor-answers-${SHIKOKU}`);
    await table.getByText(/2\(3\)/).waitFor({ timeout: 15_000 });
    expect(await table.locator('.answer-yes-text, .answer-no-text').count()).toBe(answeredCells);

    await awa.scrollIntoViewIfNeeded();
    await screenshot(p, '90-facility-own-page-vendors');
    await expectAxeClean(p, 'facility page');

    // Download: the page asks for a fresh 5-minute link and opens it; the file is the one on record.
    const [link] = await Promise.all([
      p.waitForResponse((r) => r.url().includes(`/documents/${mds.documentId}/versions/${current.version}/link`)),
      row.getByRole('button', { name: /ダウンロード/ }).click(),
    ]);
    expect(link.status()).toBe(200);
    const got = await bytesOf(link);
    expect(got.status).toBe(200);
    expect(got.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(current.sha256);

    // The demo survey's checklist shows, next to an item, what 四国IT answers to the mirrored item.
    const [facilityItem, vendorItem] = Object.entries(shikoku.mirror).find(([, v]) =>
      Object.entries(shikoku.answers).some(([key, c]) => key.startsWith(`${v}:`) && latestRound(c)),
    )!;
    const values = Object.entries(shikoku.answers)
      .filter(([key]) => key.startsWith(`${vendorItem}:`))
      .map(([, c]) => latestRound(c)?.answer.value);
    await p.goto(`${stackInfo().url}/campaigns/${T36.campaign.id}/facilities/${hospital.id}`);
    const line = p.getByTestId(`item-${facilityItem}`).getByTestId(`vendor-answer-${SHIKOKU}`);
    await line.waitFor({ timeout: 15_000 });
    const text = (await line.textContent()) ?? '';
    expect(text).toContain('四国医療情報サービス');
    for (const v of values) if (v) expect(text).toContain(v === 'yes' ? 'はい' : 'いいえ');
    await line.scrollIntoViewIfNeeded();
    await screenshot(p, '90b-checklist-vendor-answers');
    await expectAxeClean(p, 'checklist with vendor answers');
    await p.close();
  });

  it("a facility member opens its facility's page read-only; another facility's address does not exist for it", async () => {
    const p = await pageAs(USERS.hospitalStaff36);
    await p.getByRole('link', { name: '自施設と事業者' }).click();
    await p.getByRole('heading', { level: 1, name: hospital.name }).waitFor();
    await p
      .getByTestId(`vendor-${AWA}`)
      .getByRole('button', { name: /ダウンロード/ })
      .waitFor({ timeout: 15_000 });
    expect(await p.getByRole('button', { name: /契約を追加|編集|削除/ }).count()).toBe(0);
    await p.goto(`${stackInfo().url}/facilities/${clinic.id}`);
    await p.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    await p.close();
  });

  it('a clinic answering はい to 2(3) without its vendor’s MDS/SDS sees a discrepancy; so do the vendor and the dashboard', async () => {
    const campaignId = await clinicCampaign();
    const p = await pageAs(USERS.clinic36);
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/facilities/${clinic.id}`);
    const gate = p.getByTestId('cell-gate-system');
    await gate.getByLabel('はい').check();
    await gate.getByLabel('確認日').fill('2024-07-01');
    const cell = p.getByTestId('cell-2-3-system');
    await cell.getByLabel('はい').check();
    await cell.getByLabel('確認日').fill('2024-07-01');
    await expect.poll(() => p.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
    await settle();

    // The checklist item shows it after a reload (the stream consumer wrote it).
    await p.reload();
    const item = p.getByTestId('item-2-3');
    const onItem = item.getByTestId(`discrepancy-disclosure_missing-${AWA}`);
    await onItem.waitFor({ timeout: 15_000 });
    expect(await onItem.textContent()).toContain('MDS/SDS が未登録');
    await item.scrollIntoViewIfNeeded();
    await screenshot(p, '91-checklist-item-discrepancy');
    await expectAxeClean(p, 'checklist with a discrepancy');

    // The facility page lists it; the clinic explains it there.
    await p.getByRole('link', { name: '自施設と事業者' }).click();
    const section = p.getByTestId('facility-discrepancies');
    const entry = section.getByTestId(`discrepancy-disclosure_missing-${AWA}`);
    await entry.waitFor({ timeout: 15_000 });
    await entry.getByRole('button', { name: /説明する/ }).click();
    await entry.getByLabel('説明 (1,000 文字以内)').fill(explanation);
    await entry.getByRole('button', { name: '説明を送る' }).click();
    await entry.getByText('説明を送りました。').waitFor({ timeout: 15_000 });
    await entry.getByText(explanation).waitFor({ timeout: 15_000 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(p, '92-facility-page-discrepancy-explained');
    await expectAxeClean(p, 'facility page with an explained discrepancy');
    await p.close();

    // The vendor sees it, with the clinic's explanation, on its portal (the cross-check is about its documents).
    const vendor = await pageAs(USERS.vendor36);
    const onPortal = vendor.getByTestId('vendor-discrepancies').locator('li').filter({ hasText: clinic.name });
    await onPortal.getByTestId(`discrepancy-disclosure_missing-${AWA}`).getByText(explanation).waitFor({ timeout: 15_000 });
    await onPortal.first().scrollIntoViewIfNeeded();
    await screenshot(vendor, '92b-vendor-portal-discrepancy');
    await expectAxeClean(vendor, 'vendor portal with the discrepancy');
    await vendor.close();
    const ofVendor = await api<{ items: { facilityId: string; rule: string; state: string; history: { text?: string }[] }[] }>(
      'GET',
      `/api/vendors/${AWA}/discrepancies`,
      { as: USERS.vendor36 },
    );
    expect(ofVendor.status).toBe(200);
    const forVendor = ofVendor.body.items.find((d) => d.facilityId === clinic.id && d.rule === 'disclosure_missing');
    expect(forVendor).toMatchObject({ state: 'explained' });
    expect(forVendor?.history.some((h) => h.text === explanation)).toBe(true);
    await settle();

    // The prefecture's dashboard counts it by rule and links to the list, where the prefecture resolves it.
    const pref = await pageAs(USERS.pref36);
    await pref.goto(`${stackInfo().url}/campaigns/${campaignId}/dashboard`);
    const card = pref.getByTestId('discrepancy-card');
    await card.waitFor({ timeout: 15_000 });
    const count = Number((await card.getByTestId('discrepancy-count-disclosure_missing').locator('.num').textContent())?.replace(/,/g, ''));
    expect(count).toBeGreaterThanOrEqual(1);
    const ofHc = Number((await card.getByTestId(`discrepancy-hc-${clinic.healthCenterId}`).locator('.num').textContent())?.replace(/,/g, ''));
    expect(ofHc).toBeGreaterThanOrEqual(1);
    await card.scrollIntoViewIfNeeded();
    await screenshot(pref, '93-dashboard-discrepancy-card');
    await expectAxeClean(pref, 'dashboard with the discrepancy card');

    await card.getByRole('link', { name: 'MDS/SDS が未登録' }).click();
    await pref.getByRole('heading', { level: 1, name: '回答の食い違い' }).waitFor();
    const listRow = pref.getByTestId(`discrepancy-row-${clinic.id}-disclosure_missing-${AWA}`);
    await listRow.waitFor({ timeout: 15_000 });
    expect(await listRow.textContent()).toContain(explanation);
    await screenshot(pref, '94-discrepancy-list');
    await expectAxeClean(pref, 'discrepancy list');
    await listRow.getByRole('button', { name: /解決済みにする/ }).click();
    const dialog = pref.getByRole('dialog');
    await dialog.getByLabel('確認した内容 (任意・1,000 文字以内)').fill('E2E: 事業者の提出予定を確認しました');
    await screenshot(pref, '95-discrepancy-resolve-dialog');
    await dialog.getByRole('button', { name: '解決済みにする' }).click();
    await expect.poll(() => listRow.count(), { timeout: 15_000 }).toBe(0);

    const after = await api<{ items: { vendorId: string; rule: string; state: string }[] }>('GET', `/api/facilities/${clinic.id}/discrepancies`, {
      as: USERS.clinic36,
    });
    expect(after.body.items.find((d) => d.vendorId === AWA && d.rule === 'disclosure_missing')?.state).toBe('resolved');
    await pref.close();
  });

  it('the facility page fits a phone and reads in English', async () => {
    const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    await signIn(p, stackInfo().url, login(USERS.clinic36));
    await p.goto(`${stackInfo().url}/facilities/${clinic.id}`);
    const naruto = T36.contracts.find((c) => c.facilityId === clinic.id && c.vendorId !== AWA)!.vendorId;
    await p.getByTestId('facility-discrepancies').getByTestId(`discrepancy-disclosure_missing-${naruto}`).waitFor({ timeout: 15_000 });
    await p.getByTestId(`vendor-${AWA}`).waitFor();
    // Nothing but the tables' own scroll boxes is wider than the screen.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(p, '98-facility-page-phone');
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Discrepancies with vendors' }).waitFor();
    await p.getByRole('heading', { name: 'Vendors’ answers and MDS/SDS' }).waitFor();
    await p.getByTestId(`vendor-${AWA}`).getByText('No MDS/SDS on file').first().waitFor();
    await p.getByTestId('facility-discrepancies').scrollIntoViewIfNeeded();
    await screenshot(p, '99-facility-page-english');
    await expectAxeClean(p, 'facility page on a phone, in English');
    await p.close();
  });

  it("a 保健所 inspector's discrepancy list holds its own facilities only, without resolving", async () => {
    const own = new Set(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').map((f) => f.id));
    const p = await pageAs(USERS.inspector36);
    await p.getByRole('link', { name: '回答の食い違い' }).click();
    await p.getByRole('heading', { level: 1, name: '回答の食い違い' }).waitFor();
    await p.getByTestId('discrepancy-list').waitFor({ timeout: 15_000 });
    const ids = await p
      .getByTestId('discrepancy-list')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.split('-')[2] ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !own.has(id))).toEqual([]);
    expect(await p.getByRole('button', { name: /解決済みにする/ }).count()).toBe(0);
    expect(await p.getByLabel('保健所').count()).toBe(0);
    await screenshot(p, '94b-discrepancy-list-inspector');
    await expectAxeClean(p, 'discrepancy list (inspector)');
    await p.close();
  });

  it('the clinic attaches an evidence file to a cell; the prefecture opens it', async () => {
    const campaignId = await clinicCampaign();
    const p = await pageAs(USERS.clinic36);
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/facilities/${clinic.id}`);
    const cell = p.getByTestId('cell-2-3-system');
    await cell.waitFor({ timeout: 15_000 });
    await cell.getByLabel(/証跡ファイルを添付/).setInputFiles({ name: 'mds-request.pdf', mimeType: 'application/pdf', buffer: PDF });
    await cell.getByText('mds-request.pdf を添付しました。').waitFor({ timeout: 15_000 });
    await cell.getByRole('button', { name: 'mds-request.pdf を開く' }).waitFor({ timeout: 15_000 });
    await cell.scrollIntoViewIfNeeded();
    await screenshot(p, '96-evidence-attached');
    await expectAxeClean(p, 'checklist with evidence');

    // A second file, removed again after a confirmation: hidden from the list (the server keeps it).
    await cell.getByLabel(/証跡ファイルを添付/).setInputFiles({ name: 'draft.pdf', mimeType: 'application/pdf', buffer: PDF });
    await cell.getByRole('button', { name: 'draft.pdf を開く' }).waitFor({ timeout: 15_000 });
    await cell.getByRole('button', { name: 'draft.pdf を削除' }).click();
    const confirm = p.getByRole('dialog');
    await confirm.getByText('「draft.pdf」を一覧から削除します。').waitFor();
    await confirm.getByRole('button', { name: '削除' }).click();
    await expect.poll(() => cell.getByRole('button', { name: 'draft.pdf を開く' }).count(), { timeout: 15_000 }).toBe(0);
    const all = await api<{ cells: { cell: string; items: { fileName: string; removed?: unknown }[] }[] }>(
      'GET',
      `/api/campaigns/${campaignId}/facilities/${clinic.id}/evidence?includeRemoved=true`,
      { as: USERS.pref36 },
    );
    const files = all.body.cells.find((c) => c.cell === '2-3:system')?.items ?? [];
    expect(files.find((f) => f.fileName === 'draft.pdf')?.removed).toBeDefined();
    expect(files.find((f) => f.fileName === 'mds-request.pdf')?.removed).toBeUndefined();
    await p.close();

    const pref = await pageAs(USERS.pref36);
    await pref.goto(`${stackInfo().url}/campaigns/${campaignId}/facilities/${clinic.id}`);
    const prefCell = pref.getByTestId('cell-2-3-system');
    const open = prefCell.getByRole('button', { name: 'mds-request.pdf を開く' });
    await open.waitFor({ timeout: 15_000 });
    // Read-only for the prefecture: no attaching, no removing.
    expect(await prefCell.getByLabel(/証跡ファイルを添付/).count()).toBe(0);
    expect(await prefCell.getByRole('button', { name: /削除/ }).count()).toBe(0);
    const [link] = await Promise.all([pref.waitForResponse((r) => /\/evidence\/[^/]+\/link$/.test(new URL(r.url()).pathname)), open.click()]);
    expect(link.status()).toBe(200);
    const got = await bytesOf(link);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PDF)).toBe(true);
    await prefCell.scrollIntoViewIfNeeded();
    await screenshot(pref, '97-evidence-prefecture');
    await pref.close();
  });
});
