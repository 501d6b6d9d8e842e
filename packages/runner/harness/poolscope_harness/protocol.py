"""The harness's side of the JSON-lines protocol (protocol 1) with the runner.

One JSON object per line; the protocol's streams carry the protocol and nothing else:
  - on start the harness writes a hello: {"type": "hello", "protocol": 1, "pid", "implementation",
    "version", "runtime_version", "version_info", "executable", "free_threaded_build", "gil_enabled"};
  - then, for each request line {"id", "op", ...} it writes exactly one response {"id", "status", ...}
    with status "ok" or "error" (a task that raises is an "error" response, never a dead harness);
  - it stays alive across cells and exits on {"op": "exit"} or at the end of its input.
"""
import json
import os
import signal
import traceback

from poolscope_probe import describe

PROTOCOL = 1


class TaskFailed(Exception):
    """A cell failed because of its tasks; carries how long it ran."""

    def __init__(self, cause, wall_ns):
        Exception.__init__(self, str(cause))
        self.cause = cause
        self.wall_ns = wall_ns


def error_response(error, wall_ns=None):
    response = {
        "status": "error",
        "error": "%s: %s" % (type(error).__name__, error),
        "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__))[-4000:],
    }
    if wall_ns is not None:
        response["wall_ns"] = wall_ns
    return response


def handle(request, ops):
    """The response to one request: what its op returns, or an error response when its tasks failed."""
    op = request.get("op")
    handler = ops.get(op)
    if handler is None:
        raise ValueError("unknown op %r; known: %s, exit" % (op, ", ".join(sorted(ops))))
    try:
        return handler(request)
    except TaskFailed as failed:
        return error_response(failed.cause, failed.wall_ns)


def serve(ops, protocol_in, protocol_out):
    """Says hello, then answers every request line read from protocol_in (bytes) on protocol_out (text)."""

    def send(message):
        protocol_out.write(json.dumps(message, separators=(",", ":")) + "\n")
        protocol_out.flush()

    hello = {"type": "hello", "protocol": PROTOCOL, "pid": os.getpid()}
    hello.update(describe())
    send(hello)

    for raw in protocol_in:
        line = raw.strip()
        if not line:
            continue
        request_id = None
        try:
            request = json.loads(line.decode("utf-8"))
            if not isinstance(request, dict):
                raise ValueError("a request must be a JSON object")
            request_id = request.get("id")
            if request.get("op") == "exit":
                send({"id": request_id, "status": "ok"})
                return
            response = handle(request, ops)
        except Exception as error:
            response = error_response(error)
        response["id"] = request_id
        send(response)


def serve_process(ops):
    """Serves the runner on this process's stdin and stdout, kept private to the protocol."""
    # Keep the protocol streams private: fd 1 becomes stderr and fd 0 /dev/null, so a task that prints
    # (or reads) cannot corrupt the conversation.
    protocol_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    protocol_in = os.fdopen(os.dup(0), "rb")
    os.dup2(2, 1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    # The runner decides when this process ends (Ctrl-C reaches the whole process group).
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    serve(ops, protocol_in, protocol_out)
