import { describe, expect, it } from 'vitest';
import { CompileProgress, timeLeftMs } from '../../src/install/compile-progress.js';

describe('CompileProgress', () => {
  it('counts compiler commands against the objects the Makefile names', () => {
    const progress = new CompileProgress('OBJS = Objects/a.o Objects/b.o\nMODOBJS = Modules/_ssl.o\nObjects/a.o: Objects/a.c\n');
    expect(progress.expected).toBe(3);
    expect(progress.line('gcc -c -fno-strict-overflow -O3 -I./Include -o Objects/a.o ../Objects/a.c')).toBe(true);
    expect(progress.line('gcc -shared Modules/_ssl.o -lssl -o Modules/_ssl.cpython-313-x86_64-linux-gnu.so')).toBe(false);
    expect(progress.line("make[1]: Entering directory '/build'")).toBe(false);
    expect(progress.fraction).toBeCloseTo(1 / 3, 6);
    progress.line('gcc -c -o Objects/b.o Objects/b.c');
    progress.line('gcc -c -o Modules/_ssl.o Modules/_ssl.c');
    progress.line('gcc -c -o Modules/extra.o Modules/extra.c');
    // Never 1 before make ends, even when more objects are compiled than the Makefile names.
    expect(progress.fraction).toBe(0.99);
  });

  it('has no fraction when the Makefile names no objects', () => {
    expect(new CompileProgress('').fraction).toBeNull();
  });
});

describe('timeLeftMs', () => {
  it('assumes the rest goes at the pace so far, and says nothing before 2% is done', () => {
    // 30 s for a quarter: 90 s to go.
    expect(timeLeftMs(30_000, 0.25)).toBe(90_000);
    expect(timeLeftMs(1_000, 0.01)).toBeNull();
    expect(timeLeftMs(1_000, null)).toBeNull();
  });
});
