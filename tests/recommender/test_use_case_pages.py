"""Use-case pages take their ranked fits from the verdict for their example answers."""

import re

from frameworks.models import UseCase


def _names_in_order(html: str, section_class: str) -> list[str]:
    section = html.split(f'class="{section_class}', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<a href="/frameworks/([^/"]+)/">', section)


def test_every_use_case_page_and_its_verdict_name_the_same_first_three(client, seeded):
    use_cases = list(UseCase.objects.all())
    assert use_cases
    for use_case in use_cases:
        page = client.get(use_case.get_absolute_url())
        assert page.status_code == 200
        html = page.content.decode()
        verdict_url = re.search(r'href="(/recommend/verdict/\?[^"]+)"', html).group(1)
        verdict_url = verdict_url.replace("&amp;", "&")
        verdict = client.get(verdict_url.replace("/verdict/", "/verdict.json"))
        assert verdict.status_code == 200, use_case.slug
        first_three = [r["framework"] for r in verdict.json()["ranking"][:3]]
        assert _names_in_order(html, "ranking-list use-case-fits")[:3] == first_three, use_case.slug
        verdict_page = client.get(verdict_url).content.decode()
        assert _names_in_order(verdict_page, "ranking")[:3] == first_three, use_case.slug


def test_the_editors_notes_stay_beside_their_framework(client, seeded):
    use_case = UseCase.objects.with_fits().get(slug="personal-blog")
    html = client.get(use_case.get_absolute_url()).content.decode()
    for fit in use_case.fits.all():
        item = html.split(f'<a href="/frameworks/{fit.framework.slug}/">', 1)[1].split("</li>")[0]
        assert fit.note.split()[0] in item


def test_a_framework_the_example_answers_exclude_is_shown_with_the_reason(client, seeded):
    use_case = UseCase.objects.get(slug="ecommerce-shop")
    # An editor mentions Bottle for the shop; the shop's high security knocks it out.
    use_case.fits.create(framework_id=_framework_id("bottle"), order=9, note="Tiny and fast.")
    html = client.get(use_case.get_absolute_url()).content.decode()
    excluded = html.split("excluded by these answers", 1)[1]
    assert "Bottle" in excluded and "below the minimum of 3" in excluded


def _framework_id(slug):
    from frameworks.models import Framework

    return Framework.objects.get(slug=slug).pk


def test_example_answers_may_list_must_haves(client, seeded):
    use_case = UseCase.objects.get(slug="realtime-app")
    use_case.example_answers = {**use_case.example_answers, "must_haves": ["websockets", "openapi"]}
    use_case.full_clean()
    use_case.save()
    html = client.get(use_case.get_absolute_url()).content.decode()
    verdict_url = re.search(r'href="(/recommend/verdict/\?[^"]+)"', html).group(1)
    assert "must_haves=websockets&amp;must_haves=openapi" in verdict_url
    data = client.get(
        verdict_url.replace("&amp;", "&").replace("/verdict/", "/verdict.json")
    ).json()
    assert data["answers"]["must_haves"] == ["websockets", "openapi"]
    first_three = [r["framework"] for r in data["ranking"][:3]]
    assert _names_in_order(html, "ranking-list use-case-fits")[:3] == first_three


def test_the_use_case_list_names_the_verdict_s_first_three(client, seeded):
    html = client.get("/use-cases/").content.decode()
    for use_case in UseCase.objects.all():
        page = client.get(use_case.get_absolute_url()).content.decode()
        url = re.search(r'href="(/recommend/verdict/\?[^"]+)"', page).group(1).replace("&amp;", "&")
        data = client.get(url.replace("/verdict/", "/verdict.json")).json()
        names = ", ".join(r["name"] for r in data["ranking"][:3])
        card = html.split(f'href="{use_case.get_absolute_url()}"', 1)[1].split("</li>", 1)[0]
        assert f"Best fit, by the recommender: {names}" in card, use_case.slug
