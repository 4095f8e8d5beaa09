import type { Template } from '../template.ts';
import { mhlwBcpR6 } from './mhlw-bcp-r6.ts';

// bcp:begin
export { type BcpStep, bcpInitialResponseSteps } from './mhlw-bcp-r6.ts';
// bcp:end
import { mhlwFacilityR5 } from './mhlw-facility-r5.ts';
import { mhlwFacilityR6 } from './mhlw-facility-r6.ts';
import { mhlwFacilityR7 } from './mhlw-facility-r7.ts';
import { mhlwVendorR5 } from './mhlw-vendor-r5.ts';
import { mhlwVendorR6 } from './mhlw-vendor-r6.ts';
import { mhlwVendorR7 } from './mhlw-vendor-r7.ts';

export const BUILT_IN_TEMPLATE_IDS = [
  'mhlw-facility-r5',
  'mhlw-facility-r6',
  'mhlw-facility-r7',
  'mhlw-vendor-r5',
  'mhlw-vendor-r6',
  'mhlw-vendor-r7',
  'mhlw-bcp-r6',
] as const;
export type BuiltInTemplateId = (typeof BUILT_IN_TEMPLATE_IDS)[number];

/** The templates shipped with the product, oldest first within each form. */
export const builtInTemplates: Template[] = [mhlwFacilityR5, mhlwFacilityR6, mhlwFacilityR7, mhlwVendorR5, mhlwVendorR6, mhlwVendorR7, mhlwBcpR6];

/** A built-in template by id (`mhlw-facility-r6`); undefined for an id that is not built in. */
export function getBuiltInTemplate(id: BuiltInTemplateId): Template;
export function getBuiltInTemplate(id: string): Template | undefined;
export function getBuiltInTemplate(id: string): Template | undefined {
  return builtInTemplates.find((template) => template.id === id);
}
