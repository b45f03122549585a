#!/usr/bin/env node
// Writes the `playbookLint.rules` setting in package.json from the built-in
// rules (server/rules/*.yaml): one property per rule id with its description,
// severities as an enum, and a link to its docs. Only that property changes.
// `--check` writes nothing and exits 1 when package.json is out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = join(root, 'package.json');
const DOCS = 'https://github.com/playbook-lint/playbook-lint/blob/main/docs/rules.md';
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
const SEVERITY_TEXT = {
  error: 'Shown as an error.',
  warning: 'Shown as a warning.',
  info: 'Shown as information.',
  hint: 'Shown as a hint (faded, no Problems entry in VS Code).',
  off: 'Rule switched off.',
};

/** The rationale's opening sentences (at least 60 characters when there are more), on one line. */
function describe(rule) {
  const text = String(rule.rationale).replace(/\s+/g, ' ').trim();
  const ends = [...text.matchAll(/[.!?](?=\s+[A-Z“"(*])/g)].map((m) => m.index + 1);
  const end = ends.find((e) => e >= 60) ?? text.length;
  return text.slice(0, end);
}

export function ruleProperties() {
  const dir = join(root, 'server', 'rules');
  const properties = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).sort()) {
    const rule = parse(readFileSync(join(dir, name), 'utf8'));
    properties[rule.id] = {
      type: 'string',
      enum: SEVERITIES,
      enumDescriptions: SEVERITIES.map((s) => (s === rule.severity ? `${SEVERITY_TEXT[s]} (default)` : SEVERITY_TEXT[s])),
      markdownDescription: `${describe(rule)} Default: \`${rule.severity}\`. [Rule docs](${DOCS}#${rule.id}).`,
    };
  }
  return properties;
}

/** `manifestText` with only `contributes.configuration.properties["playbookLint.rules"].properties` replaced. */
export function updateManifest(manifestText) {
  const manifest = JSON.parse(manifestText);
  manifest.contributes.configuration.properties['playbookLint.rules'].properties = ruleProperties();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = readFileSync(manifestPath, 'utf8');
  const next = updateManifest(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('package.json: playbookLint.rules is out of date with server/rules; run `node scripts/generate-manifest-rules.mjs`.');
      process.exit(1);
    }
  } else if (next !== current) writeFileSync(manifestPath, next);
}
