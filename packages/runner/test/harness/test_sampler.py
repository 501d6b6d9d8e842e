"""The call-stack sampler: names C callees from the source, names files short, samples every thread."""
import os
import sys
import sysconfig
import threading
import time
import unittest

import harness_path  # noqa: F401  (the harness package first on sys.path)
from poolscope_harness import tasks
from poolscope_harness.functions import describe_key, short_file
from poolscope_harness.protocol import TaskFailed
from poolscope_harness.sampler import StackSampler, ThreadStats, _strip_call_arguments, c_callee, profile_with_sampler
from poolscope_harness.tasks import inject_fault, make_task


def wait_on(lock):
    lock.acquire(True, 30)


def blocked_frame(thread):
    """The innermost frame of `thread` once it is blocked in the C call of wait_on (polled, so no timing)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        frame = sys._current_frames().get(thread.ident)
        if frame is not None and frame.f_code is wait_on.__code__ and c_callee(frame.f_code, frame.f_lasti, {}):
            return frame
        time.sleep(0.001)
    raise AssertionError("the thread never blocked in wait_on")


class NamingCallees(unittest.TestCase):
    def test_strips_the_last_call_arguments(self):
        self.assertEqual(_strip_call_arguments("a.b(c).acquire(True, t)"), "a.b(c).acquire")
        self.assertEqual(_strip_call_arguments("f(g(x), (1, 2))  "), "f")
        self.assertIsNone(_strip_call_arguments("no_call"))
        self.assertIsNone(_strip_call_arguments("unbalanced)"))

    def test_names_the_c_function_a_blocked_thread_waits_in(self):
        lock = threading.Lock()
        lock.acquire()
        thread = threading.Thread(target=wait_on, args=(lock,), daemon=True)
        thread.start()
        try:
            frame = blocked_frame(thread)
            kind, name, caller, line = c_callee(frame.f_code, frame.f_lasti, {})
        finally:
            lock.release()
            thread.join()
        self.assertEqual((kind, name, caller), ("builtin", "acquire", wait_on.__code__))
        self.assertEqual(line, wait_on.__code__.co_firstlineno + 1)
        described = describe_key((kind, name, caller, line))
        self.assertEqual(described["function"], "acquire (call at %s:%d)" % (short_file(__file__), line))
        self.assertEqual(described["caller"], {"name": "wait_on", "file": short_file(__file__)})
        self.assertTrue(described["builtin"])

    def test_is_none_where_the_instruction_is_no_call(self):
        self.assertIsNone(c_callee(wait_on.__code__, 0, {}))
        self.assertIsNone(c_callee(wait_on.__code__, 10 ** 6, {}))


class ShortFileNames(unittest.TestCase):
    def test_names_the_harness_files_from_its_folder_and_the_library_from_the_library(self):
        self.assertEqual(short_file(tasks.__file__), os.path.join("poolscope_harness", "tasks.py"))
        self.assertEqual(short_file(threading.__file__), "threading.py")
        library = os.path.join(sysconfig.get_paths()["stdlib"], "concurrent", "futures", "_base.py")
        self.assertEqual(short_file(library), os.path.join("concurrent", "futures", "_base.py"))
        self.assertEqual(short_file("/elsewhere/work.py"), "/elsewhere/work.py")

    def test_describes_a_python_function_by_name_file_and_first_line(self):
        cpu_task = make_task("cpu", 1).__code__
        self.assertEqual(describe_key(cpu_task), {
            "function": "cpu_task (%s:%d)" % (os.path.join("poolscope_harness", "tasks.py"), cpu_task.co_firstlineno),
            "name": "cpu_task", "file": os.path.join("poolscope_harness", "tasks.py"), "line": cpu_task.co_firstlineno,
            "builtin": False,
        })


class Sampling(unittest.TestCase):
    def test_reports_self_and_total_time_per_function_of_each_thread(self):
        sampler = StackSampler(0.001)
        stats = sampler.threads[sampler.main_ident] = ThreadStats(sampler.main_ident, 0)
        cpu_task = make_task("cpu", 1).__code__
        stats.samples, stats.sampled_ns = 2, 300
        stats.leaf_ns[(cpu_task, 0)] += 300
        stats.total_ns[cpu_task] += 300
        stats.total_ns[wait_on.__code__] += 300
        main = sampler.report()[0]
        self.assertEqual((main["thread"], main["role"], main["samples"], main["sampled_ns"]), ("MainThread", "main", 2, 300))
        by_name = {f["name"]: f for f in main["functions"]}
        self.assertEqual((by_name["cpu_task"]["self_ns"], by_name["cpu_task"]["total_ns"], by_name["cpu_task"]["calls"]), (300, 300, None))
        self.assertEqual((by_name["wait_on"]["self_ns"], by_name["wait_on"]["total_ns"]), (0, 300))

    def test_profiles_a_cell_from_its_start_to_its_end(self):
        result = profile_with_sampler(make_task("io", 5000), 4, 2, 0.001)
        self.assertEqual((result["status"], result["profiler"], result["interval_ns"], result["warnings"]), ("ok", "sampler", 1000000, []))
        self.assertGreaterEqual(result["samples"], 1)
        threads = result["threads"]
        self.assertEqual(threads[0]["role"], "main")
        self.assertTrue(all(t["role"] == "worker" for t in threads[1:]))
        for thread in threads:
            self.assertLessEqual(thread["sampled_ns"], result["wall_ns"])

    def test_reports_a_task_that_raised_with_how_long_the_cell_ran(self):
        task = inject_fault(make_task("cpu", 10), {"kind": "throw", "task": 1})
        with self.assertRaises(TaskFailed) as failed:
            profile_with_sampler(task, 4, 2, 0.001)
        self.assertIsInstance(failed.exception.cause, RuntimeError)
        self.assertGreater(failed.exception.wall_ns, 0)


if __name__ == "__main__":
    unittest.main()
