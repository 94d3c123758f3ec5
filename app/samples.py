"""``landdesk samples``: one of every printed document, from a throw-away demo office.

The intake documents (receipt, one-time notice, refusal), the transfer slip and the decision
notice of a completed case, and a printer test page.

Offices print these to check the printer, the paper and the font before the
first real applicant arrives. The documents come from real cases made by the
services in a temporary database, so the samples show exactly what the
window will print.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from app.clock import Clock
from app.db import open_database
from app.demo import fill_demo
from app.printing import render_document
from app.services import Services
from app.services.intake import CaseStatus

SAMPLE_NAMES = {
    CaseStatus.ACCEPTED: "受理回执",
    CaseStatus.INCOMPLETE: "一次性告知书",
    CaseStatus.REJECTED: "不予受理通知书",
}


def longest_routed_case(services: Services, limit: int = 200) -> uuid.UUID | None:
    """The completed case with the most hand-offs: it shows the most of a transfer slip."""
    done = services.cases.search(status=CaseStatus.COMPLETED, limit=limit)
    if not done:
        return None
    return max(done, key=lambda c: len(services.routing.state(c.id).history)).id


def write_samples(out: Path, clock: Clock) -> list[Path]:
    from app.printing.documents import render_test_page

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="landdesk-samples-") as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{folder / 'samples.sqlite3'}")
        try:
            services = Services.create(db, folder, clock=clock)
            fill_demo(services, cases=40)
            office = services.office.office()
            for status, title in SAMPLE_NAMES.items():
                rows = services.cases.search(status=status, limit=1)
                if not rows:
                    continue
                document = services.intake.document(rows[0].id)
                assert document is not None
                path = out / f"{title}.pdf"
                path.write_bytes(render_document(document))
                written.append(path)
            longest = longest_routed_case(services)
            if longest is not None:
                for document, title in ((services.routing.transfer_slip(longest), "传办单"),
                                        (services.routing.decision_notice(longest), "办结通知书")):
                    path = out / f"{title}.pdf"
                    path.write_bytes(render_document(document))
                    written.append(path)
            path = out / "打印测试页.pdf"
            path.write_bytes(render_test_page(services.ctx.now(), office))
            written.append(path)
        finally:
            db.dispose()
    return written
