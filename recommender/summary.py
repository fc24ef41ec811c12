"""What other apps may ask about the questionnaire, without reaching into its models."""

from recommender.models import Question


def question_count() -> int:
    """How many questions a decider is asked (the home page quotes it)."""
    return Question.objects.count()
