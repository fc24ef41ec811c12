"""Pieces of pages and catalogue rows kept per content version in the worker
(pagecache.fragments, frameworks.snapshot): reused by the next miss, never
shown after an edit, and never reused for a context their name leaves out."""

import diskcache.core
import pytest
from django.db import DatabaseError, connection
from django.template import Context, Template
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from frameworks.models import Score
from pagecache import content_version, fragments

PIECE = Template(
    '{% load fragments %}{% fragment "greeting" who %}Hello {{ who }}, {{ extra }}{% endfragment %}'
)


def render(**context) -> str:
    return PIECE.render(Context(context))


@override_settings(FRAGMENTS_VERIFY=False)
def test_a_piece_is_rendered_once_and_reused_under_its_name(seeded):
    assert render(who="Ada", extra="first") == "Hello Ada, first"
    # The same name: the stored piece, even though `extra` (left out of the name) moved.
    assert render(who="Ada", extra="second") == "Hello Ada, first"
    assert render(who="Grace", extra="second") == "Hello Grace, second"


def test_the_tests_catch_a_piece_whose_name_misses_what_it_reads(seeded):
    render(who="Ada", extra="first")
    with pytest.raises(fragments.FragmentMismatch, match="greeting"):
        render(who="Ada", extra="second")


@override_settings(FRAGMENTS_VERIFY=False)
def test_an_edit_drops_every_piece(seeded, django_capture_on_commit_callbacks):
    render(who="Ada", extra="before")
    with django_capture_on_commit_callbacks(execute=True):
        content_version.bump()
    assert render(who="Ada", extra="after") == "Hello Ada, after"


@override_settings(FRAGMENTS_VERIFY=False)
def test_without_a_content_version_pieces_are_rendered_and_never_kept(seeded, monkeypatch):
    """An outage's error pages still render their header and footer."""

    def unreadable():
        raise DatabaseError("no database")

    monkeypatch.setattr(content_version, "current", unreadable)
    assert render(who="Ada", extra="first") == "Hello Ada, first"
    assert render(who="Ada", extra="second") == "Hello Ada, second"


def test_an_editors_save_shows_on_every_comparison_that_shows_the_score(
    client, seeded, django_capture_on_commit_callbacks
):
    pages = ["/compare/django-vs-flask/", "/compare/?f=flask&f=fastapi&f=django"]
    for page in pages:
        assert "Shown after the edit" not in client.get(page).content.decode()
    score = Score.objects.get(framework__slug="flask", criterion__slug="admin")
    score.note = "Shown after the edit."
    with django_capture_on_commit_callbacks(execute=True):
        score.save()
    for page in pages + ["/frameworks/flask/"]:
        assert "Shown after the edit." in client.get(page).content.decode(), page


def test_a_new_comparison_reads_only_the_rows_not_read_before(client, seeded):
    assert client.get("/compare/?f=django&f=flask&f=fastapi").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        # Another page, so a miss in the page cache: its rows come from the worker's copy.
        assert client.get("/compare/?f=fastapi&f=django&f=flask").status_code == 200
    assert len(queries) == 0, [q["sql"] for q in queries]
    with CaptureQueriesContext(connection) as queries:
        # Two frameworks not shown yet: their code samples, in one query.
        assert client.get("/compare/?f=flask&f=starlette&f=django&f=bottle").status_code == 200
    assert [q["sql"].split(" FROM ")[1].split()[0] for q in queries] == ['"codesamples_codesample"']


def test_misses_do_not_reopen_the_embedded_cache(client, seeded, monkeypatch):
    client.get("/compare/?f=django&f=flask&f=fastapi")
    opened = []
    real_connect = diskcache.core.sqlite3.connect
    monkeypatch.setattr(
        diskcache.core.sqlite3, "connect", lambda *a, **k: opened.append(a) or real_connect(*a, **k)
    )
    for path in ["/compare/?f=flask&f=bottle&f=django", "/frameworks/falcon/", "/criteria/"]:
        assert client.get(path).status_code == 200
    assert opened == []


def test_the_master_compiles_every_template_before_workers_fork():
    """gunicorn preloads the app: what warm_up() does there, no new worker redoes."""
    from django.template import engines

    from pagecache.page_cache import warm_up

    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    warm_up()
    compiled = set(loader.get_template_cache)
    for name in ("base.html", "frameworks/compare.html", "includes/_code_samples.html"):
        assert name in compiled


@pytest.mark.parametrize("page, kept", [("1", True), ("not-a-number", False), ("9" * 40, False)])
def test_history_pages_keep_page_numbers_and_never_junk(client, seeded, page, kept):
    """A junk ``page`` value (shown as the first or last page) is rendered each time:
    otherwise every distinct one would take a place in the store."""
    assert client.get(f"/changes/?page={page}").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        # The page cache stores a page on its second render, so this one renders too.
        assert client.get(f"/changes/?page={page}").status_code == 200
    assert (len(queries) == 0) is kept, [q["sql"] for q in queries]
