"""The reference data every installation starts with (loaded by migration 0002, editable in the
admin afterwards): the standard monthly indicators, the courtesy-test items and rating bands,
the lunch-duty overtime rate and the transferring agencies that station staff at branches."""

from datetime import date

# code, name, unit, office (Unit.Function), kind, allows_tally, [(category code, name)]
INDICATORS = [
    ("egate_tax_business", "稅務電子閘門及工商電子閘門等電子認證查詢", "件", "secretariat", "monthly",
     False, [
         ("tax_property", "稅務電子閘門：財產資料"), ("tax_income", "稅務電子閘門：所得資料"),
         ("tax_arrears", "稅務電子閘門：欠稅資料"), ("company", "工商電子閘門：公司登記"),
         ("business", "工商電子閘門：商業登記"), ("household", "戶役政資料"),
         ("land", "地籍資料"), ("vehicle", "車籍資料"), ("labor_insurance", "勞保投保資料"),
         ("health_insurance", "健保投保資料"), ("entry_exit", "入出境資料"),
         ("securities", "集保有價證券資料"), ("deposits", "金融機構存款往來"),
         ("insurance_policies", "保險契約資料"), ("vehicle_fines", "監理罰鍰資料"),
         ("pension", "退休金給付資料"), ("employment", "就業保險資料"),
     ]),
    ("egate_accounting_epay", "會計室電子支付", "件", "accounting", "monthly", False, []),
    ("egate_procurement_eorder", "秘書室採購案件電子下訂", "件", "secretariat", "monthly", False, [
        ("joint_contract", "共同供應契約"), ("public_tender", "公開招標"),
    ]),
    ("egate_joint_contract_epay", "秘書室共同供應契約電子支付", "件", "secretariat", "monthly",
     False, []),
    ("egate_edocs", "電子公文", "件", "secretariat", "monthly", False, []),
    ("case_inquiries", "案件查詢受理件數", "件", "secretariat", "monthly", True, [
        ("onsite", "現場查詢"), ("phone", "電話查詢"), ("web", "網路查詢"), ("copy", "資料影印"),
    ]),
    ("web_visitors", "網站上網人數", "人次", "statistics", "running_total", False, []),
    ("cross_agency_meetings", "跨機關業務聯繫會議", "次", "secretariat", "monthly", False, []),
]

# code, name, max score (the maxima sum to 100)
COURTESY_ITEMS = [
    ("answer_speed", "接聽速度（鈴響三聲內接聽）", 15),
    ("greeting", "問候語及自報單位、姓名", 20),
    ("tone", "語氣及態度親切", 25),
    ("answer", "答詢正確、完整", 25),
    ("closing", "轉接、留言及結束禮貌", 15),
]
COURTESY_BANDS = [("優等", "90"), ("甲等", "80"), ("乙等", "70"), ("丙等", "0")]

LUNCH_DUTY_RATES = [(date(2015, 1, 1), 50, "1.0")]

TRANSFERRING_AGENCIES = [
    "財政部臺北國稅局", "財政部北區國稅局", "臺北市稅捐稽徵處", "新北市政府稅捐稽徵處",
    "衛生福利部中央健康保險署", "勞工保險局", "臺北市交通事件裁決所", "交通部公路總局臺北區監理所",
]


def load(apps) -> None:
    """Idempotent; run by the migration with the historical models."""
    Indicator = apps.get_model("ledgers", "Indicator")
    IndicatorCategory = apps.get_model("ledgers", "IndicatorCategory")
    for order, (code, name, unit, office, kind, tally, categories) in enumerate(INDICATORS):
        indicator, _ = Indicator.objects.get_or_create(code=code, defaults=dict(
            name=name, unit=unit, office=office, kind=kind, allows_tally=tally,
            sort_order=(order + 1) * 10))
        for position, (category_code, category_name) in enumerate(categories):
            IndicatorCategory.objects.get_or_create(
                indicator=indicator, code=category_code,
                defaults=dict(name=category_name, sort_order=position))
    CourtesyItem = apps.get_model("ledgers", "CourtesyItem")
    for order, (code, name, max_score) in enumerate(COURTESY_ITEMS):
        CourtesyItem.objects.get_or_create(code=code, defaults=dict(
            name=name, max_score=max_score, sort_order=order))
    CourtesyRatingBand = apps.get_model("ledgers", "CourtesyRatingBand")
    for label, min_score in COURTESY_BANDS:
        CourtesyRatingBand.objects.get_or_create(label=label, defaults=dict(min_score=min_score))
    LunchDutyRate = apps.get_model("ledgers", "LunchDutyRate")
    for effective_from, rate, hours in LUNCH_DUTY_RATES:
        LunchDutyRate.objects.get_or_create(effective_from=effective_from, defaults=dict(
            ntd_per_hour=rate, hours_per_shift=hours))
    TransferringAgency = apps.get_model("ledgers", "TransferringAgency")
    for order, name in enumerate(TRANSFERRING_AGENCIES):
        TransferringAgency.objects.get_or_create(name=name, defaults=dict(sort_order=order))
