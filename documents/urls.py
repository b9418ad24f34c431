from django.urls import path

from core.page_cache import cache_public_page
from core.parameters import THREAD_PAGE

from . import views

app_name = "documents"

urlpatterns = [
    path(
        "<slug:slug>/",
        cache_public_page(views.DocumentView.as_view(), params=[THREAD_PAGE]),
        name="detail",
    ),
    path(
        "<slug:slug>/diskussion/",
        cache_public_page(views.DiscussionView.as_view(), params=[THREAD_PAGE]),
        name="discussion",
    ),
    path(
        "<slug:slug>/fassung-<int:number>/",
        cache_public_page(views.DocumentView.as_view(), params=[THREAD_PAGE]),
        name="version",
    ),
    path(
        "<slug:slug>/fassung-<int:number>/kapitel-<int:chapter>/",
        cache_public_page(views.ChapterView.as_view(), params=[THREAD_PAGE]),
        name="chapter",
    ),
    path(
        "<slug:slug>/fassung-<int:number>/absatz-<int:paragraph>/",
        cache_public_page(views.ParagraphView.as_view(), params=[THREAD_PAGE]),
        name="paragraph",
    ),
    path(
        "<slug:slug>/fassung-<int:number>/aenderungen/",
        cache_public_page(views.ChangesView.as_view()),
        name="changes",
    ),
    path(
        "<slug:slug>/abwaegung/",
        cache_public_page(views.TableView.as_view(), params=["kapitel", "abwaegung", "page"]),
        name="table",
    ),
    path("<slug:slug>/abwaegung.csv", views.table_csv, name="table_csv"),
    path("<slug:slug>/abwaegung.docx", views.table_docx, name="table_docx"),
]
