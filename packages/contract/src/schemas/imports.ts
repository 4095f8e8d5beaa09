import * as z from 'zod/mini';
import { FacilityKind, Id } from '../common.ts';

/**
 * One row of the facility list as the prefecture keeps it (CSV or xlsx, parsed in the browser).
 * Strings as they come from a spreadsheet; the server checks and converts them.
 */
export const FacilityImportRow = z.strictObject({
  /** 1-based row number in the file (header = row 1), for the error report. */
  row: z.int().check(z.minimum(2)),
  // Each cell is bounded (issue 11) so that 2,000 rows of the longest cells still fit the route's body limit.
  name: z.string().check(z.maxLength(100)),
  kind: z.string().check(z.maxLength(10)),
  beds: z.string().check(z.maxLength(8)),
  healthCenter: z.string().check(z.maxLength(50)),
  medicalArea: z.string().check(z.maxLength(50)),
  medicalInstitutionCode: z.string().check(z.maxLength(20)),
  address: z.string().check(z.maxLength(150)),
  contactEmail: z.string().check(z.maxLength(254)),
});
export type FacilityImportRow = z.infer<typeof FacilityImportRow>;

export const FacilityImportBody = z.strictObject({
  rows: z.array(FacilityImportRow).check(z.minLength(1), z.maxLength(2000)),
  /**
   * 保健所 names not yet registered that the user confirmed as new (after the preview asked): the import creates
   * only these; any other unknown name is refused with the closest existing names (a misspelling, most often).
   */
  confirmNewHealthCenters: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100))),
});
export type FacilityImportBody = z.infer<typeof FacilityImportBody>;

export const ImportRowError = z.object({
  row: z.int(),
  column: z.string(),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const FacilityImportPreview = z.object({
  rows: z.int(),
  creates: z.int(),
  updates: z.int(),
  unchanged: z.int(),
  errors: z.array(ImportRowError),
  /** 保健所 named in the file that do not exist yet: created on import only once the user confirms them. */
  newHealthCenters: z.array(z.string()),
  /** The same names with the rows that use them and the closest existing 保健所 (a misspelling?), closest first. */
  unknownHealthCenters: z._default(z.array(z.object({ name: z.string(), rows: z.array(z.int()), suggestions: z.array(z.string()) })), []),
  /** The facilities as they would be written, in row order (first 20, for a preview table). */
  sample: z.array(
    z.object({
      row: z.int(),
      id: z.nullable(Id),
      name: z.string(),
      kind: FacilityKind,
      healthCenterName: z.string(),
      change: z.enum(['create', 'update', 'unchanged']),
    }),
  ),
});
export type FacilityImportPreview = z.infer<typeof FacilityImportPreview>;

export const FacilityImportResult = z.object({ created: z.int(), updated: z.int(), unchanged: z.int() });
export type FacilityImportResult = z.infer<typeof FacilityImportResult>;
