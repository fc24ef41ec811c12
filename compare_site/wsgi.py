import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")

from compare_site.head_requests import WithoutBodyForHead  # noqa: E402
from pagecache.page_cache import CachedPagesApp, warm_up  # noqa: E402  (needs the settings)

# Cached pages are answered before Django builds a request; everything else,
# misses included, goes through Django and its PageCacheMiddleware.
application = WithoutBodyForHead(CachedPagesApp(get_wsgi_application()))
warm_up()

# Everything loaded so far (Django, the URL resolver, the compiled templates)
# lives as long as the process: out of the garbage collector's sight, each
# collection in a worker has less to walk, and forked workers keep sharing
# those pages of memory with the master instead of copying them when the
# collector touches them.
gc.freeze()
