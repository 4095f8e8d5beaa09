/** Texts of the export panel, Japanese first (same shape as i18n/messages.ts). */
export const EM = {
  officialForm: { ja: '厚労省様式で出力 (Excel)', en: 'Official form (Excel)' },
  officialFormHelp: {
    ja: '立入検査で使う「医療機関確認用」の様式です。A4 で印刷できます。',
    en: 'The 医療機関確認用 form used at inspections; prints on A4.',
  },
  allAnswersXlsx: { ja: '全医療機関の回答 (Excel)', en: 'All answers (Excel)' },
  allAnswersCsv: { ja: '全医療機関の回答 (CSV)', en: 'All answers (CSV)' },
  allAnswersHelp: {
    ja: 'Excel には「目標日超過」と「1回目未確認」の一覧も入ります。保健所の担当者は管轄の医療機関のみ出力されます。',
    en: 'The Excel file also lists overdue target dates and missing round-1 dates. Inspectors get their own jurisdiction only.',
  },
  exportsHeading: { ja: 'ファイル出力', en: 'Export' },
  queued: { ja: '出力の準備をしています…', en: 'Preparing the export…' },
  running: (done: number, total: number) => ({
    ja: `出力中… ${total ? `${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')} 件` : ''}`,
    en: `Exporting… ${total ? `${done.toLocaleString('en')} of ${total.toLocaleString('en')}` : ''}`,
  }),
  progressLabel: { ja: '出力の進み具合', en: 'Export progress' },
  ready: { ja: '出力が完了しました。', en: 'The export is ready.' },
  download: (name: string) => ({ ja: `ダウンロード: ${name}`, en: `Download: ${name}` }),
  linkNote: {
    ja: 'リンクは5分間有効です。期限が切れたら、もう一度押すと新しいリンクを取得します。',
    en: 'The link works for 5 minutes; clicking after that fetches a new one.',
  },
  failed: { ja: '出力できませんでした', en: 'The export failed' },
} as const;
