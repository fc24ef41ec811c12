"""For databases seeded before seed keys existed: record their present rows as applied.

Called from migrations with the historical app registry (``apps``), so it uses
only ``apps.get_model`` and the pure key functions. Rows deleted before that
migration ran cannot be known; every row present then is never seeded again.
"""

from collections.abc import Callable

from frameworks import seed_keys


def record(apps, app_label: str, keyed: dict[str, tuple[Callable[..., str], tuple[str, ...]]]):
    """For each model, key every row with key_function(*its values of fields)."""
    applied = apps.get_model("frameworks", "AppliedSeed")
    known = set(applied.objects.values_list("key", flat=True))
    rows = []
    for model, (key, fields) in keyed.items():
        for pk, *values in apps.get_model(app_label, model).objects.values_list("pk", *fields):
            if (name := key(*values)) not in known:
                rows.append(applied(key=name, object_id=pk))
    applied.objects.bulk_create(rows)


def record_catalogue(apps, schema_editor=None) -> None:
    record(
        apps,
        "frameworks",
        {
            "Criterion": (seed_keys.criterion, ("slug",)),
            "Framework": (seed_keys.framework, ("slug",)),
            "Score": (seed_keys.score, ("framework__slug", "criterion__slug")),
            "UseCase": (seed_keys.use_case, ("slug",)),
            "UseCaseFit": (seed_keys.use_case_fit, ("use_case__slug", "framework__slug")),
        },
    )
