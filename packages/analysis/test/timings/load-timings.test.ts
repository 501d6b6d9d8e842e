import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type TimingRecord } from '@poolscope/core';
import { loadTimingCells, loadTimings } from '../../src/timings/load-timings.js';
import { timingCellsOfTable } from '../../src/timings/timing-cells.js';
import { analyzeTimings } from '../../src/timings/analyze-timings.js';
import { analyzeFiles } from '../../src/output/analyze-run-directory.js';
import { analysisMessages } from '../../src/messages.js';
import { synthesizeTimings, type SynthesisSpec } from '../../src/synth/synthesize-timings.js';
import { seededRandom } from '../../src/stats/random.js';
import { tempDir, writeTimings } from '../fixtures/write-timings.js';

const SPEC: SynthesisSpec = {
  targets: [
    { target: 'python3.13', gil: true, sigma: 0.9, kappa: 0.001, taskSeconds: 1e-4, overheadSeconds: 0.01 },
    { target: 'node-pool', sigma: 0.02, kappa: 0.0005, taskSeconds: 5e-5 },
  ],
  taskTypes: ['cpu', 'io'],
  taskCounts: [100, 1000],
  threads: [1, 2, 4, 8],
  repeats: 7,
  failureRate: 0.1,
  seed: 9,
};

/** Two CSVs of the spec's rows: shuffled (cells interleaved), a few gil values changed within cells. */
function writeShuffled(): string[] {
  const rows: TimingRecord[] = [...synthesizeTimings(SPEC)];
  const random = seededRandom(4);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  rows.forEach((r, i) => {
    if (i % 13 === 0) r.gil = r.gil === null ? false : !r.gil;
  });
  const dir = tempDir();
  const half = rows.length >> 1;
  return [writeTimings(join(dir, 'a.csv'), rows.slice(0, half)), writeTimings(join(dir, 'b.csv'), rows.slice(half))];
}

describe('loadTimingCells', () => {
  it('gives the cells of the table loadTimings gives, in the same order, with the same values', async () => {
    const files = writeShuffled();
    const cells = await loadTimingCells(files);
    const loaded = await loadTimings(files);
    const fromTable = timingCellsOfTable(loaded.table);
    expect(cells.cells).toEqual(fromTable.cells);
    expect(cells.cells).toHaveLength(2 * 2 * 2 * 4);
    expect({ rows: cells.rows, okRows: cells.okRows, dropped: cells.dropped, hostIds: cells.hostIds, files: cells.files }).toEqual({
      rows: loaded.rows,
      okRows: loaded.okRows,
      dropped: loaded.dropped,
      hostIds: loaded.hostIds,
      files: loaded.files,
    });
    expect(cells.dropped.error + cells.dropped.timeout).toBeGreaterThan(0);
  });

  it('makes analyzeFiles agree with analyzeTimings on the loaded table', async () => {
    const files = writeShuffled();
    const loaded = await loadTimings(files);
    const settings = { cores: 2, seed: 5 };
    const fromFiles = await analyzeFiles(files, settings);
    const fromTable = analyzeTimings(loaded.table, {
      ...settings,
      cores: { value: 2, source: 'option' },
      inputs: { files, rows: loaded.rows, ok_rows: loaded.okRows, dropped: loaded.dropped },
    });
    expect(JSON.stringify(fromFiles)).toBe(JSON.stringify(fromTable));
  });

  it('rejects files without rows or without ok rows, as loadTimings does', async () => {
    const dir = tempDir();
    const empty = writeTimings(join(dir, 'empty.csv'), []);
    await expect(loadTimingCells([empty])).rejects.toMatchObject({ code: ERROR_CODES.BAD_DATA, message: analysisMessages.emptyInput(empty) });
    const failed = writeTimings(join(dir, 'failed.csv'), [...synthesizeTimings({ ...SPEC, failureRate: 1 })]);
    await expect(loadTimingCells([failed])).rejects.toMatchObject({ message: analysisMessages.noOkRows(failed, 2 * 2 * 2 * 4 * 7) });
    await expect(loadTimings([failed])).rejects.toMatchObject({ message: analysisMessages.noOkRows(failed, 2 * 2 * 2 * 4 * 7) });
  });
});
