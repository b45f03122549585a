/**
 * Workspace trust (VS Code's Restricted Mode). The VS Code client says in
 * `initializationOptions.workspaceTrusted` whether the workspace is trusted and
 * sends `playbookLint/workspaceTrusted` when the user trusts it. Until then the
 * server applies built-in rules and data-only settings only (see
 * ResolveOptions.restricted) and keeps files above the default size limit
 * unlinted. Clients that say nothing have no trust model and are trusted.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { plural, type Withheld } from '../engine';

export class WorkspaceTrust {
  private told = false;

  constructor(
    private readonly connection: Connection,
    private isTrusted: boolean,
  ) {}

  get trusted(): boolean {
    return this.isTrusted;
  }

  /** The user trusted the workspace. True when that changes anything. */
  grant(): boolean {
    if (this.isTrusted) return false;
    this.isTrusted = true;
    this.connection.console.info('Playbook Lint: the workspace is trusted; its team rules now apply.');
    return true;
  }

  /** Says once per session, in a notice and in the log, what Restricted Mode left out of the workspace's config. */
  withheld(configFile: string | undefined, withheld: Withheld | undefined): void {
    if (this.told || !withheld || withheld.teamRules.length + withheld.patternOptions.length === 0) return;
    this.told = true;
    const parts: string[] = [];
    if (withheld.teamRules.length) parts.push(plural(withheld.teamRules.length, 'team rule'));
    if (withheld.patternOptions.length) parts.push(plural(withheld.patternOptions.length, 'custom pattern setting'));
    const one = parts.length === 1 && withheld.teamRules.length + withheld.patternOptions.length === 1;
    const where = configFile ? ` in ${configFile.split(/[\\/]/).pop()}` : '';
    const message = `Playbook Lint: this workspace is in Restricted Mode, so its ${parts.join(' and ')}${where} ${one ? 'is' : 'are'} off until you trust the workspace. The built-in rules still apply.`;
    this.connection.console.info(`${message} Off: ${[...withheld.teamRules, ...withheld.patternOptions].join(', ')}.`);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  }
}
