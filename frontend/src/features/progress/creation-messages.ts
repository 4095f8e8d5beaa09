/** Texts of a campaign being created, Japanese first (same shape as i18n/messages.ts). */
export const CM = {
  progressLabel: { ja: '調査の作成の進み具合', en: 'Campaign creation progress' },
  running: (done: number, total: number) => ({
    ja: `各医療機関の回答票を作成しています… ${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')} 施設`,
    en: `Preparing each facility's response… ${done.toLocaleString('en')} of ${total.toLocaleString('en')} facilities`,
  }),
  creatingBadge: { ja: '作成中', en: 'Being created' },
  failedBadge: { ja: '作成に失敗', en: 'Creation failed' },
  failed: { ja: '調査を作成できませんでした', en: 'The campaign could not be created' },
  failedHelp: {
    ja: '作成済みの分はそのまま残ります。「作成を再開」で残りの医療機関の回答票を作成します。',
    en: 'What was written is kept. "Resume" prepares the remaining facilities.',
  },
  retry: { ja: '作成を再開', en: 'Resume' },
  notOpenYet: { ja: '作成が終わるまで、医療機関には表示されません。', en: 'Facilities see it once it is ready.' },
} as const;
