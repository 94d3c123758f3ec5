"""QR codes for printed documents: encoded once, drawn as one vector form.

reportlab's encoder is used for the symbol itself (data, error correction,
function patterns, format information).  Two things are done here instead:

* choosing the mask.  reportlab scores all eight masks with a pure-Python
  penalty that takes ~0.7 ms a mask — most of the cost of a receipt's QR
  code.  The same ISO/IEC 18004 §7.8.3 rules, computed on rows held as
  integers and strings, take a fraction of that;
* drawing.  reportlab's widget makes one shape per dark run and formats four
  floats for each; here the runs become one PDF path in module units, stored
  in a form XObject so a receipt's two parts share a single copy.
"""

from __future__ import annotations

import itertools
import re
import threading

from reportlab.graphics.barcode import qrencoder
from reportlab.platypus import Flowable

_RUN = re.compile(r"0{5,}|1{5,}")
# Finder-like pattern 1:1:3:1:1 with four light modules on one side (rule 3).
_FINDER_LIKE = ("10111010000", "00001011101")


def _count_overlapping(text: str, pattern: str) -> int:
    count = 0
    start = text.find(pattern)
    while start != -1:
        count += 1
        start = text.find(pattern, start + 1)
    return count


def penalty(modules: list[list[bool]]) -> int:
    """Mask penalty score N1 + N2 + N3 + N4 of ISO/IEC 18004:2015 §7.8.3.1."""
    n = len(modules)
    rows = ["".join("1" if dark else "0" for dark in row) for row in modules]
    cols = ["".join(col) for col in zip(*rows, strict=True)]
    lines = rows + cols
    # N1: a run of 5 + i modules of one colour in a row or column scores 3 + i.
    score = sum(len(m.group()) - 2 for line in lines for m in _RUN.finditer(line))
    # N2: every 2×2 block of one colour scores 3.  Rows as integers: bit i of
    # ``same`` is set when modules i and i+1 of both rows share one colour.
    as_int = [int(row, 2) for row in rows]
    pairs = (1 << (n - 1)) - 1
    for upper, lower in itertools.pairwise(as_int):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & pairs
        score += 3 * same.bit_count()
    # N3: each finder-like pattern in a row or column scores 40.
    score += 40 * sum(_count_overlapping(line, p) for line in lines for p in _FINDER_LIKE)
    # N4: 10 for every full 5 % the share of dark modules strays from 50 %
    # (45–55 % scores 0), in integers: |100·dark − 50·n²| // (5·n²).
    dark = sum(row.count("1") for row in rows)
    score += 10 * (abs(100 * dark - 50 * n * n) // (5 * n * n))
    return score


def _encode(value: str) -> list[list[bool]]:
    """Module matrix (True = dark) of ``value`` at error correction level M."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(value)
    qr.version = qr.calculate_version()
    scores = []
    for mask in range(8):
        qr.makeImpl(True, mask)
        scores.append(penalty(qr.modules))
    qr.makeImpl(False, scores.index(min(scores)))
    return [list(map(bool, row)) for row in qr.modules]


class QrMatrix:
    """A QR code of one value, encoded once and drawable any number of times.

    Medium error correction (M, ~15 %): a creased or partly stamped receipt
    still scans.  ``border`` is the quiet zone in modules; the whitespace the
    layout leaves around the code adds to it.
    """

    _serial = 0
    _lock = threading.Lock()

    def __init__(self, value: str, border: int = 2) -> None:
        self.value = value
        self.border = border
        self.matrix = _encode(value)
        self.modules = len(self.matrix)
        # One "x y w h re" per horizontal run of dark modules, in module units
        # with y counted from the bottom: small integers, cheap to format.
        n = self.modules
        runs: list[str] = []
        for r, row in enumerate(self.matrix):
            c = 0
            for dark, group in itertools.groupby(row):
                count = len(list(group))
                if dark:
                    runs.append(f"{c + border} {n + border - r - 1} {count} 1 re")
                c += count
        self.path = " ".join(runs) + " f"
        with QrMatrix._lock:  # documents may be rendered on several worker threads
            QrMatrix._serial += 1
            self.form_name = f"LanddeskQR{QrMatrix._serial}"

    def flowable(self, size: float) -> Flowable:
        """A ``size`` × ``size`` point flowable showing this code."""
        return _QrFlowable(self, size)


class _QrFlowable(Flowable):
    """Draws a :class:`QrMatrix` through one form XObject per document.

    The first placement defines the form; later ones (the receipt's second
    part) only reference it, so the PDF carries the code once.
    """

    def __init__(self, matrix: QrMatrix, size: float) -> None:
        super().__init__()
        self.matrix = matrix
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        m = self.matrix
        if not canv.hasForm(m.form_name):
            scale = self.width / (m.modules + 2 * m.border)
            canv.beginForm(m.form_name, 0, 0, self.width, self.height)
            # Raw operators: the path was built once as integers (see QrMatrix);
            # going through canvas.rect() would format four floats a run.
            canv._code.append(f"q {scale:.5f} 0 0 {scale:.5f} 0 0 cm 0 g {m.path} Q")
            canv.endForm()
        canv.doForm(m.form_name)


__all__ = ["QrMatrix", "penalty"]
