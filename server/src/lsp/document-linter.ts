/**
 * The single function the server calls to lint a document. Kept narrow on
 * purpose (text, uri and resolved config in; LintResult out). Behind it, an
 * incremental linter per recently linted document reuses the parse of the
 * blocks a change did not touch; its result equals a fresh `lintText`.
 */
import { BUILTIN_RULES, hashString, type EffectiveConfig, type LintResult } from '../engine';
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

export function lintDocument(input: LintInput): LintResult {
  let entry = linters.get(input.uri);
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

function configKey(input: LintInput): string {
  return `${hashString(JSON.stringify(input.config))}:${input.configFile ?? ''}`;
}
