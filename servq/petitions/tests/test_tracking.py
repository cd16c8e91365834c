import re

from django.urls import reverse

from servq.petitions.services import petition_reply

from .test_public_forms import form_data, url


def submit(client, **changes):
    response = client.post(url("opinion"), form_data(client, **changes))
    page = client.get(response["Location"]).content.decode()
    number = re.search(r"<dd>([A-Z]{3}\d{9})</dd>", page).group(1)
    code = re.search(r'class="code">([A-Z0-9-]+)<', page).group(1)
    return number, code


def test_it_shows_status_and_dates_for_the_right_pair_only(rules, client):
    number, code = submit(client)
    other_number, other_code = submit(client, subject="另一案")
    page = client.post(url("track"), {"number": number.lower(), "code": code.lower()})
    text = page.content.decode()
    assert page.status_code == 200 and "已收件，待分案" in text and "處理期限" in text
    assert "林小華" not in text and "繳款疑問" not in text  # no personal data, no content
    for pair in [(number, other_code), (other_number, code), (number, "")]:
        refused = client.post(url("track"), {"number": pair[0], "code": pair[1]})
        assert refused.status_code in (400, 404) and "處理期限" not in refused.content.decode()


def test_it_shows_the_reply_date_once_replied(rules, client):
    from servq.petitions.models import Petition

    number, code = submit(client)
    petition = Petition.objects.get(number=number)
    petition_reply(petition=petition, method="email", summary="", actor=rules.secretariat)
    text = client.post(url("track"), {"number": number, "code": code}).content.decode()
    assert "已結案" in text and "回覆日期" in text


def test_it_limits_lookups_per_address(rules, client):
    number, code = submit(client)
    # Each lookup names another (unknown) case, so no per-number limit is reached: only the
    # address's count can refuse the 21st.
    for n in range(20):
        unknown = {"number": f"SLY104{900000 + n}", "code": "WRONG-CODE1"}
        missed = client.post(url("track"), unknown, REMOTE_ADDR="10.1.1.1")
        assert missed.status_code == 404
    refused = client.post(url("track"), {"number": number, "code": code}, REMOTE_ADDR="10.1.1.1")
    assert refused.status_code == 429 and "查詢次數過多" in refused.content.decode()
    elsewhere = client.post(url("track"), {"number": number, "code": code}, REMOTE_ADDR="10.1.1.2")
    assert elsewhere.status_code == 200


def test_it_limits_failed_guesses_per_case_from_any_address(rules, client):
    number, code = submit(client)
    for n in range(10):
        client.post(url("track"), {"number": number, "code": f"GUESS-{n:05d}"},
                    REMOTE_ADDR=f"10.2.0.{n}")
    refused = client.post(url("track"), {"number": number, "code": code}, REMOTE_ADDR="10.3.0.1")
    assert refused.status_code == 429


def test_it_is_reachable_from_the_receipt_mail(rules, client, mailoutbox,
                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    assert reverse("portal:petitions_public:track", kwargs={"agency": "sly"}) in \
        mailoutbox[0].body
