"""The agenda and minutes as a chair prints them: headless Chromium prints the HTML to PDF
and poppler-utils reads it back. Missing tools fail the test rather than skip it."""

from __future__ import annotations

import re
import subprocess

import pytest

from plantui.reports.browser import find_chromium, print_to_pdf
from tests.test_report_pdf import _page_texts, _tool


@pytest.mark.slow
@pytest.mark.usefixtures("demo_db_path")
@pytest.mark.parametrize("command", ["agenda", "minutes"])
def test_meeting_papers_print_on_a4(cli, tmp_path, command):
    if find_chromium() is None:
        pytest.fail("Chromium is needed: apt-get install -y chromium", pytrace=False)
    html = tmp_path / f"{command}.html"
    result = cli(
        command, "Commissioning task-and-finish", "--format", "html", "--output", str(html)
    )
    assert result.code == 0, result.err
    pdf = tmp_path / f"{command}.pdf"
    print_to_pdf(html, pdf)
    info = subprocess.run(
        [_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(width - 595) < 2 and abs(height - 842) < 2, "A4 portrait is 595 x 842 points"
    text = " ".join(_page_texts(pdf))
    heading = "Agenda" if command == "agenda" else "Minutes"
    assert text.startswith(f"{heading}: Commissioning task-and-finish meeting 17 Jul 2025, 14:00")
    if command == "agenda":
        assert "1. Overdue" in text and "Co-produce a simpler commissioning guide" in text
    else:
        assert "Next meeting Steering group: third quarterly review, 11 Sep 2025" in text
