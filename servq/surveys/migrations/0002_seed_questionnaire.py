"""Installs the seed questionnaire and its scales.

The data are frozen here, as they were when this migration was written: a migration must
install the same rows whenever it runs, whatever later becomes of
servq/surveys/seed_questionnaire.py (which the demo uses to reinstall them after a flush;
tests/test_seed_questionnaire.py checks that the two still agree).
"""

from datetime import date

from django.db import migrations

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


def install(apps, schema_editor):
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


def uninstall(apps, schema_editor):
    apps.get_model("surveys", "Questionnaire").objects.filter(
        code=QUESTIONNAIRE["code"], version=QUESTIONNAIRE["version"]).delete()
    apps.get_model("surveys", "Scale").objects.filter(code__in=[s[0] for s in SCALES]).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
