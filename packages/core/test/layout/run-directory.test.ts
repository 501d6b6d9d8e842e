import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostFiles, isTimingsFile, runDirectory } from '../../src/index.js';

describe('the run-directory layout', () => {
  it('names every file of a run directory, as the README lists them', () => {
    const dir = runDirectory('results/r1');
    expect(dir).toEqual({
      raw: join('results/r1', 'raw'),
      timings: join('results/r1', 'raw', 'timings.csv'),
      profile: join('results/r1', 'raw', 'profile.csv'),
      host: join('results/r1', 'raw', 'host.json'),
      plan: join('results/r1', 'raw', 'plan.json'),
      pipeline: join('results/r1', 'raw', 'pipeline.json'),
      analysis: join('results/r1', 'analysis'),
      summary: join('results/r1', 'analysis', 'summary.json'),
      speedup: join('results/r1', 'analysis', 'speedup.csv'),
      fits: join('results/r1', 'analysis', 'fits.csv'),
      figures: join('results/r1', 'figures'),
      reportMarkdown: join('results/r1', 'report.md'),
      reportHtml: join('results/r1', 'report.html'),
    });
  });

  it('lists host.json first, then the host files of merged machines by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poolscope-layout-'));
    expect(hostFiles(dir)).toEqual([]);
    mkdirSync(join(dir, 'raw'));
    for (const f of ['host-b.json', 'host.json', 'host-a.json', 'timings.csv', 'plan.json']) writeFileSync(join(dir, 'raw', f), '{}');
    expect(hostFiles(dir)).toEqual(['host.json', 'host-a.json', 'host-b.json'].map((f) => join(dir, 'raw', f)));
  });

  it("tells merged shards' timings CSVs from other files", () => {
    expect(['timings.csv', 'shard-1-timings.csv', 'profile.csv', 'timings.json'].filter(isTimingsFile)).toEqual(['timings.csv', 'shard-1-timings.csv']);
  });
});
