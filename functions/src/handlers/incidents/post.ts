import { incidentRepositories } from '@mcr/data';
import { incidentsPost } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { assertOpen, assertTimelineRoom, capabilities, entryOf, readableIncident, toEntry } from '../../services/incidents.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';

/**
 * Writes in the timeline: the facility as it goes, the prefecture (and the facility's 保健所) in answer. An
 * append: a race with the other side's write is retried on the new state, never refused. The other side is
 * told through the stream (inbox + mail, optional kind `incident_update`).
 */
export const handler = defineHandler(incidentsPost, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(incidentRepositories);
  const report = await readableIncident(r, identity, params.incidentId);
  assertOpen(report);
  if (!capabilities(identity, report).post) throw new ForbiddenError();
  const { entries } = await r.incidents.write(
    report.incidentId,
    (current) => {
      assertOpen(current);
      assertTimelineRoom(current);
      const at = new Date().toISOString();
      const entry = entryOf(identity, current, at, { kind: 'message', text: body.text });
      return {
        next: { ...current, lastEntryAt: at, entryCount: current.entryCount + 1, version: current.version + 1 },
        entries: [entry],
        audit: { action: 'incident.post', changes: { entryId: entry.entryId, side: entry.side, length: body.text.length } },
      };
    },
    actorOf(identity, requestId),
  );
  return toEntry(entries[0] as NonNullable<(typeof entries)[0]>);
});
