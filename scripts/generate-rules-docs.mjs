#!/usr/bin/env node
// Generates docs/rules.md, the rules reference, from the rule data in
// server/rules/*.yaml: one section per rule (anchor = rule id) with severity,
// scope, message, rationale, options, fixes, sources and the rule's examples
// (which are also its tests). `--check` exits 1 when docs/rules.md is stale.
// The engine links each diagnostic to docs/rules.md#<rule-id> (ruleDocsUrl).
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DIR = join(root, 'server', 'rules');
export const DOCS_FILE = join(root, 'docs', 'rules.md');
/** Before/after rows per rule, computed from the rule examples by scripts/fix-proof.ts (`npm run rules:rewrites`). */
export const REWRITES_FILE = join(root, 'docs', 'rewrites.json');

export function loadRewrites(file = REWRITES_FILE) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

const SEVERITY_NOTE = {
  error: 'error — the template is broken or deceptive as written',
  warning: 'warning — sources agree this costs replies or trust',
  info: 'info — a measurement or a heuristic; review it',
  hint: 'hint — a weak signal, shown faintly',
  off: 'off by default',
};

export function loadRules(dir = RULES_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')));
}

const code = (s) => {
  const str = String(s);
  const ticks = str.includes('`') ? '``' : '`';
  return `${ticks}${ticks === '``' ? ' ' : ''}${str}${ticks === '``' ? ' ' : ''}${ticks}`;
};
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fence = (text, lang = 'markdown') => {
  const longest = Math.max(2, ...(String(text).match(/`{3,}|~{3,}/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${String(text).replace(/\n$/, '')}\n${f}`;
};
const value = (v) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v));

/** "safe fix" when fix-all can apply one, "rewrite" when only quick-fix rewrites exist, else "none". */
export function fixability(rule) {
  const kinds = new Set((rule.fixes ?? []).map((f) => f.kind));
  if (kinds.has('safe') || SAFE_IN_CODE.has(rule.kind)) return 'safe fix';
  if (kinds.size || REWRITES_IN_CODE.has(rule.kind)) return 'rewrite';
  return 'none';
}
/** Kinds whose code builds safe fixes of its own (`safeFixesInCode` in the engine; docs-sync.test.ts checks they agree). */
const SAFE_IN_CODE = new Set(['subject-line-shape']);
/** Kinds whose code builds only rewrites (`rewritesInCode` in the engine): every placeholder fix touches a merge field. */
const REWRITES_IN_CODE = new Set(['placeholder-hygiene']);

function summaryOf(rule) {
  return rule.message.replace(/\s+/g, ' ');
}

function renderScope(rule) {
  const s = rule.scope ?? {};
  const parts = [`contexts ${(s.contexts ?? []).map(code).join(', ')}`];
  if (s.exclude?.length) parts.push(`never in ${s.exclude.map(code).join(', ')}`);
  return parts.join('; ');
}

function renderOverrides(rule) {
  if (!rule.severityOverrides?.length) return [];
  return rule.severityOverrides.map((o) => {
    const when = Object.entries(o.when)
      .map(([k, v]) => `${k} ${v.map(code).join(' or ')}`)
      .join(' and ');
    return `- when ${when}: **${o.severity}**`;
  });
}

function renderOptions(rule) {
  const opts = rule.options ?? {};
  const plain = Object.entries(opts).filter(([k, v]) => k !== 'messages' && !/Message$/.test(k) && (typeof v !== 'object' || Array.isArray(v)));
  const msgs = [...Object.entries(opts).filter(([k]) => /Message$/.test(k)), ...Object.entries(opts.messages ?? {}).map(([k, v]) => [`messages.${k}`, v])];
  const out = [];
  if (plain.length) {
    out.push('| Option | Default |', '|---|---|');
    for (const [k, v] of plain) out.push(`| ${code(k)} | ${cell(code(Array.isArray(v) && v.length > 8 ? `[${v.slice(0, 8).join(', ')}, …]` : value(v)))} |`);
    out.push('');
  }
  if (msgs.length) {
    out.push('Sub-check messages (options too, so teams can reword them):', '');
    for (const [k, v] of msgs) out.push(`- ${code(k)}: ${v}`);
    out.push('');
  }
  return out;
}

/**
 * The rule's fixes applied to its own examples, as a reviewed table. Each row
 * passed the fix proof (test/fixes/fix-proof.test.ts): the rule no longer fires
 * there, no new warning, clean punctuation, the same Markdown structure.
 */
function renderRewrites(rows) {
  if (!rows?.length) return [];
  const cellText = (s) => cell(s).replace(/</g, '&lt;');
  const out = [
    '#### Before and after',
    '',
    'Each fix applied to the examples below, as the editor\'s Quick Fix does (blanks to fill shown in brackets).',
    'Every row passed the fix proof: the rule no longer fires there, no new warning, clean punctuation and the same Markdown structure.',
    '',
    '| Where | Fix | Before | After |',
    '|---|---|---|---|',
  ];
  for (const r of rows) out.push(`| ${r.where} | ${cellText(r.fix)}${r.kind === 'safe' ? ' (safe)' : ''} | ${cellText(r.before)} | ${cellText(r.after)} |`);
  out.push('');
  return out;
}

function renderFixes(rule, rewrites = []) {
  if (!rule.fixes?.length && !rewrites.length) return ['No fix: the rule reports and explains.', ''];
  if (!rule.fixes?.length) return ['Fixes are built by the rule itself.', '', ...renderRewrites(rewrites)];
  const out = [];
  for (const f of rule.fixes) {
    const where = f.contexts ? ` (in ${f.contexts.map(code).join(', ')})` : '';
    const kind = f.kind === 'safe' ? '**safe**, applied by fix-all' : 'rewrite snippet, offered as a quick fix';
    out.push(`- ${f.title} — ${kind}${where}${placeOf(f)}${f.text ? `: ${f.text.includes('\n') ? '\n\n' + fence(f.text, 'text').replace(/^/gm, '  ') + '\n' : code(f.text)}` : ` (${f.action})`}`);
  }
  out.push('', ...renderRewrites(rewrites));
  return out;
}

const STAGE_WORDS = { cold: 'cold or follow-up touches', reply: 'replies to the buyer', customer: 'notes to existing customers' };
const FACT_WORDS = { first_name: "the buyer's name", company: "the buyer's company", rep_name: "the rep's name", rep_company: "the rep's company", rep_phone: 'the call-back number', topic: 'the subject being replied to' };

/** " (for voicemail, call; in notes to existing customers; when the message has the call-back number)". */
function placeOf(f) {
  const parts = [];
  if (f.channels) parts.push(`for ${f.channels.join(', ')}`);
  if (f.stages) parts.push(`in ${f.stages.map((s) => STAGE_WORDS[s] ?? s).join(' and ')}`);
  if (f.requires) parts.push(`when the message has ${f.requires.map((x) => FACT_WORDS[x] ?? x).join(' and ')}`);
  if (f.unlessKnown) parts.push(`when the message lacks ${f.unlessKnown.map((x) => FACT_WORDS[x] ?? x).join(' and ')}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** "[Title — Author](url): what the rule takes from it." (the `seed` provenance field is never shown). */
function renderSources(rule) {
  return (rule.sources ?? []).map((s) => {
    const cited = s.author ? `${s.title} — ${s.author}` : s.title;
    return `- ${s.url ? `[${cited}](${s.url})` : cited}${s.note ? `: ${s.note}` : ''}`;
  });
}

function renderExamples(rule) {
  const out = [];
  const valid = rule.examples?.valid ?? [];
  const invalid = rule.examples?.invalid ?? [];
  if (invalid.length) {
    out.push('#### Flagged', '');
    for (const ex of invalid) {
      if (ex.config) out.push(`With config ${code(JSON.stringify(ex.config))}:`, '');
      out.push(fence(ex.text), '');
      if (ex.findings?.length) out.push(`Findings: ${ex.findings.map(code).join(', ')}`, '');
      if (ex.fixed !== undefined) out.push('After the safe fixes:', '', fence(ex.fixed), '');
    }
  }
  if (valid.length) {
    out.push('#### Not flagged', '');
    for (const ex of valid) {
      if (ex.config) out.push(`With config ${code(JSON.stringify(ex.config))}:`, '');
      out.push(fence(ex.text), '');
    }
  }
  return out;
}

function renderRule(rule, rewrites = {}) {
  const out = [`<a id="${rule.id}"></a>`, '', `## ${rule.id}`, ''];
  if (rule.description) out.push(`**Flags:** ${rule.description}.`, '');
  out.push(`> ${summaryOf(rule)}`, '');
  out.push(`- **Severity:** ${SEVERITY_NOTE[rule.severity] ?? rule.severity}`);
  out.push(`- **Kind:** ${code(rule.kind)}${rule.kind === 'phrase' ? ` (${rule.patterns?.length ?? 0} patterns)` : ''}`);
  out.push(`- **Scope:** ${renderScope(rule)}`);
  if (rule.tags?.length) out.push(`- **Tags:** ${rule.tags.join(', ')}`);
  const ov = renderOverrides(rule);
  if (ov.length) out.push('- **Severity changes:**', ...ov.map((l) => '  ' + l));
  out.push('');
  out.push('### Why it matters to the buyer', '', rule.rationale.trim(), '');
  const opts = renderOptions(rule);
  if (opts.length) out.push('### Options', '', ...opts);
  out.push('### Fixes', '', ...renderFixes(rule, rewrites[rule.id]));
  out.push('### Sources', '', ...renderSources(rule), '');
  if (rule.kind === 'phrase' && rule.patterns?.length) {
    out.push('<details><summary>Patterns</summary>', '', ...rule.patterns.map((p) => `- ${code(p)}`));
    if (rule.unless?.length) out.push('', 'Not when the sentence matches:', '', ...rule.unless.map((p) => `- ${code(p)}`));
    out.push('', '</details>', '');
  }
  out.push('### Examples', '', ...renderExamples(rule));
  return out.join('\n');
}

const SCORE = `## Playbook score

Every lint result carries \`stats.score\`, a 0–100 figure for the whole file, shown by the CLI and
in the editor's status bar. It is Acrolinx-style: findings are weighed against the words the buyer
would read or hear, so a long playbook is not punished for being long.

\`\`\`text
weight  = 4 × errors + 2 × warnings + 1 × info      (hints do not count)
density = 100 × weight / max(words, 100)            (weighted findings per 100 words)
score   = round(100 × e^(−density / 10))
\`\`\`

\`words\` is the customer-facing words — scripts, emails, voicemails, rep lines (\`stats.speechWords\`) —
or all words (\`stats.words\`) when the file has none. Suppressed findings (directives, rules turned
off) do not count. Examples: no findings scores 100; one warning in 100 words scores 82; one
warning in 500 words scores 96; a warning in every sentence drops below 20. The score is a trend
line for a team, not a grade for one template: metrics are \`info\` and weigh half a warning.
`;

export function renderRulesDoc(rules = loadRules(), rewrites = loadRewrites()) {
  const out = [
    '<!-- Generated by scripts/generate-rules-docs.mjs from server/rules/*.yaml. Do not edit; run `node scripts/generate-rules-docs.mjs`. -->',
    '',
    '# Playbook Lint rules',
    '',
    'Every rule is a data file in `server/rules/<id>.yaml`. Its examples below are also its tests.',
    'Each diagnostic links here (`#<rule-id>`). Change a severity or an option in `.playbooklintrc.yaml`',
    'or in the playbook\'s front matter:',
    '',
    fence('rules:\n  email-length: { severity: info, options: { firstTouchInfo: 80 } }\n  readability: off', 'yaml'),
    '',
    'Severities: **error** (broken or deceptive as written), **warning** (sources agree it costs replies or',
    'trust), **info** (a measurement or a heuristic), **hint** (a weak signal). Contexts are section tags',
    '(`email`, `voicemail`, `opener`, `discovery`, …, from headings) plus `rep` (the rep\'s speech),',
    '`subject` (subject lines) and `document`. Prospect lines, "what not to say" sections, quoted',
    'bad examples, inline code, headings and link text are never linted as the rep\'s words.',
    'In messages, `{match}` is the matched words and fields such as `{words}`, `{seconds}` or `{limit}`',
    'are filled with the figures behind a metric finding (also shown on hover). `{words:word}` adds the',
    'noun in the right number ("1 word", "182 words"); `{n:company/companies}` gives an irregular plural.',
    '',
    '| Rule | Severity | Fixable | What it flags |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](#${r.id}) | ${r.severity} | ${fixability(r)} | ${cell(r.description ?? summaryOf(r))} |`),
    '',
    '- [Playbook score](#playbook-score)',
    '',
    SCORE,
    ...rules.map((r) => renderRule(r, rewrites)),
  ];
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = renderRulesDoc();
  let current = '';
  try {
    current = readFileSync(DOCS_FILE, 'utf8');
  } catch {}
  if (process.argv.includes('--check')) {
    if (current !== doc) {
      console.error('docs/rules.md is out of date; run `node scripts/generate-rules-docs.mjs`.');
      process.exit(1);
    }
  } else if (current !== doc) {
    mkdirSync(dirname(DOCS_FILE), { recursive: true });
    writeFileSync(DOCS_FILE, doc);
    console.log('wrote docs/rules.md');
  }
}
