/**
 * Editor settings (`playbookLint.*`), per resource. Fetched with
 * `workspace/configuration` when the client supports it, cached per URI, and
 * dropped on `workspace/didChangeConfiguration`. Clients without the
 * configuration capability get what they push in didChangeConfiguration (or
 * initializationOptions), else the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import type { RuleSetting } from '../engine';

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Delay after the last keystroke before linting, in milliseconds (0 = immediately). */
  debounceMs: number;
  /** Globs matched against the path relative to the workspace folder (or the absolute path). */
  include: string[];
  exclude: string[];
  /** Files larger than this many bytes (UTF-16 code units) are skipped. */
  maxFileSize: number;
  /** Rule id → severity or 'off'; layered over the config files. */
  rules: Record<string, RuleSetting>;
  /** Restricted Mode lowered `maxFileSize` to its default (the settings asked for more). */
  sizeLimitRestricted?: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  debounceMs: 300,
  include: ['**/*.md', '**/*.markdown'],
  exclude: ['**/node_modules/**'],
  maxFileSize: 2 * 1024 * 1024,
  rules: {},
};

/** Fills gaps and drops values of the wrong type, so a bad setting never breaks linting. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : d);
  const nonNegative = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    run: r.run === 'onSave' || r.run === 'onType' ? r.run : DEFAULT_SETTINGS.run,
    debounceMs: nonNegative(r.debounceMs, DEFAULT_SETTINGS.debounceMs),
    include: strings(r.include, DEFAULT_SETTINGS.include),
    exclude: strings(r.exclude, DEFAULT_SETTINGS.exclude),
    maxFileSize: nonNegative(r.maxFileSize, DEFAULT_SETTINGS.maxFileSize),
    rules: r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules) ? (r.rules as Record<string, RuleSetting>) : {},
  };
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    /** Restricted Mode: the workspace cannot raise the size limit above its default. */
    private readonly restricted: () => boolean = () => false,
  ) {}

  async get(uri: string): Promise<Settings> {
    const settings = await this.fetch(uri);
    if (!this.restricted() || settings.maxFileSize <= DEFAULT_SETTINGS.maxFileSize) return settings;
    return { ...settings, maxFileSize: DEFAULT_SETTINGS.maxFileSize, sizeLimitRestricted: true };
  }

  private fetch(uri: string): Promise<Settings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let pending = this.perUri.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'playbookLint' })
        .then(normalizeSettings, () => this.pushed);
      this.perUri.set(uri, pending);
    }
    return pending;
  }

  /** `settings` is the didChangeConfiguration payload (or initializationOptions). */
  changed(settings?: unknown): void {
    this.perUri.clear();
    const section = (settings as { playbookLint?: unknown } | undefined)?.playbookLint;
    if (section !== undefined) this.pushed = normalizeSettings(section);
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }
}
