// The extension's pure parts for comparing revisions: which draft of the
// folder is the previous revision (client/src/revisions.ts), and the report
// page made fit for a webview (client/src/webviewHtml.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  comparisonTitle,
  describeDraft,
  draftInfo,
  frontMatter,
  isDraftFileName,
  orient,
  rankRevisions,
  reportFileName,
  revisionNumber,
  sameDraft,
  type DraftInfo,
} from '../client/src/revisions';
import { contentSecurityPolicy, DIFF_BUTTON_ID, messageHtml, OPEN_TEXT_DIFF, SAVE_BUTTON_ID, SAVE_REPORT, SCROLL_ID, webviewHtml } from '../client/src/webviewHtml';
import { compare } from '../server/src/core/index';
import { formatCompareHtml } from '../server/src/report/compareHtml';

const fm = (fields: Record<string, string>, body = '1. Text.\n') =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}`;

const names = (ds: DraftInfo[]) => ds.map((d) => d.name);

describe('frontMatter', () => {
  it('reads top-level scalars, quoted or not, with a BOM and CRLF', () => {
    expect(frontMatter(`\ufeff---\r\nsymbol: "A/AC.292/2025/CRP.1"\r\nrevision: Rev.2 # second\r\ntitle: 'It''s'\r\n---\r\n1. x`)).toEqual({
      symbol: 'A/AC.292/2025/CRP.1',
      revision: 'Rev.2',
      title: "It's",
    });
  });

  it('is null without a leading --- block, or when it never closes', () => {
    expect(frontMatter('1. States agree.\n---\nrevision: Rev.1\n---\n')).toBeNull();
    expect(frontMatter('---\nrevision: Rev.1\n\n1. States agree.\n')).toBeNull();
  });
});

describe('revisionNumber', () => {
  it('reads Rev.N as it is written', () => {
    expect(['Rev.2', 'Rev. 2', 'rev2', 'Revision 2', '2'].map(revisionNumber)).toEqual([2, 2, 2, 2, 2]);
    expect(revisionNumber('final')).toBeNull();
  });
});

describe('draftInfo', () => {
  it('takes the revision from the front matter, or from the symbol\'s /Rev.N', () => {
    expect(draftInfo('x.draft.md', fm({ symbol: 'A/AC.292/2025/CRP.1', revision: 'Rev.2' }))).toMatchObject({ revision: 2, revisionLabel: 'Rev.2', symbol: 'A/AC.292/2025/CRP.1' });
    expect(draftInfo('x.draft.md', fm({ symbol: 'A/AC.292/2025/CRP.1/Rev.3' }))).toMatchObject({ revision: 3, revisionLabel: 'Rev.3', symbol: 'A/AC.292/2025/CRP.1' });
  });

  it('takes a symbol without a revision for the original', () => {
    expect(draftInfo('x.draft.md', fm({ symbol: 'A/AC.292/2025/CRP.1' }))).toMatchObject({ revision: 0, revisionLabel: null });
  });

  it('falls back to the file name without front matter', () => {
    expect(draftInfo('report-rev2.draft.md', '1. Text.')).toMatchObject({ revision: 2, stem: 'report', revisionLabel: null, symbol: null });
    expect(draftInfo('report_Rev.1.draft.txt', '1. Text.')).toMatchObject({ revision: 1, stem: 'report' });
    expect(draftInfo('report.draft.md', '1. Text.')).toMatchObject({ revision: 0, stem: 'report' });
    expect(draftInfo('zero-draft-v3.draft.md', '')).toMatchObject({ revision: 3, stem: 'zero draft' });
    // A word that merely contains "rev" is not a revision.
    expect(draftInfo('review.draft.md', '')).toMatchObject({ revision: 0, stem: 'review' });
  });

  it('tells draft files by name', () => {
    expect(['a.draft.md', 'b.DRAFT.TXT', 'c.md', 'draft.md'].map(isDraftFileName)).toEqual([true, true, false, false]);
  });
});

// (found using the extension in VS Code: `paris-2015-12-09` offered `paris-2015-12-04` last, unmarked)
describe('drafts named by their date', () => {
  it('the date in a file name orders them, the day before preselected as the previous revision', () => {
    const infos = ['paris-2015-10-23.draft.md', 'paris-2015-12-04.draft.md', 'paris-2015-12-09.draft.md', 'other.draft.md'].map((n) => draftInfo(n, '1. Text.'));
    expect(infos[1]).toMatchObject({ stem: 'paris', revisionLabel: '2015-12-04' });
    const r = rankRevisions(infos[2], infos);
    expect(r.preselect?.name).toBe('paris-2015-12-04.draft.md');
    expect(r.role).toBe('previous');
    expect(r.ordered.map((d) => d.name)).toEqual(['paris-2015-12-04.draft.md', 'paris-2015-10-23.draft.md', 'other.draft.md']);
    expect(comparisonTitle(infos[1], infos[2])).toBe('2015-12-04 ↔ 2015-12-09');
  });

  // (found trying to break it: a revision token beat the date, and a time of day split the family)
  it('a revision or a time of that day comes after the day itself; an impossible date is no date', () => {
    const names = ['paris-2015-12-03.draft.md', 'paris-2015-12-04.draft.md', 'paris-2015-12-04-10h00.draft.md', 'paris-2015-12-04-rev1.draft.md'];
    const infos = names.map((n) => draftInfo(n, '1. Text.'));
    expect(new Set(infos.map((i) => i.stem))).toEqual(new Set(['paris']));
    const r = rankRevisions(infos[3], infos);
    expect(r.preselect?.name).toBe('paris-2015-12-04.draft.md');
    expect(r.role).toBe('previous');
    expect(rankRevisions(infos[2], infos).preselect?.name).toBe('paris-2015-12-04-rev1.draft.md');
    expect(draftInfo('x-2015-13-45.draft.md', '1. Text.').revisionLabel).toBeNull();
  });
});

describe('rankRevisions', () => {
  const symbol = 'A/AC.292/2025/CRP.1';
  const original = draftInfo('crp1.draft.md', fm({ symbol }));
  const rev1 = draftInfo('crp1-first.draft.md', fm({ symbol, revision: 'Rev.1' }));
  const rev2 = draftInfo('crp1-second.draft.md', fm({ symbol, revision: 'Rev.2' }));
  const rev3 = draftInfo('crp1-third.draft.md', fm({ symbol: `${symbol}/Rev.3` }));
  const other = draftInfo('another.draft.md', fm({ symbol: 'A/AC.292/2025/CRP.7', revision: 'Rev.1' }));
  const plain = draftInfo('notes.draft.md', '1. Text.');
  const all = [original, rev1, rev2, rev3, other, plain];

  it('preselects the previous revision: Rev.2 → Rev.1', () => {
    const r = rankRevisions(rev2, all);
    expect(r.preselect).toBe(rev1);
    expect(r.role).toBe('previous');
    // Then the same draft's revisions newest first, then the rest by name; never the draft itself.
    expect(names(r.ordered)).toEqual(['crp1-first.draft.md', 'crp1-third.draft.md', 'crp1.draft.md', 'another.draft.md', 'notes.draft.md']);
  });

  it('Rev.1 → the original with the same symbol and no revision', () => {
    expect(rankRevisions(rev1, all).preselect).toBe(original);
    // A Rev.1 of another symbol is not this draft's.
    expect(rankRevisions(other, all).preselect).toBeUndefined();
  });

  it('skips a missing revision: Rev.3 → Rev.2, and Rev.2 → the original when there is no Rev.1', () => {
    expect(rankRevisions(rev3, all).preselect).toBe(rev2);
    expect(rankRevisions(rev2, [original, rev3, other]).preselect).toBe(original);
  });

  it('offers the next revision for the original, which has no previous one', () => {
    const r = rankRevisions(original, all);
    expect(r.preselect).toBe(rev1);
    expect(r.role).toBe('next');
  });

  it('goes by file names when there is no front matter', () => {
    const a = draftInfo('report.draft.md', '1. Text.');
    const b = draftInfo('report-rev1.draft.md', '1. Text.');
    const c = draftInfo('report-rev2.draft.md', '1. Text.');
    const d = draftInfo('other-rev1.draft.md', '1. Text.');
    expect(rankRevisions(c, [a, b, d]).preselect).toBe(b);
    expect(rankRevisions(b, [a, c, d]).preselect).toBe(a);
    expect(sameDraft(b, d)).toBe(false);
    expect(rankRevisions(d, [a, b, c]).preselect).toBeUndefined();
  });

  it('lists the other drafts the most alike by name first', () => {
    const current = draftInfo('UNFCCC-COP21-Paris-agreement-2015-12-12-FCCC-CP-2015-L.9-Rev.1.draft.md', '1. Text.');
    const others = [
      'A-AC.296-2026-9-BBNJ-PrepCom3-report.draft.md',
      'UNFCCC-ADP-draft-Paris-agreement-2015-12-04.draft.md',
      'UNFCCC-COP21-draft-Paris-agreement-2015-12-09.draft.md',
      'UNFCCC-CMA6-Art6.2-draft-text-2024-11-14.draft.md',
    ].map((n) => draftInfo(n, '1. Text.'));
    expect(names(rankRevisions(current, others).ordered)).toEqual([
      'UNFCCC-COP21-draft-Paris-agreement-2015-12-09.draft.md',
      'UNFCCC-ADP-draft-Paris-agreement-2015-12-04.draft.md',
      'UNFCCC-CMA6-Art6.2-draft-text-2024-11-14.draft.md',
      'A-AC.296-2026-9-BBNJ-PrepCom3-report.draft.md',
    ]);
  });

  it('with nothing to go by, preselects nothing and lists by name', () => {
    const r = rankRevisions(plain, [other, original]);
    expect(r.preselect).toBeUndefined();
    expect(names(r.ordered)).toEqual(['another.draft.md', 'crp1.draft.md']);
  });
});

describe('orient and titles', () => {
  const symbol = 'A/AC.292/2025/CRP.1';
  const original = draftInfo('crp1.draft.md', fm({ symbol }));
  const rev1 = draftInfo('crp1-rev1.draft.md', fm({ symbol, revision: 'Rev.1' }));
  const rev2 = draftInfo('crp1-rev2.draft.md', fm({ symbol, revision: 'Rev.2' }));

  it('puts the older revision first, whichever was picked', () => {
    expect(orient(rev2, rev1)).toEqual({ old: rev1, new: rev2 });
    expect(orient(original, rev1)).toEqual({ old: original, new: rev1 });
    // Unknown revisions: the picked one is the old.
    const x = draftInfo('x.draft.md', fm({ revision: 'final' }));
    expect(orient(rev1, x)).toEqual({ old: x, new: rev1 });
  });

  it('titles a comparison by revision, else by file name', () => {
    expect(comparisonTitle(rev1, rev2)).toBe('Rev.1 ↔ Rev.2');
    expect(comparisonTitle(original, rev1)).toBe('Original ↔ Rev.1');
    expect(comparisonTitle(draftInfo('a.draft.md', ''), draftInfo('b.draft.md', ''))).toBe('a.draft.md ↔ b.draft.md');
  });

  it('describes a draft in the quick pick', () => {
    expect(describeDraft(rev1, 'previous')).toBe('previous revision · Rev.1');
    expect(describeDraft(original, undefined)).toBe('original');
    expect(describeDraft(draftInfo('a.draft.md', ''), undefined)).toBe('');
  });
});

describe('reportFileName', () => {
  it('names both drafts, without their extensions', () => {
    expect(reportFileName('oewg-rev1.draft.md', 'oewg-rev2.draft.md')).toBe('oewg-rev1_to_oewg-rev2.html');
    expect(reportFileName('Draft Rev.1.draft.txt', 'notes.md')).toBe('Draft Rev.1_to_notes.html');
  });
  it('replaces what file systems refuse', () => {
    expect(reportFileName('a:b.draft.md', 'c?*d.draft.md')).toBe('a-b_to_c--d.html');
  });
});

describe('webviewHtml', () => {
  const rev1 = readFileSync('test/e2e/fixtures/compare-rev1.draft.md', 'utf8');
  const rev2 = readFileSync('test/e2e/fixtures/compare-rev2.draft.md', 'utf8');
  const report = formatCompareHtml('compare-rev1.draft.md', 'compare-rev2.draft.md', compare(rev1, rev2), rev1, rev2);
  const nonce = 'abc123XYZ';
  const page = webviewHtml(report, nonce);

  it('puts a strict Content-Security-Policy first in <head>', () => {
    const head = page.slice(page.indexOf('<head>'), page.indexOf('</head>'));
    expect(head.split('\n')[1]).toBe(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce).replace(/'/g, '&#39;')}">`);
    const csp = contentSecurityPolicy(nonce);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
  });

  it('gives every <style> and <script> the nonce, and loads nothing', () => {
    const tags = [...page.matchAll(/<(style|script)\b[^>]*>/gi)].map((m) => m[0]);
    expect(tags.length).toBeGreaterThanOrEqual(3);
    for (const t of tags) expect(t).toContain(`nonce="${nonce}"`);
    expect(page.match(/<script\b/gi)).toHaveLength(1);
    expect(page).not.toMatch(/\b(src|href)\s*=/i);
    expect(page).not.toMatch(/\son[a-z]+\s*=/i); // no inline handlers: the policy would block them
  });

  it('keeps the report and adds the "Open text diff" button that posts its message', () => {
    expect(page).toMatch(/<del>[^<]*strongly[^<]*<\/del>/);
    expect(page).toContain('<td>China</td>');
    expect(page).toContain(`<button type="button" id="${DIFF_BUTTON_ID}"`);
    expect(page).toContain(`type: '${OPEN_TEXT_DIFF}'`);
    expect(page).toContain(`<button type="button" id="${SAVE_BUTTON_ID}"`);
    expect(page).toContain(`getElementById('${SAVE_BUTTON_ID}').addEventListener('click', () => vscode.postMessage({ type: '${SAVE_REPORT}' }))`);
    // The button comes first in <body>; the script last.
    expect(page.indexOf(DIFF_BUTTON_ID)).toBeGreaterThan(page.indexOf('<body class="negotext-webview">'));
    expect(page.indexOf('<body class="negotext-webview">')).toBeGreaterThan(0);
    expect(page.indexOf('<script')).toBeGreaterThan(page.indexOf('</table>'));
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  // (usability test: the sticky toolbar covered the top rows of a table while scrolling)
  it('never lays the toolbar over the report: the report scrolls in its own box below it, and the scroll position kept is that box\'s', () => {
    expect(page).not.toMatch(/position:\s*(sticky|fixed)/);
    const toolbarEnd = page.indexOf('</button></div>', page.indexOf(SAVE_BUTTON_ID));
    const box = page.indexOf(`<div class="negotext-scroll" id="${SCROLL_ID}" tabindex="0">`);
    expect(box).toBeGreaterThan(toolbarEnd);
    expect(page.indexOf('<main class="report">')).toBeGreaterThan(box);
    // The box closes after the report, before the script.
    expect(page.slice(page.indexOf('</main>'), page.indexOf('<script'))).toMatch(/^<\/main>\n<\/div>\n$/);
    expect(page).toMatch(/\.negotext-scroll \{[^}]*overflow: auto/);
    expect(page).toContain('scroller.scrollTop = state.y');
    expect(page).toContain('vscode.setState({ y: scroller.scrollTop })');
    // A body with its own class keeps it.
    expect(webviewHtml('<html><head></head><body class="x"><p>a</p></body></html>', nonce)).toContain('<body class="x negotext-webview">');
  });

  it('escapes the message page', () => {
    const m = messageHtml('Could not compare', 'a <b> & "c"', nonce);
    expect(m).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expect(m).not.toMatch(/<script/);
    expect(m).toContain("default-src &#39;none&#39;");
  });
});
