"""Every write to a petition: receipt, assignment, contacts, extensions, replies, closing.

Callers (views, the API, commands) have already checked access through core.access; the
services enforce the domain's rules and record each step as a PetitionEvent.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from servq.core.access import Perm, has_perm
from servq.core.audit import audit_record
from servq.core.models import Agency, StaffMember, Unit

from . import mail, receipts
from .attachments import MAX_FILES, CheckedFile
from .deadlines import due_date
from .models import (
    Attachment, Category, Channel, ContactMethod, NewsReport, Petition, PetitionEvent,
    PressRelease, neutral_attachment_name,
)
from .numbering import format_number, reserve_serials
from .tracking import new_tracking_code
from .whistleblower import reporter_identity_store, reporter_protected


@dataclass(frozen=True)
class Petitioner:
    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class Receipt:
    petition: Petition
    tracking_code: str | None  # None when this submission had been saved before
    created: bool


@dataclass(frozen=True)
class Intake:
    """What arrives with a petition besides the required fields."""

    content: str = ""
    received_on: date | None = None
    petitioner: Petitioner = field(default_factory=Petitioner)
    section_hint: Unit | None = None
    enforcement_case: str = ""
    complained_officer: StaffMember | None = None
    forwarded_by: str = ""
    forwarded_ref: str = ""
    forwarded_on: date | None = None
    recorded_by: object | None = None
    attachments: tuple[CheckedFile, ...] = ()
    signed_record: CheckedFile | None = None
    whistleblower: bool = False  # marked by staff or the API as a whistleblower report


def _check_intake(agency: Agency, channel: str, category: Category, subject: str,
                  intake: Intake, received_on: date) -> None:
    errors: dict[str, str] = {}
    if channel not in Channel.values:
        errors["channel"] = "不認得的陳情管道。"
    if not category.is_active:
        errors["category"] = "此類別已停用。"
    if not subject.strip():
        errors["subject"] = "請填寫主旨。"
    if received_on > timezone.localdate():
        errors["received_on"] = "收件日不能晚於今天。"
    if len(intake.attachments) > MAX_FILES:
        errors["attachments"] = f"附件最多 {MAX_FILES} 個。"
    if channel == Channel.FORWARDED:
        if not (intake.forwarded_by and intake.forwarded_ref and intake.forwarded_on):
            errors["forwarded_ref"] = "上級機關函轉的案件，須填函轉機關、其文號及日期。"
        elif intake.forwarded_on > received_on:
            errors["forwarded_on"] = "函轉日期不能晚於收件日。"
    if channel == Channel.ORAL:
        if intake.recorded_by is None or not has_perm(intake.recorded_by,
                                                      Perm.PETITION_RECORD_ORAL, agency):
            errors["recorded_by"] = "口頭陳情須由政風室人員作成紀錄。"
        if intake.signed_record is None:
            errors["signed_record"] = "口頭陳情須上傳經陳情人簽名的紀錄掃描檔。"
    if intake.section_hint and (intake.section_hint.agency_id != agency.pk
                                or intake.section_hint.kind != Unit.Kind.SECTION):
        errors["section_hint"] = "承辦股必須是本機關的股。"
    if intake.complained_officer and intake.complained_officer.agency_id != agency.pk:
        errors["complained_officer"] = "被陳情人員必須是本機關人員。"
    if errors:
        raise ValidationError(errors)


@sensitive_variables("intake", "code", "fields", "email")
def petition_receive(*, agency: Agency, channel: str, category: Category, subject: str,
                     intake: Intake = Intake(), actor=None, submission_key: str = "",
                     request=None) -> Receipt:
    """Register a petition: number, deadline, tracking code, timeline, receipt mail.

    With a submission_key (the public form's token, the API's idempotency key) the same
    submission saves once: a repeat returns the first petition with created=False.
    The writes happen in one transaction (_save_new); the slow tracking-code hash runs
    before it, so the agency's number counter stays locked only briefly. The receipt mail
    goes after the commit and never fails the submission (receipts.receipt_send).
    """
    received_on = intake.received_on or timezone.localdate()
    _check_intake(agency, channel, category, subject, intake, received_on)
    if submission_key:
        earlier = Petition.objects.filter(agency=agency, submission_key=submission_key).first()
        if earlier is not None:
            return Receipt(earlier, None, created=False)
    code, code_hash = new_tracking_code()  # slow by design (a password hash): before locking
    fields = _new_petition_fields(agency, channel, category, subject, intake, received_on)
    fields.update(tracking_code_hash=code_hash, submission_key=submission_key,
                  created_by=_user(actor))
    try:
        petition = _save_new(fields, intake, actor)
    except IntegrityError:
        earlier = Petition.objects.filter(agency=agency, submission_key=submission_key).first() \
            if submission_key else None
        if earlier is None:
            raise
        return Receipt(earlier, None, created=False)  # a twin submission committed first
    email = intake.petitioner.email.strip()
    if email:
        transaction.on_commit(lambda: receipts.receipt_send(petition, to=email,
                                                            tracking_code=code, request=request))
    return Receipt(petition, code, created=True)


def _new_petition_fields(agency: Agency, channel: str, category: Category, subject: str,
                         intake: Intake, received_on: date) -> dict:
    who = intake.petitioner
    # A whistleblower is kept apart (ReporterIdentity), never on the petition.
    protected = reporter_protected(channel=channel, category=category,
                                   flagged=intake.whistleblower)
    on_petition = Petitioner() if protected else who
    received_at = timezone.now() if received_on == timezone.localdate() else \
        timezone.make_aware(datetime.combine(received_on, time(9, 0)))
    return dict(
        agency=agency, year=received_on.year, channel=channel, category=category,
        subject=subject.strip()[:200], content=intake.content.strip(),
        received_on=received_on, received_at=received_at, is_whistleblower_report=protected,
        due_on=due_date(agency=agency, category=category, received_on=received_on),
        section_hint=intake.section_hint, enforcement_case=intake.enforcement_case.strip(),
        complained_officer=intake.complained_officer, is_anonymous=not who.name.strip(),
        petitioner_name=on_petition.name.strip(), petitioner_email=on_petition.email.strip(),
        petitioner_phone=on_petition.phone.strip(),
        petitioner_address=on_petition.address.strip(),
        recorded_by=intake.recorded_by if channel == Channel.ORAL else None,
        forwarded_by=intake.forwarded_by.strip(), forwarded_ref=intake.forwarded_ref.strip(),
        forwarded_on=intake.forwarded_on,
    )


@transaction.atomic
def _save_new(fields: dict, intake: Intake, actor) -> Petition:
    agency, year = fields["agency"], fields["year"]
    serial = reserve_serials(agency=agency, year=year)[0]  # locks the agency's counter
    petition = Petition.objects.create(serial=serial,
                                       number=format_number(agency, year, serial), **fields)
    if petition.is_whistleblower_report:
        who = intake.petitioner
        reporter_identity_store(petition=petition, name=who.name.strip(),
                                email=who.email.strip(), phone=who.phone.strip(),
                                address=who.address.strip())
    PetitionEvent.objects.create(petition=petition, kind=PetitionEvent.Kind.RECEIVED,
                                 happened_on=petition.received_on, actor=_user(actor),
                                 summary=petition.get_channel_display())
    if intake.signed_record is not None:
        _store_files(petition, [intake.signed_record], Attachment.Kind.SIGNED_RECORD, actor)
    _store_files(petition, list(intake.attachments), Attachment.Kind.CITIZEN, actor)
    return petition


def _is_user(actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def _user(actor):
    return actor if _is_user(actor) else None


def _store_files(petition: Petition, files: list[CheckedFile], kind: str, actor) -> None:
    start = petition.attachments.count()
    for n, checked in enumerate(files, start=start + 1):
        # A file's own name may carry a person's name: it is personal data, and for a
        # whistleblower report it is not kept at all. Everyone else sees the neutral name.
        attachment = Attachment(petition=petition, kind=kind,
                                name=neutral_attachment_name(petition, n, checked.extension),
                                original_name="" if petition.is_whistleblower_report
                                else checked.original_name,
                                content_type=checked.content_type, size=checked.size,
                                uploaded_by=_user(actor))
        attachment.file.save(checked.stored_name(), checked.upload, save=False)
        attachment.save()


def _locked(petition: Petition) -> Petition:
    return Petition.objects.select_for_update().select_related("agency", "category") \
        .get(pk=petition.pk)


def _require_open(petition: Petition) -> None:
    if not petition.is_open:
        raise ValidationError("此案件已回覆或結案，不能再處理。")


def _open_petition(petition: Petition, on: date | None,
                   label: str = "日期") -> tuple[Petition, date]:
    """The petition locked for this change, still open, and the change's date (default today)."""
    petition = _locked(petition)
    _require_open(petition)
    on = on or timezone.localdate()
    _check_day(petition, on, label)
    return petition, on


def _check_day(petition: Petition, on: date, label: str = "日期") -> None:
    if on < petition.received_on:
        raise ValidationError({"on": f"{label}不能早於收件日。"})
    if on > timezone.localdate():
        raise ValidationError({"on": f"{label}不能晚於今天。"})


@transaction.atomic
def petition_assign(*, petition: Petition, unit: Unit, actor, user=None, note: str = "",
                    on: date | None = None, request=None) -> PetitionEvent:
    """First assignment (分案) or a transfer (改分) to a unit and optionally one handler."""
    petition, on = _open_petition(petition, on)
    if unit.agency_id != petition.agency_id or not unit.is_active:
        raise ValidationError({"unit": "承辦單位必須是本機關使用中的單位。"})
    if user is not None and not has_perm(user, Perm.PETITION_HANDLE, petition.agency):
        raise ValidationError({"user": "承辦人必須是本機關可處理陳情案件的人員。"})
    kind = PetitionEvent.Kind.TRANSFERRED if petition.assigned_unit_id else \
        PetitionEvent.Kind.ASSIGNED
    petition.assigned_unit, petition.assigned_user = unit, user
    if petition.status == Petition.Status.RECEIVED:
        petition.status = Petition.Status.ASSIGNED
    if unit.function == Unit.Function.ATTITUDE_COMMITTEE:
        petition.referred_to_committee = True
    if unit.kind == Unit.Kind.SECTION:
        petition.is_case_matter = True  # 改分陳字案
    petition.save(update_fields=["assigned_unit", "assigned_user", "status",
                                 "referred_to_committee", "is_case_matter"])
    event = PetitionEvent.objects.create(petition=petition, kind=kind, happened_on=on,
                                         actor=actor, to_unit=unit, to_user=user,
                                         summary=note.strip())
    # A mail server that is down must not undo the assignment (logged by Django).
    transaction.on_commit(lambda: mail.send_assignment_notice(petition, request=request),
                          robust=True)
    return event


@transaction.atomic
def petition_record_contact(*, petition: Petition, method: str, summary: str, actor,
                            on: date | None = None) -> PetitionEvent:
    """A call or letter to the petitioner telling them the progress (what was said)."""
    petition, on = _open_petition(petition, on, "聯繫日期")
    if method not in ContactMethod.values:
        raise ValidationError({"method": "請選擇聯繫方式。"})
    if not summary.strip():
        raise ValidationError({"summary": "請記載聯繫內容（告知陳情人的處理進度）。"})
    return PetitionEvent.objects.create(petition=petition, kind=PetitionEvent.Kind.CONTACTED,
                                        happened_on=on, actor=actor, method=method,
                                        summary=summary.strip())


@transaction.atomic
def petition_extend_deadline(*, petition: Petition, new_due_on: date, reason: str, approved_by,
                             notice_method: str, notice_on: date, actor) -> PetitionEvent:
    """A longer deadline: with a reason, who approved it, and how the petitioner was told."""
    petition = _locked(petition)
    _require_open(petition)
    errors = {}
    if new_due_on <= petition.due_on:
        errors["new_due_on"] = "新期限必須晚於目前的期限。"
    if not reason.strip():
        errors["reason"] = "請敘明展延理由。"
    if approved_by is None or not has_perm(approved_by, Perm.PETITION_ASSIGN, petition.agency):
        errors["approved_by"] = "核准人必須是本機關有分案權限的主管或研考人員。"
    if notice_method not in ContactMethod.values:
        errors["notice_method"] = "請選擇通知陳情人的方式。"
    if notice_on < petition.received_on or notice_on > timezone.localdate():
        errors["notice_on"] = "通知日期必須在收件日與今天之間。"
    if errors:
        raise ValidationError(errors)
    event = PetitionEvent.objects.create(
        petition=petition, kind=PetitionEvent.Kind.EXTENDED, happened_on=timezone.localdate(),
        actor=actor, summary=reason.strip(), previous_due_on=petition.due_on,
        new_due_on=new_due_on, approved_by=approved_by, notice_method=notice_method,
        notice_on=notice_on,
    )
    petition.due_on = new_due_on
    petition.save(update_fields=["due_on"])
    return event


@transaction.atomic
def petition_reply(*, petition: Petition, method: str, summary: str, actor,
                   on: date | None = None, close: bool = True) -> PetitionEvent:
    """The answer to the petitioner (letter, e-mail or phone); closes the case unless asked."""
    petition, on = _open_petition(petition, on, "回覆日期")
    if method not in ContactMethod.values:
        raise ValidationError({"method": "請選擇回覆方式。"})
    petition.replied_on, petition.reply_method = on, method
    petition.status = Petition.Status.REPLIED
    event = PetitionEvent.objects.create(petition=petition, kind=PetitionEvent.Kind.REPLIED,
                                         happened_on=on, actor=actor, method=method,
                                         summary=summary.strip())
    if close:
        petition.status, petition.closed_on = Petition.Status.CLOSED, on
        PetitionEvent.objects.create(petition=petition, kind=PetitionEvent.Kind.CLOSED,
                                     happened_on=on, actor=actor)
    petition.save(update_fields=["replied_on", "reply_method", "status", "closed_on"])
    return event


@transaction.atomic
def petition_close(*, petition: Petition, actor, on: date | None = None) -> PetitionEvent:
    petition = _locked(petition)
    if petition.status != Petition.Status.REPLIED:
        raise ValidationError("只有已回覆的案件可以結案。")
    on = on or timezone.localdate()
    _check_day(petition, on, "結案日期")
    if on < petition.replied_on:
        raise ValidationError({"on": "結案日期不能早於回覆日期。"})
    petition.status, petition.closed_on = Petition.Status.CLOSED, on
    petition.save(update_fields=["status", "closed_on"])
    return PetitionEvent.objects.create(petition=petition, kind=PetitionEvent.Kind.CLOSED,
                                        happened_on=on, actor=actor)


@transaction.atomic
def petition_register_not_processed(*, petition: Petition, reason: str, actor, note: str = "",
                                    repeat_of: Petition | None = None,
                                    on: date | None = None) -> PetitionEvent:
    """Registered without processing (存查): anonymous or contentless, repeated after a clear
    answer (linked to the earlier petition), or already sent to the competent agency."""
    petition, on = _open_petition(petition, on)
    if reason not in Petition.NotProcessedReason.values:
        raise ValidationError({"reason": "請選擇不予處理的理由。"})
    if reason == Petition.NotProcessedReason.REPEATED:
        if repeat_of is None:
            raise ValidationError({"repeat_of": "重複陳情須指明前案。"})
        if (repeat_of.agency_id != petition.agency_id or repeat_of.pk == petition.pk
                or repeat_of.received_on > petition.received_on):
            raise ValidationError({"repeat_of": "前案必須是本機關較早收件的另一案件。"})
    elif repeat_of is not None:
        raise ValidationError({"repeat_of": "只有重複陳情才連結前案。"})
    petition.status, petition.closed_on = Petition.Status.NOT_PROCESSED, on
    petition.not_processed_reason, petition.repeat_of = reason, repeat_of
    petition.save(update_fields=["status", "closed_on", "not_processed_reason", "repeat_of"])
    label = Petition.NotProcessedReason(reason).label
    summary = f"{label}。{note.strip()}" if note.strip() else label
    return PetitionEvent.objects.create(petition=petition,
                                        kind=PetitionEvent.Kind.NOT_PROCESSED, happened_on=on,
                                        actor=actor, summary=summary)


@transaction.atomic
def petition_attach(*, petition: Petition, files: list[CheckedFile], actor,
                    kind: str = Attachment.Kind.STAFF) -> None:
    petition = _locked(petition)
    _store_files(petition, files, kind, actor)


@transaction.atomic
def petition_set_officer(*, petition: Petition, officer: StaffMember | None, actor) -> None:
    """Record which staff member an attitude complaint is about (for the attitude reviews)."""
    petition = _locked(petition)
    if officer is not None and officer.agency_id != petition.agency_id:
        raise ValidationError({"complained_officer": "被陳情人員必須是本機關人員。"})
    petition.complained_officer = officer
    petition.save(update_fields=["complained_officer"])


@transaction.atomic
def media_entry_save(*, entry: NewsReport | PressRelease, actor) -> None:
    """A media-ledger row (news report or press release), audited."""
    entry.full_clean()
    created = entry.pk is None
    entry.save()
    audit_record(action="media.create" if created else "media.change", actor=actor,
                 agency=entry.agency, target=entry)
