"""Response middleware for the public site's security headers."""

import django_otp
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth.models import Permission
from wagtail_2fa.middleware import VerifyUserMiddleware, VerifyUserPermissionsMiddleware

# Wagtail's page editor relies on inline scripts and styles; only the admin gets them.
ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}


class PortalCSPMiddleware(CSPMiddleware):
    """A strict Content-Security-Policy on public pages and a relaxed one in the admin."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIXES):
            parts.config = ADMIN_POLICY
        return parts


class OptionalTwoFactorMiddleware(VerifyUserPermissionsMiddleware):
    """Two-factor authentication for the admin, optional per person.

    Anyone who has set up an authenticator must use it; members of a group that holds the
    "enable 2FA" permission must set one up. Unlike the package's own middleware, superusers are
    not forced to enrol merely because they hold every permission. The public site is left alone.
    """

    def process_request(self, request):
        if not request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIXES):
            return None
        return super().process_request(request)

    def _require_verified_user(self, request):
        if not VerifyUserMiddleware._require_verified_user(self, request):
            return False
        user = request.user
        if django_otp.user_has_device(user, confirmed=True):
            return True
        return Permission.objects.filter(
            codename="enable_2fa", content_type__app_label="wagtailadmin", group__user=user
        ).exists()
