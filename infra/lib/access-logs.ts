import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/** How long S3 server access logs are kept: thirteen months, a year's comparison plus the month it is made in. */
export const ACCESS_LOG_RETENTION_DAYS = 400;

/**
 * The bucket S3 server access logs of the app's buckets go to (one prefix per bucket; decision 0026). Delivery is
 * authorized by a bucket policy for the logging service limited to this account, not by ACLs.
 */
export function createAccessLogBucket(scope: Construct): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'AccessLogs', {
    // Server access log delivery supports only SSE-S3 on its target bucket.
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [
      {
        expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS),
        noncurrentVersionExpiration: Duration.days(30),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      },
    ],
  });
  acknowledge(bucket, [
    {
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log bucket itself: logging its own access would log every log delivery, recursively.',
    },
    {
      id: 'HIPAA.Security-S3BucketLoggingEnabled',
      reason: 'This is the server access log bucket itself: logging its own access would log every log delivery, recursively.',
    },
    {
      id: 'HIPAA.Security-S3DefaultEncryptionKMS',
      reason: 'S3 server access log delivery supports only SSE-S3 (S3-managed keys) on the target bucket, not SSE-KMS.',
    },
    {
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason:
        'Access logs are versioned and kept 400 days in the region; a second-region copy is declined for all buckets in decision 0026 (data stays in Japan, one region).',
    },
  ]);
  return bucket;
}

/** Sends a bucket's server access logs to the access-log bucket under its own prefix. */
export function logAccessOf(bucket: s3.Bucket, accessLogs: s3.Bucket, prefix: string): void {
  const cfn = bucket.node.defaultChild as s3.CfnBucket;
  cfn.loggingConfiguration = { destinationBucketName: accessLogs.bucketName, logFilePrefix: `${prefix}/` };
  accessLogs.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: `S3ServerAccessLogs${prefix.replace(/[^A-Za-z0-9]/g, '')}`,
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogs.arnForObjects(`${prefix}/*`)],
      conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': bucket.stack.account } },
    }),
  );
}
