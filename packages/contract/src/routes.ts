import * as z from 'zod';
import type { LocalizedText } from './common.ts';
import { FACILITY_ROLES, type Role } from './roles.ts';
import {
  Campaign,
  CampaignIdParams,
  CampaignProgress,
  CampaignRowsQuery,
  CampaignRowsResponse,
  CreateCampaignBody,
  CreateCampaignResponse,
  ListCampaignsResponse,
  MyTasksResponse,
  ResponseParams,
  ResponseView,
  SaveAnswersBody,
  SubmitResponseBody,
} from './schemas/campaigns.ts';
import {
  Discrepancy,
  DiscrepancyFacilityParams,
  DiscrepancyPage,
  DiscrepancyParams,
  DiscrepancyVendorParams,
  ExplainDiscrepancyBody,
  FacilityDiscrepanciesQuery,
  FacilityDiscrepanciesResponse,
  ListDiscrepanciesQuery,
  ResolveDiscrepancyBody,
  VendorDiscrepanciesQuery,
} from './schemas/discrepancies.ts';
import { Dashboard, Heatmap, HeatmapQuery, VerifyReadModelsBody, VerifyReadModelsResult } from './schemas/dashboard.ts';
import { Facility, FacilityCounts, FacilityIdParams, ListFacilitiesQuery, ListFacilitiesResponse } from './schemas/facilities.ts';
import { AuditLogResponse, AuditQuery } from './schemas/audit.ts';
import { CreateExportBody, ExportJob, ExportJobParams } from './schemas/exports.ts';
import { FacilityImportBody, FacilityImportPreview, FacilityImportResult } from './schemas/imports.ts';
import {
  Contract,
  ContractParams,
  CreateVendorBody,
  ListContractsResponse,
  ListHealthCentersResponse,
  ListVendorsResponse,
  PutContractBody,
  Vendor,
} from './schemas/masters.ts';
import { Me } from './schemas/me.ts';
import {
  CreateTenantBody,
  InviteUserBody,
  ListTenantsResponse,
  ListUsersQuery,
  ListUsersResponse,
  Tenant,
  UpdateUserBody,
  User,
  UserIdParams,
} from './schemas/people.ts';
import { ConfirmResponseBody, ReturnResponseBody } from './schemas/review.ts';
import {
  CreateInspectionBody,
  FacilityInspectionsResponse,
  Inspection,
  InspectionParams,
  ListInspectionsQuery,
  ListInspectionsResponse,
  ReadinessQuery,
  ReadinessResponse,
  UpdateInspectionBody,
} from './schemas/inspections.ts';
import {
  CreateDocumentBody,
  CreateEvidenceBody,
  CreateUploadBody,
  CreateUploadResponse,
  DocumentVersionParams,
  DownloadLink,
  Evidence,
  EvidenceItemParams,
  EvidenceParams,
  FacilityDocumentsResponse,
  ListDocumentsResponse,
  ListEvidenceQuery,
  ListEvidenceResponse,
  MissingDocumentsQuery,
  MissingDocumentsResponse,
  VendorDocument,
  VendorIdParams,
} from './schemas/files.ts';
import { ListTemplatesResponse, TemplateIdParams, TemplateSummary, TemplateView, UploadTemplateBody } from './schemas/templates.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route as plain data. The same table drives the CDK stack (one function per route),
 * the local front door and the isolation suite, so a route cannot exist in one and not the others.
 */
export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** API Gateway syntax: `/api/campaigns/{campaignId}`. */
  path: string;
  /** Module under functions/src/handlers, e.g. `campaigns/save-answers`. */
  handler: string;
  /** `public` routes skip authentication (only the OpenAPI document is public). */
  auth: 'public' | 'user';
  roles: readonly Role[];
  /** Read routes get a read-only grant on the table in AWS. */
  access: 'read' | 'read-write';
  /** Largest request body accepted, in KiB (default 256); Lambda's own limit is 6 MiB. */
  maxBodyKiB?: number;
  /** Other AWS services the handler calls (each becomes an IAM grant in the stack). */
  uses?: readonly ('userPoolAdmin' | 'mail' | 'jobs' | 'exportFiles' | 'files')[];
  summary: LocalizedText;
  params: P;
  query: Q;
  body: B;
  response: R;
  successStatus: 200 | 201 | 202 | 204;
}

const Empty = z.object({}).strict();
/** Unknown query parameters (cache busters, tracking) are ignored, not refused; bodies stay strict. */
const EmptyQuery = z.object({});
const NoBody = z.undefined();

function route<
  P extends z.ZodType = typeof Empty,
  Q extends z.ZodType = typeof EmptyQuery,
  B extends z.ZodType = typeof NoBody,
  R extends z.ZodType = z.ZodType,
>(
  def: Omit<RouteDef<P, Q, B, R>, 'params' | 'query' | 'body' | 'successStatus' | 'auth'> &
    Partial<Pick<RouteDef<P, Q, B, R>, 'params' | 'query' | 'body' | 'successStatus' | 'auth'>>,
): RouteDef<P, Q, B, R> {
  return {
    auth: 'user',
    successStatus: 200,
    params: Empty as unknown as P,
    query: EmptyQuery as unknown as Q,
    body: NoBody as unknown as B,
    ...def,
  };
}

const READERS_OF_A_FACILITY = ['pref_admin', 'inspector', ...FACILITY_ROLES] as const satisfies readonly Role[];

export const routes = {
  'openapi.get': route({
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'meta/openapi',
    auth: 'public',
    roles: [],
    access: 'read',
    summary: { ja: 'API 仕様 (OpenAPI 3.1)', en: 'API description (OpenAPI 3.1)' },
    response: z.record(z.string(), z.unknown()),
  }),
  'me.get': route({
    method: 'GET',
    path: '/api/me',
    handler: 'me/get',
    roles: ['operator', 'pref_admin', 'inspector', 'facility_admin', 'facility_member', 'vendor_user'],
    access: 'read',
    summary: { ja: 'ログイン中の利用者と所属', en: 'The signed-in user and their organisation' },
    response: Me,
  }),
  'facilities.list': route({
    method: 'GET',
    path: '/api/facilities',
    handler: 'facilities/list',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '医療機関の一覧 (保健所担当者は管轄のみ)', en: 'List facilities (inspectors: their jurisdiction only)' },
    query: ListFacilitiesQuery,
    response: ListFacilitiesResponse,
  }),
  'facilities.counts': route({
    method: 'GET',
    path: '/api/facility-counts',
    handler: 'facilities/counts',
    roles: ['pref_admin'],
    access: 'read',
    summary: { ja: '医療機関の数 (保健所別・種別ごと)', en: 'Number of facilities per health center and kind' },
    response: FacilityCounts,
  }),
  'facilities.get': route({
    method: 'GET',
    path: '/api/facilities/{facilityId}',
    handler: 'facilities/get',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    summary: { ja: '医療機関の詳細', en: 'One facility' },
    params: FacilityIdParams,
    response: Facility,
  }),
  'campaigns.list': route({
    method: 'GET',
    path: '/api/campaigns',
    handler: 'campaigns/list',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '調査 (キャンペーン) の一覧', en: 'List campaigns' },
    response: ListCampaignsResponse,
  }),
  'campaigns.progress': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}/progress',
    handler: 'campaigns/progress',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '調査の回答状況 (医療機関ごと)', en: 'Campaign progress per facility' },
    params: CampaignIdParams,
    response: CampaignProgress,
  }),
  'dashboard.get': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}/dashboard',
    handler: 'dashboard/get',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: 'ダッシュボード (提出率・対応度・期限超過・内訳)', en: 'Dashboard: submission, readiness, overdue, breakdowns' },
    params: CampaignIdParams,
    response: Dashboard,
  }),
  'dashboard.heatmap': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}/dashboard/items',
    handler: 'dashboard/heatmap',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '項目別の対応状況 (保健所・医療圏・種別・規模ごと)', en: 'Answers per item by health center, area, kind or size' },
    params: CampaignIdParams,
    query: HeatmapQuery,
    response: Heatmap,
  }),
  'dashboard.verify': route({
    method: 'POST',
    path: '/api/campaigns/{campaignId}/read-models/verify',
    handler: 'dashboard/verify',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '集計の再計算と照合 (修復)', en: 'Recount the aggregates, compare and repair' },
    params: CampaignIdParams,
    body: VerifyReadModelsBody,
    response: VerifyReadModelsResult,
  }),
  'campaigns.rows': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}/rows',
    handler: 'campaigns/rows',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: {
      ja: '調査の医療機関一覧 (ページ単位、絞り込み・並べ替え・検索。保健所担当者は管轄のみ)',
      en: "A campaign's facility rows, paged, filtered, sorted and searched (inspectors: their jurisdiction only)",
    },
    params: CampaignIdParams,
    query: CampaignRowsQuery,
    response: CampaignRowsResponse,
  }),
  'tasks.list': route({
    method: 'GET',
    path: '/api/my/tasks',
    handler: 'tasks/list',
    roles: FACILITY_ROLES,
    access: 'read',
    summary: { ja: '自施設の回答すべき調査', en: 'Campaigns my facility has to answer' },
    response: MyTasksResponse,
  }),
  'responses.get': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response',
    handler: 'responses/get',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    summary: { ja: '医療機関の回答 (チェックリスト)', en: "A facility's checklist response" },
    params: ResponseParams,
    response: ResponseView,
  }),
  'responses.saveAnswers': route({
    method: 'PUT',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response/answers',
    handler: 'responses/save-answers',
    roles: FACILITY_ROLES,
    access: 'read-write',
    summary: { ja: '回答の保存 (下書き)', en: 'Save answers (draft)' },
    params: ResponseParams,
    body: SaveAnswersBody,
    response: ResponseView,
  }),
  'responses.submit': route({
    method: 'POST',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response/submit',
    handler: 'responses/submit',
    // Submitting is the facility's sign-off: its administrator does it; members fill in the answers.
    roles: ['facility_admin'],
    access: 'read-write',
    summary: { ja: '回答の提出 (回ごと)', en: 'Submit a round of the response' },
    params: ResponseParams,
    body: SubmitResponseBody,
    response: ResponseView,
  }),
  'campaigns.create': route({
    method: 'POST',
    path: '/api/campaigns',
    handler: 'campaigns/create',
    roles: ['pref_admin'],
    access: 'read-write',
    uses: ['jobs'],
    summary: {
      ja: '調査の作成 (前年度の回答を引継ぎ。回答の作成は非同期で、進捗は調査の取得で確認)',
      en: 'Create a campaign (carrying last answers forward); responses are written by a background job, follow it on GET /api/campaigns/{campaignId}',
    },
    body: CreateCampaignBody,
    response: CreateCampaignResponse,
    successStatus: 202,
  }),
  'campaigns.get': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}',
    handler: 'campaigns/get',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '調査 (作成中は進捗を含む)', en: 'One campaign (with its creation progress)' },
    params: CampaignIdParams,
    response: Campaign,
  }),
  'campaigns.retryCreation': route({
    method: 'POST',
    path: '/api/campaigns/{campaignId}/creation/retry',
    handler: 'campaigns/retry-creation',
    roles: ['pref_admin'],
    access: 'read-write',
    uses: ['jobs'],
    summary: { ja: '作成に失敗した調査の作成を再開', en: 'Resume creating a campaign whose creation failed' },
    params: CampaignIdParams,
    response: Campaign,
    successStatus: 202,
  }),
  'templates.list': route({
    method: 'GET',
    path: '/api/templates',
    handler: 'templates/list',
    roles: ['pref_admin'],
    access: 'read',
    summary: { ja: 'チェックリスト様式 (版) の一覧', en: 'List checklist templates (versions)' },
    response: ListTemplatesResponse,
  }),
  'templates.get': route({
    method: 'GET',
    path: '/api/templates/{templateId}',
    handler: 'templates/get',
    roles: ['pref_admin'],
    access: 'read',
    summary: { ja: 'チェックリスト様式の内容', en: 'One checklist template' },
    params: TemplateIdParams,
    response: TemplateView,
  }),
  'templates.upload': route({
    method: 'POST',
    path: '/api/templates',
    handler: 'templates/upload',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '新しい版の様式ファイルを登録', en: 'Load a new template version from a file' },
    body: UploadTemplateBody,
    response: TemplateSummary,
    successStatus: 201,
  }),
  'responses.confirm': route({
    method: 'POST',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response/confirm',
    handler: 'responses/confirm',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '提出された回答の確認 (受理)', en: 'Confirm a submitted response' },
    params: ResponseParams,
    body: ConfirmResponseBody,
    response: ResponseView,
  }),
  'responses.return': route({
    method: 'POST',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response/return',
    handler: 'responses/return',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '提出された回答の差戻し (項目へのコメント付き)', en: 'Send a submitted response back, with comments on items' },
    params: ResponseParams,
    body: ReturnResponseBody,
    response: ResponseView,
  }),
  'audit.list': route({
    method: 'GET',
    path: '/api/audit',
    handler: 'audit/list',
    roles: ['pref_admin', 'facility_admin'],
    access: 'read',
    summary: { ja: '操作履歴 (監査ログ) の検索・CSV 出力', en: 'Search the audit log, or export it as CSV' },
    query: AuditQuery,
    response: AuditLogResponse,
  }),
  'exports.create': route({
    method: 'POST',
    path: '/api/exports',
    handler: 'exports/create',
    // Who may export what is decided per kind in the handler: the facility's own form, the 保健所's slice.
    roles: ['pref_admin', 'inspector', 'facility_admin', 'facility_member'],
    access: 'read-write',
    uses: ['jobs'],
    summary: { ja: 'ファイル出力 (厚労省様式・全医療機関の回答) の開始', en: 'Start an export (official form, all answers of a campaign)' },
    body: CreateExportBody,
    response: ExportJob,
    successStatus: 201,
  }),
  'exports.get': route({
    method: 'GET',
    path: '/api/exports/{jobId}',
    handler: 'exports/get',
    roles: ['pref_admin', 'inspector', 'facility_admin', 'facility_member'],
    access: 'read',
    uses: ['exportFiles'],
    summary: { ja: 'ファイル出力の進捗とダウンロード用リンク', en: 'Export progress, and a short-lived download link when done' },
    params: ExportJobParams,
    response: ExportJob,
  }),
  'facilities.importPreview': route({
    method: 'POST',
    path: '/api/facilities/import/preview',
    handler: 'facilities/import-preview',
    roles: ['pref_admin'],
    access: 'read',
    summary: { ja: '医療機関一覧の取込み (確認のみ、書き込みなし)', en: 'Check a facility list before importing (writes nothing)' },
    // 2,000 rows of Japanese text per request.
    maxBodyKiB: 4096,
    body: FacilityImportBody,
    response: FacilityImportPreview,
  }),
  'facilities.import': route({
    method: 'POST',
    path: '/api/facilities/import',
    handler: 'facilities/import',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '医療機関一覧の取込み (医療機関コードで更新)', en: 'Import facilities (updates by 医療機関コード)' },
    // 2,000 rows of Japanese text per request.
    maxBodyKiB: 4096,
    body: FacilityImportBody,
    response: FacilityImportResult,
  }),
  'healthCenters.list': route({
    method: 'GET',
    path: '/api/health-centers',
    handler: 'health-centers/list',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '保健所と二次医療圏の一覧', en: 'Health centers and medical areas' },
    response: ListHealthCentersResponse,
  }),
  'vendors.list': route({
    method: 'GET',
    path: '/api/vendors',
    handler: 'vendors/list',
    roles: ['pref_admin'],
    access: 'read',
    summary: { ja: '事業者の一覧', en: 'List vendors' },
    response: ListVendorsResponse,
  }),
  'vendors.create': route({
    method: 'POST',
    path: '/api/vendors',
    handler: 'vendors/create',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '事業者の登録', en: 'Register a vendor' },
    body: CreateVendorBody,
    response: Vendor,
    successStatus: 201,
  }),
  'contracts.list': route({
    method: 'GET',
    path: '/api/facilities/{facilityId}/contracts',
    handler: 'contracts/list',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    summary: { ja: '医療機関の契約事業者とシステム', en: "A facility's vendors and systems" },
    params: FacilityIdParams,
    response: ListContractsResponse,
  }),
  'contracts.put': route({
    method: 'PUT',
    path: '/api/facilities/{facilityId}/contracts/{vendorId}',
    handler: 'contracts/put',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '契約 (システム・リモート保守) の登録・更新', en: 'Register or update a contract' },
    params: ContractParams,
    body: PutContractBody,
    response: Contract,
  }),
  'contracts.delete': route({
    method: 'DELETE',
    path: '/api/facilities/{facilityId}/contracts/{vendorId}',
    handler: 'contracts/delete',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '契約の削除', en: 'Remove a contract' },
    params: ContractParams,
    response: z.undefined(),
    successStatus: 204,
  }),
  'users.list': route({
    method: 'GET',
    path: '/api/users',
    handler: 'users/list',
    roles: ['pref_admin', 'facility_admin'],
    access: 'read',
    summary: { ja: '利用者の一覧 (医療機関の管理者は自施設のみ)', en: 'List users (facility admins: their own facility)' },
    query: ListUsersQuery,
    response: ListUsersResponse,
  }),
  'users.invite': route({
    method: 'POST',
    path: '/api/users',
    handler: 'users/invite',
    roles: ['pref_admin', 'facility_admin'],
    access: 'read-write',
    uses: ['userPoolAdmin', 'mail'],
    summary: { ja: '利用者の招待 (メール送信)', en: 'Invite a user (by e-mail)' },
    body: InviteUserBody,
    response: User,
    successStatus: 201,
  }),
  'users.update': route({
    method: 'PATCH',
    path: '/api/users/{userId}',
    handler: 'users/update',
    roles: ['pref_admin', 'facility_admin'],
    access: 'read-write',
    uses: ['userPoolAdmin'],
    summary: { ja: '利用者の無効化・再有効化', en: 'Disable or re-enable a user' },
    params: UserIdParams,
    body: UpdateUserBody,
    response: User,
  }),
  'tenants.list': route({
    method: 'GET',
    path: '/api/tenants',
    handler: 'tenants/list',
    roles: ['operator'],
    access: 'read',
    summary: { ja: '都道府県 (テナント) の一覧', en: 'List prefecture tenants' },
    response: ListTenantsResponse,
  }),
  'tenants.create': route({
    method: 'POST',
    path: '/api/tenants',
    handler: 'tenants/create',
    roles: ['operator'],
    access: 'read-write',
    uses: ['userPoolAdmin', 'mail'],
    summary: { ja: '都道府県 (テナント) の作成と最初の管理者の招待', en: 'Create a prefecture tenant and invite its first admins' },
    body: CreateTenantBody,
    response: Tenant,
    successStatus: 201,
  }),
  'inspections.list': route({
    method: 'GET',
    path: '/api/inspections',
    handler: 'inspections/list',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '立入検査の予定と記録 (期間指定、保健所担当者は管轄のみ)', en: 'Inspections in a date range (inspectors: their jurisdiction only)' },
    query: ListInspectionsQuery,
    response: ListInspectionsResponse,
  }),
  'inspections.readiness': route({
    method: 'GET',
    path: '/api/inspections/readiness',
    handler: 'inspections/readiness',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '30日以内に立入検査予定の医療機関のチェックリスト準備状況', en: 'Checklist readiness of facilities inspected in the next 30 days' },
    query: ReadinessQuery,
    response: ReadinessResponse,
  }),
  'inspections.listOfFacility': route({
    method: 'GET',
    path: '/api/facilities/{facilityId}/inspections',
    handler: 'inspections/list-of-facility',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    summary: { ja: '医療機関の立入検査の履歴', en: "A facility's inspection history" },
    params: FacilityIdParams,
    response: FacilityInspectionsResponse,
  }),
  'inspections.create': route({
    method: 'POST',
    path: '/api/facilities/{facilityId}/inspections',
    handler: 'inspections/create',
    roles: ['pref_admin', 'inspector'],
    access: 'read-write',
    summary: { ja: '立入検査の予定・記録の登録', en: 'Plan or record an inspection' },
    params: FacilityIdParams,
    body: CreateInspectionBody,
    response: Inspection,
    successStatus: 201,
  }),
  'inspections.update': route({
    method: 'PUT',
    path: '/api/facilities/{facilityId}/inspections/{inspectionId}',
    handler: 'inspections/update',
    roles: ['pref_admin', 'inspector'],
    access: 'read-write',
    summary: { ja: '立入検査の予定・記録の更新 (版の確認付き)', en: 'Update an inspection (checked against its version)' },
    params: InspectionParams,
    body: UpdateInspectionBody,
    response: Inspection,
  }),
  // ── Issue 8 (decision 0012): each part adds its routes between its own markers. ──
  // vendors:begin
  // vendors:end
  // files:begin
  'uploads.create': route({
    method: 'POST',
    path: '/api/uploads',
    handler: 'uploads/create',
    roles: ['vendor_user', 'facility_admin', 'facility_member'],
    access: 'read-write',
    uses: ['files'],
    summary: {
      ja: 'ファイルのアップロード先 (S3 への署名付き POST、検疫領域) の発行',
      en: 'Get a presigned POST to upload a file straight to S3 (quarantine)',
    },
    body: CreateUploadBody,
    response: CreateUploadResponse,
    successStatus: 201,
  }),
  'documents.create': route({
    method: 'POST',
    path: '/api/vendors/{vendorId}/documents',
    handler: 'documents/create',
    roles: ['vendor_user'],
    access: 'read-write',
    uses: ['files'],
    summary: {
      ja: 'MDS/SDS (医療情報セキュリティ開示書) の登録 (アップロードしたファイルを検査。同じ種類・製品は新しい版)',
      en: 'Register an MDS/SDS from an upload (verified first; same kind and product becomes a new version)',
    },
    params: VendorIdParams,
    body: CreateDocumentBody,
    response: VendorDocument,
    successStatus: 201,
  }),
  'documents.list': route({
    method: 'GET',
    path: '/api/vendors/{vendorId}/documents',
    handler: 'documents/list',
    roles: ['pref_admin', 'inspector', 'vendor_user'],
    access: 'read',
    summary: { ja: '事業者の MDS/SDS (全版、最新版が先頭)', en: "A vendor's MDS/SDS documents, every version, current first" },
    params: VendorIdParams,
    response: ListDocumentsResponse,
  }),
  'documents.link': route({
    method: 'GET',
    path: '/api/vendors/{vendorId}/documents/{documentId}/versions/{version}/link',
    handler: 'documents/link',
    // Facility roles: only for a document that applies to their contract with the vendor (checked in the handler).
    roles: ['pref_admin', 'inspector', 'vendor_user', 'facility_admin', 'facility_member'],
    access: 'read',
    uses: ['files'],
    summary: { ja: 'MDS/SDS のダウンロード用リンク (5分間有効)', en: 'A short-lived (5 min) download link to an MDS/SDS version' },
    params: DocumentVersionParams,
    response: DownloadLink,
  }),
  'facilities.documents': route({
    method: 'GET',
    path: '/api/facilities/{facilityId}/documents',
    handler: 'documents/list-of-facility',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    summary: {
      ja: '医療機関の契約事業者ごとの最新の MDS/SDS (契約に該当するもの)',
      en: "Per contracted vendor, the current MDS/SDS that apply to the facility's contract",
    },
    params: FacilityIdParams,
    response: FacilityDocumentsResponse,
  }),
  'documents.missing': route({
    method: 'GET',
    path: '/api/vendor-documents/missing',
    handler: 'documents/missing',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: {
      ja: 'MDS/SDS が未提出の契約事業者 (該当する医療機関の数。事業者単位でページ分け)',
      en: 'Contracted vendors without a current MDS/SDS for some facilities (paged by vendor)',
    },
    query: MissingDocumentsQuery,
    response: MissingDocumentsResponse,
  }),
  'evidence.create': route({
    method: 'POST',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/evidence',
    handler: 'evidence/create',
    roles: FACILITY_ROLES,
    access: 'read-write',
    uses: ['files'],
    summary: { ja: '回答欄への証跡ファイルの添付 (アップロードしたファイルを検査)', en: 'Attach an evidence file to an answer cell (verified first)' },
    params: EvidenceParams,
    body: CreateEvidenceBody,
    response: Evidence,
    successStatus: 201,
  }),
  'evidence.list': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/evidence',
    handler: 'evidence/list',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    summary: { ja: '回答欄ごとの証跡ファイル', en: 'Evidence files per answer cell' },
    params: EvidenceParams,
    query: ListEvidenceQuery,
    response: ListEvidenceResponse,
  }),
  'evidence.remove': route({
    method: 'DELETE',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/evidence/{evidenceId}',
    handler: 'evidence/remove',
    roles: FACILITY_ROLES,
    access: 'read-write',
    summary: { ja: '証跡ファイルの削除 (一覧から隠す。ファイルは保管)', en: 'Remove an evidence file (hidden from lists; the file is kept)' },
    params: EvidenceItemParams,
    response: z.undefined(),
    successStatus: 204,
  }),
  'evidence.link': route({
    method: 'GET',
    path: '/api/campaigns/{campaignId}/facilities/{facilityId}/evidence/{evidenceId}/link',
    handler: 'evidence/link',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    uses: ['files'],
    summary: { ja: '証跡ファイルのダウンロード用リンク (5分間有効)', en: 'A short-lived (5 min) download link to an evidence file' },
    params: EvidenceItemParams,
    response: DownloadLink,
  }),
  // files:end
  // cross-checks:begin
  'discrepancies.ofFacility': route({
    method: 'GET',
    path: '/api/facilities/{facilityId}/discrepancies',
    handler: 'discrepancies/of-facility',
    roles: READERS_OF_A_FACILITY,
    access: 'read',
    summary: { ja: '医療機関の不一致 (自己申告と事業者の回答・開示書)', en: "A facility's discrepancies with its vendors' answers and documents" },
    params: DiscrepancyFacilityParams,
    query: FacilityDiscrepanciesQuery,
    response: FacilityDiscrepanciesResponse,
  }),
  'discrepancies.ofVendor': route({
    method: 'GET',
    path: '/api/vendors/{vendorId}/discrepancies',
    handler: 'discrepancies/of-vendor',
    roles: ['pref_admin', 'vendor_user'],
    access: 'read',
    summary: { ja: '事業者に関する不一致', en: "A vendor's discrepancies" },
    params: DiscrepancyVendorParams,
    query: VendorDiscrepanciesQuery,
    response: DiscrepancyPage,
  }),
  'discrepancies.list': route({
    method: 'GET',
    path: '/api/discrepancies',
    handler: 'discrepancies/list',
    roles: ['pref_admin', 'inspector'],
    access: 'read',
    summary: { ja: '未解決の不一致 (保健所担当者は管轄のみ)', en: 'Open discrepancies (inspectors: their jurisdiction only)' },
    query: ListDiscrepanciesQuery,
    response: DiscrepancyPage,
  }),
  'discrepancies.explain': route({
    method: 'POST',
    path: '/api/facilities/{facilityId}/discrepancies/{discrepancyId}/explanations',
    handler: 'discrepancies/explain',
    roles: ['facility_admin', 'facility_member', 'vendor_user'],
    access: 'read-write',
    summary: { ja: '不一致の説明を記入', en: 'Explain a discrepancy' },
    params: DiscrepancyParams,
    body: ExplainDiscrepancyBody,
    response: Discrepancy,
  }),
  'discrepancies.resolve': route({
    method: 'POST',
    path: '/api/facilities/{facilityId}/discrepancies/{discrepancyId}/resolve',
    handler: 'discrepancies/resolve',
    roles: ['pref_admin'],
    access: 'read-write',
    summary: { ja: '不一致を解決済みにする', en: 'Mark a discrepancy resolved' },
    params: DiscrepancyParams,
    body: ResolveDiscrepancyBody,
    response: Discrepancy,
  }),
  // cross-checks:end
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
export const routeList: ReadonlyArray<RouteDef & { id: RouteId }> = Object.entries(routes).map(([id, def]) => ({
  ...(def as RouteDef),
  id: id as RouteId,
}));

/** Path parameters in API Gateway syntax, in order: `/a/{x}/b/{y}` → ['x', 'y']. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
}

/** Matches a concrete path against a route path; returns the decoded path parameters or undefined. */
export function matchPath(routePath: string, actual: string): Record<string, string> | undefined {
  const names = pathParamNames(routePath);
  const escaped = routePath.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped.replace(/\{[A-Za-z0-9_]+\}/g, '([^/]+)')}$`);
  const m = pattern.exec(actual);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    out[n] = decodeURIComponent(m[i + 1] as string);
  });
  return out;
}
