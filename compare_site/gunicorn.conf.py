"""gunicorn settings; every value can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Two workers per core plus one is gunicorn's own rule of thumb for sync workers.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so that a slow leak can never grow unbounded.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
# Verdict permalinks carry every answer in the query string, and a mangled one
# must reach Django, which answers with the form and a clear message rather than
# gunicorn's bare "Request Line is too large". 0 lifts gunicorn's 4 KB cap; header
# fields and their number stay capped by gunicorn's defaults.
limit_request_line = int(os.environ.get("GUNICORN_LIMIT_REQUEST_LINE", "0"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
preload_app = True
# gunicorn's runtime control socket sits at one fixed path per user, so two
# servers on one machine (tests, benchmarks, `make run`) would contend for it;
# nothing here uses it.
control_socket_disable = True
wsgi_app = "compare_site.wsgi:application"
