/** The server's glue modules without a process: conversions, code actions, hover, file filter. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILTIN_RULES, findRule, lintText, resolveConfig, type ConfigHost, type Finding } from '../../server/src/engine';
import { codeActionsFor, fixAllEdit, wantsFixAll } from '../../server/src/lsp/code-actions';
import { WorkspaceTrust } from '../../server/src/lsp/trust';
import { ConfigService } from '../../server/src/lsp/config-watch';
import { findingToDiagnostic } from '../../server/src/lsp/diagnostics';
import { forgetDocument, incrementalDocuments, lintDocument } from '../../server/src/lsp/document-linter';
import { shouldLint } from '../../server/src/lsp/file-filter';
import { findingToMarkdown } from '../../server/src/lsp/hover';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { HeapGrowth, holdYoungGeneration, LOADING_HEAP_GROWING_PERCENT, LOADING_YOUNG_GENERATION_CAP } from '../../server/src/lsp/v8-heap';

const doc = (text: string, version = 1) => TextDocument.create('file:///w/p.md', 'markdown', version, text);
const finding = (start: number, end: number, fixes: Finding['fixes'] = []): Finding => ({ ruleId: 'no-empty-check-in', severity: 'warning', message: 'm', start, end, fixes });

describe('lsp modules', () => {
  it('findingToDiagnostic converts UTF-16 offsets after an emoji and CRLF', () => {
    const text = 'a\r\n😀 Just checking in.';
    const start = text.indexOf('Just');
    const d = findingToDiagnostic(doc(text), finding(start, start + 16));
    assert.deepEqual(d.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 19 } });
    assert.equal(d.source, 'playbook-lint');
    assert.equal(d.code, 'no-empty-check-in');
    assert.equal(d.severity, 2);
  });

  it('fix-all takes each finding’s first safe fix, sorted, overlaps dropped, snippets as plain text', () => {
    const text = 'abcdefghij';
    const edit = fixAllEdit(doc(text), [
      finding(5, 7, [{ title: 'r', kind: 'rewrite', snippet: false, edits: [{ start: 0, end: 10, text: 'X' }] }, { title: 's', kind: 'safe', snippet: false, edits: [{ start: 5, end: 7, text: '' }] }]),
      finding(0, 2, [{ title: 's', kind: 'safe', snippet: true, edits: [{ start: 0, end: 2, text: '${1:x}' }] }]),
      finding(6, 8, [{ title: 's', kind: 'safe', snippet: false, edits: [{ start: 6, end: 8, text: 'Y' }] }]),
      finding(9, 9, [{ title: 'suppress', kind: 'suppress', snippet: false, edits: [{ start: 10, end: 10, text: '<!-- -->' }] }]),
    ])!;
    const edits = edit.changes!['file:///w/p.md'];
    assert.deepEqual(edits.map((e) => [e.range.start.character, e.range.end.character, e.newText]), [[0, 2, '[x]'], [5, 7, '']]);
    assert.equal(fixAllEdit(doc(text), [finding(0, 1)]), undefined);
  });

  it('quick fixes follow a diagnostic the client moved, first one preferred', () => {
    const original = 'Just checking in.';
    const f = finding(0, 16, [
      { title: 'Rewrite', kind: 'rewrite', snippet: true, edits: [{ start: 0, end: 17, text: 'I noticed ${1:trigger}.' }] },
      { title: 'Disable no-empty-check-in for this line', kind: 'suppress', snippet: false, edits: [{ start: 17, end: 17, text: ' <!-- x -->' }] },
    ]);
    const d = findingToDiagnostic(doc(original), f);
    const moved = { ...d, range: { start: { line: 0, character: 4 }, end: { line: 0, character: 20 } } };
    const actions = codeActionsFor(doc('Hi. ' + original, 2), { textDocument: { uri: 'file:///w/p.md' }, range: moved.range, context: { diagnostics: [moved] } }, { snippetEdits: false, findings: undefined });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.kind]), [['Rewrite', true, 'quickfix'], ['Disable no-empty-check-in for this line', false, 'quickfix']]);
    const e = actions[0].edit!.changes!['file:///w/p.md'][0];
    assert.deepEqual([e.range.start.character, e.range.end.character, e.newText], [4, 21, 'I noticed [trigger].']);
    const snippet = codeActionsFor(doc('Hi. ' + original, 2), { textDocument: { uri: 'file:///w/p.md' }, range: moved.range, context: { diagnostics: [moved] } }, { snippetEdits: true, findings: undefined });
    assert.deepEqual((snippet[0].edit!.documentChanges![0] as any).edits[0].snippet, { kind: 'snippet', value: 'I noticed ${1:trigger}.' });
  });

  it('ignores diagnostics from other sources and honours `only`', () => {
    const d = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'other', data: { ruleId: 'a', fixes: [], start: 0 } };
    assert.deepEqual(codeActionsFor(doc('x'), { textDocument: { uri: 'file:///w/p.md' }, range: d.range, context: { diagnostics: [d] } }, { snippetEdits: false, findings: [] }), []);
    assert.equal(wantsFixAll(['source.fixAll']), true);
    assert.equal(wantsFixAll(['source']), true);
    assert.equal(wantsFixAll(['source.fixAll.playbookLint']), true);
    assert.equal(wantsFixAll(['quickfix']), false);
    assert.equal(wantsFixAll(undefined), false);
  });

  it('hover shows metric figures', () => {
    const md = findingToMarkdown({ ...finding(0, 1), ruleId: 'voicemail-length', metrics: { seconds: 34, words: 85, limit: 25, budget: 25 } }, undefined);
    assert.match(md, /About 34 seconds spoken \(85 words(?: and (?:a phone number|\d+ phone numbers) read out)? at 150 words a minute\); aim for 25 seconds or less, as the heading says\./);
    const monologue = findingToMarkdown({ ...finding(0, 1), ruleId: 'rep-monologue-length', metrics: { seconds: 1, words: 1, limit: 45 } }, undefined);
    assert.match(monologue, /About 1 second spoken \(1 word at 150 words a minute\); aim for 45 words or fewer\./);
  });

  it('hover cites each source as "Title — Author" with its link, never a research file name', () => {
    const rule = findRule('no-empty-check-in')!;
    const md = findingToMarkdown({ ...finding(0, 1), ruleId: rule.id }, rule);
    assert.match(md, /\[Your Killer Communication Strategy — Paul McCord, ThinkAdvisor\]\(https:\/\/thinkadvisor\.com\/[^)]+\): /);
    for (const s of rule.sources) assert.ok(md.includes(`${s.title} — ${s.author}`), s.title);
    assert.doesNotMatch(md, /seed|\.txt/);
  });

  it("hover gives the rate the finding was measured at (a team's wordsPerMinute), not the default", () => {
    const md = findingToMarkdown({ ...finding(0, 1), ruleId: 'voicemail-length', metrics: { seconds: 34, words: 85, wpm: 130, limit: 25, budget: 25 } }, undefined);
    assert.match(md, /About 34 seconds spoken \(85 words at 130 words a minute\)/);
  });

  it('include/exclude globs are relative to the workspace folder; untitled is always linted', () => {
    const folders = ['file:///w'];
    assert.deepEqual(shouldLint('file:///w/a.md', 10, DEFAULT_SETTINGS, folders), { skip: false });
    assert.deepEqual(shouldLint('file:///w/a.txt', 10, DEFAULT_SETTINGS, folders), { skip: true, reason: 'excluded' });
    assert.deepEqual(shouldLint('file:///w/node_modules/x/a.md', 10, DEFAULT_SETTINGS, folders), { skip: true, reason: 'excluded' });
    assert.deepEqual(shouldLint('file:///w/plays/a.md', 10, { ...DEFAULT_SETTINGS, include: ['plays/**'] }, folders), { skip: false });
    assert.deepEqual(shouldLint('file:///w/other/a.md', 10, { ...DEFAULT_SETTINGS, include: ['plays/**'] }, folders), { skip: true, reason: 'excluded' });
    assert.deepEqual(shouldLint('untitled:Untitled-1', 10, DEFAULT_SETTINGS, folders), { skip: false });
    assert.deepEqual(shouldLint('file:///w/a.md', 11, { ...DEFAULT_SETTINGS, maxFileSize: 10 }, folders), { skip: true, reason: 'too-large' });
    assert.deepEqual(shouldLint('file:///w/a.md', 1, { ...DEFAULT_SETTINGS, enable: false }, folders), { skip: true, reason: 'disabled' });
  });

  it('resolves config once per distinct result: documents that resolve alike share one object, none is kept after close', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbl-config-service-'));
    try {
      writeFileSync(join(dir, '.playbooklintrc.json'), JSON.stringify({ rules: { 'email-length': 'error' }, overrides: [{ files: ['drafts/**'], rules: { 'email-length': 'off' } }] }));
      mkdirSync(join(dir, 'plays'));
      mkdirSync(join(dir, 'drafts'));
      const silent = { sendDiagnostics: async () => undefined, sendNotification: async () => undefined, client: { register: async () => undefined }, console: { error: () => undefined } } as unknown as Connection;
      const config = new ConfigService(silent, false, new WorkspaceTrust(silent, true));
      const uri = (p: string) => pathToFileURL(join(dir, p)).href;
      const a = config.resolve(uri('a.md'), DEFAULT_SETTINGS);
      assert.equal(a.effective.rules['email-length']?.severity, 'error');
      assert.equal(config.resolve(uri('plays/b.md'), DEFAULT_SETTINGS), a, 'same config, same object');
      const draft = config.resolve(uri('drafts/c.md'), DEFAULT_SETTINGS);
      assert.notEqual(draft, a);
      assert.equal(draft.effective.rules['email-length']?.severity, 'off');
      const withSettings = config.resolve(uri('a.md'), { ...DEFAULT_SETTINGS, rules: { 'email-length': 'hint' } });
      assert.equal(withSettings.effective.rules['email-length']?.severity, 'hint', 'editor settings still apply per document');
      config.forget(uri('a.md'));
      assert.equal(config.resolve(uri('a.md'), DEFAULT_SETTINGS), a, 'a closed and reopened document gets the shared object again');
      config.invalidate();
      const fresh = config.resolve(uri('a.md'), DEFAULT_SETTINGS);
      assert.notEqual(fresh, a, 're-read after a config change');
      assert.deepEqual(fresh, a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps incremental state for edited documents and the one opened last, until closed; results equal a fresh lint', () => {
    const host: ConfigHost = { readFile: () => undefined, dirname: (p) => p.replace(/\/[^/]*$/, ''), join: (a, b) => `${a}/${b}`, relative: (_, b) => b };
    const config = resolveConfig('/w/p.md', host, BUILTIN_RULES).effective;
    const strict = resolveConfig('/w/p.md', host, BUILTIN_RULES, { 'no-empty-check-in': 'error' }).effective;
    const [a, b] = ['file:///w/keep-a.md', 'file:///w/keep-b.md'];
    const fresh = (text: string, c = config) => lintText(text, { rules: BUILTIN_RULES, config: c });
    let text = '# Email\n\nJust checking in.\n';
    assert.deepEqual(lintDocument({ uri: a, version: 1, text, config }), fresh(text));
    assert.deepEqual(lintDocument({ uri: b, version: 0, text, config }), fresh(text));
    assert.ok(!incrementalDocuments().includes(a) && incrementalDocuments().includes(b), 'only the document opened last keeps its parse before it is edited');
    text += '\nSorry to bother you.\n';
    assert.deepEqual(lintDocument({ uri: a, version: 2, text, config }), fresh(text));
    assert.ok(incrementalDocuments().includes(a), 'the second lint keeps the parse');
    text = text.replace('Email', 'Follow-up email');
    assert.deepEqual(lintDocument({ uri: a, version: 3, text, config }), fresh(text));
    const severe = lintDocument({ uri: a, version: 3, text, config: strict });
    assert.deepEqual(severe, fresh(text, strict), 'a changed config is not served from the old state');
    assert.ok(severe.findings.some((f) => f.ruleId === 'no-empty-check-in' && f.severity === 'error'));
    forgetDocument(a);
    forgetDocument(b);
    assert.ok(!incrementalDocuments().includes(a), 'closing drops the state');
    assert.deepEqual(lintDocument({ uri: a, version: 1, text, config }), fresh(text));
    assert.deepEqual(incrementalDocuments(), [a], 'a reopened document is the one opened last');
    forgetDocument(a);
    assert.deepEqual(incrementalDocuments(), []);
  });

  it('keeps the heap tight while documents are loaded, V8 growth while one is edited, unless the command line decides', () => {
    const set: string[] = [];
    const MB = 2 ** 20;
    let young = 2 * MB;
    const heap = new HeapGrowth([], (f) => set.push(f), () => young);
    heap.beforeLint('file:///a.md');
    assert.deepEqual(set, [`--heap-growing-percent=${LOADING_HEAP_GROWING_PERCENT}`, '--semi-space-growth-factor=8'], 'the young generation may grow to the cap in one step');
    young = LOADING_YOUNG_GENERATION_CAP;
    for (const uri of ['file:///b.md', 'file:///c.md']) heap.beforeLint(uri);
    assert.deepEqual(set.slice(2), ['--compact-on-every-full-gc', '--semi-space-growth-factor=1'], 'from the second document loaded in a row full GCs compact; the young generation grows no further while loading');
    heap.beforeLint('file:///c.md');
    heap.beforeLint('file:///c.md');
    assert.deepEqual(set.slice(4), ['--no-compact-on-every-full-gc', '--heap-growing-percent=0', '--semi-space-growth-factor=2'], 'V8 decides while the same document is re-linted');
    young = 32 * MB;
    heap.beforeLint('file:///d.md');
    assert.deepEqual(set.slice(7), [`--heap-growing-percent=${LOADING_HEAP_GROWING_PERCENT}`, '--semi-space-growth-factor=1'], 'one document opened after editing does not compact');
    const held: string[] = [];
    holdYoungGeneration([], (f) => held.push(f));
    assert.deepEqual(held, ['--semi-space-growth-factor=1'], 'start-up does not grow it');
    const given: string[] = [];
    holdYoungGeneration(['--max-semi-space-size=4'], (f) => given.push(f));
    const fixed = new HeapGrowth(['--heap-growing-percent=80', '--max-semi-space-size=4', '--no-compact-on-every-full-gc'], (f) => given.push(f), () => young);
    fixed.beforeLint('file:///a.md');
    fixed.beforeLint('file:///b.md');
    assert.deepEqual(given, []);
  });
});
