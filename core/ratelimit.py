"""Rate limits counted on the shared cache across app servers: per person for new
contributions, per key (an address, a client) for the newsletter."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

PERIODS = {"m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def parse(rate):
    """'5/d' -> (5, 86400)."""
    amount, period = rate.split("/")
    return int(amount), PERIODS[period]


def consume(action, user):
    """Count one `action` by `user`; False when the limit of the current window is reached."""
    if not user.is_authenticated:
        return True
    return consume_rate(settings.CONTRIBUTION_RATE_LIMITS.get(action), f"{action}:{user.pk}")


def consume_rate(rate, key):
    """Count one request under `key` against `rate` ('5/d'); no rate means no limit.

    Fixed windows: simple, shared through the cache and good enough against floods.
    """
    if not rate:
        return True
    amount, period = parse(rate)
    window = int(timezone.now().timestamp()) // period
    cache_key = f"ratelimit:{key}:{window}"
    cache.add(cache_key, 0, timeout=period)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=period)
        count = 1
    return count <= amount


class RateLimited(Exception):
    """Raised by services when a person has reached the limit for an action."""
