"""Create the seeded questionnaire from seed_data/questionnaire.toml (idempotent)."""

import tomllib
from collections import Counter
from pathlib import Path

from frameworks.models import Criterion
from recommender.models import Choice, ChoiceEffect, Question

SEED_FILE = Path(__file__).resolve().parent / "seed_data" / "questionnaire.toml"


def seed_questionnaire(path: Path = SEED_FILE) -> Counter:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    criteria = {c.slug: c for c in Criterion.objects.all()}
    created: Counter = Counter()
    for q_order, q in enumerate(data["question"], start=1):
        question, new = Question.objects.get_or_create(
            slug=q["slug"],
            defaults={
                "text": q["text"],
                "help_text": q.get("help_text", ""),
                "order": q_order,
                "multiple": q.get("multiple", False),
            },
        )
        created["questions"] += new
        for c_order, c in enumerate(q["choice"], start=1):
            choice, new = Choice.objects.get_or_create(
                question=question,
                slug=c["slug"],
                defaults={"label": c["label"], "order": c_order},
            )
            created["choices"] += new
            if not new:
                # An existing choice keeps the effects an editor gave it, even none.
                continue
            for e in c.get("effects", []):
                ChoiceEffect.objects.create(
                    choice=choice,
                    criterion=criteria[e["criterion"]],
                    weight_change=e.get("weight", 0),
                    min_score=e.get("min"),
                    need=e.get("need"),
                )
                created["effects"] += 1
    return created
