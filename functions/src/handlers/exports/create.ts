import { NotFoundError, organisationRepositories, campaignRepositories, jobRepositories } from '@mcr/data';
import { exportsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { actorOf, assertCanReadFacility, healthCenterScope } from '../../services/access.ts';
import { type CampaignAnswersJobInput, EXPORT_JOB_KINDS, type FacilityOfficialInput } from '../../services/export/runners.ts';
import { unfinishedExportJob } from '../../services/export/view.ts';
import { enqueueJob } from '../../services/jobs.ts';

export const handler = defineHandler(exportsCreate, async ({ identity, body, repos, requestId }) => {
  const r = repos(organisationRepositories, campaignRepositories, jobRepositories);
  if (body.kind === 'facility-official') {
    const [facility] = await Promise.all([r.facilities.require(body.facilityId), r.responses.require(body.campaignId, body.facilityId)]);
    // The prefecture, the facility's 保健所 and the facility itself; nobody else learns the form exists.
    assertCanReadFacility(identity, facility);
    const job = await enqueueJob<FacilityOfficialInput>(
      r,
      identity,
      { kind: EXPORT_JOB_KINDS['facility-official'], input: { campaignId: body.campaignId, facilityId: body.facilityId }, total: 1 },
      {
        actor: actorOf(identity, requestId),
        action: 'export.create',
        target: `campaign/${body.campaignId}/facility/${body.facilityId}`,
        changes: { kind: body.kind },
      },
    );
    return unfinishedExportJob(job); // just queued: not done, no link (lean)
  }
  if (identity.role !== 'pref_admin' && identity.role !== 'inspector') {
    throw new ForbiddenError({ ja: '全医療機関の回答は都道府県と保健所のみ出力できます', en: 'Only the prefecture and health centers export all answers' });
  }
  // An inspector's export is its own 保健所's slice, fixed here from the identity.
  const healthCenterId = healthCenterScope(identity);
  const [campaign, aggregate] = await Promise.all([r.campaigns.get(body.campaignId), r.campaigns.aggregate(body.campaignId)]);
  if (!campaign) throw new NotFoundError('campaign');
  const input = { campaignId: body.campaignId, format: body.format, ...(healthCenterId ? { healthCenterId } : {}) };
  const job = await enqueueJob<CampaignAnswersJobInput>(
    r,
    identity,
    { kind: EXPORT_JOB_KINDS['campaign-answers'], input, total: healthCenterId ? 0 : (aggregate?.facilities ?? 0) },
    { actor: actorOf(identity, requestId), action: 'export.create', target: `campaign/${body.campaignId}`, changes: { kind: body.kind, ...input } },
  );
  return unfinishedExportJob(job); // just queued: not done, no link (lean)
});
