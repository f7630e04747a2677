#!/usr/bin/env node
// The source of syntaxes/negotext.tmLanguage.json. A TextMate grammar is JSON
// with no way to name a regex, and the paragraph label alone appears in five of
// its rules (a paragraph's start, a bracketed paragraph's start, and the three
// lookaheads that end a paragraph or an unclosed bracket at the next label):
// written out by hand, the copies drift. Here each piece is written once and the
// JSON is rendered from them; the registry's names that the generic name pattern
// does not cover are read from the registry itself.
//
//   node syntaxes/negotext.grammar.mjs           # (npm run grammar) writes the JSON
//   node syntaxes/negotext.grammar.mjs --check   # exits 1 when the JSON is stale
//
// test/grammar.test.ts fails when the committed JSON is not this file's output.
// Regexes must mean the same in Oniguruma (VS Code) and JavaScript (the tests
// read some with RegExp): no \h, no possessive quantifiers, no \A but once.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const grammarPath = path.join(here, 'negotext.tmLanguage.json');
const registryPath = path.join(here, '..', 'server', 'src', 'core', 'data', 'proposers.json');

/** String.raw, but with \uXXXX written as the character itself (Oniguruma reads no \u escapes). */
const re = (strings, ...values) => String.raw(strings, ...values).replace(/(?<!\\)((?:\\\\)*)\\u([0-9a-f]{4})/g, (_, bs, hex) => bs + String.fromCharCode(parseInt(hex, 16)));
const NBSP = '\u00a0';

// ---------------------------------------------------------------- pieces
/** Space inside a label line: PDFs and Word put no-break spaces there. */
const SP = re`[ \t${NBSP}]`;
/** What may start a paragraph's text after a label written without a period (`3.3 The …`). */
const TEXT_START = re`[A-Z\u00c0-\u00de\[("\u201c\u2018'*_\u00ab]`;
/** What may start a UN-style heading's title. */
const TITLE_START = re`[A-Z0-9\u00c0-\u00de\[("\u201c\u2018'*_\u00ab]`;
/** `bis`, `ter` … of an inserted paragraph (FORMAT.md §2), optionally after a space. */
const INSERTED_WORD = re`(?:bis|ter|quater|quat|quinquies|sexies|septies|octies|novies|decies)(?![A-Za-z])`;
const INSERTED = re`(?:${SP}?${INSERTED_WORD})?`;

/**
 * A paragraph label (FORMAT.md §2): `PP3`/`OP5` (period optional); `12.`, `12 bis.`, `3.3.` (also right against a `[`),
 * `12)` (not a year: `2015.` or `1990)` wrapped to a line start; `1) above` is no label either);
 * `3.3`, `3.3bis`, `12 bis` without a period when alone on the line or followed by capitalised text.
 */
const LABEL = [
  re`(?:[Pp][Pp]|[Oo][Pp])[ \t]?[0-9]{1,4}${INSERTED}(?:[.)](?=${SP}|$|\[)|(?=${SP}|$))`,
  re`(?![1-9][0-9]{3}[.)](?=${SP}|$))[0-9]{1,4}(?:\.[0-9]{1,3}){0,4}${INSERTED}(?:\.(?=${SP}|$|\[)|\)(?=${SP}*$|${SP}+[^a-z\s]|\[))`,
  re`(?:[0-9]{1,4}(?:\.[0-9]{1,3}){1,4}${INSERTED}|[0-9]{1,4}${SP}?${INSERTED_WORD})(?=[ \t]*$|\t|[ ${NBSP}]+${TEXT_START})`,
].join('|');

const UN_NUMBER = re`(?:[A-Z]|[IVXL]{1,6})\.`;
const UN_TITLE = re`${TITLE_START}(?:.{0,159}[^,;\s])?`;
const FOOTNOTE_ID = re`\^[^\]\s]{1,40}`;
const LINK_LABEL = re`[^\[\]]{1,200}`;
const LINK_TITLE = re`(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?`;

/** Where a paragraph ends (FORMAT.md §2): the next label (bracketed or not), heading, footnote or link definition. */
const BOUNDARY = [
  re`^${SP}*(?:\[[ \t]*)?(?:${LABEL})`,
  re`^ {0,3}#{1,6}[ \t]+.*[^ \t#]`,
  re`^[ \t]*${UN_NUMBER}${SP}+${UN_TITLE}[ \t]*$`,
  re`^ {0,3}\[${FOOTNOTE_ID}\]:`,
  re`^ {0,3}\[${LINK_LABEL}\]:[ \t]*\S+${LINK_TITLE}[ \t]*$`,
].join('|');

const SUBPARAGRAPH = re`\((?:[a-z]{1,2}|[ivxl]{1,6}|[0-9]{1,2})\)`;
/** `ALT 1`, `Option A` (a letter after a space, so `OPTIONS:` is no option), `Option (a)`, as the core reads them. */
const OPTION_WORD = re`(?:ALT(?:ERNATIVE)?|Alt(?:ernative)?|OPTION|Option)(?:[ \t]*[0-9]{1,2}|[ \t]+(?:[A-Z]|[IVX]{1,4})|[ \t]*\((?:[0-9]{1,2}|[A-Za-z]|[ivxIVX]{1,4})\))`;

/** A proposer's name as written: a capital or digit first, at most five words, no separator (FORMAT.md §4). */
const NAME = re`[A-Z0-9\u00c0-\u00de][^\s,;:{}\[\]\u201c\u201d"]*(?:[ \t]+[^\s,;:{}\[\]\u201c\u201d"]+){0,4}`;
const NAMES = re`${NAME}(?:[ \t]*[,;][ \t]*${NAME})*`;

/** The registry's names and aliases that NAME does not match (more than five words), longest first. */
export function longNames(registry = JSON.parse(readFileSync(registryPath, 'utf8'))) {
  const whole = new RegExp(`^(?:${NAME})$`);
  const names = new Set();
  for (const e of registry.entries) for (const n of [e.name, ...(e.aliases ?? [])]) if (!whole.test(n)) names.add(n);
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const escapeRegex = (s) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

// ---------------------------------------------------------------- rules
const captures = (...names) => Object.fromEntries(names.flatMap((n, i) => (n ? [[String(i + 1), typeof n === 'string' ? { name: n } : n]] : [])));
const include = (...names) => names.map((n) => ({ include: `#${n}` }));
const inHeading = { patterns: include('inline', 'bracket-block', 'stray-close') };

/** A bracket's opening: `[`, then a sub-paragraph label `[(a) …` or a prefix attribution candidate `[EU, Mexico: …`. */
const BRACKET_BEGIN = re`(\[)(?!\^[^\[\]\s]+\])(?:[ \t]*(${SUBPARAGRAPH})(?=${SP}|$)|(?!${OPTION_WORD}[*_]*[ \t]*[.:)]|Note[ \t]*:)(${NAMES})[ \t]*(:)(?=${SP}|$))?`;
const bracketBeginCaptures = captures(
  'punctuation.definition.bracket.begin.negotext',
  'constant.numeric.subparagraph-label.negotext',
  'meta.attribution.prefix.names.negotext',
  'meta.attribution.prefix.separator.negotext',
);
const bracketEnd = captures('punctuation.definition.bracket.end.negotext');

export function grammar(registry) {
  const long = longNames(registry).map(escapeRegex).join('|');
  const bracesName = re`(?:(?:${long})(?=[ \t]*[,;}])|${NAME})`;
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'negotext',
    scopeName: 'text.negotext',
    fileTypes: ['draft.md', 'draft.txt'],
    comment:
      "Negotiated UN drafts (../shared/FORMAT.md). Static colouring only: the language server's semantic tokens refine what a grammar cannot know (which prefix/suffix names resolve in the registry, reference links, brackets spanning paragraphs). Regexes use only syntax that Oniguruma and JavaScript both accept, except \\A in front-matter (start of file); test/grammar.test.ts checks this. Rendered by syntaxes/negotext.grammar.mjs (npm run grammar): edit that, not this.",
    patterns: include('front-matter', 'heading-markdown', 'heading-un', 'footnote-definition', 'link-definition', 'paragraph-bracketed', 'paragraph', 'inline', 'bracket-block', 'stray-close'),
    repository: {
      'front-matter': {
        comment: 'YAML front matter: only on the first line of the file; also ends at the first line that is no YAML (not blank, indented, a # comment, a - item or a key:), as the core reads it: `1. States \u2026`, `B. Threats`, a sentence. So a missing closing --- cannot swallow the draft.',
        name: 'meta.embedded.block.frontmatter.negotext',
        begin: re`\A\ufeff?(---)[ \t]*$`,
        beginCaptures: captures('punctuation.definition.frontmatter.begin.negotext'),
        end: re`^(---|\.\.\.)[ \t]*$|(?=^(?![ \t#]|[-?:](?:[ \t]|$)|"[^"]*":|'[^']*':|[A-Za-z0-9_\u00c0-\uffff][\w\u00c0-\uffff .\-/]*:(?:[ \t]|$)|$))`,
        endCaptures: captures('punctuation.definition.frontmatter.end.negotext'),
        patterns: [
          { match: re`^[ \t]*(#).*$`, name: 'comment.line.number-sign.yaml.negotext', captures: captures('punctuation.definition.comment.yaml.negotext') },
          {
            match: re`^[ \t]*(?:(-)[ \t]+)?([A-Za-z0-9_][A-Za-z0-9_.\-]*)[ \t]*(:)(?=[ \t]|$)[ \t]*(?:(true|false|True|False|yes|no|null|~)[ \t]*$|(.*)$)`,
            captures: captures(
              'punctuation.definition.list.yaml.negotext',
              'entity.name.tag.yaml.negotext',
              'punctuation.separator.key-value.yaml.negotext',
              'constant.language.yaml.negotext',
              'string.unquoted.yaml.negotext',
            ),
          },
          { match: re`^[ \t]*(-)[ \t]+(.*)$`, captures: captures('punctuation.definition.list.yaml.negotext', 'string.unquoted.yaml.negotext') },
        ],
      },
      'heading-markdown': {
        match: re`^ {0,3}(#{1,6})[ \t]+(.*?[^ \t])(?:[ \t]+#+)?[ \t]*$`,
        name: 'markup.heading.negotext',
        captures: captures('punctuation.definition.heading.negotext', { name: 'entity.name.section.negotext', ...inHeading }),
      },
      'heading-un': {
        comment: 'B. Existing and potential threats / IV. Conclusions on a line of its own (a capital or Roman numeral, a period, a title not ending in , or ;).',
        match: re`^[ \t]*(${UN_NUMBER})${SP}+(${UN_TITLE})[ \t]*$`,
        name: 'markup.heading.negotext',
        captures: captures('entity.name.section.number.negotext', { name: 'entity.name.section.negotext', ...inHeading }),
      },
      'footnote-definition': {
        match: re`^ {0,3}(\[)(${FOOTNOTE_ID})(\])(:)(.*)$`,
        name: 'meta.link.reference.def.footnote.negotext',
        captures: captures(
          'punctuation.definition.link.begin.negotext',
          'markup.underline.link.footnote.negotext',
          'punctuation.definition.link.end.negotext',
          'punctuation.separator.key-value.negotext',
          { patterns: include('inline') },
        ),
      },
      'link-definition': {
        match: re`^ {0,3}(\[)(${LINK_LABEL})(\])(:)[ \t]*(\S+)(${LINK_TITLE})[ \t]*$`,
        name: 'meta.link.reference.def.negotext',
        captures: captures(
          'punctuation.definition.link.begin.negotext',
          'constant.other.reference.link.negotext',
          'punctuation.definition.link.end.negotext',
          'punctuation.separator.key-value.negotext',
          'markup.underline.link.negotext',
          'string.other.link.description.title.negotext',
        ),
      },
      paragraph: {
        comment: 'A labelled paragraph runs to the next label, heading or definition line (blank lines inside it are part of it). Label scope: constant.numeric.paragraph-label.',
        name: 'meta.paragraph.negotext',
        begin: re`^${SP}*(${LABEL})`,
        beginCaptures: captures('constant.numeric.paragraph-label.negotext'),
        end: re`(?=${BOUNDARY})`,
        patterns: include('inline', 'bracket', 'stray-close'),
      },
      'paragraph-bracketed': {
        comment: '[12 bis. The Group \u2026]{EU}: a bracket opened before the label; closes at its ] or at the next paragraph boundary.',
        name: 'meta.bracket.negotext',
        begin: re`^${SP}*(\[)[ \t]*(${LABEL})`,
        beginCaptures: captures('punctuation.definition.bracket.begin.negotext', 'constant.numeric.paragraph-label.negotext'),
        end: re`(\])|(?=${BOUNDARY})`,
        endCaptures: bracketEnd,
        patterns: include('suffix-attribution', 'inline', 'bracket'),
      },
      bracket: {
        comment:
          'A bracket inside a labelled paragraph; nests recursively (depth = number of meta.bracket scopes). Begin also takes a prefix attribution candidate [EU, Mexico: \u2026] / [Iran reserve: \u2026] (capitalised words before a colon, not ALT 1: / Option A: / Option (a): / Note:), scoped meta only: [Immunities: \u2026] is text, and only the server\'s semantic tokens know which names resolve. Ends at ] or, unclosed, at the end of the paragraph (lookahead).',
        name: 'meta.bracket.negotext',
        begin: BRACKET_BEGIN,
        beginCaptures: bracketBeginCaptures,
        end: re`(\])|(?=${BOUNDARY})`,
        endCaptures: bracketEnd,
        patterns: include('suffix-attribution', 'inline', 'bracket'),
      },
      'bracket-block': {
        comment: 'The same bracket outside a labelled paragraph (chapeau, unnumbered preamble, headings): there a paragraph is a block between blank lines, so an unclosed bracket also ends at a blank line.',
        name: 'meta.bracket.negotext',
        begin: BRACKET_BEGIN,
        beginCaptures: bracketBeginCaptures,
        end: re`(\])|(?=${BOUNDARY}|^[ \t\f\v${NBSP}]*$)`,
        endCaptures: bracketEnd,
        patterns: include('suffix-attribution', 'inline', 'bracket-block'),
      },
      'stray-close': {
        comment: 'A ] with no [ open in the grammar: unmatched, or closing a bracket that spans paragraphs (the server decides).',
        match: re`\]`,
        name: 'punctuation.definition.bracket.end.negotext',
      },
      'suffix-attribution': {
        comment:
          'Suffix attribution candidate [\u2026 \u2013 Russian Federation, China] / [\u2026 - US delete]: capitalised words after a spaced dash, right before the closing ]. Scoped meta only: whether the names resolve (else it is text, FORMAT.md \u00a74: [40 \u2013 70], [Article 4 \u2013 Mitigation]) only the server knows, and its semantic tokens colour the names that do.',
        match: re`(?<=\S)(${SP}+)([\u2013\u2014]|-)(${SP}+)(${NAMES})(?=[ \t]*\])`,
        name: 'meta.attribution.suffix.negotext',
        captures: captures(null, 'meta.attribution.suffix.separator.negotext', null, 'meta.attribution.suffix.names.negotext'),
      },
      'braces-attribution': {
        comment:
          "Canonical attribution: braces right after ] whose items start with a capital or digit, have at most five words and no colon (FORMAT.md \u00a74), or are one of the registry's longer names (read from the registry by syntaxes/negotext.grammar.mjs).",
        match: re`(?<=\])(\{)[ \t]*(${bracesName}(?:[ \t]*[,;][ \t]*${bracesName})*)[ \t]*(\})`,
        name: 'meta.attribution.negotext',
        captures: captures(
          'punctuation.definition.attribution.begin.negotext',
          { name: 'entity.name.function.proposer.negotext', patterns: include('proposer-list') },
          'punctuation.definition.attribution.end.negotext',
        ),
      },
      note: {
        comment: 'Any other braces on one line: an editorial note ({Note: pending Article 10}, {move to section D}).',
        match: re`(\{)[^{}\[\]\n]*(\})`,
        name: 'comment.block.note.negotext',
        captures: captures('punctuation.definition.comment.begin.negotext', 'punctuation.definition.comment.end.negotext'),
      },
      'proposer-list': {
        comment: 'Inside a captured list of proposers: action words and separators.',
        patterns: [
          { match: re`(?<![A-Za-z])(?:[Dd]elete|DELETE|[Rr]etain|RETAIN|[Aa]lt|ALT|[Rr]eserve|RESERVE)(?![A-Za-z])`, name: 'keyword.other.action.negotext' },
          { match: '[,;]', name: 'punctuation.separator.proposer.negotext' },
        ],
      },
      inline: {
        comment: 'Everything inside text except brackets. No match here may contain [ or ], so none can swallow a bracket.',
        patterns: include(
          'escape',
          'agreed-ad-ref',
          'footnote-mark',
          'inline-link',
          'placeholder',
          'braces-attribution',
          'note',
          'option',
          'symbol',
          'resolution-reference',
          'pinpoint',
          'resolution-number',
          'quote',
          'bold',
          'italic',
          'subparagraph',
        ),
      },
      escape: {
        comment: '\\[ and \\] are not brackets (nor any other Markdown backslash escape).',
        match: re`\\[\\\[\]{}()*_#${'`'}+\-.!<>|~"']`,
        name: 'constant.character.escape.negotext',
      },
      'agreed-ad-ref': {
        comment: '(agreed ad ref), any case, optionally in *\u2026* or _\u2026_ (outside or inside the parentheses); also (agreed ad ref.) and (agreed ad referendum).',
        match: re`([*_]?)(\()[*_]?[Aa][Gg][Rr][Ee][Ee][Dd]${SP}+[Aa][Dd]${SP}+[Rr][Ee][Ff](?:[Ee][Rr][Ee][Nn][Dd][Uu][Mm]|\.)?[*_]?(\))([*_]?)`,
        name: 'markup.inserted.agreed-ad-ref.negotext',
        captures: captures('punctuation.definition.italic.negotext', null, null, 'punctuation.definition.italic.negotext'),
      },
      'footnote-mark': {
        match: re`(\[)(\^[^\[\]\s]+)(\])`,
        name: 'meta.link.footnote.negotext',
        captures: captures('punctuation.definition.link.begin.negotext', 'markup.underline.link.footnote.negotext', 'punctuation.definition.link.end.negotext'),
      },
      'inline-link': {
        comment:
          '[text](target) with target http:, https:, mailto:, #, / or ./ \u2014 not a bracket. Reference links [text][label] cannot be told from [x][y] alternatives here: they stay brackets (semantic tokens correct them).',
        match: re`(\[)([^\[\]\n]*)(\])(\()((?:https?:|mailto:|#|\.?/)[^\s()]*)(\))`,
        name: 'meta.link.inline.negotext',
        captures: captures(
          'punctuation.definition.link.title.begin.negotext',
          'string.other.link.title.negotext',
          'punctuation.definition.link.title.end.negotext',
          'punctuation.definition.metadata.negotext',
          'markup.underline.link.negotext',
          'punctuation.definition.metadata.negotext',
        ),
      },
      placeholder: {
        comment: '[\u2026] [...] [X] [x], and one-line brackets whose text begins with placeholder or ends with to be added / to be completed.',
        match: re`(\[)(\u2026|\.\.\.|[Xx]|[*_]*[Pp]laceholder(?![A-Za-z])[^\[\]\n]*|[^\[\]\n]*(?<![A-Za-z])to be (?:added|completed))(\])`,
        name: 'meta.bracket.placeholder.negotext',
        captures: captures('punctuation.definition.bracket.begin.negotext', 'constant.other.placeholder.negotext', 'punctuation.definition.bracket.end.negotext'),
      },
      option: {
        comment: 'ALT 1: / Option A: / Alternative 2. introducing an alternative.',
        match: re`(?<![A-Za-z0-9])${OPTION_WORD}[*_]*[ \t]*[.:)](?=${SP}|$)`,
        name: 'keyword.control.alternative.negotext',
      },
      symbol: {
        comment: 'UN document symbols: A/76/135, A/RES/75/240, A/C.1/76/L.13, E/CN.6/2023/L.3, FCCC/CP/2015/10/Add.1, S/RES/2341 (2017); at least one slash and one digit.',
        match: re`(?<![A-Za-z0-9/.\-])(?=[A-Z]{1,8}/[A-Za-z0-9./\-]*[0-9])[A-Z]{1,8}(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)+(?:[ \t]\([0-9]{4}\))?`,
        name: 'markup.underline.link.symbol.negotext',
      },
      'resolution-reference': {
        comment: 'resolution 75/240, resolutions 73/27, Security Council resolution 2341 (2017), decision 1/CP.21, decision 18/CMA.1.',
        match: re`(?<![A-Za-z])(?:[Rr]esolutions?|[Dd]ecisions?)${SP}+[0-9]{1,4}(?:/(?:[0-9]{1,4}|[A-Z]{1,5}\.[0-9]{1,3}))?(?:${SP}\([0-9]{4}\))?(?![A-Za-z0-9/])`,
        name: 'markup.underline.link.resolution.negotext',
      },
      'resolution-number': {
        comment: 'Later items of a list (resolutions 73/27 of \u2026, 75/240 and 76/19; 77/36): a bare session/number pair after a comma, a semicolon, `and` or `or`, not a ratio (a 50/50 split). Approximation.',
        match: re`(?<=, |,${NBSP}|; |;${NBSP}| and | or )[0-9]{2}/[0-9]{1,4}(?![A-Za-z0-9/]|\.[0-9])`,
        name: 'markup.underline.link.resolution.negotext',
      },
      pinpoint: {
        comment: 'para. 6, paras. 71\u201372, paragraph 71 (d), para. 1.3.',
        match: re`(?<![A-Za-z])(?:[Pp]aras?\.|[Pp]aragraphs?)${SP}+[0-9]{1,4}(?:\.[0-9]{1,3})*${INSERTED}(?:${SP}*\([a-z]{1,5}\))*(?:${SP}*[\u2013\u2014-]${SP}*[0-9]{1,4}(?:\.[0-9]{1,3})*(?:${SP}*\([a-z]{1,5}\))*)?`,
        name: 'markup.underline.link.pinpoint.negotext',
      },
      quote: {
        comment: 'Quotations \u201c\u2026\u201d and "\u2026" on one line, containing no bracket.',
        patterns: [
          { match: re`(\u201c)[^\u201c\u201d\[\]\n]*(\u201d)`, name: 'string.quoted.double.negotext', captures: captures('punctuation.definition.string.begin.negotext', 'punctuation.definition.string.end.negotext') },
          { match: re`(")[^"\[\]\n]*(")`, name: 'string.quoted.double.negotext', captures: captures('punctuation.definition.string.begin.negotext', 'punctuation.definition.string.end.negotext') },
        ],
      },
      bold: {
        match: re`(\*\*|__)(?=[^\s*_\[\]])[^*_\[\]\n]*[^\s*_\[\]](\1)`,
        name: 'markup.bold.negotext',
        captures: captures('punctuation.definition.bold.negotext', 'punctuation.definition.bold.negotext'),
      },
      italic: {
        patterns: [
          { match: re`(\*)(?=[^\s*\[\]])[^*\[\]\n]*[^\s*\[\]](\*)`, name: 'markup.italic.negotext', captures: captures('punctuation.definition.italic.negotext', 'punctuation.definition.italic.negotext') },
          { match: re`(?<![A-Za-z0-9_])(_)(?=[^\s_\[\]])[^_\[\]\n]*[^\s_\[\]](_)(?![A-Za-z0-9_])`, name: 'markup.italic.negotext', captures: captures('punctuation.definition.italic.negotext', 'punctuation.definition.italic.negotext') },
        ],
      },
      subparagraph: {
        comment: 'Sub-paragraph markers (a), (ii), (1) at the start of a line.',
        match: re`^${SP}*(${SUBPARAGRAPH})(?=${SP}|$)`,
        captures: captures('constant.numeric.subparagraph-label.negotext'),
      },
    },
  };
}

/** The JSON as committed: two-space indent, non-ASCII escaped (a no-break space is invisible in an editor). */
export function render(registry) {
  const json = JSON.stringify(grammar(registry), null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = render();
  if (process.argv.includes('--check')) {
    const stale = readFileSync(grammarPath, 'utf8') !== text;
    if (stale) console.error(`${path.relative(process.cwd(), grammarPath)} is stale: run npm run grammar`);
    process.exit(stale ? 1 : 0);
  }
  writeFileSync(grammarPath, text);
}
