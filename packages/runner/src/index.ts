// The runner's public surface: what the CLI, the benchmarks and other packages use. Everything else
// is internal; the package's own tests import it by relative path.

// Running and merging.
export { runMatrix } from './run/run.js';
export { describeCell } from './run/describe-cell.js';
export { CV_WARNING_THRESHOLD } from './run/stats.js';
export { mergeCsvFiles } from './merge/merge.js';

// The options of `poolscope run`, as the CLI reads them: one table (RUN_OPTIONS) makes them all.
export { RUN_DEFAULTS, RUN_OPTIONS, runOptionName, withRunOption } from './plan/options.js';
export { parseRunId } from './plan/option-values.js';
export { readRunConfig } from './plan/config.js';
export { parseShard } from './plan/shard.js';
export { readPlan } from './plan/plan-file.js';
export { REPETITION_ORDERS } from './plan/schedule.js';
export { readCategoryRules, categorize } from './profile/categories.js';
export { toProfileRecords } from './profile/records.js';

// Targets: every one poolscope knows, and the Python interpreters it can find.
export { targetRegistry, combineRegistries } from './targets/registry.js';
export { NODE_TARGETS } from './targets/node/registry.js';
export { PYTHON_PROFILERS } from './targets/target.js';
export { parseInjectedFaults } from './targets/faults.js';
export { PythonTarget } from './targets/python/python-target.js';
export { PythonHarness } from './targets/python/harness.js';
export { discoverPythons } from './targets/python/discover.js';
export { parsePythonTarget, choosePython, versionTargetName, pythonTargetName, resolvePythonTargets } from './targets/python/names.js';
export { calibrateCpuWork } from './tasks/calibrate.js';

// The report's quotes of the harness, and the texts the runner's errors and warnings use.
export { harnessExcerpts } from './excerpts/harness-excerpts.js';
export { runnerMessages } from './messages.js';

export type { RunOptions } from './run/run-options.js';
export type { RunSummary } from './run/tally.js';
export type { RunEvent, RunProgress } from './run/events.js';
export type { RunPaths } from './run/paths.js';
export type { MergeOptions, MergeSummary } from './merge/merge.js';
export type { RunOption, RunRequest } from './plan/options.js';
export type { PlannedCell } from './plan/cells.js';
export type { RunPlan } from './plan/plan-file.js';
export type { CategoryRule } from './profile/categories.js';
export type { CellSpec, ProfileOptions, ProfileOutcome, RepeatOptions, RepeatOutcome, RuntimeInfo, Target, TargetRegistry, TargetSession } from './targets/target.js';
export type { TargetRegistryOptions } from './targets/registry.js';
export type { InjectedFault } from './targets/faults.js';
export type { PythonHarnessOptions } from './targets/python/harness-requests.js';
export type { DiscoverOptions, DiscoveredPython, PythonFound, PyenvShim } from './targets/python/discover.js';
export type { CodeExcerpt, HarnessExcerpts } from './excerpts/harness-excerpts.js';

// Installing CPython: `poolscope python install`.
export { installPythons, managedPythons } from './install/install-python.js';
export { removePythons } from './install/remove-python.js';
export { listManifests, installManifestSchema } from './install/manifest.js';
export { pythonsHome, homeLayout } from './install/home.js';
export { parseInstallRequest, pairRequests, requestLabel } from './install/request.js';
export { INSTALL_BACKENDS, INSTALL_STAGES } from './install/stages.js';
export { DISTRO_SUITES } from './install/distro-sources.js';
export { OPTIONAL_MODULES } from './install/missing-modules.js';
export { installMessages } from './install/messages.js';

export type { InstallOptions } from './install/install-python.js';
export type { InstallManifest } from './install/manifest.js';
export type { PythonsHomeLayout } from './install/home.js';
export type { InstallRequest } from './install/request.js';
export type { InstallEvent } from './install/events.js';
export type { InstallBackend, InstallStage } from './install/stages.js';
export type { DistroSuite } from './install/distro-sources.js';
