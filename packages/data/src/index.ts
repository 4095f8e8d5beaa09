export * from './client.ts';
export * from './errors.ts';
export * from './keys.ts';
export * from './paging.ts';
export * from './read-models/rows.ts';
export * from './records.ts';
export * from './repositories.ts';
export * from './table.ts';
