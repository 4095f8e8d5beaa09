import type { Item } from '@mcr/domain';
import { useParams } from 'react-router';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, dayInJapan } from '../../lib/dates.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CC } from '../contact-chart/messages.ts';
import { ccPaths } from '../contact-chart/paths.ts';

/** Checklist 3(1) asks for a 連絡体制図: the link to it, with its last update or 「未作成」. */
function ContactChartLink() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { facilityId = '' } = useParams();
  const own = me.role === 'facility_admin' || me.role === 'facility_member';
  const reader = (me.role === 'pref_admin' || me.role === 'inspector') && facilityId !== '';
  const mine = useApiQuery('contactCharts.getOwn', { enabled: own });
  const theirs = useApiQuery('contactCharts.getOfFacility', { params: { facilityId }, enabled: reader });
  if (!own && !reader) return null;
  const view = own ? mine.data : theirs.data;
  const state = view ? (view.chart ? t(CC.chartUpdated(formatDate(dayInJapan(view.chart.updatedAt), lang, 'short'))) : t(CC.notCreated)) : '';
  return (
    <p className="item-links no-print">
      <Link to={own ? ccPaths.own() : ccPaths.ofFacility(facilityId)}>{t(CC.linkChart)}</Link>
      {state ? <span className="hint"> ({state})</span> : null}
    </p>
  );
}

/** Checklist 3(3) asks for a BCP: the facility's BCP 確認表. */
function BcpLink() {
  const { t } = useI18n();
  const { me } = useAuth();
  if (me.role !== 'facility_admin' && me.role !== 'facility_member') return null;
  return (
    <p className="item-links no-print">
      <Link to="/bcp">{t(CC.linkBcp)}</Link>
    </p>
  );
}

/** Links from a facility-form checklist item to what it asks the facility to keep (issue 10). */
export function ItemLinks({ item }: { item: Pick<Item, 'number'> }) {
  if (item.number === '3(1)') return <ContactChartLink />;
  if (item.number === '3(3)') return <BcpLink />;
  return null;
}
