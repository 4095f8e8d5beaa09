import type { Campaign, DeadlineExtension, ExtendDeadlineBody, SetCampaignStatusBody, UpdateDeadlinesBody } from '@mcr/contract';
import { type Actor, type CampaignRecord, campaignStatusOf, type CampaignStatusValue, type DeadlineExtensionRecord, type Repositories } from '@mcr/data';
import { campaignDateIssues, extensionIssues } from '@mcr/domain';
import { HttpError, ValidationError } from '../pipeline/errors.ts';
import { campaignView } from './campaigns.ts';

/**
 * The prefecture's changes to a running campaign (docs/decisions/0016-campaign-dates-and-lifecycle.md): new
 * deadlines, one facility's extension, close / reopen / archive / unarchive. All versioned and audited.
 */

const fieldError = (field: string, code: string, ja: string, en: string) => ({ field: `body.${field}`, code, message: { ja, en } });

/** Which status changes are allowed: open ⇄ closed ⇄ archived (an archived campaign is closed first to reopen it). */
const TRANSITIONS: Record<CampaignStatusValue, readonly CampaignStatusValue[]> = {
  open: ['closed'],
  closed: ['open', 'archived'],
  archived: ['closed'],
};

const ARCHIVED = {
  ja: 'この調査はアーカイブ済みのため変更できません。変更するにはアーカイブを解除してください。',
  en: 'This campaign is archived and read-only. Unarchive it to change it.',
};

function assertCreated(c: CampaignRecord) {
  if (c.creation && c.creation.status !== 'done') {
    throw new HttpError(409, 'NOT_READY', { ja: 'この調査はまだ作成中です。', en: 'This campaign is still being created.' });
  }
}

function assertNotArchived(c: CampaignRecord) {
  if (campaignStatusOf(c) === 'archived') throw new HttpError(409, 'ARCHIVED', ARCHIVED);
}

/** The version the client read must be the stored one (409 otherwise), checked again by the write's condition. */
function assertVersion(c: CampaignRecord, expected: number) {
  if ((c.version ?? 0) !== expected) {
    throw new HttpError(409, 'VERSION_CONFLICT', {
      ja: '他の人が先にこの調査を更新しました。最新の内容を読み込んでからもう一度操作してください。',
      en: 'Someone else changed this campaign first. Reload it and try again.',
    });
  }
}

export async function updateDeadlines(
  repos: Pick<Repositories, 'campaignLifecycle' | 'campaigns'>,
  campaignId: string,
  body: UpdateDeadlinesBody,
  actor: Actor,
): Promise<Campaign> {
  const c = await repos.campaigns.require(campaignId);
  assertCreated(c);
  assertNotArchived(c);
  assertVersion(c, body.expectedVersion);
  const issues = campaignDateIssues({ fiscalYear: c.fiscalYear, opensOn: c.opensOn, deadline: body.deadline, roundDeadlines: body.roundDeadlines });
  if (issues.length) throw new ValidationError(issues.map((i) => fieldError(i.field, i.code, i.ja, i.en)));
  await repos.campaignLifecycle.setDeadlines(c, body, actor);
  return campaignView(await repos.campaigns.require(campaignId));
}

export async function setCampaignStatus(
  repos: Pick<Repositories, 'campaignLifecycle' | 'campaigns'>,
  campaignId: string,
  body: SetCampaignStatusBody,
  actor: Actor,
): Promise<Campaign> {
  const c = await repos.campaigns.require(campaignId);
  assertCreated(c);
  assertVersion(c, body.expectedVersion);
  const from = campaignStatusOf(c);
  if (!TRANSITIONS[from].includes(body.status)) {
    throw new ValidationError([
      fieldError(
        'status',
        'transition',
        `「${STATUS_LABEL[from].ja}」の調査を「${STATUS_LABEL[body.status].ja}」にはできません`,
        `A campaign that is ${STATUS_LABEL[from].en} cannot become ${STATUS_LABEL[body.status].en}`,
      ),
    ]);
  }
  await repos.campaignLifecycle.setStatus(c, body, actor);
  return campaignView(await repos.campaigns.require(campaignId));
}

const STATUS_LABEL: Record<CampaignStatusValue, { ja: string; en: string }> = {
  open: { ja: '回答受付中', en: 'open' },
  closed: { ja: '締切済み', en: 'closed' },
  archived: { ja: 'アーカイブ済み', en: 'archived' },
};

export function toExtension(e: DeadlineExtensionRecord): DeadlineExtension {
  return {
    campaignId: e.campaignId,
    facilityId: e.facilityId,
    facilityName: e.facilityName,
    extendedTo: e.extendedTo,
    ...(e.reason ? { reason: e.reason } : {}),
    version: e.version,
    updatedAt: e.updatedAt,
    updatedBy: e.updatedBy,
  };
}

export async function extendFacilityDeadline(
  repos: Pick<Repositories, 'campaignLifecycle' | 'campaigns' | 'responses'>,
  campaignId: string,
  facilityId: string,
  body: ExtendDeadlineBody,
  actor: Actor,
): Promise<DeadlineExtension> {
  const c = await repos.campaigns.require(campaignId);
  assertCreated(c);
  assertNotArchived(c);
  if (c.form === 'vendor') {
    throw new ValidationError([
      fieldError('extendedTo', 'vendor_form', '事業者確認用の調査では延長できません', 'Vendor-form campaigns have no per-facility extension'),
    ]);
  }
  // The facility must be in the campaign (404 otherwise, as for any response of another campaign).
  const response = await repos.responses.getMany(campaignId, [facilityId]);
  const r = response[0];
  if (!r) throw new HttpError(404, 'NOT_FOUND', { ja: 'この調査の対象の医療機関ではありません', en: 'This facility is not in the campaign' });
  const issues = extensionIssues(c, body.extendedTo);
  if (issues.length) throw new ValidationError(issues.map((i) => fieldError(i.field, i.code, i.ja, i.en)));
  const saved = await repos.campaignLifecycle.putExtension(
    c,
    {
      expectedVersion: body.expectedVersion,
      facilityId,
      facilityName: r.facilityName,
      extendedTo: body.extendedTo,
      ...(body.reason ? { reason: body.reason } : {}),
    },
    actor,
  );
  return toExtension(saved);
}

export async function removeFacilityExtension(
  repos: Pick<Repositories, 'campaignLifecycle' | 'campaigns'>,
  campaignId: string,
  facilityId: string,
  expectedVersion: number,
  actor: Actor,
) {
  const c = await repos.campaigns.require(campaignId);
  assertNotArchived(c);
  await repos.campaignLifecycle.removeExtension(c, facilityId, expectedVersion, actor);
}

/**
 * Answers and submissions need an open campaign (409 CLOSED / ARCHIVED). Reviews of submitted rounds stay
 * possible on a closed campaign, except a 差戻し, which would hand the facility answers it could not change.
 */
export function assertAnswerable(c: CampaignRecord): void {
  const status = campaignStatusOf(c);
  if (status === 'archived') throw new HttpError(409, 'ARCHIVED', ARCHIVED);
  if (status === 'closed') {
    throw new HttpError(409, 'CLOSED', {
      ja: 'この調査は締め切られました。回答の変更や提出はできません。必要な場合は都道府県にご連絡ください。',
      en: 'This campaign is closed: answers can no longer be changed or submitted. Contact the prefecture if needed.',
    });
  }
}

export function assertReviewable(c: CampaignRecord, action: 'confirm' | 'return'): void {
  const status = campaignStatusOf(c);
  if (status === 'archived') throw new HttpError(409, 'ARCHIVED', ARCHIVED);
  if (status === 'closed' && action === 'return') {
    throw new HttpError(409, 'CLOSED', {
      ja: '締切済みの調査では差戻しできません（医療機関が修正できないため）。差し戻すには先に調査を再開してください。',
      en: 'A closed campaign cannot send answers back (the facility could not change them). Reopen the campaign first.',
    });
  }
}
