"""`as_of`: the moment a decision record was computed, read from its address."""

import datetime
import re
from dataclasses import dataclass

AS_OF = "as_of"
# To the second, with its offset: 2026-12-01T09:30:00Z or 2026-12-01T10:30:00+01:00.
AS_OF_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")
EXAMPLE = "2026-12-01T09:30:00Z"


@dataclass(frozen=True)
class AsOf:
    moment: datetime.datetime | None = None  # in UTC; None means "now"
    error: str = ""


def parse_as_of(values: list[str], now: datetime.datetime) -> AsOf:
    """The moment asked for, or why it cannot be used. Never raises."""
    if not values:
        return AsOf()
    if len(values) > 1:
        return AsOf(error="Give as_of once: a record is pinned to one moment.")
    raw = values[0].strip()
    if not AS_OF_FORMAT.fullmatch(raw):
        return AsOf(
            error=f"as_of must be a UTC time to the second, like {EXAMPLE}; the address has "
            "something else. Remove it to see today's verdict."
        )
    try:
        moment = datetime.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return AsOf(error=f"as_of names a date or time that does not exist ({raw[:25]}).")
    moment = moment.astimezone(datetime.UTC)
    if moment > now:
        return AsOf(error="as_of is in the future: a verdict can only be pinned to a past moment.")
    return AsOf(moment=moment)


def stamp(moment: datetime.datetime) -> str:
    """The as_of form of a moment: UTC, to the second."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def end_of_second(moment: datetime.datetime) -> datetime.datetime:
    """A stamp covers its whole second: everything saved up to the end of it counts."""
    return moment.replace(microsecond=999_999)
