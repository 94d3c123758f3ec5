"""Service brochures (办事指南): one matter on A4, the booklet of all matters, the tri-fold.

Everything a brochure prints comes in as plain data (a MatterSpec and a
BrochureJob: office, commitments, catalogue version, date); nothing here reads
the database.  Chinese typesetting rules that matter at the counter:

* every table wraps long material names inside its cells and repeats its header
  row on each page it continues on;
* the routing steps are drawn as boxes joined by arrows (a flow diagram), the
  boxes as wide as the page allows and their text wrapped, never clipped;
* the tri-fold leaflet is three fixed panels per side: text that does not fit
  is set smaller, down to :data:`TRIFOLD_MIN_SIZE`, and if it still does not fit
  :class:`TrifoldOverflowError` says which matter and which panel — a leaflet
  with text cut off at the fold would be worse than none.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate

from app import __version__
from app.dto import MaterialSpec, MatterSpec, Tier
from app.errors import LanddeskError
from app.printing.fonts import register_cjk_font
from app.printing.layout import (
    GRID_COLOR,
    LIGHT_GREY,
    MIN_FONT_SIZE,
    NBSP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    FakeBold,
    HeldPagesCanvas,
    HRule,
    LetterheadMark,
    cjk_lines,
    esc,
    fmt_date,
    grid_table,
    stack_height,
    styles_for,
)

if TYPE_CHECKING:
    from app.services.brochures import BrochureJob

# ------------------------------------------------------------------ pages

_MARGIN_X = 20 * mm
_TOP = 22 * mm
_BOTTOM = 18 * mm
_WIDTH = PAGE_WIDTH - 2 * _MARGIN_X
_HEIGHT = PAGE_HEIGHT - _TOP - _BOTTOM

# Portrait brochures: 10.5 pt body (五号), table cells at the 9 pt floor.
_BODY_SIZE = 10.5

# Tri-fold: A4 landscape folded in three equal panels of 99 mm.  Each panel
# keeps 8 mm from the folds and the paper edge (a fold is never exactly on the
# line, and printers cannot print the outer 4–5 mm).
_TRI_SIZE = landscape(A4)
_TRI_PANEL = _TRI_SIZE[0] / 3
_TRI_PAD_X = 8 * mm
_TRI_PAD_Y = 10 * mm
_TRI_WIDTH = _TRI_PANEL - 2 * _TRI_PAD_X
_TRI_HEIGHT = _TRI_SIZE[1] - 2 * _TRI_PAD_Y
#: The tri-fold starts at this size and steps down to TRIFOLD_MIN_SIZE.
TRIFOLD_START_SIZE = 10.5
#: A leaflet read at arm's length at the counter; below 8 pt it is unreadable for many.
TRIFOLD_MIN_SIZE = 8.0

_GREY = colors.Color(0.35, 0.35, 0.35)
_MARK_RED = colors.Color(0.75, 0.1, 0.1)


class TrifoldOverflowError(LanddeskError):
    """A matter's text does not fit its tri-fold panel even at the smallest size."""

    def __init__(self, code: str, name: str, panel: str, hint: str, over_mm: float) -> None:
        super().__init__(
            f"事项“{name}”（{code}）的三折页排不下：“{panel}”一栏的内容在最小字号 "
            f"{TRIFOLD_MIN_SIZE:g} 磅时仍超出版面约 {math.ceil(over_mm)} 毫米。"
            f"请精简{hint}，或改为打印 A4 办事指南。"
        )
        self.code = code
        self.panel = panel


# ------------------------------------------------------------------ styles


@dataclass(frozen=True)
class _Styles:
    font: str
    size: float
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle  # table header cells, centred
    center: ParagraphStyle
    label: ParagraphStyle  # left column of key–value tables
    title: ParagraphStyle
    subtitle: ParagraphStyle
    office: ParagraphStyle
    heading_size: float


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph from markup (user text escaped with esc).

    Not layout.para: its wrap memo survives a split that found no room
    (reportlab then deletes the laid-out lines), and a paragraph moved whole to
    the next page would draw nothing but an AttributeError.
    """
    return Paragraph(text, style)


def _ps(name: str, font: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)


@lru_cache(maxsize=16)
def _styles(font: str, size: float) -> _Styles:
    """Styles for one body size; the tri-fold asks for several sizes, portrait for one."""
    cell = max(size - 1.5, min(size, MIN_FONT_SIZE))  # cells at the floor unless the body is below it
    key = f"{font}-{size}"
    return _Styles(
        font=font,
        size=size,
        body=_ps(f"bro-body-{key}", font, size, size * 1.45, alignment=TA_JUSTIFY),
        small=_ps(f"bro-small-{key}", font, cell, cell * 1.3, alignment=TA_JUSTIFY,
                  textColor=_GREY),
        # The right indent keeps a hanging 。or ）inside the cell (see layout.styles_for).
        cell=_ps(f"bro-cell-{key}", font, cell, cell * 1.3, rightIndent=0.6 * cell),
        head=_ps(f"bro-head-{key}", font, cell, cell * 1.25, alignment=TA_CENTER),
        center=_ps(f"bro-center-{key}", font, cell, cell * 1.3, alignment=TA_CENTER),
        label=_ps(f"bro-label-{key}", font, cell, cell * 1.3, alignment=TA_CENTER),
        # Centred lines may end in a hanging ）or 。(CJK wrap): equal indents keep
        # that glyph inside the frame instead of shifting the line into the margin.
        title=_ps(f"bro-title-{key}", font, size + 9, (size + 9) * 1.3, alignment=TA_CENTER,
                  leftIndent=(size + 9) * 0.6, rightIndent=(size + 9) * 0.6),
        subtitle=_ps(f"bro-sub-{key}", font, size + 1.5, (size + 1.5) * 1.4,
                     alignment=TA_CENTER),
        office=_ps(f"bro-office-{key}", font, size + 3, (size + 3) * 1.35, alignment=TA_CENTER,
                   leftIndent=(size + 3) * 0.6, rightIndent=(size + 3) * 0.6),
        heading_size=size + 1.5,
    )


# ------------------------------------------------------------------ text


def days_text(days: int) -> str:
    """Working days as printed; 0 is 即办 (done on the spot)."""
    return "即办（当场办结）" if days == 0 else f"{days}个工作日"


def _step_limit(days: int) -> str:
    return "当日办结" if days == 0 else f"{days}个工作日"


# An edited spec previewed before it is complete (the catalogue editor's preview).
_UNSET = "（未填写）"

_TIER_TEXT = {
    Tier.GENERAL: "一般事项（一审制）",
    Tier.IMPORTANT: "重要事项（分级审核）",
    Tier.MAJOR: "重大事项（集体会审）",
}


def _requirement(m: MaterialSpec) -> str:
    return "必交" if m.required else f"视情形提交：{m.condition}"


def _name_markup(name: str, style: ParagraphStyle, width: float) -> str:
    """A matter name for a centred title: too long for one line, it breaks before its
    bracketed part (临时用地审批 / （乡镇初审）) rather than inside it."""
    room = width - style.leftIndent - style.rightIndent
    head, bracket, tail = name.partition("（")
    if (bracket and head and stringWidth(name, style.fontName, style.fontSize) > room
            and stringWidth(head, style.fontName, style.fontSize) <= room):
        return f"{esc(head)}<br/>{esc(bracket + tail)}"
    return esc(name)


def _phones(spec: MatterSpec, job: BrochureJob) -> tuple[str, str]:
    """The matter's phones, falling back to the office's ("—" when neither has one)."""
    consult = spec.consult_phone or job.office.consult_phone or "—"
    complaint = spec.complaint_phone or job.office.complaint_phone or "—"
    return consult, complaint


def _catalog_line(job: BrochureJob) -> str:
    c = job.catalog
    if c.preview:
        state = "本地修改，尚未保存（预览）"
    elif c.local:
        state = "本地修改版本，非县局发布的目录"
    else:
        state = f"{c.issued_by}{fmt_date(c.issued_on) if c.issued_on else ''}发布"
    version = f"事项目录 {c.version} 版" if c.version else "事项目录"
    return f"本指南依据{version}（{state}）编制，印制日期：{fmt_date(job.printed_on)}。"


def _local_mark(job: BrochureJob) -> str:
    if job.catalog.preview:
        return "本地修改 · 预览（未保存）"
    return "本地修改" if job.catalog.local else ""


# ------------------------------------------------------------------ flowables


class _Heading(Flowable):
    """A section heading: a dark bar and bold-looking text, kept with what follows."""

    def __init__(self, text: str, font: str, size: float, space_before: float = 4) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.spaceBefore = space_before
        self.spaceAfter = 2.5
        self.keepWithNext = 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.lines = cjk_lines(self.text, self.font, self.size, availWidth - 3 * mm)
        self.height = len(self.lines) * self.size * 1.35
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.rect(0, 0.5, 1.2 * mm, self.height - 1, stroke=0, fill=1)
        canv.setLineWidth(0.3)
        canv._code.append("2 Tr")  # fake bold, as layout.FakeBold: CJK fonts have no bold face
        canv.setFont(self.font, self.size)
        y = self.height - self.size
        for line in self.lines:
            canv.drawString(3 * mm, y, line)
            y -= self.size * 1.35
        canv.restoreState()


class _HeaderText(Flowable):
    """Zero-size marker: the running header printed on continuation pages from here on."""

    width = height = 0

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.canv._bro_header = self.text  # type: ignore[attr-defined]


class _PageMark(Flowable):
    """Zero-size marker recording the page it lands on (for the booklet's contents)."""

    width = height = 0

    def __init__(self, key: str, sink: dict[str, int]) -> None:
        super().__init__()
        self.key = key
        self.sink = sink

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.sink[self.key] = self.canv.getPageNumber()


class FlowDiagram(Flowable):
    """The routing steps as boxes joined by arrows, left to right, wrapping into rows.

    Each box shows the step's name, the role that handles it and its time limit.
    A row ends with an elbow arrow down to the first box of the next row; in a
    narrow frame (a tri-fold panel) the boxes stack in one column.
    """

    def __init__(self, steps: Sequence[tuple[str, str, str]], font: str, size: float, *,
                 max_per_row: int = 4, min_box_width: float = 30 * mm,
                 gap: float = 8 * mm) -> None:
        super().__init__()
        self.steps = list(steps)
        self.font = font
        self.size = size
        self.max_per_row = max_per_row
        self.min_box_width = min_box_width
        self.gap = gap
        self.pad = 2 * mm
        self.lead = size * 1.3
        self.spaceBefore = 1.5 * mm

    def _layout(self, width: float) -> None:
        n = max(1, len(self.steps))
        fit = int((width + self.gap) // (self.min_box_width + self.gap))
        self.per_row = max(1, min(self.max_per_row, n, fit))
        # Two or three steps would otherwise stretch into long flat bars: cap the
        # box width and centre the row.
        self.box_w = min(48 * mm, (width - (self.per_row - 1) * self.gap) / self.per_row)
        self.offset = (width - self.per_row * self.box_w - (self.per_row - 1) * self.gap) / 2
        inner = self.box_w - 2 * self.pad
        self.texts: list[tuple[list[str], list[str]]] = []
        for i, (name, role, limit) in enumerate(self.steps, start=1):
            name_lines = cjk_lines(f"{i}. {name}", self.font, self.size, inner)
            both = f"{role}｜{limit}"
            if stringWidth(both, self.font, self.size) <= inner:
                sub = [both]
            else:
                sub = cjk_lines(role, self.font, self.size, inner) + cjk_lines(
                    limit, self.font, self.size, inner)
            self.texts.append((name_lines, sub))
        lines = max((len(a) + len(b) for a, b in self.texts), default=1)
        self.box_h = 2 * self.pad + lines * self.lead
        self.rows = math.ceil(n / self.per_row)
        # An elbow needs room for its horizontal run; a straight arrow less.
        self.vgap = 9 * mm if self.per_row > 1 else 5 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._layout(availWidth)
        self.width = availWidth
        self.height = self.rows * self.box_h + (self.rows - 1) * self.vgap
        return self.width, self.height

    def _box(self, i: int) -> tuple[float, float]:
        row, col = divmod(i, self.per_row)
        x = self.offset + col * (self.box_w + self.gap)
        y = self.height - row * (self.box_h + self.vgap) - self.box_h
        return x, y

    def _arrow_head(self, x: float, y: float, direction: str) -> None:
        s = 1.6 * mm
        p = self.canv.beginPath()
        if direction == "right":
            p.moveTo(x, y)
            p.lineTo(x - s, y + s / 2)
            p.lineTo(x - s, y - s / 2)
        else:  # down
            p.moveTo(x, y)
            p.lineTo(x - s / 2, y + s)
            p.lineTo(x + s / 2, y + s)
        p.close()
        self.canv.drawPath(p, stroke=0, fill=1)

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(0.8)
        canv.setStrokeColor(colors.black)
        for i, (name_lines, sub) in enumerate(self.texts):
            x, y = self._box(i)
            canv.setFillColor(colors.Color(0.95, 0.95, 0.95))
            canv.roundRect(x, y, self.box_w, self.box_h, 1.5 * mm, stroke=1, fill=1)
            text_h = (len(name_lines) + len(sub)) * self.lead
            ty = y + self.box_h / 2 + text_h / 2 - self.size * 1.05
            canv.setFont(self.font, self.size)
            for j, line in enumerate([*name_lines, *sub]):
                canv.setFillColor(colors.black if j < len(name_lines) else _GREY)
                canv.drawCentredString(x + self.box_w / 2, ty, line)
                ty -= self.lead
            canv.setFillColor(colors.black)
            if i + 1 >= len(self.texts):
                continue
            nx, ny = self._box(i + 1)
            if ny == y:  # same row: straight arrow to the right
                canv.line(x + self.box_w, y + self.box_h / 2, nx - 0.3 * mm, y + self.box_h / 2)
                self._arrow_head(nx, y + self.box_h / 2, "right")
            elif self.per_row == 1:
                cx = x + self.box_w / 2
                canv.line(cx, y, cx, ny + self.box_h + 0.3 * mm)
                self._arrow_head(cx, ny + self.box_h, "down")
            else:  # elbow: down, back to the first column, down into the next row
                cx, tx = x + self.box_w / 2, nx + self.box_w / 2
                mid = y - self.vgap / 2
                p = canv.beginPath()
                p.moveTo(cx, y)
                p.lineTo(cx, mid)
                p.lineTo(tx, mid)
                p.lineTo(tx, ny + self.box_h + 0.3 * mm)
                canv.drawPath(p, stroke=1, fill=0)
                self._arrow_head(tx, ny + self.box_h, "down")
        canv.restoreState()


def _flow(spec: MatterSpec, st: _Styles, *, max_per_row: int = 4) -> FlowDiagram:
    steps = [(s.name, s.role.label, _step_limit(s.time_limit_days)) for s in spec.steps]
    return FlowDiagram(steps, st.font, st.size - 0.5, max_per_row=max_per_row)


# ------------------------------------------------------------------ tables


def _table_style(st: _Styles, *, header: bool, padding: float = 2.5) -> TableStyle:
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.font, st.cell.fontSize, st.cell.leading),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY))
    return TableStyle(cmds)


def _key_value(rows: Sequence[tuple[str, str]], st: _Styles, width: float,
               label_width: float = 24 * mm) -> Table:
    """A two-column ruled table: shaded labels on the left, wrapped values on the right."""
    data = [[_p(esc(k), st.label), _p(esc(v), st.cell)] for k, v in rows]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="CENTER")
    style = _table_style(st, header=False)
    style.add("BACKGROUND", (0, 0), (0, -1), LIGHT_GREY)
    table.setStyle(style)
    return table


def _info_grid(spec: MatterSpec, job: BrochureJob, st: _Styles, width: float) -> Table:
    """事项编码 / 类别 / 层级 / 印制日期, and the catalogue version it was printed from."""
    c = job.catalog
    if c.preview or c.local:
        state = _local_mark(job) + ("" if c.preview else "，非县局发布的目录")
    else:
        state = f"{c.issued_by}{fmt_date(c.issued_on) if c.issued_on else ''}发布"
    version = f"{c.version or '—'}（{state}）"
    label_w = 20 * mm
    value_w = (width - 2 * label_w) / 2
    cells = [
        ("事项编码", spec.code, "事项类别", spec.category),
        ("事项层级", _TIER_TEXT[spec.tier], "印制日期", fmt_date(job.printed_on)),
    ]
    data: list[list[Any]] = [[_p(esc(k1), st.label), _p(esc(v1), st.cell), _p(esc(k2), st.label),
                              _p(esc(v2), st.cell)] for k1, v1, k2, v2 in cells]
    data.append([_p("目录版本", st.label), _p(esc(version), st.cell), "", ""])
    table = Table(data, colWidths=[label_w, value_w, label_w, value_w], hAlign="CENTER")
    style = _table_style(st, header=False)
    style.add("BACKGROUND", (0, 0), (0, -1), LIGHT_GREY)
    style.add("BACKGROUND", (2, 0), (2, 1), LIGHT_GREY)
    style.add("SPAN", (1, 2), (3, 2))
    table.setStyle(style)
    return table


def _materials_table(spec: MatterSpec, st: _Styles, width: float) -> Table:
    """Every material: name, form, copies, required or its condition, note, source.

    Header repeated on every page (grid_table), long names wrap in their cell.
    """
    # The note and the source share one wide column: two narrow ones wrapped
    # every few characters and made each row twice as tall.
    share = (9, 45, 22, 10, 32, 52)  # mm at 170 mm; 22 mm holds 原件及复印件 on one line
    widths = [w * mm * width / (170 * mm) for w in share]
    rows: list[list[Any]] = [[_p(h, st.head) for h in
                              ("序号", "材料名称", "材料形式", "份数", "提交要求", "说明及来源渠道")]]
    for i, m in enumerate(spec.materials, start=1):
        about = [esc(m.note)] * bool(m.note) + [f"来源：{esc(m.source)}"] * bool(m.source)
        rows.append([
            _p(str(i), st.center),
            _p(esc(m.name), st.cell),
            _p(esc(m.form.label), st.center),
            _p(f"{m.copies}份", st.center),
            _p(esc(_requirement(m)), st.cell),
            _p("<br/>".join(about), st.cell) if about else _p("—", st.center),
        ])
    return grid_table(rows, widths, styles_for(st.font, _BODY_SIZE), padding=2.5,
                      page_height=_HEIGHT)


def _fees_block(spec: MatterSpec, st: _Styles, width: float) -> list[Flowable]:
    if spec.is_free:
        return [_p("不收费。", st.body)]
    rows: list[list[Any]] = [[_p(h, st.head) for h in ("收费项目", "收费标准", "收费依据")]]
    rows += [[_p(esc(f.name), st.cell), _p(esc(f.amount), st.cell), _p(esc(f.basis), st.cell)]
             for f in spec.fees]
    table = Table(rows, colWidths=[width * 0.3, width * 0.25, width * 0.45], repeatRows=1,
                  hAlign="CENTER")
    table.setStyle(_table_style(st, header=True))
    return [table]


def _basis_block(spec: MatterSpec, st: _Styles) -> list[Flowable]:
    style = ParagraphStyle(f"{st.body.name}-list", parent=st.body, leftIndent=st.size * 1.6,
                           firstLineIndent=-st.size * 1.6, alignment=TA_LEFT)
    if not spec.legal_basis:
        return [_p(_UNSET, st.body)]
    return [_p(f"{i}.{NBSP}{esc(b)}", style) for i, b in enumerate(spec.legal_basis, start=1)]


def _commitment_block(job: BrochureJob, st: _Styles) -> list[Flowable]:
    items: list[Flowable] = [
        _p(f"<font color='#000000'>【{esc(c.name)}】</font>{esc(c.text)}", st.body)
        for c in job.texts.commitments
    ]
    items.append(_p(esc(job.texts.supervision_note), st.small))
    return items


def _mark_tag(text: str, st: _Styles) -> Table:
    """A red-bordered tag (本地修改) under the title."""
    style = _ps(f"bro-tag-{st.font}-{st.size}", st.font, st.size, st.size * 1.3,
                alignment=TA_CENTER, textColor=_MARK_RED)
    width = stringWidth(text, st.font, st.size) + 6 * mm
    table = Table([[_p(esc(text), style)]], colWidths=[width], hAlign="CENTER")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, _MARK_RED),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


# ------------------------------------------------------------------ portrait story


def _matter_story(spec: MatterSpec, job: BrochureJob, st: _Styles, *, in_booklet: bool,
                  commitments_page: int | None = None) -> list[Flowable]:
    """The brochure of one matter, A4 portrait (alone, or one section of the booklet)."""
    w = _WIDTH
    consult, complaint = _phones(spec, job)
    story: list[Flowable] = [
        LetterheadMark(),
        _HeaderText(f"{job.office.name}　{spec.name}　办事指南"),
    ]
    if not in_booklet:
        story += [FakeBold(_p(esc(job.office.name), st.office), stroke=0.3),
                  HRule(1.2, space_before=2, space_after=6)]
    story += [FakeBold(_p(_name_markup(spec.name, st.title, _WIDTH), st.title), stroke=0.5),
              _p("办事指南", st.subtitle)]
    mark = _local_mark(job)
    if mark:
        story += [Spacer(1, 1.5 * mm), _mark_tag(mark, st)]
    story += [Spacer(1, 3 * mm), _info_grid(spec, job, st, w)]

    def section(title: str, *body: Flowable) -> None:
        # keepWithNext binds a heading to the one flowable after it; the
        # conditional break also keeps it off a page's last few lines when that
        # flowable is a long table.
        story.append(CondPageBreak(28 * mm))
        story.append(_Heading(title, st.font, st.heading_size))
        story.extend(body)

    n_required = sum(1 for m in spec.materials if m.required)
    n_other = len(spec.materials) - n_required
    count = f"共 {len(spec.materials)} 项，其中必交 {n_required} 项" + (
        f"、视情形提交 {n_other} 项" if n_other else "")
    time_rows = [("法定办结时限", days_text(spec.legal_days)),
                 ("承诺办结时限", days_text(spec.promised_days))]
    section("一、事项说明", _p(esc(spec.description or _UNSET), st.body))
    section("二、申请条件", _p(esc(spec.applicants or _UNSET), st.body))
    if spec.materials:
        section("三、申请材料", _p(f"{count}。", st.small), Spacer(1, 1.5 * mm),
                _materials_table(spec, st, w))
    else:
        section("三、申请材料", _p("无需提交申请材料。", st.body))
    section("四、办理时限", _key_value(time_rows, st, w, 30 * mm), Spacer(1, 1.5 * mm),
            _p(esc(job.texts.time_note), st.small))
    section("五、收费标准", *_fees_block(spec, st, w))
    section("六、设定依据", *_basis_block(spec, st))
    section("七、办理流程", _flow(spec, st) if spec.steps else _p(_UNSET, st.body))
    section("八、办理地点和时间", _key_value([
        ("办理窗口", spec.window or "—"),
        ("办公地址", job.office.address or "—"),
        ("办公时间", job.office.hours),
    ], st, w))
    contact = [("咨询电话", consult), ("投诉电话", complaint)]
    if job.office.county:
        contact.append(("上级主管部门", job.office.county))
    section("九、咨询和投诉", _key_value(contact, st, w))
    if in_booklet:
        where = f"见本册第 {commitments_page} 页" if commitments_page else "见本册前部"
        names = "、".join(c.name for c in job.texts.commitments[:3])
        section("十、服务承诺", _p(f"本所服务承诺（{esc(names)}等）{where}。", st.body))
    else:
        section("十、服务承诺", *_commitment_block(job, st))
    return story


# ------------------------------------------------------------------ portrait documents


def _page_canvas(font: str, default_header: str, *, unnumbered_first: bool) -> type[Canvas]:
    """A canvas adding page numbers and a running header once the page count is known.

    Pages are held until ``save`` (as layout.build_pdf does).  The header of a
    continuation page is the text of the last _HeaderText drawn, so each page
    of the booklet names its matter; pages that start a matter (LetterheadMark)
    carry the matter's own title instead.
    """

    class _BrochureCanvas(HeldPagesCanvas):
        def _draw_furniture(self, total: int) -> None:
            page = self.getPageNumber()
            if unnumbered_first and page == 1:
                return  # the booklet's cover
            width, height = self._pagesize
            self.saveState()
            self.setFont(font, MIN_FONT_SIZE)
            self.setFillColor(colors.black)
            if total > 1:
                self.drawCentredString(width / 2, 10 * mm, f"第 {page} 页 共 {total} 页")
            if getattr(self, "_ld_letterhead_page", None) != page:
                text = getattr(self, "_bro_header", default_header)
                lines = cjk_lines(text, font, MIN_FONT_SIZE, width - 2 * _MARGIN_X)
                y = height - 12 * mm
                self.drawString(_MARGIN_X, y, lines[0] if len(lines) == 1 else lines[0][:-1] + "…")
                self.setLineWidth(0.4)
                self.line(_MARGIN_X, y - 2 * mm, width - _MARGIN_X, y - 2 * mm)
            self.restoreState()

    return _BrochureCanvas


def _build(story: list[Flowable], *, title: str, author: str, font: str, header: str,
           unnumbered_first: bool = False) -> bytes:
    out = io.BytesIO()
    frame = Frame(_MARGIN_X, _BOTTOM, _WIDTH, _HEIGHT, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc = BaseDocTemplate(
        out, pagesize=A4, pageTemplates=[PageTemplate(id="full", frames=[frame])],
        title=title, author=author, subject=title, creator=f"landdesk {__version__}",
        pageCompression=1, allowSplitting=1,
    )
    doc.build(story, canvasmaker=_page_canvas(font, header, unnumbered_first=unnumbered_first))
    return out.getvalue()


def render_matter_brochure(spec: MatterSpec, job: BrochureJob) -> bytes:
    """The A4 portrait brochure (办事指南) of one matter."""
    font = register_cjk_font()
    st = _styles(font, _BODY_SIZE)
    story = _matter_story(spec, job, st, in_booklet=False)
    return _build(story, title=f"{spec.name} 办事指南", author=job.office.name, font=font,
                  header=f"{job.office.name}　{spec.name}　办事指南")


def _cover(specs: Sequence[MatterSpec], job: BrochureJob, st: _Styles) -> list[Flowable]:
    c = job.catalog
    big = _ps(f"bro-cover-{st.font}", st.font, 30, 40, alignment=TA_CENTER)
    office = _ps(f"bro-cover-office-{st.font}", st.font, 20, 28, alignment=TA_CENTER)
    issued = f"{c.issued_by} {fmt_date(c.issued_on)}发布" if c.issued_on and not c.local else ""
    lines = [f"事项目录 {c.version} 版" if c.version else "事项目录", f"共 {len(specs)} 个事项"]
    story: list[Flowable] = [LetterheadMark(), Spacer(1, 55 * mm),
                             FakeBold(_p(esc(job.office.name), office), stroke=0.4),
                             Spacer(1, 10 * mm), HRule(1.5, space_after=10 * mm),
                             FakeBold(_p(esc(job.texts.booklet_title), big), stroke=0.6),
                             Spacer(1, 14 * mm)]
    story += [_p(esc(line), st.subtitle) for line in lines]
    if issued:
        story.append(_p(esc(issued), st.subtitle))
    mark = _local_mark(job)
    if mark:
        story += [Spacer(1, 3 * mm), _mark_tag(mark, st)]
    story += [Spacer(1, 60 * mm)]
    story += [_p(fmt_date(job.printed_on), st.subtitle), PageBreak()]
    return story


def _contents(specs: Sequence[MatterSpec], pages: dict[str, int], st: _Styles) -> list[Flowable]:
    rows: list[list[Any]] = [[_p(h, st.head) for h in ("序号", "事项编码", "事项名称", "事项类别", "页码")]]

    def page_of(key: str) -> str:
        return str(pages.get(key, "00"))  # two digits wide until the first pass has counted

    rows.append([_p("—", st.center), _p("—", st.center), _p("本所服务承诺", st.cell),
                 _p("—", st.center), _p(page_of("commitments"), st.center)])
    for i, spec in enumerate(specs, start=1):
        rows.append([_p(str(i), st.center), _p(esc(spec.code), st.center),
                     _p(esc(spec.name), st.cell), _p(esc(spec.category), st.center),
                     _p(page_of(spec.code), st.center)])
    widths = [w * mm for w in (12, 26, 94, 24, 14)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(_table_style(st, header=True, padding=3.5))
    title = _ps(f"bro-toc-{st.font}", st.font, 20, 28, alignment=TA_CENTER)
    return [LetterheadMark(), _HeaderText("目　录"), FakeBold(_p("目　录", title), stroke=0.5), Spacer(1, 6 * mm),
            table, PageBreak()]


def render_booklet(specs: Sequence[MatterSpec], job: BrochureJob) -> bytes:
    """Every matter: cover, contents with page numbers, commitments, one matter per new page.

    The contents are laid out with the page numbers of the previous pass until
    they stop changing (twice in practice: the contents' own length does not
    depend on the numbers, which are at most three digits).
    """
    font = register_cjk_font()
    st = _styles(font, _BODY_SIZE)
    pages: dict[str, int] = {}

    def story(sink: dict[str, int]) -> list[Flowable]:
        items = _cover(specs, job, st) + _contents(specs, pages, st)
        items += [_PageMark("commitments", sink), LetterheadMark(),
                  _HeaderText(f"{job.office.name}　服务承诺"),
                  FakeBold(_p("服务承诺", _ps(f"bro-h1-{font}", font, 20, 28,
                                             alignment=TA_CENTER)), stroke=0.5),
                  Spacer(1, 6 * mm), *_commitment_block(job, st)]
        for spec in specs:
            items += [PageBreak(), _PageMark(spec.code, sink)]
            items += _matter_story(spec, job, st, in_booklet=True,
                                   commitments_page=pages.get("commitments"))
        return items

    pdf = b""
    for _ in range(4):
        found: dict[str, int] = {}
        pdf = _build(story(found), title=job.texts.booklet_title, author=job.office.name,
                     font=font, header=f"{job.office.name}　{job.texts.booklet_title}",
                     unnumbered_first=True)
        if found == pages:
            break
        pages = found
    return pdf


# ------------------------------------------------------------------ tri-fold


_MATERIALS_PANEL = "申请材料"


@dataclass(frozen=True)
class _Panel:
    name: str  # as named in the overflow message
    hint: str  # what to shorten
    build: Callable[[_Styles], list[Flowable]]
    fill: bool = False  # push the last flowable to the bottom (cover panel)


def _tri_materials(spec: MatterSpec, st: _Styles, *, detail: bool) -> Table:
    w = _TRI_WIDTH
    widths = [6 * mm, w - 6 * mm - 13 * mm - 9 * mm, 13 * mm, 9 * mm]
    rows: list[list[Any]] = [[_p(h, st.head) for h in ("序号", "材料名称及要求", "形式", "份数")]]
    for i, m in enumerate(spec.materials, start=1):
        extra = [] if m.required else [f"〔视情形〕{m.condition}"]
        if detail:
            extra += [f"说明：{m.note}"] * bool(m.note) + [f"来源：{m.source}"] * bool(m.source)
        # One paragraph with line breaks, not a list of flowables: reportlab
        # under-measures list cells and their last line ran over the rule.
        small = f"<font color='#595959'>{'<br/>'.join(esc(e) for e in extra)}</font>"
        cell = _p(esc(m.name) + (f"<br/>{small}" if extra else ""), st.cell)
        rows.append([_p(str(i), st.center), cell, _p(esc(m.form.label), st.center),
                     _p(str(m.copies), st.center)])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(_table_style(st, header=True, padding=2.2))
    return table


def _panel_title(text: str, st: _Styles) -> Flowable:
    return _Heading(text, st.font, st.heading_size, space_before=4)


def _tri_panels(spec: MatterSpec, job: BrochureJob, *, detail: bool) -> tuple[list[_Panel], list[_Panel]]:
    consult, complaint = _phones(spec, job)

    def flap(st: _Styles) -> list[Flowable]:
        return [_panel_title("我们的服务承诺", st), *_commitment_block(job, st)]

    def back(st: _Styles) -> list[Flowable]:
        w = _TRI_WIDTH
        items: list[Flowable] = [
            _panel_title("办理地点和时间", st),
            _key_value([("办理窗口", spec.window or "—"), ("办公地址", job.office.address or "—"),
                        ("办公时间", job.office.hours)], st, w, 17 * mm),
            _panel_title("咨询和投诉", st),
            _key_value([("咨询电话", consult), ("投诉电话", complaint)]
                       + ([("主管部门", job.office.county)] if job.office.county else []),
                       st, w, 17 * mm),
            Spacer(1, 4 * mm),
            _p(esc(_catalog_line(job)), st.small),
        ]
        return items

    def cover(st: _Styles) -> list[Flowable]:
        name = _ps(f"bro-tri-name-{st.font}-{st.size}", st.font, st.size + 9.5,
                   (st.size + 9.5) * 1.3, alignment=TA_CENTER,
                   leftIndent=(st.size + 9.5) * 0.6, rightIndent=(st.size + 9.5) * 0.6)
        items: list[Flowable] = [
            Spacer(1, 18 * mm),
            FakeBold(_p(esc(job.office.name), st.office), stroke=0.3),
            HRule(1.0, space_before=3, space_after=14 * mm),
            _p("办事指南", st.subtitle),
            Spacer(1, 3 * mm),
            FakeBold(_p(_name_markup(spec.name, name, _TRI_WIDTH), name), stroke=0.5),
            Spacer(1, 4 * mm),
            _p(f"{esc(spec.code)}　{esc(spec.category)}　{esc(_TIER_TEXT[spec.tier])}",
                 ParagraphStyle("c", parent=st.body, alignment=TA_CENTER)),
        ]
        mark = _local_mark(job)
        if mark:
            items += [Spacer(1, 2 * mm), _mark_tag(mark, st)]
        items += [
            Spacer(1, 8 * mm),
            _key_value([("承诺时限", days_text(spec.promised_days)),
                        ("收费标准", "不收费" if spec.is_free else "收费（详见内页）")],
                       st, _TRI_WIDTH * 0.8, 18 * mm),
            _p(f"咨询电话：{esc(consult)}",
               ParagraphStyle("c2", parent=st.body, alignment=TA_CENTER)),
        ]
        return items

    def materials(st: _Styles) -> list[Flowable]:
        items: list[Flowable] = [_panel_title("申请材料", st), _tri_materials(spec, st, detail=detail)]
        if not detail:
            items += [Spacer(1, 1.5 * mm),
                      _p("材料的说明和来源详见 A4 办事指南，或咨询窗口。", st.small)]
        return items

    def limits(st: _Styles) -> list[Flowable]:
        w = _TRI_WIDTH
        return [
            _panel_title("事项说明", st), _p(esc(spec.description), st.body),
            _panel_title("申请条件", st), _p(esc(spec.applicants), st.body),
            _panel_title("办理时限", st),
            _key_value([("法定时限", days_text(spec.legal_days)),
                        ("承诺时限", days_text(spec.promised_days))], st, w, 17 * mm),
            Spacer(1, 1 * mm), _p(esc(job.texts.time_note), st.small),
            _panel_title("收费标准", st),
            _p("不收费。" if spec.is_free else esc(spec.fee_text), st.body),
        ]

    def flow(st: _Styles) -> list[Flowable]:
        def items(per_row: int) -> list[Flowable]:
            return [_panel_title("办理流程", st), _flow(spec, st, max_per_row=per_row),
                    _panel_title("设定依据", st), *_basis_block(spec, st)]

        # One box a row reads best; a long routing gets two a row before the text shrinks.
        single = items(1)
        return single if stack_height(single, _TRI_WIDTH) <= _TRI_HEIGHT else items(2)

    outside = [
        _Panel("服务承诺（折页）", "resources/brochure.toml 中的服务承诺", flap),
        _Panel("办理地点和电话（封底）", "办理窗口和办公地址", back),
        _Panel("封面", "事项名称", cover, fill=True),
    ]
    inside = [
        _Panel(_MATERIALS_PANEL, "申请材料的名称、条件、说明和来源", materials),
        _Panel("事项说明、申请条件、时限和收费", "事项说明和申请条件", limits),
        _Panel("办理流程和设定依据", "办理步骤和设定依据", flow),
    ]
    return outside, inside


def _fit(panel: _Panel, font: str) -> tuple[list[Flowable], float] | float:
    """The panel's flowables at the largest size that fits, or by how much the smallest overflows."""
    size = TRIFOLD_START_SIZE
    while True:
        flowables = panel.build(_styles(font, size))
        height = stack_height(flowables, _TRI_WIDTH)
        if height <= _TRI_HEIGHT:
            return flowables, height
        if size - 0.5 < TRIFOLD_MIN_SIZE:
            return height - _TRI_HEIGHT
        size -= 0.5


def _draw_fold_marks(canv: Canvas) -> None:
    """Short dashed ticks at the folds, in the margins (no line through the text)."""
    width, height = _TRI_SIZE
    canv.saveState()
    canv.setLineWidth(0.5)
    canv.setStrokeColor(_GREY)
    canv.setDash(2, 2)
    for x in (_TRI_PANEL, 2 * _TRI_PANEL):
        canv.line(x, height - 3 * mm, x, height - 8 * mm)
        canv.line(x, 3 * mm, x, 8 * mm)
    canv.restoreState()


def render_trifold(spec: MatterSpec, job: BrochureJob) -> bytes:
    """A4 landscape tri-fold (三折页), two pages: outside (flap, back, cover) and inside.

    Print double-sided, flipping on the short edge; fold the right third (cover)
    over the middle, then the left third inside.
    """
    font = register_cjk_font()
    laid: list[list[tuple[_Panel, list[Flowable], float]]] = []
    for detail in (True, False):
        # Full material details first; when they cannot fit, the notes and
        # sources are left to the A4 brochure before giving up.
        laid = []
        problem: tuple[_Panel, float] | None = None
        for side in _tri_panels(spec, job, detail=detail):
            row = []
            for panel in side:
                result = _fit(panel, font)
                if isinstance(result, float):
                    problem = problem or (panel, result)
                    continue
                row.append((panel, *result))
            laid.append(row)
        if problem is None:
            break
        if problem[0].name != _MATERIALS_PANEL or not detail:
            raise TrifoldOverflowError(spec.code, spec.name, problem[0].name, problem[0].hint,
                                       problem[1] / mm)
    out = io.BytesIO()
    canv = Canvas(out, pagesize=_TRI_SIZE, pageCompression=1)
    canv.setTitle(f"{spec.name} 三折页")
    canv.setAuthor(job.office.name)
    canv.setSubject(f"{spec.name} 办事指南（三折页）")
    canv.setCreator(f"landdesk {__version__}")
    for side in laid:
        _draw_fold_marks(canv)
        for i, (panel, flowables, height) in enumerate(side):
            if panel.fill and len(flowables) > 1:
                # The cover's last line (the phone) sits at the foot of the panel.
                flowables = [*flowables[:-1], Spacer(1, _TRI_HEIGHT - height - 1), flowables[-1]]
            frame = Frame(i * _TRI_PANEL + _TRI_PAD_X, _TRI_PAD_Y, _TRI_WIDTH, _TRI_HEIGHT,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            pending = list(flowables)
            frame.addFromList(pending, canv)
            if pending:  # measured to fit; a mismatch must not silently drop text
                raise TrifoldOverflowError(spec.code, spec.name, panel.name, panel.hint, 1)
        canv.showPage()
    canv.save()
    return out.getvalue()


__all__ = [
    "TRIFOLD_MIN_SIZE",
    "FlowDiagram",
    "TrifoldOverflowError",
    "days_text",
    "render_booklet",
    "render_matter_brochure",
    "render_trifold",
]
