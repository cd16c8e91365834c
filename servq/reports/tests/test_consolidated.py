"""The HQ's consolidated report from the default template: one row per branch and a total row
in the comparison table, percentages pooled from the summed counts (never averaged)."""

import io
import uuid
from datetime import date

from django.core.management import call_command

from servq.core.models import Agency
from servq.core.numbers import percent
from servq.reports.defaults import install_default_templates
from servq.reports.tests.documents import docx_text, pdf_text
from servq.surveys.services import survey_response_submit
from servq.surveys.structure import load_structure, questionnaire_in_effect

DAY = date(2015, 5, 20)


def respond(agency, options: list[str]) -> None:
    structure = load_structure(questionnaire_in_effect(agency, DAY))
    for option in options:
        survey_response_submit(structure=structure, agency=agency, submitted_on=DAY,
                               channel="paper", answers={"env_overall": option},
                               token=uuid.uuid4())


def test_it_pools_the_branches_percentages_and_compares_the_branches(agencies, tmp_path):
    install_default_templates(agencies=[agencies["aee"]])
    respond(agencies["sly"], ["5", "5", "4"])  # 3 of 3 satisfied: 100.0%
    respond(agencies["tpy"], ["2"])  # 0 of 1: 0.0%
    call_command("build_report", agency="aee", period="2015Q2", consolidated=True,
                 format="docx,pdf", output=str(tmp_path), stdout=io.StringIO(),
                 stderr=io.StringIO())
    files = {path.suffix[1:]: path.read_bytes() for path in tmp_path.iterdir()}
    rows = {}  # the comparison table's rows: agency -> its cells
    for cells in (line.split() for line in docx_text(files["docx"]).splitlines()):
        if cells and (cells[0].endswith("分署") or cells[0] == "合計"):
            rows[cells[0]] = cells[1:]
    branches = Agency.objects.filter(parent=agencies["aee"]).values_list("short_name", flat=True)
    assert set(branches) <= set(rows)
    pooled = f"{percent(3, 4)}%"  # 75.0%, where the average of the branches would be 50.0%
    assert rows["士林分署"][:2] == ["3", "100.0%"] and rows["臺北分署"][:2] == ["1", "0.0%"]
    assert rows["合計"][:2] == ["4", pooled]
    text = "".join(pdf_text(files["pdf"]).split())
    assert "各分署比較（民國104年第2季）" in text and f"合計4{pooled}" in text
    assert f"表示滿意（非常滿意與有點滿意）者合計{pooled}" in text
