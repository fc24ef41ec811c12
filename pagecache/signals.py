"""Move the content version on whenever an editor changes any content row."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from pagecache import content_version


def _bump(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loaddata: fixtures load before the version table may exist
    content_version.bump()


def _bump_m2m(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        content_version.bump()


def watch_content_apps() -> None:
    """Bump the version on every save and delete of every model of settings.CONTENT_APPS."""
    for label in settings.CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"content-version:{model._meta.label}"
            post_save.connect(_bump, sender=model, dispatch_uid=uid + ":save")
            post_delete.connect(_bump, sender=model, dispatch_uid=uid + ":delete")
            for m2m in model._meta.local_many_to_many:
                through = m2m.remote_field.through
                m2m_changed.connect(_bump_m2m, sender=through, dispatch_uid=f"{uid}:m2m:{m2m.name}")
