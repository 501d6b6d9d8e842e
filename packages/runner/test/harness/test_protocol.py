"""The protocol: a hello, then one response per request line, errors as responses, exit on request."""
import io
import json
import os
import unittest

import harness_path  # noqa: F401  (the harness package first on sys.path)
from poolscope_harness.protocol import PROTOCOL, TaskFailed, error_response, handle, serve


def fails_its_tasks(_request):
    raise TaskFailed(RuntimeError("a task raised"), 1234)


OPS = {
    "echo": lambda request: {"status": "ok", "got": request.get("x")},
    "boom": lambda request: 1 / 0,
    "cell": fails_its_tasks,
}


def conversation(*lines):
    """The messages serve() writes for the request lines given (bytes, as read from the pipe)."""
    out = io.StringIO()
    serve(OPS, io.BytesIO(b"".join(line + b"\n" for line in lines)), out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


class Serve(unittest.TestCase):
    def test_opens_with_a_hello_that_describes_the_interpreter(self):
        hello = conversation()[0]
        self.assertEqual(hello["type"], "hello")
        self.assertEqual(hello["protocol"], PROTOCOL)
        self.assertEqual(hello["pid"], os.getpid())
        for key in ("implementation", "version", "runtime_version", "version_info", "executable", "free_threaded_build", "gil_enabled"):
            self.assertIn(key, hello)

    def test_answers_each_request_with_its_id(self):
        messages = conversation(b'{"id": 1, "op": "echo", "x": 5}', b"", b'{"id": 2, "op": "echo", "x": "y"}')
        self.assertEqual(messages[1:], [{"status": "ok", "got": 5, "id": 1}, {"status": "ok", "got": "y", "id": 2}])

    def test_turns_failures_into_error_responses_and_goes_on(self):
        messages = conversation(b'{"id": 1, "op": "boom"}', b"not json", b"[1, 2]", b'{"id": 4, "op": "nope"}', b'{"id": 5, "op": "echo"}')
        boom, not_json, not_object, unknown, after = messages[1:]
        self.assertEqual((boom["id"], boom["status"]), (1, "error"))
        self.assertTrue(boom["error"].startswith("ZeroDivisionError: "))
        self.assertIn("ZeroDivisionError", boom["traceback"])
        self.assertEqual((not_json["id"], not_json["status"]), (None, "error"))
        self.assertEqual(not_object["error"], "ValueError: a request must be a JSON object")
        self.assertEqual(unknown["error"], "ValueError: unknown op 'nope'; known: boom, cell, echo, exit")
        self.assertEqual(after, {"status": "ok", "got": None, "id": 5})

    def test_reports_a_cell_whose_tasks_failed_with_how_long_it_ran(self):
        failed = conversation(b'{"id": 7, "op": "cell"}')[1]
        self.assertEqual((failed["id"], failed["status"], failed["wall_ns"]), (7, "error", 1234))
        self.assertEqual(failed["error"], "RuntimeError: a task raised")

    def test_stops_at_exit_and_reads_no_further(self):
        messages = conversation(b'{"id": 1, "op": "exit"}', b'{"id": 2, "op": "echo"}')
        self.assertEqual(messages[1:], [{"id": 1, "status": "ok"}])


class ErrorResponse(unittest.TestCase):
    def test_keeps_the_end_of_a_long_traceback(self):
        try:
            raise ValueError("x" * 10000)
        except ValueError as error:
            response = error_response(error, wall_ns=5)
        self.assertEqual(len(response["traceback"]), 4000)
        self.assertEqual(response["wall_ns"], 5)
        self.assertNotIn("wall_ns", error_response(ValueError("short")))

    def test_handle_names_the_known_ops(self):
        with self.assertRaisesRegex(ValueError, "unknown op None; known: boom, cell, echo, exit"):
            handle({}, OPS)


if __name__ == "__main__":
    unittest.main()
