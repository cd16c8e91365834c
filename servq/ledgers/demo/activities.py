"""Demo stationed staff, trainings, public-welfare activities, inspections and web links."""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from servq.core.models import Agency, StaffMember

from ..linkcheck import LinkOutcome
from ..models import (Facility, FacilityInspection, InspectionFinding, InspectionRota,
                      PublicWelfareActivity, StationedStaff, Training, TransferringAgency, WebLink)
from ..services.inspections import (facility_inspection_save, inspection_finding_save,
                                    inspection_rota_generate)
from ..services.links import link_check_claim, link_check_finish
from ..services.records import record_save
from .weblinks import WEB_LINKS

# The seed: 臺北國稅局 12, 北區國稅局 3, 臺北市稅捐處 6, 新北市稅捐處 2, 健保署 5, 勞保局 5.
STATIONED = [("財政部臺北國稅局", 12, date(2007, 3, 1)), ("財政部北區國稅局", 3, date(2009, 7, 1)),
             ("臺北市稅捐稽徵處", 6, date(2008, 1, 2)), ("新北市政府稅捐稽徵處", 2, date(2011, 1, 3)),
             ("衛生福利部中央健康保險署", 5, date(2010, 9, 1)), ("勞工保險局", 5, date(2012, 1, 2))]

# The seed's trainings of 2015 H1 (date, topic, speaker); attendance and hours are made up.
TRAININGS = [
    (date(2015, 1, 19), "法務部行政執行署辦公廳舍公共藝術設置案", "羅傑藝術團隊", 38, "2"),
    (date(2015, 2, 13), "廉政案例", "臺灣花蓮地方法院檢察署檢察長林錦村", 62, "2"),
    (date(2015, 3, 4), "區分所有建物基地(法定空地)拍賣實例", "士林分署(庚股)李欣璋書記官", 71, "3"),
    (date(2015, 3, 18), "心靈生活的新知", "鄭石岩", 55, "2"),
    (date(2015, 3, 27), "危機管理分析與應用", "國立高雄師範大學林文寶教授", 47, "2"),
    (date(2015, 5, 6), "毒品危害與防治", "臺灣士林地方法院檢察署林主任檢察官", 52, "2"),
    (date(2015, 5, 11), "全球體系結構變遷之政經分析", "國立中興大學蔡東杰教授", 44, "2"),
    (date(2015, 6, 10), "職場舒壓與疾病預防", "康寧醫院衛教部蔡華星主任", 58, "1.5"),
    (date(2015, 6, 16), "公家機構職工優惠退休專案說明會", "晨陽保險經紀公司姜俊任", 36, "1.5"),
]
# The seed: courses are open to the Taipei, New Taipei and Taoyuan branches.
INVITED = ["tpy", "pcy", "tyy"]

# The seed's public-welfare activities of 2015.
WELFARE = [
    dict(first_day=date(2015, 2, 2), last_day=date(2015, 2, 2), title="愛心關懷獨居老人",
         partner="華山基金會", person_hours=32),
    dict(first_day=date(2015, 2, 12), last_day=date(2015, 2, 12),
         title="第25屆吃飽30寒士暨獨居長輩清寒單媽及社會邊緣人尾牙", person_hours=80),
    dict(first_day=date(2015, 2, 1), last_day=date(2015, 2, 28), dated_by="month",
         title="104年替代役役男愛心關懷學童寒假課輔"),
    dict(first_day=date(2015, 2, 5), last_day=date(2015, 2, 5), title="捐血", participants=10,
         donors=10, bags=14, cc=5000),
    dict(first_day=date(2015, 1, 1), last_day=date(2015, 6, 30), dated_by="month",
         title="協助清理辦公廳舍周邊環境", person_hours=1173),
]

FACILITIES = ["樓層配置圖", "冷氣", "盥洗室", "愛心鈴", "無障礙廁所", "育嬰室", "輪椅", "全自動式血壓計",
              "老花眼鏡", "舒適座椅", "宣導單", "為民服務工作手冊", "書報雜誌", "飲水機", "投幣式公共電話",
              "電腦查詢服務", "服務標示"]
# (week number from 2015-01-05, facility, defect, days to request repair, days to fix)
DEFECTS = [(3, "冷氣", "二樓等候區冷氣出風量不足", 0, 6), (9, "飲水機", "一樓飲水機濾心逾期未更換", 1, 3),
           (14, "輪椅", "服務台輪椅左輪胎氣不足", 0, 1), (19, "老花眼鏡", "服務台老花眼鏡少一副", 0, 2),
           (24, "愛心鈴", "無障礙廁所愛心鈴無聲響", 0, None)]


def _aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def _stationed(agency: Agency, actor) -> None:
    names = {t.name: t for t in TransferringAgency.objects.all()}
    for name, headcount, since in STATIONED:
        record_save(agency=agency, instance=StationedStaff(), actor=actor, data=dict(
            sending_agency=names[name], headcount=headcount, from_date=since))


def _outreach(agency: Agency, actor) -> None:
    invited = list(Agency.objects.filter(code__in=INVITED))
    for held_on, topic, speaker, attendees, hours in TRAININGS:
        record_save(agency=agency, instance=Training(), actor=actor, data=dict(
            held_on=held_on, topic=topic, speaker=speaker, attendees=attendees,
            hours=Decimal(hours), invited_agencies=invited))
    for activity in WELFARE:
        record_save(agency=agency, instance=PublicWelfareActivity(), actor=actor, data=activity)


def _inspections(agency: Agency, actor) -> None:
    for order, name in enumerate(FACILITIES):
        Facility.objects.get_or_create(agency=agency, name=name, defaults={"sort_order": order})
    inspectors = list(StaffMember.objects.filter(agency=agency, is_active=True).filter(
        title__in=["行政執行官", "秘書室主任", "人事室主任", "政風室主任", "會計室主任", "統計室主任"]))
    first = date(2015, 1, 5)
    inspection_rota_generate(agency=agency, first_week=first, weeks=26, inspectors=inspectors,
                             actor=actor)
    checklist = list(Facility.objects.filter(agency=agency, is_active=True))
    facilities = {f.name: f for f in checklist}
    defects = {week: rest for week, *rest in DEFECTS}
    rng = random.Random(7)
    for rota in InspectionRota.objects.filter(agency=agency, week_start__year=2015):
        week = (rota.week_start - first).days // 7
        day = rota.week_start + timedelta(days=rng.randrange(1, 4))  # Tuesday to Thursday
        inspection = facility_inspection_save(
            agency=agency, instance=FacilityInspection(), actor=actor,
            data=dict(inspected_on=day, inspector=rota.inspector, facilities=checklist))
        if week in defects:
            name, text, request_after, fixed_after = defects[week]
            inspection_finding_save(
                agency=agency, instance=InspectionFinding(), actor=actor, data=dict(
                    inspection=inspection, facility=facilities[name], defect=text,
                    repair_requested_on=day + timedelta(days=request_after),
                    fixed_on=day + timedelta(days=fixed_after) if fixed_after is not None
                    else None))


def _links(agency: Agency, actor) -> None:
    for order, (title, url) in enumerate(WEB_LINKS):
        record_save(agency=agency, instance=WebLink(), actor=actor,
                    data=dict(title=title, url=url, sort_order=order))
    links = list(WebLink.objects.filter(agency=agency, is_active=True))
    rng = random.Random(94)
    # The quarterly checks (the seed: 每季查核): March found one site down, June found all up.
    for day, down in ((date(2015, 3, 27), {"Yam"}), (date(2015, 6, 26), set())):
        run = link_check_claim(agency=agency, actor=actor, now=_aware(day, time(9, 30)))
        outcomes = [LinkOutcome(link.url, link.title not in down,
                                None if link.title in down else 200,
                                "" if link.title in down else link.url, rng.randint(60, 900),
                                "逾時未回應" if link.title in down else "")
                    for link in links]
        link_check_finish(run=run, links=links, outcomes=outcomes,
                          finished_at=_aware(day, time(9, 31)))


def load(agency: Agency, actor) -> str:
    if StationedStaff.objects.filter(agency=agency).exists():
        return ""
    _stationed(agency, actor)
    _outreach(agency, actor)
    _inspections(agency, actor)
    _links(agency, actor)
    return (f"{len(STATIONED)} stationed postings, {len(TRAININGS)} trainings, "
            f"{len(WELFARE)} welfare activities, 26 weeks of inspections, {len(WEB_LINKS)} links")
