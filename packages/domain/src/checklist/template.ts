import * as z from 'zod/mini';
import { type FieldIssue, formatPath, issuesFromZod } from './issues.ts';
import { getBuiltInTemplate } from './templates/index.ts';

/** サーバ / 端末PC / ネットワーク機器, or `system` for an item answered once for the whole system. */
export const DEVICE_CLASSES = ['system', 'server', 'client', 'network'] as const;
export const DeviceClass = z.enum(DEVICE_CLASSES);
export type DeviceClass = z.infer<typeof DeviceClass>;

export const DEVICE_CLASS_LABELS: Record<DeviceClass, LocalizedText> = {
  system: { ja: '医療情報システム全般', en: 'The system as a whole' },
  server: { ja: 'サーバ', en: 'Servers' },
  client: { ja: '端末PC', en: 'Client PCs' },
  network: { ja: 'ネットワーク機器', en: 'Network devices' },
};

export const TEMPLATE_FORMS = ['facility', 'vendor', 'bcp'] as const;
/** 医療機関確認用, 事業者確認用, or the BCP 確認表. */
export const TemplateForm = z.enum(TEMPLATE_FORMS);
export type TemplateForm = z.infer<typeof TemplateForm>;

export const LocalizedText = z.strictObject({ ja: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Guidance is written in Japanese first; the English rendering may follow later. */
export const GuidanceText = z.strictObject({ ja: z.string().check(z.minLength(1)), en: z.optional(z.string().check(z.minLength(1))) });
export type GuidanceText = z.infer<typeof GuidanceText>;

/**
 * 実施背景 / 実施方法 / ケーススタディ for one item. The three headings come from the MHLW-commissioned training
 * deck (seeds/004), not from the checklist manual; `source` says, in plain words, where this item's text comes
 * from and is shown in the guidance panel.
 */
export const Guidance = z.strictObject({
  background: z.optional(GuidanceText),
  howTo: z.optional(GuidanceText),
  caseStudy: z.optional(GuidanceText),
  source: z.optional(LocalizedText),
});
export type Guidance = z.infer<typeof Guidance>;

/** Lower-case slug: `2-4`, `gate`, `mhlw-facility-r6`. */
export const Slug = z.string().check(z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/**
 * `medical-system`: 「医療情報システムを導入、運用している」. `vendor-contract`: the facility has a contract with
 * a system vendor. A gate item answered いいえ makes every other item of its template not applicable.
 */
export const GATE_KINDS = ['medical-system', 'vendor-contract'] as const;
export const GateKind = z.enum(GATE_KINDS);
export type GateKind = z.infer<typeof GateKind>;

/**
 * A condition an item (or a whole template) needs to be answered. `vendor-contract` is read from the
 * facility's context; `medical-system` from the template's medical-system gate.
 */
export const ApplicabilityRule = z.strictObject({ requires: GateKind });
export type ApplicabilityRule = z.infer<typeof ApplicabilityRule>;

export const LINEAGE_KINDS = ['same', 'changed', 'split', 'merged', 'new'] as const;
export const LineageKind = z.enum(LINEAGE_KINDS);
export type LineageKind = z.infer<typeof LineageKind>;

/** Where an item comes from in the previous version of the same form (ids of that version). */
export const Lineage = z.strictObject({ from: z.optional(z.array(Slug).check(z.minLength(1))), kind: LineageKind });
export type Lineage = z.infer<typeof Lineage>;

export const Item = z.strictObject({
  id: Slug,
  /** As printed on the official form: `2(4)`. Empty only for a gate row, which the form does not number. */
  number: z.string().check(z.maxLength(32)),
  text: LocalizedText,
  /** The form's sub-heading this item sits under: 「サーバについて、以下を実施している。」. */
  group: z.optional(LocalizedText),
  /** Device classes the item is answered for, in the form's column order; `['system']` alone for the whole system. */
  cells: z.array(DeviceClass).check(z.minLength(1), z.maxLength(4)),
  /** 参考項目: answered but not scored and not needed for completeness. */
  reference: z.boolean(),
  /** 一部参考項目: only these cells are 参考 (e.g. 端末PC in R5 2(4)). */
  referenceCells: z.optional(z.array(DeviceClass)),
  gate: z.optional(GateKind),
  applicability: z.array(ApplicabilityRule),
  guidance: Guidance,
  /** The id of the mirrored item on the counterpart form (医療機関確認用 ↔ 事業者確認用). */
  mirror: z.optional(Slug),
  lineage: Lineage,
  /**
   * The manual's ▶ references to the MHLW guideline for this item, as printed (「企画管理編 9.1」,
   * 「システム運用編 13⑪」). Only references read in an official source; shown with the item's guidance.
   */
  guidelineRefs: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(12))),
});
export type Item = z.infer<typeof Item>;

export const Section = z.strictObject({
  id: Slug,
  number: z.string().check(z.maxLength(16)),
  title: LocalizedText,
  /** What the section aims at (used by the BCP phases). */
  description: z.optional(LocalizedText),
  items: z.array(Item).check(z.minLength(1)),
});
export type Section = z.infer<typeof Section>;

/** An item whose text (or layout) could not be checked against the official form. */
export const UnverifiedNote = z.strictObject({ itemId: Slug, reason: LocalizedText });
export type UnverifiedNote = z.infer<typeof UnverifiedNote>;

export const TemplateMetadata = z.strictObject({
  unverified: z.array(UnverifiedNote),
  /** Where the items' guidance (実施背景 / 実施方法 / ケーススタディ) comes from, in plain words for users. */
  guidanceSource: z.optional(LocalizedText),
});
export type TemplateMetadata = z.infer<typeof TemplateMetadata>;

export const Template = z.strictObject({
  id: Slug,
  form: TemplateForm,
  fiscalYear: z.int().check(z.minimum(2000), z.maximum(2100)),
  label: LocalizedText,
  title: LocalizedText,
  source: z.string().check(z.minLength(1)),
  /** The version this one replaces; lineage `from` ids refer to its items. */
  previousId: z.optional(Slug),
  /** The counterpart form of the same version; item `mirror` ids refer to its items. */
  mirrorTemplateId: z.optional(Slug),
  /** Rules that apply to every item (the 事業者確認用 as a whole needs a vendor contract). */
  applicability: z.array(ApplicabilityRule),
  sections: z.array(Section).check(z.minLength(1)),
  metadata: TemplateMetadata,
});
export type Template = z.infer<typeof Template>;

/** Version of the upload format below; bump when a field changes meaning. */
export const TEMPLATE_FILE_FORMAT_VERSION = 1;

const ItemFileEntry = z.extend(Item, {
  cells: z._default(z.array(DeviceClass).check(z.minLength(1), z.maxLength(4)), ['system']),
  reference: z._default(z.boolean(), false),
  applicability: z._default(z.array(ApplicabilityRule), []),
  guidance: z._default(Guidance, {}),
  lineage: z._default(Lineage, { kind: 'new' }),
});

const SectionFileEntry = z.extend(Section, { items: z.array(ItemFileEntry).check(z.minLength(1)) });

/**
 * The JSON file an administrator uploads: a {@link Template} plus `formatVersion`, with defaults for
 * `cells` (['system']), `reference` (false), `applicability` ([]), `guidance` ({}), `lineage` ({ kind: 'new' }) and `metadata`.
 * Unknown fields are refused so that a typo (`cell` for `cells`) is reported, not ignored.
 */
export const TemplateFile = z.extend(Template, {
  formatVersion: z.literal(TEMPLATE_FILE_FORMAT_VERSION),
  applicability: z._default(z.array(ApplicabilityRule), []),
  sections: z.array(SectionFileEntry).check(z.minLength(1)),
  metadata: z._default(TemplateMetadata, { unverified: [] }),
});
export type TemplateFile = z.input<typeof TemplateFile>;

export interface TemplateCheckOptions {
  /** The version named by `previousId`; looked up with `resolveTemplate` when not given. */
  previous?: Template;
  /** The counterpart form named by `mirrorTemplateId`; looked up with `resolveTemplate` when not given. */
  mirrorTemplate?: Template;
  /** Finds other templates by id. Defaults to the built-in templates. */
  resolveTemplate?: (id: string) => Template | undefined;
}

export type ParseTemplateResult = { ok: true; template: Template } | { ok: false; errors: FieldIssue[] };

/**
 * Reads an uploaded template file: shape first (zod), then the cross-field rules of {@link checkTemplate}.
 * Every error names its field (`sections[1].items[3].cells[0]`) and says what is wrong in Japanese and English.
 */
export function parseTemplateFile(json: unknown, options: TemplateCheckOptions = {}): ParseTemplateResult {
  return parseTemplateFileWith(json, { ...options, resolveTemplate: options.resolveTemplate ?? getBuiltInTemplate });
}

/**
 * {@link parseTemplateFile} with the lookup of other templates given, not defaulted: the functions read the built-in
 * templates as data and call this, so their bundles do not carry the TypeScript of the built-in templates
 * (docs/decisions/0025-lean-functions.md).
 */
export function parseTemplateFileWith(
  json: unknown,
  options: TemplateCheckOptions & Required<Pick<TemplateCheckOptions, 'resolveTemplate'>>,
): ParseTemplateResult {
  // reportInput: zod 4 keeps the value on an issue only when asked, and issuesFromZod needs it to tell a field of the
  // wrong type (「number が必要です」) from a missing one (「必須項目です」).
  const parsed = TemplateFile.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: issuesFromZod(parsed.error.issues) };
  const { formatVersion: _formatVersion, ...template } = parsed.data;
  const errors = checkTemplateWith(template, options);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, template };
}

type Code =
  | 'duplicate_id'
  | 'duplicate_number'
  | 'number_required'
  | 'duplicate_cell'
  | 'system_exclusive'
  | 'reference_cell_not_in_cells'
  | 'gate_missing'
  | 'duplicate_gate'
  | 'gate_kind'
  | 'gate_cells'
  | 'gate_reference'
  | 'gate_position'
  | 'requirement_without_gate'
  | 'mirror_not_allowed'
  | 'mirror_template_missing'
  | 'mirror_template_unknown'
  | 'mirror_template_form'
  | 'mirror_unknown'
  | 'lineage_from_not_allowed'
  | 'lineage_from_required'
  | 'lineage_from_count'
  | 'lineage_split_single'
  | 'lineage_unknown'
  | 'previous_missing'
  | 'previous_unknown'
  | 'previous_self'
  | 'previous_form'
  | 'previous_fiscal_year'
  | 'unverified_unknown_item'
  | 'too_many_items'
  | 'too_many_cells';

/**
 * The largest form a tenant may load: the response item keeps every answer cell's core (3 rounds) and the
 * screen returns every note, so both are bounded by these two numbers (docs/data-model.md, "Item sizes").
 */
export const MAX_TEMPLATE_ITEMS = 200;
/** Answer cells (item × device class) of one template. */
export const MAX_TEMPLATE_CELLS = 240;

const MESSAGES: Record<Code, (arg: string) => { ja: string; en: string }> = {
  duplicate_id: (id) => ({ ja: `ID「${id}」が重複しています`, en: `Id "${id}" is used more than once` }),
  duplicate_number: (n) => ({ ja: `項目番号「${n}」が重複しています`, en: `Item number "${n}" is used more than once` }),
  number_required: () => ({
    ja: '項目番号を入力してください（番号を省略できるのは前提項目のみです）',
    en: 'Give the item number (only a gate row may go without one)',
  }),
  duplicate_cell: (c) => ({ ja: `機器区分「${c}」が重複しています`, en: `Device class "${c}" is listed twice` }),
  system_exclusive: () => ({ ja: '「system」は他の機器区分と併用できません', en: '"system" cannot be combined with other device classes' }),
  reference_cell_not_in_cells: (c) => ({ ja: `参考とする機器区分「${c}」が cells にありません`, en: `Reference cell "${c}" is not one of the item's cells` }),
  gate_missing: (kind) => ({ ja: `前提項目（${kind}）がありません`, en: `The template needs a gate item (${kind})` }),
  duplicate_gate: (kind) => ({ ja: `前提項目（${kind}）が複数あります`, en: `More than one gate item of kind ${kind}` }),
  gate_kind: (kind) => ({ ja: `この様式では前提項目の種類「${kind}」は使用できません`, en: `Gate kind "${kind}" is not used on this form` }),
  gate_cells: () => ({ ja: '前提項目の cells は ["system"] にしてください', en: 'A gate item is answered once: cells must be ["system"]' }),
  gate_reference: () => ({ ja: '前提項目を参考項目にすることはできません', en: 'A gate item cannot be a reference item' }),
  gate_position: () => ({ ja: '前提項目は最初のセクションの先頭に置いてください', en: 'A gate item must come first in the first section' }),
  requirement_without_gate: (kind) => ({
    ja: `前提項目（${kind}）がないため、この条件は判定できません`,
    en: `No ${kind} gate item in this template to evaluate this rule`,
  }),
  mirror_not_allowed: () => ({ ja: 'BCP確認表の項目には対応項目（mirror）を設定できません', en: 'Items of the BCP table have no mirrored item' }),
  mirror_template_missing: () => ({
    ja: '対応項目を使う場合は mirrorTemplateId（相手様式のID）を指定してください',
    en: 'Set mirrorTemplateId (the counterpart form) when items name a mirror',
  }),
  mirror_template_unknown: (id) => ({ ja: `相手様式「${id}」が見つかりません`, en: `Counterpart template "${id}" was not found` }),
  mirror_template_form: (form) => ({ ja: `相手様式の種類が正しくありません（${form} が必要です）`, en: `The counterpart template must be a ${form} form` }),
  mirror_unknown: (id) => ({ ja: `相手様式に項目「${id}」がありません`, en: `The counterpart form has no item "${id}"` }),
  lineage_from_not_allowed: () => ({ ja: '新規項目（kind: new）には from を指定できません', en: 'A new item (kind "new") has no "from"' }),
  lineage_from_required: (kind) => ({
    ja: `kind「${kind}」の項目には from（前版の項目ID）が必要です`,
    en: `An item of kind "${kind}" needs "from" (ids in the previous version)`,
  }),
  lineage_from_count: (kind) => ({
    ja: kind === 'merged' ? '統合（merged）には前版の項目を2つ以上指定してください' : `kind「${kind}」には前版の項目を1つだけ指定してください`,
    en: kind === 'merged' ? 'A merged item names at least two previous items' : `An item of kind "${kind}" names exactly one previous item`,
  }),
  lineage_split_single: (id) => ({ ja: `前版の項目「${id}」から分割された項目が1つしかありません`, en: `Only one item is split from previous item "${id}"` }),
  lineage_unknown: (id) => ({ ja: `前版に項目「${id}」がありません`, en: `The previous version has no item "${id}"` }),
  previous_missing: () => ({
    ja: '前版の項目を参照する場合は previousId（前版のID）を指定してください',
    en: 'Set previousId when items refer to a previous version',
  }),
  previous_unknown: (id) => ({ ja: `前版「${id}」が見つかりません`, en: `Previous version "${id}" was not found` }),
  previous_self: () => ({ ja: 'previousId に自分自身は指定できません', en: 'previousId cannot be the template itself' }),
  previous_form: (form) => ({ ja: `前版の様式の種類が異なります（${form}）`, en: `The previous version is a different form (${form})` }),
  previous_fiscal_year: () => ({ ja: '前版の年度はこの版より前である必要があります', en: 'The previous version must be of an earlier fiscal year' }),
  unverified_unknown_item: (id) => ({ ja: `項目「${id}」はこのテンプレートにありません`, en: `No item "${id}" in this template` }),
  too_many_items: (n) => ({
    ja: `項目が多すぎます（${n} 件。1つの様式は ${MAX_TEMPLATE_ITEMS} 項目までです）`,
    en: `Too many items (${n}; a template has at most ${MAX_TEMPLATE_ITEMS})`,
  }),
  too_many_cells: (n) => ({
    ja: `回答欄（項目×機器区分）が多すぎます（${n} 欄。1つの様式は ${MAX_TEMPLATE_CELLS} 欄までです）`,
    en: `Too many answer cells (item × device class: ${n}; a template has at most ${MAX_TEMPLATE_CELLS})`,
  }),
};

const countItems = (t: Template) => t.sections.reduce((n, s) => n + s.items.length, 0);
const countCells = (t: Template) => t.sections.reduce((n, s) => n + s.items.reduce((m, i) => m + i.cells.length, 0), 0);

/**
 * Cross-field rules a zod shape cannot express: unique ids and numbers, cells, gates, applicability rules,
 * mirror references (against the counterpart form) and lineage references (against the previous version).
 * Returns an empty list when the template is sound.
 */
export function checkTemplate(template: Template, options: TemplateCheckOptions = {}): FieldIssue[] {
  return checkTemplateWith(template, { ...options, resolveTemplate: options.resolveTemplate ?? getBuiltInTemplate });
}

function checkTemplateWith(template: Template, options: TemplateCheckOptions & Required<Pick<TemplateCheckOptions, 'resolveTemplate'>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: ReadonlyArray<PropertyKey>, code: Code, arg = '') => issues.push({ path: formatPath(path), code, ...MESSAGES[code](arg) });
  const resolve = options.resolveTemplate;

  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  const numbers = new Set<string>();
  const gates = new Map<GateKind, number>();
  const splitSources = new Map<string, number>();
  let anyFrom = false;
  let anyMirror = false;
  let itemCount = 0;
  let cellCount = 0;

  template.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) add(['sections', s, 'id'], 'duplicate_id', section.id);
    sectionIds.add(section.id);

    section.items.forEach((item, i) => {
      const at = (...rest: PropertyKey[]) => ['sections', s, 'items', i, ...rest];
      // The first item past a limit is named, so the file's author sees where the form got too large.
      if (++itemCount === MAX_TEMPLATE_ITEMS + 1) add(at('id'), 'too_many_items', String(countItems(template)));
      const cellsBefore = cellCount;
      cellCount += item.cells.length;
      if (cellsBefore <= MAX_TEMPLATE_CELLS && cellCount > MAX_TEMPLATE_CELLS) add(at('cells'), 'too_many_cells', String(countCells(template)));
      if (itemIds.has(item.id)) add(at('id'), 'duplicate_id', item.id);
      itemIds.add(item.id);

      if (item.number === '') {
        if (!item.gate) add(at('number'), 'number_required');
      } else {
        if (numbers.has(item.number)) add(at('number'), 'duplicate_number', item.number);
        numbers.add(item.number);
      }

      const seen = new Set<DeviceClass>();
      item.cells.forEach((cell, c) => {
        if (seen.has(cell)) add(at('cells', c), 'duplicate_cell', cell);
        seen.add(cell);
        if (cell === 'system' && item.cells.length > 1) add(at('cells', c), 'system_exclusive');
      });
      item.referenceCells?.forEach((cell, c) => {
        if (!item.cells.includes(cell)) add(at('referenceCells', c), 'reference_cell_not_in_cells', cell);
      });

      if (item.gate) {
        if (gates.has(item.gate)) add(at('gate'), 'duplicate_gate', item.gate);
        gates.set(item.gate, (gates.get(item.gate) ?? 0) + 1);
        if (template.form === 'facility' && item.gate !== 'medical-system') add(at('gate'), 'gate_kind', item.gate);
        if (item.cells.length !== 1 || item.cells[0] !== 'system') add(at('cells'), 'gate_cells');
        if (item.reference || (item.referenceCells?.length ?? 0) > 0) add(at('reference'), 'gate_reference');
        if (s !== 0 || gatesBefore(section.items, i) !== i) add(at('gate'), 'gate_position');
      }

      if (item.mirror !== undefined) {
        anyMirror = true;
        if (template.form === 'bcp') add(at('mirror'), 'mirror_not_allowed');
      }

      const { kind, from } = item.lineage;
      if (from) anyFrom = true;
      if (kind === 'new') {
        if (from) add(at('lineage', 'from'), 'lineage_from_not_allowed');
      } else if (!from) {
        add(at('lineage', 'from'), 'lineage_from_required', kind);
      } else if (kind === 'merged' ? from.length < 2 : from.length !== 1) {
        add(at('lineage', 'from'), 'lineage_from_count', kind);
      } else if (kind === 'split' && from[0] !== undefined) {
        splitSources.set(from[0], (splitSources.get(from[0]) ?? 0) + 1);
      }
    });
  });

  const requiredGate: GateKind | undefined = template.form === 'facility' ? 'medical-system' : template.form === 'vendor' ? 'vendor-contract' : undefined;
  if (requiredGate && !gates.has(requiredGate)) add(['sections'], 'gate_missing', requiredGate);

  const checkRules = (rules: ApplicabilityRule[], path: PropertyKey[]) => {
    for (const [r, rule] of rules.entries()) {
      if (rule.requires === 'medical-system' && !gates.has('medical-system')) add([...path, r, 'requires'], 'requirement_without_gate', rule.requires);
    }
  };
  checkRules(template.applicability, ['applicability']);
  for (const { item, path } of itemsWithPaths(template)) {
    checkRules(item.applicability, [...path, 'applicability']);
    const from = item.lineage.from;
    if (item.lineage.kind === 'split' && from?.[0] !== undefined && from.length === 1 && (splitSources.get(from[0]) ?? 0) < 2) {
      add([...path, 'lineage', 'from', 0], 'lineage_split_single', from[0]);
    }
  }

  checkPrevious(template, options.previous ?? (template.previousId ? resolve(template.previousId) : undefined), anyFrom, add);
  checkMirrors(template, options.mirrorTemplate ?? (template.mirrorTemplateId ? resolve(template.mirrorTemplateId) : undefined), anyMirror, add);

  for (const [n, note] of template.metadata.unverified.entries()) {
    if (!itemIds.has(note.itemId)) add(['metadata', 'unverified', n, 'itemId'], 'unverified_unknown_item', note.itemId);
  }
  return issues;
}

/** Gate rows stack at the very top (a template may carry both kinds); returns how many gates precede index `i`. */
function gatesBefore(items: Item[], i: number): number {
  let count = 0;
  for (let k = 0; k < i; k++) if (items[k]?.gate) count++;
  return count;
}

function* itemsWithPaths(template: Template): Generator<{ item: Item; path: PropertyKey[] }> {
  for (const [s, section] of template.sections.entries()) {
    for (const [i, item] of section.items.entries()) yield { item, path: ['sections', s, 'items', i] };
  }
}

type Add = (path: ReadonlyArray<PropertyKey>, code: Code, arg?: string) => void;

function checkPrevious(template: Template, previous: Template | undefined, anyFrom: boolean, add: Add): void {
  if (template.previousId === undefined) {
    if (anyFrom) add(['previousId'], 'previous_missing');
    return;
  }
  if (template.previousId === template.id) {
    add(['previousId'], 'previous_self');
    return;
  }
  if (!previous) {
    add(['previousId'], 'previous_unknown', template.previousId);
    return;
  }
  if (previous.form !== template.form) add(['previousId'], 'previous_form', previous.form);
  if (previous.fiscalYear >= template.fiscalYear) add(['previousId'], 'previous_fiscal_year');
  const known = new Set(allItems(previous).map((item) => item.id));
  for (const { item, path } of itemsWithPaths(template)) {
    for (const [f, id] of (item.lineage.from ?? []).entries()) {
      if (!known.has(id)) add([...path, 'lineage', 'from', f], 'lineage_unknown', id);
    }
  }
}

function checkMirrors(template: Template, counterpart: Template | undefined, anyMirror: boolean, add: Add): void {
  if (template.form === 'bcp') return;
  if (template.mirrorTemplateId === undefined) {
    if (anyMirror) add(['mirrorTemplateId'], 'mirror_template_missing');
    return;
  }
  if (!counterpart) {
    add(['mirrorTemplateId'], 'mirror_template_unknown', template.mirrorTemplateId);
    return;
  }
  const expected: TemplateForm = template.form === 'facility' ? 'vendor' : 'facility';
  if (counterpart.form !== expected) {
    add(['mirrorTemplateId'], 'mirror_template_form', expected);
    return;
  }
  const known = new Set(allItems(counterpart).map((item) => item.id));
  for (const { item, path } of itemsWithPaths(template)) {
    if (item.mirror !== undefined && !known.has(item.mirror)) add([...path, 'mirror'], 'mirror_unknown', item.mirror);
  }
}

/** Every item of a template in official order (sections, then items). */
export function allItems(template: Template): Item[] {
  return template.sections.flatMap((section) => section.items);
}

/** The item with this id, if the template has one. */
export function findItem(template: Template, itemId: string): Item | undefined {
  for (const section of template.sections) {
    for (const item of section.items) if (item.id === itemId) return item;
  }
  return undefined;
}

/** Whether a cell of an item is 参考 (the whole item is, or this device class is listed in `referenceCells`). */
export function isReferenceCell(item: Item, deviceClass: DeviceClass): boolean {
  return item.reference || (item.referenceCells?.includes(deviceClass) ?? false);
}
