/** What this server offers, and which optional client features it relies on. */
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.playbookLint`;
import { FIX_ALL_COMMAND } from '../protocol';

export { FIX_ALL_COMMAND, LINT_FILE_REQUEST, STATUS_NOTIFICATION } from '../protocol';

export interface ClientFeatures {
  /** The client pulls diagnostics (`textDocument/diagnostic`); then the server does not push them for documents. */
  pullDiagnostics: boolean;
  /** `workspace.workspaceEdit.snippetEditSupport` (LSP 3.18). */
  snippetEdits: boolean;
  /** `workspace/configuration` per resource. */
  configuration: boolean;
  /** Can register file watchers at run time. */
  dynamicWatchers: boolean;
  /** Can refresh pulled diagnostics on request. */
  diagnosticRefresh: boolean;
  documentChanges: boolean;
  /** Sends `workspace/didChangeWorkspaceFolders`. */
  workspaceFolders: boolean;
  /** Lets the server register for `workspace/didChangeConfiguration` with a section. */
  dynamicConfiguration: boolean;
}

export function clientFeatures(caps: ClientCapabilities): ClientFeatures {
  return {
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    snippetEdits: !!caps.workspace?.workspaceEdit?.snippetEditSupport,
    configuration: !!caps.workspace?.configuration,
    dynamicWatchers: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
    dynamicConfiguration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
      resolveProvider: false,
    },
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
    documentSymbolProvider: { label: 'Playbook Lint' },
    executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
    ...(features.pullDiagnostics ? { diagnosticProvider: { identifier: 'playbook-lint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
