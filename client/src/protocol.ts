// The custom messages of the negotext server, typed once for the client.
import { NotificationType, RequestType } from 'vscode-languageclient/node';
import type { Position, TextDocumentIdentifier, WorkspaceEdit } from 'vscode-languageclient/node';
import type { Ledger } from './ledger';

export const LedgerRequest = new RequestType<{ textDocument: TextDocumentIdentifier }, Ledger | null, void>(
  'negotext/ledger',
);

export type BracketAction = 'accept' | 'drop';

export const BracketEditRequest = new RequestType<
  { textDocument: TextDocumentIdentifier; position: Position; action: BracketAction },
  WorkspaceEdit | null,
  void
>('negotext/bracketEdit');

/** Sent after each analysis of a document, once its diagnostics are published. */
export const AnalysisChangedNotification = new NotificationType<{ uri: string; version: number }>(
  'negotext/analysisChanged',
);
