import type { TemplateSummary } from '@mcr/contract';
import { TEMPLATE_FORMS } from '@mcr/domain';

/** Forms in the order the office thinks of them, then newest fiscal year first, then the latest upload. */
export function compareTemplates(a: TemplateSummary, b: TemplateSummary): number {
  return (
    TEMPLATE_FORMS.indexOf(a.form) - TEMPLATE_FORMS.indexOf(b.form) ||
    b.fiscalYear - a.fiscalYear ||
    (b.uploadedAt ?? '').localeCompare(a.uploadedAt ?? '') ||
    a.id.localeCompare(b.id)
  );
}
