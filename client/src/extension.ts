/**
 * VS Code client: starts the bundled language server, shows the active
 * file's findings in the status bar, and exposes the commands. No lint logic.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { WorkspaceLinter } from './lint-workspace';
import { StatusBar } from './status-bar';
import { FIX_ALL_COMMAND, LINT_WORKSPACE_COMMAND, RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND, STATUS_NOTIFICATION, WORKSPACE_TRUSTED_NOTIFICATION, type InitializationOptions, type LintStatus } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const initializationOptions: InitializationOptions = { workspaceTrusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    initializationOptions,
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    middleware: {
      // From the command palette the fix-all command has no argument: use the active editor.
      executeCommand: async (command, args, next) => {
        if (command !== FIX_ALL_COMMAND) return next(command, args);
        const uri = args.length > 0 ? args : [vscode.window.activeTextEditor?.document.uri.toString()];
        if (!uri[0]) return undefined;
        const result = (await next(command, uri)) as { applied?: boolean; reason?: string } | undefined;
        if (result?.applied === false && result.reason) void vscode.window.showInformationMessage(`Playbook Lint: ${result.reason}`);
        return result;
      },
      provideCodeLenses: (document, token, next) => (vscode.workspace.getConfiguration('playbookLint', document).get<boolean>('codeLens.enable', true) ? next(document, token) : []),
    },
  };
  client = new LanguageClient('playbookLint', 'Playbook Lint', serverOptions, clientOptions);

  const statusBar = new StatusBar();
  const workspaceLinter = new WorkspaceLinter(() => client);
  context.subscriptions.push(
    statusBar,
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.refresh()),
    vscode.workspace.onDidCloseTextDocument((doc) => statusBar.forget(doc.uri.toString())),
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => client?.outputChannel.show()),
    workspaceLinter,
    vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, () => workspaceLinter.run()),
    // Restricted Mode ends: the server loads the workspace's team rules and re-lints.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      initializationOptions.workspaceTrusted = true;
      void client?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('playbookLint.codeLens.enable')) refreshCodeLenses();
    }),
  );

  await client.start();
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (status: LintStatus) => statusBar.update(status)));
}

/** Asks VS Code to re-query the server's code lenses (the setting is applied in the middleware above). */
function refreshCodeLenses(): void {
  const feature = client?.getFeature('textDocument/codeLens');
  const provider = vscode.window.activeTextEditor && feature?.getProvider(vscode.window.activeTextEditor.document);
  provider?.onDidChangeCodeLensEmitter.fire();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
