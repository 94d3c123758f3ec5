"""Draw landdesk's application icon with QPainter and write it to resources/icons/.

Run ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py``; the outputs are
committed, so the build never needs this script. The drawing is ours (no downloaded art):
a green rounded square (the land) with a white form on it, three lines of text and the
office's red seal — the acceptance receipt a clerk hands over at the window.

Output: ``landdesk-<size>.png`` for each size and ``landdesk.ico`` holding all of them
(small sizes as 32-bit DIBs, 256 px as PNG: the layout Windows Explorer, PyInstaller's
exe resource and Inno Setup all read).
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels, drawn on a 256-unit canvas scaled down."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)

    gradient = QLinearGradient(0, 0, 0, 256)
    gradient.setColorAt(0, QColor("#43A047"))
    gradient.setColorAt(1, QColor("#1B5E20"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)

    # Field furrows across the bottom: the land the office looks after.
    p.setPen(QPen(QColor(255, 255, 255, 60), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y in (206, 226):
        p.drawLine(QPointF(36, y), QPointF(220, y))

    # The form, with its top-right corner folded.
    form = QPainterPath()
    form.moveTo(62, 36)
    form.lineTo(160, 36)
    form.lineTo(194, 70)
    form.lineTo(194, 196)
    form.lineTo(62, 196)
    form.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#FFFFFF"))
    p.drawPath(form)
    fold = QPainterPath()
    fold.moveTo(160, 36)
    fold.lineTo(160, 70)
    fold.lineTo(194, 70)
    fold.closeSubpath()
    p.setBrush(QColor("#C8E6C9"))
    p.drawPath(fold)

    # Lines of text; at 16 px only two survive as distinct strokes, so fewer and thicker there.
    thick = 12 if size <= 24 else 9
    p.setPen(QPen(QColor("#2E7D32"), thick, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    rows = (84, 120) if size <= 24 else (82, 106, 130)
    for i, y in enumerate(rows):
        p.drawLine(QPointF(82, y), QPointF(146 if i == 0 else 174, y))

    # The seal.
    p.setPen(QPen(QColor("#D32F2F"), 10 if size > 24 else 14))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(150, 160), 24, 24)
    if size > 24:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#D32F2F"))
        star = QPainterPath()
        for k in range(10):
            r = 11 if k % 2 == 0 else 4.5
            angle = -math.pi / 2 + k * math.pi / 5
            point = QPointF(150 + r * math.cos(angle), 160 + r * math.sin(angle))
            star.moveTo(point) if k == 0 else star.lineTo(point)
        star.closeSubpath()
        p.drawPath(star)
    p.end()
    return image


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _dib_bytes(image: QImage) -> bytes:
    """An ICO entry as a 32-bit BGRA DIB: header (height doubled), bottom-up rows, AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        row = bytearray()
        for x in range(size):
            c = image.pixelColor(x, y)
            row += bytes((c.blue(), c.green(), c.red(), c.alpha()))
        rows.append(bytes(row))
    mask_row = ((size + 31) // 32) * 4  # 1 bit per pixel, rows padded to 4 bytes; alpha rules
    return header + b"".join(rows) + bytes(mask_row * size)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = []
    for size, image in sorted(images.items()):
        entries.append((size, _png_bytes(image) if size >= 256 else _dib_bytes(image)))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, blob in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return out + b"".join(blob for _size, blob in entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS_DIR)
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        (args.out / f"landdesk-{size}.png").write_bytes(_png_bytes(image))
    (args.out / "landdesk.ico").write_bytes(ico_bytes(images))
    print(f"wrote {len(images)} PNGs and landdesk.ico to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
