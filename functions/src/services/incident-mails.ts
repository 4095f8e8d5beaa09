import { CARE_IMPACT_LABELS, type CareImpact, INCIDENT_CONTACTED_LABELS, type IncidentContacted } from '@mcr/contract';
import type { NotificationMessage } from './notification-mails.ts';
import { jstDateTime } from './notification-mails.ts';

/**
 * The texts of the suspected-incident notices (issue 10, decision 0021). They say that something came in, from
 * which facility, and link to the report; what the facility saw stays in the app (a mail is not the place for the
 * details of a possible attack). Built from the event's own records only (one tenant).
 */

const link = (incidentId: string) => `/incidents/${encodeURIComponent(incidentId)}`;

export function incidentReportedMessage(input: {
  incidentId: string;
  facilityName: string;
  healthCenterName: string;
  noticedAt: string;
  careImpact: CareImpact;
  contacted: IncidentContacted[];
  reporterName: string;
}): NotificationMessage {
  const when = jstDateTime(input.noticedAt);
  const impact = CARE_IMPACT_LABELS[input.careImpact];
  const contacted = {
    ja: input.contacted.map((c) => INCIDENT_CONTACTED_LABELS[c].ja).join('、') || 'なし',
    en: input.contacted.map((c) => INCIDENT_CONTACTED_LABELS[c].en).join(', ') || 'none yet',
  };
  return {
    title: {
      ja: `【至急】インシデントの疑いの報告: ${input.facilityName}`,
      en: `URGENT: suspected incident reported by ${input.facilityName}`,
    },
    body: {
      ja: [
        `${input.facilityName} (${input.healthCenterName} 管内) から「インシデントかも」の報告が届きました。`,
        `気づいた日時: ${when.ja}`,
        `診療への影響: ${impact.ja}`,
        `連絡済みの先: ${contacted.ja}`,
        `報告者: ${input.reporterName}`,
        '',
        '内容と経過はシステムで確認し、経過欄で医療機関に応答してください。',
      ].join('\n'),
      en: [
        `${input.facilityName} (${input.healthCenterName}) reported a suspected incident.`,
        `Noticed: ${when.en}`,
        `Care affected: ${impact.en}`,
        `Already contacted: ${contacted.en}`,
        `Reported by: ${input.reporterName}`,
        '',
        'Read the report in the app and answer the facility in its timeline.',
      ].join('\n'),
    },
    link: link(input.incidentId),
  };
}

export function incidentEntryMessage(input: {
  incidentId: string;
  facilityName: string;
  authorName: string;
  authorOrg: string;
  kind: 'message' | 'closed';
}): NotificationMessage {
  if (input.kind === 'closed') {
    return {
      title: { ja: `インシデント報告が終了されました: ${input.facilityName}`, en: `Suspected-incident report closed: ${input.facilityName}` },
      body: {
        ja: `${input.facilityName} のインシデント報告を ${input.authorName} (${input.authorOrg}) が終了しました。理由と経過はシステムで確認できます。`,
        en: `${input.authorName} (${input.authorOrg}) closed the suspected-incident report of ${input.facilityName}. The reason and the timeline are in the app.`,
      },
      link: link(input.incidentId),
    };
  }
  return {
    title: { ja: `インシデント報告の経過に書き込みがありました: ${input.facilityName}`, en: `New entry in a suspected-incident report: ${input.facilityName}` },
    body: {
      ja: `${input.authorName} (${input.authorOrg}) が ${input.facilityName} のインシデント報告の経過に書き込みました。内容はシステムで確認してください。`,
      en: `${input.authorName} (${input.authorOrg}) wrote in the timeline of the suspected-incident report of ${input.facilityName}. Read it in the app.`,
    },
    link: link(input.incidentId),
  };
}
