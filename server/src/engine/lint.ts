/**
 * Linting one document: build the playbook model, run every active rule (a
 * rule that throws becomes one internal finding; the others still run), drop
 * suppressed findings, sort, and add figures for the editor and the CLI.
 */
import { applyRules, baseConfig, parseConfigText } from './config';
import type { EffectiveConfig } from './config-types';
import { applyDirectives, disableNextLineComment } from './directives';
import type { RuleContext } from './kinds/kind';
import { buildModel, lineOf, type PlaybookModel, type Turn, type Unit } from './model';
import type { RuleCondition, RuleDefinition } from './rule-types';
import { compileRuleSet, type ActiveRule } from './rule-set';
import { scoreDocument } from './score';
import { headingBudget, repMonologues, spokenSeconds, voicemailScripts } from './spoken';
import type { ConfigError, Finding, Fix, LintResult, Severity, SpokenEstimate } from './types';
import { countWords, findPlaceholders, type PlaceholderStyle } from './words';
import { stringify } from 'yaml';

export const INTERNAL_ERROR_RULE = 'internal-error';

export interface LintOptions {
  /** Effective config from `resolveConfig`; the recommended preset when absent. */
  config?: EffectiveConfig;
  /** Name of the config file, for error messages. */
  configFile?: string;
  /** Wording per 150 wpm etc. are rule options; this is only the rule catalog. */
  rules: readonly RuleDefinition[];
}

export function lintText(text: string, options: LintOptions): LintResult {
  const model = buildModel(text);
  return lintModel(model, options);
}

export function lintModel(model: PlaybookModel, options: LintOptions): LintResult {
  const configErrors: ConfigError[] = [...model.configErrors];
  let effective = options.config ?? baseConfig(options.rules, 'recommended');
  const fmConfig = model.frontMatter.config;
  if (fmConfig !== undefined) {
    const loaded = parseConfigText('<front-matter>', stringify({ rules: (fmConfig as { rules?: unknown })?.rules ?? fmConfig }));
    for (const e of loaded.errors) configErrors.push({ ...e, start: undefined, end: undefined });
    if (loaded.config.rules) {
      effective = { rules: { ...effective.rules }, customRules: effective.customRules };
      applyRules(effective, loaded.config.rules);
    }
  }
  const ruleSet = compileRuleSet(options.rules, effective, options.configFile);
  // Config-file problems are resolveConfig's to report; here only those the front matter introduced.
  const fmRules = fmConfig !== undefined ? Object.keys(((fmConfig as { rules?: object })?.rules ?? fmConfig) as object) : [];
  for (const e of ruleSet.errors) if (fmRules.some((id) => e.key === `rules/${id}`)) configErrors.push({ ...e, file: '<front-matter>' });
  const placeholderStyle = dominantStyle(model);
  const findings: Finding[] = [];

  for (const active of ruleSet.rules) {
    const ctx = contextFor(model, active, placeholderStyle, findings);
    try {
      active.kind.check(ctx, active.compiled);
    } catch (e) {
      findings.push({
        ruleId: INTERNAL_ERROR_RULE,
        severity: 'error',
        message: `Rule ${active.rule.id} failed on this file (${(e as Error).message}); its findings are missing. Please report this with the file.`,
        start: 0,
        end: 0,
        fixes: [],
      });
    }
  }

  const phraseRules = new Set(ruleSet.rules.filter((r) => r.rule.kind === 'phrase').map((r) => r.rule.id));
  const kept = dropNestedPhraseFindings(applyDirectives(findings, model.comments, model.lineStarts), phraseRules).sort(
    (a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId),
  );
  const words = model.units.reduce((n, u) => n + countWords(u.text), 0);
  const speechWords = model.turns.reduce((n, t) => (t.speech ? n + countWords(t.unit.text.slice(t.a, t.b)) : n), 0);
  return {
    findings: kept,
    configErrors,
    stats: { words, speechWords, score: scoreDocument(kept, speechWords || words) },
    spoken: spokenEstimates(model),
    sections: model.sections.map(({ title, depth, start, end, headingStart, headingEnd, tags }) => ({ title, depth, start, end, headingStart, headingEnd, tags })),
  };
}

function contextFor(model: PlaybookModel, active: ActiveRule, placeholderStyle: PlaceholderStyle, out: Finding[]): RuleContext {
  const { rule } = active;
  const fm = model.frontMatter;
  const severityFor = (contexts: ReadonlySet<string>, base: Severity): Severity | 'off' => {
    for (const o of rule.severityOverrides ?? []) if (holds(o.when, contexts, fm.audience ?? 'prospect', fm.stage ?? 'cold')) return o.severity;
    return base;
  };
  return {
    model,
    rule,
    options: active.options,
    placeholderStyle,
    inScope(turn: Turn) {
      if (!turn.speech) return false;
      const { contexts, exclude } = rule.scope;
      if (exclude?.some((c) => turn.contexts.has(c))) return false;
      if (!contexts.includes('document') && !contexts.some((c) => turn.contexts.has(c))) return false;
      return severityFor(turn.contexts, active.severity) !== 'off';
    },
    report(d) {
      const base = d.severity ?? active.severity;
      const severity = d.contexts ? severityFor(d.contexts, base) : base;
      if (severity === 'off') return;
      const fixes = [...(d.fixes ?? [])];
      const suppress = suppressFix(model, rule.id, d.start);
      if (suppress) fixes.push(suppress);
      out.push({ ruleId: rule.id, severity, message: d.message ?? rule.message, start: d.start, end: d.end, fixes, ...(d.metrics ? { metrics: d.metrics } : {}) });
    },
  };
}

const RANK = { error: 3, warning: 2, info: 1, hint: 0 } as const;

/**
 * One problem, one finding: when a phrase finding lies inside a longer phrase
 * finding of another rule at the same or higher severity ("following up" inside
 * "following up to see if you've made a decision"), only the longer, more
 * specific one is kept.
 */
function dropNestedPhraseFindings(findings: Finding[], phraseRules: ReadonlySet<string>): Finding[] {
  const phrase = findings.filter((f) => phraseRules.has(f.ruleId));
  if (phrase.length < 2) return findings;
  return findings.filter(
    (b) =>
      !phraseRules.has(b.ruleId) ||
      !phrase.some((a) => a !== b && a.ruleId !== b.ruleId && a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start && RANK[a.severity] >= RANK[b.severity]),
  );
}

function holds(when: RuleCondition, contexts: ReadonlySet<string>, audience: string, stage: string): boolean {
  if (when.contexts && !when.contexts.some((c) => contexts.has(c))) return false;
  if (when.audience && !when.audience.includes(audience)) return false;
  if (when.stage && !when.stage.includes(stage)) return false;
  return true;
}

/**
 * "Disable <rule> for this line". In running text a `disable-line` comment at
 * the end of the line is safe everywhere (paragraph, list, quote); in a table
 * or fenced block a comment would change the table or the script, so the
 * block is wrapped in disable/enable comments instead.
 */
function suppressFix(model: PlaybookModel, ruleId: string, at: number): Fix | undefined {
  const text = model.text;
  const unit = model.units.find((u: Unit) => u.start <= at && at < u.end) ?? model.units.find((u) => u.start <= at && at <= u.end);
  const title = `Disable ${ruleId} for this line`;
  if (unit && (unit.kind === 'fence' || unit.kind === 'table-cell')) {
    const block = unit.kind === 'table-cell' ? tableRange(model, at) : { start: unit.start, end: unit.end };
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    const lineStart = model.lineStarts[lineOf(model.lineStarts, block.start)];
    const indent = /^[ \t>]*/.exec(text.slice(lineStart, block.start))?.[0] ?? '';
    if (indent.trim() !== '') return undefined; // inside a quote or list: no safe place
    return {
      title: `Disable ${ruleId} for this block`,
      kind: 'suppress',
      snippet: false,
      edits: [
        { start: lineStart, end: lineStart, text: `<!-- playbook-lint-disable ${ruleId} -->${eol}` },
        { start: block.end, end: block.end, text: `${eol}<!-- playbook-lint-enable ${ruleId} -->` },
      ],
    };
  }
  const line = lineOf(model.lineStarts, at);
  let end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r') && end > model.lineStarts[line]) end--;
  return { title, kind: 'suppress', snippet: false, edits: [{ start: end, end, text: ` ${disableNextLineComment(ruleId).replace('disable-next-line', 'disable-line')}` }] };
}

function tableRange(model: PlaybookModel, at: number): { start: number; end: number } {
  const cells = model.units.filter((u) => u.kind === 'table-cell');
  // Cells of one table are contiguous in document order; grow from the cell at `at`.
  const i = cells.findIndex((u) => u.start <= at && at <= u.end);
  let a = i;
  let b = i;
  const lineOfU = (u: Unit) => lineOf(model.lineStarts, u.start);
  while (a > 0 && lineOfU(cells[a - 1]) >= lineOfU(cells[a]) - 2 && cells[a - 1].section === cells[a].section) a--;
  while (b < cells.length - 1 && lineOfU(cells[b + 1]) <= lineOfU(cells[b]) + 2 && cells[b + 1].section === cells[b].section) b++;
  const startLine = lineOfU(cells[a]);
  const endLine = lineOf(model.lineStarts, cells[b].end);
  const start = model.lineStarts[startLine];
  let end = endLine + 1 < model.lineStarts.length ? model.lineStarts[endLine + 1] : model.text.length;
  while (end > start && (model.text[end - 1] === '\n' || model.text[end - 1] === '\r')) end--;
  return { start, end };
}

function dominantStyle(model: PlaybookModel): PlaceholderStyle {
  const declared = model.frontMatter.placeholderStyle;
  if (declared === 'mustache' || declared === 'bracket' || declared === 'brace') return declared;
  const counts = new Map<PlaceholderStyle, number>();
  for (const u of model.units) for (const p of findPlaceholders(u.text)) counts.set(p.style, (counts.get(p.style) ?? 0) + 1);
  let best: PlaceholderStyle = 'mustache';
  let n = 0;
  for (const [style, c] of counts) if (c > n) [best, n] = [style, c];
  return best;
}

function spokenEstimates(model: PlaybookModel): SpokenEstimate[] {
  const out: SpokenEstimate[] = [];
  for (const s of voicemailScripts(model)) {
    const budget = headingBudget(model, s.section);
    out.push({ start: s.start, end: s.end, kind: 'voicemail', words: s.words, seconds: spokenSeconds(s.words, s.phoneNumbers), ...(budget !== undefined ? { budget } : {}) });
  }
  for (const s of repMonologues(model)) out.push({ start: s.start, end: s.end, kind: 'rep-turn', words: s.words, seconds: spokenSeconds(s.words, s.phoneNumbers) });
  return out.sort((a, b) => a.start - b.start);
}
