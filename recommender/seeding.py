"""Create the seeded questionnaire from seed_data/questionnaire.toml.

Each row is created once, ever (see ``frameworks.seed_ledger``).
"""

import tomllib
from collections import Counter
from pathlib import Path

from frameworks import seed_keys
from frameworks.models import Criterion
from frameworks.seed_ledger import SeedLedger
from recommender.models import Choice, ChoiceEffect, Question

SEED_FILE = Path(__file__).resolve().parent / "seed_data" / "questionnaire.toml"


def seed_questionnaire(path: Path = SEED_FILE, ledger: SeedLedger | None = None) -> Counter:
    ledger = ledger or SeedLedger()
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    created: Counter = Counter()
    for q_order, q in enumerate(data["question"], start=1):
        question, new = ledger.get_or_create(
            seed_keys.question(q["slug"]),
            Question,
            slug=q["slug"],
            defaults={
                "text": q["text"],
                "help_text": q.get("help_text", ""),
                "order": q_order,
                "multiple": q.get("multiple", False),
            },
        )
        created["questions"] += new
        if question is None:
            continue  # deleted by an editor, choices and all
        for c_order, c in enumerate(q["choice"], start=1):
            choice, new = ledger.get_or_create(
                seed_keys.choice(q["slug"], c["slug"]),
                Choice,
                question=question,
                slug=c["slug"],
                defaults={"label": c["label"], "order": c_order},
            )
            created["choices"] += new
            if choice is None:
                continue
            for e in c.get("effects", []):
                criterion = ledger.row(seed_keys.criterion(e["criterion"]), Criterion)
                if criterion is None:
                    continue  # a criterion an editor deleted
                _, new = ledger.get_or_create(
                    seed_keys.effect(q["slug"], c["slug"], e["criterion"]),
                    ChoiceEffect,
                    choice=choice,
                    criterion=criterion,
                    defaults={
                        "weight_change": e.get("weight", 0),
                        "min_score": e.get("min"),
                        "need": e.get("need"),
                    },
                )
                created["effects"] += new
    return created
