"""How a profiled function is named for the runner: `name (file:line)`, files as short as they can be."""
import os
import sysconfig

_STDLIB = os.path.normcase(sysconfig.get_paths()["stdlib"]) + os.sep
# The folder that holds this package and the entry script: the harness's files are named from there
# (poolscope_harness/tasks.py).
_HARNESS_DIR = os.path.normcase(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))) + os.sep


def short_file(path):
    """Standard-library files relative to the library (concurrent/futures/_base.py), so that the same
    function has the same name on every interpreter; the harness's own files relative to its folder."""
    normal = os.path.normcase(path)
    if normal.startswith(_STDLIB):
        return path[len(_STDLIB):]
    if normal.startswith(_HARNESS_DIR):
        return path[len(_HARNESS_DIR):]
    return path


def describe_key(key):
    """A sampled function as the runner receives it: a code object, or a C callee named at its call
    site as ("builtin", name, caller code, line)."""
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
