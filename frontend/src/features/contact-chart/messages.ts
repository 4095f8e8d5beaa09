/**
 * Texts of the 連絡体制図 pages (issue 10, checklist 3(1)). Japanese first, in the shape of `M`. Texts the browser
 * test looks for are marked `stable`.
 */
const n = (v: number) => v.toLocaleString('en-US');

export const CC = {
  title: { ja: '連絡体制図', en: 'Incident contact chart' }, // stable (ja)
  chartHeading: { ja: 'インシデント発生時の連絡体制図', en: 'Who to call when an incident happens' },
  lead: {
    ja: 'サイバー攻撃などのインシデントが起きたとき、誰が誰に連絡するかを 1 枚にまとめます (チェックリスト 3(1))。A4 1 枚で印刷して、電話の近くに貼っておきましょう。',
    en: 'One page that says who calls whom when a cyber incident happens (checklist item 3(1)). Print it on one A4 sheet and keep it by the phone.',
  },
  leadReadOnly: {
    ja: '医療機関が作成した連絡体制図です (閲覧のみ)。',
    en: 'The contact chart as the facility keeps it (read-only).',
  },
  lastUpdated: { ja: '最終更新', en: 'Last updated' },
  lastConfirmed: { ja: '最終確認日', en: 'Last checked' }, // stable (ja)
  notConfirmed: { ja: '未確認', en: 'Not checked yet' },
  notCreated: { ja: '未作成', en: 'Not created' }, // stable (ja)
  by: (name: string) => ({ ja: `(${name})`, en: `(${name})` }),
  statusCurrent: (fy: string) => ({ ja: `${fy}に更新・確認済み`, en: `Updated or checked in ${fy}` }),
  statusOutdated: (fy: string) => ({ ja: `${fy}はまだ確認されていません`, en: `Not checked yet in ${fy}` }),
  statusMissing: { ja: 'まだ作成されていません', en: 'Not created yet' },
  confirmYearly: {
    ja: '年に 1 回以上、内容が正しいかを確認し「内容を確認した」を押してください。最終確認日が今日になります。',
    en: 'At least once a year, check that everything is still right and press “Checked”. The last-checked date becomes today.',
  },
  confirmButton: { ja: '内容を確認した (最終確認日を今日にする)', en: 'Checked (set the last-checked date to today)' }, // stable (ja)
  confirmed: { ja: '最終確認日を今日にしました。', en: 'The last-checked date is now today.' },
  print: { ja: '印刷する (A4 1 枚)', en: 'Print (one A4 page)' }, // stable (ja)
  edit: { ja: '編集する', en: 'Edit' }, // stable (ja)
  create: { ja: '連絡体制図を作成する', en: 'Create the contact chart' }, // stable (ja)
  save: { ja: '保存する', en: 'Save' }, // stable (ja)
  cancel: { ja: 'やめる', en: 'Cancel' },
  saveContact: { ja: '連絡先を保存する', en: 'Save the contact' }, // stable (ja)
  saveOutside: { ja: '外部機関の連絡先を保存する', en: 'Save the outside contacts' }, // stable (ja)
  saved: { ja: '連絡体制図を保存しました。', en: 'The contact chart was saved.' }, // stable (ja)
  saveFailed: { ja: '保存できませんでした', en: 'Could not save' },
  fixFields: (k: number) => ({ ja: `${n(k)} か所の入力を確認してください。`, en: `Check ${n(k)} field(s).` }),
  stale: {
    ja: '他の人が先に保存しました。最新の内容を読み込みました。もう一度入力して保存してください。',
    en: 'Someone else saved first. The latest version is loaded; enter your changes again and save.',
  },
  // Sections of the diagram
  internal: { ja: '院内の連絡 (上から順に連絡)', en: 'Inside the facility (call in this order)' },
  discoverer: { ja: '発見した人', en: 'Whoever notices' },
  discovererNote: {
    ja: '画面の異常・脅迫文・不審なメールなど。ネットワークケーブルを抜き、電源は切らずに連絡。',
    en: 'Odd screens, ransom notes, suspicious mail: unplug the network cable, leave the power on, and call.',
  },
  systemStaff: { ja: 'システム担当者', en: 'System staff' },
  securityOfficer: { ja: '医療情報システム安全管理責任者', en: 'Medical information system security officer' },
  director: { ja: '院長 (管理者)', en: 'Director (administrator)' },
  decides: { ja: '院長・責任者の判断で外部へ連絡', en: 'The director or the officer decides whom outside to call' },
  vendors: { ja: '事業者 (保守・契約先)', en: 'Vendors (maintenance, contracts)' },
  vendorsNone: { ja: '契約している事業者が登録されていません。', en: 'No contracted vendors are registered.' },
  outside: { ja: '外部機関', en: 'Outside bodies' },
  prefecture: { ja: '都道府県 (医療政策担当課)', en: 'Prefecture (medical policy office)' },
  healthCenter: { ja: '保健所', en: 'Health center' },
  police: { ja: '警察 (サイバー犯罪相談窓口)', en: 'Police (cyber-crime desk)' },
  mhlw: { ja: '厚生労働省', en: 'MHLW' },
  desks: { ja: '相談窓口', en: 'Consultation desks' },
  phone: { ja: '電話', en: 'Phone' },
  afterHours: { ja: '夜間・休日', en: 'Nights, holidays' },
  email: { ja: 'メール', en: 'Mail' },
  hours: { ja: '受付', en: 'Hours' },
  notSet: { ja: '未設定', en: 'Not set' },
  prefFills: { ja: '未設定 (都道府県が入力します)', en: 'Not set (the prefecture fills this in)' }, // stable (ja)
  sourceNote: { ja: '出典', en: 'Source' },
  fromVendor: { ja: '事業者が登録した連絡先', en: 'Contact registered by the vendor' },
  fromFacility: { ja: '自施設で設定した連絡先', en: 'Contact set by this facility' },
  noVendorContact: { ja: '連絡先未登録 (事業者に確認してください)', en: 'No contact on file (ask the vendor)' },
  remote: { ja: 'リモート保守', en: 'Remote maintenance' },
  notes: { ja: '補足', en: 'Notes' },
  // Form
  formTitle: { ja: '連絡先を入力する', en: 'Enter the contacts' },
  formLead: {
    ja: '夜間・休日にもつながる番号 (携帯電話など) を入れてください。電話番号は 088-123-4567 のように入力します。',
    en: 'Give numbers that reach people at night and on holidays too (mobile phones). Write numbers like 088-123-4567.',
  },
  name: { ja: '氏名', en: 'Name' },
  titleField: { ja: '役職・担当', en: 'Title or role' },
  phoneField: { ja: '電話 (日中)', en: 'Phone (working hours)' },
  afterHoursField: { ja: '電話 (夜間・休日)', en: 'Phone (nights, holidays)' },
  emailField: { ja: 'メールアドレス', en: 'E-mail' },
  staffN: (i: number) => ({ ja: `システム担当者 ${i} (${i} 番目に連絡)`, en: `System staff ${i} (called ${i === 1 ? 'first' : `#${i}`})` }),
  staffShort: (i: number) => ({ ja: `システム担当者 ${i}`, en: `System staff ${i}` }),
  addStaff: { ja: 'システム担当者を追加', en: 'Add system staff' },
  removeStaff: (i: number) => ({ ja: `システム担当者 ${i} を削除`, en: `Remove system staff ${i}` }),
  moveUp: (i: number) => ({ ja: `システム担当者 ${i} を 1 つ上へ`, en: `Move system staff ${i} up` }),
  vendorOverrideTitle: { ja: '事業者の連絡先 (自施設用)', en: 'Vendor contacts (for this facility)' },
  vendorOverrideLead: {
    ja: '事業者が登録した連絡先と違う番号 (担当営業所など) を使う場合だけ入力します。空欄なら事業者の登録内容を表示します。',
    en: 'Only if you call another number than the one the vendor registered (a local office). Left empty, the vendor’s own contact is shown.',
  },
  contactName: { ja: '担当者・窓口', en: 'Person or desk' },
  note: { ja: 'メモ', en: 'Note' },
  notesField: { ja: '補足 (例: 夜間・休日は当直医から院長へ連絡)', en: 'Notes (e.g. at night the doctor on duty calls the director)' },
  outsideLead: {
    ja: '外部機関の連絡先は都道府県が管理しています。未設定の番号は都道府県が入力します。',
    en: 'The prefecture keeps the outside bodies’ contacts. Numbers not set yet are for the prefecture to fill in.',
  },
  // Prefecture list
  listTitle: { ja: '連絡体制図の作成状況', en: 'Contact charts by facility' }, // stable (ja)
  listLead: (fy: string) => ({
    ja: `${fy}中に更新または確認された連絡体制図を「最新」としています。`,
    en: `A chart updated or checked in ${fy} counts as current.`,
  }),
  allHealthCenters: { ja: 'すべての保健所', en: 'All health centers' },
  healthCenterFilter: { ja: '保健所', en: 'Health center' },
  search: { ja: '名称・医療機関コード', en: 'Name or institution code' },
  colFacility: { ja: '医療機関', en: 'Facility' },
  colStatus: { ja: '状況', en: 'Status' },
  current: { ja: '最新', en: 'Current' }, // stable (ja)
  outdated: { ja: '要確認 (前年度以前)', en: 'To check (older)' },
  missing: { ja: '未作成', en: 'Not created' },
  open: (name: string) => ({ ja: `${name} の連絡体制図`, en: `Contact chart of ${name}` }),
  more: { ja: 'さらに表示', en: 'Show more' },
  none: { ja: '該当する医療機関はありません。', en: 'No facilities match.' },
  editOutside: { ja: '外部機関の連絡先を編集', en: 'Edit the outside bodies’ contacts' }, // stable (ja)
  // Dashboard card
  cardTitle: (fy: string) => ({ ja: `連絡体制図 (${fy})`, en: `Contact charts (${fy})` }),
  cardFigure: (current: number, total: number) => ({ ja: `${n(current)} / ${n(total)} 施設`, en: `${n(current)} of ${n(total)} facilities` }),
  cardLead: { ja: '今年度に更新・確認された連絡体制図がある医療機関', en: 'Facilities whose chart was updated or checked this fiscal year' },
  cardLink: { ja: '作成状況の一覧を見る', en: 'See the list' },
  rate: (pct: string) => ({ ja: `${pct}%`, en: `${pct}%` }),
  // Outside contacts editor
  outsideTitle: { ja: '外部機関の連絡先', en: 'Outside bodies’ contacts' }, // stable (ja)
  outsideEditLead: {
    ja: 'ここで入力した連絡先が、すべての医療機関の連絡体制図に表示されます (保健所は管轄の医療機関にだけ)。番号は公式の案内で確かめてから入力してください。',
    en: 'What you enter here shows on every facility’s chart (each 保健所 on its own facilities’ charts only). Check numbers against the official notices before entering them.',
  },
  defaultsNote: {
    ja: 'まだ保存されていません。資料に掲載のある連絡先だけを初期値として表示しています (出典つき)。都道府県・保健所・警察の番号は入力してください。',
    en: 'Not saved yet. Only contacts published in the sources are shown as defaults (with their source). Enter the numbers of the prefecture, the health centers and the police.',
  },
  deptField: { ja: '部署・担当', en: 'Department' },
  hoursField: { ja: '受付時間', en: 'Hours' },
  urlField: { ja: 'URL', en: 'URL' },
  noteField: { ja: '備考', en: 'Note' },
  orgName: { ja: '名称', en: 'Name' },
  addDesk: { ja: '相談窓口を追加', en: 'Add a desk' },
  removeDesk: (i: number) => ({ ja: `相談窓口 ${i} を削除`, en: `Remove desk ${i}` }),
  deskN: (i: number) => ({ ja: `相談窓口 ${i}`, en: `Desk ${i}` }),
  outsideSaved: { ja: '外部機関の連絡先を保存しました。', en: 'The outside contacts were saved.' },
  // Vendor portal
  vendorContactTitle: { ja: 'インシデント時の連絡先', en: 'Incident contact' }, // stable (ja)
  vendorContactLead: {
    ja: '契約先の医療機関の連絡体制図に表示されます。夜間・休日にもつながる番号を入れてください。',
    en: 'Shown on your client facilities’ contact charts. Give a number that also answers at night and on holidays.',
  },
  vendorContactSaved: { ja: '連絡先を保存しました。', en: 'The contact was saved.' },
  // Checklist item links
  linkChart: { ja: '連絡体制図を開く', en: 'Open the contact chart' }, // stable (ja)
  linkBcp: { ja: 'BCP 確認表を開く', en: 'Open the BCP checklist' }, // stable (ja)
  chartUpdated: (d: string) => ({ ja: `最終更新 ${d}`, en: `last updated ${d}` }),
};
