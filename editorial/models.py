"""Editorial tools that need a model of their own."""

from frameworks.models import Framework, Score


class ScoreDueForReview(Score):
    """The freshness queue: scores whose last review is older than the allowed age.

    A proxy, so that the queue has its own admin page and permissions while the
    rows stay the catalogue's scores.
    """

    class Meta:
        proxy = True
        verbose_name = "score due for review"
        verbose_name_plural = "freshness queue: scores due for review"


class FactDisagreement(Framework):
    """Frameworks whose hand-kept facts the package index contradicts (latest version, license).

    A proxy, so that these rows have their own page in the freshness queue while
    the facts stay the framework's own.
    """

    class Meta:
        proxy = True
        verbose_name = "fact the package index disagrees with"
        verbose_name_plural = "freshness queue: facts the package index disagrees with"
