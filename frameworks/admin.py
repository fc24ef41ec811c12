from django.contrib import admin
from django.db.models import Count

from editorial.content_admin import ContentAdmin, RowAdmin
from editorial.inlines import CountedTabularInline
from frameworks.models import Criterion, Framework, Score, UseCase, UseCaseFit


class ScoreInline(CountedTabularInline):
    model = Score
    fields = ("criterion", "value", "note", "source_url", "last_reviewed")
    shared_choice_fields = ("criterion", "framework")
    extra = 0
    classes = ("scores-inline",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("criterion", "framework")


class FrameworkScoreInline(ScoreInline):
    """One row per criterion: rows for criteria not yet scored are offered pre-filled."""

    fk_name = "framework"
    ordering = ("criterion__order",)


class CriterionScoreInline(ScoreInline):
    """Every framework's score on one criterion, to review it across the catalogue."""

    fk_name = "criterion"
    fields = ("framework", "value", "note", "source_url", "last_reviewed")
    ordering = ("framework__name",)


def _offer_missing_scores(request, obj, inline, kwargs, model, field):
    """Pre-fill one extra score row for each criterion (or framework) not yet scored."""
    if isinstance(inline, ScoreInline) and request.method == "GET":
        taken = set()
        if obj is not None and obj.pk:
            taken = set(
                Score.objects.filter(**{inline.fk_name: obj}).values_list(f"{field}_id", flat=True)
            )
        all_items = model.objects.values_list("pk", flat=True)
        kwargs["initial"] = [{field: pk} for pk in all_items if pk not in taken]
    return kwargs


def _size_score_inlines(instances, obj, model):
    """As many extra rows as there are criteria (or frameworks) without a score."""
    for inline in instances:
        if isinstance(inline, ScoreInline):
            total = model.objects.count()
            scored = obj.scores.count() if obj is not None and obj.pk else 0
            inline.extra = max(0, total - scored)
    return instances


@admin.register(Framework)
class FrameworkAdmin(ContentAdmin):
    list_display = ("name", "kind", "is_published", "score_count", "oldest_review", "updated_at")
    list_filter = ("kind", "is_published")
    search_fields = ("name", "slug", "tagline")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [FrameworkScoreInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "tagline", "description", "is_published")}),
        (
            "Facts and their sources",
            {
                "fields": (
                    "package",
                    ("first_release_year", "first_release_source"),
                    ("license", "license_source"),
                    ("latest_version", "latest_version_source"),
                    "project_url",
                    "docs_url",
                    "repository_url",
                )
            },
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_review_stats()

    @admin.display(description="scores", ordering="score_count")
    def score_count(self, obj):
        return obj.score_count

    @admin.display(description="oldest review", ordering="oldest_review")
    def oldest_review(self, obj):
        return obj.oldest_review

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        return _offer_missing_scores(request, obj, inline, kwargs, Criterion, "criterion")

    def get_inline_instances(self, request, obj=None):
        return _size_score_inlines(super().get_inline_instances(request, obj), obj, Criterion)


@admin.register(Criterion)
class CriterionAdmin(ContentAdmin):
    list_display = ("name", "category", "order", "default_weight", "score_count")
    list_editable = ("order",)
    list_filter = ("category",)
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CriterionScoreInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_score_count=Count("scores"))

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        return _offer_missing_scores(request, obj, inline, kwargs, Framework, "framework")

    def get_inline_instances(self, request, obj=None):
        return _size_score_inlines(super().get_inline_instances(request, obj), obj, Framework)

    @admin.display(description="scores", ordering="_score_count")
    def score_count(self, obj):
        return obj._score_count


@admin.register(Score)
class ScoreAdmin(ContentAdmin):
    list_display = ("framework", "criterion", "value", "last_reviewed")
    list_filter = ("criterion__category", "criterion", "framework", "value")
    list_select_related = ("framework", "criterion")
    search_fields = ("framework__name", "criterion__name", "note")
    date_hierarchy = "last_reviewed"


class UseCaseFitInline(CountedTabularInline):
    model = UseCaseFit
    fields = ("framework", "order", "note")
    shared_choice_fields = ("framework",)
    extra = 1
    show_change_link = True  # to the fit's own page, with its history

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("framework")


@admin.register(UseCaseFit)
class UseCaseFitAdmin(RowAdmin):
    list_select_related = ("use_case", "framework")


@admin.register(UseCase)
class UseCaseAdmin(ContentAdmin):
    list_display = ("title", "order", "fit_count")
    list_editable = ("order",)
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [UseCaseFitInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_fit_count=Count("fits"))

    @admin.display(description="fitting frameworks", ordering="_fit_count")
    def fit_count(self, obj):
        return obj._fit_count
