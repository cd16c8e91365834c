"""The public questionnaire: CSRF enforced, skippable questions, one save per form, kiosk mode."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from servq.core.periods import Period
from servq.reports.registry import ReportScope
from servq.surveys.figures import survey_figures
from servq.core.models import AuditEvent
from servq.surveys.kiosk import COOKIE as KIOSK_COOKIE
from servq.surveys.kiosk import kiosk_token
from servq.surveys.models import Questionnaire, Response
from servq.surveys.public_views import WEB_LIMIT


def form_url(agency="sly", kiosk=False):
    name = "portal:surveys_public:kiosk" if kiosk else "portal:surveys_public:form"
    return reverse(name, kwargs={"agency": agency})


def fetch_form(client, url) -> dict:
    """GET the form; return the hidden fields a browser would send back (CSRF token, token)."""
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    return {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1],
        "token": re.search(r'name="token" value="([^"]+)"', html)[1],
    }


def current_figures(agency):
    return survey_figures(ReportScope.for_agency(
        agency, Period.containing(timezone.localdate(), "quarter")))


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_it_counts_one_more_response_through_the_form_with_csrf(agencies, csrf_client):
    shilin = agencies["sly"]
    before = current_figures(shilin)["questions"]
    data = fetch_form(csrf_client, form_url()) | {"env_a": "5", "aware_1": "no",
                                                  "comment": "櫃檯人員很親切"}
    response = csrf_client.post(form_url(), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:surveys_public:thanks",
                                           kwargs={"agency": "sly"})
    after = current_figures(shilin)["questions"]
    assert after["env_a"]["n"] == before["env_a"]["n"] + 1
    assert after["env_a"]["counts"]["5"] == before["env_a"]["counts"]["5"] + 1
    assert after["env_a"]["percent"]["5"] == Decimal("100.0")
    assert after["aware_1"]["percent"] == {"yes": Decimal("0.0"), "no": Decimal("100.0")}
    # skipped questions are in no option and not in n
    assert after["env_b"]["n"] == before["env_b"]["n"] == 0
    saved = Response.objects.get()
    assert (saved.channel, saved.agency, saved.texts.get().text) == ("web", shilin, "櫃檯人員很親切")


def test_it_changes_the_quarter_percentages_of_existing_data(shilin_2015, csrf_client,
                                                             monkeypatch):
    """With the clock on 2015-06-30, one more response changes Shilin's Q2 base and shares."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(2015, 6, 30))
    scope = ReportScope.for_agency(shilin_2015, Period.parse("2015Q2"))
    before = survey_figures(scope)["questions"]["env_a"]
    data = fetch_form(csrf_client, form_url()) | {"env_a": "1"}
    assert csrf_client.post(form_url(), data).status_code == 302
    after = survey_figures(scope)["questions"]["env_a"]
    assert (before["n"], after["n"]) == (26, 27)
    assert after["counts"]["1"] == before["counts"]["1"] + 1
    assert after["percent"]["5"] < before["percent"]["5"]
    assert after["top2_percent"] < before["top2_percent"]


def test_it_refuses_a_post_without_the_csrf_token(agencies, csrf_client):
    data = fetch_form(csrf_client, form_url())
    del data["csrfmiddlewaretoken"]
    assert csrf_client.post(form_url(), data | {"env_a": "5"}).status_code == 403
    assert not Response.objects.exists()


def test_it_saves_a_double_submission_once(agencies, csrf_client):
    data = fetch_form(csrf_client, form_url()) | {"staff_a": "4"}
    first = csrf_client.post(form_url(), data)
    second = csrf_client.post(form_url(), data)
    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1
    assert current_figures(agencies["sly"])["questions"]["staff_a"]["n"] == 1


def test_it_asks_for_at_least_one_answer_and_announces_errors(agencies, csrf_client):
    data = fetch_form(csrf_client, form_url())
    page = csrf_client.post(form_url(), data | {"env_a": "9"})
    html = page.content.decode()
    assert page.status_code == 200 and not Response.objects.exists()
    assert 'role="alert"' in html
    fieldset = re.search(r'<fieldset class="question has-error" id="q-env_a"([^>]*)>',
                         html)[1]
    assert 'aria-describedby="err-env_a"' in fieldset and 'id="err-env_a"' in html
    page = csrf_client.post(form_url(), data)
    assert "請至少回答一題" in page.content.decode() and not Response.objects.exists()


def test_it_labels_every_option_in_a_fieldset_with_a_legend(agencies, client, structure):
    html = client.get(form_url()).content.decode()
    for question in structure.choice_questions:
        block = re.search(rf'<fieldset class="question" id="q-{question.code}"[^>]*>(.*?)</fieldset>',
                          html, re.S)[1]
        assert f"<legend>{question.text}</legend>" in block
        # each radio inside its own label, which names it and shows the option's text
        labelled = re.findall(
            r'<label class="option[^"]*" for="([^"]+)">\s*<input type="radio" name="([^"]+)" '
            r'id="([^"]+)" value="([^"]*)"[^>]*>\s*<span>([^<]+)</span>\s*</label>', block)
        assert [(value, text) for _, _, _, value, text in labelled] == [
            (option.code, option.label) for option in question.options] + [("", "不回答")]
        for label_for, name, input_id, _, _ in labelled:
            assert name == question.code and label_for == input_id
        assert len({input_id for _, _, input_id, _, _ in labelled}) == len(labelled)
        assert block.count('type="radio"') == len(labelled)
    assert '<label for="id_comment">' in html


def test_it_returns_the_kiosk_to_a_fresh_form_after_each_submission(agencies, csrf_client):
    csrf_client.cookies[KIOSK_COOKIE] = kiosk_token(agencies["sly"])
    data = fetch_form(csrf_client, form_url(kiosk=True)) | {"env_overall": "5"}
    response = csrf_client.post(form_url(kiosk=True), data)
    assert response.status_code == 302 and response["Location"].startswith(form_url(kiosk=True))
    page = csrf_client.get(response["Location"])
    html = page.content.decode()
    assert 'class="public questionnaire-page kiosk"' in html
    assert "感謝您的填答" in html and 'role="status"' in html
    assert " checked" not in html  # a blank form for the next citizen
    assert re.search(r'name="token" value="([^"]+)"', html)[1] != data["token"]
    assert Response.objects.get().channel == "kiosk"


def test_it_explains_when_an_agency_has_no_questionnaire(agencies, client):
    page = client.get(form_url("aee"))  # the HQ: the shared version is for branches
    assert page.status_code == 200
    assert "目前沒有開放填寫的問卷" in page.content.decode()
    Questionnaire.objects.update(effective_until=date(2015, 12, 31))
    assert "目前沒有開放填寫的問卷" in client.get(form_url("sly")).content.decode()


def test_it_answers_404_for_an_unknown_agency(db, client):
    assert client.get(form_url("nowhere")).status_code == 404


def test_it_counts_a_comment_only_sheet_as_a_respondent_but_in_no_question(agencies,
                                                                           csrf_client):
    data = fetch_form(csrf_client, form_url()) | {"comment": "希望延長服務時間"}
    assert csrf_client.post(form_url(), data).status_code == 302
    figures = current_figures(agencies["sly"])
    assert figures["respondents"] == 1
    assert all(question["n"] == 0 for question in figures["questions"].values())


def test_it_gives_the_kiosk_only_to_tablets_staff_enrolled(agencies, cast, client_for):
    kiosk = form_url(kiosk=True)
    stranger = Client()
    page = stranger.get(kiosk)
    assert page.status_code == 403 and "這台裝置不是服務台問卷平板" in page.content.decode()
    stranger.cookies[KIOSK_COOKIE] = kiosk_token(agencies["tpy"])  # another branch's tablet
    assert stranger.get(kiosk).status_code == 403
    stranger.cookies[KIOSK_COOKIE] = kiosk_token(agencies["sly"])[:-2] + "xx"  # forged
    assert stranger.get(kiosk).status_code == 403
    enrol = reverse("surveys:kiosk-enrol", kwargs={"agency": "sly"})
    assert client_for(cast.hq_auditor).post(enrol).status_code == 403
    assert client_for(cast.outsider).post(enrol).status_code == 404
    response = client_for(cast.front_desk).post(enrol)
    assert response.status_code == 302 and response["Location"] == kiosk
    tablet = Client()  # after the staff member has logged out, the cookie stays on the tablet
    tablet.cookies[KIOSK_COOKIE] = response.cookies[KIOSK_COOKIE].value
    assert tablet.get(kiosk).status_code == 200
    assert AuditEvent.objects.filter(action="surveys.kiosk_enrol", actor=cast.front_desk).exists()


def test_it_limits_how_many_sheets_one_address_sends(agencies, csrf_client):
    for _ in range(WEB_LIMIT["limit"]):
        data = fetch_form(csrf_client, form_url()) | {"env_overall": "5"}
        assert csrf_client.post(form_url(), data).status_code == 302
    data = fetch_form(csrf_client, form_url()) | {"env_overall": "5"}
    refused = csrf_client.post(form_url(), data)
    assert refused.status_code == 429 and "送出次數過多" in refused.content.decode()
    assert Response.objects.count() == WEB_LIMIT["limit"]
    other_address = csrf_client.post(form_url(), data, REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


def test_it_refuses_a_sheet_whose_hidden_field_was_filled(agencies, csrf_client):
    data = fetch_form(csrf_client, form_url()) | {"env_overall": "5", "website": "http://spam"}
    page = csrf_client.post(form_url(), data)
    assert page.status_code == 200 and "這個欄位必須保持空白" in page.content.decode()
    assert not Response.objects.exists()
