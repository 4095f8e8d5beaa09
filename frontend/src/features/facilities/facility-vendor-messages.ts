/**
 * Texts of the facility page's vendor sections (issue 8): each contracted vendor's answers and MDS/SDS. Japanese
 * first, in the shape of `M`; they load with the facility page. Texts the end-to-end tests look for are `stable`.
 */
const n = (v: number) => v.toLocaleString('en-US');

export const FV = {
  vendorsTitle: { ja: '事業者の回答と MDS/SDS', en: 'Vendors’ answers and MDS/SDS' }, // stable (ja)
  vendorsLead: {
    ja: '契約している事業者ごとに、「事業者確認用」への回答と、登録されている最新の MDS/SDS (製造業者/サービス事業者による医療情報セキュリティ開示書) です。ダウンロードのリンクは数分間だけ有効です。',
    en: 'For each contracted vendor: its answers to the vendor form and its current MDS/SDS disclosures on file. Download links are valid for a few minutes.',
  },
  vendorsNone: { ja: '契約している事業者は登録されていません。', en: 'No contracted vendors are registered.' },
  missingCount: (k: number) => ({ ja: `MDS/SDS の登録がない事業者 ${n(k)} 社`, en: `${n(k)} vendors without an MDS/SDS on file` }),
  noCurrent: { ja: 'MDS/SDS の登録なし', en: 'No MDS/SDS on file' }, // stable (ja)
  noCurrentBody: {
    ja: 'この事業者から、契約中のシステムに該当する最新の MDS/SDS が登録されていません。',
    en: 'This vendor has no current MDS/SDS on file that covers the contracted systems.',
  },
  documentsTitle: { ja: 'MDS/SDS', en: 'MDS/SDS' },
  colKind: { ja: '種類', en: 'Kind' },
  colProduct: { ja: '製品・サービス', en: 'Product or service' },
  colIssued: { ja: '発行日', en: 'Issued' },
  colJahis: { ja: 'JAHIS 様式', en: 'JAHIS format' },
  colFile: { ja: 'ファイル', en: 'File' },
  download: { ja: 'ダウンロード', en: 'Download' }, // stable (ja)
  downloadFor: (what: string) => ({ ja: `${what} をダウンロード`, en: `Download ${what}` }),
  opening: { ja: '準備中…', en: 'Preparing…' },
  contract: { ja: '契約', en: 'Contract' },
  remoteYes: { ja: 'リモート保守あり', en: 'Remote maintenance' },
  remoteNo: { ja: 'リモート保守なし', en: 'No remote maintenance' },

  answersTitle: { ja: '事業者確認用への回答', en: 'Answers to the vendor form' }, // stable (ja)
  answersNone: { ja: 'この事業者の回答はまだありません。', en: 'No answers from this vendor yet.' },
  answersOf: (title: string) => ({ ja: `${title} の回答`, en: `Answers to ${title}` }),
  colItem: { ja: '項目', en: 'Item' },
  colAnswer: { ja: '回答', en: 'Answer' },
  colMirror: { ja: '自施設の項目', en: 'Our item' },
  notAnswered: { ja: '未回答', en: 'Not answered' },
  override: { ja: 'この施設向けに変更', en: 'Changed for this facility' },
  overrides: (k: number) => ({ ja: `この施設向けの変更 ${n(k)} 欄`, en: `${n(k)} cells changed for this facility` }),
  profile: (name: string) => ({ ja: `適用: ${name}`, en: `Applies: ${name}` }),
  showAnswers: { ja: '回答を表示', en: 'Show the answers' },

  // Checklist: the vendors' answers next to an item
  vendorAnswers: { ja: '事業者の回答', en: 'Vendors’ answers' }, // stable (ja)
};
