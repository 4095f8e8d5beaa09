/**
 * Every API route, one export each (`usersList` is `users.list`). A route's function imports its own definition from
 * `@mcr/contract/routes`; `routes.ts` gathers them into the one table that drives the CDK stack, the local front
 * door, OpenAPI and the isolation suite.
 */
import { FACILITY_ROLES, TENANT_ROLES } from './roles.ts';
import { JsonObject, NoContent, PREFECTURE_AND_FACILITY, READERS_OF_A_FACILITY, READERS_OF_A_FACILITY_AND_VENDOR, route, Text } from './route-def.ts';
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
  // campaign-lifecycle:begin
  ExtendDeadlineBody,
  ExtensionsQuery,
  ExtensionsResponse,
  DeadlineExtension,
  ListCampaignsQuery,
  RemoveExtensionQuery,
  SetCampaignStatusBody,
  UpdateDeadlinesBody,
  // campaign-lifecycle:end
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
import {
  CampaignVendorsQuery,
  CampaignVendorsResponse,
  ConfirmVendorResponseBody,
  DeleteVendorProfileQuery,
  FacilityVendorAnswersQuery,
  FacilityVendorAnswersResponse,
  ReturnVendorResponseBody,
  SavedVendorProfile,
  SaveVendorFacilityBody,
  SaveVendorProfileBody,
  SubmitVendorResponseBody,
  VendorAssignmentsResponse,
  VendorCampaignsResponse,
  VendorDetail,
  VendorFacilitiesResponse,
  VendorFacilityParams,
  VendorFacilityView,
  VendorPageQuery,
  VendorParams,
  VendorProfileParams,
  VendorResponseParams,
  VendorResponseView,
} from './schemas/vendors.ts';
import {
  AttendanceBody,
  AttendanceImportBody,
  AttendanceImportResult,
  AttendanceResult,
  CalendarFeedParams,
  CalendarRotateResponse,
  CancelRegistrationBody,
  CancelTrainingBody,
  CoverageQuery,
  CoverageResponse,
  CreateTrainingBody,
  ExportQuery,
  FacilityTrainingsQuery,
  FacilityTrainingsResponse,
  ListTrainingsQuery,
  ListTrainingsResponse,
  RegisterBody,
  RegistrationParams,
  RegistrationsQuery,
  RegistrationsResponse,
  TrainingDetail,
  TrainingParams,
  TrainingRegistration,
  TrainingSession,
  UpdateTrainingBody,
} from './schemas/trainings.ts';
import {
  ListNotificationsQuery,
  ListNotificationsResponse,
  MarkAllReadResponse,
  MarkReadResponse,
  NotificationParams,
  Preferences,
  PutPreferencesBody,
  PutReminderSettingsBody,
  ReminderSettings,
  ResendInvitationResponse,
} from './schemas/notifications.ts';
// incidents:begin
import {
  CloseIncidentBody,
  CreateIncidentBody,
  IncidentCounts,
  IncidentDetail,
  IncidentEntry,
  IncidentParams,
  IncidentStepParams,
  ListIncidentsQuery,
  ListIncidentsResponse,
  PostIncidentEntryBody,
  TickIncidentStepBody,
  UpdateIncidentBody,
} from './schemas/incidents.ts';
// incidents:end
// contact-charts:begin
import {
  ConfirmContactChartBody,
  ContactChartCoverage,
  ContactChartView,
  ListContactChartsQuery,
  ListContactChartsResponse,
  OutsideContacts,
  PutOutsideContactsBody,
  PutVendorIncidentContactBody,
  SaveContactChartBody,
  VendorIncidentContact,
} from './schemas/contact-charts.ts';
// contact-charts:end
import { ListTemplatesResponse, TemplateIdParams, TemplateSummary, TemplateView, UploadTemplateBody } from './schemas/templates.ts';

export const openapiGet = /* @__PURE__ */ route('openapi.get', {
  method: 'GET',
  path: '/api/openapi.json',
  handler: 'meta/openapi',
  auth: 'public',
  roles: [],
  access: 'read',
  summary: { ja: 'API 仕様 (OpenAPI 3.1)', en: 'API description (OpenAPI 3.1)' },
  response: JsonObject,
});

export const meGet = /* @__PURE__ */ route('me.get', {
  method: 'GET',
  path: '/api/me',
  handler: 'me/get',
  roles: ['operator', 'pref_admin', 'inspector', 'facility_admin', 'facility_member', 'vendor_user'],
  access: 'read',
  summary: { ja: 'ログイン中の利用者と所属', en: 'The signed-in user and their organisation' },
  response: Me,
});

export const facilitiesList = /* @__PURE__ */ route('facilities.list', {
  method: 'GET',
  path: '/api/facilities',
  handler: 'facilities/list',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '医療機関の一覧 (保健所担当者は管轄のみ)', en: 'List facilities (inspectors: their jurisdiction only)' },
  query: ListFacilitiesQuery,
  response: ListFacilitiesResponse,
});

export const facilitiesCounts = /* @__PURE__ */ route('facilities.counts', {
  method: 'GET',
  path: '/api/facility-counts',
  handler: 'facilities/counts',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: '医療機関の数 (保健所別・種別ごと)', en: 'Number of facilities per health center and kind' },
  response: FacilityCounts,
});

export const facilitiesGet = /* @__PURE__ */ route('facilities.get', {
  method: 'GET',
  path: '/api/facilities/{facilityId}',
  handler: 'facilities/get',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '医療機関の詳細', en: 'One facility' },
  params: FacilityIdParams,
  response: Facility,
});

export const campaignsList = /* @__PURE__ */ route('campaigns.list', {
  method: 'GET',
  path: '/api/campaigns',
  handler: 'campaigns/list',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '調査 (キャンペーン) の一覧 (アーカイブ済みは archived=true のときのみ)', en: 'List campaigns (archived ones only with archived=true)' },
  query: ListCampaignsQuery,
  response: ListCampaignsResponse,
});

export const campaignsProgress = /* @__PURE__ */ route('campaigns.progress', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/progress',
  handler: 'campaigns/progress',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '調査の回答状況 (医療機関ごと)', en: 'Campaign progress per facility' },
  params: CampaignIdParams,
  response: CampaignProgress,
});

export const dashboardGet = /* @__PURE__ */ route('dashboard.get', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/dashboard',
  handler: 'dashboard/get',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: 'ダッシュボード (提出率・対応度・期限超過・内訳)', en: 'Dashboard: submission, readiness, overdue, breakdowns' },
  params: CampaignIdParams,
  response: Dashboard,
});

export const dashboardHeatmap = /* @__PURE__ */ route('dashboard.heatmap', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/dashboard/items',
  handler: 'dashboard/heatmap',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '項目別の対応状況 (保健所・医療圏・種別・規模ごと)', en: 'Answers per item by health center, area, kind or size' },
  params: CampaignIdParams,
  query: HeatmapQuery,
  response: Heatmap,
});

export const dashboardVerify = /* @__PURE__ */ route('dashboard.verify', {
  method: 'POST',
  path: '/api/campaigns/{campaignId}/read-models/verify',
  handler: 'dashboard/verify',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '集計の再計算と照合 (修復)', en: 'Recount the aggregates, compare and repair' },
  params: CampaignIdParams,
  body: VerifyReadModelsBody,
  response: VerifyReadModelsResult,
});

export const campaignsRows = /* @__PURE__ */ route('campaigns.rows', {
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
});

export const tasksList = /* @__PURE__ */ route('tasks.list', {
  method: 'GET',
  path: '/api/my/tasks',
  handler: 'tasks/list',
  roles: FACILITY_ROLES,
  access: 'read',
  summary: { ja: '自施設の回答すべき調査', en: 'Campaigns my facility has to answer' },
  response: MyTasksResponse,
});

export const responsesGet = /* @__PURE__ */ route('responses.get', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response',
  handler: 'responses/get',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '医療機関の回答 (チェックリスト)', en: "A facility's checklist response" },
  params: ResponseParams,
  response: ResponseView,
});

export const responsesSaveAnswers = /* @__PURE__ */ route('responses.saveAnswers', {
  method: 'PUT',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response/answers',
  handler: 'responses/save-answers',
  roles: FACILITY_ROLES,
  access: 'read-write',
  maxBodyKiB: 2496, // input: the largest body the schema accepts (test/unit/contract/body-limits.test.ts)
  summary: { ja: '回答の保存 (下書き)', en: 'Save answers (draft)' },
  params: ResponseParams,
  body: SaveAnswersBody,
  response: ResponseView,
});

export const responsesSubmit = /* @__PURE__ */ route('responses.submit', {
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
});

export const campaignsCreate = /* @__PURE__ */ route('campaigns.create', {
  method: 'POST',
  path: '/api/campaigns',
  handler: 'campaigns/create',
  roles: ['pref_admin'],
  access: 'read-write',
  maxBodyKiB: 1344, // input: the largest body the schema accepts (test/unit/contract/body-limits.test.ts)
  uses: ['jobs'],
  summary: {
    ja: '調査の作成 (前年度の回答を引継ぎ。回答の作成は非同期で、進捗は調査の取得で確認)',
    en: 'Create a campaign (carrying last answers forward); responses are written by a background job, follow it on GET /api/campaigns/{campaignId}',
  },
  body: CreateCampaignBody,
  response: CreateCampaignResponse,
  successStatus: 202,
});

export const campaignsGet = /* @__PURE__ */ route('campaigns.get', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}',
  handler: 'campaigns/get',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '調査 (作成中は進捗を含む)', en: 'One campaign (with its creation progress)' },
  params: CampaignIdParams,
  response: Campaign,
});

export const campaignsRetryCreation = /* @__PURE__ */ route('campaigns.retryCreation', {
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
});

// campaign-lifecycle:begin
export const campaignsUpdateDeadlines = /* @__PURE__ */ route('campaigns.updateDeadlines', {
  method: 'PUT',
  path: '/api/campaigns/{campaignId}/deadlines',
  handler: 'campaigns/update-deadlines',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '調査の期限 (1〜3回目) の変更', en: "Change a campaign's deadlines (rounds 1–3)" },
  params: CampaignIdParams,
  body: UpdateDeadlinesBody,
  response: Campaign,
});

export const campaignsSetStatus = /* @__PURE__ */ route('campaigns.setStatus', {
  method: 'PUT',
  path: '/api/campaigns/{campaignId}/status',
  handler: 'campaigns/set-status',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '調査の締切・再開・アーカイブ', en: 'Close, reopen or archive a campaign' },
  params: CampaignIdParams,
  body: SetCampaignStatusBody,
  response: Campaign,
});

export const campaignsExtensions = /* @__PURE__ */ route('campaigns.extensions', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/extensions',
  handler: 'campaigns/extensions',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: '医療機関ごとの期限延長の一覧', en: "Facilities' extended deadlines" },
  params: CampaignIdParams,
  query: ExtensionsQuery,
  response: ExtensionsResponse,
});

export const campaignsExtend = /* @__PURE__ */ route('campaigns.extend', {
  method: 'PUT',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/extension',
  handler: 'campaigns/extend',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '1医療機関の期限延長 (新規は expectedVersion 0)', en: "Extend one facility's deadline (expectedVersion 0 for a new one)" },
  params: ResponseParams,
  body: ExtendDeadlineBody,
  response: DeadlineExtension,
});

export const campaignsRemoveExtension = /* @__PURE__ */ route('campaigns.removeExtension', {
  method: 'DELETE',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/extension',
  handler: 'campaigns/remove-extension',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '1医療機関の期限延長の取消し', en: "Withdraw one facility's extension" },
  params: ResponseParams,
  query: RemoveExtensionQuery,
  response: NoContent,
  successStatus: 204,
});

// campaign-lifecycle:end
export const templatesList = /* @__PURE__ */ route('templates.list', {
  method: 'GET',
  path: '/api/templates',
  handler: 'templates/list',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: 'チェックリスト様式 (版) の一覧', en: 'List checklist templates (versions)' },
  response: ListTemplatesResponse,
});

export const templatesGet = /* @__PURE__ */ route('templates.get', {
  method: 'GET',
  path: '/api/templates/{templateId}',
  handler: 'templates/get',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: 'チェックリスト様式の内容', en: 'One checklist template' },
  params: TemplateIdParams,
  response: TemplateView,
});

export const templatesUpload = /* @__PURE__ */ route('templates.upload', {
  method: 'POST',
  path: '/api/templates',
  handler: 'templates/upload',
  roles: ['pref_admin'],
  access: 'read-write',
  maxBodyKiB: 1600, // input: the largest body the schema accepts (test/unit/contract/body-limits.test.ts)
  summary: { ja: '新しい版の様式ファイルを登録', en: 'Load a new template version from a file' },
  body: UploadTemplateBody,
  response: TemplateSummary,
  successStatus: 201,
});

export const responsesConfirm = /* @__PURE__ */ route('responses.confirm', {
  method: 'POST',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response/confirm',
  handler: 'responses/confirm',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '提出された回答の確認 (受理)', en: 'Confirm a submitted response' },
  params: ResponseParams,
  body: ConfirmResponseBody,
  response: ResponseView,
});

export const responsesReturn = /* @__PURE__ */ route('responses.return', {
  method: 'POST',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/response/return',
  handler: 'responses/return',
  roles: ['pref_admin'],
  access: 'read-write',
  maxBodyKiB: 640, // input: the largest body the schema accepts (test/unit/contract/body-limits.test.ts)
  summary: { ja: '提出された回答の差戻し (項目へのコメント付き)', en: 'Send a submitted response back, with comments on items' },
  params: ResponseParams,
  body: ReturnResponseBody,
  response: ResponseView,
});

export const auditList = /* @__PURE__ */ route('audit.list', {
  method: 'GET',
  path: '/api/audit',
  handler: 'audit/list',
  roles: ['pref_admin', 'facility_admin'],
  access: 'read',
  summary: { ja: '操作履歴 (監査ログ) の検索・CSV 出力', en: 'Search the audit log, or export it as CSV' },
  query: AuditQuery,
  response: AuditLogResponse,
});

export const exportsCreate = /* @__PURE__ */ route('exports.create', {
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
});

export const exportsGet = /* @__PURE__ */ route('exports.get', {
  method: 'GET',
  path: '/api/exports/{jobId}',
  handler: 'exports/get',
  roles: ['pref_admin', 'inspector', 'facility_admin', 'facility_member'],
  access: 'read',
  uses: ['exportFiles'],
  summary: { ja: 'ファイル出力の進捗とダウンロード用リンク', en: 'Export progress, and a short-lived download link when done' },
  params: ExportJobParams,
  response: ExportJob,
});

export const facilitiesImportPreview = /* @__PURE__ */ route('facilities.importPreview', {
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
});

export const facilitiesImport = /* @__PURE__ */ route('facilities.import', {
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
});

export const healthCentersList = /* @__PURE__ */ route('healthCenters.list', {
  method: 'GET',
  path: '/api/health-centers',
  handler: 'health-centers/list',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '保健所と二次医療圏の一覧', en: 'Health centers and medical areas' },
  response: ListHealthCentersResponse,
});

export const vendorsList = /* @__PURE__ */ route('vendors.list', {
  method: 'GET',
  path: '/api/vendors',
  handler: 'vendors/list',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: '事業者の一覧', en: 'List vendors' },
  response: ListVendorsResponse,
});

export const vendorsCreate = /* @__PURE__ */ route('vendors.create', {
  method: 'POST',
  path: '/api/vendors',
  handler: 'vendors/create',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '事業者の登録', en: 'Register a vendor' },
  body: CreateVendorBody,
  response: Vendor,
  successStatus: 201,
});

export const contractsList = /* @__PURE__ */ route('contracts.list', {
  method: 'GET',
  path: '/api/facilities/{facilityId}/contracts',
  handler: 'contracts/list',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '医療機関の契約事業者とシステム', en: "A facility's vendors and systems" },
  params: FacilityIdParams,
  response: ListContractsResponse,
});

export const contractsPut = /* @__PURE__ */ route('contracts.put', {
  method: 'PUT',
  path: '/api/facilities/{facilityId}/contracts/{vendorId}',
  handler: 'contracts/put',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '契約 (システム・リモート保守) の登録・更新', en: 'Register or update a contract' },
  params: ContractParams,
  body: PutContractBody,
  response: Contract,
});

export const contractsDelete = /* @__PURE__ */ route('contracts.delete', {
  method: 'DELETE',
  path: '/api/facilities/{facilityId}/contracts/{vendorId}',
  handler: 'contracts/delete',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '契約の削除', en: 'Remove a contract' },
  params: ContractParams,
  response: NoContent,
  successStatus: 204,
});

export const usersList = /* @__PURE__ */ route('users.list', {
  method: 'GET',
  path: '/api/users',
  handler: 'users/list',
  roles: ['pref_admin', 'facility_admin'],
  access: 'read',
  summary: { ja: '利用者の一覧 (医療機関の管理者は自施設のみ)', en: 'List users (facility admins: their own facility)' },
  query: ListUsersQuery,
  response: ListUsersResponse,
});

export const usersInvite = /* @__PURE__ */ route('users.invite', {
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
});

export const usersUpdate = /* @__PURE__ */ route('users.update', {
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
});

export const tenantsList = /* @__PURE__ */ route('tenants.list', {
  method: 'GET',
  path: '/api/tenants',
  handler: 'tenants/list',
  roles: ['operator'],
  access: 'read',
  summary: { ja: '都道府県 (テナント) の一覧', en: 'List prefecture tenants' },
  response: ListTenantsResponse,
});

export const tenantsCreate = /* @__PURE__ */ route('tenants.create', {
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
});

export const inspectionsList = /* @__PURE__ */ route('inspections.list', {
  method: 'GET',
  path: '/api/inspections',
  handler: 'inspections/list',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '立入検査の予定と記録 (期間指定、保健所担当者は管轄のみ)', en: 'Inspections in a date range (inspectors: their jurisdiction only)' },
  query: ListInspectionsQuery,
  response: ListInspectionsResponse,
});

export const inspectionsReadiness = /* @__PURE__ */ route('inspections.readiness', {
  method: 'GET',
  path: '/api/inspections/readiness',
  handler: 'inspections/readiness',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '30日以内に立入検査予定の医療機関のチェックリスト準備状況', en: 'Checklist readiness of facilities inspected in the next 30 days' },
  query: ReadinessQuery,
  response: ReadinessResponse,
});

export const inspectionsListOfFacility = /* @__PURE__ */ route('inspections.listOfFacility', {
  method: 'GET',
  path: '/api/facilities/{facilityId}/inspections',
  handler: 'inspections/list-of-facility',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '医療機関の立入検査の履歴', en: "A facility's inspection history" },
  params: FacilityIdParams,
  response: FacilityInspectionsResponse,
});

export const inspectionsCreate = /* @__PURE__ */ route('inspections.create', {
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
});

export const inspectionsUpdate = /* @__PURE__ */ route('inspections.update', {
  method: 'PUT',
  path: '/api/facilities/{facilityId}/inspections/{inspectionId}',
  handler: 'inspections/update',
  roles: ['pref_admin', 'inspector'],
  access: 'read-write',
  summary: { ja: '立入検査の予定・記録の更新 (版の確認付き)', en: 'Update an inspection (checked against its version)' },
  params: InspectionParams,
  body: UpdateInspectionBody,
  response: Inspection,
});

// ── Issue 8 (decision 0012): each part adds its routes between its own markers. ──
// vendors:begin
export const vendorsGet = /* @__PURE__ */ route('vendors.get', {
  method: 'GET',
  path: '/api/vendors/{vendorId}',
  handler: 'vendors/get',
  // vendor_user: its own organisation only (checked in the handler).
  roles: ['pref_admin', 'inspector', 'vendor_user'],
  access: 'read',
  summary: { ja: '事業者の詳細 (契約医療機関の数)', en: 'One vendor, with its number of contracted facilities' },
  params: VendorParams,
  response: VendorDetail,
});

export const vendorsFacilities = /* @__PURE__ */ route('vendors.facilities', {
  method: 'GET',
  path: '/api/vendors/{vendorId}/facilities',
  handler: 'vendors/facilities',
  roles: ['pref_admin', 'vendor_user'],
  access: 'read',
  summary: { ja: '事業者の契約医療機関 (ページ単位)', en: "A vendor's contracted facilities, paged" },
  params: VendorParams,
  query: VendorPageQuery,
  response: VendorFacilitiesResponse,
});

export const vendorsCampaigns = /* @__PURE__ */ route('vendors.campaigns', {
  method: 'GET',
  path: '/api/vendors/{vendorId}/campaigns',
  handler: 'vendors/campaigns',
  roles: ['pref_admin', 'vendor_user'],
  access: 'read',
  summary: { ja: '事業者が回答する調査 (事業者確認用) と回答状況', en: 'Vendor-form campaigns of a vendor, with its response status' },
  params: VendorParams,
  response: VendorCampaignsResponse,
});

export const vendorResponsesGet = /* @__PURE__ */ route('vendorResponses.get', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/response',
  handler: 'vendor-responses/get',
  roles: ['pref_admin', 'vendor_user'],
  access: 'read',
  summary: { ja: '事業者の回答 (標準回答・提出・差戻しの履歴)', en: "A vendor's response: standard answers, submissions, reviews" },
  params: VendorResponseParams,
  response: VendorResponseView,
});

export const vendorResponsesSaveProfile = /* @__PURE__ */ route('vendorResponses.saveProfile', {
  method: 'PUT',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/profiles/{profileId}',
  handler: 'vendor-responses/save-profile',
  roles: ['vendor_user'],
  access: 'read-write',
  maxBodyKiB: 2496, // input: the largest body the schema accepts (test/unit/contract/body-limits.test.ts)
  summary: {
    ja: '標準回答 (製品・サービスごと) の作成・保存 (版の確認付き、0 で作成)',
    en: 'Create (expectedVersion 0) or save a standard answer (per product or service)',
  },
  params: VendorProfileParams,
  body: SaveVendorProfileBody,
  response: SavedVendorProfile,
});

export const vendorResponsesDeleteProfile = /* @__PURE__ */ route('vendorResponses.deleteProfile', {
  method: 'DELETE',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/profiles/{profileId}',
  handler: 'vendor-responses/delete-profile',
  roles: ['vendor_user'],
  access: 'read-write',
  summary: { ja: '標準回答の削除 (最後の1つは削除不可)', en: 'Delete a standard answer (never the last one)' },
  params: VendorProfileParams,
  query: DeleteVendorProfileQuery,
  response: NoContent,
  successStatus: 204,
});

export const vendorResponsesFacilities = /* @__PURE__ */ route('vendorResponses.facilities', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/facilities',
  handler: 'vendor-responses/facilities',
  roles: ['pref_admin', 'vendor_user'],
  access: 'read',
  summary: {
    ja: '事業者の回答先医療機関 (適用される標準回答と個別の変更、ページ単位)',
    en: "A vendor response's facilities: the profile applied and the cells overridden, paged",
  },
  params: VendorResponseParams,
  query: VendorPageQuery,
  response: VendorAssignmentsResponse,
});

export const vendorResponsesGetFacility = /* @__PURE__ */ route('vendorResponses.getFacility', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/facilities/{facilityId}',
  handler: 'vendor-responses/get-facility',
  roles: READERS_OF_A_FACILITY_AND_VENDOR,
  access: 'read',
  summary: { ja: '医療機関ごとの事業者の回答 (標準回答＋個別の変更)', en: 'What a vendor answers for one facility (standard answer + overrides)' },
  params: VendorFacilityParams,
  response: VendorFacilityView,
});

export const vendorResponsesSaveFacility = /* @__PURE__ */ route('vendorResponses.saveFacility', {
  method: 'PUT',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/facilities/{facilityId}',
  handler: 'vendor-responses/save-facility',
  roles: ['vendor_user'],
  access: 'read-write',
  maxBodyKiB: 2496, // input: the largest body the schema accepts (test/unit/contract/body-limits.test.ts)
  summary: {
    ja: '医療機関ごとの回答の変更 (標準回答の選択・個別の変更。版の確認付き)',
    en: 'Change what a vendor answers for one facility (profile, overridden cells), checked against its version',
  },
  params: VendorFacilityParams,
  body: SaveVendorFacilityBody,
  response: VendorFacilityView,
});

export const vendorResponsesSubmit = /* @__PURE__ */ route('vendorResponses.submit', {
  method: 'POST',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/submit',
  handler: 'vendor-responses/submit',
  roles: ['vendor_user'],
  access: 'read-write',
  summary: { ja: '事業者の回答の提出 (回ごと)', en: "Submit a round of the vendor's response" },
  params: VendorResponseParams,
  body: SubmitVendorResponseBody,
  response: VendorResponseView,
});

export const vendorResponsesReturn = /* @__PURE__ */ route('vendorResponses.return', {
  method: 'POST',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/return',
  handler: 'vendor-responses/return',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '提出された事業者の回答の差戻し', en: "Send a vendor's submitted response back" },
  params: VendorResponseParams,
  body: ReturnVendorResponseBody,
  response: VendorResponseView,
});

export const vendorResponsesConfirm = /* @__PURE__ */ route('vendorResponses.confirm', {
  method: 'POST',
  path: '/api/campaigns/{campaignId}/vendors/{vendorId}/confirm',
  handler: 'vendor-responses/confirm',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '提出された事業者の回答の確認 (受理)', en: "Confirm a vendor's submitted response" },
  params: VendorResponseParams,
  body: ConfirmVendorResponseBody,
  response: VendorResponseView,
});

export const campaignsVendors = /* @__PURE__ */ route('campaigns.vendors', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/vendors',
  handler: 'vendor-responses/list-of-campaign',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: '事業者確認用の調査の事業者ごとの回答状況 (ページ単位)', en: 'Vendor progress of a vendor-form campaign, paged, with counts' },
  params: CampaignIdParams,
  query: CampaignVendorsQuery,
  response: CampaignVendorsResponse,
});

export const facilitiesVendorAnswers = /* @__PURE__ */ route('facilities.vendorAnswers', {
  method: 'GET',
  path: '/api/facilities/{facilityId}/vendor-answers',
  handler: 'vendor-responses/of-facility',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: {
    ja: '医療機関の契約事業者ごとの回答 (事業者確認用、対応項目つき)',
    en: "Each contracted vendor's answers for the facility (vendor form, with the mirrored items)",
  },
  params: FacilityIdParams,
  query: FacilityVendorAnswersQuery,
  response: FacilityVendorAnswersResponse,
});

// vendors:end
// files:begin
export const uploadsCreate = /* @__PURE__ */ route('uploads.create', {
  method: 'POST',
  path: '/api/uploads',
  handler: 'uploads/create',
  // pref_admin: only the `training_sheet` purpose (checked in the handler).
  roles: ['vendor_user', 'facility_admin', 'facility_member', 'pref_admin'],
  access: 'read-write',
  uses: ['files'],
  summary: {
    ja: 'ファイルのアップロード先 (S3 への署名付き POST、検疫領域) の発行',
    en: 'Get a presigned POST to upload a file straight to S3 (quarantine)',
  },
  body: CreateUploadBody,
  response: CreateUploadResponse,
  successStatus: 201,
});

export const documentsCreate = /* @__PURE__ */ route('documents.create', {
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
});

export const documentsList = /* @__PURE__ */ route('documents.list', {
  method: 'GET',
  path: '/api/vendors/{vendorId}/documents',
  handler: 'documents/list',
  roles: ['pref_admin', 'inspector', 'vendor_user'],
  access: 'read',
  summary: { ja: '事業者の MDS/SDS (全版、最新版が先頭)', en: "A vendor's MDS/SDS documents, every version, current first" },
  params: VendorIdParams,
  response: ListDocumentsResponse,
});

export const documentsLink = /* @__PURE__ */ route('documents.link', {
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
});

export const facilitiesDocuments = /* @__PURE__ */ route('facilities.documents', {
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
});

export const documentsMissing = /* @__PURE__ */ route('documents.missing', {
  method: 'GET',
  path: '/api/vendor-documents/missing',
  handler: 'documents/missing',
  // Counts over the whole tenant's vendors: the prefecture's view (a 保健所 sees its facilities' vendors on each facility page).
  roles: ['pref_admin'],
  access: 'read',
  summary: {
    ja: 'MDS/SDS が未提出の契約事業者 (該当する医療機関の数。事業者単位でページ分け)',
    en: 'Contracted vendors without a current MDS/SDS for some facilities (paged by vendor)',
  },
  query: MissingDocumentsQuery,
  response: MissingDocumentsResponse,
});

export const evidenceCreate = /* @__PURE__ */ route('evidence.create', {
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
});

export const evidenceList = /* @__PURE__ */ route('evidence.list', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/evidence',
  handler: 'evidence/list',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '回答欄ごとの証跡ファイル', en: 'Evidence files per answer cell' },
  params: EvidenceParams,
  query: ListEvidenceQuery,
  response: ListEvidenceResponse,
});

export const evidenceRemove = /* @__PURE__ */ route('evidence.remove', {
  method: 'DELETE',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/evidence/{evidenceId}',
  handler: 'evidence/remove',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: '証跡ファイルの削除 (一覧から隠す。ファイルは保管)', en: 'Remove an evidence file (hidden from lists; the file is kept)' },
  params: EvidenceItemParams,
  response: NoContent,
  successStatus: 204,
});

export const evidenceLink = /* @__PURE__ */ route('evidence.link', {
  method: 'GET',
  path: '/api/campaigns/{campaignId}/facilities/{facilityId}/evidence/{evidenceId}/link',
  handler: 'evidence/link',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  uses: ['files'],
  summary: { ja: '証跡ファイルのダウンロード用リンク (5分間有効)', en: 'A short-lived (5 min) download link to an evidence file' },
  params: EvidenceItemParams,
  response: DownloadLink,
});

// files:end
// cross-checks:begin
export const discrepanciesOfFacility = /* @__PURE__ */ route('discrepancies.ofFacility', {
  method: 'GET',
  path: '/api/facilities/{facilityId}/discrepancies',
  handler: 'discrepancies/of-facility',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '医療機関の不一致 (自己申告と事業者の回答・開示書)', en: "A facility's discrepancies with its vendors' answers and documents" },
  params: DiscrepancyFacilityParams,
  query: FacilityDiscrepanciesQuery,
  response: FacilityDiscrepanciesResponse,
});

export const discrepanciesOfVendor = /* @__PURE__ */ route('discrepancies.ofVendor', {
  method: 'GET',
  path: '/api/vendors/{vendorId}/discrepancies',
  handler: 'discrepancies/of-vendor',
  roles: ['pref_admin', 'vendor_user'],
  access: 'read',
  summary: { ja: '事業者に関する不一致', en: "A vendor's discrepancies" },
  params: DiscrepancyVendorParams,
  query: VendorDiscrepanciesQuery,
  response: DiscrepancyPage,
});

export const discrepanciesList = /* @__PURE__ */ route('discrepancies.list', {
  method: 'GET',
  path: '/api/discrepancies',
  handler: 'discrepancies/list',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '未解決の不一致 (保健所担当者は管轄のみ)', en: 'Open discrepancies (inspectors: their jurisdiction only)' },
  query: ListDiscrepanciesQuery,
  response: DiscrepancyPage,
});

export const discrepanciesExplain = /* @__PURE__ */ route('discrepancies.explain', {
  method: 'POST',
  path: '/api/facilities/{facilityId}/discrepancies/{discrepancyId}/explanations',
  handler: 'discrepancies/explain',
  roles: ['facility_admin', 'facility_member', 'vendor_user'],
  access: 'read-write',
  summary: { ja: '不一致の説明を記入', en: 'Explain a discrepancy' },
  params: DiscrepancyParams,
  body: ExplainDiscrepancyBody,
  response: Discrepancy,
});

export const discrepanciesResolve = /* @__PURE__ */ route('discrepancies.resolve', {
  method: 'POST',
  path: '/api/facilities/{facilityId}/discrepancies/{discrepancyId}/resolve',
  handler: 'discrepancies/resolve',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '不一致を解決済みにする', en: 'Mark a discrepancy resolved' },
  params: DiscrepancyParams,
  body: ResolveDiscrepancyBody,
  response: Discrepancy,
});

// cross-checks:end
// trainings:begin
export const trainingsList = /* @__PURE__ */ route('trainings.list', {
  method: 'GET',
  path: '/api/trainings',
  handler: 'trainings/list',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: {
    ja: '研修の一覧 (年度ごと、医療機関は対象の研修と自施設の申込)',
    en: 'Training sessions of a fiscal year (facilities: those meant for them, with their registrations)',
  },
  query: ListTrainingsQuery,
  response: ListTrainingsResponse,
});

export const trainingsCreate = /* @__PURE__ */ route('trainings.create', {
  method: 'POST',
  path: '/api/trainings',
  handler: 'trainings/create',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '研修の登録', en: 'Schedule a training session' },
  body: CreateTrainingBody,
  response: TrainingSession,
  successStatus: 201,
});

export const trainingsGet = /* @__PURE__ */ route('trainings.get', {
  method: 'GET',
  path: '/api/trainings/{sessionId}',
  handler: 'trainings/get',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '研修の詳細', en: 'One training session' },
  params: TrainingParams,
  response: TrainingDetail,
});

export const trainingsUpdate = /* @__PURE__ */ route('trainings.update', {
  method: 'PUT',
  path: '/api/trainings/{sessionId}',
  handler: 'trainings/update',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '研修の変更 (版の確認付き)', en: 'Change a training session (checked against its version)' },
  params: TrainingParams,
  body: UpdateTrainingBody,
  response: TrainingSession,
});

export const trainingsCancel = /* @__PURE__ */ route('trainings.cancel', {
  method: 'POST',
  path: '/api/trainings/{sessionId}/cancel',
  handler: 'trainings/cancel',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '研修の中止', en: 'Cancel a training session' },
  params: TrainingParams,
  body: CancelTrainingBody,
  response: TrainingSession,
});

export const trainingsRegistrations = /* @__PURE__ */ route('trainings.registrations', {
  method: 'GET',
  path: '/api/trainings/{sessionId}/registrations',
  handler: 'trainings/registrations',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '研修の申込者 (受付順、保健所は管轄の医療機関のみ)', en: "A session's registrations in arrival order (inspectors: their jurisdiction)" },
  params: TrainingParams,
  query: RegistrationsQuery,
  response: RegistrationsResponse,
});

export const trainingsRegister = /* @__PURE__ */ route('trainings.register', {
  method: 'POST',
  path: '/api/trainings/{sessionId}/registrations',
  handler: 'trainings/register',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: '研修への申込 (満席ならキャンセル待ち)', en: 'Register a participant (waitlisted when full)' },
  params: TrainingParams,
  body: RegisterBody,
  response: TrainingRegistration,
  successStatus: 201,
});

export const trainingsCancelRegistration = /* @__PURE__ */ route('trainings.cancelRegistration', {
  method: 'POST',
  path: '/api/trainings/{sessionId}/registrations/{registrationId}/cancel',
  handler: 'trainings/cancel-registration',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: '申込の取消 (キャンセル待ちの先頭を繰上げ)', en: 'Cancel a registration (promotes the first waitlisted)' },
  params: RegistrationParams,
  body: CancelRegistrationBody,
  response: TrainingRegistration,
});

export const trainingsIcs = /* @__PURE__ */ route('trainings.ics', {
  method: 'GET',
  path: '/api/trainings/{sessionId}/registrations/{registrationId}/ics',
  handler: 'trainings/ics',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '申込の予定ファイル (.ics)', en: 'Calendar file (.ics) of a registration' },
  params: RegistrationParams,
  response: Text,
});

export const trainingsAttendance = /* @__PURE__ */ route('trainings.attendance', {
  method: 'POST',
  path: '/api/trainings/{sessionId}/attendance',
  handler: 'trainings/attendance',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '出欠の記録 (まとめて)', en: 'Record attendance (a batch)' },
  params: TrainingParams,
  body: AttendanceBody,
  response: AttendanceResult,
});

export const trainingsAttendanceImport = /* @__PURE__ */ route('trainings.attendanceImport', {
  method: 'POST',
  path: '/api/trainings/{sessionId}/attendance/import',
  handler: 'trainings/attendance-import',
  roles: ['pref_admin'],
  access: 'read-write',
  uses: ['files'],
  summary: { ja: '受付簿 (CSV/xlsx) から出欠を記録 (確認のみも可)', en: 'Record attendance from a sign-in sheet (CSV/xlsx), or only check it' },
  params: TrainingParams,
  body: AttendanceImportBody,
  response: AttendanceImportResult,
});

export const trainingsExport = /* @__PURE__ */ route('trainings.export', {
  method: 'GET',
  path: '/api/trainings/{sessionId}/export',
  handler: 'trainings/export',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: '参加者一覧の出力 (CSV/xlsx)', en: 'Participant list (CSV/xlsx)' },
  params: TrainingParams,
  query: ExportQuery,
  response: Text,
});

export const trainingsOfFacility = /* @__PURE__ */ route('trainings.ofFacility', {
  method: 'GET',
  path: '/api/facilities/{facilityId}/trainings',
  handler: 'trainings/of-facility',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '医療機関の研修受講記録 (年度ごと)', en: "A facility's trainings record (per fiscal year)" },
  params: FacilityIdParams,
  query: FacilityTrainingsQuery,
  response: FacilityTrainingsResponse,
});

export const trainingsCoverage = /* @__PURE__ */ route('trainings.coverage', {
  method: 'GET',
  path: '/api/training-coverage',
  handler: 'trainings/coverage',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '研修の受講状況 (保健所ごと、年度)', en: 'Training coverage per health center (fiscal year)' },
  query: CoverageQuery,
  response: CoverageResponse,
});

export const calendarRotate = /* @__PURE__ */ route('calendar.rotate', {
  method: 'POST',
  path: '/api/facilities/{facilityId}/calendar-feed',
  handler: 'trainings/calendar-rotate',
  roles: ['facility_admin'],
  access: 'read-write',
  summary: { ja: '研修カレンダー購読 URL の発行・再発行 (旧 URL は無効)', en: 'Create or rotate the training calendar feed URL (the old one stops working)' },
  params: FacilityIdParams,
  response: CalendarRotateResponse,
  successStatus: 201,
});

export const calendarFeed = /* @__PURE__ */ route('calendar.feed', {
  method: 'GET',
  path: '/api/calendar/{token}',
  handler: 'trainings/calendar-feed',
  auth: 'public',
  roles: [],
  access: 'read',
  summary: { ja: '研修カレンダー (購読用、秘密の URL)', en: 'Training calendar feed (secret URL)' },
  params: CalendarFeedParams,
  response: Text,
});

// trainings:end
// notifications:begin
export const notificationsList = /* @__PURE__ */ route('notifications.list', {
  method: 'GET',
  path: '/api/my/notifications',
  handler: 'notifications/list',
  roles: TENANT_ROLES,
  access: 'read',
  summary: { ja: '自分のお知らせ (新しい順、未読数つき)', en: 'My notifications, newest first, with the unread count' },
  query: ListNotificationsQuery,
  response: ListNotificationsResponse,
});

export const notificationsMarkRead = /* @__PURE__ */ route('notifications.markRead', {
  method: 'POST',
  path: '/api/my/notifications/{notificationId}/read',
  handler: 'notifications/mark-read',
  roles: TENANT_ROLES,
  access: 'read-write',
  summary: { ja: 'お知らせを既読にする', en: 'Mark a notification read' },
  params: NotificationParams,
  response: MarkReadResponse,
});

export const notificationsMarkAllRead = /* @__PURE__ */ route('notifications.markAllRead', {
  method: 'POST',
  path: '/api/my/notifications/read',
  handler: 'notifications/mark-all-read',
  roles: TENANT_ROLES,
  access: 'read-write',
  summary: { ja: 'お知らせをすべて既読にする', en: 'Mark all notifications read' },
  response: MarkAllReadResponse,
});

export const preferencesGet = /* @__PURE__ */ route('preferences.get', {
  method: 'GET',
  path: '/api/my/preferences',
  handler: 'notifications/preferences-get',
  roles: TENANT_ROLES,
  access: 'read',
  summary: { ja: 'メールの設定 (言語・受け取るお知らせ)', en: 'My mail preferences: language and optional kinds' },
  response: Preferences,
});

export const preferencesPut = /* @__PURE__ */ route('preferences.put', {
  method: 'PUT',
  path: '/api/my/preferences',
  handler: 'notifications/preferences-put',
  roles: TENANT_ROLES,
  access: 'read-write',
  summary: { ja: 'メールの設定の変更 (必須のお知らせは止められません)', en: 'Change my mail preferences (mandatory kinds stay on)' },
  body: PutPreferencesBody,
  response: Preferences,
});

export const usersResendInvite = /* @__PURE__ */ route('users.resendInvite', {
  method: 'POST',
  path: '/api/users/{userId}/invitation',
  handler: 'notifications/resend-invite',
  roles: ['pref_admin', 'facility_admin'],
  access: 'read-write',
  uses: ['userPoolAdmin', 'mail'],
  summary: { ja: '招待メールの再送 (仮パスワードを再発行)', en: 'Resend the invitation with a new temporary password' },
  params: UserIdParams,
  response: ResendInvitationResponse,
});

export const reminderSettingsGet = /* @__PURE__ */ route('reminderSettings.get', {
  method: 'GET',
  path: '/api/reminder-settings',
  handler: 'notifications/reminder-settings-get',
  roles: ['pref_admin'],
  access: 'read',
  summary: { ja: '締切のリマインドを送る日 (都道府県の設定)', en: "The prefecture's rhythm of deadline reminders" },
  response: ReminderSettings,
});

export const reminderSettingsPut = /* @__PURE__ */ route('reminderSettings.put', {
  method: 'PUT',
  path: '/api/reminder-settings',
  handler: 'notifications/reminder-settings-put',
  roles: ['pref_admin'],
  access: 'read-write',
  summary: { ja: '締切のリマインドを送る日の変更', en: 'Change the rhythm of deadline reminders' },
  body: PutReminderSettingsBody,
  response: ReminderSettings,
});

// notifications:end
// incidents:begin
export const incidentsList = /* @__PURE__ */ route('incidents.list', {
  method: 'GET',
  path: '/api/incidents',
  handler: 'incidents/list',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: {
    ja: 'インシデント報告の一覧 (対応中を先に; 保健所は管轄、医療機関は自施設)',
    en: 'Suspected-incident reports, open first (inspectors: their jurisdiction; facilities: their own)',
  },
  query: ListIncidentsQuery,
  response: ListIncidentsResponse,
});

export const incidentsCreate = /* @__PURE__ */ route('incidents.create', {
  method: 'POST',
  path: '/api/incidents',
  handler: 'incidents/create',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: 'インシデントかも: 県に報告する', en: 'Report a suspected incident to the prefecture' },
  body: CreateIncidentBody,
  response: IncidentDetail,
  successStatus: 201,
});

export const incidentsGet = /* @__PURE__ */ route('incidents.get', {
  method: 'GET',
  path: '/api/incidents/{incidentId}',
  handler: 'incidents/get',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: 'インシデント報告 (経過と初動対応のチェック)', en: 'A suspected-incident report with its timeline and first-response steps' },
  params: IncidentParams,
  response: IncidentDetail,
});

export const incidentsUpdate = /* @__PURE__ */ route('incidents.update', {
  method: 'PUT',
  path: '/api/incidents/{incidentId}',
  handler: 'incidents/update',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: '報告内容の更新 (診療への影響・連絡先など; 版の確認付き)', en: 'Update the report (care impact, contacts…; checked against its version)' },
  params: IncidentParams,
  body: UpdateIncidentBody,
  response: IncidentDetail,
});

export const incidentsPost = /* @__PURE__ */ route('incidents.post', {
  method: 'POST',
  path: '/api/incidents/{incidentId}/entries',
  handler: 'incidents/post',
  roles: READERS_OF_A_FACILITY,
  access: 'read-write',
  summary: { ja: '経過に書き込む (医療機関・県・保健所)', en: 'Write in the timeline (facility, prefecture, health center)' },
  params: IncidentParams,
  body: PostIncidentEntryBody,
  response: IncidentEntry,
  successStatus: 201,
});

export const incidentsTick = /* @__PURE__ */ route('incidents.tick', {
  method: 'PUT',
  path: '/api/incidents/{incidentId}/steps/{stepId}',
  handler: 'incidents/tick',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: '初動対応のチェック (済/未)', en: 'Tick a first-response step (done / not done)' },
  params: IncidentStepParams,
  body: TickIncidentStepBody,
  response: IncidentDetail,
});

export const incidentsClose = /* @__PURE__ */ route('incidents.close', {
  method: 'POST',
  path: '/api/incidents/{incidentId}/close',
  handler: 'incidents/close',
  roles: PREFECTURE_AND_FACILITY,
  access: 'read-write',
  summary: { ja: '報告を終了する (医療機関は理由を添えて)', en: 'Close the report (a facility gives a reason)' },
  params: IncidentParams,
  body: CloseIncidentBody,
  response: IncidentDetail,
});

export const incidentsCounts = /* @__PURE__ */ route('incidents.counts', {
  method: 'GET',
  path: '/api/incident-counts',
  handler: 'incidents/counts',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '対応中のインシデント報告の数 (ダッシュボード)', en: 'Open suspected-incident reports (dashboard)' },
  response: IncidentCounts,
});

// incidents:end
// contact-charts:begin
export const contactChartsGetOwn = /* @__PURE__ */ route('contactCharts.getOwn', {
  method: 'GET',
  path: '/api/contact-chart',
  handler: 'contact-charts/get-own',
  roles: FACILITY_ROLES,
  access: 'read',
  summary: { ja: '自施設の連絡体制図 (院内・事業者・外部機関)', en: "The facility's incident contact chart (internal, vendors, outside bodies)" },
  response: ContactChartView,
});

export const contactChartsSave = /* @__PURE__ */ route('contactCharts.save', {
  method: 'PUT',
  path: '/api/contact-chart',
  handler: 'contact-charts/save',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: '連絡体制図の保存 (版の確認つき)', en: 'Save the contact chart, checked against its version' },
  body: SaveContactChartBody,
  response: ContactChartView,
});

export const contactChartsConfirm = /* @__PURE__ */ route('contactCharts.confirm', {
  method: 'POST',
  path: '/api/contact-chart/confirm',
  handler: 'contact-charts/confirm',
  roles: FACILITY_ROLES,
  access: 'read-write',
  summary: { ja: '連絡体制図の最終確認日を今日にする', en: 'Record that the contact chart was checked today' },
  body: ConfirmContactChartBody,
  response: ContactChartView,
});

export const contactChartsGetOfFacility = /* @__PURE__ */ route('contactCharts.getOfFacility', {
  method: 'GET',
  path: '/api/facilities/{facilityId}/contact-chart',
  handler: 'contact-charts/get-of-facility',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '医療機関の連絡体制図 (保健所担当者は管轄のみ)', en: "A facility's contact chart (inspectors: their jurisdiction only)" },
  params: FacilityIdParams,
  response: ContactChartView,
});

export const contactChartsList = /* @__PURE__ */ route('contactCharts.list', {
  method: 'GET',
  path: '/api/contact-charts',
  handler: 'contact-charts/list',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '医療機関ごとの連絡体制図の状況 (ページ単位)', en: 'Contact chart status per facility, paged' },
  query: ListContactChartsQuery,
  response: ListContactChartsResponse,
});

export const contactChartsCoverage = /* @__PURE__ */ route('contactCharts.coverage', {
  method: 'GET',
  path: '/api/contact-charts/coverage',
  handler: 'contact-charts/coverage',
  roles: ['pref_admin', 'inspector'],
  access: 'read',
  summary: { ja: '今年度に更新・確認された連絡体制図の数 (保健所別)', en: 'Facilities with a contact chart current this fiscal year, per 保健所' },
  response: ContactChartCoverage,
});

export const contactChartsOutsideGet = /* @__PURE__ */ route('contactCharts.outsideGet', {
  method: 'GET',
  path: '/api/outside-contacts',
  handler: 'contact-charts/outside-get',
  roles: READERS_OF_A_FACILITY,
  access: 'read',
  summary: { ja: '外部機関の連絡先 (都道府県が管理)', en: 'Outside bodies to call (kept by the prefecture)' },
  response: OutsideContacts,
});

export const contactChartsOutsidePut = /* @__PURE__ */ route('contactCharts.outsidePut', {
  method: 'PUT',
  path: '/api/outside-contacts',
  handler: 'contact-charts/outside-put',
  roles: ['pref_admin'],
  access: 'read-write',
  maxBodyKiB: 576, // input: the largest body the schema accepts (test/unit/contract/body-limits.test.ts)
  summary: { ja: '外部機関の連絡先の変更', en: 'Change the outside bodies to call' },
  body: PutOutsideContactsBody,
  response: OutsideContacts,
});

export const contactChartsVendorContactGet = /* @__PURE__ */ route('contactCharts.vendorContactGet', {
  method: 'GET',
  path: '/api/vendors/{vendorId}/incident-contact',
  handler: 'contact-charts/vendor-contact-get',
  // vendor_user: its own organisation only (checked in the handler).
  roles: ['pref_admin', 'vendor_user'],
  access: 'read',
  summary: { ja: '事業者のインシデント時の連絡先', en: "A vendor's incident contact" },
  params: VendorParams,
  response: VendorIncidentContact,
});

export const contactChartsVendorContactPut = /* @__PURE__ */ route('contactCharts.vendorContactPut', {
  method: 'PUT',
  path: '/api/vendors/{vendorId}/incident-contact',
  handler: 'contact-charts/vendor-contact-put',
  roles: ['vendor_user'],
  access: 'read-write',
  summary: { ja: '事業者のインシデント時の連絡先の変更 (自社のみ)', en: "Change the vendor's own incident contact" },
  params: VendorParams,
  body: PutVendorIncidentContactBody,
  response: VendorIncidentContact,
});

// contact-charts:end
