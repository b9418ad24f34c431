"""Reports a person made and decisions about their contributions, for the data export.

Never who moderated: staff names are not the person's data.
"""

from .models import Decision, Report


def export_for(user):
    reports = Report.objects.filter(reporter=user).select_related("content_type")
    decisions = (
        Decision.objects.filter(author=user)
        .select_related("content_type")
        .order_by("created_at", "pk")
    )
    return {
        "reports": [_report(report) for report in reports.order_by("created_at", "pk")],
        "moderation_decisions": [_decision(decision) for decision in decisions],
    }


def _contribution(entry):
    return {"type": entry.content_type.model, "id": entry.object_id}


def _report(report):
    return {
        "contribution": _contribution(report),
        "reason": report.reason,
        "reason_display": report.get_reason_display(),
        "explanation": report.text,
        "reported_at": report.created_at,
        "handled_at": report.resolved_at,
        "outcome": report.resolution or None,
        "outcome_display": report.get_resolution_display() if report.resolution else None,
    }


def _decision(decision):
    return {
        "contribution": _contribution(decision),
        "summary": decision.summary,
        "decision": decision.kind,
        "decision_display": decision.get_kind_display(),
        "reason": decision.reason,
        "decided_at": decision.created_at,
    }
