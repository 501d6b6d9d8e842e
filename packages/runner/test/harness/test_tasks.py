"""The tasks: the cpu loop returns what the Node targets' cpuTask returns; faults misbehave as asked."""
import os
import subprocess
import sys
import tempfile
import time
import unittest

import harness_path  # noqa: F401  (the harness package first on sys.path)
from poolscope_probe import free_threaded_build
from poolscope_harness.tasks import inject_fault, make_task


def sum_of_squares_mod_2_32(n):
    """Faulhaber's formula: the sum of i^2 for i < n is (n-1)n(2n-1)/6; the Node side's cpuTaskResult."""
    return ((n - 1) * n * (2 * n - 1) // 6) % 2 ** 32


class CpuTask(unittest.TestCase):
    def test_returns_the_sum_of_squares_modulo_2_32(self):
        # 2000 and 100000 wrap around 2^32 (the sums are 2.7e9 and 3.3e14).
        for work in (1, 2, 10, 1000, 2000, 100000):
            self.assertEqual(make_task("cpu", work)(0), sum_of_squares_mod_2_32(work), work)

    def test_ignores_the_task_index(self):
        task = make_task("cpu", 500)
        self.assertEqual(task(0), task(12345))

    def test_is_named_cpu_task_for_the_profiles(self):
        self.assertEqual(make_task("cpu", 1).__name__, "cpu_task")

    @unittest.skipUnless(free_threaded_build() and sys.version_info[:2] == (3, 13), "constants are made immortal only on free-threaded 3.13")
    def test_shares_no_mortal_constant_between_threads(self):
        # As in a script run as the main program: the loop's mask is immortal, as None is, so the
        # workers never contend for its reference count (see tasks.py).
        mask = [c for c in make_task("cpu", 1).__code__.co_consts if c == 0xFFFFFFFF][0]
        self.assertEqual(sys.getrefcount(mask), sys.getrefcount(None))


class IoTask(unittest.TestCase):
    def test_sleeps_at_least_task_work_microseconds(self):
        task = make_task("io", 20000)
        t0 = time.perf_counter()
        self.assertIsNone(task(0))
        self.assertGreaterEqual(time.perf_counter() - t0, 0.02)
        self.assertEqual(task.__name__, "io_task")


class UnknownTask(unittest.TestCase):
    def test_names_the_task_types(self):
        with self.assertRaisesRegex(ValueError, "task_type must be 'cpu' or 'io', got 'disk'"):
            make_task("disk", 10)


class InjectedFaults(unittest.TestCase):
    def test_throw_raises_in_the_chosen_task_only(self):
        task = inject_fault(make_task("cpu", 10), {"kind": "throw", "task": 3})
        self.assertEqual(task(2), sum_of_squares_mod_2_32(10))
        with self.assertRaisesRegex(RuntimeError, "injected fault in task 3"):
            task(3)

    def test_print_writes_to_stdout_and_fd_1(self):
        with tempfile.TemporaryFile() as captured:
            sys.stdout.flush()
            saved = os.dup(1)
            os.dup2(captured.fileno(), 1)
            try:
                inject_fault(make_task("cpu", 1), {"kind": "print", "task": 0})(0)
                sys.stdout.flush()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            captured.seek(0)
            self.assertIn(b"task writes to fd 1", captured.read())

    def test_crash_ends_the_process_with_the_code(self):
        code = "import harness_path; from poolscope_harness.tasks import inject_fault, make_task; " \
               "inject_fault(make_task('cpu', 1), {'kind': 'crash', 'task': 0, 'code': 71})(0)"
        here = os.path.dirname(os.path.abspath(__file__))
        ended = subprocess.run([sys.executable, "-B", "-c", code], cwd=here, capture_output=True)
        self.assertEqual(ended.returncode, 71)

    def test_refuses_an_unknown_kind(self):
        with self.assertRaisesRegex(ValueError, "fault.kind must be one of throw, crash, hang, print; got 'explode'"):
            inject_fault(make_task("cpu", 1), {"kind": "explode"})


if __name__ == "__main__":
    unittest.main()
