// fast-check generators for drafts: built from the notation's pieces, so that
// random texts hit labels, brackets, attributions and references often, mixed
// with raw characters that break them.
import fc from 'fast-check';

const pieces = [
  '1. ', '2. ', '12 bis. ', '3bis. ', 'PP1. ', 'OP2 ', '3.3 ', '(a) ', '(ii) ', '# A. Intro', 'B. Threats', '\n', '\n\n', '\r\n', '\r',
  '[', ']', '[[', ']]', '{EU}', '{Atlantis}', '{Note: x}', ' – Russian Federation, China]', 'Iran: ', '[…]', '[X]', '][',
  'States ', 'should ', 'consider ', 'the ', 'Group ', 'resolution 75/240', 'A/76/135, para. 6', '"scope, scale"', 'A/RES/75/',
  '(agreed ad ref)', 'Option 1: ', 'ALT 2: ', '\\[', '[^1]', '[^1]: note', '[src]: https://x.org', '[src]', '[a](https://x)',
  '---\nsymbol: A/1\n---\n', '\t', '\u00a0', '\ufeff', '\u0000', '\ud83d\ude00', '\ud800', 'é',
];

export const draftText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 80 })
  .map((parts) => parts.join(''));

export interface RawEdit {
  /** Fractions of the text length, so edits fit any text. */
  from: number;
  len: number;
  insert: string;
}

export const edit: fc.Arbitrary<RawEdit> = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 40 }),
  insert: fc.array(fc.constantFrom(...pieces, 'x', ' ', ''), { maxLength: 4 }).map((p) => p.join('')),
});

// ---- drafts built from the notation's pieces (issue 6: fuzzing) ----

const WORDS = ['States', 'should', 'consider', 'the', 'Group', 'strengthen', 'capacity-building', 'in', 'and', 'of', 'développement', '気候', 'Türkiye', '😀'];
const NAMES = ['EU', 'European Union', 'Mexico', 'Russian Federation', 'Russia', 'G77', 'G-77/China', 'US', 'Holy See', 'Iran (Islamic Republic of)', 'AOSIS', 'Atlantis', 'Frobnia'];
const ACTIONS = ['', ' delete', ' retain', ' reserve', ' alt'];
const LABELS = ['1. ', '2. ', '3. ', '12 bis. ', '12bis. ', '12 ter. ', '3.3 ', '3.3bis ', 'PP1. ', 'Pp2 ', 'OP5. ', 'op6 ', '12) ', '  4. ', '7.\n', '[12 bis. '];
const HEADINGS = ['# A. Introduction', '## B. Existing and potential threats', 'B. Existing and potential threats', 'IV. Conclusions', '# [C. Bracketed heading]{EU}'];
const REFERENCES = [
  'A/76/135', 'A/76/135, para. 6', 'paragraph 13 of A/76/135', 'resolution 75/240', 'General Assembly resolution 73/27 of 5 December 2018',
  'its resolutions 73/27 of 5 December 2018, 75/240 and 76/19', 'Security Council resolution 2341 (2017)', 'S/RES/2341 (2017)', 'decision 1/CP.21',
  'A/RES/75/240, paras. 71–72', 'paragraph 71 (d) of A/RES/75/240', 'A/C.1/76/L.13/Rev.1', 'FCCC/CP/2015/10/Add.1', 'A//76/x', 'A/RES/99999/1/Corr.',
  'A/RES/73/27, para. 1, “the States”', 'A/76/135, para. 6, "scope, scale, severity and sophistication"',
];
const MISC = [
  '(agreed ad ref)', '*(agreed ad ref)*', '[^1]', '[^note]', '\\[', '\\]', '[a](https://x.org)', '[b](#here)', '[src]', '[src][]', '[text][src]',
  '{Note: pending Article 10}', '{move to the Agreement}', '“', '”', '"', '–', ' – ', ' - ', ':', ';', ',', '.', '*', '_', '(a) ', '(ii) ',
];

const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
const names = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).chain((ns) => fc.constantFrom(', ', '; ').map((sep) => ns.join(sep)));

/** Inline text with brackets in every notation: attributions in three forms, alternatives, nesting, placeholders. */
const inline: fc.Arbitrary<string> = fc.letrec<{ seg: string; br: string; run: string }>((tie) => ({
  seg: fc.oneof(
    { weight: 4, arbitrary: words },
    { weight: 3, arbitrary: tie('br') },
    { weight: 2, arbitrary: fc.constantFrom(...REFERENCES) },
    { weight: 2, arbitrary: fc.constantFrom(...MISC) },
    // back-to-back alternatives, and ALT / Option prefixes
    { weight: 1, arbitrary: fc.tuple(tie('br'), tie('br')).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: fc.tuple(words, words, fc.constantFrom('ALT', 'Option')).map(([a, b, k]) => `[${k} 1: ${a}][${k} 2: ${b}]`) },
    { weight: 1, arbitrary: fc.constantFrom('[…]', '[...]', '[X]', '[x]', '[placeholder for finance]', '[document symbol to be added]', 'Article[s 5.2 and] 6.4', 'and[/or]') },
  ),
  run: fc.array(tie('seg'), { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' ')),
  br: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(tie('run'), fc.option(names, { nil: undefined }), fc.constantFrom(...ACTIONS)).map(([t, n, a]) => `[${t}]${n ? `{${n}${a}}` : ''}`),
    fc.tuple(tie('run'), names, fc.constantFrom(...ACTIONS), fc.constantFrom(' – ', ' — ', ' - ')).map(([t, n, a, d]) => `[${t}${d}${n}${a}]`),
    fc.tuple(tie('run'), names, fc.constantFrom(...ACTIONS)).map(([t, n, a]) => `[${n}${a}: ${t}]`),
    // unbalanced: an unclosed `[` or a stray `]`
    tie('run').map((t) => `[${t}`),
    tie('run').map((t) => `${t}]`),
  ),
})).run;

const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** One block of a draft: a labelled paragraph (maybe with sub-paragraphs and options), a heading, a footnote or link definition, loose text. */
const block = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...LABELS), inline, fc.array(fc.tuple(fc.constantFrom('(a) ', '(b) ', '(i) ', '(ii) ', 'Option 1: ', 'Option 2: ', ''), inline), { maxLength: 3 }), lineEnd)
    .map(([l, t, subs, nl]) => l + t + subs.map(([m, s]) => nl + m + s).join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 1, arbitrary: fc.constantFrom('[^1]: A note [with]{EU} text.', '[src]: https://undocs.org/A/76/135', '[^2]: ') },
  { weight: 2, arbitrary: inline },
);

const frontMatter = fc.constantFrom(
  '---\nsymbol: A/AC.292/2025/CRP.1\ntitle: Draft report\nrevision: Rev.2\ndate: 2025-07-11\n---\n',
  '---\nsymbol: A/1\nagreed: true\n---\n',
  '---\ntitle: [unclosed\nfree: {x}\n',
  '---\n---\n',
  '\ufeff---\nsymbol: A/76/135\n---\n',
);

/** A draft from the notation's pieces: front matter, headings, labelled paragraphs, brackets of every kind, references, notes. */
export const notationDraft: fc.Arbitrary<string> = fc
  .tuple(fc.option(frontMatter, { nil: '' }), fc.array(fc.tuple(block, fc.array(lineEnd, { minLength: 1, maxLength: 2 })), { maxLength: 12 }))
  .map(([fm, bs]) => fm + bs.map(([b, ends]) => b + ends.join('')).join(''));

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));
/** Any code point, astral ones included; lone surrogates; C0/C1 controls; every kind of line end; bracket characters. */
export const rawText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
      { weight: 2, arbitrary: fc.constantFrom(...C0, '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u00a0', '\u200b') },
      { weight: 3, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\n\r', '\r\r\n', '\n\n') },
      { weight: 3, arbitrary: fc.constantFrom('[', ']', '{', '}', '\\', '^', '(', ')', ':', '–', '1. ', 'A/', '"', '“') },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Notation and raw text mixed: pieces of a draft with raw characters spliced between them. */
export const anyDraft: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: notationDraft },
  { weight: 2, arbitrary: draftText },
  { weight: 1, arbitrary: rawText },
  { weight: 2, arbitrary: fc.tuple(notationDraft, rawText, fc.double({ min: 0, max: 1, noNaN: true })).map(([d, r, at]) => d.slice(0, Math.floor(at * d.length)) + r + d.slice(Math.floor(at * d.length))) },
);

/** Edits that insert the notation's pieces or raw text, anywhere, including between the halves of a surrogate pair. */
export const anyEdit: fc.Arbitrary<RawEdit> = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 60 }),
  insert: fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...pieces, 'x', ' ', ''), { maxLength: 4 }).map((p) => p.join('')) },
    { weight: 2, arbitrary: inline },
    { weight: 1, arbitrary: rawText },
    { weight: 1, arbitrary: fc.constant('') },
  ),
});
