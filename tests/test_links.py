"""A crawler's view: every internal link and asset on every public page answers."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[name])


def test_every_internal_link_answers(client, seeded):
    seen: dict[str, int] = {}
    fragments: list[tuple[str, str, str]] = []
    pages: dict[str, set[str]] = {}
    queue = ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url, follow=True)
        seen[url] = response.status_code
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        pages[url] = parser.ids
        for link in parser.links:
            absolute = urljoin("http://testserver" + url, link)
            parts = urlsplit(absolute)
            if parts.netloc != "testserver" or parts.path.startswith("/admin/"):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.fragment:
                fragments.append((url, target, parts.fragment))
            if target not in seen and not parts.path.startswith("/recommend/verdict"):
                queue.append(target)
            elif parts.path.startswith("/recommend/verdict") and target not in seen:
                # Verdict permalinks are followed once each, not crawled further.
                verdict = client.get(target)
                seen[target] = verdict.status_code
                assert verdict.status_code == 200, target
    assert len(seen) > 60
    for page, target, fragment in fragments:
        if target in pages:
            assert fragment in pages[target], f"{page} links to missing #{fragment} on {target}"
