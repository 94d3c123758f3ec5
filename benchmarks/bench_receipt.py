"""Receipt PDF vs a minimal one-page reportlab PDF with the same embedded font.

Both run in this process after the font is registered once (as in the running
app). The baseline is the smallest honest PDF: one A4 page, one line of Chinese
text in the same TrueType font, subset-embedded. Targets: ratio <= 3x and the
receipt's median <= 50 ms.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import median_ms, report, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.db import open_database
    from app.printing.documents import render_receipt
    from app.printing.fonts import register_cjk_font
    from app.services import Services
    from benchmarks._common import demo_database
    from tests.test_intake_service import full_form

    font = register_cjk_font()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(f"sqlite:///{demo_database(folder)}")
        services = Services.create(db, folder)
        receipt = services.intake.accept(full_form(services)).document
        db.dispose()
    assert receipt is not None

    def minimal() -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4)
        canvas.setFont(font, 12)
        canvas.drawString(72, 770, "受理回执 示例镇自然资源所 3707021012026000001")
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    render_receipt(receipt)  # warm-up: styles and the font's glyph tables
    minimal()
    ours, base = [], []
    for _ in range(args.repeat):  # interleaved so both see the same machine state
        ours += timed(lambda: render_receipt(receipt), 1)
        base += timed(minimal, 1)
    ok = report(f"receipt PDF ({args.repeat} runs)", ours, base, 3.0)
    receipt_ms = median_ms(ours)
    fast = receipt_ms <= 50
    print(f"receipt median {receipt_ms:.1f} ms (target <= 50 ms) {'OK' if fast else 'MISSED'}; "
          f"size {len(render_receipt(receipt)) / 1024:.0f} KB")
    return 0 if ok and fast else 1


if __name__ == "__main__":
    sys.exit(main())
