import { PassThrough } from 'node:stream';
import type { ExportFormat } from '@mcr/contract';
import { todayInJapan } from '@mcr/domain';
import { CONTENT_TYPES, exportObjectKey, uploadExport } from '../export-files.ts';
import { JobFailure, type JobRunner } from '../jobs.ts';
import { resolveTemplate } from '../templates.ts';
// lean: the writers load exceljs on their first xlsx (services/exceljs.ts), so importing them costs nothing at a cold start.
// (A dynamic import of them would make esbuild keep every export of every package they import: decision 0025.)
import { bcpFormXlsx } from './bcp-form.ts';
import { type CampaignAnswersSummary, writeCampaignAnswers } from './campaign-answers.ts';
import { officialFormXlsx } from './official-form.ts';

/** Job kinds of the exports, as stored on the job item. */
export const EXPORT_JOB_KINDS = { 'facility-official': 'export.facility-official', 'campaign-answers': 'export.campaign-answers' } as const;

export interface FacilityOfficialInput {
  campaignId: string;
  facilityId: string;
}

export interface CampaignAnswersJobInput {
  campaignId: string;
  format: ExportFormat;
  /** An inspector's 保健所, fixed from the identity when the job was created; absent for the whole tenant. */
  healthCenterId?: string;
}

/** What an export job leaves on its item: where the file is and how the user's download is named. */
export interface ExportResult {
  key: string;
  fileName: string;
  summary?: CampaignAnswersSummary;
}

/** Characters Windows does not allow in a file name. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 80);

const CAMPAIGN_GONE = new JobFailure('not_found', { ja: '調査が見つかりません', en: 'The campaign was not found' });

async function upload(key: string, contentType: string, fileName: string, write: (out: PassThrough) => Promise<void>): Promise<void> {
  const body = new PassThrough();
  const upload = uploadExport(key, body, contentType, fileName);
  const uploaded = upload.done();
  try {
    await write(body);
    await uploaded;
  } catch (err) {
    body.destroy();
    await upload.abort().catch(() => undefined);
    await uploaded.catch(() => undefined);
    throw err;
  }
}

/** One facility's checklist in the official MHLW layout; small, built in memory and uploaded at once. */
export const runFacilityOfficialExport: JobRunner<FacilityOfficialInput, ExportResult> = async ({ job, tenantId, repos }) => {
  const { campaignId, facilityId } = job.input;
  const [campaign, facility, response, contracts] = await Promise.all([
    repos.campaigns.get(campaignId),
    repos.facilities.get(facilityId),
    repos.responses.require(campaignId, facilityId).catch(() => undefined),
    repos.contracts.listOfFacility(facilityId),
  ]);
  if (!campaign || !facility || !response) throw CAMPAIGN_GONE;
  const { template } = await resolveTemplate(repos, campaign.templateId);
  // The BCP 確認表 has its own layout (項番 | 大項目 | 確認項目); the checklists share the official form's.
  const layout = template.form === 'bcp' ? bcpFormXlsx : officialFormXlsx;
  const file = await layout({
    template,
    campaign: { title: campaign.title.ja, fiscalYear: campaign.fiscalYear, roundDeadlines: campaign.roundDeadlines ?? {} },
    facility: { name: facility.name, medicalInstitutionCode: facility.medicalInstitutionCode },
    answers: response.answers,
    hasVendorContract: contracts.length > 0,
    generatedOn: todayInJapan(),
  });
  const fileName = `${safeName(`${template.form === 'bcp' ? 'BCP確認表' : 'チェックリスト'}_${facility.name}_${campaign.title.ja}`)}.xlsx`;
  const key = exportObjectKey(tenantId, job.id, 'official-form.xlsx');
  await upload(key, CONTENT_TYPES.xlsx, fileName, async (out) => {
    out.end(file);
  });
  return { result: { key, fileName }, progress: { processed: 1, total: 1 } };
};

/**
 * Every facility's answers to one campaign, read page by page and streamed into S3 (xlsx with the overdue and
 * missing lists, or CSV), with the job's progress written after every page.
 */
export const runCampaignAnswersExport: JobRunner<CampaignAnswersJobInput, ExportResult> = async ({ job, tenantId, repos, progress }) => {
  const { campaignId, format, healthCenterId } = job.input;
  const [campaign, aggregate, facilities, withContract] = await Promise.all([
    repos.campaigns.get(campaignId),
    repos.campaigns.aggregate(campaignId),
    repos.facilities.list({ healthCenterId }),
    repos.contracts.facilitiesWithAnyContract(),
  ]);
  if (!campaign) throw CAMPAIGN_GONE;
  const { template } = await resolveTemplate(repos, campaign.templateId);
  const directory = new Map(facilities.map((f) => [f.id, { medicalInstitutionCode: f.medicalInstitutionCode, medicalAreaName: f.medicalAreaName }]));
  // The prefecture's total is the campaign counter; an inspector's slice is at most its 保健所's facilities.
  const total = healthCenterId ? facilities.length : (aggregate?.facilities ?? facilities.length);
  await progress(0, total);
  const scope = healthCenterId ? '_保健所' : '';
  const fileName = `${safeName(`回答一覧_${campaign.title.ja}${scope}`)}.${format}`;
  const key = exportObjectKey(tenantId, job.id, `campaign-answers.${format}`);
  let summary: CampaignAnswersSummary | undefined;
  await upload(key, CONTENT_TYPES[format], fileName, async (out) => {
    summary = await writeCampaignAnswers({
      template,
      pages: repos.responsePages.ofCampaign(campaignId, { healthCenterId }),
      facilities: directory,
      withContract,
      today: todayInJapan(),
      format,
      out,
      onPage: (processed) => progress(processed, Math.max(total, processed)),
    });
  });
  const done = summary?.facilities ?? 0;
  return { result: { key, fileName, ...(summary ? { summary } : {}) }, progress: { processed: done, total: done } };
};
