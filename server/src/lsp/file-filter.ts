/** Whether a document is linted at all: enable, include/exclude globs, size cap. */
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import type { Settings } from './settings';

export type Skip = { skip: false } | { skip: true; reason: 'disabled' | 'excluded' | 'too-large' };

export function shouldLint(uri: string, textLength: number, settings: Settings, workspaceFolders: readonly string[]): Skip {
  if (!settings.enable) return { skip: true, reason: 'disabled' };
  if (!isIncluded(uri, settings, workspaceFolders)) return { skip: true, reason: 'excluded' };
  if (textLength > settings.maxFileSize) return { skip: true, reason: 'too-large' };
  return { skip: false };
}

function isIncluded(uri: string, settings: Settings, workspaceFolders: readonly string[]): boolean {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return true;
  const path = parsed.path;
  const folder = workspaceFolders.map((f) => URI.parse(f).path.replace(/\/$/, '')).filter((f) => path.startsWith(f + '/')).sort((a, b) => b.length - a.length)[0];
  const candidates = folder ? [path.slice(folder.length + 1), path] : [path];
  const matches = (globs: string[]) => {
    if (globs.length === 0) return false;
    const isMatch = matcherFor(globs);
    return candidates.some((c) => isMatch(c));
  };
  if (!matches(settings.include)) return false;
  return !matches(settings.exclude);
}

/** The last few compiled glob lists: the check runs on every keystroke, and compiling the globs cost more than matching them. */
const MATCHERS = new Map<string, (path: string) => boolean>();
const MAX_MATCHERS = 8;

function matcherFor(globs: string[]): (path: string) => boolean {
  const key = JSON.stringify(globs);
  let isMatch = MATCHERS.get(key);
  if (!isMatch) {
    isMatch = picomatch(globs, { dot: true, nocase: true });
    if (MATCHERS.size >= MAX_MATCHERS) MATCHERS.delete(MATCHERS.keys().next().value!);
    MATCHERS.set(key, isMatch);
  }
  return isMatch;
}
