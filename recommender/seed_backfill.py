"""The questionnaire's share of ``frameworks.seed_backfill``: present rows count as applied."""

from frameworks import seed_keys
from frameworks.seed_backfill import record


def record_questionnaire(apps, schema_editor=None) -> None:
    def rows(name, *fields):
        return apps.get_model("recommender", name).objects.values_list("pk", *fields)

    record(
        apps,
        [
            *((seed_keys.question(slug), pk) for pk, slug in rows("Question", "slug")),
            *(
                (seed_keys.choice(q, c), pk)
                for pk, q, c in rows("Choice", "question__slug", "slug")
            ),
            *(
                (seed_keys.effect(q, c, crit), pk)
                for pk, q, c, crit in rows(
                    "ChoiceEffect", "choice__question__slug", "choice__slug", "criterion__slug"
                )
            ),
        ],
    )
