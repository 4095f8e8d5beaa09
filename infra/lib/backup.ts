import { Duration, RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts'; // nag

/** How long the backups of the table are kept (decision 0024): PITR already covers any second of the last 35 days. */
export const BACKUP_RETENTION = { dailyDays: 7, monthlyDays: 366 } as const;

/**
 * Object Lock of the documents bucket (evidence, MDS/SDS): each object copied to `files/` is kept, every version, in
 * governance mode for five years (decision 0024). Governance, not compliance: a file uploaded by mistake with
 * personal data in it can still be removed by an administrator allowed s3:BypassGovernanceRetention (no role of the
 * application is), where compliance mode would keep it against the law on personal information.
 */
export const FILE_RETENTION = { mode: 'GOVERNANCE', days: 5 * 365 + 1 } as const;

export interface DataBackupProps {
  table: dynamodb.ITableV2;
}

/**
 * AWS Backup for the table (issue 11 item 5). Point-in-time recovery restores any second of the last 35 days but
 * lives and dies with the table and its account settings; the plan adds copies in a vault of their own: a daily one
 * kept a week (a table deleted or PITR switched off) and a monthly one kept a year (what the prefecture looked like
 * at last year's inspection). The vault refuses the deletion of recovery points, so no role of the application or
 * a stolen operator key removes them early; they expire by the plan only.
 */
export class DataBackup extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: DataBackupProps) {
    super(scope, id);
    // Encrypted with the AWS managed key of AWS Backup (aws/backup): no key to pay for or rotate (decision 0024).
    this.vault = new backup.BackupVault(this, 'Vault', {
      removalPolicy: RemovalPolicy.RETAIN,
      blockRecoveryPointDeletion: true,
    });
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          // 03:00 in Japan, when nobody answers surveys; the reminders run at 09:00.
          scheduleExpression: events.Schedule.cron({ minute: '0', hour: '3' }),
          scheduleExpressionTimezone: TimeZone.ASIA_TOKYO,
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(4),
          deleteAfter: Duration.days(BACKUP_RETENTION.dailyDays),
        }),
        new backup.BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: events.Schedule.cron({ day: '1', minute: '0', hour: '4' }),
          scheduleExpressionTimezone: TimeZone.ASIA_TOKYO,
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(4),
          deleteAfter: Duration.days(BACKUP_RETENTION.monthlyDays),
        }),
      ],
    });
    const selection = this.plan.addSelection('Table', { resources: [backup.BackupResource.fromArn(props.table.tableArn)] });
    // nag:begin
    acknowledge(selection, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          "AWS Backup's own service-role policy for taking backups, maintained by AWS as Backup adds resource types; the role is assumable only by backup.amazonaws.com.",
      },
    ]);
    // nag:end
  }
}
