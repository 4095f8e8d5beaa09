import { AlreadyExistsError, BadCursorError, NotFoundError, StateConflictError, VersionConflictError } from '@mcr/data';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, HttpError, toHttpError, UnauthenticatedError, ValidationError } from '../../../functions/src/pipeline/errors.ts';

/**
 * The one place where errors become HTTP answers (functions/src/pipeline/errors.ts): every kind of error, its status,
 * its code and the words a user reads, and that a 500 says nothing of what went wrong inside.
 */
const ID = 'req-1';
const error = (err: unknown) => toHttpError(err, ID);

describe('toHttpError', () => {
  it('answers a refused field with 400, the fields and the general text', () => {
    const fields = [{ field: 'body.name', code: 'required', message: { ja: '必須です', en: 'Required' } }];
    expect(error(new ValidationError(fields))).toEqual({
      status: 400,
      internal: false,
      body: { error: { code: 'VALIDATION_FAILED', message: { ja: '入力内容に誤りがあります', en: 'The request has invalid fields' }, requestId: ID, fields } },
    });
    const own = { ja: '日付が正しくありません', en: 'Bad date' };
    expect(error(new ValidationError(fields, own)).body.error.message).toEqual(own);
  });

  it('answers a missing sign-in with 401 and asks to sign in again', () => {
    expect(error(new UnauthenticatedError())).toEqual({
      status: 401,
      internal: false,
      body: {
        error: {
          code: 'UNAUTHENTICATED',
          message: { ja: 'ログインが必要です。もう一度ログインしてください。', en: 'Sign-in required. Please sign in again.' },
          requestId: ID,
        },
      },
    });
  });

  it('answers a refused role with 403, in the general words or the given ones, and without fields', () => {
    const general = error(new ForbiddenError());
    expect(general).toEqual({
      status: 403,
      internal: false,
      body: { error: { code: 'FORBIDDEN', message: { ja: 'この操作を行う権限がありません', en: 'You are not allowed to do this' }, requestId: ID } },
    });
    expect('fields' in general.body.error).toBe(false);
    const text = { ja: 'この医療機関の情報は閲覧できません', en: 'This facility is outside your scope' };
    expect(error(new ForbiddenError(text)).body.error.message).toEqual(text);
  });

  it("adds an HttpError's details to its body", () => {
    class Detailed extends HttpError {
      override details() {
        return { currentVersion: 7 };
      }
    }
    expect(error(new Detailed(409, 'VERSION_CONFLICT', { ja: '競合', en: 'Conflict' })).body.error).toEqual({
      code: 'VERSION_CONFLICT',
      message: { ja: '競合', en: 'Conflict' },
      requestId: ID,
      currentVersion: 7,
    });
    expect(new HttpError(418, 'INTERNAL', { ja: 'あ', en: 'a' }).details()).toEqual({});
    expect(new HttpError(418, 'INTERNAL', { ja: 'あ', en: 'a' }).message).toBe('a');
  });

  it('answers a bad paging cursor with 400 on query.cursor', () => {
    const text = {
      ja: 'ページの指定 (cursor) が正しくありません。最初のページから読み直してください。',
      en: 'The cursor is not valid for this list; start again from the first page.',
    };
    expect(error(new BadCursorError('tenant'))).toEqual({
      status: 400,
      internal: false,
      body: { error: { code: 'VALIDATION_FAILED', message: text, requestId: ID, fields: [{ field: 'query.cursor', code: 'cursor', message: text }] } },
    });
  });

  it('answers what does not exist in the caller’s tenant with 404 and no detail', () => {
    expect(error(new NotFoundError('facility'))).toEqual({
      status: 404,
      internal: false,
      body: { error: { code: 'NOT_FOUND', message: { ja: '対象が見つかりません', en: 'Not found' }, requestId: ID } },
    });
  });

  it('answers a taken id with 409 ALREADY_EXISTS', () => {
    expect(error(new AlreadyExistsError('tenant'))).toEqual({
      status: 409,
      internal: false,
      body: {
        error: { code: 'ALREADY_EXISTS', message: { ja: '同じ ID のものが既に登録されています', en: 'Something with this id already exists' }, requestId: ID },
      },
    });
  });

  it('answers a change to a submitted response with 409 LOCKED', () => {
    expect(error(new StateConflictError('response', 'submitted'))).toEqual({
      status: 409,
      internal: false,
      body: {
        error: {
          code: 'LOCKED',
          message: {
            ja: '提出済みの回答は変更できません。差戻しを受けてから修正してください。',
            en: 'A submitted response cannot be changed until it is sent back.',
          },
          requestId: ID,
        },
      },
    });
  });

  it('answers a stale version with 409 VERSION_CONFLICT and the current version when it is known', () => {
    const text = {
      ja: '他の人が先に更新しました。最新の内容を読み込んでからもう一度保存してください。',
      en: 'Someone else saved first. Reload the latest version and save again.',
    };
    expect(error(new VersionConflictError('response', 4))).toEqual({
      status: 409,
      internal: false,
      body: { error: { code: 'VERSION_CONFLICT', message: text, requestId: ID, currentVersion: 4 } },
    });
    // Version 0 (nothing saved yet) is a version too.
    expect(error(new VersionConflictError('response', 0)).body.error).toHaveProperty('currentVersion', 0);
    expect(error(new VersionConflictError('response', undefined)).body.error).toStrictEqual({ code: 'VERSION_CONFLICT', message: text, requestId: ID });
  });

  it('answers a transaction that met another one on the same item with 409, never a 500', () => {
    const text = {
      ja: '他の人が同時に更新しました。最新の内容を読み込んでからもう一度お試しください。',
      en: 'Someone else changed this at the same moment. Reload the latest version and try again.',
    };
    const expected = { status: 409, internal: false, body: { error: { code: 'VERSION_CONFLICT', message: text, requestId: ID } } };
    expect(error(Object.assign(new Error('x'), { name: 'TransactionConflictException' }))).toEqual(expected);
    const cancelled = (codes: string[]) =>
      Object.assign(new Error('x'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });
    expect(error(cancelled(['None', 'TransactionConflict']))).toEqual(expected);
    // Cancelled for another reason (a condition, a throttle): not a lost race, so not this 409.
    expect(error(cancelled(['ConditionalCheckFailed', 'None'])).status).toBe(500);
    expect(error(Object.assign(new Error('x'), { name: 'TransactionCanceledException' })).status).toBe(500);
    expect(error(Object.assign(new Error('x'), { name: 'ThrottlingException', CancellationReasons: [{ Code: 'TransactionConflict' }] })).status).toBe(500);
  });

  it('answers anything else with a 500 that names nothing inside', () => {
    const leak = new Error('ConditionalCheckFailed on T#36#FAC#f001 at arn:aws:dynamodb:ap-northeast-1:123456789012:table/x');
    const res = error(leak);
    expect(res).toEqual({
      status: 500,
      internal: true,
      body: {
        error: {
          code: 'INTERNAL',
          message: { ja: 'システムエラーが発生しました。時間をおいて再度お試しください。', en: 'Something went wrong on our side. Please try again later.' },
          requestId: ID,
        },
      },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/T#36|arn:|ConditionalCheck/);
    for (const odd of [undefined, null, 'a string', 42, {}]) expect(error(odd).status).toBe(500);
  });
});
