"""PDF from the standalone HTML with WeasyPrint: A4, page numbers, fonts embedded (subsets)."""

import logging

from ..document import Document
from .html import standalone_html

# WeasyPrint and fontTools log every font subset at INFO/WARNING; a report needs none of it.
for name in ("weasyprint", "fontTools"):
    logging.getLogger(name).setLevel(logging.ERROR)


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which the other formats don't need

    return HTML(string=standalone_html(document)).write_pdf()
