import * as z from 'zod';

const Env = z.object({
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1),
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` in AWS; the local user pool's issuer on localhost. */
  COGNITO_ISSUER: z.url(),
  COGNITO_CLIENT_ID: z.string().min(1),
  /** Defaults to `<issuer>/.well-known/jwks.json`, as Cognito publishes it. */
  JWKS_URI: z.url().optional(),
  /** Only set on localhost (DynamoDB Local). */
  DYNAMODB_ENDPOINT: z.url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Check every response against the contract (on locally and in tests; off in AWS to save CPU). */
  RESPONSE_VALIDATION: z.enum(['on', 'off']).default('off'),
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
