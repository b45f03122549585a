/**
 * Minimal CLI: `playbook-lint [files|folders…]` prints findings as
 * `file:line:col severity message rule-id` and returns 0 (clean), 1 (errors or
 * warnings) or 2 (usage, config or internal error). The full CLI (formats,
 * --fix, globs, baselines) is built on the same shape.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { BUILTIN_RULES, lintText, resolveConfig } from '../engine';
import { nodeConfigHost } from './node-host';
import { offsetToLineColumn } from './positions';

export interface CliIo {
  argv: string[];
  cwd: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export async function main(io: CliIo): Promise<number> {
  const paths = io.argv.filter((a) => !a.startsWith('-'));
  if (io.argv.some((a) => a.startsWith('-'))) {
    io.stderr.write(`playbook-lint: unknown option ${io.argv.find((a) => a.startsWith('-'))}; usage: playbook-lint [files or folders…]\n`);
    return 2;
  }
  const files = collect(paths.length ? paths : ['.'], io.cwd);
  let exit = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const resolved = resolveConfig(file, nodeConfigHost, BUILTIN_RULES);
    const result = lintText(text, { rules: BUILTIN_RULES, config: resolved.effective, configFile: resolved.configPath });
    const rel = relative(io.cwd, file).split('\\').join('/');
    for (const e of [...resolved.errors, ...result.configErrors]) {
      io.stderr.write(`${e.file}: ${e.message}\n`);
      exit = 2;
    }
    for (const f of result.findings) {
      const { line, column } = offsetToLineColumn(text, f.start);
      io.stdout.write(`${rel}:${line}:${column} ${f.severity} ${f.message} ${f.ruleId}\n`);
      if ((f.severity === 'error' || f.severity === 'warning') && exit === 0) exit = 1;
    }
  }
  return exit;
}

function collect(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules' && !name.startsWith('.')) walk(join(p, name));
    } else if (/\.(md|markdown)$/i.test(p)) out.push(p);
  };
  for (const p of paths) walk(resolve(cwd, p));
  return out;
}
