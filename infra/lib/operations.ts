import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { MAIL_METRICS, type MailNames } from './mail.ts';
import { acknowledge } from './nag.ts'; // nag

/**
 * Thresholds of the alarms (docs/decisions/0024-identity-mail-data-operations.md). A route function times out at
 * 10 s; its p99 above 8 s is a route about to fail. CloudWatch lets one alarm read at most 10 metrics, so the route
 * functions are watched in groups of ten per area (an alarm costs $0.10 per metric and month either way).
 */
export const ALARM_THRESHOLDS = {
  api5xxPer5Minutes: 5,
  api429Per5Minutes: 20,
  routeErrorsPer5Minutes: 1,
  routeP99Ms: 8_000,
  iteratorAgeMs: 5 * 60_000,
  /** SES reviews an account from 5 % bounces and 0.1 % complaints (and pauses it from 10 % / 0.5 %). */
  bounceRate: 0.05,
  complaintRate: 0.001,
} as const;
export const METRICS_PER_ALARM = 10;

export interface OperationsProps {
  stage: string;
  /** Who receives the alarms (validated in the settings); none: the topic exists, subscribe later. */
  alarmEmail?: string;
  api: IHttpApi;
  streamConsumer: IFunction;
  jobWorker: IFunction;
  reminders: IFunction;
  /** Where the daily schedule puts an invocation it could not deliver. */
  schedulerDeadLetters: sqs.IQueue;
  tableName: string;
  mail: MailNames;
}

/**
 * Alarms to one topic and a dashboard (issue 11 item 6). Alarm notifications carry no personal data; the topic is
 * still encrypted, with a key of its own, because CloudWatch cannot publish to a topic under the AWS managed SNS key.
 */
export class Operations extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;
  readonly dashboardName: string;
  readonly #stage: string;
  readonly #alarm: (alarmId: string, description: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods?: number) => cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: `Alarm topic of MedicalCyber-${props.stage}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', { displayName: `MedicalCyber ${props.stage} alarms`, masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const action = new actions.SnsAction(this.topic);
    const five = Duration.minutes(5);

    this.#stage = props.stage;
    const alarm = (alarmId: string, description: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods = 1) => {
      const a = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    this.#alarm = alarm;

    // The API as its callers see it: a 5xx is a handler's unexpected error, a Lambda error or a timeout.
    const api5xx = props.api.metricServerError({ statistic: 'Sum', period: five });
    alarm('Api5xx', 'API answered 5xx (handler error, Lambda error or timeout)', api5xx, ALARM_THRESHOLDS.api5xxPer5Minutes);
    // Lambda concurrency is the account's (1,000 by default): a throttle anywhere in the account is worth knowing.
    const lambdaThrottles = new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: five });
    alarm('LambdaThrottles', 'Lambda throttled invocations in the account (concurrency limit reached)', lambdaThrottles, 1);

    // The route functions' errors and durations are alarmed in their own nested stacks (addRouteAlarms below).

    // The stream consumer retries a failed batch forever (decision 0009): a stuck shard shows as a growing iterator age.
    const iteratorAge = props.streamConsumer.metric('IteratorAge', { statistic: 'Maximum', period: five });
    alarm('StreamIteratorAge', 'Read models behind the table by more than 5 minutes (a batch keeps failing?)', iteratorAge, ALARM_THRESHOLDS.iteratorAgeMs);
    alarm(
      'StreamErrors',
      'Stream consumer (read models, outbox mail) failed a batch',
      props.streamConsumer.metricErrors({ statistic: 'Sum', period: five }),
      1,
    );
    alarm('JobWorkerErrors', 'Background job worker failed', props.jobWorker.metricErrors({ statistic: 'Sum', period: five }), 1);
    // The daily reminders: the function's own errors, and the invocations the schedule could not deliver (DLQ).
    alarm('RemindersErrors', 'Daily reminders failed', props.reminders.metricErrors({ statistic: 'Sum', period: Duration.hours(1) }), 1);
    const deadLetters = props.schedulerDeadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: five });
    alarm('SchedulerDeadLetters', 'The daily schedule could not invoke the reminders (dead-letter queue not empty)', deadLetters, 1);

    // SES pauses the account's sending on its reputation: these are the rates it looks at.
    const bounceRate = new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: Duration.hours(1) });
    const complaintRate = new cloudwatch.Metric({
      namespace: 'AWS/SES',
      metricName: 'Reputation.ComplaintRate',
      statistic: 'Maximum',
      period: Duration.hours(1),
    });
    alarm('MailBounceRate', 'SES bounce rate at 5 % (SES reviews the account; 10 % pauses sending)', bounceRate, ALARM_THRESHOLDS.bounceRate);
    alarm('MailComplaintRate', 'SES complaint rate at 0.1 % (SES reviews the account; 0.5 % pauses sending)', complaintRate, ALARM_THRESHOLDS.complaintRate);

    const mailMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: MAIL_METRICS.namespace,
        metricName,
        dimensionsMap: { [MAIL_METRICS.dimension]: props.mail.configurationSetName },
        statistic: 'Sum',
        period: Duration.hours(1),
      });
    const stackName = Stack.of(this).stackName;
    const search = (metricName: string, statistic: string) =>
      new cloudwatch.MathExpression({
        expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="${metricName}" "${stackName}"', '${statistic}', 300)`,
        label: '',
        period: five,
      });
    const table = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: props.tableName }, statistic: 'Sum', period: five });

    this.dashboardName = `MedicalCyber-${props.stage}`;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: this.dashboardName,
      defaultInterval: Duration.hours(24),
      widgets: [
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 })],
        [
          new cloudwatch.GraphWidget({
            title: 'API requests, 4xx, 5xx',
            left: [props.api.metricCount({ statistic: 'Sum', period: five })],
            right: [props.api.metricClientError({ statistic: 'Sum', period: five }), api5xx],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'API latency (p50, p99)',
            left: [props.api.metricLatency({ statistic: 'p50', period: five }), props.api.metricLatency({ statistic: 'p99', period: five })],
            leftAnnotations: [{ value: 10_000, label: 'route timeout' }],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Lambda errors by function', left: [search('Errors', 'Sum')], width: 12 }),
          new cloudwatch.GraphWidget({
            title: 'Lambda duration p99 by function',
            left: [search('Duration', 'p99')],
            leftAnnotations: [{ value: ALARM_THRESHOLDS.routeP99Ms, label: 'alarm' }],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Stream consumer iterator age', left: [iteratorAge], width: 8 }),
          new cloudwatch.GraphWidget({
            title: 'Worker, reminders, stream errors',
            left: [
              props.jobWorker.metricErrors({ statistic: 'Sum', period: five }),
              props.reminders.metricErrors({ statistic: 'Sum', period: five }),
              props.streamConsumer.metricErrors({ statistic: 'Sum', period: five }),
              deadLetters,
            ],
            width: 8,
          }),
          new cloudwatch.GraphWidget({ title: 'Table throttles and errors', left: [table('ThrottledRequests'), table('SystemErrors')], width: 8 }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: `Mail (${props.mail.configurationSetName})`,
            left: [mailMetric('Send'), mailMetric('Delivery')],
            right: [mailMetric('Bounce'), mailMetric('Complaint'), mailMetric('Reject')],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'SES reputation (account)',
            left: [bounceRate, complaintRate],
            leftAnnotations: [
              { value: ALARM_THRESHOLDS.bounceRate, label: 'bounce alarm' },
              { value: ALARM_THRESHOLDS.complaintRate, label: 'complaint alarm' },
            ],
            width: 12,
          }),
        ],
      ],
    });
  }

  /**
   * Throttled requests: the 429s of the API's per-route throttling, counted from its JSON access log (`status`). HTTP
   * APIs publish no throttle metric of their own, and their 4xx also counts every 401, 404 and 409.
   */
  alarmApiThrottles(accessLogGroup: logs.ILogGroup): cloudwatch.Alarm {
    const filter = new logs.MetricFilter(this, 'Api429Filter', {
      logGroup: accessLogGroup,
      filterPattern: logs.FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: `MedicalCyber/${this.#stage}`,
      metricName: 'ApiThrottled',
      metricValue: '1',
      defaultValue: 0,
    });
    const throttled = filter.metric({ statistic: 'Sum', period: Duration.minutes(5) });
    const alarm = this.#alarm(
      'ApiThrottled',
      'API throttled requests (429): a client or an attack beyond the per-route rate',
      throttled,
      ALARM_THRESHOLDS.api429Per5Minutes,
    );
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'API throttling alarm', alarms: [alarm], width: 6, height: 6 }),
      new cloudwatch.GraphWidget({ title: 'API throttled (429)', left: [throttled], width: 18 }),
    );
    return alarm;
  }
}

/** Alarms a nested route stack adds for its functions: errors and p99 duration per group of at most ten. */
export function routeAlarmCount(routes: number): number {
  return 2 * Math.ceil(routes / METRICS_PER_ALARM);
}

/**
 * The route functions of one area, in groups of at most ten (one alarm reads at most ten metrics): errors summed,
 * the slowest function's p99 against the 10 s timeout. They live in the area's nested stack, next to the functions,
 * so the parent takes nothing back from its nested stacks; the topic's ARN is passed in.
 */
export function addRouteAlarms(
  scope: Construct,
  area: string,
  routes: readonly { routeId: string; fn: IFunction }[],
  alarmTopicArn: string,
): cloudwatch.Alarm[] {
  const action = new actions.SnsAction(sns.Topic.fromTopicArn(scope, 'AlarmTopic', alarmTopicArn));
  const five = Duration.minutes(5);
  const alarms: cloudwatch.Alarm[] = [];
  for (let start = 0, part = 1; start < routes.length; start += METRICS_PER_ALARM, part++) {
    const chunk = routes.slice(start, start + METRICS_PER_ALARM);
    const suffix = routes.length > METRICS_PER_ALARM ? `${pascal(area)}${part}` : pascal(area);
    const label = `${area} (${chunk.map((r) => r.routeId).join(', ')})`;
    const ids = chunk.map((_, i) => `f${i}`);
    const errors = new cloudwatch.MathExpression({
      expression: ids.join(' + '),
      usingMetrics: Object.fromEntries(chunk.map((r, i) => [`f${i}`, r.fn.metricErrors({ statistic: 'Sum', period: five })])),
      period: five,
      label: `errors ${area}`,
    });
    const p99 = new cloudwatch.MathExpression({
      expression: `MAX([${ids.join(', ')}])`,
      usingMetrics: Object.fromEntries(chunk.map((r, i) => [`f${i}`, r.fn.metricDuration({ statistic: 'p99', period: five })])),
      period: five,
      label: `p99 ${area}`,
    });
    const specs = [
      {
        id: `RouteErrors${suffix}`,
        description: `Route functions failed: ${label}`,
        metric: errors,
        threshold: ALARM_THRESHOLDS.routeErrorsPer5Minutes,
        periods: 1,
      },
      {
        id: `RouteDuration${suffix}`,
        description: `Route functions near their 10 s timeout (p99): ${label}`,
        metric: p99,
        threshold: ALARM_THRESHOLDS.routeP99Ms,
        periods: 2,
      },
    ];
    for (const spec of specs) {
      const a = new cloudwatch.Alarm(scope, spec.id, {
        alarmDescription: spec.description,
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: spec.periods,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      alarms.push(a);
    }
  }
  return alarms;
}

/**
 * Active X-Ray tracing on a function. The permission comes from the AWS managed AWSXRayDaemonWriteAccess policy,
 * as the log permission comes from AWSLambdaBasicExecutionRole: the role's own policy keeps exactly the calls its
 * handler makes (the IAM tests compare it with them).
 */
export function enableTracing(fn: NodejsFunction): void {
  (fn.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
  fn.role?.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSXRayDaemonWriteAccess'));
  // nag:begin
  acknowledge(fn, [
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AWSXRayDaemonWriteAccess]',
      reason:
        "X-Ray's own write policy (PutTraceSegments, PutTelemetryRecords, sampling rules), which have no resource-level permissions; kept out of the role's policy so it lists exactly the handler's calls.",
    },
  ]);
  // nag:end
}

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
