"""Site search over frameworks, criteria, use cases and score notes.

PostgreSQL ranks matches with its full-text search (stemmed, so "websocket" finds
"WebSockets"); SQLite, the default for a laptop, falls back to case-insensitive
containment of every word. Either way a search costs one query per kind of result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from frameworks.models import Criterion, Framework, Score, UseCase
from frameworks.rendering import render_markdown

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
PER_KIND = 20
EXCERPT_CHARS = 220
WORD = re.compile(r"\w[\w.+#-]*", re.UNICODE)


class QueryError(ValueError):
    """A query that cannot be searched for; the message is shown to the reader."""


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    excerpt: SafeString
    context: str = ""  # e.g. the criterion a note is about


@dataclass(frozen=True)
class Results:
    query: str
    terms: tuple[str, ...]
    groups: dict[str, list[Hit]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(hits) for hits in self.groups.values())


def parse_query(raw: str) -> tuple[str, tuple[str, ...]]:
    """The cleaned query and its words, or QueryError with a message a reader can act on."""
    query = " ".join(raw.split())
    if not query:
        raise QueryError("Type a word or two to search for, for example “websocket” or “admin”.")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"That search is {len(query)} characters long; use at most {MAX_QUERY_LENGTH}."
        )
    terms = tuple(dict.fromkeys(t.lower() for t in WORD.findall(query)))[:MAX_TERMS]
    if not terms:
        raise QueryError("Search for words or names, not only punctuation.")
    return query, terms


@lru_cache(maxsize=64)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern:
    # Longest first, so that "fastapi" is marked whole rather than as "fast".
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)


def highlight(text: str, terms: tuple[str, ...], *, limit: int = EXCERPT_CHARS) -> SafeString:
    """An escaped excerpt of ``text`` around the first match, each matched word in <mark>."""
    pattern = _terms_pattern(terms)
    match = pattern.search(text)
    start = 0
    if match and len(text) > limit:
        start = max(0, match.start() - limit // 3)
    excerpt = text[start : start + limit]
    prefix = "…" if start else ""
    suffix = "…" if start + limit < len(text) else ""
    pieces, last = [], 0
    for found in pattern.finditer(excerpt):
        pieces.append(escape(excerpt[last : found.start()]))
        pieces.append(f"<mark>{escape(found.group())}</mark>")
        last = found.end()
    pieces.append(escape(excerpt[last:]))
    return mark_safe(escape(prefix) + "".join(pieces) + escape(suffix))  # every piece escaped


@lru_cache(maxsize=4096)
def plain(markdown_text: str) -> str:
    """A note or description as the text a reader sees, without Markdown syntax.

    Kept per text, like ``render_markdown``: stripping the tags parses the HTML
    again, a quarter of a search, and every search shows the same notes."""
    return " ".join(strip_tags(render_markdown(markdown_text)).split())


def _matching(queryset: QuerySet, fields: tuple[str, ...], terms: tuple[str, ...]) -> QuerySet:
    # Every word in some field: the whole match on SQLite, and on PostgreSQL the
    # fallback beside full text, so that a word's prefix ("websock") or a name the
    # stemmer mangles still finds something.
    contains = Q()
    for term in terms:
        contains &= _any_field_contains(fields, term)
    if connection.vendor != "postgresql":
        return queryset.filter(contains)
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*fields, config="english")
    query = SearchQuery(" ".join(terms), config="english", search_type="plain")
    return (
        queryset.annotate(search=vector, rank=SearchRank(vector, query))
        .filter(Q(search=query) | contains)
        .order_by("-rank")
    )


def _any_field_contains(fields: tuple[str, ...], term: str) -> Q:
    found = Q()
    for name in fields:
        found |= Q(**{f"{name}__icontains": term})
    return found


def search(raw_query: str) -> Results:
    query, terms = parse_query(raw_query)
    frameworks = _matching(
        Framework.objects.published().only("name", "slug", "tagline", "description"),
        ("name", "tagline", "description"),
        terms,
    )[:PER_KIND]
    criteria = _matching(
        Criterion.objects.only("name", "slug", "description"), ("name", "description"), terms
    )[:PER_KIND]
    use_cases = _matching(
        UseCase.objects.only("title", "slug", "description"), ("title", "description"), terms
    )[:PER_KIND]
    notes = _matching(
        Score.objects.published().select_related("framework", "criterion"), ("note",), terms
    )[:PER_KIND]
    groups = {
        "Frameworks": [
            Hit(fw.name, fw.get_absolute_url(), highlight(_framework_text(fw), terms))
            for fw in frameworks
        ],
        "Criteria": [
            Hit(c.name, c.get_absolute_url(), highlight(plain(c.description), terms))
            for c in criteria
        ],
        "Use cases": [
            Hit(u.title, u.get_absolute_url(), highlight(plain(u.description), terms))
            for u in use_cases
        ],
        "Score notes": [
            Hit(
                f"{s.framework.name}: {s.criterion.name} ({s.value}/5)",
                s.framework.get_absolute_url() + f"#score-{s.criterion.slug}",
                highlight(plain(s.note), terms),
                context=s.criterion.name,
            )
            for s in notes
        ],
    }
    return Results(query=query, terms=terms, groups={k: v for k, v in groups.items() if v})


def _framework_text(framework: Framework) -> str:
    tagline = framework.tagline
    description = plain(framework.description)
    return f"{tagline} {description}" if tagline else description
