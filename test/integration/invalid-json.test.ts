import { describe, expect, it } from 'vitest';
import { api, USERS } from '../support/api.ts';
import { send } from '../support/raw-request.ts';

/**
 * A body that is not valid JSON (with the right Content-Type) is a 400 naming `body` with the code `invalid_json`, in
 * Japanese and English, and writes nothing (functions/src/pipeline/define-handler.ts readBody). The mutation run found
 * no test that told this refusal from the schema's own 400 on a missing body.
 */
describe('a body that is not JSON', () => {
  it.each(['{"name":', '{name: 1}', "{'a':1}", '[1,]', 'undefined'])('%s: 400 naming body, invalid_json', async (body) => {
    const before = await api<{ items: unknown[] }>('GET', '/api/vendors?limit=200', { as: USERS.pref36 });
    expect(before.status).toBe(200);
    const res = await send('POST', '/api/vendors', body, 'application/json; charset=utf-8');
    expect(res.status, res.text).toBe(400);
    expect(res.json.error?.code).toBe('VALIDATION_FAILED');
    expect(res.json.error?.fields).toEqual([
      { field: 'body', code: 'invalid_json', message: { ja: 'JSON の形式が正しくありません', en: 'Body is not valid JSON' } },
    ]);
    const after = await api<{ items: unknown[] }>('GET', '/api/vendors?limit=200', { as: USERS.pref36 });
    expect(after.body).toEqual(before.body);
  });
});
