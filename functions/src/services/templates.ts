import type { FieldError, TemplateSummary } from '@mcr/contract';
import type { Repositories, TemplateRecord } from '@mcr/data';
import { allItems, parseTemplateFileWith, type Template } from '@mcr/domain';
import { findNodeAtLocation, type ParseError, parse, parseTree, printParseErrorCode } from 'jsonc-parser';
import { AlreadyExistsError, NotFoundError } from '@mcr/data';
import { ValidationError } from '../pipeline/errors.ts';
import { builtInTemplates, getBuiltInTemplate } from './built-in-templates.ts';

/** A campaign's template: one of the built-in versions, or one the tenant loaded from a file. */
export async function resolveTemplate(repos: Pick<Repositories, 'templates'>, id: string): Promise<{ template: Template; record?: TemplateRecord }> {
  const builtIn = getBuiltInTemplate(id);
  if (builtIn) return { template: builtIn };
  const record = await repos.templates.get(id);
  if (!record) throw new NotFoundError('template');
  return { template: record.template, record };
}

export function summaryOf(template: Template, record?: TemplateRecord): TemplateSummary {
  return {
    id: template.id,
    form: template.form,
    fiscalYear: template.fiscalYear,
    label: template.label,
    title: template.title,
    source: template.source,
    previousId: template.previousId ?? null,
    builtIn: !record,
    itemCount: allItems(template).length,
    unverifiedCount: template.metadata.unverified.length,
    uploadedAt: record?.uploadedAt ?? null,
  };
}

export async function listTemplates(repos: Pick<Repositories, 'templates'>): Promise<TemplateSummary[]> {
  const uploaded = await repos.templates.list();
  const all = [...builtInTemplates().map((t) => summaryOf(t)), ...uploaded.map((r) => summaryOf(r.template, r))];
  return all.sort((a, b) => b.fiscalYear - a.fiscalYear || a.form.localeCompare(b.form) || a.id.localeCompare(b.id));
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** `sections[1].items[3].cells[0]` → ['sections', 1, 'items', 3, 'cells', 0]. */
function segments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] as string)));
}

/** A template nests a handful of levels; a file nested deeper is refused before the (recursive) parser sees it. */
const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in a JSON text, read in one pass outside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

/**
 * Reads an uploaded template file. Problems come back as field errors that name the JSON path and, where it
 * can be found, the line and column in the file, so an administrator can fix the file in an editor.
 */
export async function parseUploadedTemplate(content: string, repos: Pick<Repositories, 'templates'>): Promise<Template> {
  if (jsonDepth(content) > MAX_JSON_DEPTH) {
    const message = {
      ja: `様式ファイルの入れ子が深すぎます (${MAX_JSON_DEPTH} 段まで)`,
      en: `The template file is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
    };
    throw new ValidationError([{ field: 'content', code: 'json_too_deep', message }], {
      ja: '様式ファイルを読み込めませんでした',
      en: 'The template file could not be read',
    });
  }
  const syntax: ParseError[] = [];
  const json: unknown = parse(content, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (syntax.length) {
    throw new ValidationError(
      syntax.slice(0, 20).map((e) => ({
        field: 'content',
        code: `json_${printParseErrorCode(e.error)}`,
        message: { ja: `JSON の書き方に誤りがあります (${printParseErrorCode(e.error)})`, en: `JSON syntax error (${printParseErrorCode(e.error)})` },
        ...lineColumn(content, e.offset),
      })),
      { ja: '様式ファイルを読み込めませんでした', en: 'The template file could not be read' },
    );
  }
  // Earlier versions may be built-in or uploaded by this tenant: prefetch the uploaded ones for lineage checks.
  const uploaded = new Map((await repos.templates.list()).map((r) => [r.template.id, r.template]));
  const id = (json as { id?: unknown } | null)?.id;
  // A version, once loaded, is never replaced: say so before listing what else might be wrong with the file.
  if (typeof id === 'string' && (getBuiltInTemplate(id) || uploaded.has(id))) throw new AlreadyExistsError('template');
  const result = parseTemplateFileWith(json, { resolveTemplate: (id) => getBuiltInTemplate(id) ?? uploaded.get(id) });
  if (result.ok) return result.template;
  const tree = parseTree(content);
  const fields: FieldError[] = result.errors.slice(0, 100).map((e) => {
    // A missing field has no node of its own: point at the nearest enclosing one.
    let at = segments(e.path);
    let node = tree ? findNodeAtLocation(tree, at) : undefined;
    while (tree && !node && at.length) {
      at = at.slice(0, -1);
      node = at.length ? findNodeAtLocation(tree, at) : tree;
    }
    return {
      field: e.path ? `content.${e.path}` : 'content',
      code: e.code,
      message: { ja: e.ja, en: e.en },
      ...(node ? lineColumn(content, node.offset) : {}),
    };
  });
  throw new ValidationError(fields, { ja: '様式ファイルに誤りがあります', en: 'The template file has errors' });
}
