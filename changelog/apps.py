from django.apps import AppConfig


class ChangelogConfig(AppConfig):
    """What changed in the catalogue, for readers: history pages and feeds.

    No models of its own: it reads the catalogue's history tables.
    """

    name = "changelog"
    verbose_name = "What changed"
