"""Committee mentions in decisions' meeting lines, lists of meetings and the names around them,
on patterns unseen bodies' papers showed: lists of bodies glued into one, dated remarks and
document words before a name, posts and departments read as committees, other councils and the
meeting body of an authority. Every name here is invented."""

from __future__ import annotations

from evidence_graph.loaders.finders.committees import meeting_body_names
from tests.test_committee_unseen_bodies import committees_of, mentions_of


def test_a_list_of_meeting_bodies_gives_each() -> None:
    assert [name for _, name in meeting_body_names("Cabinet, Council")] == ["Cabinet", "Council"]
    assert [name for _, name in meeting_body_names("Cabinet and Harbour Scrutiny Committee")] == [
        "Cabinet", "Harbour Scrutiny Committee"]
    found = committees_of("Meeting: 14/03/2024 - Cabinet, Council (Item 6)")
    assert found == {"Cabinet", "Council"}


def test_a_name_with_a_comma_or_and_stays_one_meeting_body() -> None:
    assert meeting_body_names("Roads, Parks and Widgets Committee") == [(0, "Roads, Parks and Widgets Committee")]
    assert meeting_body_names("Overview and Scrutiny Committee") == [(0, "Overview and Scrutiny Committee")]
    found = committees_of("Meeting: 14/03/2024 - Roads, Parks and Widgets Committee (Item 6)")
    assert found == {"Roads, Parks and Widgets Committee"}


def test_a_dated_remark_before_a_meeting_body_is_no_part_of_it() -> None:
    assert meeting_body_names("Moved from 9th October 2018, Cabinet") == [(29, "Cabinet")]
    assert meeting_body_names("Deferred from 12/03/2024, Harbour Committee") == [(26, "Harbour Committee")]
    found = committees_of("Meeting: 23/10/2018 - Moved from 9th October 2018, Cabinet (Item 5)")
    assert found == {"Cabinet"}


def test_another_council_is_no_meeting_body_of_the_host() -> None:
    assert meeting_body_names("Tarnbury Town Council") == []
    assert meeting_body_names("Full Council") == [(0, "Full Council")]
    found = mentions_of("Meeting: 01/02/2020 - Tarnbury Town Council (Item 4)")
    assert found.get("Tarnbury Town Council") == "organisation"
    listed = committees_of("Cabinet - 15/12/09\nBrackwater Parish Council - 16/02/10\nAudit Committee - 09/12/09")
    assert listed == {"Cabinet", "Audit Committee"}


def test_a_document_phrase_with_for_the_is_no_part_of_a_name() -> None:
    found = committees_of("The Terms of Reference for the Member Task and Finish Group were agreed.")
    assert found == {"Member Task and Finish Group"}
    assert committees_of("The WPMP and CS Member Task and Finish Group met.") == {
        "WPMP and CS Member Task and Finish Group"}
    assert committees_of("The Committee for the Harbour Office met.") == {"Committee for the Harbour Office"}
    assert committees_of("The Terms of Reference of the Widgets Working Group were agreed.") == {
        "Widgets Working Group"}


def test_a_department_or_an_officer_after_a_head_is_no_committee() -> None:
    assert committees_of("Report of the Head of Governance and Committee Services") == set()
    assert committees_of("Contact: Ann Brisk, Widgets Committee Officer, Tel 01632 960000") == set()
    assert committees_of("The Licensing Panel Team will write to applicants.") == set()


def _committees_with_host(text: str, host: str) -> set[str]:
    from evidence_graph.loaders.context import Authority, CorpusContext
    from evidence_graph.loaders.document import Document
    from evidence_graph.loaders.mentions import find_mentions
    from evidence_graph.loaders.structure import parse_document
    parsed = parse_document(Document("t.txt", "t", "Minutes\n\n" + text + "\n", "0"))
    context = CorpusContext(authority=Authority(host, aliases=("the Authority",)))
    return {m.label for m in find_mentions(parsed, context) if m.kind == "committee"}


def test_the_authority_meeting_as_a_body_is_its_committee() -> None:
    text = ("The minutes of the meeting of the Authority held on 3 May were approved.\n\n"
            "The Authority noted the report of the Chief Executive.")
    assert _committees_with_host(text, "Fenmoor National Park Authority") == {"Authority"}
    assert committees_of("RESOLVED that the Authority approves the budget.") == {"Authority"}
    # The authority as a body with duties, not meeting: no committee.
    assert committees_of("The Authority has a duty to conserve the powers of the Authority.") == set()


def test_the_authority_is_no_committee_of_a_council_or_beside_a_longer_name() -> None:
    text = "The Authority noted the report."
    assert _committees_with_host(text, "Fenmoor District Council") == set()
    named = "Minutes of the meeting of the Fire Authority.\n\nThe Authority noted the report."
    assert committees_of(named) == {"Fire Authority"}


def test_council_in_a_list_of_meeting_bodies_is_the_council_meeting() -> None:
    found = committees_of("The plan will be considered by Cabinet, Council and the Harbour Committee.")
    assert found == {"Cabinet", "Council", "Harbour Committee"}
    assert committees_of("Tarnbury, Council officers and residents met.") == set()


def test_a_portfolio_post_or_capitals_in_a_meeting_line() -> None:
    assert committees_of("Meeting: 14/03/2024 - Roads, Widgets & Leisure Cabinet Member (Item 6)") == set()
    assert committees_of("Meeting: 14/03/2024 - COUNCIL (Item 6)") == {"Council"}
    assert committees_of("Meeting: 14/03/2024 - HARBOUR SCRUTINY COMMITTEE (Item 2)") == {"Harbour Scrutiny Committee"}


def test_a_head_of_a_council_is_that_councils_committee() -> None:
    assert committees_of("Minutes of the Cabinet of Brackwater District Council held on 3 May") == {"Cabinet"}
    assert committees_of("Chairman of the Governing Body at Tarnside Primary School") == set()


def test_meeting_bodies_in_capitals_read_as_running_text() -> None:
    assert committees_of("MINUTES OF THE MEETING OF COUNCIL HELD ON 3 MAY 2024\n\nThe minutes were agreed.") == {
        "Council"}
    assert committees_of("RECOMMENDATIONS TO CABINET from the panel were agreed.") == {"Cabinet"}
    assert committees_of("MINUTES OF THE MEETING OF THE AUTHORITY HELD ON 3 MAY\n\nThe minutes were agreed.") == {
        "Authority"}
    assert committees_of("The CABINET MEMBER FOR WIDGETS decided.") == set()
    assert committees_of("A letter from TARNBURY TOWN COUNCIL was noted.") == set()


def test_a_list_of_meeting_bodies_with_commas_inside_names_or_posts_among_them() -> None:
    assert meeting_body_names("Audit, Risk and Widgets Committee, Cabinet") == [
        (0, "Audit, Risk and Widgets Committee"), (35, "Cabinet")]
    assert meeting_body_names("Cabinet, Tarnbury Town Council") == [(0, "Cabinet")]
    assert meeting_body_names("Lead Member for Parks, Cabinet") == [(23, "Cabinet")]
    assert meeting_body_names("Cabinet, Roads, Parks & Leisure Cabinet Member") == [(0, "Cabinet")]
    assert meeting_body_names("Lead Member for Parks and Environment") == []
