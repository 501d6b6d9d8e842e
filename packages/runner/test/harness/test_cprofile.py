"""Deterministic cProfile: exact call counts on GIL builds, refused on free-threaded ones."""
import cProfile
import sys
import time
import unittest

import harness_path  # noqa: F401  (the harness package first on sys.path)
from poolscope_harness.cprofile import CPROFILE_REFUSED, CPROFILE_SHARED_STACK, FREE_THREADED, cprofile_functions, profile_with_cprofile
from poolscope_harness.protocol import TaskFailed
from poolscope_harness.tasks import inject_fault, make_task


def calls_of(result, name):
    return sum(f["calls"] for thread in result["threads"] for f in thread["functions"] if f["name"] == name)


@unittest.skipIf(FREE_THREADED, "cProfile is refused on a free-threaded build")
class OnAGilBuild(unittest.TestCase):
    def test_counts_every_call_of_the_task(self):
        result = profile_with_cprofile(make_task("cpu", 100), 12, 3)
        self.assertEqual((result["status"], result["profiler"], result["samples"], result["interval_ns"]), ("ok", "cprofile", None, None))
        self.assertEqual(calls_of(result, "cpu_task"), 12)
        self.assertGreater(result["wall_ns"], 0)

    def test_says_how_it_saw_the_threads(self):
        result = profile_with_cprofile(make_task("cpu", 10), 4, 2)
        roles = [thread["role"] for thread in result["threads"]]
        if sys.version_info >= (3, 12):
            self.assertEqual((roles, result["warnings"]), (["all"], [CPROFILE_SHARED_STACK]))
        else:
            self.assertEqual((roles[0], set(roles[1:]), result["warnings"]), ("main", {"worker"}, []))

    def test_reports_a_task_that_raised_with_how_long_the_cell_ran(self):
        task = inject_fault(make_task("cpu", 10), {"kind": "throw", "task": 2})
        with self.assertRaises(TaskFailed) as failed:
            profile_with_cprofile(task, 4, 2)
        self.assertIsInstance(failed.exception.cause, RuntimeError)
        self.assertGreater(failed.exception.wall_ns, 0)


@unittest.skipUnless(FREE_THREADED, "only a free-threaded build refuses cProfile")
class OnAFreeThreadedBuild(unittest.TestCase):
    def test_refuses(self):
        with self.assertRaises(ValueError) as refused:
            profile_with_cprofile(make_task("cpu", 10), 4, 2)
        self.assertEqual(str(refused.exception), CPROFILE_REFUSED)


@unittest.skipIf(FREE_THREADED, "cProfile is refused on a free-threaded build")
class Functions(unittest.TestCase):
    def test_names_builtins_by_their_short_name_and_python_functions_by_file_and_line(self):
        def work():
            time.sleep(0)
            return len([1, 2])

        profiler = cProfile.Profile()
        profiler.enable()
        work()
        profiler.disable()
        functions = {f["name"]: f for f in cprofile_functions(profiler)}
        self.assertEqual((functions["sleep"]["builtin"], functions["sleep"]["file"], functions["sleep"]["calls"]), (True, "", 1))
        self.assertEqual((functions["len"]["builtin"], functions["len"]["calls"]), (True, 1))
        self.assertEqual(functions["work"]["function"], "work (%s:%d)" % (__file__, work.__code__.co_firstlineno))
        for function in functions.values():
            self.assertGreaterEqual(function["total_ns"], function["self_ns"])


if __name__ == "__main__":
    unittest.main()
