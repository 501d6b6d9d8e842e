// --- Python target and profiles (issue #4) ---
export { PythonHarness } from './python/harness.js';
export { HARNESS_SCRIPT, PROBE_SCRIPT, MIN_PYTHON } from './python/harness-files.js';
export { probeInterpreter } from './python/probe.js';
export { discoverPythons, DISCOVERY_SOURCES } from './python/discover.js';
export { parsePythonTarget, choosePython, versionTargetName, pythonTargetName, resolvePythonTargets } from './python/targets.js';
export { pythonMessages } from './python/messages.js';
export { mergeFunctionTimes } from './profile/function-time.js';
export { DEFAULT_CATEGORY_RULES, categorize, parseCategoryRules } from './profile/categories.js';
export { cpuProfileSchema, parseCpuProfile, reduceCpuProfile } from './profile/v8-cpuprofile.js';
export { toProfileRecords } from './profile/records.js';

export type {
  PythonCell,
  HarnessFault,
  PythonHarnessOptions,
  PythonInterpreterInfo,
  PythonRunRepeatOptions,
  PythonProfileOptions,
  PythonRepeatOk,
  PythonRequestFailed,
  PythonRepeatResult,
  PythonProfileOk,
  PythonProfileResult,
} from './python/harness.js';
export type { ProbeOk, ProbeFailed, ProbeResult, ProbeOptions } from './python/probe.js';
export type { DiscoverySource, DiscoverOptions, DiscoveredPython, PythonFound, PythonUnusable } from './python/discover.js';
export type { PythonTargetSpec, ResolvedPython } from './python/targets.js';
export type { FunctionTime, ThreadProfile } from './profile/function-time.js';
export type { CategoryRule } from './profile/categories.js';
export type { CpuProfile } from './profile/v8-cpuprofile.js';
export type { ProfileCell } from './profile/records.js';
