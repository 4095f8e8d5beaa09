import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS, type RouteDef, STATIC_SECURITY_HEADERS } from '@mcr/contract';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  DomainName,
  HttpApi,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import { EdgeStack } from './edge-stack.ts';
import { acknowledge, COMMON_ACKNOWLEDGEMENTS } from './nag.ts'; // nag
import { EDGE_REGION, type StageSettings } from './settings.ts';
import { SiteContent } from './site.ts';

/**
 * The hardened edge (docs/decisions/0023-edge-and-deploy.md): the HTTP API with a JWT authorizer, throttling and
 * access logs, reachable only through CloudFront; CloudFront with WAF, security headers, TLS 1.2 on the stage's own
 * domain, SPA deep links rewritten on the SPA behaviour only, and access logs.
 */

/** The header CloudFront adds to every API request and the handler pipeline checks (functions/src/pipeline/origin.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/** The function environment variable holding the header's expected value. */
export const ORIGIN_VERIFY_ENV = 'ORIGIN_VERIFY_SECRET';

/** Throttling of one route: steady requests per second and burst (API Gateway's token bucket, per stage and route). */
export interface RouteThrottle {
  rateLimit: number;
  burstLimit: number;
}

/**
 * Per-route throttling where a route needs less than the stage's default (settings.apiThrottle): public routes
 * (nobody signed in; the calendar feed is polled by calendar apps of up to 15,000 facilities, about 4/s on average),
 * routes that send mail (SES sends 14 mails/s in a new production account), create Cognito users (AdminCreateUser
 * quota 50/s shared by the account), or queue background jobs (exports of a whole prefecture).
 */
export function routeThrottleOf(route: Pick<RouteDef, 'auth' | 'uses' | 'path'>): RouteThrottle | undefined {
  if (route.auth === 'public') return route.path.startsWith('/api/calendar/') ? { rateLimit: 20, burstLimit: 40 } : { rateLimit: 5, burstLimit: 10 };
  const uses = route.uses ?? [];
  if (uses.includes('mail') || uses.includes('userPoolAdmin')) return { rateLimit: 5, burstLimit: 10 };
  if (uses.includes('jobs')) return { rateLimit: 5, burstLimit: 10 };
  return undefined;
}

/**
 * The access log line of the API, JSON: request id, route, status, latency and who called (the user's `sub` and
 * Cognito groups, which hold the tenant as `tenant:<code>`), as the JWT authorizer verified them.
 */
export const API_ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  responseLength: '$context.responseLength',
  user: '$context.authorizer.claims.sub',
  groups: '$context.authorizer.claims.cognito:groups',
  userAgent: '$context.identity.userAgent',
} as const;

/**
 * CloudFront Function (viewer request) of the SPA behaviour: a path that names no file of the build (no known
 * extension in its last segment) is a page of the client-side router, answered from /index.html. `/api/*` has its
 * own behaviour and never runs this, so API errors pass through untouched.
 */
export const SPA_REWRITE_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  if (!/\\.(html|js|mjs|css|map|json|txt|svg|png|jpg|jpeg|gif|ico|webp|woff2?|webmanifest)$/i.test(request.uri)) {
    request.uri = '/index.html';
  }
  return request;
}`;

/** The API with its authorizer and the origin secret; created before the route stacks, which attach to them. */
export interface ApiParts {
  api: HttpApi;
  authorizer: IHttpRouteAuthorizer;
  originSecret: secretsmanager.Secret;
  /** Variables every function gets: the value the `x-origin-verify` header must carry. */
  environment: Record<string, string>;
}

/**
 * The HTTP API: no CORS (the SPA calls it on its own origin through CloudFront), the execute-api endpoint off when
 * the stage has its own domain (CloudFront then reaches the API on its custom domain), a JWT authorizer on the SPA
 * client's Cognito tokens, and the secret CloudFront sends as `x-origin-verify`.
 */
export function createApi(scope: Construct, settings: StageSettings, userPool: cognito.IUserPool, client: cognito.IUserPoolClient): ApiParts {
  const api = new HttpApi(scope, 'Api', {
    description: `API of stage ${settings.stage}; only CloudFront reaches it`,
    createDefaultStage: false,
    disableExecuteApiEndpoint: settings.domain !== undefined,
  });
  // Access tokens carry client_id, which an HTTP API JWT authorizer compares with its audience.
  const authorizer = new HttpUserPoolAuthorizer('CognitoJwt', userPool, {
    userPoolClients: [client],
    identitySource: ['$request.header.Authorization'],
  });
  const originSecret = new secretsmanager.Secret(scope, 'OriginVerifySecret', {
    description: `Value CloudFront sends as ${ORIGIN_VERIFY_HEADER} to the API of stage ${settings.stage}; the handlers refuse requests without it`,
    generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  // nag:begin
  acknowledge(originSecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        "The value is resolved into CloudFront's origin header and the functions' environment at deploy time: automatic rotation would break the match until both are updated together. It only proves a request came through CloudFront (the JWT still authenticates); rotation is a manual deploy step (decision 0026).",
    },
    {
      id: 'HIPAA.Security-SecretsManagerRotationEnabled',
      reason:
        "The value is resolved into CloudFront's origin header and the functions' environment at deploy time: automatic rotation would break the match until both are updated together; rotation is a manual deploy step (decision 0026).",
    },
    {
      id: 'HIPAA.Security-SecretsManagerUsingKMSKey',
      reason: 'Encrypted with the AWS managed key aws/secretsmanager; customer-managed keys are declined with their cost in decision 0024 (encryption keys).',
    },
  ]);
  // nag:end
  return { api, authorizer, originSecret, environment: { [ORIGIN_VERIFY_ENV]: originSecret.secretValue.unsafeUnwrap() } };
}

export interface EdgeProps {
  settings: StageSettings;
  apiParts: ApiParts;
  /** The route table: per-route throttling. */
  routes: readonly (RouteDef & { id: string })[];
  /** Constructs (the route stacks) whose routes must exist before the stage names them in its route settings. */
  routeScopes: IConstruct[];
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
  /** Documents bucket: the SPA posts uploads to it (CSP connect-src) and its CORS names the app's origin. */
  files: s3.Bucket;
  repoRoot: string;
}

export class Edge extends Construct {
  readonly stage: HttpStage;
  readonly distribution: cloudfront.Distribution;
  readonly site: SiteContent;
  readonly logBucket: s3.Bucket;
  readonly edgeStack: EdgeStack;
  readonly accessLogs: logs.LogGroup;
  /** `https://<domain>` or CloudFront's own URL. */
  readonly appUrl: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const { settings, apiParts, files } = props;
    const { api } = apiParts;
    const stack = Stack.of(this);

    // -- API: stage with throttling and access logs, custom domain -------------------------------------------------
    this.accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      logGroupName: `/aws/apigateway/mcr-${settings.stage}-api-access`,
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(this.accessLogs, COMMON_ACKNOWLEDGEMENTS.logGroup); // nag
    const apiDomain = settings.domain
      ? new DomainName(this, 'ApiDomain', {
          domainName: settings.domain.apiName,
          certificate: acm.Certificate.fromCertificateArn(this, 'ApiCertificate', settings.domain.apiCertificateArn),
          securityPolicy: SecurityPolicy.TLS_1_2,
        })
      : undefined;
    this.stage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: settings.apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(API_ACCESS_LOG_FORMAT)),
      },
      ...(apiDomain ? { domainMapping: { domainName: apiDomain } } : {}),
    });
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const r of props.routes) {
      const t = routeThrottleOf(r);
      if (t) routeSettings[`${r.method} ${r.path}`] = { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit };
    }
    (this.stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);
    // A stage may name only routes that exist: it is deployed after the route stacks.
    for (const s of props.routeScopes) this.stage.node.addDependency(s);

    // -- CloudFront -------------------------------------------------------------------------------------------------
    this.edgeStack = new EdgeStack(stack.node.scope as Construct, `${stack.stackName}-Edge`, {
      env: {
        region: EDGE_REGION,
        ...(settings.account ? { account: settings.account } : stack.account && !stack.account.startsWith('${') ? { account: stack.account } : {}),
      },
      settings,
    });

    this.logBucket = new s3.Bucket(this, 'Logs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL (awslogsdelivery), which needs ACLs enabled.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      // nag: versioned (HIPAA.Security-S3BucketVersioningEnabled): a deleted or overwritten log stays 30 days
      versioned: true,
      lifecycleRules: [
        { expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    acknowledge(this.logBucket, COMMON_ACKNOWLEDGEMENTS.bucket); // nag

    const siteBucket = new s3.Bucket(this, 'Site', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Versioned: a bad deploy is rolled back by restoring the previous objects; old versions go after 90 days.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(siteBucket, COMMON_ACKNOWLEDGEMENTS.bucket); // nag

    const cognitoEndpoint = `https://cognito-idp.${stack.region}.amazonaws.com`;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'CSP, HSTS and the other security headers (packages/contract/src/security-headers.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({ connectSources: [cognitoEndpoint, `https://${files.bucketRegionalDomainName}`] }),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Cross-Origin-Opener-Policy', value: STATIC_SECURITY_HEADERS['cross-origin-opener-policy'], override: true },
          { header: 'Permissions-Policy', value: STATIC_SECURITY_HEADERS['permissions-policy'], override: true },
        ],
      },
    });

    const spaRewrite = new cloudfront.Function(this, 'SpaRewrite', {
      comment: 'SPA deep links: a path without a file extension is answered from /index.html',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE_FUNCTION_CODE),
    });

    const apiOrigin = new origins.HttpOrigin(settings.domain ? settings.domain.apiName : `${api.apiId}.execute-api.${stack.region}.amazonaws.com`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_VERIFY_HEADER]: apiParts.originSecret.secretValue.unsafeUnwrap() },
      readTimeout: Duration.seconds(30),
    });

    const certificate = settings.domain ? acm.Certificate.fromCertificateArn(this, 'Certificate', settings.domain.certificateArn) : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `Medical cyber readiness, stage ${settings.stage}`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Japan and the rest of Asia are in price class 200; the users are in Japan.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      ...(settings.domain && certificate
        ? { domainNames: [settings.domain.name], certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      webAclId: this.edgeStack.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        // LIST as well as READ: a missing file is a 404, not S3's 403 AccessDenied.
        origin: origins.S3BucketOrigin.withOriginAccessControl(siteBucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
      // No errorResponses: an API 404 or 403 reaches the SPA as the API wrote it.
    });
    // nag:begin
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          "No geo restriction: facility staff and vendors may work from abroad or through foreign VPN exits; sign-in with MFA, the JWT authorizer and WAF guard access, and a JP-only rule is each prefecture's call (decision 0026).",
      },
      ...(settings.domain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'Development stages only: without a domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy it fixes; a real stage must name a domain (settings.ts), where TLSv1.2_2021 is the minimum.',
            },
          ]),
    ]);
    // nag:end
    this.appUrl = settings.appUrl ?? `https://${this.distribution.distributionDomainName}`;
    // CDK warns about LIST on the default behaviour unless a root object is set: it is (index.html), so `/` never lists.
    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject is index.html; LIST only turns a missing file into a 404 instead of S3’s 403 AccessDenied',
    );

    // -- The SPA and its config.json, uploaded by the deploy -----------------------------------------------------------
    this.site = new SiteContent(this, 'Spa', {
      bucket: siteBucket,
      distribution: this.distribution,
      repoRoot: props.repoRoot,
      config: {
        region: stack.region,
        cognitoEndpoint,
        userPoolId: props.userPool.userPoolId,
        userPoolClientId: props.userPoolClient.userPoolClientId,
        apiBase: '/api',
        stage: settings.stage,
      },
    });

    // -- DNS ----------------------------------------------------------------------------------------------------------
    if (settings.domain && settings.hostedZone && apiDomain) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', settings.hostedZone);
      new route53.ARecord(this, 'AppAlias', {
        zone,
        recordName: settings.domain.name,
        target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution)),
      });
      new route53.ARecord(this, 'ApiAlias', {
        zone,
        recordName: settings.domain.apiName,
        target: route53.RecordTarget.fromAlias(new targets.ApiGatewayv2DomainProperties(apiDomain.regionalDomainName, apiDomain.regionalHostedZoneId)),
      });
    } else if (settings.domain && apiDomain) {
      new CfnOutput(stack, 'DnsAppRecord', {
        description: 'Create this DNS record (CNAME) for the app domain',
        value: `${settings.domain.name} CNAME ${this.distribution.distributionDomainName}`,
      });
      new CfnOutput(stack, 'DnsApiRecord', {
        description: "Create this DNS record (CNAME) for the API's origin domain",
        value: `${settings.domain.apiName} CNAME ${apiDomain.regionalDomainName}`,
      });
    }
  }
}
