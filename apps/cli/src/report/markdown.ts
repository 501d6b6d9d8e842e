import { inlineParts, type Block, type Inline, type ReportDocument, type Section, type Text } from './document.js';

/** The HTML entities of the characters Markdown would read as HTML: a tag, or an entity (`&lt;` in data stays as typed). */
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Escapes text so Markdown shows it as written: no emphasis, links, HTML, entities or table breaks from data. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&|#]/g, (c) => ENTITIES[c] ?? `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A code span that holds any text: a fence of more backticks than the text has in a row. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  if ('code' in part) return codeSpan(part.code);
  return `**${escapeMarkdown(part.strong)}**`;
}

/** A text as Markdown: escaped, with its code spans. */
export const markdownText = (t: Text): string => inlineParts(t).map(inline).join('');
const text = markdownText;

function table(block: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
  const rule = `|${block.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  const lines = [row(block.header), rule, ...block.rows.map(row)];
  return block.caption ? `${text(block.caption)}\n\n${lines.join('\n')}` : lines.join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return text(b.text);
    case 'list':
      return b.items.map((item) => `- ${text(item)}`).join('\n');
    case 'table':
      return table(b);
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...(b.excerpt.code.match(/`{3,}/g) ?? []).map((r) => r.length + 1)));
      return `${text(b.caption)}:\n\n${fence}${b.excerpt.language}\n${b.excerpt.code}\n${fence}`;
    }
    case 'figure': {
      const file = b.png ?? b.svg;
      return file ? `![${escapeMarkdown(b.caption)}](${encodeURI(file)})\n\n*${escapeMarkdown(b.caption)}*` : text(b.caption);
    }
  }
}

function section(s: Section, depth: number): string {
  const parts = [`${'#'.repeat(depth)} ${escapeMarkdown(s.title)}`, ...s.blocks.map(block), ...(s.sections ?? []).map((sub) => section(sub, depth + 1))];
  return parts.join('\n\n');
}

/**
 * The report as Markdown (GitHub-flavoured: pipe tables, fenced code). Figures are linked as
 * `figures/<name>.png` (the SVG when no PNG was drawn), relative to the run directory where
 * report.md lives.
 */
export function renderMarkdown(doc: ReportDocument): string {
  return `${[`# ${escapeMarkdown(doc.title)}`, `*${escapeMarkdown(doc.subtitle)}*`, ...doc.sections.map((s) => section(s, 2))].join('\n\n')}\n`;
}
