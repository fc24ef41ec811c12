"""Editorial tools that need a model of their own."""

from frameworks.models import Score


class ScoreDueForReview(Score):
    """The freshness queue: scores whose last review is older than the allowed age.

    A proxy, so that the queue has its own admin page and permissions while the
    rows stay the catalogue's scores.
    """

    class Meta:
        proxy = True
        verbose_name = "score due for review"
        verbose_name_plural = "freshness queue: scores due for review"
