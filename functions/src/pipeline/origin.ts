import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ForbiddenError } from './errors.ts';

/** The header CloudFront adds to every request it forwards to the API (infra/lib/edge.ts ORIGIN_VERIFY_HEADER). */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

function sameSecret(got: string, expected: string): boolean {
  const a = Buffer.from(got);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Only CloudFront reaches the API (docs/decisions/0023-edge-and-deploy.md): it sends a secret header that a request
 * straight to the API's own endpoint (execute-api, or the API's origin domain) lacks, so WAF, the security headers
 * and the CloudFront logs cannot be bypassed. In AWS the value is the function's `ORIGIN_VERIFY_SECRET` (from Secrets
 * Manager at deploy); locally it is unset and the front door is the only way in, so nothing is checked.
 * A request without the header is a 403 on every route, the public ones included, before any token is looked at.
 */
export function verifyOrigin(
  expected: string | undefined = process.env.ORIGIN_VERIFY_SECRET,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: (request) => {
      if (!expected) return;
      const got = request.event.headers?.[ORIGIN_VERIFY_HEADER];
      if (typeof got !== 'string' || !sameSecret(got, expected)) {
        throw new ForbiddenError({
          ja: 'このアドレスからは利用できません。アプリの URL から開いてください。',
          en: "Not available at this address; open the app's own URL.",
        });
      }
    },
  };
}
