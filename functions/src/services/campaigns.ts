import { randomUUID } from 'node:crypto';
import type { Campaign, CampaignTarget, CreateCampaignBody, CreateCampaignResponse, FieldError } from '@mcr/contract';
import type { Actor, CampaignCreation, CampaignRecord, FacilityRecord, InitialResponse, Repositories } from '@mcr/data';
import { type Answers, campaignDateIssues, carryForward } from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { HttpError, ValidationError } from '../pipeline/errors.ts';
import { enqueueJob, JOB_STALE_MS, JobFailure, type JobRunner } from './jobs.ts';
import { toCampaign, toEvaluation } from './response-view.ts';
import { resolveTemplate } from './templates.ts';
import { contractedAmong, writeVendorCampaign } from './vendor-responses.ts';

function inTarget(target: CampaignTarget, f: FacilityRecord): boolean {
  switch (target.kind) {
    case 'all':
      return true;
    case 'facility_kinds':
      return target.kinds.includes(f.kind);
    case 'health_centers':
      return target.ids.includes(f.healthCenterId);
    case 'facilities':
      return target.ids.includes(f.id);
  }
}

/** Facilities per chunk of the creating job: one progress update per chunk. */
export const CREATE_CHUNK = 500;
export const CAMPAIGN_CREATE_JOB = 'campaign.create';

export interface CampaignCreateInput {
  campaignId: string;
}
export interface CampaignCreateResult {
  campaignId: string;
  facilities: number;
  carriedForward: number;
}

/**
 * The last answers of some facilities on the previous version of the template, with their notes: from the
 * newest campaign on that version in which the facility answered anything (campaigns newest first).
 */
async function lastAnswersOf(
  repos: Pick<Repositories, 'responses'>,
  previousCampaigns: readonly CampaignRecord[],
  facilityIds: readonly string[],
): Promise<Map<string, Answers>> {
  const last = new Map<string, Answers>();
  for (const c of previousCampaigns) {
    const open = facilityIds.filter((id) => !last.has(id));
    if (open.length === 0) break;
    for (const r of await repos.responses.getManyWithNotes(c.id, open)) {
      if (Object.keys(r.answers ?? {}).length > 0) last.set(r.facilityId, r.answers);
    }
  }
  return last;
}

const field = (name: string, code: string, ja: string, en: string): FieldError => ({ field: `body.${name}`, code, message: { ja, en } });

/** The campaign as the API shows it; a creation that stopped reporting is shown as failed. */
export function campaignView(c: CampaignRecord, now = Date.now()): Campaign {
  const view = toCampaign(c);
  if (!c.creation) return view;
  const { jobId: _jobId, error, ...creation } = c.creation;
  const stalled = creation.status === 'creating' && now - Date.parse(creation.updatedAt) > JOB_STALE_MS;
  return {
    ...view,
    creation: {
      ...creation,
      ...(stalled ? { status: 'failed' as const } : {}),
      ...(error ? { error: error.message } : stalled ? { error: STALLED } : {}),
    },
  };
}

const STALLED = { ja: '作成が途中で止まりました。再開してください。', en: 'Creation stopped before it finished. Please resume it.' };

/**
 * Distributes a template version to the chosen facilities. The request checks the body, freezes the matching
 * facilities and writes the campaign in state `creating` (with its audit entry); a background job writes one
 * response per facility (carrying last year's answers forward) and opens the campaign (202).
 */
export async function createCampaign(
  repos: Pick<Repositories, 'campaigns' | 'contracts' | 'facilities' | 'jobs' | 'templates'>,
  identity: Identity,
  body: CreateCampaignBody,
  actor: Actor,
): Promise<CreateCampaignResponse> {
  const resolved = await resolveTemplate(repos, body.templateId).catch(() => undefined);
  if (!resolved) throw new ValidationError([field('templateId', 'unknown_template', 'この様式は登録されていません', 'No such template')]);
  const { template } = resolved;
  if (body.fiscalYear < template.fiscalYear) {
    throw new ValidationError([
      field(
        'fiscalYear',
        'before_template',
        `この様式は${template.label.ja}です。それより前の年度には使えません`,
        `This template is the ${template.label.en}; it cannot be used for an earlier year`,
      ),
    ]);
  }
  // Dates inside a sane window of the fiscal year, deadlines in order (docs/decisions/0016-campaign-dates-and-lifecycle.md).
  const dateIssues = campaignDateIssues(body);
  if (dateIssues.length) throw new ValidationError(dateIssues.map((i) => field(i.field, i.code, i.ja, i.en)));
  const facilities = (await repos.facilities.list()).filter((f) => inTarget(body.target, f));
  if (facilities.length === 0) throw new ValidationError([field('target', 'no_facilities', '対象の医療機関がありません', 'No facility matches the target')]);
  const ids = facilities.map((f) => f.id).sort();
  // A vendor form goes to the vendors contracted by the chosen facilities: some of them must have one.
  if (template.form === 'vendor' && (await contractedAmong(repos, ids)) === 0) {
    throw new ValidationError([field('target', 'no_vendors', '対象の医療機関に契約事業者がありません', 'None of the chosen facilities has a vendor contract')]);
  }
  const jobId = randomUUID();
  const now = new Date().toISOString();
  const record: CampaignRecord & { creation: CampaignCreation } = {
    id: `fy${body.fiscalYear}-${randomUUID().slice(0, 8)}`,
    title: { ja: body.title.ja, en: body.title.en || body.title.ja },
    templateId: template.id,
    fiscalYear: body.fiscalYear,
    opensOn: body.opensOn,
    deadline: body.deadline,
    roundDeadlines: body.roundDeadlines,
    createdAt: now,
    creation: { status: 'creating', jobId, processed: 0, total: ids.length, carriedForward: 0, updatedAt: now },
    // A BCP 確認表 campaign is answered by the facilities like the checklist; `form` tells the screens apart.
    ...(template.form === 'vendor' ? { form: 'vendor' as const } : template.form === 'bcp' ? { form: 'bcp' as const } : {}),
  };
  await repos.campaigns.begin(record, ids, actor);
  await startCreationJob(repos, identity, record.id, jobId, ids.length);
  return { campaign: campaignView(record), facilities: ids.length, carriedForward: 0 };
}

async function startCreationJob(repos: Pick<Repositories, 'campaigns' | 'jobs'>, identity: Identity, campaignId: string, jobId: string, total: number) {
  try {
    await enqueueJob<CampaignCreateInput>(repos, identity, { id: jobId, kind: CAMPAIGN_CREATE_JOB, input: { campaignId }, total });
  } catch (err) {
    await repos.campaigns.failCreation(campaignId, jobId, {
      code: 'dispatch_failed',
      message: { ja: '作成を開始できませんでした', en: 'Creation could not be started' },
    });
    throw err;
  }
}

/** Hands a failed (or stalled) creation to a new job, which goes on from the last chunk written. */
export async function retryCampaignCreation(
  repos: Pick<Repositories, 'campaigns' | 'jobs'>,
  identity: Identity,
  campaignId: string,
  actor: Actor,
): Promise<Campaign> {
  const c = await repos.campaigns.require(campaignId);
  const jobId = randomUUID();
  // What the retry took over: the state it found (a failure and its code, or a stalled job) and how far it had got.
  const found = c.creation && {
    from: c.creation.status,
    ...(c.creation.error ? { error: c.creation.error.code } : {}),
    previousJobId: c.creation.jobId,
    processed: c.creation.processed,
    total: c.creation.total,
  };
  if (!found || !(await repos.campaigns.restartCreation(campaignId, jobId, new Date(Date.now() - JOB_STALE_MS).toISOString(), actor, found))) {
    throw new HttpError(409, 'LOCKED', {
      ja: 'この調査は作成済みか、作成中です。再開できるのは作成に失敗した調査だけです。',
      en: 'This campaign is created or still being created; only a failed creation can be resumed.',
    });
  }
  await startCreationJob(repos, identity, campaignId, jobId, found.total);
  return campaignView(await repos.campaigns.require(campaignId));
}

/**
 * The creating job: writes the responses of the frozen facility list in chunks of {@link CREATE_CHUNK}, each
 * with its carried-forward answers, reports progress on the job and on the campaign after every chunk, and
 * opens the campaign at the end. A repeated run starts after the last chunk reported; the responses are plain
 * puts of the same items, so writing a chunk twice changes nothing. A failure is recorded on the campaign.
 */
export const runCampaignCreate: JobRunner<CampaignCreateInput, CampaignCreateResult> = async ({ job, repos, progress, log }) => {
  const c = await repos.campaigns.get(job.input.campaignId);
  if (!c?.creation) throw new JobFailure('campaign_missing', { ja: '調査が見つかりません', en: 'The campaign was not found' });
  const { creation } = c;
  if (creation.jobId !== job.id || creation.status !== 'creating') {
    throw new JobFailure('superseded', { ja: 'この作成処理は無効になりました', en: 'This creation job is no longer current' });
  }
  try {
    const ids = await repos.campaigns.targetIds(c.id);
    const { template } = await resolveTemplate(repos, c.templateId);
    if (c.form === 'vendor') {
      // 事業者確認用: vendor responses and assignments instead of facility responses (services/vendor-responses.ts).
      const { carriedForward, vendors } = await writeVendorCampaign({ repos, progress, job }, { ...c, creation }, ids, template);
      await repos.campaigns.finishCreation(c.id, job.id, ids.length, carriedForward);
      log.info('vendor campaign created', { campaignId: c.id, facilities: ids.length, vendors, carriedForward });
      return { result: { campaignId: c.id, facilities: ids.length, carriedForward }, progress: { processed: ids.length, total: ids.length } };
    }
    const previous = template.previousId ? (await resolveTemplate(repos, template.previousId)).template : undefined;
    const previousCampaigns = previous
      ? (await repos.campaigns.list())
          .filter((x) => x.templateId === previous.id && x.id !== c.id && (!x.creation || x.creation.status === 'done'))
          .sort((a, b) => b.opensOn.localeCompare(a.opensOn))
      : [];
    const withContract = await repos.contracts.facilitiesWithAnyContract();
    let carried = creation.carriedForward;
    let written = creation.processed;
    for (let from = creation.processed; from < ids.length; from += CREATE_CHUNK) {
      const chunk = ids.slice(from, from + CREATE_CHUNK);
      const [facilities, last] = await Promise.all([
        repos.campaigns.facilitiesByIds(chunk),
        previous ? lastAnswersOf(repos, previousCampaigns, chunk) : Promise.resolve(new Map<string, Answers>()),
      ]);
      const initial: InitialResponse[] = facilities.map((facility) => {
        const before = last.get(facility.id);
        const answers = before && previous ? carryForward(previous, before, template) : {};
        if (Object.keys(answers).length) carried++;
        const context = { hasVendorContract: withContract.has(facility.id) };
        return { facility, answers, context, evaluation: toEvaluation(template, answers, context.hasVendorContract) };
      });
      await repos.campaigns.putResponses(c, initial);
      written = from + chunk.length;
      if (!(await repos.campaigns.creationProgress(c.id, job.id, written, carried))) {
        throw new JobFailure('superseded', { ja: 'この作成処理は無効になりました', en: 'This creation job is no longer current' });
      }
      await progress(written, ids.length);
    }
    const total = ids.length;
    await repos.campaigns.finishCreation(c.id, job.id, total, carried);
    log.info('campaign created', { campaignId: c.id, facilities: total, carriedForward: carried });
    return { result: { campaignId: c.id, facilities: total, carriedForward: carried }, progress: { processed: total, total } };
  } catch (err) {
    const failure = err instanceof JobFailure ? { code: err.code, message: err.text } : { code: 'failed', message: STALLED };
    if (!(err instanceof JobFailure && err.code === 'superseded')) await repos.campaigns.failCreation(c.id, job.id, failure).catch(() => undefined);
    throw err;
  }
};
