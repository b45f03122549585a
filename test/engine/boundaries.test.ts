/**
 * The engine's import boundaries (ARCHITECTURE.md, and each wing's index.ts):
 * the engine is pure (nothing from lsp/, cli/, VS Code, the LSP libraries or
 * Node's built-ins), and its wings import each other only in the allowed
 * directions. Reads every import of every engine file, so a new file is
 * checked without being listed.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ENGINE = resolve('server/src/engine');
type Wing = 'parse' | 'read' | 'rules' | 'fixes' | 'config' | 'incremental' | 'root';

/**
 * Which wings each wing may import with values ("value") or with `import
 * type` only ("type"). Root files (index.ts, lint.ts, types.ts) may import
 * every wing; every wing may import ../types.ts.
 */
const ALLOWED: Record<Exclude<Wing, 'root'>, Partial<Record<Wing, 'value' | 'type'>>> = {
  parse: {},
  read: { parse: 'value' },
  fixes: { parse: 'value', read: 'value', rules: 'type' },
  rules: { parse: 'value', read: 'value', fixes: 'value', config: 'type' },
  config: { parse: 'value', rules: 'value' },
  incremental: { parse: 'value', read: 'value', root: 'value' },
};

/** Written-down exceptions: importer → imported, with the reason. */
const EXCEPTIONS: Record<string, string> = {
  'rules/kinds/patterns.ts -> config/pattern-safety.ts': 'lazy require of its own bundle (dist/pattern-safety.js) when a team pattern is first checked',
  'rules/rule-set.ts -> config/config-key.ts': "the rule-set cache is keyed by the config's one identity",
};

const FORBIDDEN_PACKAGES = /^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-uri|vscode-jsonrpc)(?:\/|$)/;

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function engineFiles(dir = ENGINE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? engineFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Static imports and re-exports, `import()` and `require()`, with whether the static ones are type-only. */
function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const stat = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (let m = stat.exec(text); m; m = stat.exec(text)) out.push({ file, spec: m[3], typeOnly: Boolean(m[2]) });
  const dyn = /\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = dyn.exec(text); m; m = dyn.exec(text)) out.push({ file, spec: m[1], typeOnly: false });
  return out;
}

function wingOf(path: string): Wing {
  const rel = relative(ENGINE, path).split('\\').join('/');
  const first = rel.split('/')[0];
  return rel.includes('/') ? (first as Wing) : 'root';
}

const all = engineFiles().flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));

describe('engine boundaries', () => {
  it('reads imports, type-only ones and lazy requires included', () => {
    const found = importsOf('x.ts', "import type { A } from './a';\nimport { b } from '../b';\nexport { c } from './c';\nconst d = require('./d');\n");
    assert.deepEqual(found.map((i) => [i.spec, i.typeOnly]), [['./a', true], ['../b', false], ['./c', false], ['./d', false]]);
    assert.ok(all.length > 100, `an engine's worth of imports (${all.length})`);
  });

  it('imports nothing from lsp/, cli/, VS Code, the LSP libraries or Node built-ins', () => {
    const node = new Set(builtinModules);
    const bad = all.filter((i) => {
      if (i.spec.startsWith('node:') || node.has(i.spec.split('/')[0])) return true;
      if (FORBIDDEN_PACKAGES.test(i.spec)) return true;
      if (!i.spec.startsWith('.')) return false;
      return !resolve(dirname(i.file), i.spec).startsWith(ENGINE + '/') && resolve(dirname(i.file), i.spec) !== ENGINE;
    });
    assert.deepEqual(bad.map((i) => `${relative(ENGINE, i.file)} -> ${i.spec}`), []);
  });

  it('uses no process globals', () => {
    const users = engineFiles().filter((f) => /\bprocess\.(?:env|exit|cwd|argv|stdout|stderr|platform)\b/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(users.map((f) => relative(ENGINE, f)), []);
  });

  it('wings import each other only in the allowed directions', () => {
    const wrong: string[] = [];
    for (const i of all) {
      if (!i.spec.startsWith('.')) continue;
      const from = wingOf(i.file);
      let target = resolve(dirname(i.file), i.spec);
      if (!target.endsWith('.ts')) target = readdirSync(dirname(target)).includes(`${target.split('/').pop()}.ts`) ? `${target}.ts` : join(target, 'index.ts');
      const to = wingOf(target);
      if (from === 'root' || from === to) continue;
      if (to === 'root' && target.endsWith('/types.ts')) continue;
      const pair = `${relative(ENGINE, i.file)} -> ${relative(ENGINE, target)}`;
      if (EXCEPTIONS[pair]) continue;
      const allowed = ALLOWED[from][to];
      if (allowed === 'value' || (allowed === 'type' && i.typeOnly)) continue;
      wrong.push(`${pair}${allowed === 'type' ? ' (types only)' : ''}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('every wing has an index.ts that says what it may import', () => {
    for (const wing of Object.keys(ALLOWED)) {
      const head = readFileSync(join(ENGINE, wing, 'index.ts'), 'utf8').slice(0, 1200);
      assert.match(head, /May import:/, wing);
    }
  });
});
