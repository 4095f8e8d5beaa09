import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { scopeClient } from '@mcr/data';
import { env } from '../pipeline/env.ts';

// lean:begin — the SES SDK is imported and its client created with the first mail, not at cold start (decision 0025).
type SesSdk = typeof import('@aws-sdk/client-sesv2');
let client: SESv2Client | undefined;
async function ses(): Promise<{ client: SESv2Client; sdk: SesSdk }> {
  const sdk = await import('@aws-sdk/client-sesv2');
  const e = env();
  // iam: scopeClient lets the local stack record the calls (decision 0022).
  client ??= scopeClient(
    new sdk.SESv2Client({
      region: e.AWS_REGION,
      ...(e.SES_ENDPOINT ? { endpoint: e.SES_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
  );
  return { client, sdk };
}
// lean:end

export async function sendMail(to: string, subject: string, text: string): Promise<void> {
  const { client, sdk } = await ses(); // lean
  await client.send(
    new sdk.SendEmailCommand({
      FromEmailAddress: env().MAIL_FROM,
      // ops: the stage's configuration set (suppression list, bounce and complaint counts; decision 0024)
      ...(env().MAIL_CONFIGURATION_SET ? { ConfigurationSetName: env().MAIL_CONFIGURATION_SET } : {}),
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: subject, Charset: 'UTF-8' }, Body: { Text: { Data: text, Charset: 'UTF-8' } } } },
    }),
  );
}

/** The invitation, Japanese first: where to go, the temporary password, and what the first sign-in asks. */
export function invitationMail(input: { displayName: string; orgName: string; tenantName: string; email: string; password: string }) {
  const url = env().APP_URL;
  return {
    subject: `【${input.tenantName}】医療機関サイバーセキュリティ対策システムへの招待 / Invitation`,
    text: [
      `${input.displayName} 様`,
      '',
      `${input.tenantName}から、医療機関サイバーセキュリティ対策システムに招待されました (${input.orgName})。`,
      '',
      `1. ${url} を開き、次のメールアドレスと仮パスワードでログインしてください。`,
      `   メールアドレス: ${input.email}`,
      `   仮パスワード: ${input.password}`,
      '2. 新しいパスワードを設定します。',
      '3. スマートフォンの認証アプリで QR コードを読み取り、2 段階認証を設定します。',
      '',
      '仮パスワードの有効期限は 7 日間です。心当たりのない場合は、このメールを破棄してください。',
      '',
      '---',
      `You have been invited by ${input.tenantName} (${input.orgName}). Open ${url}, sign in with ${input.email} and the temporary password above, set a new password and set up two-factor authentication.`,
    ].join('\n'),
  };
}
