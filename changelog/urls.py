from django.urls import path

from changelog import feeds, views

app_name = "changelog"

urlpatterns = [
    path("changes/", views.changes, name="changes"),
    path("changes/feed/", feeds.ChangesFeed(), name="feed"),
    path("frameworks/<slug:slug>/history/", views.framework_history, name="framework_history"),
    path(
        "frameworks/<slug:slug>/history/feed/",
        feeds.FrameworkChangesFeed(),
        name="framework_feed",
    ),
    path(
        "frameworks/<slug:slug>/scores/<slug:criterion>/history/",
        views.score_history,
        name="score_history",
    ),
]
