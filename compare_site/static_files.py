"""WhiteNoise, minus the files that are the build's and not the readers'."""

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware

# The manifest lists every static file and its hash: the installed packages and
# their versions, to anyone who asks. Pages never link to it.
PRIVATE_NAMES = frozenset({"staticfiles.json"})


def _private(url: str) -> bool:
    prefix = settings.STATIC_URL
    return url.startswith(prefix) and url[len(prefix) :] in PRIVATE_NAMES


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    def add_file_to_dictionary(self, url, path, stat_cache=None):
        if not _private(url):
            super().add_file_to_dictionary(url, path, stat_cache=stat_cache)

    def find_file(self, url):
        # With autorefresh (DEBUG), files are looked up per request instead.
        return None if _private(url) else super().find_file(url)
