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

    from app.db import open_database
    from app.demo import fill_demo
    from app.printing import render_document
    from app.printing.raster import render_pages
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
        services = Services.create(db, folder)
        fill_demo(services, cases=300)
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
        # The 办理 tab of a case the signed-in person holds, and the transfer slip of the
        # completed case with the longest routing.
        held = services.routing.inbox()
        if held:
            dialog = window.open_case(held[0].case_id)
            dialog.resize(1100, 700)
            dialog.tabs.setCurrentIndex(1)
            settle(app)
            dialog.grab().save(str(OUT / "routing.png"))
            print(OUT / "routing.png")
            dialog.close()
        done = services.cases.search(status=CaseStatus.COMPLETED, limit=500)
        longest = max(done, key=lambda c: len(services.routing.state(c.id).history))
        documents: list[tuple[object, str]] = [(services.routing.transfer_slip(longest.id), "transfer_slip")]
        for status, name in [(CaseStatus.ACCEPTED, "receipt"), (CaseStatus.INCOMPLETE, "notice"),
                             (CaseStatus.REJECTED, "refusal")]:
            case = services.cases.search(status=status, limit=1)[0]
            documents.append((services.intake.document(case.id), name))
        for document, name in documents:
            page = next(render_pages(render_document(document), dpi=70))  # type: ignore[arg-type]
            image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
            image.save(str(OUT / f"{name}.png"))
            print(OUT / f"{name}.png")
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
