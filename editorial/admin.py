import datetime

from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from editorial.inlines import ReadOnlyAdminMixin
from editorial.models import FactDisagreement, ScoreDueForReview
from frameworks.models import DUE_FOR_REVIEW_ORDER, Score, review_cutoff
from releases.disagreements import disagreements
from releases.queries import disagreeing_framework_ids


@admin.register(ScoreDueForReview)
class FreshnessQueueAdmin(admin.ModelAdmin):
    """Scores whose last review is older than REVIEW_MAX_AGE_DAYS, oldest first."""

    list_display = ("framework", "criterion", "value", "last_reviewed", "source", "edit")
    list_display_links = None
    list_filter = ("framework", "criterion__category")
    list_select_related = ("framework", "criterion")
    search_fields = ("framework__name", "criterion__name", "note")
    actions = ["mark_reviewed_today"]
    list_per_page = 50
    # The proxy inherits Score's ordering, which the changelist would put first.
    ordering = DUE_FOR_REVIEW_ORDER

    def get_queryset(self, request):
        return super().get_queryset(request).due_for_review()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Scores are edited in one place, where their history and conflicts are kept.
        return redirect("admin:frameworks_score_change", object_id)

    def changelist_view(self, request, extra_context=None):
        cutoff = review_cutoff()
        title = (
            f"Scores due for review: last reviewed before {cutoff:%d %B %Y} "
            f"(more than {settings.REVIEW_MAX_AGE_DAYS} days ago)"
        )
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    @admin.display(description="source")
    def source(self, obj):
        return format_html('<a href="{}" rel="noreferrer">{}</a>', obj.source_url, obj.source_url)

    @admin.display(description="edit")
    def edit(self, obj):
        url = reverse("admin:frameworks_score_change", args=[obj.pk])
        return format_html('<a href="{}">Edit score and note</a>', url)

    @admin.action(description="Mark selected scores as reviewed today", permissions=["change"])
    def mark_reviewed_today(self, request, queryset):
        today = datetime.date.today()
        # Saved one by one, not update(): each review lands in the score's history
        # under this editor's name and moves the public pages on.
        with transaction.atomic():
            scores = Score.objects.filter(pk__in=queryset.values("pk"))
            count = 0
            for score in scores:
                score.last_reviewed = today
                score._history_user = request.user
                score.save(update_fields=["last_reviewed"])
                count += 1
        noun = "score" if count == 1 else "scores"
        self.message_user(request, f"{count} {noun} marked as reviewed today ({today:%d %B %Y}).")


@admin.register(FactDisagreement)
class FactDisagreementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Hand-kept facts that the newest sync from the package index contradicts."""

    list_display = ("name", "editors_value", "index_value", "synced", "edit")
    list_display_links = None
    list_per_page = 50
    ordering = ("name",)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(pk__in=disagreeing_framework_ids()).with_latest_release()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Facts are edited in one place, where their history and conflicts are kept.
        return redirect("admin:frameworks_framework_change", object_id)

    def changelist_view(self, request, extra_context=None):
        title = "Facts the package index disagrees with: the editors' value and the index's"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def _rows(self, obj):
        return disagreements(obj, obj.latest_release)

    @admin.display(description="editors' value")
    def editors_value(self, obj):
        return format_html_join(
            mark_safe("<br>"), "{}: {}", ((d.fact, d.editors) for d in self._rows(obj))
        )

    @admin.display(description="package index")
    def index_value(self, obj):
        return format_html_join(
            mark_safe("<br>"), "{}: {}", ((d.fact, d.index) for d in self._rows(obj))
        )

    @admin.display(description="synced")
    def synced(self, obj):
        release = obj.latest_release
        return f"{release.synced_at:%d %B %Y %H:%M} UTC" if release else ""

    @admin.display(description="edit")
    def edit(self, obj):
        url = reverse("admin:frameworks_framework_change", args=[obj.pk])
        return format_html('<a href="{}">Edit the framework\'s facts</a>', url)
