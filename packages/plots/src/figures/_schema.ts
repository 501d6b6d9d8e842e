/** The Vega-Lite schema every spec names, so the Vega editor and validators know its version. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
