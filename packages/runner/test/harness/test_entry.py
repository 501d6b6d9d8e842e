"""The entry script: the harness's modules come from its own package, whatever else is on sys.path,
and never stand in for a user's modules of the same names."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from harness_path import ENTRY, HARNESS_DIR

DECOY = "raise ImportError('a user module was imported instead of the harness: %s')\n"
REQUESTS = (b'{"id": 1, "op": "run", "task_type": "cpu", "task_work": 100, "num_tasks": 4, "num_threads": 2}\n'
            b'{"id": 2, "op": "exit"}\n')


class StartedAsTheRunnerStartsIt(unittest.TestCase):
    def setUp(self):
        # A user's folder, with modules named like the harness's own, as cwd and on PYTHONPATH.
        self.user = tempfile.mkdtemp(prefix="poolscope-user-")
        for name in ("tasks", "protocol", "sampler", "cprofile", "cell", "ops", "functions", "poolscope_probe"):
            with open(os.path.join(self.user, name + ".py"), "w") as module:
                module.write(DECOY % name)
        os.mkdir(os.path.join(self.user, "poolscope_harness"))
        with open(os.path.join(self.user, "poolscope_harness", "__init__.py"), "w") as module:
            module.write(DECOY % "poolscope_harness")

    def tearDown(self):
        shutil.rmtree(self.user)

    def converse(self, *flags, **env):
        environment = dict(os.environ, PYTHONPATH=self.user, **env)
        done = subprocess.run([sys.executable] + list(flags) + ["-B", ENTRY], input=REQUESTS, cwd=self.user,
                              env=environment, capture_output=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr.decode("utf-8", "replace"))
        return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]

    def check(self, messages):
        hello, run, exited = messages
        self.assertEqual((hello["type"], hello["protocol"]), ("hello", 1))
        self.assertEqual((run["id"], run["status"]), (1, "ok"))
        self.assertEqual(exited, {"id": 2, "status": "ok"})

    def test_plain(self):
        self.check(self.converse())

    def test_isolated_mode(self):
        self.check(self.converse("-I"))

    def test_safe_path(self):
        self.check(self.converse(PYTHONSAFEPATH="1"))


class NoShadowing(unittest.TestCase):
    def test_leaves_the_package_folder_off_sys_path(self):
        # What a user's `import tasks` would find once the harness has started: none of its modules.
        probe = ("import importlib.util, runpy, sys; runpy.run_path(sys.argv[1], run_name='poolscope_entry'); "
                 "print([n for n in ('tasks', 'protocol', 'sampler', 'cprofile', 'cell', 'ops', 'functions') "
                 "if importlib.util.find_spec(n) is not None]); print('poolscope_harness.tasks' in sys.modules)")
        empty = tempfile.mkdtemp(prefix="poolscope-empty-")
        try:
            done = subprocess.run([sys.executable, "-B", "-I", "-c", probe, ENTRY], cwd=empty, capture_output=True, timeout=120)
        finally:
            shutil.rmtree(empty)
        self.assertEqual(done.returncode, 0, done.stderr.decode("utf-8", "replace"))
        self.assertEqual(done.stdout.decode("utf-8").split(), ["[]", "True"])

    def test_the_package_sits_beside_the_entry(self):
        self.assertTrue(os.path.isfile(os.path.join(HARNESS_DIR, "poolscope_harness", "__init__.py")))


if __name__ == "__main__":
    unittest.main()
