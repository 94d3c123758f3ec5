"""Make the README screenshots from a demo office.

Run: ``xvfb-run -a .venv/bin/python scripts/screenshots.py`` (or with
QT_QPA_PLATFORM=offscreen). Writes docs/screenshots/*.png: every page of the
main window at 1366×768 (the clerks' usual screen) and the first page of each
printed document.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def settle(app, ms: int = 300) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    from PySide6.QtGui import QFont, QFontDatabase, QImage

    from app.clock import system_clock
    from app.db import open_database
    from app.demo import fill_demo, fill_demo_management
    from app.printing import render_document
    from app.printing.monthly_doc import monthly_report_pdf
    from app.printing.raster import render_pages
    from app.samples import longest_routed_case
    from app.services import Services
    from app.services.intake import CaseStatus
    from ui.application import install_translators, make_application
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application()
    if "WenQuanYi Zen Hei" in QFontDatabase.families():
        app.setFont(QFont("WenQuanYi Zen Hei", 10))
    install_translators(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{folder / 'demo.sqlite3'}")
        services = Services.create(db, folder, clock=system_clock)
        fill_demo(services, cases=300)
        fill_demo_management(services)
        runner = TaskRunner(inline=True)
        window = MainWindow(services, runner, data_folder=folder)
        window.resize(1366, 768)
        window.show()
        for row, name in enumerate(["home", "intake", "cases", "calendar", "inbox", "inquiry",
                                    "supervision"]):
            window.nav.setCurrentRow(row)
            if name == "intake":
                # Show the checklist of a matter with many materials, partly filled in.
                incomplete = services.cases.search(status=CaseStatus.INCOMPLETE, limit=1)
                if incomplete:
                    window.intake.continue_case(incomplete[0].id)
            settle(app)
            window.grab().save(str(OUT / f"{name}.png"))
            print(OUT / f"{name}.png")
        # Reports, assessment and the catalogue editor (the demo's first user is administrator).
        for page, name in ((window.registers_page, "registers"), (window.monthly_page, "monthly"),
                           (window.assessment_page, "assessment"), (window.catalog_page, "catalog"),
                           (window.targets_page, "targets"), (window.packages_page, "packages"),
                           (window.study_page, "study"), (window.petitions_page, "petitions")):
            window.nav.setCurrentRow(window.stack.indexOf(page))
            settle(app, 600)
            window.grab().save(str(OUT / f"{name}.png"))
            print(OUT / f"{name}.png")
        # The 办理 tab of a case the signed-in person holds, and the transfer slip of the
        # completed case with the longest routing.
        held = services.routing.inbox()
        if held:
            dialog = window.open_case(held[0].case_id)
            dialog.resize(1180, 700)
            dialog.tabs.setCurrentIndex(1)
            settle(app)
            dialog.grab().save(str(OUT / "routing.png"))
            print(OUT / "routing.png")
            dialog.close()
        longest = longest_routed_case(services, limit=500)
        assert longest is not None, "the demo office has completed cases"
        documents: list[tuple[object, str]] = [(services.routing.transfer_slip(longest), "transfer_slip")]
        for status, name in [(CaseStatus.ACCEPTED, "receipt"), (CaseStatus.INCOMPLETE, "notice"),
                             (CaseStatus.REJECTED, "refusal")]:
            case = services.cases.search(status=status, limit=1)[0]
            documents.append((services.intake.document(case.id), name))
        month = services.monthly.default_month()
        pdfs = [(render_document(document), name) for document, name in documents]  # type: ignore[arg-type]
        pdfs += [(services.brochures.matter_pdf("TD-003"), "brochure"),
                 (services.brochures.trifold_pdf("TD-003"), "trifold"),
                 (monthly_report_pdf(services.monthly.report(month.year, month.month)), "monthly_report")]
        pdfs += management_pdfs(services)
        for pdf, name in pdfs:
            page = next(render_pages(pdf, dpi=70))
            image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
            image.save(str(OUT / f"{name}.png"))
            print(OUT / f"{name}.png")
        window.close()
        db.dispose()
        county_screenshots(app, folder)
    return 0


def management_pdfs(services) -> list[tuple[bytes, str]]:  # type: ignore[no-untyped-def]
    """The first page of a target's progress, a task sheet, the study register and the
    petition ledger of the demo office."""
    from app.printing.package_docs import render_package_sheet
    from app.printing.petition_docs import render_ledger
    from app.printing.study_docs import render_register
    from app.printing.target_docs import target_progress_pdf
    from app.services.packages import PackageFilter

    today = services.ctx.today()
    yearly = [t for t in services.targets.list_targets(today.year) if t.unit == "公顷" and t.kind.value == "yearly"]
    packages = services.packages.list_packages(PackageFilter(status="all"))
    scored = [p for p in packages if p.status.value == "scored"] or packages
    quarter = (today.month - 1) // 3  # the quarter before this one has ended: a full register
    year, quarter = (today.year, quarter) if quarter else (today.year - 1, 4)
    return [(target_progress_pdf(services.targets.progress(yearly[0].id)), "target_progress"),
            (render_package_sheet(services.packages.detail(scored[0].id)), "package_sheet"),
            (render_register(services.study.register(year, quarter)), "study_register"),
            (render_ledger(services.petitions.ledger(None)), "petition_ledger")]


def county_screenshots(app, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Three demo townships export their batches; the county imports them (the import dialog's
    summary) and shows its consolidated page; then it hands a 2026 target down to them, they
    work on their shares, and the county's targets page shows each township against its share."""
    import dataclasses
    import random

    from app.clock import system_clock
    from app.db import open_database
    from app.demo import DEMO_OFFICE, fill_demo
    from app.demo_targets import fill_demo_county_targets, fill_demo_township_shares
    from app.services import Services
    from app.services.users import DEMO_PASSWORD
    from ui.main_window import MainWindow
    from ui.sync_dialogs import ImportDialog
    from ui.tasks import TaskRunner

    townships = {"370702101": "示例镇自然资源所", "370702102": "东关镇自然资源所",
                 "370702103": "西河乡自然资源所"}
    databases = []
    county_db = open_database(f"sqlite:///{folder / 'county.sqlite3'}")
    databases.append(county_db)
    county = Services.create(county_db, folder / "county", clock=system_clock)
    county.sync.create_county_office("示例县自然资源局", "370702000", username="wangxm",
                                     display_name="县局王晓梅", password=DEMO_PASSWORD)
    batches = []
    towns: dict[str, Services] = {}
    for n, (code, name) in enumerate(townships.items()):
        db = open_database(f"sqlite:///{folder / f'town{code}.sqlite3'}")
        databases.append(db)
        town = Services.create(db, folder / code, clock=system_clock)
        towns[code] = town
        town.office.create_office(dataclasses.replace(DEMO_OFFICE, code=code, name=name),
                                  username="wangxm", display_name="王晓梅", password=DEMO_PASSWORD)
        fill_demo(town, cases=120, seed=20261123 + n)
        keys = folder / "keys"
        keys.mkdir(exist_ok=True)
        county.sync.register_key(keys / f"{town.sync.write_public_key(keys).office_code}.ldkey")
        town.sync.register_key(keys / f"{county.sync.write_public_key(keys).office_code}.ldkey")
        batches.append(town.sync.export_batch(folder / "usb").path)
    runner = TaskRunner(inline=True)
    window = MainWindow(county, runner, data_folder=folder)
    window.resize(1366, 768)
    window.show()
    dialog = ImportDialog(county, runner, window)
    dialog.resize(1180, 700)
    dialog.show()
    dialog.add_files(batches)
    dialog.run_import(dry_run=False)
    settle(app)
    dialog.grab().save(str(OUT / "sync_import.png"))
    print(OUT / "sync_import.png")
    dialog.close()
    window.county_page.refresh()
    settle(app)
    window.grab().save(str(OUT / "county.png"))
    print(OUT / "county.png")
    rng = random.Random(20261123)
    fill_demo_county_targets(county, county.ctx.today(), rng)
    downlinks = county.sync.export_downlinks(folder / "down")
    for code, town in towns.items():
        town.sync.import_files([p for p in downlinks if f"-to-{code}-" in p.name])
        fill_demo_township_shares(town, town.ctx.today(), rng)
        county.sync.import_files([town.sync.export_batch(folder / "usb").path])
    page = window.targets_page
    window.nav.setCurrentRow(window.stack.indexOf(page))
    settle(app)
    shared = [t for t in county.targets.list_targets(2026)
              if t.office.is_county and t.name == "城乡建设用地增减挂钩复垦" and t.kind.value == "yearly"]
    page.select_target(shared[0].id)
    settle(app, 600)
    window.grab().save(str(OUT / "county_targets.png"))
    print(OUT / "county_targets.png")
    window.close()
    for db in databases:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
