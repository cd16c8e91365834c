"""Writes to the public site's content. Each keeps the search index in the same transaction
and leaves an audit record (who changed which public text, when)."""

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from servq.core.audit import audit_record
from .models import DisclosureEntry, DownloadForm, FaqEntry, NewsItem, Page, SiteProfile
from .search_index import index_item, unindex_item

CONTENT_MODELS = (Page, NewsItem, FaqEntry, DisclosureEntry, DownloadForm)


def _remove_file_after_commit(field_file) -> None:
    """Delete a replaced upload only once the new one is committed (a rollback keeps it)."""
    if field_file and field_file.name:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


FILE_FIELDS = ("attachment", "odt_file", "pdf_file")


def _file_fields(item: Model) -> list[str]:
    return [name for name in FILE_FIELDS if hasattr(item, name)]


@transaction.atomic
def content_save(*, item: Model, actor=None, request=None) -> Model:
    """Create or update a content item (validated by its form) and re-index it.

    A replaced upload is deleted from storage once the change is committed; replacing a
    form's ODT or PDF file dates the form's `replaced_on` today.
    """
    if not isinstance(item, CONTENT_MODELS):
        raise TypeError(f"not public-site content: {type(item).__name__}")
    created = item.pk is None
    if not created:
        before = type(item).objects.filter(pk=item.pk).first()
        for name in _file_fields(item):
            old = getattr(before, name) if before else None
            if old and old.name != getattr(item, name).name:
                _remove_file_after_commit(old)
                if isinstance(item, DownloadForm):
                    item.replaced_on = timezone.localdate()
    item.full_clean()
    item.save()
    index_item(item)
    audit_record(
        action=f"portal.{type(item).__name__.lower()}.{'create' if created else 'update'}",
        actor=actor, request=request, agency=item.agency, target=item,
    )
    return item


@transaction.atomic
def content_delete(*, item: Model, actor=None, request=None) -> None:
    unindex_item(item)
    for name in _file_fields(item):
        _remove_file_after_commit(getattr(item, name))
    audit_record(action=f"portal.{type(item).__name__.lower()}.delete", actor=actor,
                 request=request, agency=item.agency, target=item,
                 detail={"title": str(item)})
    item.delete()


@transaction.atomic
def site_profile_save(*, profile: SiteProfile, actor=None, request=None) -> SiteProfile:
    profile.full_clean()
    profile.save()
    audit_record(action="portal.siteprofile.update", actor=actor, request=request,
                 agency=profile.agency, target=profile)
    return profile
