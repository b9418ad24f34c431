"""Template helpers for polls: the deadline in words, and a project's polls."""

from decimal import Decimal

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maps.markers import Marker
from polls.answers import euros as format_euros
from polls.models import Poll

register = template.Library()


@register.filter
def deadline(poll, now=None):
    """“noch 3 Tage”, “endet heute um 18:00 Uhr”, “beginnt am 1. Dezember”, “beendet am …”."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if poll.is_upcoming(now):
        opens = timezone.localtime(poll.opens_at)
        return _("opens on %(date)s at %(time)s") % {
            "date": formats.date_format(opens, "DATE_FORMAT"),
            "time": formats.time_format(opens, "TIME_FORMAT"),
        }
    closes = timezone.localtime(poll.closes_at)
    if poll.is_closed(now):
        return _("closed on %(date)s") % {"date": formats.date_format(closes, "DATE_FORMAT")}
    days = (closes.date() - today).days
    time = formats.time_format(closes, "TIME_FORMAT")
    if days == 0:
        return _("closes today at %(time)s") % {"time": time}
    if days == 1:
        return _("closes tomorrow at %(time)s") % {"time": time}
    return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}


@register.filter
def figure(value):
    """A figure of the results as short as it is exact: 3, 3,5, 12,25 (in English 3.5);
    a dash where there is none."""
    if value is None or value == "":
        return "–"
    if isinstance(value, Decimal):
        value = value.normalize()
    return formats.number_format(value, use_l10n=True)


@register.filter
def euros(amount):
    """12000 as „12.000 €“."""
    return "" if amount is None else f"{format_euros(amount)}\u00a0€"


@register.inclusion_tag("polls/includes/_project_polls.html", takes_context=True)
def project_polls(context, project):
    """The published polls of one project, open ones first: two queries, whatever the count."""
    polls = list(
        Poll.objects.published()
        .filter(project=project)
        .with_participation()
        .select_related("project")
        .order_by("-closes_at")
    )
    now = timezone.now()
    polls.sort(key=lambda poll: (poll.is_closed(now), poll.is_upcoming(now)))
    return {"polls": polls, "request": context.get("request")}


@register.simple_tag
def result_markers(question_result):
    """The places of a location question with their votes, for the map of the results."""
    return [
        Marker(
            name=f"{row.choice.label} ({row.choice.place.name})",
            point=row.choice.place.point,
            description=ngettext(
                "%(total)d vote, %(share)s %%", "%(total)d votes, %(share)s %%", row.total
            )
            % {"total": row.total, "share": formats.number_format(row.share, 1)},
        )
        for row in question_result.choices
        if row.choice.place_id
    ]
