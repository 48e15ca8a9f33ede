"""The export dialog: a person picks a format and a path, presses Export, and gets the file
(made in a worker thread) and a notification; a refusal keeps the dialog open and says why."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from textual.widgets import Button, Checkbox, Input, Select, Static

from plantui.tui.dialogs.report import ReportDialog, default_path


def _capture_notifications(app) -> list[tuple[str, dict]]:
    seen: list[tuple[str, dict]] = []
    app.notify = lambda message, **kw: seen.append((message, kw))
    return seen


async def _open(app, pilot) -> ReportDialog:
    dialog = ReportDialog()
    app.push_screen(dialog)
    await pilot.pause()
    assert app.screen is dialog
    return dialog


async def _export(app, pilot, dialog: ReportDialog) -> None:
    await pilot.click("#report-export")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_html_report_is_written_and_notified(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        seen = _capture_notifications(app)
        dialog = await _open(app, pilot)
        target = tmp_path / "pack.html"
        dialog.query_one("#report-path", Input).value = str(target)
        await _export(app, pilot, dialog)
        assert app.screen is not dialog, "the dialog closes once the report is written"
    html = target.read_text(encoding="utf-8")
    assert "Ask 8: A8 Culturally appropriate social care" in html
    assert "Report of 15 Jun 2025" in html  # the app's pinned today
    assert "abena.mensah@bhln.example.org" not in html
    assert seen and seen[0][0] == f"Wrote the html report (8 asks) to {target}."
    assert seen[0][1]["markup"] is False


async def test_choosing_a_format_suggests_a_path_and_exports_it(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        _capture_notifications(app)
        dialog = await _open(app, pilot)
        path_input = dialog.query_one("#report-path", Input)
        path_input.value = default_path("html", tmp_path)
        dialog._suggested = path_input.value
        dialog.query_one("#report-format", Select).value = "ics"
        await pilot.pause()
        assert path_input.value == str(tmp_path / "plantui-report.ics")
        assert dialog.query_one("#report-ask", Input).disabled
        await _export(app, pilot, dialog)
    cal = Calendar.from_ical((tmp_path / "plantui-report.ics").read_bytes())
    assert len(cal.walk("VEVENT")) > 20


async def test_one_ask_with_contacts(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        _capture_notifications(app)
        dialog = await _open(app, pilot)
        dialog.query_one("#report-format", Select).value = "md"
        await pilot.pause()
        dialog.query_one("#report-path", Input).value = str(tmp_path / "a3.md")
        dialog.query_one("#report-ask", Input).value = "A3"
        dialog.query_one("#report-contacts", Checkbox).value = True
        await _export(app, pilot, dialog)
    text = (tmp_path / "a3.md").read_text(encoding="utf-8")
    assert "## Ask 3: A3 Community health checks" in text and "## Ask 1:" not in text


async def test_a_refusal_keeps_the_dialog_open_and_says_why(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        seen = _capture_notifications(app)
        dialog = await _open(app, pilot)
        missing = tmp_path / "no such folder" / "r.html"
        dialog.query_one("#report-path", Input).value = str(missing)
        await _export(app, pilot, dialog)
        assert app.screen is dialog
        status = str(dialog.query_one("#report-status", Static).render())
        assert "does not exist" in status
        assert dialog.query_one("#report-status").has_class("error")
        assert not dialog.query_one("#report-export", Button).disabled, "Export can be retried"
        assert seen[-1][1]["severity"] == "error"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not dialog
    assert not missing.exists()


async def test_the_command_palette_offers_the_dialog(make_app):
    """T1's palette lists 'Export a report' when this module exists, and opens the dialog."""
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        from plantui.tui.commands import PlanCommands

        provider = PlanCommands(app.screen)
        commands = {text: callback for text, callback, _ in provider._commands()}
        assert "Export a report" in commands
        commands["Export a report"]()
        await pilot.pause()
        assert isinstance(app.screen, ReportDialog)
