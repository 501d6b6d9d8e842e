"""The RCA's cell, and what the process used while it ran."""
import os
import sys
from concurrent.futures import ThreadPoolExecutor

try:
    import resource
except ImportError:  # Windows: no getrusage; os.times() gives user/sys, max RSS is unknown
    resource = None


def run_pool(task, num_tasks, num_threads, initializer=None):
    """The RCA's cell. The initializer is only used by the per-thread cProfile of Python <= 3.11."""
    if initializer is None:
        with ThreadPoolExecutor(max_workers=num_threads) as executor:
            list(executor.map(task, range(num_tasks)))
    else:
        with ThreadPoolExecutor(max_workers=num_threads, initializer=initializer) as executor:
            list(executor.map(task, range(num_tasks)))


# ru_maxrss is KiB on Linux and the BSDs, bytes on macOS (getrusage(2) on each).
_RSS_DIVISOR = 1024 if sys.platform == "darwin" else 1


def usage():
    """(user ns, sys ns, max RSS KiB or None) of the whole process so far."""
    if resource is not None:
        ru = resource.getrusage(resource.RUSAGE_SELF)
        return round(ru.ru_utime * 1e9), round(ru.ru_stime * 1e9), ru.ru_maxrss // _RSS_DIVISOR
    times = os.times()
    return round(times.user * 1e9), round(times.system * 1e9), None
