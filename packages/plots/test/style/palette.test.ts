import { describe, expect, test } from 'vitest';
import { CATEGORY_COLORS, TARGET_COLORS, stableOrder, targetPalette } from '../../src/index.js';

describe('targetPalette', () => {
  test('deals colours by a stable order of names, whatever order targets come in', () => {
    const a = targetPalette(['python3.13t', 'node-pool', 'python3.13', 'node-pool']);
    const b = targetPalette(['python3.13', 'python3.13t', 'node-pool']);
    expect(a).toEqual(b);
    expect(a.targets).toEqual(['node-pool', 'python3.13', 'python3.13t']);
    expect(a.colors).toEqual(TARGET_COLORS.slice(0, 3));
  });

  test('gives six targets six different colours and six different shapes', () => {
    const p = targetPalette(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(new Set(p.colors).size).toBe(6);
    expect(new Set(p.shapes).size).toBe(6);
  });

  test("uses Okabe and Ito's colour-blind-safe colours (their published hex values), yellow last", () => {
    // Okabe & Ito 2008, https://jfly.uni-koeln.de/color/: the eight colours of the palette.
    const okabeIto = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
    expect([...TARGET_COLORS].sort()).toEqual([...okabeIto].sort());
    expect(TARGET_COLORS[TARGET_COLORS.length - 1]).toBe('#F0E442');
  });

  test('past eight targets colours repeat but colour and shape together stay distinct', () => {
    const p = targetPalette(Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`));
    const pairs = new Set(p.colors.map((c, i) => `${c}/${p.shapes[i]}`));
    expect(pairs.size).toBe(12);
  });

  test('function categories have distinct fixed colours', () => {
    expect(new Set(Object.values(CATEGORY_COLORS)).size).toBe(Object.keys(CATEGORY_COLORS).length);
  });
});

describe('stableOrder', () => {
  test('sorts by code units, not by locale, and drops duplicates', () => {
    expect(stableOrder(['b', 'B', 'a', 'ä', 'a'])).toEqual(['B', 'a', 'b', 'ä']);
  });
});
