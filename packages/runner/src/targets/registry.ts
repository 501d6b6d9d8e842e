import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { NodeMainTarget } from './node-main.js';
import { NodePoolTarget, type NodeTargetOptions } from './node-pool.js';
import type { Target } from './target.js';

/** Turns target names (`--targets`) into targets. */
export interface TargetRegistry {
  /** The target of that name, or undefined if this registry does not know it. */
  resolve(name: string): Target | undefined;
  /** The names and name patterns it accepts, for error messages (`node-pool`, `python:PATH`). */
  readonly accepted: readonly string[];
}

/** The names of the Node targets. */
export const NODE_TARGETS = ['node-pool', 'node-main'] as const;

/** The registry of the Node targets: `node-pool` and `node-main`. */
export function nodeTargetRegistry(options: NodeTargetOptions = {}): TargetRegistry {
  return {
    resolve(name) {
      if (name === 'node-pool') return new NodePoolTarget(options);
      if (name === 'node-main') return new NodeMainTarget(options);
      return undefined;
    },
    accepted: NODE_TARGETS,
  };
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
