import type { TargetRegistry } from '../target.js';
import type { DiscoverOptions } from './discover.js';
import { PythonTarget, type PythonTargetOptions } from './python-target.js';
import { parsePythonTarget, resolvePythonTargets } from './names.js';

/** The forms of Python target names, for messages. */
export const PYTHON_TARGET_FORMS = ['pythonX.Y', 'pythonX.Yt', 'python:PATH'] as const;

/** Options of the Python targets' registry. */
export interface PythonRegistryOptions extends PythonTargetOptions {
  /** Where and how to look for interpreters (PATH, pyenv, ... from `discover.env`). Default: this process's. */
  readonly discover?: DiscoverOptions;
}

/**
 * The registry of the Python targets: every name of the form `pythonX.Y`, `pythonX.Yt` or
 * `python:PATH`. Naming a target only checks its form; the interpreters are looked up when a target
 * first starts, once for all the names asked for by then (one discovery, which probes every
 * Python on the machine). A name no interpreter answers to makes that start fail with E_RUNTIME,
 * listing the usable names.
 */
export function pythonTargetRegistry(options: PythonRegistryOptions = {}): TargetRegistry {
  const located = new Map<string, Promise<string>>();
  const waiting = new Set<string>();
  const locate = (name: string): Promise<string> => {
    if (!located.has(name)) {
      const names = [...waiting, name];
      waiting.clear();
      const found = resolvePythonTargets(names, options.discover);
      for (const target of names) {
        const path = found.then((all) => all.find((r) => r.target === target)!.interpreter.path);
        // Observed here, so a failure of a target that never starts is no unhandled rejection.
        path.catch(() => undefined);
        located.set(target, path);
      }
    }
    return located.get(name)!;
  };
  return {
    resolve(name) {
      if (!parsePythonTarget(name)) return undefined;
      if (!located.has(name)) waiting.add(name);
      return new PythonTarget(name, () => locate(name), options);
    },
    accepted: PYTHON_TARGET_FORMS,
  };
}
