import type { RouteId } from '@mcr/contract';
import type { IsolationCase } from '../../support/isolation.ts';

/** Isolation cases of this part's routes; spread into the suite's table, which must cover every route. */
export const VENDOR_CASES: Record<Extract<RouteId, never>, IsolationCase> = {};
