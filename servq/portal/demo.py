"""Shilin's public site for the demo (safe to run twice: items are found by their names)."""

from datetime import date, time

from django.core.files.base import ContentFile
from django.db import transaction

from servq.core.models import Agency

from . import demo_content as content
from .form_files import form_odt, form_pdf
from .models import DisclosureEntry, DownloadForm, FaqEntry, NewsItem, Page, SiteProfile
from .search_index import search_index_rebuild
from .services import content_save, site_profile_save

DEMO_UPDATED = date(2015, 6, 30)


@transaction.atomic
def load(*, stdout=None) -> None:
    sly = Agency.objects.get(code="sly")
    profile = SiteProfile.objects.filter(agency=sly).first() or SiteProfile(agency=sly)
    for field, value in content.PROFILE.items():
        setattr(profile, field, value)
    profile.lunch_start, profile.lunch_end = time(12, 30), time(13, 30)
    site_profile_save(profile=profile)

    for slug, texts in content.PAGES.items():
        page = Page.objects.filter(agency=sly, slug=slug).first() or Page(agency=sly, slug=slug)
        _assign(page, texts, updated_on=DEMO_UPDATED)
        content_save(item=page)

    for published_on, title_zh, title_en in content.NEWS:
        body_zh, body_en = content.news_body(title_zh, title_en)
        item = NewsItem.objects.filter(agency=sly, title_zh=title_zh).first() or NewsItem(
            agency=sly)
        _assign(item, dict(title_zh=title_zh, title_en=title_en, body_zh=body_zh,
                           body_en=body_en), published_on=published_on)
        content_save(item=item)

    for order, (q_zh, q_en, a_zh, a_en) in enumerate(content.FAQ, start=1):
        entry = FaqEntry.objects.filter(agency=sly, question_zh=q_zh).first() or FaqEntry(
            agency=sly)
        _assign(entry, dict(question_zh=q_zh, question_en=q_en, answer_zh=a_zh, answer_en=a_en),
                sort_order=order, updated_on=DEMO_UPDATED)
        content_save(item=entry)

    for category, t_zh, t_en, b_zh, published_on, with_file in content.DISCLOSURE:
        entry = DisclosureEntry.objects.filter(agency=sly, title_zh=t_zh).first() or \
            DisclosureEntry(agency=sly)
        _assign(entry, dict(title_zh=t_zh, title_en=t_en, body_zh=b_zh), category=category,
                published_on=published_on, updated_on=published_on)
        if with_file and not entry.attachment:
            entry.attachment.save(f"sly-disclosure-{category}.pdf", ContentFile(
                form_pdf(agency_name=sly.name, form_name=t_zh)), save=False)
            entry.attachment_name = f"{t_zh}.pdf"
        content_save(item=entry)

    for order, (name_zh, name_en) in enumerate(content.FORM_NAMES, start=1):
        form = DownloadForm.objects.filter(agency=sly, name_zh=name_zh).first() or \
            DownloadForm(agency=sly, name_zh=name_zh)
        _assign(form, dict(name_en=name_en), sort_order=order,
                offered_from=content.FORMS_OFFERED_FROM)
        if not form.odt_file:
            form.odt_file.save(f"sly-form-{order:02d}.odt", ContentFile(
                form_odt(agency_name=sly.name, form_name=name_zh)), save=False)
            form.pdf_file.save(f"sly-form-{order:02d}.pdf", ContentFile(
                form_pdf(agency_name=sly.name, form_name=name_zh)), save=False)
            form.replaced_on = DEMO_UPDATED
        content_save(item=form)

    documents = search_index_rebuild()
    if stdout is not None:
        stdout.write(f"portal: 士林分署公開網站內容（{len(content.NEWS)} 則消息、"
                     f"{len(content.FORM_NAMES)} 種書表），搜尋索引 {documents} 筆")


def _assign(item, texts: dict, **fields) -> None:
    for name, value in {**texts, **fields}.items():
        setattr(item, name, value)
