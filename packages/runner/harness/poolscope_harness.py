"""poolscope's Python harness: runs thread-pool cells exactly as the RCA does and reports over JSON lines.

Protocol (one JSON object per line; stdout carries the protocol and nothing else):
  - on start it writes a hello: {"type": "hello", "protocol": 1, "pid", "implementation", "version",
    "runtime_version", "version_info", "executable", "free_threaded_build", "gil_enabled"};
  - then, for each request line {"id", "op", ...} it writes exactly one response {"id", "status", ...}
    with status "ok" or "error" (a task that raises is an "error" response, never a dead harness);
  - it stays alive across cells and exits on {"op": "exit"} or at the end of its input.
Ops: "run" (one timed repetition of a cell; warm-ups are the same op), "calibrate" (task_work such
that one task takes target_us on one thread), "profile" (the cell once more under a profiler), "exit".
The timed region creates and shuts down the pool, as the RCA's did:
    with ThreadPoolExecutor(max_workers=num_threads) as executor:
        list(executor.map(task, range(num_tasks)))
Standard library only; Python 3.8+.
"""
import sys

if sys.version_info < (3, 8):
    sys.stderr.write("poolscope harness: needs Python 3.8 or newer, this is %s\n" % sys.version.split()[0])
    sys.exit(3)

import dis
import json
import linecache
import os
import re
import signal
import sysconfig
import threading
import time
import traceback
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # even under -P / PYTHONSAFEPATH
from poolscope_probe import describe, free_threaded_build, gil_enabled  # noqa: E402

try:
    import resource
except ImportError:  # Windows: no getrusage; os.times() gives user/sys, max RSS is unknown
    resource = None

PROTOCOL = 1
FREE_THREADED = free_threaded_build()
perf_counter_ns = time.perf_counter_ns


# --- the tasks: the same loop as the Node target ((total + Math.imul(i, i)) >>> 0) ---------------

def make_task(task_type, task_work):
    """The task the pool maps over range(num_tasks); the index itself is unused, as in the RCA."""
    work = int(task_work)
    if task_type == "cpu":
        def cpu_task(_index):
            total = 0
            for i in range(work):
                total = (total + i * i) & 0xFFFFFFFF
            return total
        return cpu_task
    if task_type == "io":
        seconds = work / 1e6

        def io_task(_index):
            time.sleep(seconds)
        return io_task
    raise ValueError("task_type must be 'cpu' or 'io', got %r" % (task_type,))


def inject_fault(task, fault):
    """Wraps a task so that task number fault['task'] misbehaves: for tests of the error paths.
    The kinds are the Node targets' (throw, hang, crash: the process dies), and print."""
    kind = fault.get("kind")
    at = int(fault.get("task", 0))
    if kind not in ("throw", "crash", "hang", "print"):
        raise ValueError("fault.kind must be one of throw, crash, hang, print; got %r" % (kind,))

    def faulty_task(index):
        if index == at:
            if kind == "throw":
                raise RuntimeError("injected fault in task %d" % index)
            if kind == "crash":
                os._exit(int(fault.get("code", 70)))
            if kind == "hang":
                threading.Event().wait()
            if kind == "print":
                print("task %d prints to stdout" % index)
                sys.stdout.flush()
                os.write(1, b"task writes to fd 1\n")
        return task(index)
    return faulty_task


def run_pool(task, num_tasks, num_threads, initializer=None):
    """The RCA's cell. The initializer is only used by the per-thread cProfile of Python <= 3.11."""
    if initializer is None:
        with ThreadPoolExecutor(max_workers=num_threads) as executor:
            list(executor.map(task, range(num_tasks)))
    else:
        with ThreadPoolExecutor(max_workers=num_threads, initializer=initializer) as executor:
            list(executor.map(task, range(num_tasks)))


# --- process resources -----------------------------------------------------------------------------

# ru_maxrss is KiB on Linux and the BSDs, bytes on macOS (getrusage(2) on each).
_RSS_DIVISOR = 1024 if sys.platform == "darwin" else 1


def usage():
    """(user ns, sys ns, max RSS KiB or None) of the whole process so far."""
    if resource is not None:
        ru = resource.getrusage(resource.RUSAGE_SELF)
        return round(ru.ru_utime * 1e9), round(ru.ru_stime * 1e9), ru.ru_maxrss // _RSS_DIVISOR
    times = os.times()
    return round(times.user * 1e9), round(times.system * 1e9), None


# --- ops -------------------------------------------------------------------------------------------

class TaskFailed(Exception):
    """A cell failed because of its tasks; carries how long it ran."""

    def __init__(self, cause, wall_ns):
        Exception.__init__(self, str(cause))
        self.cause = cause
        self.wall_ns = wall_ns


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


# --- the call-stack sampler ------------------------------------------------------------------------

_STDLIB = os.path.normcase(sysconfig.get_paths()["stdlib"]) + os.sep
_HARNESS_DIR = os.path.normcase(os.path.dirname(os.path.abspath(__file__))) + os.sep


def short_file(path):
    """Standard-library files relative to the library (concurrent/futures/_base.py), so that the same
    function has the same name on every interpreter; the harness's own files by their base name."""
    normal = os.path.normcase(path)
    if normal.startswith(_STDLIB):
        return path[len(_STDLIB):]
    if normal.startswith(_HARNESS_DIR):
        return path[len(_HARNESS_DIR):]
    return path


_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_TRAILING_NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*$")
_KEYWORDS = frozenset(["if", "elif", "while", "for", "in", "not", "and", "or", "return", "yield", "with",
                       "assert", "del", "print", "lambda", "await", "is", "else", "except", "raise"])


def _strip_call_arguments(text):
    """`a.b(c).acquire(True, t)` -> `a.b(c).acquire`: drops the final balanced (...) group."""
    text = text.rstrip()
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return text[:index]
    return None


def _source_span(filename, position):
    lineno, end_lineno, col, end_col = position
    if None in (lineno, end_lineno, col, end_col) or end_lineno - lineno > 20:
        return None
    # Column offsets count UTF-8 bytes (co_positions, PEP 657).
    lines = [linecache.getline(filename, n).encode("utf-8") for n in range(lineno, end_lineno + 1)]
    if not lines[0]:
        return None
    if len(lines) == 1:
        return lines[0][col:end_col].decode("utf-8", "replace")
    lines[0] = lines[0][col:]
    lines[-1] = lines[-1][:end_col]
    return b"".join(lines).decode("utf-8", "replace")


def callee_name(code, lasti, lineno, positions_cache):
    """The name of the function a CALL instruction calls, read from the source.

    3.11+ gives the exact source span of the call expression (co_positions); older versions only
    the line, where the first call that is an attribute call (lock.acquire) is taken, else the first.
    """
    if hasattr(code, "co_positions"):
        positions = positions_cache.get(code)
        if positions is None:
            positions = positions_cache[code] = list(code.co_positions())
        index = lasti // 2
        if index < len(positions):
            span = _source_span(code.co_filename, positions[index])
            callee = _strip_call_arguments(span) if span else None
            match = _TRAILING_NAME.search(callee) if callee else None
            if match:
                return match.group(1)
    line = linecache.getline(code.co_filename, lineno)
    calls = [m for m in _CALL.finditer(line) if m.group(1) not in _KEYWORDS]
    if not calls:
        return None
    attribute_calls = [m for m in calls if m.start() > 0 and line[m.start() - 1] == "."]
    return (attribute_calls or calls)[0].group(1)


class ThreadStats(object):
    __slots__ = ("ident", "order", "samples", "sampled_ns", "leaf_ns", "total_ns")

    def __init__(self, ident, order):
        self.ident = ident
        self.order = order
        self.samples = 0
        self.sampled_ns = 0
        self.leaf_ns = defaultdict(int)  # (code, lasti) of the innermost frame -> ns
        self.total_ns = defaultdict(int)  # code -> ns


class StackSampler(threading.Thread):
    """Reads every other thread's stack every `interval` seconds (sys._current_frames()).

    Each sample is charged the time measured since the previous one (not the nominal interval: with
    the GIL held by busy workers a sampler wakes late), clipped to the profiled window [t0, t1]. The
    innermost frame gets self time; every distinct function on the stack gets total time.

    The loop only counts, into dicts of its own keyed by code objects and instruction offsets: on a
    free-threaded build each sys._current_frames() stops the world, and anything more in the loop
    (reading source files, importing, even a lookup in threading._active, a dict other threads
    write) made the sampler stall for whole cells in trials on 3.13t. Reading other threads' live
    frames is racy there too (CPython gh-152355), so the loop touches them as little as it can.
    Naming happens after the window closes, in report(): a thread blocked in a C call (lock.acquire,
    SimpleQueue.get, time.sleep) shows no frame of its own, so when its innermost frame is executing
    a CALL instruction, the callee is named from the source and charged as `name (call at file:line)`.
    """

    def __init__(self, interval):
        threading.Thread.__init__(self, name="poolscope-sampler", daemon=True)
        self.interval = interval
        self.main_ident = threading.get_ident()
        self.t0 = 0
        self.t1 = None
        self.samples = 0
        self.threads = {}
        self._go = threading.Event()

    def begin(self):
        self.start()
        self.t0 = perf_counter_ns()
        self._go.set()
        return self.t0

    def end(self):
        self.t1 = perf_counter_ns()
        self.join()
        return self.t1

    def run(self):
        self._go.wait()
        me = threading.get_ident()
        last = self.t0
        current_frames = sys._current_frames
        sleep = time.sleep
        threads = self.threads
        while True:
            sleep(self.interval)
            stop = self.t1
            now = perf_counter_ns()
            frames = current_frames()
            high = now if stop is None else min(now, stop)
            span = high - last
            if span > 0:
                self.samples += 1
                for ident, frame in frames.items():
                    if ident == me:
                        continue
                    stats = threads.get(ident)
                    if stats is None:
                        stats = threads[ident] = ThreadStats(ident, len(threads))
                    stats.samples += 1
                    stats.sampled_ns += span
                    stats.leaf_ns[(frame.f_code, frame.f_lasti)] += span
                    total = stats.total_ns
                    seen = set()
                    while frame is not None:
                        code = frame.f_code
                        if code not in seen:
                            seen.add(code)
                            total[code] += span
                        frame = frame.f_back
                last = high
            del frames, frame
            if stop is not None:
                return

    def report(self):
        """Per thread, the functions seen, with C callees named: only called once the window is closed."""
        callees = {}
        positions = {}
        threads = []
        workers = 0
        for stats in sorted(self.threads.values(), key=lambda s: s.order):
            self_ns = defaultdict(int)
            total_ns = dict(stats.total_ns)
            for (code, lasti), ns in stats.leaf_ns.items():
                key = callees.get((code, lasti), False)
                if key is False:
                    key = callees[(code, lasti)] = c_callee(code, lasti, positions)
                if key is None:
                    self_ns[code] += ns
                else:
                    self_ns[key] += ns
                    total_ns[key] = total_ns.get(key, 0) + ns
            functions = []
            for key, total in total_ns.items():
                entry = describe_key(key)
                entry["self_ns"] = self_ns.get(key, 0)
                entry["total_ns"] = total
                entry["calls"] = None
                functions.append(entry)
            main = stats.ident == self.main_ident
            if not main:
                workers += 1
            threads.append({
                "thread": "MainThread" if main else "worker-%d" % workers,
                "role": "main" if main else "worker",
                "samples": stats.samples,
                "sampled_ns": stats.sampled_ns,
                "functions": functions,
            })
        threads.sort(key=lambda t: t["role"] != "main")
        return threads


def line_of(code, lasti):
    """The source line of the instruction at byte offset lasti."""
    line = code.co_firstlineno
    for offset, lineno in dis.findlinestarts(code):
        if offset > lasti:
            break
        if lineno is not None:
            line = lineno
    return line


def c_callee(code, lasti, positions):
    """("builtin", name, caller code, line) when the instruction at lasti is a call, else None."""
    raw = code.co_code
    if not 0 <= lasti < len(raw):
        return None
    opname = dis.opname[raw[lasti]]
    if not opname.startswith("CALL") or opname.startswith("CALL_INTRINSIC"):
        return None
    line = line_of(code, lasti)
    name = callee_name(code, lasti, line, positions)
    return ("builtin", name, code, line) if name else None


def describe_key(key):
    """A sampled function as the runner receives it."""
    if isinstance(key, tuple):
        _, name, caller, lineno = key
        where = short_file(caller.co_filename)
        return {
            "function": "%s (call at %s:%d)" % (name, where, lineno),
            "name": name, "file": where, "line": lineno, "builtin": True,
            "caller": {"name": caller.co_name, "file": where},
        }
    where = short_file(key.co_filename)
    return {
        "function": "%s (%s:%d)" % (key.co_name, where, key.co_firstlineno),
        "name": key.co_name, "file": where, "line": key.co_firstlineno, "builtin": False,
    }


def profile_with_sampler(task, num_tasks, num_threads, interval):
    sampler = StackSampler(interval)
    t0 = sampler.begin()
    try:
        run_pool(task, num_tasks, num_threads)
    except (Exception, SystemExit) as error:
        raise TaskFailed(error, perf_counter_ns() - t0)
    finally:
        t1 = sampler.end()
    return {
        "status": "ok",
        "profiler": "sampler",
        "wall_ns": t1 - t0,
        "samples": sampler.samples,
        "interval_ns": round(interval * 1e9),
        "gil_enabled": gil_enabled(),
        "threads": sampler.report(),
        "warnings": [],
    }


# --- deterministic cProfile, where it is sound -----------------------------------------------------

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


# --- the protocol loop -----------------------------------------------------------------------------

OPS = {"run": op_run, "calibrate": op_calibrate, "profile": op_profile}


def error_response(error, wall_ns=None):
    response = {
        "status": "error",
        "error": "%s: %s" % (type(error).__name__, error),
        "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__))[-4000:],
    }
    if wall_ns is not None:
        response["wall_ns"] = wall_ns
    return response


def handle(request):
    op = request.get("op")
    handler = OPS.get(op)
    if handler is None:
        raise ValueError("unknown op %r; known: %s, exit" % (op, ", ".join(sorted(OPS))))
    try:
        return handler(request)
    except TaskFailed as failed:
        return error_response(failed.cause, failed.wall_ns)


def main():
    # Keep the protocol streams private: fd 1 becomes stderr and fd 0 /dev/null, so a task that prints
    # (or reads) cannot corrupt the conversation.
    protocol_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    protocol_in = os.fdopen(os.dup(0), "rb")
    os.dup2(2, 1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    # The runner decides when this process ends (Ctrl-C reaches the whole process group).
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    def send(message):
        protocol_out.write(json.dumps(message, separators=(",", ":")) + "\n")
        protocol_out.flush()

    hello = {"type": "hello", "protocol": PROTOCOL, "pid": os.getpid()}
    hello.update(describe())
    send(hello)

    for raw in protocol_in:
        line = raw.strip()
        if not line:
            continue
        request_id = None
        try:
            request = json.loads(line.decode("utf-8"))
            if not isinstance(request, dict):
                raise ValueError("a request must be a JSON object")
            request_id = request.get("id")
            if request.get("op") == "exit":
                send({"id": request_id, "status": "ok"})
                return
            response = handle(request)
        except Exception as error:
            response = error_response(error)
        response["id"] = request_id
        send(response)


if __name__ == "__main__":
    main()
