"""The landdesk command line, run in-process."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.demo import DEMO_OFFICE
from tests.conftest import landdesk


def test_samples_writes_every_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert landdesk(["samples", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert names == sorted(["受理回执.pdf", "一次性告知书.pdf", "不予受理通知书.pdf", "传办单.pdf",
                            "办结通知书.pdf", "打印测试页.pdf"])
    assert "传办单" in PdfReader(tmp_path / "传办单.pdf").pages[0].extract_text()
    text = PdfReader(tmp_path / "受理回执.pdf").pages[0].extract_text()
    assert "受理回执" in text and "示例镇自然资源所" in text
    assert "打印测试页" in PdfReader(tmp_path / "打印测试页.pdf").pages[0].extract_text()


def test_catalog_check_reports_file_line_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert landdesk(["catalog", "check"]) == 0
    assert "检查通过" in capsys.readouterr().out
    from app.resources import resource_path

    bad = tmp_path / "catalog"
    (bad / "matters").mkdir(parents=True)
    (bad / "catalog.toml").write_text((resource_path("catalog") / "catalog.toml").read_text("utf-8"), "utf-8")
    source = (resource_path("catalog", "matters") / "td-001.toml").read_text("utf-8")
    (bad / "matters" / "td-001.toml").write_text(source.replace("copies = 1", "copies = 0", 1), "utf-8")
    assert landdesk(["catalog", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "td-001.toml" in err and "行" in err and "copies" in err


def test_deadline_and_audit_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "x.sqlite3"), "--data-dir", str(tmp_path)]
    assert landdesk(["deadline", *db, "2025-09-30", "3"]) == 0
    assert capsys.readouterr().out.strip() == "2025-10-11"  # a 调休 Saturday after National Day
    assert landdesk(["deadline", *db, "2026-12-28", "10"]) == 0
    captured = capsys.readouterr()
    assert "2027" in captured.err
    assert landdesk(["init", *db, "--office-name", "城关镇自然资源所", "--office-code", "370702101",
                 "--username", "li", "--display-name", "李明", "--password", "chengguan-1"]) == 0
    assert landdesk(["audit", *db, "verify"]) == 0
    assert "完整" in capsys.readouterr().out


def test_bad_office_code_is_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(tmp_path / "x.sqlite3"), "--data-dir", str(tmp_path)]
    assert landdesk(["init", *db, "--office-name", "某镇", "--office-code", "3707", "--username", "li",
                 "--display-name", "李明", "--password", "chengguan-1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err


def test_window_needs_a_front_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert landdesk([]) == 2
    assert "图形界面" in capsys.readouterr().err


def test_database_options_count_before_and_after_the_sub_command(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = tmp_path / "before.sqlite3"
    assert landdesk(["--db", str(before), "--data-dir", str(tmp_path), "demo", "--cases", "3"]) == 0
    assert "3 件" in capsys.readouterr().out
    assert before.exists() and before.stat().st_size > 0
    after = tmp_path / "after.sqlite3"
    assert landdesk(["demo", "--db", str(after), "--data-dir", str(tmp_path), "--cases", "2"]) == 0
    assert after.exists() and after.stat().st_size > 0


def test_every_core_package_imports_on_its_own() -> None:
    """``python -m app.cli`` imports the sync package before the services: no import cycle."""
    import subprocess
    import sys

    for module in ("app.sync", "app.services", "app.cli", "app.sync.cli"):
        done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, (module, done.stderr[-500:])


def test_management_commands_write_their_papers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The refined-management outputs from the command line, on a small demo office."""
    from pypdf import PdfReader

    db = ["--db", str(tmp_path / "x.sqlite3"), "--data-dir", str(tmp_path)]
    assert landdesk(["demo", *db, "--cases", "6"]) == 0
    capsys.readouterr()
    out = tmp_path / "out"
    out.mkdir()
    commands = [
        (["targets", "print", "--name", "土地整理腾地", "--year", "2026"], "t.pdf", "土地整理腾地"),
        (["packages", "register", "--year", "2026"], "k.pdf", "任务包台账"),
        (["study", "register", "--year", "2026", "--quarter", "3"], "s.pdf", "学习情况登记表"),
        (["petitions", "ledger", "--status", "open"], "l.pdf", "结对消访台账"),
    ]
    for args, name, title in commands:
        assert landdesk([*args[:2], *db, *args[2:], "-o", str(out / name)]) == 0, capsys.readouterr().err
        text = "".join(page.extract_text() for page in PdfReader(out / name).pages)
        assert title in text.replace(" ", ""), name
    assert landdesk(["packages", "register", *db, "--year", "2026", "-o", str(out / "k.xlsx")]) == 0
    assert (out / "k.xlsx").stat().st_size > 0
    # A township cannot hand targets down, and a share written wrongly is a message.
    assert landdesk(["targets", "allot", *db, "--name", "村庄改造", "--year", "2026", "370702102-50"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "代码=数量" in err and "Traceback" not in err


# ---------------------------------------------------------------- landdesk demo refuses before writing


def row_counts(path: Path) -> dict[str, int]:
    import sqlite3

    from app.backup import _counts

    conn = sqlite3.connect(path)
    try:
        return _counts(conn)
    finally:
        conn.close()


def test_demo_on_an_office_set_up_with_init_is_refused_before_writing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.sqlite3"
    db = ["--db", str(path), "--data-dir", str(tmp_path)]
    assert landdesk(["init", *db, "--office-name", "城关镇自然资源所", "--office-code", "370702101",
                     "--username", "li", "--display-name", "李明", "--password", "chengguan-1"]) == 0
    capsys.readouterr()
    before = row_counts(path)
    assert landdesk(["demo", *db, "--cases", "6"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    assert "城关镇自然资源所" in err and "没有写入任何数据" in err and "--db" in err and "--data-dir" in err
    assert row_counts(path) == before
    # A county is refused the same way.
    county = tmp_path / "county.sqlite3"
    cdb = ["--db", str(county), "--data-dir", str(tmp_path)]
    assert landdesk(["init", *cdb, "--county", "--office-name", "示例县自然资源局", "--office-code", "370702000",
                     "--username", "li", "--display-name", "李明", "--password", "chengguan-1"]) == 0
    capsys.readouterr()
    before = row_counts(county)
    assert landdesk(["demo", *cdb]) == 2
    err = capsys.readouterr().err
    assert "县局" in err and "示例县自然资源局" in err and "Traceback" not in err
    assert row_counts(county) == before


def test_a_second_demo_on_a_demo_database_is_refused_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    db = ["--db", str(path), "--data-dir", str(tmp_path)]
    assert landdesk(["demo", *db, "--cases", "4"]) == 0
    assert "4 件" in capsys.readouterr().out
    before = row_counts(path)
    assert before["case_file"] == 4 and before["task_package"] > 0
    assert landdesk(["demo", *db, "--cases", "4"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    assert "已经有数据" in err and "申请 4 条" in err and "没有写入任何数据" in err and "--db" in err
    assert row_counts(path) == before
    assert landdesk(["demo", *db, "--cases", "-1"]) == 2
    assert "不能为负数" in capsys.readouterr().err


@pytest.mark.both_backends
def test_the_demo_fills_a_database_holding_only_the_demo_office(make_services) -> None:  # type: ignore[no-untyped-def]
    """As the first run of ``landdesk --demo`` leaves it (the office, its first user): it goes ahead;
    with anything more it is refused before a write."""
    from app.demo import DemoRefused, demo_refusal, make_demo_office

    office = make_services("office")
    assert demo_refusal(office) is None
    assert make_demo_office(office, cases=5) == 5
    assert office.cases.search(limit=10) and office.packages.list_packages()
    refused = demo_refusal(office)
    assert refused is not None and "已经有数据" in refused
    blank = make_services("empty")
    assert demo_refusal(blank) is None
    blank.office.create_office(dataclasses.replace(DEMO_OFFICE), username="lina", display_name="李娜",
                               password="guotu-2026")
    refused = demo_refusal(blank)  # the demo office's name and code, but not its first user
    assert refused is not None and "李娜" in refused
    with pytest.raises(DemoRefused):
        make_demo_office(blank, cases=3)
    assert blank.cases.search(limit=10) == [] and len(blank.users.list_users()) == 1
