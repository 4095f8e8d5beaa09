import { ChecklistPage } from '../features/checklist/checklist-page.tsx';
import { TasksPage } from '../features/checklist/tasks-page.tsx';
import { useAuth } from '../features/auth/auth-context.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { FacilitiesPage } from '../features/facilities/facilities-page.tsx';
import { FacilityPage } from '../features/facilities/facility-page.tsx';
import { VendorsPage } from '../features/facilities/vendors-page.tsx';
import { InfoHome } from '../features/home/info-home.tsx';
import { TenantsPage } from '../features/home/tenants-page.tsx';
import { UsersPage } from '../features/people/users-page.tsx';
import { CampaignsPage } from '../features/progress/campaigns-page.tsx';
import { ProgressPage } from '../features/progress/progress-page.tsx';
import { TemplatePage } from '../features/templates/template-page.tsx';
import { TemplatesPage } from '../features/templates/templates-page.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { Page } from './page.tsx';
import { paths } from './paths.ts';
import { Link, matchRoute, usePath } from './router.tsx';

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

export function AppRoutes() {
  const path = usePath();
  const { me } = useAuth();
  // `/campaigns` is the survey list's own address (the prefecture's home); facilities get their tasks there too.
  if (path === '/' || path === '/index.html' || path === paths.campaigns()) return <RoleHome />;
  if (me.role === 'pref_admin' || me.role === 'facility_admin') {
    if (path === '/users') return <UsersPage />;
    if (path === '/audit') return <AuditPage />;
  }
  if (me.role === 'pref_admin') {
    if (path === '/facilities') return <FacilitiesPage />;
    if (path === '/vendors') return <VendorsPage />;
    const facility = matchRoute('/facilities/:facilityId', path);
    if (facility?.facilityId) return <FacilityPage key={path} facilityId={facility.facilityId} />;
    if (path === '/templates') return <TemplatesPage />;
    const template = matchRoute('/templates/:templateId', path);
    if (template?.templateId) return <TemplatePage key={path} templateId={template.templateId} />;
  }
  const progress = matchRoute('/campaigns/:campaignId/progress', path);
  if (progress?.campaignId) return <ProgressPage key={path} campaignId={progress.campaignId} />;
  const response = matchRoute('/campaigns/:campaignId/facilities/:facilityId', path);
  if (response?.campaignId && response.facilityId) return <ChecklistPage key={path} campaignId={response.campaignId} facilityId={response.facilityId} />;
  return <NotFound />;
}
