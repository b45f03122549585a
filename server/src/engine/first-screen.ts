/**
 * The top of a long document, linted on its own so the editor can show its
 * findings before the whole file is read (a 5,000-line playbook takes most of
 * a second to parse and read the first time).
 *
 * The text is cut at a heading, at or after `FIRST_SCREEN_LINES`, no deeper
 * than any heading above it but the first (the title), so every section above
 * the cut is whole. Only findings of segment-reach rules are
 * kept: they read a section, the sections above it and the front matter, all
 * of which lie above the cut. Document-reach rules (the playbook's parts,
 * coverage, a discovery bank counted across sections) wait for the full lint.
 * What the document says about itself elsewhere can change a reading: a
 * generic heading ("Questions for the director") is trusted more in a
 * document that shows a message anywhere, so a top that shows none, and would
 * be read otherwise if it did, waits for the full lint; so does a top whose named speakers ("Tom:", "Reception:")
 * have not yet shown which of them is calling. Otherwise, measured,
 * it does not: cut after 30, 60 and 120 lines, the kept findings equal the
 * full lint's within the cut in every file of the shared corpus, the eval
 * drafts and the rule examples (415, 329 and 182 files long enough to cut),
 * and on the 5,000-line benchmark playbook cut at 24 places
 * (test/engine/first-screen.test.ts keeps checking the drafts). The full lint
 * follows at once and replaces them.
 */
import { chunkStarts } from './parse/chunks';
import { lintModel, readDocument, type LintOptions } from './lint';
import { sectionPath, type PlaybookModel, type Turn } from './read/model';
import { readTurns, type DocumentReading } from './read/voice';
import { RULE_KINDS } from './rules/kinds';
import type { ConfigError, Finding } from './types';

/** About one tall editor window, with some margin for a scrolled start. */
export const FIRST_SCREEN_LINES = 120;
/** Shorter documents are linted whole at once: the full lint is quick enough. */
export const LONG_DOCUMENT_LINES = 1500;

export interface FirstScreen {
  /** Offset where the linted top ends (a line start, before a top-level heading). */
  end: number;
  findings: Finding[];
  /** Problems in the front matter's settings (it lies above the cut). */
  configErrors: ConfigError[];
}

/** The offset to cut a long document at, or undefined when it is short or has no top-level heading to cut at early enough. */
export function firstScreenCut(text: string, screen = FIRST_SCREEN_LINES, long = LONG_DOCUMENT_LINES): number | undefined {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && lineStarts.length <= Math.max(long, screen * 4); i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  if (lineStarts.length <= long || lineStarts.length <= screen) return undefined;
  const minStart = lineStarts[screen];
  // Past a few screens, the full lint is nearly as quick as the first screen.
  const limit = lineStarts[Math.min(lineStarts.length - 1, screen * 4)];
  // Headings at chunk starts only: outside fences, raw HTML, front matter and list items.
  let first = true;
  let shallowest = 7;
  for (const at of chunkStarts(text)) {
    if (at > limit) break;
    const m = /^(#{1,6})(?:[ \t]|\r?\n)/.exec(text.slice(at, at + 8));
    if (!m) continue;
    const depth = m[1].length;
    // It closes every section above it, bar the document's first heading (its title, or a section that ends here too).
    if (at >= minStart && depth <= shallowest) return at;
    if (!first) shallowest = Math.min(shallowest, depth);
    first = false;
  }
  return undefined;
}

/** Lints the top of a long document (see the module comment); undefined when it is not worth it. */
export function lintFirstScreen(text: string, options: LintOptions, end = firstScreenCut(text)): FirstScreen | undefined {
  if (end === undefined) return undefined;
  // A file-wide disable comment below the cut would not be seen.
  if (text.includes('playbook-lint-disable-file', end)) return undefined;
  const documentReach = new Set([...options.rules, ...(options.config?.customRules ?? [])].filter((r) => RULE_KINDS.get(r.kind)?.reach === 'document').map((r) => r.id));
  const model = readDocument(text.slice(0, end), options.fileName);
  if (typeof model === 'string' || readingHangsOnTheRest(model)) return undefined;
  const top = lintModel(model, options);
  return { end, findings: top.findings.filter((f) => !documentReach.has(f.ruleId)), configErrors: top.configErrors };
}

/** Two people named by a one-word label take turns and talk to each other ("Tom: Morning! Sorry to trouble you…" / "Reception: What's it regarding?"). */
function namedDialogue(turns: readonly Turn[]): boolean {
  const named = (t: Turn | undefined) => t !== undefined && t.role === 'other' && /^\p{Lu}[\p{L}'’-]*$/u.test(t.label ?? '');
  const talks = (t: Turn) => /\?|\b(?:I|I'm|you|your|we)\b/.test(t.unit.text.slice(t.a, t.b));
  return turns.some((t, i) => named(t) && named(turns[i + 1]) && t.label !== turns[i + 1].label && talks(t) && talks(turns[i + 1]));
}

/** Whether the top would be read otherwise if the rest of the document showed a message (see the module comment). */
function readingHangsOnTheRest(top: PlaybookModel): boolean {
  // A dialogue between named speakers and no caller among them yet: the rest may show who is calling ("Tom: … it's
  // Tom from BrightPath").
  if (!top.reading.callers?.length && namedDialogue(top.turns)) return true;
  if (top.reading.showsMessages) return false;
  const readAs = (reading: DocumentReading) => {
    for (const seg of top.segments) readTurns(seg.units, reading, (s) => sectionPath(top.sections, s));
  };
  const alone = top.turns.map((t) => `${t.voice} ${t.channel}`);
  readAs({ ...top.reading, showsMessages: true });
  const changed = top.turns.some((t, i) => `${t.voice} ${t.channel}` !== alone[i]);
  readAs(top.reading);
  return changed;
}
