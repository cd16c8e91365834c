"""The questionnaire's statistics for an agency (or several, pooled) and a period.

Counts come from the monthly tallies in two grouped queries; everything else (percentages,
top-two shares, ranking, change against the previous period) is arithmetic on at most a few
hundred numbers. Rules (see README): a skipped question is in no option and not in n; a
percentage is count / n rounded half-up to one decimal; the top-two share is computed from the
summed counts (never by adding rounded percentages); items tie when their rounded top-two
shares are equal; the change is the difference of the rounded shares, in points.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum

from servq.core.numbers import percent
from servq.core.periods import Period

from .models import AnswerTally, Channel, RespondentTally
from .structure import GroupInfo, QuestionInfo, Structure


@dataclass(frozen=True)
class Distribution:
    n: int
    counts: dict[str, int]
    percent: dict[str, Decimal | None]
    top2_percent: Decimal | None  # None: no top-two on this scale, or no answers

    @classmethod
    def of(cls, question: QuestionInfo, counted: dict[str, int]) -> "Distribution":
        counts = {code: counted.get(code, 0) for code in question.option_codes}
        n = sum(counts.values())
        top2 = None
        if question.has_top_two:
            top2 = percent(sum(counts[o.code] for o in question.options if o.is_top_two), n)
        return cls(n, counts, {code: percent(c, n) for code, c in counts.items()}, top2)

    @property
    def cells(self) -> list[tuple[str, int, Decimal | None]]:
        """(option code, count, percent) in the scale's order."""
        return [(code, count, self.percent[code]) for code, count in self.counts.items()]


@dataclass(frozen=True)
class QuestionStats:
    question: QuestionInfo
    current: Distribution
    previous: Distribution
    year_to_date: Distribution

    @property
    def change_points(self) -> Decimal | None:
        if self.current.top2_percent is None or self.previous.top2_percent is None:
            return None
        return self.current.top2_percent - self.previous.top2_percent


@dataclass(frozen=True)
class RankTier:
    rank: int  # competition ranking: 1, 1, 1, 4, ...
    top2_percent: Decimal
    items: tuple[QuestionStats, ...]


@dataclass
class SurveyStatistics:
    structure: Structure
    period: Period
    respondents: int
    respondents_ytd: int
    respondents_previous: int
    respondents_by_channel: dict[str, int]
    questions: dict[str, QuestionStats] = field(default_factory=dict)

    def group_stats(self) -> list[tuple[GroupInfo, list[QuestionStats]]]:
        return [(group, [self.questions[q.code] for q in group.questions if not q.is_text])
                for group in self.structure.groups]

    @property
    def ranking(self) -> list[RankTier]:
        """The groups' items (not their overall questions) with a top-two share."""
        return rank_by_top_two([s for s in self.questions.values() if not s.question.is_overall])

    @property
    def ranking_overall(self) -> list[RankTier]:
        return rank_by_top_two([s for s in self.questions.values() if s.question.is_overall])


def rank_by_top_two(stats: list[QuestionStats]) -> list[RankTier]:
    ranked = sorted((s for s in stats if s.current.top2_percent is not None),
                    key=lambda s: (-s.current.top2_percent, s.question.order))
    tiers: list[RankTier] = []
    position = 0
    for item in ranked:
        position += 1
        if tiers and tiers[-1].top2_percent == item.current.top2_percent:
            tiers[-1] = RankTier(tiers[-1].rank, tiers[-1].top2_percent,
                                 tiers[-1].items + (item,))
        else:
            tiers.append(RankTier(position, item.current.top2_percent, (item,)))
    return tiers


def _month_range(period: Period) -> Q:
    return Q(month__gte=period.start, month__lte=period.end)


def survey_statistics(*, structure: Structure, agency_ids, period: Period) -> SurveyStatistics:
    """Statistics of `period`, its previous period and the year to date, in two queries."""
    previous, ytd = period.previous(), period.year_to_date()
    window = Q(agency_id__in=list(agency_ids), month__gte=min(previous.start, ytd.start),
               month__lte=period.end)
    sums = dict(
        current=Sum("n", filter=_month_range(period), default=0),
        previous=Sum("n", filter=_month_range(previous), default=0),
        ytd=Sum("n", filter=_month_range(ytd), default=0),
    )
    counted: dict[str, dict[str, dict[str, int]]] = {"current": {}, "previous": {}, "ytd": {}}
    rows = (AnswerTally.objects.filter(window).values("question__code", "option")
            .annotate(**sums).order_by())
    for row in rows:
        for which in counted:
            counted[which].setdefault(row["question__code"], {})[row["option"]] = row[which]

    by_channel = {channel: 0 for channel in Channel.values}
    totals = {"current": 0, "previous": 0, "ytd": 0}
    for row in RespondentTally.objects.filter(window).values("channel").annotate(**sums) \
            .order_by():
        by_channel[row["channel"]] = row["current"]
        for which in totals:
            totals[which] += row[which]

    stats = SurveyStatistics(
        structure=structure, period=period, respondents=totals["current"],
        respondents_ytd=totals["ytd"], respondents_previous=totals["previous"],
        respondents_by_channel=by_channel,
    )
    for question in structure.choice_questions:
        stats.questions[question.code] = QuestionStats(
            question=question,
            current=Distribution.of(question, counted["current"].get(question.code, {})),
            previous=Distribution.of(question, counted["previous"].get(question.code, {})),
            year_to_date=Distribution.of(question, counted["ytd"].get(question.code, {})),
        )
    return stats
