/**
 * A rule kind is the code behind a family of rules. Phrase rules are pure
 * data for the `phrase` kind; metrics (spoken duration, monologue length,
 * word counts) are kinds of their own whose thresholds are rule options.
 */
import type { PlaybookModel, Turn } from '../../read/model';
import type { RuleDefinition } from '../rule-types';
import type { Annotation, Finding, Fix, RelatedLocation, Severity } from '../../types';
import type { PlaceholderStyle } from '../../read/words';

export interface FindingDraft {
  start: number;
  end: number;
  /** Replaces the rule's message (metric kinds fill in figures). */
  message?: string;
  fixes?: Fix[];
  metrics?: Record<string, number>;
  /** Contexts of the text reported on, for severity overrides. */
  contexts?: ReadonlySet<string>;
  /** Replaces the rule's severity before overrides (a sub-check with its own level). */
  severity?: Severity;
  /** Other places the finding is about (the earlier touch it repeats). */
  related?: RelatedLocation[];
  /** The highest severity the finding may have after overrides (weak evidence stays information). */
  atMost?: Severity;
  /** How it was found, when not from the rule's own words (see Finding.basis). */
  basis?: 'sentence';
}

export interface RuleContext {
  model: PlaybookModel;
  rule: RuleDefinition;
  /** The rule's option defaults merged with the user's. */
  options: Record<string, unknown>;
  /** The document's dominant placeholder style (mustache when it has none). */
  placeholderStyle: PlaceholderStyle;
  /** Today as `YYYY-MM-DD` when the caller passed it (`LintOptions.today`); date checks are skipped without it. */
  today?: string;
  /** Whether the rule applies to this turn: speech, in scope, not excluded, severity not off. */
  inScope(turn: Turn): boolean;
  report(draft: FindingDraft): void;
  /** Shows a measurement on a part of the document (a code lens and a hover), whether or not it is a finding. */
  annotate(annotation: Omit<Annotation, 'ruleId'>): void;
}

export interface RuleKind<Compiled = unknown> {
  name: string;
  /**
   * What one check reads. `segment` (the default): the turns of one segment
   * (a heading and its blocks up to the next heading) plus the sections above
   * it and the front matter; `ctx.model.units`/`turns` then hold just that
   * segment, and the editor re-runs the rule only where a segment changed.
   * `document`: the whole model (coverage across sections, a section with
   * its subsections, document-wide placeholder style); run on every lint.
   */
  reach?: 'segment' | 'document';
  /**
   * Prepares a rule for checking (compiles its patterns). Throws an Error whose
   * message says what is wrong with the rule; the rule is then skipped and the
   * message reported as a config error.
   */
  compile(rule: RuleDefinition): Compiled;
  check(ctx: RuleContext, compiled: Compiled): void;
  /**
   * Options that hold a regular expression, with the flags the built-in
   * default runs with. A value set in config is compiled when the config is
   * loaded like a team pattern (RE2, case-insensitive); a bad one skips the rule.
   */
  patternOptions?: Readonly<Record<string, string>>;
  /** The kind builds safe fixes in code (not from the rule's `fixes` templates), e.g. dropping a subject's exclamation mark. */
  safeFixesInCode?: boolean;
  /** The kind builds rewrites (quick fixes never applied by --fix) in code, e.g. closing a placeholder's braces. */
  rewritesInCode?: boolean;
}

export type { Finding };
