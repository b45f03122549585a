/**
 * Server soak: thousands of random edits over stdio, sent without waiting; the
 * server must still answer, and its diagnostics for the final version must
 * equal a fresh lint of the final text. Bounded by the edit count.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILTIN_RULES, lintText } from '../../server/src/engine';
import { LspSession, ensureBuilt, fileUri } from '../protocol/lsp-harness';
import { playbook } from './markdown-arbitrary';

const EDITS = 3000;
const INSERTS = ['', 'a', ' ', '\n', '\n\n', '#', '# Voicemail\n', '> ', '- ', '```\n', '|', 'just checking in', 'Rep: ', '😀', '.', '?'];
let dir: string;
let session: LspSession | undefined;

before(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'playbook-soak-'));
});
after(() => {
  session?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test(`the server survives ${EDITS} random edits and ends with the diagnostics of a fresh lint`, { timeout: 600_000 }, async () => {
  const texts = fc.sample(playbook, { numRuns: 40, seed: 1234 });
  let text = texts.join('\n\n').replace(/\r\n?/g, '\n');
  const s = (session = new LspSession());
  s.settings = { debounceMs: 0 };
  await s.initialize({ workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } });
  const uri = fileUri(join(dir, 'soak.md'));
  s.open(uri, text);
  let seed = 99;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  let version = 1;
  for (let i = 0; i < EDITS; i++) {
    const doc = TextDocument.create(uri, 'markdown', version, text);
    const start = rnd(text.length + 1);
    const end = Math.min(text.length, start + rnd(4));
    const insert = INSERTS[rnd(INSERTS.length)];
    s.change(uri, ++version, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: insert }]);
    text = text.slice(0, start) + insert + text.slice(end);
  }
  const final = await s.diagnosticsFor(uri, version, 0);
  const doc = TextDocument.create(uri, 'markdown', version, text);
  const expected = lintText(text, { rules: BUILTIN_RULES }).findings.map((f) => ({ code: f.ruleId, message: f.message, range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) } }));
  const got = final.diagnostics.filter((d) => d.code !== 'config').map((d) => ({ code: d.code, message: d.message, range: d.range }));
  assert.deepEqual(got, expected);
  assert.equal(await s.shutdown(), 0);
});
