// The stdio writer's encoder assembles publishDiagnostics from cached bytes:
// whatever it is given, the bytes must parse to the message it was given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMessage } from '../../server/src/lsp/encoder';

const position = fc.record({ line: fc.nat(), character: fc.nat() });
const diagnostic = fc.record(
  {
    range: fc.record({ start: position, end: position }),
    severity: fc.integer({ min: 1, max: 4 }),
    code: fc.string(),
    source: fc.constant('negotext'),
    message: fc.string({ unit: 'binary' }), // lone surrogates, quotes, control characters, astral
    data: fc.jsonValue(),
  },
  { requiredKeys: ['range', 'message'] },
);
const publish = fc.record(
  {
    jsonrpc: fc.constant('2.0'),
    method: fc.constant('textDocument/publishDiagnostics'),
    params: fc.record({ uri: fc.string({ unit: 'binary' }), version: fc.option(fc.integer(), { nil: undefined }), diagnostics: fc.array(diagnostic, { maxLength: 8 }) }, { requiredKeys: ['uri', 'diagnostics'] }),
  },
);

const roundTrip = (m: object) => JSON.parse(encodeMessage(m as never).toString('utf8'));
// What vscode-jsonrpc's own encoder would have sent, as the client reads it.
const expected = (m: object) => JSON.parse(Buffer.from(JSON.stringify(m), 'utf8').toString('utf8'));

describe('the message encoder', () => {
  it('encodes publishDiagnostics to what JSON.stringify would, also when the diagnostics were encoded before', () => {
    fc.assert(
      fc.property(publish, fc.nat(), (m, k) => {
        expect(roundTrip(m)).toEqual(expected(m));
        // The same diagnostic objects again, in another order and message: served from the cache.
        const again = { ...m, params: { ...m.params, diagnostics: [...m.params.diagnostics].reverse().slice(k % 3) } };
        expect(roundTrip(again)).toEqual(expected(again));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('leaves every other message to JSON.stringify', () => {
    const others = [
      { jsonrpc: '2.0', id: 1, result: { contents: 'x' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'u', diagnostics: [], extra: 1 } },
      { jsonrpc: '2.0', id: 2, method: 'textDocument/publishDiagnostics', params: { uri: 'u', diagnostics: [] } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'é\u2028' } },
    ];
    for (const m of others) expect(encodeMessage(m as never).toString('utf8')).toBe(JSON.stringify(m));
  });
});
