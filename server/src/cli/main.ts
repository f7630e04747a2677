// The negotext command line: the same pure core as the language server,
// reading files and printing results. Exit codes follow FORMAT.md §9.
import { analyze, toReport, type Analysis } from '../core/index';
import { summarize } from '../core/summary';
import { parseArgs } from './args';
import { formatAnalyzeSummary, formatDiagnostic, formatStatus } from './format';
import { HELP, VERSION } from './help';
import { onceFromStdin, readDraft, UsageError } from './readDraft';
import { loadChecker } from './agreedLoader';
import { citeReport, formatCite } from './cite';
import { runCompare } from './compare';

const COMMANDS = ['analyze', 'status', 'check', 'cite', 'compare'] as const;
type Command = (typeof COMMANDS)[number];

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

function run(argv: string[]): number {
  const [cmd, ...rest] = argv;
  // No arguments is bad usage: a one-line usage on stderr and exit 2 (help asked for goes to stdout, exit 0).
  if (cmd === undefined) throw new UsageError(`no command (usage: negotext <command> [options] FILE…; commands: ${COMMANDS.join(', ')}; negotext --help for more)`);
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    write(HELP.main);
    return 0;
  }
  if (cmd === '--version' || cmd === '-V') {
    write(VERSION);
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(cmd)) throw new UsageError(`unknown command '${cmd}' (try: ${COMMANDS.join(', ')})`);
  const command = cmd as Command;
  if (command === 'compare') {
    write(runCompare(rest, !!process.stdout.isTTY) ?? HELP.compare);
    return 0;
  }
  const args = parseArgs(rest, ['--json', '--help', '-h'], ['--agreed']);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    write(HELP[command]);
    return 0;
  }
  if (args.files.length === 0) throw new UsageError(`${command} needs at least one FILE`);
  onceFromStdin(args.files);
  if (command === 'check' && args.flags.has('--json')) throw new UsageError('check has no --json; use analyze --json');
  // Read everything first: a bad file stops the run before any output.
  const texts = args.files.map((f) => readDraft(f));
  const { checker, forInput } = loadChecker(args.values.get('--agreed') ?? [], texts.map((text, i) => ({ name: args.files[i], text })));
  const analyses: Analysis[] = texts.map((t, i) => analyze(t, { checker: forInput(i) }));
  const hasError = analyses.some((a) => a.diagnostics.some((d) => d.severity === 'error'));
  const json = args.flags.has('--json');
  if (command === 'analyze') {
    // Indented for a person at a terminal, compact for a program reading a pipe.
    if (json) write(JSON.stringify(analyses.map((a, i) => toReport(args.files[i], a)), null, process.stdout.isTTY ? 2 : undefined));
    else analyses.forEach((a, i) => write(formatAnalyzeSummary(args.files[i], a)));
  } else if (command === 'status') {
    if (json) write(JSON.stringify(analyses.map((a, i) => ({ file: args.files[i], ...summarize(a) })), null, 2));
    else write(analyses.map((a, i) => formatStatus(args.files[i], a, summarize(a))).join('\n\n'));
  } else if (command === 'cite') {
    const reports = analyses.map((a, i) => citeReport(args.files[i], a, checker));
    if (json) write(JSON.stringify(reports, null, process.stdout.isTTY ? 2 : undefined));
    else write(reports.map(formatCite).join('\n\n'));
    // Its exit status counts every error of the drafts, which the listing of references does not show.
    analyses.forEach((a, i) => {
      const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors) process.stderr.write(`negotext: ${args.files[i]}: ${errors} error${errors === 1 ? '' : 's'} (run \`negotext check\` to list them)\n`);
    });
  } else {
    let n = 0;
    analyses.forEach((a, i) => {
      for (const d of a.diagnostics) {
        write(formatDiagnostic(args.files[i], d));
        n++;
      }
    });
    process.stderr.write(`${n} problem${n === 1 ? '' : 's'} in ${args.files.length} file${args.files.length === 1 ? '' : 's'}\n`);
  }
  return hasError ? 1 : 0;
}

function main(): void {
  // `negotext check draft.md | head`: once the reader has gone, what is left to print has nowhere
  // to go. Stop quietly, as other command-line tools do, rather than die with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  let code: number;
  try {
    code = run(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`negotext: ${e.message}\n`);
      code = 2;
    } else {
      process.stderr.write(`negotext: internal error: ${(e as Error)?.stack ?? e}\n`);
      code = 3;
    }
  }
  // Let stdout drain before exiting (large JSON to a pipe).
  process.exitCode = code;
}

main();
