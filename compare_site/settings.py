"""One settings module for every environment, configured from the environment.

See the README's configuration table for every variable read here.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from compare_site.private_files import private_file

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # Refusing to start beats running with a guessable key; `make run` generates
    # one into var/secret_key on its first run and passes it in.
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Export SECRET_KEY, or start the site with `make run`, "
        "which generates one into var/secret_key."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "bootstrap",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "simple_history",
    "axes",
    "frameworks",
    "releases",
    "recommender",
    "changelog",
    # Before editorial, whose post_migrate gives the Editors group these permissions.
    "corrections",
    "editorial",
    "codesamples",
    "pagecache",
]

# Apps whose rows are content: saving or deleting any of them moves the content
# version on, so that no cached page shows the old rows (pagecache.signals).
# releases: a sync writes snapshots; codesamples: an import changes what pages show.
CONTENT_APPS = ["frameworks", "releases", "recommender", "editorial", "codesamples"]

MIDDLEWARE = [
    # First, so that a cached page is answered before anything else runs; it
    # stores and replays the headers that the middleware below adds.
    "pagecache.page_cache.PageCacheMiddleware",
    "compare_site.headers.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "compare_site.static_files.StaticFilesMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records which editor made each change in the content history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username and address never reach the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "compare_site.urls"
WSGI_APPLICATION = "compare_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "compare_site.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Created private before SQLite opens it: its journal files copy its mode.
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        private_file(Path(DATABASES["default"]["NAME"]))
    # WAL lets gunicorn workers read while an editor writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, for the test database: the browser tests' live server
    # then opens its own connections instead of borrowing the test thread's.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

REDIS_URL = os.environ.get("REDIS_URL", "")
# A day; pages of an old content version are never looked up again and age out.
CACHE_TIMEOUT = 60 * 60 * 24
if REDIS_URL:
    # A cache failure is a miss (pagecache.backends): short timeouts, so that a
    # frozen Redis costs a fraction of a second, then REDIS_RETRY_AFTER seconds
    # without asking it at all.
    CACHES = {
        "default": {
            "BACKEND": "pagecache.backends.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "compare"),
            "TIMEOUT": CACHE_TIMEOUT,
            "RETRY_AFTER": float(os.environ.get("REDIS_RETRY_AFTER", "3")),
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.25")),
            },
        }
    }
else:
    # diskcache, shared by every worker of one host; least recently used pages go
    # first when it is full (pagecache.backends.EmbeddedCache says how), and the
    # content version is not in it (pagecache.content_version), so eviction can
    # never serve a stale page.
    CACHES = {
        "default": {
            "BACKEND": "pagecache.backends.EmbeddedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "TIMEOUT": CACHE_TIMEOUT,
            "OPTIONS": {
                "size_limit": int(os.environ.get("CACHE_SIZE_LIMIT", str(512 * 2**20))),
                "eviction_policy": "least-recently-stored",
                # Pages inside the index rather than one file each: a read is
                # then one SQLite lookup, a third faster than opening a file.
                "disk_min_file_size": 2**20,
            },
        }
    }
# A page is stored the second time a worker renders it (pagecache.page_cache.
# SecondRequestAdmission): each worker remembers this many pages rendered once.
PAGE_CACHE_SEEN_KEYS = int(os.environ.get("PAGE_CACHE_SEEN_KEYS", "20000"))
# How long the shared cache's copy of the content version lives: the most a page
# can be stale after an edit whose publication the cache missed.
CONTENT_VERSION_TTL = float(os.environ.get("CONTENT_VERSION_TTL", "2"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
# English only. Off, Django's number and date formatting skips the per-call
# language lookup, which was a tenth of rendering a page with many figures;
# every page renders byte for byte the same either way.
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Only the hashed names get the far-future immutable header (whitenoise's default test).
WHITENOISE_MAX_AGE = 60 * 60

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security headers. The site has no inline script or style, so the policy can be strict.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

HTTPS_ONLY = env_bool("HTTPS_ONLY")
if HTTPS_ONLY:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Load balancers probe health over plain HTTP and do not follow redirects.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# The admin's address; moving it off /admin/ keeps it out of most scanners' lists.
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin").strip("/") + "/"

# Sign-in lockout (django-axes): five failures for one username from one address
# lock that pair out for 15 minutes, and twenty from one address, whatever the
# usernames, lock the address; a successful sign-in clears the count.
AXES_FAILURE_LIMIT = 5
ADDRESS_FAILURE_LIMIT = 20
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "editorial.signin.AddressThrottlingHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "editorial/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "editorial.signin.client_ip"
AXES_USERNAME_CALLABLE = "editorial.signin.username"
# How many proxies in front of the site append to X-Forwarded-For; 0 trusts none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# A score not reviewed for this long is "due for review" on the site and in the admin.
REVIEW_MAX_AGE_DAYS = int(os.environ.get("REVIEW_MAX_AGE_DAYS", "365"))

# Release facts synced from the Python Package Index (`manage.py sync_releases`).
# Empty means the client library's own default index; set it to a mirror's JSON API base.
PACKAGE_INDEX_URL = os.environ.get("PACKAGE_INDEX_URL", "").strip()
# Seconds to wait for one answer from the index.
PACKAGE_INDEX_TIMEOUT = float(os.environ.get("PACKAGE_INDEX_TIMEOUT", "10"))
# Pages say so when their release facts were last synced longer ago than this.
RELEASES_STALE_AFTER_DAYS = int(os.environ.get("RELEASES_STALE_AFTER_DAYS", "14"))

SITE_NAME = "Framework Compass"
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "compare_site.log_filters.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {"class": "logging.StreamHandler", "filters": ["without_traceback"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # A Host header the site does not serve: one line, not a traceback.
        "django.security.DisallowedHost": {"handlers": ["one_line"], "propagate": False},
    },
}

# An editor who signs in from a link elsewhere (or an off-site `next`) lands here.
LOGIN_REDIRECT_URL = "admin:index"
