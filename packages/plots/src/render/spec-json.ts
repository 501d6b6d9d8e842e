/**
 * A spec as `.vl.json` text: indented like `JSON.stringify(spec, null, 2)`, except that each
 * row of inline data takes one line, so a figure's data reads (and diffs) as a table.
 */
export function specJson(spec: object): string {
  const marker = '@@poolscope-rows:';
  const rows: string[][] = [];
  const text = JSON.stringify(
    spec,
    (key, value: unknown) => {
      if (key === 'values' && Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
        rows.push(value.map((v) => JSON.stringify(v)));
        return `${marker}${rows.length - 1}@@`;
      }
      return value;
    },
    2,
  );
  const spliced = text.replace(new RegExp(`^( *)("values": )"${marker}(\\d+)@@"`, 'gm'), (_, indent: string, prefix: string, index: string) => {
    const lines = rows[Number(index)] ?? [];
    if (lines.length === 0) return `${indent}${prefix}[]`;
    return `${indent}${prefix}[\n${lines.map((l) => `${indent}  ${l}`).join(',\n')}\n${indent}]`;
  });
  return `${spliced}\n`;
}
