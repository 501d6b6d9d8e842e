"""Describes the Python interpreter that runs it, as one JSON line on stdout.

Written for every Python poolscope may meet, 2.7 included, so that an interpreter too old for the
harness can still say what it is. The harness imports these functions so both report alike.
"""
import json
import platform
import sys


def free_threaded_build():
    """Built with free-threading: sysconfig's Py_GIL_DISABLED is 1 (PEP 703), else 0 or None."""
    try:
        import sysconfig

        return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    except Exception:
        return False


def gil_enabled():
    """Whether the GIL is on now: 3.13+ says so after PYTHON_GIL, -X gil and any extension module
    that turned it back on; a build without free-threading always has it; otherwise unknown."""
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_gil_enabled is not None:
        return bool(is_gil_enabled())
    return None if free_threaded_build() else True


def describe():
    """What poolscope records about an interpreter (see InterpreterInfo in @poolscope/core)."""
    implementation = getattr(sys, "implementation", None)
    info = sys.version_info
    return {
        "implementation": implementation.name if implementation else platform.python_implementation().lower(),
        "version": sys.version,
        "runtime_version": platform.python_version(),
        "version_info": [info[0], info[1], info[2], info[3], info[4]],
        "executable": sys.executable,
        "free_threaded_build": free_threaded_build(),
        "gil_enabled": gil_enabled(),
    }


if __name__ == "__main__":
    sys.stdout.write(json.dumps(describe()) + "\n")
    sys.stdout.flush()
