from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.ProfileView.as_view(), name="profile"),
    path("benachrichtigungen/", views.NotificationSettingsView.as_view(), name="notifications"),
    path("sprache/", views.LanguageView.as_view(), name="language"),
    path("abbestellen/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
