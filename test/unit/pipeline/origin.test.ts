import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER as HEADER_IN_INFRA, SPA_REWRITE_FUNCTION_CODE } from '../../../infra/lib/edge.ts';
import { ORIGIN_VERIFY_HEADER, verifyOrigin } from '../../../functions/src/pipeline/origin.ts';

/** Only CloudFront reaches the API: the pipeline refuses a request without CloudFront's secret header (decision 0023). */

const SECRET = 'a'.repeat(48);

function run(expected: string | undefined, headers: Record<string, string>) {
  const mw = verifyOrigin(expected);
  const request = { event: { headers } as unknown as APIGatewayProxyEventV2, context: {}, response: undefined, error: undefined, internal: {} };
  return () => (mw.before as (r: unknown) => void)(request);
}

describe('origin check', () => {
  it('uses the header name CloudFront is configured with', () => {
    expect(ORIGIN_VERIFY_HEADER).toBe(HEADER_IN_INFRA);
    expect(SPA_REWRITE_FUNCTION_CODE).toContain('index.html');
  });

  it('lets a request with the secret through and refuses one without it or with another value (403)', () => {
    expect(run(SECRET, { [ORIGIN_VERIFY_HEADER]: SECRET })).not.toThrow();
    const refused: Record<string, string>[] = [
      {},
      { [ORIGIN_VERIFY_HEADER]: 'b'.repeat(48) },
      { [ORIGIN_VERIFY_HEADER]: SECRET.slice(1) },
      { authorization: `Bearer ${SECRET}` },
    ];
    for (const headers of refused) {
      expect(run(SECRET, headers)).toThrow(expect.objectContaining({ status: 403, code: 'FORBIDDEN' }));
    }
  });

  it('checks nothing where no secret is configured (the local front door is the only way in)', () => {
    expect(run(undefined, {})).not.toThrow();
    expect(run('', {})).not.toThrow();
  });
});
