"""The editors' queue of reader corrections: what the score says now beside what is proposed."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from corrections import decisions
from corrections.forms import DecisionForm
from corrections.models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    form = DecisionForm
    list_display = ("created_at", "score", "proposal", "status")
    list_filter = ("status", "score__criterion", "score__framework")
    list_select_related = ("score__framework", "score__criterion")
    search_fields = ("score__framework__name", "score__criterion__name", "proposed_note")
    date_hierarchy = "created_at"
    fieldsets = (
        (None, {"fields": ("side_by_side", "evidence", "email", "created_at")}),
        ("Decision", {"fields": ("status", "decision_reason", "decided")}),
    )
    readonly_fields = ("side_by_side", "evidence", "email", "created_at", "decided")

    def has_add_permission(self, request):
        return False  # readers send them; editors decide

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            # The form changes obj.status before it validates; what is stored decides.
            obj.stored_status = obj.status
        return obj

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        stored = getattr(obj, "stored_status", Suggestion.Status.PENDING)
        if obj is not None and stored != Suggestion.Status.PENDING:
            return (*fields, "status", "decision_reason")  # a decision stands
        return fields

    @admin.display(description="proposal")
    def proposal(self, obj):
        value = "" if obj.proposed_value is None else f"{obj.value_then} → {obj.proposed_value}"
        note = "new note" if obj.proposed_note else ""
        return ", ".join(part for part in (value, note) if part)

    @admin.display(description="current and proposed")
    def side_by_side(self, obj):
        # Everything here was typed by an outsider: format_html escapes each value.
        score = obj.score
        proposed_value = "(unchanged)" if obj.proposed_value is None else obj.proposed_value
        rows = [
            ("Value", score.value, proposed_value),
            ("Note", score.note, obj.proposed_note or "(unchanged)"),
            ("Source", score.source_url, obj.evidence_url),
        ]
        row = '<tr><th scope="row">{}</th><td class="now">{}</td><td class="proposed">{}</td></tr>'
        body = format_html_join("", row, rows)
        score_url = reverse("admin:frameworks_score_change", args=[score.pk])
        return format_html(
            '<p><a href="{}">{}</a> (when suggested: {} out of 5)</p>'
            '<table class="suggestion-side-by-side"><thead><tr><th scope="col"></th>'
            '<th scope="col">Now</th><th scope="col">Proposed</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            score_url,
            score,
            obj.value_then,
            body,
        )

    @admin.display(description="evidence")
    def evidence(self, obj):
        return format_html(
            '<a href="{}" rel="noopener noreferrer nofollow">{}</a>',
            obj.evidence_url,
            obj.evidence_url,
        )

    @admin.display(description="decided")
    def decided(self, obj):
        if obj.decided_at is None:
            return "Not yet"
        who = obj.decided_by or "an editor no longer listed"
        return format_html("{} by {}", obj.decided_at.strftime("%d %b %Y, %H:%M UTC"), who)

    def save_model(self, request, obj, form, change):
        if "status" not in form.changed_data:
            obj.save()
            return
        try:
            self._decide(request, obj)
        except decisions.AlreadyDecided:
            self.message_user(
                request,
                "Another editor decided this correction first; nothing changed.",
                messages.WARNING,
            )

    def _decide(self, request, obj) -> None:
        if obj.status == Suggestion.Status.ACCEPTED:
            score = decisions.accept(obj, request.user)
            self.message_user(
                request,
                format_html("Accepted: {} now scores {} out of 5.", score, score.value),
                messages.SUCCESS,
            )
        elif obj.status == Suggestion.Status.REJECTED:
            decisions.reject(obj, request.user)
        else:
            obj.save()
