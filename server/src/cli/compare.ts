// negotext compare OLD NEW: two revisions of a draft, paragraph by paragraph
// and bracket by bracket (FORMAT.md §10).
import { compare } from '../core/index';
import { parseArgs } from './args';
import { formatCompareHtml } from '../report/compareHtml';
import { compareReport, formatCompare, formatCompareMarkdown } from '../report/compareText';
import { writeAtomic, WriteError } from './writeAtomic';
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { onceFromStdin, readDraft, UsageError } from './readDraft';
import { fsReason } from '../agreedFolder';

/** Where a path leads: symbolic links followed when it exists. */
const where = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));

/**
 * `negotext compare OLD NEW [--json|--markdown] [--html FILE]`: the text to print (and the report
 * written); null for --help. Flags are checked before --help, as for the other commands.
 */
export function runCompare(argv: string[], isTTY: boolean): string | null {
  const args = parseArgs(argv, ['--json', '--markdown', '--help', '-h'], ['--html']);
  if (args.flags.has('--help') || args.flags.has('-h')) return null;
  const html = args.values.get('--html');
  if (html && html.length > 1) throw new UsageError('compare takes one --html FILE');
  if (args.files.length !== 2) throw new UsageError(`compare needs two files, OLD and NEW (got ${args.files.length})`);
  onceFromStdin(args.files);
  if (args.flags.has('--json') && args.flags.has('--markdown')) throw new UsageError('compare takes --json or --markdown, not both');
  // `--html -`: the page is what is printed, in place of the summary.
  const toStdout = html?.[0] === '-';
  if (toStdout && (args.flags.has('--json') || args.flags.has('--markdown'))) throw new UsageError('--html - prints the report: it takes no --json or --markdown');
  const [oldName, newName] = args.files;
  const oldText = readDraft(oldName);
  const newText = readDraft(newName);
  if (html && !toStdout && args.files.some((f) => f !== '-' && where(f) === where(html[0]))) throw new UsageError(`--html ${html[0]}: refusing to overwrite an input file`);
  // The §10 JSON has no cross-references: skip looking for them.
  const c = compare(oldText, newText, { crossReferences: !args.flags.has('--json') || !!html });
  if (toStdout) return formatCompareHtml(oldName, newName, c, oldText, newText);
  if (html) {
    const out = html[0];
    try {
      writeAtomic(out, formatCompareHtml(oldName, newName, c, oldText, newText));
    } catch (e) {
      throw new UsageError(`--html ${out}: cannot write: ${e instanceof WriteError ? e.message : fsReason(e)}`);
    }
  }
  if (args.flags.has('--json')) return JSON.stringify(compareReport(oldName, newName, c), null, isTTY ? 2 : undefined);
  if (args.flags.has('--markdown')) return formatCompareMarkdown(oldName, newName, c, { old: oldText, new: newText });
  return formatCompare(oldName, newName, c, { old: oldText, new: newText });
}
