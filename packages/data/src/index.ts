export * from './client.ts';
export * from './errors.ts';
export * from './keys.ts';
export * from './records.ts';
export * from './repositories.ts';
export * from './table.ts';
