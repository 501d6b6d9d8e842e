import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { modelEntry } from '@poolscope/analysis';
import { plotInputFromSummary, type CategoryTime, type SummaryDocument } from '../../src/index.js';
import { summaryDocumentSchema } from '../../src/data/summary-schema.js';
import { timingGroupLabel } from '../../src/data/from-summary.js';
import { RUN_SMALL } from '../fixtures/paths.js';

const summary: SummaryDocument = summaryDocumentSchema.parse(JSON.parse(readFileSync(join(RUN_SMALL, 'analysis', 'summary.json'), 'utf8')));
const firstGroup = summary.groups[0]!;

/** The fixture with its first group changed. */
function withFirstGroup(change: (g: typeof firstGroup) => typeof firstGroup): SummaryDocument {
  return { ...summary, groups: [change(firstGroup), ...summary.groups.slice(1)] };
}

describe('plotInputFromSummary', () => {
  const input = plotInputFromSummary(summary, null);

  test('takes every measured point with its CI and the cores it kept busy', () => {
    expect(input.scaling.points).toHaveLength(summary.groups.reduce((n, g) => n + g.points.length, 0));
    const p = firstGroup.points[1]!;
    expect(input.scaling.points).toContainEqual({
      ...firstGroup.key,
      num_threads: p.x,
      speedup: p.speedup,
      speedup_lo: p.speedup_ci95[0],
      speedup_hi: p.speedup_ci95[1],
      cpu_util: p.cpu_cores_busy,
    });
  });

  test('samples each USL fit over its measured thread range', () => {
    const curve = input.scaling.curves.filter((c) => c.target === firstGroup.key.target && c.task_type === firstGroup.key.task_type && c.num_tasks === firstGroup.key.num_tasks);
    expect(curve.length).toBeGreaterThan(20);
    expect(curve[0]?.num_threads).toBe(1);
    expect(curve[curve.length - 1]?.num_threads).toBe(8);
    const usl = firstGroup.fits.usl;
    if (usl.status !== 'ok') throw new Error('fixture group 0 has a USL fit');
    for (const c of curve) expect(c.speedup).toBeCloseTo(modelEntry('usl').curve(usl.params, c.num_threads), 12);
  });

  test('marks a plateau only when found within the measured threads', () => {
    const found = withFirstGroup((g) => ({ ...g, plateau: { status: 'found', threshold: 2, ci95: [1, null], within_measured: true } }));
    expect(plotInputFromSummary(found, null).scaling.plateaus).toContainEqual({ ...firstGroup.key, num_threads: 2, lo: 1, hi: null });
    const outside = withFirstGroup((g) => ({ ...g, plateau: { status: 'found', threshold: 40, ci95: [30, 50], within_measured: false } }));
    const none = withFirstGroup((g) => ({ ...g, plateau: { status: 'none' } }));
    for (const doc of [outside, none]) {
      expect(plotInputFromSummary(doc, null).scaling.plateaus.some((m) => m.target === firstGroup.key.target && m.num_tasks === firstGroup.key.num_tasks && m.task_type === firstGroup.key.task_type)).toBe(false);
    }
  });

  test('turns insufficient fits into no curve and a panel without fits', () => {
    const doc = withFirstGroup((g) => ({
      ...g,
      fits: { amdahl: { status: 'insufficient', reason: 'too few' }, usl: { status: 'insufficient', reason: 'too few' } },
    }));
    const result = plotInputFromSummary(doc, null);
    const label = timingGroupLabel(firstGroup.key);
    expect(result.fits.groups.find((g) => g.label === label)).toMatchObject({ fits: {} });
    expect(result.scaling.curves.some((c) => c.target === firstGroup.key.target && c.task_type === firstGroup.key.task_type && c.num_tasks === firstGroup.key.num_tasks)).toBe(false);
  });

  test('fit panels: speedups for timings, the USL peak and the Amdahl limit, one per group in a stable order', () => {
    expect(input.fits.xTitle).toBe('threads N');
    expect(input.fits.groups.map((g) => g.label)).toEqual([
      'python3.13, cpu, 100 tasks',
      'python3.13, cpu, 1,000 tasks',
      'python3.13, cpu, 10,000 tasks',
      'python3.13, io, 100 tasks',
      'python3.13, io, 1,000 tasks',
      'python3.13, io, 10,000 tasks',
      'python3.13t, cpu, 100 tasks',
      'python3.13t, cpu, 1,000 tasks',
      'python3.13t, cpu, 10,000 tasks',
      'python3.13t, io, 100 tasks',
      'python3.13t, io, 1,000 tasks',
      'python3.13t, io, 10,000 tasks',
    ]);
    const group = input.fits.groups[0]!;
    expect(group.points.map((p) => p.y)).toEqual(firstGroup.points.map((p) => p.speedup));
    const usl = firstGroup.fits.usl;
    const amdahl = firstGroup.fits.amdahl;
    if (usl.status !== 'ok' || amdahl.status !== 'ok') throw new Error('fixture group 0 has both fits');
    expect(group.fits.usl?.peak).toEqual({ x: usl.peak?.x, y: usl.peak?.y });
    expect(group.fits.amdahl?.asymptote).toBe(amdahl.asymptote);
  });

  test('keeps the profile categories, or none when the run was not profiled', () => {
    expect(input.breakdown).toBeNull();
    const categories: CategoryTime[] = [{ ...firstGroup.key, num_threads: 1, category: 'task', seconds: 1 }];
    expect(plotInputFromSummary(summary, categories).breakdown?.categories).toEqual(categories);
    expect(plotInputFromSummary(summary, []).breakdown).toBeNull();
  });

  test('a USL fit without a peak (kappa = 0) has no peak mark', () => {
    const doc = withFirstGroup((g) => ({ ...g, fits: { ...g.fits, usl: { status: 'ok', params: { sigma: 0.1, kappa: 0, gamma: 1 }, peak: { x: null, y: null } } } }));
    expect(plotInputFromSummary(doc, null).fits.groups[0]?.fits.usl?.peak).toBeNull();
  });
});
