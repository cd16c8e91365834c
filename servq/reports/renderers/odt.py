"""ODT (ODF text, the government's exchange standard) with odfdo.

The styles are written as ODF XML: Noto Sans CJK TC for Latin, Asian and complex scripts,
numbered headings with outline levels, bordered tables, charts as embedded PNG images, a cover
page without a page number, and 第 N 頁 in the footer of every other page.
"""

import hashlib
import io
from xml.sax.saxutils import escape, quoteattr

from odfdo import Document as OdfDocument
from odfdo import Element

from ..document import (LEVEL_INDENT_CM, NARROW_NUMBER_EM, SIDE_MARGIN_CM, TABLE_FONT_PT,
                        TEXT_WIDTH_CM, WIDE_NUMBER_EM, BulletList, Document, Heading, Image,
                        PageBreak, Paragraph, Run, Table)

FONT = "Noto Sans CJK TC"
TABLE_SIZE = f"{TABLE_FONT_PT}pt"
HEADING_SIZES = {1: "16pt", 2: "14pt", 3: "12pt"}
MAX_LEVEL = 7


def _font_properties(size: str = "12pt", bold: bool = False) -> str:
    weight = "bold" if bold else "normal"
    return (f'style:font-name="{FONT}" style:font-name-asian="{FONT}" style:font-name-complex="{FONT}" '
            f'fo:font-size="{size}" style:font-size-asian="{size}" style:font-size-complex="{size}" '
            f'fo:font-weight="{weight}" style:font-weight-asian="{weight}" '
            f'style:font-weight-complex="{weight}"')


def _paragraph_style(name: str, *, size="12pt", bold=False, align="justify", margin_left=0.0,
                     indent=0.0, before="0.1cm", after="0.1cm", extra_paragraph="",
                     line_height="150%", parent="Standard", outline: int | None = None,
                     display: str | None = None) -> str:
    outline_attr = f' style:default-outline-level="{outline}"' if outline else ""
    display_attr = f" style:display-name={quoteattr(display)}" if display else ""
    return (
        f'<style:style style:name="{name}"{display_attr} style:family="paragraph" '
        f'style:parent-style-name="{parent}"{outline_attr}>'
        f'<style:paragraph-properties fo:text-align="{align}" fo:margin-left="{margin_left:.2f}cm" '
        f'fo:margin-right="0cm" fo:text-indent="{indent:.2f}cm" fo:margin-top="{before}" '
        f'fo:margin-bottom="{after}" fo:line-height="{line_height}" {extra_paragraph}/>'
        f"<style:text-properties {_font_properties(size, bold)}/>"
        "</style:style>"
    )


def _common_styles() -> list[str]:
    styles = [
        # No automatic space between Chinese and Latin text: the PDF has none, and table cells
        # sized for their numbers (61.5%（16）) would wrap.
        '<style:default-style style:family="paragraph"><style:paragraph-properties '
        'style:writing-mode="lr-tb" style:line-break="strict" style:text-autospace="none"/>'
        # Latin text in English (its words, numbers and % never break apart), Chinese as zh-TW.
        f'<style:text-properties {_font_properties()} fo:language="en" fo:country="US" '
        'style:language-asian="zh" style:country-asian="TW" style:language-complex="zh" '
        'style:country-complex="TW"/></style:default-style>',
        _paragraph_style("Standard", parent="", before="0cm", after="0cm"),
        _paragraph_style("Footer", size="9.5pt", align="center", line_height="100%"),
        _paragraph_style("CoverAgency", size="16pt", align="center", before="5.5cm", after="1.2cm"),
        _paragraph_style("CoverTitle", size="22pt", bold=True, align="center", after="3.5cm"),
        _paragraph_style("CoverSubtitle", size="14pt", align="center", after="1cm"),
        _paragraph_style("CoverFact", size="14pt", align="start", margin_left=3.2, after="0.15cm"),
        _paragraph_style("Caption", size="10.5pt", bold=True, align="center", before="0.2cm",
                         after="0.15cm", extra_paragraph='fo:keep-with-next="always"'),
        _paragraph_style("ChartParagraph", align="center", before="0.2cm", after="0cm",
                         line_height="100%", extra_paragraph='fo:keep-with-next="always"'),
        _paragraph_style("TableText", size=TABLE_SIZE, align="start", before="0cm", after="0cm",
                         line_height="130%"),
        _paragraph_style("TableNumber", size=TABLE_SIZE, align="end", before="0cm", after="0cm",
                         line_height="130%"),
        _paragraph_style("TableHeading", size=TABLE_SIZE, bold=True, align="center", before="0cm",
                         after="0cm", line_height="130%"),
        _paragraph_style("PageBreak", before="0cm", after="0cm", line_height="100%",
                         extra_paragraph='fo:break-before="page"'),
        '<style:style style:name="Strong" style:family="text">'
        f'<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" '
        'style:font-weight-complex="bold"/></style:style>',
        '<style:style style:name="ChartFrame" style:family="graphic"><style:graphic-properties '
        'style:wrap="none" style:vertical-pos="top" style:vertical-rel="baseline" '
        'style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:border="none"/>'
        "</style:style>",
    ]
    for level in range(1, MAX_LEVEL + 1):
        margin = LEVEL_INDENT_CM * (level - 1)
        size = HEADING_SIZES.get(level, "12pt")
        styles.append(_paragraph_style(
            f"Heading_20_{level}", display=f"Heading {level}", size=size, bold=True, align="start",
            margin_left=margin, before="0.35cm", after="0.15cm", outline=level,
            extra_paragraph='fo:keep-with-next="always"'))
        styles.append(_paragraph_style(f"Body{level}", margin_left=margin,
                                       indent=2 * LEVEL_INDENT_CM))
        for name, hang_em in ((f"Item{level}", WIDE_NUMBER_EM),
                              (f"ItemNarrow{level}", NARROW_NUMBER_EM)):
            styles.append(_paragraph_style(name, margin_left=margin + LEVEL_INDENT_CM * hang_em,
                                           indent=-LEVEL_INDENT_CM * hang_em))
        styles.append(_paragraph_style(f"Note{level}", size="10pt", margin_left=margin))
        styles.append(_paragraph_style(f"Bullet{level}", margin_left=margin + LEVEL_INDENT_CM * 2,
                                       indent=-LEVEL_INDENT_CM))
    return styles


# LibreOffice honours page masters and cell borders only in automatic styles (content.xml).
CONTENT_STYLES = [
    '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
    'fo:border="0.75pt solid #000000" fo:padding="0.08cm" style:vertical-align="middle"/>'
    "</style:style>",
    '<style:style style:name="HeaderCell" style:family="table-cell"><style:table-cell-properties '
    'fo:border="0.75pt solid #000000" fo:padding="0.08cm" fo:background-color="#e8e8e8" '
    'style:vertical-align="middle"/></style:style>',
    '<style:style style:name="TotalCell" style:family="table-cell"><style:table-cell-properties '
    'fo:border="0.75pt solid #000000" fo:padding="0.08cm" fo:background-color="#f4f4f4" '
    'style:vertical-align="middle"/></style:style>',
    '<style:style style:name="CoverFirst" style:family="paragraph" style:parent-style-name="CoverAgency" '
    'style:master-page-name="Cover"/>',
    # The first body element starts a new page on the numbered master page, as page 1.
    '<style:style style:name="FirstBodyPage" style:family="paragraph" '
    'style:parent-style-name="Standard" style:master-page-name="Standard">'
    '<style:paragraph-properties style:page-number="1" fo:margin-top="0cm" '
    'fo:margin-bottom="0cm" fo:line-height="100%"/></style:style>',
]

PAGE_LAYOUT = (
    '<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" '
    'fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.2cm" '
    f'fo:margin-bottom="1.6cm" fo:margin-left="{SIDE_MARGIN_CM}cm" '
    f'fo:margin-right="{SIDE_MARGIN_CM}cm"/>'
    '<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" '
    'fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>'
)
MASTER_PAGES = [
    '<style:master-page style:name="Standard" style:page-layout-name="A4">'
    '<style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current">1'
    "</text:page-number> 頁</text:p></style:footer></style:master-page>",
    # The cover's master page has no footer: no page number on the cover.
    '<style:master-page style:name="Cover" style:page-layout-name="A4" '
    'style:next-style-name="Standard"/>',
]


def _replace_children(part, xpath: str, children: list[str]) -> None:
    container = part.get_element(xpath)
    for child in list(container.children):
        container.delete(child)
    for xml in children:
        container.append(Element.from_tag(xml))


def _runs_xml(runs: list[Run]) -> str:
    out = []
    for run in runs:
        text = escape(run.text)
        out.append(f'<text:span text:style-name="Strong">{text}</text:span>' if run.bold else text)
    return "".join(out)


class _OdtWriter:
    def __init__(self, document: Document):
        self.document = document
        self.odf = OdfDocument("text")
        self.automatic: list[str] = list(CONTENT_STYLES)
        self.tables = 0

    def setup_styles(self):
        styles = self.odf.get_part("styles.xml")
        fonts = styles.get_element("//office:font-face-decls")
        fonts.append(Element.from_tag(
            f'<style:font-face style:name="{FONT}" svg:font-family="&apos;{FONT}&apos;" '
            'style:font-family-generic="swiss" style:font-pitch="variable"/>'))
        content_fonts = self.odf.get_part("content.xml").get_element("//office:font-face-decls")
        if content_fonts is not None:
            content_fonts.append(Element.from_tag(
                f'<style:font-face style:name="{FONT}" svg:font-family="&apos;{FONT}&apos;" '
                'style:font-family-generic="swiss" style:font-pitch="variable"/>'))
        _replace_children(styles, "//office:styles", _common_styles())
        _replace_children(styles, "//office:automatic-styles", [PAGE_LAYOUT])
        _replace_children(styles, "//office:master-styles", MASTER_PAGES)

    def paragraph(self, style: str, inner: str) -> str:
        return f'<text:p text:style-name="{style}">{inner}</text:p>'

    def cover(self) -> list[str]:
        cover = self.document.cover
        parts = [self.paragraph("CoverFirst", escape(cover.agency)),
                 self.paragraph("CoverTitle", escape(cover.title))]
        if cover.subtitle:
            parts.append(self.paragraph("CoverSubtitle", escape(cover.subtitle)))
        parts.append(self.paragraph("CoverFact", f"陳報機關：{escape(cover.submitted_by)}"))
        parts.append(self.paragraph("CoverFact", f"資料時間：{escape(cover.data_time)}"))
        return parts

    def table(self, node: Table) -> list[str]:
        self.tables += 1
        name = f"Table{self.tables}"
        level = min(node.level, MAX_LEVEL)
        width = TEXT_WIDTH_CM
        self.automatic.append(
            f'<style:style style:name="{name}" style:family="table"><style:table-properties '
            f'style:width="{width:.2f}cm" table:align="center" '
            'fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>')
        column_xml = []
        for index, column_width in enumerate(node.column_widths(width)):
            column_name = f"{name}.C{index}"
            self.automatic.append(
                f'<style:style style:name="{column_name}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{column_width:.2f}cm"/>'
                "</style:style>")
            column_xml.append(f'<table:table-column table:style-name="{column_name}"/>')

        def cell(runs, style, paragraph_style):
            return (f'<table:table-cell table:style-name="{style}" office:value-type="string">'
                    f"{self.paragraph(paragraph_style, _runs_xml(runs))}</table:table-cell>")

        header = "".join(cell(runs, "HeaderCell", "TableHeading") for runs in node.header)
        rows = []
        for row_index, row in enumerate(node.rows):
            total_row = node.emphasis_last_row and row_index == len(node.rows) - 1
            cells = "".join(
                cell(runs, "TotalCell" if total_row else "Cell",
                     "TableNumber" if index < len(node.numeric) and node.numeric[index] else "TableText")
                for index, runs in enumerate(row))
            rows.append(f"<table:table-row>{cells}</table:table-row>")
        parts = []
        if node.caption:
            parts.append(self.paragraph("Caption", escape(node.caption)))
        parts.append(
            f'<table:table table:name="{name}" table:style-name="{name}">{"".join(column_xml)}'
            f"<table:table-header-rows><table:table-row>{header}</table:table-row>"
            f"</table:table-header-rows>{''.join(rows)}</table:table>")
        if node.note:
            parts.append(self.paragraph(f"Note{level}", escape(node.note)))
        return parts

    def image(self, node: Image) -> list[str]:
        digest = hashlib.sha256(node.png).hexdigest()[:24]
        path = f"Pictures/{digest}.png"
        self.odf.container.set_part(path, node.png)
        self.odf.manifest.add_full_path(path, "image/png")
        frame = (
            f'<draw:frame draw:style-name="ChartFrame" draw:name={quoteattr(node.caption or digest)} '
            f'text:anchor-type="as-char" svg:width="{node.width_cm}cm" svg:height="{node.height_cm}cm">'
            f'<draw:image xlink:href="{path}" xlink:type="simple" xlink:show="embed" '
            f'xlink:actuate="onLoad"/><svg:desc>{escape(node.alt)}</svg:desc></draw:frame>')
        parts = [self.paragraph("ChartParagraph", frame)]
        if node.caption:
            parts.append(self.paragraph("Caption", escape(node.caption)))
        return parts

    def body(self) -> list[str]:
        parts = []
        for node in self.document.body:
            if isinstance(node, Heading):
                level = min(node.level, MAX_LEVEL)
                parts.append(
                    f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                    f"{escape(node.number)}{_runs_xml(node.runs)}</text:h>")
            elif isinstance(node, Paragraph):
                level = min(node.level, MAX_LEVEL)
                if node.number:
                    style = "Item" if node.hang_em == WIDE_NUMBER_EM else "ItemNarrow"
                    parts.append(self.paragraph(f"{style}{level}",
                                                escape(node.number) + _runs_xml(node.runs)))
                else:
                    style = f"Note{level}" if node.style == "note" else f"Body{level}"
                    parts.append(self.paragraph(style, _runs_xml(node.runs)))
            elif isinstance(node, Table):
                parts.extend(self.table(node))
            elif isinstance(node, Image):
                parts.extend(self.image(node))
            elif isinstance(node, BulletList):
                level = min(node.level, MAX_LEVEL)
                parts.extend(self.paragraph(f"Bullet{level}", "●\u3000" + _runs_xml(item))
                             for item in node.items)
            elif isinstance(node, PageBreak):
                parts.append(self.paragraph("PageBreak", ""))
        return parts

    def write(self) -> bytes:
        self.setup_styles()
        cover = self.cover()
        body = self.body()
        content = self.odf.get_part("content.xml")
        _replace_children(content, "//office:automatic-styles", self.automatic)
        text = self.odf.body
        text.clear()
        for xml in cover + [self.paragraph("FirstBodyPage", "")] + body:
            text.append(Element.from_tag(xml))
        meta = self.odf.meta
        meta.set_title(self.document.cover.title)
        buffer = io.BytesIO()
        self.odf.save(buffer)
        return buffer.getvalue()


def render_odt(document: Document) -> bytes:
    return _OdtWriter(document).write()
