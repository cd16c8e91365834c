"""The report as a document: what every renderer draws, with no database behind it.

compose.py builds a Document from a template and figures; renderers/ turn it into bytes.
"""

from dataclasses import dataclass, field


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
