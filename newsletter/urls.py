from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("bitte-bestaetigen/", views.RequestedView.as_view(), name="requested"),
    path("bestaetigen/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("abbestellen/", views.EndSubscriptionView.as_view(), name="end"),
    path("abbestellen/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
