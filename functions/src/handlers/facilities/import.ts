import { defineHandler } from '../../pipeline/define-handler.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { planFacilityImport } from '../../services/facility-import.ts';

export const handler = defineHandler('facilities.import', async ({ identity, body, repos, requestId }) => {
  const r = repos();
  // Checked again on import, never trusted from the preview; one bad row and nothing is written.
  const plan = await planFacilityImport(r, identity.tenantId as string, body.rows);
  if (plan.preview.errors.length) {
    throw new ValidationError(
      plan.preview.errors.map((e) => ({ field: `body.rows[row=${e.row}].${e.column}`, code: 'invalid_row', message: e.message, line: e.row })),
      {
        ja: `${plan.preview.errors.length} 件の誤りがあります。何も取り込んでいません。`,
        en: `${plan.preview.errors.length} problem(s) found. Nothing was imported.`,
      },
    );
  }
  const changed = plan.facilities.filter((f) => f.change !== 'unchanged').map((f) => f.record);
  await r.facilities.importBatch(plan.newHealthCenters, changed, actorOf(identity, requestId), {
    created: plan.preview.creates,
    updated: plan.preview.updates,
  });
  return { created: plan.preview.creates, updated: plan.preview.updates, unchanged: plan.preview.unchanged };
});
