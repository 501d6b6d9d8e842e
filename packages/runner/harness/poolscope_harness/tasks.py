"""The tasks the pool maps over: the same loop as the Node target ((total + Math.imul(i, i)) >>> 0)."""
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
