/**
 * Applying fixes: minimal edits, sorted, overlapping ones dropped, repeated
 * to a fixpoint by the caller re-linting (textlint's source-code-fixer).
 */
import { snippetToPlainText } from './snippets';
import { TakenSpans } from './taken-spans';
import type { Finding, Fix, TextEdit } from '../types';

/** Applies non-overlapping edits; an edit overlapping an earlier accepted one is skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  const applied: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.end < e.start) continue;
    if (e.start < lastEnd || (e.start === lastEnd && applied.length && applied[applied.length - 1].start === e.start)) continue;
    applied.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let at = 0;
  for (const e of applied) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { text: out + text.slice(at), applied };
}

/** The preferred safe fix of each finding (the first one marked safe). */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.kind === 'safe');
    if (fix) out.push(fix);
  }
  return out;
}

/** Applies whole fixes (all of a fix's edits or none), in order, skipping any that overlap one already taken. */
export function applyFixList(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const taken = new TakenSpans();
  let applied = 0;
  const sorted = [...fixes].sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0));
  for (const fix of sorted) {
    const edits = fix.edits.map((e) => (fix.snippet ? { ...e, text: snippetToPlainText(e.text) } : e));
    if (edits.some((e) => taken.overlaps(e))) continue;
    for (const e of edits) taken.add(e);
    applied++;
  }
  return { text: applyEdits(text, taken.list()).text, applied };
}
