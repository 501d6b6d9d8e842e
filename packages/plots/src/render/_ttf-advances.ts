/**
 * The horizontal advance of every character a TrueType font maps, read from its `cmap` and `hmtx`
 * tables (OpenType spec, https://learn.microsoft.com/typography/opentype/spec/cmap and /hmtx).
 * Enough to measure text as the rasteriser will lay it out, kerning aside.
 */
export interface FontAdvances {
  /** Font design units per em (`head.unitsPerEm`). */
  readonly unitsPerEm: number;
  /** Advance of a code point in font units; the advance of glyph 0 (.notdef) when unmapped. */
  advance(codePoint: number): number;
}

function tableOffsets(font: Buffer): Map<string, number> {
  const numTables = font.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return tables;
}

function required(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no '${tag}' table`);
  return offset;
}

/** Code point -> glyph id from a format 4 (BMP) or format 12 (full Unicode) subtable. */
function readCmap(font: Buffer, cmap: number): Map<number, number> {
  const glyphs = new Map<number, number>();
  const count = font.readUInt16BE(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const sub = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(sub);
    // Windows Unicode subtables: encoding 1 (BMP, format 4) and 10 (full repertoire, format 12).
    if (platform === 3 && encoding === 1 && format === 4) format4 = sub;
    if (platform === 3 && encoding === 10 && format === 12) format12 = sub;
  }
  if (format12 !== undefined) {
    const groups = font.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + 12 * g;
      const start = font.readUInt32BE(at);
      const end = font.readUInt32BE(at + 4);
      const glyph = font.readUInt32BE(at + 8);
      for (let c = start; c <= end; c++) glyphs.set(c, glyph + (c - start));
    }
    return glyphs;
  }
  if (format4 === undefined) throw new Error('font has no Unicode cmap subtable');
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + 2 * s);
    const start = font.readUInt16BE(starts + 2 * s);
    const delta = font.readInt16BE(deltas + 2 * s);
    const rangeAt = rangeOffsets + 2 * s;
    const rangeOffset = font.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(rangeAt + rangeOffset + 2 * (c - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) glyphs.set(c, glyph);
    }
  }
  return glyphs;
}

/** Reads the advances of a TrueType font file's contents. */
export function readFontAdvances(font: Buffer): FontAdvances {
  const tables = tableOffsets(font);
  const unitsPerEm = font.readUInt16BE(required(tables, 'head') + 18);
  const numberOfHMetrics = font.readUInt16BE(required(tables, 'hhea') + 34);
  const hmtx = required(tables, 'hmtx');
  const glyphs = readCmap(font, required(tables, 'cmap'));
  // Glyphs past numberOfHMetrics share the last advance (monospaced tail).
  const glyphAdvance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  const byCodePoint = new Map<number, number>();
  for (const [codePoint, glyph] of glyphs) byCodePoint.set(codePoint, glyphAdvance(glyph));
  const notdef = glyphAdvance(0);
  return { unitsPerEm, advance: (codePoint) => byCodePoint.get(codePoint) ?? notdef };
}
