/** The widget's styles, inside its shadow root (a host page's CSS cannot break it, nor it the page's). */
export const WIDGET_CSS = `
:host { display: block; position: relative; height: 420px; min-height: 160px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
:host([hidden]) { display: none; }
.frame { position: absolute; inset: 0; display: flex; flex-direction: column; border-radius: 6px; overflow: hidden; }
.frame.light { background: #fff; color: #1f2328; --muted: #57606a; --line: #d0d7de; --field: #fff; --accent: #0969da; }
.frame.dark { background: #14161b; color: #e6edf3; --muted: #9da7b3; --line: #30363d; --field: #0d1117; --accent: #58a6ff; }
.stage { position: relative; flex: 1; min-height: 0; outline: none; }
.stage:focus-visible { box-shadow: inset 0 0 0 2px var(--accent); }
.status { position: absolute; left: 6px; top: 5px; padding: 1px 4px; border-radius: 3px; color: var(--muted); font-size: 12px; pointer-events: none; background: color-mix(in srgb, var(--field) 82%, transparent); }
.status:empty { display: none; }
.status.error { color: #cf222e; pointer-events: auto; }
.controls[hidden] { display: none; }
.controls { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 6px 8px; border-top: 1px solid var(--line); font-size: 12px; }
.controls label { display: inline-flex; gap: 4px; align-items: center; color: var(--muted); }
.controls input, .controls select, .controls button { font: inherit; color: inherit; background: var(--field); border: 1px solid var(--line); border-radius: 4px; padding: 2px 5px; }
.controls input[type=number] { width: 5.2em; }
.controls button { cursor: pointer; }
.controls button:focus-visible, .controls input:focus-visible, .controls select:focus-visible, .info button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.info { position: absolute; right: 8px; top: 6px; max-width: 60%; padding: 4px 8px; border-radius: 4px; background: var(--field); border: 1px solid var(--line); font-size: 12px; }
.info:empty { display: none; }
.info button { font: inherit; color: var(--accent); background: none; border: 0; padding: 0 0 0 6px; cursor: pointer; text-decoration: underline; }
`;
