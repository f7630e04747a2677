// negotext/compare over the protocol: open drafts compared as the server has
// them, others from the text in the request, a clear error without either, and
// cancellation before the work is done.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../server/src/core/index';
import { formatCompareHtml } from '../../server/src/report/compareHtml';
import { compareReport, formatCompare } from '../../server/src/report/compareText';
import { LspClient } from '../support/lspClient';

interface CompareResult {
  report: ReturnType<typeof compareReport>;
  html: string;
  summary: string;
}

const fixtures = join(__dirname, '..', 'e2e', 'fixtures');
const REV1 = readFileSync(join(fixtures, 'compare-rev1.draft.md'), 'utf8');
const REV2 = readFileSync(join(fixtures, 'compare-rev2.draft.md'), 'utf8');
const OLD = 'file:///tmp/negotext-compare/compare-rev1.draft.md';
const NEW = 'file:///tmp/negotext-compare/compare-rev2.draft.md';

/** What the CLI would print and write for the same two texts. */
function expected(oldName: string, newName: string, oldText: string, newText: string): CompareResult {
  const c = compare(oldText, newText);
  return { report: compareReport(oldName, newName, c), html: formatCompareHtml(oldName, newName, c, oldText, newText), summary: formatCompare(oldName, newName, c, { old: oldText, new: newText }) };
}

/** A long draft and a revision of it: every third paragraph edited, brackets agreed and dropped. */
function longPair(n: number): [string, string] {
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 1; i <= n; i++) {
    const body = `States [recalled]{Canada} the principles number ${i} of capacity-building, [including the portal ${i}]{China} and the directory of points of contact ${i * 7}.`;
    a.push(`${i}. ${body}`);
    b.push(i % 3 ? `${i}. ${body}` : `${i}. States recalled the principles number ${i} of capacity-building and the directory of points of contact ${i * 7}, as revised.`);
  }
  return [a.join('\n\n') + '\n', b.join('\n\n') + '\n'];
}

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client.stop();
});

describe('negotext/compare', () => {
  it('compares two drafts given by their text when the server does not have them open', async () => {
    const r = await client.request<CompareResult>('negotext/compare', { old: { uri: OLD, text: REV1 }, new: { uri: NEW, text: REV2 } });
    // Field for field what `negotext compare` gives, named by file name.
    expect(r).toEqual(expected('compare-rev1.draft.md', 'compare-rev2.draft.md', REV1, REV2));
    expect(r.report.old).toBe('compare-rev1.draft.md');
    expect(r.report.brackets.map((b) => [b.text, b.outcome])).toEqual([
      ['recalled', 'agreed'],
      ['should consider', 'unchanged'],
      ['on cooperation and assistance', 'dropped'],
      ['strongly', 'dropped'],
      ['welcomed', 'added'],
    ]);
    expect(r.html).toContain('<del>');
    expect(r.html).toMatch(/<td>China<\/td>/);
    expect(r.summary.split('\n')[0]).toBe('compare-rev1.draft.md → compare-rev2.draft.md');
  });

  it('takes an open draft as the server has it, edits included, over the text in the request', async () => {
    const uri = 'file:///tmp/negotext-compare/open/compare-rev2.draft.md';
    client.open(uri, REV2, 1);
    await client.diagnostics(uri, 1);
    // A stale text in the request is ignored for the open document.
    const r = await client.request<CompareResult>('negotext/compare', { old: { uri: OLD, text: REV1 }, new: { uri, text: REV1 } });
    expect(r.report.paragraphs.some((p) => p.old === null)).toBe(true); // REV2's added paragraph 4
    // An edit the client made: the next comparison has it.
    const line = REV2.split('\n').findIndex((l) => l.startsWith('4. States'));
    client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line: line + 2, character: 0 } }, text: '' }]);
    await client.diagnostics(uri, 2);
    const edited = REV2.split('\n').filter((_, i) => i !== line && i !== line + 1).join('\n');
    const s = await client.request<CompareResult>('negotext/compare', { old: { uri: OLD, text: REV1 }, new: { uri } });
    expect(s).toEqual(expected('compare-rev1.draft.md', 'compare-rev2.draft.md', REV1, edited));
    expect(s.report.brackets.find((b) => b.text === 'welcomed')).toBeUndefined();
    // Both sides open: no text needed at all.
    const oldUri = 'file:///tmp/negotext-compare/open/compare-rev1.draft.md';
    client.open(oldUri, REV1, 1);
    const t = await client.request<CompareResult>('negotext/compare', { old: { uri: oldUri }, new: { uri } });
    expect(t.report).toEqual(s.report);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    client.notify('textDocument/didClose', { textDocument: { uri: oldUri } });
  });

  it('names the files by their paths when their names are the same', async () => {
    const r = await client.request<CompareResult>('negotext/compare', {
      old: { uri: 'file:///tmp/a/draft%20one.draft.md', text: REV1 },
      new: { uri: 'file:///tmp/b/draft%20one.draft.md', text: REV2 },
    });
    expect([r.report.old, r.report.new]).toEqual(['/tmp/a/draft one.draft.md', '/tmp/b/draft one.draft.md']);
  });

  it('answers a clear error when a draft is neither open nor given', async () => {
    const missing = 'file:///tmp/negotext-compare/nowhere.draft.md';
    const err = await client.request('negotext/compare', { old: { uri: missing }, new: { uri: NEW, text: REV2 } }).then(
      () => null,
      (e: { code: number; message: string }) => e,
    );
    expect(err).toMatchObject({ code: -32602 });
    expect(err!.message).toContain(missing);
    expect(err!.message).toMatch(/not open .* no text/);
    const bad = await client.request('negotext/compare', { old: { uri: OLD, text: REV1 } }).then(
      () => null,
      (e: { code: number }) => e,
    );
    expect(bad).toMatchObject({ code: -32602 });
  });

  it('stops a cancelled comparison, and answers the next request', async () => {
    const [a, b] = longPair(1500);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('negotext/compare', { old: { uri: OLD, text: a }, new: { uri: NEW, text: b } }, source.token);
    source.cancel();
    const err = await pending.then(
      () => null,
      (e: { code: number }) => e,
    );
    expect(err).toMatchObject({ code: -32800 }); // RequestCancelled
    const r = await client.request<CompareResult>('negotext/compare', { old: { uri: OLD, text: REV1 }, new: { uri: NEW, text: REV2 } });
    expect(r.report.new).toBe('compare-rev2.draft.md');
  });

  it('stops a comparison cancelled while it runs, before rendering it', async () => {
    const [a, b] = longPair(2000);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('negotext/compare', { old: { uri: OLD, text: a }, new: { uri: NEW, text: b } }, source.token);
    // Well inside the comparison of 2000 paragraphs (hundreds of milliseconds).
    setTimeout(() => source.cancel(), 50);
    const err = await pending.then(
      () => null,
      (e: { code: number }) => e,
    );
    expect(err).toMatchObject({ code: -32800 });
  });

  it('lets a request sent during a long comparison through before it', async () => {
    const [a, b] = longPair(1500);
    const uri = 'file:///tmp/negotext-compare/other.draft.md';
    client.open(uri, '1. States [should]{EU} act.\n');
    await client.diagnostics(uri, 1);
    const order: string[] = [];
    const long = client.request<CompareResult>('negotext/compare', { old: { uri: OLD, text: a }, new: { uri: NEW, text: b } }).then((r) => {
      order.push('compare');
      return r;
    });
    const ledger = client.request('negotext/ledger', { textDocument: { uri } }).then(() => order.push('ledger'));
    const [r] = await Promise.all([long, ledger]);
    expect(order).toEqual(['ledger', 'compare']);
    expect(r.report.paragraphs).toHaveLength(1500);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers a request sent while a long comparison runs before the comparison ends (it runs in slices)', async () => {
    const [a, b] = longPair(4000);
    const uri = 'file:///tmp/negotext-compare/during.draft.md';
    client.open(uri, '1. States [should]{EU} act.\n');
    await client.diagnostics(uri, 1);
    const t0 = Date.now();
    let compareAt = 0;
    const long = client.request<CompareResult>('negotext/compare', { old: { uri: OLD, text: a }, new: { uri: NEW, text: b } }).then((r) => {
      compareAt = Date.now() - t0;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50)); // the comparison is under way
    const t1 = Date.now();
    const ledger = client.request('negotext/ledger', { textDocument: { uri } }).then(() => Date.now() - t1);
    const [r, ledgerMs] = await Promise.all([long, ledger]);
    expect(r.report.paragraphs).toHaveLength(4000);
    // Answered between two slices, not once the comparison is over (done in one go, the ledger
    // waited for all of it: as long as the comparison less the 50 ms).
    expect(ledgerMs).toBeLessThan((compareAt - 50) / 3);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });
});
