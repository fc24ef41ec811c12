"""The Editors group: every permission needed to manage content, and nothing else.

No permission over users, groups, sessions or sign-in lockouts: an editor can
change what readers see, never who can sign in.
"""

from django.apps import apps as global_apps
from django.db.models import Q

GROUP_NAME = "Editors"
ALL_ACTIONS = ("add", "change", "delete", "view")
# app label → model name → what editors may do with it.
EDITOR_MODELS: dict[str, dict[str, tuple[str, ...]]] = {
    "frameworks": {
        "framework": ALL_ACTIONS,
        "criterion": ALL_ACTIONS,
        "score": ALL_ACTIONS,
        "usecase": ALL_ACTIONS,
        "usecasefit": ALL_ACTIONS,
    },
    "recommender": {
        "question": ALL_ACTIONS,
        "choice": ALL_ACTIONS,
        "choiceeffect": ALL_ACTIONS,
    },
    # Readers' corrections: look at them and decide (readers add them, not editors).
    "corrections": {"suggestion": ("change", "view")},
    # The freshness queue: look at it and mark scores as reviewed.
    "editorial": {"scoredueforreview": ("change", "view"), "factdisagreement": ("view",)},
    # Snapshots are written by the sync only; editors read them.
    "releases": {"releasesnapshot": ("view",)},
}


def editor_permissions() -> set[str]:
    """Every permission of the group as "app_label.codename"."""
    return {
        f"{app}.{action}_{model}"
        for app, models in EDITOR_MODELS.items()
        for model, actions in models.items()
        for action in actions
    }


def sync_editors_group(apps=global_apps, using: str = "default"):
    """Create the group if missing and give it exactly the editor permissions."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.using(using).get_or_create(name=GROUP_NAME)
    wanted = Q(pk__in=[])
    for name in editor_permissions():
        app_label, codename = name.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.set(permission_model.objects.using(using).filter(wanted))
    return group


def on_post_migrate(sender, using: str = "default", apps=global_apps, **kwargs) -> None:
    # Django creates permissions in its own post_migrate handler; only the last
    # app's signal is sure to come after all of them.
    if sender.label == "editorial":
        sync_editors_group(apps, using=using)
