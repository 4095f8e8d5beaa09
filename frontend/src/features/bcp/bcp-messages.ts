/** Texts of the BCP 確認表 feature, Japanese first. Texts used by the e2e test are marked `stable`. */
export const BM = {
  nav: { ja: 'BCP確認表', en: 'BCP check table' }, // stable (ja)
  title: { ja: 'BCP確認表', en: 'BCP check table' }, // stable (ja)
  formLabel: { ja: 'BCP確認表', en: 'BCP check table' }, // stable (ja)
  lead: {
    ja: '厚生労働省「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」で、貴院のBCPがサイバー攻撃に備えた内容になっているかを確認します。',
    en: "With the MHLW check table for a BCP that assumes a cyber attack, check that your facility's business continuity plan covers a cyber attack.",
  },
  about: {
    ja: '確認表は、平時・検知・初動対応・復旧処理・事後対応の5つの段階について、BCPに定めておくべきことを質問の形で並べたものです。各項目に「はい」「いいえ」で答え、「いいえ」の項目は対応の目標日を入れてください。',
    en: 'The table asks, for five stages (normal times, detection, initial response, recovery, after the incident), what your BCP should set out. Answer each question Yes or No; for No, give the date by which you aim to cover it.',
  },
  current: { ja: '今年度の確認表', en: 'This year’s table' }, // stable (ja)
  earlier: { ja: 'これまでの確認表', en: 'Earlier tables' },
  none: { ja: 'BCP確認表の回答依頼はまだ届いていません。', en: 'Your prefecture has not sent you the BCP check table yet.' }, // stable (ja)
  noneHint: {
    ja: '都道府県が確認表を配布すると、ここに表示され回答できるようになります。それまでは、厚生労働省のウェブサイトで公開されている確認表・手引き・BCPのひな形を参考に、BCPの見直しを進めてください。',
    en: 'When your prefecture sends the table it appears here and you can answer it. Until then, use the table, its guide and the BCP template published on the MHLW website to review your BCP.',
  },
  checklistLink: {
    ja: 'チェックリストの3(3)「サイバー攻撃を想定した事業継続計画（BCP）を策定している。」とあわせてご確認ください。',
    en: 'See also item 3(3) of the checklist: "A business continuity plan (BCP) that assumes a cyber attack has been drawn up."',
  },
  answer: { ja: '回答する', en: 'Answer' }, // stable (ja)
  continue: { ja: '回答を続ける', en: 'Continue answering' },
  view: { ja: '回答を見る', en: 'View answers' },
  deadline: { ja: '回答期限', en: 'Deadline' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  progress: { ja: '回答状況', en: 'Progress' },
  score: { ja: '「はい」の割合', en: 'Share of Yes' },
  phases: { ja: '平時 ／ 検知 ／ 初動対応 ／ 復旧処理 ／ 事後対応', en: 'Normal times / Detection / Initial response / Recovery / After the incident' },
  officialForm: { ja: '確認表の形で出力 (Excel)', en: 'Check table layout (Excel)' },
  officialFormHelp: {
    ja: '厚生労働省のBCP確認表と同じ並び（項番・大項目・確認項目）に、回答・確認日・目標日・備考を加えた表です。A4 横で印刷できます。',
    en: "The MHLW table's layout (number, heading, question) with the answers, dates, target dates and notes; prints on A4 landscape.",
  },
  // The dashboard's switch between surveys.
  switchLabel: { ja: '表示する調査', en: 'Survey shown' },
  switchGo: { ja: '表示', en: 'Show' },
  dashboardNote: {
    ja: 'BCP確認表の集計です。各項目は「BCPに定めているか」を表します。',
    en: 'Figures of the BCP check table: each item says whether the BCP sets it out.',
  },
} as const;
