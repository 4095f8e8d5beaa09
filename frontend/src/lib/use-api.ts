import { type RouteId, type Routes, routes } from '@mcr/contract';
import { QueryClient, type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DependencyList, useCallback, useState } from 'react';
import type * as z from 'zod/mini';
import { ApiError, callRoute, onApiWrite } from './api-client.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; data: T };

export type RouteData<Id extends RouteId> = z.infer<Routes[Id]['response']>;

export interface ApiQueryOptions<Id extends RouteId> {
  /** Path parameters, e.g. `{ facilityId }` for `/api/facilities/{facilityId}`. */
  params?: z.input<Routes[Id]['params']>;
  /** Query-string parameters; undefined and empty values are left out. */
  query?: z.input<Routes[Id]['query']>;
  /** False holds the request back (e.g. until an id is known); the result stays `pending`. */
  enabled?: boolean;
}

/** Every cached API answer lives under `['api', routeId, params, query]`, so a route (or one id) can be invalidated. */
export function apiQueryKey<Id extends RouteId>(routeId: Id, params?: ApiQueryOptions<Id>['params'], query?: ApiQueryOptions<Id>['query']) {
  return ['api', routeId, params ?? {}, query ?? {}] as const;
}

function queryStrings(query: object | undefined): Record<string, string | undefined> | undefined {
  if (!query) return undefined;
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined || v === null ? undefined : String(v)]));
}

/**
 * Reads one read route (GET) of the contract's route table through TanStack Query, keyed by route id + params + query.
 * The answer is checked with the route's response schema; errors are `ApiError`. Any successful write through
 * `callRoute` refetches the queries on screen and drops the others, so a page does not re-fetch by hand.
 *
 * @example
 * const progress = useApiQuery('campaigns.progress', { params: { campaignId } });
 * if (progress.isPending) return <Loading />;
 * if (progress.isError) return <LoadError error={progress.error} onRetry={() => void progress.refetch()} />;
 * return <Table rows={progress.data.rows} />;
 */
export function useApiQuery<Id extends RouteId>(routeId: Id, options: ApiQueryOptions<Id> = {}): UseQueryResult<RouteData<Id>, unknown> {
  const { params, query, enabled = true } = options;
  return useQuery({ queryKey: apiQueryKey(routeId, params, query), queryFn: apiQueryFn(routeId, params, query), enabled });
}

function apiQueryFn<Id extends RouteId>(routeId: Id, params: ApiQueryOptions<Id>['params'], query: ApiQueryOptions<Id>['query']) {
  return ({ signal }: { signal: AbortSignal }) =>
    callRoute(routes[routeId], {
      signal,
      ...(params ? { params: params as Record<string, string> } : {}),
      ...(query ? { query: queryStrings(query) } : {}),
    }) as Promise<RouteData<Id>>;
}

/** Starts what `useApiQuery(routeId, options)` will read (same key, same call) before its page is on screen. */
export function prefetchApiQuery<Id extends RouteId>(client: QueryClient, routeId: Id, options: Omit<ApiQueryOptions<Id>, 'enabled'> = {}): void {
  const { params, query } = options;
  void client.prefetchQuery({ queryKey: apiQueryKey(routeId, params, query), queryFn: apiQueryFn(routeId, params, query) });
}

/** Loads started ahead of a `useApi` page (while /api/me loads), each taken once by the page's first load. */
const early = new Map<string, { at: number; promise: Promise<unknown> }>();

export function loadEarly(key: string, load: () => Promise<unknown>): void {
  const promise = load();
  promise.catch(() => undefined); // the page that takes it reports the error
  early.set(key, { at: Date.now(), promise });
}

/** The early load under `key` if one was started in the last 10 s (older ones are dropped, never shown). */
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const hit = early.get(key);
  early.delete(key);
  return hit && Date.now() - hit.at < 10_000 ? (hit.promise as Promise<T>) : undefined;
}

export function dropEarly(): void {
  early.clear();
}

/** `(routeId, params?) => Promise`: marks a route's cached answers (all, or those of one params object) stale and refetches those on screen. */
export function useInvalidateApi() {
  const client = useQueryClient();
  return useCallback(
    <Id extends RouteId>(routeId: Id, params?: ApiQueryOptions<Id>['params']) =>
      client.invalidateQueries({ queryKey: params ? ['api', routeId, params] : ['api', routeId] }),
    [client],
  );
}

/** The `[Loaded, retry]` view of a query, for pages written against `useApi`. */
export function asLoaded<T>(q: UseQueryResult<T, unknown>): [Loaded<T>, () => void] {
  const retry = () => void q.refetch();
  if (q.status === 'success') return [{ state: 'ok', data: q.data }, retry];
  if (q.status === 'error' && !q.isFetching) return [{ state: 'error', error: q.error }, retry];
  return [{ state: 'loading' }, retry];
}

let mounts = 0;

/**
 * Loads once per change of `deps`, cancels on unmount, and offers `reload` for a retry button. Not cached across
 * mounts (each mount loads afresh); prefer `useApiQuery` for plain reads of one route.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): [Loaded<T>, () => void] {
  const [mount] = useState(() => ++mounts);
  const q = useQuery({
    queryKey: ['useApi', mount, ...deps],
    // TanStack Query refuses `undefined` as data; the box lets a loader answer nothing.
    queryFn: async ({ signal }) => ({ value: await load(signal) }),
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const [loaded, retry] = asLoaded(q);
  return [loaded.state === 'ok' ? { state: 'ok', data: loaded.data.value } : loaded, retry];
}

/**
 * One cache per signed-in session (dropped on sign-out). Network failures are retried once; answers from the
 * server (4xx, 5xx) are shown at once, as before. A successful write refreshes what is on screen and drops the rest.
 */
export function createQueryClient(): { client: QueryClient; dispose: () => void } {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: (count, error) => count < 1 && error instanceof ApiError && error.status === 0 },
    },
  });
  const dispose = onApiWrite(() => {
    client.removeQueries({ queryKey: ['api'], type: 'inactive' });
    void client.invalidateQueries({ queryKey: ['api'] });
  });
  return { client, dispose };
}
