"""Every format of a built report, reopened: the figures of the records are in each, the fonts
are Noto Sans CJK TC, and LibreOffice opens the ODT and the DOCX."""

import html
import io
import json
import zipfile

import docx
import pytest
from django.utils.html import strip_tags
from odfdo import Document as OdfDocument

from servq.core.models import Unit
from servq.reports.document import (CELL_PADDING, TABLE_FONT_PT, TEXT_WIDTH_CM, Run, Table,
                                    display_width)
from servq.reports.figureset import collect_figures
from servq.reports.jobs import claim, worker_name
from servq.reports.jsonfigures import figures_to_json
from servq.reports.registry import ReportScope, collect
from servq.reports.services import build_request, build_run
from servq.reports.tests.conftest import Q2
from servq.reports.tests.documents import (docx_text, odt_text, pdf_fonts, pdf_text,
                                           soffice, soffice_to_pdf)


@pytest.fixture
def built(office_template, agencies):
    build = build_request(agency=agencies["sly"], period=Q2,
                          template_version=office_template.current_version(),
                          formats=["odt", "docx", "pdf", "html", "json"])
    assert claim(build.pk, worker_name("test"))
    build = build_run(build=build)
    assert build.status == "done", build.error
    return build, {f.format: bytes(f.content) for f in build.files.all()}


def expected_phrases(agencies) -> list[str]:
    """Figures of the records, as the report must print them."""
    sections = Unit.objects.filter(agency=agencies["sly"], kind=Unit.Kind.SECTION, is_active=True).count()
    figures = collect_figures(ReportScope.for_agency(agencies["sly"], Q2)).current
    holidays = figures["office"]["holidays"]
    return [
        "104年度提升服務品質執行成果報告", "陳報機關：法務部行政執行署士林分署",
        "資料時間：104年1月至6月（第2季）", "壹、機關概況", "一、組織與人力",
        f"本分署現有 {sections} 股", f"全年 {figures['org']['workdays_year']} 日",
        "表1　人員組成（民國104年第2季）", "66.7%", "70.0%",
        "104年4月3日", holidays[-1]["name"],
    ]


def squeeze(text: str) -> str:
    """PDF text extraction adds spaces and line breaks; compare without them."""
    return "".join(text.split())


def test_it_reopens_each_format_and_finds_the_figures(built, agencies):
    build, files = built
    phrases = expected_phrases(agencies)
    texts = {
        "odt": odt_text(files["odt"]),
        "docx": docx_text(files["docx"]),
        "pdf": pdf_text(files["pdf"]),
        "html": html.unescape(strip_tags(files["html"].decode("utf-8"))),
    }
    for fmt, text in texts.items():
        for phrase in phrases:
            assert squeeze(phrase) in squeeze(text), f"{phrase!r} missing from the {fmt}"
    assert json.loads(files["json"]) == json.loads(
        figures_to_json(collect(ReportScope.for_agency(agencies["sly"], Q2))))


def test_it_styles_the_odt_with_cjk_fonts_numbered_headings_borders_images_and_page_numbers(built):
    _, files = built
    with zipfile.ZipFile(io.BytesIO(files["odt"])) as archive:
        styles = archive.read("styles.xml").decode()
        content = archive.read("content.xml").decode()
        pictures = [n for n in archive.namelist() if n.startswith("Pictures/") and n.endswith(".png")]
    for attribute in ("style:font-name", "style:font-name-asian", "style:font-name-complex"):
        assert f'{attribute}="Noto Sans CJK TC"' in styles
    assert "<text:page-number" in styles and 'style:master-page-name="Cover"' in content
    assert 'text:outline-level="2"' in content and 'fo:border="0.75pt solid #000000"' in content
    assert len(pictures) == 2
    document = OdfDocument(io.BytesIO(files["odt"]))
    assert len(document.body.get_tables()) == 4  # staff, months, ranking, holidays


def test_it_sets_east_asian_fonts_in_the_docx(built):
    _, files = built
    document = docx.Document(io.BytesIO(files["docx"]))
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "Noto Sans CJK TC"
    assert len(document.inline_shapes) == 2 and len(document.tables) == 4
    assert document.tables[0].style.name == "Table Grid"
    footer_xml = document.sections[-1].footer._element.xml
    assert "PAGE" in footer_xml


def test_it_embeds_the_fonts_in_the_pdf(built):
    _, files = built
    fonts = pdf_fonts(files["pdf"])
    assert "Noto-Sans-CJK-TC" in fonts
    assert all(" yes yes " in line for line in fonts.splitlines()[2:] if line.strip())
    pages = [squeeze(page) for page in pdf_text(files["pdf"]).split("\f") if page.strip()]
    assert "頁" not in pages[0]  # the cover has no page number; the body starts at 1
    assert [page.endswith(f"第{number}頁") for number, page in enumerate(pages[1:], start=1)] == \
        [True] * (len(pages) - 1)


def test_it_converts_the_odt_and_docx_with_libreoffice(built, agencies):
    _, files = built
    sections = Unit.objects.filter(agency=agencies["sly"], kind=Unit.Kind.SECTION).count()
    for fmt in ("odt", "docx"):
        text = squeeze(pdf_text(soffice_to_pdf(files[fmt], fmt)))
        assert squeeze(f"本分署現有 {sections} 股") in text, fmt
        assert "資料時間：104年1月至6月（第2季）" in text, fmt


def test_it_fails_rather_than_skips_when_libreoffice_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without soffice
    with pytest.raises(pytest.fail.Exception, match="install-system-packages"):
        soffice()


def test_it_keeps_a_short_text_column_whole_and_wraps_the_long_one():
    """The public-welfare table: dates and partners on one line, the long titles wrap (they
    wrapped 104年1月至6月 and 華山基金會 when all text columns shrank alike)."""
    def runs(text):
        return [Run(text)]
    headings = ("日期", "活動", "合作單位", "服務人次／小時", "捐血人數", "捐血袋數", "捐血量（c.c.）")
    row = ("104年1月至6月", "第25屆吃飽30寒士暨獨居長輩清寒單媽及社會邊緣人尾牙", "華山基金會",
           "1,173", "—", "—", "5,000")
    table = Table(title="公益活動", header=[runs(h) for h in headings], rows=[[runs(c) for c in row]],
                  numeric=[False, False, False, True, True, True, True])
    widths = table.column_widths(TEXT_WIDTH_CM)
    em = TABLE_FONT_PT / 72 * 2.54
    assert widths[0] >= (display_width(row[0]) + CELL_PADDING) * em
    assert widths[2] >= (display_width(row[2]) + CELL_PADDING) * em
    assert widths[1] < (display_width(row[1]) + CELL_PADDING) * em  # the title wraps instead
    assert abs(sum(widths) - TEXT_WIDTH_CM) < 1e-9
