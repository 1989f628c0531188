// The stylesheet of the standalone sequence page: a sticky sidebar on screen, a clean
// single column with the inline table of contents on paper.

export const sequencePageCss = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; display: flex; }
.sidebar { position: sticky; top: 0; align-self: flex-start; width: 290px; height: 100vh; overflow-y: auto;
  padding: 1.25rem 1rem; border-right: 1px solid var(--line); background: var(--panel); font-size: 14px; }
.sidebar-title { font-weight: 600; margin: 0 0 .75rem; }
.sidebar ul { list-style: none; margin: 0; padding: 0; }
.sidebar li { margin: .2rem 0; }
.sidebar .toc-l1 { padding-left: .9rem; }
.sidebar .toc-l2 { padding-left: 1.8rem; font-size: 13px; }
.sidebar a { color: var(--ink); text-decoration: none; }
.sidebar a:hover { color: var(--accent); text-decoration: underline; }
.document { flex: 1; min-width: 0; max-width: 980px; padding: 2rem 3rem; }
.inline-toc { display: none; }
h1, h2 { border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6rem 0 .8rem; }
a { color: var(--accent); }
blockquote { margin: 0; padding: .25rem 1rem; color: var(--muted); border-left: .25rem solid var(--line); }
code { background: var(--panel); padding: .1rem .3rem; border-radius: 4px; font-size: 90%; }
pre { background: var(--panel); padding: 1rem; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; }
pre.mermaid { background: #fff; border: 1px solid var(--line); text-align: center; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
@media (max-width: 800px) {
  body { display: block; }
  .sidebar { position: static; width: auto; height: auto; border-right: 0; border-bottom: 1px solid var(--line); }
  .document { padding: 1rem; }
}
@media print {
  body { display: block; font-size: 11pt; }
  .sidebar { display: none; }
  .inline-toc { display: block; }
  .document { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  pre, pre.mermaid, blockquote, ul { break-inside: avoid; page-break-inside: avoid; }
  h3 { break-before: auto; }
  hr { display: none; }
}
`;
