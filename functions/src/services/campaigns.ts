import { randomUUID } from 'node:crypto';
import type { CampaignTarget, CreateCampaignBody, CreateCampaignResponse, FieldError } from '@mcr/contract';
import type { Actor, CampaignRecord, FacilityRecord, InitialResponse, Repositories } from '@mcr/data';
import { type Answers, carryForward } from '@mcr/domain';
import { ValidationError } from '../pipeline/errors.ts';
import { toCampaign, toEvaluation } from './response-view.ts';
import { resolveTemplate } from './templates.ts';

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

/**
 * Each facility's last answers on the previous version of the template: from the newest campaign on that
 * version in which the facility answered anything.
 */
async function lastAnswersOn(repos: Repositories, previousTemplateId: string): Promise<Map<string, Answers>> {
  const campaigns = (await repos.campaigns.list()).filter((c) => c.templateId === previousTemplateId).sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  const last = new Map<string, Answers>();
  for (const c of campaigns) {
    for (const r of await repos.responses.listOfCampaign(c.id)) {
      if (!last.has(r.facilityId) && Object.keys(r.answers).length > 0) last.set(r.facilityId, r.answers);
    }
  }
  return last;
}

const field = (name: string, code: string, ja: string, en: string): FieldError => ({ field: `body.${name}`, code, message: { ja, en } });

/** Distributes a template version to the chosen facilities, starting each with its carried-forward answers. */
export async function createCampaign(repos: Repositories, body: CreateCampaignBody, actor: Actor): Promise<CreateCampaignResponse> {
  const resolved = await resolveTemplate(repos, body.templateId).catch(() => undefined);
  if (!resolved) throw new ValidationError([field('templateId', 'unknown_template', 'この様式は登録されていません', 'No such template')]);
  const { template } = resolved;
  if (template.form !== 'facility') {
    throw new ValidationError([field('templateId', 'not_facility_form', '医療機関確認用の様式を選んでください', 'Choose a facility form (医療機関確認用)')]);
  }
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
  const facilities = (await repos.facilities.list()).filter((f) => inTarget(body.target, f));
  if (facilities.length === 0) throw new ValidationError([field('target', 'no_facilities', '対象の医療機関がありません', 'No facility matches the target')]);

  const [withContract, previous] = await Promise.all([
    repos.contracts.facilitiesWithAnyContract(),
    template.previousId ? Promise.all([resolveTemplate(repos, template.previousId), lastAnswersOn(repos, template.previousId)]) : undefined,
  ]);
  let carried = 0;
  const initial: InitialResponse[] = facilities.map((facility) => {
    const before = previous?.[1].get(facility.id);
    const answers = before && previous ? carryForward(previous[0].template, before, template) : {};
    if (Object.keys(answers).length) carried++;
    const context = { hasVendorContract: withContract.has(facility.id) };
    return { facility, answers, context, evaluation: toEvaluation(template, answers, context.hasVendorContract) };
  });
  const record: CampaignRecord = {
    id: `fy${body.fiscalYear}-${randomUUID().slice(0, 8)}`,
    title: { ja: body.title.ja, en: body.title.en || body.title.ja },
    templateId: template.id,
    fiscalYear: body.fiscalYear,
    opensOn: body.opensOn,
    deadline: body.deadline,
    roundDeadlines: body.roundDeadlines,
    createdAt: new Date().toISOString(),
  };
  await repos.campaigns.create(record, initial, actor);
  return { campaign: toCampaign(record), facilities: initial.length, carriedForward: carried };
}
