"""The report as a document: what every renderer draws, with no database behind it.

compose.py builds a Document from a template and figures; renderers/ turn it into bytes.
"""

import math
import unicodedata
from dataclasses import dataclass, field

# The page every renderer lays out: A4, 2.2 cm side margins, each section level one CJK
# character (12pt) further in.
PAGE_WIDTH_CM, SIDE_MARGIN_CM = 21.0, 2.2
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * SIDE_MARGIN_CM
LEVEL_INDENT_CM = 0.42
WIDE_NUMBER_EM, NARROW_NUMBER_EM = 2.5, 1.6  # hanging indents of numbered items
SHORT_HEADING = 6.0  # a column heading up to this wide stays on one line
HEADER_LINES = 2  # a longer one may take two
MIN_TEXT_COLUMN = 4.0  # em
SHORT_TEXT_COLUMN = 9.0  # em with padding: a text column this narrow keeps its lines whole
LONGEST_COLUMN = 16.0  # longer texts wrap rather than squeeze the other columns
CELL_PADDING = 0.7  # in em: both sides of a cell, and bold headings
TABLE_FONT_PT = 10  # tables span the text width whatever their section's level


@dataclass
class Run:
    text: str
    bold: bool = False
    figure: str = ""  # the figure's name when this text is a figure (shown on hover in HTML)


@dataclass
class Heading:
    level: int
    number: str
    runs: list[Run]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Paragraph:
    runs: list[Run]
    level: int = 1  # the section level it belongs to (sets the indent)
    number: str = ""  # for numbered list items: （1）
    style: str = "body"  # body | note | caption

    @property
    def text(self) -> str:
        return self.number + "".join(run.text for run in self.runs)

    @property
    def hang_em(self) -> float:
        """The hanging indent of a numbered item, in em: room for （1） or （一）, less for 1. or a."""
        wide = display_width(self.number) > NARROW_NUMBER_EM
        return WIDE_NUMBER_EM if wide else NARROW_NUMBER_EM


@dataclass
class Table:
    title: str
    header: list[list[Run]]
    rows: list[list[list[Run]]]
    numeric: list[bool]  # per column: right-aligned numbers
    level: int = 1
    note: str = ""
    emphasis_last_row: bool = False  # a total row
    number: int = 0  # 表1, 表2, ... (set when the document is finished)

    @property
    def caption(self) -> str:
        return f"表{self.number}　{self.title}" if self.number and self.title else self.title

    def column_widths(self, total_cm: float, font_pt: float = TABLE_FONT_PT) -> list[float]:
        """Each column's width in cm, from its longest text, so that every renderer lays the
        table out alike: number columns get what their numbers need (they must not wrap), and
        so do short text columns (a date, a partner's name) when a longer text column can wrap
        instead; the long text columns share the rest. Only when the fixed columns leave too
        little room does every column shrink alike."""
        em = font_pt / 72 * 2.54
        needed = []
        for index, heading in enumerate(self.header):
            cells = [display_width(runs_text(row[index])) for row in self.rows if index < len(row)]
            heading_width = display_width(runs_text(heading))
            if heading_width > SHORT_HEADING:
                heading_width = math.ceil(heading_width / HEADER_LINES)
            longest = min(max([heading_width, 2.0, *cells]), LONGEST_COLUMN)
            needed.append((longest + CELL_PADDING) * em)
        numeric = [index < len(self.numeric) and self.numeric[index]
                   for index in range(len(needed))]
        long_texts = [not is_number and width > SHORT_TEXT_COLUMN * em
                      for width, is_number in zip(needed, numeric)]
        fixed = [not is_long for is_long in long_texts] if any(long_texts) else numeric
        fixed_width = sum(width for width, is_fixed in zip(needed, fixed) if is_fixed)
        flexible = sum(needed) - fixed_width
        least_flexible = MIN_TEXT_COLUMN * em * (len(needed) - sum(fixed))
        if not flexible or fixed_width > total_cm - least_flexible:
            return [width * total_cm / sum(needed) for width in needed]
        return [width if is_fixed else width * (total_cm - fixed_width) / flexible
                for width, is_fixed in zip(needed, fixed)]


def runs_text(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def display_width(text: str) -> float:
    """Width in em (CJK characters): a wide or full-width character is 1, a digit or Latin
    letter a little over half, % nearly a whole (Noto Sans CJK TC's proportions)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.85 if ch == "%" else 0.6
               for ch in text)


@dataclass
class Image:
    png: bytes
    title: str
    width_cm: float
    height_cm: float
    alt: str
    level: int = 1
    number: int = 0  # 圖1, 圖2, ...

    @property
    def caption(self) -> str:
        return f"圖{self.number}　{self.title}" if self.number and self.title else self.title


@dataclass
class BulletList:
    items: list[list[Run]]
    level: int = 1


@dataclass
class PageBreak:
    pass


@dataclass
class Cover:
    agency: str
    title: str
    submitted_by: str
    data_time: str
    subtitle: str = ""


@dataclass
class Check:
    """A warning found before issuing: a percentage column off 100, a YTD below its quarter,
    a figure with no data."""

    kind: str  # percent_sum | ytd_below_quarter | no_data | render
    figure: str
    message: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "figure": self.figure, "message": self.message}


@dataclass
class Document:
    cover: Cover
    body: list = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # agency, period, template version, built at

    def number_captions(self) -> None:
        tables = images = 0
        for node in self.body:
            if isinstance(node, Table) and node.title:
                tables += 1
                node.number = tables
            elif isinstance(node, Image) and node.title:
                images += 1
                node.number = images

    def text(self) -> str:
        """All the words of the document, for searching (and tests)."""
        parts = [self.cover.agency, self.cover.title, self.cover.submitted_by, self.cover.data_time]
        for node in self.body:
            if isinstance(node, (Heading, Paragraph)):
                parts.append((node.number if isinstance(node, Heading) else "") + node.text)
            elif isinstance(node, Table):
                parts.append(node.caption)
                for row in [node.header, *node.rows]:
                    parts.append(" ".join("".join(r.text for r in cell) for cell in row))
            elif isinstance(node, BulletList):
                parts.extend("".join(r.text for r in item) for item in node.items)
            elif isinstance(node, Image):
                parts.append(node.caption)
        return "\n".join(parts)
