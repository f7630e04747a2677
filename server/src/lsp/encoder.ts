// The bytes of outgoing messages on stdio. LSP push diagnostics re-send a
// document's whole list at every keystroke, though nearly all of it is what
// was sent before: encoding that list afresh (JSON.stringify, then UTF-8) was
// most of a keystroke's cost in a large draft. Each diagnostic's bytes are
// kept, keyed by the diagnostic object — which the server reuses for as long
// as the diagnostic is unchanged (toLsp in ./diagnostics) — and a publish is
// assembled from them. Every other message is encoded as vscode-jsonrpc does.
import type { Message } from 'vscode-jsonrpc';

const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');

interface Publish {
  jsonrpc: string;
  method: 'textDocument/publishDiagnostics';
  params: { uri: string; version?: number | null; diagnostics: object[] };
}

/** A publishDiagnostics notification with no fields but the ones we assemble. */
function isPlainPublish(msg: Message): msg is Message & Publish {
  const m = msg as Partial<Publish> & { id?: unknown };
  if (m.method !== 'textDocument/publishDiagnostics' || m.id !== undefined || typeof m.params !== 'object' || m.params === null) return false;
  const p = m.params;
  for (const k of Object.keys(p)) if (k !== 'uri' && k !== 'version' && k !== 'diagnostics') return false;
  return typeof p.uri === 'string' && Array.isArray(p.diagnostics);
}

function bytesOf(d: object): Buffer {
  let b = encoded.get(d);
  if (!b) encoded.set(d, (b = Buffer.from(JSON.stringify(d), 'utf8')));
  return b;
}

/** The message as UTF-8 JSON: the same value JSON.stringify(msg) gives, parsed. */
export function encodeMessage(msg: Message): Buffer {
  if (!isPlainPublish(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
  const { uri, version, diagnostics } = msg.params;
  const head = `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},${
    version === undefined ? '' : `"version":${JSON.stringify(version)},`
  }"diagnostics":[`;
  const parts: Buffer[] = [Buffer.from(head, 'utf8')];
  diagnostics.forEach((d, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(bytesOf(d));
  });
  parts.push(Buffer.from(']}}'));
  return Buffer.concat(parts);
}

/** For vscode-jsonrpc's StreamMessageWriter (`contentTypeEncoder`); UTF-8 is LSP's only charset. */
export const contentTypeEncoder = {
  name: 'application/json',
  encode: (msg: Message): Promise<Uint8Array> => Promise.resolve(encodeMessage(msg)),
};
