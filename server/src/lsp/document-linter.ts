/**
 * The single function the server calls to lint a document. Kept narrow on
 * purpose (text, uri and resolved config in; LintResult out). Behind it, an
 * incremental linter per recently edited document reuses the parse of the
 * blocks a change did not touch; its result equals a fresh `lintText`.
 *
 * Most opened documents are never edited, and the incremental state of every
 * file of a workspace would stay resident (it is tens of times the text). So
 * the state is kept for the documents being edited (linted more than once,
 * the 8 most recent) and for the one document opened last, and dropped when
 * a document is closed (`forgetDocument`).
 */
import { BUILTIN_RULES, configKey, lintFirstScreen, lintText, type EffectiveConfig, type FirstScreen, type LintOptions, type LintResult } from '../engine';
import { DocumentLinter } from '../engine/incremental/incremental';
import { localToday } from '../engine';

export interface LintInput {
  uri: string;
  /** The document version the text belongs to (lets a caching linter key its work). */
  version: number;
  text: string;
  config: EffectiveConfig;
  /** Config file path, for error messages. */
  configFile?: string;
}

interface Entry {
  config: EffectiveConfig;
  key: string;
  /** The date the linter was made for: a new day makes a new linter, so an expiry that just passed is reported. */
  day: string;
  linter: DocumentLinter;
}

/** Documents being edited (linted more than once) whose parse is kept, least recently linted first. */
const MAX_EDITED_DOCUMENTS = 8;
const edited = new Map<string, Entry>();
/**
 * The document linted for the first time most recently: likely the one about
 * to be typed in, so its parse is kept too (a 5,000-line playbook would
 * otherwise pay a full parse again on its first keystroke). The next first
 * lint of another document takes its place.
 */
let opened: { uri: string; entry: Entry } | undefined;
/** Documents linted at least once since they were last forgotten. */
const linted = new Set<string>();

export function lintDocument(input: LintInput): LintResult {
  if (!linted.has(input.uri)) {
    linted.add(input.uri);
    opened = { uri: input.uri, entry: newEntry(input) };
    return opened.entry.linter.lint(input.text);
  }
  let entry = edited.get(input.uri);
  if (!entry && opened?.uri === input.uri) {
    entry = opened.entry;
    opened = undefined;
  }
  if (!entry || entry.day !== localToday() || (entry.config !== input.config && entry.key !== entryKey(input))) entry = newEntry(input);
  entry.config = input.config;
  // Most recently used last, so the first key is the one to evict.
  edited.delete(input.uri);
  edited.set(input.uri, entry);
  if (edited.size > MAX_EDITED_DOCUMENTS) edited.delete(edited.keys().next().value!);
  return entry.linter.lint(input.text);
}

/** Lints a document that is not open (Lint workspace): nothing is kept, and what is kept for open ones is left alone. */
export function lintClosedDocument(input: LintInput): LintResult {
  return lintText(input.text, optionsOf(input));
}

/** The top of a long document just opened, shown while the whole is linted (see engine/first-screen.ts); undefined for a short one. */
export function lintDocumentTop(input: LintInput): FirstScreen | undefined {
  return lintFirstScreen(input.text, optionsOf(input));
}

function optionsOf(input: LintInput): LintOptions {
  return { rules: BUILTIN_RULES, config: input.config, configFile: input.configFile, fileName: fileNameOf(input.uri), today: localToday() };
}

function newEntry(input: LintInput): Entry {
  const day = localToday();
  return { config: input.config, key: entryKey(input), day, linter: new DocumentLinter({ ...optionsOf(input), today: day }) };
}

/** Drops everything kept for `uri` (the document was closed); its next lint is a first lint again. */
export function forgetDocument(uri: string): void {
  linted.delete(uri);
  edited.delete(uri);
  if (opened?.uri === uri) opened = undefined;
}

/** The documents whose incremental state is kept (for tests). */
export function incrementalDocuments(): string[] {
  return [...edited.keys(), ...(opened ? [opened.uri] : [])];
}

function entryKey(input: LintInput): string {
  return `${configKey(input.config)}\u0000${input.configFile ?? ''}`;
}

/** The last part of a document URI ("follow_up_1.md"): a headingless template is read by what its name says. */
function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.replace(/[?#].*$/, '').replace(/^.*\//, ''));
}
