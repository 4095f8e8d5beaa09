import '../bcp/bcp.css';
import { type FormEvent, useState } from 'react';
import { paths } from '../../app/paths.ts';
import { navigate } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatFiscalYear } from '../../lib/dates.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { BM } from '../bcp/bcp-messages.ts';
import { V } from '../vendors/vendor-messages.ts';

/**
 * Chooses which survey the dashboard shows: every survey with a dashboard (the checklist's and the BCP 確認表's;
 * a vendor-form survey has none), newest first. The choice is applied with the button, not on change, so moving
 * through the list with the keyboard does not leave the page.
 */
export function CampaignSwitch({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const campaigns = useApiQuery('campaigns.list');
  const [chosen, setChosen] = useState(campaignId);
  const items = (campaigns.data?.items ?? [])
    .filter((c) => c.form !== 'vendor' && (!c.creation || c.creation.status === 'done'))
    .sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  if (items.length < 2) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen !== campaignId) navigate(paths.dashboard(chosen));
  };
  return (
    <form className="dashboard-switch no-print" onSubmit={submit} data-testid="dashboard-switch">
      <label htmlFor="dashboard-campaign">
        {t(BM.switchLabel)}
        <select id="dashboard-campaign" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {items.map((c) => (
            <option key={c.id} value={c.id}>
              {t(c.title)}（{formatFiscalYear(c.fiscalYear, lang)} ・ {t(c.form === 'bcp' ? BM.formLabel : V.formFacility)}）
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button secondary">
        {t(BM.switchGo)}
      </button>
    </form>
  );
}
