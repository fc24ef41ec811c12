from django.db import models


class ContentVersion(models.Model):
    """The one row naming the current version of the site's content.

    It lives in the database, not the cache, so that no eviction and no cache
    outage can lose an editor's bump. See ``pagecache.content_version`` for how it is read.
    """

    value = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="one_content_version_row")
        ]

    def __str__(self) -> str:
        return self.value
