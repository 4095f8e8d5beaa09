import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { Loading } from '../components/feedback.tsx';
import { useAuth } from '../features/auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { Page } from './page.tsx';
import { paths } from './paths.ts';
import { Link } from './router.tsx';

/** One chunk per page: a page's code (and a library only it uses) loads when the page is first shown. */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const TasksPage = page(() => import('../features/checklist/tasks-page.tsx').then((m) => m.TasksPage));
const ChecklistPage = page(() => import('../features/checklist/checklist-page.tsx').then((m) => m.ChecklistPage));
const AuditPage = page(() => import('../features/audit/audit-page.tsx').then((m) => m.AuditPage));
const FacilitiesPage = page(() => import('../features/facilities/facilities-page.tsx').then((m) => m.FacilitiesPage));
const FacilityPage = page(() => import('../features/facilities/facility-page.tsx').then((m) => m.FacilityPage));
const VendorsPage = page(() => import('../features/facilities/vendors-page.tsx').then((m) => m.VendorsPage));
const InfoHome = page(() => import('../features/home/info-home.tsx').then((m) => m.InfoHome));
const TenantsPage = page(() => import('../features/home/tenants-page.tsx').then((m) => m.TenantsPage));
const UsersPage = page(() => import('../features/people/users-page.tsx').then((m) => m.UsersPage));
const CampaignsPage = page(() => import('../features/progress/campaigns-page.tsx').then((m) => m.CampaignsPage));
const ProgressPage = page(() => import('../features/progress/progress-page.tsx').then((m) => m.ProgressPage));
const TemplatePage = page(() => import('../features/templates/template-page.tsx').then((m) => m.TemplatePage));
const InspectionsPage = page(() => import('../features/inspections/inspections-page.tsx').then((m) => m.InspectionsPage));
const TemplatesPage = page(() => import('../features/templates/templates-page.tsx').then((m) => m.TemplatesPage));
const DashboardPage = page(() => import('../features/dashboard/dashboard-page.tsx').then((m) => m.DashboardPage));
const LatestDashboard = page(() => import('../features/dashboard/latest-dashboard.tsx').then((m) => m.LatestDashboard));

function RoleHome() {
  const { me } = useAuth();
  switch (me.role) {
    case 'facility_admin':
    case 'facility_member':
      return <TasksPage />;
    case 'pref_admin':
    case 'inspector':
      return <CampaignsPage />;
    case 'vendor_user':
      return <InfoHome />;
    case 'operator':
      return <TenantsPage />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t(M.notFound)}>
      <p>{t(M.notFoundBody)}</p>
      <p>
        <Link to="/">{t(M.home)}</Link>
      </p>
    </Page>
  );
}

// A new id remounts the page (fresh state), as a new address did before.
function FacilityRoute() {
  const { facilityId = '' } = useParams();
  return <FacilityPage key={facilityId} facilityId={facilityId} />;
}

function TemplateRoute() {
  const { templateId = '' } = useParams();
  return <TemplatePage key={templateId} templateId={templateId} />;
}

function ProgressRoute() {
  const { campaignId = '' } = useParams();
  return <ProgressPage key={campaignId} campaignId={campaignId} />;
}

function DashboardRoute() {
  const { campaignId = '' } = useParams();
  return <DashboardPage key={campaignId} campaignId={campaignId} />;
}

function ResponseRoute() {
  const { campaignId = '', facilityId = '' } = useParams();
  return <ChecklistPage key={`${campaignId}/${facilityId}`} campaignId={campaignId} facilityId={facilityId} />;
}

/** Which pages a role can open; any other address is the NotFound page. */
export function AppRoutes() {
  const { me } = useAuth();
  const admin = me.role === 'pref_admin' || me.role === 'facility_admin';
  const prefAdmin = me.role === 'pref_admin';
  const planner = prefAdmin || me.role === 'inspector';
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        {/* `/campaigns` is the survey list's own address (the prefecture's home); facilities get their tasks there too. */}
        <Route caseSensitive path="/" element={<RoleHome />} />
        <Route caseSensitive path="/index.html" element={<RoleHome />} />
        <Route caseSensitive path={paths.campaigns()} element={<RoleHome />} />
        {admin ? <Route caseSensitive path={paths.users()} element={<UsersPage />} /> : null}
        {admin ? <Route caseSensitive path={paths.audit()} element={<AuditPage />} /> : null}
        {prefAdmin ? <Route caseSensitive path={paths.facilities()} element={<FacilitiesPage />} /> : null}
        {prefAdmin ? <Route caseSensitive path={paths.vendors()} element={<VendorsPage />} /> : null}
        {planner ? <Route caseSensitive path="/facilities/:facilityId" element={<FacilityRoute />} /> : null}
        {planner ? <Route caseSensitive path={paths.inspections()} element={<InspectionsPage />} /> : null}
        {prefAdmin ? <Route caseSensitive path={paths.templates()} element={<TemplatesPage />} /> : null}
        {prefAdmin ? <Route caseSensitive path="/templates/:templateId" element={<TemplateRoute />} /> : null}
        <Route caseSensitive path="/campaigns/:campaignId/progress" element={<ProgressRoute />} />
        {planner ? <Route caseSensitive path="/campaigns/:campaignId/dashboard" element={<DashboardRoute />} /> : null}
        {planner ? <Route caseSensitive path={paths.latestDashboard()} element={<LatestDashboard />} /> : null}
        <Route caseSensitive path="/campaigns/:campaignId/facilities/:facilityId" element={<ResponseRoute />} />
        <Route caseSensitive path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
