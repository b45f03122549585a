/** A minimal LSP client over stdio for measuring the built server (no editor needed). */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

type Handler = (msg: any) => void;

export class LspClient {
  readonly proc: ChildProcess;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (r: any) => void>();
  private listeners = new Set<Handler>();

  /** `nodeArgs` go before the script (e.g. `--expose-gc`, `--require probe.js`), as `node [nodeArgs] server --stdio`. */
  constructor(serverPath: string, private settings: Record<string, unknown>, nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, sep).toString())![1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(sep + 4 + len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: any): void {
    if (msg.id !== undefined && msg.method === undefined) {
      this.pending.get(msg.id)?.(msg.result);
      this.pending.delete(msg.id);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: settings for workspace/configuration, null otherwise.
      const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => this.settings) : null;
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    for (const l of this.listeners) l(msg);
  }

  private write(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification `pred` accepts. */
  waitFor(pred: (msg: any) => boolean): Promise<any> {
    return new Promise((resolve) => {
      const l: Handler = (m) => {
        if (pred(m)) {
          this.listeners.delete(l);
          resolve(m);
        }
      };
      this.listeners.add(l);
    });
  }

  async initialize(rootUri: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { playbookLint: this.settings },
    });
    this.notify('initialized', {});
  }

  async close(): Promise<void> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await new Promise((r) => this.proc.once('exit', r));
  }
}

export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** CPU time (user + system) the process has used so far, in milliseconds (Linux /proc). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  // After the command name: field 14 (utime) and 15 (stime) of stat(5) are at 11 and 12; clock ticks are 1/100 s on Linux.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time of the process's main thread (its JavaScript and its part of GC; not the GC helper or compiler threads), in milliseconds (Linux /proc). */
export function mainThreadCpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
