import { describe, expect, it } from 'vitest';
import { formatNumber, formatTable, formatTarget } from '../lib/table.mjs';
import { figureResult } from '../lib/stats.mjs';

describe('formatNumber', () => {
  it('keeps about three significant digits', () => {
    expect(formatNumber(0.98765)).toBe('0.988');
    expect(formatNumber(1.6543)).toBe('1.65');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(345.6)).toBe('346');
    expect(formatNumber(null)).toBe('-');
  });
});

describe('formatTable', () => {
  const figures = [
    figureResult({ id: '1', name: 'speedup / cores', samples: [0.97, 0.99, 0.96], target: { op: '>=', value: 0.95 } }),
    figureResult({ id: '2a', name: 'node-pool / piscina', samples: [1.1, 1.2], target: { op: '<=', value: 1.05 }, reason: 'pool start in the timed region' }),
    figureResult({ id: '6', name: 'peak RSS / CSV size', samples: [1.25] }),
    { id: '3 python3.13t', name: 'python', skipped: true, target: { op: '<=', value: 1.05 }, met: null, reason: 'skipped: no python3.13t' },
  ];
  const text = formatTable(figures);
  const lines = text.split('\n');

  it('has a header, a rule and one aligned row per figure', () => {
    expect(lines[0]).toMatch(/^figure\s+median\s+min-max\s+n\s+target\s+verdict$/);
    expect(lines[1]).toMatch(/^-+( +-+){5}$/);
    const rows = lines.slice(2, 6);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(rows[0]).toMatch(/^1 speedup \/ cores\s+0\.970\s+0\.960-0\.990\s+3\s+>= 0\.95\s+met$/);
    expect(rows[1]).toMatch(/1\.15\s+1\.10-1\.20\s+2\s+<= 1\.05\s+MISSED$/);
    expect(rows[2]).toMatch(/1\.25\s+1\.25-1\.25\s+1\s+report\s+-$/);
    expect(rows[3]).toMatch(/-\s+-\s+0\s+<= 1\.05\s+skipped$/);
  });

  it('says why after the table, for missed and skipped figures and reported notes only', () => {
    expect(lines.slice(6)).toEqual(['2a: pool start in the timed region', '3 python3.13t: skipped: no python3.13t']);
    expect(formatTarget(null)).toBe('report');
  });
});
