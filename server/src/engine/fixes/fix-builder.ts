/**
 * Turns a rule's fix templates into concrete edits on the original text.
 *
 * A rewrite fits its place (fixes/place.ts): templates are chosen by the
 * channel of the turn (spoken words for a call or voicemail, a few words for a
 * subject line) and the stage the message shows, and filled with the facts the
 * message already holds. Edits keep a greeting that shares the sentence, join
 * punctuation (the template's end mark replaces the sentence's) and set the
 * case of the new start. A fix whose range would cut through Markdown markup is
 * not offered: a fix must never corrupt the document. Offered fixes are ordered
 * best first: safe fixes, then rewrites written for this place, then general ones.
 */
import type { FrontMatter } from '../parse/front-matter';
import { startAt, endAt, type Turn } from '../read/model';
import type { FactName, FixTemplate } from '../rules/rule-types';
import { escapeSnippet, isSnippet, toPlaceholderStyle } from './snippets';
import { placeOf, type Facts, type Place } from './place';
import type { Fix, TextEdit } from '../types';
import { countWords, sentenceAt, type PlaceholderStyle } from '../read/words';
import { pointsToEmail, statesReason } from '../read/call-reason';
import { countPhoneNumbers } from '../read/phone-numbers';

const MARKUP = /[*_`[\]<>~|\\]/;
const LEADING_CLAUSE_TAIL = /^\s*(?:,|;|:|—|–|-{1,2}|\.\.\.|…)\s*(?:(?:but|and|so)\s+)?/i;
/**
 * A greeting at the start of a sentence, kept when the sentence is rewritten:
 * "Hi Dana, ", "Hey {{first_name}} — ", "[Name], ", "Morning all! ", "hey dev 👋 " (a texted name and a wave),
 * "Hi there " before the rep's introduction ("Hi there its Declan from Glas Energy, …").
 */
const GREETING = /^(?:(?:(?:hi|hello|hey|hiya|dear|morning|good (?:morning|afternoon|evening))(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|\{\{[^}\n]{1,40}\}\}|\[[^\]\n]{1,40}\]|\{[\w.]{1,30}\}|\*\|\w+\|\*|there|all|team|everyone|again)){0,3}|\{\{[^}\n]{1,40}\}\}|\[(?:First ?Name|Name|Prospect(?: Name)?)\])[ \t]*(?:,|!|—|–|-)|(?:hi|hello|hey|hiya)[ \t]+[\p{L}'’.-]+[ \t]*[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+|(?:hi|hello|hey|hiya|morning)(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|there|all|team|everyone)){0,2}(?=[ \t]+(?:it['’]?s|this is|my name is|I['’]m)\b))[ \t]+/iu;
/** A template's opening vocative, `{{first_name}}, ` (filled or as a placeholder), dropped after a greeting. */
const LEADING_NAME = /^(?:\{\{\s*first_name\s*\}\}|\$\{\d+:Name\}),\s*/;
/** Words that keep their capital after a greeting's comma. */
const KEEPS_CAPITAL = /^(?:I|I'm|I’m|I'll|I’ll|I've|I’ve|I'd|I’d)\b|^\p{Lu}{2,}\b/u;
/** Largest subject a rewrite may write, placeholders counted as ten characters (subject-line-shape's default `maxChars`). */
const SUBJECT_MAX_CHARS = 45;
/** Characters a hand-filled slot or placeholder may hold: `[team]`, `{{first_name}}`, `*|FNAME|*`. */
const SLOT = /\[[^\]\n]{1,60}\](?!\()|\{\{[^}\n]{1,60}\}\}|\*\|[^|\n]{1,30}\|\*|<\p{Lu}[\p{L} _]{1,30}>/gu;

export interface FixSite {
  turn: Turn;
  /** Match range in unit text. */
  a: number;
  b: number;
  placeholderStyle: PlaceholderStyle;
  /** The whole original document. */
  source: string;
  /** The document's front matter (its `stage` and `audience` say who the message is for). */
  frontMatter?: FrontMatter;
  /** For `insert-after`: an original offset from which the inserted text replaces the rest of the turn (a monologue cut to its budget). */
  cutFrom?: number;
}

export function buildFixes(templates: readonly FixTemplate[] | undefined, site: FixSite): Fix[] {
  if (!templates?.length) return [];
  let place: Place | undefined;
  const placeOnce = () => (place ??= placeOf(site.turn, site.source, site.frontMatter));
  const ranked: Array<{ fix: Fix; rank: number; order: number }> = [];
  templates.forEach((t, order) => {
    if (t.contexts && !t.contexts.some((c) => site.turn.contexts.has(c))) return;
    if (t.matching && !new RegExp(t.matching, 'iu').test(site.turn.unit.text.slice(site.a, site.b))) return;
    const p = t.kind === 'rewrite' || t.channels || t.stages || t.requires || t.unlessKnown ? placeOnce() : undefined;
    if (p && !fitsPlace(t, p)) return;
    const edits = editsFor(t, site, p);
    if (!edits) return;
    const fix: Fix = { title: t.title, kind: t.kind, snippet: edits.some((e) => isSnippet(e.text)), edits };
    if (ranked.some((r) => sameEdits(r.fix.edits, edits))) return;
    const rank = t.kind === 'safe' ? 0 : t.stages ? 1 : t.channels ? 2 : 3;
    ranked.push({ fix, rank, order });
  });
  return ranked.sort((x, y) => x.rank - y.rank || x.order - y.order).map((r) => r.fix);
}

export interface InsertSite {
  /** The turn the text is added to (its channel, stage and facts choose and fill the templates). */
  turn: Turn;
  /** Original offset to insert at (the end of the message, script or turn). */
  at: number;
  placeholderStyle: PlaceholderStyle;
  source: string;
  frontMatter?: FrontMatter;
}

/**
 * A rule's `insert-after` templates as edits adding a sentence at `site.at`:
 * chosen and filled for the place, joined to the text before it (a sentence
 * left open is closed first), best first.
 */
export function buildInsertFixes(templates: readonly FixTemplate[] | undefined, site: InsertSite, only?: (t: FixTemplate) => boolean): Fix[] {
  const place = placeOf(site.turn, site.source, site.frontMatter);
  const { at, ahead } = beforeSignOff(site.source, site.at);
  const before = site.source.slice(Math.max(0, at - 200), at).trimEnd();
  const closed = before === '' || /[.!?…:]["”’)*_]*$/.test(before);
  const ranked: Array<{ fix: Fix; rank: number; order: number }> = [];
  (templates ?? []).forEach((t, order) => {
    if (t.action !== 'insert-after' || t.text === undefined) return;
    if (t.contexts && !t.contexts.some((c) => site.turn.contexts.has(c))) return;
    if ((only && !only(t)) || !fitsPlace({ ...t, action: 'replace-match' }, place)) return;
    const sentence = setInitialCase(renderTemplate(t.text, place, site), 'upper');
    const text = ahead ? sentence + ' ' : (closed ? ' ' : '. ') + sentence;
    ranked.push({ fix: { title: t.title, kind: t.kind, snippet: isSnippet(text), edits: [{ start: at, end: at, text }] }, rank: t.stages ? 1 : t.channels ? 2 : 3, order });
  });
  return ranked.sort((x, y) => x.rank - y.rank || x.order - y.order).map((r) => r.fix);
}

/** A closing line or sentence: "Talk soon.", "Thanks,", "Best,", "— Sam", a lone name or the rep's name placeholder. */
const SIGN_OFF = /^(?:(?:talk (?:to you )?soon|speak soon|thanks(?: again| so much| in advance)?|thank you|cheers|(?:with )?(?:best|kind|warm(?:est)?)(?: regards| wishes)|best|regards|all the best|have a (?:great|good|nice) (?:day|week|weekend|one)|take care|bye(?: for now)?|sincerely|looking forward to (?:hear(?:ing)? from you|it))\b[^\n]{0,20}|(?:[—–-][ \t]*)?(?:\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?|\{\{[^}\n]{1,30}\}\}|\[[^\]\n]{1,30}\])[.,]?)$/iu;

/**
 * Where a sentence added at the end of a message goes: before its sign-off and
 * signature ("…call back. [new sentence] Talk soon."), never after them.
 * `ahead` says the new text goes in front of a kept sentence on the same line.
 */
function beforeSignOff(source: string, at: number): { at: number; ahead: boolean } {
  let end = at;
  for (let k = 0; k < 3; k++) {
    const lineStart = source.lastIndexOf('\n', end - 1) + 1;
    const line = source.slice(lineStart, end);
    const body = line.replace(/^[ \t>]*/, '');
    const bodyStart = end - body.length;
    if (SIGN_OFF.test(body.trim()) && lineStart > 0) {
      // The whole line closes the message: go to the end of the text above it.
      let prev = lineStart - 1;
      while (prev > 0 && /[\s>]/.test(source[prev - 1])) prev--;
      if (prev <= 0) break;
      end = prev;
      continue;
    }
    // "…call me back. Talk soon." on one line: in front of the closing sentence.
    const last = /(?:^|[.!?][ \t]+)([^.!?\n]+[.!?]?)[ \t]*$/.exec(body);
    if (last && last.index > 0 && SIGN_OFF.test(last[1].trim()) && !/^\p{Lu}[\p{L}'’-]+[.,]?$/u.test(last[1].trim())) {
      return { at: bodyStart + last.index + last[0].indexOf(last[1]), ahead: true };
    }
    break;
  }
  return { at: end, ahead: false };
}

const FACT_OF: Record<FactName, keyof Facts> = {
  first_name: 'firstName',
  company: 'company',
  rep_name: 'repName',
  rep_company: 'repCompany',
  rep_phone: 'phone',
  topic: 'topic',
};

/** Whether a template is written for this channel, stage and the facts at hand. */
function fitsPlace(t: FixTemplate, place: Place): boolean {
  const channel = place.channel === 'none' ? undefined : place.channel;
  if (t.channels) {
    if (channel && !t.channels.includes(channel)) return false;
  } else if (channel === 'subject' && (t.action === 'replace-sentence' || t.action === 'insert-after')) {
    // A sentence is no subject line: only templates written for subjects replace one.
    return false;
  }
  if (t.stages && !t.stages.includes(place.stage)) return false;
  if (t.requires?.some((f) => !place.facts[FACT_OF[f]])) return false;
  if (t.unlessKnown?.some((f) => place.facts[FACT_OF[f]])) return false;
  return true;
}

/**
 * The template in the document's placeholder style, with the facts the message holds filled in. A merge field the
 * front matter does not declare (`variables:`) becomes a slot for the writer ("[company]"): the sending tool has no
 * value for it.
 */
function renderTemplate(template: string, place: Place | undefined, site: Pick<FixSite, 'placeholderStyle' | 'frontMatter'>): string {
  const snippet = isSnippet(template);
  const declared = site.frontMatter?.variables?.map((v) => v.trim().toLowerCase());
  const filled = template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (m, name: string) => {
    const key = FACT_OF[name as FactName];
    const fact = key && place?.facts[key];
    if (fact) return snippet ? escapeSnippet(fact) : fact;
    return declared && !declared.includes(name.toLowerCase()) ? `[${name.replace(/[_.]+/g, ' ')}]` : m;
  });
  return toPlaceholderStyle(filled, site.placeholderStyle);
}

function editsFor(t: FixTemplate, site: FixSite, place: Place | undefined): TextEdit[] | undefined {
  const { turn, a, b } = site;
  const u = turn.unit;
  const text = u.text;
  const orig = (x: number, y: number) => ({ start: startAt(u, x), end: endAt(u, y - 1) });
  const template = t.text !== undefined ? renderTemplate(t.text, place, site) : '';
  const source = site.source;
  const clean = (start: number, end: number) => !MARKUP.test(source.slice(start, end).replace(SLOT, (m) => ' '.repeat(m.length)));

  switch (t.action) {
    case 'delete-leading-clause': {
      const s = sentenceAt(text, turn.a, turn.b, a);
      const greeting = greetingBefore(text, s.a, a);
      if (s.a !== a && !greeting) return undefined;
      const tail = LEADING_CLAUSE_TAIL.exec(text.slice(b, s.b));
      if (tail && tail[0].length > 0 && /[,;:—–\-.…]/.test(tail[0])) {
        const next = b + tail[0].length;
        if (next >= s.b || countWords(text.slice(next, s.b)) < (t.minWordsAfter ?? 4)) return undefined;
        const start = startAt(u, a);
        const nextCh = text[next];
        // After a kept greeting the sentence goes on in lower case ("Hi Lee, we published…").
        const want = greeting ? (KEEPS_CAPITAL.test(text.slice(next)) ? nextCh : nextCh.toLowerCase()) : nextCh.toUpperCase();
        if (want !== nextCh && source[startAt(u, next)] === nextCh) {
          if (!clean(start, endAt(u, next))) return undefined;
          return [{ start, end: endAt(u, next), text: want }];
        }
        if (!clean(start, startAt(u, next))) return undefined;
        return [{ start, end: startAt(u, next), text: '' }];
      }
      // The whole sentence is the filler ("Just checking in!") and more follows in the turn: drop the sentence.
      const rest = text.slice(b, s.b);
      if (/^[\s.!?…]*$/.test(rest) && s.b < turn.b && !greeting) {
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
      const s = sentenceAt(text, turn.a, turn.b, a);
      // Deleting the sentence's first word: the next word takes its capital ("Just wanted…" → "Wanted…",
      // "Re: our chat" → "Our chat"); a lower-case start stays lower-case ("re: quick one" → "quick one").
      if (x === s.a && y < s.b && /\p{Ll}/u.test(text[y]) && /\p{Lu}/u.test(text[x])) {
        const r = orig(x, y + 1);
        if (!clean(r.start, r.end)) return undefined;
        return [{ ...r, text: text[y].toUpperCase() }];
      }
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
      if (turn.channel === 'subject') {
        // A subject line is replaced whole, by a subject that fits the length rule.
        if (plainLength(template) > SUBJECT_MAX_CHARS) return undefined;
        const r = orig(turn.a, turn.b);
        if (!clean(r.start, r.end)) return undefined;
        return [{ ...r, text: setInitialCase(template, 'upper') }];
      }
      const s = sentenceAt(text, turn.a, turn.b, a);
      const span = sentenceSpan(text, s, a, b);
      let { x, initial } = span;
      const y = span.y;
      let r = orig(x, y);
      if (!clean(r.start, r.end)) {
        // Markup before the match: replace from the match's clause to the end of the sentence.
        const lead = text.slice(s.a, a);
        if (!/(?:[,;:]|[—–]|\s-)\s*$/.test(lead)) return undefined;
        x = a;
        initial = 'lower';
        r = orig(x, y);
        if (!clean(r.start, r.end)) return undefined;
      }
      const replaced = text.slice(x, y);
      // A greeting already names the buyer: the template does not name them again.
      let out = span.greeting || greetingBefore(text, turn.a, a) ? renderTemplate((t.text ?? '').replace(LEADING_NAME, ''), place, site) : template;
      // The sentence's own end mark stays when the template has none ("…?" stays a question).
      const mark = /[.!?…]+["”’)]*$/.exec(replaced)?.[0];
      if (!/[.!?…]["”’)\]}]*$/.test(snippetTail(out)) && mark) out += mark;
      // A spoken message keeps a reason for the call: a rewrite of the one sentence that gave it must give one too.
      // Nor may it drop the only pointer to an email the buyer can answer instead of calling back.
      if (turn.channel === 'voicemail' || turn.channel === 'call') {
        const rest = text.slice(turn.a, x) + text.slice(y, turn.b);
        if (statesReason(replaced) && !statesReason(out) && !statesReason(rest)) return undefined;
        if (pointsToEmail(replaced) && !pointsToEmail(out) && !pointsToEmail(rest)) return undefined;
        // Nor the only call-back number ("…so ring me before then on 0161 555 0142").
        if (countPhoneNumbers(replaced) > 0 && countPhoneNumbers(out) === 0 && countPhoneNumbers(rest) === 0) return undefined;
      }
      // "hope you're well, it's Sam from Acme." keeps the introduction, then the new sentence.
      if (span.intro) return [{ ...r, text: setInitialCase(span.intro, initial) + '. ' + setInitialCase(out, 'upper') }];
      return [{ ...r, text: (span.join ?? '') + setInitialCase(out, initial) }];
    }
    case 'insert-after': {
      const at = endAt(u, turn.b - 1);
      if (site.cutFrom !== undefined) {
        // The cut may drop whole paragraphs of the same turn, never a list item, quote, heading or label.
        if (site.cutFrom >= at || !clean(site.cutFrom, at) || /\n[ \t]*(?:[-+#>*]|\d+[.)]|\p{L}[\p{L} ]{0,20}:)/u.test(source.slice(site.cutFrom, at))) return undefined;
        // A quote closed in the dropped part is closed after the question.
        const removed = source.slice(site.cutFrom, at);
        const count = (re: RegExp) => (removed.match(re) ?? []).length;
        const close = (count(/"/g) % 2 ? '"' : '') + '”'.repeat(Math.max(0, count(/”/g) - count(/“/g)));
        return [{ start: site.cutFrom, end: at, text: ' ' + setInitialCase(template, 'upper') + close }];
      }
      const before = text.slice(turn.a, turn.b).trimEnd();
      // Close the last sentence before adding one ("Talk soon" → "Talk soon. Again, …").
      const ends = /[.!?…:]["”’)]*$/.test(before);
      return [{ start: at, end: at, text: (ends ? ' ' : '. ') + setInitialCase(template, 'upper') }];
    }
  }
}

/** "it's Sam from Acme, " / "Owen from Crateflow here, ": the rep introducing themselves, kept before a rewritten clause. */
/** A word of a name: capitalised, or a placeholder for it. */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\{\{[^}]{1,40}\}\}|\[[^\]]{1,30}\])`;
/** The rep's introduction as a clause: "it's Tom Reilly from Wheelgate Minibus Leasing – ", "Sam from Acme here, ", "its Declan from Glas Energy, " (texted). */
const INTRO_CLAUSE = new RegExp(
  String.raw`^(?:(?:[Ii]t['’]?s|[Ii]t is|[Tt]his is|[Mm]y name is|I['’]m|I am)[ \t]+${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,2}|${NAME_WORD}(?:[ \t]+${NAME_WORD})?(?=[ \t]+(?:from|at|with)\b))` +
    String.raw`(?:[ \t]+(?:from|at|with)[ \t]+\S+(?:[ \t]+\S+){0,4}?)?(?:[ \t]+here)?[ \t]*(?:,|—|–)[ \t]+$`,
  'u',
);

/**
 * What a sentence rewrite replaces in `text`: the sentence `s` holding the match
 * [a, b), less what stays — a greeting and the rep's introduction before the
 * match, a lead-in to a quoted or capitalised line ("ask this question:
 * “Have I caught you at a bad time?”", "If low adoption, Is there…") — and how
 * the new text starts (a capital, or lower case after a greeting's comma).
 */
function sentenceSpan(text: string, s: { a: number; b: number }, a: number, b: number): { x: number; y: number; greeting: number; initial: 'upper' | 'lower' | 'after-greeting'; intro?: string; join?: string } {
  // A quotation that opened before this sentence and closes at its end: the closing mark stays.
  const closing = /["”]\s*$/.exec(text.slice(s.a, s.b));
  const body = closing ? text.slice(s.a, s.a + closing.index) : '';
  const y = closing && !body.includes('“') && (body.match(/"/g) ?? []).length % 2 === 0 ? s.a + closing.index : s.b;
  // The match sits inside a quotation: only the quoted words are the line the rep says.
  const lead = text.slice(s.a, a);
  const open = Math.max(lead.lastIndexOf('“'), lead.lastIndexOf('"'));
  // A quotation that runs on past this sentence: its opening mark stays.
  let from = s.a;
  if (open >= 0 && (lead[open] === '“' || (lead.match(/"/g) ?? []).length % 2 === 1)) {
    const closeChar = lead[open] === '“' ? '”' : '"';
    const close = text.indexOf(closeChar, b);
    if (close > 0 && close <= s.b) return { x: s.a + open + 1, y: close, greeting: 0, initial: 'upper' };
    // Only a label ("Text, a week later:") or nothing stands before the quotation: the rewrite starts inside it.
    if (!/\S/.test(lead.slice(0, open)) || /:[ \t]*$/.test(lead.slice(0, open))) from = s.a + open + 1;
  }
  const greeting = greetingBefore(text, from, a);
  let x = from + greeting;
  let initial: 'upper' | 'lower' | 'after-greeting' = greeting ? 'after-greeting' : 'upper';
  const before = text.slice(x, a);
  if (before && INTRO_CLAUSE.test(before)) {
    // "it's Sam from Acme, sorry to bother you." → "it's Sam from Acme. The reason for my call…"
    x += before.replace(/[ \t]*(?:,|—|–)[ \t]+$/, '').length;
    return { x, y, greeting, initial: 'upper', join: '. ' };
  } else if (!greeting) {
    // "If low adoption, Is there anything…": a lead-in, then the line itself with its own capital.
    const m = /^[^.!?]{2,40}?(?:,|:|—|–)[ \t]+(?=\p{Lu}(?!\p{Lu}))/u.exec(text.slice(x, a + 1));
    if (m && m[0].length <= a - x && !/^I\b/.test(text.slice(x + m[0].length))) x += m[0].length;
  }
  // A whole clause before the match stays, as its own sentence: "I saw Harlow opened the Reno site, and only
  // 3 spots are left, so act now." → "I saw Harlow opened the Reno site. No rush on our side — …".
  const lead2 = text.slice(x, a);
  let cut = -1;
  for (const m of lead2.matchAll(/(?:,[ \t]+(?:and|but)|;)[ \t]+/g)) cut = m.index ?? -1;
  if (cut > 0 && countWords(lead2.slice(0, cut)) >= 4 && !/[,;:—–][ \t]*$/.test(lead2.slice(0, cut))) return { x: x + cut, y, greeting, initial: 'upper', join: '. ' };
  // The rep's introduction after the match's clause stays: "…, it's Sam from Acme."
  const after = /^[ \t]*(?:,|—|–)[ \t]*((?:it's|it is|this is|my name is|I'm|I am)[ \t]+[^,;.!?]{1,40}?)[.!]?$/i.exec(text.slice(b, y));
  if (after) return { x, y, greeting, initial, intro: escapeSnippet(after[1]) };
  return { x, y, greeting, initial };
}

/** Length of `greeting` at `text[from, to)` when the match follows one, else 0. */
function greetingBefore(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  const g = GREETING.exec(text.slice(from, to));
  if (g && from + g[0].length <= to) return g[0].length;
  // A texted greeting with no comma ("hey dana any news…", "hey marissa just wanted to circle back…"): the greeting
  // word and one name open the sentence, and the name is no word of the message itself.
  const loose = LOOSE_GREETING.exec(text.slice(from, to));
  return loose ? loose[0].length : 0;
}

const LOOSE_GREETING = /^(?:hi|hey|hiya|hello|morning)[ \t]+(?:(?!(?:just|wanted|want|quick|quickly|checking|checkin|following|circling|bumping|any|did|so|i|we|it|is|are|you|u|sorry|hope|still)\b)[\p{L}'’.-]+|\{\{[^}\n]{1,40}\}\})[ \t]+/iu;

/** The template's first letter in upper case, or after a greeting's comma in lower case (but "I" and acronyms). */
function setInitialCase(template: string, mode: 'upper' | 'lower' | 'after-greeting'): string {
  const m = /^((?:\$\{\d+:)*)(\p{L})/u.exec(template);
  if (!m) return template;
  const i = m[1].length;
  if (mode === 'upper') return template.slice(0, i) + m[2].toUpperCase() + template.slice(i + 1);
  // A placeholder at the start names something (a company, a name): its case is its own.
  if (i > 0 || KEEPS_CAPITAL.test(template.slice(i))) return template;
  return template.slice(0, i) + m[2].toLowerCase() + template.slice(i + 1);
}

/** The template's text without snippet syntax at its end, to read its end mark ("…${3:Worth a look?}" ends with "?"). */
function snippetTail(template: string): string {
  return template.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1');
}

/** Characters the buyer sees, a placeholder or blank counted as ten (as subject-line-shape counts them). */
function plainLength(template: string): number {
  return template.replace(/\$\{\d+:(?:\\.|[^}\\])*\}|\{\{[^}]*\}\}|\[[^\]]*\]/g, 'x'.repeat(10)).length;
}

function sameEdits(x: readonly TextEdit[], y: readonly TextEdit[]): boolean {
  return x.length === y.length && x.every((e, i) => e.start === y[i].start && e.end === y[i].end && e.text === y[i].text);
}

function matchCase(original: string, replacement: string): string {
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

