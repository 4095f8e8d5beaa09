import { Suspense } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { Loading } from '../components/feedback.tsx';
import { useAuth } from '../features/auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { Page } from './page.tsx';
import { lazyPage } from './page-chunks.ts';
import { paths } from './paths.ts';
import { Link } from './router.tsx';

// One chunk per page: a page's code (and a library only it uses) loads when the page is first shown.
const TasksPage = lazyPage('tasks', (m) => m.TasksPage);
const ChecklistPage = lazyPage('checklist', (m) => m.ChecklistPage);
const AuditPage = lazyPage('audit', (m) => m.AuditPage);
const FacilitiesPage = lazyPage('facilities', (m) => m.FacilitiesPage);
const FacilityPage = lazyPage('facility', (m) => m.FacilityPage);
const VendorsPage = lazyPage('vendors', (m) => m.VendorsPage);
const TenantsPage = lazyPage('tenants', (m) => m.TenantsPage);
const UsersPage = lazyPage('users', (m) => m.UsersPage);
const CampaignsPage = lazyPage('campaigns', (m) => m.CampaignsPage);
const ProgressPage = lazyPage('progress', (m) => m.ProgressPage);
const TemplatePage = lazyPage('template', (m) => m.TemplatePage);
const InspectionsPage = lazyPage('inspections', (m) => m.InspectionsPage);
const TemplatesPage = lazyPage('templates', (m) => m.TemplatesPage);
const DashboardPage = lazyPage('dashboard', (m) => m.DashboardPage);
const LatestDashboard = lazyPage('latestDashboard', (m) => m.LatestDashboard);
const VendorHome = lazyPage('vendorHome', (m) => m.VendorHome);
const VendorPage = lazyPage('vendorHome', (m) => m.VendorPage);
const VendorResponsePage = lazyPage('vendorResponse', (m) => m.VendorResponsePage);
const VendorFacilityPage = lazyPage('vendorFacility', (m) => m.VendorFacilityPage);
const VendorProgressPage = lazyPage('vendorProgress', (m) => m.VendorProgressPage);
const DiscrepanciesPage = lazyPage('discrepancies', (m) => m.DiscrepanciesPage);
// trainings:begin
const TrainingsPage = lazyPage('trainings', (m) => m.TrainingsPage);
const SessionPage = lazyPage('training', (m) => m.SessionPage);
function TrainingRoute() {
  const { sessionId = '' } = useParams();
  return <SessionPage key={sessionId} sessionId={sessionId} />;
}
// trainings:end
// notifications:begin
const InboxPage = lazyPage('inbox', (m) => m.InboxPage);
const PreferencesPage = lazyPage('mailSettings', (m) => m.PreferencesPage);
// notifications:end
// incidents:begin
const IncidentsPage = lazyPage('incidents', (m) => m.IncidentsPage);
const NewIncidentPage = lazyPage('newIncident', (m) => m.NewIncidentPage);
const IncidentPage = lazyPage('incident', (m) => m.IncidentPage);
function IncidentRoute() {
  const { incidentId = '' } = useParams();
  return <IncidentPage key={incidentId} incidentId={incidentId} />;
}
// incidents:end
// bcp:begin
const BcpPage = lazyPage('bcp', (m) => m.BcpPage);
// bcp:end

// contact-charts:begin
const ContactChartPage = lazyPage('contactChart', (m) => m.ContactChartPage);
const FacilityContactChartPage = lazyPage('contactChart', (m) => m.FacilityContactChartPage);
const ContactChartsListPage = lazyPage('contactChartsList', (m) => m.ContactChartsListPage);
const OutsideContactsPage = lazyPage('outsideContacts', (m) => m.OutsideContactsPage);
function FacilityContactChartRoute() {
  const { facilityId = '' } = useParams();
  return <FacilityContactChartPage key={facilityId} facilityId={facilityId} />;
}
// contact-charts:end

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
      return <VendorHome />;
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
  const { me } = useAuth();
  // A facility's own people open their own page only; any other facility's address does not exist for them.
  const facilityUser = me.role === 'facility_admin' || me.role === 'facility_member';
  if (facilityUser && me.organisation?.id !== facilityId) return <NotFound />;
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

function VendorRoute() {
  const { vendorId = '' } = useParams();
  return <VendorPage key={vendorId} vendorId={vendorId} />;
}

function VendorProgressRoute() {
  const { campaignId = '' } = useParams();
  return <VendorProgressPage key={campaignId} campaignId={campaignId} />;
}

// A vendor user opens its own organisation's response only; any other vendor's address does not exist for it.
function VendorResponseRoute() {
  const { campaignId = '', vendorId = '' } = useParams();
  const { me } = useAuth();
  if (me.role === 'vendor_user' && me.organisation?.id !== vendorId) return <NotFound />;
  return <VendorResponsePage key={`${campaignId}/${vendorId}`} campaignId={campaignId} vendorId={vendorId} />;
}

function VendorFacilityRoute() {
  const { campaignId = '', vendorId = '', facilityId = '' } = useParams();
  const { me } = useAuth();
  if (me.role === 'vendor_user' && me.organisation?.id !== vendorId) return <NotFound />;
  return <VendorFacilityPage key={`${campaignId}/${vendorId}/${facilityId}`} campaignId={campaignId} vendorId={vendorId} facilityId={facilityId} />;
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
  const vendorUser = me.role === 'vendor_user';
  const facilityUser = me.role === 'facility_admin' || me.role === 'facility_member';
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
        {prefAdmin ? <Route caseSensitive path="/vendors/:vendorId" element={<VendorRoute />} /> : null}
        {prefAdmin ? <Route caseSensitive path="/campaigns/:campaignId/vendors" element={<VendorProgressRoute />} /> : null}
        {prefAdmin || vendorUser ? <Route caseSensitive path="/campaigns/:campaignId/vendors/:vendorId" element={<VendorResponseRoute />} /> : null}
        {prefAdmin || vendorUser ? (
          <Route caseSensitive path="/campaigns/:campaignId/vendors/:vendorId/facilities/:facilityId" element={<VendorFacilityRoute />} />
        ) : null}
        {planner || facilityUser ? <Route caseSensitive path="/facilities/:facilityId" element={<FacilityRoute />} /> : null}
        {planner ? <Route caseSensitive path={paths.discrepancies()} element={<DiscrepanciesPage />} /> : null}
        {planner ? <Route caseSensitive path={paths.inspections()} element={<InspectionsPage />} /> : null}
        {prefAdmin ? <Route caseSensitive path={paths.templates()} element={<TemplatesPage />} /> : null}
        {prefAdmin ? <Route caseSensitive path="/templates/:templateId" element={<TemplateRoute />} /> : null}
        <Route caseSensitive path="/campaigns/:campaignId/progress" element={<ProgressRoute />} />
        {planner ? <Route caseSensitive path="/campaigns/:campaignId/dashboard" element={<DashboardRoute />} /> : null}
        {planner ? <Route caseSensitive path={paths.latestDashboard()} element={<LatestDashboard />} /> : null}
        <Route caseSensitive path="/campaigns/:campaignId/facilities/:facilityId" element={<ResponseRoute />} />
        {/* trainings:begin — every tenant role but the vendor's; one session's page is the prefecture's and the 保健所's */}
        {planner || facilityUser ? <Route caseSensitive path={paths.trainings()} element={<TrainingsPage />} /> : null}
        {planner ? <Route caseSensitive path="/trainings/:sessionId" element={<TrainingRoute />} /> : null}
        {/* trainings:end */}
        {/* notifications:begin — every tenant user has an inbox and mail settings */}
        {me.role !== 'operator' ? <Route caseSensitive path={paths.notifications()} element={<InboxPage />} /> : null}
        {me.role !== 'operator' ? <Route caseSensitive path={paths.mailSettings()} element={<PreferencesPage />} /> : null}
        {/* notifications:end */}
        {/* incidents:begin — the prefecture's and a 保健所's reports; a facility's own and its form */}
        {planner || facilityUser ? <Route caseSensitive path={paths.incidents()} element={<IncidentsPage />} /> : null}
        {facilityUser ? <Route caseSensitive path={paths.newIncident()} element={<NewIncidentPage />} /> : null}
        {planner || facilityUser ? <Route caseSensitive path="/incidents/:incidentId" element={<IncidentRoute />} /> : null}
        {/* incidents:end */}
        {/* bcp:begin — the facility's own BCP 確認表 */}
        {facilityUser ? <Route caseSensitive path={paths.bcp()} element={<BcpPage />} /> : null}
        {/* bcp:end */}
        {/* contact-charts:begin — the facility's own chart; the prefecture's and the 保健所's list and reading */}
        {facilityUser ? <Route caseSensitive path="/contact-chart" element={<ContactChartPage />} /> : null}
        {planner ? <Route caseSensitive path="/contact-charts" element={<ContactChartsListPage />} /> : null}
        {prefAdmin ? <Route caseSensitive path="/contact-charts/outside" element={<OutsideContactsPage />} /> : null}
        {planner ? <Route caseSensitive path="/facilities/:facilityId/contact-chart" element={<FacilityContactChartRoute />} /> : null}
        {/* contact-charts:end */}
        <Route caseSensitive path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
