from django.contrib import admin

from codesamples.models import BenchmarkResult, CodeSample


class ReadOnlyAdmin(admin.ModelAdmin):
    """These rows mirror files in the repository: change the files, not the rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CodeSample)
class CodeSampleAdmin(ReadOnlyAdmin):
    list_display = ("framework", "task", "outcome", "tested_version", "tested_on")
    list_filter = ("task", "outcome")
    list_select_related = ("framework",)
    search_fields = ("framework__name",)


@admin.register(BenchmarkResult)
class BenchmarkResultAdmin(ReadOnlyAdmin):
    list_display = ("framework", "app", "rps", "server", "measured_at")
    list_filter = ("app",)
    list_select_related = ("framework",)
