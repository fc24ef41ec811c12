from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    """Readers' suggested corrections to scores, and the editors' queue of them."""

    name = "corrections"
    verbose_name = "Reader corrections"
