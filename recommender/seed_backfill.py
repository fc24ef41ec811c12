"""The questionnaire's share of ``frameworks.seed_backfill``: present rows count as applied."""

from frameworks import seed_keys
from frameworks.seed_backfill import record


def record_questionnaire(apps, schema_editor=None) -> None:
    record(
        apps,
        "recommender",
        {
            "Question": (seed_keys.question, ("slug",)),
            "Choice": (seed_keys.choice, ("question__slug", "slug")),
            "ChoiceEffect": (
                seed_keys.effect,
                ("choice__question__slug", "choice__slug", "criterion__slug"),
            ),
        },
    )
