"""Text printed in capitals is read like ordinary text (loaders/casing.py and its use by
loaders/mentions.py ``find_mentions``).

Every page here is invented, in the style of a Scottish area committee agenda with its item
titles in capitals and of a decision notice ("DECISION MAKER: CABINET"); no name is a real one.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.vocabulary import OA
from evidence_graph.loaders.casing import restore_case
from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document
from evidence_graph.pipeline.build import build_documents, collect_sources

AREA_AGENDA = """\
NORTH EAST GLENBRAE AREA COMMITTEE

AGENDA

Meeting to be held in the Council Chamber, Tollcross House, Glenbrae on Wednesday 4 March 2026 at 10.00 am.

1. APOLOGIES FOR ABSENCE

2. DECLARATIONS OF INTEREST

3. KILDRUMMIE COMMON GOOD FUND - ANNUAL UPDATE

Report by the Head of Finance on the fund and the grants it made.

4. CRIMINAL JUSTICE SOCIAL WORK SERVICE

Report by the Chief Social Work Officer on the service and the Community Safety Partnership (CSP).

5. CSP ACTION PLAN AND CCTV IN KILDRUMMIE

CLERK TO THE COMMITTEE Morag Lindsay
"""

DECISION_NOTICE = """\
RECORD OF EXECUTIVE DECISION

DECISION MAKER: CABINET

DATE OF DECISION: 12 February 2026

SUBJECT: HOUSING REPAIRS SERVICE CONTRACT

The Cabinet agreed to award the contract for the Housing Repairs Service to the preferred bidder.
The Cabinet Member for Housing, Councillor Ewan Tolley, introduced the report.
"""

AREA_MINUTE = """\
GLENBRAE COUNCIL

MINUTE OF MEETING OF THE SOUTH WEST AREA COMMITTEE HELD IN THE COUNCIL CHAMBER, TOLLCROSS HOUSE

PRESENT: COUNCILLOR A MACLEAN (CONVENER), COUNCILLORS R DUFFY, J O'NEILL AND P STRACHAN

1. COMMUNITY ASSET TRANSFER - FORMER KIRKTON LIBRARY

The request from the KIRKTON DEVELOPMENT TRUST was approved. DECIDED: to note the VOLUNTEER DRIVER SCHEME update.
"""


def mentions_of(text: str) -> set[tuple[str, str, str]]:
    """(kind, document text, label) of every mention in ``text``."""
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    return {(m.kind, text[m.start:m.end], m.label) for m in find_mentions(parsed, CorpusContext())}


@pytest.mark.parametrize(("shouted", "restored"), [
    # Small words go lower case inside a run, not first, and not last where the line ends.
    ("PARKS, STREETS AND OPEN SPACES ANNUAL REVIEW", "Parks, Streets and Open Spaces Annual Review"),
    ("THE REPORT OF THE DIRECTOR", "The Report of the Director"),
    ("SCHEDULE OF RATES, APPENDIX A", "Schedule of Rates, Appendix A"),
    # Before a capitalised word outside the run, a small word is no last word.
    ("RECORD OF DECISION OF THE Cabinet", "Record of Decision of the Cabinet"),
    # Consonant clusters, two-letter non-words and codes with digits are acronyms.
    ("NHS TAYSIDE AND CCTV ON THE A92", "NHS Tayside and CCTV on the A92"),
    ("UK SHARED PROSPERITY FUND", "UK Shared Prosperity Fund"),
    # Honorifics and post-nominals take the cues' spelling; apostrophes and Mc names.
    ("MR ALASDAIR MCBRIDE OBE", "Mr Alasdair McBride OBE"),
    ("CLLR SINEAD O'HARE AND THE COUNCIL'S AUDITOR", "Cllr Sinead O'Hare and the Council's Auditor"),
    # An item number in Roman numerals is no part of the title after it.
    ("IV APPOINTMENTS TO OUTSIDE BODIES", "iv Appointments to Outside Bodies"),
    # "A" after an honorific or before a full stop is an initial, not the article.
    ("PRESENT: COUNCILLOR A SMITH (CHAIR), COUNCILLORS B JONES, A. MCKAY AND C BROWN",
     "Present: Councillor A Smith (Chair), Councillors B Jones, A. McKay and C Brown"),
    ("ELECTION OF A PROVOST", "Election of a Provost"),
    # A definition in capitals is an acronym only where its initials spell the words before it.
    ("THE COMMUNITY SAFETY PARTNERSHIP (CSP) PLAN", "The Community Safety Partnership (CSP) Plan"),
    # Welsh "AM" and "AS" are English words in capitals, not the post-nominals.
    ("URGENT MATTERS AS AGREED BY THE CHAIR", "Urgent Matters As Agreed by the Chair"),
])
def test_a_line_in_capitals_reads_in_title_case(shouted: str, restored: str) -> None:
    assert restore_case(shouted) == restored


def test_acronyms_the_document_shows_stay_in_capitals() -> None:
    text = ("The ALEO reported to the Community Safety Partnership (CSP).\n"
            "ALEO CONTRACT AND CSP FUNDING\n")
    assert restore_case(text).splitlines()[1] == "ALEO Contract and CSP Funding"
    # A letter or a small word in capitals in ordinary text is no acronym.
    text = "See Appendix A. Cllr Lee AND Cllr Roe spoke.\nELECTION OF A PROVOST AND DEPUTE\n"
    assert restore_case(text).splitlines()[1] == "Election of a Provost and Depute"
    # Without those clues, a pronounceable word is a word.
    assert restore_case("ALEO CONTRACT") == "Aleo Contract"
    # Acronyms known from elsewhere (the corpus's, a definition) are kept too.
    assert restore_case("ALEO CONTRACT", {"ALEO"}) == "ALEO Contract"


def test_acronyms_listed_side_by_side_are_no_title() -> None:
    text = "services funded by government, e.g. DWP, OFSTED and others.\nOFSTED INSPECTION OUTCOMES\n"
    assert restore_case(text) == ("services funded by government, e.g. DWP, OFSTED and others.\n"
                                  "OFSTED Inspection Outcomes\n")


def test_mixed_case_text_changes_only_in_its_runs_of_capitals() -> None:
    text = "At a MEETING of the GLENBRAE CITY COUNCIL held on 4th June, the NHS and Poplar HARCA) · 8.1 – DAAT Plan."
    assert restore_case(text) == ("At a MEETING of the Glenbrae City Council held on 4th June, the NHS and "
                                  "Poplar HARCA) · 8.1 – DAAT Plan.")


def test_a_word_alone_on_its_line_needs_the_document_to_write_it_so() -> None:
    assert restore_case("CABINET\n\nThe Cabinet met.") == "Cabinet\n\nThe Cabinet met."
    # A lone word the document never writes in title case may be a code or a typo: left alone.
    assert restore_case("SUMMARYQ\n\nThe Cabinet met.") == "SUMMARYQ\n\nThe Cabinet met."


@pytest.mark.parametrize("text", [AREA_AGENDA, DECISION_NOTICE, "STRASSE GROSS ß\n", "İSTANBUL OFFICE\n", ""])
def test_restoration_keeps_every_offset(text: str) -> None:
    restored = restore_case(text)
    assert len(restored) == len(text)
    for original, new in zip(text, restored, strict=True):
        assert original.lower() == new.lower() or original.upper() == new.upper() or original == new


#: Text in the shapes restoration meets: capitals, mixed words, acronyms, digits, punctuation,
#: and letters whose case changes their length ("ß", "İ", "ŉ").
_SHOUTED_WORDS = st.sampled_from(["CABINET", "Cabinet", "NHS", "OF", "THE", "A", "MR", "O'NEILL", "MCKAY",
                                  "A92", "II", "(CSP)", "ß", "STRASSE", "İL", "ŉ", "ǅ", "ﬁ", "ÉCOLE", "日本",
                                  "and", "-", ",", "·", "\n", "\n\n", " "])


@given(st.lists(_SHOUTED_WORDS, max_size=40).map(" ".join))
def test_any_text_keeps_its_length_and_its_letters(text: str) -> None:
    restored = restore_case(text)
    assert len(restored) == len(text)
    for original, new in zip(text, restored, strict=True):
        assert original == new or original.lower() == new.lower()


def test_an_area_agenda_in_capitals_gives_its_services_funds_and_places() -> None:
    found = mentions_of(AREA_AGENDA)
    kinds = {(kind, span) for kind, span, _label in found}
    assert ("service", "CRIMINAL JUSTICE SOCIAL WORK SERVICE") in kinds
    assert any(span == "KILDRUMMIE COMMON GOOD FUND" and kind in {"programme", "service"} for kind, span in kinds)
    # Labels read as the names would be written; spans are the document's own capitals.
    assert ("service", "CRIMINAL JUSTICE SOCIAL WORK SERVICE", "Criminal Justice Social Work Service") in found
    assert ("person", "Morag Lindsay", "Morag Lindsay") in found
    # No junk from the item titles: no person or organisation named by a heading word.
    assert not any(kind == "person" and span.isupper() for kind, span, _label in found)
    assert not any(kind == "organisation" and span in {"APOLOGIES", "DECLARATIONS", "INTEREST"}
                   for kind, span, _label in found)


def test_a_decision_notice_gives_its_decision_maker_and_subject() -> None:
    found = mentions_of(DECISION_NOTICE)
    assert any(kind == "committee" and span == "CABINET" for kind, span, _label in found)
    assert any(span.startswith("HOUSING REPAIRS SERVICE") and kind in {"service", "programme"}
               for kind, span, _label in found)
    assert ("person", "Councillor Ewan Tolley", "Councillor Ewan Tolley") in found


def test_an_area_minute_in_capitals_gives_its_members_and_bodies() -> None:
    found = mentions_of(AREA_MINUTE)
    people = {label for kind, _span, label in found if kind == "person"}
    # The plural honorific shares out over the list, which the people finder reads whole.
    assert {"Councillor R Duffy", "Councillor J O'Neill", "Councillor P Strachan"} <= people
    assert ("organisation", "KIRKTON DEVELOPMENT TRUST", "Kirkton Development Trust") in found
    assert any(span == "VOLUNTEER DRIVER SCHEME" for _kind, span, _label in found)


def test_an_officers_report_in_capitals_gives_its_bodies_programme_and_contact() -> None:
    report = ("GLENBRAE COUNCIL\n\nNORTH AREA COMMITTEE - 10 MARCH 2026\n\n"
              "REPORT BY: EXECUTIVE DIRECTOR OF EDUCATION AND CHILDREN'S SERVICES\n\n"
              "1.1 This report updates members on the EARLY LEARNING AND CHILDCARE EXPANSION PROGRAMME, "
              "the FAMILY SUPPORT SERVICE and the TORRANCE HOUSING ASSOCIATION.\n\n"
              "CONTACT OFFICER: JANET ROSS, SERVICE MANAGER, TEL: 01234 567890\n")
    found = mentions_of(report)
    assert ("person", "JANET ROSS", "Janet Ross") in found
    # A label the structure stage or a finder took as printed reads as the name is written.
    assert ("committee", "NORTH AREA COMMITTEE", "North Area Committee") in found
    assert ("organisation", "TORRANCE HOUSING ASSOCIATION", "Torrance Housing Association") in found
    assert ("service", "FAMILY SUPPORT SERVICE", "Family Support Service") in found
    assert any(span == "EARLY LEARNING AND CHILDCARE EXPANSION PROGRAMME" for _kind, span, _label in found)
    # Heading lines in capitals are still no people.
    assert {label for kind, _span, label in found if kind == "person"} == {"Janet Ross"}


def test_a_capitalised_preamble_before_a_name_gives_no_committee_of_it() -> None:
    # The committee finder reads capitals itself: "RECORD OF DECISION OF THE" is no part of a name.
    found = mentions_of("GLENBRAE BOROUGH COUNCIL\n\nRECORD OF DECISION OF THE Cabinet\n\nThe Cabinet agreed.\n")
    assert not any(kind == "committee" and label.startswith("Record") for kind, _span, label in found)


def test_quotes_in_the_graph_are_the_documents_own_capitals(tmp_path) -> None:
    page = tmp_path / "glenbrae-area-committee-agenda.txt"
    page.write_text(AREA_AGENDA, encoding="utf-8")
    sources, errors = collect_sources([page])
    result = build_documents(sources, Registry())
    assert errors == [] and result.errors == []
    graph = Graph()
    for graphs in result.graphs:
        for triple in graphs.assertions:
            graph.add(triple)
    quotes = {str(q) for q in graph.objects(None, OA.exact)}
    assert "CRIMINAL JUSTICE SOCIAL WORK SERVICE" in quotes
    assert "Criminal Justice Social Work Service" not in quotes
    # Every quote is a slice of the document as written.
    assert all(quote in AREA_AGENDA for quote in quotes)
