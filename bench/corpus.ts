/** The benchmark corpus: the given folder, else ../shared/corpus when present, else a synthetic one built from examples/. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

/** Every `.md` file under `dir`, sorted; skips dot folders, node_modules and the corpus's own top-level README. */
export function mdFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.md$/i.test(name) && !(d === dir && name === 'README.md')) out.push(p); // the corpus's own README describes it
    }
  };
  walk(dir);
  return out;
}

export function pickCorpus(arg: string | undefined): { dir: string; kind: string } {
  if (arg) return { dir: resolve(arg), kind: `given (${arg})` };
  const shared = resolve(ROOT, '../shared/corpus');
  if (existsSync(shared)) return { dir: shared, kind: '../shared/corpus (real public playbooks)' };
  // Synthetic: the project's own examples, shuffled into 200 files of mixed length.
  const dir = mkdtempSync(join(tmpdir(), 'pbl-bench-corpus-'));
  const sources = mdFiles(join(ROOT, 'examples')).map((f) => readFileSync(f, 'utf8'));
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 200; i++) {
    const parts = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => sources[Math.floor(rnd() * sources.length)].replace(/^---[\s\S]*?\n---\n/, ''));
    writeFileSync(join(dir, `synthetic-${i}.md`), parts.join('\n\n'));
  }
  return { dir, kind: `synthetic (200 files generated from examples/ in ${dir})` };
}

/** A playbook of `lines` lines assembled from whole corpus sections (split at headings). */
export function assemble(files: string[], lines: number): string {
  const sections: string[] = [];
  for (const f of files) for (const s of readFileSync(f, 'utf8').replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n(?=#{1,6} )/)) if (s.trim() && (s.match(/^ {0,3}(?:```|~~~)/gm) ?? []).length % 2 === 0) sections.push(s.trimEnd()); // drop sections cut inside a fence
  const out: string[] = [];
  for (let i = 0; out.length < lines; i = (i + 7) % sections.length) out.push(...sections[i].split('\n'), '');
  return out.slice(0, lines).join('\n') + '\n';
}
