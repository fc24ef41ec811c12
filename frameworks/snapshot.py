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
from pagecache.fragments import remember, remember_each


def _load_published() -> dict[str, Framework]:
    frameworks = Framework.objects.published().with_scores().with_latest_release()
    return {fw.slug: fw for fw in frameworks}


def published() -> dict[str, Framework]:
    """Every published framework by slug, in name order, scores and latest release prefetched."""
    return remember(("published-frameworks",), _load_published)


def criteria() -> list[Criterion]:
    return remember(("criteria",), lambda: list(Criterion.objects.all()))


def code_samples(frameworks: list[Framework]) -> list[CodeSample]:
    """The samples of these frameworks, each framework's loaded once for the content
    version: one query for those not loaded yet, none once they all are. With a
    draft among them (an editor's preview), all are read from the database."""
    if not all(fw.is_published for fw in frameworks):
        return list(CodeSample.objects.for_frameworks(frameworks))

    def load(missing: list[int]) -> list[list[CodeSample]]:
        wanted = [frameworks[i] for i in missing]
        by_framework: dict[int, list[CodeSample]] = {fw.id: [] for fw in wanted}
        for sample in CodeSample.objects.for_frameworks(wanted):
            by_framework[sample.framework_id].append(sample)
        return [by_framework[fw.id] for fw in wanted]

    keys = [("code-samples", fw.id) for fw in frameworks]
    return [sample for samples in remember_each(keys, load) for sample in samples]
