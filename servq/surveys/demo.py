"""Shilin's 2015 questionnaire responses: 33 sheets in the first quarter, 26 in the second.

The second quarter's counts are those behind every percentage of the seed report (each of
its 26 respondents answered all 21 questions); the first quarter is invented but plausible
(a few citizens skipped facilities they had not used), with an image-and-promotion top-two
share a little above the second quarter's, as the report says. Responses go through the same
service as the public form; fixed submission tokens make a second run save nothing.
"""

import random
import uuid
from datetime import date

from django.apps import apps

from servq.core.models import Agency
from servq.core.periods import Period
from servq.core.workdays import WorkCalendar

from . import seed_questionnaire
from .models import Channel
from .services import survey_response_submit
from .structure import load_structure, questionnaire_in_effect

# Counts per question: {option: number of respondents}; fewer than the quarter's total = skips.
Q2_COUNTS = {
    "env_overall": {"5": 25, "4": 1}, "env_a": {"5": 16, "4": 8, "3": 2},
    "env_b": {"5": 19, "4": 6, "2": 1}, "env_c": {"5": 25, "4": 1},
    "env_d": {"5": 10, "4": 11, "3": 5}, "env_e": {"5": 9, "4": 11, "3": 6},
    "env_f": {"5": 8, "4": 11, "3": 7},
    "staff_overall": {"5": 21, "4": 5}, "staff_a": {"5": 23, "4": 3},
    "staff_b": {"5": 22, "4": 4}, "staff_c": {"5": 15, "4": 9, "3": 2},
    "staff_d": {"5": 19, "4": 6, "3": 1},
    "promo_overall": {"5": 16, "4": 8, "3": 2},
    "aware_1": {"yes": 26}, "aware_2": {"yes": 20, "no": 6}, "aware_3": {"yes": 13, "no": 13},
    "admin_overall": {"5": 13, "4": 10, "3": 2, "2": 1}, "admin_1": {"5": 15, "4": 9, "3": 2},
    "admin_2": {"5": 24, "4": 1, "3": 1}, "admin_3": {"5": 18, "4": 1, "3": 7},
    "admin_4": {"5": 11, "4": 2, "3": 13},
}
Q1_COUNTS = {
    "env_overall": {"5": 28, "4": 4, "3": 1}, "env_a": {"5": 18, "4": 10, "3": 4, "2": 1},
    "env_b": {"5": 20, "4": 9, "3": 3, "2": 1}, "env_c": {"5": 27, "4": 5, "3": 1},
    "env_d": {"5": 8, "4": 9, "3": 6}, "env_e": {"5": 7, "4": 10, "3": 7},
    "env_f": {"5": 9, "4": 12, "3": 9, "2": 1},
    "staff_overall": {"5": 25, "4": 7, "3": 1}, "staff_a": {"5": 27, "4": 5, "3": 1},
    "staff_b": {"5": 25, "4": 7, "3": 1}, "staff_c": {"5": 17, "4": 11, "3": 4, "2": 1},
    "staff_d": {"5": 21, "4": 9, "3": 3},
    "promo_overall": {"5": 20, "4": 11, "3": 2},
    "aware_1": {"yes": 30, "no": 3}, "aware_2": {"yes": 22, "no": 11},
    "aware_3": {"yes": 15, "no": 18},
    "admin_overall": {"5": 15, "4": 14, "3": 3, "2": 1}, "admin_1": {"5": 18, "4": 11, "3": 4},
    "admin_2": {"5": 26, "4": 4, "3": 3}, "admin_3": {"5": 17, "4": 5, "3": 9, "2": 1, "1": 1},
    "admin_4": {"5": 12, "4": 6, "3": 14, "2": 1},
}
# (quarter, respondents, channels in turn: 2 of 3 sheets on paper, the rest kiosk and web)
QUARTERS = [(1, 33, Q1_COUNTS), (2, 26, Q2_COUNTS)]
CHANNEL_CYCLE = [Channel.PAPER, Channel.PAPER, Channel.KIOSK, Channel.PAPER, Channel.WEB,
                 Channel.PAPER]
COMMENTS = {
    3: "服務台志工很親切，一進門就告訴我該到哪個櫃檯。",
    11: "停車位有時不太夠，希望增加機車停車格。",
    40: "分期繳款的申請方式如果能放在網站上就更方便了。",
    52: "承辦人員很有耐心地說明，謝謝。",
}
TOKEN_NAMESPACE = uuid.UUID("6f1d1c52-5b8e-4d47-9a3c-2015d0e51a01")


def sheets_for(counts: dict[str, dict[str, int]], respondents: int, seed: int
               ) -> list[dict[str, str]]:
    """`respondents` answer sets whose per-question counts are exactly `counts`."""
    rng = random.Random(seed)
    sheets: list[dict[str, str]] = [{} for _ in range(respondents)]
    for code, options in counts.items():
        column = [option for option, n in options.items() for _ in range(n)]
        if len(column) > respondents:
            raise ValueError(f"{code}: {len(column)} answers for {respondents} respondents")
        column += [""] * (respondents - len(column))  # skipped
        rng.shuffle(column)
        for sheet, option in zip(sheets, column):
            if option:
                sheet[code] = option
    return sheets


def days_for(quarter: Period, count: int, agency: Agency) -> list[date]:
    """`count` working days spread evenly over the quarter."""
    workdays = WorkCalendar(quarter.start, quarter.end, agency).workdays()
    step = len(workdays) / count
    return [workdays[int(i * step + step / 2)] for i in range(count)]


def load(*, stdout) -> None:
    seed_questionnaire.install(apps)  # back if the database was flushed since migrating
    seed_questionnaire.install_english(apps)
    shilin = Agency.objects.get(code="sly")
    questionnaire = questionnaire_in_effect(shilin, date(2015, 1, 1))
    structure = load_structure(questionnaire)
    saved, number, paper = 0, 0, 0
    for quarter_number, respondents, counts in QUARTERS:
        quarter = Period.quarter(2015, quarter_number)
        sheets = sheets_for(counts, respondents, seed=2015 * 10 + quarter_number)
        for sheet, day in zip(sheets, days_for(quarter, respondents, shilin)):
            number += 1
            channel = CHANNEL_CYCLE[number % len(CHANNEL_CYCLE)]
            serial = None
            if channel == Channel.PAPER:
                paper += 1
                serial = f"104-{paper:03d}"
            comment = COMMENTS.get(number)
            submission = survey_response_submit(
                structure=structure, agency=shilin, submitted_on=day, channel=channel,
                answers=sheet, texts={"comment": comment} if comment else {},
                token=uuid.uuid5(TOKEN_NAMESPACE, f"sly-2015-{number}"), serial=serial,
            )
            saved += submission.created
    stdout.write(f"surveys: Shilin 2015 questionnaire, {number} responses "
                 f"({saved} new this run)")
