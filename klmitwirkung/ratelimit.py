"""Per-user limits on new contributions, counted on the shared cache across app servers."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

PERIODS = {"m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def parse(rate):
    """'5/d' -> (5, 86400)."""
    amount, period = rate.split("/")
    return int(amount), PERIODS[period]


def consume(action, user):
    """Count one `action` by `user`; False when the limit of the current window is reached.

    Fixed windows: simple, shared through the cache and good enough against floods.
    """
    rate = settings.CONTRIBUTION_RATE_LIMITS.get(action)
    if not rate or not user.is_authenticated:
        return True
    amount, period = parse(rate)
    window = int(timezone.now().timestamp()) // period
    key = f"ratelimit:{action}:{user.pk}:{window}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period)
        count = 1
    return count <= amount


class RateLimited(Exception):
    """Raised by services when a person has reached the limit for an action."""
