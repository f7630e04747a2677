// Issue 6, reliability: protocol faults thrown at the real server process
// over stdio. Broken framing and JSON, messages that are not JSON-RPC,
// unknown methods, requests about documents never opened, edits with ranges
// out of range, reversed or overlapping, versions out of order, malformed
// changes, a flood of 10 000 edits, every request cancelled, requests while a
// 10 MB draft is analysed, and 1 000 documents opened and closed. After each
// fault the server is still running and answers a hover correctly; it logs
// what it dropped (window/logMessage) and answers requests with errors, never
// exits.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { LspClient } from '../support/lspClient';
import { tried } from '../support/tried';
import { diagnosticKeys, freshUri, lineStarts, openAndWait, publishedAfter, sleep, type Position, type Range } from './fixtures/harness';

const PROBE_TEXT = '1. States [should]{EU} act.\n';
const tmp = mkdtempSync(join(tmpdir(), 'negotext-faults-'));
let client: LspClient;
let probe: string;

beforeAll(async () => {
  client = await LspClient.start();
  probe = freshUri('probe');
  await openAndWait(client, probe, PROBE_TEXT);
});
afterAll(async () => {
  await client?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** Rejects after `ms`: no test waits on the server for ever. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/** The server is running and answers a hover on the probe draft correctly. */
async function alive(c: LspClient = client, uri = probe): Promise<void> {
  const h = await within(c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } }), 10_000, 'hover after the fault');
  expect(h?.contents.value).toMatch(/European Union/);
  expect(c.child.exitCode).toBeNull();
  expect(c.child.signalCode).toBeNull();
}

/** The window/logMessage texts the server sent after the first `from` notifications. */
function logsAfter(from: number, c: LspClient = client): string[] {
  return c.notifications.slice(from).filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
}

/** A request's answer, or the error it got, as plain data. */
function outcome<T>(p: Promise<T>): Promise<{ result: T } | { error: { code: number; message: string } }> {
  return p.then(
    (result) => ({ result }),
    (e: unknown) => ({ error: { code: e instanceof ResponseError ? e.code : NaN, message: (e as Error).message } }),
  );
}

const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;

describe('malformed JSON-RPC, written raw to the server\'s stdin', () => {
  // Each is written between two complete messages, as a client with a bug would.
  const cases: { what: string; bytes: string; log: RegExp }[] = [
    { what: 'a body that is not JSON', bytes: frame('{"jsonrpc": "2.0", "id": 1, "method": '), log: /could not be read: .*JSON/ },
    { what: 'a body of binary noise', bytes: frame('\u0000\u0001\uffff\u00ff garbage'), log: /could not be read/ },
    { what: 'a Content-Length that is not a number', bytes: 'Content-Length: twelve\r\n\r\n', log: /could not be read: Content-Length value must be a number/ },
    { what: 'a header without Content-Length', bytes: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n', log: /could not be read: Header must provide a Content-Length/ },
    { what: 'a header line without a colon', bytes: 'hello server\r\n\r\n', log: /could not be read: Message header must separate key and value/ },
    { what: 'an unknown charset', bytes: `Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=ebcdic\r\n\r\n{}`, log: /could not be read|charset|neither a response nor a notification/i },
    { what: 'JSON that is a number', bytes: frame('123'), log: /neither a response nor a notification/ },
    { what: 'JSON that is an array (a batch)', bytes: frame(JSON.stringify([{ jsonrpc: '2.0', id: 900, method: 'textDocument/hover', params: {} }])), log: /neither a response nor a notification/ },
    { what: 'JSON that is an empty object', bytes: frame('{}'), log: /neither a response nor a notification/ },
    { what: 'a request whose method is not a string', bytes: frame('{"jsonrpc":"2.0","id":901,"method":42}'), log: /neither a response nor a notification/ },
    { what: 'JSON null', bytes: frame('null'), log: /empty message|neither a response nor a notification|could not be read/ },
  ];

  for (const c of cases) {
    it(`${c.what}: logged and dropped; the server reads on`, async () => {
      await alive();
      const from = client.notifications.length;
      // The bad bytes and the next request in one write, so that the server reads them in one chunk:
      // what follows a bad message must be read without waiting for more input.
      const stdin = client.child.stdin!;
      stdin.cork();
      stdin.write(c.bytes);
      const answered = alive();
      await sleep(20); // the client's writer has queued the hover behind the bad bytes
      process.nextTick(() => stdin.uncork());
      await answered;
      await expect.poll(() => logsAfter(from).join('\n'), { timeout: 3000 }).toMatch(c.log);
    });
  }

  it('a response to a request the server never sent: ignored (nothing to answer); the server reads on', async () => {
    client.child.stdin!.write(frame('{"jsonrpc":"2.0","id":"no-such-request","result":{}}'));
    client.child.stdin!.write(frame('{"jsonrpc":"2.0","id":424242,"error":{"code":1,"message":"x"}}'));
    await alive();
  });

  it('records what it tried', () => {
    tried('protocol', 'malformed JSON-RPC on stdin (bad JSON, bad or missing Content-Length, bad header, unknown charset, JSON that is not JSON-RPC)', cases.length, 'each logged and dropped; the next message answered');
    tried('protocol', 'responses to requests the server never sent', 2, 'ignored; the next message answered');
  });

  it('a request without "jsonrpc": "2.0" is still answered, never fatal', async () => {
    client.child.stdin!.write(frame('{"jsonrpc":"1.0","id":"raw-902","method":"negotext/nope"}'));
    client.child.stdin!.write(frame(`{"id":"raw-903","method":"textDocument/hover","params":{"textDocument":{"uri":"${probe}"},"position":{"line":0,"character":12}}}`));
    await alive();
  });
});

describe('unknown methods', () => {
  const requests = ['negotext/nope', 'textDocument/rename', 'textDocument/inlayHint/resolve', '$/negotext/unknownRequest', 'workspace/executeCommand', 'x'];
  const notifications = ['negotext/nope', '$/unknownNotification', 'textDocument/didSomethingElse', 'workspace/nope'];

  it('requests get MethodNotFound (-32601); notifications are ignored, unanswered', async () => {
    for (const method of requests) {
      const got = await within(outcome(client.request(method, { textDocument: { uri: probe } })), 5000, method);
      expect(got, method).toEqual({ error: { code: -32601, message: expect.stringContaining(method) } });
    }
    for (const method of notifications) client.notify(method, { textDocument: { uri: probe } });
    await alive();
    tried('protocol', 'unknown request methods', requests.length, 'each answered MethodNotFound (-32601)');
    tried('protocol', 'unknown notifications', notifications.length, 'ignored, no answer, server alive');
  });

  it('requests with params of the wrong shape get an error answer (-32602 or -32603), not a crash', async () => {
    const bad: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: probe }, position: null }],
      ['textDocument/documentSymbol', null],
      ['textDocument/codeAction', { textDocument: { uri: probe } }],
      ['textDocument/completion', { textDocument: { uri: probe }, position: 'here' }],
      ['negotext/bracketEdit', { textDocument: { uri: probe } }],
      ['negotext/ledger', []],
    ];
    for (const [method, params] of bad) {
      const got = await within(outcome(client.request(method, params)), 5000, method);
      // An answer of null or [] is fine too: what matters is an answer.
      if ('error' in got) expect([-32602, -32603], `${method} ${JSON.stringify(params)}`).toContain(got.error.code);
    }
    await alive();
    tried('protocol', 'requests with params of the wrong shape', bad.length, 'each answered (InvalidParams, InternalError or empty); server alive');
  });
});

// ---------------------------------------------------------------- documents

/** Every request the server serves about a document, with a position and range in `text`. */
function everyRequest(uri: string, at: Position = { line: 2, character: 12 }): [string, unknown][] {
  const textDocument = { uri };
  const range = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
  return [
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/hover', { textDocument, position: at }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ['textDocument/completion', { textDocument, position: at }],
    ['textDocument/definition', { textDocument, position: at }],
    ['textDocument/references', { textDocument, position: at, context: { includeDeclaration: true } }],
    ['textDocument/documentLink', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/documentHighlight', { textDocument, position: at }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/semanticTokens/range', { textDocument, range }],
    ['textDocument/codeLens', { textDocument }],
    ['negotext/ledger', { textDocument }],
    ['negotext/stats', { textDocument }],
    ['negotext/bracketEdit', { textDocument, position: at, action: 'drop' }],
  ];
}

const DRAFT = [
  '# A. General',
  '',
  '1. States [should]{EU} [consider / explore]{G77} the norms (A/RES/73/27, para. 3).',
  '',
  '2. An [unclosed bracket and [nested [deep] text]{Canada}.',
  '',
  '4. A gap above, and a stray ] here.',
  '',
  '5. [Option A: x][Option B: y]{Atlantis} [...]',
  '',
].join('\n');

/** Offset of an LSP position, clamped as LSP asks: a line past the end is the end, a character past the line is the line's end. */
function clampedOffset(text: string, p: Position): number {
  const starts = lineStarts(text);
  if (p.line < 0) return 0;
  if (p.line >= starts.length) return text.length;
  const end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  const content = text.slice(starts[p.line], end).replace(/\r?\n$|\r$/, '').length;
  return starts[p.line] + Math.min(Math.max(0, p.character), content);
}

/** Apply one content change as the server documents it: clamped, a reversed range taken in order. */
function applyChange(text: string, c: { range?: Range; text: string }): string {
  if (!c.range) return c.text;
  let s = clampedOffset(text, c.range.start);
  let e = clampedOffset(text, c.range.end);
  if (e < s) [s, e] = [e, s];
  return text.slice(0, s) + c.text + text.slice(e);
}

/** The diagnostics the server publishes for `text` freshly opened under a new URI. */
async function freshDiagnostics(text: string, c: LspClient = client): Promise<string[]> {
  return diagnosticKeys(await openAndWait(c, freshUri('fresh'), text));
}

const pos = (line: number, character: number): Position => ({ line, character });
const range = (a: Position, b: Position): Range => ({ start: a, end: b });

describe('requests for documents never opened', () => {
  it('every request kind answers empty, not with an error', async () => {
    const uri = freshUri('never-opened');
    const reqs = everyRequest(uri);
    for (const [method, params] of reqs) {
      const got = await within(outcome(client.request(method, params)), 5000, method);
      expect(got, method).toHaveProperty('result');
      const r = (got as { result: unknown }).result;
      expect([null, '[]', '{"data":[]}'], method).toContain(r === null ? null : JSON.stringify(r));
    }
    await alive();
    tried('protocol', 'every request kind for a document never opened', reqs.length, 'each answered empty (null, [] or no tokens), no error');
  });
});

describe('didChange faults', () => {
  /** Open DRAFT, send the changes as versions 2, 3, …, and check the server's diagnostics equal a fresh open of the text the changes make. */
  async function check(changes: { range?: Range; text: string }[][]): Promise<void> {
    const uri = freshUri('change');
    await openAndWait(client, uri, DRAFT);
    let text = DRAFT;
    let version = 1;
    for (const batch of changes) {
      client.change(uri, ++version, batch);
      for (const c of batch) text = applyChange(text, c);
    }
    const got = await client.diagnostics(uri, version);
    expect(diagnosticKeys(got)).toEqual(await freshDiagnostics(text));
    const stats = await client.request<{ version: number; lineCount: number }>('negotext/stats', { textDocument: { uri } });
    expect(stats).toMatchObject({ version, lineCount: lineStarts(text).length });
    await alive();
  }

  it('ranges out of range are clamped: lines past the end, characters past the line, negative numbers', async () => {
    const faults = [
      [{ range: range(pos(1000, 0), pos(1000, 5)), text: '\n6. Added past the end [x].\n' }],
      [{ range: range(pos(2, 500), pos(2, 900)), text: ' [appended]{EU}' }],
      [{ range: range(pos(-3, -7), pos(0, 2)), text: '## ' }],
      [{ range: range(pos(4, -1), pos(4, 2)), text: '3.' }],
      [{ range: range(pos(6, 10), pos(99_999_999, 99_999_999)), text: 'cut to the end' }],
      [{ range: range(pos(Number.MAX_SAFE_INTEGER, 0), pos(Number.MAX_SAFE_INTEGER, 0)), text: '\n7. Last.' }],
    ];
    await check(faults);
    tried('edit', 'didChange ranges out of range (past the end, past the line, negative, 2^53)', faults.length, 'clamped; diagnostics equal a fresh open of the clamped text');
  });

  it('reversed ranges are taken in order; overlapping changes in one notification apply one after the other', async () => {
    const faults = [
      [{ range: range(pos(2, 20), pos(2, 10)), text: 'REVERSED' }],
      [{ range: range(pos(4, 0), pos(2, 3)), text: '' }],
      [
        { range: range(pos(0, 0), pos(2, 5)), text: '1. [A' },
        { range: range(pos(0, 2), pos(0, 4)), text: '[[' },
        { range: range(pos(0, 1), pos(0, 3)), text: ']' },
        { range: range(pos(0, 4), pos(0, 0)), text: '9. ' },
      ],
      [
        { range: range(pos(1, 0), pos(3, 0)), text: 'x\n' },
        { range: range(pos(1, 0), pos(3, 0)), text: 'y\n' },
        { range: range(pos(1, 0), pos(3, 0)), text: '' },
      ],
    ];
    await check(faults);
    tried('edit', 'reversed ranges and overlapping changes in one didChange', faults.flat().length, 'applied in order; diagnostics equal a fresh open');
  });

  it('versions out of order: the older change is ignored and logged', async () => {
    const uri = freshUri('versions');
    await openAndWait(client, uri, DRAFT);
    const from = client.notifications.length;
    client.change(uri, 5, [{ range: range(pos(4, 6), pos(4, 6)), text: 'closed] ' }]);
    client.change(uri, 3, [{ range: range(pos(0, 0), pos(0, 0)), text: 'STALE [' }]);
    client.change(uri, 4, [{ range: range(pos(0, 0), pos(0, 0)), text: 'STALE [' }]);
    const got = await client.diagnostics(uri, 5);
    expect(diagnosticKeys(got)).toEqual(await freshDiagnostics(applyChange(DRAFT, { range: range(pos(4, 6), pos(4, 6)), text: 'closed] ' })));
    const stats = await client.request<{ version: number }>('negotext/stats', { textDocument: { uri } });
    expect(stats.version).toBe(5);
    expect(logsAfter(from).filter((m) => /out-of-order/.test(m))).toHaveLength(2);
    await alive();
    tried('edit', 'didChange versions out of order', 2, 'ignored and logged; the newer version kept');
  });

  it('a change to a document never opened is ignored: nothing published, later open unaffected', async () => {
    const uri = freshUri('change-unopened');
    const before = client.published.length;
    client.change(uri, 2, [{ range: range(pos(0, 0), pos(0, 0)), text: '[[[' }]);
    client.change(uri, 3, [{ text: 'whole text' }]);
    await alive();
    expect(client.published.slice(before).filter((p) => p.uri === uri)).toEqual([]);
    const opened = await openAndWait(client, uri, DRAFT);
    expect(diagnosticKeys(opened)).toEqual(await freshDiagnostics(DRAFT));
    client.notify('textDocument/didClose', { textDocument: { uri: freshUri('close-unopened') } });
    await alive();
    tried('edit', 'didChange and didClose for documents never opened', 3, 'ignored; nothing published; a later open is unaffected');
  });

  it('malformed changes (text not a string, positions not integers, no list) are logged and ignored whole', async () => {
    const uri = freshUri('malformed');
    await openAndWait(client, uri, DRAFT);
    const from = client.notifications.length;
    const bad: unknown[] = [
      [{ text: 5 }],
      [{ range: range(pos(0, 0), pos(0, 0)), text: 'applied?' }, { text: null }],
      [{ range: { start: { line: 'a', character: 'b' }, end: { line: 0, character: 1 } }, text: 'x' }],
      [{ range: { start: { line: 0.5, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }],
      [{ range: {}, text: 'x' }],
      [{ range: range(pos(0, 0), pos(0, 1)) }],
      null,
      'text',
      [null],
    ];
    let v = 1;
    for (const b of bad) client.notify('textDocument/didChange', { textDocument: { uri, version: ++v }, contentChanges: b });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 'eleven' }, contentChanges: [{ text: 'x' }] });
    // A good change after them: the draft is DRAFT plus this change only.
    const good = { range: range(pos(4, 6), pos(4, 6)), text: 'closed] ' };
    client.change(uri, ++v, [good]);
    const got = await client.diagnostics(uri, v);
    expect(diagnosticKeys(got)).toEqual(await freshDiagnostics(applyChange(DRAFT, good)));
    expect(logsAfter(from).filter((m) => /ignoring a malformed change/.test(m))).toHaveLength(bad.length + 1);
    await alive();
    tried('edit', 'malformed didChange params (text not a string, non-integer positions, no list, bad version)', bad.length + 1, 'each logged and ignored whole; the draft unharmed');
  });

  it('a flood of 10 000 edits, then the diagnostics equal a fresh open of the final text', async () => {
    const uri = freshUri('flood');
    await openAndWait(client, uri, DRAFT);
    let text = DRAFT;
    // A small PRNG, seeded: the same flood each run.
    let seed = 0x6e65676f;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const pieces = ['[', ']', '{EU}', ' ', '\n', '\n\n', '3. ', 'text', '(A/RES/73/27, para. 2)', '[...]', '/', '# B. Title\n', '–'];
    const N = 10_000;
    const t0 = Date.now();
    for (let v = 2; v <= N + 1; v++) {
      const lines = lineStarts(text).length;
      const a = pos(rnd(lines + 1), rnd(40));
      const b = rnd(3) === 0 ? pos(a.line + rnd(2), rnd(40)) : a;
      // Keep the draft around its size: delete more when it grows.
      const c = { range: range(a, b), text: text.length > 4000 ? '' : pieces[rnd(pieces.length)] };
      client.change(uri, v, [c]);
      text = applyChange(text, c);
    }
    const got = await client.diagnostics(uri, N + 1, 60_000);
    const elapsed = Date.now() - t0;
    expect(diagnosticKeys(got)).toEqual(await freshDiagnostics(text));
    // And one notification with 1 000 changes.
    const many: { range: Range; text: string }[] = [];
    for (let k = 0; k < 1000; k++) {
      const a = pos(rnd(lineStarts(text).length), rnd(30));
      const c = { range: range(a, a), text: pieces[rnd(pieces.length)] };
      many.push(c);
      text = applyChange(text, c);
    }
    client.change(uri, N + 2, many);
    const after = await client.diagnostics(uri, N + 2, 30_000);
    expect(diagnosticKeys(after)).toEqual(await freshDiagnostics(text));
    await alive();
    tried('edit', 'a flood of random didChange notifications (then one with 1 000 changes)', N + 1000, `diagnostics equal a fresh open of the final text (flood answered in ${(elapsed / 1000).toFixed(1)} s)`);
  });
});

describe('cancellation', () => {
  it('$/cancelRequest for every request kind: each answered, with its result or RequestCancelled (-32800); nothing else changes', async () => {
    const uri = freshUri('cancel');
    // Big enough that the first request's analysis keeps the rest queued when their cancellations arrive.
    let text = DRAFT;
    while (text.length < 400_000) text += DRAFT.replace('# A. General', `# ${text.length}. Section`);
    await openAndWait(client, uri, text);
    const reqs = everyRequest(uri);
    const plain = (r: unknown) => JSON.stringify(r, (k, v) => (k === 'version' || k === 'blocksAnalysed' || k === 'documentPasses' ? undefined : v));
    const baseline = await Promise.all(reqs.map(([m, p]) => within(client.request(m, p), 20_000, m)));
    // A new version (the same text again) so that nothing is cached.
    client.change(uri, 2, [{ range: range(pos(0, 0), pos(0, 0)), text: 'x' }]);
    client.change(uri, 3, [{ range: range(pos(0, 0), pos(0, 1)), text: '' }]);
    const rounds = 3;
    let cancelled = 0;
    for (let round = 0; round < rounds; round++) {
      const sources = reqs.map(() => new CancellationTokenSource());
      const pending = reqs.map(([m, p], i) => outcome(client.connection.sendRequest(m, p, sources[i].token)));
      // Round 0 cancels at once, round 1 after a tick, round 2 in reverse order.
      if (round === 1) await sleep(1);
      (round === 2 ? [...sources].reverse() : sources).forEach((s) => s.cancel());
      const got = await within(Promise.all(pending), 30_000, 'cancelled requests');
      got.forEach((g, i) => {
        if ('error' in g) {
          expect(g.error.code, reqs[i][0]).toBe(-32800);
          cancelled++;
        } else expect(plain(g.result), reqs[i][0]).toEqual(plain(baseline[i]));
      });
      client.change(uri, 4 + 2 * round, [{ range: range(pos(0, 0), pos(0, 0)), text: 'x' }]);
      client.change(uri, 5 + 2 * round, [{ range: range(pos(0, 0), pos(0, 1)), text: '' }]);
    }
    expect(cancelled).toBeGreaterThan(0);
    // A cancellation for a request that was never sent, and for one long answered.
    client.notify('$/cancelRequest', { id: 987_654 });
    client.notify('$/cancelRequest', { id: 'nothing' });
    client.notify('$/cancelRequest', null);
    // Afterwards every request answers as before.
    const again = await Promise.all(reqs.map(([m, p]) => within(client.request(m, p), 20_000, m)));
    expect(again.map(plain)).toEqual(baseline.map(plain));
    await alive();
    tried('protocol', `$/cancelRequest for each of ${reqs.length} request kinds, ${rounds} rounds, plus cancels of unknown ids`, reqs.length * rounds + 3, `every request answered: ${cancelled} of ${reqs.length * rounds} RequestCancelled before they ran, the others their usual result; later answers unchanged`);
  });
});

describe('a 10 MB draft', () => {
  it('requests about a small draft are answered while it is analysed, and promptly once it is open', async () => {
    const big = freshUri('ten-mb');
    const para = (i: number) => `${i}. States [should]{EU} [consider / explore]{G77} the [voluntary]{Canada} norms of responsible State behaviour (A/RES/73/27, para. 3).\n\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 1; size < 10_000_000; i++) {
      parts.push(para(i));
      size += parts[parts.length - 1].length;
    }
    const text = parts.join('');
    const before = client.published.length;
    const t0 = Date.now();
    client.open(big, text);
    // A hover on the small draft, sent right behind the 10 MB one.
    const hover = within(client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: probe }, position: { line: 0, character: 12 } }), 60_000, 'hover behind the 10 MB draft')
      .then((h) => ({ h, at: Date.now() - t0 }));
    const published = publishedAfter(client, big, before, () => true, 60_000).then((p) => ({ p, at: Date.now() - t0 }));
    const [{ h, at: hoverAt }, { at: publishedAt }] = await Promise.all([hover, published]);
    expect(h.contents.value).toMatch(/European Union/);
    // The server builds the large draft a slice at a time: the hover waits for the draft's message
    // to be read and its lines scanned, not for its analysis, and is answered before its diagnostics.
    expect(hoverAt).toBeLessThan(publishedAt);
    expect(hoverAt).toBeLessThan(5000);
    // Once it is open, a hover on the small draft does not pay for the big one.
    const lat: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = Date.now();
      await alive();
      lat.push(Date.now() - t);
    }
    lat.sort((a, b) => a - b);
    expect(lat[2]).toBeLessThan(500);
    // A keystroke in the 10 MB draft does not hold up the small one for long either.
    const t1 = Date.now();
    client.change(big, 2, [{ range: range(pos(0, 3), pos(0, 3)), text: 'x' }]);
    await alive();
    const afterEdit = Date.now() - t1;
    expect(afterEdit).toBeLessThan(5000);
    client.notify('textDocument/didClose', { textDocument: { uri: big } });
    await alive();
    tried('protocol', 'a hover on a small draft while a 10 MB draft is opened and analysed', 1,
      `answered after ${(hoverAt / 1000).toFixed(1)} s, the 10 MB draft's diagnostics after ${(publishedAt / 1000).toFixed(1)} s; then hovers in ${lat[2]} ms (median), ${afterEdit} ms after a keystroke in the big draft`);
  }, 90_000);
});

describe('a hostile agreed-texts folder (negotext.agreedTexts from an untrusted workspace)', () => {
  it('a FIFO, a link to /dev/zero, a dangling link and a link loop: skipped or logged; the server starts and answers', async () => {
    const dir = join(tmp, 'agreed');
    mkdirSync(dir);
    copyFileSync(join(__dirname, '..', '..', 'test-fixtures', 'references-checked-triggered', 'agreed', 'A-RES-73-27-excerpt.md'), join(dir, 'A-RES-73-27-excerpt.md'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync(join(tmp, 'nowhere.md'), join(dir, 'dangling.md'));
    symlinkSync(dir, join(dir, 'loop'));
    const fifo = spawnSync('mkfifo', [join(dir, 'fifo.md')]).status === 0;
    const t0 = Date.now();
    const c = await within(LspClient.start({ settings: { agreedTexts: [dir] } }), 15_000, 'initialize with a hostile agreed-texts folder');
    try {
      const started = Date.now() - t0;
      const uri = freshUri('hostile-agreed');
      await openAndWait(c, uri, PROBE_TEXT);
      await alive(c, uri);
      expect(started).toBeLessThan(10_000);
      tried('input', `agreed-texts folder with ${fifo ? 'a FIFO, ' : ''}a link to /dev/zero, a dangling link and a link loop`, fifo ? 4 : 3, `server up in ${started} ms and answering; special files skipped`);
    } finally {
      await c.stop();
    }
  });
});

describe('opening and closing 1 000 documents', () => {
  it('leaves no model behind: RSS and heap back where they were once V8 has warmed up', async () => {
    // Inside the server, on request through a file: a full collection, then process.memoryUsage().
    const trigger = join(tmp, 'gc-trigger');
    const result = join(tmp, 'gc-result.json');
    const helper = join(tmp, 'gc-helper.cjs');
    writeFileSync(helper, `
      const fs = require('node:fs');
      require('node:v8').setFlagsFromString('--expose-gc');
      const gc = require('node:vm').runInNewContext('gc');
      setInterval(() => {
        if (!fs.existsSync(${JSON.stringify(trigger)})) return;
        fs.unlinkSync(${JSON.stringify(trigger)});
        gc(); gc();
        fs.writeFileSync(${JSON.stringify(result)}, JSON.stringify(process.memoryUsage()));
      }, 20).unref();`);
    const c = await LspClient.start({ args: ['--require', helper] });
    try {
      const cProbe = freshUri('leak-probe');
      await openAndWait(c, cProbe, PROBE_TEXT);
      const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${c.child.pid}/status`, 'utf8'))![1]) * 1024;
      const memory = async (): Promise<{ heapUsed: number; rss: number }> => {
        await sleep(800); // the server's own collection, 500 ms after the closes stop (lsp/idleGc.ts)
        if (existsSync(result)) unlinkSync(result);
        writeFileSync(trigger, '');
        await expect.poll(() => existsSync(result), { timeout: 5000 }).toBe(true);
        await sleep(20);
        const m = JSON.parse(readFileSync(result, 'utf8')) as { heapUsed: number };
        return { heapUsed: m.heapUsed, rss: rss() };
      };
      const body = (i: number) => Array.from({ length: 40 }, (_, k) => `${k + 1}. Draft ${i}: States [should]{EU} [consider / explore]{G77} norms (A/RES/73/27, para. ${k}).\n`).join('\n');
      /** Open n drafts, 50 at a time, ask for what materialises the analysis, close them. */
      const cycle = async (n: number, tag: string) => {
        for (let i = 0; i < n; i += 50) {
          const uris = Array.from({ length: Math.min(50, n - i) }, (_, k) => freshUri(`${tag}-${i + k}`));
          for (const [k, u] of uris.entries()) c.open(u, body(i + k));
          await Promise.all(uris.flatMap((u) => [c.request('textDocument/documentSymbol', { textDocument: { uri: u } }), c.request('negotext/ledger', { textDocument: { uri: u } })]));
          for (const u of uris) c.notify('textDocument/didClose', { textDocument: { uri: u } });
        }
        await alive(c, cProbe);
      };
      const mb = (x: number) => (x / 2 ** 20).toFixed(1);
      // RSS as the server leaves it when the closes stop: after its own collection (lsp/idleGc.ts).
      const idle = async (): Promise<number> => (await sleep(800), rss());
      const start = await idle();
      const t0 = Date.now();
      await cycle(1000, 'leak');
      const elapsed = Date.now() - t0;
      const warmRss = await idle();
      // From the start, RSS also gains what V8 compiles while it warms up to the work (code and
      // type feedback, 3 to 4 MB, once): 1.06–1.08× as the extension starts the server
      // (server/src/nodeFlags.ts: one V8 worker, whose malloc arena had kept 3–5 MB more; 1.10–1.12×
      // without). The 10% is judged by `npm run bench`, not here: a memory figure taken
      // while other test files run is no bound to fail a build on; this one catches a model kept
      // per draft (40 paragraphs with their analysis: 1 000 kept would be tens of MB).
      expect(warmRss / start, `RSS ${mb(start)} → ${mb(warmRss)} MB over the first 1 000`).toBeLessThan(1.15);
      // From then on, what one draft's model kept would show: RSS within 10% over 300 more, and
      // the heap, fully collected, within 5% (a draft of 40 paragraphs with its analysis is tens of
      // kB: 300 kept would be MBs).
      const warm = await memory();
      await cycle(300, 'more');
      const endRss = await idle();
      const after = await memory();
      const heapGrowth = (after.heapUsed - warm.heapUsed) / warm.heapUsed;
      const report = `RSS ${mb(start)} → ${mb(warmRss)} MB over the first 1 000 (${(warmRss / start).toFixed(2)}×), → ${mb(endRss)} MB over 300 more (${(endRss / warmRss).toFixed(2)}×); heap ${mb(warm.heapUsed)} → ${mb(after.heapUsed)} MB`;
      expect(endRss / warmRss, report).toBeLessThan(1.1);
      expect(heapGrowth, report).toBeLessThan(0.05);
      tried('protocol', 'drafts opened, analysed and closed', 1300, `no leak: ${report} (${(elapsed / 1000).toFixed(1)} s)`);
    } finally {
      await c.stop();
    }
  }, 90_000);
});
