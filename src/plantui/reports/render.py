"""HTML and Markdown reports from the report model, through Jinja2 templates.

The HTML environment autoescapes everything; the Markdown one escapes every value it prints
(``finalize``), so text people typed, like ``<script>`` or ``[draft]``, reads as typed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from plantui.queries.org_pack import OrgPack
from plantui.queries.report_items import Report
from plantui.reports.chart import build_chart, plan_chart


def day(value: dt.date | None) -> str:
    """A date as people read it in a report: ``18 Jul 2024``."""
    if value is None:
        return ""
    return f"{value.day} {value:%b %Y}"


def when(value: str | None, confidence: str | None = None) -> str:
    """An event's start (a date, or a date-time with offset) as people read it; a day that
    is ``tbc`` is given as its month only, a ``tentative`` one as provisional."""
    if not value:
        return ""
    try:
        if len(value) == 10:
            moment = dt.datetime.combine(dt.date.fromisoformat(value), dt.time())
            shown = day(moment.date())
        else:
            moment = dt.datetime.fromisoformat(value)
            shown = f"{day(moment.date())}, {moment:%H:%M}"
    except ValueError:
        return value
    if confidence == "tbc":
        return f"{moment:%B %Y}, day to be confirmed"
    return f"provisionally {shown}" if confidence == "tentative" else shown


def pct(value: int | None) -> str:
    """Progress in words: a dash (not 0%) when nothing has reported progress."""
    return "–" if value is None else f"{value}%"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_MD_LEADING = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")


def md_escape(value: Any) -> Any:
    """Any value printed into Markdown: one line, with Markdown's special characters escaped."""
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("plantui.reports", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
        finalize=None if autoescape else md_escape,
    )
    env.filters.update(day=day, when=when, pct=pct)
    return env


@cache
def html_environment() -> Environment:
    """The autoescaping environment for HTML and SVG, compiled once per process."""
    return _environment(autoescape=True)


@cache
def markdown_environment() -> Environment:
    """The Markdown environment: no HTML escaping, every printed value Markdown-escaped."""
    return _environment(autoescape=False)


def render_html(report: Report) -> str:
    """The decision makers' pack as one self-contained HTML file (inline CSS and SVG)."""
    overall = None if report.single_ask else plan_chart(report)
    ask_charts = {
        ask.id: build_chart(report, [ask]) if ask.actions else None for ask in report.asks
    }
    template = html_environment().get_template("report.html.j2")
    return template.render(r=report, overall_chart=overall, ask_charts=ask_charts)


def render_markdown(report: Report) -> str:
    """The same pack as Markdown, for wikis, email and pull requests."""
    text = markdown_environment().get_template("report.md.j2").render(r=report)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_org_pack(pack: OrgPack, fmt: str, include_contacts: bool) -> str:
    """One organisation's pack as HTML (printable, A4) or Markdown."""
    from plantui.queries.org_pack import DUE_SOON_DAYS

    env = html_environment() if fmt == "html" else markdown_environment()
    text = env.get_template(f"org.{fmt}.j2").render(
        p=pack, due_days=DUE_SOON_DAYS, include_contacts=include_contacts
    )
    return text if fmt == "html" else re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
