"""Reader pages: what a reader looks for on each, redirects, 404s and query counts."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from frameworks.models import Criterion, Framework
from pagecache import fragments

PAGES = [
    "/",
    "/frameworks/",
    "/frameworks/django/",
    "/frameworks/flask/",
    "/compare/",
    "/compare/django-vs-flask/",
    "/compare/django-vs-flask/?diff=1",
    "/compare/?f=django&f=flask&f=fastapi&f=litestar",
    "/criteria/",
    "/criteria/admin/",
    "/criteria/performance/",
    "/use-cases/",
    "/use-cases/personal-blog/",
    "/api/catalogue.json",
    "/sitemap.xml",
    "/robots.txt",
]


def test_django_vs_flask_names_both_and_shows_every_criterion(client, seeded):
    response = client.get("/compare/django-vs-flask/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Django" in html and "Flask</h1>" in html
    for criterion in Criterion.objects.all():
        assert criterion.name in html, criterion.name
    # The better score per row is marked, with text for screen readers.
    assert 'class="best"' in html and "highest" in html
    # A summary computed from the data, and a server-side SVG chart.
    assert "scores highest or ties on" in html
    assert '<svg class="chart chart-wide"' in html
    # The only script is the static colour-mode one: no inline code.
    scripts = re.findall(r"<script[^>]*>", html)
    assert len(scripts) == 1
    assert re.fullmatch(r'<script src="/static/js/theme\.[0-9a-f]+\.js">', scripts[0])


def test_compare_in_the_other_order_redirects_permanently(client, seeded):
    response = client.get("/compare/flask-vs-django/?diff=1")
    assert response.status_code == 301
    assert response["Location"] == "/compare/django-vs-flask/?diff=1"


def test_compare_two_from_the_picker_goes_to_the_canonical_page(client, seeded):
    response = client.get("/compare/", {"f": ["flask", "django"]})
    assert response.status_code == 302
    assert response["Location"] == "/compare/django-vs-flask/"


def test_compare_several(client, seeded):
    response = client.get("/compare/?f=django&f=flask&f=fastapi")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Django", "Flask", "FastAPI"):
        assert f">{name}</a></th>" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("f=django", "at least two"),
        ("f=django&f=django", "at least two"),
        ("f=a&f=b&f=c&f=d&f=e", "at most 4"),
        ("f=django&f=nosuch", "nosuch"),
        ("f=" + "x" * 5000 + "&f=django", "not the name"),
        ("f=django&f=fl%00ask", "not the name"),
    ],
)
def test_bad_compare_requests_get_a_clear_message(client, seeded, query, message):
    response = client.get(f"/compare/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'name="f"' in html  # the picker is there to try again


def test_unpublished_framework_cannot_be_compared(client, seeded):
    Framework.objects.filter(slug="flask").update(is_published=False)
    assert client.get("/compare/django-vs-flask/").status_code == 404
    assert client.get("/frameworks/flask/").status_code == 404
    for path in ("/", "/frameworks/", "/api/catalogue.json", "/sitemap.xml", "/criteria/admin/"):
        assert b"/frameworks/flask/" not in client.get(path).content, path


def test_only_differences_switch_hides_equal_rows(client, seeded):
    full = client.get("/compare/django-vs-flask/").context["rows"]
    diff = client.get("/compare/django-vs-flask/?diff=1").context["rows"]
    assert 0 < len(diff) < len(full)
    assert all(row.differs for row in diff)
    equal = [row.criterion.name for row in full if not row.differs]
    assert "Raw performance" in equal


def test_unknown_framework_404_lists_the_valid_ones(client, seeded):
    for path in ("/frameworks/nosuch/", "/compare/django-vs-nosuch/"):
        response = client.get(path)
        assert response.status_code == 404
        html = response.content.decode()
        assert "nosuch" in html
        assert 'href="/frameworks/django/"' in html and 'href="/frameworks/flask/"' in html


def test_profile_shows_facts_evidence_and_links(client, seeded):
    html = client.get("/frameworks/django/").content.decode()
    assert "Strengths" in html and "Weaknesses" in html
    assert "reviewed" in html and "<time" in html
    assert 'href="/compare/django-vs-flask/"' in html
    assert "Admin interface" in html
    assert "Projects it suits" in html


def test_criterion_page_ranks_every_framework(client, seeded):
    response = client.get("/criteria/admin/")
    names = [s.framework.name for s in response.context["scores"]]
    assert len(names) == Framework.objects.count()
    assert names[0] == "Django"


def test_use_case_links_to_a_prefilled_questionnaire(client, seeded):
    response = client.get("/use-cases/personal-blog/")
    assert response.status_code == 200
    url = response.context["recommend_url"]
    assert url.startswith("/recommend/?") and "project_type=blog" in url
    form_page = client.get(url)
    assert form_page.status_code == 200
    assert re.search(r'value="blog"\s+id="[^"]+"\s+checked', form_page.content.decode())


def test_catalogue_json(client, seeded):
    data = json.loads(client.get("/api/catalogue.json").content)
    assert len(data["frameworks"]) == Framework.objects.published().count()
    assert len(data["criteria"]) == Criterion.objects.count()
    assert len(data["scores"]) == len(data["frameworks"]) * len(data["criteria"])
    assert all(s["source_url"] and s["note"] for s in data["scores"])


def test_sitemap_lists_every_page_and_comparison(client, seeded):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {el.text.replace("http://testserver", "") for el in root.findall("s:url/s:loc", ns)}
    n = Framework.objects.published().count()
    assert "/frameworks/django/" in locs
    assert "/criteria/admin/" in locs
    assert "/use-cases/personal-blog/" in locs
    assert "/compare/django-vs-flask/" in locs
    assert "/compare/flask-vs-django/" not in locs
    assert len([loc for loc in locs if loc.startswith("/compare/")]) == n * (n - 1) // 2


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_its_own_title_and_meta(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/html"):
        html = response.content.decode()
        assert "<title>" in html and '<meta name="description"' in html
        assert '<link rel="canonical"' in html and '<meta property="og:title"' in html


@pytest.mark.parametrize("path", PAGES)
def test_query_count_does_not_grow_with_the_catalogue(seeded, queries_stay_flat, path):
    queries_stay_flat(path, cap=10)


@pytest.mark.parametrize(
    "path",
    [
        "/compare/%00-vs-flask/",
        "/compare/django-vs-fl%0Aask/",
        "/compare/?f=django&f=%00",
        "/compare/?f=%ff%fe&f=django",
        "/compare/django-vs-flask-vs-fastapi/",
        "/compare/-vs-/",
    ],
)
def test_malformed_compare_addresses_never_fail(client, seeded, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert 'href="/frameworks/django/"' in response.content.decode() or 'name="f"' in (
        response.content.decode()
    )


def test_scores_not_reviewed_for_a_year_are_flagged(client, seeded):
    import datetime

    from frameworks.models import Score

    html = client.get("/frameworks/flask/").content.decode()
    assert "review due" not in html
    old = datetime.date.today() - datetime.timedelta(days=400)
    Score.objects.filter(framework__slug="flask", criterion__slug="admin").update(last_reviewed=old)
    # update() bypasses the signals an editor's save would send
    cache.clear()
    fragments.clear()
    html = client.get("/frameworks/flask/").content.decode()
    assert html.count("review due") == 1


def test_catalogue_filters_by_kind(client, seeded):
    response = client.get("/frameworks/?kind=async")
    names = {fw.name for fw in response.context["frameworks"]}
    assert names == set(Framework.objects.filter(kind="async").values_list("name", flat=True))
    assert "Django" not in names and "FastAPI" in names
    html = response.content.decode()
    assert 'href="/frameworks/?kind=async" aria-current="page"' in html
    unknown = client.get("/frameworks/?kind=%00nope")
    assert unknown.status_code == 200
    assert "no such kind" in unknown.content.decode()
    assert len(unknown.context["frameworks"]) == Framework.objects.count()


def test_comparison_url_is_the_one_canonical_address_of_a_pair():
    from frameworks.compare_urls import comparison_url

    assert comparison_url("flask", "django") == "/compare/django-vs-flask/"
    assert comparison_url("django", "flask") == "/compare/django-vs-flask/"


def test_every_comparison_link_on_the_site_is_canonical(client, seeded):
    """Home, profiles, the sitemap and verdicts all link pairs in alphabetical order."""
    pages = ["/", "/frameworks/flask/", "/sitemap.xml", "/recommend/verdict/?project_type=blog"]
    found = set()
    for page in pages:
        body = client.get(page).content.decode()
        found |= set(re.findall(r"/compare/([-a-z0-9_]+)-vs-([-a-z0-9_]+)/", body))
    assert len(found) > 10
    assert all(a < b for a, b in found), sorted(p for p in found if p[0] >= p[1])


def test_the_canonical_redirect_keeps_only_what_the_page_reads(client, seeded):
    junk = "x" * 5000
    response = client.get(f"/compare/flask-vs-django/?utm_source={junk}&diff=1")
    assert response.status_code == 301
    assert response["Location"] == "/compare/django-vs-flask/?diff=1"
    response = client.get(f"/compare/flask-vs-django/?utm_source={junk}")
    assert response["Location"] == "/compare/django-vs-flask/"
