"""Staff entry of paper sheets: digits and Tab, the sheet's serial once, a fresh form after."""

import re
import uuid

import pytest
from django.urls import reverse

from servq.surveys.models import Response

URL = reverse("surveys:paper-entry", kwargs={"agency": "sly"})


def sheet(serial="104-101", day="104/05/12", **answers):
    return {"serial": serial, "submitted_on": day, "token": str(uuid.uuid4()), **answers}


def test_it_offers_one_numeric_box_per_question_with_focus_on_the_serial(cast, client_for,
                                                                          structure):
    html = client_for(cast.front_desk).get(URL).content.decode()
    assert re.search(r'<input type="text" name="serial" id="id_serial"[^>]*autofocus', html)
    for question in structure.choice_questions:
        box = re.search(rf'<input type="text" name="{question.code}"[^>]*>', html)[0]
        assert 'inputmode="numeric"' in box and f'id="id_{question.code}"' in box
        assert f'<label for="id_{question.code}">{question.label}</label>' in html


def test_it_saves_a_sheet_typed_with_digits(cast, client_for):
    client = client_for(cast.front_desk)
    response = client.post(URL, sheet(env_overall="5", env_a="4", aware_1="1", aware_2="2",
                                      aware_3="n", comment="停車位不夠"))
    assert response.status_code == 302 and response["Location"] == URL
    saved = Response.objects.get()
    assert (saved.serial, saved.channel, saved.entered_by) == ("104-101", "paper", cast.front_desk)
    assert saved.submitted_on.isoformat() == "2015-05-12"
    answers = dict(saved.answers.values_list("question__code", "option"))
    assert answers == {"env_overall": "5", "env_a": "4", "aware_1": "yes", "aware_2": "no",
                       "aware_3": "no"}
    assert saved.texts.get().text == "停車位不夠"
    # the next sheet: a fresh form, focus on the serial, the same date kept
    html = client.get(URL).content.decode()
    assert "已儲存問卷編號 104-101" in html
    assert re.search(r'name="serial" id="id_serial" value=""[^>]*autofocus', html)
    assert 'value="104/05/12"' in html


def test_it_refuses_the_same_serial_twice_with_a_clear_message(cast, client_for):
    client = client_for(cast.ethics)
    client.post(URL, sheet(env_a="5"))
    page = client.post(URL, sheet(env_a="3"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "問卷編號「104-101」已於 104/05/12 登錄過" in html and 'role="alert"' in html
    assert Response.objects.count() == 1


def test_it_saves_a_resent_sheet_once(cast, client_for):
    client = client_for(cast.front_desk)
    data = sheet(env_a="5")
    client.post(URL, data)
    client.post(URL, data)
    assert Response.objects.count() == 1


def test_it_names_a_wrong_key_and_an_empty_sheet(cast, client_for):
    client = client_for(cast.front_desk)
    html = client.post(URL, sheet(env_a="7", aware_1="3")).content.decode()
    assert "請輸入 5=非常有幫助、4=有點幫助" in html and "請輸入 1=知道、2=不知道" in html
    assert 'aria-describedby="hint-env_a err-env_a"' in html
    html = client.post(URL, sheet()).content.decode()
    assert "這張問卷沒有任何答案" in html
    html = client.post(URL, sheet(day="104/02/30", env_a="5")).content.decode()
    assert "日期請寫成民國年月日" in html
    assert not Response.objects.exists()


@pytest.mark.parametrize("who,status", [
    ("front_desk", 200), ("ethics", 200), ("secretariat", 200),
    ("statistics", 403), ("clerk", 403), ("director", 403), ("hq_auditor", 403),
    ("outsider", 404), ("no_role", 404),
])
def test_it_lets_only_paper_entry_roles_in(cast, client_for, who, status):
    client = client_for(getattr(cast, who))
    assert client.get(URL).status_code == status
    if status != 200:
        assert client.post(URL, sheet(env_a="5")).status_code == status
        assert not Response.objects.exists()


def test_it_sends_anonymous_visitors_to_log_in(db, client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
