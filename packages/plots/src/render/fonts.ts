import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The one font family every figure uses, in the Vega config and in the PNG rasteriser. */
export const FONT_FAMILY = 'DejaVu Sans';

/**
 * The DejaVu Sans faces the figures use (regular for labels, bold for titles), resolved from the
 * `dejavu-fonts-ttf` package so rendering never depends on the fonts a machine happens to have.
 */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
