"""Random query strings never get a 500 from the verdict URLs."""

from urllib.parse import quote_from_bytes

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

QUESTIONS = ["project_type", "project_size", "security", "criticality", "data_layer",
             "admin_needed", "timeline", "structure", "async_io", "team_experience",
             "must_haves"]  # fmt: skip
CHOICES = ["blog", "banking", "small", "enterprise", "high", "yes", "no", "heavy", "days", "",
           "websockets", "openapi", "background_tasks"]  # fmt: skip

raw = st.binary(max_size=40).map(lambda b: quote_from_bytes(b, safe=""))
keys = st.one_of(st.sampled_from(QUESTIONS), raw, st.sampled_from(["utm_source", "f", "diff"]))
text = st.text(max_size=300).map(
    lambda t: quote_from_bytes(t.encode("utf-8", "surrogatepass"), safe="")
)
values = st.one_of(st.sampled_from(CHOICES), raw, text)
pairs = st.lists(st.tuples(keys, values), max_size=14)
separators = st.sampled_from(["&", ";", "&&", "&=&"])


def build(items, sep):
    return sep.join(f"{k}={v}" for k, v in items)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    items=pairs,
    sep=separators,
    path=st.sampled_from(
        ["/recommend/verdict/", "/recommend/verdict.json", "/recommend/verdict.md", "/recommend/"]
    ),
)
def test_random_query_strings_never_500(client, seeded, items, sep, path):
    response = client.get(f"{path}?{build(items, sep)}")
    assert response.status_code in (200, 400), response.content[:500]
    if path.endswith(".json") and response.status_code == 400:
        assert response["Content-Type"] == "application/json"


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(a=raw, b=raw, items=pairs)
def test_random_compare_addresses_never_500(client, seeded, a, b, items):
    assert client.get(f"/compare/{a}-vs-{b}/").status_code in (200, 301, 302, 400, 404)
    query = "&".join(f"f={v}" for _k, v in items)
    assert client.get(f"/compare/?{query}").status_code in (200, 302, 400)
