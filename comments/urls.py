from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<int:pk>/melden/", views.ReportCommentView.as_view(), name="report"),
]
