"""The poll's participation annotation, as the database runs it."""

from polls.models import Poll


def test_participation_counts_each_kind_of_ballot_once_in_the_database():
    """Adding the two counts in SQL would make the database run both subqueries twice."""
    sql = str(Poll.objects.with_participation().query)
    assert sql.count('FROM "polls_ballot"') == 1
    assert sql.count('FROM "polls_paperbatch"') == 1
