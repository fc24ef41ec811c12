"""Numbers formatted in Python exactly as the ``floatformat`` filter shows them,
the axis ticks every chart of the site draws, and text escaped as ASCII.

For the figures drawn hundreds of times a page (chart bars, contribution
tables), where the template engine's filter and localisation cost more than
the rest of the page.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape


def fixed(value: float, places: int) -> str:
    """``value|floatformat:places``: the shortest repr rounded half up (2.25 is 2.3).

    Python's own formatting rounds the binary value, which agrees except when the
    shortest repr ends in a 5 just past ``places`` (2.25, 0.15): only those take
    the slower decimal path.
    """
    text = repr(float(value))
    _whole, _, decimals = text.partition(".")
    if "e" in text or "n" in text or (len(decimals) == places + 1 and decimals[-1] == "5"):
        exponent = Decimal(1).scaleb(-places)
        shown = str(Decimal(text).quantize(exponent, rounding=ROUND_HALF_UP))
    else:
        shown = f"{float(value):.{places}f}"
    # Like the filter, no "-0": a value that rounds to zero shows without a sign.
    return shown.lstrip("-") if float(shown) == 0 else shown


def svg_ticks(ticks, height: int, unit: str = "") -> list[str]:
    """A chart's vertical tick lines down to ``height``, each labelled above: numbers only."""
    return [
        f'<line class="tick" x1="{x:g}" x2="{x:g}" y1="16" y2="{height:d}"/>'
        f'<text class="tick-label" x="{x:g}" y="12" text-anchor="middle">{v:d}{unit}</text>'
        for x, v in ticks
    ]


def ascii_escape(text: str) -> str:
    """``escape(text)`` with every character outside ASCII as a numeric reference.

    Python keeps a string that is all ASCII at one byte per character; one curly
    quote anywhere makes every join of the page's pieces and its encoding to
    UTF-8 work at two or four. Pages drawn on every miss (comparisons, verdicts)
    write their own punctuation as references for that reason, and text from
    elsewhere goes through here. A browser reads both the same.
    """
    return escape(text).encode("ascii", "xmlcharrefreplace").decode("ascii")
