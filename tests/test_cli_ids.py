"""Every CLI command takes a record's ref code or a unique id prefix wherever it takes an id."""

from __future__ import annotations

import pytest

from tests.conftest import run_process


@pytest.fixture
def plan(cli):
    assert cli("add", "plan", "title=Southwark plan").code == 0
    org = cli("add", "organisation", "name=Council").last_line
    ids = {
        "A3": cli("add", "ask", "title=Fair funding", "ref_code=A3").last_line,
        "P11": cli("add", "pledge", "title=Grants", "ref_code=P11", f"made_by={org}").last_line,
    }
    ids["1.2"] = cli("add", "action", "title=Clinics", "ref_code=1.2", "ask=A3").last_line
    return cli, ids


def test_show_set_delete_restore_by_ref_code(plan) -> None:
    cli, ids = plan
    assert cli("show", "P11", "--json").json()["id"] == ids["P11"]
    assert cli("show", "p11", "--json").json()["id"] == ids["P11"]  # any case
    assert cli("set", "A3", "status=agreed").code == 0
    assert cli("show", ids["A3"], "--json").json()["status"] == "agreed"
    assert cli("show", "1.2", "--json").json()["ask"] == ids["A3"]  # a ref value by code too
    assert cli("delete", "P11").code == 0
    assert cli("restore", "P11").code == 0  # a deleted record is still found by its code
    assert cli("show", "P11", "--json").json()["deleted"] is False


def test_a_six_digit_prefix_is_enough_when_unique(plan) -> None:
    cli, ids = plan
    every = [
        r["id"]
        for t in ("plan", "organisation", "ask", "pledge", "action")
        for r in cli("list", t, "--json").json()
    ]
    target = ids["P11"]
    unique = next(
        n for n in range(6, len(target)) if sum(i.startswith(target[:n]) for i in every) == 1
    )
    assert cli("show", target[:unique], "--json").json()["id"] == target
    short = cli("show", target[:5])
    assert short.code == 1 and "6 or more" in short.err


def test_ambiguous_keys_list_the_candidates_in_one_sentence(plan) -> None:
    cli, _ids = plan
    assert cli("add", "action", "title=Second", "ref_code=P11").code == 0
    both = cli("set", "P11", "title=x")
    assert both.code == 1
    assert len(both.err.strip().splitlines()) == 1
    assert "pledge P11 “Grants”" in both.err and "action P11 “Second”" in both.err
    assert "Traceback" not in both.err


def test_an_ambiguous_prefix_lists_the_candidates(plan_service) -> None:
    from plantui.errors import PlanError

    first = plan_service.create("ask", {"title": "First", "ref_code": "A1"}).record_id
    second = plan_service.create("ask", {"title": "Second"}).record_id
    assert first[:6] == second[:6]  # ids made in the same hour share their time digits
    with pytest.raises(PlanError) as refused:
        plan_service.resolve_id(first[:6])
    message = str(refused.value)
    assert "more than one record" in message
    assert f"ask A1 “First” {first[:8]}" in message and f"ask “Second” {second[:8]}" in message


@pytest.mark.slow
def test_a_real_process_takes_a_ref_code(tmp_path) -> None:
    db = str(tmp_path / "plan.db")
    assert run_process("--db", db, "--clock-ok", "add", "plan", "title=P").returncode == 0
    made = run_process("--db", db, "--clock-ok", "add", "ask", "title=T", "ref_code=A1")
    shown = run_process("--db", db, "show", "A1")
    assert shown.returncode == 0, shown.stderr
    assert made.stdout.strip().splitlines()[-1] in shown.stdout
    missing = run_process("--db", db, "show", "A9")
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "A9" in missing.stderr
