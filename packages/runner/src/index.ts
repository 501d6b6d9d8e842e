export { runMatrix, describeCell } from './run/run.js';
export { runPaths } from './run/paths.js';
export { coefficientOfVariation, CV_WARNING_THRESHOLD } from './run/stats.js';
export { estimateRemainingMs } from './run/progress.js';
export { mergeCsvFiles } from './merge/merge.js';

export { RUN_DEFAULTS, RUN_OPTIONS, runOptionName, withRunOption } from './plan/options.js';
export { parseRunId } from './plan/option-values.js';
export { readRunConfig, RUN_CONFIG_KEYS } from './plan/config.js';
export { parseShard, shardFromEnv, assignShards } from './plan/shard.js';
export { cellKey, rowKey, plannedCells, curvesOfShard } from './plan/cells.js';
export { deriveRunId, readPlan, runPlanSchema } from './plan/run-plan.js';
export { schedule, REPETITION_ORDERS } from './plan/schedule.js';
export { seededShuffle } from './plan/random.js';

export { NodePoolTarget } from './targets/node-pool.js';
export { NodeMainTarget } from './targets/node-main.js';
export { nodeTargetRegistry, targetRegistry, combineRegistries, resolveTargets, NODE_TARGETS } from './targets/registry.js';
export { PYTHON_PROFILERS } from './targets/target.js';
export { FAULT_KINDS, parseInjectedFaults } from './targets/faults.js';

export { cpuTask, cpuTaskResult } from './tasks/cpu-task.js';
export { ioTaskAsync, ioTaskBlocking } from './tasks/io-task.js';
export { calibrateCpuWork } from './tasks/calibrate.js';
export { runOnEventLoop } from './tasks/event-loop.js';

export { runnerMessages } from './messages.js';

export type { RunOptions, RunSummary } from './run/run.js';
export type { RunEvent, RunProgress } from './run/events.js';
export type { RunPaths } from './run/paths.js';
export type { MergeOptions, MergeSummary } from './merge/merge.js';
export type { RunOption, RunRequest, TaskSizeRequest } from './plan/options.js';
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
} from './targets/target.js';
export type { NodeTargetOptions } from './targets/node-pool.js';
export type { TargetRegistry, TargetRegistryOptions } from './targets/registry.js';
export type { FaultKind, InjectedFault } from './targets/faults.js';
export type { CalibrateOptions } from './tasks/calibrate.js';

// --- Python target and profiles (issue #4) ---
export { PythonHarness } from './python/harness.js';
export { PythonTarget } from './python/python-target.js';
export { pythonTargetRegistry, PYTHON_TARGET_FORMS } from './python/registry.js';
export { HARNESS_SCRIPT, PROBE_SCRIPT, MIN_PYTHON } from './python/harness-files.js';
export { probeInterpreter } from './python/probe.js';
export { discoverPythons, DISCOVERY_SOURCES } from './python/discover.js';
export { parsePythonTarget, choosePython, versionTargetName, pythonTargetName, resolvePythonTargets } from './python/targets.js';
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
} from './python/harness.js';
export type { ProbeOk, ProbeFailed, ProbeResult, ProbeOptions } from './python/probe.js';
export type { PythonTargetOptions } from './python/python-target.js';
export type { PythonRegistryOptions } from './python/registry.js';
export type { DiscoverySource, DiscoverOptions, DiscoveredPython, PythonFound, PythonUnusable, PyenvShim } from './python/discover.js';
export type { PythonTargetSpec, ResolvedPython } from './python/targets.js';
export type { FunctionTime, ThreadProfile } from './profile/function-time.js';
export type { ThinThread } from './profile/coverage.js';
export type { CategoryRule } from './profile/categories.js';
export type { CpuProfile, ProfileWindow } from './profile/v8-cpuprofile.js';
export type { ProfileCell } from './profile/records.js';

// --- Installing CPython: `poolscope python install` (issue #13) ---
export { installPythons, managedPythons } from './install/install-python.js';
export { removePythons } from './install/remove-python.js';
export { listManifests, installManifestSchema } from './install/manifest.js';
export { pythonsHome, homeLayout } from './install/home.js';
export { parseInstallRequest, pairRequests, requestLabel } from './install/request.js';
export { INSTALL_BACKENDS, INSTALL_STAGES } from './install/events.js';
export { DISTRO_SUITES } from './install/distro-sources.js';
export { OPTIONAL_MODULES } from './install/missing-modules.js';
export { installMessages } from './install/messages.js';

export type { InstallOptions } from './install/install-python.js';
export type { InstallManifest } from './install/manifest.js';
export type { PythonsHomeLayout } from './install/home.js';
export type { InstallRequest } from './install/request.js';
export type { InstallBackend, InstallEvent, InstallStage } from './install/events.js';
export type { DistroSuite } from './install/distro-sources.js';
