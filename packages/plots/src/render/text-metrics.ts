import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { readFontAdvances, type FontAdvances } from './_ttf-advances.js';
import { FONT_FILES } from './fonts.js';

/** The fields of a Vega text item that decide its width. */
interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
  limit?: number | null;
}

type WidthFunction = (item: TextItem, text: unknown) => number;

/** Vega's process-wide text measurer; exported by vega at run time but absent from its typings. */
const textMetrics = (vega as unknown as { textMetrics: { width: WidthFunction } }).textMetrics;

let faces: { regular: FontAdvances; bold: FontAdvances } | undefined;

function loadFaces(): { regular: FontAdvances; bold: FontAdvances } {
  faces ??= { regular: readFontAdvances(readFileSync(FONT_FILES.regular)), bold: readFontAdvances(readFileSync(FONT_FILES.bold)) };
  return faces;
}

function isBold(weight: TextItem['fontWeight']): boolean {
  if (weight === 'bold' || weight === 'bolder') return true;
  return Number(weight) >= 600;
}

/**
 * The width in pixels of `text` set in DejaVu Sans as the PNG rasteriser will lay it out (kerning
 * aside). Vega's own fallback without node-canvas guesses 0.8 em per character, which is about
 * 40% too wide for DejaVu Sans and leaves labels and legends badly spaced.
 */
export function dejavuTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const value = text == null ? '' : String(text).trim();
  if (size <= 0 || value === '') return 0;
  const face = isBold(item.fontWeight) ? loadFaces().bold : loadFaces().regular;
  let units = 0;
  for (const char of value) units += face.advance(char.codePointAt(0) ?? 0);
  const width = (units * size) / face.unitsPerEm;
  // Vega truncates a text longer than its `limit` to fit; its bounds are then at most the limit.
  const limit = Number(item.limit) || 0;
  return limit > 0 ? Math.min(width, limit) : width;
}

/**
 * Runs `work` with Vega measuring text by DejaVu Sans metrics, then puts Vega's measurer back
 * (Vega keeps one measurer per process; vl-convert replaces it the same way). Callers must not
 * overlap: the renderer runs one figure at a time.
 */
export async function withDejavuMetrics<T>(work: () => Promise<T>): Promise<T> {
  const previous = textMetrics.width;
  textMetrics.width = dejavuTextWidth;
  try {
    return await work();
  } finally {
    textMetrics.width = previous;
  }
}
