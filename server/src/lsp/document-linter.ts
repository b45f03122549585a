/**
 * The single function the server calls to lint a document. Kept narrow on
 * purpose (text, uri and resolved config in; LintResult out) so an
 * incremental engine can replace it without touching the protocol glue.
 */
import { BUILTIN_RULES, lintText, type EffectiveConfig, type LintResult } from '../engine';

export interface LintInput {
  uri: string;
  /** The document version the text belongs to (lets a caching linter key its work). */
  version: number;
  text: string;
  config: EffectiveConfig;
  /** Config file path, for error messages. */
  configFile?: string;
}

export function lintDocument(input: LintInput): LintResult {
  return lintText(input.text, { rules: BUILTIN_RULES, config: input.config, configFile: input.configFile });
}
