import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { AlreadyExistsError } from '../errors.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { Actor, TemplateRecord } from '../records.ts';
import { auditItem, getItem, queryAll } from './shared.ts';

export function templateRepositories(db: Db, scope: TenantScope) {
  return {
    templates: {
      get: (id: string) => getItem<TemplateRecord>(db, keys.template(scope, id)),
      list: () => queryAll<TemplateRecord>(db, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.templatesPartition(scope) } }),
      /** A version, once loaded, is never replaced: campaigns and answers refer to it. */
      async create(r: TemplateRecord, actor: Actor): Promise<void> {
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: db.tableName,
                    Item: { ...keys.template(scope, r.template.id), type: 'Template', ...r },
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
                auditItem(db, scope, actor, {
                  action: 'template.upload',
                  target: `template/${r.template.id}`,
                  orgId: actor.orgId,
                  changes: { id: r.template.id, fileName: r.fileName },
                }),
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
            throw new AlreadyExistsError('template');
          throw err;
        }
      },
    },
  };
}
