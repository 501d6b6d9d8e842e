"""poolscope's Python harness: runs thread-pool cells exactly as the RCA does and reports over JSON lines.

The runner starts it as `python -B poolscope_harness_main.py` (beside this package), without a shell.
Its modules live in this uniquely named package so that they never shadow, or are shadowed by, a
user's modules of the same names (`tasks`, `protocol`, ...):

  tasks     the tasks the pool maps over (cpu: the Node targets' integer loop; io: time.sleep),
            and the faults tests inject into them
  cell      the RCA's cell, `ThreadPoolExecutor(max_workers=N)` + `executor.map`, and process resources
  ops       the requests: run (one timed repetition), calibrate, profile
  protocol  JSON lines over private streams: the hello, one response per request
  sampler   the call-stack sampler (sys._current_frames()), which works on free-threaded builds
  cprofile  deterministic cProfile, where it is sound
  functions how a profiled function is named for the runner

Standard library only; Python 3.8+.
"""
