// Coverage and median width per case, method and quantity, from the study's chunks, as tables.

/** The nominal coverage band of issue #17: 95% within 2.5 points. */
export const BAND = [0.925, 0.975];

/** Adds one data set's intervals to `tally` (keyed 'method|quantity'), scored against `truth`. */
export function score(tally, out, truth) {
  for (const [method, quantities] of Object.entries(out)) {
    for (const [quantity, interval] of Object.entries(quantities)) {
      const value = truth[quantity];
      if (value === undefined) continue;
      const cell = (tally[`${method}|${quantity}`] ??= { n: 0, printed: 0, hits: 0, widths: [], reasons: {} });
      cell.n++;
      if (!Array.isArray(interval)) {
        cell.reasons[interval.refused] = (cell.reasons[interval.refused] ?? 0) + 1;
        continue;
      }
      const [lo, hi] = interval;
      cell.printed++;
      if (value === Infinity ? hi === Infinity : lo <= value && value <= hi) cell.hits++;
      cell.widths.push(hi - lo);
    }
  }
}

/** Tallies of several chunks of one case, merged. */
export function merge(tallies) {
  const merged = {};
  for (const tally of tallies) {
    for (const [key, cell] of Object.entries(tally)) {
      const m = (merged[key] ??= { n: 0, printed: 0, hits: 0, widths: [], reasons: {} });
      m.n += cell.n;
      m.printed += cell.printed;
      m.hits += cell.hits;
      m.widths.push(...cell.widths);
      for (const [reason, count] of Object.entries(cell.reasons)) m.reasons[reason] = (m.reasons[reason] ?? 0) + count;
    }
  }
  return merged;
}

const median = (values) => {
  if (values.length === 0) return null;
  // Widths may be Infinity (open intervals): compare rather than subtract.
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A cell's numbers: coverage of the printed intervals, their median width, the share refused. */
export function stats(cell) {
  if (!cell) return null;
  return {
    coverage: cell.printed > 0 ? cell.hits / cell.printed : null,
    printed: cell.printed,
    refused: (cell.n - cell.printed) / cell.n,
    median_width: median(cell.widths),
    reasons: cell.reasons,
  };
}

const sig = (v) => (v === null ? '-' : v === Infinity ? 'open' : Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(2)).toString());

/** "95.3 · 0.021": coverage (bold outside the band) and median width; "refused" where the product gives none. */
export function cellText(s) {
  if (!s) return '–';
  if (s.printed === 0) return 'refused';
  const pct = (100 * s.coverage).toFixed(1);
  const mark = s.coverage < BAND[0] || s.coverage > BAND[1] ? `**${pct}**` : pct;
  const refused = s.refused > 0 ? ` (${(100 * s.refused).toFixed(s.refused < 0.01 ? 1 : 0)}% refused)` : '';
  return `${mark} · ${sig(s.median_width)}${refused}`;
}

/** A markdown table. */
export function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
