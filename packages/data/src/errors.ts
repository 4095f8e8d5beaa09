/** Raised when a write names a version that is no longer the stored one: the caller must reload (HTTP 409). */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly entity: string,
    readonly currentVersion: number | undefined,
  ) {
    super(`${entity} was changed by someone else`);
  }
}

/** Raised when an item the caller may see does not exist in the caller's tenant (HTTP 404). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

/** Raised when a create names an id that is already taken (HTTP 409). */
export class AlreadyExistsError extends Error {
  override readonly name = 'AlreadyExistsError';
  constructor(readonly entity: string) {
    super(`${entity} already exists`);
  }
}

/** Raised when a write targets a response whose state does not allow it, e.g. already submitted (HTTP 409). */
export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';
  constructor(
    readonly entity: string,
    readonly state: string,
    /** What was attempted: changing the answers, or reviewing them. */
    readonly operation: 'edit' | 'review' = 'edit',
  ) {
    super(`${entity} is ${state}`);
  }
}

/** Raised when a paging cursor is malformed or belongs to another list, tenant or campaign (HTTP 400 on `cursor`). */
export class BadCursorError extends Error {
  override readonly name = 'BadCursorError';
  constructor(readonly reason: string) {
    super(`bad cursor: ${reason}`);
  }
}
