"""Demo reason templates for `seed_demo`, and decisions dated in the past for demo content."""

from django.db import transaction

from moderation.models import Decision, ReasonTemplate
from moderation.services import decide

# Short title -> text the author reads (and everyone, in the place of a removed contribution).
REASON_TEMPLATES = {
    "Beleidigung": (
        "Ihr Beitrag enthält eine Beleidigung oder eine herabsetzende Äußerung über andere "
        "Menschen. Das widerspricht unseren Diskussionsregeln, deshalb ist er hier nicht zu "
        "sehen. Sie sind herzlich eingeladen, Ihre Meinung sachlich noch einmal zu schreiben."
    ),
    "Persönliche Daten": (
        "Ihr Beitrag enthält persönliche Daten wie Namen, Adressen, Telefonnummern oder "
        "Kfz-Kennzeichen. Zum Schutz der Betroffenen ist er hier nicht zu sehen. Gern können "
        "Sie Ihr Anliegen ohne diese Angaben noch einmal einreichen."
    ),
    "Werbung/Spam": (
        "Ihr Beitrag wirbt für Produkte, Dienstleistungen oder Veranstaltungen oder enthält "
        "Links ohne Bezug zur Beteiligung. KLmitWirkung ist kein Werbeplatz, deshalb ist der "
        "Beitrag hier nicht zu sehen. Wir bitten Sie um Verständnis."
    ),
    "Kein Bezug zum Thema": (
        "Ihr Beitrag hat keinen erkennbaren Bezug zum Thema dieser Seite. Damit die Diskussion "
        "für alle übersichtlich bleibt, ist er hier nicht zu sehen. Für ein anderes Anliegen "
        "können Sie gern einen eigenen Vorschlag einreichen."
    ),
    "Doppelter Beitrag": (
        "Diesen Beitrag gibt es in gleicher oder sehr ähnlicher Form bereits. Damit sich "
        "Unterstützung und Diskussion nicht aufteilen, ist er hier nicht zu sehen. Bitte "
        "unterstützen oder kommentieren Sie den vorhandenen Beitrag."
    ),
}


@transaction.atomic
def seed_reason_templates():
    """Create the demo reason templates that do not exist yet; return how many were created."""
    created = 0
    for title, text in REASON_TEMPLATES.items():
        _, new = ReasonTemplate.objects.get_or_create(title=title, defaults={"text": text})
        created += new
    return created


def reason_text(title, note=""):
    """The text of a demo reason template, with an optional sentence for the case at hand."""
    return f"{REASON_TEMPLATES[title]} {note}".strip()


def decide_at(*, contribution, moderator, kind, at, reason=""):
    """A decision through the moderation service, then dated back to when it was made."""
    first_release = kind == Decision.Kind.RELEASED and contribution.published_at is None
    decide(
        contribution=contribution,
        moderator=moderator,
        kind=kind,
        reason=reason,
        seen_revision=contribution.revision,
    )
    latest = Decision.objects.for_object(contribution).order_by("-pk").first()
    Decision.objects.filter(pk=latest.pk).update(created_at=at)
    dates = {"moderated_at": at}
    if first_release:
        dates["published_at"] = at
    type(contribution)._default_manager.filter(pk=contribution.pk).update(**dates)
    for field, value in dates.items():
        setattr(contribution, field, value)
    return contribution
