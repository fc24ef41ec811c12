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
# Real permalinks are under 1 KB; an unbounded line let one 8 MB request hold a
# worker for seconds. 8 KB (gunicorn's maximum) still lets a mangled permalink
# reach Django, which answers with the form and a clear message.
limit_request_line = int(os.environ.get("GUNICORN_LIMIT_REQUEST_LINE", "8190"))
# Never take SCRIPT_NAME, PATH_INFO or any other underscore header from a client,
# even one on a trusted address: a SCRIPT_NAME header rewrote every link of the
# page and its place in the page cache. No proxy in front of the site sets them.
forwarder_headers = ""
header_map = "drop"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
preload_app = True
# gunicorn's runtime control socket sits at one fixed path per user, so two
# servers on one machine (tests, benchmarks, `make run`) would contend for it;
# nothing here uses it.
control_socket_disable = True
wsgi_app = "compare_site.wsgi:application"
