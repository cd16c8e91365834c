"""DOCX with python-docx: the same content as the ODT, Noto Sans CJK TC set for Latin and
East-Asian text (w:eastAsia), a cover page in its own section without a page number."""

import io

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..document import (LEVEL_INDENT_CM, SIDE_MARGIN_CM, TABLE_FONT_PT, TEXT_WIDTH_CM, BulletList,
                        Document, Heading, Image, PageBreak, Paragraph, Run, Table)

FONT = "Noto Sans CJK TC"
HEADING_SIZES = {1: 16, 2: 14}


def _set_fonts(element_rpr_owner) -> None:
    """Latin, East-Asian and complex-script fonts of a style or run."""
    rpr = element_rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:eastAsia"), "zh-TW")


def _style(document, name: str, *, size: float = 12, bold: bool = False, base: str | None = None):
    style = document.styles[name]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(style.element)
    return style


def _page_number_field(paragraph) -> None:
    run = paragraph.add_run()
    begin, code, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(end)


def _shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _no_autospace(document) -> None:
    """No automatic space between Chinese and Latin text, as in the ODT and the PDF: in the
    document defaults, where LibreOffice reads it too."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    paragraph_defaults = defaults.find(qn("w:pPrDefault"))
    if paragraph_defaults is None:
        paragraph_defaults = OxmlElement("w:pPrDefault")
        defaults.append(paragraph_defaults)
    properties = paragraph_defaults.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph_defaults.append(properties)
    spacing = properties.find(qn("w:spacing"))
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):  # the schema puts them before w:spacing
        switch = OxmlElement(name)
        switch.set(qn("w:val"), "0")
        if spacing is not None:
            spacing.addprevious(switch)
        else:
            properties.append(switch)


def _cell_margins(table, cm: float) -> None:
    """Narrow left and right cell margins (Word's default 0.19 cm wraps our numbers)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margin = OxmlElement(side)
        margin.set(qn("w:w"), str(round(cm / 2.54 * 1440)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))  # the schema puts tblCellMar before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


class _DocxWriter:
    def __init__(self, document: Document):
        self.document = document
        self.docx = new_docx()

    def setup(self):
        _no_autospace(self.docx)
        normal = _style(self.docx, "Normal")
        normal.paragraph_format.line_spacing = 1.5
        normal.paragraph_format.space_after = Pt(3)
        for level in range(1, 7):
            style = _style(self.docx, f"Heading {level}", size=HEADING_SIZES.get(level, 12), bold=True)
            style.font.italic = False
            style.paragraph_format.space_before = Pt(9)
            style.paragraph_format.space_after = Pt(3)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.left_indent = Cm(LEVEL_INDENT_CM * (level - 1))
        _style(self.docx, "Caption", size=10.5, bold=True).font.italic = False
        for section in self.docx.sections:
            section.page_width, section.page_height = Cm(21), Cm(29.7)
            section.top_margin = section.bottom_margin = Cm(2.3)
            section.left_margin = section.right_margin = Cm(SIDE_MARGIN_CM)

    def runs(self, paragraph, runs: list[Run], *, size: float | None = None):
        for run in runs:
            added = paragraph.add_run(run.text)
            added.bold = run.bold or None
            if size:
                added.font.size = Pt(size)

    def cover(self):
        cover = self.document.cover

        def line(text, size, *, bold=False, before=0, after=0, centre=True):
            paragraph = self.docx.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.LEFT
            paragraph.paragraph_format.space_before = Cm(before)
            paragraph.paragraph_format.space_after = Cm(after)
            run = paragraph.add_run(text)
            run.font.size = Pt(size)
            run.bold = bold
            return paragraph

        line(cover.agency, 16, before=5.5, after=1.2)
        line(cover.title, 22, bold=True, after=3.5)
        if cover.subtitle:
            line(cover.subtitle, 14, after=1)
        for fact in (f"陳報機關：{cover.submitted_by}", f"資料時間：{cover.data_time}"):
            paragraph = line(fact, 14, after=0.15, centre=False)
            paragraph.paragraph_format.left_indent = Cm(3.2)
        # The body is a new section: it has the page numbers, starting at 1.
        body = self.docx.add_section(WD_SECTION.NEW_PAGE)
        body.footer.is_linked_to_previous = False
        footer = body.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("第 ")
        _page_number_field(footer)
        footer.add_run(" 頁")
        page_numbers = OxmlElement("w:pgNumType")
        page_numbers.set(qn("w:start"), "1")
        body._sectPr.append(page_numbers)

    def table(self, node: Table):
        margin = Cm(LEVEL_INDENT_CM * (node.level - 1))
        if node.caption:
            caption = self.docx.add_paragraph(node.caption, style="Caption")
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption.paragraph_format.keep_with_next = True
        table = self.docx.add_table(rows=1 + len(node.rows), cols=len(node.header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER  # tables span the text width at any level
        table.autofit = False
        _cell_margins(table, 0.08)
        for column, column_width in zip(table.columns, node.column_widths(TEXT_WIDTH_CM)):
            for cell in column.cells:  # Word reads the cells' widths, LibreOffice the grid's
                cell.width = Cm(column_width)
            column.width = Cm(column_width)
        for row_index, row in enumerate([node.header, *node.rows]):
            total = node.emphasis_last_row and row_index == len(node.rows)
            for index, cell in enumerate(table.rows[row_index].cells):
                runs = row[index] if index < len(row) else []
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.line_spacing = 1.15
                paragraph.paragraph_format.space_after = Pt(0)
                self.runs(paragraph, runs, size=TABLE_FONT_PT)
                if row_index == 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    for run in paragraph.runs:
                        run.bold = True
                    _shade(cell, "E8E8E8")
                elif index < len(node.numeric) and node.numeric[index]:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if total:
                    for run in paragraph.runs:
                        run.bold = True
                    _shade(cell, "F4F4F4")
        _repeat_header(table.rows[0])
        if node.note:
            note = self.docx.add_paragraph()
            self.runs(note, [Run(node.note)], size=10)
            note.paragraph_format.left_indent = margin
        else:
            self.docx.add_paragraph().paragraph_format.space_after = Pt(0)

    def write(self) -> bytes:
        self.setup()
        self.cover()
        for node in self.document.body:
            if isinstance(node, Heading):
                paragraph = self.docx.add_paragraph(style=f"Heading {min(node.level, 6)}")
                paragraph.add_run(node.number)
                self.runs(paragraph, node.runs)
            elif isinstance(node, Paragraph):
                paragraph = self.docx.add_paragraph()
                indent = Cm(LEVEL_INDENT_CM * (node.level - 1))
                if node.number:
                    hang = Cm(LEVEL_INDENT_CM * node.hang_em)
                    paragraph.paragraph_format.left_indent = indent + hang
                    paragraph.paragraph_format.first_line_indent = -hang
                    paragraph.add_run(node.number)
                    self.runs(paragraph, node.runs)
                else:
                    paragraph.paragraph_format.left_indent = indent
                    if node.style == "note":
                        self.runs(paragraph, node.runs, size=10)
                    else:
                        paragraph.paragraph_format.first_line_indent = Cm(LEVEL_INDENT_CM * 2)
                        self.runs(paragraph, node.runs)
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            elif isinstance(node, Table):
                self.table(node)
            elif isinstance(node, Image):
                paragraph = self.docx.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.keep_with_next = True
                paragraph.add_run().add_picture(io.BytesIO(node.png), width=Cm(node.width_cm))
                if node.caption:
                    caption = self.docx.add_paragraph(node.caption, style="Caption")
                    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif isinstance(node, BulletList):
                for item in node.items:
                    paragraph = self.docx.add_paragraph(style="List Bullet")
                    indent = Cm(LEVEL_INDENT_CM * (node.level + 1))
                    paragraph.paragraph_format.left_indent = indent
                    self.runs(paragraph, item)
            elif isinstance(node, PageBreak):
                self.docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.docx.core_properties.title = self.document.cover.title
        self.docx.core_properties.author = self.document.cover.submitted_by
        buffer = io.BytesIO()
        self.docx.save(buffer)
        return buffer.getvalue()


def render_docx(document: Document) -> bytes:
    return _DocxWriter(document).write()
