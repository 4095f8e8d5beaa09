/** Texts of the inspections (立入検査) feature, Japanese first. Texts used by the e2e test are marked `stable`. */
export const IM = {
  title: { ja: '立入検査', en: 'On-site inspections' }, // stable (ja)
  lead: {
    ja: '医療法第25条に基づく立入検査の予定と結果を記録します。予定日が近い医療機関のチェックリストの準備状況も確認できます。',
    en: 'Plan and record on-site inspections (Medical Care Act, art. 25), and check the checklist of facilities due soon.',
  },
  leadInspector: (hc: string) => ({
    ja: `${hc}の管轄の医療機関について、立入検査の予定と結果を記録します。`,
    en: `Plan and record on-site inspections of the facilities of ${hc}.`,
  }),
  add: { ja: '立入検査を登録', en: 'Add an inspection' }, // stable (ja)

  // Calendar
  calendarTitle: { ja: '検査カレンダー', en: 'Inspection calendar' },
  monthLabel: (y: number, m: number) => ({
    ja: `${y}年${m}月`,
    en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1))),
  }),
  previousMonth: { ja: '前の月', en: 'Previous month' },
  nextMonth: { ja: '次の月', en: 'Next month' },
  thisMonth: { ja: '今月', en: 'This month' },
  weekdays: {
    ja: ['日', '月', '火', '水', '木', '金', '土'],
    en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
  weekdaysLong: {
    ja: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
    en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
  today: { ja: '今日', en: 'Today' },
  dayCount: (n: number) => ({ ja: `${n}件`, en: `${n} inspection${n === 1 ? '' : 's'}` }),
  listTitle: (month: string) => ({ ja: `${month}の立入検査`, en: `Inspections in ${month}` }),
  listEmpty: { ja: 'この月の立入検査はありません。', en: 'No inspections this month.' },
  truncated: { ja: '件数が多いため、一部のみ表示しています。保健所で絞り込んでください。', en: 'Too many to show: narrow down by health center.' },
  filterHealthCenter: { ja: '保健所', en: 'Health center' },
  allHealthCenters: { ja: 'すべての保健所', en: 'All health centers' },

  // Columns and fields
  colDate: { ja: '検査日', en: 'Date' },
  colFacility: { ja: '医療機関', en: 'Facility' },
  colHealthCenter: { ja: '保健所', en: 'Health center' },
  colStatus: { ja: '状態', en: 'Status' },
  colResult: { ja: '結果', en: 'Result' },
  colFollowUp: { ja: 'フォローアップ期限', en: 'Follow-up due' },
  colFindings: { ja: '指摘事項', en: 'Findings' },
  colActions: { ja: '操作', en: 'Actions' },
  colUpdated: { ja: '更新', en: 'Updated' },
  edit: { ja: '編集', en: 'Edit' },
  editFor: (facility: string, date: string) => ({ ja: `${facility} (${date}) の立入検査を編集`, en: `Edit the inspection of ${facility} on ${date}` }),
  openFacility: { ja: '医療機関の詳細', en: 'Facility details' },

  // Form
  formNew: { ja: '立入検査の登録', en: 'New inspection' },
  formEdit: (facility: string) => ({ ja: `立入検査の編集 — ${facility}`, en: `Edit inspection — ${facility}` }),
  fieldFacility: { ja: '医療機関', en: 'Facility' }, // stable (ja)
  fieldFacilityHint: { ja: '立入検査の対象の医療機関を選びます。', en: 'The facility to be inspected.' },
  fieldDate: { ja: '検査日', en: 'Inspection date' }, // stable (ja)
  fieldStatus: { ja: '状態', en: 'Status' }, // stable (ja)
  fieldResult: { ja: '結果', en: 'Result' }, // stable (ja)
  fieldResultHint: { ja: '実施済みの検査で選びます。', en: 'For a done inspection.' },
  fieldFindings: { ja: '指摘事項・所見', en: 'Findings' }, // stable (ja)
  fieldFindingsHint: (max: number) => ({ ja: `${max} 文字まで`, en: `Up to ${max} characters` }),
  fieldFollowUp: { ja: 'フォローアップ期限', en: 'Follow-up due' }, // stable (ja)
  fieldFollowUpHint: {
    ja: '改善の報告を求める期限 (任意、検査日以降)',
    en: 'When the facility reports its improvements (optional, on or after the inspection date)',
  },
  save: { ja: '保存する', en: 'Save' }, // stable (ja)
  saving: { ja: '保存しています…', en: 'Saving…' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  saved: (facility: string) => ({ ja: `${facility} の立入検査を保存しました`, en: `Saved the inspection of ${facility}` }), // stable (ja prefix)
  saveFailed: { ja: '保存できませんでした', en: 'Could not save' },
  conflict: {
    ja: '他の人が先にこの検査を更新しました。画面を閉じて最新の内容を確認してから、もう一度編集してください。',
    en: 'Someone else updated this inspection first. Close the form, check the latest version and edit again.',
  },
  errFacility: { ja: '医療機関を選んでください', en: 'Choose a facility' },
  errDate: { ja: '検査日を入力してください', en: 'Enter the inspection date' },
  errResult: { ja: '実施済みの検査には結果を選んでください', en: 'Choose the result of a done inspection' },
  errFollowUp: { ja: 'フォローアップ期限は検査日以降にしてください', en: 'The follow-up date must not be before the inspection date' },
  errDoneFuture: { ja: '実施済みの検査日に未来の日付は指定できません', en: 'A done inspection cannot be dated in the future' },
  errFindings: (max: number) => ({ ja: `${max} 文字以内で入力してください`, en: `At most ${max} characters` }),

  // Readiness
  readinessTitle: { ja: '30日以内の検査予定と準備状況', en: 'Inspections in the next 30 days: readiness' },
  readinessLead: (from: string, to: string) => ({
    ja: `${from}〜${to}に予定している立入検査について、各医療機関の最新のチェックリストを確認しました。1回目の確認日が未記入の項目や、目標日を過ぎた項目がある医療機関は「要確認」です。`,
    en: `The latest checklist of every facility inspected between ${from} and ${to}: facilities with items lacking a round-1 date or past their target date need attention.`,
  }),
  readinessEmpty: { ja: '30日以内に予定している立入検査はありません。', en: 'No inspections planned in the next 30 days.' },
  readinessSummary: (atRisk: number, total: number) => ({
    ja: `予定 ${total} 件のうち 要確認 ${atRisk} 件`,
    en: `${atRisk} of ${total} planned need attention`,
  }),
  atRisk: { ja: '要確認', en: 'Needs attention' },
  ready: { ja: '準備済み', en: 'Ready' },
  noChecklist: { ja: 'チェックリストの回答がありません', en: 'No checklist response' },
  missingCount: (n: number) => ({ ja: `1回目の確認日が未記入: ${n} 項目`, en: `Round 1 without a date: ${n} item(s)` }),
  overdueCount: (n: number) => ({ ja: `目標日を過ぎた項目: ${n} 項目`, en: `Past the target date: ${n} item(s)` }),
  carriedForward: { ja: '前年度から引継ぎ (未確認)', en: 'carried forward, not confirmed' },
  daysOverdue: (n: number) => ({ ja: `${n}日超過`, en: `${n} days overdue` }),
  showDetails: (facility: string) => ({ ja: `${facility} の未対応項目`, en: `Open items of ${facility}` }),
  andMore: (n: number) => ({ ja: `ほか ${n} 項目`, en: `and ${n} more` }),
  openChecklist: { ja: 'チェックリストを開く', en: 'Open the checklist' },
  inDays: (n: number) => (n === 0 ? { ja: '今日', en: 'today' } : { ja: `${n}日後`, en: `in ${n} days` }),

  // Facility page
  historyTitle: { ja: '立入検査の履歴', en: 'Inspection history' },
  historyEmpty: { ja: '立入検査の記録はまだありません。', en: 'No inspections recorded yet.' },
  checklistLink: (title: string) => ({ ja: `チェックリスト (${title}) を開く・印刷`, en: `Open or print the checklist (${title})` }),
  checklistLead: {
    ja: '立入検査では、この医療機関の最新のチェックリストを確認します。チェックリストの画面から公式様式で出力できます。',
    en: 'An inspection checks the facility’s latest checklist; its page exports the official form.',
  },
  noChecklistYet: { ja: 'この医療機関に配布されたチェックリストはありません。', en: 'No checklist has been sent to this facility.' },
  backToInspections: { ja: '立入検査へ戻る', en: 'Back to inspections' },
} as const;
