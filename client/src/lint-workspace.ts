/** "Playbook Lint: Lint workspace": every Markdown file into Problems, with progress. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

import { LINT_FILE_REQUEST, type LintFileResult } from '../../server/src/protocol';

/**
 * Closed files' diagnostics live in this collection; open files get theirs
 * from the server as usual, so a file leaves the collection when it opens.
 */
export class WorkspaceLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('playbook-lint-workspace');
  private readonly onOpen = vscode.workspace.onDidOpenTextDocument((doc) => this.collection.delete(doc.uri));

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async run(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const files = await findPlaybooks();
    let problems = 0;
    let linted = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Playbook Lint', cancellable: true }, async (progress, token) => {
      this.collection.clear();
      for (const [i, file] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(file)}`, increment: 100 / files.length });
        const result = await client.sendRequest<LintFileResult>(LINT_FILE_REQUEST, { uri: file.toString() }, token).catch(() => undefined);
        if (!result || result.skipped) continue;
        linted++;
        const diagnostics = await client.protocol2CodeConverter.asDiagnostics(result.diagnostics as never);
        problems += diagnostics.length;
        if (!result.open) this.collection.set(file, diagnostics);
      }
    });
    void vscode.window.showInformationMessage(`Playbook Lint: ${linted} file${linted === 1 ? '' : 's'} linted, ${problems} problem${problems === 1 ? '' : 's'}.`);
  }

  dispose(): void {
    this.onOpen.dispose();
    this.collection.dispose();
  }
}

/** `**\/*.md` in every folder, minus `files.exclude` and `playbookLint.exclude` (an explicit exclude replaces the default). */
async function findPlaybooks(): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, boolean>>('exclude') ?? {};
    const lintExclude = vscode.workspace.getConfiguration('playbookLint', folder).get<string[]>('exclude') ?? [];
    const globs = [...Object.entries(filesExclude).filter(([, on]) => on === true).map(([g]) => g), ...lintExclude];
    const exclude = globs.length > 0 ? new vscode.RelativePattern(folder, `{${globs.join(',')}}`) : null;
    out.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), exclude)));
  }
  return out.sort((a, b) => a.toString().localeCompare(b.toString()));
}
