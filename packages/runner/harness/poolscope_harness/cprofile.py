"""Deterministic cProfile, where it is sound: refused on free-threaded builds, approximate on 3.12+."""
import re
import sys
import threading
import time

from poolscope_probe import free_threaded_build, gil_enabled

from .cell import run_pool
from .functions import describe_key
from .protocol import TaskFailed

perf_counter_ns = time.perf_counter_ns
FREE_THREADED = free_threaded_build()

CPROFILE_SHARED_STACK = (
    "cProfile on Python 3.12+ keeps one call stack for every thread: call counts are exact, but with "
    "several threads running its times are not (in trials the task's cumulative time came out below its "
    "own self time); prefer the call-stack sampler for where the time goes"
)
CPROFILE_REFUSED = (
    "cProfile is not used on a free-threaded build: with several threads it hung in our trials on 3.13t "
    "(500 tasks, 2 threads); use the call-stack sampler (the default) instead"
)
_BUILTIN_NAME = re.compile(r"<(?:method|built-in method|function) '?([A-Za-z0-9_.]+?)'?(?: of .*)?>$")


def cprofile_functions(profiler):
    functions = []
    for entry in profiler.getstats():
        code = entry.code
        if isinstance(code, str):
            match = _BUILTIN_NAME.match(code)
            name = match.group(1).rsplit(".", 1)[-1] if match else code
            function = {"function": code, "name": name, "file": "", "line": 0, "builtin": True}
        else:
            function = describe_key(code)
        function["self_ns"] = round(entry.inlinetime * 1e9)
        function["total_ns"] = max(function["self_ns"], round(entry.totaltime * 1e9))
        function["calls"] = entry.callcount
        functions.append(function)
    return functions


def profile_with_cprofile(task, num_tasks, num_threads):
    """The cell once under cProfile: one profile of every thread on 3.12+, one per thread before."""
    if FREE_THREADED:
        raise ValueError(CPROFILE_REFUSED)
    import cProfile

    threads = []
    warnings = []
    t0 = perf_counter_ns()
    if sys.version_info >= (3, 12):
        warnings.append(CPROFILE_SHARED_STACK)
        # 3.12+: cProfile runs on sys.monitoring (PEP 669), which is per interpreter: one profiler sees
        # every thread, and only one may be active in the process.
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            run_pool(task, num_tasks, num_threads)
        except (Exception, SystemExit) as error:
            raise TaskFailed(error, perf_counter_ns() - t0)
        finally:
            profiler.disable()
        threads.append({"thread": "all threads", "role": "all", "samples": None, "sampled_ns": None,
                        "functions": cprofile_functions(profiler)})
    else:
        # <= 3.11: a profiler sees only the thread that enabled it, so each worker enables its own
        # from the executor's initializer; they are read once the pool has shut down.
        workers = []
        lock = threading.Lock()

        def start_worker_profiler():
            profiler = cProfile.Profile()
            with lock:
                workers.append((threading.current_thread().name, profiler))
            profiler.enable()

        main = cProfile.Profile()
        main.enable()
        try:
            run_pool(task, num_tasks, num_threads, initializer=start_worker_profiler)
        except (Exception, SystemExit) as error:
            raise TaskFailed(error, perf_counter_ns() - t0)
        finally:
            main.disable()
        threads.append({"thread": threading.current_thread().name, "role": "main", "samples": None,
                        "sampled_ns": None, "functions": cprofile_functions(main)})
        for name, profiler in sorted(workers, key=lambda w: w[0]):
            threads.append({"thread": name, "role": "worker", "samples": None, "sampled_ns": None,
                            "functions": cprofile_functions(profiler)})
    return {
        "status": "ok",
        "profiler": "cprofile",
        "wall_ns": perf_counter_ns() - t0,
        "samples": None,
        "interval_ns": None,
        "gil_enabled": gil_enabled(),
        "threads": threads,
        "warnings": warnings,
    }
