/**
 * The proof behind every quick fix (run by test/fixes/fix-proof.test.ts): a fix is applied to a text where its rule
 * fires and the result is checked. A fix passes when the fixed text
 *   (a) no longer triggers the rule at that place,
 *   (b) triggers no new finding at warning or error level,
 *   (c) has no punctuation or capitalisation slip the original lines did not
 *       have (doubled or orphaned marks, a lower-case sentence start,
 *       unbalanced brackets or quotes, a double space),
 *   (d) keeps the Markdown structure (headings, lists, code, quotes, tables),
 *   (e) fits its place: no "I'm writing" spoken on a call, no "thanks for
 *       picking up" left on a voicemail, a subject line within its length.
 *
 * Cases come from every invalid rule example and from every true finding of the
 * labelled evaluation set (eval/labels, read in place: corpus text is never
 * copied into the project).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Nodes } from 'mdast';
import { BUILTIN_RULES, applyEdits, baseConfig, lineOf, lintText, snippetToPlainText, type EffectiveConfig, type Finding, type Fix, type TextEdit } from '../server/src/engine';
import { applyRules } from '../server/src/engine/config/config';
import type { RuleSetting } from '../server/src/engine/config/config-types';
import { parseMarkdown } from '../server/src/engine/parse/parse';
import { buildModel, endAt, startAt } from '../server/src/engine/read/model';
import { placeOf } from '../server/src/engine/fixes/place';
import { parseLabels, splitLines, driftedRows } from './eval-score';

const ROOT = resolve(__dirname, '..');
export const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');

export interface FixCase {
  rule: string;
  /** Where the text comes from: `example 2` or `eval drafts/x.md:4`. */
  origin: string;
  text: string;
  config: EffectiveConfig;
  today?: string;
  finding: Finding;
  fix: Fix;
  fixIndex: number;
  /** Whether the text may be shown in the docs (rule examples only). */
  showable: boolean;
}

export interface FixOutcome {
  case: FixCase;
  fixed: string;
  failures: string[];
}

/** Every (finding, fix) of `rule` in `text`. */
function casesIn(text: string, rule: string, origin: string, config: EffectiveConfig, today: string | undefined, showable: boolean, keep: (f: Finding) => boolean = () => true): FixCase[] {
  const out: FixCase[] = [];
  for (const finding of lintText(text, { rules: BUILTIN_RULES, config, today }).findings) {
    if (finding.ruleId !== rule || !keep(finding)) continue;
    // "Disable this rule for this line" only hides the finding; it is no rewrite to prove.
    finding.fixes.forEach((fix, fixIndex) => fix.kind !== 'suppress' && out.push({ rule, origin, text, config, today, finding, fix, fixIndex, showable }));
  }
  return out;
}

/** An example's config on top of the recommended preset (as the rule-example tests build it). */
function configFrom(raw: { rules?: Record<string, RuleSetting>; customRules?: unknown[] } | undefined): EffectiveConfig {
  const c = baseConfig(BUILTIN_RULES, 'recommended');
  applyRules(c, raw?.rules);
  for (const r of raw?.customRules ?? []) c.customRules.push(r as never);
  return c;
}

export function exampleCases(): FixCase[] {
  const out: FixCase[] = [];
  for (const rule of BUILTIN_RULES) {
    (rule.examples?.invalid ?? []).forEach((ex, i) => {
      out.push(...casesIn(ex.text, rule.id, `example ${i + 1}`, configFrom(ex.config as never), ex.today, true));
    });
  }
  return out;
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') s.push(i + 1);
  return s;
}

/**
 * True findings of the evaluation set: a finding of a rule the label requires
 * (not a `?rule`) starting on the labelled line or inside its message.
 */
export function evalCases(): { cases: FixCase[]; files: number; skipped: string[] } {
  const rows = [
    ...parseLabels(readFileSync(join(ROOT, 'eval', 'labels', 'corpus.tsv'), 'utf8'), 'corpus'),
    ...parseLabels(readFileSync(join(ROOT, 'eval', 'labels', 'drafts.tsv'), 'utf8'), 'drafts'),
  ];
  const byFile = new Map<string, typeof rows>();
  for (const r of rows) byFile.set(`${r.source}:${r.path}`, [...(byFile.get(`${r.source}:${r.path}`) ?? []), r]);
  const config = baseConfig(BUILTIN_RULES, 'recommended');
  const cases: FixCase[] = [];
  const skipped: string[] = [];
  let files = 0;
  for (const [key, fileRows] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const first = fileRows[0];
    const abs = first.source === 'corpus' ? join(CORPUS, first.path) : join(ROOT, 'eval', 'drafts', first.path);
    if (!existsSync(abs)) {
      skipped.push(key);
      continue;
    }
    const text = readFileSync(abs, 'utf8');
    const drifted = driftedRows(fileRows, splitLines(text));
    const kept = fileRows.filter((r) => !drifted.includes(r) && r.expected.length > 0);
    if (!kept.length) continue;
    files++;
    const starts = lineStarts(text);
    const wanted = (f: Finding) => {
      const line = lineOf(starts, f.start) + 1;
      return kept.some((r) => line >= r.line && line <= r.end && r.expected.some((e) => e.rule === f.ruleId));
    };
    for (const rule of new Set(kept.flatMap((r) => r.expected.map((e) => e.rule)))) {
      cases.push(...casesIn(text, rule, `eval ${first.source}/${first.path}`, config, undefined, false, wanted));
    }
  }
  return { cases, files, skipped };
}

/** Applies one fix the way an editor does (snippets as readable `[bracketed]` text). */
export function applyFix(text: string, fix: Fix): { text: string; edits: TextEdit[] } {
  const plain = fix.edits.map((e) => ({ ...e, text: fix.snippet ? snippetToPlainText(e.text) : e.text }));
  const { text: fixed, applied } = applyEdits(text, plain);
  return { text: fixed, edits: applied };
}

/** Where an original offset lands in the fixed text (inside an edit: its start). */
function mapOffset(edits: readonly TextEdit[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of edits) {
    if (offset < e.start || (offset === e.start && side === 'start')) break;
    if (offset < e.end || (offset === e.end && side === 'end' && e.start === e.end)) return e.start + delta + (side === 'end' ? e.text.length : 0);
    delta += e.text.length - (e.end - e.start);
  }
  return offset + delta;
}

const wordsOf = (text: string) => /\p{L}/u.test(text);

/** Where an edit's inserted text runs in the fixed text, from its first letter to its last (the punctuation it sets around them belongs to its neighbours). */
function insertedWords(edits: readonly TextEdit[], e: TextEdit): [number, number] {
  const at = mapOffset(edits, e.start, 'start');
  return [at + e.text.search(/\p{L}/u), at + e.text.search(/\p{L}[^\p{L}]*$/u) + 1];
}

const overlaps = (a: number, b: number, c: number, d: number) => (a < d && c < b) || (a === c && b === d) || (a === b && a >= c && a <= d) || (c === d && c >= a && c <= b);
// Case left out: a fix that deletes the start of a sentence capitalises the next word, and the quoted match with it.
const messageKey = (f: Finding) => `${f.ruleId}\u0000${f.message.toLowerCase().replace(/\d[\d,.]*/g, '#')}`;
const RANK: Record<string, number> = { hint: 0, info: 1, warning: 2, error: 3 };
/** Two findings offer the same repairs (the disable-for-line action aside): they are one problem, however each is worded. */
const sameRepairs = (a: Finding, b: Finding) => {
  const titles = (f: Finding) => (f.fixes ?? []).filter((x) => x.kind !== 'suppress').map((x) => x.title).join('\n');
  return titles(a) !== '' && titles(a) === titles(b);
};

export interface PunctuationIssue {
  kind: string;
  at: number;
}

/** A sentence-start check must skip abbreviations and ellipses. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|vs|approx|a\.m|p\.m|Mr|Ms|Mrs|Dr|St|No|cf)\.|\.\.\.|…)$/i;
const LINE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d+[.)][ \t]+)?(?:#{1,6}[ \t]+)?(?:\*\*[^*\n]{1,40}:?\*\*:?[ \t]*)?/;

/**
 * Punctuation and capitalisation slips in `text`, with their offsets. Inline code
 * and link targets are blanked first; they are not prose.
 */
export function punctuationIssues(text: string): PunctuationIssue[] {
  const t = text.replace(/`[^`\n]*`/g, (m) => 'x'.repeat(m.length)).replace(/\]\([^)\s]*\)/g, (m) => ']' + 'x'.repeat(m.length - 1)).replace(/https?:\/\/\S+/g, (m) => 'x'.repeat(m.length));
  const out: PunctuationIssue[] = [];
  const add = (kind: string, re: RegExp) => {
    for (const m of t.matchAll(re)) out.push({ kind, at: m.index ?? 0 });
  };
  add('doubled period', /(?<![.…])\.\.(?![.…])/g);
  add('doubled marks', /[,;:][ \t]*[.,;:!?](?![.\w])|[!?][ \t]*[.,;:](?!\.)|(?<![.\w]\.\w?|\.\.)\.[ \t]*[,;:!?]|,[ \t]*,/g);
  add('dash before a mark', /[—–][ \t]*[.,;:!?]/g);
  add('orphan dash', /[—–][ \t]*$|^[ \t]*[—–][ \t]|[.!?:;,][ \t]+[—–][ \t]/gm);
  add('orphan comma', /^[ \t]*[,;](?=[ \t])|(?<=[.!?])[ \t]+[,;]/gm);
  add('space before a mark', /(?<=[\p{L}\p{N}\])])[ \t]+[,.;:!?](?=[ \t]|$)/gmu);
  add('double space', /(?<=\S)[ \t]{2,}(?=\S)/g);
  // Lower-case start: at a line's start (after Markdown prefixes) or after . ! ? and a space.
  let lineStart = 0;
  for (const line of t.split('\n')) {
    const prefix = LINE_PREFIX.exec(line)?.[0] ?? '';
    const body = line.slice(prefix.length);
    if (/^\p{Ll}/u.test(body) && /^[ \t]*(?:>|\*\*)/.test(line) && !/^\p{Ll}\S*[.:]\S/u.test(body)) out.push({ kind: 'lower-case start', at: lineStart + prefix.length });
    for (const m of body.matchAll(/(?<=[.!?]["”’)]?)[ \t]+(\p{Ll})/gu)) {
      const before = body.slice(0, m.index ?? 0);
      if (ABBREVIATION.test(before) || /\.\w+$/.test(before)) continue;
      out.push({ kind: 'lower-case start', at: lineStart + prefix.length + (m.index ?? 0) });
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** Counts of brackets and quotes that must pair up, by kind; nonzero means unbalanced. */
export function imbalance(text: string): Record<string, number> {
  const n = (re: RegExp) => (text.match(re) ?? []).length;
  return {
    'unbalanced ( )': n(/\(/g) - n(/\)/g),
    'unbalanced [ ]': n(/\[/g) - n(/\]/g),
    'unbalanced “ ”': n(/“/g) - n(/”/g),
    'unbalanced "': n(/"/g) % 2,
    'unbalanced { }': n(/\{/g) - n(/\}/g),
    'snippet syntax left in the text': n(/\$\{\d|\$\d/g),
  };
}

/** Markdown structure: how many of each block node the text parses into. */
export function markdownShape(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (n: Nodes) => {
    if (['heading', 'list', 'listItem', 'code', 'blockquote', 'table', 'thematicBreak', 'html'].includes(n.type)) counts[n.type] = (counts[n.type] ?? 0) + 1;
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(parseMarkdown(text).tree);
  return counts;
}

/** The lines that hold [from, to) (whole lines). */
function linesAround(text: string, from: number, to: number): string {
  const a = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
  let b = text.indexOf('\n', to);
  if (b < 0) b = text.length;
  return text.slice(from === 0 ? 0 : a, b);
}

const tally = (issues: readonly { kind: string }[]) => {
  const m = new Map<string, number>();
  for (const i of issues) m.set(i.kind, (m.get(i.kind) ?? 0) + 1);
  return m;
};

/** Words that do not belong in a channel, checked in the fixed lines only when the original lines did not have them. */
const OFF_CHANNEL: Record<string, RegExp> = {
  voicemail: /\b(?:thanks? (?:you )?for (?:picking up|taking my call|answering)|I(?:'m| am) (?:writing|emailing)|this (?:email|note)|(?:below|attached)\b|reply to this|do you have (?:a minute|30 seconds))/i,
  call: /\b(?:I(?:'m| am) (?:writing|emailing)|this (?:email|note)\b|see (?:below|attached)|reply to this|leave (?:me )?a message)/i,
  email: /\b(?:thanks? for picking up|the reason for my call|I(?:'m| am) calling)\b/i,
};

/** Text to an existing customer; "our renewal process" in a pitch to a prospect is not. */
const CUSTOMER_TEXT = /\b(?:(?<!\bour )renewal(?! process)|renew|your (?:contract|subscription|licen[cs]es?|seats)|as (?:a|our) customer|existing customers?)\b/i;

/** The channel of the turn where an offset lands. */
function channelAt(text: string, offset: number): { channel: string; stage: string } {
  const model = buildModel(text);
  // The turn itself, not just its unit: a plain block holds a subject line and a body.
  const turn =
    model.turns.find((t) => t.b > t.a && offset >= startAt(t.unit, t.a) && offset <= endAt(t.unit, t.b - 1)) ?? model.turns.find((t) => offset >= t.unit.start && offset <= t.unit.end);
  if (turn) return { channel: turn.channel, stage: placeOf(turn, text, model.frontMatter).stage };
  return { channel: 'none', stage: 'cold' };
}

/** Applies the case's fix and returns what the proof finds wrong with the result. */
export function checkFix(c: FixCase): FixOutcome {
  const failures: string[] = [];
  const { text: fixed, edits } = applyFix(c.text, c.fix);
  if (fixed === c.text) return { case: c, fixed, failures: ['the fix changes nothing'] };
  const before = lintText(c.text, { rules: BUILTIN_RULES, config: c.config, today: c.today }).findings;
  const after = lintText(fixed, { rules: BUILTIN_RULES, config: c.config, today: c.today }).findings;
  const ms = mapOffset(edits, c.finding.start, 'start');
  const me = Math.max(ms, mapOffset(edits, c.finding.end, 'end'));
  // Match every finding after the fix to one before it (same rule and message shape, overlapping once mapped).
  const pool = before.filter((f) => f !== c.finding && !(f.ruleId === c.finding.ruleId && f.start === c.finding.start && f.end === c.finding.end && f.message === c.finding.message));
  const used = new Set<number>();
  for (const f of after) {
    const i = pool.findIndex((p, k) => !used.has(k) && messageKey(p) === messageKey(f) && RANK[p.severity] >= RANK[f.severity] && overlaps(mapOffset(edits, p.start, 'start'), mapOffset(edits, p.end, 'end'), f.start, f.end));
    if (i >= 0) {
      used.add(i);
      continue;
    }
    // A message that was already over a measured target, read differently once the fix names it (a first
    // touch, a follow-up): its target changed, the problem is not new.
    const remeasured = pool.findIndex((p, k) => !used.has(k) && p.ruleId === f.ruleId && p.metrics?.words !== undefined && f.metrics?.words !== undefined && overlaps(mapOffset(edits, p.start, 'start'), mapOffset(edits, p.end, 'end'), f.start, f.end));
    if (remeasured >= 0) {
      used.add(remeasured);
      continue;
    }
    // The same problem told in other words once the fix changed the text ("call me back" without a reason, a tease,
    // becomes a voicemail with no reason): same rule, severity and place, and the same repairs offered for it.
    const restated = pool.findIndex((p, k) => !used.has(k) && p.ruleId === f.ruleId && p.severity === f.severity && sameRepairs(p, f) && overlaps(mapOffset(edits, p.start, 'start'), mapOffset(edits, p.end, 'end'), f.start, f.end));
    if (restated >= 0) {
      used.add(restated);
      continue;
    }
    // The fix answers the phrase; the sentence model may still read the move in the words the fix left, and says so on
    // its own as information. In the fix's own words it must never read it.
    if (f.basis === 'sentence' && !edits.some((e) => wordsOf(e.text) && overlaps(...insertedWords(edits, e), f.start, f.end))) continue;
    if (f.ruleId === c.rule && overlaps(ms, me, f.start, f.end)) failures.push(`(a) still triggers ${f.ruleId}: ${f.message}`);
    else if (RANK[f.severity] >= RANK.warning) failures.push(`(b) new ${f.severity} ${f.ruleId}: ${f.message}`);
  }
  // (c) punctuation in the lines the fix touched, against the same lines before.
  const first = edits[0];
  const last = edits[edits.length - 1];
  const beforeLines = linesAround(c.text, first.start, last.end);
  const afterLines = linesAround(fixed, mapOffset(edits, first.start, 'start'), mapOffset(edits, last.end, 'end'));
  const was = tally(punctuationIssues(beforeLines));
  for (const [kind, n] of tally(punctuationIssues(afterLines))) if (n > (was.get(kind) ?? 0)) failures.push(`(c) ${kind}`);
  const ib = imbalance(beforeLines);
  for (const [kind, n] of Object.entries(imbalance(afterLines))) if (Math.abs(n) > Math.abs(ib[kind])) failures.push(`(c) ${kind}`);
  // (d) Markdown structure.
  const shapeBefore = markdownShape(c.text);
  const shapeAfter = markdownShape(fixed);
  // A fix that adds a section adds its own blocks; everything that was there stays.
  const addsSection = edits.some((e) => /(?:^|\n)[ \t]*#{1,6} /.test(e.text));
  const shapeAdded = addsSection ? markdownShape(edits.map((e) => e.text.trim()).join('\n\n')) : {};
  for (const k of new Set([...Object.keys(shapeBefore), ...Object.keys(shapeAfter)])) {
    const want = (shapeBefore[k] ?? 0) + (shapeAdded[k] ?? 0);
    if ((shapeAfter[k] ?? 0) !== want) failures.push(`(d) ${k}: ${shapeBefore[k] ?? 0} → ${shapeAfter[k] ?? 0}`);
  }
  // (e) the rewrite fits its place.
  const place = channelAt(c.text, c.finding.start);
  const off = OFF_CHANNEL[place.channel];
  if (off && off.test(afterLines) && !off.test(beforeLines)) failures.push(`(e) words that do not belong in a ${place.channel}: ${off.exec(afterLines)?.[0]}`);
  // The document's own facts instead of blanks, and no cold wording to a customer.
  // Within 1,500 characters and the same section, or the same pasted email ("---" between emails): another
  // voicemail's number is not this one's, nor is the next email's renewal this one's customer.
  const sectionStart = Math.max(c.text.lastIndexOf('\n#', c.finding.start), c.text.lastIndexOf('\n---\n', c.finding.start)) + 1;
  const ends = [c.text.indexOf('\n#', c.finding.end), c.text.indexOf('\n---\n', c.finding.end)].filter((i) => i >= 0);
  const nextHeading = ends.length ? Math.min(...ends) : -1;
  const near = c.text.slice(Math.max(sectionStart, c.finding.start - 1500), Math.min(nextHeading < 0 ? c.text.length : nextHeading, c.finding.end + 1500));
  const added = (re: RegExp) => (afterLines.match(re) ?? []).length > (beforeLines.match(re) ?? []).length;
  if (/\d{3}[\s.-]\d{4}\b/.test(near) && added(/\{\{\s*rep_phone\s*\}\}|\[Rep Phone\]|\[(?:your )?(?:phone|number)\]/gi)) failures.push('(e) a blank for the number the voicemail already says');
  const greetingName = /(?:^|\n)[ \t>*]*(?:hi|hello|hey|dear)[ \t]+(\p{Lu}\p{Ll}+)[ \t]*[,!—]/u.exec(near)?.[1];
  if (greetingName && !/^(?:There|Team|All)$/.test(greetingName) && added(/\{\{\s*first_name\s*\}\}|\[(?:First Name|Name)\]/g)) failures.push(`(e) a blank for the name the greeting already says (${greetingName})`);
  // A page that calls itself a cold call talks of the buyer's renewal with someone else ("Cold call – minibus lease renewal").
  if (CUSTOMER_TEXT.test(near) && !/\bcold[- ]?call/i.test(near) && added(/\bI noticed\b[^.\n]*\[trigger event\]|\bthis is a cold call\b|\bI came across\b/gi)) failures.push('(e) cold-outreach wording in a note to an existing customer');
  const greetingAt = /^[ \t>*]*(?:\*\*[^*]+\*\*:?[ \t]*)?(?:hi|hello|hey|dear)\b/gim;
  if ((beforeLines.match(greetingAt) ?? []).length > (afterLines.match(greetingAt) ?? []).length) failures.push('(c) the greeting is lost');
  if (place.channel === 'subject') {
    // A placeholder counts as ten characters, as subject-line-shape counts it.
    const subjectOf = (line: string) => line.replace(/^.*?subject(?:\*\*)?\s*:?\s*(?:\*\*)?\s*/i, '').replace(/\[[^\]]*\]|\{\{[^}]*\}\}/g, 'x'.repeat(10));
    const subject = subjectOf(afterLines);
    // A fix of one thing in a subject that is already long or runs on (another finding) may leave it so, not make it worse.
    const breaks = (t: string) => /[.!?]\s+\S/.test(t);
    if (subject.length > Math.max(45, subjectOf(beforeLines).length) || (breaks(subject) && !breaks(subjectOf(beforeLines)))) failures.push(`(e) not a subject line: ${subject.length} characters`);
  }
  return { case: c, fixed, failures };
}

/** One row of a rule's before/after table in docs/rules.md. */
export interface RewriteRow {
  /** Where the text is: "email", "subject line", "voicemail", "call", "message", with "to a customer" or "reply" when the message shows it. */
  where: string;
  fix: string;
  kind: string;
  before: string;
  after: string;
}

export const REWRITES_FILE = join(ROOT, 'docs', 'rewrites.json');
const ROWS_PER_RULE = 14;
const STAGE_WORDS: Record<string, string> = { customer: ' to a customer', reply: ' reply' };
const CHANNEL_WORDS: Record<string, string> = { email: 'email', subject: 'subject line', voicemail: 'voicemail', call: 'call', message: 'message', none: 'playbook' };

/** The lines a fix touched, before and after, one line each (Markdown line breaks shown as ⏎). */
function touched(c: FixCase, fixed: string): { before: string; after: string } {
  const { edits } = applyFix(c.text, c.fix);
  const first = edits[0];
  const last = edits[edits.length - 1];
  const oneLine = (s: string) => s.replace(/^\n+|\n+$/g, '').replace(/\n+/g, ' ⏎ ');
  return {
    before: oneLine(linesAround(c.text, first.start, last.end)),
    after: oneLine(linesAround(fixed, mapOffset(edits, first.start, 'start'), mapOffset(edits, last.end, 'end'))),
  };
}

/**
 * The before/after table of every rule with fixes, from its invalid examples:
 * every fix offered (best first) on the first example of each place (channel
 * and stage), up to fourteen rows. Only fixes that pass the
 * proof are shown; the proof test fails on any other.
 */
export function rewriteTables(outcomes: readonly FixOutcome[] = exampleCases().map(checkFix)): Record<string, RewriteRow[]> {
  const out: Record<string, RewriteRow[]> = {};
  for (const rule of BUILTIN_RULES) {
    const mine = outcomes.filter((o) => o.case.rule === rule.id && o.case.showable && o.failures.length === 0);
    if (!mine.length) continue;
    const rows: RewriteRow[] = [];
    const seen = new Set<string>();
    const byExample = new Map<string, FixOutcome[]>();
    for (const o of mine) byExample.set(o.case.origin, [...(byExample.get(o.case.origin) ?? []), o]);
    for (const group of byExample.values()) {
      const place = channelAt(group[0].case.text, group[0].case.finding.start);
      const where = (CHANNEL_WORDS[place.channel] ?? place.channel) + (STAGE_WORDS[place.stage] ?? '');
      // One example per place, so the table shows each channel and stage the examples cover.
      if (rows.length >= ROWS_PER_RULE || seen.has(where)) continue;
      seen.add(where);
      for (const o of group) {
        if (rows.length >= ROWS_PER_RULE) break;
        const t = touched(o.case, o.fixed);
        if (rows.some((r) => r.before === t.before && r.after === t.after)) continue;
        rows.push({ where, fix: o.case.fix.title, kind: o.case.fix.kind, ...t });
      }
    }
    out[rule.id] = rows;
  }
  return out;
}

export function renderRewritesJson(tables: Record<string, RewriteRow[]> = rewriteTables()): string {
  return JSON.stringify(tables, null, 2) + '\n';
}

if (require.main === module) {
  const json = renderRewritesJson();
  const current = existsSync(REWRITES_FILE) ? readFileSync(REWRITES_FILE, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== json) {
      process.stderr.write('docs/rewrites.json is out of date; run `npm run rules:rewrites`.\n');
      process.exit(1);
    }
  } else if (current !== json) {
    writeFileSync(REWRITES_FILE, json);
    process.stdout.write('wrote docs/rewrites.json\n');
  }
}
