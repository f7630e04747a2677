// The `compare --html` report as a reader sees it: the built CLI writes the
// report of the examples' Rev.1 → Rev.2 (a split, a merge, a move, renumbered,
// added and deleted paragraphs, every bracket outcome), Debian's Chromium opens
// it from file:// through playwright-core, and the DOM is held against
// `compare --json` of the same pair: each insert bold in its paragraph, each
// delete struck through, the margin notes, the proposer table; the page makes
// no request and logs no error. Screenshot: test-results/e2e/compare-report.png.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './support/codeServer';
import { artifactsDir, chromiumPath, ensureArtifactsDir, removeDir, repoRoot, shouldSkip, tempDir } from './support/editors';
import type { Comparison } from '../../server/src/core/index';
import { proposersByCount } from '../../server/src/core/compare/compare';
import { readableDiff } from '../../server/src/report/readableDiff';

const SUITE = 'the compare --html report in Chromium (test/e2e/compareHtml.test.ts)';
const cliJs = join(repoRoot, 'dist', 'cli.js');
const missing = existsSync(chromiumPath) ? undefined : `Chromium is not installed (no ${chromiumPath})`;
const OLD = 'examples/oewg-annual-report-rev1.draft.md';
const NEW = 'examples/oewg-annual-report-rev2.draft.md';

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [cliJs, 'compare', ...args], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`negotext compare ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

const list = (l: string | string[] | null): string[] => (l === null ? [] : Array.isArray(l) ? l : [l]);

/** What the page shows of one paragraph: its label, margin note, and body as runs of plain, inserted and deleted text with their computed style. */
interface Shown {
  cls: string;
  label: string;
  note: string;
  bodyStruck: boolean;
  runs: { op: 'equal' | 'insert' | 'delete'; text: string; weight: number; decoration: string }[];
}

async function shownParagraphs(page: Page): Promise<Shown[]> {
  return page.$$eval('.para', (els) =>
    els.map((el) => {
      // Elements of the page: no DOM typings in this project's tsconfig.
      const e = el as any;
      const style = (n: any) => (globalThis as any).getComputedStyle(n);
      const body = e.querySelector('.body');
      const runs: { op: string; text: string; weight: number; decoration: string }[] = [];
      for (const n of body.childNodes) {
        const op = n.nodeType === 3 ? 'equal' : n.tagName === 'INS' ? 'insert' : n.tagName === 'DEL' ? 'delete' : 'other';
        const s = style(n.nodeType === 3 ? body : n);
        runs.push({ op, text: n.textContent, weight: Number(s.fontWeight), decoration: s.textDecorationLine });
      }
      return {
        cls: e.className,
        label: e.querySelector('.label').textContent,
        note: e.querySelector('.note')?.textContent ?? '',
        bodyStruck: style(body).textDecorationLine.includes('line-through'),
        runs,
      };
    }),
  ) as Promise<Shown[]>;
}

describe.skipIf(shouldSkip(SUITE, missing))(SUITE, () => {
  let dir: string | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let json: Comparison;
  let shown: Shown[];
  /** Every request the page made, the report's own file:// URL included. */
  const requests: string[] = [];
  const pageErrors: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    if (missing) throw new Error(`${SUITE} cannot run: ${missing}. CI must not skip it: run scripts/install-editors.sh first.`);
    if (!existsSync(cliJs)) throw new Error(`${cliJs} is missing: run \`npm run build\` first (npm test does).`);
    ensureArtifactsDir('compare-');
    dir = tempDir('compare-html');
    const html = join(dir, 'report.html');
    json = JSON.parse(cli(OLD, NEW, '--json', '--html', html)) as Comparison;
    reportUrl = pathToFileURL(html).href;
    browser = await launchChromium({ width: 1200, height: 900 });
    page = browser.page;
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(String(e).slice(0, 300)));
    await page.goto(reportUrl, { waitUntil: 'load' });
    shown = await shownParagraphs(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    removeDir(dir);
  });

  it('renders one block per paragraph entry, labelled as the JSON says', async () => {
    // The files by name, without their folders (a circulated report keeps local paths local).
    const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    expect(await page.title()).toBe(`${name(OLD)} → ${name(NEW)}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${name(OLD)} → ${name(NEW)}`);
    expect(shown.map((s) => s.label)).toEqual(json.paragraphs.map((p) => list(p.new ?? p.old).join(' + ')));
    // The pair is worth the test: it has every kind of change.
    expect(json.paragraphs.some((p) => p.split) && json.paragraphs.some((p) => p.merged) && json.paragraphs.some((p) => p.moved)).toBe(true);
    expect(new Set(json.brackets.map((b) => b.outcome))).toEqual(new Set(['agreed', 'dropped', 'changed', 'unchanged', 'added']));
    // A new paragraph is wholly in bold, a deleted one wholly struck through.
    const styles = (sel: string) => page.$$eval(sel, (els) => els.map((e) => { const cs = (globalThis as any).getComputedStyle(e); return { weight: Number(cs.fontWeight), decoration: String(cs.textDecorationLine) }; }));
    const added = await styles('.para.added .body');
    const deleted = await styles('.para.deleted .body');
    expect(added.length).toBe(json.paragraphs.filter((p) => p.old === null).length);
    expect(deleted.length).toBe(json.paragraphs.filter((p) => p.new === null).length);
    expect(added.length * deleted.length).toBeGreaterThan(0); // the pair has both, or the loops below prove nothing
    for (const a of added) expect(a.weight).toBeGreaterThanOrEqual(600);
    for (const d of deleted) expect(d.decoration).toContain('line-through');
    await page.screenshot({ path: join(artifactsDir, 'compare-report.png'), fullPage: true });
  });

  it('shows each insert in bold and each delete struck through, in the paragraph and at the place the diff says', () => {
    let inserts = 0;
    let deletes = 0;
    json.paragraphs.forEach((p, k) => {
      const s = shown[k];
      if (!p.diff) {
        expect(s.runs.every((r) => r.op === 'equal'), `paragraph ${s.label} has no diff`).toBe(true);
        return;
      }
      // The body, node by node, is the diff as the reports show it (readableDiff), part by part.
      expect(s.runs.map((r) => ({ op: r.op, text: r.text })), `paragraph ${s.label}`).toEqual(readableDiff(p.diff).map((d) => ({ op: d.op, text: d.text })));
      for (const r of s.runs) {
        if (r.op === 'insert') {
          inserts++;
          expect(r.weight, `bold insert "${r.text}" in ${s.label}`).toBeGreaterThanOrEqual(600);
          expect(r.decoration).not.toContain('line-through');
        } else if (r.op === 'delete') {
          deletes++;
          expect(r.decoration, `struck delete "${r.text}" in ${s.label}`).toContain('line-through');
          expect(r.weight).toBeLessThan(600);
        } else {
          expect(r.weight, `plain text in ${s.label}`).toBeLessThan(600);
          if (!s.bodyStruck) expect(r.decoration).not.toContain('line-through');
        }
      }
    });
    const parts = json.paragraphs.flatMap((p) => (p.diff ? readableDiff(p.diff) : []));
    expect(inserts).toBe(parts.filter((d) => d.op === 'insert').length);
    expect(deletes).toBe(parts.filter((d) => d.op === 'delete').length);
    expect(inserts).toBeGreaterThan(10);
    expect(deletes).toBeGreaterThan(10);
  });

  it('notes moved, renumbered, split, merged, added and deleted paragraphs in the margin, and strikes deleted ones', () => {
    json.paragraphs.forEach((p, k) => {
      const s = shown[k];
      const o = list(p.old);
      if (p.new === null) {
        expect(s.note).toMatch(/^deleted(; from .+)?$/);
        expect(s.bodyStruck).toBe(true);
        return;
      }
      expect(s.bodyStruck).toBe(false);
      if (p.old === null) return expect(s.note).toBe('added');
      const notes = s.note === '' ? [] : s.note.split('; ');
      expect(notes.includes(`split from ${o.join(' + ')}`)).toBe(!!p.split);
      expect(notes.includes(`merged from ${o.join(' + ')}`)).toBe(!!p.merged);
      expect(notes.includes(`was ${o.join(' + ')}`)).toBe(!!p.renumbered && !p.split && !p.merged);
      expect(notes.includes('moved')).toBe(!!p.moved);
      expect(notes.includes('modified')).toBe(!!p.modified);
    });
    expect(shown.find((s) => s.label === '21 bis')?.note).toMatch(/^was 9 ter; moved; modified(; from .+)?$/);
  });

  it('has a proposer table equal to the JSON proposers, most brackets first as in the summary', async () => {
    const rows = await page.$$eval('table.proposers tbody tr', (trs) => trs.map((tr) => [...(tr as any).querySelectorAll('td')].map((td: any) => td.textContent as string)));
    expect(rows.map(([name, agreed, dropped, changed, unchanged, added]) => ({ name, agreed: +agreed, dropped: +dropped, changed: +changed, unchanged: +unchanged, added: +added }))).toEqual(proposersByCount(json.proposers));
    expect(rows.length).toBeGreaterThan(5);
  });

  it('asks for nothing but its own file, and logs no error', () => {
    expect(requests.filter((u) => u !== reportUrl)).toEqual([]);
    expect(browser!.blocked).toEqual([]);
    expect(browser!.consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('lists the cross-references to check, as the readable summary does', async () => {
    const fx = 'test-fixtures/compare-crossref-pp-op';
    const html = join(dir!, 'crossref.html');
    const summary = cli(`${fx}/old.draft.md`, `${fx}/new.draft.md`, '--html', html);
    const count = Number(/Cross-references to check: (\d+)/.exec(summary)?.[1]);
    expect(count).toBe(4);
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await expect.poll(() => page.locator('h2', { hasText: 'Cross-references to check' }).count()).toBe(1);
    const rows = await page.$$eval('table.xrefs tbody tr', (trs) => trs.map((tr) => [...(tr as any).querySelectorAll('td')].map((td: any) => td.textContent as string)));
    expect(rows).toHaveLength(count);
    expect(rows[0]).toEqual(['OP1', '15', 'operative paragraph 4 of the present resolution', 'OP4 is now OP3', 'operative paragraph 3 of the present resolution']);
    await page.screenshot({ path: join(artifactsDir, 'compare-crossrefs.png'), fullPage: true });
    writeFileSync(join(artifactsDir, 'compare-crossrefs.txt'), summary);
  });
});
