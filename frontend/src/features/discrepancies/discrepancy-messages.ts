/**
 * Texts of the cross-checks (decision 0012), Japanese first, in the shape of `M`. They live beside the screens that
 * show discrepancies (checklist, facility page, the prefecture's list, the dashboard card) and load with them.
 * Texts the end-to-end tests look for are marked `stable`.
 */
const n = (v: number) => v.toLocaleString('en-US');

export const DM = {
  title: { ja: '回答の食い違い', en: 'Discrepancies' }, // stable (ja)
  lead: {
    ja: '医療機関の回答と、契約している事業者の回答や登録済みの MDS/SDS を照らし合わせ、食い違っている点を一覧にしています。医療機関・事業者は説明を書けます。内容を確かめたら「解決済みにする」を選んでください。',
    en: 'What facilities answer is compared with what their contracted vendors answer and have on file. Either side can explain a discrepancy; mark it resolved once checked.',
  },
  leadInspector: {
    ja: '管内の医療機関の回答と、契約している事業者の回答や登録済みの MDS/SDS を照らし合わせ、食い違っている点を一覧にしています。医療機関・事業者は説明を書けます。解決済みにするのは都道府県です。',
    en: 'Facilities of your jurisdiction whose answers differ from their vendors’ answers or documents on file. Either side can explain; the prefecture marks them resolved.',
  },
  badge: { ja: '食い違い', en: 'Discrepancy' }, // stable (ja)
  rule: {
    disclosure_missing: { ja: 'MDS/SDS が未登録', en: 'No MDS/SDS on file' }, // stable (ja)
    disclosure_claim_unfiled: { ja: '事業者は提出済みと回答・登録なし', en: 'Vendor says submitted, none on file' },
    remote_maintenance: { ja: 'リモート保守の食い違い', en: 'Remote maintenance differs' },
    contract_disputed: { ja: '契約の有無の食い違い', en: 'Contract disputed' },
    mirror_mismatch: { ja: '対応する項目の回答が異なる', en: 'Mirrored answers differ' },
  } as Record<string, { ja: string; en: string }>,
  ruleText: {
    disclosure_missing: (vendor: string) => ({
      ja: `2(3) に「はい」と回答していますが、${vendor}の MDS/SDS のうち、この医療機関の契約システムに該当するものが登録されていません。`,
      en: `2(3) is answered “Yes”, but ${vendor} has no MDS/SDS on file that covers this facility’s contracted systems.`,
    }),
    disclosure_claim_unfiled: (vendor: string) => ({
      ja: `${vendor}は MDS/SDS を提出済みと回答していますが、この医療機関に該当するものが登録されていません。`,
      en: `${vendor} answers that it submitted its MDS/SDS, but none applying to this facility is on file.`,
    }),
    remote_maintenance: (vendor: string) => ({
      ja: `契約ではリモート保守がありますが、${vendor}または医療機関が 2(2) に「いいえ」と回答しています。`,
      en: `The contract with ${vendor} includes remote maintenance, but 2(2) is answered “No” by the vendor or the facility.`,
    }),
    contract_disputed: (vendor: string) => ({
      ja: `契約が登録されていますが、${vendor}はこの医療機関との契約がないと回答しています。`,
      en: `A contract is registered, but ${vendor} answers that it has no contract with this facility.`,
    }),
    mirror_mismatch: (vendor: string) => ({
      ja: `この項目の回答が${vendor}の回答と異なります。`,
      en: `The answer to this item differs from ${vendor}’s.`,
    }),
  } as Record<string, (vendor: string) => { ja: string; en: string }>,
  ruleOther: (vendor: string) => ({ ja: `${vendor}の回答と食い違いがあります。`, en: `Differs from ${vendor}.` }),
  state: {
    open: { ja: '未対応', en: 'Open' }, // stable (ja)
    explained: { ja: '説明あり', en: 'Explained' }, // stable (ja)
    resolved: { ja: '解決済み', en: 'Resolved' }, // stable (ja)
    cleared: { ja: '解消', en: 'Cleared' },
  } as Record<string, { ja: string; en: string }>,
  byOrg: {
    facility: { ja: '医療機関', en: 'Facility' },
    vendor: { ja: '事業者', en: 'Vendor' },
    prefecture: { ja: '都道府県', en: 'Prefecture' },
    system: { ja: '自動', en: 'System' },
  } as Record<string, { ja: string; en: string }>,
  action: {
    opened: { ja: '検出', en: 'Found' },
    explained: { ja: '説明', en: 'Explained' },
    resolved: { ja: '解決済み', en: 'Resolved' },
    cleared: { ja: '解消', en: 'Cleared' },
    reopened: { ja: '再検出', en: 'Found again' },
  } as Record<string, { ja: string; en: string }>,
  item: (number: string) => ({ ja: `項目 ${number}`, en: `Item ${number}` }),
  gateItem: { ja: '前提の問い', en: 'Gate question' },
  firstSeen: (date: string) => ({ ja: `${date} 検出`, en: `found ${date}` }),
  history: { ja: '経過', en: 'History' },

  explain: { ja: '説明する', en: 'Explain' }, // stable (ja)
  explainFor: (what: string) => ({ ja: `${what} について説明する`, en: `Explain: ${what}` }),
  explainLabel: { ja: '説明 (1,000 文字以内)', en: 'Explanation (up to 1,000 characters)' }, // stable (ja)
  explainHint: {
    ja: '食い違いの理由や、対応の予定を書いてください。都道府県と事業者が読みます。',
    en: 'Say why the answers differ or what will be done. The prefecture and the vendor read it.',
  },
  explainSend: { ja: '説明を送る', en: 'Send explanation' }, // stable (ja)
  explainSent: { ja: '説明を送りました。', en: 'Explanation sent.' },
  explainRequired: { ja: '説明を入力してください', en: 'Enter an explanation' },
  tooLong: (max: number) => ({ ja: `${n(max)} 文字以内で入力してください`, en: `At most ${n(max)} characters` }),
  sending: { ja: '送信中…', en: 'Sending…' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },

  resolve: { ja: '解決済みにする', en: 'Mark resolved' }, // stable (ja)
  resolveFor: (what: string) => ({ ja: `${what} を解決済みにする`, en: `Mark resolved: ${what}` }),
  resolveTitle: { ja: '食い違いを解決済みにする', en: 'Mark the discrepancy resolved' },
  resolveNote: { ja: '確認した内容 (任意・1,000 文字以内)', en: 'What was checked (optional, up to 1,000 characters)' }, // stable (ja)
  resolved: { ja: '解決済みにしました。', en: 'Marked resolved.' },

  // Facility page and checklist
  facilityTitle: { ja: '事業者との食い違い', en: 'Discrepancies with vendors' }, // stable (ja)
  facilityLead: {
    ja: '自施設の回答と、事業者の回答や MDS/SDS の登録状況が食い違っている点です。理由を「説明する」から書けます。',
    en: 'Where your answers and your vendors’ answers or documents on file differ. Use “Explain” to say why.',
  },
  facilityNone: { ja: '未対応の食い違いはありません。', en: 'No open discrepancies.' },
  closedCount: (k: number) => ({ ja: `解決済み・解消（${n(k)} 件）`, en: `Resolved or cleared (${n(k)})` }),
  openCount: (k: number) => ({ ja: `未解決 ${n(k)} 件`, en: `${n(k)} unresolved` }),

  // Prefecture list
  filterState: { ja: '状態', en: 'State' },
  filterOpen: { ja: '未対応と説明あり', en: 'Open and explained' },
  filterHc: { ja: '保健所', en: 'Health center' },
  filterRule: { ja: '種類', en: 'Kind' },
  all: { ja: 'すべて', en: 'All' },
  colFacility: { ja: '医療機関', en: 'Facility' },
  colVendor: { ja: '事業者', en: 'Vendor' },
  colRule: { ja: '種類', en: 'Kind' },
  colItem: { ja: '項目', en: 'Item' },
  colState: { ja: '状態', en: 'State' },
  colLatest: { ja: '最新の説明', en: 'Latest explanation' },
  colActions: { ja: '操作', en: 'Actions' },
  none: { ja: '該当する食い違いはありません。', en: 'No discrepancies match.' },
  showMore: { ja: 'さらに表示', en: 'Show more' },
  shown: (k: number) => ({ ja: `${n(k)} 件を表示中`, en: `${n(k)} shown` }),
  openChecklist: { ja: '回答を開く', en: 'Open answers' },
  listOfHc: { ja: '管内の食い違いの一覧', en: 'Discrepancies of the jurisdiction' },

  // Dashboard card
  cardTitle: { ja: '事業者との食い違い', en: 'Discrepancies with vendors' }, // stable (ja)
  cardLead: {
    ja: '医療機関の回答と事業者の回答・MDS/SDS の登録状況の食い違いのうち、未対応と説明ありの件数です。数を選ぶと一覧を開きます。',
    en: 'Facility answers that differ from their vendors’ answers or documents on file: open and explained ones. Choose a number to open the list.',
  },
  cardNone: { ja: '食い違いはありません。', en: 'No discrepancies.' },
  cardTotal: (k: number) => ({ ja: `${n(k)} 件`, en: `${n(k)}` }),
  cardOpenList: { ja: '一覧を開く', en: 'Open the list' },
  cardByRule: { ja: '種類別', en: 'By kind' },
  cardByHc: { ja: '保健所別', en: 'By health center' },
};
