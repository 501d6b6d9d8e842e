/** Every target poolscope knows, composed from the Node and the Python targets' registries. */
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { nodeTargetRegistry } from './node/registry.js';
import type { NodeTargetOptions } from './node/node-pool.js';
import { pythonTargetRegistry, type PythonRegistryOptions } from './python/registry.js';
import type { Target, TargetRegistry } from './target.js';

/** Registries asked in turn: the first that knows a name resolves it. */
export function combineRegistries(...registries: readonly TargetRegistry[]): TargetRegistry {
  return {
    resolve: (name) => registries.reduce<Target | undefined>((found, registry) => found ?? registry.resolve(name), undefined),
    accepted: registries.flatMap((registry) => registry.accepted),
  };
}

/** Options of every target poolscope knows. */
export interface TargetRegistryOptions extends NodeTargetOptions, PythonRegistryOptions {}

/**
 * Every target poolscope knows: `node-pool`, `node-main`, and Python interpreters (`python3.13`,
 * `python3.13t`, `python:PATH`). Injected faults apply to all of them.
 */
export function targetRegistry(options: TargetRegistryOptions = {}): TargetRegistry {
  return combineRegistries(nodeTargetRegistry(options), pythonTargetRegistry(options));
}

/** The targets of `names`; an unknown name is a usage error that lists the accepted ones. */
export function resolveTargets(names: readonly string[], registry: TargetRegistry): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const name of names) {
    const target = registry.resolve(name);
    if (!target)
      throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.unknownTarget(name, registry.accepted), { hint: runnerMessages.unknownTargetHint });
    targets.set(name, target);
  }
  return targets;
}
