/**
 * config — one pipeline to one effective config: config files found upward
 * from the playbook, `extends` (presets and files), `overrides`, editor
 * settings or `--rule` (resolveConfig), then the playbook's own front matter
 * (frontMatterConfig). Every mistake is reported at its own line, all at once;
 * configKey is the effective config's one identity.
 *
 * May import: parse (types), rules, ../types. Imported by: lint.ts, index.ts;
 * rules imports its types only. (Matrix in ARCHITECTURE.md; test/engine/boundaries.test.ts.)
 */
export { resolveConfig, parseConfigText, checkConfigData, findConfigFile, baseConfig, applyRules, CONFIG_FILE_NAMES, type ConfigHost, type ResolvedConfig, type LoadedConfig, type ResolveOptions, type Withheld } from './config';
export { frontMatterConfig, FRONT_MATTER_FILE, type FrontMatterConfigMemo } from './front-matter-config';
export { configKey } from './config-key';
export { CONFIG_SCHEMA, CUSTOM_RULE_SCHEMA } from './config-schema';
export { PRESETS, type PresetName } from './presets';
export type { EffectiveConfig, PlaybookLintConfig, RuleSetting } from './config-types';
