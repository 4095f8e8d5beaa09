import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, SCREENSHOTS, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Issue 10, done when: "a facility builds and prints its 連絡体制図". The clinic director builds the chart (a wrong
 * phone number is named next to its field), saves, checks it for the year, prints it on one A4 page; the checklist's
 * item 3(1) links to it; the prefecture sees the clinic as current in its list and reads the chart.
 */
const T36 = tokushima();
const clinicId = T36.users.find((u) => u.email === USERS.clinic36)!.orgId;
const clinic = T36.facilities.find((f) => f.id === clinicId)!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

async function fillPerson(p: Page, prefix: string, name: string, phone: string, afterHours = '') {
  await p.locator(`#cc-${prefix}-name`).fill(name);
  await p.locator(`#cc-${prefix}-phone`).fill(phone);
  if (afterHours) await p.locator(`#cc-${prefix}-afterHoursPhone`).fill(afterHours);
}

describe('連絡体制図 in the browser', () => {
  it('a facility builds and prints its 連絡体制図; 3(1) links to it; the prefecture sees it', async () => {
    const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(p, stackInfo().url, login(USERS.clinic36));
    await p.getByRole('link', { name: '連絡体制図' }).first().click();
    await p.getByRole('heading', { level: 1, name: '連絡体制図' }).waitFor({ timeout: 15_000 });
    const hasChart = (await api<{ chart: unknown }>('GET', '/api/contact-chart', { as: USERS.clinic36 })).body.chart !== null;
    if (!hasChart) await p.getByText('未作成').first().waitFor();
    await p.getByRole('button', { name: hasChart ? '編集する' : '連絡体制図を作成する' }).click();

    await fillPerson(p, 'director', '徳島 太郎', '088-000-1234', '090-0000-1234');
    await fillPerson(p, 'securityOfficer', '阿波 花子', '088-000-1235');
    // A number with too few digits is named next to its field.
    await fillPerson(p, 'systemStaff-0', '吉野 一郎', '088-12');
    await p.getByRole('button', { name: 'システム担当者を追加' }).click();
    await fillPerson(p, 'systemStaff-1', '鳴門 次郎', '088-000-1237', '090-0000-1237');
    await p.locator('#cc-notes').fill('夜間・休日は当直医から院長へ連絡する');
    await screenshot(p, 'cc-1-form');
    await p.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => p.locator('#cc-systemStaff-0-phone-error').textContent(), { timeout: 10_000 }).toContain('電話番号');
    expect(await p.locator('#cc-systemStaff-0-phone').getAttribute('aria-invalid')).toBe('true');
    await p.locator('#cc-systemStaff-0-phone').scrollIntoViewIfNeeded();
    await screenshot(p, 'cc-2-field-error');
    expect(await axeViolations(p)).toEqual([]);
    await p.locator('#cc-systemStaff-0-phone').fill('088-000-1236');
    await p.getByRole('button', { name: '保存する' }).click();
    await p.getByText('連絡体制図を保存しました。').waitFor({ timeout: 10_000 });

    // The diagram: internal escalation in order, vendors, outside bodies (numbers the prefecture has not set say so).
    const diagram = p.locator('.cc-diagram');
    await expect.poll(() => diagram.textContent()).toContain('徳島 太郎');
    const text = (await diagram.textContent()) ?? '';
    expect(text.indexOf('吉野 一郎')).toBeLessThan(text.indexOf('鳴門 次郎'));
    expect(text.indexOf('鳴門 次郎')).toBeLessThan(text.indexOf('阿波 花子'));
    expect(text).toContain('厚生労働省');
    expect(text).toContain(clinic.healthCenterName);
    const vendorName = T36.contracts.find((c) => c.facilityId === clinicId)?.vendorName;
    if (vendorName) expect(text).toContain(vendorName);

    await p.getByRole('button', { name: '内容を確認した (最終確認日を今日にする)' }).click();
    await p.getByText('最終確認日を今日にしました。').waitFor({ timeout: 10_000 });
    await expect.poll(() => p.locator('.cc-dates').textContent()).not.toContain('未確認');
    await screenshot(p, 'cc-3-chart');
    expect(await axeViolations(p)).toEqual([]);

    // Printing: one A4 page with the diagram only.
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('.site-header').isVisible()).toBe(false);
    expect(await p.getByRole('button', { name: '印刷する (A4 1 枚)' }).isVisible()).toBe(false);
    await p.setViewportSize({ width: 794, height: 1123 });
    await screenshot(p, 'cc-4-print-media');
    const pdf = await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(SCREENSHOTS, 'cc-print.pdf'), pdf);
    expect(pdfPages(pdf)).toBe(1);
    await p.emulateMedia({ media: 'screen' });
    await p.setViewportSize({ width: 1280, height: 900 });

    // Checklist item 3(1) links to the chart with its last update.
    const tasks = (await api<{ items: { campaign: { id: string; form?: string }; facilityId: string }[] }>('GET', '/api/my/tasks', { as: USERS.clinic36 }))
      .body;
    const task = tasks.items.find((t) => (t.campaign.form ?? 'facility') === 'facility');
    if (task) {
      await p.goto(`${stackInfo().url}/campaigns/${task.campaign.id}/facilities/${task.facilityId}`);
      const link = p.getByRole('link', { name: '連絡体制図を開く' });
      await link.waitFor({ timeout: 15_000 });
      await link.scrollIntoViewIfNeeded();
      await expect.poll(() => link.locator('..').textContent()).toContain('最終更新');
      await screenshot(p, 'cc-5-checklist-link');
      await link.click();
      await p.getByRole('heading', { level: 1, name: '連絡体制図' }).waitFor();
    }
    await p.close();

    // The prefecture: the clinic is current in the list filtered by its 保健所, and its chart reads the same.
    const pref = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(pref, stackInfo().url, login(USERS.pref36));
    await pref.goto(`${stackInfo().url}/contact-charts?hc=${clinic.healthCenterId}&q=${encodeURIComponent(clinic.name)}`);
    const row = pref.getByRole('row').filter({ hasText: clinic.name });
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('最新');
    await screenshot(pref, 'cc-6-pref-list');
    expect(await axeViolations(pref)).toEqual([]);
    await row.getByRole('link').click();
    await pref.locator('.cc-diagram').getByText('徳島 太郎').waitFor({ timeout: 15_000 });
    expect(await pref.getByRole('button', { name: '編集する' }).count()).toBe(0);
    await screenshot(pref, 'cc-7-pref-reads');
    expect(await axeViolations(pref)).toEqual([]);
    // The demo hospital (more staff and vendors) prints on one page too.
    await pref.goto(`${stackInfo().url}/facilities/f001/contact-chart`);
    await pref.locator('.cc-diagram').waitFor({ timeout: 15_000 });
    await pref.emulateMedia({ media: 'print' });
    const hospitalPdf = await pref.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(SCREENSHOTS, 'cc-print-hospital.pdf'), hospitalPdf);
    expect(pdfPages(hospitalPdf)).toBe(1);
    await pref.close();
  });
});

describe('the outside bodies and the vendors’ incident contacts in the browser', () => {
  it('the prefecture fills the police desk (a bad number named at its field); a vendor keeps its incident contact on its portal', async () => {
    const pref = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(pref, stackInfo().url, login(USERS.pref36));
    await pref.goto(`${stackInfo().url}/contact-charts`);
    await pref.getByRole('link', { name: '外部機関の連絡先を編集' }).click();
    await pref.getByRole('heading', { level: 1, name: '外部機関の連絡先' }).waitFor({ timeout: 15_000 });
    await pref.locator('#oc-police-phone').fill('110-1');
    await pref.getByRole('button', { name: '外部機関の連絡先を保存する' }).click();
    await expect.poll(() => pref.locator('#oc-police-phone-error').textContent(), { timeout: 10_000 }).toContain('電話番号');
    await pref.locator('#oc-police-phone').scrollIntoViewIfNeeded();
    await screenshot(pref, 'cc-8-outside-error');
    expect(await axeViolations(pref)).toEqual([]);
    await pref.locator('#oc-police-phone').fill('088-000-0110');
    await pref.getByRole('button', { name: '外部機関の連絡先を保存する' }).click();
    await pref.getByText('外部機関の連絡先を保存しました。').waitFor({ timeout: 10_000 });
    const saved = (await api<{ police: { phone: string }; isDefault: boolean }>('GET', '/api/outside-contacts', { as: USERS.clinic36 })).body;
    expect(saved.police.phone).toBe('088-000-0110');
    expect(saved.isDefault).toBe(false);
    await pref.close();

    const vendor = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(vendor, stackInfo().url, login(USERS.vendor2_36));
    const card = vendor.locator('section', { has: vendor.getByRole('heading', { name: 'インシデント時の連絡先' }) });
    await card.waitFor({ timeout: 15_000 });
    await card.locator('#oc-name').fill('四国医療情報サービス 障害受付');
    await card.locator('#oc-phone').fill('088-000-0311');
    await card.locator('#oc-afterHoursPhone').fill('090-0000-0311');
    await card.getByRole('button', { name: '連絡先を保存する' }).click();
    await card.getByText('連絡先を保存しました。').waitFor({ timeout: 10_000 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(vendor, 'cc-9-vendor-contact');
    expect(await axeViolations(vendor)).toEqual([]);
    const stored = (await api<{ afterHoursPhone: string }>('GET', '/api/vendors/v-shikoku-it/incident-contact', { as: USERS.pref36 })).body;
    expect(stored.afterHoursPhone).toBe('090-0000-0311');
    await vendor.close();
  });
});
