"""The JSON API: an agency's own systems create petitions and read their status.

Thin views over the petitions services. Answers carry no personal data and never a
whistleblower's identity: the token is a system, not a person entitled to read them.
"""

import json
from datetime import date
from functools import wraps

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from servq.core.audit import audit_record
from servq.core.models import Unit
from servq.petitions.models import Category, Petition
from servq.petitions.services import Intake, Petitioner, petition_receive

from .schema import API_CHANNELS, openapi_document
from .tokens import token_for_key

MAX_BODY = 64 * 1024


def _error(status: int, message: str, errors: dict | None = None) -> JsonResponse:
    body = {"error": message}
    if errors:
        body["errors"] = errors
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def token_required(view):
    """Authorization: Token sq_... ; the token must belong to the agency in the URL."""

    @wraps(view)
    def wrapper(request, agency, *args, **kwargs):
        scheme, _, key = request.headers.get("Authorization", "").partition(" ")
        token = token_for_key(key.strip()) if scheme.lower() in {"token", "bearer"} else None
        if token is None:
            response = _error(401, "缺少或無效的 API 金鑰。")
            response["WWW-Authenticate"] = 'Token realm="servq"'
            return response
        if token.agency.code != agency:
            return _error(404, "找不到此機關。")  # another agency's data is not revealed
        type(token).objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        request.api_token = token
        return view(request, token.agency, *args, **kwargs)

    return csrf_exempt(wrapper)


def petition_status(petition: Petition) -> dict:
    """What the API says about a petition: numbers, dates and status only."""
    today = timezone.localdate()
    return {
        "number": petition.number,
        "status": petition.status,
        "status_label": petition.get_status_display(),
        "channel": petition.channel,
        "category": petition.category.code,
        "received_on": petition.received_on.isoformat(),
        "due_on": petition.due_on.isoformat(),
        "replied_on": petition.replied_on.isoformat() if petition.replied_on else None,
        "closed_on": petition.closed_on.isoformat() if petition.closed_on else None,
        "assigned_unit": petition.assigned_unit.code if petition.assigned_unit_id else None,
        "overdue": petition.is_overdue(today),
        "events": [{"kind": kind, "date": day.isoformat()}
                   for kind, day in petition.events.values_list("kind", "happened_on")],
    }


def _limit(field: str) -> int:
    """The column's length, so what passes here fits the database."""
    return Petition._meta.get_field(field).max_length


def _text(data: dict, key: str, errors: dict, *, required=False, max_length=200,
          error_key: str | None = None) -> str:
    value = data.get(key, "")
    error_key = error_key or key
    if not isinstance(value, str):
        errors[error_key] = ["必須是字串。"]
        return ""
    if required and not value.strip():
        errors[error_key] = ["必填。"]
    elif len(value) > max_length:
        errors[error_key] = [f"最長 {max_length} 字。"]
    return value


def _petitioner(who: dict, errors: dict) -> Petitioner:
    """Each field named petitioner.<field> in the errors; the e-mail address checked as one."""
    values = {key: _text(who, key, errors, max_length=_limit(f"petitioner_{key}"),
                         error_key=f"petitioner.{key}")
              for key in ("name", "email", "phone", "address")}
    if values["email"].strip() and "petitioner.email" not in errors:
        try:
            validate_email(values["email"].strip())
        except ValidationError:
            errors["petitioner.email"] = ["電子郵件地址格式不正確。"]
    return Petitioner(**values)


def _flag(data: dict, key: str, errors: dict) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        errors[key] = ["必須是 true 或 false。"]
        return False
    return value


def _date(data: dict, key: str, errors: dict, *, error_key: str | None = None) -> date | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        errors[error_key or key] = ["日期格式應為 YYYY-MM-DD。"]
        return None


def _parse_create(agency, data: dict) -> tuple[dict, dict]:
    errors: dict[str, list[str]] = {}
    channel = data.get("channel")
    if channel not in API_CHANNELS:
        errors["channel"] = ["可用：" + "、".join(API_CHANNELS)]
    category = Category.objects.filter(code=data.get("category"), is_active=True).first()
    if category is None:
        errors["category"] = ["不認得的類別代碼。"]
    subject = _text(data, "subject", errors, required=True, max_length=_limit("subject"))
    content = _text(data, "content", errors, max_length=20000)
    who = data.get("petitioner") or {}
    forwarded = data.get("forwarded") or {}
    if not isinstance(who, dict) or not isinstance(forwarded, dict):
        errors["petitioner"] = ["petitioner 與 forwarded 必須是物件。"]
        who, forwarded = {}, {}
    section = None
    if data.get("section"):
        section = Unit.objects.filter(agency=agency, code=data["section"],
                                      kind=Unit.Kind.SECTION).first()
        if section is None:
            errors["section"] = ["本機關沒有這個股別代碼。"]
    key = _text(data, "idempotency_key", errors, max_length=64)
    intake = Intake(
        content=content, received_on=_date(data, "received_on", errors),
        petitioner=_petitioner(who, errors),
        section_hint=section, enforcement_case=_text(data, "enforcement_case", errors,
                                                      max_length=_limit("enforcement_case")),
        forwarded_by=_text(forwarded, "by", errors, max_length=_limit("forwarded_by"),
                           error_key="forwarded.by"),
        forwarded_ref=_text(forwarded, "ref", errors, max_length=_limit("forwarded_ref"),
                            error_key="forwarded.ref"),
        forwarded_on=_date(forwarded, "on", errors, error_key="forwarded.on"),
        whistleblower=_flag(data, "whistleblower", errors),
    )
    return dict(channel=channel, category=category, subject=subject, intake=intake,
                submission_key=f"api:{key}" if key else ""), errors


@require_http_methods(["POST"])
@token_required
def petitions_create(request, agency):
    if len(request.body) > MAX_BODY:
        return _error(413, "內容過大。")
    try:
        data = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error(400, "內容不是有效的 JSON。")
    if not isinstance(data, dict):
        return _error(400, "內容必須是 JSON 物件。")
    fields, errors = _parse_create(agency, data)
    if errors:
        return _error(400, "資料有誤。", errors)
    try:
        receipt = petition_receive(agency=agency, **fields)
    except ValidationError as error:
        messages = error.message_dict if hasattr(error, "error_dict") else \
            {"non_field_errors": error.messages}
        return _error(400, "資料有誤。", messages)
    body = petition_status(receipt.petition)
    if receipt.created:
        audit_record(action="api.petition_create", agency=agency, target=receipt.petition,
                     detail={"token": request.api_token.prefix})
        body["tracking_code"] = receipt.tracking_code
    return JsonResponse(body, status=201 if receipt.created else 200,
                        json_dumps_params={"ensure_ascii": False})


@require_GET
@token_required
def petition_detail(request, agency, number):
    petition = Petition.objects.select_related("category", "assigned_unit").filter(
        agency=agency, number=number.upper()).first()
    if petition is None:
        return _error(404, "找不到此案件。")
    return JsonResponse(petition_status(petition), json_dumps_params={"ensure_ascii": False})


@require_GET
def openapi(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
