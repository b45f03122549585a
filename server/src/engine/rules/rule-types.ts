/**
 * The shape of a rule as data. Built-in rules live in `server/rules/<id>.yaml`;
 * teams add phrase rules of the same shape under `rules` (custom) in their config.
 * `scripts/generate-rules.mjs` validates the YAML files against
 * `schemas/rule.schema.json` (every key below, fix actions as an enum, no
 * other keys; keep the two in step) and compiles them into a module the
 * engine imports. Options are typed by their default in the rule file.
 */
import type { Severity } from '../types';

/**
 * Where a rule looks. Contexts are section tags (see section-types.ts) plus:
 * - `rep`: any rep speech (labelled rep turns anywhere, and unlabelled speech in
 *   customer-facing sections);
 * - `subject`: `Subject:` lines and subject-line option lists;
 * - `document`: the whole document (structural rules).
 * A unit is in scope when it carries at least one listed context. Prospect
 * lines, anti-examples, mentions, inline code, headings, link text, URLs and
 * HTML comments are never in scope for phrase rules.
 */
export interface RuleScope {
  contexts: string[];
  /** Contexts that switch the rule off even when another context matches. */
  exclude?: string[];
}

/** Condition for a severity override; all given keys must hold. */
export interface RuleCondition {
  /** The unit carries any of these contexts. */
  contexts?: string[];
  /** Front matter `audience` is one of these. */
  audience?: string[];
  /** Front matter `stage` (alias `relationship`) is one of these. */
  stage?: string[];
}

export interface SeverityOverride {
  when: RuleCondition;
  severity: Severity | 'off';
}

/**
 * A fix template.
 * - `action: delete-leading-clause` (safe): when the match opens its sentence and is
 *   followed by `,` `—` `–` `-` `:` or `;` (and an optional "but") and at least
 *   `minWordsAfter` words, delete it and capitalise what follows.
 * - `action: delete-match` (safe): delete the matched words and one adjoining space.
 * - `action: replace-match` with `text`: replace the match (plain text → may be safe).
 * - `action: replace-sentence` with `text`: replace the sentence containing the match.
 * - `action: insert-after` with `text`: insert after the unit (paragraph, turn or block).
 * Texts may use snippet tab stops `${1:label}`; `{{company}}`-style document
 * placeholders are rewritten into the document's own placeholder style.
 */
export interface FixTemplate {
  title: string;
  kind: 'safe' | 'rewrite';
  action: 'delete-leading-clause' | 'delete-match' | 'replace-match' | 'replace-sentence' | 'insert-after';
  text?: string;
  /** Offer only in units carrying one of these contexts. */
  contexts?: string[];
  /** For delete-leading-clause: words that must remain in the sentence (default 4). */
  minWordsAfter?: number;
  /** Offer only when the matched words match this regular expression (case-insensitive), e.g. only the "just" of a hedge family. */
  matching?: string;
  /** Offer only in turns of these channels; without it a sentence rewrite is offered everywhere but in a subject line. */
  channels?: Array<'email' | 'subject' | 'voicemail' | 'call' | 'message'>;
  /** Offer only where the message reads as one of these stages (see fixes/place.ts). */
  stages?: Array<'cold' | 'reply' | 'customer'>;
  /** Offer only when the message already holds these facts; they fill `{{first_name}}`, `{{company}}`, `{{rep_name}}`, `{{rep_company}}`, `{{rep_phone}}`, `{{topic}}`. */
  requires?: FactName[];
  /** Do not offer when the message already holds one of these facts. */
  unlessKnown?: FactName[];
}

export type FactName = 'first_name' | 'company' | 'rep_name' | 'rep_company' | 'rep_phone' | 'topic';

export interface RuleExample {
  /** A Markdown document. */
  text: string;
  /** Expected findings, one per line, `line:col-line:col severity rule-id` (1-based, UTF-16 columns). */
  findings?: string[];
  /** The text after applying every safe fix, when the rule has one. */
  fixed?: string;
  /** Config for the example, same shape as a config file. */
  config?: Record<string, unknown>;
  /** Today's date for the example (`YYYY-MM-DD`), for rules about dates. */
  today?: string;
}

/**
 * Evidence behind a rule, cited to users as "Title — Author" with its link
 * (hover, SARIF help, docs/rules.md). Built-in rules give title and author
 * for every source (checked by scripts/generate-rules.mjs).
 */
export interface RuleSource {
  /** The work's own title (article, page, book, study). */
  title: string;
  /** Who wrote or published it: a person, or the organisation when no person is named. */
  author?: string;
  url?: string;
  /** What the rule takes from it, in one plain sentence. */
  note?: string;
  /** Provenance in the product's research notes; never shown to users. */
  seed?: string;
}

/** "Title — Author", the way users see a source cited. */
export function citeSource(s: Pick<RuleSource, 'title' | 'author'>): string {
  return s.author ? `${s.title} — ${s.author}` : s.title;
}

export interface RuleDefinition {
  id: string;
  /** `phrase` for phrase lists; other kinds are metric or structural checks in code (kinds/). */
  kind: string;
  severity: Severity | 'off';
  /** What the rule flags, in a few plain words (shown by `--list-rules` and in the docs). */
  description?: string;
  /** One sentence, problem then remedy. `{match}` is replaced with the matched words. Metric kinds document their own fields. */
  message: string;
  /** Why it matters to the buyer. Markdown. */
  rationale: string;
  sources: RuleSource[];
  scope: RuleScope;
  severityOverrides?: SeverityOverride[];
  /** Phrase kind: regular expressions (JavaScript syntax, matched case-insensitively with the `u` flag against normalised text: curly quotes folded to straight ones, every run of white space a single space). Word boundaries are added at both ends. */
  patterns?: string[];
  /** Phrase kind: a match is dropped when its sentence matches one of these. */
  unless?: string[];
  fixes?: FixTemplate[];
  /** Kind-specific options with their defaults; users override them in config. */
  options?: Record<string, unknown>;
  examples?: { valid?: RuleExample[]; invalid?: RuleExample[] };
  /** Tags shown in docs (e.g. `time-wasting`, `pressure`). */
  tags?: string[];
  /** Set by the engine: 'builtin' or the config file that defined the rule. */
  origin?: string;
}
