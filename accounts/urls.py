from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.ProfileView.as_view(), name="profile"),
    path("benachrichtigungen/", views.NotificationSettingsView.as_view(), name="notifications"),
    path("abbestellen/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
