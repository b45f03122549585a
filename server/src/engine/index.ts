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
import { frontMatterConfig } from './config/front-matter-config';
import { buildModel } from './read/model';
import type { EffectiveConfig } from './config/config-types';
import type { ConfigError } from './types';
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

/** The settings one document is linted with (what `--print-config` shows). */
export interface FileSettings {
  /** What the front matter says about the document; `audience` and `stage` with their defaults. */
  document: { type?: string; audience: string; stage: string; status?: string; placeholderStyle?: string; variables?: string[]; sections?: Record<string, string>; speakers?: unknown };
  /** Every rule's severity and options after config files, settings and the front matter's `playbook-lint:` block; options not set are shown with their defaults. */
  rules: EffectiveConfig['rules'];
  /** Ids of the team rules in force. */
  customRules: string[];
  /** Problems in the front matter's `playbook-lint:` block. */
  errors: ConfigError[];
}

/**
 * The effective settings for a document: `options.config` (from resolveConfig)
 * with the document's front matter applied and every option default filled in.
 * Severity overrides that depend on a section (`severityOverrides`) still apply per finding.
 */
export function fileSettings(text: string, options: LintOptions): FileSettings {
  const model = buildModel(text);
  const { effective, errors } = frontMatterConfig(model, options);
  const defs = new Map([...options.rules, ...effective.customRules].map((r) => [r.id, r]));
  const rules: EffectiveConfig['rules'] = {};
  for (const id of Object.keys(effective.rules).sort()) {
    const setting = effective.rules[id];
    rules[id] = { severity: setting.severity, options: { ...(defs.get(id)?.options ?? {}), ...setting.options } };
  }
  const fm = model.frontMatter;
  const document: FileSettings['document'] = { audience: fm.audience ?? 'prospect', stage: fm.stage ?? 'cold' };
  if (fm.type !== undefined) document.type = fm.type;
  if (fm.status !== undefined) document.status = fm.status;
  if (fm.placeholderStyle !== undefined) document.placeholderStyle = fm.placeholderStyle;
  if (fm.variables !== undefined) document.variables = fm.variables;
  if (fm.sections !== undefined) document.sections = fm.sections;
  if (fm.speakers !== undefined) document.speakers = fm.speakers;
  return { document, rules, customRules: effective.customRules.map((r) => r.id), errors: [...model.configErrors, ...errors] };
}

export { applyEdits, applyFixList, safeFixes } from './fixes/apply-fixes';
export { TakenSpans } from './fixes/taken-spans';
export { capFindings, MAX_FINDINGS_PER_FILE, MORE_FINDINGS_RULE } from './rules/findings-cap';
export { CONFIG_FILE_NAMES, findConfigFile, parseConfigText, resolveConfig, baseConfig, type ConfigHost, type ResolvedConfig, type LoadedConfig, type ResolveOptions, type Withheld } from './config/config';
export { CONFIG_SCHEMA, CUSTOM_RULE_SCHEMA } from './config/config-schema';
export type { EffectiveConfig, PlaybookLintConfig, RuleSetting } from './config/config-types';
export { configKey } from './config/config-key';
export { INTERNAL_ERROR_RULE, lintText, lintModel, type LintOptions } from './lint';
export { firstScreenCut, lintFirstScreen, FIRST_SCREEN_LINES, LONG_DOCUMENT_LINES, type FirstScreen } from './first-screen';
export { buildModel, lineOf, lineStartsOf, type PlaybookModel } from './read/model';
export { explainReading, NOTHING_READ, type ReadingLine } from './read/explain';
export { numbersSaid } from './read/spoken';
export { PRESETS } from './config/presets';
export type { RuleDefinition, RuleExample, RuleSource, FixTemplate } from './rules/rule-types';
export { citeSource } from './rules/rule-types';
export { ruleFixability } from './rules/kinds';
export { plural, pluralOf, fillMessage, listOf } from './rules/plural';
export { compileRuleSet, hashString } from './rules/rule-set';
export { scoreDocument } from './rules/score';
export { snippetToPlainText, escapeSnippet } from './fixes/snippets';
export * from './types';
export { localToday } from './rules/kinds/stale-playbook';
