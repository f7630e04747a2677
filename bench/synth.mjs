// Seeded synthetic negotiating drafts in the notation of FORMAT.md, for the benchmark.
//
//   synthDraft(bytes, seed)      -> a draft of at least `bytes` UTF-8 bytes (it stops at the
//                                   first paragraph boundary past the target), deterministic.
//   editOneParagraph(text, seed) -> an LSP-style change that types one character into the
//                                   middle of a numbered paragraph near the middle of `text`.
//
// The drafts look like the facilitators' texts under shared/fixtures: front matter, chapters
// with Roman numerals, lettered sections (Markdown `# A. …` and UN-style `B. …` headings),
// numbered paragraphs with `bis`/`ter` insertions, resolution-style PP/OP sections,
// sub-paragraphs, `(agreed ad ref)` markers, references with pinpoints and quotations, and
// about 10% of paragraphs carrying brackets: nesting, all three proposer forms, back-to-back
// alternatives, ALT 1/ALT 2, deletion proposals, placeholders, editorial notes, brackets inside
// words, and whole bracketed paragraphs. Every bracket is balanced and every proposer is a
// registry name, so the analysis finds no errors.

/** mulberry32: small, fast, good enough for deterministic test data. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'States', 'The Group', 'Member States', 'Delegations', 'Several States', 'Participants',
  'The working group', 'Some delegations', 'The Chair', 'States Parties',
];
const PAST_VERBS = [
  'recalled', 'stressed', 'noted', 'reaffirmed', 'recognized', 'underlined', 'welcomed',
  'emphasized', 'acknowledged', 'expressed concern at', 'took note of', 'highlighted',
];
const OBJECTS = [
  'the importance of capacity-building',
  'the cumulative and evolving framework for responsible State behaviour',
  'the protection of critical infrastructure and critical information infrastructure',
  'the applicability of international law, and in particular the Charter of the United Nations',
  'the value of confidence-building measures',
  'the need for a regular institutional dialogue under the auspices of the United Nations',
  'the increasing use of information and communications technologies for malicious purposes',
  'the global intergovernmental points of contact directory',
  'the role of regional and subregional organizations',
  'the special needs and circumstances of developing countries',
  'the exchange of information and good practices on incident response',
  'the promotion of an open, secure, stable, accessible and peaceful ICT environment',
  'the integrity, stability and security of the supply chain',
  'the gender dimensions of security in the use of ICTs',
  'the contribution of the private sector, academia and civil society',
  'the mobilization of resources from all sources for implementation',
  'the transparency of national views on how international law applies',
  'the means of implementation, including finance and technology transfer',
];
const TAILS = [
  'in the use of information and communications technologies',
  'in accordance with the Charter of the United Nations',
  'at the national, regional and international levels',
  'on a voluntary and non-binding basis',
  'without prejudice to the outcome of future discussions',
  'taking into account national circumstances and capacities',
  'with the support of the secretariat and within existing resources',
  'in a manner consistent with their obligations under international law',
  'through a step-by-step and consensus-based approach',
  'by the end of the current reporting period',
];
const CONNECTORS = [
  ', and further', ', while also noting', ', in particular', ', including', ' and stressed',
  ', bearing in mind', ', as well as',
];
const PP_VERBS = [
  'Recalling', 'Reaffirming', 'Noting with concern', 'Welcoming', 'Recognizing', 'Stressing',
  'Bearing in mind', 'Acknowledging', 'Expressing concern', 'Noting with appreciation',
];
const OP_VERBS = [
  'Calls upon', 'Decides', 'Requests', 'Encourages', 'Urges', 'Invites', 'Reaffirms',
  'Welcomes', 'Underlines', 'Emphasizes',
];
const CHAPTER_TITLES = [
  'Introduction', 'Existing and potential threats', 'Rules, norms and principles',
  'International law', 'Confidence-building measures', 'Capacity-building',
  'Regular institutional dialogue', 'Conclusions and recommendations', 'Means of implementation',
  'Organizational matters', 'Transparency framework', 'Review of implementation',
];
const SECTION_TITLES = [
  'Overarching considerations', 'Existing threats', 'Emerging technologies',
  'Cooperation and assistance', 'Recommendations', 'Follow-up', 'General principles',
  'Critical infrastructure', 'Points of contact', 'Financing', 'Reporting', 'Institutional arrangements',
];
const PROPOSERS = [
  'EU', 'European Union', 'Mexico', 'Russian Federation', 'China', 'Iran', 'United States', 'Canada',
  'Brazil', 'G77 and China', 'African Group', 'AOSIS', 'Switzerland', 'Egypt', 'Cuba', 'Uruguay',
  'Japan', 'Australia', 'India', 'South Africa', 'Norway', 'UK', 'Russia', 'USA', 'Arab Group',
  'Republic of Korea', 'Türkiye', 'Singapore', 'Kenya', 'New Zealand', 'Pakistan', 'Argentina',
];
const ALTERNATIVES = [
  ['shall', 'should'], ['urges', 'encourages'], ['reaffirmed', 'recalled'], ['strengthen', 'enhance'],
  ['all States', 'Member States'], ['binding', 'voluntary'], ['2027', '2029'],
  ['below 2 °C', 'well below 2 °C'], ['decides', 'agrees'], ['welcomes', 'takes note of'],
];
const PLACEHOLDERS = [
  '[…]', '[...]', '[X]', '[x]', '[document symbol to be added]', '[*Placeholder* for "climate finance"]',
  '[dates to be completed]', '[placeholder for the annex]',
];
const NOTES = [
  '{Note: pending Article 10}', '{move to the Agreement}', '{Placeholder for preamble}',
  '{Note: to be discussed at the next informal}',
];
const ACTIONS = ['delete', 'retain', 'reserve'];
const SYMBOLS = [
  'A/76/135', 'A/75/816', 'A/65/201', 'A/68/98', 'A/70/174', 'A/77/275', 'A/78/265',
  'A/C.1/76/L.13', 'A/HRC/RES/47/16', 'E/CN.6/2023/L.3', 'A/RES/73/27', 'A/RES/75/240',
];
const RESOLUTIONS = ['75/240', '73/27', '76/19', '73/266', '77/37', '78/16', '70/237'];
const QUOTES = [
  'scope, scale, severity and sophistication',
  'States should not conduct or knowingly support ICT activity',
  'international law, and in particular the Charter of the United Nations, is applicable',
  'an open, secure, stable, accessible and peaceful ICT environment',
];
// Each resolution with its adoption date: a draft that misdates one gets reference-mismatch.
const ADOPTED = {
  '75/240': '31 December 2020', '73/27': '5 December 2018', '76/19': '6 December 2021', '73/266': '22 December 2018',
  '77/37': '7 December 2022', '78/16': '4 December 2023', '70/237': '23 December 2015',
};

function pick(r, arr) {
  return arr[Math.floor(r() * arr.length)];
}

function roman(n) {
  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, sym] of table) while (n >= v) { s += sym; n -= v; }
  return s;
}

function names(r, max = 3) {
  const n = 1 + Math.floor(r() * max);
  const out = [];
  while (out.length < n) {
    const p = pick(r, PROPOSERS);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

function phrase(r) {
  return `${pick(r, OBJECTS)} ${pick(r, TAILS)}`;
}

/** A reference to agreed language, in one of the forms of FORMAT.md §7 (no outer parentheses). */
function reference(r) {
  switch (Math.floor(r() * 8)) {
    case 0: return `${pick(r, SYMBOLS)}, para. ${1 + Math.floor(r() * 80)}`;
    case 1: return `resolution ${pick(r, RESOLUTIONS)}`;
    case 2: {
      const res = pick(r, RESOLUTIONS);
      r(); // keeps the sequence of draws, and so the rest of the draft, as it was
      return `General Assembly resolution ${res} of ${ADOPTED[res]}`;
    }
    case 3: return 'Security Council resolution 2341 (2017)';
    case 4: return `paragraph ${1 + Math.floor(r() * 80)} (${pick(r, ['a', 'b', 'c', 'd'])}) of ${pick(r, SYMBOLS)}`;
    case 5: return `its resolutions 73/27 of 5 December 2018, ${pick(r, RESOLUTIONS)} and ${pick(r, RESOLUTIONS)}`;
    case 6: return `decision ${1 + Math.floor(r() * 20)}/CP.21`;
    default: {
      const q = pick(r, QUOTES);
      return r() < 0.5
        ? `the “${q}” in ${pick(r, SYMBOLS)}, paras. ${10 + Math.floor(r() * 50)}–${61 + Math.floor(r() * 10)}`
        : `"${q}" (A/76/135, para. ${1 + Math.floor(r() * 40)})`;
    }
  }
}

/** One bracketed construction, to be placed inside a sentence. `depth` limits nesting. */
function bracketed(r, depth = 0) {
  const k = Math.floor(r() * 12);
  switch (k) {
    case 0: case 1: return `[${phrase(r)}]{${names(r).join(', ')}}`;
    case 2: return `[${phrase(r)} – ${names(r, 2).join(', ')}]`;
    case 3: return `[${pick(r, ['Iran', 'Russian Federation', 'EU', 'China', 'United States'])}: ${phrase(r)}]`;
    case 4: {
      const [a, b] = pick(r, ALTERNATIVES);
      return r() < 0.5 ? `[${a}][${b}]` : `[${a}]{${names(r, 1)[0]}}[${b}]{${names(r, 1)[0]}}`;
    }
    case 5: // nested
      if (depth < 2) {
        return `[${pick(r, OBJECTS)} ${bracketed(r, depth + 1)} ${pick(r, TAILS)}]{${names(r, 2).join('; ')}}`;
      }
      return `[${pick(r, TAILS)}]`;
    case 6: return `[${phrase(r)} – ${names(r, 1)[0]} ${pick(r, ACTIONS)}]`;
    case 7: return pick(r, PLACEHOLDERS);
    case 8: return `[${phrase(r)}]{${names(r, 2).join(', ')}} ${pick(r, NOTES)}`;
    case 9: return r() < 0.5 ? 'Article[s 5.2 and] 6.4' : 'and[/or]';
    case 10: return `[${pick(r, SUBJECTS).toLowerCase()} ${pick(r, PAST_VERBS)} ${reference(r)}]{${names(r, 2).join(', ')}}`;
    default: return `[${phrase(r)}]`;
  }
}

function sentence(r, bracketProb) {
  let s = `${pick(r, SUBJECTS)} ${pick(r, PAST_VERBS)} ${phrase(r)}`;
  const extra = Math.floor(r() * 3);
  for (let i = 0; i < extra; i++) {
    s += `${pick(r, CONNECTORS)} ${pick(r, OBJECTS)}`;
    if (r() < bracketProb) s += ` ${bracketed(r)}`;
  }
  const q = r();
  if (q < 0.15) s += ` (${pick(r, SYMBOLS)}, para. ${1 + Math.floor(r() * 80)})`;
  else if (q < 0.27) s += `, as set out in ${reference(r)}`;
  return s + '.';
}

/**
 * The text of one paragraph after its label. `bracketed` says whether it carries brackets
 * (the 10%); the caller decides that so the proportion holds exactly.
 */
function paragraphBody(r, withBrackets, operative) {
  const nSent = 1 + Math.floor(r() * 3);
  const bp = withBrackets ? 0.5 : 0;
  let body = '';
  for (let i = 0; i < nSent; i++) body += (i ? ' ' : '') + sentence(r, bp);
  if (withBrackets && !body.includes('[')) {
    // make sure a bracketed paragraph really has one
    const cut = body.indexOf(' ', Math.floor(body.length / 2));
    body = `${body.slice(0, cut)} ${bracketed(r)}${body.slice(cut)}`;
  }
  if (operative && r() < 0.15) {
    // chapeau and sub-paragraphs, sometimes with (i)/(ii) and a blank line between them
    body = `${pick(r, SUBJECTS)} ${pick(r, ['encouraged', 'urged', 'invited', 'called upon'])} all States:`;
    const nSub = 2 + Math.floor(r() * 3);
    for (let i = 0; i < nSub; i++) {
      const letter = String.fromCharCode(97 + i);
      const b = withBrackets && r() < 0.5 ? ` ${bracketed(r)}` : '';
      body += `\n(${letter}) to ${pick(r, ['support', 'promote', 'strengthen', 'consider'])} ${phrase(r)}${b}${i === nSub - 1 ? '.' : ';'}`;
      if (r() < 0.2) {
        body += `\n(i) ${phrase(r)};\n(ii) ${phrase(r)};`;
      }
      if (r() < 0.1) body += '\n';
    }
    if (withBrackets && !body.includes('[')) body += ` ${bracketed(r)}`;
  }
  if (!withBrackets && r() < 0.15) body += r() < 0.5 ? ' (agreed ad ref)' : ' *(agreed ad ref)*';
  return body;
}

/** A preambular (`*Recalling* …,`) or operative (`*Decides* that …;`) resolution paragraph. */
function resolutionBody(r, verb, withBrackets, operative) {
  let body = `*${verb}* ${operative ? pick(r, ['that', 'to promote', 'to support', 'to strengthen']) + ' ' : ''}${phrase(r)}`;
  const n = Math.floor(r() * 3);
  for (let i = 0; i < n; i++) body += `${pick(r, CONNECTORS)} ${pick(r, OBJECTS)}`;
  if (withBrackets) {
    const cut = body.indexOf(' ', Math.floor(body.length / 2));
    body = `${body.slice(0, cut)} ${bracketed(r)}${body.slice(cut)}`;
    if (r() < 0.4) body += ` ${bracketed(r)}`;
  }
  if (r() < 0.3) body += `, as set out in ${reference(r)}`;
  if (operative && r() < 0.2) {
    body += ':';
    const nSub = 2 + Math.floor(r() * 3);
    for (let i = 0; i < nSub; i++) {
      body += `\n(${String.fromCharCode(97 + i)}) to ${pick(r, ['support', 'promote', 'consider'])} ${phrase(r)};`;
    }
    return body;
  }
  body += operative ? ';' : ',';
  if (!withBrackets && r() < 0.1) body += ' (agreed ad ref)';
  return body;
}

/**
 * A deterministic synthetic draft of at least `bytes` UTF-8 bytes.
 * @param {number} bytes
 * @param {number} seed
 * @returns {string}
 */
export function synthDraft(bytes, seed = 1) {
  const r = mulberry32(seed);
  const parts = [];
  let size = 0;
  const push = (s) => {
    parts.push(s);
    size += Buffer.byteLength(s, 'utf8');
  };
  push(
    `---\nsymbol: A/AC.292/2026/CRP.${1 + (seed % 9)}\n` +
      'title: Draft report of the open-ended working group (synthetic benchmark text)\n' +
      `revision: Rev.${1 + (seed % 3)}\ndate: 2026-06-12\nseed: ${seed}\n---\n\n`,
  );
  // Paragraph budget: 10% of paragraphs carry brackets, spread evenly but not regularly.
  let para = 0; // paragraphs written, of any kind
  let bracketedSoFar = 0;
  let num = 0; // operative numbering, continuous across the document
  let insert = 0; // 0, or 1 after `num bis`, 2 after `num ter`
  let pp = 0;
  let op = 0;
  let chapter = 0;
  while (size < bytes) {
    chapter++;
    push(`${roman(chapter)}. ${pick(r, CHAPTER_TITLES)}\n\n`);
    if (r() < 0.3) {
      // unlabelled chapeau under the chapter heading
      push(`${sentence(r, 0)}\n\n`);
      para++;
    }
    const nSections = 2 + Math.floor(r() * 5);
    for (let s = 0; s < nSections && size < bytes; s++) {
      const letter = String.fromCharCode(65 + s);
      const title = pick(r, SECTION_TITLES);
      push(r() < 0.5 ? `# ${letter}. ${title}\n\n` : `${letter}. ${title}\n\n`);
      const resolutionStyle = r() < 0.12;
      const nParas = 6 + Math.floor(r() * 14);
      let inOp = false;
      for (let p = 0; p < nParas && size < bytes; p++) {
        para++;
        // about 10% of paragraphs carry brackets: random, but held within ±2 of the exact share
        const due = para * 0.1;
        const withBrackets = bracketedSoFar < due - 2 ? true : bracketedSoFar > due + 2 ? false : r() < 0.1;
        if (withBrackets) bracketedSoFar++;
        let label;
        let operative = true;
        if (resolutionStyle) {
          if (!inOp && (p >= nParas / 3 || r() < 0.1)) inOp = true;
          if (inOp) {
            op++;
            label = `OP${op}.`;
          } else {
            pp++;
            operative = false;
            label = r() < 0.2 ? `Pp${pp}` : `PP${pp}.`;
          }
        } else if (num > 0 && insert === 0 && r() < 0.05) {
          insert = 1;
          label = `${num} bis.`;
        } else if (insert === 1 && r() < 0.25) {
          insert = 2;
          label = `${num} ter.`;
        } else {
          num++;
          insert = 0;
          label = `${num}.`;
        }
        let body;
        if (resolutionStyle) {
          const verb = inOp ? pick(r, OP_VERBS) : pick(r, PP_VERBS);
          body = resolutionBody(r, verb, withBrackets, inOp);
        } else {
          body = paragraphBody(r, withBrackets, operative);
        }
        let line;
        if (withBrackets && r() < 0.12) {
          // the whole paragraph is proposed: its label is bracketed too
          const form = Math.floor(r() * 3);
          const clean = body.replace(/ ?\*?\(agreed ad ref\)\*?$/, '');
          if (form === 0) line = `[${label} ${clean}]{${names(r, 2).join(', ')}}`;
          else if (form === 1) line = `[${label} ${clean} – ${names(r, 2).join(', ')}]`;
          else line = `[${label} ${clean}]`;
        } else if (r() < 0.02) {
          line = `${label}\n${body}`; // label alone on its line, as PDF extraction leaves it
        } else {
          line = `${label} ${body}`;
        }
        push(`${line}\n\n`);
      }
    }
  }
  return parts.join('');
}

/**
 * An LSP-style change that types one character into the middle of a numbered paragraph near
 * the middle of `text`. The seed moves the target paragraph around the middle (within ±5% of
 * the document) so successive edits do not always hit the same block. The character is typed
 * just before a lowercase word outside any bracket or brace, so it changes the words of one
 * paragraph and nothing of its structure.
 * @param {string} text
 * @param {number} seed
 * @returns {{range:{start:{line:number,character:number},end:{line:number,character:number}}, text:string}}
 */
export function editOneParagraph(text, seed = 1) {
  const r = mulberry32(seed ^ 0x9e3779b9);
  const target = Math.floor(text.length * (0.45 + r() * 0.1));
  // walk forward from the target to the start of a line that opens a numbered paragraph
  let pos = text.lastIndexOf('\n', target) + 1;
  const labelRe = /^(?:\d+(?: bis| ter)?\.|OP\d+\.|PP\d+\.) \S/;
  for (let guard = 0; guard < 100000; guard++) {
    const end = text.indexOf('\n', pos);
    const lineEnd = end < 0 ? text.length : end;
    const line = text.slice(pos, lineEnd);
    if (labelRe.test(line) && line.length > 60) {
      const col = insertionColumn(line, r);
      if (col >= 0) {
        let lineNo = 0;
        for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) lineNo++;
        const ch = String.fromCharCode(97 + Math.floor(r() * 26));
        const at = { line: lineNo, character: col };
        return { range: { start: at, end: { ...at } }, text: ch };
      }
    }
    if (end < 0) pos = 0; // wrap around once we reach the end
    else pos = end + 1;
  }
  throw new Error('editOneParagraph: no numbered paragraph found');
}

/** A column near the middle of `line`, at the start of a lowercase word at bracket depth 0. */
function insertionColumn(line, r) {
  const ok = [];
  let depth = 0;
  let brace = 0;
  for (let i = 1; i < line.length; i++) {
    const c = line.charCodeAt(i - 1);
    if (c === 91) depth++; // [
    else if (c === 93) depth--; // ]
    else if (c === 123) brace++; // {
    else if (c === 125) brace--; // }
    const n = line.charCodeAt(i);
    if (c === 32 && depth === 0 && brace === 0 && n >= 97 && n <= 122) ok.push(i);
  }
  if (ok.length === 0) return -1;
  // prefer the middle third of the line
  const mid = ok.filter((i) => i > line.length / 3 && i < (2 * line.length) / 3);
  const from = mid.length ? mid : ok;
  return from[Math.floor(r() * from.length)];
}

/** Apply one LSP change (as produced above) to `text`; used by the harness to keep its copy. */
export function applyChange(text, change) {
  const offset = (p) => {
    let i = 0;
    for (let l = 0; l < p.line; l++) {
      i = text.indexOf('\n', i) + 1;
      if (i === 0) return text.length;
    }
    return i + p.character;
  };
  const a = offset(change.range.start);
  const b = offset(change.range.end);
  return text.slice(0, a) + change.text + text.slice(b);
}
