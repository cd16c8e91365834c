"""Questionnaires as read-only structures: which version applies, and its groups, questions and
options loaded once (3 queries) for forms, imports and statistics; `in_language("en")` gives the
English site's copy (English texts where there are some, the Chinese otherwise)."""

from dataclasses import dataclass, field, replace
from datetime import date

from django.core.cache import caches
from django.db.models import F, Prefetch, Q

from servq.core.models import Agency

from .models import Question, QuestionGroup, Questionnaire, Scale, ScaleOption


@dataclass(frozen=True)
class OptionInfo:
    code: str
    label: str
    paper_key: str
    is_top_two: bool
    label_en: str = ""


@dataclass(frozen=True)
class QuestionInfo:
    id: int
    code: str
    text: str
    short_label: str
    group_code: str
    group_title: str
    scale_code: str
    is_text: bool
    is_overall: bool
    order: int
    options: tuple[OptionInfo, ...]
    text_en: str = ""

    @property
    def label(self) -> str:
        return self.short_label or self.text

    @property
    def has_top_two(self) -> bool:
        return any(option.is_top_two for option in self.options)

    @property
    def option_codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)


@dataclass(frozen=True)
class GroupInfo:
    code: str
    title: str
    questions: tuple[QuestionInfo, ...]
    title_en: str = ""

    @property
    def overall(self) -> QuestionInfo | None:
        return next((q for q in self.questions if q.is_overall), None)

    @property
    def items(self) -> tuple[QuestionInfo, ...]:
        """The group's questions other than its overall one."""
        return tuple(q for q in self.questions if not q.is_overall)


@dataclass
class Structure:
    questionnaire: Questionnaire
    groups: list[GroupInfo]
    by_code: dict[str, QuestionInfo] = field(default_factory=dict)
    language: str = "zh-hant"

    @property
    def title(self) -> str:
        return _in(self.language, self.questionnaire.title, self.questionnaire.title_en)

    @property
    def intro(self) -> str:
        return _in(self.language, self.questionnaire.intro, self.questionnaire.intro_en)

    def in_language(self, language: str) -> "Structure":
        """This structure with the texts citizens read in `language`. The codes, ids and
        options are the same, so a form built from either saves the same answers."""
        if not language.startswith("en"):
            return self
        groups = []
        for group in self.groups:
            title = _in(language, group.title, group.title_en)
            questions = tuple(
                replace(q, text=_in(language, q.text, q.text_en), group_title=title,
                        options=tuple(replace(o, label=_in(language, o.label, o.label_en))
                                      for o in q.options))
                for q in group.questions)
            groups.append(replace(group, title=title, questions=questions))
        english = Structure(self.questionnaire, groups, language=language)
        english.by_code = {q.code: q for q in english.questions}
        return english

    @property
    def questions(self) -> list[QuestionInfo]:
        return [q for group in self.groups for q in group.questions]

    @property
    def choice_questions(self) -> list[QuestionInfo]:
        return [q for q in self.questions if not q.is_text]

    @property
    def text_questions(self) -> list[QuestionInfo]:
        return [q for q in self.questions if q.is_text]


def load_structure(questionnaire: Questionnaire) -> Structure:
    options = Prefetch("scale__options", queryset=ScaleOption.objects.order_by("order"))
    questions = Prefetch(
        "questions",
        queryset=Question.objects.select_related("scale").prefetch_related(options)
        .order_by("order"),
    )
    groups = []
    for group in (QuestionGroup.objects.filter(questionnaire=questionnaire)
                  .prefetch_related(questions).order_by("order")):
        infos = tuple(
            QuestionInfo(
                id=q.pk, code=q.code, text=q.text, short_label=q.short_label,
                group_code=group.code, group_title=group.title, scale_code=q.scale.code,
                is_text=q.scale.kind == Scale.Kind.TEXT, is_overall=q.is_overall, order=q.order,
                options=tuple(OptionInfo(o.code, o.label, o.paper_key, o.is_top_two, o.label_en)
                              for o in q.scale.options.all()),
                text_en=q.text_en,
            )
            for q in group.questions.all()
        )
        groups.append(GroupInfo(group.code, group.title, infos, group.title_en))
    structure = Structure(questionnaire, groups)
    structure.by_code = {q.code: q for q in structure.questions}
    return structure


# How long a process reuses a public form's structure and rendered questions (cache "local").
# Questions change by a new version (a new key); a correction made in the admin to the version
# in effect reaches every worker within this time.
PUBLIC_CACHE_SECONDS = 300


def structure_for_public(questionnaire: Questionnaire, language: str) -> Structure:
    """The structure the public form shows, in the page's language (kept per process)."""
    key = f"surveys:public-structure:{questionnaire.pk}:{language}"
    structure = caches["local"].get(key)
    if structure is None:
        structure = load_structure(questionnaire).in_language(language)
        caches["local"].set(key, structure, PUBLIC_CACHE_SECONDS)
    return structure


def _in(language: str, chinese: str, english: str) -> str:
    return english if language.startswith("en") and english else chinese


def _own_first(queryset):
    return queryset.order_by(F("agency").asc(nulls_last=True), "-effective_from", "-version")


def questionnaire_in_effect(agency: Agency, day: date) -> Questionnaire | None:
    """The version citizens of this agency fill in on `day` (its own before the shared one)."""
    return _own_first(Questionnaire.objects.applying_to(agency).in_effect_on(day)).first()


def public_questionnaire(agency: Agency, day: date) -> Questionnaire | None:
    """questionnaire_in_effect for the public form, kept per process for a minute: the public
    page may lag a new version as its structure does (PUBLIC_CACHE_SECONDS), and the lookup
    was a fifth of the page's cost."""
    key = f"surveys:public-version:{agency.pk}:{day.isoformat()}"
    questionnaire = caches["local"].get(key)
    if questionnaire is None:
        questionnaire = questionnaire_in_effect(agency, day)
        if questionnaire is not None:
            caches["local"].set(key, questionnaire, 60)
    return questionnaire


def questionnaire_for_report(agency: Agency, day: date) -> Questionnaire | None:
    """The version whose questions a report on a period ending on `day` lists: the one in
    effect then; for an agency without one (the HQ), the shared one; else the latest before."""
    return (
        questionnaire_in_effect(agency, day)
        or _own_first(Questionnaire.objects.filter(agency__isnull=True).in_effect_on(day)).first()
        or _own_first(Questionnaire.objects.filter(Q(agency=agency) | Q(agency__isnull=True),
                                                   effective_from__lte=day)).first()
        or Questionnaire.objects.filter(agency__isnull=True).order_by("effective_from").first()
    )


def questionnaire_by_label(label: str) -> Questionnaire | None:
    """`code` (its latest version) or `code@version`."""
    code, _, version = label.partition("@")
    found = Questionnaire.objects.filter(code=code)
    if version:
        if not version.isdigit():
            return None
        found = found.filter(version=int(version))
    return found.order_by("-version").first()


def questionnaire_for_import(agency: Agency, label: str | None, today: date) -> Questionnaire:
    """The version an import files its rows under: the one named (`code` or `code@version`),
    or the one in effect today. ValueError with the reason otherwise."""
    if not label:
        found = questionnaire_in_effect(agency, today)
        if found is None:
            raise ValueError(f"{agency.short_name}目前沒有適用中的問卷，請指定問卷代碼。")
        return found
    found = questionnaire_by_label(label)
    if found is None:
        raise ValueError(f"找不到問卷「{label}」（格式：代碼 或 代碼@版次）。")
    if not Questionnaire.objects.applying_to(agency).filter(pk=found.pk).exists():
        raise ValueError(f"問卷「{found}」不適用於{agency.short_name}。")
    return found
