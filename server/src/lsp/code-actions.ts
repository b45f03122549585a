/**
 * Quick fixes from `Diagnostic.data` (never re-linting), and the fix-all
 * source action built from the document's latest findings.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TakenSpans, snippetToPlainText, type Finding, type Fix, type TextEdit } from '../engine';
import { FIX_ALL_KIND } from './capabilities';
import { offsetsToRange, positionToOffset } from './conversions';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';

export interface CodeActionOptions {
  snippetEdits: boolean;
  /** Findings of the document's current version, for fix-all; undefined when not at hand (no fix-all action then). */
  findings: readonly Finding[] | undefined;
}

export function codeActionsFor(doc: TextDocument, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) for (const action of quickFixes(doc, diagnostic, options.snippetEdits)) actions.push(action);
  }
  // `source.fixAll.playbookLint` is inside `source.fixAll` and `source`, so it answers those requests too.
  if (wants(FIX_ALL_KIND) && options.findings) {
    const edit = fixAllEdit(doc, options.findings);
    if (edit) actions.push({ title: 'Playbook Lint: Fix all safe problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

/** True when `only` names the fix-all kind or one containing it (`source`, `source.fixAll`). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return !!only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`));
}

function quickFixes(doc: TextDocument, diagnostic: Diagnostic, snippetEdits: boolean): CodeAction[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) return [];
  const data = diagnostic.data;
  // The client shifts the range as the user types elsewhere; shift the edits with it.
  const shift = positionToOffset(doc, diagnostic.range.start) - data.start;
  return data.fixes.map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: i === 0,
    edit: fixToWorkspaceEdit(doc, fix, shift, snippetEdits),
  }));
}

export function fixToWorkspaceEdit(doc: TextDocument, fix: Fix, shift: number, snippetEdits: boolean): WorkspaceEdit {
  const moved = fix.edits.map((e) => ({ start: e.start + shift, end: e.end + shift, text: e.text }));
  if (fix.snippet && snippetEdits) {
    return {
      documentChanges: [{
        textDocument: { uri: doc.uri, version: doc.version },
        edits: moved.map((e) => ({ range: offsetsToRange(doc, e.start, e.end), snippet: { kind: 'snippet' as const, value: e.text } })),
      }],
    };
  }
  const plain = moved.map((e) => toLspEdit(doc, fix.snippet ? { ...e, text: snippetToPlainText(e.text) } : e));
  return { changes: { [doc.uri]: plain } };
}

/**
 * Every finding's preferred safe fix as minimal edits, in one pass: fixes are
 * taken whole, in document order, and one that overlaps an earlier one is
 * dropped (the next lint offers it again). Undefined when nothing is fixable.
 */
export function fixAllEdit(doc: TextDocument, findings: readonly Finding[]): WorkspaceEdit | undefined {
  const fixes = findings.map((f) => f.fixes.find((x) => x.kind === 'safe')).filter((f): f is Fix => !!f && f.edits.length > 0);
  fixes.sort((a, b) => a.edits[0].start - b.edits[0].start);
  const taken = new TakenSpans();
  for (const fix of fixes) {
    const edits = fix.edits.map((e) => (fix.snippet ? { ...e, text: snippetToPlainText(e.text) } : e));
    if (edits.some((e) => taken.overlaps(e))) continue;
    for (const e of edits) taken.add(e);
  }
  const list = taken.list();
  if (list.length === 0) return undefined;
  return { changes: { [doc.uri]: list.map((e) => toLspEdit(doc, e)) } };
}

function toLspEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: offsetsToRange(doc, e.start, e.end), newText: e.text };
}
