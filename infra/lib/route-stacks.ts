import path from 'node:path';
import type { RouteDef, RouteId } from '@mcr/contract';
import { Duration, NestedStack, RemovalPolicy } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type IHttpApi, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, type IFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { bundlingOf, routeEntry } from './bundling.ts'; // lean
import { addRouteAlarms, enableTracing } from './operations.ts'; // ops
import { acknowledge, COMMON_ACKNOWLEDGEMENTS } from './nag.ts';
// iam:begin
import { grantRouteAccess } from './route-access.ts';
import { keyScopeOf, ROUTE_PERMISSIONS } from './route-permissions.ts';
// iam:end

/**
 * A route costs seven resources (function, role, policy, log group, integration, permission, route); one stack
 * holds at most 500. The route functions therefore live in nested stacks, one per area of the route id
 * (docs/decisions/0013-route-stacks.md). An area may hold at most this many routes, so every nested stack stays
 * near 210 resources, far below the limit, and an area that grows past it gets split deliberately.
 */
export const MAX_ROUTES_PER_STACK = 30;

/** Logical id of a route's function, derived from the route id so it is stable across synths. */
export function functionIdOf(routeId: string): string {
  return `Fn${routeId.replace(/(^|[.\-_])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`;
}

/** The group (nested stack) of a route: the area of its id, the part before the dot (`vendorResponses.get` → `vendorResponses`). */
export function routeGroupOf(routeId: string): string {
  return routeId.split('.')[0] as string;
}

/** Construct id of a group's nested stack: `vendorResponses` → `RoutesVendorResponses`. */
export function routeStackIdOf(group: string): string {
  return `Routes${group.charAt(0).toUpperCase()}${group.slice(1)}`;
}

/** Routes by group, in route-table order; the order of groups is that of their first route. */
export function groupRoutes<R extends { id: string }>(routes: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const route of routes) {
    const group = routeGroupOf(route.id);
    groups.set(group, [...(groups.get(group) ?? []), route]);
  }
  return groups;
}

/** What the route functions need from the parent stack; each function is granted only what its route declares. */
export interface RouteStackProps {
  /** The group's name (the area of its route ids). */
  group: string;
  routes: readonly (RouteDef & { id: string })[];
  repoRoot: string;
  api: IHttpApi;
  table: dynamodb.ITableV2;
  userPool: cognito.IUserPool;
  files: s3.IBucket;
  exportFiles: s3.IBucket;
  jobWorker: IFunction;
  /** ARN of the SES identity the `mail` routes send from. */
  mailIdentityArn: string;
  // ops:begin
  /** ARN of the configuration set every send names (SESv2 SendEmail authorizes it too; decision 0024). */
  mailConfigurationSetArn: string;
  /** The alarm topic: this stack alarms its functions' errors and p99 durations there (infra/lib/operations.ts). */
  alarmTopicArn?: string;
  // ops:end
  environment: Record<string, string>;
  // edge:begin
  /** The JWT authorizer every route but the public ones sits behind (infra/lib/edge.ts). */
  authorizer?: IHttpRouteAuthorizer;
  // edge:end
}

// nag:begin
/** Why each public route has no authorizer (AwsSolutions-APIG4); a new public route without a reason fails the nag test. */
const PUBLIC_ROUTE_REASONS: Record<string, string> = {
  'openapi.get': 'Public by design: the OpenAPI description of the API, no data; every other route sits behind the JWT authorizer.',
  'calendar.feed':
    "Public by design: calendar apps cannot sign in, so the feed URL's unguessable token is the credential, checked against its stored hash; calendar.rotate replaces it.",
};
// nag:end

/** The functions, HTTP API routes, integrations and invoke permissions of one group of routes. */
export class RouteStack extends NestedStack {
  /** The route functions of this stack, by route id. */
  readonly functions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: RouteStackProps) {
    super(scope, id, { description: `API routes of the ${props.group} area (one function per route)` });
    const { repoRoot, table, userPool, files, exportFiles, jobWorker } = props;

    // One function per route, generated from the route table: a route without its function cannot be deployed.
    for (const route of props.routes) {
      const fnId = functionIdOf(route.id);
      const fn = new NodejsFunction(this, fnId, {
        entry: routeEntry(repoRoot, route.handler), // lean: the entry the bundle test builds
        handler: 'handler',
        projectRoot: repoRoot,
        depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize: 512,
        timeout: Duration.seconds(10),
        logGroup: new logs.LogGroup(this, `${fnId}Logs`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
        environment: props.environment,
        bundling: bundlingOf(`route/${route.id}`), // lean: exceljs beside the xlsx routes' bundles
      });
      this.functions.set(route.id, fn);
      enableTracing(fn); // ops: X-Ray (decision 0024)
      // iam:begin — exactly the calls the handler makes (route-permissions.ts); tenant data only through the route's
      // tenant-access role, scoped to the caller's tenant's keys (docs/decisions/0022-tenant-isolation-in-iam.md).
      grantRouteAccess(this, fnId, fn, ROUTE_PERMISSIONS[route.id as RouteId], keyScopeOf(route.id as RouteId), {
        table,
        userPool,
        files,
        exportFiles,
        jobWorker,
        mailIdentityArn: props.mailIdentityArn,
        mailConfigurationSetArn: props.mailConfigurationSetArn,
      });
      // iam:end
      // The route, its integration and the permission to invoke the function live here, on the parent's API.
      new HttpRoute(this, `${fnId}Route`, {
        httpApi: props.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${fnId}Integration`, fn),
        // edge: API Gateway verifies the Cognito token before the handler does it again; public routes have none.
        ...(route.auth !== 'public' && props.authorizer ? { authorizer: props.authorizer } : {}),
      });
      // nag:begin — what every route function is acknowledged for, once its grants are made (docs/decisions/0026-cdk-nag.md)
      acknowledge(fn, [
        ...COMMON_ACKNOWLEDGEMENTS.function,
        ...COMMON_ACKNOWLEDGEMENTS.functionRole.filter((a) => a.id !== 'HIPAA.Security-IAMNoInlinePolicy' || fn.role?.node.tryFindChild('DefaultPolicy')),
        {
          id: 'HIPAA.Security-LambdaDLQ',
          reason:
            'API Gateway invokes route functions synchronously: the caller gets the error, and a dead-letter queue only ever receives asynchronous invocations.',
        },
      ]);
      acknowledge(this.node.findChild(`${fnId}Logs`), COMMON_ACKNOWLEDGEMENTS.logGroup);
      const publicReason = PUBLIC_ROUTE_REASONS[route.id];
      if (route.auth === 'public' && publicReason) acknowledge(this.node.findChild(`${fnId}Route`), [{ id: 'AwsSolutions-APIG4', reason: publicReason }]);
      // nag:end
    }
    // ops:begin — errors and p99 duration of this area's functions, in groups of ten (decision 0024)
    if (props.alarmTopicArn) {
      addRouteAlarms(
        this,
        props.group,
        [...this.functions].map(([routeId, fn]) => ({ routeId, fn })),
        props.alarmTopicArn,
      );
    }
    // ops:end
  }
}
