import { contentSecurityPolicy, routeList, STATIC_SECURITY_HEADERS } from '@mcr/contract';
import { App, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_ACCESS_LOG_FORMAT, type Edge, ORIGIN_VERIFY_ENV, ORIGIN_VERIFY_HEADER, routeThrottleOf, SPA_REWRITE_FUNCTION_CODE } from '../../infra/lib/edge.ts';
import { EdgeStack, MANAGED_RULE_GROUPS } from '../../infra/lib/edge-stack.ts';
import { MedicalCyberStack } from '../../infra/lib/medical-cyber-stack.ts';
import { RouteStack } from '../../infra/lib/route-stacks.ts';
import { validateSettings } from '../../infra/lib/settings.ts';
import { ASSET_CACHE_CONTROL, ENTRY_CACHE_CONTROL } from '../../infra/lib/site.ts';

/**
 * The hardened edge, read from the synthesized templates (docs/decisions/0023-edge-and-deploy.md): the API's JWT
 * authorizer, throttling, access logs and origin secret; CloudFront's behaviours, function, headers, TLS, WAF and
 * logs; the SPA's upload with its config.json. Synthesized without bundling, like every infra test.
 */

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

interface Synth {
  stack: MedicalCyberStack;
  template: Template;
  resources: Record<string, Resource>;
  nested: Template[];
  edge: Template;
}

function synth(id: string, stage: string, settings?: unknown): Synth {
  const app = new App({ context: { stage, 'aws:cdk:bundling-stacks': [] } });
  const stack = new MedicalCyberStack(app, id, {
    env: { region: 'ap-northeast-1', ...(settings ? { account: '210987654321' } : {}) },
    stage,
    ...(settings ? { settings: validateSettings(stage, settings) } : {}),
  });
  const template = Template.fromStack(stack);
  const nested = stack.node.children.filter((c): c is RouteStack => c instanceof RouteStack).map((s) => Template.fromStack(s));
  const edgeStack = app.node.children.find((c): c is EdgeStack => c instanceof EdgeStack) as Stack;
  return { stack, template, resources: template.toJSON().Resources, nested, edge: Template.fromStack(edgeStack) };
}

function ofType(resources: Record<string, Resource>, type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

function only(resources: Record<string, Resource>, type: string): [string, Resource] {
  const all = ofType(resources, type);
  expect(all, type).toHaveLength(1);
  return all[0] as [string, Resource];
}

const REAL = {
  account: '210987654321',
  mailFrom: 'no-reply@cyber.pref.kochi.lg.jp',
  domain: {
    name: 'cyber.pref.kochi.lg.jp',
    certificateArn: 'arn:aws:acm:us-east-1:210987654321:certificate/11111111-2222-3333-4444-555555555555',
    apiCertificateArn: 'arn:aws:acm:ap-northeast-1:210987654321:certificate/66666666-7777-8888-9999-000000000000',
  },
  alarmEmail: 'cyber-ops@pref.kochi.lg.jp',
  wafRateLimitPer5Minutes: 2400,
  apiThrottle: { rateLimit: 80, burstLimit: 160 },
};

describe('a development stage without a domain (test)', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth('Test', 'test');
  });

  it('puts a JWT authorizer for the SPA client of the user pool on every route but the public ones', () => {
    const [authorizerId, authorizer] = only(s.resources, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    const jwt = JSON.stringify(authorizer.Properties.JwtConfiguration);
    expect(jwt).toContain('cognito-idp.');
    expect(jwt).toContain('UserPool');
    expect(jwt).toContain('SpaClient');
    const routes = s.nested.flatMap((t) => ofType(t.toJSON().Resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r));
    expect(routes).toHaveLength(routeList.length);
    const publicKeys = routeList.filter((r) => r.auth === 'public').map((r) => `${r.method} ${r.path}`);
    expect(publicKeys.sort()).toEqual(['GET /api/calendar/{token}', 'GET /api/openapi.json']);
    for (const r of routes) {
      const key = r.Properties.RouteKey as string;
      if (publicKeys.includes(key)) {
        expect(r.Properties.AuthorizationType ?? 'NONE', key).toBe('NONE');
        expect(r.Properties.AuthorizerId, key).toBeUndefined();
      } else {
        expect(r.Properties.AuthorizationType, key).toBe('JWT');
        // The authorizer lives in the parent stack; the nested stack gets its id as a parameter.
        expect(JSON.stringify(r.Properties.AuthorizerId), key).toMatch(/Ref/);
      }
    }
    expect(authorizerId).toMatch(/Cognito/);
  });

  it('has no CORS (same origin through CloudFront) and, without a domain, keeps execute-api for CloudFront only', () => {
    const [, api] = only(s.resources, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration).toBeUndefined();
    expect(api.Properties.DisableExecuteApiEndpoint).toBe(false);
  });

  it('throttles every route by default and the public, mail, Cognito-admin and job routes harder', () => {
    const [, stage] = only(s.resources, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    const perRoute = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    expect(perRoute['GET /api/openapi.json']).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    expect(perRoute['GET /api/calendar/{token}']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    const expected = routeList.filter((r) => routeThrottleOf(r)).map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(perRoute).sort()).toEqual(expected.sort());
    for (const r of routeList.filter((x) => x.uses?.includes('mail') || x.uses?.includes('userPoolAdmin') || x.uses?.includes('jobs'))) {
      expect(perRoute[`${r.method} ${r.path}`], r.id).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    }
    // Route settings may name only existing routes: the stage waits for every route stack.
    const routeStackIds = Object.entries(s.resources)
      .filter(([, r]) => r.Type === 'AWS::CloudFormation::Stack')
      .map(([id]) => id)
      .filter((id) => id.startsWith('Routes'));
    expect(routeStackIds.length).toBeGreaterThan(5);
    for (const id of routeStackIds) expect(stage.DependsOn ?? []).toContain(id);
  });

  it('writes JSON access logs with request id, route, status, latency and the verified user and tenant group, kept a year', () => {
    const [, stage] = only(s.resources, 'AWS::ApiGatewayV2::Stage');
    const settings = stage.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toEqual(API_ACCESS_LOG_FORMAT);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latencyMs: '$context.responseLatency',
      user: '$context.authorizer.claims.sub',
      groups: '$context.authorizer.claims.cognito:groups',
    });
    const logGroupId = (settings.DestinationArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(s.resources[logGroupId]?.Type).toBe('AWS::Logs::LogGroup');
    expect(s.resources[logGroupId]?.Properties.RetentionInDays).toBe(365);
  });

  it('gives every route function the origin secret CloudFront sends, from Secrets Manager', () => {
    const [secretId] = only(s.resources, 'AWS::SecretsManager::Secret');
    const fns = s.nested.flatMap((t) => ofType(t.toJSON().Resources, 'AWS::Lambda::Function').map(([, f]) => f));
    expect(fns.length).toBeGreaterThanOrEqual(routeList.length);
    for (const fn of fns.filter((f) => (f.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables?.TABLE_NAME)) {
      const value = JSON.stringify((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables[ORIGIN_VERIFY_ENV]);
      expect(value).toContain('{{resolve:secretsmanager:');
    }
    const [, cdn] = only(s.resources, 'AWS::CloudFront::Distribution');
    const config = cdn.Properties.DistributionConfig as Record<string, unknown>;
    const apiOrigin = (
      config.Origins as { Id: string; CustomOriginConfig?: Record<string, unknown>; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[]
    ).find((o) => o.CustomOriginConfig);
    expect(apiOrigin?.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    const header = apiOrigin?.OriginCustomHeaders?.find((h) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    expect(JSON.stringify(header?.HeaderValue)).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(header?.HeaderValue)).toContain(secretId);
  });

  it('passes API errors through: no error responses, the SPA rewrite on the default behaviour only', () => {
    const [, cdn] = only(s.resources, 'AWS::CloudFront::Distribution');
    const config = cdn.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.CustomErrorResponses).toBeUndefined();
    const [fnId, fn] = only(s.resources, 'AWS::CloudFront::Function');
    expect((fn.Properties.FunctionConfig as { Runtime: string }).Runtime).toBe('cloudfront-js-2.0');
    const def = config.DefaultCacheBehavior as { FunctionAssociations: { EventType: string; FunctionARN: unknown }[]; ViewerProtocolPolicy: string };
    expect(def.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);
    expect(def.ViewerProtocolPolicy).toBe('redirect-to-https');
    const behaviours = config.CacheBehaviors as { PathPattern: string; FunctionAssociations?: unknown; AllowedMethods: string[] }[];
    expect(behaviours.map((b) => b.PathPattern)).toEqual(['/api/*']);
    expect(behaviours[0]?.FunctionAssociations).toBeUndefined();
    expect(behaviours[0]?.AllowedMethods).toContain('DELETE');
  });

  it('leaves no CDK warning about the OAC listing the Site bucket (the root object is index.html)', () => {
    expect(Annotations.fromStack(s.stack).findWarning('*', Match.stringLikeRegexp('listBucketSecurityRisk|AccessLevel.LIST'))).toEqual([]);
  });

  it('rewrites SPA deep links to /index.html and leaves files alone (the CloudFront Function itself, run here)', () => {
    const handler = new Function(`${SPA_REWRITE_FUNCTION_CODE}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
    const uriOf = (uri: string) => handler({ request: { uri } }).uri;
    for (const deep of ['/', '/facilities', '/campaigns/01J9Z/progress', '/facilities/F-13.001x/answers', '/bcp/'])
      expect(uriOf(deep), deep).toBe('/index.html');
    for (const file of ['/index.html', '/config.json', '/assets/index-C8cD9iOU.js', '/assets/app-D6Obx9_l.css', '/favicon.svg', '/robots.txt']) {
      expect(uriOf(file), file).toBe(file);
    }
  });

  it('sends the shared strict CSP (own origin, Cognito, the documents bucket; no inline script), HSTS and the other headers on both behaviours', () => {
    const [policyId, policy] = only(s.resources, 'AWS::CloudFront::ResponseHeadersPolicy');
    const cfg = policy.Properties.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
    };
    const sec = cfg.SecurityHeadersConfig;
    const csp = JSON.stringify(sec.ContentSecurityPolicy?.ContentSecurityPolicy);
    const [documentsId] = Object.entries(s.resources).find(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('Documents')) as [string, Resource];
    expect(csp).toContain(documentsId);
    expect(csp).toContain('RegionalDomainName');
    expect(csp).toContain('https://cognito-idp.ap-northeast-1.amazonaws.com');
    const rendered = contentSecurityPolicy({ connectSources: ['https://cognito-idp.ap-northeast-1.amazonaws.com', 'https://BUCKET'] });
    expect(rendered).toContain("script-src 'self';");
    expect(rendered).not.toContain('unsafe-inline');
    expect(rendered).not.toContain('unsafe-eval');
    expect(rendered).toContain("frame-ancestors 'none'");
    expect(sec.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true });
    expect(sec.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(sec.ContentTypeOptions).toMatchObject({ Override: true });
    expect(sec.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
    expect(`max-age=${sec.StrictTransportSecurity?.AccessControlMaxAgeSec}; includeSubDomains`).toBe(STATIC_SECURITY_HEADERS['strict-transport-security']);
    const custom = Object.fromEntries(cfg.CustomHeadersConfig.Items.map((h) => [h.Header.toLowerCase(), h.Value]));
    expect(custom).toEqual({
      'cross-origin-opener-policy': STATIC_SECURITY_HEADERS['cross-origin-opener-policy'],
      'permissions-policy': STATIC_SECURITY_HEADERS['permissions-policy'],
    });
    const [, cdn] = only(s.resources, 'AWS::CloudFront::Distribution');
    const config = cdn.Properties.DistributionConfig as { DefaultCacheBehavior: Record<string, unknown>; CacheBehaviors: Record<string, unknown>[] };
    for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('is protected by the us-east-1 WebACL (rate limit, managed rule groups) and logs to the logging bucket', () => {
    const [, cdn] = only(s.resources, 'AWS::CloudFront::Distribution');
    const config = cdn.Properties.DistributionConfig as Record<string, unknown>;
    expect(JSON.stringify(config.WebACLId)).toMatch(/ExportsReader|WebAcl/);
    const logging = config.Logging as { Bucket: unknown; Prefix: string };
    expect(logging.Prefix).toBe('cloudfront/');
    expect(JSON.stringify(logging.Bucket)).toContain('EdgeLogs');

    const acl = Object.values(s.edge.toJSON().Resources as Record<string, Resource>).find((r) => r.Type === 'AWS::WAFv2::WebACL') as Resource;
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    const rules = acl.Properties.Rules as { Name: string; Action?: unknown; Statement: Record<string, Record<string, unknown>> }[];
    const rate = rules.find((r) => r.Statement.RateBasedStatement);
    expect(rate?.Action).toEqual({ Block: {} });
    expect(rate?.Statement.RateBasedStatement).toMatchObject({ Limit: 3000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    const groups = rules.map((r) => r.Statement.ManagedRuleGroupStatement).filter(Boolean);
    expect(groups.map((g) => g?.Name)).toEqual(MANAGED_RULE_GROUPS.map((g) => g.name));
    expect(groups.map((g) => g?.Name)).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList']),
    );
    const common = groups.find((g) => g?.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    const logging2 = Object.values(s.edge.toJSON().Resources as Record<string, Resource>).find(
      (r) => r.Type === 'AWS::WAFv2::LoggingConfiguration',
    ) as Resource;
    expect(logging2.Properties.RedactedFields).toEqual([{ SingleHeader: { Name: 'authorization' } }]);
    expect(s.edge.toJSON().Resources).toBeDefined();
    expect((s.stack.node.findChild('Edge') as Edge).edgeStack.region).toBe('us-east-1');
  });

  it("gives the functions CloudFront's own URL as the app URL (no example.jp) and the documents bucket CORS for it", () => {
    const fns = s.nested.flatMap((t) => ofType(t.toJSON().Resources, 'AWS::Lambda::Function').map(([, f]) => f));
    const vars = ((fns[0] as Resource).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(JSON.stringify(vars.APP_URL)).toMatch(/https:\/\/.*DomainName/);
    expect(JSON.stringify(vars.APP_URL)).not.toContain('example');
    const [, documents] = Object.entries(s.resources).find(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('Documents')) as [string, Resource];
    const origins = (documents.Properties.CorsConfiguration as { CorsRules: { AllowedOrigins: string[] }[] }).CorsRules.flatMap((r) => r.AllowedOrigins);
    expect(origins).toEqual(['https://*.cloudfront.net', 'http://localhost:8080']);
  });

  it('keeps the Site bucket versioned, private and logged, served only through CloudFront', () => {
    const [siteId, site] = Object.entries(s.resources).find(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('EdgeSite')) as [string, Resource];
    expect(site.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(site.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, RestrictPublicBuckets: true });
    expect(JSON.stringify(site.Properties.LoggingConfiguration)).toContain('EdgeLogs');
    const policy = ofType(s.resources, 'AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties.Bucket).includes(siteId))?.[1];
    expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('cloudfront.amazonaws.com');
  });

  it('uploads the SPA with a config.json built from the stack itself, then invalidates CloudFront', () => {
    const deployments = ofType(s.resources, 'Custom::CDKBucketDeployment').map(([, d]) => d.Properties);
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => JSON.stringify(d.Include ?? []).includes('assets/*'));
    const entry = deployments.find((d) => d.DistributionId);
    expect(assets).toMatchObject({ Prune: false, Exclude: ['*'], Include: ['assets/*'], SystemMetadata: { 'cache-control': ASSET_CACHE_CONTROL } });
    expect(entry).toMatchObject({ Prune: false, Exclude: ['assets/*'], DistributionPaths: ['/*'], SystemMetadata: { 'cache-control': ENTRY_CACHE_CONTROL } });
    // The build and config.json: the second source carries the deploy-time values as markers.
    expect(entry?.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(entry?.SourceMarkers);
    for (const value of ['UserPool', 'SpaClient']) expect(markers).toContain(value);
    const config = (s.stack.node.findChild('Edge') as Edge).site;
    expect(config.entry.node.dependencies).toContain(config.assets);
  });
});

describe('a real stage with its own domain', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth('Kochi', 'kochi', REAL);
  });

  it('switches the execute-api endpoint off: CloudFront reaches the API on its custom domain (TLS 1.2)', () => {
    const [, api] = only(s.resources, 'AWS::ApiGatewayV2::Api');
    expect(api.Properties.DisableExecuteApiEndpoint).toBe(true);
    const [, domain] = only(s.resources, 'AWS::ApiGatewayV2::DomainName');
    expect(domain.Properties.DomainName).toBe('api.cyber.pref.kochi.lg.jp');
    expect(domain.Properties.DomainNameConfigurations).toEqual([
      expect.objectContaining({ CertificateArn: REAL.domain.apiCertificateArn, SecurityPolicy: 'TLS_1_2', EndpointType: 'REGIONAL' }),
    ]);
    only(s.resources, 'AWS::ApiGatewayV2::ApiMapping');
    const [, cdn] = only(s.resources, 'AWS::CloudFront::Distribution');
    const config = cdn.Properties.DistributionConfig as { Origins: { DomainName: unknown; CustomOriginConfig?: unknown }[] };
    expect(config.Origins.find((o) => o.CustomOriginConfig)?.DomainName).toBe('api.cyber.pref.kochi.lg.jp');
  });

  it('serves the app on its domain with TLS 1.2 at least, and takes its settings (throttle, WAF limit)', () => {
    const [, cdn] = only(s.resources, 'AWS::CloudFront::Distribution');
    const config = cdn.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.Aliases).toEqual(['cyber.pref.kochi.lg.jp']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: REAL.domain.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const [, stage] = only(s.resources, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 80, ThrottlingBurstLimit: 160 });
    const acl = Object.values(s.edge.toJSON().Resources as Record<string, Resource>).find((r) => r.Type === 'AWS::WAFv2::WebACL') as Resource;
    expect(JSON.stringify(acl.Properties.Rules)).toContain('"Limit":2400');
  });

  it('puts the real mail sender and app URL into the functions, and names the DNS records to create', () => {
    const fns = s.nested.flatMap((t) => ofType(t.toJSON().Resources, 'AWS::Lambda::Function').map(([, f]) => f));
    const vars = ((fns[0] as Resource).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(vars.APP_URL).toBe('https://cyber.pref.kochi.lg.jp');
    expect(vars.MAIL_FROM).toBe('no-reply@cyber.pref.kochi.lg.jp');
    expect(JSON.stringify(s.template.toJSON())).not.toMatch(/example\.(jp|com)/);
    const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(JSON.stringify(outputs.DnsAppRecord?.Value)).toContain('cyber.pref.kochi.lg.jp CNAME');
    expect(JSON.stringify(outputs.DnsApiRecord?.Value)).toContain('api.cyber.pref.kochi.lg.jp CNAME');
    expect(outputs.Url?.Value).toBe('https://cyber.pref.kochi.lg.jp');
    const [, documents] = Object.entries(s.resources).find(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('Documents')) as [string, Resource];
    const origins = (documents.Properties.CorsConfiguration as { CorsRules: { AllowedOrigins: string[] }[] }).CorsRules.flatMap((r) => r.AllowedOrigins);
    expect(origins).toEqual(['https://cyber.pref.kochi.lg.jp']);
  });
});
