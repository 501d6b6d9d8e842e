import { describe, expect, it } from 'vitest';
import { PythonHarness } from '../../../src/targets/python/harness.js';
import { OPT_313, OPT_313T, needs, pyenvPython } from './interpreters.js';

/** The harness on every Python it supports that this machine has: 3.8 through 3.13, GIL and free-threaded. */
const INTERPRETERS: [string, string | undefined][] = [
  ...['3.8', '3.9', '3.10', '3.11', '3.12', '3.13'].map((minor): [string, string | undefined] => [`pyenv ${minor}`, pyenvPython(minor)]),
  ['/opt 3.13', OPT_313],
  ['/opt 3.13t', OPT_313T],
];

describe.each(INTERPRETERS)('the harness on %s', (label, interpreter) => {
  // Retried: on a loaded machine the sampler can miss a short cell's task (see profile.test.ts).
  it.skipIf(!interpreter)(needs('starts, runs cpu and io cells, and profiles one', interpreter, `Python (${label})`), { retry: 2 }, async () => {
    const harness = await PythonHarness.start(interpreter!);
    try {
      const minor = label.replace(/^\S+ /, '').replace(/t$/, '');
      expect(harness.info.runtime_version.startsWith(`${minor}.`)).toBe(true);
      expect(harness.info.free_threaded_build).toBe(label.endsWith('t'));
      // A free-threaded build runs without the GIL unless PYTHON_GIL or an extension turns it on.
      expect(harness.info.gil_enabled).toBe(!label.endsWith('t'));
      for (const task_type of ['cpu', 'io'] as const) {
        const result = await harness.runRepeat({ task_type, task_work: 500, num_tasks: 20, num_threads: 2 });
        expect(result).toMatchObject({ status: 'ok', gil: harness.info.gil_enabled });
      }
      // Long enough (about 100 ms) for a sampler that, under the GIL, wakes every switch interval (5 ms).
      const profile = await harness.profile({ task_type: 'cpu', task_work: 5000, num_tasks: 200, num_threads: 2 });
      expect(profile.status).toBe('ok');
      if (profile.status === 'ok') expect(profile.functions.map((f) => f.name)).toEqual(expect.arrayContaining(['cpu_task', '_worker']));
    } finally {
      await harness.close();
    }
  });
});

describe.skipIf(!OPT_313T)(needs('PYTHON_GIL=1 on 3.13t', OPT_313T, '/opt/cpython/3.13t/bin/python3.13t'), () => {
  it('reports the GIL on at run time for a free-threaded build', async () => {
    const harness = await PythonHarness.start(OPT_313T!, { env: { ...process.env, PYTHON_GIL: '1' } });
    try {
      expect(harness.info).toMatchObject({ free_threaded_build: true, gil_enabled: true });
    } finally {
      await harness.close();
    }
  });
});
