"""Needs in the seeded questionnaire: the issue's "Done when" checks, on the seeded catalogue."""

from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommender.loading import load_catalogue_from_db
from recommender.scoring import decide
from tests.recommender.seeded_examples import first_answers

SMALL_BLOG = {
    "project_type": "blog",
    "project_size": "small",
    "criticality": "non_critical",
    "data_layer": "simple",
    "timeline": "days",
    "async_io": "no",
}


def _value(verdict, ranked, criterion):
    index = [c.slug for c in ranked.criteria].index(criterion)
    return ranked.values[index]


def test_a_small_blog_ranks_django_above_every_framework_weak_on_server_rendered_pages(seeded):
    verdict = decide(load_catalogue_from_db(), SMALL_BLOG)
    order = [r.slug for r in verdict.ranking]
    weak = [r.slug for r in verdict.ranking if _value(verdict, r, "templating") <= 2]
    assert weak
    assert all(order.index("django") < order.index(slug) for slug in weak)


def test_an_async_json_api_is_won_by_a_framework_strong_on_apis_and_async(seeded):
    verdict = decide(load_catalogue_from_db(), {"project_type": "rest_api", "async_io": "heavy"})
    assert _value(verdict, verdict.winner, "api") >= 4
    assert _value(verdict, verdict.winner, "async") >= 4


def test_a_cms_with_a_back_office_ranks_frameworks_without_an_admin_in_the_bottom_half(seeded):
    verdict = decide(load_catalogue_from_db(), {"project_type": "cms", "admin_needed": "yes"})
    order = [r.slug for r in verdict.ranking]
    without_admin = [r.slug for r in verdict.ranking if _value(verdict, r, "admin") == 0]
    assert without_admin
    assert all(order.index(slug) >= len(order) / 2 for slug in without_admin)


def test_websockets_and_openapi_together_are_met_or_the_verdict_says_nobody_does(client, seeded):
    query = "must_haves=websockets&must_haves=openapi"
    data = client.get(f"/recommend/verdict.json?{query}").json()
    assert data["answers"] == {"must_haves": ["websockets", "openapi"]}
    assert {(n["choice"], n["criterion"]) for n in data["needs"]} == {
        ("websockets", "realtime"),
        ("openapi", "api"),
    }
    winner = data["ranking"][0]
    assert winner["framework"] == data["winner"]
    if data["no_framework_meets_every_need"]:
        assert "No framework meets every need" in data["summary"]
    else:
        assert winner["unmet_needs"] == []
    page = client.get(f"/recommend/verdict/?{query}").content.decode()
    assert "What your answers need" in page
    assert "WebSockets and real time at least 3/5" in page


def test_a_repeated_single_choice_parameter_is_still_refused(client, seeded):
    response = client.get("/recommend/verdict.json?project_type=blog&project_type=cms")
    assert response.status_code == 400
    assert "answered 2 times" in response.json()["errors"]["project_type"]
    page = client.get("/recommend/verdict/?project_type=blog&project_type=cms")
    assert page.status_code == 400 and "give one answer" in page.content.decode()


def test_a_wrong_must_have_is_named_and_the_others_are_kept(client, seeded):
    response = client.get("/recommend/verdict/?must_haves=websockets&must_haves=teleport")
    assert response.status_code == 400
    html = response.content.decode()
    assert "“teleport” is not a choice" in html


def test_a_winner_that_misses_a_need_is_named_with_the_best_that_meets_it(client, seeded):
    # Three needs together that few frameworks, if any, meet at once.
    query = "must_haves=background_tasks&must_haves=admin&async_io=heavy"
    data = client.get(f"/recommend/verdict.json?{query}").json()
    html = client.get(f"/recommend/verdict/?{query}").content.decode()
    winner = data["ranking"][0]
    if data["no_framework_meets_every_need"]:
        assert winner["unmet_needs"]
        assert "No framework meets every need" in html
        assert "is the best framework that meets this need on its own" in html
    else:
        assert winner["unmet_needs"] == []


def test_the_markdown_record_lists_needs_and_unmet_needs(client, seeded):
    text = client.get("/recommend/verdict.md?project_type=blog").content.decode()
    assert "Server-rendered pages and forms at least 3/5" in text
    assert "| Unmet needs |" in text


def test_without_the_need_the_page_names_who_would_win(client, seeded):
    # Answers whose weights favour a framework that misses one of their needs.
    answers = first_answers(load_catalogue_from_db(), lambda v: v.need_drops)
    query = urlencode(answers)
    data = client.get(f"/recommend/verdict.json?{query}").json()
    drops = data["without_need"]
    assert drops, data["ranking"][:3]
    html = client.get(f"/recommend/verdict/?{query}").content.decode()
    assert "Without the need" in html
    for drop in drops:
        assert drop["winner"] != data["winner"]
        assert f'href="/frameworks/{drop["winner"]}/"' in html


def test_every_framework_s_contributions_can_be_opened_with_weights_as_shares(client, seeded):
    html = client.get("/recommend/verdict/?project_type=blog").content.decode()
    data = client.get("/recommend/verdict.json?project_type=blog").json()
    assert html.count('<details class="contributions">') == len(data["ranking"])
    assert "% of the weight" in html
    shares = [c["share"] for c in data["ranking"][0]["contributions"]]
    assert abs(sum(shares) - 1) < 0.01


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_winner_meets_every_need_whenever_some_framework_does(seeded, data):
    catalogue = load_catalogue_from_db()
    answers = {}
    for question in catalogue.questions:
        slugs = [c.slug for c in question.choices]
        if question.multiple:
            picked = data.draw(st.lists(st.sampled_from(slugs), unique=True, max_size=4))
            if picked:
                answers[question.slug] = tuple(picked)
        else:
            picked = data.draw(st.sampled_from(["", *slugs]))
            if picked:
                answers[question.slug] = picked
    verdict = decide(catalogue, answers)
    if verdict.winner is None:
        return
    someone_meets_all = any(r.meets_all_needs for r in verdict.eligible)
    if someone_meets_all:
        assert verdict.winner.meets_all_needs
        assert not verdict.no_framework_meets_every_need
    elif verdict.needs:
        assert verdict.no_framework_meets_every_need
        from recommender.presentation import verdict_summary

        assert verdict_summary(verdict).startswith("No framework meets every need")


def test_the_ranking_shows_what_each_framework_misses(client, seeded):
    verdict = decide(load_catalogue_from_db(), {"project_type": "blog"})
    weak = next(r for r in verdict.eligible if _value(verdict, r, "templating") < 3)
    html = client.get("/recommend/verdict/?project_type=blog").content.decode()
    item = html.split(f'<a href="/frameworks/{weak.slug}/">{weak.name}</a>', 1)[1]
    item = item.split("</li>", 1)[0]
    scores = _value(verdict, weak, "templating")
    assert f"Misses Server-rendered pages and forms at least 3/5 (scores {scores})" in item
    strong = next(r for r in verdict.eligible if r.meets_all_needs)
    item = html.split(f'<a href="/frameworks/{strong.slug}/">{strong.name}</a>', 1)[1]
    assert "Misses" not in item.split("</li>", 1)[0]


def test_a_winner_meeting_every_need_is_said_to(client, seeded):
    data = client.get("/recommend/verdict.json?project_type=blog").json()
    assert data["ranking"][0]["unmet_needs"] == []
    assert "meets every need your answers state" in data["summary"]
    plain = client.get("/recommend/verdict.json?project_size=medium").json()
    assert plain["needs"] == [] and "need" not in plain["summary"]
