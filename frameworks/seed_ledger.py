"""Seed each row once, ever: what an editor deleted or renamed stays that way.

Every row `seed` creates is recorded under its seed key (see ``seed_keys``)
with the id of the row. A key applied before is never applied again, so a
deleted row is not re-created and a renamed one is not looked up, and failed
on, by its old slug; a key never applied, shipped in a later release, creates
its row on the next run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from django.db import IntegrityError, models, transaction

from frameworks.models import AppliedSeed

Row = TypeVar("Row", bound=models.Model)
log = logging.getLogger(__name__)


class SeedLedger:
    """The seed keys applied to this database, and the row each one made."""

    def __init__(self) -> None:
        self._applied: dict[str, int] = dict(AppliedSeed.objects.values_list("key", "object_id"))
        self.refused: list[str] = []

    def once(
        self, key: str, model: type[Row], create: Callable[[], tuple[Row, bool]]
    ) -> tuple[Row | None, bool]:
        """Apply `key` with `create` (a get_or_create) unless it was applied before.

        Returns the row (None when it has been deleted since) and whether it
        was created now. A row that cannot be created (its name taken by an
        editor's own row, say) is reported in ``refused`` and tried again next time.
        """
        if key in self._applied:
            return self.row(key, model), False
        try:
            with transaction.atomic():
                row, created = create()
        except IntegrityError as error:
            log.warning("Seed row %s not created: %s", key, error)
            self.refused.append(key)
            return None, False
        AppliedSeed.objects.create(key=key, object_id=row.pk)
        self._applied[key] = row.pk
        return row, created

    def get_or_create(
        self, key: str, model: type[Row], *, defaults: dict, **lookup
    ) -> tuple[Row | None, bool]:
        """``once`` with the model's get_or_create: a row an editor made under the
        same natural key is taken as it is, never changed."""
        return self.once(
            key, model, partial(model._default_manager.get_or_create, defaults=defaults, **lookup)
        )

    def row(self, key: str, model: type[Row]) -> Row | None:
        """The row `key` made, under whatever slug it has now; None if deleted or never made."""
        pk = self._applied.get(key)
        return None if pk is None else model._default_manager.filter(pk=pk).first()
