import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { discoverPythons, type DiscoveredPython, type PythonFound } from '../../src/targets/python/discover.js';
import { versionTargetName } from '../../src/targets/python/names.js';

/**
 * The harness's own Python unit tests (test_*.py beside this file: unittest, standard library
 * only), run under every interpreter the runner's discovery finds usable, and under the system
 * python3 whatever PATH says, so each Python the harness may meet runs them.
 */
const HERE = fileURLToPath(new URL('.', import.meta.url));
const SYSTEM_PYTHON = '/usr/bin/python3';

const found: DiscoveredPython[] = await discoverPythons({ explicit: existsSync(SYSTEM_PYTHON) ? [SYSTEM_PYTHON] : [] });
const usable = found.filter((p): p is PythonFound => p.status === 'ok');
const system = found.find((p) => p.path === SYSTEM_PYTHON || p.aliases.includes(SYSTEM_PYTHON));

/** `Ran 34 tests in 0.5s` ... `OK (skipped=1)`: the counts of one unittest run. */
function counts(output: string): { ran: number; skipped: number } {
  return { ran: Number(/^Ran (\d+) tests?/m.exec(output)?.[1] ?? 0), skipped: Number(/skipped=(\d+)/.exec(output)?.[1] ?? 0) };
}

async function unittest(python: string): Promise<{ code: number; output: string }> {
  const args = ['-B', '-m', 'unittest', 'discover', '-s', HERE, '-p', 'test_*.py'];
  try {
    const { stderr } = await promisify(execFile)(python, args, { cwd: HERE, timeout: 120_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    return { code: 0, output: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe("the harness's Python unit tests", () => {
  for (const python of usable) {
    it(`pass under ${versionTargetName(python)} ${python.runtime_version} (${python.path})`, async () => {
      const { code, output } = await unittest(python.path);
      const { ran, skipped } = counts(output);
      console.log(`${versionTargetName(python)} ${python.runtime_version} (${python.path}): ${ran} Python tests ran, ${skipped} skipped, ${code === 0 ? 'OK' : 'FAILED'}`);
      expect(code, output).toBe(0);
      expect(ran).toBeGreaterThan(0);
    });
  }

  if (usable.length === 0) it.skip('pass under some interpreter [skipped: the runner found no usable Python on this machine]', () => undefined);

  // The system python3 is among them, whatever PATH says, unless it is absent or too old.
  if (system?.status === 'ok') it('ran under the system python3 too', () => expect(usable).toContain(system));
  else it.skip(`run under the system python3 [skipped: ${system ? `${SYSTEM_PYTHON}: ${system.reason}` : `${SYSTEM_PYTHON} is absent`}]`, () => undefined);
});
