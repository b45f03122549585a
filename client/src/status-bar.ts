/** Status bar item: the active file's finding count and score; a click opens the Problems view. */
import * as vscode from 'vscode';
import type { LintStatus } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('playbookLint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, LintStatus>();

  constructor() {
    this.item.name = 'Playbook Lint';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(status: LintStatus): void {
    this.byUri.set(status.uri, status);
    this.refresh();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.refresh();
  }

  refresh(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    if (!status.counts) {
      this.item.text = '$(circle-slash) Playbook Lint';
      this.item.tooltip = `Playbook Lint: not linted (${status.skipped ?? 'skipped'})`;
    } else {
      const { error, warning, info, hint } = status.counts;
      const total = error + warning + info + hint;
      this.item.text = `${total === 0 ? '$(check)' : '$(warning)'} ${total} · ${status.score ?? '–'}`;
      this.item.tooltip = `Playbook Lint: ${error} errors, ${warning} warnings, ${info} info, ${hint} hints · score ${status.score ?? '–'}/100. Click to open Problems.`;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
