"""The Python side of figure 3: the RCA's cell in a plain timing script, no poolscope.

    with ThreadPoolExecutor(max_workers=num_threads) as executor:
        list(executor.map(task, range(num_tasks)))

timed with time.perf_counter_ns, `warmup` unrecorded times, then `repeats` times. The tasks are the
RCA's: a cpu loop (the sum of squares modulo 2**32, as poolscope's harness runs) or time.sleep.
Prints {"walls": {"THREADS": [wall_ns, ...]}, "failed": 0}.
Usage: python plain_rca.py TASK_TYPE TASK_WORK NUM_TASKS NUM_THREADS REPEATS WARMUP
"""
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

task_type, task_work, num_tasks, num_threads, repeats, warmup = sys.argv[1], *map(int, sys.argv[2:7])

if task_type == "cpu":
    def task(_index):
        total = 0
        for i in range(task_work):
            total = (total + i * i) & 0xFFFFFFFF
        return total
else:
    seconds = task_work / 1e6

    def task(_index):
        time.sleep(seconds)

walls = []
for repetition in range(warmup + repeats):
    t0 = time.perf_counter_ns()
    with ThreadPoolExecutor(max_workers=num_threads) as executor:
        list(executor.map(task, range(num_tasks)))
    t1 = time.perf_counter_ns()
    if repetition >= warmup:
        walls.append(t1 - t0)
print(json.dumps({"walls": {str(num_threads): walls}, "failed": 0}))
