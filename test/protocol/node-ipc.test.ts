import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { ensureBuilt, ROOT, withTimeout } from './lsp-harness';

describe('language server over node IPC (how VS Code starts it)', { timeout: 30_000 }, () => {
  let child: ReturnType<typeof fork>;

  before(() => ensureBuilt());
  after(() => {
    if (child?.pid && child.exitCode === null) process.kill(child.pid);
  });

  it('initializes, lints and exits', async () => {
    child = fork(join(ROOT, 'dist', 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const stdout: string[] = [];
    child.stdout!.on('data', (d) => stdout.push(String(d)));
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<any>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.listen();
    const init = (await withTimeout(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 10_000, 'initialize')) as any;
    assert.equal(init.serverInfo.name, 'playbook-language-server');
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'markdown', version: 1, text: '## Follow-up email\n\nJust checking in on the proposal.\n' } });
    const params = await withTimeout(published, 10_000, 'publishDiagnostics');
    assert.ok(params.diagnostics.some((d: any) => d.code === 'no-empty-check-in'));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    await withTimeout(connection.sendRequest('shutdown'), 5_000, 'shutdown');
    await connection.sendNotification('exit');
    assert.equal(await withTimeout(exited, 5_000, 'exit'), 0);
    assert.equal(stdout.join(''), '', 'nothing written to stdout');
    connection.dispose();
  });
});
