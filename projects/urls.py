from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    path("neuigkeiten.xml", views.ProjectNewsFeed(), name="feed"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("<slug:slug>/folgen/", views.FollowView.as_view(), name="follow"),
    path("<slug:slug>/nicht-mehr-folgen/", views.UnfollowView.as_view(), name="unfollow"),
]
