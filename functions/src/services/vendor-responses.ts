import {
  type AnswerChange,
  type CampaignVendorsResponse,
  type FacilityVendorAnswers,
  type FieldError,
  VENDOR_NOTE_MAX,
  type VendorAssignmentRow,
  type VendorCampaignSummary,
  type VendorFacilityView,
  type VendorProfile,
  type VendorResponseView,
} from '@mcr/contract';
import {
  type CampaignRecord,
  type ContractRecord,
  EDITABLE_STATUSES,
  NotFoundError,
  type Repositories,
  StateConflictError,
  TooManyProfilesError,
  VENDOR_PROFILE_LIMIT,
  type VendorAssignmentRecord,
  type VendorProfileRecord,
  type VendorResponseRecord,
  VersionConflictError,
} from '@mcr/data';
import {
  type Answers,
  allItems,
  type CellAnswers,
  carryForward,
  cellKey,
  effectiveVendorAnswers,
  overriddenCells,
  profileFor,
  type RoundAnswer,
  type Template,
  todayInJapan,
  validateAnswers,
} from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { ForbiddenError, HttpError, ValidationError } from '../pipeline/errors.ts';
import { actorOf, canReadFacility } from './access.ts';
import { JobFailure, type JobContext } from './jobs.ts';
import { assertOpen, missingForRound, toCampaign } from './response-view.ts';
import { resolveTemplate } from './templates.ts';

/**
 * The vendor form (事業者確認用) in the campaign cycle (docs/decisions/0012-vendors-documents-cross-checks.md).
 * A vendor answers profiles (standard answers per product or service) once; each linked facility gets one of
 * them (explicit, else by the contract's systems, else the first) and may override single cells. The domain's
 * `profileFor` / `effectiveVendorAnswers` are the one definition of "what vendor V answers for facility F".
 */

/** The vendor's own data: the prefecture sees every vendor, a vendor user only its own organisation. */
const OTHER_VENDOR = { ja: 'この事業者の情報は閲覧できません', en: 'This vendor is outside your scope' };

/** Who may act on a vendor's data: pref_admin (and inspector where the route allows it), or the vendor itself. */
export function assertVendorScope(identity: Identity, vendorId: string): void {
  if (identity.role === 'vendor_user' && !(identity.orgKind === 'vendor' && identity.orgId === vendorId)) throw new ForbiddenError(OTHER_VENDOR);
}

/** Only the vendor's own users write its answers. */
export function assertOwnVendor(identity: Identity, vendorId: string): void {
  if (!(identity.role === 'vendor_user' && identity.orgKind === 'vendor' && identity.orgId === vendorId)) throw new ForbiddenError(OTHER_VENDOR);
}

/** A vendor-form campaign, open (created), with its template. A facility campaign has no vendor answers: 404. */
export async function loadVendorCampaign(
  repos: Pick<Repositories, 'campaigns' | 'templates'>,
  campaignId: string,
): Promise<{ campaign: CampaignRecord; template: Template }> {
  const campaign = await repos.campaigns.require(campaignId);
  if (campaign.form !== 'vendor') throw new NotFoundError('vendor response');
  assertOpen(campaign);
  const { template } = await resolveTemplate(repos, campaign.templateId);
  return { campaign, template };
}

const withId = (p: VendorProfileRecord) => ({ ...p, id: p.profileId });

export function toProfile(p: VendorProfileRecord): VendorProfile {
  return { id: p.profileId, name: p.name, systems: p.systems, answers: p.answers, version: p.version, updatedAt: p.updatedAt ?? null };
}

export async function vendorResponseView(
  repos: Pick<Repositories, 'vendorResponses'>,
  campaign: CampaignRecord,
  template: Template,
  vendorId: string,
): Promise<VendorResponseView> {
  const response = await repos.vendorResponses.requireWithHistory(campaign.id, vendorId);
  const profiles = await repos.vendorResponses.profiles(campaign.id, vendorId, response.profileIds);
  return {
    campaign: toCampaign(campaign),
    vendor: { id: response.vendorId, name: response.vendorName },
    template,
    status: response.status,
    version: response.version,
    profiles: profiles.map(toProfile),
    facilityCount: response.facilityCount,
    updatedAt: response.version > 0 ? response.updatedAt : null,
    submissions: response.submissionsAll,
    reviews: response.reviews,
  };
}

function assertEditable(r: VendorResponseRecord): void {
  if (!EDITABLE_STATUSES.includes(r.status)) throw new StateConflictError('vendor response', r.status);
}

const fieldError = (field: string, code: string, ja: string, en: string): FieldError => ({ field, code, message: { ja, en } });

/** Checks that each change names an item and device class of the template and that its note is short enough. */
function checkChanges(template: Template, changes: readonly AnswerChange[]): FieldError[] {
  const known = new Map(allItems(template).map((i) => [i.id, i]));
  const fields: FieldError[] = [];
  changes.forEach((change, index) => {
    const item = known.get(change.itemId);
    if (!item) {
      fields.push(fieldError(`body.changes[${index}].itemId`, 'unknown_item', 'この調査票にない項目です', 'No such item on this form'));
      return;
    }
    if (!(item.cells as readonly string[]).includes(change.deviceClass)) {
      fields.push(
        fieldError(
          `body.changes[${index}].deviceClass`,
          'unknown_cell',
          'この項目では回答できない機器区分です',
          'This item is not answered for that device class',
        ),
      );
    }
    const note = change.answer?.note;
    if (note !== undefined && note.length > VENDOR_NOTE_MAX) {
      fields.push(
        fieldError(
          `body.changes[${index}].answer.note`,
          'note_too_long',
          `事業者の備考は${VENDOR_NOTE_MAX}文字以内で入力してください`,
          `A vendor's note is at most ${VENDOR_NOTE_MAX} characters`,
        ),
      );
    }
  });
  return fields;
}

/**
 * Validates answers with the domain rules (dates, a target date for いいえ inside the fiscal year, rounds in
 * order) as a facility's save does; each problem is named by the change that caused it. Problems in cells no
 * change touched are left alone (they come from elsewhere: the profile under an override).
 */
function validateChanged(template: Template, campaign: CampaignRecord, answers: Answers, changes: readonly AnswerChange[]): FieldError[] {
  const touched = new Set(changes.map((c) => cellKey(c.itemId, c.deviceClass)));
  const fields: FieldError[] = [];
  for (const p of validateAnswers(template, answers, { hasVendorContract: true }, { fiscalYear: campaign.fiscalYear, today: todayInJapan() })) {
    const [key = '', round, ...rest] = p.path.split('.');
    if (!touched.has(key)) continue;
    const index = changes.findIndex((c) => cellKey(c.itemId, c.deviceClass) === key && String(c.round) === round);
    const at = index >= 0 ? ['body', `changes[${index}]`, 'answer', ...rest].join('.') : `answers.${p.path}`;
    fields.push({ field: at, code: p.code, message: { ja: p.ja, en: p.en } });
  }
  return fields;
}

/** What the audit log keeps of a change list: each note cut to its first 100 characters. */
function audited(changes: readonly AnswerChange[]): unknown {
  return changes.map((c) => {
    const note = c.answer?.note;
    if (note === undefined || note.length <= 100 || !c.answer) return c;
    return { ...c, answer: { ...c.answer, note: `${note.slice(0, 100)}…`, noteLength: note.length } };
  });
}

// ── Pure: applying changes ──

type CellChange = Pick<AnswerChange, 'itemId' | 'deviceClass' | 'round' | 'answer'>;

const ROUND_FIELDS = ['value', 'checkedOn', 'targetDate', 'note', 'carriedForward'] as const;
const sameRound = (x: RoundAnswer | undefined, y: RoundAnswer | undefined) =>
  x === y || (!!x && !!y && ROUND_FIELDS.every((f) => (x[f] ?? '') === (y[f] ?? '')));
/** Whether two cells hold the same answers in every round (field by field, whatever their key order). */
export const sameCell = (x: CellAnswers | undefined, y: CellAnswers | undefined) => (['1', '2', '3'] as const).every((r) => sameRound(x?.[r], y?.[r]));

/** A profile's answers after a save's changes: each sets (or, with null, clears) one round of one cell. */
export function applyProfileChanges(before: Answers, changes: readonly CellChange[]): Answers {
  const answers: Answers = structuredClone(before);
  for (const change of changes) {
    const key = cellKey(change.itemId, change.deviceClass);
    const cell: CellAnswers = { ...(answers[key] ?? {}) };
    const round = String(change.round) as '1' | '2' | '3';
    if (change.answer) cell[round] = change.answer;
    else delete cell[round];
    if (Object.keys(cell).length) answers[key] = cell;
    else delete answers[key];
  }
  return answers;
}

/**
 * One facility's overrides after a save's changes. An overridden cell replaces the standard answer's cell as a
 * whole, so a first change of a cell starts from the standard cell; `answer: null` puts that round back to the
 * standard's (or clears it when the standard has none); a cell that ends equal to the standard is no override.
 */
export function applyOverrideChanges(before: Answers, standard: Answers, changes: readonly CellChange[]): Answers {
  const overrides: Answers = structuredClone(before);
  for (const change of changes) {
    const key = cellKey(change.itemId, change.deviceClass);
    const base = standard[key];
    const cell: CellAnswers = { ...(overrides[key] ?? base ?? {}) };
    const round = String(change.round) as '1' | '2' | '3';
    const fallback = base?.[round];
    if (change.answer) cell[round] = change.answer;
    else if (fallback) cell[round] = fallback;
    else delete cell[round];
    if (sameCell(cell, base)) delete overrides[key];
    else overrides[key] = cell;
  }
  return overrides;
}

/**
 * Largest answers a profile or a facility's overrides may hold (JSON bytes): items stay far below DynamoDB's
 * 400 KB, and a response view of 20 profiles below Lambda's 6 MB, whatever the template's size.
 */
export const MAX_VENDOR_ANSWER_BYTES = 200_000;

function assertBounded(answers: Answers): void {
  const bytes = Buffer.byteLength(JSON.stringify(answers));
  if (bytes <= MAX_VENDOR_ANSWER_BYTES) return;
  throw new ValidationError([
    fieldError(
      'body.changes',
      'too_large',
      '回答（備考を含む）が大きすぎます。備考を短くしてください。',
      'The answers (notes included) are too large; shorten the notes.',
    ),
  ]);
}

// ── Profiles ──

export async function saveProfile(
  repos: Pick<Repositories, 'campaigns' | 'templates' | 'vendorResponses'>,
  identity: Identity,
  requestId: string,
  params: { campaignId: string; vendorId: string; profileId: string },
  body: { expectedVersion: number; name: string; systems: string[]; changes: AnswerChange[] },
) {
  assertOwnVendor(identity, params.vendorId);
  const { campaign, template } = await loadVendorCampaign(repos, params.campaignId);
  const [response, existing] = await Promise.all([
    repos.vendorResponses.require(params.campaignId, params.vendorId),
    repos.vendorResponses.getProfile(params.campaignId, params.vendorId, params.profileId),
  ]);
  assertEditable(response);
  if (body.expectedVersion === 0 && existing) throw new VersionConflictError('profile', existing.version);
  if (body.expectedVersion > 0 && !existing) throw new NotFoundError('profile');
  if (existing && existing.version !== body.expectedVersion) throw new VersionConflictError('profile', existing.version);
  if (!existing && response.profileIds.length >= VENDOR_PROFILE_LIMIT) throw tooManyProfiles(VENDOR_PROFILE_LIMIT);

  const fields = checkChanges(template, body.changes);
  if (fields.length) throw new ValidationError(fields);
  const answers = applyProfileChanges(existing?.answers ?? {}, body.changes);
  const problems = validateChanged(template, campaign, answers, body.changes);
  if (problems.length) throw new ValidationError(problems);
  assertBounded(answers);
  try {
    const saved = await repos.vendorResponses.saveProfile(
      { ...params, expectedVersion: body.expectedVersion, name: body.name, systems: body.systems, answers, seenStatus: response.status },
      actorOf(identity, requestId),
      { name: body.name, systems: body.systems, changes: audited(body.changes) },
    );
    return { ...toProfile(saved.profile), responseStatus: saved.response.status, responseVersion: saved.response.version };
  } catch (err) {
    if (err instanceof TooManyProfilesError) throw tooManyProfiles(err.limit);
    throw err;
  }
}

function tooManyProfiles(limit: number): ValidationError {
  return new ValidationError([
    fieldError('path.profileId', 'too_many_profiles', `標準回答は ${limit} 件までです`, `A vendor has at most ${limit} standard answers`),
  ]);
}

export async function deleteProfile(
  repos: Pick<Repositories, 'campaigns' | 'templates' | 'vendorResponses'>,
  identity: Identity,
  requestId: string,
  params: { campaignId: string; vendorId: string; profileId: string },
  expectedVersion: number,
): Promise<void> {
  assertOwnVendor(identity, params.vendorId);
  await loadVendorCampaign(repos, params.campaignId);
  const [response, existing] = await Promise.all([
    repos.vendorResponses.require(params.campaignId, params.vendorId),
    repos.vendorResponses.getProfile(params.campaignId, params.vendorId, params.profileId),
  ]);
  if (!existing) throw new NotFoundError('profile');
  assertEditable(response);
  if (existing.version !== expectedVersion) throw new VersionConflictError('profile', existing.version);
  const remaining = response.profileIds.filter((id) => id !== params.profileId);
  if (remaining.length === 0) {
    throw new ValidationError([
      fieldError(
        'path.profileId',
        'last_profile',
        '最後の標準回答は削除できません（少なくとも1つ必要です）',
        'The last standard answer cannot be deleted (at least one is needed)',
      ),
    ]);
  }
  await repos.vendorResponses.deleteProfile(
    { ...params, expectedVersion, remaining, seenStatus: response.status, responseVersion: response.version },
    actorOf(identity, requestId),
  );
}

// ── Facilities (assignments) ──

function rowOf(a: VendorAssignmentRecord, profiles: ReturnType<typeof withId>[]): VendorAssignmentRow {
  const profile = profileFor(profiles, a, a.contractSystems);
  const explicit = !!a.profileId && profiles.some((p) => p.id === a.profileId);
  const cells = overriddenCells(profile, a.overrides);
  return {
    facilityId: a.facilityId,
    facilityName: a.facilityName,
    healthCenterId: a.healthCenterId,
    contractSystems: a.contractSystems,
    remoteMaintenance: a.remoteMaintenance,
    profileId: profile?.id ?? null,
    profileName: profile?.name ?? null,
    explicitProfile: explicit,
    overriddenCells: { count: cells.length, keys: cells },
    version: a.version,
  };
}

export async function facilitiesPage(
  repos: Pick<Repositories, 'campaigns' | 'templates' | 'vendorResponses'>,
  identity: Identity,
  params: { campaignId: string; vendorId: string },
  query: { limit: number; cursor?: string | undefined },
) {
  assertVendorScope(identity, params.vendorId);
  await loadVendorCampaign(repos, params.campaignId);
  const response = await repos.vendorResponses.require(params.campaignId, params.vendorId);
  const [profiles, page] = await Promise.all([
    repos.vendorResponses.profiles(params.campaignId, params.vendorId, response.profileIds),
    repos.vendorResponses.assignmentsPage(params.campaignId, params.vendorId, query),
  ]);
  const list = profiles.map(withId);
  return { items: page.items.map((a) => rowOf(a, list)), nextCursor: page.nextCursor };
}

/** Who may read what a vendor answers for one facility: the prefecture, the facility's 保健所, the facility, the vendor. */
async function canReadAssignment(
  repos: Pick<Repositories, 'facilities'>,
  identity: Identity,
  vendorId: string,
  a: Pick<VendorAssignmentRecord, 'facilityId'>,
): Promise<boolean> {
  if (identity.role === 'vendor_user') return identity.orgKind === 'vendor' && identity.orgId === vendorId;
  // The facility's 保健所 as it is now (the assignment's copy dates from the campaign's creation).
  const facility = identity.role === 'inspector' ? await repos.facilities.get(a.facilityId) : undefined;
  return canReadFacility(identity, { id: a.facilityId, healthCenterId: facility?.healthCenterId ?? '' });
}

function facilityView(
  campaign: CampaignRecord,
  template: Template,
  response: VendorResponseRecord,
  profiles: ReturnType<typeof withId>[],
  a: VendorAssignmentRecord,
): VendorFacilityView {
  const row = rowOf(a, profiles);
  const profile = profileFor(profiles, a, a.contractSystems);
  return {
    campaign: toCampaign(campaign),
    vendor: { id: response.vendorId, name: response.vendorName },
    facility: { id: a.facilityId, name: a.facilityName, healthCenterId: a.healthCenterId },
    template,
    status: response.status,
    responseVersion: response.version,
    contractSystems: a.contractSystems,
    remoteMaintenance: a.remoteMaintenance,
    profileId: row.profileId,
    profileName: row.profileName,
    explicitProfile: row.explicitProfile,
    answers: effectiveVendorAnswers(profile, a.overrides),
    overrides: a.overrides,
    overriddenCells: row.overriddenCells.keys,
    version: a.version,
  };
}

export async function getFacility(
  repos: Pick<Repositories, 'campaigns' | 'facilities' | 'templates' | 'vendorResponses'>,
  identity: Identity,
  params: { campaignId: string; vendorId: string; facilityId: string },
) {
  // Checks that need no read first: a vendor names only itself, a facility only itself.
  if (identity.role === 'vendor_user') assertOwnVendor(identity, params.vendorId);
  if ((identity.role === 'facility_admin' || identity.role === 'facility_member') && identity.orgId !== params.facilityId) {
    throw new ForbiddenError({ ja: 'この医療機関の情報は閲覧できません', en: 'This facility is outside your scope' });
  }
  const { campaign, template } = await loadVendorCampaign(repos, params.campaignId);
  const a = await repos.vendorResponses.getAssignment(params.campaignId, params.vendorId, params.facilityId);
  if (!a) throw new NotFoundError('assignment');
  if (!(await canReadAssignment(repos, identity, params.vendorId, a)))
    throw new ForbiddenError({ ja: 'この医療機関の情報は閲覧できません', en: 'This facility is outside your scope' });
  const response = await repos.vendorResponses.require(params.campaignId, params.vendorId);
  const profiles = (await repos.vendorResponses.profiles(params.campaignId, params.vendorId, response.profileIds)).map(withId);
  return facilityView(campaign, template, response, profiles, a);
}

export async function saveFacility(
  repos: Pick<Repositories, 'campaigns' | 'templates' | 'vendorResponses'>,
  identity: Identity,
  requestId: string,
  params: { campaignId: string; vendorId: string; facilityId: string },
  body: { expectedVersion: number; profileId?: string | null | undefined; changes: AnswerChange[] },
) {
  assertOwnVendor(identity, params.vendorId);
  const { campaign, template } = await loadVendorCampaign(repos, params.campaignId);
  const [response, a] = await Promise.all([
    repos.vendorResponses.require(params.campaignId, params.vendorId),
    repos.vendorResponses.getAssignment(params.campaignId, params.vendorId, params.facilityId),
  ]);
  if (!a) throw new NotFoundError('assignment');
  assertEditable(response);
  if (a.version !== body.expectedVersion) throw new VersionConflictError('assignment', a.version);
  const profiles = (await repos.vendorResponses.profiles(params.campaignId, params.vendorId, response.profileIds)).map(withId);
  const fields = checkChanges(template, body.changes);
  if (body.profileId && !profiles.some((p) => p.id === body.profileId)) {
    fields.push(fieldError('body.profileId', 'unknown_profile', 'この標準回答はありません', 'No such standard answer'));
  }
  if (fields.length) throw new ValidationError(fields);

  const profileId = body.profileId === undefined ? (a.profileId ?? null) : body.profileId;
  const profile = profileFor(profiles, profileId ? { profileId } : undefined, a.contractSystems);
  const overrides = applyOverrideChanges(a.overrides ?? {}, profile?.answers ?? {}, body.changes);
  const problems = validateChanged(template, campaign, effectiveVendorAnswers(profile, overrides), body.changes);
  if (problems.length) throw new ValidationError(problems);
  assertBounded(overrides);
  const saved = await repos.vendorResponses.saveAssignment(
    { ...params, expectedVersion: body.expectedVersion, profileId, overrides, seenStatus: response.status },
    actorOf(identity, requestId),
    { profileId, changes: audited(body.changes) },
  );
  const after = await repos.vendorResponses.require(params.campaignId, params.vendorId);
  return facilityView(campaign, template, after, profiles, saved);
}

// ── Submit, return, confirm ──

/** Most problems an incomplete submission lists (the count says how many there are). */
const MAX_LISTED = 200;

export async function submit(
  repos: Pick<Repositories, 'campaigns' | 'templates' | 'vendorResponses'>,
  identity: Identity,
  requestId: string,
  params: { campaignId: string; vendorId: string },
  body: { expectedVersion: number; round: 1 | 2 | 3 },
): Promise<VendorResponseView> {
  assertOwnVendor(identity, params.vendorId);
  const { campaign, template } = await loadVendorCampaign(repos, params.campaignId);
  const response = await repos.vendorResponses.requireWithHistory(params.campaignId, params.vendorId);
  assertEditable(response);
  if (response.version !== body.expectedVersion) throw new VersionConflictError('vendor response', response.version);
  const profiles = (await repos.vendorResponses.profiles(params.campaignId, params.vendorId, response.profileIds)).map(withId);
  const missing: FieldError[] = [];
  for (const p of profiles) {
    for (const m of missingForRound(template, p.answers, true, body.round)) {
      missing.push({
        ...m,
        field: `profiles.${p.id}.${m.field}`,
        message: { ja: `${p.name}: ${m.message.ja}`, en: `${p.name}: ${m.message.en}` },
      });
    }
  }
  // An overridden cell replaces the standard answer as a whole: it must be answered for the round too.
  for await (const page of repos.vendorResponses.assignmentPages(params.campaignId, params.vendorId)) {
    for (const a of page) {
      const cells = Object.keys(a.overrides ?? {});
      if (cells.length === 0) continue;
      const profile = profileFor(profiles, a, a.contractSystems);
      for (const m of missingForRound(template, effectiveVendorAnswers(profile, a.overrides), true, body.round)) {
        const key = m.field.split('.')[1] ?? '';
        if (!cells.includes(key)) continue;
        missing.push({
          ...m,
          field: `facilities.${a.facilityId}.${m.field}`,
          message: { ja: `${a.facilityName}: ${m.message.ja}`, en: `${a.facilityName}: ${m.message.en}` },
        });
      }
    }
  }
  if (missing.length) {
    throw new HttpError(
      400,
      'INCOMPLETE',
      {
        ja: `未回答の項目が ${missing.length} 件あります。すべて回答してから提出してください。`,
        en: `${missing.length} answer(s) missing. Answer every item before submitting.`,
      },
      missing.slice(0, MAX_LISTED),
    );
  }
  await repos.vendorResponses.submit(
    { ...params, expectedVersion: body.expectedVersion, round: body.round, submissions: response.submissions },
    actorOf(identity, requestId),
  );
  return vendorResponseView(repos, campaign, template, params.vendorId);
}

export async function review(
  repos: Pick<Repositories, 'campaigns' | 'templates' | 'vendorResponses'>,
  identity: Identity,
  requestId: string,
  params: { campaignId: string; vendorId: string },
  input: { action: 'confirmed' | 'returned'; expectedVersion: number; message: string },
): Promise<VendorResponseView> {
  const { campaign, template } = await loadVendorCampaign(repos, params.campaignId);
  const response = await repos.vendorResponses.require(params.campaignId, params.vendorId);
  await repos.vendorResponses.review(
    {
      ...params,
      expectedVersion: input.expectedVersion,
      review: {
        action: input.action,
        round: response.submissions.at(-1)?.round ?? 1,
        at: new Date().toISOString(),
        by: identity.userId,
        byName: identity.displayName,
        message: input.message.trim(),
        itemComments: [],
      },
    },
    actorOf(identity, requestId),
  );
  return vendorResponseView(repos, campaign, template, params.vendorId);
}

// ── Lists ──

export async function campaignVendors(
  repos: Pick<Repositories, 'campaigns' | 'vendorResponses'>,
  campaignId: string,
  query: { status?: VendorResponseRecord['status'] | undefined; limit: number; cursor?: string | undefined },
): Promise<CampaignVendorsResponse> {
  const campaign = await repos.campaigns.require(campaignId);
  if (campaign.form !== 'vendor') {
    return { campaign: toCampaign(campaign), items: [], nextCursor: null, counts: { total: 0, byStatus: emptyCounts() } };
  }
  const [page, counts] = await Promise.all([repos.vendorResponses.page(campaignId, query), repos.vendorResponses.countsOfCampaign(campaignId)]);
  return {
    campaign: toCampaign(campaign),
    items: page.items.map((r) => ({
      vendorId: r.vendorId,
      vendorName: r.vendorName,
      status: r.status,
      version: r.version,
      facilityCount: r.facilityCount,
      profileCount: r.profileIds.length,
      lastSubmittedAt: r.submissions.at(-1)?.at ?? null,
    })),
    nextCursor: page.nextCursor,
    counts,
  };
}

function emptyCounts() {
  return { not_started: 0, in_progress: 0, submitted: 0, returned: 0, confirmed: 0 };
}

const isOpen = (c: CampaignRecord) => !c.creation || c.creation.status === 'done';

export async function vendorCampaigns(repos: Pick<Repositories, 'vendorResponses'>, vendorId: string): Promise<VendorCampaignSummary[]> {
  const responses = await repos.vendorResponses.listOfVendor(vendorId);
  const campaigns = new Map((await repos.vendorResponses.campaignsByIds(responses.map((r) => r.campaignId))).map((c) => [c.id, c]));
  return responses
    .flatMap((r) => {
      const c = campaigns.get(r.campaignId);
      if (!c || !isOpen(c)) return [];
      return [
        {
          campaign: toCampaign(c),
          status: r.status,
          version: r.version,
          facilityCount: r.facilityCount,
          profileCount: r.profileIds.length,
          lastSubmittedAt: r.submissions.at(-1)?.at ?? null,
        },
      ];
    })
    .sort((a, b) => b.campaign.opensOn.localeCompare(a.campaign.opensOn) || b.campaign.id.localeCompare(a.campaign.id));
}

/**
 * Each vendor's answers for one facility in the vendor campaigns on the counterpart of `templateId` (a facility
 * template), or, without one, each vendor's latest vendor campaign; with the item map facility → vendor.
 */
export async function facilityVendorAnswers(
  repos: Pick<Repositories, 'templates' | 'vendorResponses'>,
  facilityId: string,
  templateId: string | undefined,
): Promise<FacilityVendorAnswers[]> {
  let facilityTemplate: Template | undefined;
  if (templateId) {
    facilityTemplate = (await resolveTemplate(repos, templateId).catch(() => undefined))?.template;
    if (!facilityTemplate) throw new ValidationError([fieldError('query.templateId', 'unknown_template', 'この様式は登録されていません', 'No such template')]);
  }
  const all = await repos.vendorResponses.effectiveForFacility(facilityId);
  const campaigns = new Map((await repos.vendorResponses.campaignsByIds(all.map((e) => e.campaignId))).map((c) => [c.id, c]));
  const templates = new Map<string, Template | undefined>();
  const templateOf = async (id: string) => {
    if (!templates.has(id)) templates.set(id, (await resolveTemplate(repos, id).catch(() => undefined))?.template);
    return templates.get(id);
  };
  const candidates: { e: (typeof all)[number]; c: CampaignRecord; t: Template }[] = [];
  for (const e of all) {
    const c = campaigns.get(e.campaignId);
    const t = await templateOf(e.templateId);
    if (!c || !isOpen(c) || !t) continue;
    if (facilityTemplate && !(t.mirrorTemplateId === facilityTemplate.id || facilityTemplate.mirrorTemplateId === t.id)) continue;
    candidates.push({ e, c, t });
  }
  let chosen = candidates;
  if (!facilityTemplate) {
    const latest = new Map<string, (typeof candidates)[number]>();
    for (const x of candidates) {
      const seen = latest.get(x.e.vendorId);
      const newer = !seen || x.c.fiscalYear > seen.c.fiscalYear || (x.c.fiscalYear === seen.c.fiscalYear && x.c.createdAt > seen.c.createdAt);
      if (newer) latest.set(x.e.vendorId, x);
    }
    chosen = [...latest.values()];
  }
  return chosen
    .map(({ e, t }) => ({
      vendorId: e.vendorId,
      vendorName: e.vendorName,
      campaignId: e.campaignId,
      fiscalYear: e.fiscalYear,
      vendorTemplateId: e.templateId,
      status: e.status,
      profileId: e.profileId ?? null,
      profileName: e.profileName ?? null,
      answers: e.answers,
      overriddenCells: e.overriddenCells,
      mirror: Object.fromEntries(allItems(t).flatMap((item) => (item.mirror ? [[item.mirror, item.id]] : []))),
    }))
    .sort((a, b) => a.vendorName.localeCompare(b.vendorName, 'ja') || b.fiscalYear - a.fiscalYear);
}

// ── Creation (the campaign-creating job, decision 0010) ──

/** Facilities per chunk of the creating job. */
export const VENDOR_CREATE_CHUNK = 500;

/**
 * Writes a vendor-form campaign's answers: for the frozen target facilities, chunk by chunk, one vendor
 * response (with its default profile) per contracted vendor and one assignment per (vendor, facility); then
 * each vendor's facility count. Facilities without a contract bring nothing. Repeatable from the last chunk.
 * Returns the number of vendors whose answers on the previous version were carried forward.
 */
export async function writeVendorCampaign(
  ctx: Pick<JobContext<unknown>, 'repos' | 'progress' | 'job'>,
  c: CampaignRecord & { creation: NonNullable<CampaignRecord['creation']> },
  ids: readonly string[],
  template: Template,
): Promise<{ carriedForward: number; vendors: number }> {
  const { repos, job } = ctx;
  const [contracts, vendors] = await Promise.all([repos.vendorResponses.contractsByFacility(), repos.vendors.list()]);
  const vendorNames = new Map(vendors.map((v) => [v.id, v.name]));
  const previous = template.previousId ? (await resolveTemplate(repos, template.previousId).catch(() => undefined))?.template : undefined;
  const previousCampaigns = previous
    ? (await repos.campaigns.list())
        .filter((x) => x.templateId === previous.id && x.form === 'vendor' && x.id !== c.id && isOpen(x))
        .sort((a, b) => b.opensOn.localeCompare(a.opensOn))
    : [];
  let carried = c.creation.carriedForward;
  for (let from = c.creation.processed; from < ids.length; from += VENDOR_CREATE_CHUNK) {
    const chunk = ids.slice(from, from + VENDOR_CREATE_CHUNK);
    const facilities = await repos.campaigns.facilitiesByIds(chunk);
    const assignments: Parameters<Repositories['vendorResponses']['putCreationChunk']>[2][number][] = [];
    const seen = new Map<string, string>();
    for (const f of facilities) {
      for (const contract of contracts.get(f.id) ?? ([] as ContractRecord[])) {
        const vendorName = vendorNames.get(contract.vendorId) ?? contract.vendorName;
        seen.set(contract.vendorId, vendorName);
        assignments.push({
          vendorId: contract.vendorId,
          vendorName,
          facilityId: f.id,
          facilityName: f.name,
          healthCenterId: f.healthCenterId,
          contractSystems: contract.systems,
          remoteMaintenance: contract.remoteMaintenance,
        });
      }
    }
    const fresh = [...seen].map(([vendorId, vendorName]) => ({ vendorId, vendorName }));
    // Carried forward only for vendors whose response this chunk creates (cheap: a few reads per new vendor).
    const withAnswers = await Promise.all(
      fresh.map(async (v) => {
        if (!previous || previousCampaigns.length === 0) return v;
        if (await repos.vendorResponses.get(c.id, v.vendorId)) return v;
        for (const pc of previousCampaigns) {
          const before = await repos.vendorResponses.get(pc.id, v.vendorId);
          const first = before?.profileIds[0];
          if (!first) continue;
          const profile = await repos.vendorResponses.getProfile(pc.id, v.vendorId, first);
          if (!profile || Object.keys(profile.answers).length === 0) continue;
          const answers = carryForward(previous, profile.answers, template);
          if (Object.keys(answers).length === 0) break;
          carried++;
          return { ...v, answers };
        }
        return v;
      }),
    );
    await repos.vendorResponses.putCreationChunk(c, withAnswers, assignments);
    const written = from + chunk.length;
    if (!(await repos.campaigns.creationProgress(c.id, job.id, written, carried))) {
      throw new JobFailure('superseded', { ja: 'この作成処理は無効になりました', en: 'This creation job is no longer current' });
    }
    await ctx.progress(written, ids.length);
  }
  const count = await repos.vendorResponses.finishCreation(c.id);
  return { carriedForward: carried, vendors: count };
}

/** Facilities among `ids` that have at least one contract (a vendor campaign needs some). */
export async function contractedAmong(repos: Pick<Repositories, 'contracts'>, ids: readonly string[]): Promise<number> {
  const withContract = await repos.contracts.facilitiesWithAnyContract();
  return ids.filter((id) => withContract.has(id)).length;
}
