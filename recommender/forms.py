from crispy_forms.helper import FormHelper
from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.html import escape

from recommender.scoring import Answer, QuestionInfo

NO_PREFERENCE = ("", "No preference")


class QuestionnaireForm(forms.Form):
    """One group of radio buttons per question (check boxes for a multi-select one),
    built from the database's questions.

    Answers are read by ``answers.parse_answers`` (shared with the JSON endpoint);
    this form only renders them, pre-filled, with the messages for wrong ones.
    """

    def __init__(
        self,
        questions: tuple[QuestionInfo, ...],
        answers: dict[str, Answer],
        errors: dict[str, str] | None = None,
    ) -> None:
        # Bound to the answers so that they show selected; "" selects "No preference".
        data = MultiValueDict()
        for q in questions:
            answer = answers.get(q.slug, "")
            data.setlist(q.slug, list(answer) if q.multiple else [answer])
        super().__init__(data=data)
        for question in questions:
            if question.multiple:
                self.fields[question.slug] = forms.MultipleChoiceField(
                    label=question.text,
                    help_text=question.help_text,
                    required=False,
                    choices=[(c.slug, c.label) for c in question.choices],
                    widget=forms.CheckboxSelectMultiple,
                )
                continue
            self.fields[question.slug] = forms.ChoiceField(
                label=question.text,
                # crispy-bootstrap5 renders help text unescaped; an editor's
                # markup (a meta refresh, a look-alike link) must arrive as text.
                help_text=escape(question.help_text),
                required=False,
                choices=[NO_PREFERENCE] + [(c.slug, c.label) for c in question.choices],
                widget=forms.RadioSelect,
            )
        self.helper = FormHelper()
        # The <form> and its button are in the template.
        self.helper.form_tag = False
        # A GET form: no CSRF token (it would land in every verdict URL).
        self.helper.form_method = "get"
        self.full_clean()
        for slug, message in (errors or {}).items():
            if slug in self.fields:
                self.add_error(slug, message)
