/**
 * The response headers every page and API answer carries: CloudFront's response-headers policy in AWS
 * (infra/lib/edge.ts) and the local front door (packages/local/src/front-door.ts) build them here, so the browser
 * tests run the SPA under the very policy it gets in production (docs/decisions/0023-edge-and-deploy.md).
 *
 * The Content-Security-Policy allows only what the SPA does:
 * - scripts, styles, fonts and its own fetches (`/api`, `/config.json`) from its own origin, no inline script or style
 *   element (React sets `style` through the CSSOM, which the policy does not restrict);
 * - `data:` images: the TOTP enrolment's QR code is a data URL;
 * - the sign-in calls to the Cognito endpoint and the presigned POST of uploads to the documents bucket, whose
 *   origins the caller names in `connectSources`;
 * - nothing framed, no plugins, no `<base>`, forms posted only to itself.
 */
export interface SecurityHeaderOptions {
  /**
   * Origins the SPA's scripts connect to besides its own: the Cognito endpoint and the documents bucket
   * (`https://cognito-idp.ap-northeast-1.amazonaws.com`, `https://<bucket>.s3.ap-northeast-1.amazonaws.com`).
   */
  connectSources: readonly string[];
}

/** Two years, with subdomains: what the HSTS preload list asks for. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** The directives of the Content-Security-Policy, in order; `connect-src` gets the caller's origins. */
export function contentSecurityPolicy(opts: SecurityHeaderOptions): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...opts.connectSources]],
    ['manifest-src', ["'self'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** The headers besides the CSP, as CloudFront's policy sets them (lower-case names, as HTTP/2 sends them). */
export const STATIC_SECURITY_HEADERS = {
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
} as const;

/** Every security header of a response, the CSP included. */
export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  return { 'content-security-policy': contentSecurityPolicy(opts), ...STATIC_SECURITY_HEADERS };
}
