import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText, Version } from '../common.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';

/**
 * Suspected-incident reports 「インシデントかも」 (issue 10 item 3, decision 0021). A facility tells its prefecture
 * what it saw; both sides write in one timeline; while the report is open the facility ticks the 初動対応 steps of
 * the MHLW BCP 確認表.
 */

/** 診療への影響: なし / 一部 / 停止. */
export const CARE_IMPACTS = ['none', 'partial', 'stopped'] as const;
export const CareImpact = z.enum(CARE_IMPACTS);
export type CareImpact = z.infer<typeof CareImpact>;
export const CARE_IMPACT_LABELS: Record<CareImpact, LocalizedText> = {
  none: { ja: 'なし', en: 'None' },
  partial: { ja: '一部に影響', en: 'Partly affected' },
  stopped: { ja: '停止', en: 'Stopped' },
};

/** Whom the facility has already told (a checklist; anything else goes in `contactedOther`). */
export const INCIDENT_CONTACTED = ['vendor', 'health_center', 'police', 'mhlw', 'consult_desk', 'executive'] as const;
export const IncidentContacted = z.enum(INCIDENT_CONTACTED);
export type IncidentContacted = z.infer<typeof IncidentContacted>;
export const INCIDENT_CONTACTED_LABELS: Record<IncidentContacted, LocalizedText> = {
  vendor: { ja: 'システムの事業者 (ベンダー)', en: 'The system vendor' },
  health_center: { ja: '保健所', en: 'The health center (保健所)' },
  police: { ja: '警察 (サイバー犯罪相談窓口)', en: 'The police (cyber-crime desk)' },
  mhlw: { ja: '厚生労働省', en: 'MHLW' },
  consult_desk: { ja: 'セキュリティの相談窓口', en: 'A security consultation desk' },
  executive: { ja: '院長・経営層', en: 'The director / executives' },
};

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** Who wrote a timeline entry. */
export const IncidentSide = z.enum(['facility', 'prefecture', 'health_center']);
export type IncidentSide = z.infer<typeof IncidentSide>;

export const INCIDENT_ENTRY_KINDS = ['reported', 'message', 'step', 'update', 'closed'] as const;
export const IncidentEntryKind = z.enum(INCIDENT_ENTRY_KINDS);

export const INCIDENT_TEXT_MAX = 4000;
export const INCIDENT_ENTRY_MAX = 2000;
/** A report's timeline holds at most this many entries (one read, far below 1 MB). */
export const INCIDENT_TIMELINE_MAX = 300;
export const INCIDENT_SYSTEMS_MAX = 20;

export const IncidentStepState = z.object({
  done: z.boolean(),
  at: IsoDateTime,
  byName: z.string(),
});

export const IncidentReport = z.object({
  incidentId: Id,
  facilityId: Id,
  facilityName: z.string(),
  healthCenterId: Id,
  healthCenterName: z.string(),
  status: IncidentStatus,
  /** What the facility saw. */
  description: z.string(),
  /** When it was noticed (as the facility wrote it, with its offset). */
  noticedAt: z.string(),
  systems: z.array(z.string()),
  vendors: z.array(z.object({ vendorId: Id, vendorName: z.string() })),
  contacted: z.array(IncidentContacted),
  contactedOther: z.string(),
  careImpact: CareImpact,
  /** The 初動対応 checklist: step id → its state (absent = not ticked yet). */
  steps: z.record(z.string(), IncidentStepState),
  reportedBy: z.object({ name: z.string(), role: z.string() }),
  reportedAt: IsoDateTime,
  lastEntryAt: IsoDateTime,
  entryCount: z.int(),
  closedAt: z.nullable(IsoDateTime),
  closeReason: z.nullable(z.string()),
  version: Version,
});
export type IncidentReport = z.infer<typeof IncidentReport>;

export const IncidentEntry = z.object({
  entryId: z.string(),
  at: IsoDateTime,
  kind: IncidentEntryKind,
  side: IncidentSide,
  authorName: z.string(),
  authorOrg: z.string(),
  text: z.string(),
  stepId: z.nullable(z.string()),
  done: z.nullable(z.boolean()),
});
export type IncidentEntry = z.infer<typeof IncidentEntry>;

/** The 初動対応 steps shown as the checklist (from the built-in BCP 確認表). */
export const IncidentStep = z.object({ id: z.string(), number: z.string(), title: LocalizedText, text: LocalizedText });

export const IncidentDetail = z.object({
  report: IncidentReport,
  timeline: z.array(IncidentEntry),
  steps: z.array(IncidentStep),
  /** What the caller may do (the server checks again on every write). */
  can: z.object({ post: z.boolean(), close: z.boolean(), tick: z.boolean(), edit: z.boolean() }),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

/** `2026-12-06T09:30:00+09:00` or UTC. */
const NoticedAt = z.iso.datetime({ offset: true });
const SystemName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

export const CreateIncidentBody = z.strictObject({
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(INCIDENT_TEXT_MAX)),
  noticedAt: NoticedAt,
  systems: z._default(z.array(SystemName).check(z.maxLength(INCIDENT_SYSTEMS_MAX)), []),
  /** Vendors of the facility's own contracts. */
  vendorIds: z._default(z.array(Id).check(z.maxLength(INCIDENT_SYSTEMS_MAX)), []),
  contacted: z._default(z.array(IncidentContacted).check(z.maxLength(INCIDENT_CONTACTED.length)), []),
  contactedOther: z._default(z.string().check(z.trim(), z.maxLength(1000)), ''),
  careImpact: CareImpact,
});
export type CreateIncidentBody = z.infer<typeof CreateIncidentBody>;

/** The facility updates what changes as it goes (care impact, whom it has told, systems, vendors). */
export const UpdateIncidentBody = z.strictObject({
  systems: z.array(SystemName).check(z.maxLength(INCIDENT_SYSTEMS_MAX)),
  vendorIds: z.array(Id).check(z.maxLength(INCIDENT_SYSTEMS_MAX)),
  contacted: z.array(IncidentContacted).check(z.maxLength(INCIDENT_CONTACTED.length)),
  contactedOther: z.string().check(z.trim(), z.maxLength(1000)),
  careImpact: CareImpact,
  expectedVersion: Version,
});
export type UpdateIncidentBody = z.infer<typeof UpdateIncidentBody>;

export const PostIncidentEntryBody = z.strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(INCIDENT_ENTRY_MAX)) });
export type PostIncidentEntryBody = z.infer<typeof PostIncidentEntryBody>;

export const TickIncidentStepBody = z.strictObject({ done: z.boolean() });

export const CloseIncidentBody = z.strictObject({
  /** Required when the facility closes its own report. */
  reason: z._default(z.string().check(z.trim(), z.maxLength(INCIDENT_ENTRY_MAX)), ''),
  expectedVersion: Version,
});
export type CloseIncidentBody = z.infer<typeof CloseIncidentBody>;

export const IncidentParams = z.object({ incidentId: Id });
export const IncidentStepParams = z.object({ incidentId: Id, stepId: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'stepId')) });

export const INCIDENTS_PAGE_SIZE = 50;
export const ListIncidentsQuery = z.object({
  /** Absent: open ones first, then closed. */
  status: z.optional(IncidentStatus),
  healthCenterId: z.optional(Id),
  limit: PageLimit(100, INCIDENTS_PAGE_SIZE),
  cursor: z.optional(Cursor),
});
export type ListIncidentsQuery = z.input<typeof ListIncidentsQuery>;

export const IncidentListItem = z.omit(IncidentReport, { steps: true });
export const ListIncidentsResponse = z.object({ items: z.array(IncidentListItem), nextCursor: NextCursor });
export type ListIncidentsResponse = z.infer<typeof ListIncidentsResponse>;

/** Open reports counted by the stream consumer (the dashboard card). */
export const IncidentCounts = z.object({
  open: z.int(),
  openCareStopped: z.int(),
  openCarePartial: z.int(),
  closed: z.int(),
  byHealthCenter: z.array(z.object({ healthCenterId: z.string(), name: z.string(), open: z.int() })),
});
export type IncidentCounts = z.infer<typeof IncidentCounts>;
