import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Debian's Chromium, never a downloaded browser (no network here; see DEVELOPERS.md). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--lang=ja-JP',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// edge:begin
/**
 * Content-Security-Policy violations the page reported (the `securitypolicyviolation` event, recorded from before the
 * page's own scripts run): the browser tests prove the production CSP (packages/contract security-headers.ts) lets
 * the SPA work. Call `watchCsp(page)` before the first navigation.
 */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  const all: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy')) all.push(m.text());
  });
  return async () => {
    const inPage = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
    return [...new Set([...all, ...inPage])];
  };
}
// edge:end

export async function screenshot(page: Page, name: string): Promise<void> {
  // The viewport, not the full page: a 10,000-pixel page cannot be looked at; tests scroll to what matters first.
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (WCAG 2.1 A/AA rules) and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // edge: evaluated through the DevTools protocol, not as an inline <script> the page's CSP would refuse.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** The normal sign-in of a user who has enrolled TOTP: password, then the current 6-digit code. */
export async function signIn(page: Page, url: string, user: { email: string; password: string; totpSecret: string }): Promise<void> {
  const { totpCode } = await import('../../packages/local/src/cognito/auth-flows.ts');
  await page.goto(url);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByLabel('確認コード (6桁)').fill(totpCode(user.totpSecret));
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('button', { name: 'ログアウト' }).waitFor();
}
