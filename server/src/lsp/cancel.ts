// $/cancelRequest for a request still waiting in the queue (behind a long
// analysis, say): answered RequestCancelled at once, without running it. The
// library's default runs it anyway and sends the full answer. A request
// already running is synchronous and finishes; its answer is sent as usual.
import { LSPErrorCodes, type ConnectionOptions, type Message, type RequestMessage, type ResponseMessage } from 'vscode-languageserver/node';

export const cancelQueued: ConnectionOptions = {
  connectionStrategy: {
    cancelUndispatched: (m: Message): ResponseMessage | undefined => ({
      jsonrpc: '2.0',
      id: (m as RequestMessage).id,
      error: { code: LSPErrorCodes.RequestCancelled, message: `${(m as RequestMessage).method} cancelled before it started` },
    }),
  },
};
