"""Edit conflicts: the second of two overlapping saves is refused and nothing is lost."""

import re

from frameworks.models import Criterion, Framework, Score
from tests.editorial.conftest import form_value
from tests.frameworks.test_admin import change_url, framework_post_data


def opened_form(client, obj) -> str:
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_value(response.content.decode(), "edit_token")


def test_the_second_save_is_refused_with_what_changed(make_editor):
    alice, bob = make_editor("alice"), make_editor("bob")
    flask = Framework.objects.get(slug="flask")
    old_tagline = flask.tagline
    alice_token, bob_token = opened_form(alice, flask), opened_form(bob, flask)

    first = framework_post_data(flask, tagline="Alice's tagline")
    first["edit_token"] = alice_token
    assert alice.post(change_url(flask), first).status_code == 302

    second = framework_post_data(flask, description="Bob's new description.")
    second["edit_token"] = bob_token
    response = bob.post(change_url(flask), second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this framework after you opened it" in html
    assert "alice changed framework “Flask”" in html
    assert f"Tagline: “{old_tagline[:40]}" in html
    assert "→ “Alice&#x27;s tagline”" in html
    assert "Description" not in html.split("errorlist nonfield")[1].split("</ul>")[0]
    # Alice's save stands; Bob's text is still in his form, not lost and not saved.
    flask.refresh_from_db()
    assert flask.tagline == "Alice's tagline"
    assert flask.description != "Bob's new description."
    assert "Bob&#x27;s new description." in html

    # Bob left the tagline alone, so his form now shows Alice's; saving again,
    # having seen the change, keeps both editors' work.
    assert form_value(html, "tagline") == "Alice&#x27;s tagline"
    assert "now show the values saved since: Tagline" in html
    second["edit_token"] = form_value(html, "edit_token")
    second["tagline"] = "Alice's tagline"
    assert bob.post(change_url(flask), second).status_code == 302
    flask.refresh_from_db()
    assert flask.description == "Bob's new description."
    assert flask.tagline == "Alice's tagline"


def test_a_score_changed_elsewhere_also_counts_as_a_conflict(make_editor):
    alice, bob = make_editor("alice"), make_editor("bob")
    flask = Framework.objects.get(slug="flask")
    bob_token = opened_form(bob, flask)
    data = framework_post_data(flask, tagline="Bob's tagline")  # Bob's form as he opened it

    # Alice edits Flask's ORM score from the criterion page's point of view: the Score admin.
    score = Score.objects.get(framework=flask, criterion__slug="orm")
    alice.post(
        f"/admin/frameworks/score/{score.pk}/change/",
        {
            "framework": flask.pk,
            "criterion": score.criterion_id,
            "value": 1,
            "note": "Alice rescored this.",
            "source_url": score.source_url,
            "last_reviewed": score.last_reviewed.isoformat(),
            "edit_token": opened_form(alice, score),
        },
    )
    score.refresh_from_db()
    assert score.note == "Alice rescored this."

    data["edit_token"] = bob_token
    html = bob.post(change_url(flask), data).content.decode()
    assert "Someone else saved this framework" in html
    assert "alice changed score “Flask · Data layer and ORM”" in html
    assert "Value: “2” → “1”" in html
    flask.refresh_from_db()
    assert flask.tagline != "Bob's tagline"
    score.refresh_from_db()
    assert score.note == "Alice rescored this."

    # Bob's form now shows Alice's score, which he had not touched, and he
    # sends the form back as it now stands: her score and his tagline are kept.
    ids = {k: v for k, v in data.items() if k.startswith("scores-") and k.endswith("-id")}
    row = next(k for k, v in ids.items() if str(v) == str(score.pk)).removesuffix("-id")
    assert form_value(html, f"{row}-value") == "1"
    note = re.search(rf'<textarea name="{row}-note"[^>]*>\s*([^<]*)</textarea>', html)
    assert note and note.group(1).strip() == "Alice rescored this."
    assert "Note (Flask · Data layer and ORM)" in html
    again = {**data, f"{row}-value": "1", f"{row}-note": note.group(1).strip()}
    again["edit_token"] = form_value(html, "edit_token")
    assert bob.post(change_url(flask), again).status_code == 302
    flask.refresh_from_db()
    score.refresh_from_db()
    assert flask.tagline == "Bob's tagline"
    assert (score.value, score.note) == (1, "Alice rescored this.")


def test_a_forged_or_missing_token_is_refused_not_a_crash(editor_client):
    criterion = Criterion.objects.get(slug="orm")
    for token in ["", "garbage", "9" * 40, "1-2-3-4-5", "\x00", "²", "²-1", "-"]:
        data = criterion_post_data(criterion, edit_token=token)
        response = editor_client.post(change_url(criterion), data)
        assert response.status_code == 200, token
        html = response.content.decode()
        assert "does not say which version of the criterion you opened" in html
        # The refreshed token lets the editor save what they see.
        data["edit_token"] = form_value(html, "edit_token")
        assert editor_client.post(change_url(criterion), data).status_code == 302


def test_an_editors_own_double_submit_is_not_a_conflict(editor_client):
    criterion = Criterion.objects.get(slug="orm")
    token = opened_form(editor_client, criterion)
    data = criterion_post_data(criterion, description="Saved twice by a double click.")
    data["edit_token"] = token
    assert editor_client.post(change_url(criterion), data).status_code == 302
    assert editor_client.post(change_url(criterion), data).status_code == 302


def test_a_row_deleted_by_someone_else_does_not_block_saving_again(make_editor):
    alice, bob = make_editor("alice"), make_editor("bob")
    flask = Framework.objects.get(slug="flask")
    bob_token = opened_form(bob, flask)
    data = framework_post_data(flask, tagline="Bob's tagline")
    gone = Score.objects.get(framework=flask, criterion__slug="orm")
    alice.post(f"/admin/frameworks/score/{gone.pk}/delete/", {"post": "yes"})
    assert not Score.objects.filter(pk=gone.pk).exists()

    data["edit_token"] = bob_token
    html = bob.post(change_url(flask), data).content.decode()
    assert "alice deleted score “Flask · Data layer and ORM”" in html
    data["edit_token"] = form_value(html, "edit_token")
    assert bob.post(change_url(flask), data).status_code == 302
    flask.refresh_from_db()
    assert flask.tagline == "Bob's tagline"
    assert not Score.objects.filter(pk=gone.pk).exists()


def test_a_framework_deleted_meanwhile_gives_a_message_not_a_crash(make_editor):
    alice, bob = make_editor("alice"), make_editor("bob")
    criterion = Criterion.objects.get(slug="orm")
    bob_token = opened_form(bob, criterion)
    bottle = Framework.objects.get(slug="bottle")
    assert (
        alice.post(change_url(bottle).replace("change", "delete"), {"post": "yes"}).status_code
        == 302
    )

    data = criterion_post_data(criterion, description="Bob's description.")
    data["edit_token"] = bob_token
    response = bob.post(change_url(criterion), data)
    assert response.status_code == 200
    assert "alice deleted score" in response.content.decode()
    data["edit_token"] = form_value(response.content.decode(), "edit_token")
    assert bob.post(change_url(criterion), data).status_code == 302


def criterion_post_data(criterion, **overrides):
    data = {
        "name": criterion.name,
        "slug": criterion.slug,
        "category": criterion.category,
        "order": criterion.order,
        "description": criterion.description,
        "default_weight": criterion.default_weight,
        "scores-TOTAL_FORMS": "0",
        "scores-INITIAL_FORMS": "0",
        "scores-MIN_NUM_FORMS": "0",
        "scores-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data
