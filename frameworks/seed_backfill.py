"""For databases seeded before seed keys existed: record their present rows as applied.

Called from migrations with the historical app registry (``apps``), so it uses
only ``apps.get_model`` and the pure key functions. Rows deleted before that
migration ran cannot be known; every row present then is never seeded again.
"""

from frameworks import seed_keys


def record(apps, keys_and_ids) -> None:
    applied = apps.get_model("frameworks", "AppliedSeed")
    known = set(applied.objects.values_list("key", flat=True))
    applied.objects.bulk_create(
        applied(key=key, object_id=pk) for key, pk in keys_and_ids if key not in known
    )


def record_catalogue(apps, schema_editor=None) -> None:
    def rows(name, *fields):
        return apps.get_model("frameworks", name).objects.values_list("pk", *fields)

    record(
        apps,
        [
            *((seed_keys.criterion(slug), pk) for pk, slug in rows("Criterion", "slug")),
            *((seed_keys.framework(slug), pk) for pk, slug in rows("Framework", "slug")),
            *(
                (seed_keys.score(fw, c), pk)
                for pk, fw, c in rows("Score", "framework__slug", "criterion__slug")
            ),
            *((seed_keys.use_case(slug), pk) for pk, slug in rows("UseCase", "slug")),
            *(
                (seed_keys.use_case_fit(uc, fw), pk)
                for pk, uc, fw in rows("UseCaseFit", "use_case__slug", "framework__slug")
            ),
        ],
    )
