"""Staff roles. A role is held in one agency (a Membership); access.py maps roles to permissions."""

from django.db import models


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", "秘書室（研考）"
    ETHICS = "ethics", "政風室"
    STATISTICS = "statistics", "統計室"
    PERSONNEL = "personnel", "人事室"
    ACCOUNTING = "accounting", "會計室"
    SECTION_CLERK = "section_clerk", "執行股"
    ATTITUDE_COMMITTEE = "attitude_committee", "執行態度考核小組"
    FRONT_DESK = "front_desk", "服務台／志工"
    DIRECTOR = "director", "分署長"
    HQ_AUDITOR = "hq_auditor", "署本部稽核（各分署唯讀）"
    SYSADMIN = "sysadmin", "系統管理者"
