import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageSettings } from './settings.ts';
import { acknowledge, COMMON_ACKNOWLEDGEMENTS } from './nag.ts'; // nag

/**
 * AWS managed rule groups the CloudFront WebACL evaluates, in priority order (docs/decisions/0023-edge-and-deploy.md).
 * The common rule set's body-size rule counts instead of blocking: it blocks bodies above 8 KB, while routes accept up
 * to their own limit (`maxBodyKiB` in the route table, checked by the handler pipeline with a 413 naming it).
 */
export const MANAGED_RULE_GROUPS = [
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] },
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
] as const;

export interface EdgeStackProps extends StackProps {
  settings: StageSettings;
}

/**
 * What CloudFront needs from us-east-1: its WebACL (a CLOUDFRONT-scope WebACL exists only there) and the WAF log
 * group. The main stack in ap-northeast-1 reads the WebACL's ARN through a cross-region reference (an SSM
 * parameter CDK writes here and reads there), so `cdk deploy --all` deploys this stack first.
 */
export class EdgeStack extends Stack {
  readonly webAclArn: string;
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true, description: `CloudFront WAF of stage ${props.settings.stage} (us-east-1)` });
    const { settings } = props;
    const metric = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `mcr-${settings.stage}-${name}`,
    });
    const managed: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((g, i) => ({
      name: g.name,
      priority: i + 1,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: g.name,
          ...(g.countOnly.length > 0 ? { ruleActionOverrides: g.countOnly.map((name) => ({ name, actionToUse: { count: {} } })) } : {}),
        },
      },
      visibilityConfig: metric(g.name),
    }));
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `mcr-${settings.stage}-cloudfront`,
      description: 'Managed rule groups and a per-IP rate limit in front of the SPA and the API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metric('webacl'),
      rules: [
        // First: one client IP sending more than the limit in 5 minutes is blocked until it slows down.
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: settings.wafRateLimitPer5Minutes, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
          visibilityConfig: metric('rate-limit'),
        },
        ...managed,
      ],
    });
    this.webAclArn = this.webAcl.attrArn;

    // WAF logs go to a log group whose name starts with aws-waf-logs- (WAF's rule); the bearer token is redacted.
    const wafLogs = new logs.LogGroup(this, 'WafLogs', {
      logGroupName: `aws-waf-logs-mcr-${settings.stage}`,
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(wafLogs, COMMON_ACKNOWLEDGEMENTS.logGroup); // nag
    new wafv2.CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group's ARN without the `:*` that `logGroupArn` ends with.
      logDestinationConfigs: [
        this.formatArn({ service: 'logs', resource: 'log-group', resourceName: wafLogs.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }],
    });
  }
}
