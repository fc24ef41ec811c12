import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from frameworks.models import Criterion, Framework, Score
from pagecache import fragments
from pagecache.page_cache import ADMISSION
from releases.models import ReleaseSnapshot


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep tests away from the cache of a site that `make run` may be serving."""
    location = tmp_path_factory.mktemp("cache")
    backend = "pagecache.backends.EmbeddedCache"
    # A fast hasher: tests sign in many times, and the real one is slow on purpose.
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    caches = {"default": {"BACKEND": backend, "LOCATION": str(location)}}
    # Every reused page fragment is rendered again and compared (pagecache.fragments).
    with override_settings(CACHES=caches, PASSWORD_HASHERS=fast, FRAGMENTS_VERIFY=True):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Seed the test database once; every test then runs inside a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)
        call_command("import_samples", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The page cache and the content version live in the cache, and the page
    # fragments and the pages rendered once in this process: start every test empty.
    cache.clear()
    fragments.clear()
    ADMISSION.clear()
    yield
    cache.clear()
    fragments.clear()
    ADMISSION.clear()


@pytest.fixture
def seeded(db):
    return db


@pytest.fixture
def many_frameworks(db):
    """Make the catalogue 50 published frameworks, each scored on every criterion."""

    def grow(total: int = 50) -> None:
        criteria = list(Criterion.objects.all())
        existing = Framework.objects.count()
        new = Framework.objects.bulk_create(
            Framework(
                name=f"Extra {i:02d}",
                slug=f"extra-{i:02d}",
                kind=Framework.Kind.MICRO,
                tagline=f"Synthetic framework number {i} for size tests.",
                description="A framework made up for tests.",
            )
            for i in range(total - existing)
        )
        Score.objects.bulk_create(
            Score(
                framework=fw,
                criterion=c,
                value=(i + j) % 6,
                note="Synthetic score.",
                source_url="https://example.com/docs",
                last_reviewed=datetime.date(2026, 1, 1),
            )
            for i, fw in enumerate(new)
            for j, c in enumerate(criteria)
        )
        # Synced release facts too, so that pages showing them are measured with them.
        ReleaseSnapshot.objects.bulk_create(
            ReleaseSnapshot(
                framework=fw,
                synced_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                package=fw.name,
                latest_version="1.0",
                maintenance_status="active",
                releases_per_quarter=[["2026 Q1", 1]],
            )
            for fw in new
        )
        # bulk_create sends no signals: drop what an editor's save would make stale.
        cache.clear()
        fragments.clear()

    return grow


@pytest.fixture
def queries_stay_flat(client, many_frameworks, django_assert_max_num_queries):
    """Check a page runs at most `cap` queries, and as many with 50 frameworks as with 10."""

    def check(path: str, cap: int) -> None:
        with CaptureQueriesContext(connection) as small:
            assert client.get(path).status_code == 200
        many_frameworks(50)
        with django_assert_max_num_queries(cap), CaptureQueriesContext(connection) as large:
            assert client.get(path).status_code == 200
        assert len(large) == len(small), path

    return check


@pytest.fixture
def admin_client_logged(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw-editor-1")
    client.force_login(user)
    return client


def edit_token(obj) -> str:
    """The hidden token the admin change form carries, as a browser would send it back."""
    from django.contrib import admin

    from editorial.conflicts import current_token

    return current_token(admin.site._registry[type(obj)].watched_histories(), obj.pk)
