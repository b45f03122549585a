/**
 * Linting one document: build the playbook model, run every active rule (a
 * rule that throws becomes one internal finding; the others still run), drop
 * suppressed findings, sort, and add figures for the editor and the CLI.
 */
import { frontMatterConfig, type FrontMatterConfigMemo } from './config/front-matter-config';
import type { EffectiveConfig } from './config/config-types';
import { applyDirectives, disableNextLineComment } from './rules/directives';
import type { RuleContext } from './rules/kinds/kind';
import { parseInBatches } from './parse/chunks';
import { buildModel, lineOf, placeholdersOf, readingKey, type PlaybookModel, type Segment, type Turn, type Unit } from './read/model';
import type { RuleCondition, RuleDefinition } from './rules/rule-types';
import { compileRuleSet, type ActiveRule } from './rules/rule-set';
import { scoreDocument } from './rules/score';
import { DEFAULT_TYPES, playbookType } from './rules/kinds/playbook-structure';
import { describeReading, NOTHING_READ, turnAt } from './read/explain';
import { headingBudget, repMonologues, spokenSeconds, voicemailScripts } from './read/spoken';
import type { Annotation, ConfigError, Finding, Fix, LintResult, Severity, SpokenEstimate } from './types';
import { countWords, type PlaceholderStyle } from './read/words';

export const INTERNAL_ERROR_RULE = 'internal-error';

export interface LintOptions {
  /** Effective config from `resolveConfig`; the recommended preset when absent. */
  config?: EffectiveConfig;
  /** The linted file's name: a headingless template file is read by what its name says (follow_up_1.md). */
  fileName?: string;
  /** Name of the config file, for error messages. */
  configFile?: string;
  /** Wording per 150 wpm etc. are rule options; this is only the rule catalog. */
  rules: readonly RuleDefinition[];
  /**
   * Today's date as `YYYY-MM-DD`, for rules about dates (an expired playbook).
   * The front ends pass the real date; rules never read the clock. When
   * absent, date checks are skipped.
   */
  today?: string;
}

/** Lists and quotes nested deeper than this are not linted (real playbooks stay under 10). */
export const MAX_NESTING = 100;

export function lintText(text: string, options: LintOptions): LintResult {
  const model = readDocument(text, options.fileName);
  return typeof model === 'string' ? unlintable(model) : lintModel(model, options);
}

/** The document parsed and read (sections, turns, voices), or why it cannot be linted. */
export function readDocument(text: string, fileName?: string): PlaybookModel | string {
  const depth = nestingDepth(text, MAX_NESTING);
  if (depth > MAX_NESTING) return `This document nests lists or quotes more than ${MAX_NESTING} levels deep, so it was not linted; flatten the nesting.`;
  try {
    return buildModel(text, { fileName, parsed: parseInBatches(text) });
  } catch (e) {
    if (e instanceof RangeError) return `This document is too deeply nested to lint (${e.message}); flatten its lists and quotes.`;
    throw e;
  }
}

const withType = (type: string | undefined): { playbookType?: string } => (type ? { playbookType: type } : {});

function unlintable(message: string): LintResult {
  return {
    findings: [{ ruleId: INTERNAL_ERROR_RULE, severity: 'error', message, start: 0, end: 0, fixes: [] }],
    configErrors: [],
    stats: { words: 0, speechWords: 0, score: scoreDocument([], 0) },
    spoken: [],
    sections: [],
    annotations: [],
  };
}

/**
 * Deepest container nesting of any line (quote markers, list markers and list
 * indentation), stopping once past `limit`: micromark and the tree walkers
 * recurse per level, so a pathological document would overflow the stack or
 * take quadratic time.
 */
export function nestingDepth(text: string, limit: number): number {
  let max = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let depth = 0;
    let spaces = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        spaces += c === 9 ? 4 : 1;
        i++;
      } else if (c === 62) {
        depth++;
        spaces = 0;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        depth += 1 + (spaces >> 1);
        spaces = 0;
        i++;
      } else break;
    }
    if (depth > max) max = depth;
    if (max > limit) return max;
    while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    i++;
  }
  return max;
}

/**
 * What a segment contributed to a lint: its segment-reach findings, spoken
 * estimates and word counts, with offsets as they were when the segment's
 * anchor (its first block) was at `anchor`.
 */
interface SegmentResult {
  key: string;
  anchor: number;
  findings: Finding[];
  spoken: SpokenEstimate[];
  annotations: Annotation[];
  words: number;
  speechWords: number;
}

/**
 * The editor's memory between lints of one document: results per segment
 * (reused while the segment object is reused and the rule set, placeholder
 * style and line endings are unchanged) and the rule set from front matter.
 */
export class LintCache {
  readonly segments = new WeakMap<Segment, SegmentResult>();
  frontMatterConfig: FrontMatterConfigMemo | undefined;
}

export function lintModel(model: PlaybookModel, options: LintOptions, cache?: LintCache): LintResult {
  const configErrors: ConfigError[] = [...model.configErrors];
  const { effective, errors: fmErrors } = frontMatterConfig(model, options, cache);
  for (const e of fmErrors) configErrors.push(e);
  const ruleSet = compileRuleSet(options.rules, effective, options.configFile);
  const placeholderStyle = dominantStyle(model);
  const segmentRules = ruleSet.rules.filter((r) => r.kind.reach !== 'document');
  const documentRules = ruleSet.rules.filter((r) => r.kind.reach === 'document');
  const key = `${ruleSet.hash}\u0000${placeholderStyle}\u0000${model.text.includes('\r\n')}\u0000${segmentReadingKey(model)}\u0000${options.today ?? ''}`;

  const findings: Finding[] = [];
  const spoken: SpokenEstimate[] = [];
  const annotations: Annotation[] = [];
  let words = 0;
  let speechWords = 0;
  // Indexed loops: this runs over every segment on each keystroke, often before V8 optimises it, and for-of allocates an iterator per loop there.
  for (let i = 0; i < model.segments.length; i++) {
    const segment = model.segments[i];
    let result = cache?.segments.get(segment);
    if (!result || result.key !== key) {
      result = lintSegment(model, segment, segmentRules, placeholderStyle, key, options.today);
      cache?.segments.set(segment, result);
    } else if (result.anchor !== segment.anchor) {
      const moved = moveSegmentResult(result, segment.anchor);
      if (moved !== result) cache?.segments.set(segment, (result = moved));
    }
    for (let k = 0; k < result.findings.length; k++) findings.push(result.findings[k]);
    for (let k = 0; k < result.spoken.length; k++) spoken.push(result.spoken[k]);
    for (let k = 0; k < result.annotations.length; k++) annotations.push(result.annotations[k]);
    words += result.words;
    speechWords += result.speechWords;
  }
  runRules(model, documentRules, placeholderStyle, findings, options.today, annotations);

  const phraseRules = new Set(ruleSet.rules.filter((r) => r.rule.kind === 'phrase').map((r) => r.rule.id));
  const kept = dropModelFindingsBesidePhrases(dropNestedPhraseFindings(applyDirectives(findings, model.comments, model.lineStarts), phraseRules), phraseRules, model.lineStarts).sort(
    (a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId),
  );
  return {
    findings: kept,
    configErrors,
    stats: { words, speechWords, score: scoreDocument(kept, speechWords || words) },
    spoken: spoken.sort((a, b) => a.start - b.start),
    sections: model.sections.map(({ title, depth, start, end, headingStart, headingEnd, tags }) => ({ title, depth, start, end, headingStart, headingEnd, tags })),
    annotations: annotations.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId)),
    ...withType(model.frontMatter.type ?? playbookType(model, DEFAULT_TYPES)),
    ...(speechWords === 0 && words > 0 ? { notice: NOTHING_READ } : {}),
  };
}

/** Runs the segment-reach rules on one segment: the model narrowed to its units and turns. */
function lintSegment(model: PlaybookModel, segment: Segment, rules: ActiveRule[], placeholderStyle: PlaceholderStyle, key: string, today?: string): SegmentResult {
  const { text, sections, frontMatter, comments, lineStarts, configErrors, reading } = model;
  const view: PlaybookModel = { text, sections, frontMatter, comments, lineStarts, configErrors, reading, units: segment.units, turns: segment.turns, segments: [segment] };
  const findings: Finding[] = [];
  const annotations: Annotation[] = [];
  runRules(view, rules, placeholderStyle, findings, today, annotations);
  return {
    key,
    anchor: segment.anchor,
    findings,
    annotations,
    spoken: spokenEstimates(view),
    words: segment.units.reduce((n, u) => n + countWords(u.text), 0),
    speechWords: segment.turns.reduce((n, t) => (t.speech ? n + countWords(t.unit.text.slice(t.a, t.b)) : n), 0),
  };
}

function runRules(model: PlaybookModel, rules: ActiveRule[], placeholderStyle: PlaceholderStyle, findings: Finding[], today: string | undefined, annotations: Annotation[]): void {
  for (const active of rules) {
    const ctx = contextFor(model, active, placeholderStyle, findings, today, annotations);
    try {
      active.kind.check(ctx, active.compiled);
    } catch (e) {
      findings.push({
        ruleId: INTERNAL_ERROR_RULE,
        severity: 'error',
        message: `Rule ${active.rule.id} failed on this file (${(e as Error).message}); its findings are missing. Please report this with the file.`,
        start: 0,
        end: 0,
        fixes: [],
      });
    }
  }
}

/**
 * A segment's result moved with its segment (copies: earlier results stay as
 * they were). Most segments have nothing at an offset: their result is moved
 * in place, as a keystroke moves every segment after it.
 */
function moveSegmentResult(r: SegmentResult, anchor: number): SegmentResult {
  if (r.findings.length === 0 && r.spoken.length === 0 && r.annotations.length === 0) {
    r.anchor = anchor;
    return r;
  }
  const d = anchor - r.anchor;
  const move = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + d, end: x.end + d });
  return {
    ...r,
    anchor,
    findings: r.findings.map((f) => (f.ruleId === INTERNAL_ERROR_RULE ? f : { ...move(f), fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map(move) })), ...(f.related ? { related: f.related.map(move) } : {}) })),
    spoken: r.spoken.map(move),
    annotations: r.annotations.map(move),
  };
}

function contextFor(model: PlaybookModel, active: ActiveRule, placeholderStyle: PlaceholderStyle, out: Finding[], today: string | undefined, annotations: Annotation[]): RuleContext {
  const { rule } = active;
  const fm = model.frontMatter;
  const severityFor = (contexts: ReadonlySet<string>, base: Severity): Severity | 'off' => {
    for (const o of rule.severityOverrides ?? []) if (holds(o.when, contexts, fm.audience ?? 'prospect', fm.stage ?? 'cold')) return o.severity;
    return base;
  };
  return {
    model,
    rule,
    options: active.options,
    placeholderStyle,
    today,
    inScope(turn: Turn) {
      if (!turn.speech) return false;
      const { contexts, exclude } = rule.scope;
      if (exclude?.some((c) => turn.contexts.has(c))) return false;
      if (!contexts.includes('document') && !contexts.some((c) => turn.contexts.has(c))) return false;
      return severityFor(turn.contexts, active.severity) !== 'off';
    },
    report(d) {
      const base = d.severity ?? active.severity;
      // An override may silence a sub-check's own hint but not raise it: a hint is the rule saying its evidence is weak.
      const overridden = d.contexts ? severityFor(d.contexts, base) : base;
      const level = d.severity === 'hint' && overridden !== 'off' ? 'hint' : overridden;
      if (level === 'off') return;
      const severity = d.atMost && RANK[level] > RANK[d.atMost] ? d.atMost : level;
      const fixes = [...(d.fixes ?? [])];
      const suppress = suppressFix(model, rule.id, d.start);
      if (suppress) fixes.push(suppress);
      const turn = turnAtModel(model, d.start);
      const read = turn?.speech ? describeReading(turn) : undefined;
      const reading = read && d.basis === 'sentence' ? `${read} ${SENTENCE_BASIS}` : read;
      out.push({ ruleId: rule.id, severity, message: d.message ?? rule.message, start: d.start, end: d.end, fixes, ...(d.metrics ? { metrics: d.metrics } : {}), ...(d.related?.length ? { related: d.related } : {}), ...(reading ? { reading } : {}), ...(d.basis ? { basis: d.basis } : {}) });
    },
    annotate(a) {
      annotations.push({ ruleId: rule.id, ...a });
    },
  };
}

const RANK = { error: 3, warning: 2, info: 1, hint: 0 } as const;

/** Said in the hover of a sentence model's finding, after how the text was read. */
const SENTENCE_BASIS = 'Found by reading the sentence as a whole, not from a listed phrase, so it is shown as information.';

/**
 * A sentence that a rule's phrases already flag (this rule's or another's) is
 * not judged again by the sentence model: its finding would only repeat the
 * point, or name a second move for the same words.
 */
function dropModelFindingsBesidePhrases(findings: Finding[], phraseRules: ReadonlySet<string>, lineStarts: readonly number[]): Finding[] {
  if (!findings.some((f) => f.basis === 'sentence')) return findings;
  const flagged = new Set<number>();
  for (const f of findings) {
    if (f.basis === 'sentence' || !phraseRules.has(f.ruleId)) continue;
    for (let l = lineOf(lineStarts, f.start), last = lineOf(lineStarts, f.end); l <= last; l++) flagged.add(l);
  }
  return findings.filter((f) => {
    if (f.basis !== 'sentence') return true;
    for (let l = lineOf(lineStarts, f.start), last = lineOf(lineStarts, f.end); l <= last; l++) if (flagged.has(l)) return false;
    return true;
  });
}

/**
 * One problem, one finding: when a phrase finding lies inside a longer phrase
 * finding of another rule at the same or higher severity ("following up" inside
 * "following up to see if you've made a decision"), only the longer, more
 * specific one is kept.
 */
function dropNestedPhraseFindings(findings: Finding[], phraseRules: ReadonlySet<string>): Finding[] {
  // One sweep in start order (longer first): per severity, the two phrase findings of different rules reaching furthest so far.
  // A sentence model's finding spans its whole sentence: it is set beside the phrases after this (dropModelFindingsBesidePhrases).
  const phrase = findings.filter((f) => phraseRules.has(f.ruleId) && f.basis !== 'sentence').sort((a, b) => a.start - b.start || b.end - a.end);
  if (phrase.length < 2) return findings;
  const best: Array<Finding[]> = [[], [], [], [], []];
  const nested = new Set<Finding>();
  for (const b of phrase) {
    for (let r = RANK[b.severity]; r < best.length && !nested.has(b); r++) {
      for (const a of best[r]) if (a.ruleId !== b.ruleId && a.end >= b.end && a.end - a.start > b.end - b.start) nested.add(b);
    }
    const top = best[RANK[b.severity]];
    const same = top.findIndex((a) => a.ruleId === b.ruleId);
    if (same >= 0 ? top[same].end < b.end : true) {
      if (same >= 0) top.splice(same, 1);
      top.push(b);
      top.sort((x, y) => y.end - x.end);
      if (top.length > 2) top.length = 2;
    }
  }
  return nested.size ? findings.filter((f) => !nested.has(f)) : findings;
}

function holds(when: RuleCondition, contexts: ReadonlySet<string>, audience: string, stage: string): boolean {
  if (when.contexts && !when.contexts.some((c) => contexts.has(c))) return false;
  if (when.audience && !when.audience.includes(audience)) return false;
  if (when.stage && !when.stage.includes(stage)) return false;
  return true;
}

/**
 * "Disable <rule> for this line". In running text a `disable-line` comment at
 * the end of the line is safe everywhere (paragraph, list, quote); in a table
 * or fenced block a comment would change the table or the script, so the
 * block is wrapped in disable/enable comments instead.
 */
function suppressFix(model: PlaybookModel, ruleId: string, at: number): Fix | undefined {
  const text = model.text;
  const unit = unitAtModel(model, at);
  const title = `Disable ${ruleId} for this line`;
  if (unit && (unit.kind === 'fence' || unit.kind === 'table-cell')) {
    const block = unit.kind === 'table-cell' ? tableRange(model, at) : { start: unit.start, end: unit.end };
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    const lineStart = model.lineStarts[lineOf(model.lineStarts, block.start)];
    const indent = /^[ \t>]*/.exec(text.slice(lineStart, block.start))?.[0] ?? '';
    if (indent.trim() !== '') return undefined; // inside a quote or list: no safe place
    return {
      title: `Disable ${ruleId} for this block`,
      kind: 'suppress',
      snippet: false,
      edits: [
        { start: lineStart, end: lineStart, text: `<!-- playbook-lint-disable ${ruleId} -->${eol}` },
        { start: block.end, end: block.end, text: `${eol}<!-- playbook-lint-enable ${ruleId} -->` },
      ],
    };
  }
  const line = lineOf(model.lineStarts, at);
  let end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r') && end > model.lineStarts[line]) end--;
  return { title, kind: 'suppress', snippet: false, edits: [{ start: end, end, text: ` ${disableNextLineComment(ruleId).replace('disable-next-line', 'disable-line')}` }] };
}

/**
 * The first unit with `start <= at < end`, else the first with `start <= at <= end`,
 * looked up in the segments rather than in `model.units`, which joins every
 * segment's units on first use: the document-reach rules' findings would pay
 * for that on every keystroke. Segments and their units are in document order
 * and do not overlap, so binary searches find the candidates (a linear scan
 * per finding was quadratic on large files).
 */
export function unitAtModel(model: Pick<PlaybookModel, 'segments'>, at: number): Unit | undefined {
  let containing: Unit | undefined;
  let touching: Unit | undefined;
  for (let s = segmentIndexAt(model.segments, at); s >= 0; s--) {
    const units = model.segments[s].units;
    // units[0..n) start at or before `at`; only the last few can still reach it.
    let i = startingBy(units, at) - 1;
    for (; i >= 0 && units[i].end >= at; i--) {
      if (at < units[i].end) containing = units[i];
      else touching = units[i];
    }
    if (i >= 0) break; // this unit ends before `at`, and so do the ones before it
  }
  return containing ?? touching;
}

/** `turnAt(model.turns, at)`, looked up in the segments (see `unitAtModel`). */
export function turnAtModel(model: Pick<PlaybookModel, 'segments'>, at: number): Turn | undefined {
  for (let s = segmentIndexAt(model.segments, at); s >= 0; s--) {
    const turn = turnAt(model.segments[s].turns, at);
    if (turn) return turn;
  }
  return undefined;
}

/** Index of the last segment starting at or before `at` (-1 when none does). */
function segmentIndexAt(segments: readonly Segment[], at: number): number {
  return startingBy(segments, at) - 1;
}

/** How many of `items` (in document order) start at or before `at`: a binary search. */
function startingBy(items: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function tableRange(model: PlaybookModel, at: number): { start: number; end: number } {
  const cells = model.units.filter((u) => u.kind === 'table-cell');
  // Cells of one table are contiguous in document order; grow from the cell at `at`.
  const i = cells.findIndex((u) => u.start <= at && at <= u.end);
  let a = i;
  let b = i;
  const lineOfU = (u: Unit) => lineOf(model.lineStarts, u.start);
  while (a > 0 && lineOfU(cells[a - 1]) >= lineOfU(cells[a]) - 2 && cells[a - 1].section === cells[a].section) a--;
  while (b < cells.length - 1 && lineOfU(cells[b + 1]) <= lineOfU(cells[b]) + 2 && cells[b + 1].section === cells[b].section) b++;
  const startLine = lineOfU(cells[a]);
  const endLine = lineOf(model.lineStarts, cells[b].end);
  const start = model.lineStarts[startLine];
  let end = endLine + 1 < model.lineStarts.length ? model.lineStarts[endLine + 1] : model.text.length;
  while (end > start && (model.text[end - 1] === '\n' || model.text[end - 1] === '\r')) end--;
  return { start, end };
}

const segmentStyles = new WeakMap<Segment, Map<PlaceholderStyle, number>>();

/** Placeholders per style in a segment, in order of first use (kept: segments are reused between lints). */
function placeholderStyles(seg: Segment): Map<PlaceholderStyle, number> {
  let counts = segmentStyles.get(seg);
  if (!counts) {
    counts = new Map();
    for (const u of seg.units) for (const p of placeholdersOf(u)) counts.set(p.style, (counts.get(p.style) ?? 0) + 1);
    segmentStyles.set(seg, counts);
  }
  return counts;
}

function dominantStyle(model: PlaybookModel): PlaceholderStyle {
  const declared = model.frontMatter.placeholderStyle;
  if (declared === 'mustache' || declared === 'bracket' || declared === 'brace') return declared;
  const counts = new Map<PlaceholderStyle, number>();
  // Most segments hold no placeholder: skip them without iterating (this runs on every keystroke).
  for (let i = 0; i < model.segments.length; i++) {
    const styles = placeholderStyles(model.segments[i]);
    if (styles.size > 0) for (const [style, c] of styles) counts.set(style, (counts.get(style) ?? 0) + c);
  }
  let best: PlaceholderStyle = 'mustache';
  let n = 0;
  for (const [style, c] of counts) if (c > n) [best, n] = [style, c];
  return best;
}

function spokenEstimates(model: PlaybookModel): SpokenEstimate[] {
  const out: SpokenEstimate[] = [];
  for (const s of voicemailScripts(model)) {
    const budget = headingBudget(model, s.section);
    out.push({ start: s.start, end: s.end, kind: 'voicemail', words: s.words, seconds: spokenSeconds(s.words, s.phoneNumbers), ...(budget !== undefined ? { budget } : {}) });
  }
  for (const s of repMonologues(model)) out.push({ start: s.start, end: s.end, kind: 'rep-turn', words: s.words, seconds: spokenSeconds(s.words, s.phoneNumbers) });
  return out.sort((a, b) => a.start - b.start);
}

/** Segment results depend on how the document was read as a whole. */
function segmentReadingKey(model: PlaybookModel): string {
  return readingKey(model.reading);
}
