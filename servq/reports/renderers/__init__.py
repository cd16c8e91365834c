"""Renderers: a finished Document (or the figures) in, bytes out. They never query the database."""

from .docx import render_docx
from .html import render_html
from .jsonfile import render_json
from .odt import render_odt
from .pdf import render_pdf

FORMATS = {
    "odt": ("application/vnd.oasis.opendocument.text", "ODT（開放文件格式）"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX（Word）"),
    "pdf": ("application/pdf", "PDF"),
    "html": ("text/html; charset=utf-8", "HTML 網頁"),
    "json": ("application/json", "JSON（全部數據）"),
}
FORMAT_ORDER = list(FORMATS)


def render(fmt: str, document, figures: dict) -> bytes:
    if fmt == "json":
        return render_json(figures)
    return {"odt": render_odt, "docx": render_docx, "pdf": render_pdf, "html": render_html}[fmt](document)
