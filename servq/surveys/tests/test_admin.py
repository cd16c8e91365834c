"""The admin keeps what the statistics rest on: once a version has answers, its questions'
codes and scales, and their scales' option codes and top-two flags, can no longer change."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from servq.surveys.models import (ANSWERED_QUESTION, ANSWERED_SCALE, Question, Questionnaire,
                                  Scale, ScaleOption)
from servq.surveys.services import questionnaire_new_version


class _FormFields(HTMLParser):
    """The fields a browser would send back from the page's form (without the buttons)."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.data[name] = a.get("value", "on")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_fields(client, url) -> dict:
    page = client.get(url)
    assert page.status_code == 200
    parser = _FormFields()
    parser.feed(page.content.decode())
    return parser.data


@pytest.fixture
def answered(agencies, submit):
    """The seed version with one answer."""
    submit(agencies["sly"], date(2015, 5, 4), {"env_a": "4"})
    return Questionnaire.objects.get(code="service-ethics", version=1)


def question_url(question):
    return reverse("admin:surveys_question_change", args=[question.pk])


def test_it_keeps_an_answered_questions_code_and_scale(admin_client, answered):
    question = Question.objects.get(questionnaire=answered, code="env_a")
    fields = form_fields(admin_client, question_url(question))
    assert "code" not in fields and "scale" not in fields and "questionnaire" not in fields
    response = admin_client.post(question_url(question), fields | {
        "code": "env_z", "scale": Scale.objects.get(code="satisfaction5").pk,
        "text": "交通引導措施之幫助"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.code, question.scale.code, question.text) == (
        "env_a", "helpfulness5", "交通引導措施之幫助")  # the wording may still be corrected


def test_it_lets_a_version_without_answers_change_codes_and_scales(admin_client, answered):
    draft = questionnaire_new_version(previous=answered, effective_from=date(2016, 1, 1))
    question = Question.objects.get(questionnaire=draft, code="env_a")
    fields = form_fields(admin_client, question_url(question))
    satisfaction = Scale.objects.get(code="satisfaction5")
    response = admin_client.post(question_url(question),
                                 fields | {"code": "env_z", "scale": satisfaction.pk})
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.code, question.scale) == ("env_z", satisfaction)


def test_it_keeps_an_answered_scales_option_codes_and_top_two(admin_client, answered):
    scale = Scale.objects.get(code="helpfulness5")
    url = reverse("admin:surveys_scale_change", args=[scale.pk])
    fields = form_fields(admin_client, url)
    options = [key for key in fields if key.startswith("options-") and key.endswith("-id")]
    assert len(options) == 5
    assert not any(key.endswith(("-code", "-is_top_two", "-DELETE")) for key in fields)
    first = options[0].removesuffix("-id")
    added = {"options-TOTAL_FORMS": "6", "options-5-scale": scale.pk, "options-5-code": "0",
             "options-5-label": "無意見", "options-5-paper_key": "0", "options-5-order": "6"}
    response = admin_client.post(url, fields | added | {
        "code": "helpful", "kind": "text", f"{first}-code": "9", f"{first}-is_top_two": "",
        f"{first}-DELETE": "on", f"{first}-label": "非常有幫助！"})
    assert response.status_code == 302
    scale.refresh_from_db()
    assert (scale.code, scale.kind) == ("helpfulness5", "choice")
    option = ScaleOption.objects.get(pk=fields[f"{first}-id"])
    assert (option.code, option.is_top_two, option.label) == ("5", True, "非常有幫助！")
    assert scale.options.count() == 5


def test_it_lets_a_scale_without_answers_change_its_options(admin_client, agencies):
    scale = Scale.objects.get(code="aware2")
    url = reverse("admin:surveys_scale_change", args=[scale.pk])
    fields = form_fields(admin_client, url)
    assert "options-0-code" in fields
    added = {"options-TOTAL_FORMS": "3", "options-2-scale": scale.pk, "options-2-code": "maybe",
             "options-2-label": "不確定", "options-2-paper_key": "3", "options-2-order": "3"}
    response = admin_client.post(url, fields | added | {"options-0-code": "y"})
    assert response.status_code == 302
    assert set(scale.options.values_list("code", flat=True)) == {"y", "no", "maybe"}


def test_it_refuses_the_same_changes_in_model_validation(answered):
    question = Question.objects.get(questionnaire=answered, code="env_a")
    question.full_clean()  # unchanged: fine
    question.code = "env_z"
    with pytest.raises(ValidationError, match=ANSWERED_QUESTION):
        question.full_clean()
    option = ScaleOption.objects.get(scale__code="satisfaction5", code="4")
    option.is_top_two = False
    with pytest.raises(ValidationError, match=ANSWERED_SCALE):
        option.full_clean()
    option.refresh_from_db()
    option.label = "滿意"
    option.full_clean()
