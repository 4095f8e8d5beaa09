import type { Evaluation } from '@mcr/contract';
import type { Actor, FacilityRecord, Repositories } from '@mcr/data';
import { type Answers, allItems, evaluationSummary, getBuiltInTemplate, type Template, todayInJapan } from '@mcr/domain';
import { rng } from './demo-answers.ts';
import type { DemoTenant } from './demo-data.ts';

/**
 * Demo BCP 確認表 survey (issue 10): 「令和8年度 サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」, opened on
 * 2026-10-01 for the tenant's hospitals and clinics as they are stored (not a list of ids), with a realistic
 * spread: about a quarter not started, a quarter answering, the rest submitted, half of those already confirmed
 * by the prefecture. Answers are mostly はい on the preparations of normal times and weaker on detection, forensics
 * and recovery, as the MHLW survey of 2024 found (BCPs that assume a cyber attack were rare); every いいえ carries a
 * 目標日 in the fiscal year. The hospital administrator's hospital has submitted; the clinic director's clinic is
 * half way, so the demo shows both on `/bcp`. Written through the same repository calls as the API, so the read
 * models and the audit log follow. A campaign already there is left alone.
 */
export const DEMO_BCP_CAMPAIGN_ID = 'fy2026-bcp';

const pad = (n: number) => String(n).padStart(2, '0');
/** Weak 大項目 of real BCPs: detection by staff, forensics and reporting, restoring from backups, disclosure. */
const WEAK = new Set(['detection-2', 'detection-3', 'initial-response-5', 'initial-response-6', 'recovery-3', 'post-incident-6', 'normal-8']);

function bcpAnswers(template: Template, seed: number, share: number): Answers {
  const random = rng(seed);
  const diligence = 0.6 + random() * 0.38;
  const answers: Answers = {};
  // Checked between 2026-10-01 and 2026-11-28: before today in the demo's present (2026-12-06).
  const day = () => `2026-${pad(10 + Math.floor(random() * 2))}-${pad(1 + Math.floor(random() * 28))}`;
  const items = allItems(template);
  for (const item of items.slice(0, Math.round(items.length * share))) {
    const yes = random() < (WEAK.has(item.id) ? diligence - 0.4 : diligence);
    const checkedOn = day();
    answers[`${item.id}:system`] = {
      '1': yes
        ? { value: 'yes', checkedOn }
        : {
            value: 'no',
            checkedOn,
            targetDate: random() < 0.5 ? `2027-01-${pad(10 + Math.floor(random() * 20))}` : `2027-03-${pad(1 + Math.floor(random() * 28))}`,
          },
    };
  }
  return answers;
}

type Plan = 'not_started' | 'in_progress' | 'submitted' | 'confirmed';

export async function seedDemoBcp(repos: Repositories, data: DemoTenant): Promise<void> {
  const template = getBuiltInTemplate('mhlw-bcp-r6');
  if (await repos.campaigns.get(DEMO_BCP_CAMPAIGN_ID)) return;
  const pref: Actor = { userId: 'seed', name: `${data.tenant.name} 医療政策課`, role: 'pref_admin', orgId: 'pref', requestId: 'seed-bcp' };
  const facilities = (await repos.facilities.list()).filter((f) => f.kind === 'hospital' || f.kind === 'clinic').sort((a, b) => a.id.localeCompare(b.id));
  if (facilities.length === 0) return;
  const today = todayInJapan();
  const evaluationOf = (answers: Answers): Evaluation => evaluationSummary(template, answers, { hasVendorContract: false }, today);
  const campaign = {
    id: DEMO_BCP_CAMPAIGN_ID,
    title: { ja: '令和8年度 サイバー攻撃を想定した事業継続計画（BCP）策定の確認表', en: 'FY2026 check table for a BCP that assumes a cyber attack' },
    templateId: template.id,
    fiscalYear: 2026,
    opensOn: '2026-10-01',
    deadline: '2027-01-29',
    createdAt: '2026-10-01T00:00:00.000Z',
    form: 'bcp' as const,
  };
  // The BCP rules need no facility context (no vendor-contract items): every response starts empty.
  await repos.campaigns.create(
    campaign,
    facilities.map((facility: FacilityRecord) => ({ facility, answers: {}, context: { hasVendorContract: false }, evaluation: evaluationOf({}) })),
    pref,
  );

  const orgOf = (email: string) => data.users.find((u) => u.email === email)?.orgId;
  const fixed = new Map<string | undefined, Plan>([
    [orgOf('hospital-admin@tokushima.example.jp'), 'submitted'],
    [orgOf('clinic-director@tokushima.example.jp'), 'in_progress'],
  ]);
  const random = rng(Number(data.tenant.tenantId) * 7 + 2026);
  const plans = facilities.map((f): [FacilityRecord, Plan] => {
    const roll = random();
    return [f, fixed.get(f.id) ?? (roll < 0.25 ? 'not_started' : roll < 0.5 ? 'in_progress' : roll < 0.75 ? 'submitted' : 'confirmed')];
  });
  for (let i = 0; i < plans.length; i += 10) {
    await Promise.all(
      plans.slice(i, i + 10).map(async ([f, plan], j) => {
        if (plan === 'not_started') return;
        const done = plan === 'submitted' || plan === 'confirmed';
        const answers = bcpAnswers(template, 9000 + i + j, done ? 1 : 0.3 + random() * 0.5);
        const evaluation = evaluationOf(answers);
        const actor: Actor = { userId: 'seed', name: 'デモデータ', role: 'facility_admin', orgId: f.id, requestId: `seed-bcp-${f.id}` };
        const context = { hasVendorContract: false };
        await repos.responses.save(
          campaign.id,
          f.id,
          { expectedVersion: 0, answers, evaluation, status: 'in_progress', previousStatus: 'not_started', changes: 'demo data', context },
          actor,
        );
        if (!done) return;
        const submitted = await repos.responses.submit(
          campaign.id,
          f.id,
          { expectedVersion: 1, round: 1, previousStatus: 'in_progress', answers, evaluation, context },
          actor,
        );
        if (plan !== 'confirmed') return;
        await repos.responses.review(
          campaign.id,
          f.id,
          {
            expectedVersion: submitted.version,
            review: { action: 'confirmed', round: 1, at: new Date().toISOString(), by: 'seed', byName: pref.name, message: '', itemComments: [] },
          },
          // A request id per review: the audit key is <at>#<requestId>#0, and ten reviews run at once (two in one
          // millisecond with one request id collided and stopped the seed).
          { ...pref, requestId: `seed-bcp-review-${f.id}` },
        );
      }),
    );
  }
}
