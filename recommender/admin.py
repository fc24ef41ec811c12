from django.contrib import admin
from django.db.models import Count

from editorial.content_admin import ContentAdmin, RowAdmin
from editorial.inlines import CountedTabularInline
from recommender.models import Choice, ChoiceEffect, Question


class ChoiceInline(CountedTabularInline):
    model = Choice
    fields = ("slug", "label", "order", "effect_count")
    readonly_fields = ("effect_count",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_effect_count=Count("effects"))

    @admin.display(description="effects")
    def effect_count(self, obj):
        return getattr(obj, "_effect_count", 0)


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ("text", "slug", "order", "multiple", "choice_count")
    list_editable = ("order",)
    search_fields = ("text", "slug")
    inlines = [ChoiceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_choice_count=Count("choices"))

    @admin.display(description="choices", ordering="_choice_count")
    def choice_count(self, obj):
        return obj._choice_count


class ChoiceEffectInline(CountedTabularInline):
    model = ChoiceEffect
    fields = ("criterion", "weight_change", "need", "min_score")
    shared_choice_fields = ("criterion",)
    extra = 1
    show_change_link = True  # to the effect's own page, with its history

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("criterion")


@admin.register(Choice)
class ChoiceAdmin(ContentAdmin):
    list_display = ("label", "slug", "question", "order")
    list_filter = ("question",)
    list_select_related = ("question",)
    search_fields = ("label", "slug", "question__text")
    inlines = [ChoiceEffectInline]


@admin.register(ChoiceEffect)
class ChoiceEffectAdmin(RowAdmin):
    list_select_related = ("choice", "criterion")
