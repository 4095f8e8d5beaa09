import type { ChecklistRef, CreateInspectionBody, FieldError, Inspection, ReadinessItem } from '@mcr/contract';
import type { CampaignRecord, FacilityRecord, InspectionPageKey, InspectionRecord, Repositories } from '@mcr/data';
import { evaluate, type Template } from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { ForbiddenError, ValidationError } from '../pipeline/errors.ts';
import { canReadFacility } from './access.ts';
import { resolveTemplate } from './templates.ts';

const NOT_YOURS = { ja: '管轄外の医療機関の立入検査は登録・変更できません', en: 'You can only plan and record inspections of facilities in your jurisdiction' };

/** The prefecture plans and records for every facility; a 保健所 only for the facilities of its own jurisdiction. */
export function assertCanPlanInspection(identity: Identity, facility: Pick<FacilityRecord, 'id' | 'healthCenterId'>): void {
  const allowed =
    identity.role === 'pref_admin' || (identity.role === 'inspector' && !!identity.healthCenterId && identity.healthCenterId === facility.healthCenterId);
  if (!allowed || !canReadFacility(identity, facility)) throw new ForbiddenError(NOT_YOURS);
}

export function toInspection(r: InspectionRecord): Inspection {
  return {
    id: r.id,
    facilityId: r.facilityId,
    facilityName: r.facilityName,
    healthCenterId: r.healthCenterId,
    healthCenterName: r.healthCenterName,
    date: r.date,
    status: r.status,
    result: r.result ?? null,
    findings: r.findings ?? '',
    followUpDue: r.followUpDue ?? null,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName ?? '',
  };
}

const fieldError = (name: string, code: string, ja: string, en: string): FieldError => ({ field: `body.${name}`, code, message: { ja, en } });

/** Cross-field rules the schema cannot say alone; each names its field, in Japanese and English. */
export function validateInspection(body: CreateInspectionBody, today: string): void {
  const errors: FieldError[] = [];
  if (body.date < '2000-01-01' || body.date > '2099-12-31') {
    errors.push(fieldError('date', 'date_out_of_range', '検査日は2000年から2099年の間で入力してください', 'The inspection date must be between 2000 and 2099'));
  }
  if (body.status === 'done' && !body.result) {
    errors.push(fieldError('result', 'result_required', '実施済みの検査には結果を選んでください', 'Choose the result of a done inspection'));
  }
  if (body.status !== 'done' && body.result) {
    errors.push(fieldError('result', 'result_only_when_done', '結果は実施済みの検査にだけ入力できます', 'Only a done inspection has a result'));
  }
  if (body.status === 'done' && body.date > today) {
    errors.push(fieldError('date', 'done_in_future', '実施済みの検査日に未来の日付は指定できません', 'A done inspection cannot be dated in the future'));
  }
  if (body.followUpDue && body.followUpDue < body.date) {
    errors.push(
      fieldError(
        'followUpDue',
        'follow_up_before_date',
        'フォローアップ期限は検査日以降にしてください',
        'The follow-up date must not be before the inspection date',
      ),
    );
  }
  if (body.followUpDue && body.followUpDue > '2099-12-31') {
    errors.push(fieldError('followUpDue', 'date_out_of_range', 'フォローアップ期限は2099年までにしてください', 'The follow-up date must be before 2100'));
  }
  if (errors.length) throw new ValidationError(errors);
}

/** The fields a write stores from a request body: text trimmed, empty values as null. */
export function fieldsOf(body: CreateInspectionBody) {
  return {
    date: body.date,
    status: body.status,
    result: body.status === 'done' ? (body.result ?? null) : null,
    findings: (body.findings ?? '').trim(),
    followUpDue: body.followUpDue ?? null,
  };
}

// Cursor: base64url of [healthCenterIndex, facilityId, date, id]. Only positions, never a partition: the query
// rebuilds the partition from the caller's own scope.
export interface InspectionCursor {
  hc: number;
  after: InspectionPageKey | undefined;
}

export function encodeCursor(c: InspectionCursor): string {
  return Buffer.from(JSON.stringify([c.hc, c.after?.facilityId ?? null, c.after?.date ?? null, c.after?.id ?? null])).toString('base64url');
}

const BAD_CURSOR = () =>
  new ValidationError([{ field: 'query.cursor', code: 'invalid_cursor', message: { ja: 'ページ指定 (cursor) が正しくありません', en: 'Invalid cursor' } }]);

export function decodeCursor(raw: string | undefined): InspectionCursor {
  if (!raw) return { hc: 0, after: undefined };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw BAD_CURSOR();
  }
  if (!Array.isArray(value) || value.length !== 4) throw BAD_CURSOR();
  const [hc, facilityId, date, id] = value as unknown[];
  if (typeof hc !== 'number' || !Number.isInteger(hc) || hc < 0 || hc > 1000) throw BAD_CURSOR();
  if (facilityId === null && date === null && id === null) return { hc, after: undefined };
  const idOk = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
  if (!idOk(facilityId) || !idOk(id) || typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw BAD_CURSOR();
  return { hc, after: { facilityId, date, id } };
}

/** Which campaign is newer: opened later, then the later fiscal year. */
const newer = (a: CampaignRecord, b: CampaignRecord) => a.opensOn > b.opensOn || (a.opensOn === b.opensOn && a.fiscalYear > b.fiscalYear);

/** The facility's current checklist: its response to the newest campaign it was asked to answer (GSI2 of the facility). */
export async function latestResponse(repos: Pick<Repositories, 'responses'>, facilityId: string, campaigns: Map<string, CampaignRecord>) {
  const responses = await repos.responses.listOfFacility(facilityId);
  let best: { campaign: CampaignRecord; response: (typeof responses)[number] } | undefined;
  for (const response of responses) {
    const campaign = campaigns.get(response.campaignId);
    // The checklist (医療機関確認用) only: a BCP 確認表 survey is not the facility's checklist.
    if (campaign && (campaign.form ?? 'facility') === 'facility' && (!best || newer(campaign, best.campaign))) best = { campaign, response };
  }
  return best;
}

export function checklistRef(found: Awaited<ReturnType<typeof latestResponse>>): ChecklistRef | null {
  if (!found) return null;
  return { campaignId: found.campaign.id, title: found.campaign.title, fiscalYear: found.campaign.fiscalYear, status: found.response.status };
}

export async function campaignsById(repos: Pick<Repositories, 'campaigns'>): Promise<Map<string, CampaignRecord>> {
  return new Map((await repos.campaigns.list()).map((c) => [c.id, c]));
}

/** Runs `work` over `items`, at most `limit` at a time (a bounded set, but every item costs two queries). */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  });
  await Promise.all(runners);
  return out;
}

const SHOWN = 20;

/**
 * Readiness against the plan: for each planned inspection, the facility's current checklist evaluated with the
 * domain rules as of `today` (1回目 answers without a date, 目標日 already passed).
 */
export async function readinessOf(
  repos: Pick<Repositories, 'campaigns' | 'contracts' | 'responses' | 'templates'>,
  planned: InspectionRecord[],
  today: string,
): Promise<ReadinessItem[]> {
  const campaigns = await campaignsById(repos);
  const templates = new Map<string, Promise<Template | undefined>>();
  const templateOf = (id: string) => {
    let t = templates.get(id);
    if (!t) {
      t = resolveTemplate(repos, id).then(
        (x) => x.template,
        () => undefined,
      );
      templates.set(id, t);
    }
    return t;
  };
  return mapLimited(planned, 8, async (inspection): Promise<ReadinessItem> => {
    const [found, contracts] = await Promise.all([
      latestResponse(repos, inspection.facilityId, campaigns),
      repos.contracts.listOfFacility(inspection.facilityId),
    ]);
    const template = found ? await templateOf(found.campaign.templateId) : undefined;
    const base = { inspection: toInspection(inspection), checklist: checklistRef(found) };
    if (!found || !template) return { ...base, atRisk: true, missingCount: 0, overdueCount: 0, missing: [], overdue: [] };
    const e = evaluate(template, found.response.answers, { hasVendorContract: contracts.length > 0 }, today);
    const cell = (c: { itemId: string; number: string; text: { ja: string; en: string }; deviceClass: string }) => ({
      itemId: c.itemId,
      number: c.number,
      text: c.text,
      deviceClass: c.deviceClass,
    });
    return {
      ...base,
      atRisk: e.missing.length > 0 || e.overdue.length > 0,
      missingCount: e.missing.length,
      overdueCount: e.overdue.length,
      missing: e.missing.slice(0, SHOWN).map((m) => ({ ...cell(m), reason: m.reason })),
      overdue: e.overdue.slice(0, SHOWN).map((o) => ({ ...cell(o), targetDate: o.targetDate, daysOverdue: o.daysOverdue })),
    };
  });
}

/** The 保健所 whose inspections a caller lists: an inspector only its own; the prefecture one or all. */
export async function healthCentersInScope(repos: Pick<Repositories, 'healthCenters'>, identity: Identity, requested: string | undefined): Promise<string[]> {
  if (identity.role === 'inspector') {
    const own = identity.healthCenterId;
    if (!own) throw new ForbiddenError({ ja: '管轄の保健所が設定されていません', en: 'No health center assigned' });
    if (requested && requested !== own)
      throw new ForbiddenError({ ja: '管轄外の保健所の立入検査は閲覧できません', en: 'This health center is outside your scope' });
    return [own];
  }
  if (requested) return [requested];
  return (await repos.healthCenters.list()).map((h) => h.id).sort();
}
