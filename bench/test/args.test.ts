import { describe, expect, it } from 'vitest';
import { parseBenchArgs, FIGURE_GROUPS } from '../lib/args.mjs';
import { lastJson } from '../lib/child.mjs';

describe('parseBenchArgs', () => {
  it('runs every figure into results.json by default', () => {
    expect(parseBenchArgs([])).toMatchObject({ quick: false, partial: false, lock: true, out: null, groups: FIGURE_GROUPS.map((g) => g.key) });
  });
  it('takes --quick, --only and --no-lock (pnpm passes a -- through)', () => {
    const parsed = parseBenchArgs(['--', '--quick', '--only', '4,1', '--no-lock']);
    expect(parsed).toMatchObject({ quick: true, partial: true, lock: false, groups: ['node-speedup', 'analysis'] });
    expect(parseBenchArgs(['--only', '6']).groups).toEqual(['analysis']);
  });
  it('names the option and the allowed figures when --only is wrong', () => {
    expect(() => parseBenchArgs(['--only', '1,7'])).toThrow("--only must be a list of figures among 1, 2, 3, 4, 5, 6, got '1,7'");
  });
});

describe('lastJson', () => {
  it('reads the last line, or the pretty-printed object at the end', () => {
    expect(lastJson('progress\n{"a":1}\n')).toEqual({ a: 1 });
    expect(lastJson('{"file":"x"}\n{\n  "b": {\n    "c": 2\n  }\n}\n')).toEqual({ b: { c: 2 } });
    expect(lastJson('no json')).toBeUndefined();
  });
});
