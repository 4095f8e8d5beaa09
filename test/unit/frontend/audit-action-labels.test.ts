import path from 'node:path';
import { AUDIT_ACTIONS } from '@mcr/contract';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../../../frontend/src/features/audit/action-labels.ts';

/**
 * The 操作履歴 page names every action the backend records, in Japanese and English (issue 12 item 5): the label
 * table is typed over the contract's AUDIT_ACTIONS, and every audit item the data layer writes takes its action
 * from that list. This test checks both ends at run time: the labels, and the actions at each `auditItem` call,
 * read with the type checker (a literal, a union of literals, or a parameter typed by the list).
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every action an `auditItem(db, scope, actor, { action, … })` call in the data layer can write, with where. */
function actionsWrittenByTheBackend(): { actions: Map<string, string[]>; notLiteral: string[] } {
  const configPath = path.join(REPO, 'packages/data/tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error('cannot read packages/data/tsconfig.json');
  // Without the project references: '@mcr/contract' resolves to its sources, never to a stale build.
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true, composite: false } });
  const checker = program.getTypeChecker();
  const actions = new Map<string, string[]>();
  const notLiteral: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(path.join(REPO, 'packages/data/src'))) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'auditItem') {
        const where = `${path.relative(REPO, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const entry = node.arguments[3];
        const prop =
          entry && ts.isObjectLiteralExpression(entry)
            ? entry.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'action')
            : undefined;
        let type: ts.Type | undefined;
        if (prop && ts.isPropertyAssignment(prop)) type = checker.getTypeAtLocation(prop.initializer);
        else if (prop && ts.isShorthandPropertyAssignment(prop)) {
          const symbol = checker.getShorthandAssignmentValueSymbol(prop);
          type = symbol && checker.getTypeOfSymbolAtLocation(symbol, prop);
        }
        const parts = type ? (type.isUnion() ? type.types : [type]) : [];
        if (parts.length === 0 || parts.some((t) => !t.isStringLiteral())) notLiteral.push(`${where}: ${type ? checker.typeToString(type) : 'no action'}`);
        for (const t of parts) if (t.isStringLiteral()) actions.set(t.value, [...(actions.get(t.value) ?? []), where]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { actions, notLiteral };
}

describe('audit action labels', () => {
  it('name every action of the contract’s list, and nothing else', () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it.each(AUDIT_ACTIONS)('%s has a Japanese and an English name, not its code', (action) => {
    const label = auditActionLabel(action);
    expect(label).toBe(AUDIT_ACTION_LABELS[action]);
    expect(label.ja).toMatch(JAPANESE);
    expect(label.en).toMatch(/^[A-Z][\x20-\x7e’]+$/);
    expect(label.en).not.toBe(action);
  });

  it('tells the actions apart: no two share a name in either language', () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(new Set(labels.map((l) => l.ja)).size).toBe(labels.length);
    expect(new Set(labels.map((l) => l.en)).size).toBe(labels.length);
  });

  it('shows an action it does not know (an older entry) as recorded, and no inherited property as a name', () => {
    expect(auditActionLabel('legacy.action')).toEqual({ ja: 'legacy.action', en: 'legacy.action' });
    expect(auditActionLabel('toString')).toEqual({ ja: 'toString', en: 'toString' });
  });

  it('covers every action a write of the backend records: each audit item’s action is one of the list', { timeout: 120_000 }, () => {
    const { actions, notLiteral } = actionsWrittenByTheBackend();
    expect(notLiteral, 'audit items whose action is not a known literal').toEqual([]);
    // 18 files write audit entries today; a scan that found few calls would prove nothing.
    expect([...actions.values()].flat().length).toBeGreaterThanOrEqual(40);
    const known = new Set<string>(AUDIT_ACTIONS);
    for (const [action, where] of actions) {
      expect(known.has(action), `${action} (${where.join(', ')}) is not in AUDIT_ACTIONS`).toBe(true);
      expect(auditActionLabel(action).en, action).not.toBe(action);
    }
    // Nor is the list longer than what is written: a label nothing can show would hide a renamed action.
    expect([...actions.keys()].sort()).toEqual([...AUDIT_ACTIONS].sort());
    // Spot checks that the checker resolved literals, templates and parameters, not only the full list.
    expect(actions.get('response.submit')).toEqual([expect.stringContaining('repositories/campaigns.ts')]);
    expect(actions.get('campaign.status.archived')).toEqual(expect.arrayContaining([expect.stringContaining('campaign-lifecycle.ts')]));
    expect(actions.get('user.disable')).toEqual(expect.arrayContaining([expect.stringContaining('organisations.ts')]));
  });
});
