import { inlineParts, type Block, type Inline, type ReportDocument, type Section, type Text } from './document.js';
import { reportMessages as m } from './messages.js';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The figure files' contents, by path relative to the run directory. */
export interface FigureContents {
  /** SVG text, or undefined when it is not there. */
  svg(file: string): string | undefined;
  /** PNG bytes, or undefined when it is not there. */
  png(file: string): Uint8Array | undefined;
}

/**
 * An SVG fit to be pasted into the page: Vega's output, which escapes every label, without an XML
 * prolog. Refused (undefined) if it holds anything active or external (script, foreignObject, event
 * handlers, links off the page), so that even a tampered file cannot bring code or requests in.
 */
export function inlineSvg(svg: string): string | undefined {
  const body = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
  if (!body.startsWith('<svg')) return undefined;
  if (/<script|<foreignObject|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*["']\s*(?!#)/i.test(body)) return undefined;
  return body;
}

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`;
  return `<strong>${escapeHtml(part.strong)}</strong>`;
}

const text = (t: Text): string => inlineParts(t).map(inline).join('');

function table(b: Extract<Block, { kind: 'table' }>): string {
  const cls = (i: number) => (b.numeric[i] ? ' class="num"' : '');
  const head = `<tr>${b.header.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const caption = b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : '';
  return `<div class="table"><table>${caption}<thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>`;
}

function figure(b: Extract<Block, { kind: 'figure' }>, files: FigureContents): string {
  const caption = `<figcaption>${escapeHtml(b.caption)}</figcaption>`;
  const svg = b.svg === null ? undefined : files.svg(b.svg);
  const safe = svg === undefined ? undefined : inlineSvg(svg);
  if (safe) return `<figure id="figure-${escapeHtml(b.name)}" data-figure="${escapeHtml(b.name)}">${safe}${caption}</figure>`;
  const png = b.png === null ? undefined : files.png(b.png);
  if (png) {
    const src = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    return `<figure id="figure-${escapeHtml(b.name)}" data-figure="${escapeHtml(b.name)}"><img src="${src}" alt="${escapeHtml(b.caption)}">${caption}</figure>`;
  }
  return `<p class="missing">${escapeHtml(m.figureMissing(b.name))}</p>`;
}

function block(b: Block, files: FigureContents): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${text(b.text)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((item) => `<li>${text(item)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return table(b);
    case 'code': {
      const pre = `<pre><code class="language-${b.excerpt.language}">${escapeHtml(b.excerpt.code)}</code></pre>`;
      return b.folded
        ? `<details class="code"><summary>${escapeHtml(b.caption)}</summary>${pre}</details>`
        : `<figure class="code"><figcaption>${escapeHtml(b.caption)}</figcaption>${pre}</figure>`;
    }
    case 'figure':
      return figure(b, files);
  }
}

function section(s: Section, depth: number, files: FigureContents): string {
  const h = Math.min(6, depth);
  const inner = [`<h${h} id="${escapeHtml(s.id)}">${escapeHtml(s.title)}</h${h}>`, ...s.blocks.map((b) => block(b, files)), ...(s.sections ?? []).map((sub) => section(sub, depth + 1, files))];
  return `<section>\n${inner.join('\n')}\n</section>`;
}

function contents(sections: readonly Section[]): string {
  const items = sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('');
  return `<nav aria-label="${escapeHtml(m.contents)}"><h2>${escapeHtml(m.contents)}</h2><ol>${items}</ol></nav>`;
}

/** Readable on a laptop and a phone, printable; no web fonts, nothing fetched. */
const STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --rule: #d9dee5; --tint: #f5f7fa; --accent: #0b63b6; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
.subtitle { color: var(--muted); margin: 0 0 1.5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: var(--accent); }
nav { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; padding: .75rem 1.25rem; }
nav h2 { font-size: 1rem; margin: 0 0 .25rem; border: 0; padding: 0; }
nav ol { margin: 0; padding-left: 1.25rem; columns: 2; }
ul { padding-left: 1.25rem; }
li { margin: .25rem 0; }
code { font: .9em/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; background: var(--tint); padding: 0 .2em; border-radius: 3px; }
pre { margin: 0; padding: .75rem 1rem; overflow-x: auto; background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; }
pre code { background: none; padding: 0; font-size: .85rem; }
figure { margin: 1.25rem 0; }
figure svg, figure img { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .35rem; }
figure.code figcaption, details.code summary { margin: 0 0 .35rem; color: var(--muted); font: .9rem ui-monospace, "DejaVu Sans Mono", monospace; }
details.code { margin: .75rem 0; }
details.code summary { cursor: pointer; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: .92rem; }
caption { text-align: left; color: var(--muted); padding-bottom: .35rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .65rem; text-align: left; vertical-align: top; }
th { background: var(--tint); }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.missing { color: #9a3412; }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .75rem; }
@media (max-width: 40rem) { nav ol { columns: 1; } main { padding: 1rem .75rem 3rem; } }
@media print { nav { display: none; } h2 { break-before: auto; } figure { break-inside: avoid; } }
`;

/**
 * The report as one self-contained HTML file: the figures inline (their SVG, or a PNG data URI when
 * an SVG is missing or refused), the style inline, no script, nothing fetched. Every text is
 * escaped; a Content-Security-Policy forbids loading anything from elsewhere.
 */
export function renderHtml(doc: ReportDocument, files: FigureContents): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}: ${escapeHtml(doc.subtitle)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    contents(doc.sections),
    ...doc.sections.map((s) => section(s, 2, files)),
    `<footer>${escapeHtml(m.generatedBy)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
