import { organisationRepositories } from '@mcr/data';
import { facilitiesImport } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { planFacilityImport, unconfirmedHealthCenters } from '../../services/facility-import.ts';

export const handler = defineHandler(facilitiesImport, async ({ identity, body, repos, requestId }) => {
  const r = repos(organisationRepositories);
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
  // A 保健所 not registered yet is created only when the user confirmed it (a misspelt name would otherwise become
  // a second 保健所): each unconfirmed one is named by its rows with the closest registered names.
  const unconfirmed = unconfirmedHealthCenters(plan.preview, body.confirmNewHealthCenters);
  if (unconfirmed.length) {
    throw new ValidationError(
      unconfirmed.flatMap((u) =>
        u.rows.map((row) => ({
          field: `body.rows[row=${row}].保健所`,
          code: 'unknown_health_center',
          line: row,
          message: u.suggestions.length
            ? {
                ja: `保健所「${u.name}」は登録されていません。「${u.suggestions.join('」「')}」の誤りではありませんか？新しい保健所として登録する場合は確認してください。`,
                en: `Health center "${u.name}" is not registered. Did you mean ${u.suggestions.map((s) => `"${s}"`).join(', ')}? Confirm to register it as a new one.`,
              }
            : {
                ja: `保健所「${u.name}」は登録されていません。新しい保健所として登録する場合は確認してください。`,
                en: `Health center "${u.name}" is not registered. Confirm to register it as a new one.`,
              },
        })),
      ),
      { ja: '登録されていない保健所があります。何も取り込んでいません。', en: 'Some health centers are not registered. Nothing was imported.' },
    );
  }
  const changed = plan.facilities.filter((f) => f.change !== 'unchanged').map((f) => f.record);
  await r.facilities.importBatch(plan.newHealthCenters, changed, actorOf(identity, requestId), {
    created: plan.preview.creates,
    updated: plan.preview.updates,
  });
  return { created: plan.preview.creates, updated: plan.preview.updates, unchanged: plan.preview.unchanged };
});
