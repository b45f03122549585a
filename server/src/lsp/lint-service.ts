/**
 * When and how documents are linted: debounced per document, cancelled by
 * newer edits, results for outdated versions dropped; pushes diagnostics (or
 * serves them to pulling clients) and a status notification for the client.
 */
import { MessageType, ShowMessageNotification, type CancellationToken, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR_RULE, capFindings, type FirstScreen, type LintResult, type Severity } from '../engine';
import { STATUS_NOTIFICATION, type ClientFeatures } from './capabilities';
import type { LintFileResult as ProtocolLintFileResult, LintStatus } from '../protocol';
import type { ConfigService } from './config-watch';
import { textToDocument } from './conversions';
import { configErrorToDiagnostic, findingToDiagnostic } from './diagnostics';
import { forgetDocument, lintClosedDocument, lintDocument, lintDocumentTop } from './document-linter';
import { shouldLint } from './file-filter';
import { readTextFile } from '../node/config-host';
import { URI } from 'vscode-uri';
import type { SettingsStore } from './settings';
import type { HeapGrowth } from './v8-heap';

export type { LintStatus } from '../protocol';

interface Latest {
  version: number;
  /** Undefined when the document is not linted (disabled, excluded, too large). */
  result: LintResult | undefined;
  resultId: string;
}

/** Answer to `playbookLint/lintFile`: the file's diagnostics, for the client to show in Problems. */
export type LintFileResult = ProtocolLintFileResult<Diagnostic>;

export type LintReason = 'open' | 'change' | 'save' | 'config';

export class LintService {
  /** Cancels the pending (debounced) run per document. */
  private readonly timers = new Map<string, () => void>();
  /**
   * The current generation per open document, from one counter, bumped on
   * every schedule; a run whose document has another generation (or none:
   * closed) gives up. One counter, so a reopened document never reuses a number.
   */
  private readonly generations = new Map<string, number>();
  private nextGeneration = 1;
  private readonly latest = new Map<string, Latest>();
  private readonly warnedTooLarge = new Set<string>();
  private nextResultId = 1;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly config: ConfigService,
    private readonly features: ClientFeatures,
    private readonly workspaceFolders: () => readonly string[],
    private readonly heap: HeapGrowth,
  ) {}

  async schedule(uri: string, reason: LintReason): Promise<void> {
    const generation = this.bump(uri);
    const settings = await this.settings.get(uri);
    if (this.generations.get(uri) !== generation) return;
    if (reason === 'change' && settings.run === 'onSave' && this.latest.has(uri)) return;
    // Pulling clients ask after opens and changes themselves; lint for them on config changes and onSave saves.
    if (this.features.pullDiagnostics && !(reason === 'config' || (reason === 'save' && settings.run === 'onSave'))) return;
    const doc = this.documents.get(uri);
    if (!doc) return;
    const delay = reason === 'change' ? settings.debounceMs : 0;
    const version = doc.version;
    this.timers.set(uri, later(delay, () => {
      this.timers.delete(uri);
      // A hover or code action may already have linted this version (without publishing).
      const cached = reason === 'config' ? undefined : this.cachedResult(uri);
      if (cached) {
        this.publish(uri, cached);
        return;
      }
      const early = this.features.pullDiagnostics ? undefined : (top: FirstScreen) => this.publishTop(uri, version, top);
      void this.run(uri, version, () => this.generations.get(uri) !== generation, true, early).then((latest) => {
        if (latest && this.features.pullDiagnostics && this.features.diagnosticRefresh) void this.connection.languages.diagnostics.refresh();
      });
    }));
  }

  /** Re-lints every open document (settings or config changed). */
  relintAll(): void {
    for (const doc of this.documents.all()) void this.schedule(doc.uri, 'config');
  }

  /** Keeps nothing for a closed document. */
  close(uri: string): void {
    this.cancelTimer(uri);
    this.generations.delete(uri);
    this.latest.delete(uri);
    this.warnedTooLarge.delete(uri);
    this.settings.forget(uri);
    this.config.forget(uri);
    forgetDocument(uri);
    if (!this.features.pullDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The result for the document's current version, linting now if needed (hover, code actions, pull). */
  async currentResult(uri: string, token?: CancellationToken): Promise<Latest | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.latest.get(uri);
    if (cached && cached.version === doc.version) return cached;
    return this.run(uri, doc.version, () => !!token?.isCancellationRequested, false);
  }

  /** The result for the current version if it is already computed (cheap; for automatic code-action requests). */
  cachedResult(uri: string): Latest | undefined {
    const cached = this.latest.get(uri);
    return cached && cached.version === this.documents.get(uri)?.version ? cached : undefined;
  }

  /**
   * Lints one workspace file for "Lint workspace". An open document is linted
   * from its buffer (cached result reused); a closed one is read from disk,
   * the only place the server reads a playbook from disk. Nothing is cached or
   * published for closed files: the client owns those diagnostics.
   */
  async lintFile(uri: string, token?: CancellationToken): Promise<LintFileResult> {
    const open = this.documents.get(uri);
    if (open) {
      const latest = await this.currentResult(uri, token);
      return { uri, open: true, diagnostics: this.toDiagnostics(open, latest?.result) };
    }
    const parsed = URI.parse(uri);
    const text = parsed.scheme === 'file' ? readTextFile(parsed.fsPath) : undefined;
    if (text === undefined) return { uri, open: false, diagnostics: [], skipped: 'unreadable' };
    const settings = await this.settings.get(uri);
    const skip = shouldLint(uri, text.length, settings, this.workspaceFolders());
    if (skip.skip) return { uri, open: false, diagnostics: [], skipped: skip.reason };
    const resolved = this.config.resolve(uri, settings, this.workspaceFolders()[0]);
    this.config.forget(uri);
    if (resolved.ignored) return { uri, open: false, diagnostics: [], skipped: 'ignored' };
    this.heap.beforeLint(uri);
    const result = lintClosedDocument({ uri, version: 0, text, config: resolved.effective, configFile: resolved.configPath });
    this.logProblems(uri, result);
    return { uri, open: false, diagnostics: this.toDiagnostics(textToDocument(uri, text), result) };
  }

  /**
   * For pulling clients (VS Code pulls after every change): debounced like
   * pushes; `unchanged` in onSave mode until the next save. The client cancels
   * the request when the document changes again.
   */
  async pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<{ kind: 'full'; resultId?: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string }> {
    const settings = await this.settings.get(uri);
    const cached = this.latest.get(uri);
    if (settings.run === 'onSave' && cached && previousResultId === cached.resultId) return { kind: 'unchanged', resultId: cached.resultId };
    if (settings.run === 'onType' && cached && !this.cachedResult(uri) && settings.debounceMs > 0) await delay(settings.debounceMs, token);
    if (!cached && this.features.diagnosticRefresh) {
      const top = await this.pullTop(uri);
      const doc = this.documents.get(uri);
      if (top && doc) return { kind: 'full', resultId: String(this.nextResultId++), items: this.toDiagnostics(doc, top) };
    }
    // A change may land while linting; lint the newer version rather than answering with nothing.
    for (let attempt = 0; attempt < 5 && !token.isCancellationRequested; attempt++) {
      const doc = this.documents.get(uri);
      if (!doc) break;
      const latest = await this.currentResult(uri, token);
      if (latest) return { kind: 'full', resultId: latest.resultId, items: this.toDiagnostics(doc, latest.result) };
    }
    // Cancelled (the client ignores the answer) or the document closed.
    return previousResultId ? { kind: 'unchanged', resultId: previousResultId } : { kind: 'full', items: [] };
  }

  /**
   * The first pull of a long document: answered with its top while the whole
   * is linted, then the client is asked to pull again (undefined for a short
   * document, whose whole result is then cached).
   */
  private pullTop(uri: string): Promise<FirstScreen | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let answered = false;
      const early = (top: FirstScreen) => {
        answered = true;
        resolve(top);
      };
      void this.run(uri, doc.version, () => false, false, early).then((latest) => {
        resolve(undefined);
        if (answered && latest) void this.connection.languages.diagnostics.refresh();
      });
    });
  }

  /**
   * Lints one version. `early`, when given, receives the findings for the top
   * of a long document linted for the first time, before the whole is linted
   * (see engine/first-screen.ts).
   */
  private async run(uri: string, version: number, cancelled: () => boolean, publish = true, early?: (top: FirstScreen) => void): Promise<Latest | undefined> {
    try {
      const settings = await this.settings.get(uri);
      const stale = () => cancelled() || this.documents.get(uri)?.version !== version;
      if (stale()) return undefined;
      const doc = this.documents.get(uri)!;
      const skip = shouldLint(uri, doc.getText().length, settings, this.workspaceFolders());
      let result: LintResult | undefined;
      let skipped: LintStatus['skipped'];
      if (skip.skip) {
        skipped = skip.reason;
        if (skip.reason === 'too-large' && !this.warnedTooLarge.has(uri)) {
          this.warnedTooLarge.add(uri);
          void this.connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: settings.sizeLimitRestricted
              ? `Playbook Lint skipped ${doc.uri.split('/').pop()}: it is larger than ${settings.maxFileSize} bytes, the most it reads in Restricted Mode. Trust the workspace to use your playbookLint.maxFileSize.`
              : `Playbook Lint skipped ${doc.uri.split('/').pop()}: it is larger than playbookLint.maxFileSize (${settings.maxFileSize} bytes). Raise the setting to lint it.`,
          });
        }
      } else {
        const resolved = this.config.resolve(uri, settings, this.workspaceFolders()[0]);
        if (resolved.ignored) skipped = 'ignored';
        else {
          // Let queued edits arrive first: if one did, this run is outdated.
          await new Promise((resolve) => setImmediate(resolve));
          if (stale()) return undefined;
          this.heap.beforeLint(uri);
          const input = { uri, version, text: doc.getText(), config: resolved.effective, configFile: resolved.configPath };
          const top = early && !this.latest.has(uri) ? lintDocumentTop(input) : undefined;
          if (top) {
            early!(top);
            await new Promise((resolve) => setImmediate(resolve));
            if (stale()) return undefined;
          }
          result = lintDocument(input);
          if (stale()) return undefined;
          this.logProblems(uri, result);
        }
      }
      const latest: Latest = { version, result, resultId: String(this.nextResultId++) };
      this.latest.set(uri, latest);
      if (publish) this.publish(uri, latest);
      void this.connection.sendNotification(STATUS_NOTIFICATION, toStatus(uri, version, result, skipped));
      return latest;
    } catch (e) {
      this.connection.console.error(`Playbook Lint: linting ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return undefined;
    }
  }

  private publish(uri: string, latest: Latest): void {
    const doc = this.documents.get(uri);
    if (!doc || this.features.pullDiagnostics) return;
    void this.connection.sendDiagnostics({ uri, version: latest.version, diagnostics: this.toDiagnostics(doc, latest.result) });
  }

  private publishTop(uri: string, version: number, top: FirstScreen): void {
    const doc = this.documents.get(uri);
    if (doc) void this.connection.sendDiagnostics({ uri, version, diagnostics: this.toDiagnostics(doc, top) });
  }

  private toDiagnostics(doc: TextDocument, result: Pick<LintResult, 'findings' | 'configErrors'> | undefined): Diagnostic[] {
    if (!result) return [];
    // A rule that threw is the product's problem, not the playbook's: it is logged (see logProblems), not shown.
    const diagnostics = capFindings(result.findings.filter((f) => f.ruleId !== INTERNAL_ERROR_RULE)).map((f) => findingToDiagnostic(doc, f));
    for (const e of result.configErrors) if (e.file === '<front-matter>') diagnostics.push(configErrorToDiagnostic(doc, e));
    return diagnostics;
  }

  private logProblems(uri: string, result: LintResult): void {
    for (const f of result.findings) if (f.ruleId === INTERNAL_ERROR_RULE) this.connection.console.error(`Playbook Lint internal error in ${uri}: ${f.message}`);
    for (const e of result.configErrors) if (e.file !== '<front-matter>') this.connection.console.warn(`Playbook Lint: ${e.file}: ${e.message}`);
  }

  private bump(uri: string): number {
    this.cancelTimer(uri);
    const next = this.nextGeneration++;
    this.generations.set(uri, next);
    return next;
  }

  private cancelTimer(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
  }
}

/** Runs `fn` after `ms`; with 0 in this turn's check phase (a 0 ms timeout waits at least 1 ms). Returns the cancel. */
function later(ms: number, fn: () => void): () => void {
  if (ms > 0) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  }
  const immediate = setImmediate(fn);
  return () => clearImmediate(immediate);
}

function delay(ms: number, token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = token.onCancellationRequested(done);
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

function toStatus(uri: string, version: number, result: LintResult | undefined, skipped: LintStatus['skipped']): LintStatus {
  if (!result) return { uri, version, skipped };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return { uri, version, counts, score: result.stats.score };
}
