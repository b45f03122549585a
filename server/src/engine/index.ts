/**
 * Playbook Lint engine — the facade the language server and the CLI use.
 *
 * Pure: no LSP, no VS Code, no file system, no process. Configuration files
 * reach it through `ConfigHost`. All positions are 0-based UTF-16 offsets into
 * the text passed in (see types.ts).
 *
 *   const resolved = resolveConfig(file, host, BUILTIN_RULES, settingsRules);
 *   const result = lintText(text, { rules: BUILTIN_RULES, config: resolved.effective, configFile: resolved.configPath });
 *   const fixed = fixText(text, { rules: BUILTIN_RULES, config: resolved.effective });
 */
import { BUILTIN_RULES as GENERATED } from './rules/builtin-rules.generated';
import { applyFixList, safeFixes } from './fixes/apply-fixes';
import { lintText, type LintOptions } from './lint';
import type { RuleDefinition } from './rules/rule-types';

export const BUILTIN_RULES: readonly RuleDefinition[] = GENERATED.map((r) => ({ ...r, origin: 'builtin' }));

/** Base URL of the rules reference; a rule's page is `${RULES_DOCS_URL}#${id}`. */
export const RULES_DOCS_URL = 'https://github.com/playbook-lint/playbook-lint/blob/main/docs/rules.md';

export function ruleDocsUrl(id: string): string {
  return `${RULES_DOCS_URL}#${id}`;
}

export function findRule(id: string, extra: readonly RuleDefinition[] = []): RuleDefinition | undefined {
  return BUILTIN_RULES.find((r) => r.id === id) ?? extra.find((r) => r.id === id);
}

export interface FixResult {
  text: string;
  /** Safe fixes applied over all passes. */
  fixed: number;
  passes: number;
}

/**
 * Applies every safe fix, re-linting between passes until nothing changes
 * (at most 10 passes). Rewrites and suppressions are never applied here.
 */
export function fixText(text: string, options: LintOptions): FixResult {
  let current = text;
  let fixed = 0;
  let passes = 0;
  for (; passes < 10; passes++) {
    const fixes = safeFixes(lintText(current, options).findings);
    if (fixes.length === 0) break;
    const next = applyFixList(current, fixes);
    if (next.applied === 0 || next.text === current) break;
    fixed += next.applied;
    current = next.text;
  }
  return { text: current, fixed, passes };
}

export { applyEdits, applyFixList, safeFixes } from './fixes/apply-fixes';
export { CONFIG_FILE_NAMES, findConfigFile, parseConfigText, resolveConfig, baseConfig, type ConfigHost, type ResolvedConfig, type LoadedConfig } from './config/config';
export { CONFIG_SCHEMA, CUSTOM_RULE_SCHEMA } from './config/config-schema';
export type { EffectiveConfig, PlaybookLintConfig, RuleSetting } from './config/config-types';
export { INTERNAL_ERROR_RULE, lintText, lintModel, type LintOptions } from './lint';
export { buildModel, lineOf, lineStartsOf, type PlaybookModel } from './read/model';
export { PRESETS } from './config/presets';
export type { RuleDefinition, RuleExample, FixTemplate } from './rules/rule-types';
export { compileRuleSet, hashString } from './rules/rule-set';
export { scoreDocument } from './rules/score';
export { snippetToPlainText, escapeSnippet } from './fixes/snippets';
export * from './types';
export { localToday } from './rules/kinds/stale-playbook';
