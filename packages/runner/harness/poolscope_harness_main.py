"""Starts poolscope's Python harness (the package `poolscope_harness` beside this file) on stdin/stdout.

The runner runs `python -B poolscope_harness_main.py`, without a shell; see poolscope_harness/__init__.py
for what the harness does and protocol.py for how it talks. Standard library only; Python 3.8+.
"""
import os
import sys

if sys.version_info < (3, 8):
    sys.stderr.write("poolscope harness: needs Python 3.8 or newer, this is %s\n" % sys.version.split()[0])
    sys.exit(3)

# The harness's package and poolscope_probe are found here first, even under -I, -P or PYTHONSAFEPATH
# (which leave the script's folder off sys.path) and before anything on PYTHONPATH.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from poolscope_harness.ops import OPS  # noqa: E402
from poolscope_harness.protocol import serve_process  # noqa: E402

if __name__ == "__main__":
    serve_process(OPS)
