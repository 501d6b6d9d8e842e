import { join } from 'node:path';
import { runDirectory, writeFileAtomic } from '@poolscope/core';
import { buildFigures, type FigureName, type SkippedFigure } from '../figures/all-figures.js';
import { FIGURE_FORMATS, renderFigure, type FigureFormat } from '../render/render.js';
import { readPlotInput } from './read-plot-input.js';

export interface PlotDirectoryOptions {
  /** Image formats to write beside each `<name>.vl.json`; default `['svg', 'png']`. */
  readonly formats?: readonly FigureFormat[];
}

/** One figure written: its files, and what Vega warned about while drawing it. */
export interface WrittenFigure {
  readonly name: FigureName;
  readonly files: readonly string[];
  readonly warnings: readonly string[];
}

export interface PlotDirectoryResult {
  readonly directory: string;
  readonly written: readonly WrittenFigure[];
  readonly skipped: readonly SkippedFigure[];
}

/**
 * Draws every figure a run directory's data supports into `DIR/figures/`: `<name>.vl.json` and
 * one file per format. Each file is written atomically; the same inputs give the same bytes.
 */
export async function plotDirectory(dir: string, options: PlotDirectoryOptions = {}): Promise<PlotDirectoryResult> {
  const formats = options.formats ?? FIGURE_FORMATS;
  const input = await readPlotInput(dir);
  const { figures, skipped } = buildFigures(input);
  const out = runDirectory(dir).figures;
  const written: WrittenFigure[] = [];
  for (const { name, spec } of figures) {
    // Ids prefixed by the figure's name, so the SVGs can share one HTML page (the report).
    const rendered = await renderFigure(spec, { formats, idPrefix: name });
    const files: string[] = [];
    const write = (file: string, data: string | Uint8Array) => {
      writeFileAtomic(file, data);
      files.push(file);
    };
    write(join(out, `${name}.vl.json`), rendered.vlJson);
    if (formats.includes('svg')) write(join(out, `${name}.svg`), rendered.svg);
    if (rendered.png) write(join(out, `${name}.png`), rendered.png);
    written.push({ name, files, warnings: rendered.warnings });
  }
  return { directory: out, written, skipped };
}
