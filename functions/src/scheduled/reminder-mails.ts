import type { LocalizedText } from '@mcr/contract';
import type { NotificationContent } from '../services/outbox.ts';

/**
 * The scheduled notices' texts (Japanese and English; the outbox puts the reader's language first). Every value
 * comes from the recipient's own tenant: the campaign, the facility, the vendor's own contracts, the session.
 */

export type DeadlineStep = { kind: 'before'; days: number } | { kind: 'day' } | { kind: 'overdue'; days: number };

const enc = encodeURIComponent;

export function deadlineReminder(input: {
  campaignId: string;
  campaignTitle: LocalizedText;
  facilityId: string;
  facilityName: string;
  deadline: string;
  step: DeadlineStep;
  status: 'not_started' | 'in_progress' | 'returned';
}): NotificationContent {
  const t = input.campaignTitle;
  const title: LocalizedText =
    input.step.kind === 'before'
      ? { ja: `「${t.ja}」の提出期限まであと ${input.step.days} 日です`, en: `${input.step.days} days until the deadline of "${t.en}"` }
      : input.step.kind === 'day'
        ? { ja: `「${t.ja}」の提出期限は本日です`, en: `The deadline of "${t.en}" is today` }
        : {
            ja: `「${t.ja}」の提出期限を ${input.step.days} 日過ぎています`,
            en: `"${t.en}" is ${input.step.days} days past its deadline`,
          };
  const status = {
    not_started: { ja: '未着手', en: 'not started' },
    in_progress: { ja: '回答中 (未提出)', en: 'in progress, not submitted' },
    returned: { ja: '差戻し中 (再提出待ち)', en: 'sent back, waiting for resubmission' },
  }[input.status];
  return {
    title,
    body: {
      ja: `${input.facilityName} の回答はまだ提出されていません (${status.ja})。提出期限: ${input.deadline}。回答を入力し、提出してください。`,
      en: `The answers of ${input.facilityName} have not been submitted yet (${status.en}). Deadline: ${input.deadline}. Please complete and submit them.`,
    },
    link: `/campaigns/${enc(input.campaignId)}/facilities/${enc(input.facilityId)}`,
  };
}

export function campaignOpenedMail(input: {
  campaignId: string;
  campaignTitle: LocalizedText;
  facilityId: string;
  facilityName: string;
  deadline: string;
}): NotificationContent {
  const t = input.campaignTitle;
  return {
    title: { ja: `調査「${t.ja}」が始まりました`, en: `The survey "${t.en || t.ja}" has opened` },
    body: {
      ja: `${input.facilityName} の回答をお願いします。提出期限: ${input.deadline}。`,
      en: `Please answer it for ${input.facilityName}. Deadline: ${input.deadline}.`,
    },
    link: `/campaigns/${enc(input.campaignId)}/facilities/${enc(input.facilityId)}`,
  };
}

/** At most this many facility names are listed in one MDS/SDS mail; the rest are counted. */
export const MISSING_NAMES_LISTED = 20;

export function documentsMissing(input: { vendorId: string; vendorName: string; facilityNames: string[]; total: number }): NotificationContent {
  const listed = input.facilityNames.slice(0, MISSING_NAMES_LISTED);
  const more = input.total - listed.length;
  return {
    title: { ja: 'MDS/SDS (製造業者/サービス事業者による開示書) の登録をお願いします', en: 'Please register your MDS/SDS' },
    body: {
      ja: `${input.vendorName} と契約している ${input.total} 施設について、契約のシステムに当てはまる現行の MDS/SDS が登録されていません。最新の開示書を登録してください。`,
      en: `For ${input.total} facilities contracted with ${input.vendorName}, no current MDS/SDS covers the systems named in the contract. Please register your current disclosure documents.`,
    },
    link: `/vendors/${enc(input.vendorId)}`,
    details: {
      ja: ['対象の施設:', ...listed.map((n) => `・${n}`), ...(more > 0 ? [`ほか ${more} 施設`] : [])],
      en: ['Facilities:', ...listed.map((n) => `- ${n}`), ...(more > 0 ? [`and ${more} more`] : [])],
    },
  };
}

/** `2026-12-08T10:00:00+09:00` → `2026-12-08 10:00` in Japan time. */
export function jstDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 9 * 3600_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
}

export function trainingDayBefore(input: {
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: 'online' | 'onsite';
  url?: string | undefined;
  place?: string | undefined;
  participantName: string;
}): NotificationContent {
  const when = `${jstDateTime(input.startsAt)}〜${jstDateTime(input.endsAt).slice(11)}`;
  const where =
    input.mode === 'online'
      ? { ja: `オンライン: ${input.url ?? ''}`, en: `Online: ${input.url ?? ''}` }
      : { ja: `会場: ${input.place ?? ''}`, en: `Venue: ${input.place ?? ''}` };
  return {
    title: { ja: `明日は研修「${input.title}」です`, en: `Training tomorrow: ${input.title}` },
    body: {
      ja: `${input.participantName} さんが申し込んだ研修「${input.title}」は明日 ${when} (日本時間) に始まります。${where.ja}`,
      en: `The training "${input.title}" that ${input.participantName} registered for starts tomorrow, ${when} (Japan time). ${where.en}`,
    },
    link: `/trainings/${enc(input.sessionId)}`,
  };
}
