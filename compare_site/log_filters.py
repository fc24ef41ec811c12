"""Logging filters named in settings.LOGGING."""

import logging


class WithoutTraceback(logging.Filter):
    """Keep the message, drop the traceback.

    Django logs every request with a Host header it does not serve at ERROR,
    with the exception attached. Scanners send thousands; one line each says
    all there is to say.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
