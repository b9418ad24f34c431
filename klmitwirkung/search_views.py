"""The search page /suche/?q=: the form, the counts per kind, one page of hits.

A search is served from the page cache like the lists it searches (core.page_cache): the
same words, kind and page give the same page until content changes, for every visitor and
every citizen alike (nothing of the person shows but the header). A term searched for the
first time is worked out at once; popular terms, the ones people search for after a press
release, cost one cache read.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.page_cache import CONTENT, cache_public_page, every_citizen

from .search import COUNT_LIMIT, KINDS, MAX_QUERY_LENGTH, RESULTS_PER_PAGE, SEARCHED, search


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search term"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
        error_messages={
            "max_length": _(
                "Please search with fewer words: at most %(limit_value)d characters "
                "(you typed %(show_value)d)."
            )
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Everything"))] + [(kind.key, kind.label) for kind in SEARCHED],
    )


class SearchView(TemplateView):
    template_name = "search/results.html"
    # Projects, news, polls, proposals, comments, pages: a change saved in the admin renews
    # every page anyway; no votes are shown.
    page_cache_shows = [CONTENT]
    page_cache_audience = staticmethod(every_citizen)  # nothing of the person but the header

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        context["form"] = form
        if not form.is_valid():
            # A wrong kind is ignored; a term that is too long is not searched.
            text = "" if "q" in form.errors else form.cleaned_data.get("q", "")
            kind = ""
        else:
            text, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
        context.update(query=text, kind=KINDS.get(kind))
        if not text:
            return context
        found, hits = search(text, [kind] if kind else [])
        page = Paginator(hits, RESULTS_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            searched=True,
            total=sum(min(number, COUNT_LIMIT) for number in found.values()),
            # More than COUNT_LIMIT hits of a kind are counted only that far.
            more=any(number > COUNT_LIMIT for number in found.values()),
            kinds=[
                {
                    "kind": k,
                    "count": min(found[k.key], COUNT_LIMIT),
                    "more": found[k.key] > COUNT_LIMIT,
                }
                for k in SEARCHED
            ],
            page_obj=page,
            hits=page.object_list,
            filter_query=self.filter_query(text, kind),
        )
        return context

    def filter_query(self, text, kind):
        query = self.request.GET.copy()
        query.pop("page", None)
        query["q"] = text
        if kind:
            query["kind"] = kind
        else:
            query.pop("kind", None)
        return query.urlencode()


search_view = cache_public_page(require_GET(SearchView.as_view()), params=["q", "kind", "page"])
