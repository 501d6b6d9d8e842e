import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { HostInfo, InterpreterInfo } from '../schema/host.js';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Distinct (physical id, core id) pairs in /proc/cpuinfo; the logical count where that is unknown. */
export function countPhysicalCores(cpuinfo: string | undefined, logical: number): number {
  if (!cpuinfo) return logical;
  const cores = new Set<string>();
  for (const block of cpuinfo.split(/\n\s*\n/)) {
    const physical = /^physical id\s*:\s*(\d+)/m.exec(block)?.[1];
    const core = /^core id\s*:\s*(\d+)/m.exec(block)?.[1];
    if (core !== undefined) cores.add(`${physical ?? 0}:${core}`);
  }
  return cores.size > 0 ? Math.min(cores.size, logical) : logical;
}

function distroName(): string {
  const release = readText('/etc/os-release');
  const pretty = release && /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  return pretty || os.type();
}

/** Describes this machine. Interpreters are probed by the caller (the runner) and passed in. */
export function collectHostInfo(interpreters: readonly InterpreterInfo[] = []): HostInfo {
  const cpus = os.cpus();
  const logical = Math.max(1, os.availableParallelism());
  return {
    schema_version: 1,
    hostname: os.hostname(),
    os: { platform: process.platform, name: distroName(), kernel: os.release(), arch: process.arch },
    cpu: {
      model: cpus[0]?.model.trim() || 'unknown',
      logical_cores: logical,
      physical_cores: process.platform === 'linux' ? countPhysicalCores(readText('/proc/cpuinfo'), logical) : logical,
    },
    memory_bytes: os.totalmem(),
    node_version: process.version,
    interpreters: [...interpreters],
  };
}
