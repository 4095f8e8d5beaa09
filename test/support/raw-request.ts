import { tokenFor, USERS } from './api.ts';
import { stackInfo } from './stack-info.ts';

/** The error body every refusal carries (functions/src/pipeline/errors.ts, the local front door's own 4xx). */
export interface ErrorJson {
  error?: {
    code?: string;
    fields?: { field: string; code?: string; message?: { ja?: string; en?: string } }[];
    message?: { ja?: string; en?: string };
    requestId?: string;
  };
}

/**
 * One request through the front door exactly as given: the path as written (percent-encoding untouched), the body
 * as text and the Content-Type header only when one is named (none at all otherwise). Signed in as `as` (a demo
 * login) unless `as` is null. The answer's JSON is `json` ({} when it is not JSON; `text` has it as sent).
 */
export async function send(method: string, path: string, body: string | undefined, contentType: string | undefined, as: string | null = USERS.pref36) {
  const token = as === null ? undefined : await tokenFor(as);
  const res = await fetch(`${stackInfo().url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let json: ErrorJson = {};
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the assertions say so
  }
  return { status: res.status, json, text, contentType: res.headers.get('content-type') ?? '' };
}
