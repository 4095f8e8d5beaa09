import { type CreateInspectionBody, type Inspection, type ListInspectionsResponse, routes, type UpdateInspectionBody } from '@mcr/contract';
import { callRoute } from '../../lib/api-client.ts';

/** GET /api/inspections: every page of a date range (the server answers 200 at a time). */
export async function listInspections(query: { from: string; to: string; healthCenterId?: string | undefined }, signal?: AbortSignal) {
  const items: Inspection[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page: ListInspectionsResponse = await callRoute(routes['inspections.list'], { query: { ...query, cursor }, ...(signal ? { signal } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 25);
  return { items, truncated: cursor !== undefined };
}

/** GET /api/inspections/readiness: facilities inspected in the next 30 days and what their checklist lacks. */
export function getReadiness(healthCenterId: string | undefined, signal?: AbortSignal) {
  return callRoute(routes['inspections.readiness'], { query: { healthCenterId }, ...(signal ? { signal } : {}) });
}

/** GET /api/facilities/{facilityId}/inspections: the facility's history and its current checklist. */
export function listFacilityInspections(facilityId: string, signal?: AbortSignal) {
  return callRoute(routes['inspections.listOfFacility'], { params: { facilityId }, ...(signal ? { signal } : {}) });
}

export function createInspection(facilityId: string, body: CreateInspectionBody) {
  return callRoute(routes['inspections.create'], { params: { facilityId }, body });
}

export function updateInspection(facilityId: string, inspectionId: string, body: UpdateInspectionBody) {
  return callRoute(routes['inspections.update'], { params: { facilityId, inspectionId }, body });
}

/** GET /api/facilities, every page (a 保健所's facilities for the form's choices). */
export async function listFacilitiesOf(healthCenterId: string | undefined, signal?: AbortSignal) {
  const items: { id: string; name: string; healthCenterId: string }[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await callRoute(routes['facilities.list'], {
      query: { healthCenterId, ...(cursor ? { cursor, limit: '200' } : { limit: '200' }) },
      ...(signal ? { signal } : {}),
    });
    items.push(...page.items.map((f) => ({ id: f.id, name: f.name, healthCenterId: f.healthCenterId })));
    cursor = (page as { nextCursor?: string | null }).nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 20);
  return items.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}
