import type { ErrorBody, ErrorCode, FieldError, LocalizedText } from '@mcr/contract';
import { AlreadyExistsError, BadCursorError, NotFoundError, StateConflictError, VersionConflictError } from '@mcr/data';

/** An error that is the client's to fix or to know about; mapped to HTTP in `toHttpError` only. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly text: LocalizedText,
    readonly fields?: FieldError[],
  ) {
    super(text.en);
  }

  /** Extra members of the error body (e.g. a CELL_CONFLICT's `cells`); none by default. */
  details(): Partial<ErrorBody['error']> {
    return {};
  }
}

export class ValidationError extends HttpError {
  constructor(fields: FieldError[], text: LocalizedText = { ja: '入力内容に誤りがあります', en: 'The request has invalid fields' }) {
    super(400, 'VALIDATION_FAILED', text, fields);
  }
}

export class UnauthenticatedError extends HttpError {
  constructor() {
    super(401, 'UNAUTHENTICATED', { ja: 'ログインが必要です。もう一度ログインしてください。', en: 'Sign-in required. Please sign in again.' });
  }
}

export class ForbiddenError extends HttpError {
  constructor(text: LocalizedText = { ja: 'この操作を行う権限がありません', en: 'You are not allowed to do this' }) {
    super(403, 'FORBIDDEN', text);
  }
}

const NOT_FOUND: LocalizedText = { ja: '対象が見つかりません', en: 'Not found' };

/** The one place where errors become HTTP responses. A 500 never carries internals. */
export function toHttpError(err: unknown, requestId: string): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      internal: false,
      body: { error: { code: err.code, message: err.text, requestId, ...(err.fields ? { fields: err.fields } : {}), ...err.details() } },
    };
  }
  if (err instanceof BadCursorError) {
    const text = {
      ja: 'ページの指定 (cursor) が正しくありません。最初のページから読み直してください。',
      en: 'The cursor is not valid for this list; start again from the first page.',
    };
    return {
      status: 400,
      internal: false,
      body: { error: { code: 'VALIDATION_FAILED', message: text, requestId, fields: [{ field: 'query.cursor', code: 'cursor', message: text }] } },
    };
  }
  if (err instanceof NotFoundError) {
    return { status: 404, internal: false, body: { error: { code: 'NOT_FOUND', message: NOT_FOUND, requestId } } };
  }
  if (err instanceof AlreadyExistsError) {
    return {
      status: 409,
      internal: false,
      body: {
        error: { code: 'ALREADY_EXISTS', message: { ja: '同じ ID のものが既に登録されています', en: 'Something with this id already exists' }, requestId },
      },
    };
  }
  if (err instanceof StateConflictError) {
    return {
      status: 409,
      internal: false,
      body: {
        error: {
          code: 'LOCKED',
          message: {
            ja: '提出済みの回答は変更できません。差戻しを受けてから修正してください。',
            en: 'A submitted response cannot be changed until it is sent back.',
          },
          requestId,
        },
      },
    };
  }
  if (err instanceof VersionConflictError) {
    return {
      status: 409,
      internal: false,
      body: {
        error: {
          code: 'VERSION_CONFLICT',
          message: {
            ja: '他の人が先に更新しました。最新の内容を読み込んでからもう一度保存してください。',
            en: 'Someone else saved first. Reload the latest version and save again.',
          },
          requestId,
          ...(err.currentVersion !== undefined ? { currentVersion: err.currentVersion } : {}),
        },
      },
    };
  }
  if (isTransactionConflict(err)) {
    // Another request's transaction held the same item at that moment: nothing of this one was written.
    return {
      status: 409,
      internal: false,
      body: {
        error: {
          code: 'VERSION_CONFLICT',
          message: {
            ja: '他の人が同時に更新しました。最新の内容を読み込んでからもう一度お試しください。',
            en: 'Someone else changed this at the same moment. Reload the latest version and try again.',
          },
          requestId,
        },
      },
    };
  }
  return {
    status: 500,
    internal: true,
    body: {
      error: {
        code: 'INTERNAL',
        message: { ja: 'システムエラーが発生しました。時間をおいて再度お試しください。', en: 'Something went wrong on our side. Please try again later.' },
        requestId,
      },
    },
  };
}

/**
 * A DynamoDB transaction cancelled because another one touched the same item (or a single write that met one in
 * progress): a race lost, never partly applied, so a 409 like a stale version (races.test.ts).
 */
function isTransactionConflict(err: unknown): boolean {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] } | null;
  if (e?.name === 'TransactionConflictException') return true;
  return e?.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
}
