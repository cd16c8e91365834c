"""The questionnaire Shilin used in 2015 (為民服務暨政風狀況問卷調查, the new version with
「形象及業務宣導」), shared by every branch, and its scales: what the demo and the portal's
tests reinstall in a database flushed since migrating. Migrations 0002 and 0003 install the
same rows from their own frozen copies (a test checks that the copies agree), so editing this
module never changes what a migration installs: a change to the seed needs a new migration.

Codes, texts and scales are those of the seed report's questionnaire, copied here so nothing
depends on files outside the repository. One free-text question (意見與建議) closes the sheet;
it is on a text scale and never enters the statistics. `ENGLISH` holds the texts of the English
site (the `*_en` fields; our translation, not the seed's).
"""

from datetime import date

SCALES = [
    # code, name, kind, [(option code, label, paper key, top two)]
    ("satisfaction5", "滿意程度（五等第）", "choice", [
        ("5", "非常滿意", "5", True), ("4", "有點滿意", "4", True), ("3", "普通", "3", False),
        ("2", "不太滿意", "2", False), ("1", "非常不滿意", "1", False)]),
    ("helpfulness5", "幫助程度（五等第）", "choice", [
        ("5", "非常有幫助", "5", True), ("4", "有點幫助", "4", True), ("3", "普通", "3", False),
        ("2", "不太有幫助", "2", False), ("1", "非常沒幫助", "1", False)]),
    ("aware2", "知悉與否", "choice", [
        ("yes", "知道", "1", False), ("no", "不知道", "2", False)]),
    ("comment", "文字意見", "text", []),
]

QUESTIONNAIRE = {
    "code": "service-ethics",
    "version": 1,
    "title": "為民服務暨政風狀況問卷調查",
    "intro": "本問卷不記名。請依您這次洽公的經驗填答；沒有使用過的設施或不清楚的題目，可以略過不答。",
    "effective_from": date(2015, 1, 1),
}

GROUPS = [
    ("env", "機關服務設施", [
        ("env_overall", "satisfaction5", "洽公環境整體滿意度", "", True),
        ("env_a", "helpfulness5", "本分署規劃之交通引導措施對引導之幫助", "交通引導措施", False),
        ("env_b", "helpfulness5", "本分署之便民停車措施對洽公之幫助", "便民停車措施", False),
        ("env_c", "helpfulness5", "本分署業務申辦引導措施對指引洽公之幫助", "案件申辦指引措施", False),
        ("env_d", "helpfulness5", "本分署哺集乳設施對有使用需求民眾之幫助", "哺集乳設施", False),
        ("env_e", "helpfulness5", "本分署兒童遊憩區對民眾之幫助", "兒童遊憩區", False),
        ("env_f", "helpfulness5", "本分署閱覽室對民眾之幫助", "閱覽室", False),
    ]),
    ("staff", "機關人員服務態度與專業能力", [
        ("staff_overall", "satisfaction5", "機關服務人員整體專業度", "", True),
        ("staff_a", "satisfaction5", "本分署業務承辦人員服務態度之滿意度", "服務態度", False),
        ("staff_b", "satisfaction5", "本分署業務承辦人員專業知識之滿意度", "專業知識", False),
        ("staff_c", "satisfaction5", "本分署業務承辦人員案件申辦速度之滿意度", "案件申辦速度", False),
        ("staff_d", "satisfaction5", "本分署業務承辦人員解決問題能力之滿意度", "解決問題能力", False),
    ]),
    ("promo", "形象及業務宣導", [
        ("promo_overall", "satisfaction5", "機關形象及業務宣導之整體滿意度", "", True),
        ("aware_1", "aware2", "是否知悉「2萬元以下欠款可於超商繳款」之便民措施", "", False),
        ("aware_2", "aware2", "是否知悉「經濟困難者可洽承辦人員分期繳款事宜」之便民措施", "", False),
        ("aware_3", "aware2", "是否知悉「弱勢協助及轉介」之便民措施", "", False),
    ]),
    ("admin", "機關行政措施", [
        ("admin_overall", "satisfaction5", "機關行政措施之整體滿意度", "", True),
        ("admin_1", "satisfaction5", "本分署各項業務申辦流程之滿意度", "業務申辦流程", False),
        ("admin_2", "satisfaction5", "本分署2萬元以下欠款可於超商繳款措施之滿意度",
         "2萬元以下欠款可於超商繳款", False),
        ("admin_3", "satisfaction5", "本分署經濟困難者可洽承辦人員申請分期繳納措施之滿意度",
         "經濟困難者可洽承辦人員分期繳款", False),
        ("admin_4", "satisfaction5", "本分署經濟弱勢協助及轉介措施之滿意度", "弱勢協助及轉介", False),
    ]),
    ("opinion", "意見與建議", [
        ("comment", "comment", "您對本分署為民服務或政風狀況的其他意見或建議", "意見與建議", False),
    ]),
]

# The English site's texts, by question / group code and (scale, option code).
ENGLISH = {
    "title": "Service and integrity questionnaire",
    "intro": "This questionnaire is anonymous. Answer from your experience of this visit; "
             "skip any facility you did not use and any question you are not sure about.",
    "groups": {
        "env": "Premises and facilities",
        "staff": "Staff manner and competence",
        "promo": "Our image and public information",
        "admin": "Administrative measures",
        "opinion": "Comments and suggestions",
    },
    "questions": {
        "env_overall": "Overall, how satisfied are you with the premises where you did your "
                       "business?",
        "env_a": "How helpful were the branch's directions for finding your way here?",
        "env_b": "How helpful was the branch's parking for your visit?",
        "env_c": "How helpful was the guidance to the right counter for your business?",
        "env_d": "How helpful is the branch's breastfeeding room to those who need it?",
        "env_e": "How helpful is the branch's children's play area?",
        "env_f": "How helpful is the branch's reading room?",
        "staff_overall": "Overall, how satisfied are you with the professionalism of our staff?",
        "staff_a": "How satisfied are you with the manner of the staff who handled your business?",
        "staff_b": "How satisfied are you with the staff's knowledge of their work?",
        "staff_c": "How satisfied are you with how quickly your business was handled?",
        "staff_d": "How satisfied are you with the staff's ability to solve your problem?",
        "promo_overall": "Overall, how satisfied are you with the branch's image and the "
                         "information it gives the public?",
        "aware_1": "Did you know that debts under NT$20,000 can be paid at a convenience store?",
        "aware_2": "Did you know that people in financial difficulty can ask the officer "
                   "handling their case to pay in instalments?",
        "aware_3": "Did you know that the branch helps disadvantaged people and refers them "
                   "to social services?",
        "admin_overall": "Overall, how satisfied are you with the branch's administrative "
                         "measures?",
        "admin_1": "How satisfied are you with the branch's procedures for applications and "
                   "other business?",
        "admin_2": "How satisfied are you with paying debts under NT$20,000 at a convenience "
                   "store?",
        "admin_3": "How satisfied are you with paying in instalments, arranged with the "
                   "officer, for people in financial difficulty?",
        "admin_4": "How satisfied are you with the help and referral for disadvantaged people?",
        "comment": "Any other comments or suggestions about our service or the integrity of "
                   "our staff",
    },
    "options": {
        ("satisfaction5", "5"): "Very satisfied", ("satisfaction5", "4"): "Fairly satisfied",
        ("satisfaction5", "3"): "Neither", ("satisfaction5", "2"): "Fairly dissatisfied",
        ("satisfaction5", "1"): "Very dissatisfied",
        ("helpfulness5", "5"): "Very helpful", ("helpfulness5", "4"): "Fairly helpful",
        ("helpfulness5", "3"): "Neither", ("helpfulness5", "2"): "Not very helpful",
        ("helpfulness5", "1"): "Not helpful at all",
        ("aware2", "yes"): "Yes, I knew", ("aware2", "no"): "No, I did not know",
    },
}


def install(apps) -> None:
    """Idempotent; takes the models from `apps` (the demo passes django.apps.apps)."""
    Scale = apps.get_model("surveys", "Scale")
    ScaleOption = apps.get_model("surveys", "ScaleOption")
    Questionnaire = apps.get_model("surveys", "Questionnaire")
    QuestionGroup = apps.get_model("surveys", "QuestionGroup")
    Question = apps.get_model("surveys", "Question")

    scales = {}
    for code, name, kind, options in SCALES:
        scale, _ = Scale.objects.get_or_create(code=code, defaults=dict(name=name, kind=kind))
        scales[code] = scale
        for order, (option, label, key, top_two) in enumerate(options, start=1):
            ScaleOption.objects.get_or_create(scale=scale, code=option, defaults=dict(
                label=label, paper_key=key, is_top_two=top_two, order=order))
    questionnaire, created = Questionnaire.objects.get_or_create(
        code=QUESTIONNAIRE["code"], version=QUESTIONNAIRE["version"], defaults=QUESTIONNAIRE)
    if not created:
        return
    order = 0
    for group_order, (group_code, title, questions) in enumerate(GROUPS, start=1):
        group = QuestionGroup.objects.create(questionnaire=questionnaire, code=group_code,
                                             title=title, order=group_order)
        for code, scale, text, short, overall in questions:
            order += 1
            Question.objects.create(questionnaire=questionnaire, group=group, code=code,
                                    text=text, short_label=short, scale=scales[scale],
                                    is_overall=overall, order=order)


def install_english(apps) -> None:
    """The English texts of the seed questionnaire and scales, where a field is still empty
    (an administrator's own English is kept). Idempotent."""
    ScaleOption = apps.get_model("surveys", "ScaleOption")
    Questionnaire = apps.get_model("surveys", "Questionnaire")
    QuestionGroup = apps.get_model("surveys", "QuestionGroup")
    Question = apps.get_model("surveys", "Question")

    for (scale, code), label in ENGLISH["options"].items():
        ScaleOption.objects.filter(scale__code=scale, code=code, label_en="").update(
            label_en=label)
    seed = Questionnaire.objects.filter(code=QUESTIONNAIRE["code"],
                                        version=QUESTIONNAIRE["version"])
    seed.filter(title_en="").update(title_en=ENGLISH["title"])
    seed.filter(intro_en="").update(intro_en=ENGLISH["intro"])
    for code, title in ENGLISH["groups"].items():
        QuestionGroup.objects.filter(questionnaire__in=seed, code=code, title_en="").update(
            title_en=title)
    for code, text in ENGLISH["questions"].items():
        Question.objects.filter(questionnaire__in=seed, code=code, text_en="").update(
            text_en=text)
