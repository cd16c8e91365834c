"""The public site: every page of an agency under /<lang>/<agency>/ (anonymous, read-only)."""

from functools import wraps
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from servq.core import ratelimit
from servq.core.audit import client_ip
from servq.core.models import Agency

from . import selectors
from .forms import PaymentGuideForm
from .frame import render_site
from .models import DisclosureEntry, FaqEntry, NewsItem, Page, SearchDocument
from .payment import payment_advice
from .search import PAGE_SIZE, excerpt, highlight, search_documents

NEWS_PAGE_SIZE = 20
SEARCH_LIMIT_PER_MINUTE = 60


def public_page(view):
    """Resolve the agency in the URL (404 if unknown) and give the view `agency`."""

    @wraps(view)
    def wrapper(request, agency, *args, **kwargs):
        return view(request, selectors.public_agency(agency), *args, **kwargs)

    return require_GET(wrapper)


@require_GET
def index(request):
    """The entry page: every branch's public site."""
    agencies = Agency.objects.all()
    return render(request, "portal/index.html", {"agencies": agencies})


@public_page
def home(request, agency):
    news = NewsItem.objects.filter(agency=agency, published_on__lte=timezone.localdate())[:5]
    return render_site(request, agency, "portal/home.html", {"news": news, "current": "home"})


@public_page
def page(request, agency, slug):
    item = get_object_or_404(Page, agency=agency, slug=slug)
    current = "service" if slug == Page.Slug.SERVICE_GUIDE else slug
    return render_site(request, agency, "portal/page.html", {"page": item, "current": current})


@public_page
def news_list(request, agency):
    items = NewsItem.objects.filter(agency=agency, published_on__lte=timezone.localdate())
    page_obj = Paginator(items, NEWS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render_site(request, agency, "portal/news_list.html",
                       {"page_obj": page_obj, "current": "news"})


@public_page
def news_detail(request, agency, pk):
    item = get_object_or_404(NewsItem, agency=agency, pk=pk,
                             published_on__lte=timezone.localdate())
    return render_site(request, agency, "portal/news_detail.html",
                       {"item": item, "current": "news"})


@public_page
def faq(request, agency):
    entries = FaqEntry.objects.filter(agency=agency)
    return render_site(request, agency, "portal/faq.html", {"entries": entries, "current": "faq"})


@public_page
def sitemap(request, agency):
    pages = Page.objects.filter(agency=agency).order_by("slug")
    return render_site(request, agency, "portal/sitemap.html", {
        "pages": pages, "app_pages": selectors.site_map_pages(agency), "current": "sitemap",
    })


@public_page
def disclosure_list(request, agency):
    return render_site(request, agency, "portal/disclosure_list.html", {
        "categories": selectors.disclosure_by_category(agency), "current": "disclosure",
    })


@public_page
def disclosure_detail(request, agency, pk):
    entry = get_object_or_404(DisclosureEntry, agency=agency, pk=pk)
    return render_site(request, agency, "portal/disclosure_detail.html",
                       {"entry": entry, "current": "disclosure"})


def _download(field_file, filename: str):
    if not field_file or not field_file.name:
        raise Http404("no file")
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("file missing") from None
    return FileResponse(handle, as_attachment=True, filename=filename)


@public_page
def disclosure_attachment(request, agency, pk):
    entry = get_object_or_404(DisclosureEntry, agency=agency, pk=pk)
    suffix = entry.attachment.name.rsplit(".", 1)[-1] if entry.attachment else ""
    name = entry.attachment_name or f"{entry.title_zh}.{suffix}"
    return _download(entry.attachment, name)


@public_page
def forms_list(request, agency):
    forms = selectors.offered_forms(agency)
    return render_site(request, agency, "portal/forms.html", {"forms": forms, "current": "forms"})


@public_page
def form_download(request, agency, pk, fmt):
    if fmt not in {"odt", "pdf"}:
        raise Http404("no such format")
    form = get_object_or_404(selectors.offered_forms(agency), pk=pk)
    return _download(getattr(form, f"{fmt}_file"), f"{form.name}.{fmt}")


@public_page
def payment_guide(request, agency):
    form = PaymentGuideForm(request.GET or None)
    advice = None
    if form.is_bound and form.is_valid():
        advice = payment_advice(
            amount=form.cleaned_data["amount"], category_code=form.cleaned_data["category"],
            on=timezone.localdate(), cannot_pay_at_once=form.cleaned_data["cannot_pay_at_once"],
        )
    return render_site(request, agency, "portal/payment.html",
                       {"form": form, "advice": advice, "current": "payment"})


def _search(request, agency: Agency | None):
    q = request.GET.get("q", "")[:200]
    kinds = [k for k in request.GET.getlist("kind") if k in SearchDocument.Kind.values]
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1
    context = {"q": q, "kinds": kinds, "current": "search", "kind_choices": SearchDocument.Kind}
    if q.strip():
        if not ratelimit.hit(f"portal.search:{client_ip(request)}",
                             limit=SEARCH_LIMIT_PER_MINUTE, window=60).allowed:
            template = "portal/search.html" if agency else "portal/search_all.html"
            context["rate_limited"] = True
            if agency is None:
                return render(request, template, context, status=429)
            return render_site(request, agency, template, context, status=429)
        outcome = search_documents(q=q, language=translation.get_language(), agency=agency,
                                   kinds=kinds, page=page_number)
        context["outcome"] = outcome
        context["hits"] = [{
            "doc": doc,
            "title": highlight(doc.title, outcome.terms),
            "excerpt": excerpt(doc.body, outcome.terms),
        } for doc in outcome.results]
        context["first_rank"] = (outcome.page - 1) * PAGE_SIZE + 1
        base = {"q": q, "kind": kinds}
        context["prev_url"] = ("?" + urlencode({**base, "page": outcome.page - 1}, doseq=True)
                               if outcome.page > 1 else "")
        context["next_url"] = ("?" + urlencode({**base, "page": outcome.page + 1}, doseq=True)
                               if outcome.page < outcome.pages else "")
    if agency is None:
        context["agencies"] = Agency.objects.all()
        return render(request, "portal/search_all.html", context)
    return render_site(request, agency, "portal/search.html", context)


@public_page
def search(request, agency):
    return _search(request, agency)


@require_GET
def search_all(request):
    return _search(request, None)


@require_GET
def search_redirect(request):
    """GET /search/?q=TERM[&agency=sly]: to the language-prefixed search page."""
    query = request.GET.copy()
    code = query.pop("agency", [None])[-1]
    language = translation.get_language_from_request(request)
    with translation.override(language):
        if code and Agency.objects.filter(code=code).exists():
            target = reverse("portal:search", kwargs={"agency": code})
        else:
            target = reverse("portal:search-all")
    return redirect(f"{target}?{query.urlencode()}" if query else target)
