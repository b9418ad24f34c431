from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("neu/", views.CommentCreateView.as_view(), name="create"),
    path("<int:pk>/antworten/", views.CommentReplyView.as_view(), name="reply"),
    path("<int:pk>/loeschen/", views.CommentDeleteView.as_view(), name="delete"),
    path("<int:pk>/melden/", views.ReportCommentView.as_view(), name="report"),
]
