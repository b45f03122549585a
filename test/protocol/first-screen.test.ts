/**
 * A long playbook just opened: the server shows the findings at its top first,
 * then the whole file's (engine/first-screen.ts), to pushing and to pulling
 * clients alike.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { byRule, fileUri, serverSessions, withTimeout } from './lsp-harness';

const CHECK_IN = 'Just checking in on the proposal.';
const steps = Array.from({ length: 500 }, (_, i) => `## Step ${i + 1}\n\nNote the renewal date in the CRM before the call.\n`);
const LONG = ['# Renewal playbook', '', '## Follow-up email', '', CHECK_IN, '', ...steps, '## Last follow-up email', '', CHECK_IN, ''].join('\n');
const CAPS: ClientCapabilities = { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } };

describe('first diagnostics of a long playbook', { timeout: 120_000 }, () => {
  const servers = serverSessions('playbook-first-screen-');

  it('pushes the top of the file first, then the whole file, both for the opened version', async () => {
    const s = servers.start();
    s.settings = { debounceMs: 0 };
    await s.initialize(CAPS);
    const uri = fileUri(join(servers.dir(), 'long.md'));
    s.open(uri, LONG);
    await s.waitFor('status after the whole file', (n) => n.method === 'playbookLint/status' && n.params.uri === uri && n.params.version === 1, 30_000);
    const pushed = s.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params as PublishDiagnosticsParams);
    assert.deepEqual(pushed.map((p) => p.version), [1, 1]);
    const [top, whole] = pushed.map((p) => byRule(p.diagnostics, 'no-empty-check-in').map((d) => d.range.start.line));
    assert.deepEqual(top, [4], 'the top: only the first email');
    assert.deepEqual(whole, [4, LONG.split('\n').length - 2], 'the whole file: both emails');
  });

  it('a short playbook is published once', async () => {
    const s = servers.start();
    s.settings = { debounceMs: 0 };
    await s.initialize(CAPS);
    const uri = fileUri(join(servers.dir(), 'short.md'));
    s.open(uri, ['## Follow-up email', '', CHECK_IN, ''].join('\n'));
    await s.waitFor('status', (n) => n.method === 'playbookLint/status' && n.params.uri === uri, 30_000);
    assert.equal(s.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length, 1);
  });

  it('answers a pulling client’s first pull with the top, then asks it to pull the whole file', async () => {
    const s = servers.start();
    await s.initialize({ ...CAPS, textDocument: { ...CAPS.textDocument, diagnostic: {} }, workspace: { ...CAPS.workspace, diagnostics: { refreshSupport: true } } });
    const uri = fileUri(join(servers.dir(), 'long-pull.md'));
    s.open(uri, LONG);
    const first = (await withTimeout(s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), 30_000, 'first pull')) as any;
    assert.equal(byRule(first.items, 'no-empty-check-in').length, 1);
    await s.waitForServerRequest('workspace/diagnostic/refresh', () => true, 30_000);
    const second = (await withTimeout(s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId }), 30_000, 'second pull')) as any;
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, first.resultId);
    assert.equal(byRule(second.items, 'no-empty-check-in').length, 2);
  });
});
