import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Actor, type CampaignCreation, type CampaignRecord, createRepositories, type Db, DEFAULT_VENDOR_PROFILE, type JobRecord } from '@mcr/data';
import { getBuiltInTemplate } from '@mcr/domain';
import { demoAnswers } from './demo-answers.ts';
import type { DemoTenant } from './demo-data.ts';

/** The demo 事業者確認用 campaign of 徳島県: the same fiscal year as the demo facility campaign (令和6年度). */
export const DEMO_VENDOR_CAMPAIGN = {
  id: 'r6-vendor',
  templateId: 'mhlw-vendor-r6',
  title: { ja: '令和6年度 事業者確認用チェックリスト', en: 'FY2024 Cybersecurity checklist for vendors' },
} as const;

/** 阿波メディカル has answered its standard answer and submitted; 四国IT has started. */
export const DEMO_VENDOR_SUBMITTED = 'v-awa-medical';
export const DEMO_VENDOR_STARTED = 'v-shikoku-it';

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Writes the demo vendor campaign through the creation code of the API (the frozen target and the creating
 * job's vendor writer, in-process, no per-facility request), then lets two vendors answer through the same
 * repository writes as the API.
 */
export async function seedDemoVendorCampaign(db: Db, data: DemoTenant): Promise<void> {
  const repos = createRepositories(db, { tenantId: data.tenant.tenantId });
  const template = getBuiltInTemplate(DEMO_VENDOR_CAMPAIGN.templateId);
  if (!template) throw new Error(`Unknown template ${DEMO_VENDOR_CAMPAIGN.templateId}`);
  const service = (await import(
    pathToFileURL(path.join(REPO_ROOT, 'functions/src/services/vendor-responses.ts')).href
  )) as typeof import('../../../../functions/src/services/vendor-responses.ts');
  const system: Actor = { userId: 'seed', name: 'デモデータ', role: 'pref_admin', orgId: 'pref', requestId: 'seed-vendor-campaign' };
  const { campaign } = data;
  const ids = data.facilities.map((f) => f.id).sort();
  // Opened the day before the facility campaign: lists and the header's ダッシュボード (the newest open survey) keep
  // showing the facility campaign first.
  const opensOn = dayBefore(campaign.opensOn);
  const createdAt = `${opensOn}T00:00:00.000Z`;
  const record: CampaignRecord & { creation: CampaignCreation } = {
    id: DEMO_VENDOR_CAMPAIGN.id,
    title: DEMO_VENDOR_CAMPAIGN.title,
    templateId: template.id,
    fiscalYear: campaign.fiscalYear,
    opensOn,
    deadline: campaign.deadline,
    roundDeadlines: {},
    createdAt,
    form: 'vendor',
    creation: { status: 'creating', jobId: 'seed', processed: 0, total: ids.length, carriedForward: 0, updatedAt: new Date().toISOString() },
  };
  await repos.campaigns.begin(record, ids, system);
  const job = { id: 'seed' } as JobRecord;
  const { carriedForward } = await service.writeVendorCampaign({ repos, job, progress: async () => undefined }, record, ids, template);
  await repos.campaigns.finishCreation(record.id, 'seed', ids.length, carriedForward);

  const answer = async (vendorId: string, share: number, submit: boolean) => {
    const response = await repos.vendorResponses.get(record.id, vendorId);
    if (!response) return;
    const actor: Actor = { userId: 'seed', name: 'デモデータ', role: 'vendor_user', orgId: vendorId, requestId: `seed-${vendorId}` };
    const answers = demoAnswers(template, record.fiscalYear, true, vendorId.length * 7, share);
    await repos.vendorResponses.saveProfile(
      {
        campaignId: record.id,
        vendorId,
        profileId: DEFAULT_VENDOR_PROFILE.id,
        expectedVersion: 1,
        name: DEFAULT_VENDOR_PROFILE.name,
        systems: [],
        answers,
        seenStatus: response.status,
      },
      actor,
      'demo data',
    );
    if (submit)
      await repos.vendorResponses.submit({ campaignId: record.id, vendorId, expectedVersion: response.version + 1, round: 1, submissions: [] }, actor);
  };
  await answer(DEMO_VENDOR_SUBMITTED, 1, true);
  await answer(DEMO_VENDOR_STARTED, 0.4, false);
}
