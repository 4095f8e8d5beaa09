import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stringLike } from '@mcr/data';

/**
 * A small model of IAM policy evaluation over the synthesized templates, for test/iam/policies.test.ts
 * (decision 0022). Resources are made symbolic so that a template's ARN and a recorded call's resource can be
 * compared: `table`, `table/index/GSI1`, `documents/files/*`, `exports/exports/*`, `userpool`, `job-worker`,
 * `ses-identity`, `ses-configset`; anything else keeps its intrinsic as `<LogicalId.Attr>`.
 */
export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface RecordedCall {
  fn: string;
  action: string;
  resource?: string;
  scope?: 'tenant' | 'registry' | 'service';
  tenant?: string;
  leadingKeys?: string[];
}

/** The policy variable of the tenant-access roles (`${aws:PrincipalTag/tenant}`). */
export const TENANT_TAG_VARIABLE = ['$', '{aws:PrincipalTag/tenant}'].join('');

/** A CloudFormation value as a string: pseudo parameters filled in, references named. */
export function render(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.Ref === 'string') {
      const pseudo: Record<string, string> = {
        'AWS::Partition': 'aws',
        'AWS::Region': 'ap-northeast-1',
        'AWS::AccountId': '111122223333',
        'AWS::URLSuffix': 'amazonaws.com',
      };
      return pseudo[o.Ref] ?? `<${o.Ref}>`;
    }
    if (Array.isArray(o['Fn::GetAtt'])) return `<${(o['Fn::GetAtt'] as string[]).join('.')}>`;
    if (Array.isArray(o['Fn::Join'])) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(sep);
    }
  }
  return `<${JSON.stringify(v)}>`;
}

/** The symbolic name of a resource ARN of the templates (see above). */
export function symbolic(arn: string): string {
  return arn
    .replace(/<(referenceto[A-Za-z0-9]*?)?Table[0-9A-F]{8}(Arn|\.Arn)>/g, 'table')
    .replace(/<(referenceto[A-Za-z0-9]*?)?Documents[0-9A-F]{8}(Arn|\.Arn)>/g, 'documents')
    .replace(/<(referenceto[A-Za-z0-9]*?)?Exports[0-9A-F]{8}(Arn|\.Arn)>/g, 'exports')
    .replace(/<(referenceto[A-Za-z0-9]*?)?UserPool[0-9A-F]{8}(Arn|\.Arn)>/g, 'userpool')
    .replace(/<(referenceto[A-Za-z0-9]*?)?FnJobWorker[0-9A-F]{8}(Arn|\.Arn)>/g, 'job-worker')
    .replace(/^arn:aws:ses:[^:]*:[^:]*:identity\/.*$/, 'ses-identity')
    .replace(/^arn:aws:ses:[^:]*:[^:]*:configuration-set\/.*$/, 'ses-configset');
}

export const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function resourcesOf(s: Statement): string[] {
  return list(s.Resource as unknown).map((r) => symbolic(render(r)));
}

export interface Request {
  action: string;
  resource: string;
  /** The session's `aws:PrincipalTag/tenant`. */
  tenant?: string;
  leadingKeys?: string[];
}

function conditionHolds(s: Statement, req: Request): boolean {
  for (const [op, byKey] of Object.entries(s.Condition ?? {})) {
    for (const [key, raw] of Object.entries(byKey)) {
      if (key !== 'dynamodb:LeadingKeys') throw new Error(`the policy model does not know the condition key ${key}`);
      const patterns = list(raw).map((p) => (req.tenant === undefined ? p : p.replaceAll(TENANT_TAG_VARIABLE, req.tenant)));
      if (patterns.some((p) => p.includes(TENANT_TAG_VARIABLE))) return false; // a tag the session does not carry matches nothing
      const values = req.leadingKeys ?? [];
      const matches = (v: string) => patterns.some((p) => stringLike(p, v));
      if (op === 'ForAllValues:StringLike') {
        if (!values.every(matches)) return false;
      } else if (op === 'ForAnyValue:StringLike') {
        if (!values.some(matches)) return false;
      } else throw new Error(`the policy model does not know the condition operator ${op}`);
    }
  }
  return true;
}

function applies(s: Statement, req: Request): boolean {
  return list(s.Action).some((a) => stringLike(a, req.action)) && resourcesOf(s).some((r) => stringLike(r, req.resource)) && conditionHolds(s, req);
}

/** IAM's answer for one request against one identity's statements: an explicit Deny wins, then any Allow. */
export function allows(statements: readonly Statement[], req: Request): boolean {
  if (statements.some((s) => s.Effect === 'Deny' && applies(s, req))) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s, req));
}

/** Every recorded call of every test stack in `dir` (one file per vitest project), with the age of the oldest file. */
export function readRecordings(dir: string): { calls: RecordedCall[]; files: string[] } {
  if (!existsSync(dir)) return { calls: [], files: [] };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).size > 0);
  const calls = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RecordedCall),
  );
  return { calls, files };
}
