import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeList } from '@mcr/contract';
import { TABLE_DEFINITION } from '@mcr/data';
import { CfnOutput, Duration, Lazy, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, FilterCriteria, FilterRule, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
// edge:begin — settings, the hardened API and CloudFront (docs/decisions/0023-edge-and-deploy.md)
import { createApi, Edge } from './edge.ts';
import { isDevelopmentStage, loadSettings, type StageSettings } from './settings.ts';
// edge:end
// ops:begin — identity, mail, backup and operations (docs/decisions/0024-identity-mail-data-operations.md)
import { DataBackup, FILE_RETENTION } from './backup.ts';
import { createIdentity } from './identity.ts';
import { mailArnsOf, mailNamesOf } from './mail.ts';
// iam:begin
import { grantBackgroundAccess } from './route-access.ts';
import { BACKGROUND_PERMISSIONS } from './route-permissions.ts';
// iam:end
import { enableTracing, Operations } from './operations.ts';
// ops:end
import { bundlingOf, WORKER_ENTRIES } from './bundling.ts'; // lean
import { groupRoutes, RouteStack, routeStackIdOf } from './route-stacks.ts';
import { JOB_WORKER_NODE_OPTIONS } from './runtime-options.ts';
// nag:begin — cdk-nag fixes and acknowledgements (docs/decisions/0026-cdk-nag.md)
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import { logAccessOf } from './access-logs.ts';
import { acknowledge, COMMON_ACKNOWLEDGEMENTS } from './nag.ts';
// nag:end

/** Item types the stream consumer receives: read models (responses, facilities, training coverage) and cross-checks (issue 8). */
const STREAM_ITEM_TYPES = [
  'Response',
  'Facility',
  'Contract',
  'VendorAssignment',
  'VendorProfile',
  'VendorResponse',
  'VendorDocument',
  'Discrepancy',
  // trainings: the coverage read model (functions/src/streams/trainings.ts)
  'TrainingRegistration',
  // contact-charts:begin — the coverage read model (functions/src/streams/contact-charts.ts)
  'ContactChart',
  // contact-charts:end
  // incidents:begin — the open-report counter and the notices (functions/src/streams/incidents.ts INCIDENT_ITEM_TYPES)
  'IncidentReport',
  'IncidentEntry',
  // incidents:end
] as const;
// notifications:begin
/** Item types the notifications outbox reads from the stream (functions/src/streams/notifications.ts NOTIFICATION_ITEM_TYPES). */
const NOTIFICATION_STREAM_TYPES = ['Response', 'VendorResponse', 'TrainingRegistration'] as const;
// notifications:end

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface MedicalCyberStackProps extends StackProps {
  stage: string;
  // edge:begin
  /** The stage's validated settings; read from infra/stages/<stage>.json and the context when omitted. */
  settings?: StageSettings;
  // edge:end
}

export { functionIdOf } from './route-stacks.ts';

export class MedicalCyberStack extends Stack {
  constructor(scope: Construct, id: string, props: MedicalCyberStackProps) {
    // edge: the WebACL of CloudFront lives in us-east-1 (infra/lib/edge-stack.ts), read through a cross-region reference.
    super(scope, id, { ...props, crossRegionReferences: true });
    // edge: the stage's validated settings (infra/lib/settings.ts): mail sender, domain, alarm address, … (no
    // example.jp default in a real stage)
    const settings = props.settings ?? loadSettings(props.stage, this.node);

    const table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: TABLE_DEFINITION.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_DEFINITION.sortKey, type: dynamodb.AttributeType.STRING },
      globalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map((g) => ({
        indexName: g.indexName,
        partitionKey: { name: g.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: g.sortKey, type: dynamodb.AttributeType.STRING },
      })),
      timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // edge:begin — mail sender from the settings; the app URL is the stage's domain, else CloudFront's own URL (known
    // once the distribution exists below, hence lazy).
    const mailFrom = settings.mailFrom;
    let edge: Edge | undefined;
    const appUrl = settings.appUrl ?? Lazy.string({ produce: () => edge?.appUrl });
    // edge:end
    // ops:begin — the stage's SES identity and configuration set live in the mail stack (infra/lib/mail.ts), deployed
    // first; every user signs in with a password and a TOTP code (PRODUCT.md non-negotiable; seed 003), the pool is
    // hardened in infra/lib/identity.ts.
    const mail = mailNamesOf(props.stage, mailFrom);
    const mailArns = mailArnsOf(this, mail);
    const { userPool, userPoolClient } = createIdentity(this, { mailFrom, mail, sesRegion: this.region });
    // ops:end

    // Uploaded files (MDS/SDS, evidence; decision 0012): browsers POST into `quarantine/`, which nothing serves
    // and S3 empties after two days; the server copies what it checked to `files/`, kept and versioned.
    const files = new s3.Bucket(this, 'Documents', {
      versioned: true,
      // ops:begin — evidence and MDS/SDS are locked version by version when copied to files/ (no default retention:
      // it would keep quarantine/ from expiring); decision 0024.
      objectLockEnabled: true,
      // ops:end
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          prefix: 'quarantine/',
          expiration: Duration.days(2),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });

    // Generated files (exports) live a day: the user downloads them through a 5-minute presigned link.
    const exportFiles = new s3.Bucket(this, 'Exports', {
      versioned: true, // nag: HIPAA.Security-S3BucketVersioningEnabled; old versions go a day later (lifecycle)
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      lifecycleRules: [
        {
          prefix: 'exports/',
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    // nag:begin
    for (const bucket of [files, exportFiles]) acknowledge(bucket, COMMON_ACKNOWLEDGEMENTS.bucket);
    // nag:end

    // edge:begin — no CORS (same origin through CloudFront), a JWT authorizer, the origin secret (infra/lib/edge.ts)
    const apiParts = createApi(this, settings, userPool, userPoolClient);
    const api = apiParts.api;
    // edge:end

    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;
    const baseEnvironment = {
      TABLE_NAME: table.tableName,
      COGNITO_ISSUER: issuer,
      COGNITO_CLIENT_ID: userPoolClient.userPoolClientId,
      COGNITO_USER_POOL_ID: userPool.userPoolId,
      MAIL_FROM: mailFrom,
      APP_URL: appUrl,
      ...apiParts.environment, // edge: the x-origin-verify value CloudFront sends
      // ops:begin
      MAIL_CONFIGURATION_SET: mail.configurationSetName,
      FILES_RETENTION_DAYS: String(FILE_RETENTION.days),
      // ops:end
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '--enable-source-maps',
    };

    // nag:begin — an asynchronous invocation of the job worker that failed Lambda's two retries lands here (HIPAA.Security-LambdaDLQ),
    // with its event, and raises an alarm (below, once the alarm topic exists).
    const jobDeadLetters = new sqs.Queue(this, 'JobWorkerDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // nag:end
    // Background jobs (exports, chunked work): invoked asynchronously by the routes that queue them.
    const jobWorker = new NodejsFunction(this, 'FnJobWorker', {
      entry: path.join(repoRoot, WORKER_ENTRIES.jobWorker), // lean
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X, // nag: AwsSolutions-L1, the latest Node.js runtime
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.minutes(5),
      logGroup: new logs.LogGroup(this, 'FnJobWorkerLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
      environment: { ...baseEnvironment, EXPORTS_BUCKET: exportFiles.bucketName, NODE_OPTIONS: JOB_WORKER_NODE_OPTIONS },
      bundling: bundlingOf('worker/jobWorker'), // lean: exceljs beside the bundle
      deadLetterQueue: jobDeadLetters, // nag
    });
    // nag:begin
    acknowledge(jobWorker, [...COMMON_ACKNOWLEDGEMENTS.function, ...COMMON_ACKNOWLEDGEMENTS.functionRole]);
    acknowledge(this.node.findChild('FnJobWorkerLogs'), COMMON_ACKNOWLEDGEMENTS.logGroup);
    // nag:end
    // iam: its exact calls are granted below with the other background functions (BACKGROUND_PERMISSIONS).

    // The read models (dashboard aggregates, facility table rows) follow the table's stream
    // (docs/decisions/0009-read-models.md). One batch per shard at a time; a failed batch is retried whole
    // (same records, same idempotency tokens) and never skipped, so the aggregates stay equal to a recount.
    const readModels = new NodejsFunction(this, 'FnReadModels', {
      entry: path.join(repoRoot, WORKER_ENTRIES.readModels), // lean
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X, // nag: AwsSolutions-L1, the latest Node.js runtime
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.minutes(1),
      logGroup: new logs.LogGroup(this, 'FnReadModelsLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
      // The cross-checks queue re-check jobs of a vendor's facilities: the job mechanism reads the full environment.
      environment: { ...baseEnvironment, JOB_WORKER_FUNCTION: jobWorker.functionName },
      bundling: bundlingOf('worker/readModels'), // lean: the options test/infra/bundles.test.ts builds
    });
    // nag:begin
    acknowledge(readModels, [
      ...COMMON_ACKNOWLEDGEMENTS.function,
      ...COMMON_ACKNOWLEDGEMENTS.functionRole,
      {
        id: 'HIPAA.Security-LambdaDLQ',
        reason:
          'A stream consumer: a failed batch is retried until it succeeds and never skipped (decision 0009), watched by the iterator-age alarm; a function DLQ only receives asynchronous invocations.',
      },
    ]);
    acknowledge(this.node.findChild('FnReadModelsLogs'), COMMON_ACKNOWLEDGEMENTS.logGroup);
    // nag:end
    readModels.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: false,
        retryAttempts: -1,
        parallelizationFactor: 1,
        // Responses and facilities feed the read models; contracts, vendors' answers and documents and the
        // discrepancies themselves feed the cross-checks (decision 0012) and their counts.
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.or(...new Set([...STREAM_ITEM_TYPES, ...NOTIFICATION_STREAM_TYPES])) } } } }),
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('REMOVE'),
            dynamodb: { OldImage: { type: { S: FilterRule.or(...new Set([...STREAM_ITEM_TYPES, ...NOTIFICATION_STREAM_TYPES])) } } },
          }),
        ],
      }),
    );

    // One function per route, generated from the route table, in one nested stack per area of the route ids: a
    // route costs seven resources and a stack holds 500 (docs/decisions/0013-route-stacks.md).
    // ops: SESv2 SendEmail authorizes the identity and the configuration set the send names.
    const mailIdentityArn = mailArns.identityArn;
    // notifications:begin
    // The stream consumer mails the outbox's notifications (差戻し, confirmation, trainings): SES from the one identity.
    // notifications:end
    // scheduler:begin
    // The daily reminders (deadline rhythm, MDS/SDS missing, training day-before; decision 0015): EventBridge
    // Scheduler at 09:00 Asia/Tokyo invokes the same handler the local scheduler runs. A run of the same day again
    // (the schedule's retry) sends nothing twice: each notice's event id names its day and step.
    const reminders = new NodejsFunction(this, 'FnReminders', {
      entry: path.join(repoRoot, WORKER_ENTRIES.reminders), // lean
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X, // nag: AwsSolutions-L1, the latest Node.js runtime
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.minutes(15),
      logGroup: new logs.LogGroup(this, 'FnRemindersLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
      environment: baseEnvironment,
      bundling: bundlingOf('worker/reminders'), // lean: the options test/infra/bundles.test.ts builds
    });
    // nag:begin
    acknowledge(reminders, [...COMMON_ACKNOWLEDGEMENTS.function, ...COMMON_ACKNOWLEDGEMENTS.functionRole]);
    acknowledge(this.node.findChild('FnRemindersLogs'), COMMON_ACKNOWLEDGEMENTS.logGroup);
    // nag:end
    // iam:begin — the background functions' exact calls, across tenants, no Scan (decision 0022).
    const backgroundAccess = { table, userPool, files, exportFiles, jobWorker, mailIdentityArn, mailConfigurationSetArn: mailArns.configurationSetArn };
    grantBackgroundAccess(jobWorker, BACKGROUND_PERMISSIONS.jobWorker, backgroundAccess);
    grantBackgroundAccess(readModels, BACKGROUND_PERMISSIONS.readModels, backgroundAccess);
    grantBackgroundAccess(reminders, BACKGROUND_PERMISSIONS.reminders, backgroundAccess);
    // iam:end
    const schedulerRole = new iam.Role(this, 'RemindersSchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    // nag:begin — the function itself, not also its versions and aliases (`:*`, AwsSolutions-IAM5)
    schedulerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [reminders.functionArn] }));
    acknowledge(schedulerRole, [
      {
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason: "The schedule's role has one policy of its own: invoke FnReminders and send to the schedule's dead-letter queue, nothing else.",
      },
    ]);
    // nag:end
    // ops:begin — an invocation the schedule could not deliver after its retries lands here (alarmed in operations.ts).
    const schedulerDeadLetters = new sqs.Queue(this, 'RemindersDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    schedulerDeadLetters.grantSendMessages(schedulerRole);
    // ops:end
    // nag:begin — a run that failed in the function after Lambda's two asynchronous retries lands in the same
    // alarmed queue as a schedule that could not invoke it (HIPAA.Security-LambdaDLQ): either way no reminders went out.
    (reminders.node.defaultChild as CfnFunction).deadLetterConfig = { targetArn: schedulerDeadLetters.queueArn };
    schedulerDeadLetters.grantSendMessages(reminders);
    // nag:end
    new scheduler.CfnSchedule(this, 'DailyReminders', {
      description: 'Daily reminders at 09:00 JST (docs/decisions/0015-notifications.md)',
      scheduleExpression: 'cron(0 9 * * ? *)',
      scheduleExpressionTimezone: 'Asia/Tokyo',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: reminders.functionArn,
        roleArn: schedulerRole.roleArn,
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 },
        deadLetterConfig: { arn: schedulerDeadLetters.queueArn }, // ops
      },
    });
    // scheduler:end
    // ops:begin — tracing, backups of the table, alarms to one topic and the dashboard (decision 0024); the route
    // functions' alarms are added in their nested stacks.
    for (const fn of [jobWorker, readModels, reminders]) enableTracing(fn);
    new DataBackup(this, 'Backup', { table });
    const operations = new Operations(this, 'Operations', {
      stage: props.stage,
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
      api,
      streamConsumer: readModels,
      jobWorker,
      reminders,
      schedulerDeadLetters,
      tableName: table.tableName,
      mail,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: operations.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: operations.dashboardName });
    // ops:end
    for (const [group, routes] of groupRoutes(routeList)) {
      new RouteStack(this, routeStackIdOf(group), {
        group,
        routes,
        repoRoot,
        api,
        table,
        userPool,
        files,
        exportFiles,
        jobWorker,
        mailIdentityArn,
        mailConfigurationSetArn: mailArns.configurationSetArn, // ops
        alarmTopicArn: operations.topic.topicArn, // ops
        environment: baseEnvironment,
        authorizer: apiParts.authorizer, // edge
      });
    }

    // edge:begin — API stage (throttling, access logs), CloudFront with WAF, headers and logs, the SPA and its
    // config.json (infra/lib/edge.ts, infra/lib/site.ts)
    edge = new Edge(this, 'Edge', {
      settings,
      apiParts,
      routes: routeList,
      routeScopes: this.node.children.filter((c) => c instanceof RouteStack),
      userPool,
      userPoolClient,
      files,
      repoRoot,
    });
    // The SPA posts files straight to the bucket (presigned POST) from its own origin. Without a domain (a development
    // stage) that is CloudFront's `*.cloudfront.net` name, which cannot be named here: the CSP names the bucket, so
    // the bucket naming the distribution would be a cycle. The presigned POST's signature is what authorizes.
    files.addCorsRule({
      allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
      allowedOrigins: [
        settings.appUrl ? new URL(settings.appUrl).origin : 'https://*.cloudfront.net',
        ...(isDevelopmentStage(settings.stage) ? ['http://localhost:8080'] : []),
      ],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });
    new CfnOutput(this, 'Url', { value: edge.appUrl });
    new CfnOutput(this, 'DistributionDomainName', { value: edge.distribution.distributionDomainName });
    // edge:end
    // nag:begin — server access logs of the data buckets go to the edge's log bucket, beside the Site bucket's
    // (AwsSolutions-S1, HIPAA.Security-S3BucketLoggingEnabled)
    logAccessOf(files, edge.logBucket, 's3/documents');
    logAccessOf(exportFiles, edge.logBucket, 's3/exports');
    // nag:end
    operations.alarmApiThrottles(edge.accessLogs); // ops: the 429s of the API's access log (decision 0024)
    // nag:begin — the job worker's dead-letter queue is watched like the schedule's
    new cloudwatch.Alarm(this, 'JobWorkerDeadLettersAlarm', {
      alarmDescription: 'A background job failed after its retries (FnJobWorker dead-letter queue not empty)',
      metric: jobDeadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cloudwatchActions.SnsAction(operations.topic));
    // nag:end
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: userPoolClient.userPoolClientId });
    new CfnOutput(this, 'DocumentsBucket', { value: files.bucketName });
  }
}
