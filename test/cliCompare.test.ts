// What `compare` says to a person (summary, Markdown, HTML): which documents,
// where each bracket went, and what its proposers asked for. The §10 JSON is
// checked unchanged alongside.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'negotext-cli-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string): string {
  writeFileSync(join(tmp, name), content);
  return name;
}

/** The comparison of two files as each report writes it: the summary's and the Markdown's lines, the HTML. */
function reports(o: string, n: string): { summary: string[]; markdown: string[]; html: string } {
  return {
    summary: run('compare', o, n).out.split('\n'),
    markdown: run('compare', '--markdown', o, n).out.split('\n'),
    html: run('compare', '--html', '-', o, n).out,
  };
}

const fm = (symbol: string | null, revision: string | null) =>
  symbol === null && revision === null ? '' : `---\n${symbol ? `symbol: ${symbol}\n` : ''}${revision ? `revision: ${revision}\n` : ''}---\n`;
const body = '1. States noted the report.\n';

describe('the documents compared, as the Markdown and HTML headers name them', () => {
  const header = (o: string, n: string) => {
    const md = run('compare', '--markdown', o, n);
    expect(md.code).toBe(0);
    const html = run('compare', '--html', '-', o, n);
    const line = md.out.split('\n')[2];
    // The HTML says the same.
    expect(html.out).toContain(`<p class="doc">${line.replace(/\\/g, '').replace(/&/g, '&amp;')}</p>`);
    return line.replace(/\\/g, '');
  };

  it('different symbols: each side named in full', () => {
    const o = file('crp4.md', fm('A/AC.292/2026/CRP.4', 'Rev.1') + body);
    const n = file('crp5.md', fm('A/AC.292/2026/CRP.5', 'Rev.1') + body);
    expect(header(o, n)).toBe('A/AC.292/2026/CRP.4, Rev.1 → A/AC.292/2026/CRP.5, Rev.1');
  });

  it('one symbol: the symbol once, then the revisions; the original only before a revision', () => {
    expect(header(file('r1.md', fm('A/AC.292/2026/CRP.4', 'Rev.1') + body), file('r2.md', fm('A/AC.292/2026/CRP.4', 'Rev.2') + body))).toBe('A/AC.292/2026/CRP.4, Rev.1 → Rev.2');
    expect(header(file('r0.md', fm('A/AC.292/2026/CRP.4', null) + body), 'r1.md')).toBe('A/AC.292/2026/CRP.4, original → Rev.1');
    // A new side without a revision is no "original": its file name says which it is.
    expect(header('r1.md', file('later.md', fm('A/AC.292/2026/CRP.4', null) + body))).toBe('A/AC.292/2026/CRP.4, Rev.1 → later.md');
  });

  it('a side with no front matter is named by its file name', () => {
    expect(header('r1.md', file('plain-new.md', body))).toBe('A/AC.292/2026/CRP.4, Rev.1 → plain-new.md');
    expect(header(file('plain-old.md', body), 'r2.md')).toBe('plain-old.md → A/AC.292/2026/CRP.4, Rev.2');
    // Neither names anything: no such line.
    const md = run('compare', '--markdown', 'plain-old.md', 'plain-new.md');
    expect(md.out.split('\n').slice(0, 3)).toEqual(['# plain-old.md → plain-new.md', '', '**Paragraphs**: 1 unchanged, 0 modified, 0 renumbered, 0 moved, 0 split, 0 merged, 0 deleted, 0 added.']);
  });
});

describe('the bracket lists say where each bracket went (the §10 JSON unchanged)', () => {
  const old = [
    '1. States met in Geneva to consider the matter before them.',
    '2. The Commission shall [adopt]{EU} its rules of procedure at its first session.',
    '3. Further to paragraph 2, the secretariat [shall support]{Brazil} the work.',
  ].join('\n\n') + '\n';
  const rev = [
    '1. States met in Geneva to consider the matter before them.',
    '2. A wholly new paragraph [inserted here]{Mexico} by the facilitator.',
    '3. The Commission shall [adopt]{EU} its rules of procedure at its first session.',
    '4. Further to paragraph 3, the secretariat shall support the work.',
  ].join('\n\n') + '\n';

  it('a renumbered paragraph: old → new; an added one: (new)', () => {
    const [o, n] = [file('place-old.md', old), file('place-new.md', rev)];
    const summary = run('compare', o, n).out.split('\n');
    expect(summary).toContain('  3 → 4    agreed     [shall support] {Brazil}');
    expect(summary).toContain('  2 (new)  added      [inserted here] {Mexico}');
    const md = run('compare', '--markdown', o, n).out.split('\n');
    expect(md).toContain('| 3 → 4 | agreed | shall support | Brazil |');
    expect(md).toContain('| 2 → 3 | unchanged | adopt | European Union |');
    const html = run('compare', '--html', '-', o, n).out;
    expect(html).toContain('<tr class="agreed"><td>3 → 4</td><td>agreed</td><td>[shall support]</td><td>Brazil</td></tr>');
    // FORMAT.md §10: `paragraph` is the old label (the new one for an added bracket), nothing more.
    expect(JSON.parse(run('compare', '--json', o, n).out).brackets).toEqual([
      { paragraph: '2', text: 'inserted here', proposers: ['Mexico'], outcome: 'added' },
      { paragraph: '2', text: 'adopt', proposers: ['European Union'], outcome: 'unchanged' },
      { paragraph: '3', text: 'shall support', proposers: ['Brazil'], outcome: 'agreed' },
    ]);
  });

  it('a label repeated in every Article: each bracket is placed in its own paragraph', () => {
    const o = file('art-old.md', '# Article 1\n\n1. Alpha [one]{EU} text here.\n\n2. Beta text stands.\n\n# Article 2\n\n1. Gamma text plain here for article two.\n\n# Article 3\n\n1. Delta [two]{Brazil} text here for article three.\n');
    const n = file('art-new.md', '# Article 1\n\n1. Alpha one text here.\n\n2. Beta text stands.\n\n# Article 2\n\n1. Gamma text plain here for article two.\n\n# Article 3\n\n1. A new first paragraph of the third Article.\n\n2. Delta two text here for article three.\n');
    const summary = run('compare', o, n).out.split('\n');
    expect(summary).toContain('  1      agreed     [one] {European Union}');
    expect(summary).toContain('  1 → 2  agreed     [two] {Brazil}');
  });
});

describe('the bracket lists say what the proposers asked for (the §10 JSON unchanged)', () => {
  it('a deletion refused: the text kept, and the list says it was a proposal to delete', () => {
    const o = file('act-old.md', '1. States welcome [the Programme of Action – US delete] as adopted by consensus.\n');
    const n = file('act-new.md', '1. States welcome the Programme of Action as adopted by consensus.\n');
    const r = reports(o, n);
    expect(r.summary).toContain('  1  agreed     [the Programme of Action] {United States of America: delete}');
    expect(r.markdown).toContain('| 1 | agreed | the Programme of Action | United States of America: delete |');
    expect(r.html).toContain('<td>[the Programme of Action]</td><td>United States of America: delete</td>');
    expect(JSON.parse(run('compare', '--json', o, n).out).brackets).toEqual([
      { paragraph: '1', text: 'the Programme of Action', proposers: ['United States of America'], outcome: 'agreed' },
    ]);
  });

  // (found trying to break it: matched by label and text, the actions of two paragraphs `1` went to each other)
  it('each bracket its own action, where labels repeat and the Articles are reordered', () => {
    const o = file('act3-old.md', '## Article 1\n\n1. Parties [shall]{US delete} report on their national implementation measures every two years.\n\n## Article 2\n\n1. Parties [shall]{EU} cooperate on capacity-building for developing country Parties.\n');
    const n = file('act3-new.md', '## Article 2\n\n1. Parties [shall]{EU} cooperate on capacity-building for developing country Parties.\n\n## Article 1\n\n1. Parties shall report on their national implementation measures every two years.\n');
    const md = run('compare', '--markdown', o, n).out.split('\n');
    expect(md).toContain('| 1 | unchanged | shall | European Union |');
    expect(md).toContain('| 1 | agreed | shall | United States of America: delete |');
  });

  it('an added bracket reads its action in the new revision', () => {
    const o = file('act2-old.md', '1. States welcome the Programme of Action as adopted by consensus.\n');
    const n = file('act2-new.md', '1. States welcome [the Programme of Action]{Iran reserve} as adopted by consensus.\n');
    expect(run('compare', o, n).out.split('\n')).toContain('  1  added      [the Programme of Action] {Iran (Islamic Republic of): reserve}');
  });
});

// (found by the CLI audit: a heading's own changes were shown nowhere)
describe('a heading revised itself', () => {
  it('shows its old wording in the summary, the Markdown and the HTML; a paragraph moved under another heading does not', () => {
    const o = file('head-old.md', '# A. [Intro]{EU}\n\n1. Text [a]{US}.\n');
    const n = file('head-new.md', '# A. Intro\n\n1. Text a.\n');
    const r = reports(o, n);
    expect(r.summary).toContain('  A. [Intro]{EU} → A. Intro');
    expect(r.markdown).toContain('### ~~A. \\[Intro\\]\\{EU\\}~~ → A. Intro');
    expect(r.html).toContain('<h3 class="section">A. <del>[</del>Intro<del>]{EU}</del></h3>');
    const m = file('moved-old.md', '# A. First\n\n1. Alpha text here.\n\n# B. Second\n\n2. Beta text here.\n');
    const mn = file('moved-new.md', '# A. First\n\n1. Alpha text here.\n\n2. Beta text here, edited.\n\n# B. Second\n');
    expect(run('compare', m, mn).out).not.toContain('→ A. First');
    // (found trying to break it) a section deleted, its paragraph moved under a heading that stays
    const d = file('del-old.md', 'A. Intro\n\n1. States recall the importance of international cooperation on this matter.\n\nB. Scope\n\n2. States further note the reports of the Secretary-General on the subject.\n');
    const dn = file('del-new.md', 'A. Intro\n\n1. States further note the reports of the Secretary-General on the subject.\n\n2. States recall the importance of international cooperation on this matter.\n');
    expect(run('compare', d, dn).out).not.toContain('B. Scope → A. Intro');
    expect(run('compare', '--html', '-', d, dn).out).not.toContain('<del>B</del>');
  });
});

// (usability test: headings alternated, `Article 4`, `Article 3 (mitigation)`, `Article 4`…, as deleted
// paragraphs stood under their old heading between the new ones)
describe('the reports print each heading once, in the order of the new revision', () => {
  const o = file('sec-old.md', '# Article 3 (mitigation)\n\n1. Alpha paragraph keeps all of its words in place.\n\n2. Beta paragraph is deleted from the text entirely.\n\n3. Gamma paragraph keeps all of its words in place.\n\n4. Zeta paragraph moves to the next Article unchanged.\n\n# Article 4 (adaptation)\n\n1. Delta paragraph keeps all of its words in place.\n');
  const n = file('sec-new.md', '# Article 4\n\n1. Alpha paragraph keeps all of its words in place.\n\n2. Omega is a paragraph added to this Article now.\n\n3. Gamma paragraph keeps all of its words in place.\n\n# Article 5\n\n1. Delta paragraph keeps all of its words in place.\n\n2. Zeta paragraph moves to the next Article unchanged.\n');
  /** The summary's heading lines: two spaces in, before the bracket list. */
  const summaryHeadings = (summary: string[]) => summary.slice(2, summary.findIndex((l) => l.startsWith('Brackets:'))).filter((l) => /^ {2}\S/.test(l));
  it('a deleted paragraph under the heading it stood under, renamed; a moved one noted where it came from', () => {
    const r = reports(o, n);
    const headings = summaryHeadings(r.summary);
    expect(headings).toEqual(['  Article 3 (mitigation) → Article 4', '  Article 4 (adaptation) → Article 5']);
    expect(r.summary).toContain('    2: deleted');
    expect(r.summary).toContain('    4 → 2: renumbered (from Article 3 (mitigation))');
    expect(r.markdown.filter((l) => l.startsWith('### '))).toEqual(['### ~~Article 3 (mitigation)~~ → Article 4', '### ~~Article 4 (adaptation)~~ → Article 5']);
    expect(r.html.match(/<h3 class="section">/g)).toHaveLength(2);
    expect(r.html).toMatch(/<aside class="note">was 4; from Article 3 \(mitigation\)<\/aside>/);
    // compare --json is as it was: the deleted paragraph where it stood, nothing reordered.
    const json = JSON.parse(run('compare', '--json', o, n).out) as { paragraphs: { old: string | null; new: string | null }[] };
    expect(json.paragraphs.map((p) => [p.old, p.new])).toEqual([['1', '1'], ['2', null], [null, '2'], ['3', '3'], ['1', '1'], ['4', '2']]);
  });

  const dir = '/work/shared/corpus/drafts/';
  const paris = [`${dir}UNFCCC-COP21-draft-Paris-agreement-2015-12-09.md`, `${dir}UNFCCC-COP21-Paris-agreement-2015-12-12-FCCC-CP-2015-L.9-Rev.1.md`];
  it.skipIf(!paris.every((f) => existsSync(f)))('Paris 12-09 → 12-12: each heading once; unnumbered paragraphs shifted are counted apart', () => {
    const p = reports(paris[0], paris[1]);
    const headings = summaryHeadings(p.summary);
    expect(headings.length).toBeGreaterThan(10);
    expect(new Set(headings).size).toBe(headings.length);
    const titles = p.html.match(/<h3 class="section">[\s\S]*?<\/h3>/g)!;
    expect(new Set(titles).size).toBe(titles.length);
    expect(p.summary[1]).toMatch(/ \d+ renumbered \(\+\d+ unnumbered paragraphs shifted\), /);
    expect(p.html).toMatch(/Paragraphs: \d+ modified, \d+ renumbered \(\+\d+ unnumbered paragraphs shifted\)/);
  });
});

// (usability test: table headers read `agree|d`, `Pa|ra|gr|ap|h`)
describe('the HTML report never breaks a word to fit', () => {
  it('has no break-all or anywhere wrapping, and its tables scroll sideways in their own box', () => {
    const { html } = reports(file('w-old.md', '1. A [b]{EU} c.\n'), file('w-new.md', '1. A b c.\n'));
    expect(html).not.toMatch(/break-all|overflow-wrap:\s*anywhere|word-break/);
    expect(html).toMatch(/\.table \{ overflow-x: auto;/);
    expect(html).toContain('<div class="table"><table class="proposers">');
  });
});
