import { organisationRepositories, incidentRepositories } from '@mcr/data';
import { incidentsUpdate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import {
  assertFacilityWriter,
  assertOpen,
  assertTimelineRoom,
  assertVersion,
  checkReportFields,
  describeUpdate,
  detailOf,
  entryOf,
  readableIncident,
} from '../../services/incidents.ts';

/**
 * The facility updates what changes as it goes (care impact, whom it has told, systems, vendors), checked against
 * the version it read (409 otherwise); the change goes into the timeline in plain words.
 */
export const handler = defineHandler(incidentsUpdate, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(organisationRepositories, incidentRepositories);
  const report = await readableIncident(r, identity, params.incidentId);
  assertFacilityWriter(identity, report);
  assertOpen(report);
  assertVersion(report, body.expectedVersion);
  const vendors = await checkReportFields(r, report.facilityId, body);
  const { report: saved } = await r.incidents.write(
    report.incidentId,
    (current) => {
      assertOpen(current);
      assertVersion(current, body.expectedVersion);
      assertTimelineRoom(current);
      const at = new Date().toISOString();
      const entry = entryOf(identity, current, at, { kind: 'update', text: describeUpdate(current, body, vendors) });
      return {
        next: {
          ...current,
          systems: [...new Set(body.systems)],
          vendors,
          contacted: [...new Set(body.contacted)],
          contactedOther: body.contactedOther,
          careImpact: body.careImpact,
          lastEntryAt: at,
          entryCount: current.entryCount + 1,
          version: current.version + 1,
        },
        entries: [entry],
        audit: {
          action: 'incident.update',
          changes: { careImpact: [current.careImpact, body.careImpact], contacted: body.contacted, systems: body.systems, vendorIds: body.vendorIds },
        },
      };
    },
    actorOf(identity, requestId),
  );
  return detailOf(r, identity, saved);
});
