/**
 * subject-line-shape: the shape of `Subject:` lines and subject-line option
 * lists. Sub-checks with their own severity: empty or placeholder-only
 * (warning), too long (info: > maxWords words or > maxChars characters), an
 * ALL-CAPS word not in `acronyms` (warning; a rewrite lower-cases it: template words may be
 * capitals on purpose), `!`
 * (warning, safe fix: remove), repeated `??` / `$$` (warning), a trailing `?`
 * (hint), a first-name placeholder (hint). Case style is never linted.
 */
import { startAt, endAt, type Turn } from '../../read/model';
import type { Fix, Severity } from '../../types';
import { countWords, findPlaceholders, maskPlaceholders } from '../../read/words';
import { OPAQUE } from '../../parse/text-builder';
import type { RuleKind } from './kind';
import { fill, rangeIn, str } from './units';

const PLACEHOLDER_CHARS = 10;
/** One word or a few characters over the length target is not worth a finding (see the rule's rationale). */
const WORDS_OVER = 1;
const CHARS_OVER = 5;
const FIRST_NAME = /^(?:first[ _.-]?name|fname|firstname|contact\.first_?name|name)$/i;

interface Draft {
  a: number;
  b: number;
  severity: Severity;
  key: string;
  fixes?: Fix[];
  fields?: Record<string, string | number>;
}

/** Capitalised words that are pressure whatever their case: the fix removes them instead of lowering them. */
const PRESSURE_WORD = /^(?:URGENT|IMPORTANT|FINAL|REMINDER|ASAP|WARNING|ATTENTION|LAST|HURRY|EXPIRING|DEADLINE)$/;

export const subjectLineShapeKind: RuleKind<null> = {
  name: 'subject-line-shape',
  safeFixesInCode: true,
  compile: () => null,
  check(ctx) {
    const o = ctx.options;
    const acronyms = new Set((o.acronyms as string[]).map((a) => a.toUpperCase()));
    const messages = (o.messages ?? {}) as Record<string, string>;
    for (const turn of ctx.model.turns) {
      if (!turn.contexts.has('subject') || !ctx.inScope(turn)) continue;
      for (const d of checkSubject(turn, (o.maxWords as number), (o.maxChars as number), acronyms)) {
        const r = rangeIn(turn, d.a, d.b);
        ctx.report({ ...r, severity: d.severity, message: fill(str(messages[d.key], ctx.rule.message), d.fields ?? {}), fixes: d.fixes, contexts: turn.contexts });
      }
    }
  },
};

function checkSubject(turn: Turn, maxWords: number, maxChars: number, acronyms: Set<string>): Draft[] {
  const u = turn.unit;
  const text = u.text;
  let a = turn.a;
  let b = turn.b;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  // Quoted subject options: "Reno pick errors"
  if (b - a >= 2 && /^["“]/.test(text[a]) && /["”]$/.test(text[b - 1])) {
    a++;
    b--;
  }
  const s = text.slice(a, b);
  const out: Draft[] = [];
  const masked = maskPlaceholders(s);
  const placeholders = findPlaceholders(s);
  if (s.trim() === '' || masked.replace(/[\uFFFC\s\p{P}]/gu, '') === '') {
    // `**Subject**: \`Quick question\`` writes the subject as code: it is there, just not readable here.
    if (placeholders.length === 0 && s.includes(OPAQUE)) return [];
    if (s.trim() !== '') return [{ a, b, severity: 'warning', key: 'empty' }];
    // "Subject:" with nothing after it: point at the label.
    const ls = text.lastIndexOf('\n', turn.a - 1) + 1;
    let le = turn.a;
    while (le > ls && /\s/.test(text[le - 1])) le--;
    return le > ls ? [{ a: ls, b: le, severity: 'warning', key: 'empty' }] : [];
  }
  // A reply or a forward keeps the thread's subject: its length was set by the first email, and the reply cannot shorten it.
  const reply = /^\s*(?:re|fwd?|fw)\s*:/i.test(s);
  const words = countWords(s);
  // A placeholder becomes a name or a company of about ten characters, whatever its own length.
  const chars = s.length + placeholders.reduce((n, p) => n + PLACEHOLDER_CHARS - p.length, 0);
  if (!reply && (words > maxWords + WORDS_OVER || chars > maxChars + CHARS_OVER)) out.push({ a, b, severity: 'info', key: 'long', fields: { words, chars, maxWords, maxChars } });
  for (const m of masked.matchAll(/\b[A-Z][A-Z'’]{4,}\b/g)) {
    const w = m[0];
    if (acronyms.has(w.toUpperCase()) || /\d/.test(w)) continue;
    const x = a + m.index!;
    const lower = m.index === 0 ? w[0] + w.slice(1).toLowerCase() : w.toLowerCase();
    const r = rangeIn(turn, x, x + w.length);
    const fixes: Fix[] = [];
    // "URGENT: your audit" is pressure in any case: the word goes, with its colon, and the rest keeps a capital start.
    if (PRESSURE_WORD.test(w)) {
      const tail = /^[ \t]*[:!\-–—]*[ \t]*/.exec(text.slice(x + w.length, b))?.[0] ?? '';
      const y = x + w.length + tail.length;
      if (y < b) {
        const next = m.index === 0 ? text[y].toUpperCase() : text[y];
        fixes.push({ title: `Remove “${w}”`, kind: 'rewrite', snippet: false, edits: [{ ...rangeIn(turn, x, y + 1), text: next }] });
      }
    } else fixes.push({ title: `Write “${w}” as “${lower}”`, kind: 'rewrite', snippet: false, edits: [{ ...r, text: lower }] });
    out.push({ a: x, b: x + w.length, severity: 'warning', key: 'caps', fields: { word: w }, fixes });
  }
  for (const m of masked.matchAll(/!+/g)) {
    const x = a + m.index!;
    const y = x + m[0].length;
    const atEnd = y === b;
    // The spaces before the marks go with them ("Gentle reminder !! Status" keeps one space).
    let from = x;
    while (from > a && text[from - 1] === ' ') from--;
    // Mid-subject "Big news! Reno…" becomes "Big news — Reno…"; a final "!" is dropped.
    const edit = { start: startAt(u, from), end: endAt(u, y - 1), text: !atEnd && text[y] === ' ' ? ' —' : '' };
    out.push({ a: x, b: y, severity: 'warning', key: 'exclamation', fixes: [{ title: 'Remove the exclamation mark', kind: 'safe', snippet: false, edits: [edit] }] });
  }
  for (const m of masked.matchAll(/\?{2,}|\${2,}/g)) out.push({ a: a + m.index!, b: a + m.index! + m[0].length, severity: 'warning', key: 'punctuation', fields: { marks: m[0] } });
  if (/\?$/.test(s) && !/\?{2,}$/.test(s)) out.push({ a: b - 1, b, severity: 'hint', key: 'question' });
  for (const p of placeholders) if (FIRST_NAME.test(p.name.trim())) out.push({ a: a + p.index, b: a + p.index + p.length, severity: 'hint', key: 'first-name' });
  return out;
}
