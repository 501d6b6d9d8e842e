// The table `pnpm bench` prints: one line per figure, median and range, target and verdict.

/** A number as the table shows it: 3 significant digits, at most 3 decimals. */
export function formatNumber(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return x.toFixed(decimals);
}

/** `<= 1.05`, or `report` for a figure without a target. */
export function formatTarget(target) {
  return target ? `${target.op} ${target.value}` : 'report';
}

/** `met`, `MISSED` or `-` (no target), and `skipped` for a figure that could not run. */
export function formatVerdict(figure) {
  if (figure.skipped) return 'skipped';
  return figure.met === null ? '-' : figure.met ? 'met' : 'MISSED';
}

/**
 * Rows of figures as an aligned plain-text table (columns: figure, median, min-max, n, target,
 * verdict), followed by a line per missed or skipped figure saying why.
 */
export function formatTable(figures) {
  const header = ['figure', 'median', 'min-max', 'n', 'target', 'verdict'];
  const rows = figures.map((f) =>
    f.skipped
      ? [`${f.id} ${f.name}`, '-', '-', '0', formatTarget(f.target), 'skipped']
      : [`${f.id} ${f.name}`, formatNumber(f.median), `${formatNumber(f.min)}-${formatNumber(f.max)}`, String(f.n), formatTarget(f.target), formatVerdict(f)],
  );
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const f of figures) if (f.reason && (f.skipped || f.met !== true)) out.push(`${f.id}: ${f.reason}`);
  return out.join('\n');
}
