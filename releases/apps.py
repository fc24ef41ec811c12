from django.apps import AppConfig


class ReleasesConfig(AppConfig):
    name = "releases"
    verbose_name = "Releases synced from the package index"

    def ready(self) -> None:
        from compare_site import signals

        # A sync writes snapshots: cached pages showing the old figures must go.
        signals.watch_app(self)
