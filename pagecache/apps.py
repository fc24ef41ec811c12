from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pagecache import signals

        # One owner: the apps listed in CONTENT_APPS need not know the cache exists.
        signals.watch_content_apps()
