"""HTML: a fragment for the staff site and a standalone file (also WeasyPrint's input)."""

import base64
from pathlib import Path

from django.utils.html import escape

from ..document import (TEXT_WIDTH_CM, WIDE_NUMBER_EM, BulletList, Document, Heading, Image,
                        PageBreak, Paragraph, Run, Table)

STYLESHEET = Path(__file__).resolve().parents[3] / "static" / "reports" / "report.css"


def _runs(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.figure:
            text = f'<span class="figure" title="{escape(run.figure)}">{text}</span>'
        if run.bold:
            text = f"<strong>{text}</strong>"
        parts.append(text)
    return "".join(parts)


def _table(node: Table) -> str:
    # The wrapper keeps the caption on the same page as its table (WeasyPrint).
    out = [f'<div class="table-block level-{node.level}"><table class="report-table">']
    if node.caption:
        out.append(f"<caption>{escape(node.caption)}</caption>")
    # The widths the ODT and the DOCX get, as shares of the text width.
    columns = "".join(f'<col style="width:{width / TEXT_WIDTH_CM:.1%}">'
                      for width in node.column_widths(TEXT_WIDTH_CM))
    out.append(f"<colgroup>{columns}</colgroup>")
    out.append("<thead><tr>")
    for index, cell in enumerate(node.header):
        numeric = ' class="num"' if node.numeric[index] else ""
        out.append(f'<th scope="col"{numeric}>{_runs(cell)}</th>')
    out.append("</tr></thead><tbody>")
    for row_index, row in enumerate(node.rows):
        total = node.emphasis_last_row and row_index == len(node.rows) - 1
        out.append('<tr class="total">' if total else "<tr>")
        for index, cell in enumerate(row):
            numeric = ' class="num"' if index < len(node.numeric) and node.numeric[index] else ""
            tag = "th" if index == 0 and not node.numeric[0] else "td"
            scope = ' scope="row"' if tag == "th" else ""
            out.append(f"<{tag}{scope}{numeric}>{_runs(cell)}</{tag}>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if node.note:
        out.append(f'<p class="note">{escape(node.note)}</p>')
    out.append("</div>")
    return "".join(out)


def body_html(document: Document) -> str:
    out = []
    for node in document.body:
        if isinstance(node, Heading):
            tag = f"h{min(node.level + 1, 6)}"
            number = f'<span class="number">{escape(node.number)}</span>' if node.number else ""
            out.append(f'<{tag} class="heading level-{node.level}">{number}{_runs(node.runs)}</{tag}>')
        elif isinstance(node, Paragraph):
            classes = f"{node.style} level-{node.level}"
            if node.number:
                classes += " numbered" if node.hang_em == WIDE_NUMBER_EM else " numbered narrow"
            number = f'<span class="number">{escape(node.number)}</span>' if node.number else ""
            out.append(f'<p class="{classes}">{number}{_runs(node.runs)}</p>')
        elif isinstance(node, Table):
            out.append(_table(node))
        elif isinstance(node, Image):
            data = base64.b64encode(node.png).decode("ascii")
            out.append(
                f'<figure class="chart level-{node.level}"><img src="data:image/png;base64,{data}" '
                f'alt="{escape(node.alt)}" style="width:{node.width_cm}cm">'
                f"<figcaption>{escape(node.caption)}</figcaption></figure>")
        elif isinstance(node, BulletList):
            items = "".join(f"<li>{_runs(item)}</li>" for item in node.items)
            out.append(f'<ul class="level-{node.level}">{items}</ul>')
        elif isinstance(node, PageBreak):
            out.append('<div class="page-break"></div>')
    return "\n".join(out)


def cover_html(document: Document) -> str:
    cover = document.cover
    subtitle = f'<p class="cover-subtitle">{escape(cover.subtitle)}</p>' if cover.subtitle else ""
    return (
        '<section class="cover">'
        f'<p class="cover-agency">{escape(cover.agency)}</p>'
        f'<h1 class="cover-title">{escape(cover.title)}</h1>{subtitle}'
        '<dl class="cover-facts">'
        f"<div><dt>陳報機關：</dt><dd>{escape(cover.submitted_by)}</dd></div>"
        f"<div><dt>資料時間：</dt><dd>{escape(cover.data_time)}</dd></div>"
        "</dl></section>"
    )


def fragment_html(document: Document) -> str:
    """The document inside a staff page (the page supplies the stylesheet link)."""
    return f'<article class="report-document">{cover_html(document)}{body_html(document)}</article>'


def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def standalone_html(document: Document) -> str:
    return (
        '<!doctype html>\n<html lang="zh-Hant"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(document.cover.title)}－{escape(document.cover.submitted_by)}</title>"
        f"<style>{stylesheet()}</style></head>\n<body class=\"report-file\">"
        f"{fragment_html(document)}</body></html>\n"
    )


def render_html(document: Document) -> bytes:
    return standalone_html(document).encode("utf-8")
