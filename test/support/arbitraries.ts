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
