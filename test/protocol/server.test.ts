import assert from 'node:assert/strict';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ClientCapabilities, CodeAction, Hover, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, byRule, fileUri, serverSessions, withTimeout } from './lsp-harness';

const PLAYBOOK = [
  '# Renewal playbook',
  '',
  '## Follow-up email',
  '',
  'Just checking in on the proposal.',
  '',
  'Sorry to bother you, but I wanted to share the freight benchmark you asked about last month.',
  '',
  'We can leverage the benchmark to cut your Reno costs by a day a week.',
  '',
].join('\n');

const BASE_CAPS: ClientCapabilities = {
  textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } }, hover: { contentFormat: ['markdown'] } },
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
};
const SNIPPET_CAPS: ClientCapabilities = { ...BASE_CAPS, workspace: { ...BASE_CAPS.workspace, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } };

// 19 server starts: about 15 s on an idle machine, more than 60 s on a shared one (load 10 on 2 cores).
describe('language server over stdio', { timeout: 180_000 }, () => {
  const servers = serverSessions('playbook-lsp-');
  const start = servers.start;

  it('pushes diagnostics, fixes with a quick fix, and clears them after an incremental change', async () => {
    const s = start();
    const init = await s.initialize(BASE_CAPS);
    assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'no pull provider for a push-only client');
    const uri = fileUri(join(servers.dir(), 'renewal.md'));
    s.open(uri, PLAYBOOK);
    const published = await s.diagnosticsFor(uri, 1, 0);
    const checkIn = byRule(published.diagnostics, 'no-empty-check-in');
    assert.equal(checkIn.length, 1);
    const d = checkIn[0];
    assert.equal(d.source, 'playbook-lint');
    assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 16 } });
    assert.match(d.codeDescription!.href, /#no-empty-check-in$/);
    assert.ok((d.data as any).fixes.length >= 2);

    const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
    assert.ok(actions.length >= 3, 'rewrites and the suppression');
    assert.equal(actions[0].isPreferred, true);
    assert.ok(actions.slice(1).every((a) => !a.isPreferred));
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    assert.ok(actions.some((a) => a.title === 'Disable no-empty-check-in for this line'));
    const edits = actions[0].edit!.changes![uri];
    assert.ok(edits, 'plain TextEdits without snippet support');
    // A renewal playbook: the preferred rewrite speaks to an existing customer, not a cold trigger event.
    assert.match(edits[0].newText, /\[your go-live\]/);
    assert.doesNotMatch(edits[0].newText, /\$\{|trigger event/);

    const fixed = applyTextEdits(PLAYBOOK, edits);
    const mark = s.notifications.length;
    s.change(uri, 2, edits);
    const after2 = await s.diagnosticsFor(uri, 2, mark);
    assert.equal(byRule(after2.diagnostics, 'no-empty-check-in').length, 0, `fixed text still flagged:\n${fixed}`);
    assert.equal(byRule(after2.diagnostics, 'no-apology-for-contact').length, 1);
  });

  it('sends snippet edits to clients that support them', async () => {
    const s = start();
    await s.initialize(SNIPPET_CAPS);
    const uri = fileUri(join(servers.dir(), 'snippet.md'));
    s.open(uri, PLAYBOOK);
    const published = await s.diagnosticsFor(uri, 1, 0);
    const d = byRule(published.diagnostics, 'no-empty-check-in')[0];
    const actions = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    const edit = change.edits[0] as any;
    assert.equal(edit.snippet.kind, 'snippet');
    assert.match(edit.snippet.value, /\$\{1:your go-live\}/);
  });

  it('hovers with rationale, example and sources; fix-all applies safe fixes only', async () => {
    const s = start();
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'hover.md'));
    s.open(uri, PLAYBOOK);
    await s.diagnosticsFor(uri, 1, 0);
    const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 5 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /gives the buyer no new reason to reply/);
    assert.match(value, /A check-in asks the buyer to do the work/);
    assert.match(value, /Before:/);
    assert.match(value, /\]\(https?:\/\//, 'sources as links');
    const none = await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.equal(none, null);

    const source = (await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.equal(source.length, 1);
    assert.equal(source[0].kind, 'source.fixAll.playbookLint');
    const edits = source[0].edit!.changes![uri];
    assert.equal(edits.length, 1, 'minimal edits, not a whole-document replacement');
    const fixed = applyTextEdits(PLAYBOOK, edits);
    assert.match(fixed, /\nWe can use the benchmark to cut your Reno costs/);
    assert.match(fixed, /Just checking in on the proposal\./, 'rewrites never auto-apply');
    assert.match(fixed, /\nSorry to bother you, but I wanted/, 'deleting words is a rewrite, never applied in bulk');

    const result = (await s.connection.sendRequest('workspace/executeCommand', { command: 'playbookLint.fixAll', arguments: [uri] })) as { applied: boolean };
    assert.equal(result.applied, true);
    const req = await s.waitForServerRequest('workspace/applyEdit');
    assert.deepEqual(req.params.edit.changes[uri], edits);
  });

  it('hovers a metric finding with its figures', async () => {
    const s = start();
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'voicemail.md'));
    const text = '## Voicemail (≤ 20 seconds)\n> Hi {{first_name}}, it\'s {{rep_name}} at Acme. I saw {{company}} opened a new warehouse in Reno and teams in that spot often fight pick errors in the first ninety days. I have a two-page checklist that helps, and it takes ten minutes to read. Call me at {{rep_phone}}.\n';
    s.open(uri, text);
    const d = byRule((await s.diagnosticsFor(uri, 1, 0)).diagnostics, 'voicemail-length')[0];
    assert.ok(d, 'voicemail-length reported');
    const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 10 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /About \d+ seconds spoken \(\d+ words(?: and (?:a phone number|\d+ phone numbers) read out)? at 150 words a minute\); aim for 20 seconds or less, as the heading says/);
  });

  it('reports a broken config on the config file and still lints the playbook', async () => {
    const ws = join(servers.dir(), 'ws');
    mkdirSync(ws);
    const configPath = join(ws, '.playbooklintrc.json');
    writeFileSync(configPath, '{\n  "rules": {\n    "no-such-rule": "warning",\n    "no-apology-for-contact": "off"\n  }\n}\n');
    const s = start();
    await s.initialize(BASE_CAPS, fileUri(ws));
    await s.waitForServerRequest('client/registerCapability', (p) => JSON.stringify(p).includes('playbooklintrc'));
    const uri = fileUri(join(ws, 'playbook.md'));
    s.open(uri, PLAYBOOK);
    const configDiagnostics = await s.diagnosticsFor(fileUri(configPath), undefined, 0);
    assert.ok(configDiagnostics.diagnostics.length >= 1);
    const cd = configDiagnostics.diagnostics[0];
    assert.equal(cd.severity, 1);
    assert.equal(cd.source, 'playbook-lint');
    assert.equal(cd.range.start.line, 2, 'range points at the bad key');
    const message = await s.waitFor('one window message', (n) => n.method === 'window/showMessage');
    assert.match(message.params.message, /no-such-rule/);
    const published = await s.diagnosticsFor(uri, 1, 0);
    assert.equal(byRule(published.diagnostics, 'no-empty-check-in').length, 1, 'still linted');
    assert.equal(byRule(published.diagnostics, 'no-apology-for-contact').length, 0, 'the valid part of the config applies');

    // The config is fixed on disk: the watcher notification re-lints and clears the config diagnostics.
    writeFileSync(configPath, '{ "rules": { "no-empty-check-in": "off" } }\n');
    const mark = s.notifications.length;
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configPath), type: 2 }] });
    const cleared = await s.diagnosticsFor(fileUri(configPath), undefined, mark);
    assert.equal(cleared.diagnostics.length, 0);
    const relinted = await s.waitFor<PublishDiagnosticsParams>('re-lint after config change', (n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri, 10_000, mark);
    assert.equal(byRule(relinted.params.diagnostics, 'no-empty-check-in').length, 0);
    assert.equal(s.notifications.filter((n) => n.method === 'window/showMessage').length, 1, 'one message per distinct error set');
  });

  it('runs a team pattern that backtracks catastrophically in JavaScript on a 220 KB line, refuses one RE2 cannot run, and keeps serving', async () => {
    const ws = join(servers.dir(), 'ws-redos');
    mkdirSync(ws);
    const configPath = join(ws, '.playbooklintrc.yaml');
    const config = ['customRules:', '  - id: team/jargon', '    message: "{match} is jargon; say what changes for the buyer."', "    patterns: ['synerg(?:y|ies)', '(?:[a-z ]{1,9}){1,9}q']"];
    writeFileSync(configPath, [...config, '  - id: team/ahead', '    message: "m"', "    patterns: ['leverage(?= our)']", ''].join('\n'));
    const s = start();
    await s.initialize(BASE_CAPS, fileUri(ws));
    const uri = fileUri(join(ws, 'playbook.md'));
    s.open(uri, `${PLAYBOOK}\nRep: our synergy ${'lorem ipsum dolor sit amet '.repeat(8_000)}!\n`);
    const configDiagnostics = await s.diagnosticsFor(fileUri(configPath), undefined, 0);
    assert.deepEqual(configDiagnostics.diagnostics.map((d) => String(d.message).split(':')[0]), ['customRules/1/patterns/0']);
    assert.match(String(configDiagnostics.diagnostics[0].message), /uses a lookahead/);
    assert.equal(configDiagnostics.diagnostics[0].range.start.line, 6, 'range points at the pattern');
    const published = await s.diagnosticsFor(uri, 1, 0);
    assert.equal(byRule(published.diagnostics, 'no-empty-check-in').length, 1, 'still linted');
    assert.equal(byRule(published.diagnostics, 'team/jargon').length, 1, 'the team rule ran');
    const mark = s.notifications.length;
    s.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: 'Touching base. ' }]);
    const edited = await s.diagnosticsFor(uri, 2, mark);
    assert.equal(byRule(edited.diagnostics, 'no-empty-check-in').length, 2, 'the next edit is linted too');
  });

  it('clears config diagnostics when the broken config file is deleted', async () => {
    const ws = join(servers.dir(), 'ws-deleted');
    mkdirSync(ws);
    const configPath = join(ws, '.playbooklintrc.yaml');
    writeFileSync(configPath, 'rules:\n  no-empty-check-in: loudly\n');
    const s = start();
    await s.initialize(BASE_CAPS, fileUri(ws));
    const uri = fileUri(join(ws, 'playbook.md'));
    s.open(uri, PLAYBOOK);
    const broken = await s.diagnosticsFor(fileUri(configPath), undefined, 0);
    assert.equal(broken.diagnostics.length, 1);
    assert.equal(broken.diagnostics[0].range.start.line, 1);
    rmSync(configPath);
    const mark = s.notifications.length;
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configPath), type: 3 }] });
    assert.equal((await s.diagnosticsFor(fileUri(configPath), undefined, mark)).diagnostics.length, 0);
  });

  it('drops results for outdated versions and debounces typing', async () => {
    const s = start();
    s.settings = { debounceMs: 50 };
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'typing.md'));
    s.open(uri, '## Follow-up email\n\n');
    await s.diagnosticsFor(uri, 1, 0);
    const mark = s.notifications.length;
    const line = 'Just checking in on the proposal.';
    for (let i = 0; i < line.length; i++) s.change(uri, 2 + i, [{ range: { start: { line: 2, character: i }, end: { line: 2, character: i } }, newText: line[i] }]);
    const last = 1 + line.length;
    const final = await s.diagnosticsFor(uri, last, mark);
    assert.equal(byRule(final.diagnostics, 'no-empty-check-in').length, 1);
    const pushed = s.notifications.slice(mark).filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.ok(pushed.every((n) => n.params.version === last), `stale versions published: ${pushed.map((n) => n.params.version).join(',')}`);
    const status = await s.waitFor('status notification', (n) => n.method === 'playbookLint/status' && n.params.uri === uri && n.params.version === last);
    assert.equal(status.params.counts.warning, 1);
    assert.equal(typeof status.params.score, 'number');
  });

  it('never publishes a version that was already replaced when its lint would run', async () => {
    const s = start();
    s.settings = { debounceMs: 0 };
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'stale.md'));
    // The open's lint waits for workspace/configuration; the change arrives first and supersedes it.
    s.open(uri, PLAYBOOK);
    s.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 33 } }, newText: 'Here are the Reno numbers you asked for.' }]);
    const first = await s.waitFor<PublishDiagnosticsParams>('first publish', (n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.equal(first.params.version, 2);
    assert.equal(byRule(first.params.diagnostics, 'no-empty-check-in').length, 0);
  });

  it('keeps nothing for a closed document: its pending lint is dropped and a reopened one is linted afresh', async () => {
    const s = start();
    s.settings = { debounceMs: 0 };
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'reopen.md'));
    // Closed while the open's lint still waits for workspace/configuration.
    s.open(uri, PLAYBOOK);
    s.close(uri);
    const cleared = await s.diagnosticsFor(uri, undefined, 0);
    assert.deepEqual(cleared.diagnostics, []);
    const mark = s.notifications.length;
    s.open(uri, '## Follow-up email\n\nSorry to bother you, but here are the Reno numbers you asked for.\n');
    const reopened = await s.diagnosticsFor(uri, 1, mark);
    assert.equal(byRule(reopened.diagnostics, 'no-apology-for-contact').length, 1);
    assert.equal(byRule(reopened.diagnostics, 'no-empty-check-in').length, 0, 'diagnostics of the closed text');
    const pushed = s.notifications.slice(0).filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.deepEqual(pushed.map((n) => n.params.diagnostics.length > 0), [false, true], 'one clearing publish, then the reopened text');
  });

  it('answers pull requests and does not push to pulling clients', async () => {
    const s = start();
    await s.initialize({ ...BASE_CAPS, textDocument: { ...BASE_CAPS.textDocument, diagnostic: { dynamicRegistration: false } } });
    const uri = fileUri(join(servers.dir(), 'pull.md'));
    s.open(uri, PLAYBOOK);
    const report = (await withTimeout(s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), 10_000, 'pull')) as any;
    assert.equal(report.kind, 'full');
    assert.equal(byRule(report.items, 'no-empty-check-in').length, 1);
    await s.waitFor('status after pull', (n) => n.method === 'playbookLint/status' && n.params.uri === uri);
    assert.equal(s.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length, 0);
    s.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 33 } }, newText: 'Your team asked for the Reno numbers; here they are.' }]);
    const second = (await withTimeout(s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId }), 10_000, 'second pull')) as any;
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, report.resultId);
    assert.equal(byRule(second.items, 'no-empty-check-in').length, 0);
    assert.equal(byRule(second.items, 'no-apology-for-contact').length, 1);
  });

  it('in onSave mode keeps pulled diagnostics unchanged until the next save', async () => {
    const s = start();
    s.settings = { run: 'onSave' };
    await s.initialize({ ...BASE_CAPS, textDocument: { ...BASE_CAPS.textDocument, diagnostic: {} } });
    const uri = fileUri(join(servers.dir(), 'onsave.md'));
    s.open(uri, PLAYBOOK);
    const first = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any;
    assert.equal(byRule(first.items, 'no-empty-check-in').length, 1);
    s.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: 'Hello. ' }]);
    const second = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as any;
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
  });

  it('with run=onSave pushes on open and save, not while typing', async () => {
    const s = start();
    s.settings = { run: 'onSave', debounceMs: 0 };
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'push-onsave.md'));
    s.open(uri, PLAYBOOK);
    await s.diagnosticsFor(uri, 1, 0);
    const mark = s.notifications.length;
    s.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 33 } }, newText: 'Here are the Reno numbers you asked for.' }]);
    await s.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const saved = await s.diagnosticsFor(uri, undefined, mark);
    assert.equal(saved.version, 2);
    assert.equal(byRule(saved.diagnostics, 'no-empty-check-in').length, 0);
    assert.equal(s.notifications.slice(mark).filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length, 1, 'the change alone published nothing');
  });

  it('skips a file over maxFileSize with one message, without hanging', async () => {
    const s = start();
    s.settings = { maxFileSize: 1000 };
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'huge.md'));
    s.open(uri, PLAYBOOK + 'Just checking in.\n'.repeat(200));
    const published = await s.diagnosticsFor(uri, 1, 0);
    assert.equal(published.diagnostics.length, 0);
    const message = await s.waitFor('size message', (n) => n.method === 'window/showMessage');
    assert.match(message.params.message, /maxFileSize/);
  });

  it('applies playbookLint.rules severity overrides and reports unknown ids once', async () => {
    const s = start();
    s.settings = { rules: { 'no-empty-check-in': 'error', 'no-apology-for-contact': 'off', 'no-such-rule': 'warning' } };
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'rules-setting.md'));
    s.open(uri, PLAYBOOK);
    const published = await s.diagnosticsFor(uri, 1, 0);
    assert.equal(byRule(published.diagnostics, 'no-empty-check-in')[0].severity, 1);
    assert.equal(byRule(published.diagnostics, 'no-apology-for-contact').length, 0);
    const message = await s.waitFor('settings message', (n) => n.method === 'window/showMessage');
    assert.match(message.params.message, /playbookLint\.rules.*no-such-rule/);
  });

  it('honours enable=false and exclude globs', async () => {
    const s = start();
    s.settings = { exclude: ['**/drafts/**'] };
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'drafts', 'x.md'));
    s.open(uri, PLAYBOOK);
    const published = await s.diagnosticsFor(uri, 1, 0);
    assert.equal(published.diagnostics.length, 0);
  });

  it('works without workspace/configuration: initializationOptions, then didChangeConfiguration', async () => {
    const s = start();
    await s.initialize({ ...BASE_CAPS, workspace: { applyEdit: true } }, null, { playbookLint: { enable: false } });
    const uri = fileUri(join(servers.dir(), 'noconfig.md'));
    s.open(uri, PLAYBOOK);
    assert.equal((await s.diagnosticsFor(uri, 1, 0)).diagnostics.length, 0);
    assert.equal(s.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);
    const mark = s.notifications.length;
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { playbookLint: { enable: true } } });
    const relinted = await s.diagnosticsFor(uri, 1, mark);
    assert.equal(byRule(relinted.diagnostics, 'no-empty-check-in').length, 1);
  });

  it('converts offsets to UTF-16 positions (emoji, CRLF)', async () => {
    const s = start();
    await s.initialize(BASE_CAPS);
    const uri = fileUri(join(servers.dir(), 'emoji.md'));
    s.open(uri, '## Follow-up email\r\n\r\n😀 Just checking in on the proposal.\r\n');
    const d = byRule((await s.diagnosticsFor(uri, 1, 0)).diagnostics, 'no-empty-check-in')[0];
    assert.deepEqual(d.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 19 } });
  });

  it('shuts down and exits cleanly', async () => {
    const s = start();
    await s.initialize(BASE_CAPS);
    const code = await s.shutdown();
    assert.equal(code, 0);
  });
});
