import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@mcr/contract';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, USERS } from '../support/api.ts';
import { launchBrowser, screenshot, signIn, watchCsp } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * The SPA under the production Content-Security-Policy (docs/decisions/0023-edge-and-deploy.md): the local front
 * door sends the headers CloudFront sends, from the same module, with the local stand-ins' origins in connect-src.
 * The pages here (sign-in, the prefecture's dashboard with its charts, tables, a deep link reloaded) report no
 * violation, and the policy is really enforced: an injected inline script does not run.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('security headers and CSP of the local front door', () => {
  it('sends the shared CSP, HSTS and the other headers on the SPA, its config and the API, errors included', async () => {
    const { url, services } = stackInfo();
    const expected = contentSecurityPolicy({ connectSources: [new URL(services.cognitoEndpoint).origin, new URL(services.s3Endpoint).origin] });
    for (const path of ['/', '/dashboard', '/config.json', '/api/openapi.json', '/api/me', '/api/no-such-route']) {
      const res = await fetch(`${url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe(expected);
      for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    expect(expected).toContain("script-src 'self';");
    expect(expected).not.toContain('unsafe-inline');
  });

  it('lets the SPA sign in, draw the dashboard and open a deep link without a violation, and refuses inline script', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    const violations = await watchCsp(page);
    await signIn(page, stackInfo().url, login(USERS.pref36));
    await page.goto(`${stackInfo().url}/dashboard`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'csp-dashboard');
    // A deep link opened directly (a reload): the SPA's router shows it.
    await page.goto(`${stackInfo().url}/facilities`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);

    // The policy is enforced, not only sent: a script injected into the page does not run, and is reported.
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(async () => (await violations()).some((v) => v.includes('script-src'))).toBe(true);
    await page.close();
  });
});
