"""The OpenAPI 3.1 document of the API, written by hand (three operations) and checked by
servq/api/tests/test_openapi.py against the URL patterns and real answers."""

from servq.petitions.models import Channel, Petition, PetitionEvent

API_CHANNELS = [c for c in Channel.values if c != Channel.ORAL]  # oral needs a signed record

DATE = {"type": "string", "format": "date"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}


def _status_schema() -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["number", "status", "status_label", "channel", "category", "received_on",
                     "due_on", "replied_on", "closed_on", "assigned_unit", "overdue", "events"],
        "properties": {
            "number": {"type": "string", "description": "文號／案號，例如 SLY104000123"},
            "status": {"type": "string", "enum": Petition.Status.values},
            "status_label": {"type": "string"},
            "channel": {"type": "string", "enum": Channel.values},
            "category": {"type": "string", "description": "類別代碼（case、attitude …）"},
            "received_on": DATE,
            "due_on": DATE,
            "replied_on": NULLABLE_DATE,
            "closed_on": NULLABLE_DATE,
            "assigned_unit": {"type": ["string", "null"], "description": "承辦單位代碼"},
            "overdue": {"type": "boolean"},
            "events": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["kind", "date"],
                "properties": {"kind": {"type": "string", "enum": PetitionEvent.Kind.values},
                               "date": DATE}}},
            "tracking_code": {"type": "string",
                              "description": "民眾查詢碼；只在新建時（201）回傳一次"},
        },
    }


def _error_schema() -> dict:
    return {
        "type": "object", "additionalProperties": False, "required": ["error"],
        "properties": {
            "error": {"type": "string"},
            "errors": {"type": "object",
                       "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        },
    }


def _length(field: str) -> dict:
    return {"type": "string", "maxLength": Petition._meta.get_field(field).max_length}


def _create_schema() -> dict:
    text = {"type": "string"}
    return {
        "type": "object",
        "required": ["channel", "category", "subject"],
        "properties": {
            "channel": {"type": "string", "enum": API_CHANNELS},
            "category": {"type": "string", "description": "類別代碼"},
            "subject": _length("subject"),
            "content": text,
            "received_on": {**DATE, "description": "收件日；省略為今天"},
            "petitioner": {"type": "object", "properties": {
                "name": _length("petitioner_name"),
                "email": {**_length("petitioner_email"), "format": "email"},
                "phone": _length("petitioner_phone"), "address": _length("petitioner_address")},
                "description": "陳情人；公益揭弊檢舉的檢舉人資料另行隔離保存，任何回應都不會包含"},
            "whistleblower": {"type": "boolean", "default": False,
                              "description": "公益揭弊檢舉（廉政信箱及「廉政檢舉」類別一律視為是）："
                                             "檢舉人資料隔離保存，僅政風室敘明理由後可查閱"},
            "section": {"type": "string", "description": "承辦股代碼（涉及執行案件時）"},
            "enforcement_case": _length("enforcement_case"),
            "forwarded": {"type": "object", "properties": {
                "by": _length("forwarded_by"), "ref": _length("forwarded_ref"), "on": DATE},
                "description": "上級機關函轉時必填"},
            "idempotency_key": {"type": "string", "maxLength": 64,
                                "description": "同一值重送只會建立一次（例如公文系統的收文號）"},
        },
    }


def openapi_document() -> dict:
    agency = {"name": "agency", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "機關代碼，須與金鑰所屬機關相同"}
    status = {"$ref": "#/components/schemas/PetitionStatus"}
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    as_json = lambda schema: {"application/json": {"schema": schema}}  # noqa: E731
    return {
        "openapi": "3.1.0",
        "info": {"title": "servq 陳情案件 API", "version": "1.0.0",
                 "description": "機關的公文系統以本機關的金鑰建立陳情案件、查詢處理狀態。"
                                "回應不含個人資料。"},
        "servers": [{"url": "/api"}],
        "security": [{"token": []}],
        "paths": {
            "/v1/{agency}/petitions/": {"post": {
                "operationId": "createPetition", "summary": "登錄陳情案件",
                "parameters": [agency],
                "requestBody": {"required": True, "content": as_json(
                    {"$ref": "#/components/schemas/PetitionCreate"})},
                "responses": {
                    "201": {"description": "已建立", "content": as_json(status)},
                    "200": {"description": "同一 idempotency_key 已建立過", "content": as_json(status)},
                    "400": {"description": "資料有誤", **error},
                    "401": {"description": "金鑰無效", **error},
                    "404": {"description": "金鑰不屬於此機關", **error},
                    "413": {"description": "內容過大", **error},
                }}},
            "/v1/{agency}/petitions/{number}/": {"get": {
                "operationId": "getPetition", "summary": "查詢陳情案件狀態",
                "parameters": [agency, {"name": "number", "in": "path", "required": True,
                                        "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "案件狀態", "content": as_json(status)},
                    "401": {"description": "金鑰無效", **error},
                    "404": {"description": "找不到", **error},
                }}},
            "/openapi.json": {"get": {
                "operationId": "openapi", "summary": "本文件", "security": [],
                "responses": {"200": {"description": "OpenAPI 文件"}}}},
        },
        "components": {
            "securitySchemes": {"token": {
                "type": "apiKey", "in": "header", "name": "Authorization",
                "description": "Token sq_xxxxxxxx_…（python manage.py create_api_token 產生）"}},
            "schemas": {"PetitionStatus": _status_schema(), "Error": _error_schema(),
                        "PetitionCreate": _create_schema()},
        },
    }
