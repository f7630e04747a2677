export const VERSION = '0.1.0';

export const HELP: Record<string, string> = {
  main: `negotext ${VERSION}: brackets, proposers and agreed language in negotiated UN drafts

Usage: negotext <command> [options] FILE…

Commands:
  status    per section and in total: paragraphs agreed / ad ref / pending,
            open brackets, alternatives, placeholders; brackets per proposer
  check     list problems as file:line:col severity code message (exit 1 on errors)
  analyze   the full analysis; --json gives the machine output of FORMAT.md §9
  cite      every reference with its verdict, and every reuse of agreed
            language, per paragraph
  compare   two revisions, OLD NEW: paragraphs aligned by content (renumbered,
            moved, split, merged, edited), each bracket's outcome, per proposer

A FILE named - is standard input (once per command line).
Run 'negotext <command> --help' for a command's options.
Nothing is ever sent over the network: drafts stay on this machine.`,
  status: `Usage: negotext status [--json] [--agreed DIR]… FILE…

The table facilitators count by hand: per section and in total, paragraphs
agreed, agreed ad ref and pending; open brackets, alternative groups and
placeholders; then brackets per proposer.

  --json         print the same figures as JSON
  --agreed DIR   agreed texts (.txt/.md) to check references against
  -h, --help     this help`,
  check: `Usage: negotext check [--agreed DIR]… FILE…

Prints each diagnostic as  file:line:col severity code message  (1-based line
and column). Exit status: 0 when no file has an error, 1 when one does, 2 for
bad usage or an unreadable file.

  --agreed DIR   agreed texts (.txt/.md) to check references against
  -h, --help     this help`,
  analyze: `Usage: negotext analyze [--json] [--agreed DIR]… FILE…

  --json         print a JSON array, one object per file (FORMAT.md §9):
                 paragraphs, brackets, references, diagnostics
  --agreed DIR   agreed texts (.txt/.md) to check references against
  -h, --help     this help

Exit status: 0 when no file has an error, 1 when one does, 2 for bad usage or
an unreadable file.`,
  cite: `Usage: negotext cite [--json] [--agreed DIR]… FILE…

Every reference with its verdict, and every reuse of agreed language, per
paragraph:

  12 bis  A/RES/73/27, para. 1.3  ok
          A/RES/73/27, para. 1.42  no paragraph 1.42
          A/76/153  unknown document (did you mean A/76/135?)
          follows A/RES/73/27, para. 1.10, with 1 change: …

Verdicts: ok, unknown document, no paragraph N (missing pinpoint), quotation
differs (with a word diff against the agreed wording), date or title differs
from the catalogue. Quotations and pinpoints are checked only against agreed
texts given with --agreed (or input files with front matter 'agreed: true').

  --json         print a JSON array, one object per file: {file, paragraphs:
                 [{label, references: [{symbol, pinpoint, quote, range, known,
                 verdict, message?}], reuse: [{symbol, pinpoint, changes,
                 range, diff}]}]}
  --agreed DIR   agreed texts (.txt/.md) to check references against
  -h, --help     this help

Exit status: 0 when no file has an error, 1 when one does, 2 for bad usage or
an unreadable file.`,
  compare: `Usage: negotext compare [--json | --markdown] [--html FILE] OLD NEW

Compares two revisions of a draft. Paragraphs are aligned by their text, not
their labels, so a renumbered, moved or moved-and-edited paragraph is still
one entry; a paragraph split in two, or two merged into one, is reported as
such. Each bracket of OLD gets its outcome (agreed, dropped, changed,
unchanged), each new one of NEW is added, and a table counts the outcomes per
proposer.

  --json         print FORMAT.md §10: {old, new, paragraphs, brackets, proposers}
  --markdown     the same as Markdown: word diffs with insertions in bold and
                 deletions struck through, and the tables
  --html FILE    also write a self-contained, printable report: the new text
                 with insertions in bold and deletions struck through, moves
                 and renumbering in the margin, outcomes per proposer (written
                 to a temporary file, then renamed; never over OLD or NEW;
                 through a symbolic link to the file it names; straight to a
                 device or FIFO). --html - prints the report instead of the
                 summary
  -h, --help     this help

Exit status: 0, or 2 for bad usage or an unreadable file.`,
};
