// The `negotext/compare` request: two revisions of a draft compared (FORMAT.md
// §10) for the editor's comparison view. An open draft's text is the server's
// own (the client's latest edits); any other comes in the request, read by the
// client, so this never touches the file system.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import type { AnalyzeOptions, Comparison } from '../core/index';
import { compareInSteps } from '../core/compare/compare';
import { runSlice } from './slices';
import { formatCompareHtml } from '../report/compareHtml';
import { compareReport, formatCompare } from '../report/compareText';
import type { DraftStore } from './drafts';

export interface CompareSide {
  uri: string;
  /** The text, for a document the server does not have open. */
  text?: string;
}

export interface CompareParams {
  old: CompareSide;
  new: CompareSide;
}

export interface CompareResult {
  /** The FORMAT.md §10 object, as `negotext compare --json` prints it. */
  report: { old: string; new: string } & Comparison;
  /** The self-contained HTML page of `compare --html`. */
  html: string;
  /** The readable summary of `compare`. */
  summary: string;
}

/** The file name a URI ends in, as the report names it. */
export function nameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1) || path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The whole URI without its scheme, decoded: for two revisions whose file names are the same. */
function longNameOf(uri: string): string {
  const rest = uri.replace(/^[a-z][\w+.-]*:(\/\/)?/i, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

/**
 * Let the messages that came meanwhile in (a cancellation, another request).
 * Three turns of the event loop: a message read from the stream is decoded in
 * a setImmediate of the reader's, then dispatched in one of the connection's,
 * each queued behind ours of the turn before.
 */
const yieldToQueue = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'negotext/compare was cancelled');

export function registerCompare(connection: Connection, drafts: DraftStore, options: () => AnalyzeOptions): void {
  connection.onRequest('negotext/compare', (params: CompareParams, token: CancellationToken) => compareRequest(params, token, drafts, options));
}

export async function compareRequest(
  params: CompareParams,
  token: CancellationToken,
  drafts: DraftStore,
  options: () => AnalyzeOptions,
): Promise<CompareResult | ResponseError<void>> {
  const sides = [params?.old, params?.new];
  if (sides.some((s) => !s || typeof s.uri !== 'string')) {
    return new ResponseError(ErrorCodes.InvalidParams, 'negotext/compare needs { old: { uri, text? }, new: { uri, text? } }');
  }
  // The texts as they stand now: later edits belong to the next request.
  const texts: string[] = [];
  for (const s of sides) {
    const open = drafts.get(s.uri);
    if (open) texts.push(open.doc.text);
    else if (typeof s.text === 'string') texts.push(s.text);
    else return new ResponseError(ErrorCodes.InvalidParams, `negotext/compare: ${s.uri} is not open in the server and the request gives no text for it`);
  }
  const [oldUri, newUri] = [params.old.uri, params.new.uri];
  let [oldName, newName] = [nameOf(oldUri), nameOf(newUri)];
  if (oldName === newName && oldUri !== newUri) [oldName, newName] = [longNameOf(oldUri), longNameOf(newUri)];

  // A cancelled request (the person typed again) costs nothing; one that ran
  // lets the other requests queued meanwhile in before rendering.
  await yieldToQueue();
  if (token.isCancellationRequested) return cancelled();
  // Proposer aliases from the settings apply; references play no part. The comparison runs in
  // slices of at most SLICE_MS, with the messages that came meanwhile let in between: a long pair
  // does not hold up the keystrokes of the drafts being compared, and a cancellation stops it.
  const steps = compareInSteps(texts[0], texts[1], { registry: options().registry });
  let done: { value: Comparison } | undefined;
  while (!done) {
    done = runSlice(steps);
    await yieldToQueue();
    if (token.isCancellationRequested) return cancelled();
  }
  const c = done.value;
  return {
    report: compareReport(oldName, newName, c),
    html: formatCompareHtml(oldName, newName, c, texts[0], texts[1]),
    summary: formatCompare(oldName, newName, c, { old: texts[0], new: texts[1] }),
  };
}
