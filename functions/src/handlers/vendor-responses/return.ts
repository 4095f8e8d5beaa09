import { defineHandler } from '../../pipeline/define-handler.ts';
import { review } from '../../services/vendor-responses.ts';

export const handler = defineHandler('vendorResponses.return', async ({ identity, params, body, repos, requestId }) =>
  review(repos(), identity, requestId, params, { action: 'returned', expectedVersion: body.expectedVersion, message: body.message }),
);
