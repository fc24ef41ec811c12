"""The key of each seeded row: what it is in the seed files, whatever it is called now.

Pure functions of the seed files' own slugs, shared by the loaders and by the
migration that recorded the rows of databases seeded before keys existed.
"""


def criterion(slug: str) -> str:
    return f"criterion:{slug}"


def framework(slug: str) -> str:
    return f"framework:{slug}"


def score(framework_slug: str, criterion_slug: str) -> str:
    return f"score:{framework_slug}/{criterion_slug}"


def use_case(slug: str) -> str:
    return f"use_case:{slug}"


def use_case_fit(use_case_slug: str, framework_slug: str) -> str:
    return f"use_case_fit:{use_case_slug}/{framework_slug}"


def question(slug: str) -> str:
    return f"question:{slug}"


def choice(question_slug: str, choice_slug: str) -> str:
    return f"choice:{question_slug}/{choice_slug}"


def effect(question_slug: str, choice_slug: str, criterion_slug: str) -> str:
    return f"effect:{question_slug}/{choice_slug}/{criterion_slug}"
