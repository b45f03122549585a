/**
 * The README's fenced code blocks, each with the kind of test that checks it.
 * A block preceded (on the line right above its fence) by
 * `<!-- readme-test: not run (why) -->` is not run, and must say why;
 * `<!-- readme-test: front matter -->` says a YAML block is a playbook's front
 * matter. Every other block is classified by its language and content, and a
 * block that fits no kind fails the test until it is marked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export type SnippetKind =
  | 'shell' // sh: commands run in a playbooks repository with the packed CLI installed
  | 'git-hook' // sh starting with #!: installed as .git/hooks/pre-commit
  | 'command-output' // text starting with `$ command`: the command's output, as printed
  | 'neovim' // lua: init.lua, run in Neovim (test/e2e/readme-editors.e2e.ts)
  | 'emacs' // elisp: Emacs configuration, run with Eglot (test/e2e/readme-editors.e2e.ts)
  | 'github-workflow' // yaml with jobs: a workflow using the Action
  | 'github-steps' // yaml list of workflow steps: the `run:` steps are run
  | 'gitlab-job' // yaml with script: the script lines are run
  | 'front-matter' // a playbook's front matter
  | 'config' // yaml: a .playbooklintrc.yaml
  | 'playbook' // markdown: playbook text
  | 'not-run'
  | 'unknown';

export interface Snippet {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  text: string;
  kind: SnippetKind;
  /** Why a `not-run` block is not run. */
  reason?: string;
}

export function readmeSnippets(file = join(ROOT, 'README.md')): Snippet[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([\w-]*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    let j = i + 1;
    const close = new RegExp(`^\\${fence[0]}{${fence.length},}\\s*$`);
    while (j < lines.length && !close.test(lines[j])) j++;
    const text = lines.slice(i + 1, j).join('\n');
    const marker = /^<!--\s*readme-test:\s*(.*?)\s*-->$/.exec(lines[i - 1] ?? '')?.[1];
    const s: Snippet = { line: i + 1, lang: open[2], text, kind: 'unknown' };
    if (marker !== undefined) {
      const notRun = /^not run \((.+)\)$/.exec(marker);
      if (notRun) {
        s.kind = 'not-run';
        s.reason = notRun[1];
      } else if (marker === 'front matter') s.kind = 'front-matter';
      else throw new Error(`README.md:${i}: unknown readme-test marker "${marker}"; use "not run (why)" or "front matter"`);
    } else s.kind = classify(open[2], text);
    out.push(s);
    i = j;
  }
  return out;
}

function classify(lang: string, text: string): SnippetKind {
  switch (lang) {
    case 'sh':
    case 'shell':
    case 'bash':
      return text.startsWith('#!') ? 'git-hook' : 'shell';
    case 'text':
      return text.startsWith('$ ') ? 'command-output' : 'unknown';
    case 'lua':
      return 'neovim';
    case 'elisp':
    case 'emacs-lisp':
      return 'emacs';
    case 'yaml':
    case 'yml':
      if (/^jobs:/m.test(text)) return 'github-workflow';
      if (/^\s*- (?:uses|run):/.test(text)) return 'github-steps';
      if (/^\s+script:/m.test(text)) return 'gitlab-job';
      if (text.startsWith('---')) return 'front-matter';
      return 'config';
    case 'markdown':
    case 'md':
      return text.startsWith('---\n') ? 'front-matter' : 'playbook';
    default:
      return 'unknown';
  }
}
