from django.urls import path

from recommender import views

app_name = "recommender"

urlpatterns = [
    path("", views.questionnaire, name="questionnaire"),
    path("verdict/", views.verdict, name="verdict"),
    path("verdict.json", views.verdict_json, name="verdict_json"),
    path("verdict.md", views.verdict_markdown, name="verdict_markdown"),
]
