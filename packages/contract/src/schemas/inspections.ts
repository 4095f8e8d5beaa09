import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime, LocalizedText, Version } from '../common.ts';
import { ResponseStatus } from './campaigns.ts';

/** 立入検査 (医療法第25条): planned → done, or cancelled. */
export const INSPECTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const InspectionStatus = z.enum(INSPECTION_STATUSES);
export type InspectionStatus = z.infer<typeof InspectionStatus>;
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, { ja: string; en: string }> = {
  planned: { ja: '予定', en: 'Planned' },
  done: { ja: '実施済み', en: 'Done' },
  cancelled: { ja: '中止', en: 'Cancelled' },
};

/** The result an inspector writes down for a done inspection. */
export const INSPECTION_RESULTS = ['no_findings', 'findings', 'improvement_required'] as const;
export const InspectionResult = z.enum(INSPECTION_RESULTS);
export type InspectionResult = z.infer<typeof InspectionResult>;
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, { ja: string; en: string }> = {
  no_findings: { ja: '指摘なし', en: 'No findings' },
  findings: { ja: '指摘あり', en: 'Findings noted' },
  improvement_required: { ja: '要改善', en: 'Improvement required' },
};

export const FINDINGS_MAX = 4000;

export const Inspection = z.object({
  id: Id,
  facilityId: Id,
  facilityName: z.string(),
  healthCenterId: Id,
  healthCenterName: z.string(),
  date: IsoDate,
  status: InspectionStatus,
  result: z.nullable(InspectionResult),
  findings: z.string(),
  followUpDue: z.nullable(IsoDate),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  updatedByName: z.string(),
});
export type Inspection = z.infer<typeof Inspection>;

export const InspectionParams = z.object({ facilityId: Id, inspectionId: Id });

const inspectionFields = {
  date: IsoDate,
  status: InspectionStatus,
  /** Required once the inspection is done; empty while planned. */
  result: z.optional(z.nullable(InspectionResult)),
  findings: z.optional(z.string().check(z.maxLength(FINDINGS_MAX))),
  /** フォローアップ期限: not before the inspection date. */
  followUpDue: z.optional(z.nullable(IsoDate)),
};
export const CreateInspectionBody = z.strictObject(inspectionFields);
export type CreateInspectionBody = z.infer<typeof CreateInspectionBody>;
export const UpdateInspectionBody = z.strictObject({ ...inspectionFields, expectedVersion: Version });
export type UpdateInspectionBody = z.infer<typeof UpdateInspectionBody>;

export const INSPECTIONS_PAGE_SIZE = 200;

export const ListInspectionsQuery = z.object({
  /** Inclusive calendar range, at most one year. */
  from: IsoDate,
  to: IsoDate,
  /** The prefecture may narrow to one 保健所; an inspector may only name its own. */
  healthCenterId: z.optional(Id),
  /** The `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
export const ListInspectionsResponse = z.object({ items: z.array(Inspection), nextCursor: z.nullable(z.string()) });
export type ListInspectionsResponse = z.infer<typeof ListInspectionsResponse>;

/** The campaign whose response is the facility's current checklist (the newest one it was asked to answer). */
export const ChecklistRef = z.object({ campaignId: Id, title: LocalizedText, fiscalYear: z.int(), status: ResponseStatus });
export type ChecklistRef = z.infer<typeof ChecklistRef>;

export const FacilityInspectionsResponse = z.object({ items: z.array(Inspection), checklist: z.nullable(ChecklistRef) });
export type FacilityInspectionsResponse = z.infer<typeof FacilityInspectionsResponse>;

export const ReadinessQuery = z.object({ healthCenterId: z.optional(Id) });

const CellProblem = z.object({ itemId: z.string(), number: z.string(), text: LocalizedText, deviceClass: z.string() });
export const ReadinessItem = z.object({
  inspection: Inspection,
  checklist: z.nullable(ChecklistRef),
  /** Not ready: no checklist at all, 1回目 answers without a date, or 目標日 already passed. */
  atRisk: z.boolean(),
  missingCount: z.int(),
  overdueCount: z.int(),
  /** The first problems in official order (at most 20 of each). */
  missing: z.array(z.extend(CellProblem, { reason: z.enum(['unanswered', 'carried-forward']) })),
  overdue: z.array(z.extend(CellProblem, { targetDate: IsoDate, daysOverdue: z.int() })),
});
export type ReadinessItem = z.infer<typeof ReadinessItem>;
export const ReadinessResponse = z.object({ today: IsoDate, until: IsoDate, items: z.array(ReadinessItem) });
export type ReadinessResponse = z.infer<typeof ReadinessResponse>;
