// iam:begin
export * from './access-scope.ts';
// iam:end
export * from './client.ts';
export * from './errors.ts';
export * from './keys.ts';
export * from './paging.ts';
export * from './read-models/rows.ts';
export * from './records.ts';
export * from './repositories.ts';
export * from './repository-set.ts';
export * from './table.ts';
export * from './read-models/aggregates.ts';
export * from './read-models/facility-counts.ts';
