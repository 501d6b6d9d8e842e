"""Puts packages/runner/harness first on sys.path, as the harness's entry script does, so the tests
import the package `poolscope_harness` (and `poolscope_probe`) the harness runs."""
import os
import sys

HARNESS_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "harness"))
ENTRY = os.path.join(HARNESS_DIR, "poolscope_harness_main.py")

if sys.path[:1] != [HARNESS_DIR]:
    sys.path.insert(0, HARNESS_DIR)
