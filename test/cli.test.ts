// The CLI as a user runs it: the built dist/cli.js in a child process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tried } from './support/tried';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'negotext-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `status --json` of one file, with `rows(…counts)`: each section's title with the counts named. */
function statusOf(f: string): { total: Record<string, unknown>; rows: (...counts: string[]) => unknown[][] } {
  const [s] = JSON.parse(run('status', f, '--json').out) as { sections: Record<string, unknown>[]; total: Record<string, unknown> }[];
  return { total: s.total, rows: (...counts) => s.sections.map((x) => [x.section, ...counts.map((k) => x[k])]) };
}

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first (npm test does)');
});

describe('negotext analyze --json', () => {
  it('prints FORMAT.md §9 for each file, exit 0 without errors', () => {
    const f = file('ok.draft.md', '# A. Intro\n\n1. States [should]{EU} act (A/76/135, para. 6).\n');
    const r = run('analyze', f, '--json');
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['file', 'paragraphs', 'brackets', 'references', 'diagnostics']);
    expect(report.file).toBe(f);
    expect(report.paragraphs).toEqual([
      { label: '1', section: 'A. Intro', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 47 } }, status: 'pending', brackets: 1 },
    ]);
    expect(report.brackets[0]).toMatchObject({ paragraph: '1', depth: 1, kind: 'text', proposers: ['European Union'], action: null, text: 'should' });
    expect(report.references[0]).toMatchObject({ paragraph: '1', symbol: 'A/76/135', pinpoint: '6', quote: null });
  });

  it('exits 1 when a file has an error', () => {
    const r = run('analyze', '--json', file('err.draft.md', '1. An [unclosed bracket.\n'));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)[0].diagnostics[0]).toMatchObject({ code: 'unbalanced-bracket', severity: 'error' });
  });

  it('analyses the shared fixtures exactly as their expected files say', () => {
    const shared = join(root, '..', 'shared', 'fixtures', 'oewg-progress-report.draft.md');
    if (!existsSync(shared)) return;
    const r = run('analyze', shared, '--json');
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(shared.replace('.draft.md', '.expected.json'), 'utf8'));
    const got = JSON.parse(r.out)[0];
    expect(got.paragraphs.map((p: { label: string; status: string }) => [p.label, p.status])).toEqual(
      expected.paragraphs.map((p: { label: string; status: string }) => [p.label, p.status]),
    );
  });
});

describe('bad usage and unreadable files: one line, exit 2', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['analyze', join(tmp, 'nope.draft.md')], /nope\.draft\.md: cannot read: no such file/],
    ['a directory', () => ['check', tmp], /is a directory/],
    ['a binary file', () => ['status', file('x.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]))], /binary/],
    ['an unknown flag', () => ['analyze', '--jsn', file('a.draft.md', '1. x\n')], /unknown option --jsn/],
    ['an unknown command', () => ['compile', 'x'], /unknown command 'compile'/],
    ['no file', () => ['status'], /needs at least one FILE/],
    ['no arguments at all', () => [], /^negotext: no command \(usage: negotext <command> \[options\] FILE…; commands: analyze, status, check, cite, compare; negotext --help for more\)\n$/],
    // An unknown option is bad usage even beside --help, for compare as for the others.
    ['compare --bogus --help', () => ['compare', '--bogus', '--help'], /unknown option --bogus/],
    ['analyze --bogus --help', () => ['analyze', '--bogus', '--help'], /unknown option --bogus/],
    ['standard input named twice', () => ['compare', '-', '-'], /- \(standard input\) can be given only once/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = run(...args());
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    });
  }
});

describe('drafts not in UTF-8', () => {
  it('a Windows-1252 file is read as such, checked, and said to be so on stderr', () => {
    const f = file('cp1252.draft.md', Buffer.from([...Buffer.from('1. R'), 0xe9, ...Buffer.from('solution [should]{EU} '), 0x93, ...Buffer.from('agree'), 0x94, ...Buffer.from('.\n')]));
    const r = run('analyze', '--json', f);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0].brackets[0].text).toBe('should');
    expect(JSON.parse(r.out)[0].paragraphs[0].label).toBe('1');
    expect(r.err.trim().split('\n')).toEqual([`negotext: ${f} is not UTF-8: read as Windows-1252 (re-save it as UTF-8 to be sure of every character)`]);
    expect(run('check', f).err).toContain('0 problems in 1 file');
  });

  it("Word's curly quotes and dashes in Windows-1252 (0x80–0x9F) are read as such: the quotation is checked, the dash attribution read", () => {
    const cp = (s: string) => Buffer.from([...s].map((c) => ({ '“': 0x93, '”': 0x94, '–': 0x96, 'é': 0xe9 })[c] ?? c.charCodeAt(0)));
    const agreed = join(tmp, 'cp1252-agreed');
    mkdirSync(agreed, { recursive: true });
    writeFileSync(join(agreed, 'A-RES-1-1.md'), '---\nsymbol: A/RES/1/1\nagreed: true\n---\n1. The States shall cooperate in good faith.\n');
    const f = file('cp1252-quote.draft.md', cp('1. As in resolution 1/1, para. 1, “The States shall bake cakes”, [the Parties – Mexico] agreed.\n'));
    const j = JSON.parse(run('analyze', '--json', '--agreed', agreed, f).out)[0];
    expect(j.references[0].quote).toBe('The States shall bake cakes');
    expect(j.diagnostics.map((d: { code: string }) => d.code)).toEqual(['quote-mismatch']);
    expect(j.brackets[0]).toMatchObject({ text: 'the Parties', proposers: ['Mexico'] });
  });

  it('UTF-8 with a few bad bytes keeps its UTF-8: the bad bytes are read as U+FFFD, one unit each, as an editor shows them', () => {
    const f = file('mixed.draft.md', Buffer.concat([Buffer.from('1. Résolution '), Buffer.from([0xff]), Buffer.from(' [x]{Atlantis}.\n')]));
    const r = run('check', f);
    expect(r.out).toMatch(/:1:21 warning unknown-proposer Unknown proposer "Atlantis"/);
    expect(r.err.trim().split('\n')[0]).toBe(`negotext: ${f} is not valid UTF-8: 1 byte read as \ufffd (re-save it as UTF-8)`);
    expect(JSON.parse(run('analyze', '--json', f).out)[0].brackets[0].text).toBe('x');
  });

  it("Word's Unicode text (UTF-16 with a byte order mark) is read without a word", () => {
    const body = '1. Résolution [should]{Atlantis} “agree”.\n';
    for (const [bom, enc] of [[[0xff, 0xfe], 'le'], [[0xfe, 0xff], 'be']] as const) {
      const units = Buffer.from(body, 'utf16le');
      if (enc === 'be') units.swap16();
      const r = run('check', file(`u16${enc}.draft.md`, Buffer.concat([Buffer.from(bom), units])));
      expect(r.err).toBe('1 problem in 1 file\n'); // no word about the encoding
      expect(r.out).toMatch(/:1:24 warning unknown-proposer Unknown proposer "Atlantis"/);
    }
  });
});

describe('negotext check', () => {
  it('prints file:line:col severity code message, 1-based, and exits 1 on errors', () => {
    const f = file('c.draft.md', '1. One.\n\n3. Three [x]{Atlantis} and a stray ].\n');
    const r = run('check', f);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toEqual([
      `${f}:3:1 warning paragraph-number-gap Paragraph 3 follows 1: 2 is missing.`,
      expect.stringMatching(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:14 warning unknown-proposer Unknown proposer "Atlantis"`)),
      `${f}:3:36 error unbalanced-bracket This ] closes no bracket.`,
    ]);
  });

  it('exits 0 on warnings only', () => {
    expect(run('check', file('w.draft.md', '1. [x]{Atlantis}\n')).code).toBe(0);
  });
});

describe('output piped to a reader that stops early (`| head`)', () => {
  it('stops quietly: no stack trace, no "write EPIPE"', () => {
    // The JSON of the Geneva text is megabytes: far more than a pipe holds, so the CLI is still
    // writing when `head` has gone.
    const draft = join(root, '..', 'shared', 'corpus', 'drafts', 'UNFCCC-ADP-Geneva-negotiating-text-2015-02-12.txt');
    for (const cmd of ['analyze --json', 'check']) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" ${cmd} "${draft}" | head -c 200 > /dev/null`], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr, cmd).not.toMatch(/EPIPE|node:events|at .*\(/);
    }
  });
});

describe('negotext status', () => {
  it('counts per section and per proposer', () => {
    const f = file('s.draft.md', '# A. One\n\n1. [a]{EU} [b][c] (agreed ad ref)\n\n2. Agreed.\n\n# B. Two\n\n3. [...] and [d – Russia]\n');
    const r = run('status', f, '--json');
    const [s] = JSON.parse(r.out);
    expect(s.sections.map((x: { section: string; paragraphs: number; agreed: number; agreedAdRef: number; pending: number; brackets: number; alternatives: number; placeholders: number }) =>
      [x.section, x.paragraphs, x.agreed, x.agreedAdRef, x.pending, x.brackets, x.alternatives, x.placeholders])).toEqual([
      ['A. One', 2, 1, 1, 0, 3, 1, 0],
      ['B. Two', 1, 0, 0, 1, 2, 0, 1],
    ]);
    expect(s.proposers).toEqual([
      { proposer: 'European Union', brackets: 1, deletions: 0, alternatives: 0 },
      { proposer: 'Russian Federation', brackets: 1, deletions: 0, alternatives: 0 },
    ]);
    const text = run('status', f).out;
    expect(text).toMatch(/Total\s+3\s+1\s+1\s+1\s+5\s+1\s+1/);
    expect(text).toMatch(/2 of 3 paragraphs agreed \(67%\), 1 of them ad ref; 5 open brackets\./);
  });

  // (found reading the status of the Article 6.2 text: `III. Authorization` above `A. …` was left out, and two
  // headings of one title made one row)
  it('keeps every heading as a row, in document order, one with no paragraph and two of one title included', () => {
    const f = file('o.draft.md', 'III. Authorization\n\nA. Process\n\n1. Text [a]{EU}.\n\nIV. First transfer\n\nA. Process\n\n2. Text.\n');
    expect(statusOf(f).rows('paragraphs', 'brackets')).toEqual([
      ['III. Authorization', 0, 0],
      ['A. Process', 1, 1],
      ['IV. First transfer', 0, 0],
      ['A. Process', 1, 0],
    ]);
  });

  it('counts a bracket in a heading in its section, and option lines without brackets as an alternative group', () => {
    const f = file('h.draft.md', '# A. First\n\n1. Text [a]{EU}.\n\n# B. [Second]{US}\n\n2. Text.\n\n# C. Finance\n\n3. States agreed:\nOption 1: Developed countries shall provide finance.\nOption 2: All Parties should provide finance.\n');
    const s = statusOf(f);
    expect(s.rows('brackets', 'alternatives')).toEqual([
      ['A. First', 1, 0],
      ['B. [Second]{US}', 1, 0],
      ['C. Finance', 0, 1],
    ]);
    expect(s.total).toMatchObject({ brackets: 2, alternatives: 1 });
    expect(run('status', file('one.draft.md', '1. States agreed [to meet]{EU}.\n')).out).toContain('0 of 1 paragraph agreed (0%); 1 open bracket.');
    expect(run('analyze', file('one.draft.md', '1. States agreed [to meet]{EU}.\n')).out).toContain('1 paragraph (0 agreed, 0 ad ref, 1 pending), 1 bracket, 0 references, 0 diagnostics (0 errors)');
  });

  it('shortens a long section name in the table, not in --json', () => {
    const heading = 'B. Form, functions, processes and additional functionality of the international registry';
    const f = file('long.draft.md', `# ${heading}\n\n1. States agreed [to meet]{EU}.\n`);
    const row = run('status', f).out.split('\n').find((l) => l.startsWith('B. Form'));
    expect(row).toMatch(/^B\. Form, functions, processes and additional functionality of…\s+1\s+0\s+0\s+1\s+1\s+0\s+0$/);
    expect(statusOf(f).rows('paragraphs')).toEqual([[heading, 1]]);
  });

  it('a FILE named - is standard input, named - in the output', () => {
    const text = '1. States [should]{EU} act (A/76/135, para. 6).\n';
    const stdin = (input: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input });
    const r = stdin(text, 'analyze', '-', '--json');
    expect(r.status).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report.file).toBe('-');
    expect(report.brackets[0]).toMatchObject({ paragraph: '1', proposers: ['European Union'], text: 'should' });
    expect(stdin(text, 'check', '-').stdout).toBe('');
    const f = file('stdin-new.draft.md', '1. States should act (A/76/135, para. 6).\n');
    const c = stdin(text, 'compare', '--json', '-', f);
    expect(c.status).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ old: '-', new: f, brackets: [{ paragraph: '1', text: 'should', outcome: 'agreed' }] });
  });

  it('--help for each command', () => {
    for (const cmd of ['analyze', 'status', 'check']) {
      const r = run(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`Usage: negotext ${cmd}`));
    }
    expect(run('--help').out).toMatch(/Commands:/);
  });
});

// Issue 6, confidentiality: every command under test/support/noNetwork.cjs,
// which logs and refuses any connection, name lookup, process or worker; and
// under test/support/fsWrites.cjs, which logs every file the CLI writes, renames or
// removes, to show it never writes its input files and writes --html to a
// temporary file renamed into place.
describe('confidentiality: every command under the no-network preload', () => {
  const preload = join(root, 'test', 'support', 'noNetwork.cjs');
  const fsLogger = join(root, 'test', 'support', 'fsWrites.cjs');

  const dir = mkdtempSync(join(tmpdir(), 'negotext-cli-conf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fixtures = join(root, 'test-fixtures');
  const draft = join(fixtures, 'references-checked-triggered', 'input.draft.md');
  const agreed = join(fixtures, 'references-checked-triggered', 'agreed');
  const cite = join(fixtures, 'cite-references-triggered', 'input.draft.md');
  const citeAgreed = join(fixtures, 'cite-references-triggered', 'agreed');
  const oldF = join(fixtures, 'compare-move-edit', 'old.draft.md');
  const newF = join(fixtures, 'compare-move-edit', 'new.draft.md');
  const html = join(dir, 'report.html');
  const inputs = [draft, cite, oldF, newF, ...[agreed, citeAgreed].flatMap((d) => readdirSync(d).map((f) => join(d, f)))];

  const broken = join(fixtures, 'unbalanced-bracket-triggered', 'input.draft.md');
  inputs.push(broken);
  /** [exit status, ...argv]: every command, its help, --agreed, --html, and errors. */
  const commands: [number, ...string[]][] = [
    [0, '--help'], [0, '--version'],
    ...['analyze', 'status', 'check', 'cite', 'compare'].map((c): [number, ...string[]] => [0, c, '--help']),
    [0, 'analyze', draft], [0, 'analyze', '--json', draft, cite], [0, 'analyze', '--agreed', agreed, draft], [1, 'analyze', '--json', broken],
    [0, 'status', draft, cite], [0, 'status', '--json', '--agreed', agreed, draft],
    [0, 'check', draft], [1, 'check', '--agreed', agreed, draft, cite, broken],
    [0, 'cite', cite], [0, 'cite', '--json', '--agreed', citeAgreed, cite],
    [0, 'compare', oldF, newF], [0, 'compare', '--json', oldF, newF], [0, 'compare', '--markdown', oldF, newF], [0, 'compare', '--html', html, oldF, newF],
    [2, 'analyze', join(dir, 'missing.draft.md')], [2, 'compare', '--html', oldF, oldF, newF], [2, 'frobnicate'],
  ];

  it(`runs ${commands.length} command lines: no connection, lookup, process or worker; input files never written`, () => {
    const stat = (f: string) => [statSync(f).mtimeMs, readFileSync(f, 'utf8')];
    const before = inputs.map(stat);
    for (const [i, [status, ...argv]] of commands.entries()) {
      const log = join(dir, `net-${i}.log`);
      const fsLog = join(dir, `fs-${i}.log`);
      writeFileSync(log, '');
      writeFileSync(fsLog, '');
      const r = spawnSync(process.execPath, ['--require', preload, '--require', fsLogger, cli, ...argv], {
        cwd: root, encoding: 'utf8', timeout: 20_000,
        env: { ...process.env, NEGOTEXT_NO_NETWORK_LOG: log, NEGOTEXT_FS_LOG: fsLog },
      });
      const what = argv.join(' ');
      expect(r.status, `${what}: ${r.stderr}`).toBe(status);
      expect(r.stderr, what).not.toMatch(/negotext confidentiality test/);
      expect(readFileSync(log, 'utf8'), what).toBe('');
      const written = readFileSync(fsLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { what: string; path: string });
      if (argv.includes('--html') && r.status === 0) {
        // One temporary file next to the report, written, then renamed over it.
        expect(written.map((w) => w.what), what).toEqual(['writeFileSync', 'renameSync', 'renameSync']);
        const [tmpFile] = written;
        expect(dirname(tmpFile.path)).toBe(dir);
        expect(tmpFile.path).not.toBe(html);
        expect(written[1]).toEqual({ what: 'renameSync', path: tmpFile.path });
        expect(written[2]).toEqual({ what: 'renameSync', path: html });
      } else {
        expect(written, what).toEqual([]);
      }
    }
    expect(inputs.map(stat)).toEqual(before);
    expect(readdirSync(dir).filter((f) => !/^(net|fs)-\d+\.log$/.test(f))).toEqual(['report.html']);
    tried('confidentiality', 'CLI command lines (every command, --help, --agreed, --html, errors) under the preload', commands.length, 'no connection, lookup, process or worker; no input file written; --html via a temporary file and a rename');
  });
});

describe('--agreed with a hostile folder', () => {
  it('a FIFO and a device named *.txt, a dangling link and a link loop: skipped, the draft checked', () => {
    const dir = join(tmp, 'hostile-agreed');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'A-RES-1-1.md'), '---\nsymbol: A/RES/1/1\nagreed: true\n---\n1. The States shall cooperate.\n');
    execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.md'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const draft = file('cites.draft.md', '1. As in A/RES/1/1, para. 1, “The States shall cooperate”.\n');
    const r = spawnSync(process.execPath, [cli, 'cite', '--agreed', dir, draft], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/A\/RES\/1\/1, para\. 1\s+ok/);
    tried('cli', '--agreed folder with a FIFO, a link to /dev/zero, a dangling link and a link loop', 1, 'skipped; the draft checked against the rest');
  });

  it('a folder named twice, or inside another named, is read once', () => {
    const dir = join(tmp, 'twice-agreed');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    // No symbol anywhere: indexed under its file name, with one line on stderr each time it is read.
    writeFileSync(join(dir, 'sub', 'Outcome-2030.md'), '1. The States shall cooperate.\n');
    const draft = file('cites-twice.draft.md', '1. States cooperate.\n');
    const r = spawnSync(process.execPath, [cli, 'analyze', '--agreed', dir, '--agreed', dir, '--agreed', join(dir, 'sub'), draft], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stderr.match(/Outcome-2030\.md names no document symbol/g)).toHaveLength(1);
  });
});
