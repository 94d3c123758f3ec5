"""``landdesk sync …`` from the command line: a township and a county, files in between."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import landdesk

PASSWORD = "guotu-2026"


def _run(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, str, str]:
    code = landdesk(["--data-dir", str(folder), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_township_and_county_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    town, county, usb = tmp_path / "town", tmp_path / "county", tmp_path / "usb"
    assert _run(capsys, town, "init", "--office-name", "示例镇自然资源所", "--office-code", "370702101",
                "--username", "wangxm", "--display-name", "王晓梅", "--password", PASSWORD)[0] == 0
    code, out, _ = _run(capsys, county, "init", "--county", "--office-name", "示例县自然资源局",
                        "--office-code", "370702000", "--username", "admin", "--display-name", "县局管理员",
                        "--password", PASSWORD)
    assert code == 0 and "已设置县局" in out and "公钥指纹" in out
    code, _, err = _run(capsys, county, "init", "--county", "--office-name", "乡", "--office-code", "370702101",
                        "--username", "x", "--display-name", "x", "--password", PASSWORD)
    assert code == 2 and err.startswith("错误：")

    code, out, err = _run(capsys, town, "sync", "export", "--out", str(usb))
    assert code == 2 and "县局的公钥" in err

    assert _run(capsys, town, "sync", "key", "--out", str(tmp_path / "town.ldkey"))[0] == 0
    code, out, _ = _run(capsys, county, "sync", "key", "--out", str(tmp_path / "county.ldkey"),
                        "--sheet", str(tmp_path / "county.pdf"))
    assert "指纹" in out
    from pypdf import PdfReader

    fingerprint = out.split("指纹：")[1].splitlines()[0]
    sheet = PdfReader(tmp_path / "county.pdf").pages[0].extract_text()
    assert "同步密钥指纹确认单" in sheet and "示例县自然资源局" in sheet
    groups = fingerprint.split()
    assert len(groups) == 5 and all(group in sheet for group in groups)  # every group printed whole
    code, out, _ = _run(capsys, county, "sync", "register", str(tmp_path / "town.ldkey"))
    assert code == 0 and "示例镇自然资源所" in out
    assert _run(capsys, town, "sync", "register", str(tmp_path / "county.ldkey"))[0] == 0

    code, out, _ = _run(capsys, town, "sync", "export", "--out", str(usb))
    assert code == 0 and "已导出第 1 批" in out
    [batch] = sorted(usb.glob("370702101-00001-*.ldsync"))
    code, out, _ = _run(capsys, county, "sync", "import", str(batch), "--dry-run")
    assert code == 0 and "已检查" in out
    code, out, _ = _run(capsys, county, "sync", "import", str(batch))
    assert code == 0 and "已导入" in out and "office\t新增 1" in out
    code, out, _ = _run(capsys, county, "sync", "import", str(batch))
    assert code == 0 and "未做任何更改" in out

    damaged = tmp_path / "damaged.ldsync"
    damaged.write_bytes(batch.read_bytes()[:-30])
    code, out, err = _run(capsys, county, "sync", "import", str(damaged))
    assert code == 2 and "拒收" in out and err.startswith("错误：")

    code, out, _ = _run(capsys, county, "sync", "downlink", "--out", str(usb / "down"))
    assert code == 0 and "回传文件" in out
    [downlink] = sorted((usb / "down").glob("*.ldsync"))
    code, out, _ = _run(capsys, town, "sync", "import", str(downlink))
    assert code == 0 and "县局已确认收到第 1 批" in out
    code, out, _ = _run(capsys, town, "sync", "status")
    assert code == 0 and "县局已确认到第 1 批" in out
    code, out, _ = _run(capsys, town, "sync", "export", "--out", str(usb), "--again", "1")
    assert code == 0 and "重新生成第 1 批" in out
