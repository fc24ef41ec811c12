from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from frameworks.compare_urls import comparison_url
from frameworks.comparison import all_pairs
from frameworks.models import Criterion, Framework, UseCase


class StaticSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "frameworks:home",
            "frameworks:list",
            "frameworks:criteria",
            "frameworks:use_cases",
            "recommender:questionnaire",
        ]

    def location(self, item):
        return reverse(item)


class FrameworkSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Framework.objects.published().only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class CriterionSitemap(Sitemap):
    def items(self):
        return Criterion.objects.only("slug")


class UseCaseSitemap(Sitemap):
    def items(self):
        return UseCase.objects.only("slug")


class ComparisonSitemap(Sitemap):
    """Every canonical two-way comparison of published frameworks."""

    def items(self):
        return all_pairs(Framework.objects.published().values_list("slug", flat=True))

    def location(self, item):
        return comparison_url(*item)


SITEMAPS = {
    "pages": StaticSitemap,
    "frameworks": FrameworkSitemap,
    "criteria": CriterionSitemap,
    "use-cases": UseCaseSitemap,
    "comparisons": ComparisonSitemap,
}
