import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AgreedIndex, type AgreedDocument, type AgreedParagraph, type Reuse } from '../server/src/core/agreed/index';
import { foldText, stripPageNoise, words, tokenize } from '../server/src/core/agreed/fold';
import { parseAgreedSymbol } from '../server/src/core/agreed/agreedFile';
import { formatWordDiff } from '../server/src/core/agreedChecker';

const CORPUS = join(__dirname, '../../shared/corpus');
const AGREED = join(CORPUS, 'agreed');
const CORE = join(__dirname, '..', 'dist', 'core.js');
const read = (name: string) => readFileSync(join(AGREED, name), 'utf8');

/** Test-only splitter: a line starting "12." or "1.3." opens a paragraph; before the first, blank-line blocks. */
function splitParagraphs(text: string): AgreedParagraph[] {
  const lines = text.split(/\r?\n/).slice(1); // provenance line
  const out: AgreedParagraph[] = [];
  let cur: AgreedParagraph | undefined;
  let buf: string[] = [];
  const flush = () => {
    if (buf.join('').trim()) out.push({ label: `¶${out.length + 1}`, text: buf.join('\n') });
    buf = [];
  };
  for (const line of lines) {
    const m = /^\s*(\d+(?:\.\d+)*)\.(?:\s|$)/.exec(line);
    if (m) {
      if (!cur) flush();
      cur = { label: m[1]!, text: line.slice(m[0].length) };
      out.push(cur);
    } else if (cur) cur.text += `\n${line}`;
    else if (!line.trim()) flush();
    else buf.push(line);
  }
  flush();
  return out;
}

function corpusDoc(file: string): AgreedDocument {
  const text = read(file);
  return { symbol: parseAgreedSymbol(file, text) ?? file, paragraphs: splitParagraphs(text) };
}

const para = (doc: AgreedDocument, label: string) => doc.paragraphs.find((p) => p.label === label)!.text;

const message = (r: Reuse) => `follows ${r.symbol}, para. ${r.label}, with ${r.changes} change${r.changes === 1 ? '' : 's'}`;

describe('foldText / words', () => {
  it('unifies curly and straight quotes and apostrophes', () => {
    expect(foldText('the “Group’s” mandate')).toBe(`the "group's" mandate`);
    expect(foldText("the \"Group's\" mandate")).toBe(`the "group's" mandate`);
  });

  it('folds white space, line breaks and non-breaking spaces', () => {
    expect(foldText('  States\u00a0 should\n\tnot\r\n  ')).toBe('states should not');
  });

  it('joins hyphenation at line ends', () => {
    expect(foldText('the current Open-\nended Working Group')).toBe('the current open-ended working group');
    expect(foldText('the Secretary-\r\n  General')).toBe('the secretary-general');
    expect(foldText('pre- and post-2020')).toBe('pre- and post-2020'); // a suspended hyphen stays
    expect(foldText('infor\u00ad\nmation')).toBe('information');
    expect(words('infor\u00ad\nmation')).toEqual(['information']);
  });

  it('drops Markdown emphasis', () => {
    expect(foldText('States *should* not __knowingly__ allow')).toBe('states should not knowingly allow');
  });

  it('tokenizes into folded words with offsets', () => {
    const s = '“States’ rights,” Open-\nended; para. 1.3. A/RES/73/27 non‑State';
    expect(words(s)).toEqual(['states', 'rights', 'open-ended', 'para', '1.3', 'a/res/73/27', 'non-state']);
    const t = tokenize(s)[2]!;
    expect(s.slice(t.start, t.end)).toBe('Open-\nended');
  });
});

describe('stripPageNoise on real corpus paragraphs', () => {
  it('removes a page break (footnotes, running header, job number, page mark) inside A/RES/73/27, para. 1.5', () => {
    const raw = para(corpusDoc('A-RES-73-27.txt'), '1.5');
    expect(raw).toContain('18-21207'); // the extraction really has the noise
    const clean = foldText(stripPageNoise(raw, { symbol: 'A/RES/73/27' }));
    expect(clean).toContain('on the internet, as well as general assembly resolutions 68/167 of 18 december 2013');
    for (const noise of ['18-21207', '4/5', 'ibid', 'official records', 'a/res/73/27', 'in the context of international security', '__'])
      expect(clean).not.toContain(noise);
  });

  it('works without hints too (header block recognised by its markers)', () => {
    const clean = foldText(stripPageNoise(para(corpusDoc('A-RES-73-27.txt'), '1.5')));
    expect(clean).toContain('as well as general assembly resolutions 68/167');
    expect(clean).not.toContain('18-21207');
  });

  it('joins a split word across a page break in A/RES/75/240, para. 2', () => {
    const clean = foldText(stripPageNoise(para(corpusDoc('A-RES-75-240.txt'), '2')));
    expect(clean).toContain(
      'the current open-ended working group on developments in the field of information and telecommunications in the context of international security, the general assembly',
    );
  });

  it('removes flattened footnotes and a form-feed running header (A/RES/80/107, para. 10)', () => {
    const raw = para(corpusDoc('A-RES-80-107.txt'), '10');
    expect(raw).toContain('\f');
    const clean = foldText(stripPageNoise(raw, {
      symbol: 'A/RES/80/107',
      title: 'Agreement under the United Nations Convention on the Law of the Sea on the Conservation and Sustainable Use of Marine Biological Diversity of Areas beyond National Jurisdiction',
    }));
    expect(clean).toContain('the division for ocean affairs and the law of the sea of the office of legal affairs');
    expect(clean).not.toContain('a/res/80/107');
    expect(clean).not.toContain('see resolutions 69/292');
  });

  it('removes "/... Page n" markers and glued footnote numbers', () => {
    expect(stripPageNoise('the Convention. /... Page 3 Taking note')).toBe('the Convention. Taking note');
    expect(stripPageNoise('in its 2015 report,2 identified the Law of the Sea1 on')).toBe('in its 2015 report, identified the Law of the Sea on');
    // A note after a year is told apart only after its month: 20124 is 2012 and note 4.
    expect(stripPageNoise('resolutions 20/8 of 5 July 20124 and 26/13 of 26 June 20145 on the')).toBe('resolutions 20/8 of 5 July 2012 and 26/13 of 26 June 2014 on the');
    expect(stripPageNoise('some 20124 tonnes in 2015, and CO2')).toBe('some 20124 tonnes in 2015, and CO2');
  });

  it('never throws on odd input', () => {
    expect(stripPageNoise('')).toBe('');
    expect(foldText(undefined as unknown as string)).toBe('');
    expect(words(null as unknown as string)).toEqual([]);
  });
});

describe('parseAgreedSymbol', () => {
  it('reads the symbol from the header, skipping the provenance line', () => {
    expect(parseAgreedSymbol('x.txt', read('A-RES-73-27.txt'))).toBe('A/RES/73/27');
    expect(parseAgreedSymbol('x.txt', read('A-RES-77-321.txt'))).toBe('A/RES/77/321');
    expect(parseAgreedSymbol('x.txt', read('FCCC-CP-2015-10-Add.1-decision-1-CP.21-Paris-Agreement.txt'))).toBe('FCCC/CP/2015/10/Add.1');
  });

  it('ignores symbols cited in running text', () => {
    expect(parseAgreedSymbol('notes.txt', 'Provenance: A/RES/1/1\nThe Assembly, recalling A/CONF.62/122 and A/48/950,')).toBeUndefined();
  });

  it('falls back to the file name', () => {
    expect(parseAgreedSymbol('A-RES-75-240.txt', 'no header here')).toBe('A/RES/75/240');
    expect(parseAgreedSymbol('texts/BBNJ-Agreement-A-CONF.232-2023-4-en.txt', read('BBNJ-Agreement-A-CONF.232-2023-4-en.txt'))).toBe('A/CONF.232/2023/4');
    expect(parseAgreedSymbol('A-RES-79-1-Pact-for-the-Future-PARTIAL.txt', '')).toBe('A/RES/79/1');
    expect(parseAgreedSymbol('FCCC-CP-2015-10-Add.1-decision.txt', '')).toBe('FCCC/CP/2015/10/Add.1');
    expect(parseAgreedSymbol('UN-Fish-Stocks-Agreement-1995.txt', '')).toBeUndefined();
  });

  it('takes a symbol the provenance line names in parentheses, when it names one', () => {
    expect(parseAgreedSymbol('UN-Fish-Stocks-Agreement-1995.txt', read('UN-Fish-Stocks-Agreement-1995.txt'))).toBe('A/CONF.164/37');
    expect(parseAgreedSymbol('Agreement-Part-XI-UNCLOS-1994.txt', read('Agreement-Part-XI-UNCLOS-1994.txt'))).toBe('A/RES/48/263');
    expect(parseAgreedSymbol('x.txt', 'Provenance: somewhere (the texts A/RES/1/1 and (A/RES/1/2) and (A/RES/1/3))\nText')).toBeUndefined();
  });
});

const OEWG: AgreedDocument = {
  symbol: 'A/76/135',
  title: 'Report of the Group of Governmental Experts',
  paragraphs: [
    { label: '6', text: 'Malicious ICT activity is growing in\nscope, scale, severity and sophistication. States should not conduct or knowingly support ICT activity contrary to their obligations under international law.' },
    { label: '7', text: 'States should cooperate with the private sector and civil society to improve the security of and in the use of ICTs, including supply chain security.' },
    { label: '71', text: 'The Group recommends that States:\n(a) Cooperate to exchange information;\n(d) Consider the “human-centric” approach.' },
    { label: '72', text: 'The Group concludes its work.' },
  ],
};

describe('AgreedIndex: documents and pinpoints', () => {
  const idx = new AgreedIndex();
  idx.add(OEWG);

  it('knows documents whatever the case or spacing of the symbol', () => {
    expect(idx.has('A/76/135')).toBe(true);
    expect(idx.has('a/76/135 ')).toBe(true);
    expect(idx.has('A/76/136')).toBe(false);
    expect(idx.document('A/76/135')?.title).toBe('Report of the Group of Governmental Experts');
  });

  it('resolves pinpoints, sub-paragraphs and ranges', () => {
    expect(idx.hasParagraph('A/76/135', '6')).toBe(true);
    expect(idx.hasParagraph('A/76/135', '71 (d)')).toBe(true);
    expect(idx.hasParagraph('A/76/135', '71–72')).toBe(true);
    expect(idx.hasParagraph('A/76/135', '71-73')).toBe(false);
    expect(idx.hasParagraph('A/76/135', '8')).toBe(false);
    expect(idx.hasParagraph('A/99/1', '6')).toBe(false);
    expect(idx.paragraph('A/76/135', '71 (d)')?.label).toBe('71');
    expect(idx.paragraph('A/76/135', '71–72')?.text).toContain('The Group concludes its work.');
  });

  it('knows which sub-paragraphs a paragraph has, where they are marked', () => {
    const doc = new AgreedIndex();
    doc.add({ symbol: 'A/RES/99/1', paragraphs: [
      { label: '5', text: 'Calls upon States:\n\n(a) To cooperate closely;\n\n(b) To exchange information, including:\n(i) on threats;\n(ii) on incidents;' },
      { label: '6', text: 'Decides to remain seized of the matter, in particular (a) and (b) above as extracted on one line.' },
      { label: '7', text: 'Decides to remain seized of the matter.' },
    ] });
    expect(doc.hasParagraph('A/RES/99/1', '5 (b)')).toBe(true);
    expect(doc.hasParagraph('A/RES/99/1', '5 (b) (ii)')).toBe(true);
    expect(doc.hasParagraph('A/RES/99/1', '5 (c)')).toBe(false);
    expect(doc.hasParagraph('A/RES/99/1', '5 (b) (iii)')).toBe(false);
    expect(doc.hasParagraph('A/RES/99/1', '6 (b)')).toBe(true);
    // No sub-paragraph marked at all: the extraction may have lost them.
    expect(doc.hasParagraph('A/RES/99/1', '7 (c)')).toBe(true);
    // A quotation is looked for in the sub-paragraph cited.
    expect(doc.checkQuote('A/RES/99/1', '5 (a)', 'To cooperate closely').ok).toBe(true);
    expect(doc.checkQuote('A/RES/99/1', '5 (b)', 'To exchange information').ok).toBe(true);
    expect(doc.checkQuote('A/RES/99/1', '5 (b)', 'on incidents').ok).toBe(true);
    expect(doc.checkQuote('A/RES/99/1', '5', 'To cooperate closely').ok).toBe(true);
    const wrong = doc.checkQuote('A/RES/99/1', '5 (b)', 'To cooperate closely');
    expect(wrong.ok).toBe(false);
    expect(wrong.nearestLabel).toBe('5 (a)');
  });
});

describe('AgreedIndex.checkQuote', () => {
  const idx = new AgreedIndex();
  idx.add(OEWG);

  it('finds a quotation after folding quotes, case and line breaks', () => {
    expect(idx.checkQuote('A/76/135', '6', 'scope, scale, severity and sophistication').ok).toBe(true);
    expect(idx.checkQuote('A/76/135', '71 (d)', 'the "Human-centric" approach').ok).toBe(true);
    expect(idx.checkQuote('A/76/135', null, 'improve the security of and in the use of ICTs').ok).toBe(true);
    expect(idx.checkQuote('A/76/135', '6', 'is growing in … sophistication').ok).toBe(true);
  });

  it("reads a hyphen at a line end either way: kept (Human-⏎centric) or the typesetter's (sophisti-⏎cation)", () => {
    expect(idx.checkQuote('A/76/135', '71 (d)', 'the "Human-\ncentric" approach').ok).toBe(true);
    expect(idx.checkQuote('A/76/135', '6', 'scope, scale, severity and sophisti-\r\n  cation').ok).toBe(true);
    expect(idx.checkQuote('A/76/135', '6', 'scope, scale, sever-\nity and sophistication').ok).toBe(true);
    // but a hyphen inside a line is a word's own: not the agreed wording
    expect(idx.checkQuote('A/76/135', '6', 'scope, scale, sever-ity and sophistication').ok).toBe(false);
  });

  it('reports a changed word with the nearest wording and a word diff', () => {
    const v = idx.checkQuote('A/76/135', '6', 'States shall not conduct or knowingly support ICT activity');
    expect(v.ok).toBe(false);
    expect(v.nearestLabel).toBe('6');
    expect(v.nearest).toBe('States should not conduct or knowingly support ICT activity');
    expect(v.diff).toEqual([
      { op: 'equal', text: 'States ' },
      { op: 'delete', text: 'should ' },
      { op: 'insert', text: 'shall ' },
      { op: 'equal', text: 'not conduct or knowingly support ICT activity' },
    ]);
  });

  it('reports a dropped word', () => {
    const v = idx.checkQuote('A/76/135', '6', 'scope, scale and sophistication');
    expect(v.ok).toBe(false);
    expect(v.nearest).toBe('scope, scale, severity and sophistication');
    expect(v.diff?.filter((p) => p.op !== 'equal')).toEqual([{ op: 'delete', text: 'severity ' }]);
  });

  it('points to the right paragraph when the quotation is elsewhere in the document', () => {
    const v = idx.checkQuote('A/76/135', '6', 'including supply chain security');
    expect(v.ok).toBe(false);
    expect(v.nearestLabel).toBe('7');
  });

  it('takes a pinpoint to any paragraph so labelled where a treaty numbers them afresh in each article (real Paris Agreement)', () => {
    const all = new AgreedIndex();
    all.add(corpusDoc('FCCC-CP-2015-10-Add.1-decision-1-CP.21-Paris-Agreement.txt'));
    // para. 7 of the decision comes first; Article 16, para. 7, of the Agreement holds the words
    expect(all.checkQuote('FCCC/CP/2015/10/Add.1', '7', 'within six months of the request being communicated to the Parties by the secretariat').ok).toBe(true);
    const v = all.checkQuote('FCCC/CP/2015/10/Add.1', '7', 'within three months of the request being communicated to the Parties by the secretariat');
    expect(v.ok).toBe(false);
    expect(formatWordDiff(v.diff!)).toBe('within [-six-] {+three+} months of the request being communicated to the Parties by the secretariat');
    // In a message, unchanged words far from a change are left out.
    expect(formatWordDiff(v.diff!, 3)).toBe('within [-six-] {+three+} months of the …');
    expect(formatWordDiff([{ op: 'equal', text: 'one two three four five six seven ' }, { op: 'delete', text: 'eight' }, { op: 'insert', text: 'EIGHT' }, { op: 'equal', text: ' nine ten' }], 2)).toBe('… six seven [-eight-] {+EIGHT+} nine ten');
  });

  it('has nothing to say about unknown documents', () => {
    expect(idx.checkQuote('A/99/1', '6', 'anything').ok).toBe(true);
  });

  it('checks a quotation across a page break in the real A/RES/73/27, para. 1.5', () => {
    const real = new AgreedIndex();
    real.add(corpusDoc('A-RES-73-27.txt'));
    const q = 'promotion, protection and enjoyment of human rights on the Internet, as well as General Assembly resolutions 68/167 of 18 December 2013';
    expect(real.checkQuote('A/RES/73/27', '1.5', q).ok).toBe(true);
    expect(real.checkQuote('A/RES/73/27', '5', 'an Open-ended working group acting on a consensus basis').ok).toBe(true);
    const v = real.checkQuote('A/RES/73/27', '1.3', 'States must not use proxies to commit wrongful acts using ICTs');
    expect(v.ok).toBe(false);
    expect(v.nearest).toBe('States must not use proxies to commit internationally wrongful acts using ICTs');
  });
});

describe.runIf(existsSync(CORE))('AgreedIndex: agreed files read again', () => {
  it('re-indexing the corpus three times (as a folder listed twice does) finishes, and the index still finds what it found', () => {
    // In a child process with a time limit: the bug this guards against was add() never returning
    // (past half its paragraphs dead the index rebuilt itself, and that left its hash table full).
    const script = `
      const { AgreedChecker } = require(${JSON.stringify(CORE)});
      const fs = require('fs'), path = require('path');
      const files = fs.readdirSync(${JSON.stringify(AGREED)}).map((f) => path.join(${JSON.stringify(AGREED)}, f));
      const draft = '1. States should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.\\n';
      const { analyze } = require(${JSON.stringify(CORE)});
      const found = (c) => analyze(draft, { checker: c }).diagnostics.map((d) => d.message);
      const once = new AgreedChecker(), again = new AgreedChecker();
      for (const f of files) once.addText(f, fs.readFileSync(f, 'utf8'));
      for (let k = 0; k < 3; k++) for (const f of files) again.addText(f, fs.readFileSync(f, 'utf8'));
      console.log(JSON.stringify({ once: found(once), again: found(again) }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal, 'did not finish within 30 s').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const { once, again } = JSON.parse(r.stdout) as { once: string[]; again: string[] };
    expect(once.length).toBeGreaterThan(0);
    expect(again).toEqual(once);
  }, 40_000);
});

describe('AgreedIndex.findReuse', () => {
  const idx = new AgreedIndex();
  idx.add(OEWG);
  const copied = 'States should cooperate with the private sector and civil society to improve the security of and in the use of ICTs';

  it('finds a verbatim run of 12+ words and gives its offsets in the draft', () => {
    const draft = `Recalling its earlier work, ${copied}, as agreed.`;
    const r = idx.findReuse(draft);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ symbol: 'A/76/135', label: '7', changes: 0 });
    expect(draft.slice(r[0]!.start, r[0]!.end)).toBe(copied);
    expect(r[0]!.diff).toEqual([{ op: 'equal', text: copied }]);
  });

  it('finds a run with a changed word and one with a dropped word, counting the changes', () => {
    const changed = idx.findReuse(copied.replace('should', 'shall'));
    expect(changed.map(message)).toEqual(['follows A/76/135, para. 7, with 1 change']);
    expect(changed[0]!.diff.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'should ' },
      { op: 'insert', text: 'shall ' },
    ]);
    const dropped = idx.findReuse(copied.replace('civil society', 'society').replace('should', 'must'));
    expect(dropped.map(message)).toEqual(['follows A/76/135, para. 7, with 2 changes']);
  });

  it('keeps opening marks with the word after and closing ones with the word before', () => {
    const r = idx.findReuse(`*States should* cooperate with the private sector and civil society: (a) to improve the security of and in the use of ICTs`);
    expect(r).toHaveLength(1);
    expect(formatWordDiff(r[0]!.diff)).toBe('*States should* cooperate with the private sector and civil society: {+(a)+} to improve the security of and in the use of ICTs');
  });

  it('ignores short runs and cited documents', () => {
    expect(idx.findReuse('They said: States should cooperate with the private sector and civil society, then left.')).toEqual([]);
    expect(idx.findReuse(copied, new Set(['A/76/135']))).toEqual([]);
    expect(idx.findReuse(copied, new Set(['a/76/135']))).toEqual([]);
    expect(idx.findReuse(copied, new Set(['A/76/136']))).toHaveLength(1);
    expect(idx.findReuse('')).toEqual([]);
  });

  it('finds the A/RES/73/27 norm 1.3 with "shall" for "should" in the real corpus', () => {
    const all = new AgreedIndex();
    for (const f of readdirSync(AGREED)) all.add(corpusDoc(f));
    const norm = para(corpusDoc('A-RES-73-27.txt'), '1.3').replace(/\s+/g, ' ').trim();
    const draft = `12. The Group recalled that ${norm.replace('should', 'shall')}`;
    const r = all.findReuse(draft);
    expect(r.map(message)).toEqual(['follows A/RES/73/27, para. 1.3, with 1 change']);
    expect(draft.slice(r[0]!.start, r[0]!.end)).toBe(norm.replace('should', 'shall').replace(/\.$/, ''));
    // a shorter borrowed sentence, one word dropped
    const r2 = all.findReuse('States should take reasonable steps to ensure the integrity of the supply chain so that users can have confidence.');
    expect(r2.map(message)).toEqual(['follows A/RES/73/27, para. 1.9, with 1 change']);
    expect(all.findReuse(draft, new Set(['A/RES/73/27']))).toEqual([]);
  });
});

describe('AgreedIndex: reports worth reading', () => {
  const BBNJ_NAME = 'the Agreement under the United Nations Convention on the Law of the Sea on the Conservation and Sustainable Use of Marine Biological Diversity of Areas beyond National Jurisdiction';

  it('does not report the mere name of an instrument as reused language', () => {
    const idx = new AgreedIndex();
    idx.add({ symbol: 'A/RES/77/321', paragraphs: [{ label: '1', text: `Welcomes the adoption of ${BBNJ_NAME};` }] });
    expect(idx.findReuse(`The Commission discussed the entry into force of ${BBNJ_NAME}.`)).toEqual([]);
  });

  it('is no reuse of another text where a cited one holds the run with as few changes or fewer', () => {
    const idx = new AgreedIndex();
    idx.add({ symbol: 'A/RES/73/27', paragraphs: [{ label: '6', text: 'Decides that the group shall hold its organizational session in June 2019 in order to agree on the organizational arrangements connected with the group;' }] });
    idx.add({ symbol: 'A/RES/75/240', paragraphs: [{ label: '3', text: 'Decides that the group shall start its activities upon the conclusion of the work of the current group and shall hold its organizational session in 2021 in order to agree on the organizational arrangements connected with the group;' }] });
    const draft = 'the group "shall start its activities upon the conclusion of the work of the current group and shall hold its organizational session in 2021 in order to agree on the organizational arrangements connected with the group".';
    expect(idx.findReuse(draft, new Set(['A/RES/75/240']))).toEqual([]);
    // citing the text that holds the run with more changes than another: the other is reported
    expect(idx.findReuse('Recalling its resolution 73/27, the group shall hold its organizational session in 2021 in order to agree on the organizational arrangements connected with the group.', new Set(['A/RES/73/27'])).map(message))
      .toEqual(['follows A/RES/75/240, para. 3, with 0 changes']);
  });

  it('is no reuse where what the cited text leaves of a run is too short to be one (real corpus)', () => {
    const all = new AgreedIndex();
    for (const f of readdirSync(AGREED)) all.add(corpusDoc(f));
    // the shared fixture oewg-progress-report, para. 1: the OEWG's name is 75/240's, and the words
    // left (`established pursuant to General Assembly`) do not make it A/RES/73/266, para. 3
    const draft = 'The open-ended working group on security of and in the use of information and communications technologies, established pursuant to General Assembly resolution 75/240, held its substantive sessions in New York.';
    expect(all.findReuse(draft).map((r) => r.symbol)).toContain('A/RES/73/266');
    expect(all.findReuse(draft, new Set(['A/RES/75/240']))).toEqual([]);
  });

  it('leaves out of the diff a quote mark at either end of a run whose other half is not in it', () => {
    const idx = new AgreedIndex();
    idx.add({ symbol: 'A/RES/73/27', paragraphs: [{ label: '6', text: 'Decides that the group shall hold its organizational session in June 2019 in order to agree on the organizational arrangements connected with the group;' }] });
    const tail = 'shall hold its organizational session in 2021 in order to agree on the organizational arrangements connected with the group';
    const bare = 'the group shall hold its organizational session in [-June 2019-] {+2021+} in order to agree on the organizational arrangements connected with the group';
    expect(formatWordDiff(idx.findReuse(`It was agreed by all "the group ${tail} and the others", and so on.`)[0]!.diff)).toBe(bare);
    expect(formatWordDiff(idx.findReuse(`He said the group ${tail}" (end of quotation).`)[0]!.diff)).toBe(bare);
    expect(formatWordDiff(idx.findReuse(`He said “the group ${tail} and the others”.`)[0]!.diff)).toBe(bare);
    expect(formatWordDiff(idx.findReuse(`It was agreed: "${tail}".`)[0]!.diff))
      .toBe('"shall hold its organizational session in [-June 2019-] {+2021+} in order to agree on the organizational arrangements connected with the group"');
    expect(formatWordDiff(idx.findReuse(`It was agreed: “${tail}”.`)[0]!.diff))
      .toBe('“shall hold its organizational session in [-June 2019-] {+2021+} in order to agree on the organizational arrangements connected with the group”');
  });

  it('names one source for wording agreed several times, listing the others', () => {
    const idx = new AgreedIndex();
    const text = 'Calls upon all States that have not done so to consider signing and ratifying the instrument at the earliest possible date;';
    idx.add({ symbol: 'A/RES/78/1', date: '2023-12-01', paragraphs: [{ label: '5', text }] });
    idx.add({ symbol: 'A/RES/79/1', date: '2024-12-01', paragraphs: [{ label: '7', text }] });
    const r = idx.findReuse(text);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ symbol: 'A/RES/79/1', label: '7', changes: 0, also: [{ symbol: 'A/RES/78/1', label: '5' }] });
  });

  it('a paragraph repeated word for word in several texts (indexed once) is found through any of them', () => {
    const text = 'Calls upon all States that have not done so to consider signing and ratifying the instrument at the earliest possible date;';
    const build = () => {
      const idx = new AgreedIndex();
      idx.add({ symbol: 'A/RES/77/1', date: '2022-12-01', paragraphs: [{ label: '3', text }] });
      idx.add({ symbol: 'A/RES/78/1', date: '2023-12-01', paragraphs: [{ label: '5', text }] });
      idx.add({ symbol: 'A/RES/79/1', date: '2024-12-01', paragraphs: [{ label: '7', text }] });
      return idx;
    };
    const at = (idx: AgreedIndex, own: string[] = []) => idx.findReuse(text, undefined, 12, new Set(own)).map((r) => [r.symbol, ...(r.also ?? []).map((a) => a.symbol)]);
    expect(at(build())).toEqual([['A/RES/79/1', 'A/RES/78/1', 'A/RES/77/1']]);
    // the text first indexed is left out (the draft is that text), or gone: the others still match
    expect(at(build(), ['A/RES/77/1'])).toEqual([['A/RES/79/1', 'A/RES/78/1']]);
    expect(at(build(), ['A/RES/79/1', 'A/RES/78/1'])).toEqual([['A/RES/77/1']]);
    // cited, any copy holds the wording itself: the others repeating it are no reuse
    expect(build().findReuse(text, new Set(['A/RES/77/1']))).toEqual([]);
    expect(build().findReuse(text, new Set(['A/RES/78/1']))).toEqual([]);
    const idx = build();
    idx.remove('A/RES/77/1');
    expect(at(idx)).toEqual([['A/RES/79/1', 'A/RES/78/1']]);
    idx.remove('A/RES/79/1');
    expect(at(idx)).toEqual([['A/RES/78/1']]);
    // added again after the first went: found once, not twice
    idx.add({ symbol: 'A/RES/77/1', date: '2022-12-01', paragraphs: [{ label: '3', text }] });
    expect(at(idx)).toEqual([['A/RES/78/1', 'A/RES/77/1']]);
  });

  it('replaces a document added again under the same symbol', () => {
    const idx = new AgreedIndex();
    idx.add({ symbol: 'A/1', paragraphs: [{ label: '1', text: 'States should take reasonable steps to ensure the integrity of the supply chain of products.' }] });
    idx.add({ symbol: 'A/1', paragraphs: [{ label: '2', text: 'Something else entirely, with no words in common at all.' }] });
    expect(idx.hasParagraph('A/1', '1')).toBe(false);
    expect(idx.findReuse('States should take reasonable steps to ensure the integrity of the supply chain of products.')).toEqual([]);
  });

  it('never throws, and reports offsets inside the draft', () => {
    const idx = new AgreedIndex();
    idx.add(OEWG);
    idx.add({ symbol: 'A/2', paragraphs: [{ label: '1', text: 'x' }, null as unknown as AgreedParagraph] });
    // made of the generator's words, so that random drafts do match
    idx.add({ symbol: 'A/3', paragraphs: [{ label: '1', text: 'States should cooperate with the private sector, the sector should cooperate with States, with the private sector the States should cooperate.' }] });
    const text = fc.array(fc.constantFrom('States ', 'should ', 'cooperate ', 'with ', 'the ', 'private ', 'sector ', '“', '-\n', ' ', '\f', '…', '1.', '[', ']', 'é', '\u00a0', '_'), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.option(fc.string()), (draft, pin) => {
        for (const r of idx.findReuse(draft, undefined, 6)) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(draft.length);
          expect(r.start).toBeLessThan(r.end);
        }
        idx.checkQuote('A/76/135', pin, draft);
        idx.hasParagraph('A/76/135', pin ?? '');
        foldText(stripPageNoise(draft));
      }),
      { numRuns: 300 },
    );
  });
});

describe('AgreedIndex at corpus scale', () => {
  it('indexes every agreed text once and answers 100 look-ups quickly', () => {
    const t0 = performance.now();
    const idx = new AgreedIndex();
    for (const f of readdirSync(AGREED)) idx.add(corpusDoc(f));
    const built = performance.now() - t0;

    const draft = readFileSync(join(CORPUS, 'drafts', 'UNFCCC-COP21-Paris-agreement-2015-12-12-FCCC-CP-2015-L.9-Rev.1.md'), 'utf8');
    const paras = draft.split(/\n\s*\n/).filter((p) => words(p).length >= 12).slice(0, 100);
    expect(paras.length).toBe(100);
    const t1 = performance.now();
    let hits = 0;
    for (const p of paras) if (idx.findReuse(p).some((r) => r.symbol === 'FCCC/CP/2015/10/Add.1')) hits++;
    const looked = performance.now() - t1;
    // the final draft of the Paris decision is, mostly, the adopted decision
    expect(hits).toBeGreaterThan(50);
    expect(built).toBeLessThan(10_000);
    expect(looked).toBeLessThan(10_000);
  });
});
