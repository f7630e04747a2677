// The server's life over stdio: what it advertises, the analysisChanged
// notification, a burst of edits published once, out-of-order versions,
// didClose (empty diagnostics, the model freed: later requests answer empty,
// never with an error), and shutdown/exit.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { LspClient, serverPath } from '../support/lspClient';
import { freshUri, initializeResult, openAndWait, publishedAfter, sleep } from './fixtures/harness';

let client: LspClient;
let init: InitializeResult;
beforeAll(async () => {
  [client, init] = await Promise.all([LspClient.start(), initializeResult()]);
});
afterAll(async () => {
  await client?.stop();
});

const DRAFT = '# A. General\n\n1. States [should]{EU} act.\n\n2. An [unclosed bracket.\n';

/** Every request a client may send about a document, with the empty answer expected for a document the server does not hold. */
function requestsFor(uri: string): { method: string; params: unknown; empty: unknown }[] {
  const textDocument = { uri };
  const position = { line: 2, character: 12 };
  const range = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };
  return [
    { method: 'textDocument/documentSymbol', params: { textDocument }, empty: [] },
    { method: 'textDocument/hover', params: { textDocument, position }, empty: null },
    { method: 'textDocument/codeAction', params: { textDocument, range, context: { diagnostics: [] } }, empty: [] },
    { method: 'textDocument/completion', params: { textDocument, position: { line: 2, character: 19 } }, empty: null },
    { method: 'textDocument/foldingRange', params: { textDocument }, empty: [] },
    { method: 'textDocument/documentHighlight', params: { textDocument, position }, empty: [] },
    { method: 'textDocument/semanticTokens/full', params: { textDocument }, empty: { data: [] } },
    { method: 'textDocument/semanticTokens/range', params: { textDocument, range }, empty: { data: [] } },
    { method: 'textDocument/codeLens', params: { textDocument }, empty: [] },
    { method: 'negotext/ledger', params: { textDocument }, empty: null },
    { method: 'negotext/stats', params: { textDocument }, empty: null },
    { method: 'negotext/bracketEdit', params: { textDocument, position, action: 'accept' }, empty: null },
  ];
}

describe('initialize', () => {
  it('advertises incremental sync and every provider, with a semantic token legend', () => {
    const caps = init.capabilities;
    expect(init.serverInfo?.name).toBe('negotext');
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 /* Incremental */ });
    for (const p of ['hoverProvider', 'documentSymbolProvider', 'codeActionProvider', 'completionProvider', 'foldingRangeProvider', 'documentHighlightProvider', 'codeLensProvider', 'semanticTokensProvider'] as const) {
      expect(caps[p], p).toBeTruthy();
    }
    const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
    expect(legend.tokenTypes).toEqual(expect.arrayContaining(['bracket', 'proposer', 'paragraphLabel', 'reference']));
    expect(legend.tokenModifiers).toEqual(expect.arrayContaining(['depth1', 'depth2']));
    expect(caps.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['{', ',']));
  });

  it('exits with status 0 after shutdown and exit', async () => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    await connection.sendRequest('shutdown', null);
    await connection.sendNotification('exit', null);
    const code = await Promise.race([exited, sleep(3000).then(() => 'timeout' as const)]);
    connection.dispose();
    if (child.exitCode === null) child.kill();
    expect(code).toBe(0);
  });
});

describe("node's flags for the server", () => {
  it('are the same wherever the server is started: the extension, the tests, the benchmark', () => {
    const bench = readFileSync(join(__dirname, '..', '..', 'bench', 'lsp.mjs'), 'utf8');
    expect(JSON.parse(/export const SERVER_NODE_FLAGS = (\[[^\]]*\]);/.exec(bench)![1].replace(/'/g, '"'))).toEqual([...SERVER_NODE_FLAGS]);
    const extension = readFileSync(join(__dirname, '..', '..', 'client', 'src', 'extension.ts'), 'utf8');
    expect(extension).toMatch(/run: \{[^}]*execArgv: \[\.\.\.SERVER_NODE_FLAGS\]/);
  });

  it('are not needed: started bare, `node dist/server.js --stdio`, the server works the same', async () => {
    // the lifecycle test above and fixtures/harness.ts start it bare; this one opens a draft too
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri('bare'), languageId: 'negotext', version: 1, text: DRAFT } });
      expect((await published).diagnostics.map((d) => d.code)).toEqual(['unbalanced-bracket']);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

describe('negotext/analysisChanged', () => {
  it('follows each published analysis with the uri and version', async () => {
    const uri = freshUri('changed');
    await openAndWait(client, uri, DRAFT);
    client.change(uri, 2, [{ range: { start: { line: 4, character: 24 }, end: { line: 4, character: 24 } }, text: ']' }]);
    await client.diagnostics(uri, 2);
    await sleep(20);
    const mine = client.notifications.filter((n) => n.method === 'negotext/analysisChanged' && (n.params as { uri: string }).uri === uri).map((n) => n.params);
    expect(mine).toEqual([{ uri, version: 1 }, { uri, version: 2 }]);
  });

  it('is not sent for a document that was never opened, nor after it closed', async () => {
    const uri = freshUri('closed-quiet');
    await openAndWait(client, uri, DRAFT);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await sleep(30);
    const versions = client.notifications.filter((n) => n.method === 'negotext/analysisChanged' && (n.params as { uri: string }).uri === uri).map((n) => (n.params as { version: number }).version);
    expect(versions).toEqual([1]);
  });
});

describe('a burst of edits', () => {
  it('publishes the last version and cancels the stale ones', async () => {
    const uri = freshUri('burst');
    await openAndWait(client, uri, '1. States [should]{EU} act.\n');
    const before = client.published.length;
    // Ten keystrokes sent as one burst, as a fast typist or a paste-and-fix macro does.
    for (let v = 2; v <= 11; v++) client.change(uri, v, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: 'x' }]);
    const last = await publishedAfter(client, uri, before, (p) => p.version === 11);
    expect(last.diagnostics).toEqual([]);
    await sleep(50);
    const versions = client.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions[versions.length - 1]).toBe(11);
    // Versions 2 … 10 were stale before the server got to them: at most a couple may slip through, not all nine.
    expect(versions.length, `published versions ${versions.join(', ')}`).toBeLessThanOrEqual(3);
  });

  it('ignores a change whose version is older than the document', async () => {
    const uri = freshUri('out-of-order');
    await openAndWait(client, uri, '1. States act.\n', 5);
    client.change(uri, 3, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '[' }]);
    const stats = await client.request<{ version: number }>('negotext/stats', { textDocument: { uri } });
    expect(stats.version).toBe(5);
    const ledger = await client.request<{ brackets: unknown[] }>('negotext/ledger', { textDocument: { uri } });
    expect(ledger.brackets).toEqual([]);
  });
});

describe('didClose', () => {
  it('publishes empty diagnostics and frees the model: later requests answer empty, not with errors', async () => {
    const uri = freshUri('close');
    const opened = await openAndWait(client, uri, DRAFT);
    expect(opened.diagnostics.map((d) => d.code)).toEqual(['unbalanced-bracket']);
    // While open, every request has something to say about this draft.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBeGreaterThan(0);
    const before = client.published.length;
    client.notify('textDocument/didClose', { textDocument: { uri } });
    const closed = await publishedAfter(client, uri, before);
    expect(closed.diagnostics).toEqual([]);
    for (const r of requestsFor(uri)) {
      const got = await client.request(r.method, r.params).then((x) => x, (e: Error) => `error: ${e.message}`);
      expect(got, r.method).toEqual(r.empty);
    }
  });

  it('answers empty for a document that was never opened', async () => {
    const uri = freshUri('never-opened');
    for (const r of requestsFor(uri)) {
      const got = await client.request(r.method, r.params).then((x) => x, (e: Error) => `error: ${e.message}`);
      expect(got, r.method).toEqual(r.empty);
    }
  });

  it('leaves other open documents alone, and a reopened document starts afresh', async () => {
    const a = freshUri('close-a');
    const b = freshUri('close-b');
    await openAndWait(client, a, DRAFT);
    await openAndWait(client, b, DRAFT);
    client.notify('textDocument/didClose', { textDocument: { uri: a } });
    const ledgerB = await client.request<{ brackets: unknown[] }>('negotext/ledger', { textDocument: { uri: b } });
    expect(ledgerB.brackets).toHaveLength(2);
    const before = client.published.length;
    client.open(a, '1. Agreed text.\n', 1);
    const again = await publishedAfter(client, a, before);
    expect(again.version).toBe(1);
    expect(again.diagnostics).toEqual([]);
    const ledgerA = await client.request<{ brackets: unknown[]; version: number }>('negotext/ledger', { textDocument: { uri: a } });
    expect(ledgerA).toMatchObject({ version: 1, brackets: [] });
  });
});
