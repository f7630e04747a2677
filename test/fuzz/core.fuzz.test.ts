// Fuzzing the pure core (issue 6): random drafts from the notation's pieces
// and from raw text (astral characters, lone surrogates, control characters,
// mixed line ends), random edit sequences. Properties: nothing throws; every
// range lies in the text and never splits a surrogate pair; brackets nest;
// the incremental document equals a fresh analysis, with and without agreed
// texts; compare keeps every paragraph of both sides. test/incremental.test.ts
// holds the first, smaller versions of the incremental properties.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AgreedChecker, analysisOf, analyze, compare, diagnosticsOf, DraftDocument, summarize, toReport, type TextChange } from '../../server/src/core/index';
import { anyDraft, anyEdit, notationDraft, rawText } from '../support/arbitraries';
import { tried } from '../support/tried';
import { runs, timeout } from './config';
import { checkAnalysis, concrete } from './helpers';

const agreedDir = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'agreed');
const corpusChecker = new AgreedChecker();
for (const f of readdirSync(agreedDir).filter((n) => /\.(txt|md)$/.test(n))) corpusChecker.addText(f, readFileSync(join(agreedDir, f), 'utf8'));

describe('fuzz: analysis of any text', () => {
  it('the range checks catch a range that splits a surrogate pair, leaves its line, or overlaps', () => {
    const text = '1. [😀]{EU} [a [b] c]';
    const good = analyze(text);
    checkAnalysis(text, good);
    const bad = (f: (a: typeof good) => void) => {
      const a = structuredClone(good);
      f(a);
      expect(() => checkAnalysis(text, a)).toThrow();
    };
    bad((a) => (a.brackets[0].textRange.end.character = 5)); // between \ud83d and \ude00
    bad((a) => (a.brackets[0].range.end.character = 99));
    bad((a) => (a.brackets[2].range.end.character = 22));
    bad((a) => (a.brackets[1].depth = 2));
  });

  it('never throws; ranges lie in the text, off surrogate pairs; brackets nest; report and summary serialise', () => {
    const p = runs(600);
    fc.assert(
      fc.property(anyDraft, (text) => {
        const a = analyze(text);
        checkAnalysis(text, a);
        JSON.stringify(toReport('f', a));
        summarize(a);
      }),
      p,
    );
    tried('input', 'random drafts: notation pieces mixed with raw unicode, lone surrogates, controls, CR/LF/CRLF', p.numRuns!, 'no throw; ranges in text, no split surrogate pair; brackets nest');
  }, timeout);

  it('raw text alone: any code point, lone surrogates, control characters, line-end mixes', () => {
    const p = runs(400);
    fc.assert(
      fc.property(rawText, (text) => checkAnalysis(text, analyze(text))),
      p,
    );
    tried('input', 'raw random text (astral, lone surrogates, C0/C1, mixed line ends)', p.numRuns!, 'no throw; ranges valid');
  }, timeout);

  it('with agreed texts: the corpus, and random drafts indexed as agreed texts', () => {
    const p = runs(150);
    fc.assert(
      fc.property(anyDraft, fc.array(anyDraft, { maxLength: 2 }), (text, agreed) => {
        checkAnalysis(text, analyze(text, { checker: corpusChecker }));
        const checker = new AgreedChecker();
        agreed.forEach((t, i) => checker.addText(`agreed-${i}.txt`, `---\nsymbol: A/RES/80/${i + 1}\nagreed: true\n---\n${t}`));
        checker.addText('self.txt', `---\nsymbol: A/RES/80/99\nagreed: true\n---\n${text}`);
        checkAnalysis(text, analyze(text, { checker }));
      }),
      p,
    );
    tried('input', 'random drafts through the agreed-language checker (corpus texts, random agreed texts)', p.numRuns!, 'no throw; ranges valid');
  }, timeout);
});

describe('fuzz: incremental analysis', () => {
  it('equals a fresh analysis after random batches of edits (several changes per update, whole-text replacements)', () => {
    const p = runs(250);
    const batch = fc.array(fc.oneof({ weight: 12, arbitrary: anyEdit.map((e) => ({ e })) }, { weight: 1, arbitrary: anyDraft.map((whole) => ({ whole })) }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(anyDraft, fc.array(batch, { minLength: 1, maxLength: 6 }), fc.boolean(), (initial, batches, withChecker) => {
        const opts = withChecker ? { checker: corpusChecker } : {};
        const doc = new DraftDocument(initial);
        let text = initial;
        for (const changes of batches) {
          const lsp: TextChange[] = [];
          for (const c of changes) {
            if ('whole' in c) {
              lsp.push({ text: c.whole });
              text = c.whole;
            } else {
              const k = concrete(text, c.e);
              lsp.push({ range: k.range, text: c.e.insert });
              text = k.after;
            }
          }
          doc.update(lsp);
          expect(doc.text).toBe(text);
          expect(diagnosticsOf(doc, opts)).toEqual(analyze(text, opts).diagnostics);
        }
        const fresh = analyze(text, opts);
        expect(analysisOf(doc, opts)).toEqual(fresh);
        checkAnalysis(text, fresh);
      }),
      p,
    );
    tried('edit', 'random edit batches (1–3 changes per update, whole-text replacements, raw unicode inserted anywhere)', p.numRuns!, 'incremental = fresh analysis; diagnostics = fresh');
  }, timeout);

  it('typing a draft character by character, and deleting it again, keeps the incremental result right', () => {
    const p = runs(40);
    fc.assert(
      fc.property(notationDraft.filter((t) => t.length < 600), (target) => {
        const doc = new DraftDocument('');
        let text = '';
        for (let i = 0; i < target.length; i++) {
          const ch = target[i];
          // a client never sends half of a \r\n: type it as one change
          const piece = ch === '\r' && target[i + 1] === '\n' ? '\r\n' : ch;
          const end = { line: doc.lineCount - 1, character: doc.lineText(doc.lineCount - 1).length };
          doc.update([{ range: { start: end, end }, text: piece }]);
          text += piece;
          i += piece.length - 1;
          if (i % 16 === 0) diagnosticsOf(doc);
        }
        expect(doc.text).toBe(target);
        expect(analysisOf(doc)).toEqual(analyze(target));
        while (doc.text.length) {
          const last = doc.lineCount - 1;
          const len = doc.lineText(last).length;
          const range = len > 0
            ? { start: { line: last, character: len - 1 }, end: { line: last, character: len } }
            : { start: { line: last - 1, character: doc.lineText(last - 1).length }, end: { line: last, character: 0 } };
          doc.update([{ range, text: '' }]);
        }
        expect(analysisOf(doc)).toEqual(analyze(''));
      }),
      p,
    );
    tried('edit', 'a random draft typed one character at a time, then deleted one at a time', p.numRuns!, 'incremental = fresh analysis');
  }, timeout);
});

describe('fuzz: compare', () => {
  const labels = (l: string | string[] | null): string[] => (l === null ? [] : Array.isArray(l) ? l : [l]);
  const sorted = (xs: string[]) => [...xs].sort();
  function keepsEveryParagraph(a: string, b: string): void {
    const c = compare(a, b);
    expect(sorted(c.paragraphs.flatMap((p) => labels(p.old)))).toEqual(sorted(analyze(a).paragraphs.map((p) => p.label)));
    expect(sorted(c.paragraphs.flatMap((p) => labels(p.new)))).toEqual(sorted(analyze(b).paragraphs.map((p) => p.label)));
    for (const p of c.paragraphs) expect(p.old !== null || p.new !== null).toBe(true);
    // Each bracket of the old revision has one entry, and no more new ones are added than there are.
    const olds = analyze(a).brackets.length;
    expect(c.brackets.filter((x) => x.outcome !== 'added')).toHaveLength(olds);
    expect(c.brackets.filter((x) => x.outcome === 'added').length).toBeLessThanOrEqual(analyze(b).brackets.length);
    if (a === b) expect(c.brackets.every((x) => x.outcome === 'unchanged')).toBe(true);
    JSON.stringify(c);
  }

  it('keeps every paragraph of both sides exactly once: a draft and an edited copy', () => {
    const p = runs(200);
    fc.assert(
      fc.property(anyDraft, fc.array(anyEdit, { minLength: 1, maxLength: 6 }), (a, edits) => {
        let b = a;
        for (const e of edits) b = concrete(b, e).after;
        keepsEveryParagraph(a, b);
      }),
      p,
    );
    tried('input', 'compare: a random draft against a randomly edited copy', p.numRuns!, 'no throw; each paragraph of both sides once');
  }, timeout);

  it('keeps every paragraph of both sides exactly once: two unrelated drafts, and a draft against itself', () => {
    const p = runs(150);
    fc.assert(
      fc.property(anyDraft, anyDraft, (a, b) => {
        keepsEveryParagraph(a, b);
        keepsEveryParagraph(a, a);
      }),
      p,
    );
    tried('input', 'compare: two unrelated random drafts, and each against itself', p.numRuns!, 'no throw; each paragraph of both sides once');
  }, timeout);
});
