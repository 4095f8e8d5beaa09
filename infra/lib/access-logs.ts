import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Sends a bucket's S3 server access logs to the log bucket under its own prefix (decision 0026). Delivery is
 * authorized by a bucket-policy statement for the logging service, limited to the source bucket and this account.
 * The bucket's properties stay where it is defined: this sets only its logging configuration.
 */
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
