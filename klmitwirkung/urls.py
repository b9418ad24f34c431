"""Root URLs: German, readable and stable; every one of them is a promise to keep."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.page_cache import cache_public_page

from . import image_credits, share_cards, views
from .search_views import search_view

admin.site.site_header = _("KLmitWirkung – Administration")
admin.site.site_title = _("KLmitWirkung – Administration")
admin.site.index_title = _("Overview")
# Staff sign in like everyone else, through allauth with its rate limits.
admin.site.login = secure_admin_login(admin.site.login)

handler500 = views.server_error

# Addresses for machines stay outside the language prefix.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # For the load benchmark: what every page for a signed-in visitor costs at the least.
    path("healthz/session", views.healthz_session, name="healthz_session"),
    path("readyz", views.readyz, name="readyz"),
    # Map tiles are the same in every language.
    path("", include("maps.urls")),
]

# Every page in German at its address without a prefix (every address ever shared keeps
# working) and in English under /en/; the language is in the address, never in a cookie.
urlpatterns += i18n_patterns(
    # The start page shows participation figures too; for visitors who are not signed in
    # they may be up to PAGE_CACHE_SECONDS old, so that it stays fast while a vote is on.
    path("", cache_public_page(views.HomeView.as_view()), name="home"),
    path("admin/", admin.site.urls),
    path("konto/", include("accounts.urls")),
    path("konto/", include("klmitwirkung.privacy_urls")),
    path("konto/", include("allauth.urls")),
    # A project's formats live under its address.
    path("projekte/<slug:project>/karte/", include("mapconsultations.urls")),
    path("projekte/<slug:project>/dokumente/", include("documents.urls")),
    path("projekte/<slug:project>/ideenwettbewerb/", include("proposals.contest_urls")),
    path("projekte/", include("projects.urls")),
    path("abstimmungen/", include("polls.urls")),
    path("termine/", include("events.urls")),
    path("vorhaben/", include("plans.urls")),
    path("vorschlaege/", include("proposals.urls")),
    path("kommentare/", include("comments.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("suche/", search_view, name="search"),
    path(
        "bildnachweis/",
        cache_public_page(image_credits.ImageCreditsView.as_view()),
        name="image_credits",
    ),
    # The preview image of a page without a picture of its own, in the page's language.
    path("teilen/<str:kind>/<int:pk>.png", share_cards.share_card, name="share_card"),
    # Pages that editors maintain (/impressum/, /datenschutz/, ...) come last.
    path("", include("pages.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
