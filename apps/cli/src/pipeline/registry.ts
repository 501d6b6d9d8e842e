import { PythonTarget, combineRegistries, targetRegistry, type InjectedFault, type TargetRegistry } from '@poolscope/runner';

/**
 * The targets of a pipeline run: the Node targets, the Python interpreters the pipeline chose
 * (by their known paths, so they are not searched for twice), and any other Python name the
 * user gave (resolved by the runner's own discovery).
 */
export function pipelineRegistry(chosen: ReadonlyMap<string, string>, options: { faults: readonly InjectedFault[]; env: NodeJS.ProcessEnv }): TargetRegistry {
  const known: TargetRegistry = {
    resolve: (name) => {
      const path = chosen.get(name);
      return path === undefined ? undefined : new PythonTarget(name, async () => path, options);
    },
    accepted: [...chosen.keys()],
  };
  return combineRegistries(known, targetRegistry({ ...options, discover: { env: options.env } }));
}
