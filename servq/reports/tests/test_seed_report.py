"""Shilin's 2015Q2 report from the demo records, as `make demo` builds it: every figure of the
seed report (servq/core/tests/seed_figures.json, the seed's facts) is found again in each
built document, reopened as a reader's software opens it; the seed's self-contradictions come
out as the data give them; LibreOffice converts the ODT and the DOCX; a record entered through
its service shows in the rebuilt documents."""

import html
import io
import json
import re
import uuid
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils.html import strip_tags

from servq.core.numbers import percent
from servq.core.tests.seed import SEED_FIGURES
from servq.ledgers.models import Collection
from servq.ledgers.services.collections import collection_save
from servq.reports.defaults import install_default_templates
from servq.surveys.services import survey_response_submit
from servq.surveys.structure import load_structure, questionnaire_in_effect
from servq.reports.tests.documents import (docx_tables, docx_text, html_tables, odt_tables,
                                           odt_text, pdf_fonts, pdf_text, soffice_to_pdf)

# pytest-django sets up a test database only for the selected tests that ask for one: without
# this mark, `-k` choosing only tests of the module-scoped demo would load it into the real
# database named by DATABASE_URL.
pytestmark = pytest.mark.django_db

SEED = json.loads(SEED_FIGURES.read_text(encoding="utf-8"),
                  parse_float=Decimal)
FACTS = {fact["code"]: fact for fact in SEED["figures_year_to_date"]}
SURVEY = SEED["survey_2015Q2"]
TABLES = {"odt": odt_tables, "docx": docx_tables, "html": html_tables}
READERS = {"odt": odt_text, "docx": docx_text, "pdf": lambda content: pdf_text(content, raw=True),
           "html": lambda content: html.unescape(strip_tags(content.decode("utf-8")))}

# How the default template words each year-to-date fact (the numbers come from the facts).
YTD_PHRASES = {
    "download_forms": ["自行下載的書表共{value}種"],
    "egate_tax_business": ["稅務電子閘門及工商電子閘門等項目：{value:,}件"],
    "egate_accounting_epay": ["會計室電子支付：{value:,}件"],
    "egate_procurement_eorder": ["（含共同供應契約及公開招標）：{value:,}件"],
    "egate_joint_contract_epay": ["秘書室共同供應契約電子支付：{value:,}件"],
    "egate_edocs": ["電子公文：{value:,}件"],
    "case_inquiries": ["共受理{value:,}件"],
    "phone_courtesy_self": ["共測試{person_times}人次，平均{average}分，評定為{rating}"],
    "phone_courtesy_hq": ["累計{person_times}人次，平均{average}分，評定為{rating}"],
    "attitude_baseline": ["以{value}分為基準"],
    "petitions": ["陳情案件累計至6月底共{value}件，平均處理{average_days}天，期末逾期未結{overdue}件"],
    "negative_news": ["負面新聞報導{value}則"],
    "press_releases": ["發布新聞稿{value}則"],
    "web_updates": ["網站最新消息累計至6月底更新{value}次"],
    "web_links": ["網站提供{value}個相關機關網站連結"],
    "web_visitors": ["累計已有{wan}人次上網"],
    "lunch_duty_services": ["累計至6月底服務{value}人次", "每小時{overtime_ntd_per_hour}元",
                            "全年約{hours_per_year_approx}小時"],
    "store_collections": ["共{cases:,}件、金額新臺幣{amount_ntd:,}元"],
    "insurance_collections": ["代收勞、健保案款{cases:,}件、金額新臺幣{amount_ntd:,}元"],
    "cross_agency_meetings": ["跨機關業務聯繫會議累計至6月底辦理{value}次"],
    "store_payment_threshold": ["未滿{wan}元"],
}


def wan(number: int) -> str:
    """182443 -> 18萬2,443, 20000 -> 2萬: how the field writes large counts."""
    high, low = divmod(number, 10000)
    return f"{high}萬{low:,}" if low else f"{high}萬"


def seed_phrases() -> list[str]:
    phrases = ["104年度提升服務品質執行成果報告", "陳報機關：法務部行政執行署士林分署",
               "資料時間：104年1月至6月（第2季）",
               "壹、優質便民服務", "貳、資訊網路服務", "參、創新加值服務"]
    phrases += [f"回收問卷{SURVEY['respondents']}份",
                f"共訪查{SEED['survey_year_to_date_respondents']}人次"]
    stationed = FACTS["stationed_staff"]
    phrases += [f"{name}{count}人" for name, count in stationed["by"].items()]
    phrases.append(f"合計{stationed['total']}人")
    for code, templates in YTD_PHRASES.items():
        fact = FACTS[code]
        values = fact | ({"wan": wan(fact["value"])} if "value" in fact else {})
        phrases += [template.format(**values) for template in templates]
    for training in SEED["trainings_2015H1"]:
        year, month, day = (int(part) for part in training["date"].split("-"))
        phrases.append(f"{year - 1911}年{month}月{day}日，{training['speaker']}主講「{training['topic']}」")
    return phrases


def squeeze(text: str) -> str:
    return "".join(text.split())


# The survey tables: each question's row, found by the label the default template gives it
# (its name tables facilities, staffitems, awareitems, adminitems and overall), and its row in
# the ranking table (name table allitems).
ROW_LABELS = {
    "env_a": "交通引導措施", "env_b": "便民停車措施", "env_c": "案件申辦指引措施",
    "env_d": "哺集乳設施", "env_e": "兒童遊憩區", "env_f": "閱覽室",
    "staff_a": "服務態度", "staff_b": "專業知識", "staff_c": "案件申辦速度", "staff_d": "解決問題能力",
    "aware_1": "2萬元以下欠款可於超商繳款", "aware_2": "經濟困難者可洽承辦人員分期繳款事宜",
    "aware_3": "弱勢協助及轉介",
    "admin_1": "業務申辦流程", "admin_2": "2萬元以下欠款可於超商繳款",
    "admin_3": "經濟困難者可洽承辦人員分期繳納", "admin_4": "經濟弱勢協助及轉介",
    "env_overall": "整體洽公環境", "staff_overall": "整體人員專業度",
    "promo_overall": "形象及業務宣導", "admin_overall": "整體行政措施",
}
RANKING_LABELS = ROW_LABELS | {"admin_2": "超商繳款措施", "admin_3": "分期繳納措施",
                               "admin_4": "弱勢協助及轉介"}
# The seed's note: admin_3 is printed 69/4/27/0/3 percent (27 of 26 people); the report prints
# what its counts 18/1/7/0/0 give.
CONTRADICTED = {"admin_3"}
CELL = re.compile(r"(\d+(?:\.\d)?)%（(\d+)）")


def agrees(printed: Decimal, stated: Decimal) -> bool:
    """The seed prints some admin items as whole percents: printed 92.3 agrees with stated 92."""
    places = Decimal(1).scaleb(min(stated.as_tuple().exponent, 0))
    return printed.quantize(places, rounding=ROUND_HALF_UP) == stated


def expected_percents(code: str) -> list[Decimal]:
    counts = list(SURVEY["counts"][code].values())
    if code in CONTRADICTED:  # the data's value, computed here rather than by servq
        return [(Decimal(100 * c) / sum(counts)).quantize(Decimal("0.1"), ROUND_HALF_UP)
                for c in counts]
    return [Decimal(value) for value in SURVEY["stated_percent"][code]]


def roc_date(text: str) -> str:
    """The seed's dates as the report prints them: 2015-02-02 -> 104年2月2日, 2015-02 ->
    104年2月, 2015-01..2015-06 -> 104年1月至6月."""
    first, _, last = text.partition("..")
    year, month, *day = (int(part) for part in first.split("-"))
    start = f"{year - 1911}年{month}月" + (f"{day[0]}日" if day else "")
    return f"{start}至{int(last.split('-')[1])}月" if last else start


def welfare_row(activity: dict) -> list[str]:
    """An activity as a row of the default template's table: 日期, 活動, 合作單位, 服務人次／小時,
    捐血人數, 捐血袋數, 捐血量（c.c.）."""
    numbers = [f"{activity[key]:,}" if key in activity else "—"
               for key in ("person_hours", "persons", "bags", "cc")]
    return [roc_date(activity["date"]), activity["title"], activity.get("partner", "—"), *numbers]


def spaced(label: str) -> str:
    """A pattern of the label also when the PDF wraps it over lines."""
    return r"\s*".join(map(re.escape, label))


def table_rows(fmt: str, content: bytes) -> list[list[str]]:
    """Every row of every table, cells squeezed; PDF has no tables, so its rows are read from
    the text in the order it was written (a wrapped cell's lines stay together)."""
    if fmt == "pdf":
        return []
    return [[squeeze(cell) for cell in row] for table in TABLES[fmt](content) for row in table]


def distribution_rows(fmt: str, content: bytes, text: str, label: str, options: int):
    """The rows labelled `label` with `options` cells like 61.5%（16） and a base: as
    [(percent, count), ...] and the base. In the PDF's text (written order) a row is its
    label, its cells and its base one after the other."""
    if fmt == "pdf":
        cells = r"((?:\s*\d+(?:\.\d)?%（\d+）){" + str(options) + "})"
        pattern = rf"(?<!\S){spaced(label)}{cells}\s+(\d+)(?!\S)"
        return [([(Decimal(p), int(c)) for p, c in CELL.findall(cells)], int(base))
                for cells, base in re.findall(pattern, text)]
    return [([(Decimal(m[1]), int(m[2])) for m in map(CELL.fullmatch, row[1:-1])], int(row[-1]))
            for row in table_rows(fmt, content)
            if row[0] == label and len(row) == options + 2
            and all(CELL.fullmatch(cell) for cell in row[1:-1]) and row[-1].isdigit()]


def ranking_values(fmt: str, content: bytes, text: str, label: str) -> list[Decimal]:
    if fmt == "pdf":  # 名次, 題目, 滿意比例 written one after the other
        return [Decimal(v) for v in re.findall(rf"(?m)^\d+\s+{spaced(label)}\s+(\d+\.\d)%$", text)]
    return [Decimal(row[2].rstrip("%")) for row in table_rows(fmt, content)
            if len(row) == 3 and row[1] == label and row[0].isdigit()]


def seed_rows_missing(fmt: str, content: bytes) -> list[str]:
    """What of the seed's survey and public-welfare tables the document does not print in the
    right row: every question's percents and counts (stated_percent), its base, its top-two
    rate in the ranking (stated_top2_percent), every activity with its date."""
    text = pdf_text(content, raw=True) if fmt == "pdf" else ""
    problems = []
    for code, counts in SURVEY["counts"].items():
        rows = distribution_rows(fmt, content, text, ROW_LABELS[code], len(counts))
        expected = list(zip(expected_percents(code), counts.values()))
        if len(rows) != 1:
            problems.append(f"{code}: {len(rows)} rows labelled {ROW_LABELS[code]}")
        elif not (rows[0][1] == sum(counts.values()) and len(rows[0][0]) == len(expected) and all(
                count == want_count and agrees(printed, want)
                for (printed, count), (want, want_count) in zip(rows[0][0], expected))):
            problems.append(f"{code}: {rows[0]} is not {expected}")
    for code, stated in SURVEY["stated_top2_percent"].items():
        values = ranking_values(fmt, content, text, RANKING_LABELS[code])
        if len(values) != 1 or not agrees(values[0], Decimal(stated)):
            problems.append(f"{code}: ranked {values}, the seed says {stated}")
    rows = table_rows(fmt, content)
    for activity in SEED["public_welfare_2015"]:
        want = [squeeze(cell) for cell in welfare_row(activity)]
        found = ([want] * squeeze(text).count("".join(want)) if fmt == "pdf"
                 else [row for row in rows if row[1:2] == want[1:2]])
        if found != [want]:
            problems.append(f"{activity['title']}: {found} is not {want}")
    return problems


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """load_demo as `make demo` runs it, into a temporary REPORT_DEMO_DIR; the files and the
    template problems of every agency, the database rolled back."""
    folder = tmp_path_factory.mktemp("reports")
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(REPORT_DEMO_DIR=folder, MEDIA_ROOT=media):
        with transaction.atomic():
            output = io.StringIO()
            call_command("load_demo", stdout=output)
            problems = [f"{r.agency.code}: {e}" for r in install_default_templates(check_only=True)
                        for e in r.errors]
            transaction.set_rollback(True)
    files = {path.suffix[1:]: path.read_bytes() for path in folder.iterdir()}
    return {"files": files, "names": sorted(p.name for p in folder.iterdir()),
            "output": output.getvalue(), "problems": problems}


def test_it_builds_shilins_report_in_five_formats_with_the_demo(demo):
    assert sorted(demo["files"]) == ["docx", "html", "json", "odt", "pdf"]
    assert demo["names"][0] == "士林分署_民國104年第2季_104年度提升服務品質執行成果報告.docx"
    assert "士林分署104年第2季報告" in demo["output"]
    assert demo["problems"] == []  # the default template validates for all 14 agencies


@pytest.mark.parametrize("fmt", ["odt", "docx", "pdf", "html"])
def test_it_finds_every_seed_figure_in_the_reopened_document(demo, fmt):
    text = squeeze(READERS[fmt](demo["files"][fmt]))
    assert [phrase for phrase in seed_phrases() if squeeze(phrase) not in text] == []


@pytest.mark.parametrize("fmt", ["odt", "docx", "pdf", "html"])
def test_it_prints_each_questions_figures_and_each_activity_in_its_own_row(demo, fmt):
    assert seed_rows_missing(fmt, demo["files"][fmt]) == []


def test_it_notices_figures_in_the_wrong_row(demo):
    """The row check itself: two rows' labels swapped and one activity's date changed are
    caught although every number is still somewhere in the document."""
    page = demo["files"]["html"].decode("utf-8")
    parking, guidance = '<th scope="row">便民停車措施</th>', '<th scope="row">案件申辦指引措施</th>'
    page = page.replace(parking, "\0").replace(guidance, parking).replace("\0", guidance)
    page = page.replace("104年2月5日", "104年2月6日")
    problems = seed_rows_missing("html", page.encode("utf-8"))
    assert [p.split(":")[0] for p in problems] == ["env_b", "env_c", "捐血"]


def test_it_writes_every_seed_figure_into_the_json(demo):
    figures = json.loads(demo["files"]["json"], parse_float=Decimal)
    survey = figures["survey"]
    assert (survey["respondents"], survey["respondents_ytd"]) == (
        SURVEY["respondents"], SEED["survey_year_to_date_respondents"])
    assert {code: survey["questions"][code]["counts"]
            for code in SURVEY["counts"]} == SURVEY["counts"]
    ledgers = figures["ledgers"]
    for code in ("egate_tax_business", "egate_edocs", "case_inquiries", "web_visitors",
                 "cross_agency_meetings"):
        assert ledgers[code]["value"] == FACTS[code]["value"], code
    assert ledgers["stationed_staff"]["by"] == FACTS["stationed_staff"]["by"]
    assert (ledgers["store_collections"]["cases"], ledgers["store_collections"]["amount_ntd"]) == (
        FACTS["store_collections"]["cases"], FACTS["store_collections"]["amount_ntd"])
    assert [t["topic"] for t in ledgers["trainings"]] == [
        t["topic"] for t in SEED["trainings_2015H1"]]
    assert (figures["portal"]["download_forms"], figures["portal"]["news_updates_ytd"]) == (
        FACTS["download_forms"]["value"], FACTS["web_updates"]["value"])
    petitions = figures["petitions"]
    petition_fact = FACTS["petitions"]
    assert (petitions["received_ytd"], petitions["average_days_ytd"],
            petitions["overdue_open"]) == (petition_fact["value"],
                                           Decimal(str(petition_fact["average_days"])),
                                           petition_fact["overdue"])
    assert (figures["media"]["negative_news_ytd"], figures["media"]["press_releases_ytd"]) == (
        FACTS["negative_news"]["value"], FACTS["press_releases"]["value"])


@pytest.mark.parametrize("fmt", ["odt", "docx", "pdf", "html"])
def test_it_prints_the_seeds_self_contradictions_as_the_data_give_them(demo, fmt):
    """admin_3 is printed 69/4/27/0/3 in the seed (27 of 26 people); admin_1's top two are
    92.3%, not the 100% its analysis says; staff_d (96.2%) ties env_b in the top items."""
    text = squeeze(READERS[fmt](demo["files"][fmt]))
    assert "69.2%（18）" in text and "分期繳納措施73.1%" in text
    assert "業務申辦流程滿意比例92.3%" in text
    assert re.search(r"其次為「機關服務設施－便民停車措施」及「機關人員服務態度與專業能力－解決問題能力」"
                     r"（均為96\.2%）", text)


def test_it_embeds_only_noto_sans_cjk_tc_in_the_pdf(demo):
    fonts = [line.split()[0] for line in pdf_fonts(demo["files"]["pdf"]).splitlines()[2:]
             if line.strip()]
    embedded = re.compile(r"[A-Z]{6}\+Noto-Sans-CJK-TC(-Bold)?")
    assert fonts and all(embedded.fullmatch(font) for font in fonts), fonts


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_it_converts_the_seed_report_with_libreoffice(demo, fmt):
    converted = soffice_to_pdf(demo["files"][fmt], fmt)
    text = squeeze(pdf_text(converted, raw=True))
    assert [p for p in seed_phrases() if squeeze(p) not in text] == []
    assert seed_rows_missing("pdf", converted) == []


def build_files(folder: Path) -> dict[str, str]:
    """Shilin's 2015Q2 report rebuilt from the records as they are now: the texts of its ODT
    and its PDF, reopened."""
    call_command("build_report", agency="sly", period="2015Q2", format="odt,pdf",
                 output=str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    files = {path.suffix[1:]: path.read_bytes() for path in folder.iterdir()}
    return {"odt": squeeze(odt_text(files["odt"])),
            "pdf": squeeze(pdf_text(files["pdf"], raw=True))}


def test_it_shows_a_new_response_and_a_new_collection_in_the_rebuilt_report(agencies, settings,
                                                                           tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    sly = agencies["sly"]
    before = build_files(tmp_path / "before")
    structure = load_structure(questionnaire_in_effect(sly, date(2015, 6, 30)))
    survey_response_submit(structure=structure, agency=sly, submitted_on=date(2015, 6, 30),
                           channel="paper", answers={"env_overall": "3"}, token=uuid.uuid4())
    collection_save(agency=sly, instance=Collection(), data=dict(
        paid_on=date(2015, 6, 30), channel="store", category="income_tax",
        case_number="104年度綜所稅執字第1號", amount=1_500))
    after = build_files(tmp_path / "after")
    store = FACTS["store_collections"]
    counts = SURVEY["counts"]["env_overall"]  # 25 very satisfied, 1 fairly, of 26
    was = [f"本季（104年4月至6月）回收問卷{SURVEY['respondents']}份", f"{percent(counts['5'], 26)}%（25）",
           f"共{store['cases']:,}件、金額新臺幣{store['amount_ntd']:,}元"]
    now = [f"本季（104年4月至6月）回收問卷{SURVEY['respondents'] + 1}份", f"{percent(counts['5'], 27)}%（25）",
           f"{percent(1, 27)}%（1）",
           f"共{store['cases'] + 1:,}件、金額新臺幣{store['amount_ntd'] + 1_500:,}元"]
    for fmt in ("odt", "pdf"):
        assert [p for p in was if squeeze(p) not in before[fmt]] == [], fmt
        assert [p for p in now if squeeze(p) not in after[fmt]] == [], fmt
        assert squeeze(was[0]) not in after[fmt] and squeeze(now[0]) not in before[fmt], fmt
