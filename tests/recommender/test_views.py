"""The questionnaire, the verdict page and its JSON and Markdown twins."""

import html as html_lib
import json
import re
from urllib.parse import urlencode

import markdown
import pytest

from frameworks.models import Framework
from recommender.loading import load_catalogue_from_db
from recommender.models import Choice, ChoiceEffect, Question
from tests.recommender.seeded_examples import first_answers

BANKING = "project_type=banking&security=high"


def test_questionnaire_has_every_question_with_no_preference_selected(client, seeded):
    response = client.get("/recommend/")
    assert response.status_code == 200
    html = response.content.decode()
    for question in Question.objects.all():
        assert question.text in html
        if question.multiple:  # check boxes, none ticked
            assert f'name="{question.slug}"' in html
            assert not re.search(
                rf'name="{question.slug}" value="[^"]*"\s+id="[^"]+"\s+checked', html
            )
        else:
            assert re.search(rf'name="{question.slug}" value=""\s+id="[^"]+"\s+checked', html)
    assert 'action="/recommend/verdict/"' in html and 'method="get"' in html


def test_questionnaire_is_prefilled_from_the_query_string(client, seeded):
    html = client.get("/recommend/?project_type=cms&admin_needed=yes").content.decode()
    assert re.search(r'value="cms"\s+id="[^"]+"\s+checked', html)
    assert re.search(r'name="admin_needed" value="yes"\s+id="[^"]+"\s+checked', html)


def test_verdict_page_explains_itself(client, seeded):
    response = client.get(f"/recommend/verdict/?{BANKING}&utm_source=newsletter")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="verdict-heading">Django</h1>' in html
    assert "fits best, carried by" in html
    assert "Ranking" in html and "Why" in html
    assert "Excluded" in html and "below the minimum of 3" in html
    assert "What would change this" in html
    assert "Permalink" in html and "project_type=banking" in html
    assert 'href="/compare/django-vs-' in html or 'vs-django/"' in html
    assert "/recommend/verdict.json?" in html and "/recommend/verdict.md?" in html
    assert "Change my answers" in html


def test_verdict_with_no_answers_says_so(client, seeded):
    response = client.get("/recommend/verdict/")
    assert response.status_code == 200
    assert "You gave no preferences" in response.content.decode()


def test_verdict_json(client, seeded):
    response = client.get(f"/recommend/verdict.json?{BANKING}")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["winner"] == "django"
    assert data["answers"] == {"project_type": "banking", "security": "high"}
    first = data["ranking"][0]
    assert set(first) >= {"framework", "score", "excluded", "reasons"}
    assert first["framework"] == "django" and not first["excluded"]
    excluded = [r for r in data["ranking"] if r["excluded"]]
    assert excluded and all(r["reasons"] for r in excluded)
    # Fewer unmet needs first, then the higher score.
    order = [(len(r["unmet_needs"]), -r["score"]) for r in data["ranking"] if not r["excluded"]]
    assert order == sorted(order)


def test_verdict_markdown_is_a_decision_record(client, seeded):
    response = client.get(f"/recommend/verdict.md?{BANKING}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    text = response.content.decode()
    for heading in ("## Context", "## Options considered", "## Decision", "## Consequences"):
        assert heading in text
    assert "We choose **Django**" in text
    assert "A banking or payments application" in text


@pytest.mark.parametrize(
    "query, message",
    [
        ("project_type=spaceship", "is not a choice"),
        ("project_type=blog&project_type=cms", "answered 2 times"),
        ("project_type=" + "b" * 10_000, "10,000 characters"),
        ("project_type=blog%00", "cannot be read"),
        ("project_type=%ff%fe", "cannot be read"),
        ("timeline=%1b%5b31m", "cannot be read"),
    ],
)
def test_bad_answers_get_the_form_back_with_a_message(client, seeded, query, message):
    response = client.get(f"/recommend/verdict/?{query}&security=high")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="questionnaire"' in html
    # Nothing else is lost: the valid answer is still selected.
    assert re.search(r'name="security" value="high"\s+id="[^"]+"\s+checked', html)

    api = client.get(f"/recommend/verdict.json?{query}")
    assert api.status_code == 400
    assert api["Content-Type"] == "application/json"
    assert (
        message
        in json.loads(api.content)["errors"]["project_type" if "project" in query else "timeline"]
    )

    md = client.get(f"/recommend/verdict.md?{query}")
    assert md.status_code == 400


def test_too_many_parameters_are_refused_politely(client, seeded):
    query = "&".join(f"x{i}=1" for i in range(1200))
    assert client.get(f"/recommend/verdict/?{query}").status_code == 400
    response = client.get(f"/recommend/verdict.json?{query}")
    assert response.status_code == 400
    assert "too many parameters" in json.loads(response.content)["errors"]["__all__"]


def test_changing_an_effect_in_the_database_changes_the_verdict(
    client, seeded, django_capture_on_commit_callbacks
):
    assert (
        json.loads(client.get("/recommend/verdict.json?project_type=blog").content)["winner"]
        == "flask"
    )
    # An editor decides that blogs need an admin above all, as a hard requirement.
    effect = ChoiceEffect.objects.get(choice__slug="blog", criterion__slug="admin")
    effect.weight_change = 8
    effect.min_score = 4
    with django_capture_on_commit_callbacks(execute=True):
        effect.save()
    data = json.loads(client.get("/recommend/verdict.json?project_type=blog").content)
    assert data["winner"] == "django"
    flask = next(r for r in data["ranking"] if r["framework"] == "flask")
    assert flask["excluded"]


@pytest.mark.parametrize(
    "path",
    [
        "/recommend/",
        "/recommend/verdict/",
        f"/recommend/verdict/?{BANKING}",
        f"/recommend/verdict.json?{BANKING}",
        f"/recommend/verdict.md?{BANKING}",
    ],
)
def test_verdict_queries_are_capped_and_do_not_grow(seeded, queries_stay_flat, path):
    queries_stay_flat(path, cap=8)


def _whole_numbers_would_tie(verdict):
    # A close call, not an exact tie, whose two scores round to the same whole number.
    return (
        verdict.close_call
        and verdict.winner.total != verdict.runner_up.total
        and round(verdict.winner.score) == round(verdict.runner_up.score)
    )


def test_a_close_call_is_called_one_and_never_looks_like_a_tie(client, seeded):
    # Answers whose winner and runner-up round to the same whole number.
    query = urlencode(first_answers(load_catalogue_from_db(), _whole_numbers_would_tie))
    data = json.loads(client.get(f"/recommend/verdict.json?{query}").content)
    assert data["close_call"] and data["margin"] < 3
    winner, runner_up = data["ranking"][0], data["ranking"][1]
    html = client.get(f"/recommend/verdict/?{query}").content.decode()
    assert "Close call:" in html
    # The numbers shown differ (decimals appear only when whole numbers would tie).
    shown = re.search(r"scores ([\d.]+) out of 100 against ([\d.]+)", html)
    assert shown and shown.group(1) != shown.group(2)
    assert abs(float(shown.group(1)) - winner["score"]) <= 0.5
    assert abs(float(shown.group(2)) - runner_up["score"]) <= 0.5


def test_permalinks_use_the_public_address_when_one_is_set(client, seeded, settings):
    settings.SITE_URL = "https://compass.example.org"
    # Answers in a canonical (alphabetical) order, whatever order the address gave.
    query = "project_size=small&project_type=blog"
    # The permalink pins the moment the verdict was computed (as_of, UTC to the second).
    expected = re.compile(
        rf"https://compass\.example\.org/recommend/verdict/\?{query}"
        r"&as_of=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"
    )
    page = client.get(f"/recommend/verdict/?{query}").content.decode()
    assert expected.search(page.replace("&amp;", "&"))
    assert expected.fullmatch(client.get(f"/recommend/verdict.json?{query}").json()["permalink"])
    assert expected.search(client.get(f"/recommend/verdict.md?{query}").content.decode())


def test_must_haves_is_a_repeated_parameter_shown_ticked_and_kept_in_links(client, seeded):
    query = "must_haves=openapi&must_haves=websockets&must_haves=openapi"
    data = client.get(f"/recommend/verdict.json?{query}").json()
    # Each once, in the questionnaire's order.
    assert data["answers"] == {"must_haves": ["websockets", "openapi"]}
    form = client.get(f"/recommend/?{query}").content.decode()
    for slug in ("websockets", "openapi"):
        assert re.search(rf'name="must_haves" value="{slug}"[^>]*checked', form)
    assert not re.search(r'name="must_haves" value="admin"[^>]*checked', form)
    page = client.get(f"/recommend/verdict/?{query}").content.decode()
    assert "WebSockets, Generated OpenAPI documentation" in page
    md = client.get(f"/recommend/verdict.md?{query}").content.decode()
    assert "WebSockets, Generated OpenAPI documentation" in md


HOSTILE = 'Bottle"><script>alert(1)</script> *big* | [x](javascript:y)'


def test_decision_record_shows_hostile_names_as_text_not_markup(client, seeded):
    """A name or label full of markup reads as itself once the record is rendered."""
    Framework.objects.filter(slug="bottle").update(name=HOSTILE)
    Choice.objects.filter(question__slug="project_type", slug="blog").update(label=HOSTILE)
    text = client.get("/recommend/verdict.md?project_type=blog").content.decode()
    rendered = markdown.markdown(text, extensions=["tables"])
    assert "<script" not in rendered and "<em>big</em>" not in rendered
    assert not any(h.startswith("javascript:") for h in re.findall(r'href="([^"]*)"', rendered))
    # The options table keeps its five columns on every row, the hostile one included.
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, re.S)
    assert rows and all(r.count("<td") in (0, 5) for r in rows)
    visible = html_lib.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert HOSTILE in visible


JUNK = "x" * 8000


@pytest.mark.parametrize(
    "path", ["/recommend/verdict/", "/recommend/verdict.json", "/recommend/verdict.md"]
)
def test_verdict_links_carry_the_answers_only_never_a_junk_query_string(client, seeded, path):
    """An 8 KB parameter that is no question is ignored, and not copied into the page."""
    response = client.get(f"{path}?utm_source={JUNK}&project_type=blog&timeline=days")
    assert response.status_code == 200
    body = response.content.decode()
    assert "xxxxxxxxxx" not in body and "utm_source" not in body
    assert "/recommend/verdict/?project_type=blog&amp;timeline=days" in body or (
        "/recommend/verdict/?project_type=blog&timeline=days" in body
    )
    # No bigger than the same page without the junk (give or take the computed time).
    plain = client.get(f"{path}?project_type=blog&timeline=days").content
    assert abs(len(response.content) - len(plain)) < 200
