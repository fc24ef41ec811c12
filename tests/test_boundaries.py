"""Each app owns its models: other apps ask it through its public functions."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> dict[str, set[str]]:
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    "package, forbidden",
    [
        ("frameworks", "recommender.models"),
        ("compare_site", "editorial"),
        ("recommender", "compare_site.context_processors"),
    ],
)
def test_no_module_reaches_into_another_apps_internals(package, forbidden):
    offenders = {
        path
        for path, names in imported_modules(package).items()
        if any(name == forbidden or name.startswith(forbidden + ".") for name in names)
    }
    assert not offenders


def test_the_score_scale_is_defined_once():
    """0–5: models, comparisons, the chart, scoring and the API all read frameworks.scale."""
    definitions = set()
    for package in ("frameworks", "recommender", "editorial", "compare_site"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if (
                            isinstance(target, ast.Name)
                            and "SCORE" in target.id
                            and ("MAX" in target.id or "MIN" in target.id)
                        ):
                            definitions.add((str(path.relative_to(ROOT)), target.id))
    assert definitions == {
        ("frameworks/scale.py", "SCORE_MIN"),
        ("frameworks/scale.py", "SCORE_MAX"),
    }
