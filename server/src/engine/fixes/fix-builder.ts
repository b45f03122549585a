/**
 * Turns a rule's fix templates into concrete edits on the original text.
 * A fix whose range would cut through Markdown markup is not offered: a fix
 * must never corrupt the document.
 */
import { startAt, endAt, type Turn } from '../read/model';
import type { FixTemplate } from '../rules/rule-types';
import { isSnippet, toPlaceholderStyle } from './snippets';
import type { Fix, TextEdit } from '../types';
import { countWords, sentenceAt, type PlaceholderStyle } from '../read/words';

const MARKUP = /[*_`[\]<>~|\\]/;
const LEADING_CLAUSE_TAIL = /^\s*(?:,|;|:|—|–|-{1,2}|\.\.\.|…)\s*(?:(?:but|and|so)\s+)?/i;

export interface FixSite {
  turn: Turn;
  /** Match range in unit text. */
  a: number;
  b: number;
  placeholderStyle: PlaceholderStyle;
  /** The whole original document. */
  source: string;
}

export function buildFixes(templates: readonly FixTemplate[] | undefined, site: FixSite): Fix[] {
  const fixes: Fix[] = [];
  for (const t of templates ?? []) {
    if (t.contexts && !t.contexts.some((c) => site.turn.contexts.has(c))) continue;
    if (t.matching && !new RegExp(t.matching, 'iu').test(site.turn.unit.text.slice(site.a, site.b))) continue;
    const edits = editsFor(t, site);
    if (!edits) continue;
    fixes.push({ title: t.title, kind: t.kind, snippet: edits.some((e) => isSnippet(e.text)), edits });
  }
  return fixes;
}

function editsFor(t: FixTemplate, site: FixSite): TextEdit[] | undefined {
  const { turn, a, b } = site;
  const u = turn.unit;
  const text = u.text;
  const orig = (x: number, y: number) => ({ start: startAt(u, x), end: endAt(u, y - 1) });
  const template = t.text !== undefined ? toPlaceholderStyle(t.text, site.placeholderStyle) : '';
  const source = site.source;
  const clean = (start: number, end: number) => !MARKUP.test(source.slice(start, end));

  switch (t.action) {
    case 'delete-leading-clause': {
      const s = sentenceAt(text, turn.a, turn.b, a);
      if (s.a !== a) return undefined;
      const tail = LEADING_CLAUSE_TAIL.exec(text.slice(b, s.b));
      if (tail && tail[0].length > 0 && /[,;:—–\-.…]/.test(tail[0])) {
        const next = b + tail[0].length;
        if (next >= s.b || countWords(text.slice(next, s.b)) < (t.minWordsAfter ?? 4)) return undefined;
        const start = startAt(u, a);
        const nextCh = text[next];
        const upper = nextCh.toUpperCase();
        if (upper !== nextCh && source[startAt(u, next)] === nextCh) {
          if (!clean(start, endAt(u, next))) return undefined;
          return [{ start, end: endAt(u, next), text: upper }];
        }
        if (!clean(start, startAt(u, next))) return undefined;
        return [{ start, end: startAt(u, next), text: '' }];
      }
      // The whole sentence is the filler ("Just checking in!") and more follows in the turn: drop the sentence.
      const rest = text.slice(b, s.b);
      if (/^[\s.!?…]*$/.test(rest) && s.b < turn.b) {
        const after = sentenceAt(text, turn.a, turn.b, s.b + 1);
        if (after.a <= s.a || countWords(text.slice(after.a, turn.b)) < (t.minWordsAfter ?? 4)) return undefined;
        const start = startAt(u, a);
        const end = startAt(u, after.a);
        if (!clean(start, end) || /[\r\n]/.test(source.slice(start, end))) return undefined;
        return [{ start, end, text: '' }];
      }
      return undefined;
    }
    case 'delete-match': {
      let x = a;
      let y = b;
      if (text[y] === ' ') y++;
      else if (x > turn.a && text[x - 1] === ' ') x--;
      const r = orig(x, y);
      if (!clean(r.start, r.end)) return undefined;
      return [{ ...r, text: '' }];
    }
    case 'replace-match': {
      const r = orig(a, b);
      if (!clean(r.start, r.end)) return undefined;
      return [{ ...r, text: matchCase(text.slice(a, b), template) }];
    }
    case 'replace-sentence': {
      const s = sentenceAt(text, turn.a, turn.b, a);
      const r = orig(s.a, s.b);
      if (!clean(r.start, r.end)) {
        // Fall back to replacing just the match when the sentence holds markup.
        const m = orig(a, b);
        if (!clean(m.start, m.end)) return undefined;
        return [{ ...m, text: template }];
      }
      return [{ ...r, text: template }];
    }
    case 'insert-after': {
      const at = endAt(u, turn.b - 1);
      return [{ start: at, end: at, text: ' ' + template }];
    }
  }
}

function matchCase(original: string, replacement: string): string {
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}
