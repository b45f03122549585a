/** What the CLI prints instead of a report: the rule table, one file's effective settings, the baseline summary. */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BUILTIN_RULES, fileSettings, plural, resolveConfig, ruleFixability, type RuleSetting } from '../engine';
import { paint } from './ansi';
import { createCachedHost } from '../node/config-host';
import { offsetToLineColumn } from './positions';
import { toPosix } from './lint-file';

/** `--list-rules`: id, default severity, what --fix can do, and what the rule flags. */
export function listRules(color: boolean): string {
  const c = paint(color);
  const head = ['Rule', 'Default', 'Fixable', 'Description'];
  const rows = [...BUILTIN_RULES].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, r.severity, ruleFixability(r), r.description ?? r.message.replace(/\{match\}/g, '…')]);
  const w = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
  return [
    c.bold(line(head)),
    ...rows.map(line),
    '',
    c.dim(`${plural(rows.length, 'rule')}. Fixable: "safe fix" is applied by --fix; "rewrite" is offered as a quick fix in the editor, never applied in bulk.`),
    c.dim('Change a rule with --rule id:severity or in .playbooklintrc.yaml; every rule is explained in docs/rules.md.'),
    '',
  ].join('\n');
}

/**
 * `--print-config FILE`: the settings that file is linted with — the config
 * files found, its front matter (type, audience, stage, its own rule
 * settings) and every rule's severity with all option values, defaults included.
 */
export function effectiveConfigReport(cwd: string, file: string, config: string | undefined, rules: Record<string, RuleSetting>): { text?: string; errors: string[] } {
  const abs = resolve(cwd, file);
  const configPath = config !== undefined ? resolve(cwd, config) : undefined;
  const resolved = resolveConfig(abs, createCachedHost(), BUILTIN_RULES, rules, configPath);
  const errors = resolved.errors.map((e) => `${e.file ? toPosix(relative(cwd, e.file)) || e.file : '--rule'}: ${e.message}`);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    // A file not written yet is linted with the config alone, so its settings are still worth showing.
    text = '';
  }
  const settings = fileSettings(text, { rules: BUILTIN_RULES, config: resolved.effective, configFile: resolved.configPath });
  for (const e of settings.errors) {
    const at = e.start !== undefined ? offsetToLineColumn(text, e.start) : { line: 1, column: 1 };
    errors.push(`${toPosix(relative(cwd, abs))}:${at.line}:${at.column} front matter: ${e.message}`);
  }
  const shown = {
    file: toPosix(relative(cwd, abs)),
    configFiles: resolved.files.map((f) => toPosix(relative(cwd, f)) || f),
    ignored: resolved.ignored,
    document: settings.document,
    // A rule without options shows its severity alone, never an empty `options: {}`.
    rules: Object.fromEntries(Object.entries(settings.rules).map(([id, r]) => [id, Object.keys(r.options).length ? r : { severity: r.severity }])),
    customRules: settings.customRules,
  };
  return { text: `${JSON.stringify(shown, null, 2)}\n`, errors };
}

/** `--write-baseline`: one line instead of the report. */
export function baselineSummary(findings: ReadonlyArray<{ filePath: string }>, files: number, path: string): string {
  const withFindings = new Set(findings.map((f) => f.filePath)).size;
  return `✔ Wrote ${plural(findings.length, 'finding')} in ${plural(withFindings, 'file')} (of ${plural(files, 'file')} checked) to ${path}; run with --baseline ${path} to report only new ones.`;
}
