/**
 * The vendor portal's texts (事業者確認用, 標準回答, MDS/SDS), Japanese first, in the shape of `M`
 * (i18n/messages.ts). They load with the vendor pages' chunks. Texts the browser tests look for are marked `stable`.
 */
const n = (v: number) => v.toLocaleString('en-US');

export const V = {
  // Vendor home
  homeTitle: { ja: '事業者ポータル', en: 'Vendor portal' }, // stable (ja)
  homeLead: (vendor: string) => ({
    ja: `${vendor} として、契約先の医療機関向けの「事業者確認用」チェックリストへの回答と、MDS/SDS の登録ができます。`,
    en: `As ${vendor}, answer the vendor checklist (事業者確認用) for the facilities you serve and file your MDS/SDS.`,
  }),
  noOrganisation: {
    ja: 'この利用者には事業者が割り当てられていません。都道府県の担当者にお問い合わせください。',
    en: 'This user is not linked to a vendor. Please ask the prefecture.',
  },

  campaignsHeading: { ja: '回答する調査 (事業者確認用)', en: 'Surveys to answer (vendor form)' }, // stable (ja)
  campaignsHeadingPref: { ja: '調査 (事業者確認用) と回答状況', en: 'Surveys (vendor form) and their status' },
  campaignsEmpty: {
    ja: '回答する調査はまだありません。都道府県が配布すると、ここに表示されます。',
    en: 'No survey yet. Surveys appear here when the prefecture distributes them.',
  },
  colCampaign: { ja: '調査', en: 'Survey' },
  colStatus: { ja: '状況', en: 'Status' },
  colDeadline: { ja: '回答期限', en: 'Deadline' },
  colFacilities: { ja: '対象の医療機関', en: 'Facilities' },
  colProfiles: { ja: '標準回答', en: 'Standard answers' },
  colSubmitted: { ja: '最終提出', en: 'Last submitted' },
  todo: { ja: '対応が必要', en: 'To do' },
  answer: { ja: '回答する', en: 'Answer' }, // stable (ja)
  view: { ja: '見る', en: 'View' },
  facilitiesN: (k: number) => ({ ja: `${n(k)} 施設`, en: `${n(k)} facilities` }),
  profilesN: (k: number) => ({ ja: `${n(k)} 件`, en: `${n(k)}` }),

  facilitiesHeading: { ja: '契約先の医療機関', en: 'Contracted facilities' }, // stable (ja)
  facilitiesCount: (k: number) => ({ ja: `契約先 ${n(k)} 施設`, en: `${n(k)} contracted facilities` }),
  facilitiesEmpty: { ja: '契約先の医療機関は登録されていません。', en: 'No contracted facility is on record.' },
  facilitiesNote: {
    ja: '契約は都道府県が登録します。誤りがあれば都道府県の担当者にお知らせください。',
    en: 'Contracts are registered by the prefecture; tell it about any mistake.',
  },
  colFacility: { ja: '医療機関', en: 'Facility' },
  colKind: { ja: '種別', en: 'Kind' },
  colHealthCenter: { ja: '保健所', en: 'Health center' },
  colSystems: { ja: '契約しているシステム', en: 'Systems under contract' },
  colRemote: { ja: 'リモート保守', en: 'Remote maintenance' },
  remoteYes: { ja: 'あり', en: 'Yes' },
  remoteNo: { ja: 'なし', en: 'No' },
  shown: (k: number, total: number | undefined) =>
    total === undefined
      ? { ja: `${n(k)} 施設を表示`, en: `Showing ${n(k)}` }
      : { ja: `${n(total)} 施設中 ${n(k)} 施設を表示`, en: `Showing ${n(k)} of ${n(total)}` },

  discrepanciesHeading: { ja: '医療機関の回答との食い違い', en: 'Discrepancies with facilities' }, // stable (ja)
  discrepanciesLead: {
    ja: '医療機関の回答と、貴社の回答・登録済みの開示書とが食い違っている項目です。事情があれば説明を記入してください。',
    en: "Where a facility's answers differ from yours or from your documents on file. Explain where there is a reason.",
  },
  discrepanciesLeadPref: {
    ja: '医療機関の回答と、この事業者の回答・登録済みの開示書とが食い違っている項目です。',
    en: "Where facilities' answers differ from this vendor's answers or documents on file.",
  },
  discrepanciesNone: { ja: '未解決の食い違いはありません。', en: 'No open discrepancy.' },
  discrepanciesPending: { ja: '食い違いの確認はまだ利用できません。', en: 'Discrepancy checks are not available yet.' },

  // Documents
  documentsHeading: { ja: 'MDS/SDS (医療情報セキュリティ開示書)', en: 'MDS/SDS (security disclosures)' }, // stable (ja)
  documentsLead: {
    ja: 'JAHIS「製造業者/サービス事業者による医療情報セキュリティ開示書」を登録すると、該当するシステムを契約している医療機関が閲覧・ダウンロードできます。同じ種類・製品名で登録すると新しい版になり、前の版も保管されます。',
    en: 'Registered JAHIS disclosures can be read and downloaded by the facilities whose contract includes the systems they cover. The same kind and product becomes a new version; older versions are kept.',
  },
  documentsEmpty: { ja: '登録された開示書はありません。', en: 'No document on file.' },
  documentsEmptyPref: { ja: 'この事業者の開示書は登録されていません。', en: 'This vendor has no document on file.' },
  colKindDoc: { ja: '種類', en: 'Kind' },
  colProduct: { ja: '製品・サービス', en: 'Product or service' },
  colVersion: { ja: '版', en: 'Version' },
  colIssued: { ja: '発行日', en: 'Issued' },
  colJahis: { ja: 'JAHIS 様式', en: 'JAHIS format' },
  colDocSystems: { ja: '対象システム', en: 'Systems covered' },
  colFile: { ja: 'ファイル', en: 'File' },
  colUploaded: { ja: '登録', en: 'Uploaded' },
  allSystems: { ja: 'すべて', en: 'All' },
  current: { ja: '最新', en: 'Current' },
  superseded: (v: number) => ({ ja: `第${v}版で更新`, en: `Superseded by v${v}` }),
  revision: (v: number) => ({ ja: `第${v}版`, en: `v${v}` }),
  olderVersions: (k: number) => ({ ja: `以前の版 (${k})`, en: `Older versions (${k})` }),
  download: { ja: 'ダウンロード', en: 'Download' },
  downloading: { ja: '準備中…', en: 'Preparing…' },
  downloadFailed: { ja: 'ダウンロードできませんでした', en: 'The download failed' },

  uploadHeading: { ja: '開示書を登録する', en: 'Register a document' }, // stable (ja)
  uploadOpen: { ja: '開示書を登録', en: 'Register a document' },
  fieldKind: { ja: '種類', en: 'Kind' },
  kindMDS: { ja: 'MDS (製造業者による開示書)', en: 'MDS (manufacturer disclosure)' },
  kindSDS: { ja: 'SDS (サービス事業者による開示書)', en: 'SDS (service provider disclosure)' },
  fieldProduct: { ja: '製品・サービス名', en: 'Product or service name' }, // stable (ja)
  fieldProductHint: { ja: '同じ種類・製品名の開示書を登録すると、新しい版として扱います。', en: 'The same kind and name makes a new version.' },
  fieldProductVersion: { ja: '製品のバージョン', en: 'Product version' }, // stable (ja)
  fieldIssuedOn: { ja: '発行日', en: 'Issue date' }, // stable (ja)
  fieldJahis: { ja: 'JAHIS 様式のバージョン', en: 'JAHIS format version' }, // stable (ja)
  fieldJahisHint: { ja: '例: Ver.3.1', en: 'e.g. Ver.3.1' },
  fieldSystems: { ja: '対象システム', en: 'Systems covered' },
  fieldSystemsHint: {
    ja: '選んだシステムを契約している医療機関に適用されます。何も選ばなければ、契約先のすべての医療機関に適用されます。',
    en: 'Applies to the facilities whose contract includes one of them; none chosen = every contracted facility.',
  },
  fieldFile: { ja: 'ファイル', en: 'File' }, // stable (ja)
  uploadButton: { ja: '登録する', en: 'Register' }, // stable (ja)
  uploadDone: (product: string, v: number) => ({ ja: `「${product}」の第${v}版を登録しました。`, en: `Registered “${product}” v${v}.` }), // stable (ja: を登録しました)
  uploadFailed: { ja: '開示書を登録できませんでした', en: 'The document could not be registered' },
  errProductRequired: { ja: '製品・サービス名を入力してください', en: 'Enter the product or service name' },
  errIssuedRequired: { ja: '発行日を入力してください', en: 'Enter the issue date' },
  errIssuedFuture: { ja: '発行日に未来の日付は指定できません', en: 'The issue date cannot be in the future' },
  errJahisRequired: { ja: 'JAHIS 様式のバージョンを入力してください', en: 'Enter the JAHIS format version' },
  errFileRequired: { ja: 'ファイルを選んでください', en: 'Choose a file' },
  errorSummary: { ja: '入力内容を確認してください', en: 'Please check the form' },
  fieldLabels: {
    product: { ja: '製品・サービス名', en: 'Product or service name' },
    productVersion: { ja: '製品のバージョン', en: 'Product version' },
    issuedOn: { ja: '発行日', en: 'Issue date' },
    jahisFormatVersion: { ja: 'JAHIS 様式のバージョン', en: 'JAHIS format version' },
    systems: { ja: '対象システム', en: 'Systems covered' },
    file: { ja: 'ファイル', en: 'File' },
  },

  // Vendor response (the form)
  responseBack: { ja: 'ポータルに戻る', en: 'Back to the portal' },
  responseBackPref: { ja: '事業者ごとの回答状況に戻る', en: 'Back to vendor progress' },
  appliesTo: (k: number) => ({ ja: `この標準回答は ${n(k)} 施設に適用されます`, en: `This standard answer applies to ${n(k)} facilities` }), // stable (ja)
  appliesAtLeast: (k: number) => ({
    ja: `この標準回答は少なくとも ${n(k)} 施設に適用されます`,
    en: `This standard answer applies to at least ${n(k)} facilities`,
  }),
  appliesCounting: { ja: '適用される施設数を数えています…', en: 'Counting the facilities…' },
  answerOnceLead: {
    ja: '標準回答は一度答えると、契約先のすべての医療機関に適用されます。製品・サービスごとに内容が違う場合は標準回答を追加し、導入先ごとに違う項目だけを医療機関ごとに変更してください。',
    en: 'A standard answer applies to every contracted facility at once. Add one per product or service where they differ, and change single items per facility where a deployment differs.',
  },
  profilesHeading: { ja: '標準回答', en: 'Standard answers' }, // stable (ja)
  profilesTabs: { ja: '標準回答の一覧', en: 'Standard answers' },
  profileSystems: { ja: '対象システム', en: 'Systems' },
  profileSystemsAny: { ja: '指定なし (ほかに該当しない医療機関に適用)', en: 'Any (applies where no other matches)' },
  profileAdd: { ja: '標準回答を追加', en: 'Add a standard answer' }, // stable (ja)
  profileEdit: { ja: '名前・対象システムを変更', en: 'Rename / change systems' },
  profileDelete: { ja: 'この標準回答を削除', en: 'Delete this standard answer' },
  profileDeleteTitle: (name: string) => ({ ja: `「${name}」を削除しますか`, en: `Delete “${name}”?` }),
  profileDeleteBody: {
    ja: 'この標準回答の回答は削除されます。適用されていた医療機関には、ほかの標準回答が適用されます。',
    en: 'Its answers are deleted; its facilities get another standard answer.',
  },
  profileDeleteLast: { ja: '最後の標準回答は削除できません。', en: 'The last standard answer cannot be deleted.' },
  profileFormTitleNew: { ja: '標準回答を追加', en: 'Add a standard answer' },
  profileFormTitleEdit: { ja: '標準回答の名前と対象システム', en: 'Name and systems' },
  profileName: { ja: '名前 (製品・サービス名)', en: 'Name (product or service)' }, // stable (ja)
  profileNameHint: { ja: '例: 電子カルテ「あわカルテ」', en: 'e.g. EHR “Awa Karte”' },
  profileSystemsLegend: { ja: 'この標準回答を適用する契約のシステム', en: 'Apply to contracts for these systems' },
  profileSystemsHint: {
    ja: '医療機関の契約にこれらのシステムが含まれると、この標準回答が適用されます (医療機関ごとに選び直すこともできます)。',
    en: 'Facilities whose contract includes one of these systems get this standard answer (you can choose per facility too).',
  },
  profileSave: { ja: '保存する', en: 'Save' },
  profileNameRequired: { ja: '名前を入力してください', en: 'Enter a name' },
  profileDefaultName: { ja: '標準回答', en: 'Standard answer' },
  profileTooMany: (k: number) => ({ ja: `標準回答は ${k} 件までです。`, en: `At most ${k} standard answers.` }),
  profileMissing: (k: number) => ({ ja: `未回答 ${n(k)}`, en: `${n(k)} unanswered` }),
  profileComplete: { ja: '回答済み', en: 'Complete' },
  noteMax: (k: number) => ({ ja: `備考は ${k} 文字までです`, en: `Notes: at most ${k} characters` }),

  // Facilities of the response (assignments)
  assignmentsHeading: { ja: '医療機関ごとの回答', en: 'Answers per facility' }, // stable (ja)
  assignmentsLead: {
    ja: '各医療機関に適用される標準回答と、医療機関ごとに変更した項目です。導入の内容が違う医療機関は、開いて違う項目だけを変更してください。',
    en: 'The standard answer each facility gets, and what was changed for it. Open a facility to change only the items that differ there.',
  },
  colProfileApplied: { ja: '適用される標準回答', en: 'Standard answer applied' },
  colOverrides: { ja: '個別の変更', en: 'Changed for this facility' },
  byRule: { ja: '(契約のシステムから自動)', en: '(by the contract’s systems)' },
  chosen: { ja: '(選択)', en: '(chosen)' },
  overridesN: (k: number) => ({ ja: `${n(k)} 欄`, en: `${n(k)} cells` }),
  open: { ja: '開く', en: 'Open' },
  noProfile: { ja: 'なし', en: 'None' },

  // One facility
  facilityTitle: (facility: string) => ({ ja: `${facility} への回答`, en: `Answers for ${facility}` }),
  facilityBack: { ja: '回答 (標準回答) に戻る', en: 'Back to the response' },
  facilityLead: {
    ja: 'この医療機関には下の標準回答が適用されています。導入の内容が違う欄だけを変更すると、その欄はこの医療機関向けの個別の回答になります。',
    en: 'This facility gets the standard answer below. Change only the cells that differ; they become this facility’s own answers.',
  },
  facilityProfile: { ja: '適用する標準回答', en: 'Standard answer to apply' }, // stable (ja)
  facilityApplied: { ja: 'この医療機関への適用', en: 'What applies to this facility' },
  facilityProfileAuto: (name: string) => ({ ja: `自動 (契約のシステムから: ${name})`, en: `Automatic (by contract: ${name})` }),
  facilityContract: { ja: '契約', en: 'Contract' },
  overriddenBadge: { ja: 'この医療機関向けに変更', en: 'Changed for this facility' }, // stable (ja)
  overriddenCells: (cells: string) => ({ ja: `個別の回答: ${cells}`, en: `Own answers: ${cells}` }),
  clearOverride: { ja: '標準回答に戻す', en: 'Back to the standard answer' }, // stable (ja)
  overridesSummary: (k: number) => ({ ja: `この医療機関向けに変更した欄: ${n(k)}`, en: `Cells changed for this facility: ${n(k)}` }),

  // Submission and review
  submitHeading: { ja: '提出', en: 'Submit' },
  submitLead: {
    ja: '提出は、すべての標準回答と医療機関ごとの変更をまとめて都道府県に提出します。',
    en: 'Submitting sends every standard answer and every per-facility change to the prefecture at once.',
  },
  submitRound: (r: number) => ({ ja: `${r}回目を提出する`, en: `Submit round ${r}` }), // stable (ja)
  submitConfirmTitle: (r: number) => ({ ja: `${r}回目を提出しますか`, en: `Submit round ${r}?` }),
  submitConfirmBody: {
    ja: '提出後は、都道府県が確認するか差し戻すまで回答を変更できません。',
    en: 'After submitting, answers are locked until the prefecture confirms or returns them.',
  },
  submitConfirm: { ja: '提出する', en: 'Submit' }, // stable (ja)
  submitNeedsComplete: { ja: 'すべての標準回答の未回答の欄に回答すると提出できます。', en: 'Answer every open cell of every standard answer to submit.' },
  submitWait: { ja: '保存が終わるまでお待ちください。', en: 'Wait for the save to finish.' },
  submitFailed: { ja: '提出できませんでした', en: 'Could not submit' },
  submittedBanner: (date: string, r: number) => ({ ja: `${date}に${r}回目を提出しました`, en: `Round ${r} submitted on ${date}` }), // stable (ja: 回目を提出しました)
  submittedLocked: { ja: '都道府県が確認するか差し戻すまで、回答は変更できません。', en: 'Answers are locked until the prefecture confirms or returns them.' },
  confirmedBanner: (date: string, by: string) => ({ ja: `${date}に${by}さんが確認しました`, en: `Confirmed by ${by} on ${date}` }),
  returnedTitle: { ja: '都道府県から差戻しがありました', en: 'The prefecture sent your response back' }, // stable (ja)
  returnedTitlePref: { ja: '差戻し中です', en: 'Sent back' },
  returnedMeta: (date: string, r: number, by: string) => ({ ja: `${date} ・ ${r}回目 ・ ${by}`, en: `${date} · round ${r} · ${by}` }),
  returnedNext: { ja: '内容を直して、もう一度提出してください。', en: 'Correct the answers and submit again.' },
  readOnlyPref: {
    ja: '事業者の回答を閲覧しています (変更できるのは事業者だけです)。',
    en: "You are viewing the vendor's response (only the vendor can change it).",
  },
  reviewHeading: { ja: '提出された回答の確認', en: 'Review the submission' }, // stable (ja)
  reviewLead: (r: number) => ({ ja: `${r}回目の提出を確認するか、理由を添えて差し戻します。`, en: `Confirm round ${r}, or send it back with a reason.` }),
  confirmButton: { ja: '確認 (受理) する', en: 'Confirm' }, // stable (ja)
  confirmTitle: { ja: 'この回答を確認 (受理) しますか', en: 'Confirm this response?' },
  confirmMessage: { ja: '事業者へのメッセージ (任意)', en: 'Message to the vendor (optional)' },
  returnButton: { ja: '差し戻す', en: 'Send back' }, // stable (ja)
  returnTitle: { ja: '差し戻しますか', en: 'Send it back?' },
  returnMessage: { ja: '差戻しの理由 (直してほしいこと)', en: 'Reason (what to correct)' }, // stable (ja)
  returnNeedsReason: { ja: '差戻しの理由を入力してください', en: 'Enter a reason' },
  returnSend: { ja: '差し戻す', en: 'Send back' },
  reviewFailed: { ja: '処理できませんでした', en: 'Could not complete' },
  historyHeading: { ja: '確認・差戻しの履歴', en: 'Reviews' },
  reviewConfirmed: { ja: '確認', en: 'Confirmed' },
  reviewReturned: { ja: '差戻し', en: 'Sent back' },
  conflict: {
    ja: 'ほかの人が先に変更しました。最新の内容を読み込み直してください (入力中の内容は失われます)。',
    en: 'Someone else changed this first. Reload the latest version (what you typed is lost).',
  },
  reload: { ja: '最新の内容を読み込む', en: 'Reload' },

  // Prefecture: vendor progress
  progressTitle: { ja: '事業者ごとの回答状況', en: 'Vendor progress' }, // stable (ja)
  progressBack: { ja: '調査の一覧に戻る', en: 'Back to surveys' },
  byStatus: { ja: '状況別の事業者数', en: 'Vendors by status' },
  progressTotals: (k: number) => ({ ja: `事業者 ${n(k)} 社`, en: `${n(k)} vendors` }),
  vendorsN: (k: number) => ({ ja: `${n(k)} 社`, en: `${n(k)}` }),
  colVendor: { ja: '事業者', en: 'Vendor' },
  filterStatus: { ja: '状況で絞り込む', en: 'Filter by status' },
  filterAll: { ja: 'すべて', en: 'All' },
  vendorsShown: (k: number, total: number | undefined) =>
    total === undefined ? { ja: `${n(k)} 社を表示`, en: `Showing ${n(k)}` } : { ja: `${n(total)} 社中 ${n(k)} 社を表示`, en: `Showing ${n(k)} of ${n(total)}` },
  noVendors: { ja: '該当する事業者はありません。', en: 'No vendor matches.' },
  loadMore: { ja: 'さらに表示', en: 'Show more' },
  loading: { ja: '読み込み中…', en: 'Loading…' },

  // Campaigns list and new campaign
  formVendor: { ja: '事業者確認用', en: 'Vendor form' }, // stable (ja)
  formFacility: { ja: '医療機関確認用', en: 'Facility form' },
  colForm: { ja: '様式', en: 'Form' },
  vendorTargetHint: {
    ja: '事業者確認用は、選んだ医療機関と契約している事業者に配布します。事業者は一度の回答 (標準回答) を契約先のすべての医療機関に適用できます。',
    en: 'The vendor form goes to the vendors contracted by the chosen facilities; each vendor answers once for all of them.',
  },
  vendorEstimate: (k: number) => ({ ja: `${n(k)} 施設と契約している事業者に配布します`, en: `Goes to the vendors contracted by ${n(k)} facilities` }),
  vendorCreated: (k: number) => ({ ja: `${n(k)} 施設と契約している事業者に配布しました`, en: `Distributed to the vendors of ${n(k)} facilities` }), // stable (ja: 事業者に配布しました)
  vendorCampaignNote: {
    ja: 'この調査は事業者確認用です。回答状況は事業者ごとに表示します。',
    en: 'This is a vendor-form survey; progress is shown per vendor.',
  },
  openVendorProgress: { ja: '事業者ごとの回答状況を見る', en: 'Open vendor progress' },

  // Prefecture: one vendor
  vendorPageLead: { ja: '契約先の医療機関と、登録された MDS/SDS です。', en: 'Contracted facilities and documents on file.' },
  vendorDocumentsLink: { ja: '開示書・契約先', en: 'Documents and facilities' }, // stable (ja)
  backToVendors: { ja: '事業者の一覧に戻る', en: 'Back to vendors' },
  contactEmail: { ja: '連絡先', en: 'Contact' },
} as const;
