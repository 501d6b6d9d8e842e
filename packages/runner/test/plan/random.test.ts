import { describe, expect, it } from 'vitest';
import { seededShuffle } from '../../src/plan/random.js';

describe('seededShuffle', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);

  it('is a permutation fixed by the seed', () => {
    const a = seededShuffle(items, 42);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(seededShuffle(items, 42)).toEqual(a);
    expect(a).not.toEqual(items);
    expect(seededShuffle(items, 43)).not.toEqual(a);
  });

  it('leaves its input alone', () => {
    const copy = [...items];
    seededShuffle(items, 1);
    expect(items).toEqual(copy);
  });
});
