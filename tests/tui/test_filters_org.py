"""The Organisations screen: an organisation's pack figures in its detail, and `o` for the pack."""

from __future__ import annotations

from textual.widgets import Input, Static

from plantui.tui.screens.org_pack import OrgPackDialog
from tests.tui.conftest import TODAY, wait_for

PUBLIC_BODY = "NHS South East London Integrated Care Board"


def expected_figures(service, org_id: str) -> list[str]:
    """The figures as the detail spells them, counted from the records themselves."""
    links = [v.values for v in service.list("link")]
    asks = {a.id for a in service.list("ask")}
    actions = [
        a.values
        for a in service.list("action")
        if org_id in (a.values.get("community_owner"), a.values.get("public_owner"))
    ]
    pledges = [p.values for p in service.list("pledge") if p.values.get("made_by") == org_id]
    dates = [
        a.get("end") or a.get("start")
        for a in actions
        if a.get("status") not in ("done", "cancelled")
    ] + [
        p.get("due")
        for p in pledges
        if p.get("lifecycle") not in ("met", "partly_met", "not_met", "withdrawn")
    ]
    days = [str(d) for d in dates if d]

    def asks_by(role: str) -> int:
        return len({v["from"] for v in links if v["role"] == role and v["to"] == org_id} & asks)

    soon = TODAY.replace(month=TODAY.month + 1).isoformat()  # 15 June + 30 days is 15 July
    return [
        f"Asks: {asks_by('raised_by')} raised · {asks_by('directed_to')} asked of it",
        f"Pledges: {len(pledges)} · Actions owned: {len(actions)}",
        f"Overdue: {sum(d < TODAY.isoformat() for d in days)}"
        f" · Due in 30 days: {sum(TODAY.isoformat() <= d <= soon for d in days)}",
    ]


async def test_detail_shows_the_pack_figures_and_o_writes_the_html_pack(
    make_app, demo_service, tmp_path
):
    org = next(o for o in demo_service.list("organisation") if o.label == PUBLIC_BODY)
    figures = expected_figures(demo_service, org.id)
    app = make_app("organisations")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.screen.select_record(org.id)
        pack = lambda: str(app.screen.query_one("#org-pack", Static).render())  # noqa: E731
        assert await wait_for(pilot, lambda: all(line in pack() for line in figures))
        assert "Actions owned: 0" not in pack()

        await pilot.press("o")
        assert await wait_for(pilot, lambda: isinstance(app.screen, OrgPackDialog))
        body = app.screen.query_one("#pack-body", Static)
        assert await wait_for(pilot, lambda: PUBLIC_BODY in str(body.render()))
        target = tmp_path / "pack.html"
        app.screen.query_one("#pack-path", Input).value = str(target)
        await pilot.press("enter")
        assert await wait_for(pilot, lambda: not isinstance(app.screen, OrgPackDialog))
    html = target.read_text(encoding="utf-8")
    assert PUBLIC_BODY in html and "<html" in html.lower()
