/**
 * The last layer of the configuration pipeline: a playbook's own
 * `playbook-lint:` front matter block, applied over the config resolved for
 * its file (config files, extends, overrides, editor settings or `--rule`).
 *
 * The block is validated where it stands, in the front matter's YAML, so each
 * mistake is reported at its own line of the playbook, and all of them at
 * once; problems found only when the rules are compiled (an unknown rule id,
 * an unknown or mistyped option) are placed on the key that names them too.
 * The block may hold `rules:` or the rule settings directly.
 */
import { parseDocument } from 'yaml';
import type { FrontMatter } from '../parse/front-matter';
import type { RuleDefinition } from '../rules/rule-types';
import { compileRuleSet } from '../rules/rule-set';
import type { ConfigError } from '../types';
import { applyRules, baseConfig, checkConfigData, rangeOf, withholdPatternOptions } from './config';
import type { EffectiveConfig, PlaybookLintConfig } from './config-types';

export const FRONT_MATTER_FILE = '<front-matter>';

/** The effective config and errors of one front matter block, kept while the block is unchanged. */
export interface FrontMatterConfigMemo {
  config: unknown;
  base: EffectiveConfig;
  effective: EffectiveConfig;
  errors: ConfigError[];
}

/** The effective config after the playbook's own `playbook-lint:` front matter, with the errors that block introduced. */
export function frontMatterConfig(
  model: { frontMatter: FrontMatter },
  options: { rules: readonly RuleDefinition[]; config?: EffectiveConfig; configFile?: string },
  cache?: { frontMatterConfig?: FrontMatterConfigMemo },
): { effective: EffectiveConfig; errors: ConfigError[] } {
  const base = options.config ?? baseConfig(options.rules, 'recommended');
  const fm = model.frontMatter;
  if (fm.config === undefined) return { effective: base, errors: [] };
  const memo = cache?.frontMatterConfig;
  if (memo && memo.config === fm.config && memo.base === base) return memo;

  const data = fm.config as { rules?: unknown } | null;
  const nested = data?.rules !== undefined && data?.rules !== null;
  const doc = fm.yaml !== undefined ? parseDocument(fm.yaml, { prettyErrors: false }) : undefined;
  // A key path of the block's config (`rules/<id>/…`) as a path in the front matter.
  const docPath = (key: string[]) => ['playbook-lint', ...(nested ? key : key.slice(1))];
  const locate = (key: string[], atKey: boolean) => (doc ? shift(rangeOf(doc, docPath(key), atKey), fm.yamlOffset) : {});

  const config = { rules: structuredClone(nested ? data?.rules : data) } as PlaybookLintConfig;
  const errors = checkConfigData(FRONT_MATTER_FILE, config, locate);
  let effective = base;
  if (config.rules) {
    effective = { rules: { ...base.rules }, customRules: base.customRules, ...(base.restricted ? { restricted: base.restricted } : {}) };
    applyRules(effective, config.rules);
    // Restricted Mode: a playbook's front matter cannot bring a pattern of its own either.
    if (base.restricted) withholdPatternOptions(effective, options.rules);
    // Problems met compiling the rules the block names (not those of the config files beneath it).
    const named = Object.keys(config.rules);
    const beneath = new Set(compileRuleSet(options.rules, base, options.configFile).errors.map((e) => e.key));
    for (const e of compileRuleSet(options.rules, effective, options.configFile).errors) {
      const id = /^rules\/([^/]+)/.exec(e.key)?.[1];
      if (!id || !named.includes(id) || beneath.has(e.key)) continue;
      errors.push({ ...e, file: FRONT_MATTER_FILE, ...locate(e.key.split('/'), true) });
    }
  }
  if (cache) cache.frontMatterConfig = { config: fm.config, base, effective, errors };
  return { effective, errors };
}

function shift(r: { start?: number; end?: number }, by: number): { start?: number; end?: number } {
  return r.start === undefined ? {} : { start: r.start + by, end: (r.end ?? r.start) + by };
}
