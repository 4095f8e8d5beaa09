import { ChecklistPage } from '../features/checklist/checklist-page.tsx';
import { TasksPage } from '../features/checklist/tasks-page.tsx';
import { useAuth } from '../features/auth/auth-context.tsx';
import { InfoHome } from '../features/home/info-home.tsx';
import { CampaignsPage } from '../features/progress/campaigns-page.tsx';
import { ProgressPage } from '../features/progress/progress-page.tsx';
import { TemplatePage } from '../features/templates/template-page.tsx';
import { TemplatesPage } from '../features/templates/templates-page.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { Page } from './page.tsx';
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
      return <InfoHome kind="vendor" />;
    case 'operator':
      return <InfoHome kind="operator" />;
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
  if (path === '/' || path === '/index.html') return <RoleHome />;
  if (me.role === 'pref_admin') {
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
