import * as z from 'zod/mini';

const Env = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  AWS_REGION: z.string().check(z.minLength(1)),
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` in AWS; the local user pool's issuer on localhost. */
  COGNITO_ISSUER: z.url(),
  COGNITO_CLIENT_ID: z.string().check(z.minLength(1)),
  /** Defaults to `<issuer>/.well-known/jwks.json`, as Cognito publishes it. */
  JWKS_URI: z.optional(z.url()),
  COGNITO_USER_POOL_ID: z.string().check(z.minLength(1)),
  /** Only set on localhost: the local stand-ins for DynamoDB, Cognito and SES. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  COGNITO_ENDPOINT: z.optional(z.url()),
  SES_ENDPOINT: z.optional(z.url()),
  /** Sender of invitation and notification e-mail (a verified SES identity in AWS). */
  MAIL_FROM: z.string().check(z.minLength(3)),
  /** Where people sign in; used in e-mail links. */
  APP_URL: z.url(),
  // ops:begin
  /** The SES configuration set every send names (suppression of bounces and complaints, their counts; decision 0024). */
  MAIL_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  /** Object Lock: days each file copied to `files/` is kept in governance mode (decision 0024); unset: no retention. */
  FILES_RETENTION_DAYS: z.optional(z.coerce.number().check(z.int(), z.positive())),
  // ops:end
  /** Bucket of generated files (exports), which S3 deletes after a day; keys start with `exports/<tenant>/`. */
  EXPORTS_BUCKET: z.optional(z.string().check(z.minLength(1))),
  /**
   * Bucket of uploaded files (MDS/SDS, evidence): `quarantine/<tenant>/` as sent by browsers (expired by S3 after
   * two days), `files/<tenant>/` once checked by the server; only the latter is ever served.
   */
  FILES_BUCKET: z.optional(z.string().check(z.minLength(1))),
  /** Only set on localhost: the local S3 stand-in (s3rver). */
  S3_ENDPOINT: z.optional(z.url()),
  /** The background-job worker function, invoked asynchronously (in AWS; the local stack runs it in-process). */
  JOB_WORKER_FUNCTION: z.optional(z.string().check(z.minLength(1))),
  // iam:begin
  /**
   * In AWS, the route's tenant-access role (decision 0022): its DynamoDB access is assumed per tenant with the session
   * tag `tenant`, and the role allows only that tenant's partition keys. Unset locally (no STS): the client's own
   * scope guard is then the only check.
   */
  TENANT_ROLE_ARN: z.optional(z.string().check(z.minLength(1))),
  // iam:end
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error']), 'info'),
  /** Check every response against the contract (on locally and in tests; off in AWS to save CPU). */
  RESPONSE_VALIDATION: z._default(z.enum(['on', 'off']), 'off'),
});
export type Env = z.infer<typeof Env>;

let cached: Env | undefined;

/** Reads and checks the environment once per container; a missing variable fails the cold start, not a request. */
export function env(): Env {
  if (!cached) {
    const parsed = Env.safeParse(process.env);
    if (!parsed.success) {
      const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new Error(`Invalid environment: ${names}`);
    }
    cached = parsed.data;
  }
  return cached;
}
