#!/usr/bin/env node
// A stand-in language server for bench/lsp.mjs that does no work at a keystroke: at every
// `didChange` it publishes a fixed list of diagnostics (the file NEGOTEXT_FLOOR_DIAGNOSTICS
// names, a JSON array: what the real server published for the same draft), encoded once at
// start, with the change's version. What a keystroke costs against it is what
// `publishDiagnostics` itself costs — writing, carrying and parsing that list — so it is the
// floor under any push server's keystroke figure for a draft with those diagnostics.
//
// It answers only what the bench sends: initialize, negotext/stats, shutdown, exit. Every
// message is written whole in one write (the reader is vscode-jsonrpc's, the writer is not, so
// that nothing it writes can interleave with a publish).
import { readFileSync } from 'node:fs';
import { StreamMessageReader } from 'vscode-jsonrpc/node';

const listFile = process.env.NEGOTEXT_FLOOR_DIAGNOSTICS;
const diagnostics = Buffer.from(listFile ? JSON.stringify(JSON.parse(readFileSync(listFile, 'utf8'))) : '[]', 'utf8');

function write(body) {
  process.stdout.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
}
const send = (msg) => write(Buffer.from(JSON.stringify(msg), 'utf8'));

function publish(uri, version) {
  const head = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":`, 'utf8');
  write(Buffer.concat([head, diagnostics, Buffer.from('}}')]));
}

const reader = new StreamMessageReader(process.stdin);
reader.listen((msg) => {
  switch (msg.method) {
    case 'initialize':
      return send({ jsonrpc: '2.0', id: msg.id, result: { capabilities: { textDocumentSync: { openClose: true, change: 2 } } } });
    case 'textDocument/didOpen':
    case 'textDocument/didChange':
      return publish(msg.params.textDocument.uri, msg.params.textDocument.version);
    case 'negotext/stats':
      return send({ jsonrpc: '2.0', id: msg.id, result: { blocksAnalysed: 0, documentPasses: 0 } });
    case 'shutdown':
      return send({ jsonrpc: '2.0', id: msg.id, result: null });
    case 'exit':
      return process.exit(0);
    default:
      if (msg.id !== undefined) send({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: `${msg.method} is not handled by the floor server` } });
  }
});
