"""The embedded cache used when no REDIS_URL is set."""

import pickle

from django.core.cache.backends.filebased import FileBasedCache


class UncompressedFileCache(FileBasedCache):
    """Django's file cache, shared by every worker of a host, without zlib.

    The stock backend compresses every value; for whole pages that decompression
    was the largest single cost of serving a cached page. Pages for clients that
    accept Brotli are stored compressed already, and disk space is cheap.
    """

    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as f:
                if not self._is_expired(f):
                    return pickle.load(f)
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            # A file being replaced or truncated reads as a miss, never as an error.
            pass
        return default

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=None, version=None):
        value = self.get(key, version=version)
        if value is None:
            return False
        self.set(key, value, timeout if timeout is not None else self.default_timeout, version)
        return True
