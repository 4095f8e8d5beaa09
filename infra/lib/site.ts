import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { AssetHashType, DockerImage, Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, COMMON_ACKNOWLEDGEMENTS, type NagAcknowledgement } from './nag.ts'; // nag

/** What /config.json holds (frontend/src/config.ts RuntimeConfig); values may be tokens resolved at deploy. */
// nag:begin
/** CDK's BucketDeployment provider runs only during a deploy, copying the SPA from the CDK assets bucket (decision 0026). */
const BUCKET_DEPLOYMENT_REASON =
  "CDK's BucketDeployment provider, which runs only during a deploy to copy the built SPA from the CDK assets bucket into the Site bucket; CDK sets its runtime, role and policy.";
const BUCKET_DEPLOYMENT_ACKNOWLEDGEMENTS: NagAcknowledgement[] = [
  ...COMMON_ACKNOWLEDGEMENTS.function,
  ...COMMON_ACKNOWLEDGEMENTS.functionRole,
  ...[
    'AwsSolutions-L1',
    'HIPAA.Security-LambdaDLQ',
    'AwsSolutions-IAM5[Action::s3:GetObject*]',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]',
    'AwsSolutions-IAM5[Action::s3:List*]',
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
    'AwsSolutions-IAM5[Action::s3:Abort*]',
    'AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-ap-northeast-1/*]',
    'AwsSolutions-IAM5[Resource::<*>/*]',
    'AwsSolutions-IAM5[Resource::*]',
  ].map((id) => ({ id, reason: BUCKET_DEPLOYMENT_REASON })),
];
// nag:end

export interface SpaConfig {
  region: string;
  cognitoEndpoint: string;
  userPoolId: string;
  userPoolClientId: string;
  apiBase: string;
  stage: string;
}

export interface SiteContentProps {
  bucket: s3.IBucket;
  distribution: cloudfront.IDistribution;
  repoRoot: string;
  config: SpaConfig;
}

/** Hashed build files (`/assets/*`) never change under their name. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html, config.json and the unhashed files are asked for again every time (a 304 when unchanged). */
export const ENTRY_CACHE_CONTROL = 'no-cache';

/**
 * The SPA as the deploy uploads it (docs/decisions/0023-edge-and-deploy.md): an asset *built during synth* like the
 * Lambda bundles (`vite build` into the asset folder), so `cdk deploy` alone ships the code it was given. Tests
 * synthesize with bundling skipped (`aws:cdk:bundling-stacks: []`), which builds nothing and needs no frontend/dist.
 *
 * Two uploads of the same build: first `/assets/*` (immutable, never pruned, so a page open during a deploy still
 * finds its old chunks), then the entry files and the `config.json` built from the stack's own values (no-cache),
 * followed by a CloudFront invalidation.
 */
export class SiteContent extends Construct {
  readonly assets: s3deploy.BucketDeployment;
  readonly entry: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: SiteContentProps) {
    super(scope, id);
    const frontend = path.join(props.repoRoot, 'frontend');
    const build = s3deploy.Source.asset(frontend, {
      assetHashType: AssetHashType.OUTPUT,
      exclude: ['node_modules', 'dist'],
      bundling: {
        // Only the local build runs (it throws when it fails); the image is what CDK would use without one.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
        local: {
          tryBundle(outputDir: string) {
            execFileSync('npm', ['run', 'build', '-w', 'frontend', '--', '--outDir', outputDir, '--emptyOutDir'], {
              cwd: props.repoRoot,
              stdio: ['ignore', process.stderr, process.stderr],
            });
            return true;
          },
        },
      },
    });
    this.assets = new s3deploy.BucketDeployment(this, 'Assets', {
      sources: [build],
      destinationBucket: props.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(ASSET_CACHE_CONTROL)],
      memoryLimit: 512,
    });
    this.entry = new s3deploy.BucketDeployment(this, 'Entry', {
      sources: [build, s3deploy.Source.jsonData('config.json', props.config)],
      destinationBucket: props.bucket,
      exclude: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(ENTRY_CACHE_CONTROL)],
      memoryLimit: 512,
      distribution: props.distribution,
      distributionPaths: ['/*'],
    });
    // index.html names chunks that must already be there.
    this.entry.node.addDependency(this.assets);
    // nag:begin — the two deployments share CDK's singleton provider function (its runtime, role and policy are CDK's)
    const provider = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (provider) acknowledge(provider, BUCKET_DEPLOYMENT_ACKNOWLEDGEMENTS);
    // nag:end
  }
}
