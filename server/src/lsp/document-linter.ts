/**
 * The single function the server calls to lint a document. Kept narrow on
 * purpose (text, uri and resolved config in; LintResult out). Behind it, an
 * incremental linter per recently edited document reuses the parse of the
 * blocks a change did not touch; its result equals a fresh `lintText`.
 *
 * A document's first lint (opening it, "Lint workspace" of a closed file) is
 * a plain `lintText` that keeps nothing: most opened documents are never
 * edited, and the incremental state of every file of a workspace would stay
 * resident. The incremental linter is created on the document's second lint
 * and dropped when the document is closed (`forgetDocument`).
 */
import { BUILTIN_RULES, hashString, lintText, type EffectiveConfig, type LintResult } from '../engine';
import { DocumentLinter } from '../engine/incremental';

export interface LintInput {
  uri: string;
  /** The document version the text belongs to (lets a caching linter key its work). */
  version: number;
  text: string;
  config: EffectiveConfig;
  /** Config file path, for error messages. */
  configFile?: string;
}

/** Documents whose parse is kept: the ones being typed in, not every file ever opened. */
const MAX_CACHED_DOCUMENTS = 8;
const linters = new Map<string, { config: EffectiveConfig; key: string; linter: DocumentLinter }>();
/** Documents linted at least once since they were last forgotten: their next lint keeps incremental state. */
const linted = new Set<string>();

export function lintDocument(input: LintInput): LintResult {
  let entry = linters.get(input.uri);
  if (!entry && !linted.has(input.uri)) {
    linted.add(input.uri);
    return lintText(input.text, { rules: BUILTIN_RULES, config: input.config, configFile: input.configFile });
  }
  if (!entry || (entry.config !== input.config && entry.key !== configKey(input))) {
    entry = { config: input.config, key: configKey(input), linter: new DocumentLinter({ rules: BUILTIN_RULES, config: input.config, configFile: input.configFile }) };
  }
  entry.config = input.config;
  // Most recently used last, so the first key is the one to evict.
  linters.delete(input.uri);
  linters.set(input.uri, entry);
  if (linters.size > MAX_CACHED_DOCUMENTS) linters.delete(linters.keys().next().value!);
  return entry.linter.lint(input.text);
}

/** Drops everything kept for `uri` (the document was closed); its next lint is a first lint again. */
export function forgetDocument(uri: string): void {
  linted.delete(uri);
  linters.delete(uri);
}

/** The documents whose incremental state is kept, least recently linted first (for tests). */
export function incrementalDocuments(): string[] {
  return [...linters.keys()];
}

function configKey(input: LintInput): string {
  return `${hashString(JSON.stringify(input.config))}:${input.configFile ?? ''}`;
}
