import { type RouteId, routes } from '@mcr/contract';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callRoute } from './api-client.ts';
import { type ApiQueryOptions, apiQueryKey, type RouteData } from './use-api.ts';

type Paged = { items: unknown[]; nextCursor: string | null };

function queryStrings(query: object | undefined, cursor: string | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(query ?? {})) out[k] = v === undefined || v === null || v === '' ? undefined : String(v);
  if (cursor) out.cursor = cursor;
  return out;
}

/**
 * A server-paged list of one read route (`{ items, nextCursor }`): the first page loads with the query, each
 * `fetchNextPage()` asks for the next cursor. Kept under the route's cache key, so writes refresh it like any
 * other read; while new filters load, the previous pages stay on screen.
 */
export function usePagedQuery<Id extends RouteId>(routeId: Id, options: ApiQueryOptions<Id> = {}) {
  const { params, query, enabled = true } = options;
  const q = useInfiniteQuery({
    queryKey: [...apiQueryKey(routeId, params, query), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      callRoute(routes[routeId], {
        signal,
        ...(params ? { params: params as Record<string, string> } : {}),
        query: queryStrings(query as object | undefined, pageParam),
      }) as Promise<RouteData<Id>>,
    getNextPageParam: (last) => (last as unknown as Paged).nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  const pages = (q.data?.pages ?? []) as RouteData<Id>[];
  const items = pages.flatMap((p) => (p as unknown as Paged).items) as RouteData<Id> extends { items: (infer T)[] } ? T[] : never;
  return { ...q, pages, items };
}

/** The value, once it has stopped changing for `ms` (a search box that asks the server as one types). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
