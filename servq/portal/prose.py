"""Staff write page text as plain text with three conventions, rendered safely to HTML:

a blank line starts a new paragraph; a line "## Title" is a sub-heading; lines "- item" form
a list. Everything is escaped: staff cannot put markup (or scripts) on the public site.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def render_prose(text: str, heading_level: int = 2) -> SafeString:
    html = []
    for block in _blocks(text or ""):
        paragraph: list[str] = []
        items: list[str] = []

        def flush():
            if paragraph:
                html.append("<p>" + "<br>".join(escape(p) for p in paragraph) + "</p>")
                paragraph.clear()
            if items:
                html.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
                items.clear()

        for line in block:
            if line.startswith("## "):
                flush()
                html.append(f"<h{heading_level}>{escape(line[3:].strip())}</h{heading_level}>")
            elif line.startswith("- "):
                if paragraph:
                    flush()
                items.append(line[2:].strip())
            else:
                if items:
                    flush()
                paragraph.append(line)
        flush()
    return mark_safe("\n".join(html))


def plain_text(text: str) -> str:
    """The text without the conventions' markers, for the search index."""
    lines = []
    for line in (text or "").splitlines():
        stripped = line.strip()
        if stripped.startswith("## "):
            stripped = stripped[3:]
        elif stripped.startswith("- "):
            stripped = stripped[2:]
        lines.append(stripped)
    return "\n".join(line for line in lines if line)
