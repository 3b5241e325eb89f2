from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from triage import views

urlpatterns = [
    # See views.email_plan for why this form carries no CSRF token.
    path("", csrf_exempt(views.email_plan), name="triage-email-plan"),
]
