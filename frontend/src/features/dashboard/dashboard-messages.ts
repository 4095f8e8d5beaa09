/**
 * The dashboard's texts, Japanese first, in the shape of `M` (i18n/messages.ts). They live beside the page so
 * that they load with its chunk, not with the sign-in page; the header and the links into the dashboard use `M`.
 * Texts the end-to-end tests look for are marked `stable`.
 */
const n = (v: number) => v.toLocaleString('en-US');

export const D = {
  title: { ja: 'ダッシュボード', en: 'Dashboard' }, // stable (ja)
  scopePrefecture: (pref: string) => ({ ja: `${pref}全体`, en: `All of ${pref}` }),
  scopeHealthCenter: (hc: string) => ({ ja: `${hc}の管内`, en: `${hc} jurisdiction` }),
  asOf: (date: string) => ({ ja: `${date} 時点`, en: `as of ${date}` }),
  print: { ja: '印刷', en: 'Print' }, // stable (ja)
  openTable: { ja: '医療機関の一覧 (回答状況)', en: 'Facility list (progress)' },
  back: { ja: '調査の一覧に戻る', en: 'Back to surveys' },
  noFacilities: { ja: 'この調査の対象の医療機関はまだありません。', en: 'This survey has no facilities yet.' },

  // Headline numbers
  headline: { ja: '主な数字', en: 'Key figures' },
  submissionRate: { ja: '提出率', en: 'Submitted' }, // stable (ja)
  submittedOf: (done: number, total: number) => ({
    ja: `${n(total)} 施設中 ${n(done)} 施設が提出`,
    en: `${n(done)} of ${n(total)} facilities`,
  }),
  returnedNow: (k: number) => ({ ja: `差戻し中 ${n(k)} 施設`, en: `${n(k)} sent back` }),
  meanScore: { ja: '平均対策実施率', en: 'Mean readiness' }, // stable (ja)
  meanScoreOf: (k: number) => ({
    ja: `対象外を除く ${n(k)} 施設の平均 (未回答の欄は「はい」以外として計算)`,
    en: `mean of ${n(k)} facilities in scope (unanswered cells count as not yet in place)`,
  }),
  meanScoreNone: { ja: 'まだ回答がありません', en: 'No answers yet' },
  overdue: { ja: '目標日超過', en: 'Past target date' }, // stable (ja)
  overdueOf: (cells: number) => ({ ja: `「いいえ」のまま目標日を過ぎた欄 ${n(cells)}`, en: `${n(cells)} “No” answers past their target date` }),
  missingFirst: { ja: '1回目の確認日未記入', en: 'Round 1 date missing' }, // stable (ja)
  missingFirstOf: (cells: number) => ({ ja: `確認日のない欄 ${n(cells)}`, en: `${n(cells)} answers without a date` }),
  facilities: (k: number) => ({ ja: `${n(k)} 施設`, en: `${n(k)} facilities` }),
  seeFacilities: { ja: '該当する医療機関を見る', en: 'See these facilities' },

  // Charts
  showTable: { ja: '表で見る', en: 'Show as a table' },
  hideTable: { ja: '表を閉じる', en: 'Hide the table' },
  /** A bar's spoken name starts with what it shows (label, range, value), then says where it leads. */
  barLink: (shown: string) => ({ ja: `${shown} — 該当する医療機関の一覧を開く`, en: `${shown} — open the facility list` }),
  colCount: { ja: '施設数', en: 'Facilities' },
  colShare: { ja: '割合', en: 'Share' },

  distribution: { ja: '対策実施率の分布', en: 'Readiness distribution' }, // stable (ja)
  distributionLead: {
    ja: '各施設の対策実施率 (対象の欄のうち、最新の回で「はい」の割合) ごとの施設数です。棒を選ぶと該当する医療機関の一覧を開きます。',
    en: 'Facilities by readiness (share of required answers that are “Yes” in the latest round). Choose a bar to list the facilities.',
  },
  distributionSection: { ja: '対策実施率と回答の状況', en: 'Readiness and response status' },
  bandsDetail: { ja: '10% ごとの施設数', en: 'Facilities per 10-point band' },
  bandsAxis: { ja: '対策実施率 (%)', en: 'Readiness (%)' },
  bandShort: {
    na: { ja: '対象外', en: 'N/A' },
    '0-19': { ja: '0〜19', en: '0–19' },
    '20-39': { ja: '20〜39', en: '20–39' },
    '40-59': { ja: '40〜59', en: '40–59' },
    '60-79': { ja: '60〜79', en: '60–79' },
    '80-99': { ja: '80〜99', en: '80–99' },
    '100': { ja: '100', en: '100' },
  } as Record<string, { ja: string; en: string }>,
  band: {
    na: { ja: '対象外・未回答', en: 'N/A or no answers' },
    '0-19': { ja: '0〜19%', en: '0–19%' },
    '20-39': { ja: '20〜39%', en: '20–39%' },
    '40-59': { ja: '40〜59%', en: '40–59%' },
    '60-79': { ja: '60〜79%', en: '60–79%' },
    '80-99': { ja: '80〜99%', en: '80–99%' },
    '100': { ja: '100%', en: '100%' },
  } as Record<string, { ja: string; en: string }>,
  levelRange: {
    complete: { ja: '100%', en: '100%' },
    mostly: { ja: '80〜99%', en: '80–99%' },
    partial: { ja: '50〜79%', en: '50–79%' },
    'action-needed': { ja: '0〜49%', en: '0–49%' },
    'not-applicable': { ja: '対象外・未回答', en: 'N/A or no answers' },
  } as Record<string, { ja: string; en: string }>,
  colLevel: { ja: '区分', en: 'Level' },
  colBand: { ja: '対策実施率', en: 'Readiness' },

  statusChart: { ja: '回答の状況', en: 'Response status' }, // stable (ja)
  statusLead: { ja: '棒を選ぶと、その状況の医療機関の一覧を開きます。', en: 'Choose a bar to list the facilities in that state.' },
  colStatus: { ja: '状況', en: 'Status' },

  // Heatmap
  heatmap: { ja: '対策が進んでいない項目', en: 'Weakest items' }, // stable (ja)
  heatmapLead: {
    ja: '項目ごとに、対象の欄のうち「はい」と回答された割合です (未回答は「はい」に数えません)。割合の低い項目から並べています。数字を選ぶと、その区分の医療機関の一覧を開きます。',
    en: 'Per item, the share of answers that are “Yes” (unanswered counts as not yes), weakest first. Choose a number to list the facilities of that group.',
  },
  heatmapBy: { ja: '列の区分', en: 'Columns' }, // stable (ja)
  by: {
    hc: { ja: '保健所', en: 'Health center' },
    area: { ja: '二次医療圏', en: 'Medical area' },
    kind: { ja: '種別', en: 'Kind' },
    size: { ja: '規模 (病床数)', en: 'Size (beds)' },
  } as Record<string, { ja: string; en: string }>,
  colItem: { ja: '項目', en: 'Item' },
  colAll: { ja: '全体', en: 'All' },
  cellTitle: (label: string, y: number, total: number) => ({
    ja: `${label}: ${n(total)} 欄中「はい」${n(y)} 欄`,
    en: `${label}: ${n(y)} “Yes” of ${n(total)}`,
  }),
  showAllItems: (k: number) => ({ ja: `すべての項目を表示 (${n(k)} 項目)`, en: `Show all ${n(k)} items` }),
  showFewerItems: { ja: '割合の低い 10 項目だけ表示', en: 'Show the 10 weakest only' },
  legend: { ja: '色の目安', en: 'Colour key' },
  legendStep: {
    s0: { ja: '40% 未満', en: 'below 40%' },
    s1: { ja: '40〜59%', en: '40–59%' },
    s2: { ja: '60〜79%', en: '60–79%' },
    s3: { ja: '80〜99%', en: '80–99%' },
    s4: { ja: '100%', en: '100%' },
  } as Record<string, { ja: string; en: string }>,
  notAsked: { ja: '対象なし', en: 'none' },

  // Breakdowns
  breakdowns: { ja: '区分ごとの状況', en: 'By group' }, // stable (ja)
  breakdownsLead: { ja: '数字を選ぶと、該当する医療機関の一覧を開きます。', en: 'Choose a number to list the facilities.' },
  colFacilities: { ja: '対象施設', en: 'Facilities' },
  colSubmission: { ja: '提出率', en: 'Submitted' },
  colMean: { ja: '平均対策実施率', en: 'Mean readiness' },
  colOverdue: { ja: '目標日超過', en: 'Past target' },
  colMissingFirst: { ja: '1回目 確認日未記入', en: 'Round 1 date missing' },

  // Lists
  overdueList: { ja: '目標日を過ぎた「いいえ」がある医療機関', en: 'Facilities with answers past their target date' },
  overdueListLead: { ja: '対策実施率の低い順。名前を選ぶと回答を開きます。', en: 'Lowest readiness first. Choose a name to open its answers.' },
  overdueListNone: { ja: '目標日を過ぎた「いいえ」はありません。', en: 'No answers are past their target date.' },
  overdueSince: { ja: '最も古い目標日', en: 'Earliest target' },
  missingList: { ja: '1回目の確認日が未記入の医療機関', en: 'Facilities with round 1 dates missing' },
  missingListLead: { ja: '対策実施率の低い順。名前を選ぶと回答を開きます。', en: 'Lowest readiness first. Choose a name to open its answers.' },
  missingListNone: { ja: '1回目の確認日の未記入はありません。', en: 'Every round 1 answer has its date.' },
  colMissingDates: { ja: '確認日のない欄', en: 'Answers without a date' },
  seeAll: (k: number) => ({ ja: `すべて見る (${n(k)} 施設)`, en: `See all ${n(k)}` }),

  // Trend
  trend: { ja: '推移', en: 'Trend' }, // stable (ja)
  trendRounds: { ja: '確認の回ごとの平均対策実施率', en: 'Mean readiness per round' },
  trendRoundsLead: {
    ja: '1回目・2回目・3回目はその回に回答した施設の平均、「現在」は対象の全施設の最新の回答による平均です。',
    en: 'Rounds: mean over the facilities that answered that round. Now: mean over every facility, latest answers.',
  },
  trendYears: { ja: '前年度との比較', en: 'Compared with last fiscal year' },
  trendYearsNone: { ja: '比較できる前年度の調査はありません。', en: 'There is no survey of the previous fiscal year to compare with.' },
  colRound: { ja: '回', en: 'Round' },
  colWhat: { ja: '指標', en: 'Measure' },
  thisYear: { ja: '今年度', en: 'This year' },
  lastYear: { ja: '前年度', en: 'Last year' },
  change: { ja: '差', en: 'Change' },
  points: (d: number) => ({ ja: `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)} ポイント`, en: `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)} points` }),
  roundNone: { ja: 'まだ回答がありません', en: 'no answers yet' },
  latest: { ja: '現在', en: 'Now' },
  latestOf: (k: number) => ({ ja: `全 ${n(k)} 施設`, en: `all ${n(k)} facilities` }),

  // Latest survey
  noCampaign: { ja: 'ダッシュボードに表示できる調査はまだありません。', en: 'There is no survey to show yet.' },
} as const;
