import type { Localized } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { type AuthenticationResult, type AuthStep, type CognitoClient, CognitoError } from './cognito-client.ts';
import type { Session } from './session.ts';

/** How TOTP enrolment is finished: inside the MFA_SETUP challenge (AWS), or with tokens (the local emulator). */
export type EnrolVia = { kind: 'session'; session: string; username: string } | { kind: 'token'; tokens: Session };

/** One screen of the sign-in flow. */
export type FlowStep =
  | { kind: 'credentials' }
  | { kind: 'mfa'; session: string; username: string; email: string }
  | { kind: 'newPassword'; session: string; username: string; email: string }
  | { kind: 'enrol'; email: string; secret: string; via: EnrolVia }
  | { kind: 'done'; session: Session };

const FRIENDLY_DEVICE_NAME = 'authenticator-app';

function toSession(result: AuthenticationResult, email: string, previousRefresh?: string): Session {
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken: result.RefreshToken ?? previousRefresh,
    expiresAt: Date.now() + (result.ExpiresIn ?? 3600) * 1000,
    email,
  };
}

/**
 * Turns a Cognito answer into the next screen. `mfaDone` says whether this sign-in already passed a TOTP
 * step; tokens without one (first sign-in on the local emulator) lead to enrolment before the app opens.
 */
export async function nextStep(client: CognitoClient, step: AuthStep, ctx: { username: string; email: string; mfaDone: boolean }): Promise<FlowStep> {
  // With e-mail as username attribute Cognito's own username is the sub; later challenge answers need that one.
  const username = step.ChallengeParameters?.USER_ID_FOR_SRP ?? ctx.username;
  if (step.AuthenticationResult) {
    const session = toSession(step.AuthenticationResult, ctx.email);
    if (ctx.mfaDone) return { kind: 'done', session };
    const user = await client.getUser(session.accessToken);
    if (user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA')) return { kind: 'done', session };
    const associated = await client.associateSoftwareToken({ AccessToken: session.accessToken });
    return { kind: 'enrol', email: ctx.email, secret: associated.SecretCode, via: { kind: 'token', tokens: session } };
  }
  const session = step.Session ?? '';
  switch (step.ChallengeName) {
    case 'SOFTWARE_TOKEN_MFA':
      return { kind: 'mfa', session, username, email: ctx.email };
    case 'SELECT_MFA_TYPE': {
      const answered = await client.respond('SELECT_MFA_TYPE', session, { USERNAME: username, ANSWER: 'SOFTWARE_TOKEN_MFA' });
      return nextStep(client, answered, { ...ctx, username });
    }
    case 'NEW_PASSWORD_REQUIRED':
      return { kind: 'newPassword', session, username, email: ctx.email };
    case 'MFA_SETUP': {
      const associated = await client.associateSoftwareToken({ Session: session });
      return { kind: 'enrol', email: ctx.email, secret: associated.SecretCode, via: { kind: 'session', session: associated.Session ?? session, username } };
    }
    default:
      throw new CognitoError('UnsupportedChallenge', step.ChallengeName ?? 'none');
  }
}

export async function signInWithPassword(client: CognitoClient, email: string, password: string): Promise<FlowStep> {
  const step = await client.initiatePasswordAuth(email, password);
  return nextStep(client, step, { username: email, email, mfaDone: false });
}

export async function answerMfa(client: CognitoClient, at: Extract<FlowStep, { kind: 'mfa' }>, code: string): Promise<FlowStep> {
  const step = await client.respond('SOFTWARE_TOKEN_MFA', at.session, { USERNAME: at.username, SOFTWARE_TOKEN_MFA_CODE: code });
  return nextStep(client, step, { username: at.username, email: at.email, mfaDone: true });
}

export async function setNewPassword(client: CognitoClient, at: Extract<FlowStep, { kind: 'newPassword' }>, newPassword: string): Promise<FlowStep> {
  const step = await client.respond('NEW_PASSWORD_REQUIRED', at.session, { USERNAME: at.username, NEW_PASSWORD: newPassword });
  return nextStep(client, step, { username: at.username, email: at.email, mfaDone: false });
}

export async function finishEnrolment(client: CognitoClient, at: Extract<FlowStep, { kind: 'enrol' }>, code: string): Promise<FlowStep> {
  let session: Session;
  if (at.via.kind === 'session') {
    const verified = await client.verifySoftwareToken({ Session: at.via.session }, code, FRIENDLY_DEVICE_NAME);
    if (verified.Status && verified.Status !== 'SUCCESS') throw new CognitoError('CodeMismatchException', verified.Status);
    const step = await client.respond('MFA_SETUP', verified.Session ?? at.via.session, { USERNAME: at.via.username });
    const next = await nextStep(client, step, { username: at.via.username, email: at.email, mfaDone: true });
    if (next.kind !== 'done') return next;
    session = next.session;
  } else {
    session = at.via.tokens;
    const verified = await client.verifySoftwareToken({ AccessToken: session.accessToken }, code, FRIENDLY_DEVICE_NAME);
    if (verified.Status && verified.Status !== 'SUCCESS') throw new CognitoError('CodeMismatchException', verified.Status);
  }
  try {
    await client.setTotpPreferred(session.accessToken);
  } catch (err) {
    // After MFA_SETUP, AWS has already made TOTP the user's method; only the token path depends on this call.
    if (at.via.kind === 'token') throw err;
  }
  return { kind: 'done', session };
}

/** The same tokens renewed with the refresh token (REFRESH_TOKEN_AUTH returns no new refresh token). */
export async function refreshSession(client: CognitoClient, current: Session): Promise<Session | null> {
  if (!current.refreshToken) return null;
  const step = await client.refresh(current.refreshToken);
  return step.AuthenticationResult ? toSession(step.AuthenticationResult, current.email, current.refreshToken) : null;
}

/** A sign-in error in plain words; `step` decides what a NotAuthorizedException means there. */
export function describeAuthError(err: unknown, step: FlowStep['kind']): { text: Localized; detail?: string } {
  if (!(err instanceof CognitoError)) return { text: M.errAuthOther };
  switch (err.code) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      // At the password step it is a wrong password; later it means the challenge session ran out.
      return { text: step === 'credentials' ? M.errWrongPassword : M.errSessionExpired };
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
    case 'InvalidParameterException':
      return step === 'mfa' || step === 'enrol' ? { text: M.errWrongCode } : { text: M.errAuthOther, detail: err.message };
    case 'ExpiredCodeException':
      return { text: M.errSessionExpired };
    case 'InvalidPasswordException':
      // The local emulator answers a wrong password with this; AWS uses it only for a new password.
      return step === 'credentials' ? { text: M.errWrongPassword } : { text: M.errPasswordPolicy, detail: err.message };
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
    case 'LimitExceededException':
      return { text: M.errTooMany };
    case 'PasswordResetRequiredException':
      return { text: M.errPasswordReset };
    case 'UserNotConfirmedException':
      return { text: M.errUserNotConfirmed };
    case 'UnsupportedChallenge':
      return { text: M.errUnsupportedChallenge };
    case 'NetworkError':
      return { text: M.errAuthNetwork };
    default:
      return { text: M.errAuthOther, detail: err.message || err.code };
  }
}
