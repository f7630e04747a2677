// The comparison report made fit for a webview: the server's self-contained
// page with a strict Content-Security-Policy (nothing remote, no inline code
// but the one nonce'd script and the page's nonce'd styles) and the "Open text
// diff" and "Save report…" buttons. Pure: strings in, a string out.

/** The message the page posts when the button is clicked. */
export const OPEN_TEXT_DIFF = 'openTextDiff';
export const DIFF_BUTTON_ID = 'negotext-open-diff';
/** The message the page posts for "Save report…". */
export const SAVE_REPORT = 'saveReport';
export const SAVE_BUTTON_ID = 'negotext-save-report';

export function contentSecurityPolicy(nonce: string): string {
  // default-src covers scripts, styles, images, fonts, frames and fetches; base-uri and form-action need their own.
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));

export const SCROLL_ID = 'negotext-scroll';

// The toolbar never covers the report: the page is a column, the toolbar on top and the report in a
// box that scrolls under it (not beneath it, as a sticky or fixed bar would have it). Printed, the
// page is the report alone, as the saved file prints.
const TOOLBAR_CSS = `
html { height: 100%; }
body.negotext-webview { height: 100%; margin: 0; display: flex; flex-direction: column; overflow: hidden; }
.negotext-toolbar { flex: 0 0 auto; display: flex; justify-content: flex-end; gap: .5em; padding: .4em 1em; background: #fff; border-bottom: 1px solid #ccc; font: 10pt/1.3 system-ui, sans-serif; }
.negotext-toolbar button { font: inherit; padding: .25em .8em; cursor: pointer; }
.negotext-scroll { flex: 1 1 auto; min-height: 0; overflow: auto; }
.negotext-scroll:focus { outline: none; }
@media print { .negotext-toolbar { display: none; } html, body.negotext-webview { height: auto; display: block; overflow: visible; } .negotext-scroll { overflow: visible; } }
`;

// Posts the click; keeps the scroll position across updates of the page (webview state survives them).
const script = (): string => `
const vscode = acquireVsCodeApi();
document.getElementById('${DIFF_BUTTON_ID}').addEventListener('click', () => vscode.postMessage({ type: '${OPEN_TEXT_DIFF}' }));
document.getElementById('${SAVE_BUTTON_ID}').addEventListener('click', () => vscode.postMessage({ type: '${SAVE_REPORT}' }));
const scroller = document.getElementById('${SCROLL_ID}');
const state = vscode.getState();
if (state && typeof state.y === 'number') scroller.scrollTop = state.y;
let pending = false;
scroller.addEventListener('scroll', () => {
  if (pending) return;
  pending = true;
  setTimeout(() => { pending = false; vscode.setState({ y: scroller.scrollTop }); }, 200);
});
`;

/** The report page with the policy, the nonces and the toolbar. */
export function webviewHtml(reportHtml: string, nonce: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(nonce))}">`;
  const toolbar =
    `<div class="negotext-toolbar" role="toolbar" aria-label="Comparison">` +
    `<button type="button" id="${DIFF_BUTTON_ID}" title="Open the two files in VS Code's text diff">Open text diff</button>` +
    `<button type="button" id="${SAVE_BUTTON_ID}" title="Save this report as a self-contained HTML file, to circulate">Save report…</button></div>`;
  // The report escapes all draft text, so these tags are the page's own.
  let html = reportHtml.replace(/<style(\s[^>]*)?>/gi, (_m, attrs: string | undefined) => `<style nonce="${nonce}"${(attrs ?? '').replace(/\snonce="[^"]*"/gi, '')}>`);
  // The policy first in <head>: it covers only what follows it.
  html = /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (m) => `${m}\n${csp}`) : `${csp}\n${html}`;
  const extra = `<style nonce="${nonce}">${TOOLBAR_CSS}</style>`;
  html = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${extra}\n</head>`) : html.replace(csp, `${csp}\n${extra}`);
  // The toolbar, then the report in the box that scrolls; the body marked for the layout above.
  const open = `${toolbar}\n<div class="negotext-scroll" id="${SCROLL_ID}" tabindex="0">`;
  const bodyTag = /<body(\s[^>]*)?>/i;
  html = bodyTag.test(html)
    ? html.replace(bodyTag, (_m, attrs: string | undefined) => `${markedBody(attrs ?? '')}\n${open}`)
    : `${html}\n${open}`;
  const tail = `</div>\n<script nonce="${nonce}">${script()}</script>`;
  const end = html.search(/<\/body>/i);
  return end >= 0 ? `${html.slice(0, end)}${tail}\n${html.slice(end)}` : `${html}\n${tail}`;
}

/** `<body …>` with the class `negotext-webview` added to any it has. */
function markedBody(attrs: string): string {
  const cls = /\sclass\s*=\s*"([^"]*)"/i.exec(attrs);
  return cls ? `<body${attrs.replace(cls[0], ` class="${cls[1]} negotext-webview"`)}>` : `<body${attrs} class="negotext-webview">`;
}

/** A page with a message instead of a report: while comparing, or why there is none. */
export function messageHtml(title: string, message: string, nonce: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(nonce))}">`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head>',
    csp,
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style nonce="${nonce}">body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em; } pre { white-space: pre-wrap; }</style>`,
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<pre>${escapeHtml(message)}</pre>`,
    '</body></html>',
    '',
  ].join('\n');
}
