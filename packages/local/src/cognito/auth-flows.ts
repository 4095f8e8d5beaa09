/**
 * The real Cognito sign-in flows (USER_PASSWORD_AUTH + TOTP) against cognito-local or AWS.
 *
 * cognito-local differences this code absorbs (see services/cognito.ts for the rest):
 * - After NEW_PASSWORD_REQUIRED it returns tokens straight away, never MFA_SETUP, even when the
 *   pool has MFA ON; and AssociateSoftwareToken/VerifySoftwareToken only accept an AccessToken,
 *   not a Session. So enrolment uses those tokens; the MFA_SETUP/Session branch is for AWS.
 * - A user who skips enrolment is locked out there: InitiateAuth answers NotAuthorizedException
 *   (AWS would answer MFA_SETUP again).
 * - TOTP check: otplib, SHA-1, 6 digits, 30 s, ±30 s tolerance, and no replay protection, so the
 *   same code may be used twice within a window (AWS refuses that); nothing to work around here.
 */
import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  type AttributeType,
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  ListGroupsCommand,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { LOCAL_REGION, localCredentials } from '../services/constants.ts';
import type { LocalServiceEndpoints } from '../services/index.ts';

/** Same parameters as Cognito (and authenticator apps): SHA-1, 6 digits, 30 s. */
export function totpCode(secret: string, timestamp: number = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp });
}

export interface CognitoAuthConfig {
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

export interface SignInTokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
}

type AuthStep = InitiateAuthCommandOutput | RespondToAuthChallengeCommandOutput;

function unexpected(step: AuthStep, expected: string): Error {
  const got = step.ChallengeName ?? (step.AuthenticationResult ? 'tokens' : 'nothing');
  return new Error(`Cognito: expected ${expected}, got ${got}`);
}

function tokensOf(step: AuthStep, expected: string): SignInTokens {
  const r: AuthenticationResultType | undefined = step.AuthenticationResult;
  if (!r?.AccessToken || !r.IdToken) throw unexpected(step, expected);
  return { accessToken: r.AccessToken, idToken: r.IdToken, ...(r.RefreshToken ? { refreshToken: r.RefreshToken } : {}) };
}

function subOf(attributes: AttributeType[] | undefined): string {
  const sub = attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito: user has no sub attribute');
  return sub;
}

/** Satisfies Cognito's default password policy whatever the random part looks like. */
function randomTemporaryPassword(): string {
  return `Tmp-${randomBytes(12).toString('base64url')}-a1A`;
}

export class CognitoAuthFlows {
  readonly #client: CognitoIdentityProviderClient;
  readonly #config: CognitoAuthConfig;

  constructor(config: CognitoAuthConfig) {
    this.#config = config;
    this.#client = new CognitoIdentityProviderClient({
      endpoint: config.endpoint,
      region: LOCAL_REGION,
      credentials: localCredentials(),
    });
  }

  static fromLocalServices(services: Pick<LocalServiceEndpoints, 'cognitoEndpoint' | 'userPoolId' | 'userPoolClientId'>): CognitoAuthFlows {
    return new CognitoAuthFlows({
      endpoint: services.cognitoEndpoint,
      userPoolId: services.userPoolId,
      clientId: services.userPoolClientId,
    });
  }

  /** AdminCreateUser only; the user changes the password and enrols TOTP at first sign-in. */
  async createInvitedUser(input: { email: string; temporaryPassword: string }): Promise<{ sub: string }> {
    const created = await this.#client.send(
      new AdminCreateUserCommand({
        UserPoolId: this.#config.userPoolId,
        Username: input.email,
        TemporaryPassword: input.temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: input.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    return { sub: subOf(created.User?.Attributes) };
  }

  /**
   * What an invited user does on first sign-in: temporary password → new password → TOTP
   * enrolment → TOTP preferred. Returns the base32 secret the authenticator app would hold.
   */
  async completeFirstSignIn(input: { email: string; temporaryPassword: string; newPassword: string }): Promise<{ totpSecret: string; tokens: SignInTokens }> {
    const clientId = this.#config.clientId;
    const start = await this.#client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: input.email, PASSWORD: input.temporaryPassword },
      }),
    );
    if (start.ChallengeName !== 'NEW_PASSWORD_REQUIRED') throw unexpected(start, 'NEW_PASSWORD_REQUIRED');
    // With email as username attribute the internal username is the sub; Cognito wants that one.
    const username = start.ChallengeParameters?.USER_ID_FOR_SRP ?? input.email;
    const afterPassword = await this.#client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: start.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: input.newPassword },
      }),
    );

    let totpSecret: string;
    let tokens: SignInTokens;
    if (afterPassword.ChallengeName === 'MFA_SETUP') {
      // AWS: enrol within the challenge session, then finish the challenge to get tokens.
      const associated = await this.#client.send(new AssociateSoftwareTokenCommand({ Session: afterPassword.Session }));
      totpSecret = required(associated.SecretCode, 'AssociateSoftwareToken.SecretCode');
      const verified = await this.#client.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totpCode(totpSecret) }));
      if (verified.Status !== 'SUCCESS') throw new Error(`Cognito: VerifySoftwareToken ${verified.Status}`);
      const done = await this.#client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'MFA_SETUP',
          Session: verified.Session,
          ChallengeResponses: { USERNAME: username },
        }),
      );
      tokens = tokensOf(done, 'tokens after MFA_SETUP');
    } else {
      // cognito-local: tokens already; enrol with the access token.
      tokens = tokensOf(afterPassword, 'MFA_SETUP or tokens');
      const associated = await this.#client.send(new AssociateSoftwareTokenCommand({ AccessToken: tokens.accessToken }));
      totpSecret = required(associated.SecretCode, 'AssociateSoftwareToken.SecretCode');
      const verified = await this.#client.send(new VerifySoftwareTokenCommand({ AccessToken: tokens.accessToken, UserCode: totpCode(totpSecret) }));
      if (verified.Status !== 'SUCCESS') throw new Error(`Cognito: VerifySoftwareToken ${verified.Status}`);
    }
    await this.#client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: tokens.accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    return { totpSecret, tokens };
  }

  /** A ready-to-use user: CONFIRMED, TOTP enrolled and preferred, optionally in groups. */
  async provisionUser(input: { email: string; password: string; groups?: readonly string[] }): Promise<{ sub: string; totpSecret: string }> {
    const temporaryPassword = randomTemporaryPassword();
    const { sub } = await this.createInvitedUser({ email: input.email, temporaryPassword });
    for (const group of input.groups ?? []) await this.addToGroup(input.email, group);
    const { totpSecret } = await this.completeFirstSignIn({
      email: input.email,
      temporaryPassword,
      newPassword: input.password,
    });
    // Cheap guard against emulator regressions: the state must be what AWS would have.
    const user = await this.#client.send(new AdminGetUserCommand({ UserPoolId: this.#config.userPoolId, Username: input.email }));
    if (user.UserStatus !== 'CONFIRMED' || user.PreferredMfaSetting !== 'SOFTWARE_TOKEN_MFA') {
      throw new Error(`Cognito: provisioned user is ${user.UserStatus}/${user.PreferredMfaSetting ?? 'no preferred MFA'}`);
    }
    return { sub, totpSecret };
  }

  /** Password, then the TOTP code computed now from `totpSecret`. */
  async signIn(input: { email: string; password: string; totpSecret: string }): Promise<SignInTokens> {
    return this.signInWithCode({ ...input, code: totpCode(input.totpSecret) });
  }

  /** Like signIn with an explicit code (e.g. to check that a wrong one is refused). */
  async signInWithCode(input: { email: string; password: string; code: string }): Promise<SignInTokens> {
    const clientId = this.#config.clientId;
    let step: AuthStep = await this.#client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: input.email, PASSWORD: input.password },
      }),
    );
    const username = step.ChallengeParameters?.USER_ID_FOR_SRP ?? input.email;
    if (step.ChallengeName === 'SELECT_MFA_TYPE') {
      step = await this.#client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SELECT_MFA_TYPE',
          Session: step.Session,
          ChallengeResponses: { USERNAME: username, ANSWER: 'SOFTWARE_TOKEN_MFA' },
        }),
      );
    }
    if (step.ChallengeName !== 'SOFTWARE_TOKEN_MFA') throw unexpected(step, 'SOFTWARE_TOKEN_MFA');
    const done = await this.#client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: step.Session,
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: input.code },
      }),
    );
    return tokensOf(done, 'tokens after SOFTWARE_TOKEN_MFA');
  }

  /**
   * REFRESH_TOKEN_AUTH (no new refresh token comes back, as in AWS). Against cognito-local this
   * fails with NotAuthorizedException for refresh tokens from an MFA sign-in: it only records
   * refresh tokens issued by InitiateAuth itself, never those from RespondToAuthChallenge.
   */
  async refresh(refreshToken: string): Promise<Omit<SignInTokens, 'refreshToken'>> {
    const res = await this.#client.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: this.#config.clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
    const { accessToken, idToken } = tokensOf(res, 'tokens after REFRESH_TOKEN_AUTH');
    return { accessToken, idToken };
  }

  /** Adds the user (email or sub) to `groupName`, creating the group first if needed. */
  async addToGroup(username: string, groupName: string): Promise<void> {
    await this.#ensureGroup(groupName);
    await this.#client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.#config.userPoolId, Username: username, GroupName: groupName }));
  }

  /** Releases the SDK client's sockets. */
  destroy(): void {
    this.#client.destroy();
  }

  async #ensureGroup(groupName: string): Promise<void> {
    const UserPoolId = this.#config.userPoolId;
    // ListGroups rather than GetGroup: cognito-local's GetGroup answers HTTP 500 (not
    // ResourceNotFoundException) while the pool has no groups at all.
    let NextToken: string | undefined;
    do {
      const page = await this.#client.send(new ListGroupsCommand({ UserPoolId, NextToken }));
      if (page.Groups?.some((g) => g.GroupName === groupName)) return;
      NextToken = page.NextToken;
    } while (NextToken);
    await this.#client.send(new CreateGroupCommand({ UserPoolId, GroupName: groupName }));
  }
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new Error(`Cognito: missing ${what}`);
  return value;
}

export function createAuthFlows(services: Pick<LocalServiceEndpoints, 'cognitoEndpoint' | 'userPoolId' | 'userPoolClientId'>): CognitoAuthFlows {
  return CognitoAuthFlows.fromLocalServices(services);
}
