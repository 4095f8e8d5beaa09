import { defineHandler } from '../../pipeline/define-handler.ts';
import { saveProfile } from '../../services/vendor-responses.ts';

export const handler = defineHandler('vendorResponses.saveProfile', async ({ identity, params, body, repos, requestId }) =>
  saveProfile(repos(), identity, requestId, params, body),
);
