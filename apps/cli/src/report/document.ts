import type { FigureName } from '@poolscope/plots';
import type { CodeExcerpt } from '@poolscope/runner';

/**
 * The report as a small document tree that both renderers (Markdown, HTML) walk, so the two
 * files always say the same. Every text is plain text: each renderer escapes it for its format.
 */

/**
 * Inline text: plain, or a code span (a target name, a file, a function). In plain strings, text
 * between a pair of backticks is a code span too, so the catalogue's sentences can mark commands.
 */
export type Inline = string | { readonly code: string } | { readonly strong: string };
export type Text = string | readonly Inline[];

export type Block =
  | { readonly kind: 'paragraph'; readonly text: Text }
  | { readonly kind: 'list'; readonly items: readonly Text[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns aligned right (numbers); the others left. */
      readonly numeric: readonly boolean[];
      readonly caption?: string;
    }
  | {
      readonly kind: 'code';
      readonly excerpt: CodeExcerpt;
      readonly caption: string;
      /** Shown folded in HTML (a click unfolds it); Markdown always shows it. */
      readonly folded?: boolean;
    }
  | {
      readonly kind: 'figure';
      readonly name: FigureName;
      readonly caption: string;
      /** Paths relative to the run directory. */
      readonly svg: string | null;
      readonly png: string | null;
    };

export interface Section {
  /** The anchor (`experiment-1`). */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly sections?: readonly Section[];
}

export interface ReportDocument {
  readonly title: string;
  /** One line under the title: what was measured, where. */
  readonly subtitle: string;
  readonly sections: readonly Section[];
}

/** A paragraph of inline parts. */
export const paragraph = (text: Text): Block => ({ kind: 'paragraph', text });
export const list = (items: readonly Text[]): Block => ({ kind: 'list', items });
export const code = (text: string): Inline => ({ code: text });

/** The inline parts of a text, with `backticked` spans of plain strings turned into code spans. */
export function inlineParts(text: Text): Inline[] {
  const parts: Inline[] = [];
  for (const part of typeof text === 'string' ? [text] : text) {
    if (typeof part !== 'string') {
      parts.push(part);
      continue;
    }
    const pieces = part.split('`');
    // An odd number of pieces means every backtick has its pair; otherwise they are just characters.
    if (pieces.length % 2 === 0) parts.push(part);
    else pieces.forEach((piece, i) => (i % 2 === 1 ? parts.push({ code: piece }) : piece !== '' && parts.push(piece)));
  }
  return parts;
}
