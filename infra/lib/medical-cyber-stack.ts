import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeList } from '@mcr/contract';
import { TABLE_DEFINITION } from '@mcr/data';
import { CfnOutput, Duration, Lazy, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, FilterCriteria, FilterRule, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
// edge:begin — settings, the hardened API and CloudFront (docs/decisions/0023-edge-and-deploy.md)
import { createApi, Edge } from './edge.ts';
import { isDevelopmentStage, loadSettings, type StageSettings } from './settings.ts';
// edge:end
// iam:begin
import { grantBackgroundAccess } from './route-access.ts';
import { BACKGROUND_PERMISSIONS } from './route-permissions.ts';
// iam:end
import { LAMBDA_BUNDLING, WORKER_ENTRIES } from './bundling.ts'; // lean
import { groupRoutes, RouteStack, routeStackIdOf } from './route-stacks.ts';
import { JOB_WORKER_NODE_OPTIONS } from './runtime-options.ts';

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

    // Every user signs in with a password and a TOTP code (PRODUCT.md non-negotiable; seed 003).
    const userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    const userPoolClient = userPool.addClient('SpaClient', {
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      enableTokenRevocation: true,
    });

    // Uploaded files (MDS/SDS, evidence; decision 0012): browsers POST into `quarantine/`, which nothing serves
    // and S3 empties after two days; the server copies what it checked to `files/`, kept and versioned.
    const files = new s3.Bucket(this, 'Documents', {
      versioned: true,
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
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      lifecycleRules: [{ prefix: 'exports/', expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });

    // edge:begin — no CORS (same origin through CloudFront), a JWT authorizer, the origin secret (infra/lib/edge.ts)
    const apiParts = createApi(this, settings, userPool, userPoolClient);
    const api = apiParts.api;
    // edge:end

    // edge:begin — mail sender from the settings; the app URL is the stage's domain, else CloudFront's own URL (known
    // once the distribution exists below, hence lazy).
    const mailFrom = settings.mailFrom;
    let edge: Edge | undefined;
    const appUrl = settings.appUrl ?? Lazy.string({ produce: () => edge?.appUrl });
    // edge:end
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;
    // lean:begin — one set of bundling options for every function, also built by test/infra/bundles.test.ts
    const bundling = LAMBDA_BUNDLING;
    // lean:end
    const baseEnvironment = {
      TABLE_NAME: table.tableName,
      COGNITO_ISSUER: issuer,
      COGNITO_CLIENT_ID: userPoolClient.userPoolClientId,
      COGNITO_USER_POOL_ID: userPool.userPoolId,
      MAIL_FROM: mailFrom,
      APP_URL: appUrl,
      ...apiParts.environment, // edge: the x-origin-verify value CloudFront sends
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '--enable-source-maps',
    };

    // Background jobs (exports, chunked work): invoked asynchronously by the routes that queue them.
    const jobWorker = new NodejsFunction(this, 'FnJobWorker', {
      entry: path.join(repoRoot, WORKER_ENTRIES.jobWorker), // lean
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.minutes(5),
      logGroup: new logs.LogGroup(this, 'FnJobWorkerLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
      environment: { ...baseEnvironment, EXPORTS_BUCKET: exportFiles.bucketName, NODE_OPTIONS: JOB_WORKER_NODE_OPTIONS },
      bundling,
    });
    // iam: its exact calls are granted below with the other background functions (BACKGROUND_PERMISSIONS).

    // The read models (dashboard aggregates, facility table rows) follow the table's stream
    // (docs/decisions/0009-read-models.md). One batch per shard at a time; a failed batch is retried whole
    // (same records, same idempotency tokens) and never skipped, so the aggregates stay equal to a recount.
    const readModels = new NodejsFunction(this, 'FnReadModels', {
      entry: path.join(repoRoot, WORKER_ENTRIES.readModels), // lean
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.minutes(1),
      logGroup: new logs.LogGroup(this, 'FnReadModelsLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
      // The cross-checks queue re-check jobs of a vendor's facilities: the job mechanism reads the full environment.
      environment: { ...baseEnvironment, JOB_WORKER_FUNCTION: jobWorker.functionName },
      bundling,
    });
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
    const mailIdentityArn = `arn:${this.partition}:ses:${this.region}:${this.account}:identity/${mailFrom.split('@')[1]}`;
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
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.minutes(15),
      logGroup: new logs.LogGroup(this, 'FnRemindersLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
      environment: baseEnvironment,
      bundling,
    });
    // iam:begin — the background functions' exact calls, across tenants, no Scan (decision 0022).
    const backgroundAccess = { table, userPool, files, exportFiles, jobWorker, mailIdentityArn };
    grantBackgroundAccess(jobWorker, BACKGROUND_PERMISSIONS.jobWorker, backgroundAccess);
    grantBackgroundAccess(readModels, BACKGROUND_PERMISSIONS.readModels, backgroundAccess);
    grantBackgroundAccess(reminders, BACKGROUND_PERMISSIONS.reminders, backgroundAccess);
    // iam:end
    const schedulerRole = new iam.Role(this, 'RemindersSchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    reminders.grantInvoke(schedulerRole);
    new scheduler.CfnSchedule(this, 'DailyReminders', {
      description: 'Daily reminders at 09:00 JST (docs/decisions/0015-notifications.md)',
      scheduleExpression: 'cron(0 9 * * ? *)',
      scheduleExpressionTimezone: 'Asia/Tokyo',
      flexibleTimeWindow: { mode: 'OFF' },
      target: { arn: reminders.functionArn, roleArn: schedulerRole.roleArn, retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 } },
    });
    // scheduler:end
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
        environment: baseEnvironment,
        bundling,
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
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: userPoolClient.userPoolClientId });
    new CfnOutput(this, 'DocumentsBucket', { value: files.bucketName });
  }
}
