/**
 * The tooltip's own styles, adopted by its closed shadow root. `:host` resets every property
 * first so nothing the page sets on our host element (through `*` or attribute selectors)
 * leaks in.
 */
export const TOOLTIP_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: auto !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  background: transparent !important;
  overflow: visible !important;
  display: block !important;
  width: max-content !important;
  max-width: min(24rem, calc(100vw - 16px)) !important;
  z-index: 2147483647 !important;
}
:host(:not(:popover-open)) { display: none !important; }
.card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #4b5563; --accent: #1d4ed8; --border: #c7cdd6;
  box-sizing: border-box;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--border);
  border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  padding: 10px 12px;
  max-height: inherit;
  overflow: auto;
  text-align: start;
  white-space: normal;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1f2329; --fg: #eef1f5; --muted: #b4bcc8; --accent: #93b4ff; --border: #3b424d; }
}
p { margin: 0 0 6px; }
p:last-child { margin-bottom: 0; }
.name { font-size: 15px; color: var(--fg); }
.abbr { color: var(--muted); }
.definition { color: var(--fg); }
.category, .related, .source, .also-source { font-size: 12px; color: var(--muted); }
.also-source { margin-top: 8px; }
.category { text-transform: none; letter-spacing: 0.02em; }
.label { font-weight: 600; display: block; margin-bottom: 4px; }
.related { margin: 0 0 8px; }
ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
button {
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--accent);
  background: var(--bg);
  border: 1px solid var(--border);
  border-radius: 999px;
  padding: 3px 9px;
  margin: 0;
  cursor: pointer;
}
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
.actions button { border-radius: 6px; }
.note p { margin: 6px 0 0; }
.note .undo { margin-left: 4px; border-radius: 6px; }
`;
