"""Atom feeds of what changed: the whole catalogue, and one framework."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from changelog import entries
from frameworks.models import Framework

FEED_SIZE = 50


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "What changed in the Python web framework catalogue"
    subtitle = "Scores moved, notes rewritten, sources changed and frameworks added, newest first."

    def author_name(self):
        return settings.SITE_NAME

    def link(self):
        return reverse("changelog:changes")

    def items(self):
        return entries.latest(
            entries.public_score_records(), entries.public_framework_records(), FEED_SIZE
        )

    def item_title(self, item: entries.Entry) -> str:
        return f"{item.subject}: {item.phrases[0]}"

    def item_description(self, item: entries.Entry) -> str:
        # Plain text: the syndication framework escapes it, so nothing renders as markup.
        text = item.summary + "."
        if item.reason:
            text += f" Reason: {item.reason}"
        return text

    def item_link(self, item: entries.Entry) -> str:
        return f"{item.url}#{item.anchor}"

    def item_guid(self, item: entries.Entry) -> str:
        return f"{item.url}#{item.anchor}"

    item_guid_is_permalink = True

    def item_pubdate(self, item: entries.Entry):
        return item.when

    def item_updateddate(self, item: entries.Entry):
        return item.when


class FrameworkChangesFeed(ChangesFeed):
    def get_object(self, request, slug: str) -> Framework:
        return get_object_or_404(Framework.objects.published(), slug=slug)

    def title(self, obj: Framework) -> str:
        return f"What changed for {obj.name}"

    def subtitle(self, obj: Framework) -> str:
        return f"Changes to {obj.name}'s facts and scores, newest first."

    def link(self, obj: Framework) -> str:
        return reverse("changelog:framework_history", args=[obj.slug])

    def items(self, obj: Framework):
        return entries.latest(
            entries.public_score_records().filter(framework_id=obj.pk),
            entries.public_framework_records().filter(id=obj.pk),
            FEED_SIZE,
        )
