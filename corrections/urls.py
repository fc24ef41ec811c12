from django.urls import path

from corrections import views

app_name = "corrections"

urlpatterns = [
    path(
        "frameworks/<slug:slug>/scores/<slug:criterion>/suggest/",
        views.suggest,
        name="suggest",
    ),
    path("suggestions/<str:token>/", views.status, name="status"),
    path("suggestions/<str:token>/thanks/", views.thanks, name="thanks"),
]
