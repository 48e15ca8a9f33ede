"""Agendas and minutes as Markdown, HTML (printable on A4, like the report) and JSON.

The same Jinja2 set-up as the report: HTML autoescapes, Markdown escapes every printed value,
so what people typed reads as typed.
"""

from __future__ import annotations

import json
import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from plantui.queries.agenda import Agenda
from plantui.queries.events import when_text
from plantui.queries.minutes import Minutes
from plantui.reports.render import day, md_escape, pct
from plantui.text import one_line

FORMATS = {"agenda": ("md", "html", "json"), "minutes": ("md", "html")}


@cache
def _environment(html: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("plantui.meetings", "templates"),
        autoescape=html,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=None if html else md_escape,
    )
    env.filters.update(day=day, pct=pct, when=when_text, line=one_line)
    return env


def _render(name: str, fmt: str, **values: object) -> str:
    text = _environment(fmt == "html").get_template(f"{name}.{fmt}.j2").render(**values)
    if fmt == "md":
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text


def render_agenda(agenda: Agenda, fmt: str) -> str:
    """The agenda in ``fmt`` (md, html or json)."""
    if fmt == "json":
        return json.dumps(agenda.to_json(), indent=2, ensure_ascii=False) + "\n"
    return _render("agenda", fmt, a=agenda)


def render_minutes(minutes: Minutes, fmt: str) -> str:
    """The minutes in ``fmt`` (md or html)."""
    return _render("minutes", fmt, m=minutes)
