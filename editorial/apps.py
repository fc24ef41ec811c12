from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial"

    def ready(self) -> None:
        from editorial import permissions

        # A migration creates the Editors group; this keeps its permissions exact
        # after later migrations add content models, and after a test flush.
        post_migrate.connect(permissions.on_post_migrate, dispatch_uid="editorial:editors-group")
