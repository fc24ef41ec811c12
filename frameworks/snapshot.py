"""The published catalogue as the comparison pages read it, loaded once per
content version in each worker (``pagecache.fragments.remember``).

A comparison of any 2 to 4 frameworks reads the same rows: the frameworks with
their scores and latest release snapshot, the criteria, and each framework's
code samples. Loaded per request, they were half the time of a miss (3 queries
building some 150 model instances for a 4-way comparison); loaded once for the
content version, a new comparison reads none of them, and an edit drops them
all. The rows are shared by every request of the worker and never written to.
Editors previewing drafts read the database as before.
"""

from __future__ import annotations

from codesamples.models import CodeSample
from frameworks.models import Criterion, Framework
from pagecache.fragments import remember


def _load_published() -> dict[str, Framework]:
    frameworks = Framework.objects.published().with_scores().with_latest_release()
    return {fw.slug: fw for fw in frameworks}


def published() -> dict[str, Framework]:
    """Every published framework by slug, in name order, scores and latest release prefetched."""
    return remember(("published-frameworks",), _load_published)


def criteria() -> list[Criterion]:
    return remember(("criteria",), lambda: list(Criterion.objects.all()))


def code_samples(frameworks: list[Framework]) -> list[CodeSample]:
    """The samples of these frameworks, each framework's loaded once for the content version."""
    samples: list[CodeSample] = []
    for fw in frameworks:
        samples += remember(
            ("code-samples", fw.pk), lambda fw=fw: list(CodeSample.objects.for_frameworks([fw]))
        )
    return samples
