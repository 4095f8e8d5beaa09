import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { PASSWORD_POLICY } from '@mcr/domain';
import type { Construct } from 'constructs';
import type { MailNames } from './mail.ts';

/**
 * The password policy (医療情報システムの安全管理に関するガイドライン 第7.0版; decision 0024), shared with the local pool,
 * the temporary passwords and the SPA's rules: packages/domain/src/password-policy.ts.
 */
export { PASSWORD_POLICY };

/** Cognito's invitation (the operator command's first operator; everyone else is invited by the product's own mail). */
export const INVITATION_MAIL = {
  subject: '【医療機関サイバーセキュリティ対策システム】アカウントのご案内 / Your account',
  body: [
    '医療機関サイバーセキュリティ対策システムのアカウントが作成されました。',
    '次のメールアドレスと仮パスワードでログインし、新しいパスワードと 2 段階認証 (認証アプリ) を設定してください。',
    'メールアドレス: {username}',
    '仮パスワード: {####}',
    `仮パスワードの有効期限は ${PASSWORD_POLICY.tempPasswordValidityDays} 日間です。`,
    '---',
    'An account has been created for you. Sign in with {username} and the temporary password above, then set a new password and two-factor authentication.',
  ].join('<br>'),
} as const;

export interface IdentityProps {
  /** Sender of Cognito's own mail (invitations of the operator command, e-mail change and password reset codes). */
  mailFrom: string;
  mail: MailNames;
  /** SES region of the identity: the stack's own (ap-northeast-1 sends through SES there). */
  sesRegion: string;
}

/**
 * The user pool and the SPA's client, hardened (issue 11 item 4): threat protection enforced (Plus plan), every user
 * with a password and a TOTP code (PRODUCT.md; seed 003), e-mail changes take effect only once the new address is
 * verified, mail through the stage's SES identity, no OAuth (the SPA signs in with USER_PASSWORD_AUTH).
 */
export function createIdentity(scope: Construct, props: IdentityProps): { userPool: cognito.UserPool; userPoolClient: cognito.UserPoolClient } {
  {
    // The construct ids stay those of the stack before issue 11 (UserPool, SpaClient): the pool is retained and
    // protected, so its logical id must not move.
    const userPool = new cognito.UserPool(scope, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: {
        minLength: PASSWORD_POLICY.minLength,
        requireLowercase: PASSWORD_POLICY.requireLowercase,
        requireUppercase: PASSWORD_POLICY.requireUppercase,
        requireDigits: PASSWORD_POLICY.requireDigits,
        requireSymbols: PASSWORD_POLICY.requireSymbols,
        passwordHistorySize: PASSWORD_POLICY.passwordHistorySize,
        tempPasswordValidity: Duration.days(PASSWORD_POLICY.tempPasswordValidityDays),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Threat protection: compromised-credential checks (they need the password, which USER_PASSWORD_AUTH sends)
      // and adaptive authentication, enforced. Plus is billed per monthly active user (decision 0024).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      email: cognito.UserPoolEmail.withSES({
        fromEmail: props.mailFrom,
        fromName: '医療機関サイバーセキュリティ対策システム',
        sesRegion: props.sesRegion,
        sesVerifiedDomain: props.mail.domain,
        configurationSetName: props.mail.configurationSetName,
      }),
      userInvitation: { emailSubject: INVITATION_MAIL.subject, emailBody: INVITATION_MAIL.body },
      userVerification: {
        emailSubject: '【医療機関サイバーセキュリティ対策システム】確認コード / Verification code',
        emailBody: '確認コード: {####}<br>このコードを画面に入力してください。心当たりのない場合は破棄してください。<br>Your verification code is {####}.',
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    const userPoolClient = userPool.addClient('SpaClient', {
      // The SPA (frontend/src/features/auth/cognito-client.ts) calls InitiateAuth itself: no hosted UI, no OAuth flow,
      // no callback URL at all.
      disableOAuth: true,
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      enableTokenRevocation: true,
    });
    // What threat protection does once it has decided: compromised credentials are refused at sign-in and password
    // change; a high-risk sign-in is blocked, a medium one asks for the code (every sign-in does anyway).
    new cognito.CfnUserPoolRiskConfigurationAttachment(scope, 'UserPoolRiskConfiguration', {
      userPoolId: userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' }, eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE'] },
      accountTakeoverRiskConfiguration: {
        actions: {
          highAction: { eventAction: 'BLOCK', notify: false },
          mediumAction: { eventAction: 'MFA_REQUIRED', notify: false },
          lowAction: { eventAction: 'NO_ACTION', notify: false },
        },
      },
    });
    return { userPool, userPoolClient };
  }
}
