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
