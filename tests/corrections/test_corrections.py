"""Reader corrections: the form, its guards, the editors' queue, and what readers see after."""

import re

import pytest
from django.test import Client

from corrections.models import Suggestion
from frameworks.models import Score

SUGGEST = "/frameworks/flask/scores/admin/suggest/"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def score(seeded):
    return Score.objects.select_related("framework", "criterion").get(
        framework__slug="flask", criterion__slug="admin"
    )


def proposal(score, **overrides):
    data = {
        "proposed_value": str((score.value + 1) % 6),
        "proposed_note": "Flask-Admin is a maintained extension; see its documentation.",
        "evidence_url": "https://flask-admin.readthedocs.io/en/latest/introduction/",
        "email": "",
        "website": "",
    }
    data.update(overrides)
    return data


def suggest(client, score, **overrides):
    return client.post(SUGGEST, proposal(score, **overrides))


def errors(response) -> str:
    html = response.content.decode()
    match = re.search(r'id="form-errors">(.*?)</div>', html, re.S)
    assert match, "no error summary on the page"
    return match.group(1)


def test_the_form_is_never_cached_and_carries_a_csrf_token(client, score):
    first = client.get(SUGGEST)
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    # A reader who already has the cookie gets no cookie back: still not cached for others.
    second = client.get(SUGGEST)
    assert "public" not in second["Cache-Control"]
    other = Client().get(SUGGEST)
    assert other.cookies["csrftoken"].value != client.cookies["csrftoken"].value


def test_a_post_without_the_csrf_token_is_refused(score):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SUGGEST, proposal(score)).status_code == 403
    html = strict.get(SUGGEST).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = strict.post(SUGGEST, {**proposal(score), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Suggestion.objects.count() == 1


def test_a_suggestion_gets_a_thank_you_page_and_a_private_status_link(client, score):
    response = suggest(client, score, email="reader@example.org")
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.status == Suggestion.Status.PENDING
    assert suggestion.value_then == score.value
    thanks = client.get(response["Location"])
    assert "no-store" in thanks["Cache-Control"]
    html = thanks.content.decode()
    assert "Thank you" in html
    status_url = f"/suggestions/{suggestion.token}/"
    assert f'href="{status_url}"' in html
    status = client.get(status_url)
    assert "no-store" in status["Cache-Control"]
    assert status["X-Robots-Tag"] == "noindex"
    assert "Waiting for an editor" in status.content.decode()
    assert "reader@example.org" not in status.content.decode()  # never shown, even there
    assert client.get("/suggestions/not-a-real-token-at-all-123/").status_code == 404
    assert client.get("/suggestions/%00/").status_code == 404


def test_the_sixth_suggestion_in_an_hour_is_refused_with_a_clear_message(client, score):
    for n in range(5):
        assert suggest(client, score, proposed_note=f"Attempt {n}").status_code == 302
    sixth = suggest(client, score, proposed_note="The sixth, kept in the form.")
    assert sixth.status_code == 429
    assert "You have sent 5 suggestions in the last hour" in errors(sixth)
    assert "The sixth, kept in the form." in sixth.content.decode()  # nothing lost
    assert Suggestion.objects.count() == 5
    # Another address is not held back.
    other = client.post(SUGGEST, proposal(score), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


def test_the_honeypot_stores_nothing(client, score):
    response = suggest(client, score, website="https://spam.example/")
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://ftp.example.org/file",
        "file:///etc/passwd",
        "not a web address",
    ],
)
def test_only_web_addresses_are_evidence(client, score, url):
    response = suggest(client, score, evidence_url=url)
    assert response.status_code == 400
    assert "Give the address of a web page, starting with https:// or http://." in errors(response)
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("proposed_note", "x" * 2001, "Keep the note to 2000 characters"),
        ("evidence_url", "https://example.org/" + "a" * 490, "at most 500 characters"),
        ("email", "a" * 250 + "@example.org", "at most 254 characters"),
        ("proposed_value", "6", "Pick a score from 0 to 5"),
        ("evidence_url", "", "Give the address of the page that shows it"),
    ],
)
def test_every_field_is_checked_with_a_clear_message(client, score, field, value, message):
    response = suggest(client, score, **{field: value})
    assert response.status_code == 400
    assert message in errors(response)
    assert not Suggestion.objects.exists()


def test_a_suggestion_must_propose_something(client, score):
    response = suggest(client, score, proposed_value="", proposed_note="")
    assert "Propose a different score, a new note, or both." in errors(response)
    same = suggest(client, score, proposed_value=str(score.value), proposed_note="")
    assert f"The score is already {score.value}" in errors(same)


def test_a_script_in_every_field_stays_text_in_the_admin_and_on_the_status_page(
    client, score, editor_client
):
    rejected = suggest(client, score, proposed_value=XSS, proposed_note=XSS, email=XSS, website="")
    assert rejected.status_code == 400
    assert XSS not in rejected.content.decode()
    response = suggest(
        client,
        score,
        proposed_note=XSS,
        evidence_url='https://example.org/?q=<script>alert("x")</script>',
        email='"<script>alert(1)</script>"@example.org',
    )
    assert response.status_code == 302, errors(response)
    suggestion = Suggestion.objects.get()
    assert XSS in suggestion.proposed_note and "<script>" in suggestion.email
    assert "<script>" in suggestion.evidence_url

    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    pages = [
        client.get(f"/suggestions/{suggestion.token}/"),
        editor_client.get(f"/admin/corrections/suggestion/{suggestion.pk}/change/"),
        editor_client.get("/admin/corrections/suggestion/"),
    ]
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        assert "<script>alert(" not in html
        assert "<img src=x" not in html
    assert escaped in pages[0].content.decode()
    assert escaped in pages[1].content.decode()

    # An editor's reason is shown to the reader as text too.
    editor_client.post(
        f"/admin/corrections/suggestion/{suggestion.pk}/change/",
        {"status": "rejected", "decision_reason": XSS},
    )
    html = client.get(f"/suggestions/{suggestion.token}/").content.decode()
    assert "Rejected" in html and "<script>alert(" not in html and escaped in html


def test_the_queue_shows_now_and_proposed_side_by_side(client, score, editor_client):
    suggest(client, score, proposed_note="A better note.")
    suggestion = Suggestion.objects.get()
    index = editor_client.get("/admin/").content.decode()
    assert "1 correction waiting for an editor" in index
    html = editor_client.get(f"/admin/corrections/suggestion/{suggestion.pk}/change/")
    table = re.search(
        r'<table class="suggestion-side-by-side">.*?</table>', html.content.decode(), re.S
    ).group(0)
    value_row = re.search(r'<th scope="row">Value</th>(.*?)</tr>', table, re.S).group(1)
    proposed = (score.value + 1) % 6
    assert f'<td class="now">{score.value}</td><td class="proposed">{proposed}</td>' in value_row
    assert "A better note." in table
    assert score.source_url in table


def test_accepting_applies_it_through_the_normal_save(
    client, score, editor_client, django_capture_on_commit_callbacks
):
    client.get(f"/frameworks/{score.framework.slug}/")  # cached before the change
    suggest(client, score, proposed_note="Corrected by a reader.")
    suggestion = Suggestion.objects.get()
    new_value = (score.value + 1) % 6
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/corrections/suggestion/{suggestion.pk}/change/",
            {"status": "accepted", "decision_reason": "Checked against its docs."},
        )
    assert response.status_code == 302
    score.refresh_from_db()
    assert score.value == new_value and score.note == "Corrected by a reader."
    assert score.source_url == suggestion.evidence_url
    latest = score.history.latest()
    assert latest.history_user.username == "editor-a"
    assert (
        latest.history_change_reason == "A reader's correction, accepted: Checked against its docs."
    )

    page = client.get("/frameworks/flask/").content.decode()
    item = page.split('id="score-admin"', 1)[1].split("</li>", 1)[0]
    assert "Corrected by a reader." in item and "Changed once" in item
    history = client.get("/frameworks/flask/scores/admin/history/").content.decode()
    assert "Reason: A reader&#x27;s correction, accepted: Checked against its docs." in history
    status = client.get(f"/suggestions/{suggestion.token}/").content.decode()
    assert "Accepted" in status

    # A decision stands: the form no longer offers to change it.
    again = editor_client.get(f"/admin/corrections/suggestion/{suggestion.pk}/change/")
    assert 'name="status"' not in again.content.decode()


def test_rejecting_needs_a_reason_and_leaves_the_score_alone(client, score, editor_client):
    suggest(client, score)
    suggestion = Suggestion.objects.get()
    url = f"/admin/corrections/suggestion/{suggestion.pk}/change/"
    refused = editor_client.post(url, {"status": "rejected", "decision_reason": ""})
    assert refused.status_code == 200
    assert "Say why it is rejected" in refused.content.decode()
    editor_client.post(url, {"status": "rejected", "decision_reason": "The docs say otherwise."})
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.REJECTED
    assert suggestion.decided_by.username == "editor-a"
    before = score.value
    score.refresh_from_db()
    assert score.value == before
    status = client.get(f"/suggestions/{suggestion.token}/").content.decode()
    assert "Rejected" in status and "The docs say otherwise." in status


def test_a_broken_cache_does_not_stop_corrections(client, score, monkeypatch):
    from corrections import throttle

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(throttle.cache, "get", broken)
    monkeypatch.setattr(throttle.cache, "set", broken)
    assert suggest(client, score).status_code == 302
    assert Suggestion.objects.count() == 1


def test_drafts_take_no_corrections(client, score):
    score.framework.is_published = False
    score.framework.save()
    assert client.get(SUGGEST).status_code == 404
    assert suggest(client, score).status_code == 404
    assert not Suggestion.objects.exists()


def test_a_long_reason_fits_the_history(client, score, editor_client):
    suggest(client, score)
    suggestion = Suggestion.objects.get()
    reason = "Checked every page of the extension's documentation. " * 10
    editor_client.post(
        f"/admin/corrections/suggestion/{suggestion.pk}/change/",
        {"status": "accepted", "decision_reason": reason},
    )
    recorded = score.history.latest().history_change_reason
    assert recorded.startswith("A reader's correction, accepted: Checked every page")
    assert len(recorded) <= 100 and recorded.endswith("…")
    suggestion.refresh_from_db()
    assert suggestion.decision_reason == reason.strip()
