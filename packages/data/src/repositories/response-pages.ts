import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { ResponseRecord } from '../records.ts';
import { strip } from './shared.ts';

export interface ResponsePageOptions {
  /** Only the responses of facilities of this 保健所 (an inspector's slice). */
  healthCenterId?: string | undefined;
  /** Items per Query (DynamoDB also stops at 1 MB). */
  pageSize?: number;
}

export function responsePageRepositories(db: Db, scope: TenantScope) {
  return {
    responsePages: {
      /**
       * A campaign's responses, one DynamoDB page at a time (Query on `T#<tenant>#CAMP#<id>` begins_with `RESP#`),
       * so that a reader of 15,000 facilities never holds them all. Pages may be empty when a filter skips a page.
       */
      async *ofCampaign(campaignId: string, options: ResponsePageOptions = {}): AsyncGenerator<ResponseRecord[]> {
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const page = await db.doc.send(
            new QueryCommand({
              TableName: db.tableName,
              KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
              ...(options.healthCenterId ? { FilterExpression: 'healthCenterId = :hc' } : {}),
              ExpressionAttributeValues: {
                ':pk': keys.campaign(scope, campaignId).PK,
                ':sk': keys.responsesOfCampaignPrefix,
                ...(options.healthCenterId ? { ':hc': options.healthCenterId } : {}),
              },
              Limit: options.pageSize ?? 500,
              ExclusiveStartKey,
            }),
          );
          yield (page.Items ?? []).map((item) => strip<ResponseRecord>(item));
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
      },
    },
  };
}
