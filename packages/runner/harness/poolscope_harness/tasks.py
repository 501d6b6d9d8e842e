"""The tasks the pool maps over: the same loop as the Node target ((total + Math.imul(i, i)) >>> 0)."""
import marshal
import os
import sys
import threading
import time


def make_task(task_type, task_work):
    """The task the pool maps over range(num_tasks); the index itself is unused, as in the RCA."""
    work = int(task_work)
    if task_type == "cpu":
        def cpu_task(_index):
            total = 0
            for i in range(work):
                total = (total + i * i) & 0xFFFFFFFF
            return total
        return cpu_task
    if task_type == "io":
        seconds = work / 1e6

        def io_task(_index):
            time.sleep(seconds)
        return io_task
    raise ValueError("task_type must be 'cpu' or 'io', got %r" % (task_type,))


# On free-threaded CPython 3.13 only code unmarshalled (from a .pyc) or compiled as the main program
# has its constants interned and immortal (gh-118527). The harness runs with -B from .py files, so
# this module is compiled from source, and every iteration of the cpu loop would count references to
# a mortal 0xFFFFFFFF that all the workers share: 2 threads ran 1.3x faster than 1 instead of the
# 1.8x the harness measured when it was one script (40 cpu tasks of 4 ms, 3.13.5t, 2 cores). Passing
# the tasks' code through marshal gives them the constants they had then.
make_task.__code__ = marshal.loads(marshal.dumps(make_task.__code__))


def inject_fault(task, fault):
    """Wraps a task so that task number fault['task'] misbehaves: for tests of the error paths.
    The kinds are the Node targets' (throw, hang, crash: the process dies), and print."""
    kind = fault.get("kind")
    at = int(fault.get("task", 0))
    if kind not in ("throw", "crash", "hang", "print"):
        raise ValueError("fault.kind must be one of throw, crash, hang, print; got %r" % (kind,))

    def faulty_task(index):
        if index == at:
            if kind == "throw":
                raise RuntimeError("injected fault in task %d" % index)
            if kind == "crash":
                os._exit(int(fault.get("code", 70)))
            if kind == "hang":
                threading.Event().wait()
            if kind == "print":
                print("task %d prints to stdout" % index)
                sys.stdout.flush()
                os.write(1, b"task writes to fd 1\n")
        return task(index)
    return faulty_task
