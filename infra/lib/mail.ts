import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';

/**
 * The mail of one stage (docs/decisions/0024-identity-mail-data-operations.md): the SES domain identity with Easy
 * DKIM and the configuration set every send names (the product's own mail, Cognito's invitations and codes).
 *
 * It is a stack of its own, deployed before the main stack: Cognito refuses a user pool whose SES identity is not
 * verified yet, and a new domain is verified only once its three DKIM CNAME records are in DNS (by this stack when
 * the domain's Route 53 hosted zone is given, otherwise by hand from this stack's outputs). `npm run mail:ready`
 * (scripts/mail-ready.ts) prints the records and waits for the verification between the two stacks.
 */
export interface MailNames {
  /** The sender domain: the SES identity's name. */
  domain: string;
  /** The configuration set every send names; its name is fixed by the stage so the main stack needs no export. */
  configurationSetName: string;
}

/** The names the main stack and the mail stack agree on, derived from the stage and the sender address. */
export function mailNamesOf(stage: string, mailFrom: string): MailNames {
  const domain = mailFrom.split('@')[1];
  if (!domain) throw new Error(`mailFrom "${mailFrom}" is not an e-mail address`);
  return { domain: domain.toLowerCase(), configurationSetName: `mcr-${stage}-mail` };
}

/** The ARNs a role that sends mail needs both of: SESv2 SendEmail authorizes the identity and the configuration set. */
export function mailArnsOf(stack: Stack, names: MailNames): { identityArn: string; configurationSetArn: string } {
  return {
    identityArn: stack.formatArn({ service: 'ses', resource: 'identity', resourceName: names.domain }),
    configurationSetArn: stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: names.configurationSetName }),
  };
}

/** Namespace and dimension of the configuration set's send/bounce/complaint counts (the event destination below). */
export const MAIL_METRICS = { namespace: 'AWS/SES', dimension: 'ses:configuration-set' } as const;

export interface MailStackProps extends StackProps {
  stage: string;
  mailFrom: string;
  /** The sender domain's public hosted zone in this account: the DKIM records are then written by this stack. */
  hostedZone?: { hostedZoneId: string; zoneName: string };
}

export class MailStack extends Stack {
  readonly names: MailNames;
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailStackProps) {
    super(scope, id, { description: `Mail of the ${props.stage} stage: SES identity with DKIM and the configuration set`, ...props });
    this.names = mailNamesOf(props.stage, props.mailFrom);

    // Bounces and complaints put the address on the account's suppression list for this configuration set, so a
    // reminder never goes again to an address that bounced (SES pauses an account near 10 % bounces / 0.5 % complaints).
    // TLS is preferred, not required: some facilities' mail servers still accept mail without it.
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.names.configurationSetName,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.OPTIONAL,
      maxDeliveryDuration: Duration.hours(12),
    });
    // Counts per configuration set in CloudWatch (AWS/SES, dimension ses:configuration-set): the dashboard's mail graph.
    this.configurationSet.addEventDestination('CloudWatch', {
      destination: ses.EventDestination.cloudWatchDimensions([
        { name: MAIL_METRICS.dimension, source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: this.names.configurationSetName },
      ]),
      events: [
        ses.EmailSendingEvent.SEND,
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.DELIVERY_DELAY,
      ],
    });

    const zone = props.hostedZone ? route53.PublicHostedZone.fromPublicHostedZoneAttributes(this, 'Zone', props.hostedZone) : undefined;
    // Easy DKIM (2048-bit keys); the configuration set is also the identity's default, so a send that forgets to
    // name it (Cognito's, a future code path) is still suppressed and counted.
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(this.names.domain),
      dkimSigning: true,
      dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
      configurationSet: this.configurationSet,
      feedbackForwarding: true,
    });

    // The DKIM records go into the zone when it is given (the zone may be the domain's parent: mail.pref.example.jp).
    if (zone) {
      this.identity.dkimRecords.forEach((record, i) => {
        // The token names are fully qualified already (CnameRecord would append the zone to an unresolved name).
        new route53.CfnRecordSet(this, `DkimCname${i + 1}`, {
          hostedZoneId: zone.hostedZoneId,
          name: record.name,
          type: 'CNAME',
          resourceRecords: [record.value],
          ttl: '1800',
        });
      });
    }

    new CfnOutput(this, 'MailDomain', { value: this.names.domain, description: 'SES identity (sender domain)' });
    new CfnOutput(this, 'MailConfigurationSet', { value: this.names.configurationSetName });
    this.identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: zone ? 'Written to the hosted zone by this stack' : 'Add this CNAME record to the domain\u2019s DNS',
      });
    });
    new CfnOutput(this, 'DmarcRecordSuggested', {
      value: `_dmarc.${this.names.domain} TXT "v=DMARC1; p=quarantine; rua=mailto:postmaster@${this.names.domain}"`,
      description: `Recommended DMARC policy for the sender domain (region ${Aws.REGION})`,
    });
  }
}
