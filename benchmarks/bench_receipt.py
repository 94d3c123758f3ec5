"""Receipt PDF vs a minimal one-page reportlab PDF with the same embedded font.

Both run in this process after the font is registered once (as in the running
app). The baseline is the smallest honest PDF: one A4 page, one line of Chinese
text in the same TrueType font, subset-embedded. Targets: ratio <= 3x and the
receipt's median <= 50 ms. ``--quick``: 5 runs, no verdict on time.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import median_ms, quick_exit, report, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--quick", action="store_true", help="5 runs; no verdict on time")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 5

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.clock import system_clock
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
        services = Services.create(db, folder, clock=system_clock)
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

    from pypdf import PdfReader

    receipt_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_receipt(receipt))).pages)
    lines = [line for line in receipt_text.splitlines() if line.strip()]

    def same_text() -> bytes:
        """Every line of the receipt's text on a page, no layout: isolates glyph subsetting cost."""
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4)
        canvas.setFont(font, 8)
        y = 800.0
        for line in lines:
            canvas.drawString(40, y, line)
            y -= 10
            if y < 40:
                canvas.showPage()
                canvas.setFont(font, 8)
                y = 800.0
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    render_receipt(receipt)  # warm-up: styles and the font's glyph tables
    minimal()
    ours, base, text_only = [], [], []
    for _ in range(args.repeat):  # interleaved so all see the same machine state
        ours += timed(lambda: render_receipt(receipt), 1)
        base += timed(minimal, 1)
        text_only += timed(same_text, 1)
    ok = report(f"receipt PDF vs minimal page ({args.repeat} runs)", ours, base, 3.0)
    print(f"  for scale: the receipt's own text drawn without layout {median_ms(text_only):.2f} ms "
          f"(glyph subsetting of {len(set(receipt_text))} distinct characters)")
    receipt_ms = median_ms(ours)
    fast = receipt_ms <= 50
    print(f"receipt median {receipt_ms:.1f} ms (target <= 50 ms) {'OK' if fast else 'MISSED'}; "
          f"size {len(render_receipt(receipt)) / 1024:.0f} KB")
    return quick_exit(ok and fast, args.quick)


if __name__ == "__main__":
    sys.exit(main())
