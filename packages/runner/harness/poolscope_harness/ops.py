"""The requests the harness answers: run (one timed repetition; warm-ups are the same op),
calibrate (task_work such that one task takes target_us on one thread), profile (the cell once more
under a profiler). The timed region creates and shuts down the pool, as the RCA's did:
    with ThreadPoolExecutor(max_workers=num_threads) as executor:
        list(executor.map(task, range(num_tasks)))
"""
import time

from poolscope_probe import gil_enabled

from .cell import run_pool, usage
from .cprofile import profile_with_cprofile
from .protocol import TaskFailed
from .sampler import profile_with_sampler
from .tasks import inject_fault, make_task

perf_counter_ns = time.perf_counter_ns


def positive_int(request, key):
    value = request.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("%s must be a positive integer, got %r" % (key, value))
    return value


def cell_task(request):
    task = make_task(request.get("task_type"), positive_int(request, "task_work"))
    fault = request.get("fault")
    return inject_fault(task, fault) if fault else task


def op_run(request):
    task = cell_task(request)
    num_tasks = positive_int(request, "num_tasks")
    num_threads = positive_int(request, "num_threads")
    user0, sys0, _ = usage()
    t0 = perf_counter_ns()
    try:
        run_pool(task, num_tasks, num_threads)
    except (Exception, SystemExit) as error:
        raise TaskFailed(error, perf_counter_ns() - t0)
    t1 = perf_counter_ns()
    user1, sys1, max_rss = usage()
    return {
        "status": "ok",
        "wall_ns": t1 - t0,
        "cpu_user_ns": max(0, user1 - user0),
        "cpu_sys_ns": max(0, sys1 - sys0),
        "max_rss_kb": max_rss,
        "gil_enabled": gil_enabled(),
    }


def op_calibrate(request):
    """task_work so that one task takes target_us on one thread (called directly, no pool)."""
    task_type = request.get("task_type")
    target_us = request.get("target_us")
    if isinstance(target_us, bool) or not isinstance(target_us, (int, float)) or not target_us > 0:
        raise ValueError("target_us must be a positive number, got %r" % (target_us,))
    if task_type == "io":
        # The io task's work unit is one microsecond of sleep.
        return {"status": "ok", "task_work": max(1, round(target_us)), "ns_per_unit": 1000.0}
    if task_type != "cpu":
        raise ValueError("task_type must be 'cpu' or 'io', got %r" % (task_type,))

    def time_loop(n):
        task = make_task("cpu", n)
        t0 = perf_counter_ns()
        task(0)
        return perf_counter_ns() - t0

    # Grow the loop until one timing is long enough (20 ms) to swamp clock and call overheads,
    # then take the fastest of three timings: the least disturbed by the rest of the machine.
    n = 1000
    elapsed = time_loop(n)
    while elapsed < 20000000:
        n = int(n * min(10.0, max(2.0, 2e7 / max(elapsed, 1))))
        elapsed = time_loop(n)
    best = min([elapsed] + [time_loop(n) for _ in range(2)])
    ns_per_unit = best / n
    return {"status": "ok", "task_work": max(1, round(target_us * 1000 / ns_per_unit)), "ns_per_unit": ns_per_unit}


def op_profile(request):
    task = cell_task(request)
    num_tasks = positive_int(request, "num_tasks")
    num_threads = positive_int(request, "num_threads")
    profiler = request.get("profiler", "sampler")
    if profiler == "sampler":
        interval_us = request.get("interval_us", 1000)
        if isinstance(interval_us, bool) or not isinstance(interval_us, (int, float)) or not interval_us > 0:
            raise ValueError("interval_us must be a positive number, got %r" % (interval_us,))
        return profile_with_sampler(task, num_tasks, num_threads, interval_us / 1e6)
    if profiler == "cprofile":
        return profile_with_cprofile(task, num_tasks, num_threads)
    raise ValueError("profiler must be 'sampler' or 'cprofile', got %r" % (profiler,))


OPS = {"run": op_run, "calibrate": op_calibrate, "profile": op_profile}
