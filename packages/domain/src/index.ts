export * from './checklist/answers.ts';
export * from './checklist/carry-forward.ts';
export * from './checklist/issues.ts';
export * from './checklist/rules.ts';
export * from './checklist/template.ts';
// forms:begin
export * from './checklist/next-version.ts';
// forms:end
export * from './checklist/templates/index.ts';
export * from './fiscal-year.ts';
export * from './read-model.ts';
export * from './vendors.ts';
export * from './cross-check.ts';
export * from './campaign-dates.ts';
export * from './password-policy.ts'; // ops
