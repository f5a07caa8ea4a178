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
from loaders.blocks import ParsedDocument
from loaders.cues import load_cues
from loaders.names import PersonName, parse_person_name

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


def make_authority(name: str) -> Authority:
    """Build an :class:`Authority` from its name, with gazetteer facts where known."""
    known = authority_gazetteer().get(name, {})
    return Authority(name, known.get("identifier"), known.get("area"), authority_aliases(name))


def _find_authority(parsed: list[ParsedDocument]) -> str | None:
    counts: Counter[str] = Counter()
    for doc in parsed:
        counts.update(m.group().strip() for m in _AUTHORITY_NAME.finditer(doc.document.text))
    return counts.most_common(1)[0][0] if counts else None


_BODY_NAME = re.compile(
    r"(?:minutes of (?:the |a )?(?:meeting of (?:the )?)?)?"
    r"(?P<name>(?:[A-Z][\w’'&,-]*[ \u00a0]+(?:(?:and|of|for)[ \u00a0]+)?)*"
    r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Commission|Forum|Council))\b")


def _committee_and_date_from_titles(parsed: list[ParsedDocument]) -> tuple[str | None, str | None]:
    """Committee name and meeting date from the first lines of minutes or agendas."""
    from loaders.structure.fields import find_date

    committee, meeting_date = None, None
    for doc in parsed:
        for block in doc.blocks[:12]:
            text = doc.text_of(block)
            if committee is None and len(text) < 160:
                match = _BODY_NAME.search(text)
                if match and len(match.group("name").split()) >= 2:
                    committee = match.group("name").strip()
            if meeting_date is None:
                when = find_date(text)
                meeting_date = when.value if when else None
    return committee, meeting_date


def gather_context(parsed: list[ParsedDocument], metadata: dict[str, str] | None = None
                   ) -> CorpusContext:
    """Collect the authority, committee, meeting date and cast from parsed documents.

    Parameters
    ----------
    parsed : list of ParsedDocument
        Every document of the build (or of one corpus folder).
    metadata : dict, optional
        Manifest facts: ``authority``, ``committee``, ``meeting_date``.

    Returns
    -------
    CorpusContext
    """
    metadata = metadata or {}
    authority_name = metadata.get("authority") or _find_authority(parsed)
    committee = metadata.get("committee")
    meeting_date = metadata.get("meeting_date")
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
            post = block.field("post")
            org = block.field("organisation")
            if block.kind == "agenda-item" and block.number:
                person_field = block.field("person")
                items.append((block.number, person_field.value if person_field else None,
                              org.value if org else None))
            if org and org.value not in organisations:
                organisations.append(org.value)
            for f in block.fields:
                if f.name not in ("person", "chair", "member", "vice-chair", "contact", "speaker"):
                    continue
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
    if not committee or not meeting_date:
        found_committee, found_date = _committee_and_date_from_titles(parsed)
        committee = committee or found_committee
        meeting_date = meeting_date or found_date
    if committee and committee.isupper():
        committee = committee.title().replace(" - ", " – ")
    return CorpusContext(make_authority(authority_name) if authority_name else None, committee,
                         meeting_date, tuple(merged.values()), tuple(organisations),
                         tuple(witness_order), acronym_definitions(d.document.text for d in parsed),
                         tuple(items))
