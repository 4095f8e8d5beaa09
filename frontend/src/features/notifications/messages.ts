/** Texts of the notifications (お知らせ) and mail settings (メール設定), Japanese first. Texts used by the e2e test are marked `stable`. */
export const NM = {
  // Header entry
  bell: { ja: 'お知らせ', en: 'Notifications' }, // stable (ja)
  bellWithCount: (n: number) => ({ ja: `お知らせ 未読 ${n} 件`, en: `Notifications, ${n} unread` }), // stable (ja)
  bellNone: { ja: 'お知らせ 未読なし', en: 'Notifications, none unread' },

  // Inbox
  inboxTitle: { ja: 'お知らせ', en: 'Notifications' }, // stable (ja)
  inboxLead: {
    ja: '差戻し・提出期限・研修などのお知らせです。新しいものから順に表示します。メールでも同じ内容をお送りしています。',
    en: 'Notices about returned responses, deadlines, trainings and more, newest first. The same notices are also sent by e-mail.',
  },
  unreadSummary: (n: number) => ({ ja: `未読 ${n} 件`, en: `${n} unread` }),
  allRead: { ja: '未読のお知らせはありません。', en: 'No unread notifications.' },
  markAll: { ja: 'すべて既読にする', en: 'Mark all as read' }, // stable (ja)
  markedAll: (n: number) => ({ ja: `${n} 件を既読にしました。`, en: `Marked ${n} as read.` }),
  markRead: { ja: '既読にする', en: 'Mark as read' },
  markReadFor: (title: string) => ({ ja: `「${title}」を既読にする`, en: `Mark “${title}” as read` }),
  unread: { ja: '未読', en: 'Unread' }, // stable (ja)
  read: { ja: '既読', en: 'Read' },
  open: { ja: '開く', en: 'Open' },
  empty: { ja: 'お知らせはまだありません。', en: 'No notifications yet.' },
  more: { ja: 'さらに表示', en: 'Show more' },
  shown: (n: number) => ({ ja: `${n} 件を表示中`, en: `Showing ${n}` }),
  failed: { ja: '既読にできませんでした', en: 'Could not mark as read' },
  settingsLink: { ja: 'メール設定', en: 'Mail settings' }, // stable (ja)
  listLabel: { ja: 'お知らせの一覧', en: 'Notifications' },

  // Preferences
  prefsTitle: { ja: 'メール設定', en: 'Mail settings' }, // stable (ja)
  prefsLead: {
    ja: 'お知らせメールの言語と、受け取るメールの種類を選べます。メールを止めても、この画面の「お知らせ」には届きます。',
    en: 'Choose the language of notification e-mails and which optional e-mails you receive. Turned-off e-mails still appear under “Notifications”.',
  },
  language: { ja: 'メールの言語', en: 'Language of e-mails' }, // stable (ja)
  languageJa: { ja: '日本語', en: '日本語 (Japanese)' }, // stable (ja)
  languageEn: { ja: 'English (英語)', en: 'English' }, // stable (ja)
  kindsTitle: { ja: '受け取るメール', en: 'E-mails you receive' },
  mandatoryReason: {
    ja: 'アカウントと安全に関わるため、止めることはできません。',
    en: 'Cannot be turned off: it concerns your account and its security.',
  },
  save: { ja: '保存する', en: 'Save' }, // stable (ja)
  saving: { ja: '保存しています…', en: 'Saving…' },
  saved: { ja: 'メール設定を保存しました。', en: 'Mail settings saved.' }, // stable (ja)
  saveFailed: { ja: '保存できませんでした', en: 'Could not save' },
  staleReload: {
    ja: '別の画面で設定が変更されていました。最新の設定を読み込み直しましたので、もう一度選んで保存してください。',
    en: 'The settings were changed elsewhere. The latest settings are now shown; choose again and save.',
  },
  on: { ja: '受け取る', en: 'On' },
  off: { ja: '受け取らない', en: 'Off' },
  always: { ja: '常に送信', en: 'Always sent' },

  // Resend invitation (people page)
  resend: { ja: '招待を再送', en: 'Resend invitation' }, // stable (ja)
  resendFor: (name: string) => ({ ja: `${name} さんに招待を再送`, en: `Resend the invitation to ${name}` }),
  resendTitle: (name: string) => ({ ja: `${name} さんに招待メールを再送しますか？`, en: `Resend the invitation to ${name}?` }),
  resendBody: (email: string) => ({
    ja: `${email} に新しい仮パスワードを記載した招待メールを送ります。前回の仮パスワードは使えなくなります。まだログインしていない方にだけ送れます。`,
    en: `A new invitation with a new temporary password will be sent to ${email}. The previous temporary password stops working. Only for people who have not signed in yet.`,
  }),
  resendSend: { ja: '再送する', en: 'Resend' }, // stable (ja)
  resent: (email: string) => ({ ja: `${email} に招待メールを再送しました。`, en: `The invitation was sent again to ${email}.` }),
  resendFailed: { ja: '招待を再送できませんでした', en: 'Could not resend the invitation' },
};

/** What each kind of notification is about, in plain words (the preferences page). */
export const KIND_HELP: Record<string, { ja: string; en: string }> = {
  invitation: {
    ja: 'アカウントの招待と、招待の再送 (仮パスワード) のメールです。',
    en: 'Your account invitation and its resend (temporary password).',
  },
  security: { ja: 'アカウントの安全に関わる重要なお知らせです。', en: 'Important notices about the security of your account.' },
  // incidents:begin
  incident_reported: {
    ja: '医療機関から「インシデントかも」の報告が届いたときのメールです (県・保健所の担当者)。必ず届きます。',
    en: 'When a facility reports a suspected incident (prefecture and health-center staff). Always mailed.',
  },
  incident_update: {
    ja: 'インシデント報告の経過に相手側 (医療機関 / 県・保健所) が書き込んだとき、または報告が終了したときのメールです。',
    en: 'When the other side writes in a suspected-incident timeline, or the report is closed.',
  },
  // incidents:end
  campaign_opened: { ja: '都道府県が新しい調査を始めたときにお知らせします。', en: 'When the prefecture opens a new survey.' },
  deadline_reminder: {
    ja: '提出期限が近づいたとき、当日、期限を過ぎても未提出のときにお知らせします。',
    en: 'Before a deadline, on the day, and while a response is overdue.',
  },
  response_returned: {
    ja: '提出した回答が差戻されたとき、直すべき点 (コメント) とともにお知らせします。',
    en: 'When a submitted response is sent back, with the comments on what to fix.',
  },
  response_confirmed: { ja: '提出した回答が確認 (受理) されたときにお知らせします。', en: 'When a submitted response is confirmed.' },
  vendor_form_requested: {
    ja: '事業者確認用の回答を依頼されたときにお知らせします。',
    en: 'When you are asked to answer a vendor form.',
  },
  documents_missing: {
    ja: 'MDS/SDS (製造業者・サービス事業者による開示書) がまだ登録されていないときにお知らせします。',
    en: 'When an MDS/SDS (manufacturer / service disclosure statement) has not been registered yet.',
  },
  training_registered: { ja: '研修の申込みを受け付けたときにお知らせします。', en: 'When a training registration is accepted.' },
  training_waitlisted: { ja: '研修が満席で、キャンセル待ちになったときにお知らせします。', en: 'When a training is full and you are on the waitlist.' },
  training_promoted: {
    ja: 'キャンセル待ちから参加が確定したときにお知らせします。',
    en: 'When you move from the waitlist to a confirmed seat.',
  },
  training_reminder: { ja: '申し込んだ研修の前日にお知らせします。', en: 'The day before a training you registered for.' },
};
