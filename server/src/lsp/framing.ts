/**
 * Guards the LSP base protocol on a byte stream (stdio). A message whose
 * header has no usable `Content-Length` cannot be framed; vscode-jsonrpc's
 * reader reports it and then keeps reading the stranded body as the next
 * header, so every later message is misread and the connection is stuck for
 * good. This stream sits in front of that reader: it passes well-framed
 * messages through unchanged (bodies are streamed, never buffered whole),
 * drops a message it cannot frame, tells `onDrop` why, and resumes at the
 * next `Content-Length:` header.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 16 * 1024;
const MARKER = 'content-length:';
const EMPTY = Buffer.alloc(0);

export class FramingGuard extends Transform {
  /** Bytes of the header being read (or, while resyncing, the unscanned tail). */
  private pending: Buffer = EMPTY;
  /** Body bytes of the current message still to pass through. */
  private remaining = 0;
  /** Skipping an unframed body, looking for the next header. */
  private resyncing = false;

  constructor(private readonly onDrop: (why: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, data.length);
        this.push(data.subarray(0, n));
        this.remaining -= n;
        data = data.subarray(n);
        continue;
      }
      this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
      data = EMPTY;
      if (this.resyncing) {
        const at = this.pending.toString('latin1').toLowerCase().indexOf(MARKER);
        if (at < 0) {
          // Keep a tail long enough to hold a marker split across chunks.
          this.pending = Buffer.from(this.pending.subarray(Math.max(0, this.pending.length - MARKER.length)));
          break;
        }
        this.pending = this.pending.subarray(at);
        this.resyncing = false;
      }
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.pending.length > MAX_HEADER_BYTES) {
          data = this.skipMessage(`a header of more than ${MAX_HEADER_BYTES} bytes without the blank line that ends it`, this.pending.subarray(1));
          continue;
        }
        this.pending = Buffer.from(this.pending);
        break;
      }
      const header = this.pending.subarray(0, end + 4);
      const rest = this.pending.subarray(end + 4);
      this.pending = EMPTY;
      const value = /^content-length:[ \t]*(\S*)[ \t]*$/im.exec(header.toString('latin1'))?.[1];
      if (value === undefined || !/^\d+$/.test(value)) {
        data = this.skipMessage(value === undefined ? 'its header has no Content-Length' : `its Content-Length is not a number (${JSON.stringify(value.slice(0, 20))})`, rest);
        continue;
      }
      this.push(header);
      this.remaining = Number(value);
      data = rest;
    }
    done();
  }

  /** Drops the message being read; returns the bytes after its header, to scan for the next one. */
  private skipMessage(why: string, rest: Buffer): Buffer {
    this.onDrop(why);
    this.resyncing = true;
    this.pending = EMPTY;
    return rest;
  }
}
