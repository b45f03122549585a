/**
 * Config files (`.playbooklintrc.*`, found upward by the engine): resolution
 * cached per document and settings, file watchers, and errors shown as
 * diagnostics on the config file itself plus one window message per distinct
 * error set. Linting goes on with the valid part of the config.
 */
import { DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { BUILTIN_RULES, CONFIG_FILE_NAMES, resolveConfig, type ConfigError, type ResolvedConfig } from '../engine';
import { configErrorToDiagnostic } from './diagnostics';
import { textToDocument } from './conversions';
import { createCachedHost, emptyHost } from '../node/config-host';
import type { Settings } from './settings';
import type { WorkspaceTrust } from './trust';

const CONFIG_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

export class ConfigService {
  private readonly host = createCachedHost();
  /** Per open document: the settings' rules it was resolved with, and the result. */
  private readonly resolved = new Map<string, { rules: string; config: ResolvedConfig }>();
  /**
   * One shared object per distinct resolution: the documents of a workspace
   * mostly resolve alike, and a ResolvedConfig weighs a few KB (every rule's
   * setting), so a workspace of open files would otherwise hold a copy each.
   * Sharing also lets the linter recognise the config by identity.
   */
  private readonly interned = new Map<string, ResolvedConfig>();
  /** Config file path → the errors last published for it. */
  private readonly published = new Map<string, string>();
  private readonly shownMessages = new Set<string>();
  private readonly watched = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly dynamicWatchers: boolean,
    private readonly trust: WorkspaceTrust,
  ) {}

  /** Call once after `initialized`. */
  async registerWatchers(): Promise<void> {
    if (!this.dynamicWatchers) return;
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] });
  }

  /** `workspaceFolder`: for untitled documents, whose config is looked up as if they were saved there. */
  resolve(uri: string, settings: Settings, workspaceFolder?: string): ResolvedConfig {
    const rules = JSON.stringify(settings.rules);
    const cached = this.resolved.get(uri);
    if (cached?.rules === rules) return cached.config;
    const parsed = URI.parse(uri);
    const folder = workspaceFolder ? URI.parse(workspaceFolder) : undefined;
    const policy = { restricted: !this.trust.trusted };
    let resolved: ResolvedConfig;
    if (parsed.scheme === 'file') resolved = resolveConfig(parsed.fsPath, this.host, BUILTIN_RULES, settings.rules, undefined, policy);
    else if (folder?.scheme === 'file') resolved = resolveConfig(this.host.join(folder.fsPath, 'untitled.md'), this.host, BUILTIN_RULES, settings.rules, undefined, policy);
    else resolved = resolveConfig('/untitled.md', emptyHost, BUILTIN_RULES, settings.rules, undefined, policy);
    const signature = JSON.stringify(resolved);
    const shared = this.interned.get(signature);
    if (shared) resolved = shared;
    else {
      this.interned.set(signature, resolved);
      this.report(resolved);
      this.trust.withheld(resolved.configPath, resolved.withheld);
      void this.watchExtraFiles(resolved.files);
    }
    this.resolved.set(uri, { rules, config: resolved });
    return resolved;
  }

  /** The document closed (or was linted once from disk): drop what was kept for it. */
  forget(uri: string): void {
    this.resolved.delete(uri);
  }

  /** A config file changed on disk: forget everything read, and the diagnostics of deleted files. */
  invalidate(deletedUris: readonly string[] = []): void {
    this.host.clear();
    this.resolved.clear();
    this.interned.clear();
    for (const uri of deletedUris) {
      if (this.published.delete(URI.parse(uri).fsPath)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  isConfigFile(uri: string): boolean {
    const path = URI.parse(uri).fsPath;
    return CONFIG_FILE_NAMES.some((n) => path.endsWith(n)) || this.watched.has(path);
  }

  private report(resolved: ResolvedConfig): void {
    const byFile = new Map<string, ConfigError[]>();
    for (const f of resolved.files) byFile.set(f, []);
    for (const e of resolved.errors) {
      if (!byFile.has(e.file)) byFile.set(e.file, []);
      byFile.get(e.file)!.push(e);
    }
    for (const [file, errors] of byFile) {
      const signature = JSON.stringify(errors);
      if (!file.startsWith('<')) {
        if (this.published.get(file) !== signature) {
          this.published.set(file, signature);
          const uri = URI.file(file).toString();
          const doc = textToDocument(uri, this.host.readFile(file) ?? '');
          const diagnostics: Diagnostic[] = errors.map((e) => configErrorToDiagnostic(doc, e));
          void this.connection.sendDiagnostics({ uri, diagnostics });
        }
      }
      if (errors.length > 0 && !this.shownMessages.has(file + signature)) {
        this.shownMessages.add(file + signature);
        const where = file.startsWith('<') ? 'editor settings (playbookLint.rules)' : file;
        const first = errors[0];
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
        void this.connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Error,
          message: `Playbook Lint: ${where}: ${first.message.replace(/\.$/, '')}${more}. The rest of the config still applies.`,
        });
      }
    }
  }

  /** Files pulled in with `extends` may have any name: watch them one by one. */
  private async watchExtraFiles(files: string[]): Promise<void> {
    if (!this.dynamicWatchers) return;
    const fresh = files.filter((f) => !this.watched.has(f) && !CONFIG_FILE_NAMES.some((n) => f.endsWith(n)));
    for (const f of fresh) this.watched.add(f);
    if (fresh.length === 0) return;
    try {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: fresh.map((f) => ({ globPattern: f })) });
    } catch (e) {
      this.connection.console.error(`Could not watch ${fresh.join(', ')}: ${String(e)}`);
    }
  }
}
