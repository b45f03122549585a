/**
 * `playbook-language-server --stdio` (or `--node-ipc`, `--socket=<port>`).
 * stdout is the protocol channel: console output goes to the client's log.
 */
import './hold-young-generation';
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { FramingGuard } from './framing';
import { raiseInterruptBudget } from '../node/interrupt-budget';

raiseInterruptBudget();

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('usage: playbook-language-server --stdio | --node-ipc | --socket=<port>\n');
  process.exitCode = 2;
} else {
  // Over stdio, a message without a Content-Length must not stall the connection: see framing.ts.
  // (Data flows on a later tick, so `connection` is set before the guard can report.)
  const guard = new FramingGuard((why) => connection.console.error(`Playbook Lint: dropped a message the client sent: ${why}. The connection goes on with the next message.`));
  const stdio = process.argv.includes('--stdio');
  if (stdio) process.stdin.pipe(guard);
  const connection = stdio ? createConnection(ProposedFeatures.all, guard, process.stdout) : createConnection(ProposedFeatures.all);
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  process.on('uncaughtException', (e) => connection.console.error(`Playbook Lint internal error: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`Playbook Lint internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  startServer(connection);
}
