import type { Campaign, Evaluation, FieldError, ResponseStatus, ResponseView, SaveAnswersBody } from '@mcr/contract';
import {
  type CampaignRecord,
  EDITABLE_STATUSES,
  type FacilityRecord,
  MAX_NOTE_WRITES_PER_SAVE,
  type Repositories,
  type ResponseRecord,
  StateConflictError,
} from '@mcr/data';
import {
  type Answers,
  applicableCells,
  cellKey,
  completeness,
  effectiveDeadline,
  evaluationSummary,
  sameNotes,
  splitNotes,
  type Template,
  todayInJapan,
  validateAnswers,
} from '@mcr/domain';
import { HttpError, ValidationError } from '../pipeline/errors.ts';
import { resolveTemplate } from './templates.ts';

export function toCampaign(c: CampaignRecord): Campaign {
  return {
    id: c.id,
    title: c.title,
    templateId: c.templateId,
    fiscalYear: c.fiscalYear,
    opensOn: c.opensOn,
    deadline: c.deadline,
    roundDeadlines: c.roundDeadlines ?? {},
    form: c.form ?? 'facility',
    // campaign-lifecycle:begin
    status: c.status ?? 'open',
    version: c.version ?? 0,
    // campaign-lifecycle:end
  };
}

// campaign-lifecycle:begin
/** The campaign as one facility sees it: with its extended deadline, when the prefecture granted one. */
export function toFacilityCampaign(c: CampaignRecord, extendedTo?: string): Campaign {
  const deadline = effectiveDeadline(c, extendedTo);
  return { ...toCampaign(c), ...(deadline !== c.deadline ? { facilityDeadline: deadline } : {}) };
}
// campaign-lifecycle:end

export function toEvaluation(template: Template, answers: Answers, hasVendorContract: boolean, today = todayInJapan()): Evaluation {
  return evaluationSummary(template, answers, { hasVendorContract }, today);
}

/** Everything one facility's response screen needs, loaded in parallel. */
export async function loadResponse(
  repos: Pick<Repositories, 'campaignLifecycle' | 'campaigns' | 'contracts' | 'facilities' | 'responses' | 'templates'>,
  campaignId: string,
  facilityId: string,
) {
  const [facility, campaign, response, contracts, extension] = await Promise.all([
    repos.facilities.require(facilityId),
    repos.campaigns.require(campaignId),
    repos.responses.require(campaignId, facilityId),
    repos.contracts.listOfFacility(facilityId),
    repos.campaignLifecycle.getExtension(campaignId, facilityId), // campaign-lifecycle
  ]);
  assertOpen(campaign);
  const { template } = await resolveTemplate(repos, campaign.templateId);
  return { facility, campaign, response, template, hasVendorContract: contracts.length > 0, extension };
}

/** A campaign whose responses are still being written (or whose creation failed) is not open to anyone yet. */
export function assertOpen(campaign: CampaignRecord): void {
  if (campaign.creation && campaign.creation.status !== 'done') {
    throw new HttpError(409, 'NOT_READY', {
      ja: 'この調査はまだ作成中です。作成が終わるまでお待ちください。',
      en: 'This campaign is still being created. Please wait until it is ready.',
    });
  }
}

/** What the audit log keeps of a save: the changes, each note cut to its first 100 characters with its length. */
export function auditedChanges(body: SaveAnswersBody): unknown {
  return body.changes.map((c) => {
    const note = c.answer?.note;
    if (note === undefined || note.length <= 100 || !c.answer) return c;
    return { ...c, answer: { ...c.answer, note: `${note.slice(0, 100)}…`, noteLength: note.length } };
  });
}

export function buildResponseView(
  loaded: {
    campaign: CampaignRecord;
    facility: FacilityRecord;
    template: Template;
    hasVendorContract: boolean;
    extension?: { extendedTo: string } | undefined;
  },
  response: ResponseRecord,
): ResponseView {
  return {
    campaign: toFacilityCampaign(loaded.campaign, loaded.extension?.extendedTo),
    facility: { id: loaded.facility.id, name: loaded.facility.name },
    template: loaded.template,
    context: { hasVendorContract: loaded.hasVendorContract },
    answers: response.answers,
    status: response.status,
    version: response.version,
    // Re-evaluated on read so overdue target dates follow today's date, not the date of the last save.
    evaluation: toEvaluation(loaded.template, response.answers, loaded.hasVendorContract),
    updatedAt: response.updatedAt,
    submissions: response.submissions,
    reviews: response.reviews,
  };
}

function assertEditable(response: ResponseRecord) {
  if (!EDITABLE_STATUSES.includes(response.status)) throw new StateConflictError('response', response.status);
}

/** Applies a batch of cell changes, validates the result with the domain rules, and computes the new state. */
export function applyChanges(
  loaded: { campaign: CampaignRecord; template: Template; hasVendorContract: boolean },
  response: ResponseRecord,
  body: SaveAnswersBody,
) {
  assertEditable(response);
  const { template, campaign, hasVendorContract } = loaded;
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

  // Each cell whose notes change is one note item in the save's transaction (docs/data-model.md).
  const before = splitNotes(response.answers).notes;
  const after = splitNotes(answers).notes;
  const touched = new Set(body.changes.map((c) => cellKey(c.itemId, c.deviceClass)));
  const noteCells = [...touched].filter((k) => !sameNotes(before.get(k), after.get(k))).length;
  if (noteCells > MAX_NOTE_WRITES_PER_SAVE) {
    throw new ValidationError([
      {
        field: 'body.changes',
        code: 'too_many_notes',
        message: {
          ja: `1回の保存で備考を変更できるのは ${MAX_NOTE_WRITES_PER_SAVE} 欄までです（${noteCells} 欄）。分けて保存してください。`,
          en: `One save may change the notes of at most ${MAX_NOTE_WRITES_PER_SAVE} cells (${noteCells}). Save in smaller parts.`,
        },
      },
    ]);
  }

  const problems = validateAnswers(template, answers, { hasVendorContract }, { fiscalYear: campaign.fiscalYear, today: todayInJapan() });
  for (const p of problems) {
    // Domain paths read `2-4:server.1.targetDate`; name the change that caused it so the form can mark the input.
    const [key, round, ...rest] = p.path.split('.');
    const index = body.changes.findIndex((c) => cellKey(c.itemId, c.deviceClass) === key && String(c.round) === round);
    // A problem elsewhere (e.g. a round 2 left behind when round 1 is cleared) is named by its cell.
    const at = index >= 0 ? ['body', `changes[${index}]`, 'answer', ...rest].join('.') : `answers.${p.path}`;
    fields.push({ field: at, code: p.code, message: { ja: p.ja, en: p.en } });
  }
  if (fields.length) throw new ValidationError(fields);

  const status: ResponseStatus = response.status === 'not_started' ? 'in_progress' : response.status;
  return { answers, evaluation: toEvaluation(template, answers, hasVendorContract), status };
}

/**
 * What still blocks submitting `round`: round 1 needs the checklist complete for inspection (carried-forward
 * answers confirmed); a later round needs every applicable, non-参考 cell answered in that round.
 */
export function missingForRound(template: Template, answers: Answers, hasVendorContract: boolean, round: 1 | 2 | 3): FieldError[] {
  const ctx = { hasVendorContract };
  if (round === 1) {
    return completeness(template, answers, ctx).missing.map((m) => ({
      field: `answers.${m.key}.1`,
      code: m.reason === 'carried-forward' ? 'carried_forward_unconfirmed' : 'unanswered',
      message:
        m.reason === 'carried-forward'
          ? {
              ja: `${m.number || m.text.ja}: 前年度からの引継ぎ回答を確認してください`,
              en: `${m.number || m.text.en}: confirm the answer carried forward from last year`,
            }
          : { ja: `${m.number || m.text.ja}: 未回答です`, en: `${m.number || m.text.en}: not answered` },
    }));
  }
  return applicableCells(template, answers, ctx)
    .filter((c) => !c.reference && !answers[c.key]?.[String(round) as '2' | '3'])
    .map((c) => ({
      field: `answers.${c.key}.${round}`,
      code: 'unanswered',
      message: { ja: `${c.number || c.text.ja}: ${round}回目が未回答です`, en: `${c.number || c.text.en}: round ${round} not answered` },
    }));
}

export function incomplete(fields: FieldError[]): HttpError {
  return new HttpError(
    400,
    'INCOMPLETE',
    {
      ja: `未回答の項目が ${fields.length} 件あります。すべて回答してから提出してください。`,
      en: `${fields.length} answer(s) missing. Answer every item before submitting.`,
    },
    fields,
  );
}
