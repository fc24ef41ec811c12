import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compare_site.settings")

from compare_site.head_requests import WithoutBodyForHead  # noqa: E402
from pagecache.page_cache import CachedPagesApp, warm_up  # noqa: E402  (needs the settings)

# Cached pages are answered before Django builds a request; everything else,
# misses included, goes through Django and its PageCacheMiddleware.
application = WithoutBodyForHead(CachedPagesApp(get_wsgi_application()))
warm_up()
