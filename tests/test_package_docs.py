"""The task package papers (任务书及验收单, 督查整改通知书, 台账 in PDF and Excel) and the demo
packages they are shown with in the README."""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.demo_packages import fill_demo_packages
from app.dto import Role
from app.printing.package_docs import (
    render_inspection_notice,
    render_package_register,
    render_package_sheet,
)
from app.reports.packages_excel import write_package_register
from app.services import Services
from app.services.packages import PackageDetail, PackageFilter, PackageForm, PackageStatus
from tests.test_watch_services import add_user

TODAY = dt.date(2026, 11, 23)


def text_of(pdf: bytes) -> tuple[str, list[tuple[float, float]]]:
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    return "".join(p.extract_text() for p in reader.pages), sizes


@pytest.fixture
def demo(demo_services: Services) -> Services:
    fill_demo_packages(demo_services, TODAY, random.Random(8))
    return demo_services


def find(services: Services, words: str) -> PackageDetail:
    item = next(i for i in services.packages.list_packages(PackageFilter(status="all")) if words in i.title)
    return services.packages.detail(item.id)


def test_the_demo_has_every_stage(demo: Services) -> None:
    items = demo.packages.list_packages(PackageFilter(status="all"))
    assert len(items) == 9
    statuses = {i.status for i in items}
    assert statuses == set(PackageStatus) - {PackageStatus.ACCEPTED}  # the accepted one is scored too
    assert [i.number for i in sorted(items, key=lambda i: i.number)][0].endswith("RW000001")
    assert sum(1 for i in items if i.overdue) == 1
    assert sum(i.overdue_inspections for i in items) == 1
    scored = find(demo, "东王村）")
    assert scored.item.grade == "优秀" and scored.item.progress == Decimal("100.0")
    assert [e.kind for e in find(demo, "北张村").events].count("returned") == 1
    for item in items:
        detail = demo.packages.detail(item.id)
        times = [e.at for e in detail.events]
        assert times == sorted(times) and all(t.date() <= TODAY for t in times)
    assert all(i.responsible for i in items if i.status not in (PackageStatus.ENTERED, PackageStatus.CANCELLED))


def test_task_sheet_of_an_accepted_package(demo: Services) -> None:
    detail = find(demo, "东王村）")
    text, sizes = text_of(render_package_sheet(detail))
    assert all(size == pytest.approx((595.3, 841.9), abs=1) for size in sizes)  # A4 portrait
    assert len(sizes) <= 2
    for words in ("任务包任务书及验收单", detail.item.number, "2026年度村庄改造（东王村）", "刘建军", "陈静",
                  "完成拆旧协议签订", "拆除旧宅 12 户", detail.inspections[0].number, "已组织机械清运",
                  "同意验收出库", "93 分", "优秀", "责任人（签字）", "验收人（签字）"):
        assert words in text, words


def test_task_sheet_of_a_new_package_leaves_room_to_write(demo: Services) -> None:
    detail = find(demo, "高标准农田")
    text, sizes = text_of(render_package_sheet(detail))
    assert len(sizes) == 1  # one sheet, with blanks for the acceptance by hand
    assert "（尚未分配）" in text and "未设进度节点" in text and "尚无进度报告" in text and "未经督查" in text


def test_a_long_package_flows_over_pages(services: Services) -> None:
    handler = add_user(services, "刘建军", Role.HANDLER)
    p = services.packages
    ref = p.enter(PackageForm(title="土地卫片执法图斑核查" * 5, category="执法监察", start_date=dt.date(2026, 1, 5),
                              working_days=200, target_quantity="500", unit="宗", description="核查要求。" * 150))
    p.assign(ref.id, handler)
    services.ctx.user_id = handler
    for n in range(40):
        p.report_progress(ref.id, dt.date(2026, 1, 5) + dt.timedelta(days=7 * n), "3", f"第 {n + 1} 周核查 3 宗。" * 8)
    text, sizes = text_of(render_package_sheet(p.detail(ref.id)))
    assert len(sizes) >= 3 and "第 40 周核查 3 宗" in text and "第 1 页 共" in text


def test_inspection_notice_open_and_rectified(demo: Services) -> None:
    open_one = find(demo, "网格化").inspections[0]
    text, sizes = text_of(render_inspection_notice(demo.packages.inspection_notice(open_one.id)))
    assert len(sizes) == 1
    for words in ("督查整改通知书", open_one.number, "陈静同志", "2026年11月17日前", "补齐巡查照片和签字",
                  "整改人（签字）", "督查人（签字）"):
        assert words in text, words
    done = find(demo, "东王村）").inspections[0]
    text, _ = text_of(render_inspection_notice(demo.packages.inspection_notice(done.id)))
    assert "已组织机械清运建筑垃圾" in text and "整改人：刘建军" in text


def test_register_pdf_and_excel(demo: Services, tmp_path: Path) -> None:
    register = demo.packages.register(2026)
    assert len(register.items) == 7 and register.cancelled == 1  # the 2027 one and the cancelled one are out
    text, sizes = text_of(render_package_register(register))
    assert sizes[0][0] > sizes[0][1]  # landscape
    for words in ("2026年度任务包台账", "合计", "共 7 个，已验收 1 个", "逾期1个", "均分93.0", "另有撤销 1 个"):
        assert words in text, words
    path = write_package_register(register, tmp_path / "台账.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A4"
    headers = [c.value for c in sheet[3]]
    assert headers[:4] == ["序号", "任务编号", "任务名称", "类别"]
    rows = list(sheet.iter_rows(min_row=4, max_row=10, values_only=True))
    assert [r[1] for r in rows] == [i.number for i in register.items]
    assert isinstance(rows[0][headers.index("截止日期")], dt.datetime)
    total = [c.value for c in sheet[11]]
    assert total[0] == "合计" and total[headers.index("未整改督查")] == 1
    assert total[headers.index("得分")] == 93
    assert sheet.column_dimensions["B"].width >= 21  # the number is not cut off


def test_the_village_packages_count_towards_a_target_when_there_is_one(demo_services: Services) -> None:
    from app.models import WorkTarget

    services = demo_services
    target_id = uuid.uuid4()
    with services.ctx.transaction("test.target") as s:
        s.add(WorkTarget(id=uuid.uuid4(), office_id=services.ctx.office_id, name="村庄改造腾出土地（五年）",
                         unit="公顷", first_year=2026, last_year=2030, planned=Decimal("3333.33"),
                         created_at=services.ctx.now()))
        s.add(WorkTarget(id=target_id, office_id=services.ctx.office_id, name="2026年村庄改造腾出土地",
                         unit="亩", first_year=2026, last_year=2026, planned=Decimal("10000"),
                         created_at=services.ctx.now()))
    fill_demo_packages(services, TODAY, random.Random(8))
    linked = [i for i in services.packages.list_packages(PackageFilter(status="all")) if i.target_name]
    assert sorted(i.title for i in linked) == ["2026年度村庄改造（东王村）", "2026年度村庄改造（西李庄）"]
    assert {i.target_name for i in linked} == {"2026年村庄改造腾出土地"} and {i.unit for i in linked} == {"亩"}
    assert find(services, "东王村）").item.achieved == Decimal("78")


def test_a_returned_package_keeps_its_return_on_the_sheet(demo: Services) -> None:
    detail = find(demo, "北张村")
    assert detail.item.status is PackageStatus.IN_PROGRESS and detail.submitted_at is None
    text, _ = text_of(render_package_sheet(detail))
    assert "退回记录" in text and "四至与公示不一致" in text and "孙德明" in text
