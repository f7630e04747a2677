// No lost text (issue 6): the bracket code actions, computed by the server's
// own codeActions() on random drafts, touch only what they name. For every
// bracket: accept keeps its inner text and changes nothing outside it; drop
// removes it and at most one space before it; choosing an alternative stays
// inside the group; rewriting an attribution keeps the proposers. For every
// paragraph: accept-all stays inside the paragraph (and the brackets that
// open in it), removes only bracket marks, attributions and the editorial
// notes on brackets, and leaves it
// without brackets. Choosing one of a paragraph's `Option 1:` lines keeps its
// text and changes nothing outside the options. Accepting every bracket of a
// draft leaves none.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { analyze, DraftDocument, type Analysis, type BracketInfo, type Range } from '../../server/src/core/index';
import { lineStarts } from '../../server/src/core/lines';
import { codeActions } from '../../server/src/lsp/codeActions';
import { acceptEdits } from '../../server/src/lsp/edits';
import { optionLines } from '../../server/src/lsp/options';
import { anyDraft, notationDraft } from '../support/arbitraries';
import { tried } from '../support/tried';
import { runs, timeout } from './config';
import { droppedCleanly } from '../support/dropped';
import { applyEdits } from './helpers';

const uri = 'file:///fuzz.draft.md';

function offsets(text: string) {
  const starts = lineStarts(text);
  return (r: Range): [number, number] => [starts[r.start.line] + r.start.character, starts[r.end.line] + r.end.character];
}

function actionsAt(doc: DraftDocument, a: Analysis, b: BracketInfo): CodeAction[] {
  return codeActions(uri, doc, a, { start: b.range.start, end: b.range.start }, []);
}

const editsOf = (action: CodeAction): TextEdit[] => action.edit!.changes![uri];

/** `text` with the part [from, to) of `before` replaced: what is outside it must be unchanged. */
function outsideUnchanged(before: string, after: string, from: number, to: number, what: string): string {
  const tail = before.length - to;
  expect(after.slice(0, from), `${what}: text before it changed`).toBe(before.slice(0, from));
  expect(after.slice(after.length - tail), `${what}: text after it changed`).toBe(before.slice(to));
  expect(after.length - tail >= from, `${what}: text around it lost`).toBe(true);
  return after.slice(from, after.length - tail);
}

/** The inner text, or what is left of it once an `ALT 1:` / `Option A:` marker (at most 20 characters) goes. */
function keepsInner(middle: string, inner: string): boolean {
  if (middle === inner) return true;
  if (!/^[\s*_]*(?:alt|option)/i.test(inner)) return false;
  return inner.endsWith(middle) && inner.length - middle.length <= 20;
}

/** An editorial note in braces right after a closed bracket with no braces attribution: accept and drop take it too. */
function noteLength(text: string, b: BracketInfo, e: number): number {
  if (!b.closed || b.form === 'braces') return 0;
  return /^\{[^{}\r\n]*\}/.exec(text.slice(e))?.[0].length ?? 0;
}

const OPTION_MARKER = /^[\s*_]*(?:ALT(?:ERNATIVE)?|Option)[ \t]*(?:\d{1,2}|[A-Z]|[IVX]{1,4}|\((?:\d{1,2}|[A-Z]|[IVX]{1,4})\))[*_]*[ \t]*[.:)][*_]*[ \t]*/i;

/** Mostly drafts in the notation, some raw text. */
const someDraft = fc.oneof({ weight: 3, arbitrary: notationDraft }, { weight: 1, arbitrary: anyDraft });

/** fast-check over `n` random drafts, each given with its analysis, an open document and an offset mapper. */
function onRandomDrafts(n: number, check: (text: string, a: Analysis, doc: DraftDocument, off: ReturnType<typeof offsets>) => void): void {
  fc.assert(fc.property(someDraft, (text) => check(text, analyze(text), new DraftDocument(text), offsets(text))), runs(n));
}

const counts = { accept: 0, unclosed: 0, drop: 0, choose: 0, rewrite: 0, acceptAll: 0, drafts: 0, acceptEverything: 0, chooseOption: 0 };

describe('fuzz: code actions lose no text', () => {
  it('accept, drop, choose and rewrite each change only the bracket they name', () => {
    onRandomDrafts(150, (text, a, doc, off) => {
      for (const b of a.brackets) {
        const actions = actionsAt(doc, a, b);
        const [s, e] = off(b.range);
        const [ts, te] = off(b.textRange);
        const inner = text.slice(ts, te);
        const accept = actions.find((x) => x.title.startsWith('Accept bracket'));
        if (b.group) {
          // accepting one alternative is choosing it: the choices below
          expect(accept, `${b.id}: an accept action on an alternative`).toBeUndefined();
        } else if (b.closed) {
          expect(accept, `${b.id}: no accept action at its start`).toBeDefined();
          const middle = outsideUnchanged(text, applyEdits(text, editsOf(accept!)), s, e + noteLength(text, b, e), `accept ${b.id}`);
          // (One white space character written inside the marks may stay, where the marks going would run two words together.)
          const kept = keepsInner(middle, inner) || keepsInner(middle.replace(/^[ \t\u00a0]/, '').replace(/[ \t\u00a0]$/, ''), inner);
          expect(kept, `accept ${b.id}: ${JSON.stringify(middle)} is not its text ${JSON.stringify(inner)}`).toBe(true);
          counts.accept++;
        } else {
          expect(accept).toBeUndefined();
          const [os, oe] = off(b.openRange);
          expect(applyEdits(text, acceptEdits(b))).toBe(text.slice(0, os) + text.slice(oe));
          counts.unclosed++;
        }
        const drop = actions.find((x) => x.title.startsWith('Drop bracket'));
        if (!b.closed) {
          // Not dropped on a guess of where it ends: its mark alone goes.
          expect(drop, `${b.id}: a drop action on an unclosed bracket`).toBeUndefined();
          const remove = actions.find((x) => x.title === 'Remove the unmatched “[”');
          const [os, oe] = off(b.openRange);
          expect(applyEdits(text, editsOf(remove!)), `${b.id}: remove its mark`).toBe(text.slice(0, os) + text.slice(oe));
        } else {
          expect(drop, `${b.id}: no drop action`).toBeDefined();
          const dropped = applyEdits(text, editsOf(drop!));
          expect(droppedCleanly(text, dropped, s, e), `drop ${b.id}: more than the bracket went`).toBe(true);
          counts.drop++;
        }
        if (b.group) {
          const members = a.brackets.filter((x) => x.group === b.group);
          const gs = Math.min(...members.map((m) => off(m.range)[0]));
          const ge = Math.max(...members.map((m) => off(m.range)[1]));
          const chooses = actions.filter((x) => x.title.startsWith('Choose alternative'));
          expect(chooses.length).toBe(members.length);
          chooses.forEach((c, i) => {
            const m = members[i];
            const after = applyEdits(text, editsOf(c));
            const from = gs > 0 && text[gs - 1] === ' ' ? gs - 1 : gs;
            const middle = outsideUnchanged(text, after, from, ge, `choose ${m.id}`);
            const [ms, me] = off(m.textRange);
            const mInner = text.slice(ms, me);
            const kept = [...Array(Math.min(21, mInner.length + 1)).keys()].some((k) => (k === 0 || /^[\s*_]*(?:alt|option)/i.test(mInner)) && middle.includes(mInner.slice(k)));
            expect(kept, `choose ${m.id}: its text ${JSON.stringify(mInner)} is not kept in ${JSON.stringify(middle)}`).toBe(true);
            counts.choose++;
          });
        }
        const rewrite = actions.find((x) => x.title.startsWith('Rewrite attribution'));
        if (rewrite) {
          const after = applyEdits(text, editsOf(rewrite));
          // the braces go right after the `]`: still inside the bracket's range once it grows by them
          expect(after.slice(0, s)).toBe(text.slice(0, s));
          expect(after.endsWith(text.slice(e))).toBe(true);
          const again = analyze(after).brackets.find((x) => offsets(after)(x.range)[0] === s);
          expect(again?.form).toBe('braces');
          expect(again?.proposers).toEqual(b.proposers);
          expect(again?.action).toBe(b.action);
          counts.rewrite++;
        }
      }
      counts.drafts++;
    });
    tried('code action', `at every bracket of ${counts.drafts} random drafts: accept ${counts.accept}, accept unclosed ${counts.unclosed}, drop ${counts.drop}, choose alternative ${counts.choose}, rewrite attribution ${counts.rewrite}`, counts.accept + counts.unclosed + counts.drop + counts.choose + counts.rewrite, 'text outside the bracket (group) unchanged; accept keeps the inner text, drop removes it; rewrite keeps proposers');
  }, timeout);

  it('drop takes a bracket that fills its lines with those lines, CR-only line ends too (a case random seeds found)', () => {
    const text = '[12 bis. States]\r\r1. [ALT 1: States][ALT 2: States]\n';
    const a = analyze(text);
    const doc = new DraftDocument(text);
    const b = a.brackets[0]!;
    const [s, e] = offsets(text)(b.range);
    const dropped = applyEdits(text, editsOf(actionsAt(doc, a, b).find((x) => x.title.startsWith('Drop bracket'))!));
    expect(dropped).toBe('1. [ALT 1: States][ALT 2: States]\n');
    expect(droppedCleanly(text, dropped, s, e)).toBe(true);
  });

  it('accept all of a paragraph removes only bracket marks and attributions, inside the paragraph, and leaves it without brackets', () => {
    onRandomDrafts(600, (text, a, doc, off) => {
      a.paragraphs.forEach((para, pi) => {
        const own = a.brackets.filter((b) => b.paragraphIndex === pi);
        if (!own.length) return;
        const actions = actionsAt(doc, a, own[0]);
        const all = actions.find((x) => x.title.startsWith('Accept all brackets of paragraph'));
        if (own.some((b) => b.group)) {
          // not while alternatives compete: accepting them all would run them together
          expect(all, `paragraph ${para.label}: accept-all offered over alternatives`).toBeUndefined();
          return;
        }
        expect(all, `paragraph ${para.label}: no accept-all at its first bracket`).toBeDefined();
        expect(all!.title).toBe(`Accept all brackets of paragraph ${para.label}`);
        const after = applyEdits(text, editsOf(all!));
        // confined to the paragraph, and the brackets opening in it (one may span later paragraphs)
        const [ps, pe0] = off(para.range);
        const pe = Math.max(pe0, ...own.map((b) => off(b.range)[1] + noteLength(text, b, off(b.range)[1])));
        outsideUnchanged(text, after, ps, pe, `accept all of ${para.label}`);
        // exactly the marks, attributions and ALT/Option markers go; every other character stays
        const gone = new Uint8Array(text.length);
        const mark = ([x, y]: [number, number]) => gone.fill(1, x, y);
        for (const b of own) {
          if (!b.closed) mark(off(b.openRange));
          else {
            // an `ALT 1:` / `Option A:` marker goes with the marks (FORMAT.md §5)
            const m = OPTION_MARKER.exec(b.text);
            mark([off(b.range)[0], off(b.textRange)[0] + (m && !m[0].includes('\n') && m[0].length < b.text.length ? m[0].length : 0)]);
            mark([off(b.textRange)[1], off(b.range)[1] + noteLength(text, b, off(b.range)[1])]);
          }
        }
        // Every character kept but the marks; where a run of them goes, one white space character
        // written inside it may stay (`[Decides ]that` → `Decides that`, as accepting one bracket).
        const kept: string[] = [''];
        for (let k = 0; k < text.length; k++) {
          if (!gone[k]) kept[kept.length - 1] += text[k];
          else if (k === 0 || !gone[k - 1]) kept.push('');
        }
        const escape = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const shape = new RegExp(`^${kept.map(escape).join('[ \\t\\u00a0]?')}$`);
        expect(shape.test(after), `accept all of ${para.label}: not just its marks and attributions removed: ${JSON.stringify(after)}`).toBe(true);
        const again = analyze(after);
        // (unless the text, without its brackets, reads differently: `3.3 [src] States` is a label after `free: {x}`, `3.3 src States` a
        // wrapped number; with a link defined, `[[src] – EU][src][]` accepted is `[src][src][]`, a reference link and a `[]` —
        // found by npm run fuzz, seed 1022812885)
        const linkDefined = /^ {0,3}\[[^\]\r\n]+\]:/m.test(text);
        if (!linkDefined && again.paragraphs.map((q) => q.label).join('|') === a.paragraphs.map((q) => q.label).join('|')) {
          expect(again.brackets.filter((b) => b.paragraphIndex === pi).map((b) => b.text), `paragraph ${para.label} still has brackets`).toEqual([]);
        }
        counts.acceptAll++;
      });
    });
    tried('code action', 'accept all brackets of each paragraph of random drafts', counts.acceptAll, 'only marks and attributions removed, inside the paragraph; no bracket left in it');
  }, timeout);

  it("choosing one of a paragraph's option lines keeps its text and nothing outside the options changes", () => {
    onRandomDrafts(200, (text, a, doc, off) => {
      for (const para of a.paragraphs) {
        const options = optionLines(doc, para);
        if (!options.length) continue;
        const actions = codeActions(uri, doc, a, { start: options[options.length - 1].start, end: options[options.length - 1].start }, []);
        const chooses = actions.filter((x) => x.title.startsWith('Choose option'));
        expect(chooses.length, `paragraph ${para.label}`).toBe(options.length);
        const [gs] = off({ start: options[0].start, end: options[0].start });
        const [, ge] = off({ start: options[options.length - 1].end, end: options[options.length - 1].end });
        chooses.forEach((c, k) => {
          const middle = outsideUnchanged(text, applyEdits(text, editsOf(c)), gs, ge, `choose option ${k + 1} of ${para.label}`);
          const [ts, te] = off({ start: options[k].textStart, end: options[k].end });
          expect(middle, `choose option ${k + 1} of ${para.label}`).toBe(text.slice(ts, te));
          counts.chooseOption++;
        });
      }
    });
    tried('code action', "choose each option line of random drafts' paragraphs", counts.chooseOption, 'the chosen option’s text kept, its marker and the other options gone, nothing outside them changed');
  }, timeout);

  it('accepting every bracket of a draft, one after another, leaves no bracket and loses no text', () => {
    const p = runs(100);
    fc.assert(
      fc.property(someDraft, (text) => {
        let t = text;
        let a = analyze(t);
        const limit = 2 * a.brackets.length + 2;
        for (let k = 0; k < limit && a.brackets.length; k++) {
          t = applyEdits(t, acceptEdits(a.brackets[0]));
          a = analyze(t);
        }
        expect(a.brackets.map((b) => b.text)).toEqual([]);
        // a subsequence of the original: characters only removed
        let j = 0;
        for (let k = 0; k < text.length && j < t.length; k++) if (text[k] === t[j]) j++;
        expect(j).toBe(t.length);
        counts.acceptEverything++;
      }),
      p,
    );
    tried('code action', 'accept every bracket of random drafts, one after another', counts.acceptEverything, 'no bracket left; characters only removed');
  }, timeout);
});
