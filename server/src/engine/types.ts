/**
 * The engine's public contract. Everything here is plain data so that the
 * language server, the CLI and tests can pass it around, serialise it into
 * `Diagnostic.data` or JSON output, and compare it in fixtures.
 *
 * Position unit: every offset is an absolute, 0-based UTF-16 code-unit index
 * into the original text (the string the caller passed in, BOM and CRLF
 * included). Ranges are half-open `[start, end)`. Line/column appear only in
 * the CLI's and the server's converters.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Replace `[start, end)` of the original text with `text`. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * One way to resolve a finding.
 * - `safe`: deterministic and meaning-preserving (delete a filler clause, strip a
 *   fake "Re:"). Applied by fix-all, `--fix` and `editor.codeActionsOnSave`.
 * - `rewrite`: needs the rep's knowledge (the trigger event, the value for the
 *   buyer). Offered only as an explicit quick fix, never auto-applied.
 */
export interface Fix {
  title: string;
  /** `suppress`: adds a playbook-lint-disable comment for this finding's line or block. */
  kind: 'safe' | 'rewrite' | 'suppress';
  /**
   * When true, edit texts use snippet syntax (`${1:trigger event}`, `$0`, with
   * `\$`, `\}` and `\\` escaped). Clients without snippet support get
   * `snippetToPlainText`, which turns tab stops into readable `[trigger event]`.
   */
  snippet: boolean;
  /** Non-overlapping edits, sorted by start. */
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence: the problem in the buyer's terms, then the remedy. */
  message: string;
  start: number;
  end: number;
  /** Alternatives, the first preferred. May be empty. */
  fixes: Fix[];
  /** Figures behind a metric finding (e.g. `{ seconds: 34, budget: 25 }`), for hovers and reports. */
  metrics?: Record<string, number>;
  /**
   * Other places the finding is about, e.g. the earlier touch of a sequence a
   * later one repeats: same offsets as `start`/`end`, with a short message.
   * LSP `relatedInformation`, SARIF `relatedLocations`.
   */
  related?: RelatedLocation[];
  /** How the text it sits in was read ("Read as an email under “Email 2”, your words to the buyer (…)"), for the hover. */
  reading?: string;
  /** 'sentence': found by the sentence model reading the whole sentence, not by one of the rule's phrases. */
  basis?: 'sentence';
}

export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
}

/** A problem with configuration: a file, a key path and, where known, an offset into that file. */
export interface ConfigError {
  /** Path of the config file as the host named it; '<settings>' for editor settings, '<front-matter>' for the playbook's own front matter. */
  file: string;
  /** JSON-pointer-like key path, e.g. `rules/no-empty-check-in/severity`. */
  key: string;
  message: string;
  /** UTF-16 offsets into the config file, when known. */
  start?: number;
  end?: number;
}

/** Figures about a whole document, for the status bar, code lenses and the CLI summary. */
export interface DocumentStats {
  /** Words of customer-facing speech and writing (scripts, emails, voicemails). */
  speechWords: number;
  /** All words outside code and front matter. */
  words: number;
  /** 0–100; see `scoreDocument` for the formula. */
  score: number;
}

/** Spoken-duration estimate for one script unit (voicemail or rep turn), for code lenses. */
export interface SpokenEstimate {
  start: number;
  end: number;
  kind: 'voicemail' | 'rep-turn';
  words: number;
  seconds: number;
  /** Budget in seconds that applies to this unit, when any. */
  budget?: number;
}

/**
 * A measurement a rule shows on a part of the document whatever its verdict:
 * the talk ratio of a call script, the objections a section covers. The editor
 * shows `title` as a code lens above `[start, end)` and `detail` on hover.
 */
export interface Annotation {
  ruleId: string;
  /** Usually the heading line of the section measured. */
  start: number;
  end: number;
  /** One short line, e.g. "Talk ratio: rep 72 % · buyer 28 % of words · 3 rep questions". */
  title: string;
  /** Markdown for the hover: the figures and what they are compared with. */
  detail?: string;
  metrics?: Record<string, number>;
}

export interface Section {
  /** Heading text, or null for the part of the document before the first heading. */
  title: string | null;
  depth: number;
  /** Range of the whole section, heading included, up to the next heading of the same or higher level. */
  start: number;
  end: number;
  /** Range of the heading line itself (empty for the preamble). */
  headingStart: number;
  headingEnd: number;
  /** Section type tags accumulated down the heading path (see section-types.ts). */
  tags: string[];
}

export interface LintResult {
  findings: Finding[];
  /** Config problems found while linting this text (front-matter config, custom rules). */
  configErrors: ConfigError[];
  stats: DocumentStats;
  spoken: SpokenEstimate[];
  sections: Section[];
  /**
   * The playbook's type: front matter `type:`, else the type a title names
   * when the content backs it (`# Cold call script` over rep and buyer turns),
   * as playbook-structure reads it. Absent when neither says.
   */
  playbookType?: string;
  /**
   * Set when no text in the document reads as the rep's words to a buyer: the
   * score then says nothing, and this sentence tells the user how to mark
   * scripts and templates.
   */
  notice?: string;
  /** Measurements shown as code lenses and hovers, sorted by start. */
  annotations: Annotation[];
}
