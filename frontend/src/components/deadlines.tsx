import type { Campaign } from '@mcr/contract';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { LM } from '../features/progress/lifecycle-messages.ts'; // campaign-lifecycle

/** The rounds that have a deadline: 1回目 always, 2回目 and 3回目 when the prefecture set them. */
export function roundDeadlines(campaign: Pick<Campaign, 'deadline' | 'roundDeadlines'>): Array<{ round: 1 | 2 | 3; date: string }> {
  const out: Array<{ round: 1 | 2 | 3; date: string }> = [{ round: 1, date: campaign.deadline }];
  if (campaign.roundDeadlines['2']) out.push({ round: 2, date: campaign.roundDeadlines['2'] });
  if (campaign.roundDeadlines['3']) out.push({ round: 3, date: campaign.roundDeadlines['3'] });
  return out;
}

/** 「回答期限 2026年6月30日」, or with rounds 「回答期限 1回目 2026年6月30日 ・ 2回目 2026年9月30日 …」. */
export function DeadlineSummary({ campaign }: { campaign: Pick<Campaign, 'deadline' | 'roundDeadlines' | 'facilityDeadline' | 'status'> }) {
  const { t, lang } = useI18n();
  // campaign-lifecycle:begin — one facility's extended deadline, and a closed or archived survey, say so.
  const state = campaign.status && campaign.status !== 'open' ? `（${t(LM.statusLabel[campaign.status])}）` : '';
  if (campaign.facilityDeadline)
    return <>{`${t(LM.facilityDeadline(formatDate(campaign.facilityDeadline, lang), formatDate(campaign.deadline, lang)))}${state}`}</>;
  if (state)
    return (
      <>{`${t(M.deadline)} ${roundDeadlines(campaign)
        .map((d) => formatDate(d.date, lang))
        .join(' ・ ')}${state}`}</>
    );
  // campaign-lifecycle:end
  const list = roundDeadlines(campaign);
  if (list.length === 1) return <>{`${t(M.deadline)} ${formatDate(campaign.deadline, lang)}`}</>;
  return <>{`${t(M.deadline)} ${list.map((d) => `${t(M.round(d.round))} ${formatDate(d.date, lang)}`).join(' ・ ')}`}</>;
}
