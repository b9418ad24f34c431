"""An editor builds a survey with every kind of question in the admin: the kinds and their
settings on the poll's page, the details and choices (statements, places to rank, proposals
with costs, „Sonstiges“) on each question's page, and a follow-up question."""

import pytest

from polls.models import Question

pytestmark = pytest.mark.django_db

KINDS = [
    ("single", {"is_required": ""}),
    ("scale", {"scale_points": "5"}),
    ("matrix", {"scale_points": "5"}),
    ("ranking", {"max_choices": "2"}),
    ("number", {"number_min": "0", "number_max": "99"}),
    ("budget", {"budget": "20000"}),
    ("text", {"is_required": ""}),
]


def poll_data():
    data = {
        "title_de": "Stadtumfrage",
        "title_en": "City survey",
        "slug": "stadtumfrage",
        "project": "",
        "intro_de": "<p>Worum es geht.</p>",
        "opens_at_0": "01.05.2026",
        "opens_at_1": "10:00",
        "closes_at_0": "31.05.2026",
        "closes_at_1": "18:00",
        "eligibility": "account",
        "ballots_changeable": "on",
        "results_visibility": "after_close",
        "questions-TOTAL_FORMS": str(len(KINDS)),
        "questions-INITIAL_FORMS": "0",
        "progress-milestone-content_type-object_id-TOTAL_FORMS": "0",
        "progress-milestone-content_type-object_id-INITIAL_FORMS": "0",
    }
    for index, (kind, settings) in enumerate(KINDS):
        prefix = f"questions-{index}-"
        data |= {
            f"{prefix}position": str(index + 1),
            f"{prefix}text_de": f"Frage {kind}?",
            f"{prefix}kind": kind,
            f"{prefix}is_required": "on",
            f"{prefix}max_length": "1000",
        }
        data |= {f"{prefix}{name}": value for name, value in settings.items()}
        if not data[f"{prefix}is_required"]:
            del data[f"{prefix}is_required"]
    return data


def question_page(question, choices=(), **fields):
    data = {
        "position": str(question.position),
        "text_de": question.text,
        "kind": question.kind,
        "is_required": "on" if question.is_required else "",
        "max_choices": question.max_choices or "",
        "max_length": "1000",
        "scale_points": question.scale_points or "",
        "number_min": "" if question.number_min is None else question.number_min,
        "number_max": "" if question.number_max is None else question.number_max,
        "budget": question.budget or "",
        "shown_if": "",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": "0",
    }
    data |= fields
    for index, choice in enumerate(choices):
        data |= {
            f"choices-{index}-position": str(index + 1),
            f"choices-{index}-image_alt": "",
        } | {f"choices-{index}-{name}": value for name, value in choice.items()}
    return {key: value for key, value in data.items() if value != ""}


def test_an_editor_builds_a_survey_of_every_kind(client, editor):
    client.force_login(editor)
    response = client.post("/admin/polls/poll/add/", poll_data())
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    questions = {q.kind: q for q in Question.objects.filter(poll__slug="stadtumfrage")}
    assert set(questions) == {kind for kind, _settings in KINDS}
    assert questions["scale"].scale_points == 5
    assert (questions["number"].number_min, questions["number"].number_max) == (0, 99)
    assert questions["budget"].budget == 20000

    def save(kind, choices=(), **fields):
        question = questions[kind]
        page = client.get(f"/admin/polls/question/{question.pk}/change/")
        assert page.status_code == 200
        response = client.post(
            f"/admin/polls/question/{question.pk}/change/",
            question_page(question, choices, **fields),
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        question.refresh_from_db()
        return question

    single = save(
        "single",
        [{"label_de": "Zeitung"}, {"label_de": "Sonstiges", "is_other": "on"}],
        offers_no_answer="on",
    )
    assert single.offers_no_answer
    assert single.choices.get(is_other=True).label == "Sonstiges"
    scale = save(
        "scale", scale_low_label_de="sehr unzufrieden", scale_high_label_de="sehr zufrieden"
    )
    assert scale.scale_high_label == "sehr zufrieden"
    save("matrix", [{"label_de": "die Busse"}, {"label_de": "die Radwege"}])
    save("ranking", [{"label_de": "Schulen"}, {"label_de": "Straßen"}, {"label_de": "Parks"}])
    budget = save(
        "budget", [{"label_de": "Bänke", "cost": "4000"}, {"label_de": "Brunnen", "cost": "15000"}]
    )
    assert sorted(budget.choices.values_list("cost", flat=True)) == [4000, 15000]
    # The free-text question follows up on „Sonstiges“.
    text = save("text", shown_if=str(single.choices.get(is_other=True).pk))
    assert text.shown_if.label == "Sonstiges"

    ballot = client.get("/abstimmungen/stadtumfrage/")
    assert ballot.status_code == 200


def test_a_budget_proposal_without_its_cost_is_refused_in_the_admin(client, editor):
    client.force_login(editor)
    client.post("/admin/polls/poll/add/", poll_data())
    question = Question.objects.get(poll__slug="stadtumfrage", kind="budget")
    response = client.post(
        f"/admin/polls/question/{question.pk}/change/",
        question_page(question, [{"label_de": "Bänke"}]),
    )
    assert response.status_code == 200
    assert "Ein Vorschlag eines Budgets braucht seine Kosten." in response.content.decode()
    assert not question.choices.exists()


def test_a_scale_without_points_is_refused_on_the_poll_page(client, editor):
    client.force_login(editor)
    data = poll_data() | {"questions-1-scale_points": ""}
    response = client.post("/admin/polls/poll/add/", data)
    assert response.status_code == 200
    assert "Eine Skala braucht 2 bis 10 Punkte." in response.content.decode()
    assert not Question.objects.exists()
