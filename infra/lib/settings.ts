import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

/**
 * The settings of one stage (docs/decisions/0023-edge-and-deploy.md): read from `infra/stages/<stage>.json`, with
 * the cdk context key `settings` (an object, or its JSON) laid over it, and validated before anything is
 * synthesized. Every error names its field.
 *
 * A *real* stage (any stage but dev, test and local) is what a prefecture runs: it must name its AWS account, its
 * own domain with certificates, a mail sender and an alarm address, and none of them may be a placeholder
 * (example.jp, example.com, …). Development stages may leave them out and get harmless defaults.
 */

/** Stages that are never a prefecture's production: defaults and placeholders are allowed there. */
export const DEVELOPMENT_STAGES = ['dev', 'test', 'local'] as const;

/** Data stays in Japan: every stage's main stack is in Tokyo; only CloudFront's WAF and certificate live in us-east-1. */
export const HOME_REGION = 'ap-northeast-1';
export const EDGE_REGION = 'us-east-1';

/** Folder of the per-stage settings files. */
export const STAGES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../stages');

/** The custom domain of a stage: the SPA and the API behind CloudFront, and the API's own origin name. */
export interface DomainSettings {
  /** Where people open the app, e.g. `cyber.pref.kochi.lg.jp`; the app URL is `https://<name>`. */
  name: string;
  /** ACM certificate for `name` in us-east-1 (CloudFront accepts only those). */
  certificateArn: string;
  /**
   * The API's custom domain, CloudFront's origin for `/api/*` (default `api.<name>`); with it the execute-api endpoint
   * is switched off, so the API is reachable only through CloudFront.
   */
  apiName: string;
  /** ACM certificate for `apiName` in ap-northeast-1 (a regional API Gateway domain). */
  apiCertificateArn: string;
}

/** The validated settings of a stage: what the stacks are built from. Other constructs (mail, alarms) read it too. */
export interface StageSettings {
  stage: string;
  /** Not a development stage: placeholders were refused. */
  real: boolean;
  /** The AWS account the stage deploys to (required in a real stage; otherwise the CLI's current one). */
  account?: string;
  region: typeof HOME_REGION;
  /** Sender of all mail (invitations, Cognito codes, notices): an address at a domain SES verifies (mail stack). */
  mailFrom: string;
  /** `https://<domain.name>`; undefined without a domain: the app URL is then CloudFront's own (`https://dxxxx.cloudfront.net`). */
  appUrl?: string;
  domain?: DomainSettings;
  /** A Route 53 public hosted zone in the account: DNS records (app, API, DKIM) are then written by the stacks. */
  hostedZone?: { hostedZoneId: string; zoneName: string };
  /** Where alarms are mailed (an SNS e-mail subscription). */
  alarmEmail?: string;
  /** AWS WAF: requests one client IP may send in 5 minutes before it is blocked for a while. */
  wafRateLimitPer5Minutes: number;
  /** API Gateway throttling of every route not listed in infra/lib/edge.ts's per-route table (steady rate, burst). */
  apiThrottle: { rateLimit: number; burstLimit: number };
}

/** One invalid field: its path in the settings file (`domain.certificateArn`) and why. */
export interface SettingsIssue {
  field: string;
  message: string;
}

export class SettingsError extends Error {
  constructor(
    readonly stage: string,
    readonly source: string,
    readonly issues: SettingsIssue[],
  ) {
    super(`Settings of stage "${stage}" (${source}) are not valid:\n${issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

const PLACEHOLDER = /(^|\.)example(\.[a-z]+)+$|(^|\.)example$|\.invalid$|\.test$|^localhost$/i;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const hostname = z.string().regex(HOSTNAME, 'must be a domain name such as cyber.pref.kochi.lg.jp');
const email = z.email('must be an e-mail address');
const acmArn = (region: string) =>
  z
    .string()
    .regex(
      new RegExp(`^arn:aws:acm:${region}:\\d{12}:certificate/[0-9a-f-]{36}$`),
      `must be the ARN of an ACM certificate in ${region} (arn:aws:acm:${region}:<account>:certificate/<id>)`,
    );

/** What a settings file may hold. Unknown keys are refused: a typo must not silently fall back to a default. */
export const SettingsFile = z
  .object({
    account: z.string().regex(/^\d{12}$/, 'must be the 12-digit AWS account id'),
    mailFrom: email,
    domain: z
      .object({
        name: hostname,
        certificateArn: acmArn(EDGE_REGION),
        apiName: hostname.optional(),
        apiCertificateArn: acmArn(HOME_REGION),
      })
      .strict(),
    hostedZone: z.object({ hostedZoneId: z.string().regex(/^Z[A-Z0-9]{4,32}$/, 'must be a Route 53 hosted zone id (Z…)'), zoneName: hostname }).strict(),
    alarmEmail: email,
    wafRateLimitPer5Minutes: z.number().int().min(100).max(2_000_000),
    apiThrottle: z.object({ rateLimit: z.number().positive().max(10_000), burstLimit: z.number().int().positive().max(5_000) }).strict(),
  })
  .partial()
  .strict();
export type SettingsFile = z.infer<typeof SettingsFile>;

const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** Defaults of every stage; a real stage must still give the fields `validateSettings` requires. */
const DEFAULTS = { wafRateLimitPer5Minutes: 3000, apiThrottle: { rateLimit: 100, burstLimit: 200 } } as const;
/** Only in a development stage: a sender nobody receives mail from (SES refuses to send it; locally the sink takes it). */
const DEVELOPMENT_MAIL_FROM = 'no-reply@example.jp';

export function isDevelopmentStage(stage: string): boolean {
  return (DEVELOPMENT_STAGES as readonly string[]).includes(stage);
}

/**
 * Validates the raw settings of `stage` (the parsed settings file with the context laid over it) and answers the
 * settings the stacks use, or throws a SettingsError naming every invalid field.
 */
export function validateSettings(stage: string, raw: unknown, source = `infra/stages/${stage}.json`): StageSettings {
  const issues: SettingsIssue[] = [];
  if (!STAGE_NAME.test(stage)) issues.push({ field: 'stage', message: 'must be 1–20 lower-case letters, digits or hyphens, starting with a letter' });
  const parsed = SettingsFile.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = i.path.join('.') || (i.code === 'unrecognized_keys' ? '' : '(file)');
      if (i.code === 'unrecognized_keys') for (const k of i.keys) issues.push({ field: [...i.path, k].join('.'), message: 'is not a setting (a typo?)' });
      else issues.push({ field, message: i.message });
    }
    throw new SettingsError(stage, source, issues);
  }
  const s = parsed.data;
  const real = !isDevelopmentStage(stage);
  if (real) {
    const need = (field: string, value: unknown, what: string) => {
      if (value === undefined) issues.push({ field, message: `is required in a real stage: ${what}` });
    };
    need('account', s.account, 'the AWS account this stage deploys to');
    need('mailFrom', s.mailFrom, 'the sender address of all mail, at a domain you control');
    need('domain', s.domain, "the stage's own domain and its certificates (TLS 1.2 and an API reachable only through CloudFront need it)");
    need('alarmEmail', s.alarmEmail, 'who receives the alarms');
    const placeholder = (field: string, host: string | undefined) => {
      if (host && PLACEHOLDER.test(host)) issues.push({ field, message: `"${host}" is a placeholder; a real stage needs a real domain` });
    };
    placeholder('mailFrom', s.mailFrom?.split('@')[1]);
    placeholder('alarmEmail', s.alarmEmail?.split('@')[1]);
    placeholder('domain.name', s.domain?.name);
    placeholder('domain.apiName', s.domain?.apiName);
    placeholder('hostedZone.zoneName', s.hostedZone?.zoneName);
    if (s.account && /^(\d)\1{11}$|^123456789012$/.test(s.account)) issues.push({ field: 'account', message: `"${s.account}" is a placeholder account id` });
  }
  if (s.domain) {
    const apiName = s.domain.apiName ?? `api.${s.domain.name}`;
    if (apiName.toLowerCase() === s.domain.name.toLowerCase())
      issues.push({ field: 'domain.apiName', message: 'must differ from domain.name (CloudFront answers domain.name)' });
    for (const [field, arn] of [
      ['domain.certificateArn', s.domain.certificateArn],
      ['domain.apiCertificateArn', s.domain.apiCertificateArn],
    ] as const) {
      const account = arn.split(':')[4];
      if (s.account && account !== s.account) issues.push({ field, message: `is in account ${account}, not in the stage's account ${s.account}` });
    }
  }
  if (s.hostedZone && s.domain) {
    const zone = s.hostedZone.zoneName.toLowerCase().replace(/\.$/, '');
    const inZone = (host: string) => host.toLowerCase() === zone || host.toLowerCase().endsWith(`.${zone}`);
    if (!inZone(s.domain.name)) issues.push({ field: 'hostedZone.zoneName', message: `does not contain domain.name ${s.domain.name}` });
  }
  if (s.apiThrottle && s.apiThrottle.burstLimit < s.apiThrottle.rateLimit) {
    issues.push({ field: 'apiThrottle.burstLimit', message: 'must be at least apiThrottle.rateLimit' });
  }
  if (issues.length > 0) throw new SettingsError(stage, source, issues);
  const domain = s.domain ? { ...s.domain, apiName: s.domain.apiName ?? `api.${s.domain.name}` } : undefined;
  return {
    stage,
    real,
    ...(s.account ? { account: s.account } : {}),
    region: HOME_REGION,
    mailFrom: s.mailFrom ?? DEVELOPMENT_MAIL_FROM,
    ...(domain ? { domain, appUrl: `https://${domain.name}` } : {}),
    ...(s.hostedZone ? { hostedZone: s.hostedZone } : {}),
    ...(s.alarmEmail ? { alarmEmail: s.alarmEmail } : {}),
    wafRateLimitPer5Minutes: s.wafRateLimitPer5Minutes ?? DEFAULTS.wafRateLimitPer5Minutes,
    apiThrottle: s.apiThrottle ?? DEFAULTS.apiThrottle,
  };
}

/** Anything with cdk context (an App, a Stack, a construct's node). */
interface ContextSource {
  tryGetContext(key: string): unknown;
}

/**
 * The settings of `stage`: `infra/stages/<stage>.json` when it exists (required for a real stage), with the context
 * key `settings` laid over it field by field. Throws a SettingsError naming each invalid field.
 */
export function loadSettings(stage: string, context?: ContextSource, dir = STAGES_DIR): StageSettings {
  const file = path.join(dir, `${stage}.json`);
  const source = path.relative(process.cwd(), file) || file;
  let fromFile: Record<string, unknown> = {};
  if (STAGE_NAME.test(stage) && existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new SettingsError(stage, source, [{ field: '(file)', message: `is not valid JSON: ${(err as Error).message}` }]);
    }
  } else if (!isDevelopmentStage(stage)) {
    throw new SettingsError(stage, source, [
      { field: '(file)', message: `is missing: a real stage is described by ${source} (copy infra/stages/example.json and fill it in)` },
    ]);
  }
  let fromContext = context?.tryGetContext('settings');
  if (typeof fromContext === 'string') {
    try {
      fromContext = JSON.parse(fromContext);
    } catch {
      throw new SettingsError(stage, 'cdk context "settings"', [{ field: '(context)', message: 'is not valid JSON' }]);
    }
  }
  const merged = { ...fromFile, ...(typeof fromContext === 'object' && fromContext ? fromContext : {}) };
  return validateSettings(stage, merged, fromContext ? `${source} + cdk context "settings"` : source);
}
