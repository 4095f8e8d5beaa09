import type { Evaluation } from '@mcr/contract';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, type Db, type FacilityRecord, keys, type Repositories, type ResponseRecord } from '@mcr/data';
import { type Answers, builtInTemplates, evaluationSummary, fiscalYearLabel, splitNotes, type Template, todayInJapan } from '@mcr/domain';
import { demoAnswers, rng } from './demo-answers.ts';
import type { DemoTenant } from './demo-data.ts';

/**
 * The demo's checklist campaigns of the current and the previous fiscal year (issue 10, item 7). Today is in
 * 令和8年度 (FY2026): the 令和8年度 campaign is open on the newest built-in facility version, with a realistic spread
 * of answers and a deadline some weeks ahead; the 令和7年度 campaign is closed, mostly submitted and confirmed, so the
 * dashboard shows a trend. The 令和6年度 campaign of demo-data.ts (`r6-facility`) stays as it was: the integration
 * tests answer it as their fixture.
 *
 * Other demo parts that attach to "the newest facility campaign of the tenant" find `r8-facility`.
 */
export const DEMO_CURRENT_CAMPAIGN_ID = 'r8-facility';
export const DEMO_PREVIOUS_CAMPAIGN_ID = 'r7-facility';

/** The newest built-in facility form usable in a fiscal year: from the built-in list by form and order, not by id. */
export function newestFacilityTemplate(fiscalYear: number): Template {
  const found = builtInTemplates.filter((t) => t.form === 'facility' && t.fiscalYear <= fiscalYear).at(-1);
  if (!found) throw new Error(`No built-in facility template for FY${fiscalYear}`);
  return found;
}

type Plan = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'confirmed';

const iso = (day: string, hour = 1) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

interface CampaignPlan {
  id: string;
  fiscalYear: number;
  opensOn: string;
  deadline: string;
  /** Shares of not started, in progress, submitted, returned (rest: confirmed). */
  shares: [number, number, number, number];
  /** Fixed plans for the demo users' facilities. */
  fixed: Map<string | undefined, Plan>;
}

/** Which facility answers how far in a demo campaign: deterministic, so tests can pick a facility by its plan. */
function plansOf(data: DemoTenant, plan: Pick<CampaignPlan, 'fiscalYear' | 'shares' | 'fixed'>): Map<string, Plan> {
  const random = rng(Number(data.tenant.tenantId) * 31 + plan.fiscalYear);
  const [ns, ip, sub, ret] = plan.shares;
  return new Map(
    data.facilities.map((f) => {
      const fixed = plan.fixed.get(f.id);
      if (fixed) return [f.id, fixed];
      const roll = random();
      const p: Plan =
        roll < ns ? 'not_started' : roll < ns + ip ? 'in_progress' : roll < ns + ip + sub ? 'submitted' : roll < ns + ip + sub + ret ? 'returned' : 'confirmed';
      return [f.id, p];
    }),
  );
}

async function seedCampaign(db: Db, repos: Repositories, data: DemoTenant, plan: CampaignPlan): Promise<void> {
  if (await repos.campaigns.get(plan.id)) return;
  const template = newestFacilityTemplate(plan.fiscalYear);
  const today = todayInJapan();
  const contracted = new Set(data.contracts.map((c) => c.facilityId));
  const evaluationOf = (answers: Answers, hasContract: boolean): Evaluation => evaluationSummary(template, answers, { hasVendorContract: hasContract }, today);
  const pref: Actor = { userId: 'seed', name: `${data.tenant.name} 医療政策課`, role: 'pref_admin', orgId: 'pref', requestId: `seed-${plan.id}` };
  const label = { ja: fiscalYearLabel(plan.fiscalYear, 'ja'), en: fiscalYearLabel(plan.fiscalYear, 'en') };
  const campaign = {
    id: plan.id,
    title: { ja: `${label.ja} 医療機関におけるサイバーセキュリティ対策チェックリスト`, en: `${label.en} Cybersecurity checklist for medical facilities` },
    templateId: template.id,
    fiscalYear: plan.fiscalYear,
    opensOn: plan.opensOn,
    deadline: plan.deadline,
    roundDeadlines: {},
    createdAt: iso(plan.opensOn, 0),
  };
  await repos.campaigns.create(
    campaign,
    data.facilities.map((facility: FacilityRecord) => ({
      facility,
      answers: {},
      context: { hasVendorContract: contracted.has(facility.id) },
      evaluation: evaluationOf({}, contracted.has(facility.id)),
    })),
    pref,
  );

  const random = rng(Number(data.tenant.tenantId) * 37 + plan.fiscalYear);
  const plans = [...plansOf(data, plan)].map(([id, p]) => [data.facilities.find((f) => f.id === id) as FacilityRecord, p] as const);
  // Final states written at once (batch puts of the response items, reviews inline as older items keep them), not
  // through one transaction per save, submit and review: the seed runs at every start of the stack and of the tests.
  const now = new Date().toISOString();
  const scope = { tenantId: data.tenant.tenantId };
  const items: Record<string, unknown>[] = [];
  plans.forEach(([f, p], i) => {
    if (p === 'not_started') return;
    const hasContract = contracted.has(f.id);
    const complete = p !== 'in_progress';
    const answers = demoAnswers(template, plan.fiscalYear, hasContract, plan.fiscalYear + i, complete ? 1 : 0.25 + random() * 0.6);
    const evaluation = evaluationOf(answers, hasContract);
    const submitted = complete && evaluation.complete;
    const reviewed = submitted && (p === 'returned' || p === 'confirmed');
    const firstNo = Object.entries(answers)
      .find(([, cell]) => cell['1']?.value === 'no')?.[0]
      ?.split(':')[0];
    const status = !submitted ? 'in_progress' : reviewed ? p : 'submitted';
    const record: ResponseRecord = {
      campaignId: plan.id,
      templateId: template.id,
      facilityId: f.id,
      facilityName: f.name,
      facilityKind: f.kind,
      healthCenterId: f.healthCenterId,
      healthCenterName: f.healthCenterName,
      medicalAreaName: f.medicalAreaName,
      beds: f.beds,
      medicalInstitutionCode: f.medicalInstitutionCode,
      context: { hasVendorContract: hasContract },
      status,
      answers: splitNotes(answers).core,
      evaluation,
      version: reviewed ? 3 : submitted ? 2 : 1,
      updatedAt: now,
      updatedBy: 'seed',
      submissions: submitted ? [{ round: 1, at: now, by: 'seed', byName: 'デモデータ' }] : [],
      reviews: reviewed
        ? [
            {
              action: p === 'returned' ? 'returned' : 'confirmed',
              round: 1,
              at: now,
              by: 'seed',
              byName: pref.name,
              message: p === 'returned' ? '「いいえ」の項目の対応目標日をご確認ください。' : '',
              itemComments: p === 'returned' && firstNo ? [{ itemId: firstNo, comment: '対応の予定（目標日）を、院内の計画に合わせて見直してください。' }] : [],
            },
          ]
        : [],
    };
    items.push({ ...keys.response(scope, plan.id, f.id), ...keys.responseByFacility(scope, f.id, plan.id), type: 'Response', ...record });
  });
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [db.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const res = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = res.UnprocessedItems as typeof request;
    }
  }
}

const orgOf = (data: DemoTenant, email: string) => data.users.find((u) => u.email === email)?.orgId;

function previousPlan(data: DemoTenant): CampaignPlan {
  return {
    id: DEMO_PREVIOUS_CAMPAIGN_ID,
    fiscalYear: 2025,
    opensOn: '2025-06-02',
    deadline: '2025-12-26',
    // Last year's survey: almost everyone submitted; a third confirmed (a review is one more write per facility).
    shares: [0.06, 0.08, 0.56, 0.0],
    fixed: new Map([
      [orgOf(data, 'hospital-admin@tokushima.example.jp'), 'confirmed'],
      // The demo clinic did not answer last year: its answers start this year (and so do its vendor discrepancies,
      // which the browser tests create and explain on the current survey).
      [orgOf(data, 'clinic-director@tokushima.example.jp'), 'not_started'],
    ]),
  };
}

function currentPlan(data: DemoTenant): CampaignPlan {
  return {
    id: DEMO_CURRENT_CAMPAIGN_ID,
    fiscalYear: 2026,
    opensOn: '2026-10-01',
    deadline: '2027-01-29',
    shares: [0.22, 0.33, 0.2, 0.07],
    fixed: new Map([
      [orgOf(data, 'hospital-admin@tokushima.example.jp'), 'submitted'],
      [orgOf(data, 'clinic-director@tokushima.example.jp'), 'in_progress'],
    ]),
  };
}

/** How far each facility has got in the 令和8年度 demo campaign (for tests that need, say, a facility not started). */
export const currentYearPlans = (data: DemoTenant): Map<string, Plan> => plansOf(data, currentPlan(data));

/**
 * 令和7年度 (closed, most facilities submitted and confirmed) and 令和8年度 (open until 2027-01-29, 「あと 54 日」 on
 * 2026-12-06; about a fifth not started, a third in progress, the rest submitted, returned or confirmed). The
 * hospital administrator's facility has submitted this year and the clinic director's is answering.
 */
export async function seedDemoCampaigns(db: Db, repos: Repositories, data: DemoTenant): Promise<void> {
  await seedCampaign(db, repos, data, previousPlan(data));
  const previous = await repos.campaigns.get(DEMO_PREVIOUS_CAMPAIGN_ID);
  if (previous && (previous.status ?? 'open') === 'open') {
    const pref: Actor = { userId: 'seed', name: `${data.tenant.name} 医療政策課`, role: 'pref_admin', orgId: 'pref', requestId: 'seed-r7-close' };
    await repos.campaignLifecycle.setStatus(previous, { expectedVersion: previous.version ?? 0, status: 'closed' }, pref);
  }
  await seedCampaign(db, repos, data, currentPlan(data));
}
