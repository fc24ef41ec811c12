"""The reader's form: every field checked, with a message that says what to fix."""

from django import forms
from django.core.validators import URLValidator

from corrections.models import NOTE_MAX, REASON_MAX, URL_MAX, Suggestion
from frameworks.models import SCORE_MAX, SCORE_MIN

# The honeypot: hidden from people by the stylesheet, filled in by form-filling robots.
HONEYPOT = "website"
KEEP = ""


WEB_PAGE = "Give the address of a web page, starting with https:// or http://."


class EvidenceURLField(forms.URLField):
    # Only web pages: no javascript:, data:, ftp: or file: links to click in the admin.
    default_validators = [URLValidator(schemes=["http", "https"], message=WEB_PAGE)]
    default_error_messages = {"invalid": WEB_PAGE}


class SuggestionForm(forms.Form):
    proposed_value = forms.TypedChoiceField(
        label="Proposed score",
        choices=[(KEEP, "Keep the score, correct the note")]
        + [(str(v), f"{v} out of 5") for v in range(SCORE_MIN, SCORE_MAX + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Pick a score from 0 to 5, or keep the score as it is."},
    )
    proposed_note = forms.CharField(
        label="Proposed note",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"What the note should say, and why. Plain text, at most {NOTE_MAX} characters.",
        error_messages={
            "max_length": f"Keep the note to {NOTE_MAX} characters (it has %(show_value)d)."
        },
    )
    evidence_url = EvidenceURLField(
        label="Evidence",
        max_length=URL_MAX,
        assume_scheme="https",
        help_text="The page of the framework's own documentation, repository or package "
        "metadata that shows it.",
        error_messages={
            "required": "Give the address of the page that shows it: editors check every "
            "correction against its source.",
            "max_length": f"That address is too long: at most {URL_MAX} characters.",
        },
    )
    email = forms.EmailField(
        label="Your email (optional)",
        required=False,
        max_length=254,
        help_text="Only if you want an editor to be able to ask you about it. Never shown.",
        error_messages={
            "invalid": "That does not look like an email address; leave it empty if you prefer."
        },
    )
    website = forms.CharField(
        label="Leave this empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, score, **kwargs):
        super().__init__(*args, **kwargs)
        self.score = score

    def clean_proposed_note(self) -> str:
        return self.cleaned_data["proposed_note"].replace("\r\n", "\n").strip()

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get("proposed_value")
        note = cleaned.get("proposed_note")
        if "proposed_value" in cleaned and "proposed_note" in cleaned:
            if value is None and not note:
                raise forms.ValidationError("Propose a different score, a new note, or both.")
            if value == self.score.value and not note:
                raise forms.ValidationError(
                    f"The score is already {value}: propose a different one, or a new note."
                )
        return cleaned

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def save(self) -> Suggestion:
        data = self.cleaned_data
        return Suggestion.objects.create(
            score=self.score,
            proposed_value=data["proposed_value"],
            proposed_note=data["proposed_note"],
            evidence_url=data["evidence_url"],
            email=data["email"],
            value_then=self.score.value,
            note_then=self.score.note,
        )


class DecisionForm(forms.ModelForm):
    """An editor's decision in the admin: rejecting needs a reason the reader will read."""

    class Meta:
        model = Suggestion
        fields = ("status", "decision_reason")
        widgets = {"decision_reason": forms.Textarea(attrs={"rows": 3})}

    def clean_decision_reason(self) -> str:
        reason = self.cleaned_data["decision_reason"].strip()
        if len(reason) > REASON_MAX:
            raise forms.ValidationError(f"Keep the reason to {REASON_MAX} characters.")
        return reason

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Suggestion.Status.REJECTED and not cleaned.get(
            "decision_reason"
        ):
            self.add_error("decision_reason", "Say why it is rejected: the reader will see it.")
        return cleaned
