import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundLogger, errorFields, tenantsOfKeys } from '../../../functions/src/pipeline/background-log.ts';

describe('background logger (stream consumer, job worker, reminders; decision 0024)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes JSON lines with the function, the Lambda request id and the given tenant fields', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
    vi.spyOn(console, 'error').mockImplementation((l: string) => void lines.push(l));
    const log = backgroundLogger('job-worker', { awsRequestId: 'req-1' }, { tenantId: '36', jobId: 'j1' });
    log.info('job done', { ms: 5 });
    log.error('job worker failed', errorFields(new TypeError('boom')));
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'info', msg: 'job done', fn: 'job-worker', requestId: 'req-1', tenantId: '36', jobId: 'j1', ms: 5 }),
      expect.objectContaining({ level: 'error', requestId: 'req-1', tenantId: '36', error: 'TypeError', message: 'boom' }),
    ]);
    expect(backgroundLogger('x').child({}).info).toBeTypeOf('function');
  });

  it('names the tenants of a batch from its keys, each once, at most max', () => {
    expect(tenantsOfKeys(['T#36#FAC#1', 'T#36', 'T#13#RESP#2', undefined, 'OPS#TENANTS'])).toEqual(['36', '13']);
    expect(
      tenantsOfKeys(
        Array.from({ length: 50 }, (_, i) => `T#${i}#X`),
        5,
      ),
    ).toHaveLength(5);
  });
});
