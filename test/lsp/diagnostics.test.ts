// textDocument/publishDiagnostics over stdio: FORMAT.md codes, source
// `negotext`, LSP severities, and for unknown-proposer the nearest registry
// names in data.suggestions and in the message. Data-driven over the shared
// fixtures and the trigger / no-trigger cases of test-fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../support/lspClient';
import { CASE_FIXTURES, freshUri, openAndWait, sharedDrafts, type ExpectedJson } from './fixtures/harness';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client?.stop();
});

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

/** Cases of test-fixtures that need no agreed texts (those are in settings.test.ts). */
const caseFixtures = existsSync(CASE_FIXTURES)
  ? readdirSync(CASE_FIXTURES)
      .filter((d) => existsSync(join(CASE_FIXTURES, d, 'input.draft.md')) && !existsSync(join(CASE_FIXTURES, d, 'agreed')))
      .sort()
      .map((d) => ({
        name: d,
        text: readFileSync(join(CASE_FIXTURES, d, 'input.draft.md'), 'utf8'),
        expected: JSON.parse(readFileSync(join(CASE_FIXTURES, d, 'expected.json'), 'utf8')) as ExpectedJson,
      }))
  : [];

describe('diagnostics of fixture drafts', () => {
  it.each([...sharedDrafts(), ...caseFixtures].map((f) => [f.name, f] as const))('%s: codes and lines as expected.json', async (_name, f) => {
    const uri = freshUri(f.name, f.name.endsWith('.txt') ? 'draft.txt' : 'draft.md');
    const p = await openAndWait(client, uri, f.text);
    expect(p.version).toBe(1);
    for (const d of p.diagnostics) {
      expect(d.source).toBe('negotext');
      expect(Object.values(SEVERITY)).toContain(d.severity);
    }
    const listed = new Set((f.expected.diagnostics ?? []).map((d) => d.code));
    const got = p.diagnostics.filter((d) => d.severity <= 2 || listed.has(d.code)).map((d) => `${d.code}@${d.range.start.line}`).sort();
    expect(got).toEqual((f.expected.diagnostics ?? []).map((d) => `${d.code}@${d.line}`).sort());
    for (const e of f.expected.diagnostics ?? []) {
      if (!e.severity) continue;
      const m = p.diagnostics.find((d) => d.code === e.code && d.range.start.line === e.line);
      expect(m?.severity, `${e.code}@${e.line}`).toBe(SEVERITY[e.severity]);
    }
  });
});

describe('diagnostic fields', () => {
  it('locates an unbalanced bracket at the unmatched character, as an error', async () => {
    const uri = freshUri('unbalanced');
    const p = await openAndWait(client, uri, '1. Open [here.\n\n2. Stray ] there.\n');
    expect(p.diagnostics.map((d) => [d.code, d.severity, d.source, d.range])).toEqual([
      ['unbalanced-bracket', 1, 'negotext', { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }],
      ['unbalanced-bracket', 1, 'negotext', { start: { line: 2, character: 9 }, end: { line: 2, character: 10 } }],
    ]);
  });

  it('gives an unknown proposer the nearest registry names, in data.suggestions and in the message', async () => {
    const uri = freshUri('unknown-proposer');
    const p = await openAndWait(client, uri, '1. States [should]{Brazill, Germny} act.\n');
    expect(p.diagnostics.map((d) => [d.code, d.severity, d.range])).toEqual([
      ['unknown-proposer', 2, { start: { line: 0, character: 19 }, end: { line: 0, character: 26 } }],
      ['unknown-proposer', 2, { start: { line: 0, character: 28 }, end: { line: 0, character: 34 } }],
    ]);
    const [brazil, germany] = p.diagnostics;
    const s1 = (brazil.data as { suggestions: string[] }).suggestions;
    const s2 = (germany.data as { suggestions: string[] }).suggestions;
    expect(s1[0]).toBe('Brazil');
    expect(s2[0]).toBe('Germany');
    expect(s1.length).toBeLessThanOrEqual(3);
    expect(brazil.message).toContain('Brazill');
    expect(brazil.message).toContain('Brazil"');
    expect(germany.message).toContain('Germany');
  });

  it('reports no unknown-proposer for known names, aliases, editorial notes or bracketed prose', async () => {
    const uri = freshUri('known-proposers');
    const p = await openAndWait(client, uri,
      '1. States [should]{EU, Russia, G-77/China, US} act [now]{Note: pending Article 10} and [ransomware – including] more.\n');
    expect(p.diagnostics).toEqual([]);
  });

  it('publishes no diagnostics for an agreed draft', async () => {
    const uri = freshUri('clean');
    const p = await openAndWait(client, uri, '# A. General\n\n1. States act.\n\n2. States [should]{Mexico} act.\n');
    expect(p.diagnostics).toEqual([]);
  });
});
