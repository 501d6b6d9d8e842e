"""Describes the Python interpreter that runs it, as one JSON line on stdout.

Written for every Python poolscope may meet, 2.7 included, so that an interpreter too old for the
harness can still say what it is. The harness imports `describe()` so both report alike.
"""
import json
import platform
import sys


def describe():
    """What poolscope records about an interpreter (see InterpreterInfo in @poolscope/core)."""
    try:
        import sysconfig

        # Py_GIL_DISABLED is 1 on a free-threaded build (PEP 703), 0 or None elsewhere.
        free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    except Exception:
        free_threaded = False
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_gil_enabled is not None:
        # 3.13+: the truth at run time, after PYTHON_GIL / -X gil and any extension that re-enabled it.
        gil_enabled = bool(is_gil_enabled())
    elif free_threaded:
        gil_enabled = None
    else:
        gil_enabled = True
    implementation = getattr(sys, "implementation", None)
    info = sys.version_info
    return {
        "implementation": implementation.name if implementation else platform.python_implementation().lower(),
        "version": sys.version,
        "runtime_version": platform.python_version(),
        "version_info": [info[0], info[1], info[2], info[3], info[4]],
        "executable": sys.executable,
        "free_threaded_build": free_threaded,
        "gil_enabled": gil_enabled,
    }


if __name__ == "__main__":
    sys.stdout.write(json.dumps(describe()) + "\n")
    sys.stdout.flush()
