import * as z from 'zod/mini';

/** Identifiers we mint are URL-safe and short; anything else in a path is refused before a key is built. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'id'));
/** JIS X 0401 prefecture code: 01 (北海道) … 47 (沖縄県). */
export const TenantId = z.string().check(z.regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/, 'tenant'));
/** Calendar date as written on the MHLW form, ISO `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime();
/** Bilingual text: Japanese first, English second. */
export const LocalizedText = z.object({ ja: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Version = z.int().check(z.minimum(0));

export const FACILITY_KINDS = ['hospital', 'clinic', 'dental_clinic', 'pharmacy'] as const;
export const FacilityKind = z.enum(FACILITY_KINDS);
export type FacilityKind = z.infer<typeof FacilityKind>;
export const FACILITY_KIND_LABELS: Record<FacilityKind, { ja: string; en: string }> = {
  hospital: { ja: '病院', en: 'Hospital' },
  clinic: { ja: '診療所', en: 'Clinic' },
  dental_clinic: { ja: '歯科診療所', en: 'Dental clinic' },
  pharmacy: { ja: '薬局', en: 'Pharmacy' },
};
