import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ResponseStatus } from '@mcr/contract';
import { applyRowChanges, createDb, type Db, type FacilityRecord, keys, type RowSource } from '@mcr/data';
import { readinessLevel } from '@mcr/domain';
import { LOCAL_REGION } from '../../packages/local/src/services/constants.ts';
import { stackInfo } from './stack-info.ts';

let db: Db | undefined;
/** The running stack's table, for tests that write read-model items directly. */
export function testDb(): Db {
  const s = stackInfo();
  db ??= createDb({ tableName: s.tableName, region: LOCAL_REGION, endpoint: s.services.dynamodbEndpoint });
  return db;
}

const STATUSES: ResponseStatus[] = ['not_started', 'in_progress', 'submitted', 'returned', 'confirmed'];

export function sizeBandOf(beds: number): string {
  return beds === 0 ? 'none' : beds < 20 ? 'small' : beds < 200 ? 'medium' : 'large';
}

/** A deterministic row for facility number `i`: statuses, scores, dates and targets spread over the list. */
export function syntheticRow(campaignId: string, f: FacilityRecord, i: number): RowSource {
  const status = STATUSES[i % STATUSES.length] as ResponseStatus;
  const score = status === 'not_started' ? null : ((i * 37) % 1001) / 1000;
  return {
    campaignId,
    facilityId: f.id,
    facilityName: f.name,
    kind: f.kind,
    healthCenterId: f.healthCenterId,
    healthCenterName: f.healthCenterName,
    medicalAreaName: f.medicalAreaName,
    sizeBand: sizeBandOf(f.beds),
    medicalInstitutionCode: f.medicalInstitutionCode,
    status,
    score,
    level: readinessLevel(score).id,
    missing: i % 7,
    missingFirstDates: i % 3,
    earliestOpenTarget: i % 4 === 0 ? '2020-04-01' : i % 4 === 1 ? '2099-03-31' : null,
    updatedAt: status === 'not_started' ? null : new Date(Date.UTC(2024, 6, 1) + i * 3_600_000).toISOString(),
    round: status === 'submitted' || status === 'confirmed' ? 1 : null,
  };
}

/**
 * A campaign of the tenant with the given rows, written straight to the table (campaign, counters, rows):
 * the row module is tested on its own, before and apart from the stream consumer.
 */
export async function createRowsCampaign(tenantId: string, campaignId: string, rows: RowSource[]): Promise<void> {
  const scope = { tenantId };
  const d = testDb();
  await d.doc.send(
    new PutCommand({
      TableName: d.tableName,
      Item: { ...keys.campaignAggregate(scope, campaignId), type: 'CampaignAggregate', campaignId, facilities: rows.length },
    }),
  );
  await d.doc.send(
    new PutCommand({
      TableName: d.tableName,
      Item: {
        ...keys.campaign(scope, campaignId),
        type: 'Campaign',
        id: campaignId,
        title: { ja: `一覧テスト ${campaignId}`, en: `Rows test ${campaignId}` },
        templateId: 'mhlw-facility-r6',
        fiscalYear: 2024,
        opensOn: '2024-06-01',
        deadline: '2025-03-31',
        createdAt: '2024-06-01T00:00:00.000Z',
      },
    }),
  );
  for (let i = 0; i < rows.length; i += 10) await Promise.all(rows.slice(i, i + 10).map((r) => applyRowChanges(d, scope, null, r)));
}
