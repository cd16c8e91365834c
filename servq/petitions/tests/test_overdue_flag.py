from datetime import date, timedelta

from django.urls import reverse

from servq.petitions.selectors import dashboard_counts, overdue_list
from servq.petitions.services import petition_record_contact, petition_reply


def counts(rules, on):
    return dashboard_counts(user=rules.secretariat, agency=rules.sly, on=on)


def test_it_flags_a_petition_past_due_without_a_phone_call(make_petition, rules):
    petition = make_petition(category_code="case", received_on=date(2015, 6, 1))
    due = petition.due_on
    assert counts(rules, due)["overdue"] == 0  # the due day itself is still in time
    after = due + timedelta(days=1)
    assert (counts(rules, after)["overdue"], counts(rules, after)["overdue_without_call"]) == (1, 1)
    listed = overdue_list(user=rules.secretariat, agency=rules.sly, on=after).get()
    assert listed == petition and not listed.has_timely_call


def test_it_does_not_count_letters_or_calls_made_after_the_due_date(make_petition, rules):
    petition = make_petition(category_code="case", received_on=date(2015, 6, 1))
    after = petition.due_on + timedelta(days=1)
    petition_record_contact(petition=petition, method="letter", summary="函知進度",
                            on=petition.due_on, actor=rules.secretariat)
    petition_record_contact(petition=petition, method="phone", summary="電話說明進度",
                            on=after, actor=rules.secretariat)
    assert counts(rules, after + timedelta(days=1))["overdue_without_call"] == 1


def test_it_clears_the_flag_after_a_timely_call_and_the_overdue_after_a_reply(make_petition,
                                                                               rules):
    petition = make_petition(category_code="case", received_on=date(2015, 6, 1))
    after = petition.due_on + timedelta(days=1)
    petition_record_contact(petition=petition, method="phone", summary="電話告知尚在查證",
                            on=petition.due_on, actor=rules.secretariat)
    assert (counts(rules, after)["overdue"], counts(rules, after)["overdue_without_call"]) == (1, 0)
    petition_reply(petition=petition, method="letter", summary="函復", on=after,
                   actor=rules.secretariat)
    assert counts(rules, after)["overdue"] == 0


def test_it_shows_the_flag_on_the_dashboard_and_the_overdue_page(make_petition, rules,
                                                                 client_for):
    petition = make_petition(category_code="case", received_on=date(2015, 6, 1))
    client = client_for(rules.secretariat)
    page = client.get(reverse("petitions:overdue", kwargs={"agency": "sly"}),
                      {"on": "104/07/31"}).content.decode()
    assert petition.number in page and "期限前未電話聯繫" in page
    inbox = client.get(reverse("petitions:inbox", kwargs={"agency": "sly"})).content.decode()
    assert "逾期且期限前未電話聯繫陳情人" in inbox and "期限前未電話聯繫" in inbox
