// The agreed-language folding (core/agreed/fold.ts) scans by hand, for speed,
// what regular expressions once did; those expressions are the specification.
// The tokenizer must cut every text into the same words at the same offsets,
// folded alike; line-end hyphens must be joined where the expression joined
// them; the cheap test for footnote marks must never miss one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWordText, joinHyphens, mayHaveNoteMark, NOTE_MARK, tokenize } from '../../server/src/core/agreed/fold';
import { runs, timeout } from './config';

const WORD =
  /[\p{L}\p{N}\p{M}]+(?:(?:['‘’ʼ.\/\-‐‑‒–]|-[ \t]*\r?\n[ \t]*|- (?=\p{Lu})|\u00ad[ \t]*(?:\r?\n[ \t]*)?)[\p{L}\p{N}\p{M}]+)*/gu;

/** The specification: every match of WORD, folded by the one slow path (the scanner's fast path for plain ASCII words is checked against it too). */
function reference(s: string): { w: string; start: number; end: number }[] {
  const out = [];
  for (const m of s.matchAll(WORD)) {
    const w = foldWordText(m[0]);
    if (w) out.push({ w, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

// The characters where the two could differ: every joiner, white space and line end, the soft
// hyphen, upper and lower case in and out of ASCII, marks, digits, a ligature, astral letters
// and symbols, lone surrogates.
const PIECES = [
  'a', 'Z', 'é', 'É', 'ß', 'ﬁ', 'Ω', '7', '٣', '\u0301', '\u0915\u093f', '𝐀', '😀', '\ud800', '\udc00',
  "'", '‘', '’', 'ʼ', '.', '/', '-', '‐', '‑', '‒', '–', '—', '\u00ad', ' ', '\t', '\n', '\r\n', '\r',
  ',', '"', '“', '*', '_', '(', '[', 'open', 'Ended', 'A/RES/73/27', 'Secretary- General', 'Open-\n  ended',
  '1', '12', '3/', 'Sea', 'report,', 'Straße', 'café', 'ß', '\u00a0', ')', ']', ';', ':', '-\n', '- ', '-\r\n ',
];
const LINE_END_HYPHEN = /(?<=\p{L})-(?:[ \t]*\r?\n[ \t]*(?=\p{L})| (?=\p{Lu}))/gu;
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));

describe('tokenize', () => {
  it('cuts and folds words exactly as its specification, the WORD regular expression', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
      expect(tokenize(s)).toEqual(reference(s));
    }), runs(2000));
  }, timeout);

  it('joins line-end hyphens exactly where the expression did', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
      expect(joinHyphens(s)).toBe(s.replace(LINE_END_HYPHEN, '-'));
    }), runs(2000));
  }, timeout);

  it('never says a text has no footnote mark when it has one', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
      NOTE_MARK.lastIndex = 0;
      if (NOTE_MARK.test(s)) expect(mayHaveNoteMark(s)).toBe(true);
    }), runs(2000));
  }, timeout);

  it('on the cases that matter in PDF text', () => {
    expect(tokenize('the Open-\n  ended Working Group').map((t) => t.w)).toEqual(['the', 'open-ended', 'working', 'group']);
    expect(tokenize('Secretary- General’s report').map((t) => t.w)).toEqual(["secretary-general's", 'report']);
    expect(tokenize('co\u00ad\noperation, ﬁnal A/RES/73/27').map((t) => t.w)).toEqual(['cooperation', 'final', 'a/res/73/27']);
  });
});
