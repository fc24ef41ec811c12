"""Move the content version on whenever an editor changes any content row."""

from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from compare_site import content_version


def _bump_after_commit(**kwargs) -> None:
    # After commit, so that no request can cache the old rows under the new version.
    transaction.on_commit(content_version.bump)


def watch_app(app: AppConfig) -> None:
    for model in app.get_models():
        uid = f"content-version:{model._meta.label}"
        post_save.connect(_bump_after_commit, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(_bump_after_commit, sender=model, dispatch_uid=uid + ":delete")
    m2m_changed.connect(_bump_after_commit, dispatch_uid="content-version:m2m")
