from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "frameworks"
    verbose_name = "Catalogue"

    def ready(self) -> None:
        from compare_site import signals

        signals.watch_app(self)
