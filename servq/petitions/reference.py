"""Reference data every agency's rules refer to: the petition categories, and the demo's
routing and deadline rules (an administrator changes them in the rules page or the admin)."""

from django.db import transaction

from servq.core.models import Agency, Unit

CATEGORIES = [
    # code, name, description, shown on the public forms
    ("case", "執行案件", "涉及個別行政執行案件的實體問題（改分陳字案由承辦股處理）", True),
    ("attitude", "執行態度", "對執行人員服務或執行態度的意見（送執行態度考核小組）", True),
    ("service", "為民服務", "洽公環境、設施、流程或服務措施的意見與建議", True),
    ("ethics", "廉政檢舉", "廉政信箱受理的檢舉（由政風室處理）", False),
    ("other", "其他", "其他意見", True),
]
# The names the English site's opinion mailbox shows.
CATEGORY_NAMES_EN = {
    "case": "My enforcement case",
    "attitude": "Conduct of enforcement staff",
    "service": "Service, premises or procedures",
    "ethics": "Corruption report",
    "other": "Something else",
}

# category code: (days, day kind) — a branch's starting rules, all within the 30-day cap.
DEADLINES = {
    "case": (10, "workdays"),
    "attitude": (10, "workdays"),
    "service": (6, "workdays"),
    "ethics": (30, "calendar"),
    None: (30, "calendar"),  # any other category
}
# category code: the unit function it goes to, or "case_section" (陳字案 to the section).
ROUTES = {
    "case": "case_section",
    "attitude": Unit.Function.ATTITUDE_COMMITTEE,
    "service": Unit.Function.SECRETARIAT,
    "ethics": Unit.Function.ETHICS,
    None: Unit.Function.SECRETARIAT,
}


def ensure_categories(Category=None) -> None:
    if Category is None:
        from .models import Category
    for order, (code, name, description, public) in enumerate(CATEGORIES, start=1):
        category, _ = Category.objects.update_or_create(code=code, defaults=dict(
            name=name, description=description, is_public=public, sort_order=order * 10))
        if hasattr(category, "name_en") and not category.name_en:  # 0002 predates the field
            category.name_en = CATEGORY_NAMES_EN[code]
            category.save(update_fields=["name_en"])


@transaction.atomic
def ensure_rules(agency: Agency) -> None:
    """The starting deadline and routing rules of a branch, unless it already has rules."""
    from .models import Category, DeadlineRule, RoutingRule

    ensure_categories()
    categories = {c.code: c for c in Category.objects.all()}
    if not DeadlineRule.objects.filter(agency=agency).exists():
        DeadlineRule.objects.bulk_create(
            DeadlineRule(agency=agency, category=categories.get(code), days=days,
                         day_kind=kind)
            for code, (days, kind) in DEADLINES.items())
    if not RoutingRule.objects.filter(agency=agency).exists():
        units = {u.function: u for u in Unit.objects.filter(agency=agency, kind__in=[
            Unit.Kind.OFFICE, Unit.Kind.GROUP]).order_by("-sort_order")}
        RoutingRule.objects.bulk_create(
            RoutingRule(agency=agency, category=categories.get(code),
                        target="case_section" if route == "case_section" else "unit",
                        unit=None if route == "case_section" else units[route],
                        priority=100 if code else 900)
            for code, route in ROUTES.items() if route == "case_section" or route in units)
