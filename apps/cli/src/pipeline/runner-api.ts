import * as runner from '@poolscope/runner';
import type { DiscoverOptions, InjectedFault, RunOptions, Target, TargetRegistry } from '@poolscope/runner';

/**
 * What the runner gains when the Python targets and call-stack profiling are wired into its run
 * loop (issue #4's integration): `PythonTarget`, `targetRegistry`, `combineRegistries` and the
 * `profile` option of a run. The pipeline is built against that interface and checks at run time
 * whether this build's runner has it, so it works before and after that work lands: before, Python
 * interpreters are listed as skipped and call stacks as not recorded, each saying why.
 * TODO(#4): once it has landed, import these names directly and drop this check.
 */
interface IntegratedRunner {
  PythonTarget: new (name: string, locate: () => Promise<string>, options?: { faults?: readonly InjectedFault[]; env?: NodeJS.ProcessEnv }) => Target;
  targetRegistry: (options?: { faults?: readonly InjectedFault[]; env?: NodeJS.ProcessEnv; discover?: DiscoverOptions }) => TargetRegistry;
  combineRegistries: (...registries: TargetRegistry[]) => TargetRegistry;
}

const api = runner as typeof runner & Partial<IntegratedRunner>;

/** What this build's runner can do for the pipeline. */
export const runnerCapabilities = {
  /** `runMatrix` measures Python targets. */
  python: typeof api.PythonTarget === 'function' && typeof api.targetRegistry === 'function' && typeof api.combineRegistries === 'function',
  /** `runMatrix` takes `profile: true` and writes raw/profile.csv. */
  callStacks: 'profiler' in runner.RUN_DEFAULTS,
} as const;

/** Options of a run with call-stack profiling, as the integrated runner takes them. */
export type PipelineRunOptions = RunOptions & { readonly profile?: boolean };

/**
 * The targets of a pipeline run: the Node targets, the Python interpreters the pipeline chose
 * (by their known paths, so they are not searched for twice), and any other Python name the
 * user gave (resolved by the runner's own discovery).
 */
export function pipelineRegistry(chosen: ReadonlyMap<string, string>, options: { faults: readonly InjectedFault[]; env: NodeJS.ProcessEnv }): TargetRegistry {
  if (!runnerCapabilities.python) return runner.nodeTargetRegistry({ faults: options.faults });
  const { PythonTarget, targetRegistry, combineRegistries } = api as typeof runner & IntegratedRunner;
  const known: TargetRegistry = {
    resolve: (name) => {
      const path = chosen.get(name);
      return path === undefined ? undefined : new PythonTarget(name, async () => path, options);
    },
    accepted: [...chosen.keys()],
  };
  return combineRegistries(known, targetRegistry({ ...options, discover: { env: options.env } }));
}

/** The run's options, with call stacks asked for only where this runner can record them. */
export function withCallStacks(options: RunOptions, callStacks: boolean): PipelineRunOptions {
  return callStacks && runnerCapabilities.callStacks ? { ...options, profile: true } : options;
}
