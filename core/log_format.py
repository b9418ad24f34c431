"""Log records as one JSON object per line, for the log collector reading standard output."""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else on a record came in through `extra=`.
_RECORD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", None, None)).keys()
) | {"message", "asctime", "taskName"}


class JSONFormatter(logging.Formatter):
    """time, level, logger, message; the request, status, exception and extras where present.

    The client's IP address and the query string are left out: they are personal data or
    may carry tokens, and nothing in operations needs them.
    """

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key in _RECORD_ATTRIBUTES or key.startswith("_"):
                continue
            if key == "request":
                value = _request_info(value)
                if value is None:
                    continue
            entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        try:
            return json.dumps(entry, ensure_ascii=False, default=str)
        except ValueError:  # a circular structure passed in `extra=`
            return json.dumps(
                {key: str(value) for key, value in entry.items()}, ensure_ascii=False
            )


def _request_info(request):
    # Django's request loggers pass the HttpRequest; runserver's pass a socket, left out.
    method = getattr(request, "method", None)
    path = getattr(request, "path", None)
    if method is None or path is None:
        return None
    return {"method": method, "path": path}
