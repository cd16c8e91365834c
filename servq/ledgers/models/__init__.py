"""The service activity ledgers, one module per subdomain."""

from .attitude import AttitudeAssessment, AttitudeReview
from .collections import Collection, CollectionTally
from .courtesy import CourtesyItem, CourtesyRatingBand, CourtesyScore, CourtesyTest
from .indicators import Indicator, IndicatorBaseline, IndicatorCategory, IndicatorValue
from .inspections import (Facility, FacilityInspection, InspectionChecklistItem, InspectionFinding,
                          InspectionRota)
from .links import LinkCheckResult, LinkCheckRun, WebLink
from .lunch import LunchDuty, LunchDutyRate
from .outreach import PublicWelfareActivity, Training
from .staffing import StationedStaff, TransferringAgency

__all__ = [
    "AttitudeAssessment", "AttitudeReview", "Collection", "CollectionTally", "CourtesyItem",
    "CourtesyRatingBand", "CourtesyScore", "CourtesyTest", "Facility", "FacilityInspection",
    "Indicator", "IndicatorBaseline", "IndicatorCategory", "IndicatorValue",
    "InspectionChecklistItem", "InspectionFinding", "InspectionRota", "LinkCheckResult",
    "LinkCheckRun", "LunchDuty", "LunchDutyRate",
    "PublicWelfareActivity", "StationedStaff", "Training", "TransferringAgency", "WebLink",
]
