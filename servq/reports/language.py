"""The report template language: a small, safe parser (never Django template execution).

A template is text. Optional settings come first, ended by a line `---`:

    title: {{ period|roc_year }}年度提升服務品質執行成果報告
    numbering: 壹、 | 一、 | （一） | 1. | （1） | a.
    labels satisfaction5: 5=非常滿意; 4=有點滿意; 3=普通; 2=不太滿意; 1=非常不滿意
    ---

Then sections: `#` headings (one `#` per level; `{-}` at the end for an unnumbered heading),
paragraphs of prose with placeholders `{{ path|format:arg }}` and `**bold**`, and blocks:

    ::: table 標題
    | 項目 | 數值 |
    | 陳情案件 | {{ petitions.received_ytd|thousands }} |
    :::

Parsing only checks the form; names are checked against real figures by validation.py.
Every error carries its line and column and the section it is in.
"""

import re
from dataclasses import dataclass, field, replace

from .numbering import DEFAULT_STYLES, Numbering, NumberingStyle


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class TemplateError(Exception):
    """A problem in a template, with its line, column and section."""

    def __init__(self, message: str, position: Position, section: str = ""):
        super().__init__(message)
        self.message, self.position, self.section = message, position, section

    def __str__(self) -> str:
        where = f"第 {self.position.line} 行第 {self.position.column} 欄"
        return f"{self.section}（{where}）：{self.message}" if self.section else f"{where}：{self.message}"

    def __repr__(self) -> str:
        return f"TemplateError({str(self)!r})"

    def as_dict(self) -> dict:
        return {"message": self.message, "line": self.position.line,
                "column": self.position.column, "section": self.section, "text": str(self)}


class TemplateInvalid(Exception):
    def __init__(self, errors: list[TemplateError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


# -- placeholders ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Filter:
    name: str
    args: tuple[str, ...] = ()
    kwargs: tuple[tuple[str, str], ...] = ()

    def kwarg(self, name: str, default: str | None = None) -> str | None:
        return dict(self.kwargs).get(name, default)


@dataclass(frozen=True)
class Expression:
    """`survey.questions.env_a.percent.5|percent` — a path into the figures and its formats."""

    path: tuple[str, ...]
    filters: tuple[Filter, ...]
    position: Position
    source: str

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class Bold:
    """A `**` toggle in prose."""

    position: Position


Inline = str | Expression | Bold

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SEGMENT = re.compile(r"[A-Za-z0-9_]+")
_BARE_ARG = re.compile(r"[^,|\"'\s}]+")


class _ExpressionScanner:
    def __init__(self, text: str, position: Position):
        self.text, self.at, self.position = text, 0, position

    def error(self, message: str) -> TemplateError:
        return TemplateError(message, Position(self.position.line, self.position.column + self.at))

    def skip_space(self):
        while self.at < len(self.text) and self.text[self.at] in " \t":
            self.at += 1

    def take(self, pattern: re.Pattern) -> str | None:
        match = pattern.match(self.text, self.at)
        if not match:
            return None
        self.at = match.end()
        return match.group()

    def value(self) -> str:
        quote = self.text[self.at:self.at + 1]
        if quote in {'"', "'"}:
            end = self.text.find(quote, self.at + 1)
            if end < 0:
                raise self.error("引號沒有結束")
            result, self.at = self.text[self.at + 1:end], end + 1
            return result
        bare = self.take(_BARE_ARG)
        if bare is None:
            raise self.error("這裡應該是一個參數")
        return bare

    def expression(self) -> Expression:
        self.skip_space()
        first = self.take(_IDENT)
        if first is None:
            raise self.error("這裡應該是數據名稱（如 survey.respondents）")
        path = [first]
        while self.text.startswith(".", self.at):
            self.at += 1
            segment = self.take(_SEGMENT)
            if segment is None:
                raise self.error("「.」之後應該是名稱")
            path.append(segment)
        filters = []
        self.skip_space()
        while self.text.startswith("|", self.at):
            self.at += 1
            self.skip_space()
            name = self.take(_IDENT)
            if name is None:
                raise self.error("「|」之後應該是格式名稱（如 percent）")
            args, kwargs = [], []
            self.skip_space()
            if self.text.startswith(":", self.at):
                self.at += 1
                while True:
                    self.skip_space()
                    keyword = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=").match(self.text, self.at)
                    if keyword:
                        self.at = keyword.end()
                        kwargs.append((keyword.group(1), self.value()))
                    else:
                        args.append(self.value())
                    self.skip_space()
                    if not self.text.startswith(",", self.at):
                        break
                    self.at += 1
            filters.append(Filter(name, tuple(args), tuple(kwargs)))
            self.skip_space()
        if self.at != len(self.text):
            raise self.error(f"無法辨識「{self.text[self.at:]}」")
        return Expression(tuple(path), tuple(filters), self.position, self.text.strip())


def parse_expression(text: str, position: Position) -> Expression:
    return _ExpressionScanner(text, position).expression()


_INLINE = re.compile(r"\{\{|\*\*")


def parse_inline(text: str, position: Position) -> list[Inline]:
    """Prose on one line -> text, placeholders and bold toggles. Raises TemplateError."""
    items: list[Inline] = []
    at = 0
    while True:
        match = _INLINE.search(text, at)
        if not match:
            break
        if match.start() > at:
            items.append(text[at:match.start()])
        column = position.column + match.start()
        if match.group() == "**":
            items.append(Bold(Position(position.line, column)))
            at = match.end()
            continue
        end = text.find("}}", match.end())
        if end < 0:
            raise TemplateError("「{{」沒有對應的「}}」", Position(position.line, column))
        inner = text[match.end():end]
        inner_column = column + 2
        expression = parse_expression(inner, Position(position.line, inner_column))
        # The expression's position is its opening braces, where an editor's eye goes.
        items.append(replace(expression, position=Position(position.line, column)))
        at = end + 2
    if at < len(text):
        items.append(text[at:])
    return items


def split_cells(text: str) -> list[tuple[str, int]]:
    """`| a | {{ x|percent }} |` -> cells with their column offsets; `|` inside {{ }} is kept."""
    cells, depth, start, at = [], 0, None, 0
    while at < len(text):
        if text.startswith("{{", at):
            depth, at = depth + 1, at + 2
            continue
        if text.startswith("}}", at) and depth:
            depth, at = depth - 1, at + 2
            continue
        if text[at] == "|" and not depth:
            if start is not None:
                cells.append((text[start:at], start))
            start = at + 1
        at += 1
    if start is not None and text[start:].strip():
        cells.append((text[start:], start))
    return cells


# -- the tree -----------------------------------------------------------------------------

@dataclass
class Prose:
    items: list[Inline]
    position: Position

    def expressions(self) -> list[Expression]:
        return [item for item in self.items if isinstance(item, Expression)]


@dataclass
class Option:
    value: str
    position: Position


@dataclass
class Block:
    kind: str
    title: Prose
    options: dict[str, Option]
    rows: list[list[Prose]]  # table rows (the first is the header)
    items: list[Prose]  # list items
    position: Position
    argument: str = ""

    def option(self, name: str, default: str | None = None) -> str | None:
        return self.options[name].value if name in self.options else default


@dataclass
class Section:
    level: int
    number: str
    heading: Prose
    heading_source: str
    position: Position
    body: list = field(default_factory=list)  # Prose paragraphs and Blocks
    children: list["Section"] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.number}{self.heading_source}".strip()


@dataclass
class TemplateTree:
    settings: dict[str, Prose]
    numbering: list[NumberingStyle]
    labels: dict[str, dict[str, str]]
    sections: list[Section]
    label_positions: dict[str, Position] = field(default_factory=dict)

    def walk(self):
        """Every section, depth first, in document order."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


# Which options each block kind takes (required ones marked with *) and whether it has rows.
BLOCK_KINDS: dict[str, dict] = {
    "table": {"options": {"note"}, "rows": True},
    "distribution": {"options": {"data*", "items*", "options*", "value", "counts", "base", "base_label",
                                 "item_label", "format", "note"}},
    "chart": {"options": {"data*", "type", "items", "options", "value", "unit", "note"}},
    "ranking": {"options": {"data*", "by", "top", "bottom", "items", "include", "exclude",
                            "format", "label", "value_label"}},
    "records": {"options": {"data*", "columns", "item", "empty", "numbered"}},
    "list": {"options": set(), "list": True},
    "branches": {"options": {"columns*", "note"}},
    "pagebreak": {"options": set(), "single": True},
}
SETTINGS = {"title", "subtitle", "submitted_by", "data_time", "numbering"}
DEFAULT_SETTINGS = {
    "title": "{{ period|roc_year }}年度提升服務品質執行成果報告",
    "submitted_by": "{{ agency.name }}",
    "data_time": "{{ period|data_time }}",
}

_HEADING = re.compile(r"^(#{1,9})\s+(.*?)\s*$")
_UNNUMBERED = re.compile(r"\s*\{-\}\s*$")
_BLOCK_START = re.compile(r"^:::\s*([A-Za-z_]+)\s*(.*?)\s*$")
_BLOCK_END = re.compile(r"^:::\s*$")
_OPTION = re.compile(r"^([A-Za-z_]+)\s*[:：]\s*(.*?)\s*$")
_SETTING = re.compile(r"^(labels)\s+([A-Za-z0-9_.]+)\s*[:：]\s*(.*?)\s*$|^([a-z_]+)\s*[:：]\s*(.*?)\s*$")


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """`5=非常滿意; 4=有點滿意` -> [("5", "非常滿意"), ("4", "有點滿意")]."""
    pairs = []
    for part in re.split(r"[;；]", text):
        if not part.strip():
            continue
        key, sep, label = part.partition("=")
        if not sep:
            raise ValueError(f"「{part.strip()}」應寫成 代碼=名稱")
        pairs.append((key.strip(), label.strip()))
    return pairs


def _join_lines(parts: list[list[Inline]]) -> list[Inline]:
    """Lines of one paragraph joined; a space only between two Latin letters or digits."""
    joined: list[Inline] = []
    for items in parts:
        if joined and items and isinstance(joined[-1], str) and isinstance(items[0], str):
            left, right = joined[-1].rstrip(), items[0].lstrip()
            space = " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() \
                and right[:1].isalnum() else ""
            joined[-1] = left + space + right
            joined.extend(items[1:])
        else:
            joined.extend(items)
    return joined


class _Parser:
    def __init__(self, source: str):
        self.lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.errors: list[TemplateError] = []
        self.section: Section | None = None

    def fail(self, message: str, line: int, column: int = 1):
        self.errors.append(TemplateError(message, Position(line, column),
                                         self.section.label if self.section else ""))

    def prose(self, text: str, line: int, column: int) -> Prose | None:
        try:
            return Prose(parse_inline(text, Position(line, column)), Position(line, column))
        except TemplateError as error:
            error.section = self.section.label if self.section else ""
            self.errors.append(error)
            return None

    def front_matter_end(self) -> int:
        """Index of the `---` line ending the settings, or -1 if there are none."""
        for index, line in enumerate(self.lines):
            if line.strip() == "---":
                return index
            if line.strip() and not _SETTING.match(line.strip()):
                return -1
        return -1

    def parse(self) -> TemplateTree:
        end = self.front_matter_end()
        settings_source: dict[str, tuple[str, int, int]] = {}
        labels: dict[str, dict[str, str]] = {}
        label_positions: dict[str, Position] = {}
        for index in range(0, max(end, 0)):
            raw = self.lines[index]
            if not raw.strip():
                continue
            match = _SETTING.match(raw.strip())
            column = len(raw) - len(raw.lstrip()) + 1
            if match.group(1):
                name = match.group(2)
                try:
                    labels[name] = dict(parse_pairs(match.group(3)))
                    label_positions[name] = Position(index + 1, column)
                except ValueError as error:
                    self.fail(f"名稱表 {name}：{error}", index + 1, column)
                continue
            key, value = match.group(4), match.group(5)
            if key not in SETTINGS:
                self.fail(f"未知的設定「{key}」（可用：{'、'.join(sorted(SETTINGS | {'labels'}))}）",
                          index + 1, column)
                continue
            value_column = raw.find(value, raw.find(":") if ":" in raw else 0) + 1 if value else column
            settings_source[key] = (value, index + 1, value_column)

        numbering = [NumberingStyle.parse(s) for s in DEFAULT_STYLES]
        if "numbering" in settings_source:
            text, line, column = settings_source.pop("numbering")
            try:
                numbering = [NumberingStyle.parse(part) for part in text.split("|") if part.strip()]
            except ValueError as error:
                self.fail(str(error), line, column)
            if not numbering:
                self.fail("numbering 至少要有一層編號樣式", line, column)
                numbering = [NumberingStyle.parse(s) for s in DEFAULT_STYLES]
        settings = {}
        for key, default in DEFAULT_SETTINGS.items():
            settings_source.setdefault(key, (default, 0, 1))
        for key, (text, line, column) in settings_source.items():
            prose = self.prose(text, line, column)
            if prose is not None:
                settings[key] = prose

        sections = self.parse_body(end + 1, Numbering(numbering))
        return TemplateTree(settings, numbering, labels, sections, label_positions)

    def parse_body(self, start: int, numbering: Numbering) -> list[Section]:
        roots: list[Section] = []
        stack: list[Section] = []
        paragraph: list[list[Inline]] = []
        paragraph_position: Position | None = None
        index = start

        def flush():
            nonlocal paragraph, paragraph_position
            if paragraph and self.section is not None:
                self.section.body.append(Prose(_join_lines(paragraph), paragraph_position))
            paragraph, paragraph_position = [], None

        while index < len(self.lines):
            raw = self.lines[index]
            line_no = index + 1
            text = raw.strip()
            column = len(raw) - len(raw.lstrip()) + 1
            if not text:
                flush()
                index += 1
                continue
            heading = _HEADING.match(text)
            if heading:
                flush()
                level = len(heading.group(1))
                parent_level = stack[-1].level if stack else 0
                if level > parent_level + 1:
                    self.fail(f"標題層級跳級：第 {parent_level} 層之後不能直接是第 {level} 層",
                              line_no, column)
                    level = parent_level + 1
                title = heading.group(2)
                numbered = not _UNNUMBERED.search(title)
                title = _UNNUMBERED.sub("", title)
                while stack and stack[-1].level >= level:
                    stack.pop()
                number = numbering.next(level) if numbered else ""
                section = Section(level, number, Prose([], Position(line_no, column)), title,
                                  Position(line_no, column))
                self.section = section
                heading_prose = self.prose(title, line_no, column + len(heading.group(1)) + 1)
                if heading_prose is not None:
                    section.heading = heading_prose
                (stack[-1].children if stack else roots).append(section)
                stack.append(section)
                index += 1
                continue
            if self.section is None:
                self.fail("內容必須寫在第一個「#」標題之下", line_no, column)
                index += 1
                continue
            block = _BLOCK_START.match(text)
            if block:
                flush()
                index = self.parse_block(block, index, column)
                continue
            if _BLOCK_END.match(text):
                self.fail("多餘的「:::」（沒有對應的區塊開頭）", line_no, column)
                index += 1
                continue
            prose = self.prose(text, line_no, column)
            if prose is not None:
                paragraph_position = paragraph_position or prose.position
                paragraph.append(prose.items)
            index += 1
        flush()
        return roots

    def parse_block(self, start_match: re.Match, index: int, column: int) -> int:
        kind, argument = start_match.group(1), start_match.group(2)
        line_no = index + 1
        spec = BLOCK_KINDS.get(kind)
        if spec is None:
            self.fail(f"未知的區塊「{kind}」（可用：{'、'.join(BLOCK_KINDS)}）", line_no, column + 4)
            spec = {"options": set()}
        title = self.prose(argument, line_no, column + start_match.start(2)) or Prose([], Position(line_no, column))
        block = Block(kind, title, {}, [], [], Position(line_no, column), argument)
        if spec.get("single"):
            self.section.body.append(block)
            return index + 1
        allowed = {name.rstrip("*") for name in spec["options"]}
        index += 1
        closed = False
        while index < len(self.lines):
            raw = self.lines[index]
            text, line_no = raw.strip(), index + 1
            col = len(raw) - len(raw.lstrip()) + 1
            index += 1
            if not text:
                continue
            if _BLOCK_END.match(text):
                closed = True
                break
            if _BLOCK_START.match(text) or _HEADING.match(text):
                self.fail(f"區塊「{kind}」沒有以「:::」結束", block.position.line, block.position.column)
                index -= 1
                closed = True
                break
            if text.startswith("|") and spec.get("rows"):
                row = []
                for cell, offset in split_cells(text):
                    stripped = cell.strip()
                    cell_column = col + offset + (len(cell) - len(cell.lstrip()))
                    prose = self.prose(stripped, line_no, cell_column)
                    row.append(prose or Prose([], Position(line_no, cell_column)))
                block.rows.append(row)
                continue
            if text.startswith("- ") and spec.get("list"):
                prose = self.prose(text[2:].strip(), line_no, col + 2)
                if prose is not None:
                    block.items.append(prose)
                continue
            option = _OPTION.match(text)
            if option and option.group(1) in allowed:
                value_column = col + text.find(option.group(2)) if option.group(2) else col
                block.options[option.group(1)] = Option(option.group(2), Position(line_no, value_column))
                continue
            if option:
                self.fail(f"區塊「{kind}」沒有「{option.group(1)}」這個設定"
                          f"（可用：{'、'.join(sorted(allowed)) or '無'}）", line_no, col)
                continue
            expected = "「| 儲存格 |」表格列" if spec.get("rows") else (
                "「- 項目」" if spec.get("list") else "「設定: 值」")
            self.fail(f"區塊「{kind}」內無法辨識這一行（應為{expected}）", line_no, col)
        if not closed:
            self.fail(f"區塊「{kind}」沒有以「:::」結束", block.position.line, block.position.column)
        for name in spec["options"]:
            if name.endswith("*") and name[:-1] not in block.options:
                self.fail(f"區塊「{kind}」缺少必要設定「{name[:-1]}」", block.position.line,
                          block.position.column)
        if spec.get("rows") and not block.rows:
            self.fail("表格沒有任何列", block.position.line, block.position.column)
        if kind == "list" and argument not in {"", "numbered"}:
            self.fail("list 區塊之後只能寫 numbered（編號清單）或不寫（項目符號）",
                      block.position.line, block.position.column)
        self.section.body.append(block)
        return index


def parse_template(source: str) -> TemplateTree:
    """Parse a template's text; raise TemplateInvalid listing every form error."""
    parser = _Parser(source)
    tree = parser.parse()
    if not tree.sections and not parser.errors:
        parser.fail("範本沒有任何「#」章節", 1)
    if parser.errors:
        raise TemplateInvalid(parser.errors)
    return tree
