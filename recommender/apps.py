from django.apps import AppConfig


class RecommenderConfig(AppConfig):
    name = "recommender"
    verbose_name = "Questionnaire"

    def ready(self) -> None:
        from compare_site import signals

        signals.watch_app(self)
