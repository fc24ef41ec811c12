from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from compare_site import views
from frameworks.sitemaps import SITEMAPS

admin.site.site_header = "Framework Compass editors"
admin.site.site_title = "Framework Compass admin"
admin.site.index_title = "Content"

urlpatterns = [
    path("", include("frameworks.urls")),
    path("recommend/", include("recommender.urls")),
    path("", include("changelog.urls")),
    path("", include("corrections.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

handler500 = "compare_site.views.server_error"
