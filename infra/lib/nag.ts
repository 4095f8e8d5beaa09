import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag for the whole app (docs/decisions/0026-cdk-nag.md): the AwsSolutions and HIPAA.Security packs run at
 * every synth (`cdk synth`, `cdk deploy`) and in `npm test` (test/infra/nag.test.ts), and a finding fails both
 * unless it is fixed or acknowledged next to its resource with `acknowledge()` and a reason.
 */

/** One acknowledged cdk-nag finding: the rule id (with its finding in brackets, e.g. `AwsSolutions-IAM5[Action::s3:List*]`) and why. */
export interface NagAcknowledgement {
  /**
   * The finding's id exactly as cdk-nag reports it. A reference to another resource inside the brackets may be
   * written `<*>`: cdk-nag renders references by logical id (`<TableCD117FA1.Arn>`) or, across a nested stack, by
   * parameter name (`<referencetoTestTable72EBBFFCArn>`), which depend on the stack's name.
   */
  id: string;
  /** Why the finding does not apply or is accepted, specific to this resource (at least 20 characters). */
  reason: string;
}

/**
 * Acknowledgements that hold for every resource of a kind, for the same reason (decision 0026); each is still
 * applied next to its resource with `acknowledge(resource, [...COMMON_ACKNOWLEDGEMENTS.function, …])`.
 */
export const COMMON_ACKNOWLEDGEMENTS = {
  /** Every Lambda function of the app. */
  function: [
    {
      id: 'HIPAA.Security-LambdaInsideVPC',
      reason:
        'The function reaches only public AWS endpoints (DynamoDB, S3, Cognito, SES, X-Ray) over TLS with SigV4 and owns no VPC resource; a VPC would need NAT or interface endpoints per AZ for no isolation gain (decision 0026).',
    },
    {
      id: 'HIPAA.Security-LambdaConcurrency',
      reason:
        'Reserved concurrency on 120+ functions would split the account pool and cannot deploy while the account limit is the new-account 10; API throttling per route bounds the routes, the stream its consumer (decision 0026).',
    },
  ],
  /** Every Lambda function whose role CDK creates (AWSLambdaBasicExecutionRole) and whose grants go to its DefaultPolicy. */
  functionRole: [
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's standard execution role: CloudWatch Logs write access only (CreateLogGroup, CreateLogStream, PutLogEvents). Scoping it to the function's own log group is the follow-up named in decision 0026.",
    },
    {
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "The function's policy is attached to its one role and lists exactly the calls its handler makes (decision 0022); a customer-managed policy would be the same document, attachable elsewhere.",
    },
  ],
  /** Every CloudWatch log group of the app. */
  logGroup: [
    {
      id: 'HIPAA.Security-CloudWatchLogGroupEncrypted',
      reason:
        'CloudWatch Logs encrypts every log group at rest with service-owned keys; a customer-managed KMS key for logs is declined with its cost in decision 0024 (encryption keys).',
    },
  ],
  /** Every S3 bucket of the app. */
  bucket: [
    {
      id: 'HIPAA.Security-S3DefaultEncryptionKMS',
      reason:
        'Encrypted at rest with S3-managed keys (SSE-S3) and TLS-only access; SSE-KMS with a customer key is declined with its cost in decision 0024 (encryption keys).',
    },
    {
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason:
        'The data stays in one region in Japan (ap-northeast-1); versioning, Object Lock on evidence and AWS Backup keep it, and cross-region replication is declined in decision 0026.',
    },
  ],
} as const satisfies Record<string, readonly NagAcknowledgement[]>;

/** Metadata type under which `acknowledge()` records every acknowledgement (the test reads it to find stale ones). */
export const NAG_ACKNOWLEDGEMENT_METADATA = 'mcr:nag-acknowledged';
/** The rule-id prefixes of the packs the app is checked with. */
export const NAG_PACK_PREFIXES = ['AwsSolutions-', 'HIPAA.Security-'] as const;

const REFERENCE = '<*>';

/**
 * Acknowledges cdk-nag findings on a construct and everything under it. Call it right where the resource is
 * defined. Exact ids go through CDK's own `Validations.of(scope).acknowledge` (so the CLI's validation report lists
 * them); ids with a `<*>` reference are matched by the packs `nagPacks()` returns.
 */
export function acknowledge(scope: IConstruct, acknowledgements: readonly NagAcknowledgement[]): void {
  for (const a of acknowledgements) {
    if (!NAG_PACK_PREFIXES.some((p) => a.id.startsWith(p))) throw new Error(`cdk-nag acknowledgement of an unknown rule: ${a.id}`);
    if (a.reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement of ${a.id} at ${scope.node.path} needs a reason`);
    scope.node.addMetadata(NAG_ACKNOWLEDGEMENT_METADATA, { id: a.id, reason: a.reason });
    if (!a.id.includes(REFERENCE)) Validations.of(scope).acknowledge({ id: a.id, reason: a.reason });
  }
}

/** Whether an acknowledged id (possibly with `<*>` references) names a finding id. */
export function acknowledgementMatches(acknowledged: string, finding: string): boolean {
  if (!acknowledged.includes(REFERENCE)) return acknowledged === finding;
  const pattern = acknowledged
    .split(REFERENCE)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('<[^<>]+>');
  return new RegExp(`^${pattern}$`).test(finding);
}

/** An acknowledgement found in the construct tree: where it was made and what it says. */
export interface FoundAcknowledgement extends NagAcknowledgement {
  path: string;
}

/**
 * Every cdk-nag acknowledgement under `root`: those made with `acknowledge()` and those made directly with
 * `Validations.of(c).acknowledge` for a rule of the two packs (deduplicated).
 */
export function acknowledgementsIn(root: IConstruct): FoundAcknowledgement[] {
  const found = new Map<string, FoundAcknowledgement>();
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      const records: NagAcknowledgement[] = [];
      if (entry.type === NAG_ACKNOWLEDGEMENT_METADATA) records.push(entry.data as NagAcknowledgement);
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data) {
        for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
          const id = key.replace(/^annotation::/i, '');
          if (NAG_PACK_PREFIXES.some((p) => id.startsWith(p))) records.push({ id, reason: String(reason ?? '') });
        }
      }
      for (const r of records) found.set(`${c.node.path}\u0000${r.id}`, { path: c.node.path, id: r.id, reason: r.reason });
    }
  }
  return [...found.values()];
}

function acknowledgedByPattern(node: IConstruct, ruleId: string): boolean {
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if (entry.type !== NAG_ACKNOWLEDGEMENT_METADATA) continue;
      const { id } = entry.data as NagAcknowledgement;
      if (id.includes(REFERENCE) && acknowledgementMatches(id, ruleId)) return true;
    }
  }
  return false;
}

type Acknowledging = { isAcknowledged(node: IConstruct, ruleId: string): boolean };

/** Lets a pack also honour the `<*>` acknowledgements (cdk-nag 3 matches acknowledged ids exactly). */
function withReferencePatterns<P extends NagPack>(pack: P): P {
  const p = pack as unknown as Acknowledging;
  const exact = p.isAcknowledged.bind(pack);
  p.isAcknowledged = (node, ruleId) => exact(node, ruleId) || acknowledgedByPattern(node, ruleId);
  return pack;
}

/** The two packs the app is checked with, honouring every acknowledgement made with `acknowledge()`. */
export function nagPacks(): NagPack[] {
  return [withReferencePatterns(new AwsSolutionsChecks()), withReferencePatterns(new HIPAASecurityChecks())];
}

/**
 * The same packs reporting every finding, acknowledged or not: the test compares them with the acknowledgements
 * to find stale ones (an acknowledgement whose rule no longer fires on its resource).
 */
export function rawNagPacks(): NagPack[] {
  return [new AwsSolutionsChecks(), new HIPAASecurityChecks()].map((pack) => {
    (pack as unknown as Acknowledging).isAcknowledged = () => false;
    return pack;
  });
}

/** Registers the packs on the app: synthesis (and so `cdk deploy`) fails on an unacknowledged finding. */
export function addNagPacks(app: App): void {
  Validations.of(app).addPlugins(...nagPacks());
}
