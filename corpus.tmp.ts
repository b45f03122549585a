import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { BUILTIN_RULES, baseConfig, lintText, lineStartsOf } from '/work/wt-structure2/server/src/engine';
const RULES = new Set(['stale-playbook', 'unsourced-claim', 'talk-ratio', 'objection-handling', 'sequence-touches', 'playbook-structure']);
const root = process.argv[2];
const files = execSync(`find ${root} -name '*.md'`).toString().trim().split('\n').sort();
const config = baseConfig(BUILTIN_RULES, 'recommended');
const counts: Record<string, number> = {};
const lenses: Record<string, number> = {};
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const r = lintText(text, { rules: BUILTIN_RULES, config, today: '2026-12-05', fileName: f } as never);
  const ls = lineStartsOf(text);
  const line = (o: number) => { let k = 0; while (k + 1 < ls.length && ls[k + 1] <= o) k++; return k + 1; };
  for (const x of r.findings) if (RULES.has(x.ruleId)) { counts[x.ruleId] = (counts[x.ruleId] ?? 0) + 1; console.log(`F ${f.replace(root + '/', '')}:${line(x.start)} ${x.ruleId} ${x.message.slice(0, 140)}`); }
  for (const a of r.annotations) if (RULES.has(a.ruleId)) { lenses[a.ruleId] = (lenses[a.ruleId] ?? 0) + 1; console.log(`L ${f.replace(root + '/', '')}:${line(a.start)} ${a.ruleId} ${a.title}`); }
}
console.log('findings', counts, 'lenses', lenses);
