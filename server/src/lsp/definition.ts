// Go to definition on a reference: the agreed text's file, at the cited
// paragraph's line (the top of the file when the paragraph is not found).
// Nothing when no agreed text is loaded for the document.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { AgreedChecker, ReferenceInfo } from '../core/index';

export function definitionOf(ref: ReferenceInfo, checker?: AgreedChecker): Location | null {
  const src = checker?.source(ref.symbol, ref.pinpoint);
  if (!src) return null;
  const at = { line: src.line, character: 0 };
  return { uri: pathToFileURL(resolve(src.file)).href, range: { start: at, end: at } };
}
