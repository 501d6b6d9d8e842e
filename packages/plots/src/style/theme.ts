import type { Config } from 'vega-lite';
import { FONT_FAMILY } from '../render/fonts.js';

/** Grey for references that belong to no target (the ideal line, panel frames). */
export const REFERENCE_GREY = '#666666';

/**
 * The look every figure shares: DejaVu Sans everywhere (the font the PNG rasteriser embeds), a
 * white background so PNGs are not transparent, titles left-aligned with a grey subtitle.
 */
export const THEME: Config = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 12,
  title: { anchor: 'start', fontSize: 15, fontWeight: 'bold', subtitleFontSize: 12, subtitleColor: '#444444', offset: 10, subtitlePadding: 4 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#222222', gridColor: '#e6e6e6', domainColor: '#888888', tickColor: '#888888' },
  header: { labelFontSize: 12, labelFontWeight: 'bold', titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'bold', labelLimit: 320, symbolStrokeWidth: 2 },
  view: { stroke: '#cccccc' },
  line: { strokeWidth: 2 },
  point: { size: 45, filled: true },
};

/** Width of one panel, from how many panels sit side by side. */
export function panelWidth(columns: number): number {
  if (columns <= 1) return 420;
  if (columns === 2) return 300;
  if (columns === 3) return 240;
  return 190;
}

/** Height of one panel. */
export const PANEL_HEIGHT = 210;
