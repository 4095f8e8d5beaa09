import type { GuidanceText, Item, LocalizedText, Template, UnverifiedNote } from '../template.ts';
import { item, unverified } from './shared.ts';

/**
 * 「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」 (厚生労働省, 令和6年6月6日; PDF 001261299) on the
 * official layout: columns 項番 | 大項目 | 確認項目, five phases, 大項目 numbered 1-1 … 5-6. In phase 1 each 大項目
 * holds four 確認項目 (numbered here `1-1(1)` … `1-2(4)` so that every row has its own number); from phase 2 on each
 * 大項目 holds one 確認項目 and carries the 項番 alone (`2-1`).
 *
 * Where the wording was read in a transcription of the official table or of its 手引き (see SOURCE_TABLE /
 * SOURCE_GUIDE) the row is marked `verified`. Where only a press summary of the table was found (seed 000), the
 * 確認項目 is phrased as a question built from that summary and listed in metadata.unverified, which the product
 * shows to users as a plain note.
 */

const SOURCE_TABLE =
  '厚生労働省「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」（令和6年6月6日、https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html）— 転記: MC plus（wic-net.com/material/document/15123/3）';
const SOURCE_GUIDE =
  '厚生労働省「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表のための手引き」（令和6年6月）— 転記: MC plus（wic-net.com/material/document/15124/1, /7; 15064/3, /5）';
// seeds/000_85de9859f116de81.txt (the path stays here: the source text below is shown to users).
const SOURCE_SEED_000 = 'Gem Med「サイバー攻撃に備え、各医療機関で…BCP策定を—厚労省」2024年6月7日';

interface Row {
  /** Item id (kept from the earlier edition so stored answers keep their meaning). */
  id: string;
  text: LocalizedText;
  /** True when the 確認項目 text was read in a transcription of the official table or 手引き. */
  verified: boolean;
  howTo?: GuidanceText;
  /** The 手引き's references to the MHLW guideline for this row, as printed (「企画管理編 12.2」). */
  guidelineRefs?: string[];
  /** Where `howTo` comes from: the 手引き itself (default) or the article summarising it. */
  howToFrom?: 'article';
}

interface MajorItem {
  /** 項番 of the 大項目: `1-1`. */
  number: string;
  title: LocalizedText;
  rows: Row[];
}

interface Phase {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  majors: MajorItem[];
}

const PHASES: Phase[] = [
  {
    id: 'normal',
    title: { ja: '平時', en: 'Normal times' },
    description: {
      ja: '平時において、非常時に備え、サイバーセキュリティの体制整備を行う。',
      en: 'In normal times, build the cybersecurity set-up needed for an emergency.',
    },
    majors: [
      {
        number: '1-1',
        title: { ja: '情報機器等の把握と適切な管理、全体構成図の作成', en: 'Knowing and managing the IT equipment; overall configuration diagrams' },
        rows: [
          {
            id: 'normal-1',
            howToFrom: 'article',
            verified: true,
            text: {
              ja: 'サーバ、端末PC、ネットワーク機器を把握できているか。',
              en: 'Do you know every server, client PC and network device?',
            },
            howTo: {
              ja: '院内のサーバおよび端末PCのOS、IPアドレス、使用用途、脆弱性対応状況、ウイルス対策ソフトの稼働状況等の一覧を整備し、管理者権限でログオンするPCが分かるようにしておく。院内に設置したすべてのVPN装置、ファイアウォール、ルーター等の所在とIPアドレス、使用用途等を明記した一覧を作成する。',
              en: 'Keep a list of every server and client PC with its OS, IP address, purpose, vulnerability status and whether antivirus is running, and mark the PCs logged on to with administrator rights. List every VPN device, firewall and router in the facility with its location, IP address and purpose.',
            },
          },
          {
            id: 'normal-2',
            verified: true,
            text: {
              ja: 'ネットワーク構成図・システム構成図が整備できているか。',
              en: 'Are the network and system configuration diagrams in place?',
            },
          },
          {
            id: 'normal-3',
            verified: true,
            text: {
              ja: 'システム停止が事業継続に与える影響を把握できているか。',
              en: 'Do you know how a system outage affects the continuity of care?',
            },
          },
          {
            id: 'normal-4',
            verified: true,
            text: {
              ja: 'サーバ、端末PC、ネットワーク機器の脆弱性への対応ができているか。',
              en: 'Are vulnerabilities of servers, client PCs and network devices dealt with?',
            },
          },
        ],
      },
      {
        number: '1-2',
        title: {
          ja: '非常時に備えたサイバーセキュリティ体制の整備とリスク検知のための情報収集',
          en: 'A cybersecurity set-up for emergencies, and gathering information to detect risks',
        },
        rows: [
          {
            id: 'normal-5',
            verified: true,
            text: {
              ja: 'インシデント発生時における組織内と外部関係機関（事業者、厚生労働省、警察等）への連絡体制図が整備できているか。',
              en: 'Is there a contact chart for incidents, covering people inside the organisation and outside bodies (vendors, the Ministry of Health, Labour and Welfare, the police, etc.)?',
            },
          },
          {
            id: 'normal-6',
            guidelineRefs: ['企画管理編 12.2', 'システム運用編 8.2', 'システム運用編 17'],
            verified: true,
            text: {
              ja: 'リスク検知のための情報収集体制が整備できているか。',
              en: 'Is there a set-up for gathering information to detect risks?',
            },
            howTo: {
              ja: '自医療機関に重要な脆弱性情報が事業者から報告されるスキーム（保守契約等）を確立しておく。ファイアウォール、VPN等外部接続点のアクセスログを定期的に確認する体制を整備しておく。',
              en: 'Arrange (for example in the maintenance contract) for vendors to report vulnerabilities that matter to the facility. Have the access logs of the outside connection points (firewall, VPN) checked regularly.',
            },
          },
          {
            id: 'normal-7',
            guidelineRefs: ['企画管理編 11.⑥'],
            verified: true,
            text: { ja: '教育訓練が実施できているか。', en: 'Are education and drills carried out?' },
            howTo: {
              ja: '策定したBCPが迅速かつ適切に利用できるように、教育訓練を定期的に実施する。システムが利用できなくなることを想定して、障害時マニュアルや伝票運用マニュアルを準備しておく。教育訓練の結果、必要に応じて改善計画を作成する。',
              en: 'Hold regular education and drills so that the BCP can be used quickly and properly. Prepare an outage manual and a paper-slip procedure for when the systems cannot be used. Draw up improvements from the drills where needed.',
            },
          },
          {
            id: 'normal-8',
            verified: true,
            text: {
              ja: 'バックアップの実施と復旧手順が確認できているか。',
              en: 'Are backups taken and has the recovery procedure been checked?',
            },
            howTo: {
              ja: 'オフラインバックアップ等サイバー攻撃を想定したデータとシステムのバックアップの実施と復旧手順の確認をしておく。復旧手順においては、業務フローを意識して復旧するシステムの優先度（復旧する順序）をあらかじめ設定しておく。',
              en: 'Take backups of data and systems that assume a cyber attack (offline backups, for example) and check the recovery procedure. In the procedure, set in advance which systems are restored first, following the flow of work.',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'detection',
    title: { ja: '検知', en: 'Detection' },
    description: {
      ja: '「医療情報システム等の障害」が見受けられる場合は、早期に医療情報システム部門へ報告し、異常内容の事実確認を行う。',
      en: 'When a fault of the medical information systems appears, report it early to the team in charge and establish the facts.',
    },
    majors: [
      {
        number: '2-1',
        title: { ja: 'システム異常の報告先の把握', en: 'Knowing where to report a system anomaly' },
        rows: [
          {
            id: 'detection-1',
            verified: false,
            text: {
              ja: '異常時の連絡体制図を全職員が把握し、連絡先等を速やかに取得できるか。',
              en: 'Does every staff member know the contact chart for anomalies, and can they get the contacts quickly?',
            },
          },
        ],
      },
      {
        number: '2-2',
        title: { ja: 'システム異常の検知', en: 'Detecting a system anomaly' },
        rows: [
          {
            id: 'detection-2',
            verified: false,
            text: { ja: '院内で発生した異常を院内職員が覚知できるか。', en: 'Can staff notice an anomaly occurring in the facility?' },
          },
        ],
      },
      {
        number: '2-3',
        title: { ja: 'CSIRT（対応者）／経営者によるシステム異常の覚知', en: 'The CSIRT (responders) and management becoming aware of the anomaly' },
        rows: [
          {
            id: 'detection-3',
            verified: false,
            text: {
              ja: '院内職員から発出されたサイバー被害情報が、組織を通じて速やかにCSIRT（対応者）・意思決定者まで到達するか。',
              en: 'Does a report of cyber damage from staff reach the CSIRT (responders) and the decision makers quickly through the organisation?',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'initial-response',
    title: { ja: '初動対応', en: 'Initial response' },
    description: {
      ja: '迅速に初動対応を進めて、サイバー攻撃による被害拡大の防止や診療への影響を最小限にする。',
      en: 'Respond quickly to stop the damage spreading and keep the impact on care to a minimum.',
    },
    majors: [
      {
        number: '3-1',
        title: { ja: '原因調査（必要に応じて事業者に依頼）', en: 'Investigating the cause (asking vendors where needed)' },
        rows: [
          {
            id: 'initial-response-1',
            verified: false,
            text: {
              ja: 'ネットワーク機器やケーブル等の調査、電源系統、ブレーカー、ハードウェア、ソフトウェア等の調査ができるか。必要に応じて事業者に依頼できるか。',
              en: 'Can network devices and cables, power, breakers, hardware and software be examined, and can this be requested from vendors when needed?',
            },
          },
        ],
      },
      {
        number: '3-2',
        title: { ja: '事業者等への連絡と作業履歴の確認', en: 'Contacting vendors and checking their work history' },
        rows: [
          {
            id: 'initial-response-2',
            verified: false,
            text: {
              ja: '事業者等への連絡と作業履歴の確認ができるか。',
              en: 'Can you contact the vendors and check the history of their work?',
            },
          },
        ],
      },
      {
        number: '3-3',
        title: { ja: '被害拡大防止', en: 'Stopping the damage from spreading' },
        rows: [
          {
            id: 'initial-response-3',
            verified: false,
            text: { ja: '被害拡大防止に向けた対応ができるか。', en: 'Can you act to stop the damage spreading?' },
          },
        ],
      },
      {
        number: '3-4',
        title: {
          ja: '経営層への報告、経営層による確認と指示、組織内周知',
          en: 'Reporting to management; management confirming and instructing; informing the organisation',
        },
        rows: [
          {
            id: 'initial-response-4',
            verified: true,
            text: {
              ja: '経営層がサイバー攻撃兆候等を認める際の組織内報告を受け、医療情報システム使用中止等の指示を判断できるか。',
              en: 'When signs of a cyber attack are seen, does management receive the internal report and can it decide on instructions such as stopping the use of the medical information systems?',
            },
            howTo: {
              ja: 'サイバー攻撃の兆候等がある場合は、経営層に報告し、対象となる医療情報システム等の使用の中止を指示する。経営層は、対応チームの設置、及び対象となる医療情報システム等の使用中止に伴う業務運用（診療体制等）の方針について検討し、必要に応じて組織内に周知し、対応を求める。',
              en: 'When there are signs of an attack, report to management and instruct that the affected systems stop being used. Management sets up a response team, decides how work (care) continues while the systems are out of use, and informs the organisation as needed.',
            },
          },
        ],
      },
      {
        number: '3-5',
        title: {
          ja: '被害状況等調査（フォレンジック調査＋証拠保全）と被害状況等の報告',
          en: 'Investigating the damage (forensics and preserving evidence) and reporting it',
        },
        rows: [
          {
            id: 'initial-response-5',
            verified: false,
            text: {
              ja: '被害状況等の調査（フォレンジック調査＋証拠保全）と、経営層への被害状況等の報告ができるか。',
              en: 'Can the damage be investigated (forensics and evidence preservation) and reported to management?',
            },
          },
        ],
      },
      {
        number: '3-6',
        title: {
          ja: '組織対応方針確認と外部関係機関への報告等の対応',
          en: "Confirming the organisation's response policy and reporting to outside bodies",
        },
        rows: [
          {
            id: 'initial-response-6',
            verified: false,
            text: {
              ja: '組織対応方針を確認し、外部関係機関への報告ができるか。',
              en: "Can the organisation's response policy be confirmed and outside bodies be informed?",
            },
          },
        ],
      },
    ],
  },
  {
    id: 'recovery',
    title: { ja: '復旧処理', en: 'Recovery' },
    description: {
      ja: '復旧計画に基づいて、医療情報システムの事業者およびサービス事業者等と協力して復旧を行うとともに、証拠保存の観点からバックアップデータ等を取得する。',
      en: 'Recover according to the recovery plan together with the system and service vendors, and secure backup data and the like as evidence.',
    },
    majors: [
      {
        number: '4-1',
        title: { ja: '経営層からの復旧指示の確認と実施', en: 'Confirming and carrying out the recovery instructions from management' },
        rows: [
          {
            id: 'recovery-1',
            verified: false,
            text: {
              ja: '経営層からの復旧指示の確認と実施ができるか。',
              en: 'Can the recovery instructions from management be confirmed and carried out?',
            },
          },
        ],
      },
      {
        number: '4-2',
        title: { ja: '医療情報システム等の事業者等へ復旧対応依頼', en: 'Asking the system vendors to restore their systems' },
        rows: [
          {
            id: 'recovery-2',
            verified: false,
            text: {
              ja: '医療情報システム等の事業者等へ復旧対応を依頼できるか。',
              en: 'Can you ask the vendors of the medical information systems to restore them?',
            },
          },
        ],
      },
      {
        number: '4-3',
        title: { ja: '再設定や再インストール、バックアップデータの復旧等', en: 'Reconfiguration, reinstallation and restoring backup data' },
        rows: [
          {
            id: 'recovery-3',
            verified: false,
            text: {
              ja: '再設定や再インストール、バックアップデータの復旧等ができるか。',
              en: 'Can systems be reconfigured and reinstalled, and backup data restored?',
            },
          },
        ],
      },
      {
        number: '4-4',
        title: { ja: '復旧結果の確認', en: 'Checking the result of the recovery' },
        rows: [
          {
            id: 'recovery-4',
            verified: false,
            text: { ja: '復旧結果の確認ができるか。', en: 'Can the result of the recovery be checked?' },
          },
        ],
      },
    ],
  },
  {
    id: 'post-incident',
    title: { ja: '事後対応', en: 'After the incident' },
    description: {
      ja: '復旧結果の報告を受け、再発防止に向けた検討と再発防止策の周知と実施を進める。',
      en: 'On the recovery report, work out how to prevent a recurrence, and make the measures known and carry them out.',
    },
    majors: [
      {
        number: '5-1',
        title: { ja: '復旧結果と情報漏洩事実の有無の報告', en: 'Reporting the recovery result and whether information leaked' },
        rows: [
          {
            id: 'post-incident-1',
            verified: false,
            text: {
              ja: '復旧結果と情報漏えい事実の有無、可能性について院内報告を行う方法、報告先、内容を、企画管理者、システム担当者がそれぞれの分担責任として把握しているか。',
              en: 'Do the planning manager and the system staff each know, as their share of the job, how, to whom and what to report inside the facility about the recovery and whether information leaked or may have leaked?',
            },
          },
        ],
      },
      {
        number: '5-2',
        title: { ja: '再発防止策の検討・策定', en: 'Working out the measures against recurrence' },
        rows: [
          {
            id: 'post-incident-2',
            guidelineRefs: ['経営管理編 1.2.2', '経営管理編 3.4.3', '企画管理編 2.1.3', '企画管理編 3.1.5'],
            verified: true,
            text: {
              ja: '再発防止策の検討および策定を進める体制、能力があるか。管理者、システム担当者がそれぞれの分担責任として把握しているか。',
              en: 'Are there the set-up and the ability to work out measures against recurrence? Do the manager and the system staff each know their share of the job?',
            },
            howTo: {
              ja: '経営層や対策チームを交え、再発防止策の検討・策定を行う。',
              en: 'Work out the measures together with management and the response team.',
            },
          },
        ],
      },
      {
        number: '5-3',
        title: { ja: '再発防止策の周知', en: 'Making the measures known in the facility' },
        rows: [
          {
            id: 'post-incident-3',
            verified: true,
            text: {
              ja: '再発防止策の周知を院内に周知する方法と体制が整備されているか。',
              en: 'Are there a way and a set-up to make the measures known throughout the facility?',
            },
            howTo: { ja: '確定した再発防止策を、関係者等に周知する。', en: 'Make the agreed measures known to everyone concerned.' },
          },
        ],
      },
      {
        number: '5-4',
        title: { ja: '再発防止策の実施', en: 'Carrying out the measures' },
        rows: [
          {
            id: 'post-incident-4',
            verified: true,
            text: { ja: '再発防止策の実施が行えるか。', en: 'Can the measures be carried out?' },
            howTo: {
              ja: '定期的なチェック箇所を割り出し、日々の保守業務へのチェック箇所、実施内容、実施者の落とし込みを行う。',
              en: 'Identify what to check regularly, and build the checks, what is done and who does it into daily maintenance work.',
            },
          },
        ],
      },
      {
        number: '5-5',
        title: { ja: '事業者等への再発防止策の指示', en: 'Instructing vendors on the measures' },
        rows: [
          {
            id: 'post-incident-5',
            guidelineRefs: ['企画管理編 2.1.3'],
            verified: true,
            text: {
              ja: '事業者に対して再発防止策を具体的に提案し、実施可能かつ有効な方法を策定する能力があるか。',
              en: 'Can the facility propose concrete measures to its vendors and settle on ones that are workable and effective?',
            },
            howTo: {
              ja: '策定した再発防止策を事業者へ周知し業務への反映を指示する。指示した再発防止策が実施できているか定期的に確認する。',
              en: 'Tell the vendors the measures and instruct them to build them into their work; check regularly that they are carried out.',
            },
          },
        ],
      },
      {
        number: '5-6',
        title: { ja: '外部関係機関への報告と情報公開の検討', en: 'Reporting to outside bodies and deciding what to disclose' },
        rows: [
          {
            id: 'post-incident-6',
            verified: false,
            text: {
              ja: '情報公開の内容を検討する体制、連絡先、内容を文書として準備し、必要時に速やかに利用できるか。経営者と担当者が外部関係機関へ報告を行えるか。',
              en: 'Are who decides on disclosure, the contacts and the content prepared in writing and ready to use quickly? Can management and staff report to outside bodies?',
            },
          },
        ],
      },
    ],
  },
];

const UNVERIFIED_REASON = {
  ja: 'この確認項目の文言は、公式の確認表の原文ではなく、確認表の内容を紹介した記事をもとに質問の形にしたものです。大項目と項番は公式の確認表に合わせています。正確な文言は厚生労働省の確認表でご確認ください。',
  en: 'This check is worded as a question from an article describing the official table, not copied from the table itself. The heading and number follow the official table. See the MHLW table for the exact wording.',
};

const HOWTO_FROM_GUIDE = {
  ja: '厚生労働省「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表のための手引き」（令和6年6月）の解説から。',
  en: 'From the MHLW guide to the BCP check table (June 2024).',
};
const HOWTO_FROM_ARTICLE = {
  ja: '手引きの解説を紹介した記事（Gem Med、2024年6月7日）の要約です。手引きの原文もご確認ください。',
  en: "A summary of the guide's explanation from a news article (Gem Med, 7 June 2024); see the guide itself too.",
};

function rowNumber(major: MajorItem, index: number): string {
  return major.rows.length === 1 ? major.number : `${major.number}(${index + 1})`;
}

const sections = PHASES.map((phase, p) => ({
  id: phase.id,
  number: String(p + 1),
  title: phase.title,
  description: phase.description,
  items: phase.majors.flatMap((major): Item[] =>
    major.rows.map((row, index) =>
      item({
        id: row.id,
        number: rowNumber(major, index),
        text: row.text,
        group: major.title,
        ...(row.howTo ? { guidance: { howTo: row.howTo, source: row.howToFrom === 'article' ? HOWTO_FROM_ARTICLE : HOWTO_FROM_GUIDE } } : {}),
        ...(row.guidelineRefs ? { guidelineRefs: row.guidelineRefs } : {}),
      }),
    ),
  ),
}));

const unverifiedNotes: UnverifiedNote[] = PHASES.flatMap((phase) =>
  phase.majors.flatMap((major) => major.rows.filter((row) => !row.verified).map((row) => unverified(row.id, UNVERIFIED_REASON.ja, UNVERIFIED_REASON.en))),
);

/** 「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」 (厚生労働省, 令和6年6月): five phases, 大項目 1-1 … 5-6. */
export const mhlwBcpR6: Template = {
  id: 'mhlw-bcp-r6',
  form: 'bcp',
  fiscalYear: 2024,
  label: { ja: '令和6年6月版', en: 'June 2024 edition' },
  title: {
    ja: 'サイバー攻撃を想定した事業継続計画（BCP）策定の確認表',
    en: 'Check table for a business continuity plan (BCP) that assumes a cyber attack',
  },
  source: `${SOURCE_TABLE}。${SOURCE_GUIDE}。確認表の原文を確認できなかった確認項目は ${SOURCE_SEED_000} から質問の形にしています（該当項目に注記）。`,
  applicability: [],
  sections,
  metadata: {
    unverified: unverifiedNotes,
    guidanceSource: {
      ja: '各項目の解説は、厚生労働省「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表のための手引き」（令和6年6月）によります。',
      en: 'The explanations come from the MHLW guide to the BCP check table (June 2024).',
    },
  },
};

/** One 確認項目 of the 初動対応 phase: its 大項目 (`title`) and the question (`text`). */
export interface BcpStep {
  id: string;
  number: string;
  title: LocalizedText;
  text: LocalizedText;
}

/** The 初動対応 phase's 確認項目 of the built-in BCP table (3-1 … 3-6), in order: shown to a facility while it has an open incident report. */
export function bcpInitialResponseSteps(): BcpStep[] {
  const phase = PHASES.find((p) => p.id === 'initial-response');
  if (!phase) return [];
  return phase.majors.flatMap((major) =>
    major.rows.map((row, index) => ({
      id: row.id,
      number: rowNumber(major, index),
      title: { ...major.title },
      text: { ...row.text },
    })),
  );
}
