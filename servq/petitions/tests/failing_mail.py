"""Mail backends whose server fails (the outside world failing, for the reminder tests)."""

from smtplib import SMTPRecipientsRefused

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

REFUSED_ADDRESS = "clerk@example.gov.tw"


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionError("mail server unreachable")


class RefusingOneRecipientBackend(LocmemBackend):
    """Delivers to mail.outbox, except a message to REFUSED_ADDRESS: refused as SMTP would."""

    def send_messages(self, messages):
        for message in messages:
            if REFUSED_ADDRESS in message.recipients():
                raise SMTPRecipientsRefused({REFUSED_ADDRESS: (550, b"mailbox unavailable")})
        return super().send_messages(messages)


class BrokenBackend(BaseEmailBackend):
    """Not the mail server failing but a bug on our side (a bad setting, a template error)."""

    def send_messages(self, email_messages):
        raise TypeError("a bug, not the mail server")
