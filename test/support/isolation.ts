/** The shape of a case of the isolation suite (`test/integration/isolation.test.ts`). */
export type Attempt = {
  as: string;
  path: string;
  method?: string;
  /** A value, or a function that builds it just before the request (fresh ids, current versions). */
  body?: unknown | (() => Promise<unknown>);
  /** Statuses that count as refused for this attempt (default 403 and 404). */
  refused?: number[];
};
export interface IsolationCase {
  positive: Attempt;
  /** A user of tenant 37 aims at tenant 36's data. */
  crossTenant: Attempt;
  /** A user of tenant 36, in another organisation, aims at data that is not theirs. */
  crossOrg: Attempt;
  /** Runs once before the positive control. */
  prepare?: () => Promise<void>;
  /** Checks the data the positive control returned (not only its status). */
  expectPositive?: (body: unknown) => void;
  /** For list-shaped routes that answer 200 with the caller's own data: what must not appear. */
  leaks?: (body: unknown, which: 'crossTenant' | 'crossOrg') => string[] | Promise<string[]>;
}
