"""Who may do what with the Vorhabenliste: plain predicates for views and templates."""

from accounts.permissions import can_take_part, staff_may


def can_see_plan(user, plan):
    return plan.is_published or (user.is_authenticated and user.is_staff)


def can_request_participation(user, plan):
    """People who take part may ask once to be involved in a published plan, while its
    participation is not running or over."""
    return can_take_part(user) and plan.is_published and plan.takes_requests


def can_respond(user):
    """Staff who answer officially for the city (group Redaktion or Moderation)."""
    return staff_may(user, "plans.respond_to_requests")
