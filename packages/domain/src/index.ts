export * from './checklist/answers.ts';
export * from './checklist/carry-forward.ts';
export * from './checklist/issues.ts';
export * from './checklist/rules.ts';
export * from './checklist/template.ts';
export * from './checklist/templates/index.ts';
export * from './fiscal-year.ts';
export * from './read-model.ts';
