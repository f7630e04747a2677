// The extension's pure parts: grouping the ledger for the Brackets view, the
// status bar text, and package.json naming what the client registers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Ledger,
  type LedgerBracket,
  NOT_ATTRIBUTED,
  OUTSIDE_PARAGRAPHS,
  bracketDescription,
  bracketTooltip,
  followed,
  groupByParagraph,
  groupByProposer,
  groupDescription,
  shortText,
  statusText,
} from '../client/src/ledger';

let next = 0;
function bracket(line: number, over: Partial<LedgerBracket> = {}): LedgerBracket {
  return {
    id: `b${next++}`,
    range: { start: { line, character: 4 }, end: { line, character: 20 } },
    paragraph: '1',
    depth: 1,
    kind: 'text',
    proposers: [],
    action: null,
    text: 'some text',
    status: 'pending',
    group: null,
    closed: true,
    ...over,
  };
}

function ledger(brackets: LedgerBracket[], agreed = 40, agreedAdRef = 1, total = 57): Ledger {
  return {
    uri: 'file:///d.draft.md',
    version: 1,
    paragraphs: { total, agreed, agreedAdRef, pending: total - agreed - agreedAdRef },
    brackets,
  };
}

const ids = (bs: LedgerBracket[]) => bs.map((b) => b.id);

describe('groupByProposer', () => {
  it('lists proposers alphabetically, a bracket under each of its proposers, unattributed last', () => {
    const a = bracket(3, { proposers: ['European Union', 'Canada'] });
    const b = bracket(1, { proposers: [] });
    const c = bracket(2, { proposers: ['Canada'] });
    const groups = groupByProposer([a, b, c]);
    expect(groups.map((g) => g.label)).toEqual(['Canada', 'European Union', NOT_ATTRIBUTED]);
    expect(ids(groups[0]!.brackets)).toEqual([c.id, a.id]); // document order
    expect(ids(groups[1]!.brackets)).toEqual([a.id]);
    expect(ids(groups[2]!.brackets)).toEqual([b.id]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('counts a name written twice once', () => {
    const groups = groupByProposer([bracket(1, { proposers: ['Mexico', 'Mexico'] })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.brackets).toHaveLength(1);
  });

  it('has no groups without brackets', () => {
    expect(groupByProposer([])).toEqual([]);
  });
});

describe('groupByParagraph', () => {
  it('follows document order and puts brackets outside paragraphs last', () => {
    const h = bracket(0, { paragraph: null, status: null });
    const p3 = bracket(5, { paragraph: '3' });
    const p3b = bracket(5, { paragraph: '3', depth: 2, range: { start: { line: 5, character: 9 }, end: { line: 5, character: 12 } } });
    const bis = bracket(8, { paragraph: '3 bis', status: 'agreed-ad-ref' });
    const u = bracket(1, { paragraph: '¶1' });
    const groups = groupByParagraph([bis, p3b, h, p3, u]);
    expect(groups.map((g) => g.label)).toEqual(['¶1', 'para. 3', 'para. 3 bis', OUTSIDE_PARAGRAPHS]);
    expect(ids(groups[1]!.brackets)).toEqual([p3.id, p3b.id]);
    expect(groupDescription(groups[1]!)).toBe('2 brackets · pending');
    expect(groupDescription(groups[2]!)).toBe('1 bracket · agreed-ad-ref');
    expect(groupDescription(groups[3]!)).toBe('1 bracket');
  });

  it('keeps two paragraphs with the same label apart, with distinct keys', () => {
    const groups = groupByParagraph([
      bracket(1, { paragraph: '5' }),
      bracket(2, { paragraph: '6' }),
      bracket(3, { paragraph: '5' }),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['para. 5', 'para. 6', 'para. 5']);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });
});

describe('statusText', () => {
  it('counts open brackets and agreed paragraphs, ad ref included', () => {
    const bs = Array.from({ length: 12 }, (_, i) => bracket(i));
    expect(statusText(ledger(bs, 38, 3, 57))).toBe('12 open brackets · 41/57 paragraphs agreed');
  });

  it('says 1 open bracket, and 0 open brackets', () => {
    expect(statusText(ledger([bracket(1)], 56, 0, 57))).toBe('1 open bracket · 56/57 paragraphs agreed');
    expect(statusText(ledger([], 57, 0, 57))).toBe('0 open brackets · 57/57 paragraphs agreed');
  });
});

describe('tree labels', () => {
  it('puts a long bracket on one short line', () => {
    expect(shortText('the  Programme\nof Action')).toBe('the Programme of Action');
    const cut = shortText('word '.repeat(40));
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(shortText('  ')).toBe('[ ]');
    // (found in a hands-on pass: rows read `*Notes*`)
    expect(shortText('*Notes* and **Option 1:** text')).toBe('Notes and Option 1: text');
    expect(shortText('snake_case_name and 2 * 3 * 4 and Parties*')).toBe('snake_case_name and 2 * 3 * 4 and Parties*');
  });

  it('describes kind and depth, the paragraph under a proposer, and an unclosed bracket', () => {
    const b = bracket(1, { paragraph: '4', kind: 'alternative', depth: 2, action: 'alt', closed: false });
    expect(bracketDescription(b, false)).toBe('alternative · depth 2 · alt · unclosed');
    expect(bracketDescription(b, true)).toBe('para. 4 · alternative · depth 2 · alt · unclosed');
    expect(bracketDescription(bracket(1, { kind: 'deletion', action: 'delete' }), false)).toBe('deletion · depth 1');
  });

  it('names proposers and status in the tooltip', () => {
    const tip = bracketTooltip(bracket(1, { proposers: ['United States of America'], action: 'delete', kind: 'deletion' }));
    expect(tip).toContain('Proposed by: United States of America (delete)');
    expect(tip).toContain('Paragraph: para. 1 (pending)');
    expect(bracketTooltip(bracket(1))).toContain(`Proposed by: ${NOT_ATTRIBUTED}`);
  });

  // (found using the extension in VS Code: the tooltip showed the internal group id `g11.0`)
  it("gives an alternative's place among its group, not the group's id", () => {
    const a = bracket(1, { kind: 'alternative', group: 'g11.0' });
    const b = bracket(1, { kind: 'alternative', group: 'g11.0' });
    const tip = bracketTooltip(b, [a, b, bracket(2)]);
    expect(tip).toContain('Kind: alternative, depth 1, alternative 2 of 2');
    expect(tip).not.toContain('g11');
  });
});

// (found using the extension in VS Code: in a treaty every Article numbers from 1, and the list showed `para. 1` four times)
describe('groupByParagraph with labels repeated under headings', () => {
  it('names a repeated label with its heading, and only a repeated one', () => {
    const groups = groupByParagraph([
      bracket(1, { paragraph: '1', section: 'Article 2 (purpose)' }),
      bracket(3, { paragraph: '2', section: 'Article 2 (purpose)' }),
      bracket(5, { paragraph: '1', section: 'Article 3 (mitigation)' }),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['para. 1 · Article 2 (purpose)', 'para. 2', 'para. 1 · Article 3 (mitigation)']);
  });
});

// (found using the extension in VS Code: picking the negotext channel in the Output panel blanked the status bar and the view)
describe('followed: the draft the views follow', () => {
  const draft = { isDraft: true, scheme: 'file', doc: 'draft' };
  it('follows a draft; keeps the one on screen while focus is in a panel or the Output; drops it for another file', () => {
    expect(followed(undefined, draft, false)).toBe('draft');
    expect(followed('old', undefined, true)).toBe('old');
    expect(followed('old', { isDraft: false, scheme: 'output', doc: 'out' }, true)).toBe('old');
    expect(followed('old', { isDraft: false, scheme: 'output', doc: 'out' }, false)).toBeUndefined();
    expect(followed('old', { isDraft: false, scheme: 'file', doc: 'notes.ts' }, true)).toBeUndefined();
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const source = ['extension.ts', 'bracketsView.ts', 'statusBar.ts', 'compareView.ts']
    .map((f) => readFileSync(`client/src/${f}`, 'utf8'))
    .join('\n');

  it('contributes every command the client registers, and the view it fills', () => {
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(registered).toEqual(contributed);
    expect(pkg.contributes.views.explorer.map((v: { id: string }) => v.id)).toEqual(['negotext.brackets']);
    expect(source).toContain("VIEW_ID = 'negotext.brackets'");
  });

  it('declares the settings the server and the client read', () => {
    expect(Object.keys(pkg.contributes.configuration.properties).sort()).toEqual([
      'negotext.agreedTexts',
      'negotext.codeLens.enabled',
      'negotext.proposerAliases',
      'negotext.shadeBrackets',
      'negotext.trace.server',
    ]);
  });
});
