import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { LoggerInterface } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { specJson } from './spec-json.js';
import { withDejavuMetrics } from './text-metrics.js';

/** The file formats a figure can be written in, besides its `.vl.json` spec. */
export const FIGURE_FORMATS = ['svg', 'png'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/** PNG pixels per SVG pixel: 2 keeps text crisp on high-density screens and in print. */
export const DEFAULT_PNG_SCALE = 2;

/** One figure rendered: its spec as text, and the formats asked for. */
export interface RenderedFigure {
  /** The Vega-Lite spec, pretty-printed, for `<name>.vl.json` (opens in the Vega editor). */
  readonly vlJson: string;
  readonly svg: string;
  /** Present when `png` was asked for. */
  readonly png: Buffer | undefined;
  /** What Vega-Lite or Vega warned about while compiling and rendering (empty when all is well). */
  readonly warnings: readonly string[];
}

export interface RenderOptions {
  /** Formats to produce; default `['svg', 'png']`. SVG is always rendered: PNG is drawn from it. */
  readonly formats?: readonly FigureFormat[];
  /**
   * Prefix for the SVG's internal ids (clip paths, gradients); default none (`clip1`, ...). Give each
   * figure its own when several SVGs are inlined in one HTML page, whose ids must be unique.
   */
  readonly idPrefix?: string;
  /** PNG pixels per SVG pixel; default {@link DEFAULT_PNG_SCALE}. */
  readonly pngScale?: number;
}

/** A Vega logger that keeps warnings and errors instead of printing them (libraries never print). */
function collectingLogger(messages: string[]): LoggerInterface {
  let level = vega.Warn;
  const text = (args: readonly unknown[]) => args.map(String).join(' ');
  const logger: LoggerInterface = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args) {
      messages.push(`error: ${text(args)}`);
      return this;
    },
    warn(...args) {
      messages.push(text(args));
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
  };
  return logger;
}

// Vega numbers SVG clip paths and gradients with process-wide counters and measures text with a
// process-wide function, so renders run one at a time: each starts from the same state.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Renders a Vega-Lite spec to SVG text with Vega's headless View (no browser, no canvas): fonts
 * measured as DejaVu Sans, clip-path ids numbered from 1, so the same spec gives the same bytes.
 */
export function renderSvg(spec: TopLevelSpec, options: Pick<RenderOptions, 'idPrefix'> = {}): Promise<{ svg: string; warnings: string[] }> {
  return serialized(() =>
    withDejavuMetrics(async () => {
      const warnings: string[] = [];
      const logger = collectingLogger(warnings);
      // On a copy: Vega tags inline data rows with ids, and the caller's spec must stay as given.
      const vgSpec = compile(structuredClone(spec), { logger }).spec;
      const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logger, logLevel: vega.Warn });
      try {
        vega.resetSVGDefIds();
        const svg = await view.toSVG();
        return { svg: `${options.idPrefix ? prefixSvgIds(svg, options.idPrefix) : svg}\n`, warnings };
      } finally {
        view.finalize();
      }
    }),
  );
}

/**
 * Prefixes the ids Vega gives clip paths and gradients, and the references to them. Only inside
 * tags: Vega escapes `<` and `>` in text, so every `<...>` is a tag and a label that happens to
 * read `url(#clip1)` is left alone.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg.replace(/<[^>]*>/g, (tag) => tag.replace(/(id="|url\(#)(clip\d+|gradient_\d+)/g, `$1${prefix}-$2`));
}

/**
 * Rasterises an SVG to PNG with resvg, using only the bundled DejaVu Sans files (never the
 * machine's fonts, which would make the pixels depend on where it ran).
 */
export function svgToPng(svg: string, scale: number = DEFAULT_PNG_SCALE): Buffer {
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  });
  return resvg.render().asPng();
}

/** Renders a spec to its `.vl.json` text, SVG and (if asked) PNG. */
export async function renderFigure(spec: TopLevelSpec, options: RenderOptions = {}): Promise<RenderedFigure> {
  const formats = options.formats ?? FIGURE_FORMATS;
  const { svg, warnings } = await renderSvg(spec, options);
  const png = formats.includes('png') ? svgToPng(svg, options.pngScale ?? DEFAULT_PNG_SCALE) : undefined;
  return { vlJson: specJson(spec), svg, png, warnings };
}
