/**
 * Loading, validating and merging configuration. File access goes through
 * `ConfigHost`, so the engine itself never touches the file system.
 */
import type { ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type * as ConfigValidator from './config-validator';
import type { EffectiveConfig, PlaybookLintConfig, RuleSetting } from './config-types';
import { PRESETS, presetSeverity, type PresetName } from './presets';
import type { RuleDefinition } from '../rules/rule-types';
import { compileRuleSet } from '../rules/rule-set';
import { RULE_KINDS } from '../rules/kinds';
import { yamlProblem } from '../parse/front-matter';
import type { ConfigError, Severity } from '../types';

/** Longest config file read, in characters (a 200-rule team config is about 40,000). */
export const MAX_CONFIG_CHARS = 262_144;

/** Most team rules one file's config may add up to, across `extends`. */
export const MAX_TEAM_RULES = 200;

export const CONFIG_FILE_NAMES = ['.playbooklintrc.json', '.playbooklintrc.yaml', '.playbooklintrc.yml'] as const;

/** What the engine needs from the outside world to find config files. Paths use the host's own separators. */
export interface ConfigHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  join(dir: string, name: string): string;
  /** Path of `to` relative to `from`, with `/` separators. */
  relative(from: string, to: string): string;
}

export interface LoadedConfig {
  path: string;
  config: PlaybookLintConfig;
  errors: ConfigError[];
}

let validator: ValidateFunction | undefined;

/**
 * Loaded and compiled on first use: compiling costs ~70 ms, Ajv is 250 KB of
 * code, and most runs (each CLI worker thread too) never meet a config file.
 */
function configValidator(): ValidateFunction {
  return (validator ??= (require('./config-validator') as typeof ConfigValidator).compileConfigValidator());
}

/** Parses and validates one config file's text (JSON or YAML). Invalid parts are dropped, valid parts kept. */
export function parseConfigText(path: string, text: string): LoadedConfig {
  const errors: ConfigError[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (path.endsWith('.json') && doc.errors.length === 0) {
    // YAML accepts what JSON does not (trailing commas, comments); a .json file must be JSON.
    try {
      JSON.parse(text);
    } catch (e) {
      const at = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? 0);
      errors.push({ file: path, key: '', message: `Invalid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}. Fix the syntax; until then the file is ignored.`, start: at, end: Math.min(text.length, at + 1) });
      return { path, config: {}, errors };
    }
  }
  for (const e of doc.errors) {
    errors.push({ file: path, key: '', message: `${path.endsWith('.json') ? 'Invalid JSON' : 'Invalid YAML'}: ${e.message.split('\n')[0]}. Fix the syntax; until then the file is ignored.`, start: e.pos[0], end: e.pos[1] });
  }
  if (doc.errors.length) return { path, config: {}, errors };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    errors.push({ file: path, key: '', message: `The config is not read: ${yamlProblem(e)}. Fix it; until then the file is ignored.`, start: 0, end: Math.min(text.length, 1) });
    return { path, config: {}, errors };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    errors.push({ file: path, key: '', message: 'The config must be an object with keys such as "rules" and "extends".', start: 0, end: text.length });
    return { path, config: {}, errors };
  }
  const config = data as PlaybookLintConfig;
  const team = (config as { customRules?: unknown }).customRules;
  if (Array.isArray(team) && team.length > MAX_TEAM_RULES) {
    // Cut before validating: checking 20,000 rules would cost seconds before the limit applies.
    errors.push({ file: path, key: 'customRules', message: `customRules: has ${team.length} entries; only the first ${MAX_TEAM_RULES} apply (a limit that keeps linting fast), so split the list or drop entries.`, ...rangeOf(doc, ['customRules']) });
    team.length = MAX_TEAM_RULES;
  }
  errors.push(...checkConfigData(path, config, (key, atKey) => rangeOf(doc, key, atKey)));
  return { path, config, errors };
}

/**
 * Validates config data against the schema and reports every mistake at once,
 * each placed by `locate` (the range of a key path in the source the data came
 * from: a config file, or a playbook's front matter). Invalid parts are removed
 * from `config`, valid parts kept.
 */
export function checkConfigData(file: string, config: PlaybookLintConfig, locate: (keyPath: string[], atKey: boolean) => { start?: number; end?: number }): ConfigError[] {
  const errors: ConfigError[] = [];
  const validateConfig = configValidator();
  if (!validateConfig(config)) {
    const seen = new Set<string>();
    const all = validateConfig.errors ?? [];
    // A oneOf reports every branch; keep the deepest error, which names the real problem.
    // An unknown key inside a value is deeper too (its key names the value's key).
    const deeper = (path: string) => all.some((e) => e.instancePath.startsWith(path + '/') || (e.keyword === 'additionalProperties' && e.instancePath === path));
    for (const err of all) {
      if (err.keyword !== 'additionalProperties' && deeper(err.instancePath)) continue;
      const pathParts = err.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      let key = pathParts.join('/');
      let message = err.message ?? 'is invalid';
      if (err.keyword === 'additionalProperties') {
        const extra = (err.params as { additionalProperty: string }).additionalProperty;
        key = [...pathParts, extra].join('/');
        message = `unknown key "${extra}"`;
      } else if (err.keyword === 'maxItems') {
        const limit = (err.params as { limit: number }).limit;
        message = `has more than ${limit} entries; only the first ${limit} apply (a limit that keeps linting fast), so split the list or drop entries`;
      } else if (err.keyword === 'maxLength') {
        message = `is longer than ${(err.params as { limit: number }).limit} characters; split it into several patterns`;
      } else if (err.keyword === 'enum') {
        message = `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      }
      if (err.keyword === 'oneOf' || seen.has(key)) continue;
      seen.add(key);
      const range = locate(key ? key.split('/') : [], err.keyword === 'additionalProperties');
      errors.push({ file, key, message: `${key || 'config'}: ${message}.`, ...range });
      if (err.keyword === 'maxItems') truncateAt(config as Record<string, unknown>, key.split('/'), (err.params as { limit: number }).limit);
      else removeAt(config as Record<string, unknown>, key ? key.split('/') : []);
    }
  }
  return errors;
}

/** Range of the value at `keyPath`, or of its key when `atKey` (an unknown key is underlined, a bad value is). */
export function rangeOf(doc: Document, keyPath: string[], atKey = true): { start?: number; end?: number } {
  for (let n = keyPath.length; n >= 0; n--) {
    const p = keyPath.slice(0, n).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const parent = n > 0 ? doc.getIn(p.slice(0, -1), true) : undefined;
    if (n > 0 && isMap(parent) && (atKey || n < keyPath.length)) {
      const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === String(p[p.length - 1]));
      if (pair && isScalar(pair.key) && pair.key.range) return { start: pair.key.range[0], end: pair.key.range[1] };
    }
    const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return { start: node.range[0], end: node.range[1] };
    if (n === 0 && doc.contents && (doc.contents as { range?: number[] }).range) {
      const r = (doc.contents as { range: number[] }).range;
      return { start: r[0], end: Math.min(r[1], r[0] + 1) };
    }
  }
  return {};
}

function truncateAt(obj: Record<string, unknown>, keyPath: string[], limit: number): void {
  let cur: unknown = obj;
  for (const k of keyPath) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  if (Array.isArray(cur)) cur.length = limit;
}

function removeAt(obj: Record<string, unknown>, keyPath: string[]): void {
  if (keyPath.length === 0) return;
  let cur: unknown = obj;
  for (let i = 0; i < keyPath.length - 1; i++) {
    if (!cur || typeof cur !== 'object') return;
    cur = (cur as Record<string, unknown>)[keyPath[i]];
  }
  if (!cur || typeof cur !== 'object') return;
  const last = keyPath[keyPath.length - 1];
  if (Array.isArray(cur)) cur.splice(Number(last), 1, undefined);
  else delete (cur as Record<string, unknown>)[last];
}

export interface ResolvedConfig {
  /** Config files read, nearest first (extends included): watch these. */
  files: string[];
  /** The nearest config file, if any. */
  configPath?: string;
  errors: ConfigError[];
  /** Merged, for this file. */
  effective: EffectiveConfig;
  /** The file matches `ignorePatterns`. */
  ignored: boolean;
  /** Restricted Mode only: what the workspace's config asked for that was not applied. */
  withheld?: Withheld;
}

/** What Restricted Mode left out of a config. */
export interface Withheld {
  /** Team rules (`customRules`) not loaded, by id. */
  teamRules: string[];
  /** Regular-expression options not applied, as `rule-id/options/name`. */
  patternOptions: string[];
}

export interface ResolveOptions {
  /**
   * The workspace is not trusted (VS Code's Restricted Mode): apply built-in
   * rules and data-only settings (severities, options that are not patterns,
   * overrides, ignorePatterns, structure); load no team rule and no pattern
   * option. Such a config can neither run a pattern of the repository's
   * choosing nor slow the editor down.
   */
  restricted?: boolean;
}

/**
 * Finds the nearest config file upward from `filePath`, follows `extends`,
 * applies `overrides` matching the file, and merges `extra` (editor settings,
 * CLI `--rule`) last.
 */
export function resolveConfig(filePath: string, host: ConfigHost, builtins: readonly RuleDefinition[], extra?: Record<string, RuleSetting>, explicitConfigPath?: string, options: ResolveOptions = {}): ResolvedConfig {
  const found = explicitConfigPath ?? findConfigFile(host.dirname(filePath), host);
  const layers: Layer[] = [];
  const files: string[] = [];
  const errors: ConfigError[] = [];
  let ignored = false;
  if (found) {
    if (explicitConfigPath && host.readFile(explicitConfigPath) === undefined) {
      errors.push({ file: explicitConfigPath, key: '', message: `Cannot read the config file ${explicitConfigPath}; check the path.` });
    }
    loadChain(found, host, layers, files, errors, new Set());
  }
  const effective = baseConfig(builtins, 'recommended');
  const withheld: Withheld = { teamRules: [], patternOptions: [] };
  if (options.restricted) effective.restricted = true;
  for (const layer of layers) {
    if ('preset' in layer) {
      effective.rules = { ...effective.rules, ...baseConfig(builtins, layer.preset).rules };
      continue;
    }
    const { dir, config } = layer;
    applyRules(effective, config.rules);
    for (const custom of config.customRules ?? []) {
      if (!custom) continue;
      if (options.restricted) withheld.teamRules.push(typeof custom.id === 'string' ? custom.id : '(no id)');
      else effective.customRules.push(custom as RuleDefinition);
    }
    const rel = host.relative(dir, filePath);
    for (const o of config.overrides ?? []) {
      if (!o) continue;
      if (matches(rel, o.files) && !matches(rel, o.excludedFiles)) applyRules(effective, o.rules);
    }
    if (matches(rel, config.ignorePatterns)) ignored = true;
    if (config.structure && typeof config.structure === 'object') {
      const prev = effective.rules['playbook-structure'] ?? { severity: 'info' as Severity, options: {} };
      const types = { ...((prev.options.types as object) ?? {}), ...config.structure };
      effective.rules['playbook-structure'] = { ...prev, options: { ...prev.options, types } };
    }
  }
  if (effective.customRules.length > MAX_TEAM_RULES) {
    errors.push({ file: found ?? '<settings>', key: 'customRules', message: `customRules: the config and the files it extends define ${effective.customRules.length} team rules; only the first ${MAX_TEAM_RULES} apply (a limit that keeps linting fast).` });
    effective.customRules.length = MAX_TEAM_RULES;
  }
  applyRules(effective, extra);
  // After the editor settings too: in VS Code a workspace's .vscode/settings.json reaches the server as settings.
  if (options.restricted) withheld.patternOptions.push(...withholdPatternOptions(effective, builtins));
  // Problems only found when compiling rules (unknown ids, bad patterns) are located in the file that names them.
  for (const e of compileRuleSet(builtins, effective, found ?? '<settings>').errors) {
    const located = locate(e, files, host);
    if (!errors.some((x) => x.key === located.key && x.file === located.file)) errors.push(located);
  }
  return { files, configPath: found, errors, effective, ignored, ...(options.restricted ? { withheld } : {}) };
}

/**
 * Removes from `config` the options whose value is a regular expression a
 * user wrote (a rule kind's `patternOptions`), back to the rule's default.
 * Returns them as `rule-id/options/name`.
 */
export function withholdPatternOptions(config: EffectiveConfig, builtins: readonly RuleDefinition[]): string[] {
  const dropped: string[] = [];
  for (const rule of builtins) {
    const setting = config.rules[rule.id];
    const names = Object.keys(RULE_KINDS.get(rule.kind)?.patternOptions ?? {});
    if (!setting || names.length === 0) continue;
    const kept = { ...setting.options };
    for (const name of names) {
      if (!(name in kept)) continue;
      delete kept[name];
      dropped.push(`${rule.id}/options/${name}`);
    }
    if (Object.keys(kept).length !== Object.keys(setting.options).length) config.rules[rule.id] = { ...setting, options: kept };
  }
  return dropped;
}

function locate(e: ConfigError, files: string[], host: ConfigHost): ConfigError {
  const key = e.key.split('/');
  for (const file of files) {
    const text = host.readFile(file);
    if (text === undefined || text.length > MAX_CONFIG_CHARS) continue;
    const doc = parseDocument(text, { prettyErrors: false });
    for (let n = key.length; n > 0; n--) {
      const p = key.slice(0, n).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      if (!doc.hasIn(p)) continue;
      return { ...e, file, ...rangeOf(doc, key.slice(0, n), !/\/(?:patterns|unless)\/\d+$/.test(e.key)) };
    }
  }
  return e;
}

export function findConfigFile(startDir: string, host: ConfigHost): string | undefined {
  let dir = startDir;
  for (let i = 0; i < 64; i++) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = host.join(dir, name);
      if (host.readFile(p) !== undefined) return p;
    }
    const parent = host.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Config layers in the order they apply: each file's extends (presets and files, in order), then the file itself. */
type Layer = { preset: PresetName } | { dir: string; config: PlaybookLintConfig };

/**
 * Loads a config and what it extends. `root` is the folder of the config the
 * chain starts from: `extends` may name a preset or a file in that folder or
 * below, never one elsewhere on the machine (a repository's config must not
 * read, or show parts of, files outside it). Such a target is not read.
 */
function loadChain(path: string, host: ConfigHost, layers: Layer[], files: string[], errors: ConfigError[], seen: Set<string>, root = host.dirname(path)): void {
  if (seen.has(path)) {
    errors.push({ file: path, key: 'extends', message: `extends: ${path} extends itself through a cycle; remove one of the extends entries.` });
    return;
  }
  seen.add(path);
  files.push(path);
  const text = host.readFile(path);
  if (text === undefined) return;
  if (text.length > MAX_CONFIG_CHARS) {
    errors.push({ file: path, key: '', message: `The config file has ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_CONFIG_CHARS.toLocaleString('en-US')} read; it is ignored. Split it with "extends" or drop rules.`, start: 0, end: 1 });
    return;
  }
  const loaded = parseConfigText(path, text);
  for (const e of loaded.errors) errors.push(e);
  const dir = host.dirname(path);
  for (const ext of asList(loaded.config.extends)) {
    if (isPreset(ext)) {
      layers.push({ preset: ext });
      continue;
    }
    const target = host.join(dir, ext);
    const inside = host.relative(root, target);
    if (inside === '' || inside === '..' || inside.startsWith('../') || /^(?:[\\/]|[A-Za-z]:)/.test(inside)) {
      errors.push({ file: path, key: 'extends', message: `extends: "${ext}" is outside this project; extends may name "recommended", "strict" or a config file in the folder of ${host.relative(host.dirname(root), path)} or below.` });
      continue;
    }
    if (host.readFile(target) === undefined) {
      errors.push({ file: path, key: 'extends', message: `extends: cannot find "${ext}"; use "recommended", "strict" or a path relative to this file.` });
      continue;
    }
    loadChain(target, host, layers, files, errors, seen, root);
  }
  layers.push({ dir, config: loaded.config });
}

export function baseConfig(builtins: readonly RuleDefinition[], preset: PresetName): EffectiveConfig {
  const rules: EffectiveConfig['rules'] = {};
  for (const r of builtins) rules[r.id] = { severity: presetSeverity(preset, r), options: {} };
  return { rules, customRules: [] };
}

/** Merges rule settings into `into`. Unknown rule ids are kept; `validateRuleIds` reports them. */
export function applyRules(into: EffectiveConfig, rules: Record<string, RuleSetting> | undefined): void {
  for (const [id, setting] of Object.entries(rules ?? {})) {
    if (setting === undefined || setting === null) continue;
    const prev = into.rules[id] ?? { severity: 'warning' as Severity, options: {} };
    if (typeof setting === 'string') into.rules[id] = { ...prev, severity: setting };
    else into.rules[id] = { severity: setting.severity ?? prev.severity, options: { ...prev.options, ...(setting.options ?? {}) } };
  }
}

function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [v];
}

function isPreset(name: string): name is PresetName {
  return (PRESETS as readonly string[]).includes(name);
}

function matches(rel: string, globs: string | string[] | undefined): boolean {
  const list = asList(globs);
  return list.length > 0 && picomatch.isMatch(rel, list, { dot: true, matchBase: !list.some((g) => g.includes('/')) });
}
