/**
 * The phrase kind: a rule is a list of patterns plus fix templates. Matching
 * runs on normalised turn text (curly quotes folded, white space collapsed,
 * placeholders masked) with word boundaries added at both ends, so "touching
 * base" matches across a line break and "adjust" never matches "just".
 * Built-in patterns run on a lower-case one-byte copy of that text (see
 * folded-matching.ts), which halves their compiled code.
 * Team rules' patterns see at most MAX_MATCH_INPUT characters at a time: a
 * longer turn is matched sentence by sentence, so no user pattern ever runs on
 * a megabyte-long line.
 */
import { buildFixes } from '../../fixes/fix-builder';
import { isMention } from '../../read/mention';
import { endAt, startAt, type PlaybookModel, type Turn, type Unit } from '../../read/model';
import { continuesThread, readsAsFirstTouch } from '../../read/thread';
import { opensMessage } from '../../read/opening';
import { titleTurn } from '../../read/voice';
import { emailUnits, headedFirstTouch, headedLaterAttempt } from './units';
import { oncePerModel } from './playbook-reading';
import type { RuleDefinition } from '../rule-types';
import { BUILTIN_RULES } from '../builtin-rules.generated';
import { OPAQUE } from '../../parse/text-builder';
import { maskPlaceholders, sentenceAt, sentencesIn } from '../../read/words';
import type { RuleKind } from './kind';
import { expandTokens } from './families';
import { MAX_MATCH_INPUT, boundedByWords, compilePattern, type TeamMatcher } from './patterns';
import { AnchorIndex, anchorText } from './phrase-anchors';
import { builtinAnchorGroups } from './builtin-anchors';
import { foldedSource, foldText } from './folded-matching';
import { SENTENCE_THRESHOLD, encodeSentence, hasSentenceModel, sentenceScore, strongestMove } from '../sentence-model/model';
import { modelSentences } from '../sentence-model/sentences';
import { spellOut, type SpelledOut } from '../../read/texting';

type Matcher = RegExp | TeamMatcher;

/**
 * Matching time team patterns may take on one version of a document, across
 * all team rules and sections, in milliseconds. RE2 keeps each match linear,
 * but a 2 MB file times a few hundred complex patterns still adds up: past
 * this, the remaining team rules stop on that file with one finding each.
 * Checked before every slice of at most MAX_MATCH_INPUT characters, whose
 * matching takes at most a few tens of milliseconds with the largest pattern
 * allowed, so a lint overruns it by little. Writable for tests.
 */
export const teamPatternBudget = { ms: 2000 };

/** Time spent on team patterns per document version (keyed by its line-start table, shared by its segment views). */
const spentOn = new WeakMap<readonly number[], { ms: number; stopped: Set<string> }>();

class BudgetSpent extends Error {}

interface CompiledPhrase {
  /**
   * The patterns, then the hint patterns (from `hintsFrom` on). A built-in
   * rule with anchors makes each on first use (in checkTurns): most never run
   * in a process, and making all of them took about 30 ms at start-up.
   */
  patterns: Array<Matcher | undefined>;
  makePattern: (k: number) => Matcher;
  hintsFrom: number;
  unless: Matcher[];
  /** Built-in rules' `options.unlessThread`: a match is dropped when its message continues an earlier exchange (read/thread.ts). */
  unlessThread: boolean;
  /** `options.openingOnly`: a match counts only in the opening sentence of its message (read/opening.ts). */
  openingOnly: boolean;
  /** A team rule: match on slices of at most MAX_MATCH_INPUT characters. */
  bounded: boolean;
  /** A built-in rule with weights in the sentence model: sentences no pattern matched are scored too (unless `options.sentenceModel` is false). */
  modelled: boolean;
  /**
   * Built-in rules: all patterns as one alternation, tried first. Most turns
   * match none, and one scan costs about what one pattern's does. (Team
   * patterns are each vetted for backtracking alone, so they are not joined.)
   */
  any?: RegExp;
  /**
   * Built-in rules whose every pattern has literal anchors (phrase-anchors.ts):
   * per pattern, groups of ids of anchors in `ANCHORS`. A pattern runs only on
   * turns that contain an anchor of every one of its groups, so most patterns
   * never run (nor compile).
   */
  anchors?: number[][][];
}

/** The anchors of every built-in phrase pattern compiled in this process, scanned for once per turn. */
const ANCHORS = new AnchorIndex();

/** The anchors found in a turn's match text, per turn (every phrase rule reads the same). */
const foundIn = new WeakMap<Turn, { body: string; version: number; found: Uint8Array }>();

function anchorsFound(turn: Turn, body: string): Uint8Array {
  const hit = foundIn.get(turn);
  if (hit && hit.body === body && hit.version === ANCHORS.version) return hit.found;
  const found = ANCHORS.found(anchorText(body));
  foundIn.set(turn, { body, version: ANCHORS.version, found });
  return found;
}

/** A slice of a turn's text to match in; a cut inside a word is not a word boundary. */
interface Slice {
  a: number;
  b: number;
  cutStart: boolean;
  cutEnd: boolean;
}

/** A turn's match text, and its folded copy once a folded pattern has asked for it. */
interface MatchText {
  body: string;
  folded?: string;
  /** The body with texting spellings written out (null: none in it), once a rule has asked. */
  texted?: (SpelledOut & { folded?: string }) | null;
}

function spelledOutOf(entry: MatchText): (SpelledOut & { folded?: string }) | undefined {
  if (entry.texted === undefined) entry.texted = spellOut(entry.body) ?? null;
  return entry.texted ?? undefined;
}

/** The text patterns run on, per turn and remembered: every phrase rule reads the same one. */
const bodies = new WeakMap<Turn, MatchText & { text: string; a: number; b: number }>();

function matchText(turn: Turn): MatchText {
  const { text } = turn.unit;
  const hit = bodies.get(turn);
  if (hit && hit.text === text && hit.a === turn.a && hit.b === turn.b) return hit;
  const body = maskPlaceholders(text.slice(turn.a, turn.b)).replace(/\n/g, ' ');
  const entry = { text, a: turn.a, b: turn.b, body };
  bodies.set(turn, entry);
  return entry;
}

/** Built-in patterns compiled from `foldedSource`: they run on `foldText` of the text. */
const runsFolded = new WeakSet<Matcher>();
/**
 * One RegExp per built-in pattern, shared by every rule set of the process (a config per workspace
 * folder) and by `makesAnyMove`, so V8 keeps one compiled copy of each. Every use sets `lastIndex` first.
 */
const foldedPatterns = new Map<string, RegExp>();

/** What `re` runs on: the turn's match text, or its folded copy (same length, so offsets agree). */
function subjectFor(re: Matcher, entry: MatchText): string {
  return runsFolded.has(re) ? (entry.folded ??= foldText(entry.body)) : entry.body;
}

export const phraseKind: RuleKind<CompiledPhrase> = {
  name: 'phrase',
  compile(rule: RuleDefinition) {
    if (!rule.patterns || rule.patterns.length === 0) throw new Error('a phrase rule needs at least one entry in `patterns`');
    const untrusted = rule.origin !== 'builtin';
    const phrase = { wordBounded: true, untrusted };
    // Built-in rules were expanded at build time; team rules' family tokens ({filler}, {forms:chase}) are expanded here.
    const expand = (p: string, key: string): string => (untrusted ? expandTokens(p, key) : p);
    const hintSources = (Array.isArray(rule.options?.hintPatterns) ? (rule.options!.hintPatterns as string[]) : []).map((p, i) => expand(p, `options/hintPatterns/${i}`));
    const patternSources = rule.patterns.map((p, i) => expand(p, `patterns/${i}`));
    const sources = [...patternSources, ...hintSources];
    // Patterns from `options.hintPatterns` are a softer sub-check reported at hint level.
    const hintsFrom = patternSources.length;
    const makePattern = (k: number): Matcher => {
      const folded = untrusted ? undefined : foldedSource(sources[k]);
      if (folded === undefined) return compilePattern(sources[k], k < hintsFrom ? `patterns/${k}` : `options/hintPatterns/${k - hintsFrom}`, phrase);
      let re = foldedPatterns.get(folded);
      if (!re) {
        foldedPatterns.set(folded, (re = new RegExp(boundedByWords(folded), 'gu')));
        runsFolded.add(re);
      }
      return re;
    };
    const anchored = untrusted ? undefined : builtinAnchorGroups(rule, sources);
    const anchors = anchored?.every((a) => a !== undefined) ? anchored.map((groups) => groups!.map((g) => g.map((x) => ANCHORS.id(x)))) : undefined;
    // Built-in patterns were checked at build time; others are made now (hints first, as before), so a bad team pattern is a config error.
    const made = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => makePattern(from + i));
    let patterns: Array<Matcher | undefined> = sources.map(() => undefined);
    if (!anchors) {
      const hints = made(hintsFrom, sources.length);
      patterns = [...made(0, hintsFrom), ...hints];
    }
    return {
      ...(anchors ? { anchors } : {}),
      any: !untrusted && !anchors && sources.length > 1 ? new RegExp(boundedByWords(sources.map((p) => `(?:${p})`).join('|')), 'iu') : undefined,
      patterns,
      makePattern,
      hintsFrom,
      unless: (rule.unless ?? []).map((p, i) => compilePattern(expand(p, `unless/${i}`), `unless/${i}`, { wordBounded: false, untrusted })),
      unlessThread: !untrusted && rule.options?.unlessThread === true,
      openingOnly: rule.options?.openingOnly === true,
      bounded: untrusted,
      modelled: !untrusted && hasSentenceModel(rule.id),
    };
  },
  check(ctx, compiled) {
    if (!compiled.bounded) return checkTurns(ctx, compiled);
    let spent = spentOn.get(ctx.model.lineStarts);
    if (!spent) spentOn.set(ctx.model.lineStarts, (spent = { ms: 0, stopped: new Set() }));
    const budget = spent;
    const id = ctx.rule.id;
    let last = performance.now();
    const charge = () => {
      const now = performance.now();
      budget.ms += now - last;
      last = now;
      if (budget.ms >= teamPatternBudget.ms) throw new BudgetSpent();
    };
    try {
      if (!budget.stopped.has(id)) {
        charge();
        checkTurns(ctx, compiled, charge);
        return;
      }
    } catch (e) {
      if (!(e instanceof BudgetSpent)) throw e;
    }
    if (budget.stopped.has(id)) return;
    budget.stopped.add(id);
    ctx.report({
      start: 0,
      end: 0,
      severity: 'warning',
      message: `The team rule ${id} stopped on this file after ${teamPatternBudget.ms / 1000} seconds of matching, so some of its findings may be missing; split the file or simplify the team patterns.`,
    });
  },
};

function checkTurns(ctx: Parameters<RuleKind<CompiledPhrase>['check']>[0], compiled: CompiledPhrase, charge?: () => void): void {
  for (const turn of ctx.model.turns) {
    if (!ctx.inScope(turn)) continue;
    const u = turn.unit;
    const entry = matchText(turn);
    const { body } = entry;
    const modelled = compiled.modelled && ctx.options.sentenceModel !== false;
    // A pattern can match only where the rule's alternation matches and, with anchors, where a pattern's anchors all are.
    let found: Uint8Array | undefined;
    let patternsMayMatch = !compiled.any || compiled.any.test(body); // not global: test() starts at 0
    if (patternsMayMatch && compiled.anchors) {
      found = anchorsFound(turn, body);
      patternsMayMatch = compiled.anchors.some((groups) => holdsAll(groups, found!));
    }
    // Texting spellings ("did u get a chance", "just checkin in") are matched spelled out, and found where the rep wrote them.
    const texted = spelledOutOf(entry);
    let textedMayMatch = texted !== undefined && (!compiled.any || compiled.any.test(texted.text));
    let textedFound: Uint8Array | undefined;
    if (texted && textedMayMatch && compiled.anchors) {
      textedFound = ANCHORS.found(anchorText(texted.text));
      textedMayMatch = compiled.anchors.some((groups) => holdsAll(groups, textedFound!));
    }
    if (!patternsMayMatch && !textedMayMatch && !modelled) continue;
    const taken: Array<[number, number]> = [];
    // A rule about one move of the sentence ("checking in", "any update?") says it once per sentence.
    const sentencesTaken: Set<number> | undefined = ctx.rule.options?.oncePerSentence === true ? new Set() : undefined;
    for (let k = 0; (patternsMayMatch || textedMayMatch) && k < compiled.patterns.length; k++) {
      const inBody = patternsMayMatch && !(found && !holdsAll(compiled.anchors![k], found));
      const inTexted = textedMayMatch && !(textedFound && !holdsAll(compiled.anchors![k], textedFound));
      if (!inBody && !inTexted) continue;
      const re = compiled.patterns[k] ?? (compiled.patterns[k] = compiled.makePattern(k));
      const spans = inTexted ? bodyAndTexted(re, entry, texted!, inBody, compiled.bounded, charge) : matchesIn(re, subjectFor(re, entry), compiled.bounded, charge);
      for (const [x, y] of spans) {
        const a = turn.a + x;
        const b = turn.a + y;
        if (body.slice(x, y).includes(OPAQUE)) continue;
        if (overlapsTaken(taken, a, b)) continue;
        if (isMention(turn, a, b)) continue;
        if (compiled.openingOnly && !opensMessage(ctx.model.turns, turn, a)) continue;
        if (compiled.unless.length) {
          const s = sentenceAt(u.text, turn.a, turn.b, a);
          const sentence = compiled.bounded ? boundedSlice(u.text, s.a, s.b, a) : u.text.slice(s.a, s.b);
          if (compiled.unless.some((r) => (r instanceof RegExp ? ((r.lastIndex = 0), r.test(sentence)) : r.test(sentence)))) continue;
        }
        let unproven = false;
        if (compiled.unlessThread && !headedFirstTouch(ctx.model, u.section)) {
          const message = messageText(ctx.model, u);
          if (headedLaterAttempt(ctx.model, u.section) || continuesThread(message)) continue;
          // A "Re:" on a message that shows neither a thread nor a cold first touch (no pitch, no
          // self-introduction, no other claimed conversation) is unproven: a hint, not an accusation.
          unproven = SUBJECT_PREFIX.test(body.slice(x, y)) && !readsAsFirstTouch(message) && !claimsConversation(compiled, message);
        }
        if (sentencesTaken) {
          const at = sentenceAt(u.text, turn.a, turn.b, a).a;
          if (sentencesTaken.has(at)) continue;
          sentencesTaken.add(at);
        }
        take(taken, a, b);
        ctx.report({
          start: startAt(u, a),
          end: endAt(u, b - 1),
          message: ctx.rule.message.replace(/\{match\}/g, u.text.slice(a, b).replace(/\s+/g, ' ')),
          fixes: buildFixes(ctx.rule.fixes, { turn, a, b, placeholderStyle: ctx.placeholderStyle, source: ctx.model.text, frontMatter: ctx.model.frontMatter }),
          contexts: turn.contexts,
          ...(k >= compiled.hintsFrom || unproven ? { severity: 'hint' as const } : {}),
          ...(unproven && typeof ctx.rule.options?.unprovenMessage === 'string' ? { message: ctx.rule.options.unprovenMessage } : {}),
        });
      }
    }
    if (modelled) readWholeSentences(ctx, compiled, turn, taken);
  }
}

/**
 * The sentence model's findings in a turn: each sentence no pattern matched,
 * read as a whole (rules/sentence-model), under the same conditions as a
 * match (not quoted, the opening sentence for an opening rule, no `unless`
 * phrase, not a message that continues a thread). At most information.
 */
function readWholeSentences(ctx: Parameters<RuleKind<CompiledPhrase>['check']>[0], compiled: CompiledPhrase, turn: Turn, taken: Array<[number, number]>): void {
  const u = turn.unit;
  for (const { a, b, encoded } of encodedSentences(turn)) {
    if (encoded.length === 0 || overlapsTaken(taken, a, b)) continue;
    if (sentenceScore(ctx.rule.id, encoded) < SENTENCE_THRESHOLD || strongestMove(encoded) !== ctx.rule.id) continue;
    if (isMention(turn, a, b)) continue;
    if (compiled.openingOnly && !opensMessage(ctx.model.turns, turn, a)) continue;
    const sentence = u.text.slice(a, b);
    if (compiled.unless.some((r) => (r instanceof RegExp ? ((r.lastIndex = 0), r.test(sentence)) : r.test(sentence)))) continue;
    if (compiled.unlessThread && !headedFirstTouch(ctx.model, u.section) && (headedLaterAttempt(ctx.model, u.section) || continuesThread(messageText(ctx.model, u)))) continue;
    ctx.report({
      start: startAt(u, a),
      end: endAt(u, b - 1),
      message: ctx.rule.message.replace(/“\{match\}”|"\{match\}"|\{match\}/g, 'This sentence'),
      contexts: turn.contexts,
      atMost: 'info',
      basis: 'sentence',
    });
  }
}

/** A turn's sentences with their encoded features, per turn and remembered: every modelled rule reads the same. */
const encodedIn = new WeakMap<Turn, { text: string; a: number; b: number; sentences: Array<{ a: number; b: number; encoded: number[] }> }>();

function encodedSentences(turn: Turn): Array<{ a: number; b: number; encoded: number[] }> {
  const { text } = turn.unit;
  const hit = encodedIn.get(turn);
  if (hit && hit.text === text && hit.a === turn.a && hit.b === turn.b) return hit.sentences;
  const sentences = modelSentences(turn).map((s) => ({ a: s.a, b: s.b, encoded: encodeSentence(s.text) }));
  encodedIn.set(turn, { text, a: turn.a, b: turn.b, sentences });
  return sentences;
}

/** Whether the turn holds an anchor of every group. */
function holdsAll(groups: number[][], found: Uint8Array): boolean {
  for (const ids of groups) if (!ids.some((id) => found[id] === 1)) return false;
  return true;
}

/** Index of the first of `taken` (disjoint, sorted by start) that starts at or after `at`. */
function firstFrom(taken: Array<[number, number]>, at: number): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid][0] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [a, b) overlaps one of `taken`: only the last one starting before `b` can. */
function overlapsTaken(taken: Array<[number, number]>, a: number, b: number): boolean {
  const i = firstFrom(taken, b);
  return i > 0 && taken[i - 1][1] > a;
}

function take(taken: Array<[number, number]>, a: number, b: number): void {
  taken.splice(firstFrom(taken, a), 0, [a, b]);
}

/** Matches in the body (when `inBody`), then in its spelled-out copy, placed in the body. */
function* bodyAndTexted(re: Matcher, entry: MatchText, texted: SpelledOut & { folded?: string }, inBody: boolean, bounded: boolean, charge?: () => void): Generator<[number, number]> {
  if (inBody) yield* matchesIn(re, subjectFor(re, entry), bounded, charge);
  const subject = runsFolded.has(re) ? (texted.folded ??= foldText(texted.text)) : texted.text;
  for (const [x, y] of matchesIn(re, subject, bounded, charge)) yield [texted.from[x], texted.to[y - 1]];
}

/** Non-empty matches of `re` in `body` as [start, end) offsets; `bounded` matches slice by slice when the body is long, calling `charge` before each. */
function* matchesIn(re: Matcher, body: string, bounded: boolean, charge?: () => void): Generator<[number, number]> {
  const slices = bounded && body.length > MAX_MATCH_INPUT ? slicesOf(body) : [{ a: 0, b: body.length, cutStart: false, cutEnd: false }];
  for (const slice of slices) {
    const text = slices.length === 1 ? body : body.slice(slice.a, slice.b);
    charge?.();
    if (!(re instanceof RegExp)) {
      for (const [x, y] of re.matches(text)) {
        if ((slice.cutStart && x === 0) || (slice.cutEnd && y === text.length)) continue;
        yield [slice.a + x, slice.a + y];
      }
      continue;
    }
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if ((slice.cutStart && m.index === 0) || (slice.cutEnd && end === text.length)) continue;
      yield [slice.a + m.index, slice.a + end];
    }
  }
}

/** text[a, b), or the MAX_MATCH_INPUT characters of it around `at` when it is longer. */
function boundedSlice(text: string, a: number, b: number, at: number): string {
  if (b - a <= MAX_MATCH_INPUT) return text.slice(a, b);
  const from = Math.max(a, Math.min(at - (MAX_MATCH_INPUT >> 1), b - MAX_MATCH_INPUT));
  return text.slice(from, from + MAX_MATCH_INPUT);
}

/**
 * Cuts a long turn into contiguous slices of at most MAX_MATCH_INPUT
 * characters: after sentence ends, then before the last space that fits, and
 * inside a word only when a "word" is longer than a slice.
 */
function slicesOf(body: string): Slice[] {
  const out: Slice[] = [];
  const ends = [...sentencesIn(body, 0, body.length).map((s) => s.b).slice(0, -1), body.length];
  let a = 0;
  let cutStart = false;
  for (const end of ends) {
    while (end - a > MAX_MATCH_INPUT) {
      const space = body.lastIndexOf(' ', a + MAX_MATCH_INPUT);
      const cutEnd = space <= a;
      const b = cutEnd ? a + MAX_MATCH_INPUT : space;
      out.push({ a, b, cutStart, cutEnd });
      a = b;
      cutStart = cutEnd;
    }
    if (end > a) out.push({ a, b: end, cutStart, cutEnd: false });
    a = Math.max(a, end);
    cutStart = false;
  }
  return out;
}

/** A subject that claims a thread: "Re:", "Fwd:". */
const SUBJECT_PREFIX = /^(?:re|fwd?|fw)\s*:/i;

/** Built-in phrase rules compiled for `makesAnyMove`, on first use. */
const moveRules = new Map<string, CompiledPhrase>();
/** Verdicts of `makesAnyMove`, a pure function of its arguments: sequences ask again on every keystroke. */
const moveVerdicts = new Map<string, boolean>();
const MAX_VERDICTS = 4096;

/**
 * Whether `sentence` makes the move of one of the built-in phrase rules `ruleIds`: one of a rule's
 * patterns (not its hints) matches and none of its `unless` does, or, where no pattern matches, the
 * sentence model reads it so. Checks over a whole message or sequence ask this, so they judge a
 * sentence with the same words as the rules about it, whichever rules the team has turned on.
 */
export function makesAnyMove(ruleIds: readonly string[], sentence: string): boolean {
  const key = `${ruleIds.join(' ')}\u0000${sentence}`;
  let verdict = moveVerdicts.get(key);
  if (verdict === undefined) {
    if (moveVerdicts.size >= MAX_VERDICTS) moveVerdicts.clear();
    moveVerdicts.set(key, (verdict = judgeMoves(ruleIds, sentence)));
  }
  return verdict;
}

function judgeMoves(ruleIds: readonly string[], sentence: string): boolean {
  const entry: MatchText = { body: maskPlaceholders(sentence).replace(/\n/g, ' ') };
  let encoded: number[] | undefined;
  return ruleIds.some((id) => {
    const c = moveRule(id);
    if (patternsMatch(c, entry)) return !c.unless.some((r) => (r instanceof RegExp ? ((r.lastIndex = 0), r.test(sentence)) : r.test(sentence)));
    return hasSentenceModel(id) && sentenceScore(id, (encoded ??= encodeSentence(sentence))) >= SENTENCE_THRESHOLD;
  });
}

/** One of the rule's patterns (not its hints) matches; as in checkTurns, a pattern whose anchors are absent is never compiled. */
function patternsMatch(c: CompiledPhrase, entry: MatchText): boolean {
  const found = c.anchors ? ANCHORS.found(anchorText(entry.body)) : undefined;
  return c.patterns.some((_, k) => {
    if (k >= c.hintsFrom || (found && !holdsAll(c.anchors![k], found))) return false;
    const re = c.patterns[k] ?? (c.patterns[k] = c.makePattern(k));
    if (!(re instanceof RegExp)) return false;
    re.lastIndex = 0;
    return re.test(subjectFor(re, entry));
  });
}

function moveRule(ruleId: string): CompiledPhrase {
  let compiled = moveRules.get(ruleId);
  if (!compiled) {
    const rule = BUILTIN_RULES.find((r) => r.id === ruleId && r.kind === 'phrase');
    if (!rule) throw new Error(`no built-in phrase rule ${ruleId}`);
    moveRules.set(ruleId, (compiled = phraseKind.compile({ ...rule, origin: 'builtin' })));
  }
  return compiled;
}

/** Whether the message claims a conversation in another of the rule's patterns ("as we discussed"). */
function claimsConversation(compiled: CompiledPhrase, text: string): boolean {
  const entry: MatchText = { body: text };
  return compiled.patterns.some((_, k) => {
    if (k >= compiled.hintsFrom) return false;
    const re = compiled.patterns[k] ?? (compiled.patterns[k] = compiled.makePattern(k));
    if (!(re instanceof RegExp)) return false;
    const message = subjectFor(re, entry);
    re.lastIndex = 0;
    for (let m = re.exec(message); m; m = re.exec(message)) {
      if (!SUBJECT_PREFIX.test(m[0])) return true;
      if (!re.global) break;
      if (m[0] === '') re.lastIndex++;
    }
    return false;
  });
}

/**
 * The text around a match that belongs to the same message: every unit of its
 * section (a reply's quoted thread included), or, where the section holds
 * several emails one after another (pasted with "---" between them), the
 * units from the email's first line to the next email; outside an email, the
 * units from its title line to the next one. Used for evidence that
 * only the whole message holds, such as a real thread behind a "Re:" subject.
 */
function messageText(model: PlaybookModel, unit: Unit): string {
  const emails = oncePerModel(model, 'emailUnits', () => emailUnits(model)).filter((e) => e.section === unit.section);
  const i = emails.findIndex((e) => e.turns.some((t) => t.unit === unit));
  let from = i > 0 ? emails[i].turns[0].unit.start : -Infinity;
  let to = i >= 0 && i + 1 < emails.length ? emails[i + 1].turns[0].unit.start : Infinity;
  if (i < 0) {
    // Not part of an email (a one-line note, a text): its message runs from its title line to the next one.
    for (const u of model.units) {
      if (u.section !== unit.section || !titleTurn(u)) continue;
      if (u.start <= unit.start) from = u.start;
      else if (u.start < to) to = u.start;
    }
  }
  let text = '';
  for (const u of model.units) if (u.section === unit.section && u.start >= from && u.start < to) text += `${u.text}\n`;
  return text;
}
