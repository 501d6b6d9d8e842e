import type { TargetRegistry } from '../target.js';
import { NodeMainTarget } from './node-main.js';
import { NodePoolTarget, type NodeTargetOptions } from './node-pool.js';

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
