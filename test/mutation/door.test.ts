import { expect, it } from 'vitest';
import { api, USERS } from '../support/api.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * The mutation run's premise (vitest.mutation.config.ts): the integration tests' API calls are answered by the
 * handlers loaded in this process, where Stryker switches mutants on, not by the stack's own front door.
 */
it('api() reaches the in-process front door and its handlers', async () => {
  const counter = globalThis as { __inProcessRequests?: number };
  const before = counter.__inProcessRequests ?? 0;
  const res = await api<{ role: string }>('GET', '/api/me', { as: USERS.pref36 });
  expect(res.status).toBe(200);
  expect(res.body.role).toBe('pref_admin');
  expect(counter.__inProcessRequests).toBe(before + 1);
  expect(stackInfo().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
