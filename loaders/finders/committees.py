"""Committees named in a passage: cabinets, full council, committees, sub-committees, panels,
boards, forums, task groups, working groups, parliamentary committees.

A committee is a name run ending in a committee head noun ("Audit, Risk & Assurance
Committee", "Licensing Board", "Capital Strategy Task and Finish Group"), optionally followed
by what it is on or for ("Select Committee on Defence", "Committee for Communities"); or a
standalone name ("Cabinet", "Full Council"); or "Council" where the council meets as a body
("a meeting of Council", "Council noted", "recommended to Council."), one name for it in a
paper; or an authority meeting as a whole ("the meeting of the Fire Authority"). Names printed
in capitals, with a bracketed qualifier ("Planning (Applications) Sub-committee"), in a list of
meetings by date or as the meeting a decision notice was made at are committees too. "The
Committee" and its like are the meeting's own committee, which the resolver knows. Heads and
every other word list are cue data (``committees`` in ``cues/entities.toml``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from evidence_graph.loaders.context import board_meeting_pattern, name_pattern
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.finders.spans import (
    CAP_WORD,
    JOINERS,
    NAME_END,
    alternation,
    cues,
    headed_run,
    of_lead_words,
    preceded_by_article,
    run_parts,
    strong_suffixes,
    trim_start,
)
from evidence_graph.loaders.mentions import MENTION_FINDERS, Mention, Passage
from evidence_graph.loaders.names import parse_person_name

#: One-word names that stand for the meeting's own committee ("the Committee", "the Panel").
GENERIC_COMMITTEE_WORDS = frozenset({"committee", "sub-committee", "subcommittee", "panel", "board",
                                     "forum", "commission", "group"})


@cache
def _tail() -> re.Pattern[str]:
    """What a committee is on or for: " on the Draft … Order 2008", " for Communities"."""
    dates = "|".join(load_date_words())
    word = rf"(?:{CAP_WORD}|\([A-Z][\w&]{{1,15}}\)|[0-9]{{4}})"
    # "of the" joins too ("Select Committee on Office of the Deputy Prime Minister"); "and the"
    # begins another name.
    joiner = r"(?:of[ \u00a0](?:the[ \u00a0])?|(?:and|the|&)[ \u00a0])"
    return re.compile(rf"[ \u00a0](?:on|for)[ \u00a0](?:the[ \u00a0])?(?!(?:{dates})\b)"
                      rf"(?P<tail>{CAP_WORD}(?:[ \u00a0]{joiner}?{word}){{0,10}})")


#: Weekday names.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Month names.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: Weekday and month names.
CALENDAR_WORDS = (*WEEKDAYS, *MONTHS)


def load_date_words() -> list[str]:
    """Weekday and month names and other words of time (a committee "on Tuesday" is not a
    committee on Tuesday, nor is the Panel "for the Municipal Year 2021-22" one for a year)."""
    return [*CALENDAR_WORDS, "Behalf", "Page", "Pages", "Item", "Items", "Municipal Year",
            "Civic Year", "Council Year", "Financial Year", "Year", "Remainder", "Period"]


@cache
def _not_before() -> re.Pattern[str]:
    # Also a lower-case noun the name qualifies: "House of Lords Committee chairmen", "Select
    # Committee activity".
    lower = alternation(cues("committees", "qualified_nouns"))
    return re.compile(rf"[ \u00a0]+(?:(?:{alternation(cues('committees', 'not_before'))})|(?:{lower})){NAME_END}")


@cache
def _acronym_minutes() -> re.Pattern[str]:
    """A name ending in an acronym of a board or committee (its last letter "B" or "C"), then
    "Minutes" ("Harbour Growth TPB Minutes", "TSC Minutes"): the body whose minutes they are
    (group ``name``)."""
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{CAP_WORD}[ \u00a0]){{0,4}}[A-Z]{{1,4}}[BC])"
                      rf"[ \u00a0]+Minutes(?![\w’'-])")


@cache
def _joined_post() -> re.Pattern[str]:
    """What after a head makes it part of a post joined to another field ("Senior Committee and
    Governance Officer", "Committee and Member Services Manager")."""
    posts = alternation(cues("committees", "joined_post_nouns"))
    return re.compile(rf"[ \u00a0]+(?:and|&)[ \u00a0]+(?:{CAP_WORD}[ \u00a0]+){{0,2}}(?:{posts}){NAME_END}")


@cache
def _council_meeting() -> re.Pattern[str]:
    cue = alternation(cues("committees", "council_meeting_cues"))
    # A capitalised word after "Council" makes it part of a longer name ("a meeting of the
    # Council Leaders' Forum"), save the meeting's day or date ("General Meeting of the Council
    # Tuesday, 8 December").
    when = alternation(CALENDAR_WORDS)
    return re.compile(rf"(?<![\w-])(?i:{cue})[ \u00a0]+(?:the[ \u00a0]+)?(?P<name>(?:Full[ \u00a0]+|County[ \u00a0]+|"
                      rf"City[ \u00a0]+|Borough[ \u00a0]+|District[ \u00a0]+)?Council){NAME_END}"
                      rf"(?![ \u00a0]+(?!(?:{when})\b)[A-Z])")


@cache
def _bare_council() -> re.Pattern[str]:
    """"Council" with no article where the council meets as a body: the subject of a verb
    ("Council noted", "move that Council receives"), after a preposition with nothing that makes
    it a modifier next ("recommended to Council.", "the chairing of Council and its committees",
    not "Council officers"), "Council meeting" ("the last Council meeting", "the Council agenda"),
    or "the Council at its meeting"."""
    space = r"[ \u00a0]"
    verbs = alternation(cues("committees", "council_verbs"))
    after = alternation(cues("committees", "council_after"))
    before = alternation(cues("committees", "council_before"))
    leads = alternation(cues("committees", "council_meeting_leads"))
    papers = alternation(cues("committees", "council_meeting_nouns"))
    subject = rf"(?:^|(?<=[\n\"“‘(])|(?<=[.;:!?]{space})|(?<=\b[Tt]hat{space}))"
    verb = rf"{space}+(?:{verbs})(?![\w’'-])"
    # A date may follow in a title ("Report to Council 23 February 2024").
    months = "|".join(MONTHS)
    date = rf"{space}+(?:[0-9]{{1,2}}(?:st|nd|rd|th)?{space}+(?:{months})|[0-9]{{1,2}}/[0-9]{{1,2}}/)"
    follows = rf"(?:{space}*(?:[.,;:)(\n]|$)|{space}+(?:{after})(?![\w’'-])|{verb}|{date})"
    return re.compile(rf"{subject}(?P<subject>Council)(?={verb})"
                      rf"|(?<![\w’'-])(?:{before}){space}+(?P<object>Council)(?![\w’'-])(?={follows})"
                      rf"|(?<![\w’'-])(?i:{leads}){space}+(?P<meeting>Council)(?={space}+(?:{papers})(?![\w’'-]))"
                      rf"|(?<![\w’'-])[Tt]he{space}+(?P<met>Council)(?=,?{space}+at{space}+its{space}+(?:[a-z]+{space}+)?"
                      rf"meeting(?![\w’'-]))")


@cache
def _listed_council() -> re.Pattern[str]:
    """"Council" after a comma and before the list's next joiner or its end ("Cabinet, Council
    and the Audit Committee", "Cabinet, Council."): with a meeting body before the comma, a
    list of meeting bodies (group ``name``)."""
    return re.compile(r",[ \u00a0]+(?P<name>Council)(?=[ \u00a0]*[.,;:)\n]|[ \u00a0]*$|[ \u00a0]+(?:and|or|&)"
                      r"[ \u00a0])")


@cache
def _body_meeting() -> re.Pattern[str]:
    """A body that meets as a whole, named where it meets: "minutes of the meeting of the Fire
    Authority", "Minutes of Fire Authority", "the Combined Authority meeting" (group ``name``)."""
    heads = alternation(cues("committees", "meeting_body_heads"))
    cue = alternation(cues("committees", "meeting_body_cues"))
    name = rf"(?P<name>(?:{CAP_WORD}[ \u00a0](?:(?:and|&|of)[ \u00a0])?){{1,6}}(?:{heads}))"
    return re.compile(rf"(?<![\w’'-])(?i:{cue})[ \u00a0]+(?:the[ \u00a0]+)?{name}{NAME_END}(?![ \u00a0]+[A-Z][a-z])"
                      rf"|(?<![\w’'-])(?:the|[Aa]|[Tt]his|[Ll]ast|[Nn]ext)[ \u00a0]+{name.replace('name', 'named')}"
                      rf"(?=[ \u00a0]+[Mm]eetings?(?![\w’'-]))")


@cache
def _bare_meeting_body() -> re.Pattern[str]:
    """"the Authority" where an authority meets as a body (group ``head``): after a meeting cue
    ("the minutes of the meeting of the Authority", "recommended to the Authority") or as the
    subject of a meeting's decision ("The Authority noted the report", "that the Authority
    approves")."""
    space = r"[ \u00a0]"
    heads = alternation(cues("committees", "meeting_body_heads"))
    cue = alternation([*cues("committees", "meeting_body_cues"), *cues("committees", "council_meeting_cues")])
    verbs = alternation(cues("committees", "meeting_decision_verbs"))
    return re.compile(rf"(?<![\w’'-])(?i:{cue}){space}+the{space}+(?P<head>{heads})(?![\w’'-])(?!{space}+[A-Z])"
                      rf"|(?:^|(?<=[\n(])|(?<=[.;:]{space})|(?<=\b[Tt]hat{space}))[Tt]he{space}+(?P<subject>{heads})"
                      rf"(?={space}+(?:{verbs})(?![\w’'-]))")


def _meets_as_authority(passage: Passage) -> bool:
    """Whether "the Authority" of a passage can be the paper's meeting body: the host (when
    known) is an authority, and the paper names no authority meeting by a longer name ("the
    meeting of the Fire Authority"), of which "the Authority" is the short form."""
    heads = tuple(cues("committees", "meeting_body_heads"))
    host = passage.context.authority
    if host is not None and not host.name.endswith(heads):
        return False
    return not any((match.group("name") or match.group("named")) and " " in trim_start(
        match.group("name") or match.group("named"))[1] for match in _body_meeting().finditer(
            passage.parsed.document.text))


@cache
def _shouted_committee() -> re.Pattern[str]:
    """A run of words in capitals ending in a committee head in capitals ("LICENSING BOARD")."""
    heads = alternation(sorted({head.upper() for head in cues("committees", "heads")}))
    return re.compile(rf"(?<![\w’'-])(?P<span>(?:[A-Z][A-Z’'&-]*[ \u00a0]+){{0,10}}(?:{heads}))(?![\w’'-])")


def title_case_name(shouted: str) -> str:
    """A name printed in capitals, as it is written in running text: each word capitalised,
    joiners in lower case, acronyms (no vowel) kept.

    Examples
    --------
    >>> title_case_name("HEALTH AND WELLBEING SUB-COMMITTEE")
    'Health and Wellbeing Sub-Committee'
    >>> title_case_name("CHILDREN’S NHS PANEL")
    'Children’s NHS Panel'
    """
    def word(token: str) -> str:
        if token.lower() in JOINERS:
            return token.lower()
        if not re.search(r"[AEIOUY]", token):
            return token
        return "-".join(piece.capitalize() for piece in token.split("-"))
    words = shouted.split()
    return " ".join(word(token) if at else word(token).capitalize() for at, token in enumerate(words))


def _shouted_name(span: str) -> str:
    """The committee's name at the end of a run in capitals: what follows the last word that
    ends a phrase before a name ("RECOMMENDS TO THE PROJECT BOARD" → "PROJECT BOARD")."""
    cuts = frozenset(cues("committees", "shouted_cuts"))
    leads = frozenset(word.upper() for word in of_lead_words())
    words = span.split()
    start = 0
    for at, token in enumerate(words[:-1]):
        if token in cuts or (token == "OF" and at and words[at - 1] in leads):
            start = at + 1
    return " ".join(words[start:])


@cache
def _bracketed_committee() -> re.Pattern[str]:
    """A committee name with a bracketed qualifier before its head: "Planning Services
    (Applications) Sub-committee", "Licensing (Hearings) Panel" (group ``span``)."""
    heads = alternation(cues("committees", "heads"))
    joined = rf"(?:[ \u00a0](?:(?:and|of|for|the|&)[ \u00a0])?{CAP_WORD})"
    return re.compile(rf"(?<![\w’'-])(?P<span>{CAP_WORD}{joined}{{0,8}}[ \u00a0]\({CAP_WORD}{joined}{{0,4}}\)"
                      rf"[ \u00a0](?:{heads})){NAME_END}")


def _acronym_named(span: str) -> str | None:
    """A bracketed committee name whose bracket is the acronym of the words before it, from its
    first capitalised word ("the Tarn Bay Growth Deal (TBGD) Joint Committee" → "Tarn Bay
    Growth Deal (TBGD) Joint Committee"), else None.

    Examples
    --------
    >>> _acronym_named("Tarn Bay Growth Deal (TBGD) Joint Committee")
    'Tarn Bay Growth Deal (TBGD) Joint Committee'
    >>> _acronym_named("Licensing (Hearings) Panel") is None
    True
    """
    before, _, rest = span.partition(" (")
    acronym = rest.split(")", 1)[0]
    if re.search(r"[’']s\b", before):
        return None  # "Tarn Council’s (TC) Cabinet": the council's acronym, then its committee
    if not acronym.isupper() or not acronym.isalpha() or len(acronym) < 2:
        return None
    words = before.split()
    initials = "".join(word[0] for word in words if word[0].isupper())
    if not initials.endswith(acronym):
        return None
    # The name starts where its acronym does: words before it open the phrase ("Report of").
    capitals = [at for at, word in enumerate(words) if word[0].isupper()]
    first = capitals[len(capitals) - len(acronym)]
    return " ".join(words[first:]) + " (" + rest


_DATE = r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}"


@cache
def _dated_line() -> re.Pattern[str]:
    """A line of a list of meetings: a name, a dash and the dates it met ("Audit Committee  -
    09/12/09", "Cabinet - 15/12/09, 26/01/10 and 11/02/10"), and a continuation of the name on
    the next line when the column wrapped ("… Management - 21/01/10" / "and Resources Select
    Committee")."""
    word = rf"(?:{CAP_WORD}|\([A-Z][\w&]{{1,15}}\))"
    name = rf"{word}(?:[ \u00a0](?:(?:and|of|for|the|&)[ \u00a0])?{word}){{0,10}}"
    dates = rf"{_DATE}(?:(?:,|[ \u00a0]+and)[ \u00a0]+{_DATE})*"
    return re.compile(rf"(?m)^[ \u00a0]*(?P<name>{name})[ \u00a0]+[-–][ \u00a0]+{dates}[ \u00a0]*$"
                      rf"(?:\n[ \u00a0]*\n?[ \u00a0]*(?P<more>(?:and|of|for|&)[ \u00a0]+{name})[ \u00a0]*$)?")


@lru_cache(maxsize=8)
def _lists_meetings(document_text: str) -> bool:
    """Whether a document lists meetings by name and date with at least two committee names
    (then every name of that list is a meeting body, with or without a head noun)."""
    heads = tuple(cues("committees", "heads"))
    named = [m for m in _dated_line().finditer(document_text) if (m.group("more") or m.group("name")).endswith(heads)]
    return len(named) >= 2


@lru_cache(maxsize=8)
def _names_cabinet(document_text: str) -> bool:
    """Whether a document names a Cabinet as a body ("decision taken by Cabinet"), not only in a
    post ("Cabinet Member for Housing")."""
    return any(not _not_before().match(document_text, match.end())
               for match in re.finditer(rf"(?<![\w’'-])Cabinet{NAME_END}", document_text))


@cache
def _made_at() -> re.Pattern[str]:
    """"Made at meeting: 23/01/2024 - Delegated Decisions by Cabinet Member for Roads" (group
    ``name``: the meeting body)."""
    labels = alternation(cues("committees", "made_at_labels"))
    return re.compile(rf"(?m)^[ \u00a0]*(?:{labels})[ \u00a0]*:[ \u00a0]*{_DATE}[ \u00a0]+[-–][ \u00a0]+"
                      rf"(?P<name>[A-Z][^\n]*?)[ \u00a0.]*$")


@cache
def _item_at_meeting() -> re.Pattern[str]:
    """An issue's history line, "Meeting: 06/10/2021 - Plenary (Item 7)": the body whose meeting
    took the item (group ``name``), whatever its name ends in."""
    labels = alternation(cues("committees", "item_meeting_labels"))
    return re.compile(rf"(?m)^[ \u00a0]*(?:{labels})[ \u00a0]*:[ \u00a0]*{_DATE}[ \u00a0]+[-–][ \u00a0]+"
                      rf"(?P<name>[A-Z][^\n()]*?)[ \u00a0]+\(Item[ \u00a0]+[0-9][^\n()]*\)[ \u00a0.]*$")


@lru_cache(maxsize=8)
def _meetings_made_at(document_text: str) -> frozenset[str]:
    """The meeting bodies a document's decision notices were made at."""
    return frozenset(match.group("name") for match in _made_at().finditer(document_text))


@cache
def _decision_maker() -> re.Pattern[str]:
    labels = alternation(cues("committees", "decision_maker_labels"))
    return re.compile(rf"(?m)^[ \u00a0]*(?:{labels})[ \u00a0]*:[ \u00a0]*(?P<name>[A-Z][^\n]*?)[ \u00a0.]*$")


@cache
def _post_title() -> re.Pattern[str]:
    """A post's title and what it is for or of ("Lead Member for Parks", "Portfolio Holder for
    Finance", "Leader of the Council"): a member who decides alone, not a meeting body."""
    posts = load_cues("entities")["posts"]
    heads = alternation([*posts["heads"], *cues("committees", "post_nouns")])
    qualifiers = alternation(posts["qualifiers"])
    return re.compile(rf"(?:{CAP_WORD}[ \u00a0]+){{0,3}}(?:(?:{qualifiers})[ \u00a0]+)*(?:{heads})"
                      rf"[ \u00a0]+(?:for|of)[ \u00a0]")


def is_post_title(name: str) -> bool:
    """Whether a meeting body's name is a post's title, which decides alone and is no committee.

    Examples
    --------
    >>> is_post_title("Lead Member for Parks and Environment"), is_post_title("Executive Member for Roads")
    (True, True)
    >>> is_post_title("Delegated Decisions by Cabinet Member for Roads"), is_post_title("Board of Directors")
    (False, False)
    """
    return _post_title().match(name) is not None


#: A remark before a meeting body's name that holds a date ("Moved from 9th October 2018, Cabinet",
#: "Deferred from 12/03/2024, Audit Committee"): a note on the meeting, no part of the name.
_DATED_REMARK = re.compile(r"^[^,\n]*?(?:\b[0-9]{4}\b|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})[^,\n]*,[ \u00a0]+(?=[A-Z])")
#: The qualifiers a council meeting's name may carry ("Full Council", "County Council"): any other
#: word before "Council" names a council of its own ("Barry Town Council", "Tarn Parish Council").
_COUNCIL_MEETING_WORDS = frozenset({"Full", "Special", "Extraordinary", "Annual", "Ordinary", "County", "City",
                                    "Borough", "District", "Council"})


def _one_meeting_body(name: str) -> bool:
    """Whether a name alone names a meeting body: a standalone name, "Council", or a name ending
    in a committee head after a word of its own."""
    if name in cues("committees", "standalone") or (name.split()[-1:] == ["Council"] and set(
            name.split()) <= _COUNCIL_MEETING_WORDS):
        return True
    heads = tuple(cues("committees", "heads"))
    return name.endswith(heads) and name not in heads and name not in cues("committees", "kinds")


def meeting_body_names_at(offset: int, value: str) -> list[tuple[int, str]]:
    """:func:`meeting_body_names` of a value at ``offset`` in a longer one."""
    return [(offset + at, name) for at, name in meeting_body_names(value)]


def meeting_body_names(value: str) -> list[tuple[int, str]]:
    """The meeting bodies a decision's "meeting" or "decision maker" value names, each with its
    offset in ``value``: a dated remark before them is dropped, a list of bodies gives each
    ("Cabinet, Council", "Cabinet and Audit Committee"), a name with a comma stays whole
    ("Environment, Development and Transport Committee"), and another council ("Barry Town
    Council") or a post ("Lead Member for Parks") is no meeting body.

    Examples
    --------
    >>> meeting_body_names("Moved from 9th October 2018, Cabinet")
    [(29, 'Cabinet')]
    >>> meeting_body_names("Cabinet, Council")
    [(0, 'Cabinet'), (9, 'Council')]
    >>> meeting_body_names("Environment, Development and Transport Committee")
    [(0, 'Environment, Development and Transport Committee')]
    >>> meeting_body_names("Barry Town Council"), meeting_body_names("Lead Member for Parks")
    ([], [])
    >>> meeting_body_names("Audit, Risk and Governance Committee, Cabinet")
    [(0, 'Audit, Risk and Governance Committee'), (38, 'Cabinet')]
    >>> meeting_body_names("Roads, Parks & Leisure Cabinet Member"), meeting_body_names("COUNCIL")
    ([], [(0, 'Council')])
    """
    remark = _DATED_REMARK.match(value)
    start = remark.end() if remark else 0
    rest = value[start:]
    if not rest:
        return []
    if rest.isupper() and re.search(r"[AEIOUY]", rest):
        # "COUNCIL", "HARBOUR COMMITTEE": judged, and named, as running text writes them.
        return meeting_body_names(value[:start] + title_case_name(rest))
    pieces = [(start + piece.start(), piece.group()) for piece in re.finditer(r"[^,&]+?(?=,[ \u00a0]+|[ \u00a0]+"
                                                                               r"(?:and|&)[ \u00a0]+|$)", rest)]
    pieces = [(at + len(piece) - len(piece.lstrip(" \u00a0,&")), piece.strip(" \u00a0,&")) for at, piece in pieces]
    pieces = [(at + (4 if piece.startswith("and ") else 0), piece.removeprefix("and ")) for at, piece in pieces]
    if len(pieces) > 1 and all(piece and _one_meeting_body(piece) for _, piece in pieces):
        return pieces
    # "Audit, Risk and Governance Committee, Cabinet": names with commas of their own in a list;
    # each name ends at a comma after a head, a council or a post.
    names: list[tuple[int, str]] = []
    begin = 0
    for comma in [*re.finditer(r",[ \u00a0]+", rest), None]:
        stop = comma.start() if comma else len(rest)
        group = rest[begin:stop]
        if _one_meeting_body(group.split(", ")[-1]) or group.endswith(" Council") or is_post_title(group) or (
                group.split()[-1:] and group.split()[-1] in cues("committees", "post_nouns")):
            # (another council, "Tarn Town Council", or a post, "Lead Member for Parks", ends a
            # name too, and is judged, and dropped, as one)
            names.append((start + begin, rest[begin:stop]))
            begin = comma.end() if comma else len(rest)
    if len(names) > 1 and begin == len(rest):
        return [body for at, name in names for body in meeting_body_names_at(at, name)]
    if is_post_title(rest) or rest.split()[-1].title() in cues("committees", "post_nouns"):
        # "Lead Member for Parks"; "Asset & Estate Management, Sport, Leisure & Culture Cabinet
        # Member": a portfolio and a post noun, the post's own decision.
        return []
    words = rest.split()
    if words[-1] == "Council" and not set(words) <= _COUNCIL_MEETING_WORDS:
        return []  # "Barry Town Council", "Tarn Community Council": a council of its own
    return [(start, rest)]


@lru_cache(maxsize=8)
def _names_full_council(document_text: str) -> bool:
    """Whether a document calls the council meeting "Full Council"."""
    return re.search(rf"(?<![\w’'-])Full[ \u00a0]+Council{NAME_END}", document_text) is not None


@cache
def _welsh_committee() -> re.Pattern[str]:
    """Welsh names put the head first: "Pwyllgor Canolfan Rachub" (the Rachub Centre Committee)."""
    heads = alternation(cues("committees", "welsh_heads"))
    word = r"[ \u00a0](?:y[ \u00a0]|yr[ \u00a0]|a[ \u00a0])?[A-Z][\w’'-]+"
    return re.compile(rf"(?<![\w’'-])(?:{heads})(?:{word}){{1,4}}{NAME_END}")


@cache
def _council_title() -> re.Pattern[str]:
    days = "|".join(WEEKDAYS)
    return re.compile(rf"(?m)^[ \u00a0]*(?P<name>(?:Full|Special|Extraordinary|Annual)?[ \u00a0]*"
                      rf"(?:County |City |Borough |District )?Council)[ \u00a0]+[-–][ \u00a0]+(?:{days})\b")


@cache
def _the_executive() -> re.Pattern[str]:
    """"the Executive" as a council's executive body (not "the Executive Director", "Chief Executive")."""
    return re.compile(r"(?<=\b[Tt]he[ \u00a0])Executive(?![\w’'-])(?![ \u00a0]+(?:[A-Z]|Director|Member|Summary|"
                      r"Head|Officer|Board|Office|Committee|Leader|Management|Team|Group|Assistant|Support))")


@cache
def _member_body() -> re.Pattern[str]:
    """A body named by head and members ("Board of Directors", "Council of Governors")."""
    return re.compile(rf"(?<![\w’'-])(?:{alternation(cues('committees', 'member_bodies'))}){NAME_END}")


@cache
def _of_named_body() -> re.Pattern[str]:
    """"of"/"at" and a capitalised name after a bare head: the body whose board it is ("the
    Governing Body at Tarnside Academy", "the Board of Governors of Tarn School"); a one-word
    name is the paper's own body as often ("the Board of the Trust")."""
    return re.compile(rf"[ \u00a0]+(?:at|of)[ \u00a0]+(?:the[ \u00a0]+)?{CAP_WORD}[ \u00a0]+{CAP_WORD}")


def _lowered_capitals(text: str) -> str:
    """``text`` with words in capitals in lower case, but the names of a meeting body ("Council",
    "Cabinet", "Authority") capitalised, so that the cues of running text read a heading in
    capitals ("MINUTES OF THE MEETING OF COUNCIL HELD ON" → "minutes of the meeting of Council
    held on"); the same length, so spans stay the text's.

    Examples
    --------
    >>> _lowered_capitals("RECOMMENDATIONS TO CABINET from NHS Fife")
    'recommendations to Cabinet from nhs Fife'
    """
    names = {"Council", *cues("committees", "standalone"), *cues("committees", "meeting_body_heads")}

    def word(match: re.Match[str]) -> str:
        token = match.group()
        return token.capitalize() if token.capitalize() in names else token.lower()
    return re.sub(r"(?<![\w’'-])[A-Z][A-Z’'-]+(?![\w’'-])", word, text)


def _shouted_meeting_bodies(passage: Passage, council: str) -> Iterator[Mention]:
    """The council meeting, the Cabinet and an authority meeting as a body named in capitals
    ("MINUTES OF THE MEETING OF COUNCIL", "RECOMMENDATIONS TO CABINET", "CABINET" as a heading,
    "MEETING OF THE AUTHORITY"), read with the cues of running text."""
    printed = passage.text
    text = _lowered_capitals(printed)
    if text == printed:
        return

    def shouted(start: int, end: int) -> bool:
        return printed[start:end].isupper()
    for match in (*_council_meeting().finditer(text), *_bare_council().finditer(text),
                  *_listed_council().finditer(text)):
        group = next(g for g in ("name", "subject", "object", "meeting", "met") if g in match.re.groupindex
                     and match.group(g))
        if shouted(match.start(group), match.end(group)):
            yield passage.mention(match.start(group), match.end(group), "committee", council,
                                  "grammar:council-meeting")
    if "AUTHORITY" in printed and _meets_as_authority(passage):
        for match in _bare_meeting_body().finditer(text):
            group = "head" if match.group("head") else "subject"
            if shouted(match.start(group), match.end(group)):
                yield passage.mention(match.start(group), match.end(group), "committee", match.group(group),
                                      "grammar:body-meeting")
    not_before = {word.upper() for word in cues("committees", "not_before")}
    for match in re.finditer(r"(?<![\w’'-])CABINET(?![\w’'-])", printed):
        following = printed[match.end():match.end() + 30].split()[:1]
        before = printed[max(0, match.start() - 30):match.start()].split()[-1:]
        post = bool(following) and following[0].strip(",.;:") in not_before
        longer = bool(before) and before[0].isupper() and before[0] not in ("TO", "BY", "OF", "THE", "FROM", "AND",
                                                                           "-", "–")
        if post or longer:
            continue  # "CABINET MEMBER FOR ROADS", "HOUSING CABINET": a post, or a longer name
        yield passage.mention(match.start(), match.end(), "committee", "Cabinet", "pattern:committee-capitals")


def _names_other_body(text: str, end: int) -> bool:
    """Whether "of"/"at" and a name after a bare head at ``end`` name another body whose board
    it is ("the Governing Body at Tarnside Academy"); a council's or an authority's name there
    is the paper's own body, whose committee the head is ("the Cabinet of Fenmoor District
    Council", "the Board of Tarn Fire Authority").

    Examples
    --------
    >>> _names_other_body("the Governing Body at Tarnside Primary School", 18)
    True
    >>> _names_other_body("the Cabinet of Fenmoor District Council held on", 11)
    False
    """
    named = _of_named_body().match(text, end)
    if named is None:
        return False
    rest = re.compile(rf"(?:[ \u00a0]+(?:(?:and|&|of)[ \u00a0]+)?{CAP_WORD})*").match(text, named.end())
    last = text[named.start():rest.end() if rest else named.end()].split()[-1]
    return last not in ("Council", *cues("committees", "meeting_body_heads"))


@cache
def _inner_lead() -> re.Pattern[str]:
    """A post or document word and "of (the)" after other words of a run ("Record of Decision
    of the …")."""
    return re.compile(rf"(?<=[ \u00a0])(?:{alternation(of_lead_words())})[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?")


@cache
def _posts_of() -> re.Pattern[str]:
    """Two posts joined before "of (the)" ("Chairman and Members of the …")."""
    leads = alternation(of_lead_words())
    post = rf"(?:{CAP_WORD}[ \u00a0]){{0,3}}(?:{leads})"
    return re.compile(rf"{post}[ \u00a0]+(?:and|&)[ \u00a0]+{post}[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?")


def _comma_list_end(span: str) -> str:
    """The name at the end of a run with commas: the whole run when it reads "A, B and C
    Committee", else what follows the last comma ("Mr Kevin Shiels, Committee" → "Committee").

    Examples
    --------
    >>> _comma_list_end("Audit, Risk & Assurance Committee")
    'Audit, Risk & Assurance Committee'
    >>> _comma_list_end("Ms Joan Bennett, Finance Committee")
    'Finance Committee'
    >>> _comma_list_end("Harbour Board, Licensing Committee and Audit Committee")
    'Licensing Committee and Audit Committee'
    >>> _comma_list_end("Ann Holt, Chair of the Social Care, Health and Housing Committee")
    'Social Care, Health and Housing Committee'
    """
    if "," not in span:
        return span
    *pieces, last = span.split(", ")
    if not re.search(r"[ \u00a0](?:and|&)[ \u00a0]", last):
        return last
    # A piece ending in a head of its own ("Harbour Board, Licensing Committee and …") makes a
    # list of committees, not one name.
    heads = tuple(cues("committees", "heads"))

    def listed(piece: str) -> bool:
        # "(Chairman, Social Care, Health and Housing Committee)": a post is no piece of a name.
        return (1 <= len(piece.split()) <= 3 and parse_person_name(piece) is None
                and not re.search(r"[()]", piece) and not piece.endswith(heads) and piece not in of_lead_words())
    # The name's list is the pieces just before the last: what comes before them is a phrase
    # around the name ("Ann Holt, Chairman of the Social Care, Health and Housing Committee"),
    # and the piece where the list starts may open with one ("Chairman of the").
    name = last
    for piece in reversed(pieces):
        if listed(piece):
            name = f"{piece}, {name}"
            continue
        trimmed = trim_start(piece)[1]
        if trimmed != piece and trimmed and listed(trimmed):
            name = f"{trimmed}, {name}"
        break
    return name


def _committee(passage: Passage, run: str, end: int, last: bool) -> Iterator[Mention]:
    """The committee a name run ending at ``end`` names, if any (see :func:`committee_mentions`)."""
    text = passage.text
    name = trim_start(_comma_list_end(trim_start(run)[1]))[1]
    # "Chairman and Members of the Harbour Committee": two posts, then the committee.
    posts = _posts_of().match(name)
    name = name[posts.end():] if posts else name
    # "Record of Decision of the Cabinet": a document or post word and "of" inside the run, not
    # only at its start, open a phrase around the name; the name is what follows the last one.
    inner = [*_inner_lead().finditer(name)]
    name = name[inner[-1].end():] if inner else name
    # "Draft Minutes Harbour Planning Committee" (a heading in capitals, read in title case): a
    # document word among the first words ends the phrase before the name.
    words = name.split(" ")
    documents = {word.title() for word in cues("committees", "shouted_cuts")} - {"A", "An", "The", "To", "In", "On"}
    cut = max((at for at, word in enumerate(words[:3]) if word in documents and at < len(words) - 1), default=-1)
    name = " ".join(words[cut + 1:]) if cut >= 0 else name
    # "Statement to Cabinet", "Report to Audit Committee": a paper sent to the committee; a
    # committee's name seldom holds "to", so the name is what follows the last one.
    name = re.split(r"[ \u00a0]to[ \u00a0]", name)[-1]
    # "Terms of Reference for the Member Task and Finish Group": what a paper is for, then the
    # body; a committee's name holds "for the" after its head ("Committee for the Executive
    # Office"), never before it.
    name = re.split(r"[ \u00a0]for[ \u00a0]the[ \u00a0]", name)[-1]
    # "Terms of Reference of the Widgets Working Group": likewise "of the" before the last words
    # of a name ending in its head ("the Board of the Trust" has its head first).
    cut = [*re.finditer(r"[ \u00a0]of[ \u00a0]the[ \u00a0]", name)]
    if cut and len(name[cut[-1].end():].split()) >= 2:
        name = name[cut[-1].end():]
    start = end - len(name)
    if not name or _not_before().match(text, end) or _joined_post().match(text, end):
        return
    generic = frozenset(cues("committees", "generic_words"))
    words = name.split()
    if any(word in JOINERS for word in words) and all(word.lower() in generic or word in JOINERS for word in words):
        # "Council and Committee Procedure Rules": kinds of meeting joined, no body's name.
        return
    # "establish a Special Purpose Committee on Senedd Reform": after "a", a name with what it
    # is on is a body (perhaps yet to be set up), not a kind.
    if preceded_by_article(text, start) and not (
            last and " " in name and name.endswith(tuple(cues("committees", "tail_heads")))
            and _tail().match(text, end)):
        return
    if name.split()[0] in cues("committees", "foreign_state_adjectives") and " " in name:
        # "the Dutch Safety Board": a body of another state, not a committee of the paper's body.
        yield passage.mention(start, end, "organisation", name, "pattern:org-board")
        return
    if name.endswith(tuple(cues("committees", "organisation_heads"))):
        # "Truth Recovery Independent Panel", "Strathclyde Joint Fire Board": bodies of their own.
        head = next(h for h in cues("committees", "organisation_heads") if name.endswith(h))
        if len(name.split()) > len(head.split()):
            yield passage.mention(start, end, "organisation", name, "pattern:org-board")
        return
    tail = _tail().match(text, end) if last and name.endswith(tuple(cues("committees", "tail_heads"))) else None
    if tail is not None:
        # The tail ends before a document word ("Select Committee on Health Minutes of Evidence").
        stop = re.search(rf"[ \u00a0](?:{alternation(cues('names', 'lead_words'))})(?![\w’'-])", tail.group())
        if stop is not None:
            tail = _tail().match(text, end, end + stop.start()) if stop.start() > 0 else None
    with_article = re.search(r"(?:\b[Tt]he|\b[Tt]his)[ \u00a0]+$", text[max(0, start - 6):start])
    if " " not in name and tail is not None and with_article:
        # "the Committee for Communities": a committee named by what it is for.
        yield passage.mention(start, tail.end(), "committee", text[start:tail.end()], "pattern:committee")
        return
    if tail is not None and name in cues("committees", "heads") and (with_article or " " in name):
        yield passage.mention(start, tail.end(), "committee", text[start:tail.end()], "pattern:committee")
        return
    session, _, head = name.partition(" ")
    if session in cues("committees", "session_words") and head.lower() in GENERIC_COMMITTEE_WORDS:
        # "Public Board 11 August 2022", "Private Committee": a session of the body that meets,
        # the meeting's own, not a body of that name.
        yield passage.mention(end - len(head), end, "committee", head, "pattern:committee-generic")
        return
    if name in cues("committees", "heads") and (_names_other_body(text, end) or _member_body().match(text, start)):
        # (A body named by head and members, "the Board of Governors", is judged as a whole.)
        # "Chairman of the Governing Body at Tarnside Academy": the board of a body named after
        # it, not a committee of the paper's body.
        return
    if name in cues("committees", "kinds"):
        # "the Task and Finish Group", "the Committee": a kind, or the meeting's own committee
        # (only with its article), never a committee of another name.
        if " " not in name and with_article:
            yield passage.mention(start, end, "committee", name, "pattern:committee-generic")
        return
    head = max((h for h in cues("committees", "heads") if name.endswith(h)), key=len, default="")
    named_by = name[:-len(head)].split() if head else []
    if named_by and all(word in cues("committees", "institution_nouns") for word in named_by):
        # "Chairman of the School Governing Body": the body of some school, named by no name of
        # its own, and not a committee of the paper's body.
        return
    if len(named_by) >= 2 and named_by[-1] in strong_suffixes() - {"Partnership", "Partnerships", "Groups"}:
        # "the Pitzhanger Manor Trust Board": the board of a body named before it, which is a
        # mention of that body too ("the Tarn Regional Partnership Board" is the board itself).
        body = " ".join(named_by)
        yield passage.mention(start, start + len(body), "organisation", body, "pattern:body-of-board")
    if " " not in name and name not in cues("committees", "standalone"):
        # "the Committee": the meeting's own committee (only with its article).
        if re.search(r"(?:\b[Tt]he|\b[Tt]his)[ \u00a0]+$", text[max(0, start - 6):start]):
            yield passage.mention(start, end, "committee", name, "pattern:committee-generic")
        return
    if re.search(r"s[’'][ \u00a0]\S+$", name) and not re.search(r"(?i)committee$", name):
        # "Harbourne Tenants' Forum", "Belvoir Area Residents' Group": a group of people of that
        # kind, not a committee of the council; a "Leaders' Committee" is still a committee.
        yield passage.mention(start, end, "organisation", name, "pattern:members-group")
        return
    if _declared_interest(passage, start, name):
        yield passage.mention(start, end, "organisation", name, "pattern:outside-body")
        return
    if _outside_body(text, start, end, name):
        if name in cues("committees", "outside_heads"):
            return  # "the Neighbourhood Forum": a kind, or one the paper names elsewhere
        yield passage.mention(start, end, "organisation", name, "pattern:outside-body")
        return
    if tail is not None:
        end = tail.end()
        name = text[start:end]
    yield passage.mention(start, end, "committee", _without_host_place(passage, name), "pattern:committee")


#: Words that end a council's name after its place ("Tarnshire County Council" → "Tarnshire").
_COUNCIL_KIND_WORDS = frozenset({"County", "City", "Borough", "District", "Metropolitan", "Council", "Royal"})


def _without_host_place(passage: Passage, name: str) -> str:
    """A standalone committee name said with the host council's place before it ("Tarnshire
    Cabinet" in Tarnshire County Council's papers) as the council's own name for it ("Cabinet");
    any other name as it is.

    Examples
    --------
    >>> from evidence_graph.loaders.context import Authority, CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> parsed = parse_document(Document("m.txt", "m", "Minutes\\n\\nIt went to the Tarnshire Cabinet.\\n", "0"))
    >>> context = CorpusContext(Authority("Tarnshire County Council"))
    >>> [m.label for m in find_mentions(parsed, context, finders=["committees"])]
    ['Cabinet']
    """
    host = passage.context.authority
    place, _, rest = name.rpartition(" ")
    if host is None or not place or rest not in cues("committees", "standalone") or name in cues(
            "committees", "standalone"):
        return name
    if host.scope and all(word[0].isupper() and word not in cues("committees", "foreign_state_adjectives")
                          for word in place.split()):
        # A host the papers never name ("the County Council"): the place they put before
        # "Cabinet" is taken as its own.
        return rest
    for council in (host.name, *host.aliases):
        words = council.split()
        while words and words[-1] in _COUNCIL_KIND_WORDS:
            words.pop()
        if words and len(words) < len(council.split()) and " ".join(words) == place:
            return rest
    return name


@cache
def _outside_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What before and after a body's name makes it a body of its own ("designated under …", "a
    registered charity"); either case of the first letter."""
    after = alternation(cues("committees", "outside_context_after"))
    before = alternation(cues("committees", "outside_context_before"))
    return (re.compile(rf"(?i:{before})[ \u00a0]+(?:the[ \u00a0]+)?$"),
            re.compile(rf",?[ \u00a0]+(?:(?:which|who|that)[ \u00a0]+)?(?:(?:is|was|has[ \u00a0]+been|were|are)"
                       rf"[ \u00a0]+)?(?i:{after})(?![\w’'-])"))


@cache
def _interest_lead() -> re.Pattern[str]:
    """Words of a declared interest just before a name ("Interest, Member of the …")."""
    return re.compile(rf"(?i:{alternation(cues('committees', 'interest_before'))})[ \u00a0]+(?:the[ \u00a0]+)?$")


def _declared_interest(passage: Passage, start: int, name: str) -> bool:
    """Whether a name is a body a member declares an interest in ("Affects Non-registerable
    Interest, Member of the Tarn Vale Refugee Support Group"), which the papers never record
    meeting ("Minutes of the … Forum held on …" makes it the paper's body's own)."""
    if not _interest_lead().search(passage.text[max(0, start - 50):start]):
        return False
    met = re.compile(rf"\b(?i:minutes|meeting|meetings)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?{re.escape(name)}")
    return met.search(passage.parsed.document.text) is None


@cache
def _outside_committee_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What before and after a name ending in "Committee" makes it a group outside the paper's
    body ("engage with the …", "…, other relevant groups"); either case of the first letter."""
    after = alternation(cues("committees", "outside_committee_after"))
    before = alternation(cues("committees", "outside_committee_before"))
    return (re.compile(rf"(?i:{before})[ \u00a0]+(?:the[ \u00a0]+)?$"),
            re.compile(rf",?[ \u00a0]+(?i:{after})(?![\w’'-])"))


def _outside_body(text: str, start: int, end: int, name: str) -> bool:
    """Whether a forum, group, board or panel is a body outside the paper's body: named by the
    public it gathers ("Tarnside Residents Forum"), of a kind the law sets outside councils ("a
    Neighbourhood Forum"), or said to be one ("…, designated under the Localism Act", "…, a
    registered charity").

    Examples
    --------
    >>> text = "The Tarn Neighbourhood Forum, designated in 2019, wrote to the Planning Committee."
    >>> _outside_body(text, 4, 28, "Tarn Neighbourhood Forum"), _outside_body(text, 63, 81, "Planning Committee")
    (True, False)
    """
    words = name.split()
    if len(words) > 2 and words[-2] in cues("committees", "public_member_nouns"):
        return True  # "Tarnside Residents Forum", without the apostrophe of "Residents’ Forum"
    if name.endswith(tuple(cues("committees", "outside_heads"))):
        return True
    if words[-1].lower() in ("committee", "sub-committee", "subcommittee", "cabinet"):
        # "the Health Scrutiny Committee, designated as the crime and disorder committee": a
        # committee is the council's, whatever the council makes it; unless the council works
        # with it or pays it as one of others' groups ("engage with the Tarnside Gala
        # Committee, other relevant groups and organisations").
        committee_before, committee_after = _outside_committee_context()
        return bool(committee_before.search(text[max(0, start - 40):start]) or committee_after.match(text, end))
    before, after = _outside_context()
    return bool(before.search(text[max(0, start - 40):start]) or after.match(text, end))


@cache
def _head_before_tail() -> re.Pattern[str]:
    """A run up to its last head that "on"/"for" follows ("Joint Committee on Human Rights")."""
    heads = alternation(cues("committees", "tail_heads"))
    return re.compile(rf"(?:.*[ \u00a0])?(?:{heads})(?=[ \u00a0](?:on|for)[ \u00a0])")


def _head_parts(parts: list[tuple[int, str]], ends_in_head: re.Pattern[str]) -> list[tuple[int, str]]:
    """Split each part where "and"/"&" follows a head ("Licensing Committee and Audit Committee",
    "Cabinet and Audit Committee"): two committees, where "Overview and Scrutiny Committee" is one."""
    split: list[tuple[int, str]] = []
    for at, part in parts:
        start = 0
        for join in re.finditer(r"[ \u00a0](?:and|&)[ \u00a0]", part):
            if join.start() > start and ends_in_head.match(part[start:join.start()]):
                split.append((at + start, part[start:join.start()]))
                start = join.end()
        split.append((at + start, part[start:]))
    return split


def _member_groups(passage: Passage) -> Iterator[Mention]:
    """Groups of members named by what they do ("Corporate Services Policy and Challenge Group",
    "Harbour Member Liaison Group"): a committee of the paper's body, though "Group" ends the
    names of companies and political groups too, so it is no head of its own.

    The mention is a ``grammar`` one: the name's own words decide, before the organisation
    suffix "Group" would."""
    text = passage.text
    function_words = frozenset(cues("committees", "group_function_words"))
    heads = tuple(cues("committees", "heads"))
    for match in headed_run(("Group",), commas=True).finditer(text):
        span = match.group("span")
        if span.endswith(heads) or not function_words & set(re.split(r"[ \u00a0]+", span)[:-1]):
            continue
        for found in _committee(passage, span, match.end("span"), last=True):
            if found.kind == "committee" and " " in found.label:
                yield dataclasses.replace(found, method="grammar:member-group")
            else:
                yield found


def is_generic_committee(label: str) -> bool:
    """Whether ``label`` is a bare head noun ("the Committee"), which names the meeting's own
    committee rather than another one.

    Examples
    --------
    >>> is_generic_committee("the Committee"), is_generic_committee("Audit Committee")
    (True, False)
    """
    words = label.lower().split()
    if words and words[0] in ("the", "this"):
        words = words[1:]
    return len(words) == 1 and words[0] in GENERIC_COMMITTEE_WORDS


@MENTION_FINDERS.register("committees", after="organisations")
def committee_mentions(passage: Passage) -> Iterator[Mention]:
    """Committees by head noun, standalone name or council-meeting cue.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nThe Chair of the Audit, Risk & Assurance Committee reported to Cabinet "
    ...         "and the Select Committee on Defence.\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["committees"]))
    ['Audit, Risk & Assurance Committee', 'Cabinet', 'Select Committee on Defence']
    """
    text = passage.text
    heads = tuple(cues("committees", "heads"))
    ends_in_head = re.compile(rf"(?:^|.*[ \u00a0])(?:{alternation(heads)})$")
    for match in headed_run(heads, commas=True).finditer(text):
        for at, part in _head_parts(run_parts(match.group("span")), ends_in_head):
            start = match.start("span") + at
            if ends_in_head.match(part):
                end = start + len(part)
                yield from _committee(passage, part, end, last=end == match.end("span"))
            elif (head := _head_before_tail().match(part)) is not None:
                # "the Joint Committee on Human Rights and the …": a committee named by what it
                # is on, before another name.
                yield from _committee(passage, part[:head.end()], start + head.end(), last=True)
            if ", " in part and _comma_list_end(trim_start(part)[1]) != trim_start(part)[1]:
                # "Mid Tarn Area Committee, Cabinet Member …": a list of names, each ending in
                # its own head; the last is judged above, the ones before it here.
                offset = 0
                for piece in part.split(", ")[:-1]:
                    if ends_in_head.match(piece):
                        yield from _committee(passage, piece, start + offset + len(piece), last=False)
                    offset += len(piece) + 2
    yield from _member_groups(passage)
    for match in _member_body().finditer(text):
        # "the Board of Directors", "the Council of Governors met in public"; not "the Board of
        # Governors of Tarn Primary School", another body's board.
        if _names_other_body(text, match.end()):
            continue
        yield passage.mention(match.start(), match.end(), "committee", match.group(), "pattern:committee")
    for match in _acronym_minutes().finditer(text):
        # "Growth Plan TPB Minutes": minutes kept by a board or committee named by acronym.
        dropped, name = trim_start(match.group("name"))
        if " " in name:  # a bare acronym ("BBC Minutes") may be any body's
            yield passage.mention(match.start("name") + dropped, match.end("name"), "committee", name,
                                  "pattern:committee")
    for match in _bracketed_committee().finditer(text):
        span = match.group("span")
        if (own := _acronym_named(span)) is not None:
            # "Tarn Bay Growth Deal (TBGD) Joint Committee": the bracket is the name's own
            # acronym, so the whole is one committee's name (not initials ending a person's).
            start = match.end("span") - len(own)
            yield passage.mention(start, match.end("span"), "committee", own, "pattern:committee")
            continue
        yield from _committee(passage, span, match.end("span"), last=True)
    for match in re.finditer(rf"(?<![\w’'-])(?:{alternation(cues('committees', 'standalone'))}){NAME_END}", text):
        if " " in match.group() and not _not_before().match(text, match.end()):
            yield passage.mention(match.start(), match.end(), "committee", match.group(), "pattern:committee")
    for match in _welsh_committee().finditer(text):
        if _not_before().match(text, match.start() + len(match.group().split()[0])):
            # "Panel Members may nominate …": an English head and a post, not a Welsh name.
            continue
        yield passage.mention(match.start(), match.end(), "committee", match.group(), "pattern:committee")
    # The council meeting as a body has one name in a document, whatever form each sentence
    # gives it ("meeting of County Council", "the Special County Council meeting", "Council
    # noted"): "Council", or "Full Council" when the paper calls it that.
    council = "Full Council" if _names_full_council(passage.parsed.document.text) else "Council"
    for match in _council_title().finditer(text):
        # "Council - Wednesday, 19th August, 2015": the council meeting as a body, in a title.
        yield passage.mention(match.start("name"), match.end("name"), "committee", council, "grammar:council-meeting")
    special = (r"(?<![\w’'-])(?:Special|Extraordinary|Annual)[ \u00a0]+(?:(?:County|City|Borough|District)[ \u00a0]+)?"
               r"Council(?=[ \u00a0]+(?:[Mm]eeting|[Mm]inutes))")
    for match in re.finditer(special, text):
        yield passage.mention(match.start(), match.end(), "committee", council, "grammar:council-meeting")
    authority = passage.context.authority
    if authority is not None and authority.name.endswith("Board"):
        # A board's meeting is the board meeting as a body ("DRAFT MINUTE of BOARD MEETING" of
        # Highland NHS Board), as a council's is the council.
        for match in board_meeting_pattern().finditer(text):
            group = "name" if match.group("name") else "named"
            yield passage.mention(match.start(group), match.end(group), "committee", "Board",
                                  "grammar:board-meeting")
    # A council's executive is its Cabinet: a paper that names the Cabinet means it by "the Executive".
    executive = "Cabinet" if _names_cabinet(passage.parsed.document.text) else "Executive"
    for match in _the_executive().finditer(text):
        yield passage.mention(match.start(), match.end(), "committee", executive, "pattern:committee")
    for match in _council_meeting().finditer(text):
        # "grammar": the cue decides, so it stands beside the host authority's own mention.
        yield passage.mention(match.start("name"), match.end("name"), "committee", council, "grammar:council-meeting")
    if authority is not None and authority.name.endswith("Council"):
        # "a meeting of the Ards and North Down Borough Council": the host's name after a
        # meeting is the council meeting as a body too.
        name = name_pattern(authority.name)
        for match in re.finditer(rf"(?<![\w-])(?i:meetings?[ \u00a0]+of)[ \u00a0]+(?:the[ \u00a0]+)?(?P<name>{name})"
                                 rf"(?![\w’'-])(?![ \u00a0]+[A-Z])", text):
            yield passage.mention(match.start("name"), match.end("name"), "committee", council,
                                  "grammar:council-meeting")
    for match in _bare_council().finditer(text):
        group = next(g for g in ("subject", "object", "meeting", "met") if match.group(g))
        yield passage.mention(match.start(group), match.end(group), "committee", council, "grammar:council-meeting")
    for match in _listed_council().finditer(text):
        # "considered by Cabinet, Council and the Audit Committee": a list of meeting bodies.
        if _one_meeting_body(" ".join(text[max(0, match.start() - 60):match.start()].split()[-4:])):
            yield passage.mention(match.start("name"), match.end("name"), "committee", council,
                                  "grammar:council-meeting")
    for match in _body_meeting().finditer(text):
        group = "name" if match.group("name") else "named"
        name = trim_start(match.group(group))[1]
        end = match.end(group)
        if name and " " in name:
            yield passage.mention(end - len(name), end, "committee", name, "grammar:body-meeting")
    if "Authority" in text and _meets_as_authority(passage):
        for match in _bare_meeting_body().finditer(text):
            # "The Authority noted the report": a national park or fire authority meeting as a
            # body, one name for it as "Council" is; "grammar", beside the host's own mention.
            group = "head" if match.group("head") else "subject"
            yield passage.mention(match.start(group), match.end(group), "committee", match.group(group),
                                  "grammar:body-meeting")
    yield from _shouted_meeting_bodies(passage, council)
    kinds = {kind.upper() for kind in cues("committees", "kinds")}
    for match in _shouted_committee().finditer(text):
        # "APPOINTMENT TO THE LICENSING BOARD, LOCAL REVIEW BODY AND …": a heading shouting
        # committee names; a bare head or kind ("THE COMMITTEE", "SELECT COMMITTEE") names none.
        span, end = match.group("span"), match.end("span")
        # "SOCIAL CARE, HEALTH AND HOUSING COMMITTEE": a comma inside the name, as in running text.
        name = _shouted_name(span)
        # "SOCIAL CARE, HEALTH AND HOUSING COMMITTEE": pieces before a comma may open the name,
        # as in running text (the run above stops at the comma).
        piece = r"(?:[A-Z][A-Z’'&-]*[ \u00a0]?){1,4}"
        before = re.search(rf"{piece}(?:,[ \u00a0]{piece})*,[ \u00a0]$",
                           text[max(0, match.start("span") - 120):match.start("span")])
        if before and len(name) == len(span):
            whole = before.group() + name
            kept = _comma_list_end(title_case_name(whole))
            if len(kept) > len(name) and len(kept) <= len(whole):
                name = whole[len(whole) - len(kept):]
        # After "A"/"AN" ("ESTABLISHMENT OF A … BOARD"): a kind, or a body yet to be set up.
        after_article = re.search(r"(?:^|[ \u00a0])(?:A|AN)[ \u00a0]+$", span[:-len(name)])
        title = title_case_name(name)
        # "DRAFT MINUTES PLANNING COMMITTEE": document words before the name, as in running text.
        title = trim_start(title)[1] if len(title) == len(name) else title
        # "HOUSING CABINET MEMBER": a post, as "Cabinet Member" is.
        rest = text[end:end + 40].split("\n")[0]
        lead = rest[:len(rest) - len(rest.lstrip(" \u00a0"))]
        post = lead and _not_before().match(lead + title_case_name(rest))
        if len(title.split()) < 2 or title.upper() in kinds or after_article or post:
            continue
        yield passage.mention(end - len(title), end, "committee", title, "pattern:committee-capitals")

    made_at = _meetings_made_at(passage.parsed.document.text)
    for match in (*_made_at().finditer(text), *_decision_maker().finditer(text)):
        # A decision notice's meeting, and a decision maker of the same name: the body that
        # decided, whatever its name ends in ("Delegated Decisions by Cabinet Member for Roads").
        if match.group("name") not in made_at:
            continue
        bodies = meeting_body_names(match.group("name"))
        for at, name in bodies:
            # "Moved from 9th October 2018, Cabinet", "Cabinet, Council": a dated remark, a list.
            if len(bodies) > 1 or " " in name or at:
                yield from _meeting_body(passage, match.start("name") + at, name, council)
    for match in _item_at_meeting().finditer(text):
        # "Meeting: 12/03/2024 - Lead Member for Parks (Item 4)": a post's decision, no body;
        # "Meeting: 06/10/2021 - Barry Town Council (Item 3)": another council, no committee.
        for at, name in meeting_body_names(match.group("name")):
            yield from _meeting_body(passage, match.start("name") + at, name, council)
    if _lists_meetings(passage.parsed.document.text):
        yield from _listed_meetings(passage)


def _meeting_body(passage: Passage, start: int, name: str, council: str) -> Iterator[Mention]:
    """A meeting body a decision's meeting line names at ``start``; "Council" under the name the
    paper gives the council meeting."""
    label = council if name.split()[-1] == "Council" and set(name.split()) <= _COUNCIL_MEETING_WORDS else name
    yield passage.mention(start, start + len(name), "committee", label, "grammar:made-at")


def _listed_meetings(passage: Passage) -> Iterator[Mention]:
    """The names of a list of meetings by date (see :func:`_lists_meetings`): "Special Joint
    Overview and Scrutiny - 16/02/10" is a committee though no head noun ends it."""
    heads = tuple(cues("committees", "heads"))
    blocks = passage.parsed.blocks
    following = passage.parsed.text_of(blocks[passage.index + 1]).strip() if passage.index + 1 < len(blocks) else ""
    for match in _dated_line().finditer(passage.text):
        name = match.group("name")
        if name in cues("committees", "kinds") or (" " not in name and name not in cues("committees", "standalone")):
            continue
        if is_post_title(name) or not meeting_body_names(name):
            # "Lead Member for Parks - 16/02/10": a post's decision session; "Tarn Parish
            # Council - 16/02/10": another council's meeting.
            continue
        if match.group("more"):
            # The column wrapped inside the block: the name runs on over the dates.
            yield passage.mention(match.start("name"), match.end("more"), "committee",
                                  f"{name} {match.group('more')}", "pattern:committee-list")
        elif match.end() >= len(passage.text.rstrip()) and following in heads:
            # The column wrapped into the next block ("Health and Adult Social Care - 14/01/10"
            # / "Select Committee"): the span is the first part, the name the whole.
            yield passage.mention(match.start("name"), match.end("name"), "committee", f"{name} {following}",
                                  "pattern:committee-list")
        else:
            yield passage.mention(match.start("name"), match.end("name"), "committee", name, "pattern:committee-list")
