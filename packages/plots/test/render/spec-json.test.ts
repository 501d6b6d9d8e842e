import { describe, expect, test } from 'vitest';
import { specJson } from '../../src/render/spec-json.js';

describe('specJson', () => {
  const spec = {
    title: 'x',
    data: { values: [{ a: 1, b: 'two' }, { a: 3, b: '"quoted" @@poolscope-rows:0@@' }] },
    encoding: { x: { axis: { values: [1, 2, 4] } } },
    layer: [{ data: { values: [] } }],
  };

  test('reads back as the same spec', () => {
    expect(JSON.parse(specJson(spec))).toEqual(spec);
  });

  test('puts each data row on one line, and everything else indented', () => {
    const text = specJson(spec);
    expect(text).toContain('    "values": [\n      {"a":1,"b":"two"},\n      {"a":3,"b":"\\"quoted\\" @@poolscope-rows:0@@"}\n    ]');
    expect(text).toContain('"values": [\n          1,\n          2,\n          4\n        ]');
    expect(text).toContain('"values": []');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
