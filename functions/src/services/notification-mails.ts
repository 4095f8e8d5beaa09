import type { LocalizedText } from '@mcr/contract';

/**
 * The texts of the notification mails and inbox items (issue 9), Japanese and English. A message is built from
 * one tenant's records only (the event's own tenant); services/outbox.ts renders the mail with the recipient's
 * language first and the link as a full APP_URL address.
 */

export interface NotificationMessage {
  title: LocalizedText;
  /** The inbox text and the mail's body, without greeting or footer. */
  body: LocalizedText;
  /** A path in the app, or null. */
  link: string | null;
}

/** Comments and their text are capped so that an inbox item and a mail stay small (the app shows them all). */
export const MAX_COMMENTS_IN_MAIL = 30;
const MAX_COMMENT_CHARS = 500;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** `2026-12-20T00:00:00.000Z` → `2026年12月20日(日) 09:00` / `Sun 20 Dec 2026, 09:00` in Japan time. */
export function jstDateTime(iso: string): LocalizedText {
  const d = new Date(iso);
  const ja = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  const en = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return { ja, en: `${en} (JST)` };
}

/** `2026-12-20` → `2026年12月20日(日)` / `Sun 20 Dec 2026`. */
export function jstDate(date: string): LocalizedText {
  const d = new Date(`${date}T00:00:00+09:00`);
  const opts = { timeZone: 'Asia/Tokyo', year: 'numeric', day: 'numeric', weekday: 'short' } as const;
  return {
    ja: new Intl.DateTimeFormat('ja-JP', { ...opts, month: 'long' }).format(d),
    en: new Intl.DateTimeFormat('en-GB', { ...opts, month: 'short' }).format(d),
  };
}

export interface ReviewComment {
  number: string;
  text: LocalizedText;
  comment: string;
}

export function responseReturnedMessage(input: {
  campaignId: string;
  campaignTitle: LocalizedText;
  facilityId: string;
  facilityName: string;
  round: number;
  reviewerName: string;
  message: string;
  comments: ReviewComment[];
}): NotificationMessage {
  const shown = input.comments.slice(0, MAX_COMMENTS_IN_MAIL);
  const more = input.comments.length - shown.length;
  const lines = (lang: 'ja' | 'en') =>
    shown.map(
      (c) => `・${c.number ? `${c.number} ` : ''}${clip(c.text[lang], 60)}\n  ${lang === 'ja' ? 'コメント' : 'Comment'}: ${clip(c.comment, MAX_COMMENT_CHARS)}`,
    );
  return {
    title: { ja: `差戻し: ${input.campaignTitle.ja}`, en: `Sent back: ${input.campaignTitle.en || input.campaignTitle.ja}` },
    body: {
      ja: [
        `${input.facilityName} の「${input.campaignTitle.ja}」の回答 (${input.round}回目) が、${input.reviewerName} により差し戻されました。`,
        'コメントを確認して回答を修正し、もう一度提出してください。',
        ...(input.message ? ['', `全体へのコメント: ${clip(input.message, 1000)}`] : []),
        ...(shown.length ? ['', '項目へのコメント:', ...lines('ja')] : []),
        ...(more > 0 ? [`ほか ${more} 件のコメントはシステムで確認してください。`] : []),
      ].join('\n'),
      en: [
        `The response of ${input.facilityName} to "${input.campaignTitle.en || input.campaignTitle.ja}" (round ${input.round}) was sent back by ${input.reviewerName}.`,
        'Read the comments, correct the answers and submit again.',
        ...(input.message ? ['', `Overall comment: ${clip(input.message, 1000)}`] : []),
        ...(shown.length ? ['', 'Comments on items:', ...lines('en')] : []),
        ...(more > 0 ? [`${more} more comments are in the app.`] : []),
      ].join('\n'),
    },
    link: `/campaigns/${encodeURIComponent(input.campaignId)}/facilities/${encodeURIComponent(input.facilityId)}`,
  };
}

export function responseConfirmedMessage(input: {
  campaignId: string;
  campaignTitle: LocalizedText;
  facilityId: string;
  facilityName: string;
  round: number;
  reviewerName: string;
  message: string;
}): NotificationMessage {
  return {
    title: { ja: `回答の確認 (受理): ${input.campaignTitle.ja}`, en: `Response confirmed: ${input.campaignTitle.en || input.campaignTitle.ja}` },
    body: {
      ja: [
        `${input.facilityName} の「${input.campaignTitle.ja}」の回答 (${input.round}回目) を、${input.reviewerName} が確認しました (受理)。`,
        ...(input.message ? ['', `コメント: ${clip(input.message, 1000)}`] : []),
      ].join('\n'),
      en: [
        `${input.reviewerName} confirmed the response of ${input.facilityName} to "${input.campaignTitle.en || input.campaignTitle.ja}" (round ${input.round}).`,
        ...(input.message ? ['', `Comment: ${clip(input.message, 1000)}`] : []),
      ].join('\n'),
    },
    link: `/campaigns/${encodeURIComponent(input.campaignId)}/facilities/${encodeURIComponent(input.facilityId)}`,
  };
}

export interface SessionFacts {
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: 'online' | 'onsite';
  url?: string | undefined;
  place?: string | undefined;
}

const where = (s: SessionFacts): LocalizedText =>
  s.mode === 'online' ? { ja: `オンライン: ${s.url ?? ''}`, en: `Online: ${s.url ?? ''}` } : { ja: `会場: ${s.place ?? ''}`, en: `Venue: ${s.place ?? ''}` };

function sessionLines(s: SessionFacts, participantName: string, facilityName: string) {
  const when = jstDateTime(s.startsAt);
  const w = where(s);
  return {
    ja: [`研修: ${s.title}`, `日時: ${when.ja}`, w.ja, `受講者: ${participantName} (${facilityName})`],
    en: [`Training: ${s.title}`, `When: ${when.en}`, w.en, `Participant: ${participantName} (${facilityName})`],
  };
}

export function trainingMessage(
  kind: 'training_registered' | 'training_waitlisted' | 'training_promoted' | 'training_reminder',
  session: SessionFacts,
  registration: { participantName: string; facilityName: string },
): NotificationMessage {
  const l = sessionLines(session, registration.participantName, registration.facilityName);
  const text = {
    training_registered: {
      title: { ja: `研修の申込みを受け付けました: ${session.title}`, en: `Training registration confirmed: ${session.title}` },
      ja: '研修の申込みを受け付けました (参加確定)。',
      en: 'The registration is confirmed.',
    },
    training_waitlisted: {
      title: { ja: `研修のキャンセル待ちに登録しました: ${session.title}`, en: `On the waitlist: ${session.title}` },
      ja: '定員に達しているため、キャンセル待ちとして登録しました。繰り上がった場合はお知らせします。',
      en: 'The session is full: the participant is on the waitlist. We will tell you if a seat becomes free.',
    },
    training_promoted: {
      title: { ja: `キャンセル待ちから参加確定になりました: ${session.title}`, en: `A seat became free: ${session.title}` },
      ja: 'キャンセルが出たため、キャンセル待ちから参加確定に繰り上がりました。',
      en: 'A seat became free: the participant moved from the waitlist to confirmed.',
    },
    training_reminder: {
      title: { ja: `明日の研修のお知らせ: ${session.title}`, en: `Training tomorrow: ${session.title}` },
      ja: '明日、次の研修が行われます。',
      en: 'The following training takes place tomorrow.',
    },
  }[kind];
  return {
    title: text.title,
    body: { ja: [text.ja, '', ...l.ja].join('\n'), en: [text.en, '', ...l.en].join('\n') },
    link: '/trainings',
  };
}

export function deadlineReminderMessage(input: {
  campaignId: string;
  campaignTitle: LocalizedText;
  facilityId: string;
  facilityName: string;
  deadline: string;
  /** > 0 before the deadline, 0 on the day, < 0 overdue. */
  daysLeft: number;
}): NotificationMessage {
  const d = jstDate(input.deadline);
  const t = input.campaignTitle;
  const when =
    input.daysLeft > 0
      ? { ja: `提出期限 (${d.ja}) まであと ${input.daysLeft} 日です。`, en: `The deadline (${d.en}) is in ${input.daysLeft} days.` }
      : input.daysLeft === 0
        ? { ja: `本日 (${d.ja}) が提出期限です。`, en: `The deadline is today (${d.en}).` }
        : { ja: `提出期限 (${d.ja}) を ${-input.daysLeft} 日過ぎています。`, en: `The deadline (${d.en}) passed ${-input.daysLeft} days ago.` };
  return {
    title:
      input.daysLeft >= 0
        ? { ja: `提出期限のお知らせ: ${t.ja}`, en: `Deadline reminder: ${t.en || t.ja}` }
        : { ja: `提出期限を過ぎています: ${t.ja}`, en: `Overdue: ${t.en || t.ja}` },
    body: {
      ja: [`${input.facilityName} の「${t.ja}」はまだ提出されていません。`, when.ja, '回答を入力し、提出してください。'].join('\n'),
      en: [`${input.facilityName} has not yet submitted "${t.en || t.ja}".`, when.en, 'Please answer and submit.'].join('\n'),
    },
    link: `/campaigns/${encodeURIComponent(input.campaignId)}/facilities/${encodeURIComponent(input.facilityId)}`,
  };
}

export function vendorFormRequestedMessage(input: {
  campaignId: string;
  campaignTitle: LocalizedText;
  vendorId: string;
  vendorName: string;
  deadline: string;
  facilityCount: number;
}): NotificationMessage {
  const d = jstDate(input.deadline);
  const t = input.campaignTitle;
  return {
    title: { ja: `事業者確認用の回答のお願い: ${t.ja}`, en: `Vendor form to answer: ${t.en || t.ja}` },
    body: {
      ja: [
        `${input.vendorName} 様に「${t.ja}」(事業者確認用) への回答をお願いします。`,
        `対象の医療機関: ${input.facilityCount} 施設 (標準回答を一度入力すると、すべての施設に適用されます)。`,
        `提出期限: ${d.ja}`,
      ].join('\n'),
      en: [
        `${input.vendorName} is asked to answer "${t.en || t.ja}" (vendor form).`,
        `Facilities: ${input.facilityCount} (a standard answer entered once applies to all of them).`,
        `Deadline: ${d.en}`,
      ].join('\n'),
    },
    link: `/campaigns/${encodeURIComponent(input.campaignId)}/vendors/${encodeURIComponent(input.vendorId)}`,
  };
}
