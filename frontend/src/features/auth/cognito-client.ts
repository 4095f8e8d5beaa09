import * as z from 'zod/mini';

/** A Cognito error by its exception name (`NotAuthorizedException`), or `NetworkError`. */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

const AuthenticationResult = z.object({
  AccessToken: z.string(),
  IdToken: z.string(),
  RefreshToken: z.optional(z.string()),
  ExpiresIn: z.optional(z.number()),
});
export type AuthenticationResult = z.infer<typeof AuthenticationResult>;

/** What InitiateAuth and RespondToAuthChallenge return: a challenge with its session, or tokens. */
export const AuthStep = z.object({
  ChallengeName: z.optional(z.string()),
  Session: z.optional(z.string()),
  ChallengeParameters: z.optional(z.record(z.string(), z.string())),
  AuthenticationResult: z.optional(AuthenticationResult),
});
export type AuthStep = z.infer<typeof AuthStep>;

const AssociateResult = z.object({ SecretCode: z.string(), Session: z.optional(z.string()) });
const VerifyResult = z.object({ Status: z.optional(z.string()), Session: z.optional(z.string()) });
const GetUserResult = z.object({
  Username: z.optional(z.string()),
  UserMFASettingList: z.nullish(z.array(z.string())),
  PreferredMfaSetting: z.nullish(z.string()),
});

/**
 * The Cognito user-pool API over fetch (no SDK): JSON 1.1 POSTs to the regional endpoint, or to the local
 * emulator with the same wire format. Only the public, unauthenticated-client actions are used.
 */
export function createCognitoClient(endpoint: string, clientId: string) {
  async function call<T extends z.ZodMiniType>(action: string, body: object, schema: T): Promise<z.infer<T>> {
    let res: Response;
    try {
      res = await fetch(`${endpoint}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}` },
        body: JSON.stringify(body),
      });
    } catch {
      throw new CognitoError('NetworkError', 'network');
    }
    const json: unknown = await res.json().catch(() => ({}));
    if (!res.ok) {
      const e = (json ?? {}) as { __type?: string; code?: string; message?: string; Message?: string };
      // `__type` may come qualified: `com.amazonaws.cognito#NotAuthorizedException`.
      const code = (e.__type ?? e.code ?? 'UnknownError').split('#').pop()?.split(':')[0] ?? 'UnknownError';
      throw new CognitoError(code, e.message ?? e.Message ?? '');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CognitoError('BadResponse', `${action}: unexpected answer`);
    return parsed.data;
  }

  return {
    clientId,
    initiatePasswordAuth(username: string, password: string) {
      return call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }, AuthStep);
    },
    refresh(refreshToken: string) {
      return call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }, AuthStep);
    },
    respond(challengeName: string, session: string | undefined, responses: Record<string, string>) {
      return call('RespondToAuthChallenge', { ChallengeName: challengeName, ClientId: clientId, Session: session, ChallengeResponses: responses }, AuthStep);
    },
    associateSoftwareToken(by: { Session: string } | { AccessToken: string }) {
      return call('AssociateSoftwareToken', by, AssociateResult);
    },
    verifySoftwareToken(by: { Session: string } | { AccessToken: string }, userCode: string, friendlyDeviceName: string) {
      return call('VerifySoftwareToken', { ...by, UserCode: userCode, FriendlyDeviceName: friendlyDeviceName }, VerifyResult);
    },
    setTotpPreferred(accessToken: string) {
      return call('SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }, z.unknown());
    },
    getUser(accessToken: string) {
      return call('GetUser', { AccessToken: accessToken }, GetUserResult);
    },
    revoke(refreshToken: string) {
      return call('RevokeToken', { Token: refreshToken, ClientId: clientId }, z.unknown());
    },
  };
}

export type CognitoClient = ReturnType<typeof createCognitoClient>;
