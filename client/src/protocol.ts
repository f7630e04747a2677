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

/** One side of a comparison: the text is needed only for a document the server does not have open. */
export interface CompareSide {
  uri: string;
  text?: string;
}

/** What `negotext/compare` answers: the FORMAT.md §10 object, the HTML report and the text summary. */
export interface CompareResult {
  report: { old: string; new: string; paragraphs: unknown[]; brackets: unknown[]; proposers: unknown[] };
  html: string;
  summary: string;
}

export const CompareRequest = new RequestType<{ old: CompareSide; new: CompareSide }, CompareResult, void>('negotext/compare');
