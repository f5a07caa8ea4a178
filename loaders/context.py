"""What the documents of one build know together: the host authority, the committee, the
meeting date and the meeting's cast (members, officers, witnesses).

Resolution is scoped by this context (MODEL.md §7.2): "Mr Wilson" resolves only within the
cast of the meeting, and "the Council" to the authority hosting the committee.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from loaders.acronyms import acronym_definitions
from loaders.blocks import Field, ParsedDocument
from loaders.cues import load_cues
from loaders.names import PersonName, parse_person_name
from loaders.registry import normalise_label, slugify
from loaders.themes import ThemeTagger, ThemeText

#: rapidfuzz ratio (case-folded) above which a run of words is a misspelling of an authority's
#: name or alias ("County Copuncil" scores 96.6 against "County Council"; "County Councillors" 88).
FUZZY_ALIAS_CUTOFF = 90

_AUTHORITY_NAME = re.compile(
    r"\b(?:London Borough of [A-Z][a-z]+(?: (?:and|upon) [A-Z][a-z]+)?(?: Council)?|"
    r"(?:[A-Z][a-z]+[ -]){1,3}(?:Metropolitan Borough|County Borough|County|Borough|District|City)"
    r" Council)\b")


@dataclass(frozen=True)
class Authority:
    """A council: its name, org-id identifier, area, and the aliases papers use for it."""

    name: str
    identifier: str | None = None
    area: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CastMember:
    """A person named in the meeting's papers with the post and organisation given there."""

    name: PersonName
    surface: str
    roles: tuple[str, ...] = ()
    post: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class CorpusContext:
    """Shared knowledge of a build (see module docstring)."""

    authority: Authority | None = None
    committee: str | None = None
    meeting_date: str | None = None
    cast: tuple[CastMember, ...] = ()
    organisations: tuple[str, ...] = ()
    witness_order: tuple[str, ...] = field(default=())
    acronyms: dict[str, str] = field(default_factory=dict)
    items: tuple[tuple[str, str | None, str | None], ...] = ()
    #: Tags passages with the terms-of-reference themes of the build (None: no lettered themes).
    themes: ThemeTagger | None = None
    #: A stated meeting date that is no date ("Date: TBC"): kept as text, never as a date.
    meeting_date_text: str | None = None
    #: The folder (document-key prefix) the documents share: names a meeting with no date.
    folder: str = ""

    def cast_matches(self, name: PersonName) -> list[CastMember]:
        """Cast members a name can refer to: same family name, compatible forename/initials.

        Examples
        --------
        >>> from loaders.names import parse_person_name as p
        >>> ctx = CorpusContext(cast=(CastMember(p("Thom Wilson"), "Thom Wilson"),))
        >>> [c.surface for c in ctx.cast_matches(p("Mr Wilson"))]
        ['Thom Wilson']
        """
        found = []
        for member in self.cast:
            if member.name.family.lower() != name.family.lower():
                continue
            if name.given and member.name.given and name.given != member.name.given:
                continue
            mine, theirs = name.first_initial, member.name.first_initial
            if mine and theirs and mine != theirs:
                continue
            found.append(member)
        return found


@cache
def authority_gazetteer() -> dict[str, dict[str, str]]:
    """Known authorities by name (``cues/authorities.toml``)."""
    return {a["name"]: a for a in load_cues("authorities")["authority"]}


def authority_aliases(name: str) -> tuple[str, ...]:
    """Alias phrases papers use for an authority, from the rules in ``authorities.toml``.

    Examples
    --------
    >>> authority_aliases("Kent County Council")[:3]
    ('KCC', 'the County Council', 'County Council')
    """
    rules = load_cues("authorities")["aliases"]
    aliases: list[str] = []
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) >= rules["initials_min_words"]:
        aliases.append("".join(w[0] for w in words))
    for suffix in sorted((k for k in rules if k != "initials_min_words"), key=len, reverse=True):
        if name.endswith(suffix):
            aliases.extend(rules[suffix])
            break
    return tuple(dict.fromkeys(aliases))


@cache
def _generic_authority_names() -> frozenset[str]:
    rules = load_cues("authorities")["aliases"]
    return frozenset(normalise_label(phrase) for key, phrases in rules.items()
                     if isinstance(phrases, list) for phrase in phrases)


@cache
def is_generic_authority_name(name: str) -> bool:
    """Whether a name is one any council answers to ("the County Council", "Council", "the
    Authority", or a misspelling of one): it identifies an authority only in the scope of a
    document's host authority, never across the registry.

    The phrases are the alias rules of ``authorities.toml``; a misspelling is a rapidfuzz ratio
    of at least :data:`FUZZY_ALIAS_CUTOFF` to one of them.

    Examples
    --------
    >>> [is_generic_authority_name(n) for n in ("County Council", "the Council", "County Copuncil")]
    [True, True, True]
    >>> [is_generic_authority_name(n) for n in ("Surrey County Council", "KCC")]
    [False, False]
    """
    from rapidfuzz.fuzz import ratio

    wanted = normalise_label(name)
    generic = _generic_authority_names()
    return wanted in generic or any(ratio(wanted, phrase) >= FUZZY_ALIAS_CUTOFF for phrase in generic)


def authority_key_of(authority: Authority) -> str:
    """Registry key of an authority: its org-id (``org/gb-lae-ken``) or its name's slug.

    Examples
    --------
    >>> authority_key_of(make_authority("Kent County Council"))
    'org/gb-lae-ken'
    >>> authority_key_of(make_authority("Wexcombe City Council"))
    'org/wexcombe-city-council'
    """
    if authority.identifier:
        return f"org/{authority.identifier.lower()}"
    return f"org/{slugify(authority.name)}"


def make_authority(name: str) -> Authority:
    """Build an :class:`Authority` from its name, with gazetteer facts where known."""
    known = authority_gazetteer().get(name, {})
    return Authority(name, known.get("identifier"), known.get("area"), authority_aliases(name))


def _find_authority(parsed: list[ParsedDocument]) -> str | None:
    """The most-named council; a name in capitals ("HARBOURNE DISTRICT COUNCIL") counts too."""
    counts: Counter[str] = Counter()
    for doc in parsed:
        counts.update(m.group().strip() for m in _AUTHORITY_NAME.finditer(_uncapitalise(doc.document.text)))
    return counts.most_common(1)[0][0] if counts else None


_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’&-]+(?:[ \u00a0]+[A-Z][A-Z'’&-]*)+\b")
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "on", "in", "to", "upon"})


def _title_case(text: str) -> str:
    """Title case that keeps small words small ("Overview and Scrutiny Committee").

    Examples
    --------
    >>> _title_case("OVERVIEW AND SCRUTINY COMMITTEE")
    'Overview and Scrutiny Committee'
    """
    words = text.split(" ")
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:].lower()
                    for i, w in enumerate(words))


def _uncapitalise(text: str) -> str:
    """Runs of capitalised words in title case, same length (so offsets hold)."""
    return _CAPS_RUN.sub(lambda m: _title_case(m.group()) if len(_title_case(m.group())) == len(m.group())
                         else m.group(), text)


_BODY_NAME = re.compile(
    r"(?:minutes of (?:the |a )?(?:meeting of (?:the )?)?)?"
    r"(?P<name>(?:[A-Z][\w’'&,-]*[ \u00a0]+(?:(?:and|of|for)[ \u00a0]+)?)*"
    r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Commission|Forum|Council))\b")
#: Bodies named in one word ("Report to: Cabinet").
_ONE_WORD_BODIES = frozenset({"Cabinet", "Council", "Executive", "Full Council"})


_REPORT_TO = ("report to", "to", "meeting", "committee", "decision maker", "decision-maker")
_PERSON_FIELDS = ("person", "chair", "member", "vice-chair", "contact", "speaker")


def _own_field(fields: tuple[Field, ...], person: Field, name: str) -> Field | None:
    """The ``name`` field that follows ``person`` before the next person in the block."""
    after = False
    for f in fields:
        if f is person:
            after = True
        elif after and f.name in _PERSON_FIELDS:
            return None
        elif after and f.name == name:
            return f
    return None


#: Blocks that list people: a committee named inside them is a post ("Cabinet Member").
_LIST_KINDS = frozenset({"membership", "attendance", "apologies", "memo-header", "signature"})


def _committee_and_date_from_titles(parsed: list[ParsedDocument]) -> tuple[str | None, str | None]:
    """Committee name and meeting date from the first lines of minutes or agendas.

    A committee, panel, board or cabinet wins over a council (the host authority's name is in
    most page headers); a council is the body only when nothing else is named.
    """
    from loaders.structure.fields import find_date

    committee, council, meeting_date = None, None, None
    for doc in parsed:
        for block in doc.blocks[:12]:
            text = doc.text_of(block)
            if block.kind == "memo-header" and committee is None:
                # "Report to: Cabinet" names the meeting a report is for.
                to = next((f for f in block.fields if f.name in _REPORT_TO), None)
                if to and (to.value.strip() in _ONE_WORD_BODIES or _BODY_NAME.fullmatch(to.value.strip())):
                    committee = to.value.strip()
            if block.kind not in _LIST_KINDS and (len(text) < 160 or block.kind == "title"):
                for match in _BODY_NAME.finditer(_uncapitalise(text[:300])):
                    name = match.group("name").strip()
                    if len(name.split()) < 2 or name.startswith(("Minutes ", "Agenda ")):
                        continue
                    if name.endswith("Council"):
                        # Only minutes and agendas are a council's own meeting ("Minutes of
                        # the Council"); elsewhere a council's name is the author or the host.
                        if doc.parts[block.part].kind in ("minutes", "agenda"):
                            council = council or name
                    elif committee is None:
                        committee = name
            if meeting_date is None:
                when = find_date(text)
                meeting_date = when.value if when else None
    return committee or council, meeting_date


def _merge_surname_only(cast: dict[str, CastMember]) -> dict[str, CastMember]:
    """Fold "Cllr Patel" (a speaker named by surname) into the one cast member it can be.

    When two members share the surname the short form stays apart, and resolution leaves it
    unresolved (MODEL.md §7.2: exactly one candidate or none).
    """
    merged: dict[str, CastMember] = {}
    short: list[tuple[str, CastMember]] = []
    for key, member in cast.items():
        if member.name.given or member.name.initials:
            merged[key] = member
        else:
            short.append((key, member))
    for key, member in short:
        fuller = [k for k, m in merged.items() if m.name.family == member.name.family]
        if len(fuller) == 1:
            other = merged[fuller[0]]
            merged[fuller[0]] = CastMember(other.name, other.surface,
                                           tuple(dict.fromkeys((*other.roles, *member.roles))),
                                           other.post, other.organisation)
        else:
            merged[key] = member
    return merged


def gather_context(parsed: list[ParsedDocument], metadata: dict[str, str] | None = None
                   ) -> CorpusContext:
    """Collect the authority, committee, meeting date and cast from parsed documents.

    Parameters
    ----------
    parsed : list of ParsedDocument
        Every document of the build (or of one corpus folder).
    metadata : dict, optional
        Manifest facts: ``authority``, ``committee``, ``meeting_date`` (ISO 8601) or
        ``meeting_date_text`` (a stated date that is no date).

    Returns
    -------
    CorpusContext
    """
    metadata = metadata or {}
    authority_name = metadata.get("authority") or _find_authority(parsed)
    committee = metadata.get("committee")
    meeting_date = metadata.get("meeting_date")
    meeting_date_text = metadata.get("meeting_date_text")
    cast: dict[str, CastMember] = {}
    organisations: list[str] = []
    witness_order: list[str] = []
    items: list[tuple[str, str | None, str | None]] = []
    for doc in parsed:
        for block in doc.blocks:
            if block.kind == "committee-heading" and not committee:
                committee = block.fields[0].value
            if block.kind == "meeting-header" and not meeting_date:
                meeting_date = next((f.value for f in block.fields if f.name == "date"), None)
                meeting_date_text = meeting_date_text or next(
                    (f.value for f in block.fields if f.name == "date-text"), None)
            post, org = block.field("post"), block.field("organisation")
            if block.kind == "agenda-item" and block.number:
                person_field = block.field("person")
                items.append((block.number, person_field.value if person_field else None,
                              org.value if org else None))
            if org and org.value not in organisations:
                organisations.append(org.value)
            for f in block.fields:
                if f.name not in _PERSON_FIELDS:
                    continue
                # Several people in one block ("Officers: A, Post; B, Post"): each person's
                # post and organisation are the ones written after their name.
                post, org = _own_field(block.fields, f, "post"), _own_field(block.fields, f, "organisation")
                name = parse_person_name(f.value)
                if name is None:
                    continue
                role = {"person": "witness" if block.kind in ("agenda-item", "attendance", "title")
                        else "officer"}.get(f.name, f.name)
                if role == "witness" and name.display not in witness_order and block.kind == "agenda-item":
                    witness_order.append(name.display)
                key = name.display.lower()
                existing = cast.get(key)
                with_post = f.name == "person"
                if existing is None:
                    cast[key] = CastMember(name, f.value, (role,), post.value if post and with_post else None,
                                           org.value if org and with_post else None)
                else:
                    cast[key] = CastMember(
                        existing.name if existing.name.given or not name.given else name,
                        existing.surface, tuple(dict.fromkeys((*existing.roles, role))),
                        existing.post or (post.value if post and with_post else None),
                        existing.organisation or (org.value if org and with_post else None))
        for part in doc.parts:
            if part.subject and part.subject not in organisations:
                organisations.append(part.subject)
    # Same person written with initials in one place and a forename in another.
    merged: dict[str, CastMember] = {}
    for key, member in cast.items():
        twin = next((k for k, m in merged.items() if m.name.family == member.name.family and (
            m.name.first_initial == member.name.first_initial) and (
                not m.name.given or not member.name.given)), None)
        if twin:
            other = merged[twin]
            richer = member if member.name.given else other
            merged[twin] = CastMember(richer.name, richer.surface,
                                      tuple(dict.fromkeys((*other.roles, *member.roles))),
                                      other.post or member.post, other.organisation or member.organisation)
        else:
            merged[key] = member
    merged = _merge_surname_only(merged)
    if not committee or not meeting_date:
        found_committee, found_date = _committee_and_date_from_titles(parsed)
        committee = committee or found_committee
        # A header that states the date as text ("Date: TBC") is not overruled by a date found
        # in some title: the meeting stays undated, with the text.
        meeting_date = meeting_date or (None if meeting_date_text else found_date)
    if committee and committee.isupper():
        committee = committee.title().replace(" - ", " – ")
    return CorpusContext(make_authority(authority_name) if authority_name else None, committee,
                         meeting_date, tuple(merged.values()), tuple(organisations),
                         tuple(witness_order), acronym_definitions(d.document.text for d in parsed),
                         tuple(items), theme_tagger(parsed), None if meeting_date else meeting_date_text,
                         parsed[0].document.key.rpartition("/")[0] if parsed else "")


#: Blocks that state a terms-of-reference theme: its heading, its summary line, its question bullets.
THEME_BLOCKS = ("theme", "theme-heading", "tor-question")


def theme_tagger(parsed: list[ParsedDocument]) -> ThemeTagger | None:
    """A tagger for the lettered themes of the build's terms of reference, or None without any.

    Each theme's text is every block that states it; every other block of the build is the
    background the tagger weighs words against.
    """
    texts: dict[str, list[str]] = {}
    background: list[str] = []
    for doc in parsed:
        for block in doc.blocks:
            text = doc.document.text[block.start:block.end]
            if block.kind in THEME_BLOCKS and block.theme_notations:
                for letter in block.theme_notations:
                    texts.setdefault(letter, []).append(text)
            else:
                background.append(text)
    if not texts:
        return None
    return ThemeTagger([ThemeText(letter, " ".join(found)) for letter, found in sorted(texts.items())], background)
