/** Command-line parsing: argv → options, or a usage error the caller prints with exit code 2. */
import { SEVERITIES, type RuleSetting } from '../engine';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'summary', 'review', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CliOptions {
  patterns: string[];
  format: FormatName;
  fix: boolean;
  fixDryRun: boolean;
  config?: string;
  rules: Record<string, RuleSetting>;
  /** -1: warnings never fail the run. */
  maxWarnings: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  printConfig?: string;
  /** Print how this file was read: each piece of text with its voice, channel and evidence. */
  explain?: string;
  listRules: boolean;
  init: boolean;
  baseline?: string;
  writeBaseline?: string;
  cache: boolean;
  cacheLocation: string;
  /** Worker threads; 0 = decide from the file count and the cores. */
  jobs: number;
  output?: string;
  /** Git ref: lint the files changed since it, report findings on changed lines only. */
  changedSince?: string;
  version: boolean;
  help: boolean;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--format', '-f', '--config', '-c', '--rule', '--max-warnings', '--stdin-filename', '--print-config', '--explain', '--baseline', '--write-baseline', '--cache-location', '--jobs', '--output', '-o', '--changed-since']);

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    patterns: [],
    format: 'stylish',
    fix: false,
    fixDryRun: false,
    rules: {},
    maxWarnings: -1,
    quiet: false,
    stdin: false,
    listRules: false,
    init: false,
    cache: false,
    cacheLocation: '.playbooklintcache',
    jobs: 0,
    version: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === '--') {
      for (const p of argv.slice(i + 1)) o.patterns.push(p);
      break;
    }
    if (VALUE_FLAGS.has(arg) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value; see --help.`);
    } else if (!VALUE_FLAGS.has(arg) && value !== undefined) {
      throw new UsageError(`${arg} takes no value; see --help.`);
    }
    switch (arg) {
      case '--format':
      case '-f':
        if (!(FORMATS as readonly string[]).includes(value!)) throw new UsageError(`Unknown format "${value}"; use one of ${FORMATS.join(', ')}.`);
        o.format = value as FormatName;
        break;
      case '--config':
      case '-c':
        o.config = value;
        break;
      case '--rule': {
        const m = /^([^:\s]+):(error|warning|info|hint|off)$/.exec(value!);
        if (!m) throw new UsageError(`--rule expects id:severity (severity one of ${[...SEVERITIES, 'off'].join(', ')}), got "${value}".`);
        o.rules[m[1]] = m[2] as RuleSetting;
        break;
      }
      case '--max-warnings': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < -1) throw new UsageError(`--max-warnings expects a whole number, got "${value}".`);
        o.maxWarnings = n;
        break;
      }
      case '--jobs': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`--jobs expects a whole number, got "${value}".`);
        o.jobs = n;
        break;
      }
      case '--stdin-filename':
        o.stdinFilename = value;
        break;
      case '--explain':
        o.explain = value;
        break;
      case '--print-config':
        o.printConfig = value;
        break;
      case '--baseline':
        o.baseline = value;
        break;
      case '--write-baseline':
        o.writeBaseline = value;
        break;
      case '--cache-location':
        o.cacheLocation = value!;
        o.cache = true;
        break;
      case '--output':
      case '-o':
        o.output = value;
        break;
      case '--changed-since':
        if (!value) throw new UsageError('--changed-since needs a git ref, such as origin/main or a commit.');
        o.changedSince = value;
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--fix-dry-run':
        o.fixDryRun = true;
        break;
      case '--quiet':
      case '-q':
        o.quiet = true;
        break;
      case '--stdin':
        o.stdin = true;
        break;
      case '--list-rules':
        o.listRules = true;
        break;
      case '--init':
        o.init = true;
        break;
      case '--cache':
        o.cache = true;
        break;
      case '--version':
      case '-v':
        o.version = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}; see --help.`);
        o.patterns.push(arg);
    }
  }
  if (o.fix && o.fixDryRun) throw new UsageError('Use either --fix or --fix-dry-run, not both.');
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename needs --stdin.');
  if (o.stdin && o.patterns.length) throw new UsageError('--stdin reads one document from standard input; leave out file arguments.');
  if (o.stdin && o.changedSince !== undefined) throw new UsageError('--changed-since lints files in a git repository; it cannot read --stdin.');
  return o;
}

export const HELP = `Usage: playbook-lint [options] [files, folders or globs...]

Lints sales playbooks written in Markdown. With no paths, lints every .md file
under the current folder, honouring .gitignore and .playbooklintignore.

Options:
  -f, --format <name>        stylish (default), json, sarif, github, summary, review,
                             html (one self-contained page for managers; use with -o)
  -o, --output <file>        write the report to a file instead of standard output
      --fix                  apply safe fixes and write the files (atomically)
      --fix-dry-run          print the safe fixes as a unified diff; write nothing
  -c, --config <file>        use this config file instead of the nearest .playbooklintrc.*
      --rule <id:severity>   set a rule's severity (error, warning, info, hint, off); repeatable
      --max-warnings <n>     fail (exit 1) when there are more than n warnings
  -q, --quiet                report errors only
      --stdin                lint standard input (with --fix: print the fixed text)
      --stdin-filename <f>   name for standard input (config lookup, report paths)
      --print-config <file>  print a file's settings: front matter, rules, option defaults
      --explain <file>       show how each part of a file was read (rep, buyer or guidance) and why
      --list-rules           table of rules: default severity, fixable, description
      --init                 write a commented starter .playbooklintrc.yaml
      --baseline <file>      report only findings that are not in the baseline
      --write-baseline <f>   record the current findings as the baseline
      --cache                skip files unchanged since the last run
      --cache-location <f>   cache file (default .playbooklintcache)
      --jobs <n>             worker threads (default: by file count and cores)
      --changed-since <ref>  lint the files changed since a git ref (merge base
                             with HEAD); report findings on changed lines only
  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings at or
above the threshold, 2 usage, config, file or internal error.

Examples:
  playbook-lint                                   lint every playbook here
  playbook-lint examples "playbooks/**/*.md"      folders and globs
  playbook-lint --format sarif -o playbook-lint.sarif
  playbook-lint --max-warnings 0 --format github  fail CI on any warning
  playbook-lint --fix-dry-run emails/             preview safe fixes
  playbook-lint --rule no-empty-check-in:error    make a rule stricter for this run
  cat draft.md | playbook-lint --stdin --stdin-filename emails/draft.md
  playbook-lint --write-baseline .playbooklint-baseline.json   accept legacy findings
  playbook-lint --baseline .playbooklint-baseline.json         report only new ones
  playbook-lint --changed-since origin/main --format review     pull-request review
  playbook-lint --format html -o playbook-report.html          report for managers
`;
