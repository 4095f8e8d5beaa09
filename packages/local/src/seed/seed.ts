import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createRepositories, type Db } from '@mcr/data';
import { evaluate, getBuiltInTemplate } from '@mcr/domain';
import type { Evaluation } from '@mcr/contract';
import type { CognitoAuthFlows } from '../cognito/auth-flows.ts';
import { createTableInput } from '@mcr/data';
import { type DemoTenant, DEMO_PASSWORD } from './demo-data.ts';

export interface DemoLogin {
  email: string;
  password: string;
  totpSecret: string;
  role: string;
  tenant: string;
  organisation: string;
  userId: string;
}

export async function ensureTable(db: Db): Promise<void> {
  try {
    await db.doc.send(new DescribeTableCommand({ TableName: db.tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await db.doc.send(new CreateTableCommand(createTableInput(db.tableName)));
  }
}

/** The evaluation of a response nobody has touched yet, computed by the same rules as every other. */
export function emptyEvaluation(templateId: string, hasVendorContract = true): Evaluation {
  const template = getBuiltInTemplate(templateId);
  if (!template) throw new Error(`Unknown template ${templateId}`);
  const e = evaluate(template, {}, { hasVendorContract }, '2024-06-01');
  return {
    applicable: e.applicable,
    answered: e.answered,
    required: e.required,
    yes: e.yes,
    score: e.score,
    level: e.level,
    missing: e.missing.length,
    overdue: e.overdue.length,
    complete: e.complete,
  };
}

/** Writes one demo tenant and provisions its users (password + enrolled TOTP) in the user pool. */
export async function seedTenant(db: Db, auth: CognitoAuthFlows, data: DemoTenant): Promise<DemoLogin[]> {
  const repos = createRepositories(db, { tenantId: data.tenant.tenantId });
  await repos.tenant.put(data.tenant);
  await Promise.all(data.healthCenters.map((h) => repos.healthCenters.put(h)));
  for (let i = 0; i < data.facilities.length; i += 20) await Promise.all(data.facilities.slice(i, i + 20).map((f) => repos.facilities.put(f)));
  await Promise.all(data.vendors.map((v) => repos.vendors.put(v)));
  for (let i = 0; i < data.contracts.length; i += 20) await Promise.all(data.contracts.slice(i, i + 20).map((c) => repos.contracts.put(c)));
  const contracted = new Set(data.contracts.map((c) => c.facilityId));
  const withContract = emptyEvaluation(data.campaign.templateId, true);
  const withoutContract = emptyEvaluation(data.campaign.templateId, false);
  await repos.campaigns.create({ ...data.campaign, createdAt: new Date().toISOString() }, data.facilities, (f) =>
    contracted.has(f.id) ? withContract : withoutContract,
  );

  const logins: DemoLogin[] = [];
  for (const u of data.users) {
    const { sub, totpSecret } = await auth.provisionUser({ email: u.email, password: DEMO_PASSWORD, groups: [`tenant:${data.tenant.tenantId}`] });
    await repos.memberships.put({
      userId: sub,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      orgKind: u.orgKind,
      orgId: u.orgId,
      orgName: u.orgName,
      status: 'active',
      ...(u.healthCenterId ? { healthCenterId: u.healthCenterId } : {}),
    });
    logins.push({ email: u.email, password: DEMO_PASSWORD, totpSecret, role: u.role, tenant: data.tenant.name, organisation: u.orgName, userId: sub });
  }
  return logins;
}

export async function seedOperator(auth: CognitoAuthFlows): Promise<DemoLogin> {
  const email = 'operator@mcr.example.jp';
  const { sub, totpSecret } = await auth.provisionUser({ email, password: DEMO_PASSWORD, groups: ['operator'] });
  return { email, password: DEMO_PASSWORD, totpSecret, role: 'operator', tenant: '-', organisation: 'SaaS 運営者', userId: sub };
}
