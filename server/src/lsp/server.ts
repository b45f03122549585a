/** Wires the protocol handlers to the services. No lint logic here. */
import { DidChangeConfigurationNotification, FileChangeType, TextDocuments, type Connection, type InitializeParams, type WorkspaceFolder } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clientFeatures, FIX_ALL_COMMAND, LINT_FILE_REQUEST, serverCapabilities, type ClientFeatures } from './capabilities';
import { codeActionsFor, fixAllEdit, wantsFixAll } from './code-actions';
import { annotationsToCodeLenses, noticeLenses, spokenToCodeLenses } from './code-lens';
import { sectionsToSymbols } from './document-symbols';
import { ConfigService } from './config-watch';
import { positionToOffset } from './conversions';
import { hoverAt } from './hover';
import { LintService } from './lint-service';
import { SettingsStore } from './settings';
import { HeapGrowth } from './v8-heap';
import { WorkspaceTrust } from './trust';
import { WORKSPACE_TRUSTED_NOTIFICATION, type InitializationOptions } from '../protocol';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let features: ClientFeatures;
  let settings: SettingsStore;
  let config: ConfigService;
  let trust: WorkspaceTrust;
  let lint: LintService;
  let folders: string[] = [];

  connection.onInitialize((params: InitializeParams) => {
    features = clientFeatures(params.capabilities);
    const init = params.initializationOptions as InitializationOptions | undefined;
    // Only an explicit false restricts: clients without a trust model (Neovim, Emacs) send nothing.
    trust = new WorkspaceTrust(connection, init?.workspaceTrusted !== false);
    settings = new SettingsStore(connection, features.configuration, () => !trust.trusted);
    // Clients without workspace/configuration may pass settings here, as `{ playbookLint: {...} }` or the bare section.
    settings.changed({ playbookLint: init?.playbookLint ?? init });
    config = new ConfigService(connection, features.dynamicWatchers, trust);
    folders = (params.workspaceFolders ?? []).map((f: WorkspaceFolder) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    lint = new LintService(connection, documents, settings, config, features, () => folders, new HeapGrowth());
    return { capabilities: serverCapabilities(features), serverInfo: { name: 'playbook-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    if (features.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'playbookLint' }).catch(() => undefined);
    void config.registerWatchers().catch((e) => connection.console.error(`Could not watch config files: ${String(e)}`));
    if (features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f)).concat(e.added.map((a) => a.uri));
        lint.relintAll();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(features.configuration ? undefined : change.settings);
    config.invalidate();
    lint.relintAll();
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    if (!trust.grant()) return;
    settings.changed();
    config.invalidate();
    lint.relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.filter((c) => config.isConfigFile(c.uri));
    if (changed.length === 0) return;
    config.invalidate(changed.filter((c) => c.type === FileChangeType.Deleted).map((c) => c.uri));
    lint.relintAll();
  });

  // TextDocuments fires onDidChangeContent for an open too; lint an opened document without debounce.
  const opening = new Set<string>();
  documents.onDidOpen((e) => opening.add(e.document.uri));
  documents.onDidChangeContent((e) => void lint.schedule(e.document.uri, opening.delete(e.document.uri) ? 'open' : 'change'));
  documents.onDidSave((e) => void lint.schedule(e.document.uri, 'save'));
  documents.onDidClose((e) => lint.close(e.document.uri));

  connection.languages.diagnostics.on(async (params, token) => lint.pull(params.textDocument.uri, params.previousResultId, token));

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    // Quick fixes come from Diagnostic.data. Fix-all needs the findings: lint now only when it was asked for
    // explicitly (on save, from the menu), not for every automatic lightbulb request.
    const latest = wantsFixAll(params.context.only) ? await lint.currentResult(doc.uri) : lint.cachedResult(doc.uri);
    return codeActionsFor(doc, params, { snippetEdits: features.snippetEdits, findings: latest?.result?.findings });
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const latest = await lint.currentResult(doc.uri);
    return hoverAt(doc, positionToOffset(doc, params.position), latest?.result?.findings ?? [], latest?.result?.annotations ?? []);
  });

  // Both reuse the result cached for the current version (linting only when there is none yet).
  connection.onCodeLens(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const latest = doc ? await lint.currentResult(doc.uri, token) : undefined;
    return doc && latest?.result ? [...noticeLenses(doc, latest.result.notice), ...spokenToCodeLenses(doc, latest.result.spoken), ...annotationsToCodeLenses(doc, latest.result.annotations)] : [];
  });

  connection.onDocumentSymbol(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const latest = doc ? await lint.currentResult(doc.uri, token) : undefined;
    return doc && latest?.result ? sectionsToSymbols(doc, latest.result.sections) : [];
  });

  connection.onRequest(LINT_FILE_REQUEST, (params: { uri: string }, token) => lint.lintFile(params.uri, token));

  connection.onExecuteCommand(async (params) => {
    if (params.command !== FIX_ALL_COMMAND) return undefined;
    const arg = params.arguments?.[0] as string | { uri?: string; external?: string } | undefined;
    const uri = typeof arg === 'string' ? arg : arg?.external ?? arg?.uri;
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc) return { applied: false, reason: 'Open the playbook in an editor first.' };
    const latest = await lint.currentResult(doc.uri);
    const edit = fixAllEdit(doc, latest?.result?.findings ?? []);
    if (!edit) return { applied: false, reason: 'Nothing in this file can be fixed automatically; rewrites are offered as quick fixes (Ctrl+.).' };
    const response = await connection.workspace.applyEdit({ label: 'Playbook Lint: Fix all', edit });
    return { applied: response.applied };
  });

  documents.listen(connection);
  connection.listen();
}
