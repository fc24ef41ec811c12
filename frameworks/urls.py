from django.urls import path, register_converter

from frameworks import views
from frameworks.compare_urls import PairConverter

register_converter(PairConverter, "pair")

app_name = "frameworks"

urlpatterns = [
    path("", views.home, name="home"),
    path("frameworks/", views.framework_list, name="list"),
    path("frameworks/<slug:slug>/", views.framework_detail, name="detail"),
    path("compare/", views.compare_many, name="compare"),
    path("compare/<pair:pair>/", views.compare_pair, name="compare_pair"),
    path("criteria/", views.criterion_list, name="criteria"),
    path("criteria/<slug:slug>/", views.criterion_detail, name="criterion"),
    path("use-cases/", views.use_case_list, name="use_cases"),
    path("use-cases/<slug:slug>/", views.use_case_detail, name="use_case"),
    path("search/", views.site_search, name="search"),
    path("api/catalogue.json", views.catalogue_json, name="catalogue_json"),
]
