import { describe, expect, it } from 'vitest';
import { FirstSeen } from '../../src/merge/first-seen.js';

describe('FirstSeen', () => {
  it('records each (cell, repetition) once and says where a repeated one was first seen', () => {
    const seen = new FirstSeen();
    expect(seen.claim('a', 0, 0, 2)).toBeUndefined();
    expect(seen.claim('a', 1, 0, 3)).toBeUndefined();
    expect(seen.claim('b', 0, 0, 4)).toBeUndefined();
    expect(seen.claim('a', 1, 1, 9)).toEqual({ file: 0, line: 3 });
    expect(seen.claim('b', 0, 2, 5)).toEqual({ file: 0, line: 4 });
    expect(seen.size).toBe(3);
  });

  it('grows to any repetition number, a huge one included, keeping what it saw', () => {
    const seen = new FirstSeen();
    const repeats = [0, 7, 8, 1000, 123_456, 2 ** 20 - 1, 2 ** 20, 2 ** 31, Number.MAX_SAFE_INTEGER];
    repeats.forEach((repeat, i) => expect(seen.claim('cell', repeat, 1, i + 2)).toBeUndefined());
    repeats.forEach((repeat, i) => expect(seen.claim('cell', repeat, 3, 100)).toEqual({ file: 1, line: i + 2 }));
    expect(seen.size).toBe(repeats.length);
  });
});
