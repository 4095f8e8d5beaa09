import { defineHandler } from '../../pipeline/define-handler.ts';
import { deleteProfile } from '../../services/vendor-responses.ts';

export const handler = defineHandler('vendorResponses.deleteProfile', async ({ identity, params, query, repos, requestId }) => {
  await deleteProfile(repos(), identity, requestId, params, query.expectedVersion);
  return undefined;
});
