"""The tuning rule stated in the questionnaire's TOML header holds for every seeded answer."""

import tomllib

import pytest

from recommender.seeding import SEED_FILE

QUESTIONS = tomllib.loads(SEED_FILE.read_text())["question"]
ANSWERS = [(q, c) for q in QUESTIONS for c in q["choice"]]
IDS = [f"{q['slug']}={c['slug']}" for q, c in ANSWERS]


@pytest.mark.parametrize(("question", "choice"), ANSWERS, ids=IDS)
def test_an_answer_boosts_only_what_its_question_is_about(question, choice):
    about = set(question["about"])
    for effect in choice.get("effects", []):
        weight = effect.get("weight", 0)
        limit = 3 if effect["criterion"] in about else 1
        assert weight <= limit, effect
        assert weight >= -1, effect


@pytest.mark.parametrize(("question", "choice"), ANSWERS, ids=IDS)
def test_an_answer_cannot_drown_the_others(question, choice):
    assert sum(e.get("weight", 0) for e in choice.get("effects", [])) <= 6


@pytest.mark.parametrize(("question", "choice"), ANSWERS, ids=IDS)
def test_needs_and_knock_outs_sit_on_the_score_scale(question, choice):
    for effect in choice.get("effects", []):
        assert effect.get("need", 2) in (2, 3, 4), effect
        # A knock-out only where a lower score means "absent or only an add-on".
        assert effect.get("min", 0) <= 3, effect
        if "min" in effect and "need" in effect:
            assert effect["min"] < effect["need"], effect


def test_every_must_have_states_a_need():
    must_haves = next(q for q in QUESTIONS if q["slug"] == "must_haves")
    assert must_haves["multiple"] is True
    for choice in must_haves["choice"]:
        assert any("need" in e for e in choice["effects"]), choice["slug"]
