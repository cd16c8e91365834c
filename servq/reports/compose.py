"""Template + figures -> Document. The same walk validates a template (strict: every unknown
figure, format or label is an error with its position) and builds a report (lenient: a problem
becomes a visible ⚠ mark and a warning, so a build never dies half-way)."""

from decimal import Decimal

from . import charts
from .checks import run_checks
from .document import (BulletList, Check, Cover, Document, Heading, Image, PageBreak, Paragraph,
                       Run, Table)
from .figureset import FigureSet, MissingFigure, resolve
from .formats import FORMATS, NO_DATA, FormatError, apply_format
from .language import (Block, Bold, Expression, Filter, Position, Prose, TemplateError,
                       TemplateTree, parse_expression, parse_inline, parse_pairs)
from .sentences import (change_sentence, item_label, rank, ranking_sentence, select_keys, take)

COMPUTED = {"change", "top", "bottom"}
CHART_TYPES = ("bar", "horizontal", "stacked")
# Formats of numbers: a records column in one of them is right-aligned.
NUMBER_FORMATS = {"percent", "number", "thousands", "ntd", "ntd_words", "wan", "points"}
MODIFIERS = {"previous", "default"}
FILTER_NAMES = set(FORMATS) | COMPUTED | MODIFIERS


class Composer:
    def __init__(self, tree: TemplateTree, figures: FigureSet, *, strict: bool = False,
                 draw_charts: bool = True):
        self.tree, self.figures = tree, figures
        self.strict, self.draw_charts = strict, draw_charts
        self.errors: list[TemplateError] = []
        self.problems: list[Check] = []
        self.referenced: set[tuple[str, ...]] = set()
        self.section_label = ""
        self.level = 1

    # -- problems --------------------------------------------------------------------------
    def problem(self, message: str, position: Position) -> str:
        if self.strict:
            self.errors.append(TemplateError(message, position, self.section_label))
        else:
            where = f"{self.section_label}（第 {position.line} 行）" if self.section_label else \
                f"第 {position.line} 行"
            self.problems.append(Check("render", "", f"{where}：{message}"))
        return "⚠"

    # -- values ----------------------------------------------------------------------------
    def lookup(self, path: tuple[str, ...], position: Position, *, item=None, previous=False):
        """(found, value). Records the path for the checks when it is a current figure."""
        if path[0] == "item":
            if item is None:
                self.problem("「item.」只能用在 records 區塊的 item 設定中", position)
                return False, None
            try:
                return True, resolve(item, path[1:])
            except MissingFigure as missing:
                if self.strict and item is _ANY_RECORD:
                    return True, None
                self.problem(str(missing).replace("「", "「item.", 1), position)
                return False, None
        tree = self.figures.previous if previous else self.figures.current
        if tree is None:
            return True, None
        try:
            value = resolve(tree, path)
        except MissingFigure as missing:
            if previous:  # the previous period may lack a dynamic key; it only has no data
                return True, None
            self.problem(str(missing), position)
            return False, None
        if not previous:
            self.referenced.add(path)
        return True, value

    def labels(self, spec: str | None, position: Position) -> dict[str, str] | None:
        """`@name` (a labels line of the settings) or inline `key=label; ...`."""
        if not spec:
            return None
        spec = spec.strip()
        if spec.startswith("@"):
            name = spec[1:]
            if name not in self.tree.labels:
                known = "、".join(self.tree.labels) or "無"
                self.problem(f"找不到名稱表「{name}」（已定義：{known}）", position)
                return {}
            return self.tree.labels[name]
        try:
            return dict(parse_pairs(spec))
        except ValueError as error:
            self.problem(str(error), position)
            return {}

    def check_filters(self, expression: Expression) -> bool:
        filters = list(expression.filters)
        for index, item in enumerate(filters):
            if item.name not in FILTER_NAMES:
                self.problem(f"未知的格式「{item.name}」（可用：{'、'.join(sorted(FILTER_NAMES))}）",
                             expression.position)
                return False
            if item.name == "previous" and index != 0:
                self.problem("previous 必須寫在第一個", expression.position)
                return False
        formats = [f for f in filters if f.name not in MODIFIERS]
        if len(formats) > 1:
            self.problem(f"一個數據只能套用一種格式，這裡有 {len(formats)} 種", expression.position)
            return False
        return True

    def evaluate(self, expression: Expression, *, item=None) -> str:
        if not self.check_filters(expression):
            return "⚠"
        filters = list(expression.filters)
        previous = bool(filters and filters[0].name == "previous")
        if previous:
            filters.pop(0)
        default = None
        if filters and filters[0].name == "default":
            default = filters.pop(0).args[0] if filters[0].args else NO_DATA
        fmt = filters[0] if filters else Filter("text")
        found, value = self.lookup(expression.path, expression.position, item=item,
                                   previous=previous)
        if not found:
            return "⚠"
        if (value is None or value == "") and default is not None:
            return default
        if fmt.name == "change":
            return self.change(expression, fmt, value)
        if fmt.name in {"top", "bottom"}:
            return self.ranking_text(expression, fmt, value)
        try:
            return apply_format(fmt.name, value, list(fmt.args))
        except FormatError as error:
            return self.problem(f"「{expression.source}」：{error}", expression.position)

    def change(self, expression: Expression, fmt: Filter, value) -> str:
        if isinstance(value, (dict, list, str)):
            return self.problem("change 需要數值", expression.position)
        _, before = self.lookup(expression.path, expression.position, previous=True)
        points = "points" in fmt.args or any("percent" in part for part in expression.path)
        unit = next((arg for arg in fmt.args if arg != "points"), "")
        return change_sentence(value, before, points=points, unit=unit,
                               period_kind=self.figures.period_kind)

    def ranked(self, mapping, *, by, items, include, exclude, descending, position):
        if not isinstance(mapping, dict):
            self.problem("排序需要一組項目（如 survey.questions）", position)
            return []
        keys = select_keys(mapping, items=items, include=include, exclude=exclude)
        if self.strict and by and keys and not any(
                isinstance(mapping.get(k), dict) and by.split(".")[0] in mapping[k] for k in keys):
            self.problem(f"項目中沒有「{by}」（例如 {keys[0]} 有："
                         f"{'、'.join(map(str, mapping[keys[0]])) if isinstance(mapping[keys[0]], dict) else '無'}）",
                         position)
        if self.strict and items:
            for key in items:
                if key not in mapping:
                    self.problem(f"「{key}」不是這組項目之一（有：{'、'.join(map(str, mapping))}）",
                                 position)
        return rank(mapping, by=by, keys=keys, labels=items, descending=descending)

    def value_formatter(self, name: str | None, by: str | None, position: Position):
        name = name or ("percent" if by and "percent" in by else "thousands")
        if name not in FORMATS:
            self.problem(f"未知的格式「{name}」", position)
            name = "text"

        def format_value(value):
            try:
                return apply_format(name, value, [])
            except FormatError as error:
                return self.problem(str(error), position)
        return format_value

    def ranking_text(self, expression: Expression, fmt: Filter, value) -> str:
        by = fmt.args[0] if fmt.args else fmt.kwarg("by")
        try:
            n = int(fmt.args[1] if len(fmt.args) > 1 else fmt.kwarg("n", "3"))
        except ValueError:
            return self.problem("排序的項目數必須是整數", expression.position)
        items = self.labels(fmt.kwarg("labels") and "@" + fmt.kwarg("labels").lstrip("@"),
                            expression.position)
        ranked = self.ranked(value, by=by, items=items, include=fmt.kwarg("include"),
                             exclude=fmt.kwarg("exclude"), descending=fmt.name == "top",
                             position=expression.position)
        formatter = self.value_formatter(fmt.kwarg("format"), by or expression.path[-1],
                                         expression.position)
        return ranking_sentence(take(ranked, n), formatter)

    # -- prose -----------------------------------------------------------------------------
    def runs(self, prose: Prose, *, item=None) -> list[Run]:
        runs, bold = [], False
        for part in prose.items:
            if isinstance(part, Bold):
                bold = not bold
            elif isinstance(part, Expression):
                runs.append(Run(self.evaluate(part, item=item), bold=bold, figure=part.name))
            elif part:
                runs.append(Run(part, bold=bold))
        return runs

    def text(self, prose: Prose | None, *, item=None) -> str:
        return "".join(run.text for run in self.runs(prose, item=item)) if prose else ""

    def option_expression(self, block: Block, name: str) -> Expression | None:
        option = block.options.get(name)
        if option is None:
            return None
        try:
            return parse_expression(option.value, option.position)
        except TemplateError as error:
            self.problem(error.message, error.position)
            return None

    def option_value(self, block: Block, name: str):
        expression = self.option_expression(block, name)
        if expression is None:
            return False, None
        return self.lookup(expression.path, expression.position)

    def int_option(self, block: Block, name: str, default: int) -> int:
        option = block.options.get(name)
        if option is None:
            return default
        try:
            return int(option.value)
        except ValueError:
            self.problem(f"「{name}」必須是整數，不是「{option.value}」", option.position)
            return default

    def column_specs(self, option) -> list[tuple[Expression, str]]:
        """`path|format=標題; ...` -> (expression, heading) pairs."""
        try:
            pairs = parse_pairs(option.value)
        except ValueError as error:
            self.problem(str(error), option.position)
            return []
        columns = []
        for spec, label in pairs:
            try:
                columns.append((parse_expression(spec, option.position), label))
            except TemplateError as error:
                self.problem(error.message, option.position)
        return columns

    def numbered(self, lines: list[list[Run]]) -> list[Paragraph]:
        """Items numbered with the style of the level below the current section."""
        style = self.tree.numbering[min(self.level + 1, len(self.tree.numbering)) - 1]
        return [Paragraph(runs, level=self.level + 1, number=style.format(index))
                for index, runs in enumerate(lines, start=1)]

    # -- blocks ----------------------------------------------------------------------------
    def block(self, block: Block) -> list:
        handler = getattr(self, f"block_{block.kind}", None)
        if handler is None:
            self.problem(f"未知的區塊「{block.kind}」", block.position)
            return []
        return handler(block)

    def block_pagebreak(self, block: Block) -> list:
        return [PageBreak()]

    def block_list(self, block: Block) -> list:
        if block.argument == "numbered":
            return self.numbered([self.runs(item) for item in block.items])
        return [BulletList([self.runs(item) for item in block.items], level=self.level)]

    def block_table(self, block: Block) -> list:
        width = len(block.rows[0])
        for row in block.rows[1:]:
            if len(row) != width:
                self.problem(f"表格每列的欄數要相同：標題列 {width} 欄，這一列 {len(row)} 欄",
                             row[0].position if row else block.position)
        header = [self.runs(cell) for cell in block.rows[0]]
        body = [[self.runs(cell) for cell in row] + [[] for _ in range(width - len(row))]
                for row in block.rows[1:]]
        numeric = []
        for column in range(width):
            cells = [row[column] for row in block.rows[1:] if column < len(row)]
            numeric.append(bool(cells) and all(
                len(cell.expressions()) == 1 and all(isinstance(p, Expression) or not str(p).strip()
                                                      for p in cell.items) for cell in cells))
        return [Table(self.text(block.title), header, body, numeric, level=self.level,
                      note=block.option("note", ""))]

    def block_distribution(self, block: Block) -> list:
        found, mapping = self.option_value(block, "data")
        items = self.labels(block.option("items"), block.options["items"].position) or {}
        options = self.labels(block.option("options"), block.options["options"].position) or {}
        value_key = block.option("value", "percent")
        counts_key = block.option("counts")
        base = block.option("base")
        formatter = self.value_formatter(block.option("format"), value_key, block.position)
        header = [[Run(block.option("item_label", "項目"))]] + [[Run(label)] for label in options.values()]
        if base:
            header.append([Run(block.option("base_label", "人數"))])
        rows = []
        if found and not isinstance(mapping, dict):
            self.problem("distribution 的 data 必須是一組項目", block.options["data"].position)
            found = False
        data_name = block.option("data", "").split("|")[0].strip()
        for key, label in items.items():
            node = mapping.get(key) if found else None
            if found and node is None:
                self.problem(f"「{data_name}」之下沒有「{key}」（有：{'、'.join(map(str, mapping))}）",
                             block.options["items"].position)
            if found:
                self.referenced.add(tuple(data_name.split(".")) + (key,))
            values = node.get(value_key) if isinstance(node, dict) else None
            if node is not None and not isinstance(values, dict):
                self.problem(f"「{data_name}.{key}」沒有「{value_key}」分布", block.options["data"].position)
                values = None
            row = [[Run(label)]]
            for option_key in options:
                value = values.get(option_key, values.get(int(option_key)) if option_key.isdigit() else None) \
                    if values else None
                if values is not None and option_key not in values and not (
                        option_key.isdigit() and int(option_key) in values):
                    self.problem(f"「{data_name}.{key}.{value_key}」沒有選項「{option_key}」",
                                 block.options["options"].position)
                text = formatter(value)
                if counts_key:
                    counts = node.get(counts_key) if isinstance(node, dict) else None
                    if node is not None and not isinstance(counts, dict):
                        self.problem(f"「{data_name}.{key}」沒有「{counts_key}」", block.options["counts"].position)
                        counts = {}
                    count = (counts or {}).get(option_key)
                    text = f"{text}（{apply_format('thousands', count, [])}）"
                row.append([Run(text, figure=f"{data_name}.{key}.{value_key}.{option_key}")])
            if base:
                base_value = node.get(base) if isinstance(node, dict) else None
                row.append([Run(apply_format("thousands", base_value, []) if isinstance(
                    base_value, (int, Decimal, type(None))) else "⚠", figure=f"{data_name}.{key}.{base}")])
            rows.append(row)
        numeric = [False] + [True] * (len(header) - 1)
        return [Table(self.text(block.title), header, rows, numeric, level=self.level,
                      note=block.option("note", ""))]

    def block_chart(self, block: Block) -> list:
        found, mapping = self.option_value(block, "data")
        title = self.text(block.title)
        kind = block.option("type", "bar")
        horizontal = kind == "horizontal"
        if kind not in CHART_TYPES:
            self.problem(f"chart 的 type 只能是 {'、'.join(CHART_TYPES)}",
                         block.options["type"].position)
        value_key = block.option("value", "percent")
        unit = block.option("unit", "%" if "percent" in (value_key + block.option("data", "")) else "")
        options = self.labels(block.option("options"), block.options["options"].position) \
            if "options" in block.options else None
        if not found or not isinstance(mapping, dict):
            if found:
                self.problem("chart 的 data 必須是一組數值或項目", block.options["data"].position)
            return []
        if "items" in block.options:
            items = self.labels(block.option("items"), block.options["items"].position) or {}
            groups = [label for label in items.values()]
            nodes = [mapping.get(key) for key in items]
            for key, node in zip(items, nodes):
                if node is None:
                    self.problem(f"「{block.option('data')}」之下沒有「{key}」", block.options["items"].position)
            sample = next((n.get(value_key) for n in nodes if isinstance(n, dict)), None)
            if isinstance(sample, dict):  # a distribution per item: its options side by side
                keys = list(options or sample)
                series = [((options or {}).get(k, k), [
                    (n.get(value_key) or {}).get(k) if isinstance(n, dict) else None for n in nodes])
                    for k in keys]
                if kind == "stacked":
                    rows = [(group, [(name, values[i]) for name, values in series])
                            for i, group in enumerate(groups)]
                    image = self.draw(lambda: charts.stacked_bar_chart(rows))
                else:
                    image = self.draw(lambda: charts.grouped_bar_chart(groups, series, unit=unit))
            else:
                values = [n.get(value_key) if isinstance(n, dict) else None for n in nodes]
                image = self.draw(lambda: charts.bar_chart(groups, values, unit=unit, horizontal=horizontal))
        else:
            keys = list(options) if options else [str(k) for k in mapping]
            labels = [(options or {}).get(k, item_label(k, mapping.get(k), None)) for k in keys]
            values = [mapping.get(k, mapping.get(int(k)) if k.isdigit() else None) for k in keys]
            if any(isinstance(v, (dict, list, str)) for v in values):
                self.problem("chart 的 data 是一組項目：請用 items 與 value 指定要畫的數值",
                             block.options["data"].position)
                return []
            image = self.draw(lambda: charts.bar_chart(labels, values, unit=unit, horizontal=horizontal))
        if image is None:
            return []
        nodes = [Image(image.png, title, image.width_cm, image.height_cm, alt=title, level=self.level)]
        if block.option("note"):
            nodes.append(Paragraph([Run(block.option("note"))], level=self.level, style="note"))
        return nodes

    def draw(self, make):
        if not self.draw_charts:
            return None
        return make()

    def block_ranking(self, block: Block) -> list:
        found, mapping = self.option_value(block, "data")
        if not found:
            return []
        by = block.option("by")
        items = self.labels(block.option("items"), block.options["items"].position) \
            if "items" in block.options else None
        descending = "bottom" not in block.options
        n = self.int_option(block, "bottom" if not descending else "top", 5)
        ranked = take(self.ranked(mapping, by=by, items=items, include=block.option("include"),
                                  exclude=block.option("exclude"), descending=descending,
                                  position=block.position), n)
        formatter = self.value_formatter(block.option("format"), by, block.position)
        header = [[Run("名次")], [Run(block.option("label", "項目"))],
                  [Run(block.option("value_label", "數值"))]]
        rows = [[[Run(str(item.rank))], [Run(item.label)], [Run(formatter(item.value))]]
                for item in ranked]
        if not rows:
            rows = [[[Run("—")], [Run("（無資料）")], [Run("—")]]]
        return [Table(self.text(block.title), header, rows, [True, False, True], level=self.level)]

    def block_records(self, block: Block) -> list:
        found, records = self.option_value(block, "data")
        if not found:
            return []
        if not isinstance(records, list):
            self.problem("records 的 data 必須是紀錄清單", block.options["data"].position)
            return []
        sample = records if records else ([_ANY_RECORD] if self.strict else [])
        title = self.text(block.title)
        nodes = []
        if "columns" in block.options:
            columns = [(Expression(("item",) + e.path, e.filters, e.position, e.source), label)
                       for e, label in self.column_specs(block.options["columns"])]
            header = [[Run(label)] for _, label in columns]
            rows = [[[Run(self.evaluate(expr, item=record))] for expr, _ in columns]
                    for record in sample]
            numeric = [any(f.name in NUMBER_FORMATS for f in expression.filters)
                       for expression, _ in columns]
            if records:
                nodes.append(Table(title, header, rows, numeric, level=self.level))
        elif "item" in block.options:
            option = block.options["item"]
            try:
                prose = Prose(parse_inline(option.value, option.position), option.position)
            except TemplateError as error:
                self.problem(error.message, error.position)
                return []
            lines = [self.runs(prose, item=record) for record in sample]
            if records:
                if title:
                    nodes.append(Paragraph([Run(title, bold=True)], level=self.level))
                if block.option("numbered", "no") in {"yes", "true", "1"}:
                    nodes.extend(self.numbered(lines))
                else:
                    nodes.append(BulletList(lines, level=self.level))
        else:
            self.problem("records 區塊需要 columns 或 item 其中之一", block.position)
        if not records:
            nodes.append(Paragraph([Run(block.option("empty", "本期無相關紀錄。"))], level=self.level))
        return nodes

    def block_branches(self, block: Block) -> list:
        columns = self.column_specs(block.options["columns"])
        # The names are checked against this report's figures (branches have the same keys).
        totals = [self.evaluate(expression) for expression, _ in columns]
        if not self.figures.branches:
            return []
        header = [[Run("機關")]] + [[Run(label)] for _, label in columns]
        rows = []
        for branch in self.figures.branches:
            sub = Composer(self.tree, FigureSet(branch, None), strict=False, draw_charts=False)
            rows.append([[Run(branch["agency"]["short_name"])]] +
                        [[Run(sub.evaluate(expression), figure=expression.name)] for expression, _ in columns])
        rows.append([[Run("合計", bold=True)]] + [[Run(text, bold=True)] for text in totals])
        return [Table(self.text(block.title), header, rows, [False] + [True] * len(columns),
                      level=self.level, note=block.option("note", ""), emphasis_last_row=True)]

    # -- the document ----------------------------------------------------------------------
    def compose(self) -> Document:
        settings = self.tree.settings
        cover = Cover(
            agency=str(self.figures.current.get("agency", {}).get("name", "")),
            title=self.text(settings.get("title")),
            submitted_by=self.text(settings.get("submitted_by")),
            data_time=self.text(settings.get("data_time")),
            subtitle=self.text(settings.get("subtitle")),
        )
        document = Document(cover)
        for section in self.tree.walk():
            self.section_label, self.level = section.label, section.level
            document.body.append(Heading(section.level, section.number, self.runs(section.heading)))
            for part in section.body:
                if isinstance(part, Prose):
                    document.body.append(Paragraph(self.runs(part), level=section.level))
                else:
                    document.body.extend(self.block(part))
        self.section_label = ""
        document.number_captions()
        document.checks = run_checks(self.figures.current, self.referenced) + self.problems
        return document


class _AnyRecord(dict):
    """Stands for a record of an empty list during validation: any key is accepted."""


_ANY_RECORD = _AnyRecord()


def compose(tree: TemplateTree, figures: FigureSet, *, draw_charts: bool = True) -> Document:
    return Composer(tree, figures, draw_charts=draw_charts).compose()


def validate(tree: TemplateTree, figures: FigureSet) -> list[TemplateError]:
    """Every unknown figure, format, label set or item, with its section and position."""
    composer = Composer(tree, figures, strict=True, draw_charts=False)
    composer.compose()
    return composer.errors
