import { type ComponentType, lazy } from 'react';

/**
 * The lazy chunk of each page, spelled once: `routes.tsx` renders them with `lazyPage`, and `preloadFor`
 * starts the right one (with the signed-in shell) when the app opens signed in on a page's address, so the
 * page's code arrives while `/config.json` and `/api/me` are loading instead of after them.
 */
const chunks = {
  tasks: () => import('../features/checklist/tasks-page.tsx'),
  checklist: () => import('../features/checklist/checklist-page.tsx'),
  audit: () => import('../features/audit/audit-page.tsx'),
  facilities: () => import('../features/facilities/facilities-page.tsx'),
  facility: () => import('../features/facilities/facility-page.tsx'),
  vendors: () => import('../features/facilities/vendors-page.tsx'),
  vendorHome: () => import('../features/vendors/vendor-home.tsx'),
  vendorResponse: () => import('../features/vendors/vendor-response-page.tsx'),
  vendorFacility: () => import('../features/vendors/vendor-facility-page.tsx'),
  vendorProgress: () => import('../features/vendors/vendor-progress-page.tsx'),
  tenants: () => import('../features/home/tenants-page.tsx'),
  users: () => import('../features/people/users-page.tsx'),
  campaigns: () => import('../features/progress/campaigns-page.tsx'),
  progress: () => import('../features/progress/progress-page.tsx'),
  template: () => import('../features/templates/template-page.tsx'),
  inspections: () => import('../features/inspections/inspections-page.tsx'),
  templates: () => import('../features/templates/templates-page.tsx'),
  dashboard: () => import('../features/dashboard/dashboard-page.tsx'),
  latestDashboard: () => import('../features/dashboard/latest-dashboard.tsx'),
  discrepancies: () => import('../features/discrepancies/discrepancies-page.tsx'),
  // trainings:begin
  trainings: () => import('../features/trainings/trainings-page.tsx'),
  training: () => import('../features/trainings/session-page.tsx'),
  // trainings:end
  // notifications:begin
  bell: () => import('../features/notifications/bell.tsx'),
  inbox: () => import('../features/notifications/inbox-page.tsx'),
  mailSettings: () => import('../features/notifications/preferences-page.tsx'),
  // notifications:end
  // bcp:begin
  bcp: () => import('../features/bcp/bcp-page.tsx'),
  // bcp:end
  // incidents:begin
  incidents: () => import('../features/incidents/incidents-page.tsx'),
  incident: () => import('../features/incidents/incident-page.tsx'),
  newIncident: () => import('../features/incidents/new-incident-page.tsx'),
  // incidents:end
  // contact-charts:begin
  contactChart: () => import('../features/contact-chart/contact-chart-page.tsx'),
  contactChartsList: () => import('../features/contact-chart/contact-charts-list-page.tsx'),
  outsideContacts: () => import('../features/contact-chart/outside-contacts-page.tsx'),
  // contact-charts:end
  signedIn: () => import('./signed-in.tsx'),
};
type Chunks = typeof chunks;
export type ChunkName = keyof Chunks;
type ChunkModule<K extends ChunkName> = Awaited<ReturnType<Chunks[K]>>;

const loaded = new Map<ChunkName, unknown>();

function load<K extends ChunkName>(name: K): Promise<ChunkModule<K>> {
  return (chunks[name]() as Promise<ChunkModule<K>>).then((m) => {
    loaded.set(name, m);
    return m;
  });
}

/**
 * `React.lazy` over one chunk. A chunk already loaded (preloaded) is handed over at once (a thenable that
 * resolves synchronously), so React renders the page without suspending — a suspended boundary is revealed
 * no sooner than 300 ms after its fallback (React 19), which would undo the preload.
 */
export function lazyPage<K extends ChunkName, P extends object>(name: K, pick: (m: ChunkModule<K>) => ComponentType<P>) {
  return lazy(() => {
    const m = loaded.get(name) as ChunkModule<K> | undefined;
    if (m === undefined) return load(name).then((mod) => ({ default: pick(mod) }));
    const now = { default: pick(m) };
    // biome-ignore lint/suspicious/noThenProperty: a synchronous thenable is the point (React.lazy reads it at once)
    return { then: (resolve: (value: typeof now) => void) => resolve(now) } as Promise<typeof now>;
  });
}

/** Addresses whose page does not depend on the role (`/` and `/campaigns` do: tasks or surveys). */
const BY_PATH: [RegExp, ChunkName][] = [
  [/^\/campaigns\/[^/]+\/facilities\/[^/]+$/, 'checklist'],
  [/^\/campaigns\/[^/]+\/dashboard$/, 'dashboard'],
  [/^\/campaigns\/[^/]+\/progress$/, 'progress'],
  [/^\/campaigns\/[^/]+\/vendors$/, 'vendorProgress'],
  [/^\/campaigns\/[^/]+\/vendors\/[^/]+$/, 'vendorResponse'],
  [/^\/campaigns\/[^/]+\/vendors\/[^/]+\/facilities\/[^/]+$/, 'vendorFacility'],
  [/^\/vendors\/[^/]+$/, 'vendorHome'],
  [/^\/dashboard$/, 'latestDashboard'],
  [/^\/facilities\/[^/]+$/, 'facility'],
  [/^\/facilities$/, 'facilities'],
  [/^\/templates\/[^/]+$/, 'template'],
  [/^\/templates$/, 'templates'],
  [/^\/inspections$/, 'inspections'],
  [/^\/vendors$/, 'vendors'],
  [/^\/users$/, 'users'],
  [/^\/audit$/, 'audit'],
  [/^\/discrepancies$/, 'discrepancies'],
  // trainings:begin
  [/^\/trainings$/, 'trainings'],
  [/^\/trainings\/[^/]+$/, 'training'],
  // trainings:end
  // incidents:begin
  [/^\/incidents$/, 'incidents'],
  [/^\/incidents\/new$/, 'newIncident'],
  [/^\/incidents\/[^/]+$/, 'incident'],
  // incidents:end
  // notifications:begin
  [/^\/notifications$/, 'inbox'],
  [/^\/settings\/mail$/, 'mailSettings'],
  // notifications:end
  // bcp:begin
  [/^\/bcp$/, 'bcp'],
  // bcp:end
];

/** Starts loading the signed-in shell and the page of `pathname` (a page the role may not open costs only its download). */
export function preloadFor(pathname: string): void {
  const swallow = () => undefined; // a failed preload is retried (and reported) by the lazy page itself
  load('signedIn').catch(swallow);
  load('bell').catch(swallow); // notifications: the header's お知らせ entry
  const hit = BY_PATH.find(([re]) => re.test(pathname));
  if (hit) load(hit[1]).catch(swallow);
}
