/**
 * --fix never changes meaning. The real CLI (dist/cli.js) runs `--fix` over a
 * copy of every playbook in the corpus (`../shared/corpus`, or
 * PLAYBOOK_LINT_CORPUS; the project's own fixtures and examples when neither
 * exists). The fixes are replayed pass by pass with the engine, tracking which
 * characters of each file are the original's and which a fix wrote, and the
 * test asserts:
 *   - outside the fixes' spans the file's bytes are the original's, exactly;
 *   - no merge field ({Lead.Name}, {{company}}, [Company], {!Contact.Name}) changed;
 *   - no safe fix deletes words, or changes the capitals of a word;
 *   - a second --fix changes nothing.
 * The figures are printed as test diagnostics.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { after, test } from 'node:test';
import { BUILTIN_RULES, TakenSpans, applyEdits, applyFixList, lintText, localToday, resolveConfig, safeFixes, snippetToPlainText, type LintOptions, type TextEdit } from '../../server/src/engine';
import { nodeConfigHost } from '../../server/src/node/config-host';
import { ROOT, ensureBuilt } from '../protocol/lsp-harness';

const CLI = join(ROOT, 'dist', 'cli.js');
const CORPUS = [process.env.PLAYBOOK_LINT_CORPUS, resolve(ROOT, '..', 'shared', 'corpus')].find((d): d is string => !!d && existsSync(d));
const sources = CORPUS ? [CORPUS] : [join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples')];

/** Merge-field syntaxes of sending tools; a fix may never add, drop or alter one. */
const MERGE_FIELD = /\{\{[^{}\n]{1,80}\}\}|\{![\w.]{1,80}\}|\{[A-Za-z_][\w. -]{0,60}\}|\[[A-Z][A-Za-z_ .]{0,40}\](?![(\[:])|%[A-Z_]{2,40}%/g;
/** A subject's reply or forward marker: dropping a fake one (no-deceptive-familiarity) removes a marker, not words. */
const REPLY_MARKER = /^\s*(?:re|fwd?|fw):\s*$/i;

type Piece = { orig: true; from: number; to: number } | { orig: false; text: string };

/** The pieces that spell characters [a, b) of the text `pieces` spell. */
function slicePieces(pieces: readonly Piece[], a: number, b: number): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const p of pieces) {
    const len = p.orig ? p.to - p.from : p.text.length;
    const from = Math.max(a, pos) - pos;
    const to = Math.min(b, pos + len) - pos;
    if (to > from) out.push(p.orig ? { orig: true, from: p.from + from, to: p.from + to } : { orig: false, text: p.text.slice(from, to) });
    pos += len;
  }
  return out;
}

/** Replaces the spans of `edits` (sorted, non-overlapping, in the text the pieces spell) with pieces of new text. */
function editPieces(pieces: readonly Piece[], edits: readonly TextEdit[], length: number): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(...slicePieces(pieces, at, e.start));
    if (e.text) out.push({ orig: false, text: e.text });
    at = e.end;
  }
  out.push(...slicePieces(pieces, at, length));
  return out;
}

function spell(pieces: Piece[], original: string): string {
  return pieces.map((p) => (p.orig ? original.slice(p.from, p.to) : p.text)).join('');
}

const mergeFields = (s: string) => (s.match(MERGE_FIELD) ?? []).sort();
const words = (s: string): string[] => s.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];

interface JsonResult {
  filePath: string;
  error?: string;
  messages: Array<{ fixes: Array<{ kind: string }> }>;
}

interface Problem {
  file: string;
  what: string;
}

/** Replays fixText's passes on one file: the pieces of the result, and what each safe edit did wrong. */
function replay(text: string, options: LintOptions, file: string, problems: Problem[]): { pieces: Piece[]; edits: number; passes: number } {
  let pieces: Piece[] = [{ orig: true, from: 0, to: text.length }];
  let current = text;
  let edits = 0;
  let passes = 0;
  for (; passes < 10; passes++) {
    const fixes = safeFixes(lintText(current, options).findings);
    if (fixes.length === 0) break;
    const taken = new TakenSpans();
    for (const fix of [...fixes].sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0))) {
      const es = fix.edits.map((e) => (fix.snippet ? { ...e, text: snippetToPlainText(e.text) } : e));
      if (es.some((e) => taken.overlaps(e))) continue;
      for (const e of es) taken.add(e);
    }
    const { text: next, applied } = applyEdits(current, taken.list());
    assert.equal(next, applyFixList(current, fixes).text, `${file}: the replay applies what the engine applies`);
    if (applied.length === 0 || next === current) break;
    for (const e of applied) {
      const removed = current.slice(e.start, e.end);
      const at = `pass ${passes + 1}: ${JSON.stringify(removed)} → ${JSON.stringify(e.text)}`;
      if (words(removed).length > 0 && words(e.text).length === 0 && !REPLY_MARKER.test(removed)) problems.push({ file, what: `deletes words: ${at}` });
      const capsBefore = words(removed).filter((w) => w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w));
      if (capsBefore.some((w) => !words(e.text).includes(w))) problems.push({ file, what: `changes capitals: ${at}` });
      if (removed !== e.text && removed.toLowerCase() === e.text.toLowerCase()) problems.push({ file, what: `changes capitals: ${at}` });
    }
    edits += applied.length;
    pieces = editPieces(pieces, applied, current.length);
    assert.equal(spell(pieces, text), next, `${file}: the pieces spell the fixed text`);
    current = next;
  }
  return { pieces, edits, passes };
}

function markdownFiles(dir: string, base = dir, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) markdownFiles(p, base, out);
    else if (e.isFile() && /\.(md|markdown|mdx)$/i.test(e.name)) out.push(relative(base, p));
  }
  return out.sort();
}

let work = '';
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function runFix(cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, '--fix', '--format', 'json', '.'], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 600_000, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test(`--fix over ${CORPUS ? 'the corpus' : 'the fixtures and examples'}: bytes outside the fixes are the original's, merge fields and capitals untouched, no words deleted, idempotent`, { timeout: 1_200_000 }, () => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'pbl-fix-meaning-'));
  sources.forEach((src, i) => cpSync(src, join(work, String(i)), { recursive: true }));
  const files = markdownFiles(work);
  const before = new Map(files.map((f) => [f, readFileSync(join(work, f))]));
  const today = localToday();
  const figures = { files: files.length, replayed: 0, filesFixed: 0, edits: 0, maxPasses: 0, bytesOutsideFixes: 0, mergeFieldsChanged: 0, problems: 0, secondRunChanged: 0, ms: 0 };
  const problems: Problem[] = [];

  const started = performance.now();
  const first = runFix(work);
  figures.ms = Math.round(performance.now() - started);
  assert.ok(first.code === 0 || first.code === 1 || first.code === 2, `exit ${first.code}: ${first.stderr.slice(0, 2000)}`);
  const results = new Map<string, JsonResult>((JSON.parse(first.stdout).results as JsonResult[]).map((r) => [r.filePath, r]));

  for (const file of files) {
    const original = before.get(file)!;
    const written = readFileSync(join(work, file));
    const posix = file.split('\\').join('/');
    const report = results.get(posix);
    const abs = join(work, file);
    let expected: Buffer = original;
    // Replayed where --fix wrote, or where a safe fix is still on offer (one it should have applied); elsewhere the file must be as it was.
    const replayed = !written.equals(original) || report?.messages.some((m) => m.fixes.some((f) => f.kind === 'safe'));
    if (replayed && report && !report.error && isUtf8(original)) {
      const text = original.toString('utf8');
      const resolved = resolveConfig(abs, nodeConfigHost, BUILTIN_RULES);
      const options: LintOptions = { rules: BUILTIN_RULES, config: resolved.effective, configFile: resolved.configPath, fileName: abs, today };
      const clean = resolved.errors.length === 0 && lintText(text, options).configErrors.length === 0;
      if (clean && !resolved.ignored) {
        figures.replayed++;
        const { pieces, edits, passes } = replay(text, options, posix, problems);
        const fixedText = spell(pieces, text);
        expected = Buffer.from(fixedText, 'utf8');
        if (edits > 0) figures.filesFixed++;
        figures.edits += edits;
        figures.maxPasses = Math.max(figures.maxPasses, passes);
        const changed = mergeFields(text).join('\n') !== mergeFields(fixedText).join('\n');
        if (changed) {
          figures.mergeFieldsChanged++;
          problems.push({ file: posix, what: `merge fields before ${JSON.stringify(mergeFields(text))}, after ${JSON.stringify(mergeFields(fixedText))}` });
        }
      }
    }
    if (!written.equals(expected)) {
      let k = 0;
      while (k < written.length && written[k] === expected[k]) k++;
      figures.bytesOutsideFixes += Math.max(1, Math.abs(written.length - expected.length));
      problems.push({ file: posix, what: `bytes differ from the original outside the fixes at byte ${k}: ${JSON.stringify(written.subarray(Math.max(0, k - 20), k + 40).toString('utf8'))} vs ${JSON.stringify(expected.subarray(Math.max(0, k - 20), k + 40).toString('utf8'))}` });
    }
  }
  // Files the CLI did not lint (ignored, dot folders) are untouched.
  for (const file of files) if (!results.has(file.split('\\').join('/')) && !readFileSync(join(work, file)).equals(before.get(file)!)) problems.push({ file, what: 'not linted, yet changed' });

  const afterFirst = new Map(files.map((f) => [f, readFileSync(join(work, f))]));
  const mtimes = new Map(files.map((f) => [f, statSync(join(work, f)).mtimeMs]));
  const second = runFix(work);
  assert.ok(second.code === 0 || second.code === 1 || second.code === 2, `exit ${second.code}: ${second.stderr.slice(0, 2000)}`);
  for (const f of files) {
    if (!readFileSync(join(work, f)).equals(afterFirst.get(f)!) || statSync(join(work, f)).mtimeMs !== mtimes.get(f)) {
      figures.secondRunChanged++;
      problems.push({ file: f, what: 'a second --fix changed it' });
    }
  }
  figures.problems = problems.length;
  console.log(`# fix meaning (${CORPUS ? `corpus ${CORPUS}` : 'fixtures and examples'}): ${JSON.stringify(figures)}`);
  for (const p of problems.slice(0, 40)) console.log(`#   ${p.file}: ${p.what}`);
  assert.deepEqual(problems, []);
  assert.ok(figures.edits > 0, 'the run fixed something, so the checks had something to check');
});
