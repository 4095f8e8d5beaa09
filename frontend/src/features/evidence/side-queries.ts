import { routes } from '@mcr/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { callRoute } from '../../lib/api-client.ts';

/**
 * Reads beside the checklist that its own saves do not change: the vendors' answers and the evidence files. They
 * live outside the `['api', …]` keys, so an autosave (a write, which refreshes every `api` query on screen) does
 * not read them again each time; the evidence list is refreshed by the evidence writes themselves.
 */
const SIDE = 'checklist-side';

export function useVendorAnswersOnce(facilityId: string, templateId: string) {
  return useQuery({
    queryKey: [SIDE, 'vendorAnswers', facilityId, templateId],
    queryFn: ({ signal }) => callRoute(routes['facilities.vendorAnswers'], { signal, params: { facilityId }, query: { templateId } }),
    staleTime: 5 * 60_000,
  });
}

export function useEvidenceList(campaignId: string, facilityId: string) {
  return useQuery({
    queryKey: [SIDE, 'evidence', campaignId, facilityId],
    queryFn: ({ signal }) => callRoute(routes['evidence.list'], { signal, params: { campaignId, facilityId } }),
    staleTime: 5 * 60_000,
  });
}

/** After attaching or removing a file: reads the cell lists again. */
export function useRefreshEvidence(campaignId: string, facilityId: string) {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: [SIDE, 'evidence', campaignId, facilityId] }), [client, campaignId, facilityId]);
}
