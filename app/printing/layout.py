"""Shared pieces of every printed document: styles, page furniture, small flowables.

Everything here is built for one registered CJK font and cached, because a
window clerk prints dozens of receipts a day and each one must appear at once:
styles are made once per font, and page numbers ("第 1 页 共 2 页") are drawn
in a single pass by a canvas that holds pages back until the total is known
(a second layout pass would double the cost of every document).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate

from app import __version__

SHANGHAI = ZoneInfo("Asia/Shanghai")
PAGE_WIDTH, PAGE_HEIGHT = A4

# Smallest size anything is printed at: older clerks and applicants read these
# documents, and 9 pt (小五 is 9 pt) is the floor for official forms.
MIN_FONT_SIZE = 9.0

# A no-break space as a character, not the &nbsp; entity: entities send the
# markup parser down a slow path (a frag copy each), and blanks use dozens.
NBSP = "\u00a0"

GRID_COLOR = colors.black
LIGHT_GREY = colors.Color(0.85, 0.85, 0.85)


# ------------------------------------------------------------------ text helpers


def esc(text: object) -> str:
    """Escape user text for Paragraph markup (names may contain & or <)."""
    return escape(str(text))


def to_local(moment: dt.datetime) -> dt.datetime:
    """A datetime shown in Beijing time.

    DTOs carry aware datetimes; a naive one is taken to be local already
    rather than crashing the print at the window.
    """
    if moment.tzinfo is None:
        return moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(SHANGHAI)


def fmt_date(day: dt.date | dt.datetime) -> str:
    """``2026年12月7日`` — no zero padding, as Chinese official documents write dates."""
    if isinstance(day, dt.datetime):
        day = to_local(day).date()
    return f"{day.year}年{day.month}月{day.day}日"


def fmt_datetime(moment: dt.datetime) -> str:
    """``2026年11月23日 09:30`` in Asia/Shanghai."""
    local = to_local(moment)
    return f"{fmt_date(local.date())} {local:%H:%M}"


# ------------------------------------------------------------------ styles


@dataclass(frozen=True)
class Styles:
    font: str
    letterhead: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    number: ParagraphStyle
    body: ParagraphStyle
    body_indent: ParagraphStyle
    body_right: ParagraphStyle
    body_lead: ParagraphStyle  # left-aligned, airy leading: lines to write on
    small: ParagraphStyle
    note: ParagraphStyle
    pending: ParagraphStyle  # indented list under a heading line
    cell: ParagraphStyle  # table cells that may wrap (plain-string cells use its font)
    value: ParagraphStyle
    emphasis: ParagraphStyle


def _style(name: str, font: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    assert size >= MIN_FONT_SIZE, f"{name}: {size} pt is below the {MIN_FONT_SIZE} pt floor"
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading,
        wordWrap="CJK",  # break between any two 汉字; default wrapping needs spaces
        **kw,
    )


@lru_cache(maxsize=8)
def styles_for(font: str, body_size: float = 12.0) -> Styles:
    """Paragraph styles for one font and body size, built once and shared."""
    b = body_size
    return Styles(
        font=font,
        letterhead=_style("letterhead", font, b + 4, (b + 4) * 1.3, alignment=TA_CENTER),
        title=_style("title", font, b + 8, (b + 8) * 1.3, alignment=TA_CENTER),
        subtitle=_style("subtitle", font, b, b * 1.4, alignment=TA_CENTER),
        number=_style("number", font, b - 1, (b - 1) * 1.4, alignment=TA_RIGHT),
        body=_style("body", font, b, b * 1.75, alignment=TA_JUSTIFY),
        body_indent=_style(
            "body_indent", font, b, b * 1.75, alignment=TA_JUSTIFY, firstLineIndent=2 * b
        ),
        body_right=_style("body_right", font, b, b * 1.6, alignment=TA_RIGHT),
        body_lead=_style("body_lead", font, b, b * 1.6, alignment=TA_LEFT),
        small=_style("small", font, max(MIN_FONT_SIZE, b - 2), max(MIN_FONT_SIZE, b - 2) * 1.35),
        note=_style("note", font, max(MIN_FONT_SIZE, b - 1.5), max(MIN_FONT_SIZE, b - 1.5) * 1.35),
        pending=_style(
            "pending",
            font,
            max(MIN_FONT_SIZE, b - 1.5),
            max(MIN_FONT_SIZE, b - 1.5) * 1.35,
            leftIndent=b,
        ),
        # reportlab's CJK wrap lets a closing bracket or full stop hang one
        # character past the line end (Japanese kinsoku); the right indent
        # keeps that hanging glyph inside the cell instead of on its border.
        cell=_style(
            "cell",
            font,
            max(MIN_FONT_SIZE, b - 1.5),
            max(MIN_FONT_SIZE, b - 1.5) * 1.3,
            rightIndent=0.6 * max(MIN_FONT_SIZE, b - 1.5),
        ),
        value=_style("value", font, b, b * 1.4, alignment=TA_LEFT),
        emphasis=_style("emphasis", font, b + 1, (b + 1) * 1.45, alignment=TA_LEFT),
    )


class Para(Paragraph):
    """A Paragraph that remembers its last wrap.

    Tables wrap every cell three or four times (column sizing, row heights,
    drawing) and the receipt measures its parts once more to decide between
    one page and two; CJK line breaking is the costliest step of a receipt.
    The result depends only on the width, so it is reused for the same width.
    """

    _memo_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == self._memo_width:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if height != 0x7FFFFFFF:  # "cannot fit" answers are not remembered
            self._memo_width = availWidth
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        # reportlab's split drops the laid-out lines when nothing fits (orphan control);
        # the remembered size would then point at lines that are gone.
        self._memo_width = None
        return super().split(availWidth, availHeight)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph from *markup* (callers escape user text with :func:`esc`)."""
    return Para(text, style)


# ------------------------------------------------------------------ flowables


class FakeBold(Flowable):
    """Draw another flowable with text render mode 2 (fill + stroke).

    Chinese system fonts ship without a bold face; stroking the glyph outline
    thickens it the way word processors fake bold, and the text stays
    extractable (no outlines converted to paths).
    """

    def __init__(self, inner: Flowable, stroke: float = 0.35) -> None:
        super().__init__()
        self.inner = inner
        self.stroke = stroke

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        w, h = self.inner.wrap(availWidth, availHeight)
        self.width, self.height = w, h
        return w, h

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab API
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self.stroke)
        # Tr is a text-state operator and may appear outside BT/ET; it is
        # undone by the restoreState (Q) below.
        canv._code.append("2 Tr")
        self.inner.drawOn(canv, 0, 0)
        canv.restoreState()


class LetterheadMark(Flowable):
    """Zero-size marker: this page carries its own letterhead.

    The page furniture prints a small running header only on pages without
    one, so loose continuation pages can still be matched to their document.
    """

    width = height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.canv._ld_letterhead_page = self.canv.getPageNumber()  # type: ignore[attr-defined]


class SealBlock(Flowable):
    """Right-aligned signing block: office name, date, and a dashed seal area.

    The seal (公章) is stamped over the office name and date, so the dashed
    circle is drawn around them to show the clerk where the stamp goes.
    """

    def __init__(
        self, office: str, date_text: str, font: str, size: float, label: str = "（盖章）"
    ) -> None:
        super().__init__()
        self.office = office
        self.date_text = date_text
        self.label = label
        self.font = font
        self.size = size
        self.block_width = 62 * mm
        self.radius = 20 * mm  # official seals are 38–42 mm across
        self.lead = size * 1.5
        # Long names exist (××县××镇自然资源和规划所): wrap to the block width.
        self.lines = cjk_lines(office, font, size, self.block_width - 4 * mm) + [date_text]
        text_height = len(self.lines) * self.lead + MIN_FONT_SIZE + 4 * mm
        self.height = max(2 * self.radius + 2 * mm, text_height)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        cx = self.width - self.block_width / 2
        cy = self.height / 2
        canv.saveState()
        canv.setStrokeColor(colors.Color(0.55, 0.55, 0.55))
        canv.setLineWidth(0.6)
        canv.setDash(3, 2)
        canv.circle(cx, cy, self.radius, stroke=1, fill=0)
        canv.restoreState()
        canv.setFont(self.font, MIN_FONT_SIZE)
        canv.setFillColor(colors.Color(0.45, 0.45, 0.45))
        canv.drawCentredString(cx, cy + self.radius - MIN_FONT_SIZE - 2, self.label)
        canv.setFillColor(colors.black)
        canv.setFont(self.font, self.size)
        y = cy + (len(self.lines) * self.lead) / 2 - self.size
        for line in self.lines:
            canv.drawCentredString(cx, y, line)
            y -= self.lead


def grid_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    st: Styles,
    *,
    center_cols: Sequence[int] = (),
    repeat_header: bool = True,
    padding: float = 3,
    page_height: float | None = None,
) -> Table:
    """A ruled table whose first row is a shaded header repeated on every page.

    Cells may be plain strings (short, single-line: numbers, 原件/复印件) —
    drawn in the cell font without Paragraph parsing, which is most of the
    cost of a table — or Paragraphs for anything that may wrap.

    ``page_height`` is the frame height the table will flow through.  A row
    taller than a page (a requirement pasted from a long document) would abort
    the print with LayoutError; such a row is cut into continuation rows
    beforehand.  reportlab's own ``splitInRow`` was tried and, with a repeated
    header, scatters header rows through the middle of pages.
    """
    cell = st.cell
    centered = [("ALIGN", (c, 0), (c, -1), "CENTER") for c in center_cols]
    body = list(map(list, rows))
    if page_height is not None:
        # The first piece of a cut row must fit below whatever precedes it on
        # its page (letterhead, opening paragraph: about half a page); later
        # pieces start on fresh pages under the repeated header row.
        body = _split_tall_rows(body, col_widths, padding, page_height * 0.45, page_height * 0.85)
    table = Table(
        body,
        colWidths=list(col_widths),
        repeatRows=1 if repeat_header else 0,
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
                ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                *centered,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _split_tall_rows(
    rows: list[list[Any]],
    col_widths: Sequence[float],
    padding: float,
    first_limit: float,
    limit: float,
) -> list[list[Any]]:
    """Rows that fit on a page: a taller row continues in extra rows below it.

    Every Paragraph cell of a row taller than ``limit`` is cut, first at
    ``first_limit`` then at ``limit``; the pieces go into successive rows, so
    no text is dropped and each row fits on a page.
    """
    out: list[list[Any]] = []
    for row in rows:
        pending: list[Any] = list(row)
        if not any(
            isinstance(v, Paragraph) and v.wrap(w - 6, limit)[1] > limit - 2 * padding
            for v, w in zip(pending, col_widths, strict=True)
        ):
            out.append(pending)
            continue
        inner = first_limit - 2 * padding
        while True:
            current: list[Any] = []
            rest: list[Any] = []
            for value, width in zip(pending, col_widths, strict=True):
                if isinstance(value, Paragraph) and value.wrap(width - 6, inner)[1] > inner:
                    pieces = value.split(width - 6, inner)
                    if len(pieces) == 2:
                        current.append(pieces[0])
                        rest.append(pieces[1])
                        continue
                current.append(value)
                rest.append("")
            out.append(current)
            if all(v == "" for v in rest):
                break
            pending = rest
            inner = limit - 2 * padding
    return out


def letterhead(
    st: Styles, office_name: str, title: str, subtitle: str = "", number: str = ""
) -> list[Flowable]:
    """Office name, a rule, the document title and its number."""
    items: list[Flowable] = [
        LetterheadMark(),
        FakeBold(para(esc(office_name), st.letterhead), stroke=0.3),
        HRule(1.2, space_before=2, space_after=6),
        FakeBold(para(esc(title), st.title), stroke=0.5),
    ]
    if subtitle:
        items.append(para(esc(subtitle), st.subtitle))
    if number:
        items.append(Spacer(1, 2))
        items.append(para(f"编号：{esc(number)}", st.number))
    return items


class HRule(Flowable):
    """A full-width horizontal rule."""

    def __init__(self, thickness: float, space_before: float = 0, space_after: float = 0) -> None:
        super().__init__()
        self.thickness = thickness
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.thickness

    def draw(self) -> None:
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.thickness / 2, self.width, self.thickness / 2)


def blank(width_chars: int) -> str:
    """An underlined blank to write on, ``width_chars`` spaces wide."""
    return "<u>" + NBSP * width_chars + "</u>"


def signature_line(st: Styles, label: str = "申请人签收") -> Paragraph:
    """``申请人签收：______    ____年__月__日`` — the applicant signs the office's copy."""
    return para(
        f"{esc(label)}：{blank(28)}{NBSP * 6}{blank(8)}年{blank(5)}月{blank(5)}日",
        st.body,
    )


# reportlab's list misses the full-width comma, semicolon and closing quotes.
_CANNOT_START = frozenset(ALL_CANNOT_START + "，；：！？”’》〉）】〕…—·％")


def cjk_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Split ``text`` into lines no wider than ``width``, breaking between any characters.

    reportlab's simpleSplit breaks only at spaces, which Chinese text has none
    of.  Like Paragraph's CJK wrap, a character that may not start a line
    (，。；）…) hangs at the end of the previous one instead.
    """
    lines: list[str] = []
    current = ""
    for ch in text:
        too_wide = current and stringWidth(current + ch, font, size) > width
        if too_wide and ch not in _CANNOT_START:
            lines.append(current)
            current = ch
        else:
            current += ch
    if current or not lines:
        lines.append(current)
    return lines


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """Height the flowables take in a frame ``width`` wide (spaces included)."""
    total = 0.0
    for i, f in enumerate(flowables):
        _, h = f.wrap(width, PAGE_HEIGHT * 10)
        total += h
        if i:
            total += f.getSpaceBefore()
        total += f.getSpaceAfter()
    return total


# ------------------------------------------------------------------ page furniture


@dataclass(frozen=True)
class DocInfo:
    """What the page furniture and the PDF metadata need to know about a document."""

    title: str  # e.g. "一次性告知书"
    number: str = ""  # document or case number
    office: str = ""
    subject: str = ""


def _running_header(info: DocInfo, font: str, size: float, width: float) -> str:
    """``office　title　编号：…`` on one line; a long office name is shortened, never the number."""
    tail = "　".join(p for p in (info.title, f"编号：{info.number}" if info.number else "") if p)
    office = info.office
    while office and stringWidth(f"{office}　{tail}", font, size) > width:
        office = office[:-2] + "…" if len(office) > 2 else ""
    return f"{office}　{tail}" if office else tail


class HeldPagesCanvas(Canvas):
    """A canvas that draws page furniture (numbers, running headers) once the page count is known.

    Pages are held back (their state dicts are kept) until ``save``, so "第 x 页 共 y 页"
    needs no second layout pass. Subclasses draw in ``_draw_furniture(total)``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._draw_furniture(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_furniture(self, total: int) -> None:
        raise NotImplementedError


def _furniture_canvas(info: DocInfo, font: str) -> type[Canvas]:
    """A canvas class that adds page numbers and running headers at save time."""

    class _FurnitureCanvas(HeldPagesCanvas):
        def _draw_furniture(self, total: int) -> None:
            page = self.getPageNumber()
            size = MIN_FONT_SIZE
            # This page's own size: a landscape page template (wide tables)
            # sets it per page, portrait documents keep A4 portrait.
            width, height = self._pagesize
            self.saveState()
            self.setFont(font, size)
            self.setFillColor(colors.black)
            if total > 1:
                self.drawCentredString(width / 2, 10 * mm, f"第 {page} 页 共 {total} 页")
            if getattr(self, "_ld_letterhead_page", None) != page:
                y = height - 12 * mm
                self.drawString(20 * mm, y, _running_header(info, font, size, width - 40 * mm))
                self.setLineWidth(0.4)
                self.line(20 * mm, y - 2 * mm, width - 20 * mm, y - 2 * mm)
            self.restoreState()

    return _FurnitureCanvas


def build_pdf(
    story: list[Flowable],
    info: DocInfo,
    templates: Sequence[PageTemplate],
    font: str,
) -> bytes:
    """Lay out ``story`` on ``templates`` and return the PDF bytes."""
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        pageTemplates=list(templates),
        title=f"{info.title} {info.number}".strip(),
        author=info.office,
        subject=info.subject or info.title,
        creator=f"landdesk {__version__}",
        # Deflate page streams: fonts dominate the size anyway, and smaller
        # files travel better by USB stick and e-mail.
        pageCompression=1,
        allowSplitting=1,
    )
    doc.build(story, canvasmaker=_furniture_canvas(info, font))
    return out.getvalue()
