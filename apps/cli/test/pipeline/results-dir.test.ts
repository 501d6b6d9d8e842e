import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPoolscopeError } from '@poolscope/core';
import { freeRunId, latestRun, pipelineRunId, pointLatest } from '../../src/pipeline/results-dir.js';
import { parseRunId } from '@poolscope/runner';

const tmp = () => mkdtempSync(join(tmpdir(), 'poolscope-results-'));

describe('results directories', () => {
  it('names a run by its UTC start and profile, in a form the runner accepts', () => {
    const id = pipelineRunId(new Date(Date.UTC(2025, 10, 26, 0, 15, 7)), 'default');
    expect(id).toBe('20251126-001507-default');
    expect(parseRunId(id, '--run-id')).toBe(id);
  });

  it('never reuses a directory: a second run in the same second gets a suffix', () => {
    const results = tmp();
    expect(freeRunId(results, 'a')).toBe('a');
    mkdirSync(join(results, 'a'));
    mkdirSync(join(results, 'a-2'));
    expect(freeRunId(results, 'a')).toBe('a-3');
  });

  it('points results/latest at the newest run with a relative link, replacing the old one', () => {
    const results = tmp();
    expect(latestRun(results)).toBeUndefined();
    for (const id of ['one', 'two']) {
      mkdirSync(join(results, id));
      const link = pointLatest(results, join(results, id));
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(id);
      expect(latestRun(results)).toBe(join(results, id));
    }
    expect(existsSync(join(results, `latest.${process.pid}.tmp`))).toBe(false);
  });

  it('refuses to replace a results/latest that is not a link', () => {
    const results = tmp();
    writeFileSync(join(results, 'latest'), 'mine');
    let error: unknown;
    try {
      pointLatest(results, join(results, 'x'));
    } catch (e) {
      error = e;
    }
    expect(isPoolscopeError(error) && error.code).toBe('E_OUTPUT');
  });
});
