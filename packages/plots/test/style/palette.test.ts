import { describe, expect, test } from 'vitest';
import { targetPalette } from '../../src/index.js';
import { targetSlot, CATEGORY_COLORS, TARGET_COLORS, stableOrder } from '../../src/style/palette.js';

describe('targetPalette', () => {
  test('gives the same palette whatever order targets come in', () => {
    const a = targetPalette(['python3.13t', 'node-pool', 'python3.13', 'node-pool']);
    const b = targetPalette(['python3.13', 'python3.13t', 'node-pool']);
    expect(a).toEqual(b);
    expect(a.targets).toEqual(['node-pool', 'python3.13', 'python3.13t']);
  });

  test('keeps each known target its colour and shape in every run, whichever other targets ran', () => {
    const look = (palette: ReturnType<typeof targetPalette>, target: string) => {
      const i = palette.targets.indexOf(target);
      return { color: palette.colors[i], shape: palette.shapes[i] };
    };
    const runs = [
      ['python3.13t'],
      ['python3.13', 'python3.13t'],
      ['node-main', 'python3.13t'],
      ['node-pool', 'node-main', 'python3.12', 'python3.13', 'python3.13t', 'python3.14t', 'pypy3.11'],
    ].map(targetPalette);
    for (const target of ['python3.13t', 'python3.13', 'node-main', 'node-pool']) {
      const looks = runs.filter((p) => p.targets.includes(target)).map((p) => look(p, target));
      expect(new Set(looks.map((l) => `${l.color}/${l.shape}`)).size, target).toBe(1);
    }
    const all = runs[3]!;
    // GIL blue, free-threaded vermillion (lighter shades for even minor versions); Node green and purple.
    expect(look(all, 'python3.13')).toEqual({ color: '#0072B2', shape: 'circle' });
    expect(look(all, 'python3.13t')).toEqual({ color: '#D55E00', shape: 'square' });
    expect(look(all, 'python3.12').color).toBe('#56B4E9');
    expect(look(all, 'python3.14t').color).toBe('#E69F00');
    expect(look(all, 'node-pool').color).toBe('#009E73');
    expect(look(all, 'node-main').color).toBe('#CC79A7');
    expect(new Set(all.colors).size).toBe(all.targets.length);
  });

  test('gives any other name a colour from its name alone, unless another target of the run asked for it first', () => {
    expect(targetSlot('pypy3.11')).toBe(targetSlot('pypy3.11'));
    const slot = targetSlot('pypy3.11');
    const alone = targetPalette(['pypy3.11']);
    const withKnown = targetPalette(['pypy3.11', 'node-pool', 'node-main', 'python3.13', 'python3.13t'].filter((t) => t === 'pypy3.11' || targetSlot(t) !== slot));
    expect(alone.colors[0]).toBe(TARGET_COLORS[slot]);
    expect(withKnown.colors[withKnown.targets.indexOf('pypy3.11')]).toBe(TARGET_COLORS[slot]);
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
