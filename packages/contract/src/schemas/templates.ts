import { Slug, Template, TemplateForm } from '@mcr/domain';
import * as z from 'zod/mini';
import { IsoDateTime, LocalizedText } from '../common.ts';

export const TemplateIdParams = z.object({ templateId: Slug });

export const TemplateSummary = z.object({
  id: Slug,
  form: TemplateForm,
  fiscalYear: z.int(),
  label: LocalizedText,
  title: LocalizedText,
  source: z.string(),
  previousId: z.nullable(Slug),
  /** true for the versions shipped with the product; false for files a prefecture uploaded. */
  builtIn: z.boolean(),
  itemCount: z.int(),
  /** Items whose text could not be checked against the official form (shown to administrators). */
  unverifiedCount: z.int(),
  uploadedAt: z.nullable(IsoDateTime),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const ListTemplatesResponse = z.object({ items: z.array(TemplateSummary) });
export type ListTemplatesResponse = z.infer<typeof ListTemplatesResponse>;

export const TemplateView = z.object({ summary: TemplateSummary, template: Template });
export type TemplateView = z.infer<typeof TemplateView>;

/** A template file as uploaded: the JSON text itself, so that errors can name the line. */
export const UploadTemplateBody = z.strictObject({
  fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  content: z.string().check(z.minLength(2), z.maxLength(512 * 1024)),
});
export type UploadTemplateBody = z.infer<typeof UploadTemplateBody>;
