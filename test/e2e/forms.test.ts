import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

/** Issue 10, "the forms right": what a prefecture administrator and a facility see of sources, notes and references. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function page(): Promise<Page> {
  return browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

describe('checklist versions: plain notes, guidance sources, guideline references, the next year’s file', () => {
  it('the prefecture reads 令和7年度版 with plain notes and references, and downloads a file for 令和8年度', async () => {
    const p = await page();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.goto(`${stackInfo().url}/templates/mhlw-facility-r7`);
    await p.getByTestId('unverified-list').waitFor({ timeout: 20_000 });

    const notes = (await p.getByTestId('unverified-list').textContent()) ?? '';
    expect(notes).toContain('この項目の文言は公式様式で確認できていません。');
    expect(notes).toContain('公式様式と異なる場合は県にお知らせください。');
    expect(notes).not.toMatch(/seed|metadata|資料（seeds）/);
    const facts = (await p.getByRole('region', { name: 'この版について' }).textContent()) ?? '';
    expect(facts).not.toMatch(/seed|metadata/);
    expect(await p.getByTestId('guidance-source').textContent()).toMatch(
      /^各項目の解説（実施背景・実施方法・ケーススタディ）は、厚生労働省の委託事業による研修資料/,
    );

    // Section 2 ends with 2(12) and 2(13), each with the manual's reference.
    const row13 = p.locator('#tpl-item-2-13');
    await row13.scrollIntoViewIfNeeded();
    expect(await row13.textContent()).toContain('接続元制限を実施している。');
    expect(await row13.textContent()).toContain('▶システム運用編 13⑪');
    expect(await p.locator('#tpl-item-2-14').textContent()).toContain('▶システム運用編 8.1');
    await screenshot(p, 'forms-01-r7-items-with-references');

    const next = p.getByTestId('next-version');
    await next.scrollIntoViewIfNeeded();
    await screenshot(p, 'forms-02-next-version');
    const [download] = await Promise.all([p.waitForEvent('download'), next.getByRole('button', { name: '様式ファイルを作る (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('pref-facility-r8.json');
    const file = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(file).toMatchObject({
      formatVersion: 1,
      id: 'pref-facility-r8',
      fiscalYear: 2026,
      previousId: 'mhlw-facility-r7',
      mirrorTemplateId: 'pref-vendor-r8',
    });
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });

  it('a facility sees, in an item’s guidance, where it comes from and the guideline sections', async () => {
    const p = await page();
    await signIn(p, stackInfo().url, login(USERS.hospitalAdmin36));
    await p
      // The demo's current checklist survey (the hospital's task list also holds the BCP 確認表, which has no gate).
      .getByRole('link', { name: /令和8年度 医療機関におけるサイバーセキュリティ対策チェックリスト/ })
      .first()
      .click();
    const gate = p.getByTestId('item-gate');
    await gate.waitFor({ timeout: 20_000 });
    await gate.locator('summary', { hasText: '解説を見る' }).click();
    expect(await p.getByTestId('guidance-source-gate').textContent()).toBe(
      '解説は、厚生労働省の委託事業による研修資料（令和5年度「立入検査の対応に向けた医療機関におけるサイバーセキュリティ対策研修」）を要約したものです。チェックリストマニュアルの本文ではありません。',
    );
    expect(await p.getByTestId('guideline-refs-gate').textContent()).toBe('ガイドラインの参照先: ▶概説編 2.3');
    await p.getByTestId('guideline-refs-gate').scrollIntoViewIfNeeded();
    await screenshot(p, 'forms-03-guidance-source-and-references');
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });
});
