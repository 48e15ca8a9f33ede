"""The HTML report as a decision maker prints it: headless Chromium (Debian's ``chromium``)
prints it to PDF and poppler-utils reads the pages back. CI installs both; if they are
missing this test fails and says so rather than skipping."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plantui.reports.browser import find_chromium, print_to_pdf
from tests.test_reports import ASK_TITLES

pytestmark = pytest.mark.slow


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: apt-get install -y poppler-utils", pytrace=False)
    return found


def _page_texts(pdf: Path) -> list[str]:
    """The text of each page, whitespace folded (pdftotext ends each page with a form feed)."""
    text = subprocess.run(
        [_tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [_squash(page) for page in text.split("\f")]


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.usefixtures("demo_db_path")
def test_report_prints_on_a4_landscape_with_a_one_page_overview(cli, tmp_path, monkeypatch):
    if find_chromium() is None:
        pytest.fail(
            "Chromium is needed to check how the report prints: apt-get install -y chromium",
            pytrace=False,
        )
    monkeypatch.setenv("PLANTUI_TODAY", "2025-06-15")
    html = tmp_path / "report.html"
    assert cli("report", "--format", "html", "--output", str(html)).code == 0
    pdf = tmp_path / "report.pdf"
    print_to_pdf(html, pdf)

    info = subprocess.run(
        [_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(width - 842) < 2 and abs(height - 595) < 2, "A4 landscape is 842 x 595 points"
    # The overview, the timeline, at least one page per ask and the organisations.
    assert pages >= 1 + 1 + len(ASK_TITLES) + 1, pages

    texts = _page_texts(pdf)
    first = texts[0]
    assert "Overview" in first and "Gaps: what the plan still lacks" in first
    for title in ASK_TITLES:
        assert title in first, f"the overview page should list {title!r}"
    assert "Milestone with no deliverable" in first, "the overview should fit on one page"
    assert "Ask 1:" not in first, "each ask starts on a new page"
    second = texts[1]
    assert second.startswith("Timeline"), "the timeline starts on its own page"

    everything = " ".join(texts)
    starts = [everything.index(f"Ask {i}: A{i} {t}") for i, t in enumerate(ASK_TITLES, 1)]
    assert starts == sorted(starts)
    for text in texts[2:]:
        if text.startswith("Ask "):
            assert re.match(r"Ask \d: A\d ", text)
    assert "abena.mensah@bhln.example.org" not in everything
