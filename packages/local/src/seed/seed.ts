import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import type { Evaluation } from '@mcr/contract';
import { type Actor, createRepositories, createTableInput, type Db } from '@mcr/data';
import { type Answers, evaluationSummary, getBuiltInTemplate, todayInJapan } from '@mcr/domain';
import type { CognitoAuthFlows } from '../cognito/auth-flows.ts';
import { demoAnswers, rng } from './demo-answers.ts';
import { DEMO_PASSWORD, type DemoTenant } from './demo-data.ts';
import { seedDemoBcp } from './demo-bcp.ts'; // bcp
import { seedDemoCampaigns } from './demo-campaigns.ts'; // campaign-lifecycle
import { seedInspections } from './demo-inspections.ts';
// contact-charts:begin
import { seedDemoContactCharts } from './demo-contact-charts.ts';
import { seedDemoIncidents } from './demo-incidents.ts'; // incidents
// contact-charts:end

export interface DemoLogin {
  email: string;
  password: string;
  totpSecret: string;
  role: string;
  tenant: string;
  organisation: string;
  userId: string;
}

/** Creates the table unless it exists; true when it was created now. */
export async function ensureTable(db: Db): Promise<boolean> {
  try {
    await db.doc.send(new DescribeTableCommand({ TableName: db.tableName }));
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await db.doc.send(new CreateTableCommand(createTableInput(db.tableName)));
    return true;
  }
}

function evaluationOf(templateId: string, answers: Answers, hasVendorContract: boolean): Evaluation {
  const template = getBuiltInTemplate(templateId);
  if (!template) throw new Error(`Unknown template ${templateId}`);
  return evaluationSummary(template, answers, { hasVendorContract }, todayInJapan());
}

/**
 * Writes one demo tenant, provisions its users (password + enrolled TOTP) and, from `answeringFrom` on,
 * lets facilities answer and submit through the same repository writes as the API (counters and audit included).
 */
export async function seedTenant(db: Db, auth: CognitoAuthFlows, data: DemoTenant, options: { answeringFrom?: number } = {}): Promise<DemoLogin[]> {
  const repos = createRepositories(db, { tenantId: data.tenant.tenantId });
  const system: Actor = { userId: 'seed', name: 'デモデータ', role: 'pref_admin', orgId: 'pref', requestId: 'seed' };
  await repos.tenant.put(data.tenant);
  await Promise.all(data.healthCenters.map((h) => repos.healthCenters.put(h)));
  for (let i = 0; i < data.facilities.length; i += 20) await Promise.all(data.facilities.slice(i, i + 20).map((f) => repos.facilities.put(f)));
  await Promise.all(data.vendors.map((v) => repos.vendors.put(v)));
  for (let i = 0; i < data.contracts.length; i += 20) await Promise.all(data.contracts.slice(i, i + 20).map((c) => repos.contracts.put(c)));

  const contracted = new Set(data.contracts.map((c) => c.facilityId));
  const { campaign } = data;
  await repos.campaigns.create(
    { ...campaign, createdAt: `${campaign.opensOn}T00:00:00.000Z` },
    data.facilities.map((facility) => ({
      facility,
      answers: {},
      context: { hasVendorContract: contracted.has(facility.id) },
      evaluation: evaluationOf(campaign.templateId, {}, contracted.has(facility.id)),
    })),
    system,
  );

  if (options.answeringFrom !== undefined) {
    const template = getBuiltInTemplate(campaign.templateId);
    if (!template) throw new Error(`Unknown template ${campaign.templateId}`);
    const random = rng(Number(data.tenant.tenantId));
    const answering = data.facilities.slice(options.answeringFrom);
    for (let i = 0; i < answering.length; i += 10) {
      await Promise.all(
        answering.slice(i, i + 10).map(async (f, j) => {
          const roll = random();
          if (roll < 0.2) return; // not started yet
          const submitted = roll > 0.55;
          const hasContract = contracted.has(f.id);
          const answers = demoAnswers(template, campaign.fiscalYear, hasContract, i * 10 + j + 1, submitted ? 1 : 0.3 + random() * 0.6);
          const evaluation = evaluationOf(campaign.templateId, answers, hasContract);
          const actor: Actor = { userId: 'seed', name: 'デモデータ', role: 'facility_admin', orgId: f.id, requestId: `seed-${f.id}` };
          await repos.responses.save(
            campaign.id,
            f.id,
            {
              expectedVersion: 0,
              answers,
              evaluation,
              status: 'in_progress',
              previousStatus: 'not_started',
              changes: 'demo data',
              context: { hasVendorContract: hasContract },
            },
            actor,
          );
          if (submitted && evaluation.complete) {
            await repos.responses.submit(
              campaign.id,
              f.id,
              { expectedVersion: 1, round: 1, previousStatus: 'in_progress', answers, evaluation, context: { hasVendorContract: hasContract } },
              actor,
            );
          }
        }),
      );
    }
  }

  // campaign-lifecycle:begin — 令和7年度 (closed) and 令和8年度 (open) checklist campaigns (packages/local/src/seed/demo-campaigns.ts)
  if (options.answeringFrom !== undefined) await seedDemoCampaigns(db, repos, data);
  // campaign-lifecycle:end
  await seedInspections(repos, data);
  // bcp:begin — a 令和8年度 BCP 確認表 survey with answers where facilities answer (packages/local/src/seed/demo-bcp.ts)
  if (options.answeringFrom !== undefined) await seedDemoBcp(repos, data);
  // bcp:end
  // contact-charts:begin
  await seedDemoContactCharts(repos, data);
  // contact-charts:end

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
  // incidents:begin — an open and a closed suspected-incident report (their authors are the users just created)
  if (options.answeringFrom !== undefined) await seedDemoIncidents(repos, data, logins);
  // incidents:end
  return logins;
}

export async function seedOperator(auth: CognitoAuthFlows): Promise<DemoLogin> {
  const email = 'operator@mcr.example.jp';
  const { sub, totpSecret } = await auth.provisionUser({ email, password: DEMO_PASSWORD, groups: ['operator'] });
  return { email, password: DEMO_PASSWORD, totpSecret, role: 'operator', tenant: '-', organisation: 'SaaS 運営者', userId: sub };
}
