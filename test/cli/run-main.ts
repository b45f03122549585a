/** Runs the CLI's `main()` in-process with captured streams. */
import { PassThrough, Readable, Writable } from 'node:stream';
import { main, type CliIo } from '../../server/src/cli/main';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** `io` adds terminal facts (isTTY, env); by default output is not a terminal and the environment is empty. */
export async function runMain(argv: string[], cwd: string, stdinText?: string, io: Pick<CliIo, 'isTTY' | 'env'> = {}): Promise<RunResult> {
  const out = sink();
  const err = sink();
  const stdin = stdinText === undefined ? new PassThrough() : Readable.from([Buffer.from(stdinText)]);
  if (stdinText === undefined) (stdin as PassThrough).end();
  const code = await main({ argv, cwd, stdin, stdout: out.stream, stderr: err.stream, env: {}, ...io });
  return { code, stdout: out.text(), stderr: err.text() };
}
