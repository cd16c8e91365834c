"""English fields for the texts citizens read, and the seed questionnaire's English.

The texts are frozen here (see 0002): servq/surveys/seed_questionnaire.py may change later,
this migration must not."""

from django.db import migrations, models


# The seed questionnaire, as migration 0002 installed it.
QUESTIONNAIRE = {"code": "service-ethics", "version": 1}

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


def install_english(apps, schema_editor):
    """Where a field is still empty (an administrator's own English is kept)."""
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


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0002_seed_questionnaire'),
    ]

    operations = [
        migrations.AddField(
            model_name='question',
            name='text_en',
            field=models.CharField(blank=True, max_length=300, verbose_name='英文題目'),
        ),
        migrations.AddField(
            model_name='questiongroup',
            name='title_en',
            field=models.CharField(blank=True, max_length=150, verbose_name='英文名稱'),
        ),
        migrations.AddField(
            model_name='questionnaire',
            name='intro_en',
            field=models.TextField(blank=True, verbose_name='英文填答說明'),
        ),
        migrations.AddField(
            model_name='questionnaire',
            name='title_en',
            field=models.CharField(blank=True, max_length=150, verbose_name='英文名稱'),
        ),
        migrations.AddField(
            model_name='scaleoption',
            name='label_en',
            field=models.CharField(blank=True, max_length=60, verbose_name='英文文字'),
        ),
        migrations.RunPython(install_english, migrations.RunPython.noop),
    ]
