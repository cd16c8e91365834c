"""The English catalogue: every Chinese msgid has English, and the compiled .mo is in use."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_it_has_english_for_every_message():
    text = PO.read_text(encoding="utf-8")
    entries = [block for block in text.split("\n\n") if 'msgid "' in block][1:]
    untranslated = [block for block in entries
                    if re.search(r'^msgstr(\[0\])? ""\n?(?!")', block + "\n", re.M)]
    assert untranslated == []
    assert "#, fuzzy" not in text


def test_it_uses_the_compiled_catalogue():
    """Fails if make setup did not compile locale/en/LC_MESSAGES/django.mo."""
    with translation.override("en"):
        assert translation.gettext("跳到主要內容") == "Skip to main content"
        assert translation.gettext("最新消息") == "News"
