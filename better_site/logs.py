"""Structured logs with the standard library only: one JSON object per line on stdout.

Every record gives its time (UTC, ISO 8601), level, logger and message; a record with an exception
carries the whole traceback in `exc_info`. Records of django.request (a 500 among them) add the
request's method and path and the status code, never its body or cookies.
"""

import json
import logging
import sys
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        request = getattr(record, "request", None)
        method = getattr(request, "method", None)
        if method is not None:
            entry["method"] = method
            entry["path"] = getattr(request, "path", "")
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class StdoutHandler(logging.StreamHandler):
    """A stream handler on whatever sys.stdout is when a record is written (not when logging was
    configured), so a process that replaces stdout (a test capturing it) gets the lines."""

    def __init__(self):
        super().__init__(stream=sys.stdout)

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, value):
        # StreamHandler sets its stream in __init__ and setStream(); stdout is always read afresh.
        pass
