/** Texts of the trainings (研修) feature, Japanese first. Texts used by the e2e test are marked `stable`. */
export const TM = {
  title: { ja: '研修', en: 'Trainings' }, // stable (ja)
  leadPref: {
    ja: '厚生労働省の研修プログラムに沿った研修を企画し、申込・出欠・受講状況を管理します。',
    en: "Schedule sessions of MHLW's training programme and manage registrations, attendance and coverage.",
  },
  leadInspector: (hc: string) => ({
    ja: `研修の日程と、${hc}の管轄の医療機関の申込・受講状況を確認できます。`,
    en: `Sessions, and the registrations and coverage of the facilities of ${hc}.`,
  }),
  leadFacility: {
    ja: '自施設向けの研修に職員を申し込み、申込状況と受講記録を確認できます。',
    en: 'Register your staff for the sessions meant for your facility, and see your registrations and record.',
  },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  add: { ja: '研修を登録', en: 'Schedule a session' }, // stable (ja)
  sessionsTitle: { ja: '研修の日程', en: 'Sessions' },
  none: { ja: 'この年度の研修はまだありません。', en: 'No sessions in this fiscal year yet.' },
  noneForFacility: { ja: '申込できる研修は今のところありません。', en: 'No sessions for your facility at the moment.' },
  more: { ja: 'さらに表示', en: 'Show more' },

  // Columns
  colDate: { ja: '日時', en: 'Date and time' },
  colKind: { ja: '種別', en: 'Type' },
  colTitle: { ja: '研修名', en: 'Title' },
  colMode: { ja: '形式', en: 'Mode' },
  colSeats: { ja: '確定 / 定員', en: 'Confirmed / seats' },
  colWaitlist: { ja: '待機', en: 'Waitlist' },
  colStatus: { ja: '状態', en: 'Status' },
  colDeadline: { ja: '申込締切', en: 'Registration deadline' },
  seats: (confirmed: number, capacity: number) => ({ ja: `${confirmed} / ${capacity}`, en: `${confirmed} / ${capacity}` }),

  mode: { online: { ja: 'オンライン', en: 'Online' }, onsite: { ja: '会場', en: 'On site' } },
  sessionStatus: { scheduled: { ja: '予定', en: 'Scheduled' }, cancelled: { ja: '中止', en: 'Cancelled' } },
  past: { ja: '終了', en: 'Past' },

  // Session form
  formNew: { ja: '研修を登録', en: 'Schedule a session' },
  formEdit: (title: string) => ({ ja: `「${title}」を編集`, en: `Edit "${title}"` }),
  fieldKind: { ja: '研修の種別', en: 'Programme type' },
  fieldTitle: { ja: '研修名', en: 'Title' },
  fieldDescription: { ja: '内容', en: 'Description' },
  fieldDescriptionHint: { ja: '対象者・持ち物・事前の準備など（任意）', en: 'Who should attend, what to prepare (optional)' },
  fieldMode: { ja: '開催形式', en: 'Mode' },
  fieldUrl: { ja: 'オンライン会議の URL', en: 'Online meeting URL' },
  fieldUrlHint: { ja: 'https:// から始まる URL', en: 'A URL starting with https://' },
  fieldPlace: { ja: '会場', en: 'Place' },
  fieldStartsAt: { ja: '開始日時', en: 'Starts' },
  fieldEndsAt: { ja: '終了日時', en: 'Ends' },
  fieldTimeHint: { ja: '日本時間', en: 'Japan time' },
  fieldCapacity: { ja: '定員', en: 'Seats' },
  fieldCapacityHint: {
    ja: '定員を超えた申込はキャンセル待ちになり、取消があると申込順に繰り上がります。',
    en: 'Beyond the seats people are waitlisted and promoted in order when someone cancels.',
  },
  fieldDeadline: { ja: '申込締切', en: 'Registration deadline' },
  fieldAudience: { ja: '対象', en: 'Audience' },
  fieldAudienceHint: { ja: '何も選ばなければ、すべてが対象です。', en: 'Choose nothing for everyone.' },
  fieldFacilityKinds: { ja: '施設の種類', en: 'Facility kinds' },
  fieldSizeBands: { ja: '規模（病床数）', en: 'Size (beds)' },
  fieldRoles: { ja: '申込できる職員', en: 'Who may register' },
  save: { ja: '保存する', en: 'Save' }, // stable (ja)
  saving: { ja: '保存しています…', en: 'Saving…' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  saveFailed: { ja: '保存できませんでした', en: 'Could not save' },
  errorSummary: { ja: '入力内容を確認してください', en: 'Please check the form' },
  errRequired: { ja: '入力してください', en: 'Required' },
  errUrl: { ja: 'https:// から始まる URL を入力してください', en: 'Enter a URL starting with https://' },
  errDateTime: { ja: '日時を入力してください', en: 'Enter a date and time' },
  errEndsBefore: { ja: '終了日時は開始日時より後にしてください', en: 'The end must be after the start' },
  errDeadlineAfter: { ja: '申込締切は開始日時より前にしてください', en: 'The deadline must be before the start' },
  errCapacity: { ja: '1 以上の整数を入力してください', en: 'Enter a whole number of 1 or more' },
  conflict: { ja: 'ほかの人が先に変更しました。画面を読み込み直してください。', en: 'Someone else changed it first. Reload the page.' },
  saved: (title: string) => ({ ja: `「${title}」を保存しました`, en: `Saved "${title}"` }), // stable (ja)

  // Session page
  back: { ja: '研修の一覧へ', en: 'Back to trainings' },
  edit: { ja: '編集', en: 'Edit' },
  cancelSession: { ja: '研修を中止', en: 'Cancel the session' },
  cancelSessionTitle: (title: string) => ({ ja: `「${title}」を中止しますか？`, en: `Cancel "${title}"?` }),
  cancelSessionBody: { ja: '中止すると、新しい申込は受け付けられません。元に戻せません。', en: 'No one can register any more. This cannot be undone.' },
  cancelledNotice: { ja: 'この研修は中止されました。', en: 'This session was cancelled.' },
  details: { ja: '概要', en: 'Details' },
  where: { ja: '場所', en: 'Where' },
  audience: { ja: '対象', en: 'Audience' },
  audienceAll: { ja: 'すべて', en: 'Everyone' },
  participants: { ja: '参加者', en: 'Participants' }, // stable (ja)
  noParticipants: { ja: 'まだ申込はありません。', en: 'No registrations yet.' },
  colSeq: { ja: '受付順', en: 'No.' },
  colFacility: { ja: '医療機関', en: 'Facility' },
  colName: { ja: '氏名', en: 'Name' },
  colJobTitle: { ja: '役職', en: 'Job title' },
  colRegStatus: { ja: '申込状況', en: 'Status' },
  colAttended: { ja: '出席', en: 'Attended' },
  attendedFor: (name: string, facility: string) => ({ ja: `${name}（${facility}）の出席`, en: `${name} (${facility}) attended` }),
  saveAttendance: { ja: '出欠を保存', en: 'Save attendance' }, // stable (ja)
  attendanceSaved: (n: number) => ({ ja: `${n} 人の出欠を保存しました`, en: `Saved the attendance of ${n}` }), // stable (ja)
  attendanceNothing: { ja: '変更はありません', en: 'Nothing changed' },
  attendanceHint: { ja: '確定した参加者に出席の印をつけて保存します。', en: 'Tick the confirmed participants who attended, then save.' },
  export: { ja: '参加者一覧を出力', en: 'Export participants' },
  exportCsv: { ja: 'CSV で出力', en: 'Download CSV' },
  exportXlsx: { ja: 'Excel で出力', en: 'Download Excel' },
  exporting: { ja: '出力しています…', en: 'Preparing…' },
  importTitle: { ja: '受付簿から出欠を記録', en: 'Attendance from a sign-in sheet' },
  importLead: {
    ja: '受付簿（CSV または Excel）を読み込みます。まず内容を確認し、誤りがなければ出欠に反映します。',
    en: 'Read a sign-in sheet (CSV or Excel). Check it first; apply it when there are no errors.',
  },
  importFile: { ja: '受付簿のファイル', en: 'Sign-in sheet file' },
  importCheck: { ja: '内容を確認', en: 'Check the sheet' },
  importChecking: { ja: '確認しています…', en: 'Checking…' },
  importApply: { ja: '出欠に反映', en: 'Apply to attendance' },
  importResult: (rows: number, matched: number) => ({
    ja: `${rows} 行のうち ${matched} 行が申込と一致しました。`,
    en: `${matched} of ${rows} rows match a registration.`,
  }),
  importErrors: (n: number) => ({ ja: `${n} 件の誤りがあります。直してからもう一度読み込んでください。`, en: `${n} errors: fix the sheet and read it again.` }),
  importRow: (row: number, column: string) => ({ ja: `${row} 行目（${column}）`, en: `Row ${row} (${column})` }),
  importApplied: (n: number) => ({ ja: `${n} 人の出欠を反映しました`, en: `Recorded the attendance of ${n}` }),
  importNoFile: { ja: 'ファイルを選んでください', en: 'Choose a file' },

  // Registration status
  regStatus: {
    confirmed: { ja: '確定', en: 'Confirmed' },
    waitlisted: { ja: 'キャンセル待ち', en: 'Waitlisted' },
    cancelled: { ja: '取消', en: 'Cancelled' },
  },
  waitlistPosition: (n: number) => ({ ja: `キャンセル待ち ${n}番目`, en: `Waitlisted, no. ${n}` }),
  attendedYes: { ja: '出席', en: 'Attended' },
  attendedNo: { ja: '欠席', en: 'Absent' },

  // Facility
  seatsLeft: (n: number) => ({ ja: `残り ${n} 席`, en: `${n} seats left` }),
  full: { ja: '満席（申込はキャンセル待ちになります）', en: 'Full (new registrations are waitlisted)' },
  deadlineText: (d: string) => ({ ja: `申込締切 ${d}`, en: `Register by ${d}` }),
  closed: { ja: '申込は締め切りました', en: 'Registration closed' },
  myRegistrations: { ja: '自施設の申込', en: 'Our registrations' },
  register: { ja: '申し込む', en: 'Register' }, // stable (ja)
  registering: { ja: '申し込んでいます…', en: 'Registering…' },
  registerFor: (title: string) => ({ ja: `「${title}」に申し込む`, en: `Register for "${title}"` }),
  participantName: { ja: '参加者の氏名', en: "Participant's name" }, // stable (ja)
  participantTitle: { ja: '役職（任意）', en: 'Job title (optional)' }, // stable (ja)
  registered: (name: string) => ({ ja: `${name} さんの申込を受け付けました（確定）`, en: `${name} is registered (confirmed)` }),
  waitlisted: (name: string) => ({ ja: `${name} さんはキャンセル待ちになりました`, en: `${name} is on the waitlist` }),
  cancelRegistration: { ja: '申込を取り消す', en: 'Cancel registration' },
  cancelRegistrationFor: (name: string) => ({ ja: `${name} さんの申込を取り消す`, en: `Cancel the registration of ${name}` }),
  cancelRegistrationTitle: (name: string) => ({ ja: `${name} さんの申込を取り消しますか？`, en: `Cancel the registration of ${name}?` }),
  cancelRegistrationBody: {
    ja: '取り消すと席はキャンセル待ちの方に繰り上がります。もう一度申し込むと、キャンセル待ちの最後になることがあります。',
    en: 'The seat goes to the first person on the waitlist. Registering again may put you at the end of the waitlist.',
  },
  cancelRegistrationConfirm: { ja: '取り消す', en: 'Cancel it' }, // stable (ja)
  registrationCancelled: (name: string) => ({ ja: `${name} さんの申込を取り消しました`, en: `Cancelled the registration of ${name}` }),
  ics: { ja: '予定表に追加 (.ics)', en: 'Add to calendar (.ics)' },
  icsFor: (name: string, title: string) => ({ ja: `${name} さんの「${title}」を予定表に追加 (.ics)`, en: `Add "${title}" for ${name} to a calendar (.ics)` }),
  joinOnline: { ja: 'オンライン会議に参加', en: 'Join online' },

  // Calendar feed
  feedTitle: { ja: 'カレンダーの購読', en: 'Calendar subscription' },
  feedLead: {
    ja: 'Outlook や Google カレンダーなどに登録すると、自施設の研修の予定が自動で表示されます。URL は秘密にしてください。',
    en: "Subscribe in Outlook, Google Calendar or another app to see your facility's sessions. Keep the URL secret.",
  },
  feedUrl: { ja: '購読用 URL', en: 'Subscription URL' },
  feedShownOnce: {
    ja: 'この URL はこの画面でだけ表示されます。いまコピーして、カレンダーに登録してください。',
    en: 'This URL is shown only now: copy it into your calendar app.',
  },
  feedCreate: { ja: '購読用 URL を発行', en: 'Create a subscription URL' },
  feedRotate: { ja: 'URL を再発行', en: 'Issue a new URL' },
  feedRotateTitle: { ja: '購読用 URL を再発行しますか？', en: 'Issue a new subscription URL?' },
  feedRotateBody: {
    ja: '再発行すると、これまでの URL は使えなくなります。登録しているカレンダーには新しい URL を登録し直してください。',
    en: 'The old URL stops working at once. Subscribe again with the new URL in every calendar that used it.',
  },
  feedRotateConfirm: { ja: '再発行する', en: 'Issue a new URL' },
  feedIssued: { ja: '新しい購読用 URL を発行しました', en: 'A new subscription URL was issued' },
  feedAdminOnly: { ja: '購読用 URL の発行・再発行は施設の管理者が行います。', en: "Your facility's administrator creates or replaces the subscription URL." },
  copied: { ja: 'コピーしました', en: 'Copied' },
  copy: { ja: 'URL をコピー', en: 'Copy the URL' },

  // Record
  recordTitle: { ja: '受講記録', en: 'Training record' }, // stable (ja)
  recordLead: (fy: string) => ({ ja: `${fy}に出席した研修`, en: `Sessions attended in ${fy}` }),
  recordNone: { ja: 'この年度に出席した研修はまだありません。', en: 'No sessions attended this fiscal year yet.' },

  // Coverage
  coverageTitle: { ja: '研修の受講状況', en: 'Training coverage' }, // stable (ja)
  coverageLead: (fy: string) => ({
    ja: `${fy}に 1 回以上研修に出席した医療機関の数（保健所ごと）`,
    en: `Facilities with at least one attended session in ${fy}, per health center`,
  }),
  coverageSlice: { ja: '地域', en: 'Area' },
  coverageCovered: { ja: '受講した施設', en: 'Facilities attended' },
  coverageAll: { ja: '全施設', en: 'All facilities' },
  coverageShare: { ja: '受講率', en: 'Share' },
  coveragePref: { ja: '都道府県全体', en: 'Whole prefecture' },
  coverageOpen: { ja: '研修の管理へ', en: 'Manage trainings' },
  ofTotal: (covered: number, all: number) => ({ ja: `${covered} / ${all} 施設`, en: `${covered} / ${all} facilities` }),
} as const;
