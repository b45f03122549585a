/**
 * Starts the bundled server (`dist/server.js --stdio`) and speaks LSP to it.
 * Every wait is bounded and fails the test on timeout; nothing sleeps.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before } from 'node:test';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';

export const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');

/** Builds dist/server.js when it is missing or older than a server source file. */
export function ensureBuilt(): void {
  const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= newest(join(ROOT, 'server', 'src'))) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface Notification {
  method: string;
  params: any;
}

export class LspSession {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly notifications: Notification[] = [];
  readonly stderr: string[] = [];
  /** Requests the server made of the client (applyEdit, configuration, registerCapability). */
  readonly serverRequests: Notification[] = [];
  private waiters: Array<() => void> = [];
  settings: Record<string, unknown> = {};
  applyEditResult = true;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => this.stderr.push(String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    this.connection.onRequest((method, params: any) => {
      this.serverRequests.push({ method, params });
      this.wake();
      if (method === 'workspace/configuration') return params.items.map(() => this.settings);
      if (method === 'workspace/applyEdit') return { applied: this.applyEditResult };
      return null;
    });
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities, rootUri: string | null = null, initializationOptions?: unknown): Promise<any> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null, capabilities, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the first notification (already received or future) that satisfies `match`. */
  waitFor<T = any>(describe: string, match: (n: Notification) => boolean, timeoutMs = 10_000, from = 0): Promise<Notification & { params: T }> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = this.notifications.slice(from).find(match);
        if (found) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolvePromise(found as Notification & { params: T });
        }
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe}; got ${JSON.stringify(this.notifications.map((n) => n.method))}; stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  /** The next publishDiagnostics for `uri` (after the current mark) with the given version, if any. */
  diagnosticsFor(uri: string, version?: number, from = this.notifications.length): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>(`diagnostics for ${uri} v${version}`, (n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && (version === undefined || n.params.version === version), 10_000, from).then((n) => n.params);
  }

  waitForServerRequest(method: string, match: (params: any) => boolean = () => true, timeoutMs = 10_000): Promise<Notification> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = this.serverRequests.find((r) => r.method === method && match(r.params));
        if (found) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolvePromise(found);
        }
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for server request ${method}`)), timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  change(uri: string, version: number, edits: TextEdit[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.child.once('exit', (code) => r(code)));
    await withTimeout(this.connection.sendRequest('shutdown'), 5_000, 'shutdown');
    await this.connection.sendNotification('exit');
    return withTimeout(exited, 5_000, 'exit');
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.pid) {
      try {
        process.kill(this.child.pid);
      } catch {
        // already gone
      }
    }
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Applies LSP text edits to a string (non-overlapping, any order), the way a client would. */
export function applyTextEdits(text: string, edits: Array<{ range: TextEdit['range']; newText: string }>): string {
  const offsetAt = (line: number, character: number) => {
    let offset = 0;
    for (let i = 0; i < line; i++) {
      const next = text.indexOf('\n', offset);
      offset = next === -1 ? text.length : next + 1;
    }
    return offset + character;
  };
  const withOffsets = edits.map((e) => ({ start: offsetAt(e.range.start.line, e.range.start.character), end: offsetAt(e.range.end.line, e.range.end.character), text: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === rule);
}

/**
 * Servers started by one describe block, each killed by its pid afterwards,
 * and a temporary folder for the block's files, removed afterwards.
 */
export function serverSessions(prefix: string): { start(): LspSession; dir(): string } {
  const sessions: LspSession[] = [];
  let folder = '';
  before(() => {
    ensureBuilt();
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  after(() => {
    for (const s of sessions) s.kill();
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    start() {
      const s = new LspSession();
      sessions.push(s);
      return s;
    },
    dir: () => folder,
  };
}
