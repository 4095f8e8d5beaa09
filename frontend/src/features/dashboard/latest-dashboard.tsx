import { todayInJapan } from '@mcr/domain';
import { useEffect } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { navigate } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { D } from './dashboard-messages.ts';

/**
 * The survey the header's ダッシュボード opens: the latest checklist survey already open, else the latest one. A
 * vendor-form survey (事業者確認用) has no dashboard: its progress is per vendor; a BCP 確認表 survey has one, chosen
 * on the dashboard or in the survey list.
 */
export function latestCampaignId(items: { id: string; opensOn: string; form?: string | undefined }[], today: string = todayInJapan()): string | undefined {
  const checklists = items.filter((c) => c.form !== 'vendor' && c.form !== 'bcp');
  const newest = (checklists.length ? checklists : items.filter((c) => c.form === 'bcp')).sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  return (newest.find((c) => c.opensOn <= today) ?? newest[0])?.id;
}

/** `/dashboard`: moves on to the latest open survey's dashboard (the address stays out of the history). */
export function LatestDashboard() {
  const { t } = useI18n();
  const [campaigns, reload] = asLoaded(useApiQuery('campaigns.list'));
  const target = campaigns.state === 'ok' ? latestCampaignId(campaigns.data.items) : undefined;
  useEffect(() => {
    if (target) navigate(paths.dashboard(target), { replace: true });
  }, [target]);
  if (campaigns.state === 'error') return <LoadError error={campaigns.error} onRetry={reload} />;
  if (campaigns.state === 'ok' && !target) {
    return (
      <Page title={t(D.title)}>
        <p className="card empty">{t(D.noCampaign)}</p>
      </Page>
    );
  }
  return <Loading />;
}
