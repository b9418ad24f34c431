"""A survey with every kind of question, answered in Chromium with the keyboard alone: a
rating scale, a matrix of statements, a ranking, a number and a single choice with
“Sonstiges”; a mistake in the ranking is explained and nothing typed is lost; the results
show the figures of each kind."""

import pytest

from polls.models import Ballot, Poll, Question
from tests.e2e.test_polls_journey import focus_next
from tests.polls.factories import ChoiceFactory, PollFactory, QuestionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def city_survey(migration_data):
    poll = PollFactory(
        title="Wie zufrieden sind Sie mit Kaiserslautern?",
        slug="zufriedenheit",
        eligibility=Poll.Eligibility.GUESTS,
        results_visibility=Poll.ResultsVisibility.LIVE,
    )
    QuestionFactory(
        poll=poll,
        position=1,
        text="Wie zufrieden sind Sie insgesamt?",
        kind=Question.Kind.SCALE,
        scale_points=5,
        scale_low_label="sehr unzufrieden",
        scale_high_label="sehr zufrieden",
        offers_no_answer=True,
    )
    matrix = QuestionFactory(
        poll=poll,
        position=2,
        text="Wie bewerten Sie …",
        kind=Question.Kind.MATRIX,
        scale_points=5,
        offers_no_answer=True,
    )
    for label in ("die Busse", "die Radwege"):
        ChoiceFactory(question=matrix, label=label)
    ranking = QuestionFactory(
        poll=poll,
        position=3,
        text="Was soll die Stadt zuerst angehen?",
        kind=Question.Kind.RANKING,
        max_choices=2,
    )
    for label in ("Schulen", "Straßen", "Grünflächen"):
        ChoiceFactory(question=ranking, label=label)
    QuestionFactory(
        poll=poll,
        position=4,
        text="Seit wie vielen Jahren wohnen Sie hier?",
        kind=Question.Kind.NUMBER,
        number_min=0,
        number_max=99,
        number_unit="Jahre",
        is_required=False,
    )
    how = QuestionFactory(
        poll=poll, position=5, text="Wie haben Sie von der Umfrage erfahren?", is_required=False
    )
    ChoiceFactory(question=how, label="Zeitung")
    ChoiceFactory(question=how, label="Sonstiges", is_other=True)
    return poll


def test_guest_answers_every_kind_of_question_with_the_keyboard(journey, city_survey):
    page = journey.page
    journey.visit("/abstimmungen/zufriedenheit/")

    # The scale: Tab into the group, Space picks the first point, arrows move on to 4.
    focus_next(page, "document.activeElement.type === 'radio'")
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert page.get_by_label("4", exact=True).first.is_checked()

    # The matrix: one group of points per statement.
    for points in (2, 5):
        focus_next(
            page,
            "document.activeElement.type === 'radio' && !document.activeElement.checked"
            " && document.activeElement.closest('.matrix-statement')",
        )
        page.keyboard.press("Space")
        for _ in range(points - 1):
            page.keyboard.press("ArrowRight")

    # The ranking, with a mistake: place 1 twice.
    for _ in range(2):
        focus_next(
            page,
            "document.activeElement.tagName === 'SELECT' && document.activeElement.value === ''",
        )
        page.keyboard.press("ArrowDown")
    focus_next(page, "document.activeElement.type === 'number'")
    page.keyboard.type("12")
    focus_next(
        page,
        "document.activeElement.type === 'radio'"
        " && document.activeElement.closest('.choice-option')",
    )
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Sonstiges").is_checked()
    focus_next(page, "document.activeElement.classList.contains('other-answer')")
    page.keyboard.type("Plakat am Rathaus")
    focus_next(page, "document.activeElement.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    journey.check_page()

    assert page.get_by_role("alert").is_visible()
    assert page.get_by_text("Platz 1 ist mehrfach vergeben").first.is_visible()
    assert not Ballot.objects.exists()
    # Nothing typed is lost.
    assert page.get_by_role("spinbutton").input_value() == "12"
    assert page.get_by_role("textbox", name="Ihre eigene Antwort").input_value() == (
        "Plakat am Rathaus"
    )
    assert page.locator("input[name$='_other']").input_value() == "Plakat am Rathaus"

    # Straßen to place 2, by keyboard.
    page.get_by_label("Straßen").focus()
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Straßen").input_value() == "2"
    focus_next(page, "document.activeElement.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    journey.check_page()
    assert page.get_by_role("heading", name="Ihre Antworten wurden gezählt").is_visible()
    receipt = page.locator("#ihre-stimme").inner_text()
    assert "1. Schulen" in receipt and "2. Straßen" in receipt
    assert "12 Jahre" in receipt and "Plakat am Rathaus" in receipt

    ballot = Ballot.objects.get()
    assert sorted(a.value for a in ballot.value_answers.all()) == [2, 4, 5, 12]
    assert [(r.position, r.choice.label) for r in ballot.ranks.order_by("position")] == [
        (1, "Schulen"),
        (2, "Straßen"),
    ]
    assert ballot.text_answers.get().text == "Plakat am Rathaus"

    page.get_by_role("link", name="Ergebnisse ansehen").click()
    journey.check_page()
    assert "Mittelwert 4, Median 4." in page.get_by_role("main").inner_text()
    schools = page.get_by_role("row", name="Schulen")
    assert schools.get_by_role("cell").nth(3).inner_text() == "2"  # points in total
    median = page.locator("tr", has=page.get_by_role("rowheader", name="Median", exact=True))
    assert median.get_by_role("cell").last.inner_text() == "12"


def test_paper_answers_to_a_survey_are_entered_confirmed_and_counted(new_tab, city_survey):
    from polls.models import PaperBatch
    from tests.accounts.factories import UserFactory
    from tests.e2e.test_proposals_journey import sign_in

    UserFactory(email="redaktion@example.org", is_staff=True, groups=["Redaktion"])
    UserFactory(email="moderation@example.org", is_staff=True, groups=["Moderation"])
    editor = new_tab()
    sign_in(editor, "redaktion@example.org", "/admin/", staff=True)
    editor.visit(f"/admin/polls/paperbatch/add/?poll={city_survey.pk}")
    page = editor.page
    page.get_by_label("Ort:").fill("Stand beim Wochenmarkt")
    page.get_by_label("Papierstimmzettel:").fill("3")
    scale = page.get_by_role("group", name="Wie zufrieden sind Sie insgesamt?")
    scale.get_by_label("4:").fill("2")
    scale.get_by_label("5 (sehr zufrieden):").fill("1")
    busses = page.get_by_role("group", name="die Busse")
    busses.get_by_label("3:").fill("3")
    schools = page.get_by_role("group", name="Schulen")
    schools.get_by_label("Platz 1:").fill("3")
    # A mistake: one number too many is not; a word is.
    page.get_by_label("Zahlen auf den Stimmzetteln:").fill("4, 20, zwanzig")
    page.get_by_role("button", name="Sichern", exact=True).click()
    editor.check_page()
    assert page.get_by_text("„zwanzig“ ist keine ganze Zahl.").is_visible()
    assert not PaperBatch.objects.exists()
    assert scale.get_by_label("4:").input_value() == "2"

    page.get_by_label("Zahlen auf den Stimmzetteln:").fill("4, 20, 20")
    page.get_by_role("button", name="Sichern", exact=True).click()
    editor.check_page()
    batch = PaperBatch.objects.get()
    assert sorted((c.value, c.count) for c in batch.value_counts.filter(choice=None)) == [
        (4, 1),
        (4, 2),
        (5, 1),
        (20, 2),
    ]

    colleague = new_tab()
    sign_in(colleague, "moderation@example.org", "/admin/", staff=True)
    colleague.visit(f"/admin/polls/paperbatch/{batch.pk}/change/")
    assert colleague.page.get_by_role("row", name="Schulen: Platz 1 3").is_visible()
    colleague.page.get_by_role("button", name="Bestätigen").click()
    colleague.check_page()

    colleague.visit("/abstimmungen/zufriedenheit/ergebnisse/")
    main = colleague.page.get_by_role("main").inner_text()
    assert "Antworten online: 0, auf Papier: 3." in main
    median = colleague.page.locator(
        "tr", has=colleague.page.get_by_role("rowheader", name="Median", exact=True)
    )
    assert median.get_by_role("cell").last.inner_text() == "20"


@pytest.fixture
def follow_up_survey(migration_data):
    poll = PollFactory(
        title="Umfrage zum Wochenmarkt",
        slug="wochenmarkt",
        eligibility=Poll.Eligibility.GUESTS,
        results_visibility=Poll.ResultsVisibility.LIVE,
    )
    visits = QuestionFactory(poll=poll, position=1, text="Besuchen Sie den Wochenmarkt?")
    yes = ChoiceFactory(question=visits, label="Ja")
    ChoiceFactory(question=visits, label="Nein")
    QuestionFactory(
        poll=poll,
        position=2,
        text="Wie oft im Monat?",
        kind=Question.Kind.NUMBER,
        number_min=1,
        number_max=31,
        shown_if=yes,
    )
    return poll


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_follow_up_question_comes_on_a_second_page(
    browser, live_server, follow_up_survey, javascript
):
    from tests.e2e.conftest import Journey

    context = browser.new_context(locale="de-DE", java_script_enabled=javascript)
    try:
        journey = Journey(context.new_page(), live_server.url, run_axe=javascript)
        page = journey.page
        journey.visit("/abstimmungen/wochenmarkt/")
        assert page.get_by_role("spinbutton").count() == 0
        page.get_by_label("Ja").check()
        page.get_by_role("button", name="Weiter").click()
        journey.check_page()
        assert page.get_by_text("Sie sehen diese Frage, weil Sie bei").is_visible()

        # Sent empty: the message, on the second page; nothing stored.
        page.get_by_role("button", name="Antworten absenden").click()
        journey.check_page()
        assert page.get_by_text("Bitte beantworten Sie diese Frage.").first.is_visible()
        assert not Ballot.objects.exists()

        # Back to the first page: the answer is still chosen.
        page.get_by_role("spinbutton").fill("4")
        page.get_by_role("button", name="Zurück zu den ersten Fragen").click()
        journey.check_page()
        assert page.get_by_label("Ja").is_checked()
        page.get_by_role("button", name="Weiter").click()
        journey.check_page()
        assert page.get_by_role("spinbutton").input_value() == "4"
        page.get_by_role("button", name="Antworten absenden").click()
        journey.check_page()
        assert page.get_by_role("heading", name="Ihre Antworten wurden gezählt").is_visible()
        ballot = Ballot.objects.get()
        assert [a.value for a in ballot.value_answers.all()] == [4]
    finally:
        context.close()


@pytest.fixture
def budget_vote(migration_data):
    poll = PollFactory(
        title="Bürgerbudget für den Stadtteil",
        slug="buergerbudget",
        eligibility=Poll.Eligibility.GUESTS,
        results_visibility=Poll.ResultsVisibility.LIVE,
    )
    question = QuestionFactory(
        poll=poll,
        text="Welche Vorschläge soll die Stadt fördern?",
        kind=Question.Kind.BUDGET,
        budget=20000,
    )
    for label, cost in (("Trinkbrunnen", 15000), ("Bänke", 4000), ("Bücherschrank", 3000)):
        ChoiceFactory(question=question, label=label, cost=cost)
    return poll


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_citizen_votes_within_a_budget(browser, live_server, budget_vote, javascript):
    from tests.e2e.conftest import Journey

    context = browser.new_context(locale="de-DE", java_script_enabled=javascript)
    try:
        journey = Journey(context.new_page(), live_server.url, run_axe=javascript)
        page = journey.page
        journey.visit("/abstimmungen/buergerbudget/")
        assert page.get_by_text("Budget: 20.000 €.").is_visible()

        # Keyboard: Space ticks the first three proposals (22.000 €).
        focus_next(page, "document.activeElement.type === 'checkbox'")
        for step in range(3):
            page.keyboard.press("Space")
            if step < 2:
                page.keyboard.press("Tab")
        remaining = page.locator(".budget-remaining")
        if javascript:
            # Intl writes a no-break space before the euro sign.
            assert remaining.inner_text().replace("\xa0", " ") == (
                "Gewählt: 22.000 € von 20.000 €; das sind 2.000 € zu viel. "
                "Bitte lassen Sie einen Vorschlag weg."
            )
            journey.check_page()
        else:
            assert remaining.is_hidden()

        page.get_by_role("button", name="Stimme abgeben").click()
        journey.check_page()
        assert page.get_by_text("2.000 € mehr als das Budget von 20.000 €").first.is_visible()
        assert not Ballot.objects.exists()
        assert page.get_by_label("Bänke").is_checked()

        page.get_by_label("Bücherschrank").uncheck()
        if javascript:
            assert "noch 1.000 € übrig" in remaining.inner_text().replace("\xa0", " ")
        page.get_by_role("button", name="Stimme abgeben").click()
        journey.check_page()
        assert page.get_by_role("heading", name="Ihre Stimme wurde gezählt").is_visible()

        page.get_by_role("link", name="Ergebnisse ansehen").click()
        journey.check_page()
        rows = page.locator(".budget-table tbody tr")
        assert rows.nth(0).inner_text().split("\t")[1] == "Bänke"
        assert "ausgeschöpft" not in rows.nth(1).inner_text()
        assert "ausgeschöpft" in page.locator(".budget-line").inner_text()
    finally:
        context.close()
