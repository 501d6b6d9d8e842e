import { z } from 'zod';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import type { FunctionTime, ThreadProfile } from './function-time.js';

/**
 * A V8 CPU profile, as `node --cpu-prof` writes it (one `.cpuprofile` per thread) and the inspector's
 * `Profiler.stop` returns it (Chrome DevTools Protocol, `Profiler.Profile`). Times are in µs.
 */
const callFrameSchema = z.object({
  functionName: z.string(),
  url: z.string(),
  /** 0-based; -1 when unknown. */
  lineNumber: z.number().int(),
  columnNumber: z.number().int(),
});

const nodeSchema = z.object({
  id: z.number().int(),
  callFrame: callFrameSchema,
  hitCount: z.number().int().nonnegative().optional(),
  children: z.array(z.number().int()).optional(),
});

export const cpuProfileSchema = z.object({
  nodes: z.array(nodeSchema).min(1),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number().int()).optional(),
  timeDeltas: z.array(z.number()).optional(),
});
export type CpuProfile = z.infer<typeof cpuProfileSchema>;
type CpuProfileNode = z.infer<typeof nodeSchema>;

/** Parses the text of a `.cpuprofile`; `where` (a file name) goes into the E_BAD_DATA message. */
export function parseCpuProfile(text: string, where: string): CpuProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.badCpuProfile(where, (error as Error).message), {
      hint: runnerMessages.badCpuProfileHint,
    });
  }
  const parsed = cpuProfileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `'${i.path.join('.')}' ${i.message}`).join('; ');
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.badCpuProfile(where, problems), { hint: runnerMessages.badCpuProfileHint });
  }
  return parsed.data;
}

/** This package's root directory (where `src/` and `dist/` live), with a trailing slash. */
const PACKAGE_ROOT = decodeURIComponent(new URL('../../', import.meta.url).pathname);

/**
 * A file URL as a short path that is the same on every machine: a dependency from its package
 * directory on (`piscina/dist/worker.js`, pnpm's store path dropped), this package's own files as
 * `@poolscope/runner/dist/...`; other paths whole, other URLs (`node:internal/...`) as they are.
 */
export function shortUrl(url: string): string {
  if (!url.startsWith('file://')) return url;
  let file: string;
  try {
    file = decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) return file.slice(modules + '/node_modules/'.length);
  if (file.startsWith(PACKAGE_ROOT)) return `@poolscope/runner/${file.slice(PACKAGE_ROOT.length)}`;
  return file;
}

function describe(node: CpuProfileNode): Pick<FunctionTime, 'function' | 'name' | 'file' | 'line'> {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  const file = shortUrl(url);
  const line = lineNumber >= 0 ? lineNumber + 1 : 0;
  // V8's own entries ((idle), (program), (garbage collector)) and builtins have no URL.
  return { function: file ? `${name} (${file}:${line})` : name, name, file, line };
}

/** Nodes that stand for no function: the tree's root. */
const NOT_A_FUNCTION = new Set(['(root)']);

/**
 * A span of time on V8's profile clock, in microseconds. V8 stamps samples with its monotonic
 * clock (CLOCK_MONOTONIC on Linux), the clock of `process.hrtime`, so `hrtime / 1000` of any
 * thread of the process marks the same instants.
 */
export interface ProfileWindow {
  readonly startUs: number;
  readonly endUs: number;
}

/**
 * Reduces one thread's V8 CPU profile to per-function self and total time. Each sample is charged the
 * time until the next one (the last, until `endTime`), as Chrome DevTools does, so the self times sum
 * to the profiled span; total time counts each function once per sample, however deep it recurses.
 * With a `window`, only the part of each sample's time inside it counts (a profile started before
 * the timed region and stopped after it). Profiles without `samples` fall back to `hitCount` times
 * the mean interval (and ignore the window).
 */
export function reduceCpuProfile(
  profile: CpuProfile,
  thread: Pick<ThreadProfile, 'thread' | 'role'> = { thread: 'main', role: 'main' },
  window?: ProfileWindow,
): ThreadProfile {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Microseconds charged to each node as the innermost frame.
  const selfUs = new Map<number, number>();
  let samples = 0;
  if (profile.samples && profile.timeDeltas && profile.samples.length > 0) {
    const ids = profile.samples;
    const deltas = profile.timeDeltas;
    const low = window?.startUs ?? -Infinity;
    const high = window?.endUs ?? Infinity;
    let at = profile.startTime + (deltas[0] ?? 0);
    for (let i = 0; i < ids.length; i++) {
      const next = i + 1 < ids.length ? at + (deltas[i + 1] ?? 0) : profile.endTime;
      const span = Math.max(0, Math.min(next, high) - Math.max(at, low));
      if (span > 0) {
        const id = ids[i]!;
        selfUs.set(id, (selfUs.get(id) ?? 0) + span);
        samples += 1;
      }
      at = next;
    }
  } else {
    const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
    const each = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
    for (const node of profile.nodes) if (node.hitCount) selfUs.set(node.id, node.hitCount * each);
    samples = hits;
  }

  const functions = new Map<string, FunctionTime>();
  let sampledUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || us <= 0) continue;
    sampledUs += us;
    const ns = us * 1000;
    const seen = new Set<string>();
    for (let at: CpuProfileNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? Number.NaN)) {
      if (NOT_A_FUNCTION.has(at.callFrame.functionName) && !at.callFrame.url) continue;
      const info = describe(at);
      let fn = functions.get(info.function);
      if (!fn) {
        fn = { ...info, self_ns: 0, total_ns: 0, calls: null };
        functions.set(info.function, fn);
      }
      if (at === node) fn.self_ns += ns;
      if (!seen.has(info.function)) {
        seen.add(info.function);
        fn.total_ns += ns;
      }
    }
  }
  const rounded = [...functions.values()].map((fn) => ({ ...fn, self_ns: Math.round(fn.self_ns), total_ns: Math.round(fn.total_ns) }));
  return { ...thread, samples, sampled_ns: Math.round(sampledUs * 1000), functions: rounded };
}
