"""The call-stack sampler: reads every thread's stack every interval, on every version and build."""
import dis
import linecache
import re
import sys
import threading
import time
from collections import defaultdict

from poolscope_probe import gil_enabled

from .cell import run_pool
from .functions import describe_key
from .protocol import TaskFailed

perf_counter_ns = time.perf_counter_ns

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


def profile_with_sampler(task, num_tasks, num_threads, interval):
    """The cell once, every thread's stack sampled every `interval` seconds."""
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
