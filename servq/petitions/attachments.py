"""Attachments: PDF, JPG or PNG, recognised by their first bytes (never by name or the
browser's word), no larger than settings.SERVQ_PETITION_ATTACHMENT_MAX_BYTES, stored under
MEDIA_ROOT with a random name and handed out only by an access-checked view."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MAX_FILES = 3
# (magic bytes, content type, extension)
SIGNATURES = [
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
]


def max_bytes() -> int:
    return settings.SERVQ_PETITION_ATTACHMENT_MAX_BYTES


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    original_name: str
    content_type: str
    extension: str
    size: int

    def stored_name(self) -> str:
        return f"{uuid.uuid4().hex}.{self.extension}"


def check_attachment(upload: UploadedFile) -> CheckedFile:
    """The upload as a CheckedFile, or ValidationError saying what is wrong with it."""
    name = (upload.name or "附件").rsplit("/", 1)[-1][:200]
    if upload.size > max_bytes():
        raise ValidationError(
            _("附件「%(name)s」有 %(size)s，超過上限 %(limit)s，請縮小或分開寄送。")
            % {"name": name, "size": _megabytes(upload.size), "limit": _megabytes(max_bytes())},
            code="too_large")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return CheckedFile(upload, name, content_type, extension, upload.size)
    raise ValidationError(
        _("附件「%(name)s」的內容不是 PDF、JPG 或 PNG 檔（系統依檔案內容判斷，不看副檔名），"
          "請改用這三種格式。") % {"name": name}, code="wrong_type")
