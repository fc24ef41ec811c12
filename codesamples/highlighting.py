"""Server-side syntax highlighting: Pygments HTML with class names only.

Colours come from static/css/pygments.css (made by `manage.py pygments_css`),
so the markup carries no inline style and the CSP needs no 'unsafe-inline'.
"""

from pathlib import PurePosixPath

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.util import ClassNotFound

CSS_CLASS = "highlight"
STYLE = "default"  # WCAG AA contrast on a light background since Pygments 2.11
# Pygments cannot tell a template's engine from its name; in samples/ an .html or
# .jinja2 file is a Django or Jinja template (one lexer covers both), a .tpl
# file Bottle's SimpleTemplate, closest to plain HTML.
TEMPLATE_LEXERS = {".html": "html+django", ".jinja2": "html+django", ".tpl": "html"}


def lexer_for(path: str):
    lexer_name = TEMPLATE_LEXERS.get(PurePosixPath(path).suffix)
    if lexer_name:
        return get_lexer_by_name(lexer_name)
    try:
        return get_lexer_for_filename(path)
    except ClassNotFound:
        return get_lexer_by_name("text")


def to_html(path: str, source: str) -> str:
    formatter = HtmlFormatter(cssclass=CSS_CLASS)
    return highlight(source, lexer_for(path), formatter)


def stylesheet() -> str:
    return HtmlFormatter(style=STYLE, cssclass=CSS_CLASS).get_style_defs(f".{CSS_CLASS}")
