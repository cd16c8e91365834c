from datetime import date

import pytest
from django.urls import reverse

from servq.portal.payment import CATEGORIES, STORE_LIMIT_NTD, Channel, payment_advice

ON = date(2015, 6, 30)


def test_it_sends_debts_under_20000_of_listed_categories_to_the_store():
    advice = payment_advice(amount=19_999, category_code="income_tax", on=ON)
    assert advice.channels[0] == Channel.STORE
    assert advice.store_refusal == "" and not advice.instalments


def test_it_refuses_the_store_from_20000_and_offers_instalments():
    advice = payment_advice(amount=STORE_LIMIT_NTD, category_code="income_tax", on=ON)
    assert Channel.STORE not in advice.channels
    assert advice.store_refusal == "amount" and advice.instalments
    assert advice.channels == (Channel.REMITTANCE, Channel.COUNTER)


@pytest.mark.parametrize("code, first_day", [
    ("house_tax", date(2008, 6, 1)), ("fuel_fee", date(2010, 1, 1)),
    ("highway_fine", date(2010, 1, 1)), ("health_insurance", date(2010, 8, 25)),
    ("labour_insurance", date(2012, 1, 10)),
])
def test_it_knows_when_stores_began_taking_each_category(code, first_day):
    before = payment_advice(amount=500, category_code=code, on=date.fromordinal(
        first_day.toordinal() - 1))
    on_the_day = payment_advice(amount=500, category_code=code, on=first_day)
    assert before.store_refusal == "not_yet" and Channel.STORE not in before.channels
    assert on_the_day.store_refusal == "" and Channel.STORE in on_the_day.channels


def test_it_lets_health_insurance_arrears_go_to_banks_and_post_offices():
    advice = payment_advice(amount=8_000, category_code="health_insurance", on=ON)
    assert advice.channels[:2] == (Channel.STORE, Channel.BANK_POST)
    labour = payment_advice(amount=8_000, category_code="labour_insurance", on=ON)
    assert Channel.BANK_POST not in labour.channels


def test_it_never_sends_unlisted_categories_to_the_store():
    advice = payment_advice(amount=100, category_code="traffic_fine", on=ON)
    assert advice.store_refusal == "category" and Channel.STORE not in advice.channels


def test_it_shows_instalments_to_whoever_cannot_pay_at_once():
    assert payment_advice(amount=100, category_code="deed_tax", on=ON,
                          cannot_pay_at_once=True).instalments


def test_it_rejects_a_non_positive_amount():
    with pytest.raises(ValueError):
        payment_advice(amount=0, category_code="deed_tax", on=ON)


def test_it_lists_the_seed_categories_with_their_dates():
    dated = {c.code: c.store_from for c in CATEGORIES if c.store_from}
    assert len([d for d in dated.values() if d == date(2008, 6, 1)]) == 9


@pytest.mark.django_db
def test_it_answers_on_the_payment_page(client, site):
    url = reverse("portal:payment", kwargs={"agency": "sly"})
    page = client.get(url, {"amount": "15000", "category": "income_tax"}).content.decode()
    assert 'id="channel-store"' in page and 'id="instalments"' not in page
    page = client.get(url, {"amount": "25000", "category": "income_tax"}).content.decode()
    assert 'id="channel-store"' not in page and 'id="instalments"' in page
    english = client.get(reverse("portal:payment", kwargs={"agency": "sly"}).replace(
        "/zh-hant/", "/en/"), {"amount": "15000", "category": "income_tax"}).content.decode()
    assert "Convenience store" in english


@pytest.mark.django_db
def test_it_announces_errors_beside_the_fields(client, site):
    url = reverse("portal:payment", kwargs={"agency": "sly"})
    page = client.get(url, {"amount": "abc", "category": ""}).content.decode()
    assert 'role="alert"' in page and 'href="#id_amount"' in page
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_amount_error id_amount_helptext"' in page
    assert 'id="id_amount_error"' in page and "請選擇欠款種類。" in page
    assert "<title>錯誤：" in page
