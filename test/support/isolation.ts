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
  /**
   * Makes what this case's attempts need, once, before any of its tests (also when a refusal test runs alone or
   * first). A case never relies on what another case made or changed.
   */
  prepare?: () => Promise<void>;
  /**
   * Checks the data the rightful caller got (the right ids, fields, counts; the record written, read back for a route
   * without a body): an empty list, an empty object or another tenant's data must fail it.
   */
  expectPositive: (body: unknown) => void | Promise<void>;
  /** For list-shaped routes that answer 200 with the caller's own data: what must not appear. */
  leaks?: (body: unknown, which: 'crossTenant' | 'crossOrg') => string[] | Promise<string[]>;
}

/**
 * A case whose attempts need what its own `prepare` makes (ids, versions): `make` runs as the case's `prepare`, and
 * `build` turns what it made into the case's attempts and checks. Using the case before `prepare` ran throws.
 */
export function preparedCase<F>(make: () => Promise<F>, build: (made: F) => Omit<IsolationCase, 'prepare'>): IsolationCase {
  let built: Omit<IsolationCase, 'prepare'> | undefined;
  const get = () => {
    if (!built) throw new Error('isolation case used before its prepare ran');
    return built;
  };
  return {
    prepare: async () => {
      built = build(await make());
    },
    get positive() {
      return get().positive;
    },
    get crossTenant() {
      return get().crossTenant;
    },
    get crossOrg() {
      return get().crossOrg;
    },
    get expectPositive() {
      return get().expectPositive;
    },
    get leaks() {
      return get().leaks;
    },
  };
}
