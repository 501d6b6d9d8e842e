export { runMatrix } from './run/run.js';
export { describeCell } from './run/describe-cell.js';
export { runPaths } from './run/paths.js';
export { coefficientOfVariation, CV_WARNING_THRESHOLD } from './run/stats.js';
export { estimateRemainingMs } from './run/progress.js';
export { mergeCsvFiles } from './merge/merge.js';

export {
  RUN_DEFAULTS,
  parseBoolean,
  parseChoice,
  parseInteger,
  parseNameList,
  parsePositiveIntList,
  parseRunId,
  parseSeconds,
  parseSeed,
  parseTaskSizes,
  parseTaskTypes,
} from './plan/options.js';
export { readRunConfig, RUN_CONFIG_KEYS } from './plan/config.js';
export { parseShard, shardFromEnv, assignShards } from './plan/shard.js';
export { cellKey, rowKey, plannedCells, curvesOfShard } from './plan/cells.js';
export { deriveRunId, readPlan, runPlanSchema } from './plan/run-plan.js';
export { schedule, REPETITION_ORDERS } from './plan/schedule.js';
export { seededShuffle } from './plan/random.js';

export { NodePoolTarget } from './targets/node/node-pool.js';
export { NodeMainTarget } from './targets/node/node-main.js';
export { targetRegistry, combineRegistries, resolveTargets } from './targets/registry.js';
export { nodeTargetRegistry, NODE_TARGETS } from './targets/node/registry.js';
export { PYTHON_PROFILERS } from './targets/target.js';
export { FAULT_KINDS, parseInjectedFaults } from './targets/faults.js';

export { cpuTask, cpuTaskResult } from './tasks/cpu-task.js';
export { ioTaskAsync, ioTaskBlocking } from './tasks/io-task.js';
export { calibrateCpuWork } from './tasks/calibrate.js';
export { runOnEventLoop } from './tasks/event-loop.js';

export { runnerMessages } from './messages.js';
export { harnessExcerpts } from './excerpts/harness-excerpts.js';

export type { RunOptions, RunSummary } from './run/run.js';
export type { CodeExcerpt, HarnessExcerpts } from './excerpts/harness-excerpts.js';
export type { RunEvent, RunProgress } from './run/events.js';
export type { RunPaths } from './run/paths.js';
export type { MergeOptions, MergeSummary } from './merge/merge.js';
export type { RunRequest, TaskSizeRequest } from './plan/options.js';
export type { Shard, ShardChoice, ShardUnit } from './plan/shard.js';
export type { PlannedCell, CellIdentity } from './plan/cells.js';
export type { RunPlan, RunMatrix, ProfileSettings } from './plan/run-plan.js';
export type { RepetitionOrder, Step, ScheduleInput } from './plan/schedule.js';
export type {
  CellSpec,
  Measurements,
  RepeatOk,
  RepeatFailed,
  RepeatOutcome,
  RepeatOptions,
  RuntimeInfo,
  Target,
  TargetSession,
  ProfileOptions,
  ProfileOk,
  ProfileOutcome,
  PythonProfiler,
  TargetRegistry,
} from './targets/target.js';
export type { NodeTargetOptions } from './targets/node/node-pool.js';
export type { TargetRegistryOptions } from './targets/registry.js';
export type { FaultKind, InjectedFault } from './targets/faults.js';
export type { CalibrateOptions } from './tasks/calibrate.js';

// --- Python target and profiles (issue #4) ---
export { PythonHarness } from './targets/python/harness.js';
export { PythonTarget } from './targets/python/python-target.js';
export { pythonTargetRegistry, PYTHON_TARGET_FORMS } from './targets/python/registry.js';
export { HARNESS_SCRIPT, PROBE_SCRIPT, MIN_PYTHON } from './targets/python/harness-files.js';
export { probeInterpreter } from './targets/python/probe.js';
export { discoverPythons, DISCOVERY_SOURCES } from './targets/python/discover.js';
export { parsePythonTarget, choosePython, versionTargetName, pythonTargetName, resolvePythonTargets } from './targets/python/names.js';
export { mergeFunctionTimes } from './profile/function-time.js';
export { DEFAULT_CATEGORY_RULES, categorize, parseCategoryRules, readCategoryRules } from './profile/categories.js';
export { cpuProfileSchema, parseCpuProfile, reduceCpuProfile, shortUrl } from './profile/v8-cpuprofile.js';
export { toProfileRecords } from './profile/records.js';
export { thinProfileThreads, MIN_PROFILE_COVERAGE, MIN_PROFILE_SAMPLES } from './profile/coverage.js';

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
} from './targets/python/harness.js';
export type { ProbeOk, ProbeFailed, ProbeResult, ProbeOptions } from './targets/python/probe.js';
export type { PythonTargetOptions } from './targets/python/python-target.js';
export type { PythonRegistryOptions } from './targets/python/registry.js';
export type { DiscoverySource, DiscoverOptions, DiscoveredPython, PythonFound, PythonUnusable } from './targets/python/discover.js';
export type { PythonTargetSpec, ResolvedPython } from './targets/python/names.js';
export type { FunctionTime, ThreadProfile } from './profile/function-time.js';
export type { ThinThread } from './profile/coverage.js';
export type { CategoryRule } from './profile/categories.js';
export type { CpuProfile, ProfileWindow } from './profile/v8-cpuprofile.js';
export type { ProfileCell } from './profile/records.js';
