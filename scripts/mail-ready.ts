import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mailNamesOf } from '../infra/lib/mail.ts';
import { parseArgs, settingsOrExit } from './cdk-stage.ts';

/**
 * `npm run mail:ready -- --stage <stage> [--wait=<minutes>]` (decision 0024): between the mail stack and the main
 * stack of `npm run deploy`. Cognito refuses a user pool whose SES identity is not verified, and a new domain is
 * verified once its three DKIM CNAME records are in DNS. This prints the records (written by the mail stack when the
 * settings name a Route 53 hosted zone, else to be added by hand) and waits until SES reports the domain verified
 * for sending; it exits 1 with the records if that takes longer than the wait (default 30 minutes): add them and
 * run the deploy again. It also says whether the account is still in the SES sandbox (mail only to verified
 * addresses until production access is granted).
 */
const { stage, flags } = parseArgs(process.argv.slice(2));
const waitFlag = [...flags].find((f) => f.startsWith('--wait='));
const waitMinutes = Number(waitFlag?.slice('--wait='.length) ?? 30);
if (!Number.isFinite(waitMinutes) || waitMinutes < 0) {
  console.error('--wait=<minutes> must be a number of minutes');
  process.exit(2);
}
const settings = settingsOrExit(stage);
const { domain, configurationSetName } = mailNamesOf(stage, settings.mailFrom);
const ses = new SESv2Client({ region: settings.region });

const account = await ses.send(new GetAccountCommand({}));
if (!account.ProductionAccessEnabled) {
  console.warn(
    `SES in ${settings.region} is still in the sandbox for this account: mail goes only to verified addresses.\n` +
      '  Request production access once (SES console → Account dashboard → Request production access).',
  );
}

const deadline = Date.now() + waitMinutes * 60_000;
let printed = false;
for (;;) {
  const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
  const verified = identity.VerifiedForSendingStatus === true && identity.DkimAttributes?.Status === 'SUCCESS';
  if (verified) {
    console.log(`SES identity ${domain} is verified (DKIM ${identity.DkimAttributes?.Status}); configuration set ${configurationSetName}.`);
    break;
  }
  if (!printed) {
    const tokens = identity.DkimAttributes?.Tokens ?? [];
    console.log(
      `SES identity ${domain}: DKIM ${identity.DkimAttributes?.Status ?? 'unknown'}. ${settings.hostedZone ? 'The mail stack wrote these records to the hosted zone' : 'Add these records to the DNS of the domain'}:\n` +
        tokens.map((t) => `  ${t}._domainkey.${domain}  CNAME  ${t}.dkim.amazonses.com`).join('\n'),
    );
    printed = true;
  }
  if (Date.now() > deadline) {
    console.error(`Not verified after ${waitMinutes} minutes. Once the records resolve, run the deploy again (npm run deploy -- --stage ${stage}).`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 30_000));
}
ses.destroy();
