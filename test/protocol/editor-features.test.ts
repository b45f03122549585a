import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ClientCapabilities, CodeLens, DocumentSymbol } from 'vscode-languageserver-protocol';
import { byRule, fileUri, serverSessions, withTimeout } from './lsp-harness';

const LONG_TURN = 'I noticed your team opened three new warehouses this quarter and your job posts mention routing delays, which is exactly what our freight planning tool shortens for teams like yours within a month.';

const PLAYBOOK = [
  '# Cold call playbook',
  '',
  '## Voicemail (≤ 25 seconds)',
  '',
  '> Hi Dana, this is Sam from Acme. Your team opened three warehouses this quarter; we cut routing time for Globex by a third. Call me back on 555 123 4567 and I will share how.',
  '',
  '## Opening the call',
  '',
  `Rep: ${LONG_TURN}`,
  '',
  'Prospect: Go on.',
  '',
  'Rep: Great.',
  '',
  '### Objections',
  '',
  'Just checking in on the proposal.',
  '',
].join('\n');

const CAPS: ClientCapabilities = {
  textDocument: { publishDiagnostics: { versionSupport: true }, codeLens: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
  workspace: { configuration: true },
};

describe('editor features: code lens, outline, lint workspace', { timeout: 60_000 }, () => {
  const servers = serverSessions('playbook-editor-');
  const start = servers.start;

  it('shows the spoken duration above the voicemail (with its budget) and long rep turns only, and the talk ratio above the call', async () => {
    const s = start();
    const init = await withTimeout(s.initialize(CAPS), 10_000, 'initialize');
    assert.ok(init.capabilities.codeLensProvider);
    const uri = fileUri(join(servers.dir(), 'lens.md'));
    s.open(uri, PLAYBOOK);
    await s.diagnosticsFor(uri, 1, 0);
    const lenses = (await withTimeout(s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), 10_000, 'codeLens')) as CodeLens[];
    const titles = lenses.map((l) => l.command!.title);
    assert.equal(lenses.length, 3, `lenses: ${JSON.stringify(titles)}`);
    assert.match(titles[0], /^≈ \d+ s spoken · aim for ≤ 25 s$/);
    assert.equal(lenses[0].range.start.line, 4);
    assert.match(titles[1], /^≈ \d+ s spoken$/);
    assert.equal(lenses[1].range.start.line, 8, 'the long rep turn; "Rep: Great." gets none');
    assert.match(titles[2], /^Talk ratio: rep \d+ % · buyer \d+ % of words · rep asks 0 questions, buyer 0$/);
    assert.equal(lenses[2].range.start.line, 6, 'on the section that holds the dialogue: the voicemail under the same title is not part of the call');
    assert.ok(lenses.every((l) => l.command!.command === ''), 'informational, no command');
  });

  it('returns the sections as a nested outline with their tags as detail', async () => {
    const s = start();
    await withTimeout(s.initialize(CAPS), 10_000, 'initialize');
    const uri = fileUri(join(servers.dir(), 'outline.md'));
    s.open(uri, PLAYBOOK);
    const symbols = (await withTimeout(s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), 10_000, 'documentSymbol')) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const root = symbols[0];
    assert.equal(root.name, 'Cold call playbook');
    assert.deepEqual(root.children!.map((c) => c.name), ['Voicemail (≤ 25 seconds)', 'Opening the call']);
    const voicemail = root.children![0];
    assert.match(voicemail.detail ?? '', /voicemail/);
    assert.deepEqual(voicemail.selectionRange.start, { line: 2, character: 0 });
    assert.deepEqual(root.children![1].children!.map((c) => c.name), ['Objections']);
    assert.equal(root.range.start.line, 0);
  });

  it('lints a closed workspace file from disk and an open one from its buffer', async () => {
    const s = start();
    await withTimeout(s.initialize(CAPS, fileUri(servers.dir())), 10_000, 'initialize');
    const closedPath = join(servers.dir(), 'closed.md');
    writeFileSync(closedPath, '# Follow-up\n\n## Email\n\nJust checking in on the proposal.\n');
    const closed = (await withTimeout(s.connection.sendRequest('playbookLint/lintFile', { uri: fileUri(closedPath) }), 10_000, 'lintFile closed')) as any;
    assert.equal(closed.open, false);
    assert.equal(byRule(closed.diagnostics, 'no-empty-check-in').length, 1);
    assert.deepEqual(byRule(closed.diagnostics, 'no-empty-check-in')[0].range.start, { line: 4, character: 0 });

    const openUri = fileUri(join(servers.dir(), 'open.md'));
    writeFileSync(join(servers.dir(), 'open.md'), '# Clean on disk\n');
    s.open(openUri, '# Follow-up\n\n## Email\n\nJust checking in on the proposal.\n');
    const open = (await withTimeout(s.connection.sendRequest('playbookLint/lintFile', { uri: openUri }), 10_000, 'lintFile open')) as any;
    assert.equal(open.open, true);
    assert.equal(byRule(open.diagnostics, 'no-empty-check-in').length, 1, 'the buffer, not the disk');

    const missing = (await withTimeout(s.connection.sendRequest('playbookLint/lintFile', { uri: fileUri(join(servers.dir(), 'gone.md')) }), 10_000, 'lintFile missing')) as any;
    assert.equal(missing.skipped, 'unreadable');
    assert.equal(await s.shutdown(), 0);
  });
});
