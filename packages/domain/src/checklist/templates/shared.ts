import type { ApplicabilityRule, DeviceClass, GateKind, Guidance, Item, Lineage, LocalizedText, UnverifiedNote } from '../template.ts';

/** What a built-in item spells out; everything else takes the file-format defaults. */
export interface ItemSpec {
  id: string;
  number: string;
  text: LocalizedText;
  cells?: DeviceClass[];
  group?: LocalizedText;
  reference?: boolean;
  referenceCells?: DeviceClass[];
  gate?: GateKind;
  applicability?: ApplicabilityRule[];
  guidance?: Guidance;
  mirror?: string;
  lineage?: Lineage;
  guidelineRefs?: string[];
}

export function item(spec: ItemSpec): Item {
  return {
    cells: ['system'],
    reference: false,
    applicability: [],
    guidance: {},
    lineage: { kind: 'new' },
    ...spec,
  };
}

export function unverified(itemId: string, ja: string, en: string): UnverifiedNote {
  return { itemId, reason: { ja, en } };
}

/**
 * What could not be checked, in the plain words users read on the templates page. The developer's reasoning
 * (which source says what) stays in code comments next to each call, never in the note.
 */
export type NoteKind = 'wording' | 'number' | 'cells' | 'referenceCells' | 'history' | 'addedRow';

const NOTE_TEXT: Record<NoteKind, LocalizedText> = {
  wording: { ja: 'この項目の文言は公式様式で確認できていません。', en: 'The wording of this item has not been checked against the official form.' },
  number: {
    ja: 'この項目の番号（並び順）は公式様式で確認できていません。',
    en: 'The number (position) of this item has not been checked against the official form.',
  },
  cells: {
    ja: 'サーバ・端末PC・ネットワーク機器のどの欄で回答するかは、公式様式で確認できていません。',
    en: 'Which device columns (servers, client PCs, network devices) this item is answered for has not been checked against the official form.',
  },
  referenceCells: {
    ja: 'どの欄が参考項目かは、公式様式で確認できていません。',
    en: 'Which columns of this item are reference items has not been checked against the official form.',
  },
  history: {
    ja: 'この行はこの年度の様式にはなく、翌年度に向けた参考項目として記録のために載せています。',
    en: "This row is not on this year's form; it is listed, for the record, as a reference item for the following year.",
  },
  addedRow: {
    ja: 'この行は本システムが設けたものです（公式様式にはありません）。契約がない場合に、以下の項目を回答しなくてよいようにするためのものです。',
    en: 'This row is added by this system (the official form has none) so that nothing below needs answering without a contract.',
  },
};

export const NOTE_TELL_US: LocalizedText = {
  ja: '公式様式と異なる場合は県にお知らせください。',
  en: 'If it differs from the official form, please tell the prefecture.',
};

/** A plain note for an item: what could not be checked, then whom to tell (except for a row the product adds). */
export function note(itemId: string, ...kinds: NoteKind[]): UnverifiedNote {
  const parts = kinds.map((k) => NOTE_TEXT[k]);
  if (!kinds.includes('addedRow') && !kinds.includes('history')) parts.push(NOTE_TELL_US);
  return { itemId, reason: { ja: parts.map((p) => p.ja).join(''), en: parts.map((p) => p.en).join(' ') } };
}

export const VENDOR_CONTRACT: ApplicabilityRule[] = [{ requires: 'vendor-contract' }];

/** The MHLW-commissioned training deck (seeds/004_da192e4916e08125.txt), named as users can look it up. */
export const SOURCE_TRAINING_DECK =
  '令和5年度医療情報セキュリティ研修「立入検査の対応に向けた医療機関におけるサイバーセキュリティ対策研修」資料（厚生労働省委託事業、受託事業者：一般社団法人ソフトウェア協会）';

/**
 * The 実施背景 / 実施方法 / ケーススタディ headings and most of the guidance text are from that training deck, not
 * from the チェックリストマニュアル (SOURCES.md, "The manual, per item").
 */
export const GUIDANCE_FROM_DECK: LocalizedText = {
  ja: '解説は、厚生労働省の委託事業による研修資料（令和5年度「立入検査の対応に向けた医療機関におけるサイバーセキュリティ対策研修」）を要約したものです。チェックリストマニュアルの本文ではありません。',
  en: 'This guidance summarises the MHLW-commissioned training deck (FY2023 training for on-site inspections); it is not the text of the checklist manual.',
};

/** Guidance the product wrote for items the training deck predates (令和7年度 additions). */
export const GUIDANCE_BY_PRODUCT: LocalizedText = {
  ja: '解説は、厚生労働省のチェックリストマニュアル（令和7年度版の案）と医療情報システムの安全管理に関するガイドラインをもとに、本システムが作成したものです。マニュアルの本文ではありません。',
  en: 'This guidance was written for this system from the MHLW checklist manual (FY2025 draft) and the MHLW security guideline; it is not the text of the manual.',
};

/** Template-level statement of where the guidance comes from (TemplateMetadata.guidanceSource). */
export const TEMPLATE_GUIDANCE_SOURCE: LocalizedText = {
  ja: '各項目の解説（実施背景・実施方法・ケーススタディ）は、厚生労働省の委託事業による研修資料（令和5年度「立入検査の対応に向けた医療機関におけるサイバーセキュリティ対策研修」）の要約です。令和7年度に追加された項目の解説は、チェックリストマニュアル（案）とガイドラインをもとに本システムが作成しました。いずれもマニュアルの本文ではありません。',
  en: 'The guidance for each item (background, how to, case study) summarises the MHLW-commissioned training deck (FY2023). Guidance for the items added in FY2025 was written for this system from the checklist manual (draft) and the guideline. Neither is the text of the manual.',
};

/** 令和7年度版 manual draft, the source of the R7 numbering, headings and ▶ guideline references used below. */
export const SOURCE_R7_MANUAL_DRAFT =
  '令和7年度版医療機関におけるサイバーセキュリティ対策チェックリストマニュアル案（第24回 健康・医療・介護情報利活用検討会 医療等情報利活用ワーキンググループ 資料2-3・2-4、令和7年3月13日）';

export const TITLES = {
  facility: {
    ja: '医療機関におけるサイバーセキュリティ対策チェックリスト（医療機関確認用）',
    en: 'Cybersecurity Checklist for Medical Institutions (facility form)',
  },
  vendor: {
    ja: '医療機関におけるサイバーセキュリティ対策チェックリスト（事業者確認用）',
    en: 'Cybersecurity Checklist for Medical Institutions (vendor form)',
  },
} as const satisfies Record<string, LocalizedText>;

export const SECTION_TITLES = {
  gate: { ja: '医療情報システムの有無', en: 'Medical information systems in use' },
  vendorGate: { ja: '契約の有無', en: 'Contract with the facility' },
  organisation: { ja: '体制構築', en: 'Organisation' },
  management: { ja: '医療情報システムの管理・運用', en: 'Management and operation of medical information systems' },
  incident: { ja: 'インシデント発生に備えた対応', en: 'Preparing for incidents' },
} as const satisfies Record<string, LocalizedText>;

export const GROUPS = {
  all: { ja: '医療情報システム全般について、以下を実施している。', en: 'For medical information systems as a whole, the following is done.' },
  devices: {
    ja: 'サーバ、端末PC、ネットワーク機器について、以下を実施している。',
    en: 'For servers, client PCs and network devices, the following is done.',
  },
  server: { ja: 'サーバについて、以下を実施している。', en: 'For servers, the following is done.' },
  network: { ja: 'ネットワーク機器について、以下を実施している。', en: 'For network devices, the following is done.' },
  referenceR6: {
    ja: 'サーバ、端末PCについて、以下を実施している。（参考項目：令和6年度中に対応）',
    en: 'For servers and client PCs, the following is done. (Reference items: to be in place during FY2024)',
  },
} as const satisfies Record<string, LocalizedText>;

/** Item texts as printed on the 医療機関確認用 (seed 004 renders the R5 form and names the R6 additions). */
export const TEXT = {
  gate: {
    ja: '医療情報システムを導入、運用している。（「いいえ」の場合、以下すべての項目は確認不要）',
    en: 'The facility has introduced and operates a medical information system. (If "No", none of the items below need to be checked.)',
  },
  manager: {
    ja: '医療情報システム安全管理責任者を設置している。',
    en: 'A person responsible for the security management of medical information systems has been appointed.',
  },
  inventory: {
    ja: 'サーバ、端末PC、ネットワーク機器の台帳管理を行っている。',
    en: 'An inventory of servers, client PCs and network devices is kept up to date.',
  },
  remoteMaintenance: {
    ja: 'リモートメンテナンス（保守）を利用している機器の有無を事業者等に確認した。',
    en: 'We have confirmed with our vendors whether any device is maintained remotely.',
  },
  disclosure: {
    ja: '事業者から製造業者/サービス事業者による医療情報セキュリティ開示書（MDS/SDS）を提出してもらう。',
    en: 'We have our vendors submit the manufacturer / service-provider disclosure statements for medical information security (MDS/SDS).',
  },
  accessRights: {
    ja: '利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。',
    en: "Access rights are set for each category of information according to the user's profession and duties.",
  },
  unusedAccounts: {
    ja: '退職者や使用していないアカウント等、不要なアカウントを削除している。',
    en: 'Accounts that are no longer needed, such as those of former staff or unused accounts, are deleted.',
  },
  accessLogs: { ja: 'アクセスログを管理している。', en: 'Access logs are kept and reviewed.' },
  patches: {
    ja: 'セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。',
    en: 'Security patches (the latest firmware and updates) are applied.',
  },
  sourceRestriction: { ja: '接続元制限を実施している。', en: 'Connections are accepted only from permitted sources.' },
  background: {
    ja: 'バックグラウンドで動作している不要なソフトウェア及びサービスを停止している。',
    en: 'Unneeded software and services running in the background are stopped.',
  },
  contacts: {
    ja: 'インシデント発生時における組織内と外部関係機関（事業者、厚生労働省、警察等）への連絡体制図がある。',
    en: 'There is a contact chart for incidents, covering people inside the organisation and outside bodies (vendors, the Ministry of Health, Labour and Welfare, the police, etc.).',
  },
  backup: {
    ja: 'インシデント発生時に診療を継続するために必要な情報を検討し、データやシステムのバックアップの実施と復旧手順を確認している。',
    en: 'We have worked out which information is needed to keep providing care during an incident, back up data and systems, and have checked the recovery procedure.',
  },
  /** 3(3) as the FY2023 deck announced it for FY2024 (seed 004); kept on the 令和5年度 reference row. */
  bcpPlanned: {
    ja: 'サイバー攻撃を想定した事業継続計画（BCP）を策定、又は令和6年度中に策定予定である。',
    en: 'A business continuity plan (BCP) that assumes a cyber attack has been drawn up, or will be drawn up within FY2024.',
  },
  /**
   * 3(3) as printed on the published 令和6年度版 (MHLW, 2024-05-13, PDF 001253950): the "策定予定" option is gone.
   * Used from 令和6年度 on.
   */
  bcp: {
    ja: 'サイバー攻撃を想定した事業継続計画（BCP）を策定している。',
    en: 'A business continuity plan (BCP) that assumes a cyber attack has been drawn up.',
  },
} as const satisfies Record<string, LocalizedText>;

/**
 * Texts of 令和7年度版. Source: the R7 manual draft (SOURCE_R7_MANUAL_DRAFT) — its table of contents and item
 * headings give ② (「…事業者に確認した。」), ⑦ and ⑧ verbatim; ⑨ only in part; ⑩ (二要素認証) and the 運用管理規程
 * item were not found, so they stay listed in metadata.unverified.
 */
export const TEXT_R7 = {
  /** R7 manual draft, contents ②: 「…機器の有無を事業者に確認した。（医療情報システム全般）」 (R5 form: 「事業者等に」). */
  remoteMaintenance: {
    ja: 'リモートメンテナンス（保守）を利用している機器の有無を事業者に確認した。',
    en: 'We have confirmed with our vendors whether any device is maintained remotely.',
  },
  passwordStrength: {
    ja: 'パスワードは英数字、記号が混在した8文字以上とし、定期的に変更している。※二要素認証、または13文字以上の場合は定期的な変更は不要',
    en: 'Passwords are at least 8 characters mixing letters, digits and symbols, and are changed regularly. (No regular change is needed with two-factor authentication or with 13 characters or more.)',
  },
  passwordReuse: { ja: 'パスワードの使い回しを禁止している。', en: 'Reusing the same password is prohibited.' },
  externalMedia: {
    ja: 'USBストレージ等の外部記録媒体や情報機器に対して接続を制限している。',
    en: 'Connecting USB storage and other external media or devices is restricted.',
  },
  twoFactor: {
    ja: '二要素認証を実装している、又は令和9年度までに実装予定である。',
    en: 'Two-factor authentication is in place, or will be by FY2027.',
  },
  operationRules: {
    ja: '医療情報システムの運用管理規程を策定している。',
    en: 'Operating rules for medical information systems (運用管理規程) have been laid down.',
  },
} as const satisfies Record<string, LocalizedText>;

/**
 * 実施背景 / 実施方法 / ケーススタディ summarised from the MHLW-commissioned training deck (seed 004) — not from the
 * チェックリストマニュアル — so that a clinic without IT staff knows what to do. Each entry says so (source).
 */
export const GUIDANCE = {
  gate: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '「医療情報システム」とは、医療情報を保存するシステムだけでなく、医療情報を扱う情報システム全般（サーバ、端末PC（医療機器を含む）、ネットワーク機器）を指します。事業者が提供するシステムだけでなく、医療機関が自ら開発・構築したシステムも含みます。医療情報を含まない、患者への費用請求に関する情報しか扱わない会計・経理システム等は含みません。',
      en: 'A "medical information system" is not only a system that stores medical information but any information system that handles it: servers, client PCs (including medical devices) and network devices. Systems a vendor provides and systems the facility built itself both count. An accounting system that only handles billing data without medical information does not.',
    },
    howTo: {
      ja: 'レセコン、電子カルテ、オーダリングシステムなど、患者の情報を扱うシステムを一つでも導入・運用していれば「はい」を選びます。「いいえ」の場合、以下の項目はすべて確認不要です。',
      en: 'Answer "Yes" if you run even one system that handles patient information, such as a receipt computer (レセコン), an electronic medical record or an ordering system. If "No", none of the following items need to be checked.',
    },
  },
  manager: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '医療行為は機器やシステムなしでは提供が難しいのが現実です。システムの安全性を確保するための継続的な活動と、インシデント発生時の対応の中心となる責任者が必要です。',
      en: 'Care can hardly be given without devices and systems today. Someone must drive the ongoing work that keeps them safe and lead the response when an incident happens.',
    },
    howTo: {
      ja: '経営会議や幹部会等で議論し、経営者の承認を経て決定します。非常時に電子カルテシステムの停止やネットワークの遮断の要否を判断できる経営層が適任です。早急に検討し、今年度中に決定しましょう。',
      en: "Discuss it at the management or executive meeting and decide with the director's approval. The right person is a manager who can decide, in an emergency, whether to stop the electronic medical record system or cut the network. Decide within this fiscal year.",
    },
    caseStudy: {
      ja: '責任者がシステムの知識を持っていない場合は、前提知識のある担当者にこうした判断の権限を委譲するか、セキュリティ研修でスキルアップを図りましょう。外部の事業者を責任者にすることは、医療行為やシステムを理解し病院経営を判断できる人であれば可能ですが、そのような人物は稀です。',
      en: 'If the person responsible lacks system knowledge, delegate these decisions to a staff member who has it, or use security trainings to build the skills. An outside vendor can take the role only if they understand care, the systems and hospital management, which is rare.',
    },
  },
  inventory: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: 'どの機器がどこにあり、どのソフトウェアが動いているかが分からなければ、脆弱性への対応もインシデント時の対応もできません。台帳はすべての対策の出発点です。',
      en: 'Without knowing which devices exist, where they are and what software they run, neither vulnerabilities nor incidents can be handled. The inventory is where every other measure starts.',
    },
    howTo: {
      ja: '医療情報システムで用いる情報機器（電子カルテに関係するサーバやPC、外部接続のためのルータ等のネットワーク機器、医事会計システムのサーバや端末など）の機器台帳を作ります。機器メーカー、OS、使用しているソフトウェア（バージョン）、IPアドレス、コンピュータ名、設置場所、利用者などを記載し、利用しているクラウドサービスも書きます。経営層は経営会議等で定期的に管理状況の報告を受け、管理実態と責任の所在を明確にします。',
      en: 'Keep a register of every device used by medical information systems: servers and PCs of the electronic medical record, routers and other network devices for outside connections, servers and terminals of the billing system, and so on. Record maker, OS, software and version, IP address, computer name, location and users, and list the cloud services you use. Management receives regular reports on it at its meetings so that the state and the responsibility are clear.',
    },
    caseStudy: {
      ja: '「はい」は医療情報システムの範囲で台帳が網羅的に作られている状態です。一部のシステムだけの場合や、ソフトウェアのバージョンなど詳細が分からない場合は「いいえ」を選び、対応の目標日を記入します。対象は医療情報システムの端末・機器すべてで、特にネットワークに接続しているものを優先します。事務系のシステムは対象外ですが、ITガバナンスの観点から管理することが望ましいです。経営者が確認したことは会議の議事録や台帳に証跡を残しましょう。',
      en: '"Yes" means the register covers all medical information systems. If it covers only some, or details such as software versions are unknown, answer "No" and give a target date. Every device of the medical information systems is in scope; start with those connected to a network. Office systems are out of scope but are best managed too. Keep evidence of management review in meeting minutes or on the register.',
    },
  },
  remoteMaintenance: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: 'リモートメンテナンスとは、機器やシステムの保守・運用のために、遠隔から医療情報システムに接続して作業を行う仕組み全般です。外部の事業者を経由したインシデントが発生しています。',
      en: 'Remote maintenance is any arrangement by which someone connects to a medical information system from outside to maintain or operate it. Incidents have come in through outside vendors.',
    },
    howTo: {
      ja: '2(1)の台帳で確認したネットワーク機器（ルータやセキュリティ機器等）の接続点（インターネット接続、閉域網での接続等）を使って、事業者が外部から保守しているかを確認します。外部との接続があれば、保守に使う端末が安全か（最新のパッチ、サポート中のソフトウェア、マルウェアの検出がない等）、接続元を制限しているか（送信元IPアドレス制限）も確認し、台帳にリモートメンテナンスの有無を記録します。',
      en: "Using the connection points of the network devices found for 2(1) (internet links, closed networks), check whether a vendor maintains anything from outside. Where there is an outside connection, also check that the vendor's maintenance terminal is safe (latest patches, supported software, no malware found) and that connections are limited to known sources (source IP restriction). Record remote maintenance on the inventory.",
    },
    caseStudy: {
      ja: '「はい」は医療情報システムの範囲で網羅的に確認できた状態です。一部だけなら「いいえ」と目標日を記入します。有無を確認して文書化していれば、接続環境の安全性が未確認でも「はい」で構いませんが、安全確認は早急に行いましょう。会議の議事録や台帳に確認の記録を残し、事業者からも証拠（所定の申請書、接続端末のパッチ適用状況の画面など）をできる限り提出してもらいましょう。',
      en: '"Yes" means every medical information system has been checked; if only some have, answer "No" with a target date. Once the presence of remote maintenance is confirmed and documented you may answer "Yes" even if the safety of the connecting side is still unknown, but check that soon. Record the check in minutes or on the inventory and ask vendors for evidence (request forms, screenshots of patch status of their terminals).',
    },
  },
  disclosure: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: 'MDS（製造業者による医療情報セキュリティ開示書）とSDS（サービス事業者による医療情報セキュリティ開示書）は、医療情報システムのセキュリティ機能を標準的な書式で記載するよう業界団体（JAHIS/JIRA）が定めた文書です。事業者がガイドラインに沿ってセキュリティを実装しているかがまとめられており、医療機関はリスクの評価がしやすくなります。',
      en: "The MDS (manufacturer disclosure statement) and SDS (service-provider disclosure statement) for medical information security are standard forms, set by the industry bodies JAHIS and JIRA, in which a vendor describes the security functions of its system against the MHLW guideline. They make the facility's risk assessment easier.",
    },
    howTo: {
      ja: '医療情報システムのセキュリティが適切に実装されているか確認するため、各事業者にMDS/SDSの提出を求めます。',
      en: 'Ask each vendor for the MDS/SDS of the systems it provides, to see whether their security is properly implemented.',
    },
    caseStudy: {
      ja: '「はい」はすべてのMDS/SDSが提出されている状態です。未入手のものがあれば「いいえ」とし、提出を求め続けます。記入が不十分な場合（特に空欄）は理由を事業者に確認し、医療機関だけで対応が難しければ事業者の団体にも相談しましょう。求めても提出されない場合も、継続して求め、団体に問い合わせましょう。',
      en: '"Yes" means every MDS/SDS has been submitted; if any is missing answer "No" and keep asking. If a statement looks incomplete (blank fields in particular) ask the vendor why, and turn to the vendors\' industry body if you cannot resolve it. If a vendor does not submit, keep asking and contact the industry body.',
    },
  },
  accessRights: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '誰でも医療情報にアクセスできる環境では、情報の漏えいや不正な利用を防げません。アクセス制御と権限管理、アクセス時に認証・認可する仕組みが大切です。',
      en: 'Where anyone can reach medical information, leaks and misuse cannot be prevented. Access control, rights management and authentication and authorisation at every access are what matter.',
    },
    howTo: {
      ja: '誰が、どの部署が、どの情報にアクセスする権限を持つかを確認・設定し、規程にします（例：安全管理責任者、管理者、一般使用者、参照者）。利用者台帳（所属部署、氏名、ユーザID、権限、状態など）を作り、Active Directory等の管理の仕組みや資産管理ツールで設定・管理します。',
      en: 'Decide and set who, and which department, may access which information, and write it down as a rule (for example: security manager, administrator, ordinary user, read-only user). Keep a user register (department, name, user ID, role, status) and enforce it with Active Directory or an asset-management tool.',
    },
    caseStudy: {
      ja: 'システム上は管理者と使用者を分けていても規程がない場合は「いいえ」とし、簡易的でも規程を作りましょう。定期的な確認・棚卸や経営者への報告ができていない場合も「いいえ」として、期限を決めて実施します。事業者に委託していても、医療情報システムを使っているのは医療機関です。事業者に状況を確認し、規程の作成や設定の強化に努めましょう。',
      en: 'If administrators and users are separated in the system but there is no written rule, answer "No" and write one, even a simple one. If rights are not reviewed regularly or reported to management, also answer "No" and set a date. Even when a vendor runs the system, the facility is its user: ask the vendor how it stands and strengthen rules and settings.',
    },
  },
  unusedAccounts: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '退職者のアカウントや使われていないアカウントが残っていると、不正なアクセスに悪用されるおそれがあります。',
      en: 'Accounts of former staff and unused accounts can be abused to get in.',
    },
    howTo: {
      ja: '2(4)の利用者台帳を参考に、使用していないアカウントや不要なアカウントを削除します。特にサーバのアカウントや、端末PCが管理者権限のまま運用されていないかを確認しましょう。',
      en: 'Using the user register of 2(4), delete unused and unneeded accounts. Check server accounts in particular, and that client PCs are not used with administrator rights.',
    },
    caseStudy: {
      ja: '削除できていなくても無効化していれば「はい」で構いません。以前対応したが最近確認していない場合は「いいえ」とし、定期的に確認する体制をつくりましょう。引継ぎなどのために退職者のアカウントを残すのは健全ではありません。早期に削除しましょう。',
      en: 'Disabled accounts count as done: answer "Yes". If the last review was long ago, answer "No" and set up a regular review. Keeping a former employee\'s account for hand-over is not healthy; remove it soon.',
    },
  },
  accessLogs: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: 'アクセスログとは、PCやサーバ、アプリケーションやデータへの接続履歴です（Windowsのイベントログ、端末の操作ログ、Active DirectoryやWebサーバへの接続履歴など）。誰が何をしたかが分からなければ、通常の利用か攻撃者の侵入かを判断できません。',
      en: 'Access logs are the records of connections to PCs, servers, applications and data (Windows event logs, terminal operation logs, Active Directory and web-server logs). Without knowing who did what, normal use cannot be told from an intrusion.',
    },
    howTo: {
      ja: '各機器でどのようなログが取れるかを「ログリスト」にまとめ、定常的に取得できるログ（ファイアウォール、AD、資産管理ツールなど）を定例会などで定期的に確認します。',
      en: 'List which logs each device can produce, and review the logs collected routinely (firewall, Active Directory, asset-management tool) at a regular meeting.',
    },
    caseStudy: {
      ja: '医療情報システムへの不正なアクセスや操作をログで確認・追跡できる状態なら「はい」で構いませんが、ログリストを作り管理体制の確立を目指しましょう。保存期間はできる限り長くします。ログは取れているはずだが見たことがない場合は、管理できているとは言えません。ベンダーに依頼しないと解析できない場合は、契約内容、インシデント時の対応、予兆の連絡方法、費用を事前に確認しておきましょう。',
      en: 'If unauthorised access or operations on the medical information systems can be found and traced in the logs, answer "Yes", and still work towards a log list and a clear routine; keep logs as long as possible. Logs that exist but nobody has ever looked at are not managed. If only the vendor can analyse them, agree in advance on the contract, the response during an incident, how warning signs are reported and the cost.',
    },
  },
  patches: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '「閉域網だから安全」という思い込みから、ソフトウェアやセキュリティ対策ソフトの定義ファイルが更新されず、侵入されると攻撃が拡大しやすい状態になっている例が多くあります。',
      en: 'Trusting that "a closed network is safe", many facilities leave software and antivirus definitions un-updated, so an intruder can spread easily.',
    },
    howTo: {
      ja: '台帳を使って、すべての端末・システム・機器のソフトウェアとバージョンを確認し、サポート切れのソフトウェアを使っていないか事業者に確認します。サポート中であることは必須で、できる限り最新に更新します。規程どおりに運用できているか確認し、規程がなければ作成します。',
      en: 'From the inventory, check the software and versions of every terminal, system and device, and ask vendors whether anything is out of support. Supported software is a must; update to the latest wherever possible. Check that updates follow your rules, and write the rules if there are none.',
    },
    caseStudy: {
      ja: '一部のシステムだけなら「いいえ」と目標日を記入します。事業者からパッチを適用できないと言われたら、理由と受け入れているリスクを台帳や議事録に記録し、保守契約の内容を確認して事業者と認識を合わせましょう。厚生労働省はソフトウェアの更新を求めています。頻度の目安は、定義ファイルは1日1回程度、パッチはPCI DSSの例で1か月以内の適用です。',
      en: 'If only some systems are patched, answer "No" with a target date. If a vendor says a patch cannot be applied, record why and which risk you accept in the inventory or minutes, check the maintenance contract and agree with the vendor. The MHLW asks for updates. As a yardstick, antivirus definitions are published about daily, and PCI DSS, for example, expects patches within a month.',
    },
  },
  sourceRestriction: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '誰でもアクセスできる状態では、攻撃者もアクセスできてしまいます。',
      en: 'If anyone can connect, so can an attacker.',
    },
    howTo: {
      ja: 'ファイアウォールなどで接続できるIPアドレスを限定する（送信元アドレス制限）、国内のアドレスからしかアクセスできないようにする（ジオブロック）、無線LANのセキュリティ対策（MACアドレス認証、IEEE802.1x認証など）を行います。',
      en: 'Allow only known IP addresses through the firewall (source address restriction), accept only addresses from Japan (geo-blocking), and secure wireless LAN (MAC address authentication, IEEE 802.1X).',
    },
    caseStudy: {
      ja: '一部のシステムだけなら「いいえ」と目標日を記入します。制限に追加費用が必要と言われた場合は、運用・保守上の設定変更の範囲と考えられるため事業者と話をしましょう。事業者から制限されると困ると言われたら、理由を確認した上で病院としての方針を定めて伝えます。外部からの接続を許すほど、リスクと管理の手間は増えます。',
      en: 'If only some systems are restricted, answer "No" with a target date. If the vendor asks extra money for it, discuss it: it is normally a configuration change within maintenance. If the vendor objects, ask why, then set and communicate the facility\'s policy. Every outside connection you allow adds risk and management work.',
    },
  },
  background: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '購入した端末PCには業務と関係のないソフトウェア（例：ゲームアプリ）が入っていたり動作していたりすることがあり、中にはコンピュータウイルスに関連する動作の場合もあります。',
      en: 'New PCs often carry software unrelated to work (games, for example) that runs in the background; some of it may be related to malware.',
    },
    howTo: {
      ja: 'Windowsの設定やタスクマネージャーなどから不要なソフトウェアが動いていないか確認し、あれば停止します。大規模な医療機関では、アプリ制御等により情報部門が管理している場合があります。',
      en: 'Check in Windows settings or Task Manager for unneeded software running, and stop it. Larger facilities may have the IT department control applications centrally.',
    },
    caseStudy: {
      ja: 'どれが不要かは環境によって異なります。停止するとコンピュータが動かなくなる場合もあるため、調べて確認したり、販売店・システムインテグレーター・メーカーに確認したりしてから対応しましょう。',
      en: 'What is unneeded depends on the environment, and stopping the wrong thing can break the computer: look it up, or ask the dealer, the system integrator or the maker, before you stop it.',
    },
  },
  contacts: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: 'インシデントが発生すると、組織内外の多くの組織や人と連絡・連携する必要があります。',
      en: 'An incident means contacting and working with many people and organisations, inside and outside.',
    },
    howTo: {
      ja: 'どこに連絡すればよいか分かる連絡体制図（組織内外）を事前に作ります。体制図をきれいに作るよりも、誰に連絡するかを明確にし、外部連絡リスト（警察、厚生労働省、事業者ごとに組織名・担当者名・電話番号）と院内の連絡網を整備しましょう。厚生労働省（医政局の医療情報担当参事官室）と、セキュリティ教育支援ポータルサイト MIST（https://mhlw-training.saj.or.jp/）の「インシデントかも」窓口も連絡先に入れておくと、現場対応の支援を受けられます。',
      en: 'Draw up, in advance, a contact chart (inside and outside) that shows whom to call. Clear names matter more than a pretty chart: keep an outside contact list (police, MHLW, each vendor: organisation, person, phone) and an internal call tree. Add the MHLW medical-information office and the "インシデントかも" desk of the MIST portal (https://mhlw-training.saj.or.jp/), which can support you on site.',
    },
  },
  backup: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: '大阪急性期・総合医療センターの事案では、電子カルテシステムのバックアップが確認できたため参照用の環境を構築して救急診療を再開し、基幹システム、部門システムの順に再構築して約2か月で通常診療に戻りました（同センター 情報セキュリティインシデント調査委員会報告書）。',
      en: "At the Osaka General Medical Center, a usable backup of the electronic medical record let the hospital build a read-only environment and resume emergency care, then rebuild the core and departmental systems and return to normal care after about two months (the centre's incident investigation report).",
    },
    howTo: {
      ja: 'オンラインのバックアップはサイバー攻撃の被害が及ぶおそれがあるため、オフライン等のバックアップを検討・実施します。重要な情報はUSBなど別の媒体や、変更できないバックアップ（イミュータブルバックアップ）に保存します。ランサムウェアに感染しても早期に復旧できるよう、事業者に対応方法を確認し、復旧の優先順位を決め、復旧手順を文書化します。クラウドをバックアップに使う場合は接続方法やタイミングに注意します。',
      en: 'Online backups can be hit by the same attack: plan and take offline backups too. Keep important data on separate media such as USB drives, or in immutable backups. So that you can recover quickly even from ransomware, ask vendors how to restore, set recovery priorities and write the recovery procedure down. If you back up to the cloud, mind how and when it is connected.',
    },
  },
  bcp: {
    source: GUIDANCE_FROM_DECK,
    background: {
      ja: 'BCP（事業継続計画）は、大規模災害等の発生時にも医療を継続して提供できるようにするための計画です。半田病院と大阪急性期・総合医療センターの2つのランサムウェア事案の学びから、BCPでサイバー攻撃も想定する必要があります。',
      en: 'A business continuity plan (BCP) keeps care going through a major disaster. The two ransomware cases (Handa hospital, Osaka General Medical Center) showed that a BCP must also assume a cyber attack.',
    },
    howTo: {
      ja: '厚生労働省の手引き（「医療施設の災害対応のための事業継続計画（BCP）」、「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」とその手引き・ひな形）を参考に、平時・検知・初動対応・復旧処理・事後対応の各段階で誰が何をするかを定めます。BCP確認表で内容を点検できます。',
      en: "Using the MHLW guides (the BCP guide for medical facilities, and the check table for a BCP that assumes a cyber attack with its guide and template), set out who does what in normal times, at detection, in the initial response, in recovery and afterwards. The product's BCP check table helps you review it.",
    },
  },
} as const satisfies Record<string, Guidance>;

/**
 * Guidance for the 令和7年度 additions, written for the product (the training deck predates them) from the R7
 * manual draft, the 2025-03-13 working-group paper (資料2-1: strong passwords, no reuse, the vendor form also covering
 * servers and network devices installed at the facility) and the guideline.
 */
export const GUIDANCE_R7 = {
  passwordStrength: {
    source: GUIDANCE_BY_PRODUCT,
    howTo: {
      // The first two sentences restate the R7 item (manual draft ⑦). The last one follows guideline 第7.0版
      // (2026-06-29, 産情発0629第1号, PDF 001716656 — SOURCES.md): periodic change deleted, reuse ban and lockout added.
      ja: '出荷時のパスワードは必ず変更し、推測しやすいものは使いません。この項目は、英数字と記号を混ぜた8文字以上で定期的に変更すること（二要素認証を使う場合や13文字以上の場合は定期的な変更は不要）を確認します。サーバやネットワーク機器のパスワードを事業者が管理している場合は、事業者確認用チェックリストで確認します。なお、令和8年6月のガイドライン第7.0版では、パスワードの定期的な変更を求める記載が削除され、パスワードの使い回しの禁止と、一定回数の認証失敗でアカウントをロックすることが加わりました。',
      en: 'Always change factory passwords and avoid guessable ones. This item checks that passwords have at least 8 characters mixing letters, digits and symbols and are changed regularly (no regular change is needed with two-factor authentication or 13 characters or more). Where a vendor manages server or network passwords, check them through the vendor form. Note that the guideline 7.0 (June 2026) no longer asks for regular password changes; it adds a ban on reusing passwords and locking an account after repeated failed sign-ins.',
    },
  },
  passwordReuse: {
    source: GUIDANCE_BY_PRODUCT,
    howTo: {
      ja: '複数の機器やサービスで同じパスワードを使わないようにします。VPN装置、サーバ、ネットワーク機器で共通のパスワードが使われていたことが、被害拡大の原因になった事案があります。',
      en: 'Do not use the same password on more than one device or service. In past attacks a password shared by the VPN device, servers and network devices let the damage spread.',
    },
  },
  externalMedia: {
    source: GUIDANCE_BY_PRODUCT,
    howTo: {
      ja: 'USBメモリ等の外部記録媒体や持ち込み機器は、必要なものだけ接続を許可し、それ以外は接続できないよう設定し、ルールとして定めます。',
      en: 'Allow only the USB drives, external media and devices that are needed; block the rest in the settings and write the rule down.',
    },
  },
  twoFactor: {
    source: GUIDANCE_BY_PRODUCT,
    howTo: {
      // Guideline 第6.0版 システム運用編 14: 「令和9年度時点で稼働していることが想定される医療情報システムを、今後、
      // 新規導入又は更新するに際しては、二要素認証を採用するシステムの導入、又はこれに相当する対応を行うこと」 —
      // a rule for systems newly introduced or updated, not a flat deadline for every system (the old text said
      // "by FY2027" for everything). 第7.0版 (2026-06-29): client terminals and servers keyed to 令和9年4月1日, with
      // relief until the next replacement (SOURCES.md). Cloud MFA for everyone: seed 003.
      ja: 'パスワードに加えて、ICカード、生体認証、ワンタイムパスワードなど別の要素を組み合わせます。ガイドライン第6.0版は、令和9年度時点で稼働していることが想定される医療情報システムを今後新たに導入・更新するときに、二要素認証を採用すること（またはこれに相当する対応）を求めています。すべてのシステムに一律の期限を設けたものではありません。令和8年6月の第7.0版では、端末やサーバの二要素認証が令和9年4月1日を区切りとされ、既存のシステムは次の更新時までの対応が認められています。システムの更新予定を事業者に確認し、更新時に二要素認証を組み込むよう計画しましょう。クラウドサービスでは管理者を含むすべての利用者に多要素認証を必須にしましょう。',
      en: 'Combine the password with a second factor: an IC card, biometrics or a one-time code. The guideline 6.0 expects two-factor authentication (or an equivalent) when a medical information system that will still be in use in FY2027 is newly introduced or updated; it is not a single deadline for every system. The guideline 7.0 (June 2026) keys two-factor authentication for terminals and servers to 1 April 2027, with existing systems allowed until their next replacement. Ask your vendors when each system is due for replacement and plan two-factor authentication into it. On cloud services, require multi-factor authentication for every user, administrators included.',
    },
  },
  operationRules: {
    source: GUIDANCE_BY_PRODUCT,
    howTo: {
      ja: 'アカウントとパスワード、外部記録媒体、バックアップ、インシデント時の対応など、医療情報システムの運用ルールを運用管理規程として文書にし、職員に周知します。',
      en: 'Write the operating rules of the medical information systems (accounts and passwords, external media, backups, what to do in an incident) into operating rules and make sure staff know them.',
    },
  },
} as const satisfies Record<string, Guidance>;

/** 事業者確認用 wording where the vendor's side differs (the seeds do not reproduce this form). */
export const VENDOR_TEXT = {
  gate: {
    ja: '当該医療機関に医療情報システム・サービスを提供（保守を含む）する契約がある。（「いいえ」の場合、以下すべての項目は確認不要）',
    en: 'There is a contract to provide (or maintain) a medical information system or service for this facility. (If "No", none of the items below need to be checked.)',
  },
  remoteMaintenance: {
    ja: 'リモートメンテナンス（保守）を利用している機器の有無を医療機関に報告した。',
    en: 'We have told the facility which of its devices, if any, we maintain remotely.',
  },
  disclosure: {
    ja: '医療機関に製造業者/サービス事業者による医療情報セキュリティ開示書（MDS/SDS）を提出した。',
    en: 'We have submitted the manufacturer / service-provider disclosure statements for medical information security (MDS/SDS) to the facility.',
  },
  contacts: {
    ja: 'インシデント発生時における組織内と外部関係機関（医療機関、厚生労働省、警察等）への連絡体制図がある。',
    en: 'There is a contact chart for incidents, covering people inside our organisation and outside bodies (the facility, the Ministry of Health, Labour and Welfare, the police, etc.).',
  },
  backup: {
    ja: 'インシデント発生時に医療機関が診療を継続するために必要なデータやシステムのバックアップの実施と復旧手順を確認している。',
    en: 'We back up the data and systems the facility needs to keep providing care during an incident, and have checked the recovery procedure.',
  },
} as const satisfies Record<string, LocalizedText>;

/** The vendor form's guidance: background from the training deck, how-to rewritten for vendors by the product. */
const VENDOR_GUIDANCE_SOURCE: LocalizedText = {
  ja: '解説は、厚生労働省の委託事業による研修資料（令和5年度）をもとに、本システムが事業者向けに書き直したものです。チェックリストマニュアルの本文ではありません。',
  en: 'This guidance was rewritten for vendors by this system from the MHLW-commissioned training deck (FY2023); it is not the text of the checklist manual.',
};

export const VENDOR_GUIDANCE = {
  gate: {
    source: VENDOR_GUIDANCE_SOURCE,
    howTo: {
      ja: 'この医療機関に医療情報システム・サービスを提供または保守する契約があれば「はい」。「いいえ」の場合、以下の項目はすべて確認不要です。',
      en: 'Answer "Yes" if you provide or maintain a medical information system or service for this facility under contract. If "No", none of the following items need to be checked.',
    },
  },
  remoteMaintenance: {
    source: VENDOR_GUIDANCE_SOURCE,
    background: GUIDANCE.remoteMaintenance.background,
    howTo: {
      ja: 'この医療機関に提供・保守している機器ごとに、リモートメンテナンスの有無、接続点（インターネット、閉域網等）、接続元の制限（送信元IPアドレス）、保守に使う端末の安全性（最新のパッチ、サポート中のソフトウェア、マルウェアの検出がないこと）をまとめ、医療機関に報告します。医療機関が台帳に記録できるよう、文書で渡しましょう。',
      en: "For every device you provide or maintain for this facility, state whether it is maintained remotely, through which connection (internet, closed network), from which sources (source IP restriction), and how your maintenance terminals are kept safe (latest patches, supported software, no malware found). Give it to the facility in writing so that it can go on the facility's inventory.",
    },
  },
  // R7 2(7) / 2(8) on the vendor form. Working group 2025-03-13 資料2-1: 「事業者確認用の項目においては、事業者側の管理
  // のみではなく、医療機関に導入したサーバ、ネットワーク機器についても確認する」; R7 manual draft ⑧: 「事業者においては、
  // 事業者内及び、医療機関等に設置したサーバ、ネットワーク機器等について、パスワードの使い回しが行われていないか確認して
  // ください」, with the examples below.
  passwordStrength: {
    source: VENDOR_GUIDANCE_SOURCE,
    howTo: {
      ja: '事業者の社内で使うものだけでなく、この医療機関に設置したサーバやネットワーク機器（VPN装置を含む）のパスワードも確認します。出荷時のパスワードのまま使っていないか、推測しやすいものでないかを確かめ、英数字と記号を混ぜた8文字以上（13文字以上が望ましい）にします。なお、令和8年6月のガイドライン第7.0版では、定期的な変更を求める記載が削除され、使い回しの禁止とアカウントのロックが加わりました。',
      en: 'Check not only the passwords used inside your company but also those of the servers and network devices (VPN devices included) installed at this facility: none left at the factory setting or easy to guess; at least 8 characters mixing letters, digits and symbols (13 or more is better). Guideline 7.0 (June 2026) no longer asks for regular changes; it adds a ban on reuse and account lockout.',
    },
  },
  passwordReuse: {
    source: VENDOR_GUIDANCE_SOURCE,
    howTo: {
      ja: '社内と、この医療機関に設置したサーバ・ネットワーク機器で、パスワードが使い回されていないか確認します。危険な例：施設内のサーバやネットワーク機器に同じパスワードを使っている／契約している複数の施設を同じパスワードで管理している／出荷時のパスワードを変更していない。',
      en: 'Check that no password is reused inside your company or across the servers and network devices installed at this facility. Dangerous examples: the same password on several servers or network devices of the facility; one password for all the facilities you maintain; factory passwords never changed.',
    },
  },
  disclosure: {
    source: VENDOR_GUIDANCE_SOURCE,
    background: GUIDANCE.disclosure.background,
    howTo: {
      ja: '提供している製品・サービスごとに、JAHIS/JIRAの書式でMDS/SDSを作成して医療機関に提出します。空欄にする項目は理由を添えましょう。',
      en: 'For each product or service you provide, fill in the MDS/SDS in the JAHIS/JIRA format and submit it to the facility. Give the reason for any field left blank.',
    },
  },
} as const satisfies Record<string, Guidance>;
