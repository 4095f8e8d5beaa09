import { incidentRepositories } from '@mcr/data';
import { incidentsClose } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError, ValidationError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { assertOpen, assertVersion, capabilities, detailOf, entryOf, isFacilityUser, readableIncident } from '../../services/incidents.ts';

/**
 * Closes a report: the prefecture (a reason is optional), or the facility itself with a reason (e.g. 「誤検知でした」).
 * Checked against the version read, so nobody closes a report whose newest entries they have not seen.
 */
export const handler = defineHandler(incidentsClose, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(incidentRepositories);
  const report = await readableIncident(r, identity, params.incidentId);
  assertOpen(report);
  if (!capabilities(identity, report).close) throw new ForbiddenError();
  if (isFacilityUser(identity) && !body.reason) {
    throw new ValidationError([
      {
        field: 'body.reason',
        code: 'required',
        message: { ja: '医療機関が終了するときは理由を入力してください', en: 'A facility closing its report must give a reason' },
      },
    ]);
  }
  assertVersion(report, body.expectedVersion);
  const { report: saved } = await r.incidents.write(
    report.incidentId,
    (current) => {
      assertOpen(current);
      assertVersion(current, body.expectedVersion);
      const at = new Date().toISOString();
      const entry = entryOf(identity, current, at, { kind: 'closed', text: body.reason });
      return {
        next: {
          ...current,
          status: 'closed',
          closedAt: at,
          closeReason: body.reason || null,
          lastEntryAt: at,
          entryCount: current.entryCount + 1,
          version: current.version + 1,
        },
        entries: [entry],
        audit: { action: 'incident.close', changes: { reason: body.reason, side: entry.side } },
      };
    },
    actorOf(identity, requestId),
  );
  return detailOf(r, identity, saved);
});
