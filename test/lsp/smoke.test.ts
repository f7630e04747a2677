// The bundled server over stdio: diagnostics on open, after an edit, and a hover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../support/lspClient';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client.stop();
});

describe('language server over stdio', () => {
  it('publishes diagnostics with FORMAT.md codes and source negotext', async () => {
    const uri = 'file:///tmp/smoke.draft.md';
    client.open(uri, '1. States [should]{EU} act.\n\n2. An [unclosed bracket.\n');
    const p = await client.diagnostics(uri, 1);
    expect(p.diagnostics.map((d) => [d.code, d.severity, d.source, d.range.start.line])).toEqual([['unbalanced-bracket', 1, 'negotext', 2]]);
    client.change(uri, 2, [{ range: { start: { line: 2, character: 24 }, end: { line: 2, character: 24 } }, text: ']' }]);
    const q = await client.diagnostics(uri, 2);
    expect(q.diagnostics).toEqual([]);
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 19 } });
    expect(h.contents.value).toMatch(/European Union/);
  });
});
