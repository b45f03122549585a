/**
 * A message without a usable Content-Length never leaves the connection
 * stuck: the real server (stdio) logs it, drops it and answers the next
 * request; the guard in front of the reader passes good frames through byte
 * for byte however the bytes are split into chunks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FramingGuard } from '../../server/src/lsp/framing';
import { serverSessions, withTimeout } from './lsp-harness';

const frame = (o: unknown): string => {
  const body = JSON.stringify(o);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

/** Runs `input` through a guard in chunks of `size` bytes; returns what came out and what was dropped. */
async function guard(input: string, size: number): Promise<{ out: string; dropped: string[] }> {
  const dropped: string[] = [];
  const g = new FramingGuard((why) => dropped.push(why));
  const chunks: Buffer[] = [];
  g.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => g.on('end', r));
  const bytes = Buffer.from(input);
  for (let i = 0; i < bytes.length; i += size) g.write(bytes.subarray(i, i + size));
  g.end();
  await done;
  return { out: Buffer.concat(chunks).toString(), dropped };
}

describe('protocol framing', () => {
  const good = [frame({ jsonrpc: '2.0', id: 1, method: 'a', params: { text: 'Content-Length: 12 inside a body, é 😀' } }), frame({ jsonrpc: '2.0', method: 'b' }), 'Content-Length: 0\r\n\r\n'].join('');

  it('passes well-framed messages through unchanged, whatever the chunk size', async () => {
    for (const size of [1, 2, 7, 64, 100_000]) {
      const r = await guard(good, size);
      assert.equal(r.out, good, `chunks of ${size}`);
      assert.deepEqual(r.dropped, []);
    }
  });

  it('drops a message without a Content-Length, or with one that is not a number, and resumes at the next header', async () => {
    const bad1 = `X-Foo: 1\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'lost' })}`;
    const bad2 = `Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0"}`;
    for (const size of [1, 5, 100_000]) {
      const r = await guard(bad1 + good + bad2 + good, size);
      assert.equal(r.out, good + good, `chunks of ${size}`);
      assert.deepEqual(r.dropped, ['its header has no Content-Length', 'its Content-Length is not a number ("twelve")']);
    }
  });

  it('drops a header that never ends instead of buffering it forever', async () => {
    const r = await guard(`X-Junk: ${'x'.repeat(40_000)}${good}`, 4096);
    assert.equal(r.out, good);
    assert.equal(r.dropped.length, 1);
    assert.match(r.dropped[0], /a header of more than 16384 bytes/);
  });

  describe('the real server', () => {
    const servers = serverSessions('pbl-framing-');

    it('logs a message without Content-Length, drops it and answers the next requests', async () => {
      const s = servers.start();
      await s.initialize({});
      s.child.stdin!.write(`X-Foo: 1\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', id: 900, method: 'shutdown' })}`);
      s.child.stdin!.write(`Content-Length: abc\r\n\r\n{}`);
      const hover = await withTimeout(s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }), 10_000, 'an answer after the malformed messages');
      assert.equal(hover, null);
      const logged = await s.waitFor('the dropped-message log', (n) => n.method === 'window/logMessage' && /dropped a message the client sent: its header has no Content-Length/.test(n.params.message));
      assert.equal(logged.params.type, 1, 'logged as an error');
      await s.waitFor('the second dropped-message log', (n) => n.method === 'window/logMessage' && /its Content-Length is not a number \("abc"\)/.test(n.params.message));
      assert.equal(await s.shutdown(), 0);
    });
  });
});
