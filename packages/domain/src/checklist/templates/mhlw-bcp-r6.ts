import type { Item, LocalizedText, Template } from '../template.ts';
import { item, unverified } from './shared.ts';

interface Check {
  text: LocalizedText;
  howTo?: LocalizedText;
}

const PHASES: Array<{ id: string; title: LocalizedText; description: LocalizedText; groups: Array<{ group?: LocalizedText; checks: Check[] }> }> = [
  {
    id: 'normal',
    title: { ja: '平時', en: 'Normal times' },
    description: {
      ja: '平時において、非常時に備えサイバーセキュリティの体制整備を行う。',
      en: 'In normal times, build the cybersecurity set-up needed for an emergency.',
    },
    groups: [
      {
        group: { ja: '情報機器等の把握と適切な管理、全体構成図の作成', en: 'Knowing and managing the IT equipment; overall configuration diagrams' },
        checks: [
          {
            text: { ja: '院内のサーバ・端末PC・ネットワーク機器の把握', en: 'Knowing every server, client PC and network device in the facility' },
            howTo: {
              ja: '院内のサーバおよび端末PCのOS、IPアドレス、使用用途、脆弱性対応状況、ウイルス対策ソフトの稼働状況等の一覧を整備し、管理者権限でログオンするPCが分かるようにしておく。院内に設置したすべてのVPN装置、ファイアウォール、ルーター等の所在とIPアドレス、使用用途等を明記した一覧を作成する。',
              en: 'Keep a list of every server and client PC with its OS, IP address, purpose, vulnerability status and whether antivirus is running, and mark the PCs logged on to with administrator rights. List every VPN device, firewall and router in the facility with its location, IP address and purpose.',
            },
          },
          { text: { ja: 'ネットワーク構成図・システム構成図の整備', en: 'Network and system configuration diagrams' } },
          { text: { ja: 'システム停止が事業継続に与える影響の把握', en: 'Knowing how a system outage affects the continuity of care' } },
          { text: { ja: 'サーバ・端末PC・ネットワーク機器の脆弱性への対応', en: 'Dealing with vulnerabilities of servers, client PCs and network devices' } },
        ],
      },
      {
        group: {
          ja: '非常時に備えたサイバーセキュリティ体制の整備とリスク検知のための情報収集',
          en: 'A cybersecurity set-up for emergencies, and gathering information to detect risks',
        },
        checks: [
          {
            text: {
              ja: 'インシデント発生時における組織内と外部関係機関（事業者、厚生労働省、警察）への連絡体制図の整備',
              en: 'A contact chart for incidents covering the organisation and outside bodies (vendors, the MHLW, the police)',
            },
          },
          { text: { ja: 'リスク検知のための情報収集体制の整備', en: 'A set-up for gathering information to detect risks' } },
          { text: { ja: '教育訓練の実施', en: 'Education and drills' } },
          { text: { ja: 'バックアップの実施と復旧手順の確認', en: 'Backups taken and the recovery procedure checked' } },
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
    groups: [
      {
        checks: [
          {
            text: { ja: 'システム異常の報告先の把握', en: 'Knowing where to report a system anomaly' },
            howTo: {
              ja: '異常時の連絡体制図を全職員が把握しているか、連絡先等を速やかに取得できるかを確認する。',
              en: 'Check that every staff member knows the contact chart for anomalies and can get the contacts quickly.',
            },
          },
          {
            text: { ja: 'システム異常の検知', en: 'Detecting a system anomaly' },
            howTo: { ja: '院内で発生した異常を院内職員が覚知できるかを確認する。', en: 'Check that staff can notice an anomaly occurring in the facility.' },
          },
          {
            text: { ja: 'CSIRT（対応者）／経営者によるシステム異常の覚知', en: 'The CSIRT (responders) and management becoming aware of the anomaly' },
            howTo: {
              ja: '院内職員から発出されたサイバー被害の情報が、組織を通じて速やかにCSIRT（対応者）・意思決定者まで到達するかを確認する。',
              en: 'Check that a report of cyber damage from staff reaches the CSIRT (responders) and the decision makers quickly through the organisation.',
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
    groups: [
      {
        checks: [
          {
            text: { ja: '原因調査', en: 'Investigating the cause' },
            howTo: {
              ja: 'ネットワーク機器やケーブル等の調査、電源系統・ブレーカー・ハードウェア・ソフトウェア等の調査ができるか、必要に応じて事業者に依頼できる体制かを確認する。',
              en: 'Check that network devices and cables, power, breakers, hardware and software can be examined, and that this can be requested from vendors when needed.',
            },
          },
          {
            text: { ja: '事業者等への連絡と作業履歴の確認', en: 'Contacting vendors and checking their work history' },
          },
          {
            text: { ja: '被害拡大防止', en: 'Stopping the damage from spreading' },
            howTo: {
              ja: '被害拡大の防止に向けた対応ができる体制になっているかを確認する。',
              en: 'Check that the organisation can act to stop the damage spreading.',
            },
          },
          {
            text: {
              ja: '経営層への報告、経営層による確認と指示、組織内周知と対応',
              en: 'Reporting to management; management confirming and instructing; informing and acting across the organisation',
            },
            howTo: {
              ja: 'サイバー攻撃の兆候等を認めた際の組織内報告を経営層が受け、医療情報システムの使用中止等の指示を判断できるかを確認する。',
              en: 'Check that management receives the internal report when signs of an attack are seen and can decide, for example, to stop using the medical information systems.',
            },
          },
          {
            text: {
              ja: '被害状況等調査（フォレンジック調査＋証拠保全）と被害状況等の報告',
              en: 'Investigating the damage (forensics and preserving evidence) and reporting it',
            },
            howTo: {
              ja: '被害状況等の調査（フォレンジック調査と証拠保全）と、経営層への被害状況等の報告ができる体制が整っているかを確認する。',
              en: 'Check that the damage can be investigated (forensics and evidence preservation) and reported to management.',
            },
          },
          {
            text: { ja: '組織対応方針確認と外部関係機関への報告等の対応', en: "Confirming the organisation's response policy and reporting to outside bodies" },
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
    groups: [
      {
        checks: [
          { text: { ja: '経営層からの復旧指示の確認と実施', en: 'Confirming and carrying out the recovery instructions from management' } },
          { text: { ja: '医療情報システム等の事業者等への復旧対応依頼', en: 'Asking the system vendors to restore their systems' } },
          {
            text: { ja: '再設定や再インストール、バックアップデータの復旧等', en: 'Reconfiguration, reinstallation and restoring backup data' },
          },
          { text: { ja: '復旧結果の確認', en: 'Checking the result of the recovery' } },
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
    groups: [
      {
        checks: [
          {
            text: { ja: '復旧結果と情報漏洩事実の有無の報告', en: 'Reporting the recovery result and whether information leaked' },
            howTo: {
              ja: '復旧結果と情報漏えいの事実の有無・可能性について院内報告を行う方法、報告先、内容を、企画管理者・システム担当者がそれぞれの分担責任として把握しているかを確認する。',
              en: 'Check that the planning manager and the system staff each know, as their share of the job, how, to whom and what to report inside the facility about the recovery and any (possible) leak.',
            },
          },
          { text: { ja: '再発防止策の検討・策定', en: 'Working out the measures against recurrence' } },
          { text: { ja: '再発防止策の周知', en: 'Making the measures known in the facility' } },
          { text: { ja: '再発防止策の実施', en: 'Carrying out the measures' } },
          {
            text: { ja: '事業者等への再発防止策の指示', en: 'Instructing vendors on the measures' },
            howTo: {
              ja: '事業者に対して再発防止策を具体的に提案し、実施可能かつ有効な方法を策定できるかを確認する。',
              en: 'Check that the facility can propose concrete measures to its vendors and settle on ones that are workable and effective.',
            },
          },
          {
            text: { ja: '外部関係機関への報告と情報公開の検討', en: 'Reporting to outside bodies and deciding what to disclose' },
            howTo: {
              ja: '情報公開の内容を検討する体制、連絡先、内容を文書として準備し、必要時に速やかに利用できるか、経営者と担当者が外部関係機関へ報告できるかを確認する。',
              en: 'Check that who decides on disclosure, the contacts and the content are prepared in writing and ready to use, and that management and staff can report to outside bodies.',
            },
          },
        ],
      },
    ],
  },
];

function buildItems(phaseNo: number, groups: (typeof PHASES)[number]['groups'], phaseId: string): Item[] {
  return groups
    .flatMap((g) => g.checks)
    .map((check, index) => {
      const group = groups.find((g) => g.checks.includes(check))?.group;
      return item({
        id: `${phaseId}-${index + 1}`,
        number: `${phaseNo}(${index + 1})`,
        text: check.text,
        ...(group ? { group } : {}),
        ...(check.howTo ? { guidance: { howTo: check.howTo } } : {}),
      });
    });
}

const sections = PHASES.map((phase, p) => ({
  id: phase.id,
  number: String(p + 1),
  title: phase.title,
  description: phase.description,
  items: buildItems(p + 1, phase.groups, phase.id),
}));

/** 「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」 (厚生労働省, 令和6年6月): five phases and their checks. */
export const mhlwBcpR6: Template = {
  id: 'mhlw-bcp-r6',
  form: 'bcp',
  fiscalYear: 2024,
  label: { ja: '令和6年度版', en: 'FY2024 edition' },
  title: {
    ja: 'サイバー攻撃を想定した事業継続計画（BCP）策定の確認表',
    en: 'Check table for a business continuity plan (BCP) that assumes a cyber attack',
  },
  source:
    '厚生労働省「サイバー攻撃を想定した事業継続計画（BCP）策定の確認表」および同手引き（令和6年6月6日公表）。Gem Med 2024年6月7日記事の要約（seeds/000）から転記。',
  applicability: [],
  sections,
  metadata: {
    unverified: sections.flatMap((section) =>
      section.items.map((entry) =>
        unverified(
          entry.id,
          '確認表そのものではなく、その内容を要約した記事（seed 000）から転記しています。文言と番号は公式の確認表と照合してください。',
          'Transcribed from an article summarising the check table (seed 000), not from the table itself; compare wording and numbering with the official table.',
        ),
      ),
    ),
  },
};
