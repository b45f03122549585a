/**
 * The contract between the VS Code client (client/src) and the language
 * server (server/src/lsp) beyond standard LSP: command ids, custom method
 * names and their payloads. Both sides import this one module, so a name
 * can't drift between them. Plain data only: no vscode, no LSP library.
 */

/** Commands contributed in package.json (`contributes.commands`). */
export const FIX_ALL_COMMAND = 'playbookLint.fixAll';
export const RESTART_SERVER_COMMAND = 'playbookLint.restartServer';
export const SHOW_OUTPUT_COMMAND = 'playbookLint.showOutput';
export const LINT_WORKSPACE_COMMAND = 'playbookLint.lintWorkspace';

/** Server → client notification after each lint, with a `LintStatus`. */
export const STATUS_NOTIFICATION = 'playbookLint/status';
/** Client → server request `{ uri }` → `LintFileResult`: lint one workspace file, open or not. */
export const LINT_FILE_REQUEST = 'playbookLint/lintFile';

/**
 * Client → server notification, no payload: the user trusted the workspace
 * (VS Code's `workspace.onDidGrantWorkspaceTrust`). The server loads the
 * workspace's team rules and re-lints the open documents.
 */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'playbookLint/workspaceTrusted';

/**
 * `initialize`'s `initializationOptions` as the VS Code client sends them.
 * `workspaceTrusted: false` starts the server in Restricted Mode: built-in
 * rules and data-only settings only, no team rules or pattern options from the
 * workspace, and `maxFileSize` no higher than its default. A client that sends
 * nothing (Neovim, Emacs, Helix: no trust model) is trusted.
 */
export interface InitializationOptions {
  workspaceTrusted?: boolean;
  /** Settings for clients without `workspace/configuration`. */
  playbookLint?: unknown;
}

/** Why a document was not linted. */
export type SkipReason = 'disabled' | 'excluded' | 'too-large' | 'ignored';

/** Payload of `STATUS_NOTIFICATION`. */
export interface LintStatus {
  uri: string;
  version: number;
  /** Absent when the document was skipped (disabled, excluded, too large). */
  counts?: { error: number; warning: number; info: number; hint: number };
  score?: number;
  skipped?: SkipReason;
}

/** Parameters of `LINT_FILE_REQUEST`. */
export interface LintFileParams {
  uri: string;
}

/** Result of `LINT_FILE_REQUEST`; `Diagnostic` is LSP's diagnostic type on each side. */
export interface LintFileResult<Diagnostic = unknown> {
  uri: string;
  diagnostics: Diagnostic[];
  /** True when the file is open: its diagnostics are already published the usual way. */
  open: boolean;
  skipped?: SkipReason | 'unreadable';
}
