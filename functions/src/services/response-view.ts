import type { Campaign, Evaluation, FieldError, ResponseStatus, ResponseView, SaveAnswersBody } from '@mcr/contract';
import type { CampaignRecord, FacilityRecord, ResponseRecord } from '@mcr/data';
import { type Answers, cellKey, evaluate, getBuiltInTemplate, type Template, validateAnswers } from '@mcr/domain';
import { HttpError, ValidationError } from '../pipeline/errors.ts';

export function toCampaign(c: CampaignRecord): Campaign {
  return { id: c.id, title: c.title, templateId: c.templateId, fiscalYear: c.fiscalYear, opensOn: c.opensOn, deadline: c.deadline };
}

export function templateOf(campaign: CampaignRecord): Template {
  const t = getBuiltInTemplate(campaign.templateId);
  if (!t) throw new Error(`Unknown template ${campaign.templateId}`);
  return t;
}

/** Today in Japan, where the fiscal year and target dates are counted. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

export function toEvaluation(template: Template, answers: Answers, hasVendorContract: boolean, today = todayInJapan()): Evaluation {
  const e = evaluate(template, answers, { hasVendorContract }, today);
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

export function buildResponseView(campaign: CampaignRecord, facility: FacilityRecord, response: ResponseRecord, hasVendorContract: boolean): ResponseView {
  const template = templateOf(campaign);
  return {
    campaign: toCampaign(campaign),
    facility: { id: facility.id, name: facility.name },
    template,
    context: { hasVendorContract },
    answers: response.answers,
    status: response.status,
    version: response.version,
    // Re-evaluated on read so overdue target dates follow today's date, not the date of the last save.
    evaluation: toEvaluation(template, response.answers, hasVendorContract),
    updatedAt: response.updatedAt,
  };
}

const LOCKED = {
  ja: '提出済みの回答は変更できません。差戻しを受けてから修正してください。',
  en: 'A submitted response cannot be changed until it is sent back.',
};

/** Applies a batch of cell changes, validates the result with the domain rules, and computes the new state. */
export function applyChanges(campaign: CampaignRecord, response: ResponseRecord, body: SaveAnswersBody, hasVendorContract: boolean) {
  if (response.status === 'submitted' || response.status === 'confirmed') throw new HttpError(409, 'VERSION_CONFLICT', LOCKED);
  const template = templateOf(campaign);
  const known = new Map(template.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
  const fields: FieldError[] = [];
  const answers: Answers = structuredClone(response.answers);
  body.changes.forEach((change, index) => {
    const item = known.get(change.itemId);
    if (!item) {
      fields.push({
        field: `body.changes[${index}].itemId`,
        code: 'unknown_item',
        message: { ja: 'この調査票にない項目です', en: 'No such item on this form' },
      });
      return;
    }
    if (!(item.cells as readonly string[]).includes(change.deviceClass)) {
      fields.push({
        field: `body.changes[${index}].deviceClass`,
        code: 'unknown_cell',
        message: { ja: 'この項目では回答できない機器区分です', en: 'This item is not answered for that device class' },
      });
      return;
    }
    const key = cellKey(change.itemId, change.deviceClass);
    const cell = { ...(answers[key] ?? {}) };
    const round = String(change.round) as '1' | '2' | '3';
    if (change.answer) cell[round] = change.answer;
    else delete cell[round];
    if (Object.keys(cell).length) answers[key] = cell;
    else delete answers[key];
  });
  if (fields.length) throw new ValidationError(fields);

  const problems = validateAnswers(template, answers, { hasVendorContract }, { fiscalYear: campaign.fiscalYear });
  for (const p of problems) {
    // Domain paths read `2-4:server.1.targetDate`; name the change that caused it so the form can mark the input.
    const [key, round, ...rest] = p.path.split('.');
    const index = body.changes.findIndex((c) => cellKey(c.itemId, c.deviceClass) === key && String(c.round) === round);
    const field = index >= 0 ? ['body', `changes[${index}]`, 'answer', ...rest].join('.') : `answers.${p.path}`;
    fields.push({ field, code: p.code, message: { ja: p.ja, en: p.en } });
  }
  if (fields.length) throw new ValidationError(fields);

  const status: ResponseStatus = response.status === 'not_started' ? 'in_progress' : response.status;
  return { answers, evaluation: toEvaluation(template, answers, hasVendorContract), status };
}
