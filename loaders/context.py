"""What the documents of one build know together: the host authority, the committee, the
meeting date and the meeting's cast (members, officers, witnesses).

Resolution is scoped by this context (docs/MODEL.md §7.2): "Mr Wilson" resolves only within the
cast of the meeting, and "the Council" to the authority hosting the committee.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache

from evidence_graph.graph.entities import normalise_label, slugify
from evidence_graph.loaders.acronyms import acronym_definitions
from evidence_graph.loaders.blocks import Field, ParsedDocument
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.names import PersonName, given_names_agree, never_name_words, parse_person_name
from evidence_graph.loaders.themes import ThemeTagger, ThemeText

#: rapidfuzz ratio (case-folded) above which a run of words is a misspelling of an authority's
#: name or alias ("County Copuncil" scores 96.6 against "County Council"; "County Councillors" 88).
FUZZY_ALIAS_CUTOFF = 90

_AUTHORITY_NAME = re.compile(
    r"\b(?:London Borough of [A-Z][a-z]+(?: (?:and|upon) [A-Z][a-z]+)?(?: Council)?|"
    r"(?:[A-Z][a-z]+[ -]){1,3}(?:Metropolitan Borough|County Borough|County|Borough|District|City)"
    r" Council)\b")


@dataclass(frozen=True)
class Authority:
    """A council: its name, org-id identifier, area, and the aliases papers use for it.

    An unnamed host (papers that call their council only "the Council") has the ``scope`` of
    the documents that speak of it: its key is theirs alone, so two documents' unnamed hosts
    are never one entity.
    """

    name: str
    identifier: str | None = None
    area: str | None = None
    aliases: tuple[str, ...] = ()
    scope: str | None = None
    #: The names of the service an authority runs ("the Service" of a fire authority's papers),
    #: when they speak of it but never name it (:func:`host_service`): its label, then aliases.
    service: tuple[str, ...] = ()


@dataclass(frozen=True)
class CastMember:
    """A person named in the meeting's papers with the post and organisation given there."""

    name: PersonName
    surface: str
    roles: tuple[str, ...] = ()
    post: str | None = None
    organisation: str | None = None
    #: The publisher's identifier of the person (a ModernGov member page), which resolution
    #: trusts before any name.
    identifier: str | None = None


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

    @cached_property
    def _cast_by_family(self) -> dict[str, list[CastMember]]:
        """The cast by family name (lower case), in cast order: a look-up per name, not a scan
        of the cast, so a 5,000-name attendance list resolves in linear time."""
        index: dict[str, list[CastMember]] = {}
        for member in self.cast:
            index.setdefault(member.name.family.lower(), []).append(member)
        return index

    def cast_matches(self, name: PersonName) -> list[CastMember]:
        """Cast members a name can refer to: same family name, compatible forename/initials.

        Examples
        --------
        >>> from evidence_graph.loaders.names import parse_person_name as p
        >>> ctx = CorpusContext(cast=(CastMember(p("Thom Wilson"), "Thom Wilson"),))
        >>> [c.surface for c in ctx.cast_matches(p("Mr Wilson"))]
        ['Thom Wilson']
        """
        found = []
        for member in self._cast_by_family.get(name.family.lower(), ()):
            if name.given and member.name.given:
                if given_names_agree(name.given, member.name.given):  # "Liz Truss" is "Elizabeth Truss"
                    found.append(member)
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
    cues = load_cues("authorities")
    rules = cues["aliases"]
    aliases: list[str] = []
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) >= rules["initials_min_words"]:
        aliases.append("".join(w[0] for w in words))
    prefix = next((p for p in sorted(cues["alias_prefixes"], key=len, reverse=True)
                   if name.startswith(p + " ")), None)
    if prefix is not None:
        aliases.extend(cues["alias_prefixes"][prefix])
    else:
        for suffix in sorted((k for k in rules if k != "initials_min_words"), key=len, reverse=True):
            if name.endswith(suffix):
                aliases.extend(rules[suffix])
                break
    aliases.extend(_health_board_forms(name))
    # "Fenmoor County Borough Council" is written "Fenmoor CBC" too (an abbreviation of one type only).
    for abbreviation, kinds in cues["host"]["type_abbreviations"].items():
        if len(kinds) == 1 and name.endswith(" " + kinds[0]) and len(name) > len(kinds[0]) + 1:
            aliases.append(f"{name[:-len(kinds[0]) - 1]} {abbreviation}")
            break
    return tuple(dict.fromkeys(aliases))


def _health_board_forms(name: str) -> list[str]:
    """The other forms of a health board's name (cue ``[host] health_board_forms``): "NHS
    Grampian" is "Grampian NHS Board" and "Grampian Health Board"; "NHS England" is no board.

    Examples
    --------
    >>> _health_board_forms("NHS Tarnside"), _health_board_forms("NHS England")
    (['Tarnside NHS Board', 'Tarnside Health Board'], [])
    >>> _health_board_forms("Tarn and Wexe NHS Board")
    ['NHS Tarn and Wexe', 'Tarn and Wexe Health Board']
    """
    rules = _host_rules()
    forms = rules["health_board_forms"]
    area_pattern = r"[A-Z][\w’'-]*(?: (?:and|&) [A-Z][\w’'-]*| [A-Z][\w’'-]*)*"
    for form in forms:
        found = re.fullmatch(re.escape(form).replace(re.escape("{area}"), f"(?P<area>{area_pattern})"), name)
        if found is None:
            continue
        area = found.group("area")
        if set(area.split()) & set(rules["health_board_not_areas"]):
            return []
        return [other.format(area=area) for other in forms if other != form]
    return []


@cache
def _generic_authority_names() -> frozenset[str]:
    cues = load_cues("authorities")
    return frozenset(normalise_label(phrase) for table in (cues["aliases"], cues["alias_prefixes"])
                     for phrases in table.values() if isinstance(phrases, list) for phrase in phrases)


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
    >>> [is_generic_authority_name(n) for n in ("Surrey County Council", "KCC", "City and District Council")]
    [False, False, True]
    """
    from rapidfuzz.fuzz import ratio

    wanted = normalise_label(name)
    generic = _generic_authority_names()
    if wanted in generic or any(ratio(wanted, phrase) >= FUZZY_ALIAS_CUTOFF for phrase in generic):
        return True
    # Council types joined with no place ("City and District Council", a name cut from its
    # place by a line break) are a type, as "the District Council" is.
    words = wanted.split()
    return len(words) > 2 and words[-1] in {"council", "authority"} and \
        all(w in _type_words() or w in {"and", "the", "of"} for w in words)


@cache
def _type_words() -> frozenset[str]:
    """The words of council and authority types, in the normalised form (``[host] types``)."""
    return frozenset(w for t in _host_rules()["types"] for w in normalise_label(t).split())


def authority_key_of(authority: Authority) -> str:
    """Registry key of an authority: its org-id (``org/gb-lae-ken``) or its name's slug.

    Examples
    --------
    >>> authority_key_of(make_authority("Kent County Council"))
    'org/gb-lae-ken'
    >>> authority_key_of(make_authority("Wexcombe City Council"))
    'org/wexcombe-city-council'
    >>> authority_key_of(Authority("the Council", scope="papers/2025-03-05-minutes"))
    'org/host-of-papers-2025-03-05-minutes'
    """
    if authority.scope:
        return f"org/host-of-{slugify(authority.scope, limit=160)}"
    if authority.identifier:
        return f"org/{authority.identifier.lower()}"
    return f"org/{slugify(authority.name)}"


def make_authority(name: str, short_forms: tuple[str, ...] = ()) -> Authority:
    """Build an :class:`Authority` from its name, with gazetteer facts where known.

    ``short_forms`` are other names the papers gave it ("Fenmoor Council" for the register's
    "London Borough of Fenmoor"): they are its aliases too.

    Examples
    --------
    >>> make_authority("London Borough of Wexcombe", ("Wexcombe Council",)).aliases
    ('LBW', 'the Council', 'the Authority', 'Wexcombe Council')
    """
    known = authority_gazetteer().get(name, {})
    aliases = (*authority_aliases(name), *(s for s in short_forms if s != name))
    return Authority(name, known.get("identifier"), known.get("area"), tuple(dict.fromkeys(aliases)))


def host_authority(name: str, date: str | None = None, given: bool = False, text: str | None = None
                   ) -> Authority:
    """The host authority the papers name: by the official name of the register entry its
    name fits (:func:`register_name`), with the papers' form kept as an alias where the papers'
    ``text`` writes it (not a form made from a web address, "Towerhamlets Council"), unless the
    name is ``given`` (a manifest's, which is taken as it is).

    Examples
    --------
    >>> host = host_authority("Enfield Council")
    >>> host.name, "Enfield Council" in host.aliases
    ('London Borough of Enfield', True)
    >>> host_authority("Wexcombe Council").name, host_authority("Enfield Council", given=True).name
    ('Wexcombe Council', 'Enfield Council')
    """
    official = None if given else register_name(name, date)
    if official is None:
        return make_authority(name)
    if official == name and date is not None and not _registered(official).current_at(date):
        # Papers of 2023 that name "North Yorkshire Council", their council's successor, before
        # it exists are the papers of the council of that place then (North Yorkshire County
        # Council); the successor's name stays the successor's.
        then = _register_fit(name, date)
        if then is not None and then != official and _registered(then).current_at(date):
            return make_authority(then)
    return make_authority(official, (name,) if text is None or name in text else ())


def _registered(official: str) -> RegisteredAuthority:
    """The register entry of an official name (one of :func:`register_name`'s answers)."""
    return _register_by_official()[official]


@cache
def _register_by_official() -> dict[str, RegisteredAuthority]:
    """The register's entries by their official names (the first, where two share one)."""
    entries: dict[str, RegisteredAuthority] = {}
    for entry in authority_register():
        entries.setdefault(entry.official, entry)
    return entries


def host_service(authority: Authority, parsed: list[ParsedDocument]) -> tuple[str, ...]:
    """The names of the service the host runs, for papers that speak of it without naming it:
    a fire authority's papers' "the Service" (cue ``[host.services]``), unless they name such a
    service ("Fenmoor Fire and Rescue Service"), which is then found by its name. A named host's
    service is named after its place ("Fenmoor Fire and Rescue Service"), the phrase an alias.

    Returns
    -------
    tuple of str
        The service's label then its aliases; empty when the papers speak of no such service.

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> doc = parse_document(Document("c/a.txt", "c/a", "Ann Lee joined the Service in 2004.", "0"))
    >>> host_service(Authority("the Fire Authority", scope="c/a"), [doc]), host_service(Authority("the Council"), [doc])
    (('the Service',), ())
    >>> host_service(Authority("Fenmoor Fire Authority"), [doc])
    ('Fenmoor Fire and Rescue Service', 'the Service')
    """
    text = "\n".join(doc.document.text for doc in parsed)
    for kind, rule in sorted(_host_rules()["services"].items(), key=lambda item: len(item[0]), reverse=True):
        if not authority.name.endswith(kind):
            continue
        named = "|".join(re.escape(n).replace(r"\ ", r"[ \u00a0]+") for n in rule["named"])
        if re.search(rf"\b(?:{named})\b", text):
            return ()
        phrase = re.escape(rule["phrase"]).replace(r"\ ", r"[ \u00a0]+")
        if not re.search(rf"\b{phrase}\b(?![ \u00a0]+[A-Z])(?!['’]s[ \u00a0]+[A-Z])", text):
            return ()
        place = authority.name[:-len(kind)].strip()
        if authority.scope or not place:
            return (rule["phrase"],)
        return (f"{place} {rule['named'][0]}", rule["phrase"])
    return ()


def name_pattern(name: str, space: str = r"[ \u00a0]+") -> str:
    """A regex of a name as papers write it: its words apart by ``space``, its "and" as "&"
    too ("Newry, Mourne & Down District Council").

    Examples
    --------
    >>> bool(re.fullmatch(name_pattern("Newry, Mourne and Down District Council"),
    ...                   "Newry, Mourne & Down District Council"))
    True
    """
    return space.join("(?:and|&)" if word == "and" else re.escape(word) for word in name.split(" "))


def _refers_to(authority: Authority, text: str, meetings: bool = False) -> bool:
    """Whether a text refers to an authority: writes its name or one of its aliases ("the
    Council", its initials, a short form), in any case for a name of several words; with
    ``meetings``, its meetings count too ("the Council meeting", "the minutes of the Council").

    Examples
    --------
    >>> host = make_authority("Wexcombe County Council")
    >>> _refers_to(host, "Ask WCC."), _refers_to(host, "the county council agreed"), _refers_to(host, "Councillors")
    (True, True, False)
    >>> _refers_to(host, "the Council’s constitution"), _refers_to(host, "since the last meeting of the Council")
    (True, False)
    """
    rules = _host_rules()
    # "the Council Chamber": its rooms, no reference to the body; without ``meetings``, "the last
    # meeting of the Council" and "the Council meeting" are none either (as unnamed_host reads them).
    rooms = [re.escape(w) for w in load_cues("authorities")["alias_compounds"]["followed_by"]]
    before = "" if meetings else "".join(rf"(?<!\b{re.escape(words)} )" for words in rules["unnamed_not_after"])
    after = "|".join(rooms if meetings else [*rooms, *map(re.escape, rules["unnamed_not_before"])])
    for name in (authority.name, *authority.aliases):
        flags = re.I if len(name.split()) > 1 else 0
        pattern = rf"(?<![\w-]){name_pattern(name)}(?![\w-])"
        if is_generic_authority_name(name):
            pattern = rf"{before}{pattern}(?![ \u00a0]+(?i:{after})\b)"
        if re.search(pattern, text, flags):
            return True
    return False


@dataclass(frozen=True)
class RegisteredAuthority:
    """An entry of the register of UK local authorities (``cues/uk_local_authorities.csv``,
    derived from mySociety's register: see ``cues/uk_local_authorities.md``)."""

    official: str
    nice: str
    code: str
    kind: str
    nation: str
    start: str | None
    end: str | None
    names: tuple[str, ...]

    def current_at(self, date: str | None) -> bool:
        """Whether the authority existed on an ISO ``date`` (with no date: whether it exists now).

        Examples
        --------
        >>> entry = RegisteredAuthority("Wexcombe District Council", "Wexcombe", "WEX", "NMD", "England",
        ...                             None, "2023-04-01", ())
        >>> entry.current_at("2019-05-02"), entry.current_at("2024-01-10"), entry.current_at(None)
        (True, False, False)
        """
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@cache
def authority_register() -> tuple[RegisteredAuthority, ...]:
    """The register of UK local authorities, current and past (``cues/uk_local_authorities.csv``)."""
    import csv

    from evidence_graph.loaders.cues import CUE_DIR

    with (CUE_DIR / "uk_local_authorities.csv").open(encoding="utf-8", newline="") as handle:
        # " ".join: one official name of the source has a doubled space in it.
        return tuple(RegisteredAuthority(" ".join(row["official-name"].split()), row["nice-name"],
                                         row["local-authority-code"], row["local-authority-type"],
                                         row["nation"], row["start-date"] or None,
                                         row["end-date"] or None,
                                         tuple(n for n in row["alt-names"].split(";") if n))
                     for row in csv.DictReader(handle))


@cache
def _website_labels() -> dict[str, frozenset[str]]:
    """Official names of registered councils by the owner label of their web addresses
    (``cues/uk_local_authority_websites.csv``, derived from GOV.UK's Local Links Manager: see
    ``cues/uk_local_authority_websites.md``); a label shared by councils (one site for two
    districts) names each of them."""
    import csv

    from evidence_graph.loaders.cues import CUE_DIR

    labels: dict[str, set[str]] = {}
    with (CUE_DIR / "uk_local_authority_websites.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = url_label(f"https://{row['host']}/")
            if label is not None:
                labels.setdefault(label, set()).add(row["official-name"])
    return {label: frozenset(names) for label, names in labels.items()}


def register_website(label: str) -> str | None:
    """The official name of the one registered council whose web address has this owner label
    ("scambs" of ``scambs.gov.uk`` and of ``scambs.moderngov.co.uk``: South Cambridgeshire District
    Council), or None when no council's, or several councils', address has it.

    Examples
    --------
    >>> register_website("scambs"), register_website("hants"), register_website("fenmoor")
    ('South Cambridgeshire District Council', 'Hampshire County Council', None)
    """
    names = _website_labels().get(label, frozenset())
    return next(iter(names)) if len(names) == 1 else None


def register_label(label: str) -> str | None:
    """The official name of the one registered authority whose initials are a web address's
    owner label ("lbbd": London Borough of Barking and Dagenham), or None.

    Examples
    --------
    >>> register_label("lbbd"), register_label("rbwm"), register_label("fenmoor")
    ('London Borough of Barking and Dagenham', 'Royal Borough of Windsor and Maidenhead', None)
    """
    if len(label) < 3:
        return None
    officials = {entry.official for entry in authority_register() if entry.end is None
                 and _initials(entry.official.removeprefix("The ")).lower() == label}
    return officials.pop() if len(officials) == 1 else None


def _register_form(name: str) -> str:
    """A place's or an authority's name as the register is looked up by: lower case, "&" as
    "and", punctuation and a leading "the" gone ("The Vale of Wexcombe" → "vale of wexcombe")."""
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


@cache
def _register_by_place() -> dict[str, tuple[RegisteredAuthority, ...]]:
    """Register entries by the forms of their place's name: nice name, alternative names, and
    the place of the official name ("London Borough of Fenmoor" → "fenmoor")."""
    index: dict[str, list[RegisteredAuthority]] = {}
    for entry in authority_register():
        forms = {_register_form(n) for n in (entry.nice, *entry.names, _place_and_type(entry.official)[0])}
        # Squashed too: a web address writes "Tower Hamlets" as "towerhamlets".
        for form in (forms | {f.replace(" ", "") for f in forms}) - {""}:
            if entry not in index.get(form, ()):
                index.setdefault(form, []).append(entry)
    return {form: tuple(entries) for form, entries in index.items()}


def registered_apart(first: str, second: str) -> bool:
    """Whether two councils' names fit two different entries of the register of local
    authorities: "North Yorkshire Council" is not "North Yorkshire County Council", its
    predecessor, however alike their names.

    Examples
    --------
    >>> registered_apart("North Yorkshire Council", "North Yorkshire County Council")
    True
    >>> registered_apart("Kent Council", "Kent County Council"), registered_apart("KCC", "Kent County Council")
    (False, False)
    """
    ours, theirs = register_name(first), register_name(second)
    return ours is not None and theirs is not None and ours != theirs


@cache
def _register_officials() -> dict[str, str]:
    """Official names of the register's councils by their look-up form (:func:`_register_form`),
    for the names no two entries share."""
    officials: dict[str, set[str]] = {}
    for entry in authority_register():
        if entry.kind not in NOT_COUNCIL_TYPES:
            officials.setdefault(_register_form(entry.official), set()).add(entry.official)
    return {form: names.pop() for form, names in officials.items() if len(names) == 1}


#: Register types of bodies that are not councils (combined authorities): a "<place> Council"
#: is never one of them.
NOT_COUNCIL_TYPES = frozenset({"COMB", "SRA"})


@lru_cache(maxsize=8192)
def register_name(name: str, date: str | None = None) -> str | None:
    """The official name of the one registered authority a short form of a council's name
    fits ("Fenmoor Council", "Fenmoor CBC", "Fenmoor District Council"), or None when none or
    several fit.

    The short form's place must be the entry's nice name, one of its alternative names or the
    place of its official name; a council type written in full or abbreviated (``[host]
    type_abbreviations``) must be the official name's, while "Council" fits any council. Past
    authorities fit only papers dated before their end (or when no current one fits); an
    authority's official name, written in full, is that authority's from a year before it
    begins (a paper of February 2023 names its successor, "North Yorkshire Council", in the
    successor's shadow year).

    Parameters
    ----------
    name : str
        A council's name as the papers give it.
    date : str, optional
        The papers' ISO date.

    Returns
    -------
    str or None

    Examples
    --------
    >>> register_name("Enfield Council"), register_name("Rhondda Cynon Taf CBC")
    ('London Borough of Enfield', 'Rhondda Cynon Taf County Borough Council')
    >>> register_name("Kent Borough Council") is None, register_name("Wexcombe Council") is None
    (True, True)
    >>> register_name("North Yorkshire Council", "2023-02-22")
    'North Yorkshire Council'
    """
    official = _register_officials().get(_register_form(name))
    if official is not None and (date is None or _named_by_then(_registered(official), date)):
        return official
    return _register_fit(name, date)


def _named_by_then(entry: RegisteredAuthority, date: str) -> bool:
    """Whether papers of ``date`` may name an authority by its official name: it has begun, or
    begins within the year (its shadow year, when its members are elected and it prepares):
    before, "Somerset Council" is a short form of the council of that place then."""
    if entry.start is None:
        return True
    year, rest = entry.start.split("-", 1)
    return date >= f"{int(year) - 1}-{rest}"


@lru_cache(maxsize=8192)
def _register_fit(name: str, date: str | None = None) -> str | None:
    """The official name of the one registered authority a short form fits by its place and
    type at ``date`` (:func:`register_name` without the look-up of official names)."""
    words = name.split()
    abbreviations = _host_rules()["type_abbreviations"]
    if len(words) >= 2 and words[-1] in abbreviations:
        place, kinds = " ".join(words[:-1]), tuple(abbreviations[words[-1]])
    else:
        place, kind = _place_and_type(name)
        kinds = (kind,) if kind and kind != "Council" else ()
        if kind in _host_rules()["welsh_prefixes"]:
            kinds = ()  # "Cyngor Sir Fenmoor" is the council of Fenmoor, whatever its English type
        if not kind:
            return None
    index = _register_by_place()
    form = _register_form(place)
    candidates = [entry for entry in index.get(form, index.get(form.replace(" ", ""), ()))
                  if entry.kind not in NOT_COUNCIL_TYPES
                  and (not kinds or any(_register_form(entry.official).endswith(_register_form(k)) or
                                        _register_form(entry.official).startswith(_register_form(k))
                                        for k in kinds))]
    for fitting in ([e for e in candidates if e.current_at(date)], [e for e in candidates if e.end is None],
                    candidates):
        officials = {e.official for e in fitting}
        if officials:
            return officials.pop() if len(officials) == 1 else None
    return None


def unnamed_host(parsed: list[ParsedDocument]) -> Authority | None:
    """The host of papers that name no council but speak of their own as "the Council" (or
    "the County Council", "the Authority", "the Fire Authority" …): a body labelled as the
    papers call it, scoped to their first document (:class:`Authority` ``scope``), so that it
    is never merged with another document's unnamed host. None when the papers speak of no
    such body ("the Council Chamber" and "council tax" are no body).

    Parameters
    ----------
    parsed : list of ParsedDocument
        The documents of one meeting.

    Returns
    -------
    Authority or None

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> doc = parse_document(Document("c/a.txt", "c/a", "The County Council agreed; the County Council "
    ...     "noted that the Council Chamber was closed.", "0"))
    >>> host = unnamed_host([doc])
    >>> host.name, host.scope, authority_key_of(host)
    ('the County Council', 'c/a', 'org/host-of-c-a')
    """
    if not parsed:
        return None
    text = "\n".join(doc.document.text for doc in parsed)
    compounds = "|".join(re.escape(w) for w in (*load_cues("authorities")["alias_compounds"]["followed_by"],
                                                *_host_rules()["unnamed_not_before"]))
    # "the last meeting of the Council" is the meeting body, not the organisation.
    meeting = "".join(rf"(?<!\b{re.escape(words)} )" for words in _host_rules()["unnamed_not_after"])
    counts: Counter[str] = Counter()
    as_body = 0  # the references that are to the organisation, not only to its meeting
    for kind in _host_rules()["unnamed"]:
        spaced = r"[ \u00a0]+".join(re.escape(word) for word in kind.split())
        # "the Council Chamber", "the Council meeting" and "the Council Leader Ann Lee" are no body;
        # "the Council of Europe" is another body.
        # "This Council notes …" is how a motion speaks of its own council.
        pattern = (rf"\b(?:[Tt]he|This)[ \u00a0]+{spaced}\b(?![ \u00a0]+(?i:{compounds})\b)(?![ \u00a0]+[A-Z])"
                   rf"(?![ \u00a0]+of[ \u00a0]+[A-Z])")
        counts[kind] = len(re.findall(pattern, text))
        as_body += len(re.findall(meeting + pattern, text))
    if not as_body:
        counts.clear()
    # "Council's constitution" with no article is the papers' own council too.
    bare = sum(1 for m in re.finditer(r"(?<![\w-])Council['’]s\b", text)
               if not re.search(r"[A-Z][\w'’-]*[ \u00a0]+$|\b[Tt]he[ \u00a0]+$",
                                text[max(0, m.start() - 40):m.start()]))
    # Written evidence to a committee is a witness's paper: its "the county council" is anyone's.
    kinds = {part.kind for doc in parsed for part in doc.parts}
    evidence = kinds == {"written-evidence"}
    if not any(counts.values()) and not bare and not evidence:
        # Papers that write their council in lower case only ("the council's decision making
        # bodies", "for the county council to borrow") still speak of their own.
        for kind in _host_rules()["unnamed_lower_case"]:
            spaced = r"[ \u00a0]+".join(re.escape(word) for word in kind.split())
            counts[kind] = len(re.findall(rf"{meeting}\b[Tt]he[ \u00a0]+{spaced}\b"
                                          rf"(?![ \u00a0]+(?i:{compounds}|of)\b)", text))
    if not any(counts.values()) and not bare:
        # An NHS trust's papers: "the Trust", or "the Trust Board" where the trust's board meets.
        for kind in _host_rules()["unnamed_other"]:
            spaced = r"[ \u00a0]+".join(re.escape(word) for word in kind.split())
            board = re.escape(_host_rules()["unnamed_board"])
            counts[kind] = len(re.findall(rf"\b[Tt]he[ \u00a0]+{spaced}(?:[ \u00a0]+{board})?\b"
                                          rf"(?![ \u00a0]+(?i:{compounds}|of)\b)(?![ \u00a0]+[A-Z])", text))
    if not any(counts.values()) and not bare:
        return None
    counts["Council"] += bare
    # The form the papers use most: a district's papers may speak of "the County Council" too,
    # but of their own council as "the Council". Among equals the more specific (listed first).
    listed = [*_host_rules()["unnamed"], *_host_rules()["unnamed_lower_case"], *_host_rules()["unnamed_other"]]
    kind = max(counts, key=lambda kind: (counts[kind], -listed.index(kind)))
    # Lower-case forms are labelled as the capitalised ones ("the county council": "the County Council").
    name = "the " + (kind.title() if kind.endswith("council") else kind)
    aliases = (*authority_aliases(name), *(("Council",) if bare else ()))
    return Authority(name, aliases=tuple(dict.fromkeys(aliases)), scope=parsed[0].document.key)


def _submitter(title: str, subject: str | None) -> str | None:
    """Who a written submission is by where its title qualifies it ("Additional written evidence
    submitted by the Widget Commission (WC 02)": not "Additional" but the Widget Commission).

    Examples
    --------
    >>> _submitter("Supplementary written evidence submitted by the Widget Commission (WC 02)", "Supplementary")
    'Widget Commission'
    >>> _submitter("Written evidence submitted by Fenmoor Widget Trust", "Fenmoor Widget Trust")
    'Fenmoor Widget Trust'
    """
    if not subject:
        return subject
    qualified = re.match(rf"{re.escape(subject)}[ \u00a0]+(?:written[ \u00a0]+)?(?:evidence|submission)\b.*?"
                         r"\b(?:by|from)[ \u00a0]+(?:the[ \u00a0]+)?(?P<who>[A-Z][^()\n]*?)"
                         r"(?:[ \u00a0]*\(.*|[ \u00a0]+(?:to|for|on)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z].*)?$",
                         title, re.I)
    return qualified.group("who").strip() if qualified else subject


def known_organisation(name: str) -> bool:
    """Whether a field's or a part's subject can be known as an organisation of the papers: not a
    heading of the papers ("Examination of Witnesses"), a bill or other title, a bare kind or a
    contact label (what :func:`loaders.finders.organisations.plausible_organisation` rejects).

    Examples
    --------
    >>> [known_organisation(n) for n in ("Fenmoor Widget Trust", "Examination of Witnesses",
    ...                                  "Widgets and Cogs Bill:", "Email", "Trust", "XNPA")]
    [True, False, False, False, False, True]
    """
    from evidence_graph.loaders.finders.organisations import plausible_organisation

    name = name.strip(" \u00a0:;,.–—-")
    if re.fullmatch(load_cues("structure")["headers"]["not_committee"], name, re.I):
        return False  # a heading of the papers, not a body
    return plausible_organisation(name)


def _find_authority(parsed: list[ParsedDocument], metadata: dict[str, str] | None = None) -> str | None:
    """The host authority of documents (see :func:`find_host_authority`)."""
    return find_host_authority(parsed, metadata)


@cache
def _host_rules() -> dict:
    return load_cues("authorities")["host"]


_WORD = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
#: A capitalised word that is no possessive ("Greenwich" of "Greenwich's"; "O'Neill" whole).
_WORD_NOT_POSSESSIVE = r"[A-Z](?:\w|['’](?!s\b))*(?:-[A-Za-z][\w'’]*)*"
_CONNECTOR = r"(?:and|upon|on|under|in|le|by|next|the|of|y|ar|a|yr)"


@cache
def _place_pattern() -> str:
    """Regex of a place's name before a council type: capitalised words, none a type's word."""
    type_words = {w for t in _host_rules()["types"] for w in t.split()}
    not_type = "(?!(?:" + "|".join(sorted(type_words)) + r")\b)"
    return rf"{not_type}{_WORD}(?:[ \u00a0](?:{_CONNECTOR}[ \u00a0])?{not_type}{_WORD}){{0,5}}"


@cache
def _council_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes of the three forms of an authority's name: "<place> <type>", "<prefix>
    <place>" and the Welsh "Cyngor <place>" (the groups are ``place`` and ``type``/``prefix``)."""
    rules = _host_rules()
    types = sorted(rules["types"], key=len, reverse=True)
    place = _place_pattern()
    typed = re.compile(rf"\b(?P<place>{place})[ \u00a0]+(?P<type>" + "|".join(
        re.escape(t).replace(r"\ ", r"[ \u00a0]+") for t in types) + r")\b")
    # After a prefix the place ends at a possessive: "the Royal Borough of Greenwich's YouTube
    # Channel" names the borough, then its channel (no prefixed authority's place has one).
    prefixed_place = place.replace(_WORD, _WORD_NOT_POSSESSIVE)
    prefixed = re.compile(r"\b(?P<prefix>" + "|".join(re.escape(p).replace(r"\ ", r"[ \u00a0]+")
                                                       for p in rules["prefixes"]) +
                          rf")[ \u00a0]+(?P<place>{prefixed_place})(?:[ \u00a0]+(?P<type>Council)\b)?")
    welsh_place = rf"{_WORD}(?:[ \u00a0](?:(?:a|ar|y|yr)[ \u00a0])?{_WORD}){{0,3}}"
    welsh = re.compile(r"\b(?P<prefix>" + "|".join(re.escape(p) for p in rules["welsh_prefixes"]) +
                       rf")[ \u00a0]+(?P<place>{welsh_place})")
    return typed, prefixed, welsh


@cache
def _registered_council_names() -> tuple[str, ...]:
    """Official names of the register's councils (not combined authorities), longest first,
    without a leading "The" (read as :func:`council_names` reads "The Highland Council")."""
    names = {entry.official.removeprefix("The ") for entry in authority_register()
             if entry.kind not in NOT_COUNCIL_TYPES and len(entry.official.split()) >= 2}
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _abbreviated_council() -> re.Pattern[str]:
    """A place and an abbreviated council type ("Fenmoor CBC", cue ``[host] type_abbreviations``)."""
    place = _place_pattern()
    # Title case too: a name in capitals is read in title case ("FENMOOR CBC" → "Fenmoor Cbc").
    abbreviations = "|".join(f"{a}|{a.title()}" for a in sorted(_host_rules()["type_abbreviations"],
                                                                 key=len, reverse=True))
    return re.compile(rf"\b(?P<place>{place})[ \u00a0]+(?P<abbreviation>{abbreviations})(?![\w'’-])")


@cache
def _body_words() -> frozenset[str]:
    """One-word heads of bodies other than councils ("Association", "Trust"), cue
    ``[organisations] suffixes`` of entities.toml; no council's place holds one before "and"."""
    suffixes = load_cues("entities")["organisations"]["suffixes"]
    return frozenset(w for w in suffixes if " " not in w and w[:1].isupper()) - {"Council", "Councils"}


def _clean_place(place: str) -> str | None:
    """A place's name without leading words that are no part of it ("Minutes of Fenmoor" →
    "Fenmoor"); None when nothing of a place is left ("Full", "The")."""
    rules = _host_rules()
    leading, not_places = set(rules["leading"]), set(rules["not_places"])
    words = re.split(r"[ \u00a0]+", place.strip())
    # Everything up to the last word that is no part of a place goes ("Rhyl Conservative").
    cut = max((i for i, w in enumerate(words) if w in leading), default=-1)
    # Another body's name and "and" before the place: "Tarn Residents Association and Fenmoor".
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in _body_words() and words[i + 1] == "and"),
              default=cut)
    words = words[cut + 1:]
    while words and (not words[0][:1].isupper() or words[0].lower() in
                     {"and", "of", "upon", "on", "the", "y", "a", "ar", "yr"}):
        words.pop(0)
    while words and not words[-1][:1].isupper():
        words.pop()
    if not words or all(w in not_places or w in leading for w in words if w[:1].isupper()):
        return None
    return " ".join(words)


def council_names(text: str) -> list[tuple[int, int, str]]:
    """Names of councils in a text, in every form an English, Welsh, Scottish or Northern Irish
    authority is named: "X County Council", "X Borough Council", "X District Council", "X City
    Council", "X Metropolitan Borough Council", "X Council", "London Borough of X", "Royal
    Borough of X", "City of X Council", "Cyngor X" (names in capitals too).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (start, end, name)
        Each name as it would be written in title case, with leading words that are no part
        of it dropped; generic names ("the County Council", "Full Council") are not names.

    Examples
    --------
    >>> [n for *_, n in council_names("Minutes of Fenmoor District Council. The Council agreed.")]
    ['Fenmoor District Council']
    >>> [n for *_, n in council_names("The London Borough of Eastwick and Fenmoor met.")]
    ['London Borough of Eastwick and Fenmoor']
    >>> [n for *_, n in council_names("CYNGOR SIR PENFRO and Argyll and Bute Council, Full Council")]
    ['Cyngor Sir Penfro', 'Argyll and Bute Council']
    """
    typed, prefixed, welsh = _council_patterns()
    plain = _uncapitalise(text)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    # A registered council's official name is read whole first: its place may hold a council
    # type's word ("Fenmoor City and Wexley District Council").
    folded = re.sub(r"\s+", " ", plain.lower()).replace(" & ", " and ")
    for name in _registered_council_names():
        # Case aside: a name in capitals reads in title case, whose small words are not the
        # official name's ("COMHAIRLE NAN EILEAN SIAR" → "Comhairle Nan Eilean Siar"); a name
        # may break across lines ("ARMAGH CITY,\n\nBANBRIDGE AND CRAIGAVON BOROUGH COUNCIL"),
        # and write its "and" as "&" ("Newry, Mourne & Down District Council").
        if name.lower() in folded:
            spaced = name_pattern(name, r"\s+")
            for match in re.finditer(rf"(?<![\w'’-]){spaced}(?![\w'’-])", plain, re.I):
                if not plain[match.start()].isupper():
                    continue  # "the city of fenmoor council" in prose is no name
                if not any(a <= match.start() < b for a, b in taken):
                    found.append((match.start(), match.end(), name))
                    taken.append((match.start(), match.end()))
    for pattern in (prefixed, welsh, typed, _abbreviated_council()):
        for a, b in taken:  # a name found in one form is not read again in another
            plain = plain[:a] + " " * (b - a) + plain[b:]
        for match in pattern.finditer(plain):
            place = _clean_place(match.group("place"))
            if place is None:
                continue
            prefix = match.groupdict().get("prefix")
            kind = re.sub(r"[ \u00a0]+", " ", match.groupdict().get("type") or "")
            abbreviation = (match.groupdict().get("abbreviation") or "").upper()
            if abbreviation:
                kinds = _host_rules()["type_abbreviations"][abbreviation]
                name = register_name(f"{place} {abbreviation}") or (
                    f"{place} {kinds[0]}" if len(kinds) == 1 else "")
                if name:
                    found.append((_place_start(match, place), match.end(), name))
                    taken.append((match.start(), match.end()))
                continue
            if prefix:
                prefix = re.sub(r"[ \u00a0]+", " ", prefix)
                if prefix == "City of" and kind != "Council":
                    continue  # "City of London" names a place; "City of Edinburgh Council" a council
                name = f"{prefix} {place}" + (" Council" if prefix == "City of" else "")
            else:
                name = f"{place} {kind}"
            start = match.start() if prefix else _place_start(match, place)
            found.append((start, match.end(), name))
            taken.append((match.start(), match.end()))
    return sorted(found)


def _place_start(match: re.Match[str], place: str) -> int:
    """Where a cleaned place begins in its match: past the leading words dropped from it
    ("Mayor of Ashby" → "Ashby"), so that what precedes the name is read from there."""
    raw = match.group("place")
    first = place.split()[0]
    at = next((m.start() for m in re.finditer(rf"(?<![\w'’-]){re.escape(first)}(?![\w'’-])", raw)
               if re.sub(r"[ \u00a0]+", " ", raw[m.start():]).startswith(place)), 0)
    return match.start("place") + at


def _initials(name: str) -> str:
    """Initials of a name's capitalised words ("London Borough of Hackney" → "LBH")."""
    return "".join(w[0] for w in re.split(r"[ \u00a0-]+", name) if w[:1].isupper())


_ACRONYM = re.compile(r"(?<![\w-])([A-Z]{2,6})(?:['’]s)?(?![\w-])")
_PLACE_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ \u00a0](?:(?:and|upon|on|under|le)[ \u00a0])?{_WORD}){{0,3}}")


def _fitted_acronyms(text: str, known: set[str], label: str | None = None) -> Counter[str]:
    """Authorities' names an acronym of the text stands for when the text does not spell
    them out: "NCC" where "Norbury" and "County Council" appear is "Norbury County Council" (the
    initials of a place in the text followed by those of a council type the text uses).

    Examples
    --------
    >>> _fitted_acronyms("NCC said so. Norbury is big. The County Council agreed with NCC.", set())
    Counter({'Norbury County Council': 2})
    """
    rules = _host_rules()
    found: Counter[str] = Counter()
    acronyms = Counter(m.group(1) for m in _ACRONYM.finditer(text))
    if not acronyms:
        return found
    lowered = text.lower()
    typed = [t for t in rules["types"] if t != "Council" and (t.lower() in lowered
                                                              or t in rules["acronym_types_unwritten"])]
    prefixed = [p for p in rules["prefixes"][:2] if p.lower().removesuffix(" of") in lowered]
    leading, not_places = set(rules["leading"]), set(rules["not_places"])
    not_place_after = set(rules["not_place_after"])
    type_words = {w for t in rules["types"] for w in t.split()}
    # "the Panel", "the Board": a committee's head word is no place ("PCC" is no "Panel County Council").
    type_words |= {h for h in load_cues("entities")["committees"]["heads"] if " " not in h}
    # A place's name is never written in lower case: "Health" is no place where "health" is written.
    common = set(re.findall(r"(?<![\w'’./@-])[a-z][\w'’-]*(?![\w./@])", text))
    places: Counter[str] = Counter()
    for match in _PLACE_RUN.finditer(text):
        run = match.group()
        words = run.split()
        if any(w in type_words or w in leading or w in not_places or w.isupper() or w.lower() in common
               for w in words if w[:1].isupper()) or \
                _HONORIFIC_BEFORE.search(text[max(0, match.start() - 16):match.start()]):
            continue
        before = re.search(r"([a-z]+)[ \u00a0]+$", text[max(0, match.start() - 20):match.start()])
        if before and before.group(1) in not_place_after:
            continue  # "storm Darragh": an event's name, no place
        places[run] += 1
    for acronym, count in acronyms.items():
        if any(_initials(name) == acronym for name in known):
            continue
        options: list[str] = []
        for kind in typed:
            head = _initials(kind)
            if acronym.endswith(head) and len(acronym) > len(head):
                options += [f"{place} {kind}" for place in places if _initials(place) == acronym[:-len(head)]]
                if label and len(acronym) == len(head) + 1 and label[0] == acronym[0].lower():
                    # "DCC" on democracy.dunmore.gov.uk: the address gives the place's name.
                    options.append(f"{label.title()} {kind}")
        for prefix in prefixed:
            head = _initials(prefix)
            if acronym.startswith(head) and len(acronym) > len(head):
                options += [f"{prefix} {place}" for place in places if _initials(place) == acronym[len(head):]]
        if options:
            # A place the address names, then one the gazetteer knows, then the most written.
            best = max(options, key=lambda name: (bool(label) and _fits_url(name, label),
                                                  _place_and_type(name)[0] in _known_places(),
                                                  _place_count(name, places), -len(name)))
            found[best] += count
    return found


#: A run of capitals straight after an honorific is a person's name ("Cllr Darragh").
_HONORIFIC_BEFORE = re.compile(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Professor|"
                               r"Prof|Rev|Revd)\.?[ \u00a0]+$")


@cache
def _known_places() -> frozenset[str]:
    """Names of the places of the place gazetteer (``cues/places.toml``)."""
    return frozenset(p["name"] for p in load_cues("places")["place"])


def _place_count(name: str, places: Counter[str]) -> int:
    return max((count for place, count in places.items() if place in name), default=0)


_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""\b([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_CANONICAL = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']canonical["'][^>]*>""", re.I)
_META_NAMES = {"og:site_name", "og:title", "og:url", "author", "publisher", "dc.publisher", "dc.creator",
               "dcterms.publisher", "dcterms.creator", "application-name", "twitter:site", "description",
               "title", "dc.title"}


def html_metadata(markup: str) -> dict[str, str]:
    """What an HTML page says of itself: its ``<title>``, the ``<meta>`` names that may name its
    publisher (``og:site_name``, ``author``, ``DC.publisher`` …) and its address (``og:url``,
    ``<link rel="canonical">``).

    Parameters
    ----------
    markup : str
        The page (its head is enough).

    Returns
    -------
    dict
        ``html_title``, ``html_meta`` (the values found, one per line) and ``source_url``, each
        only when present.

    Examples
    --------
    >>> page = ('<html><head><title>Agenda - Oakhurst City Council</title>'
    ...         '<meta property="og:site_name" content="Oakhurst City Council">'
    ...         '<link rel="canonical" href="https://democracy.oakhurst.gov.uk/x"></head></html>')
    >>> html_metadata(page)["source_url"], html_metadata(page)["html_title"]
    ('https://democracy.oakhurst.gov.uk/x', 'Agenda - Oakhurst City Council')
    """
    import html

    head = markup[:200_000]
    found: dict[str, str] = {}
    title = _TITLE.search(head)
    if title:
        found["html_title"] = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", title.group(1))).split())
    values: list[str] = []
    for tag in _META.finditer(head):
        attributes = {k.lower(): (v if v else w) for k, v, w in _ATTRIBUTE.findall(tag.group())}
        name = (attributes.get("property") or attributes.get("name") or "").lower()
        content = " ".join(html.unescape(attributes.get("content", "")).split())
        if name in _META_NAMES and content:
            if name == "og:url":
                found.setdefault("source_url", content)
            else:
                values.append(content)
    if values:
        found["html_meta"] = "\n".join(values)
    link = _CANONICAL.search(head)
    if link:
        href = {k.lower(): (v if v else w) for k, v, w in _ATTRIBUTE.findall(link.group())}.get("href")
        if href and href.startswith("http"):
            found["source_url"] = href
    return found


def url_label(url: str) -> str | None:
    """The label of a public body's web address that names its owner: the one before a
    government suffix (``gov.uk``, ``gov.wales``, ``gov.scot``, ``llyw.cymru``) or before a
    hosted meetings service (``moderngov.co.uk``); None for any other address.

    Examples
    --------
    >>> [url_label(u) for u in ("https://democracy.fenmoor.gov.uk/ieListDocuments.aspx?x=1",
    ...                         "http://oakhurst.moderngov.co.uk/", "https://www.example.org/",
    ...                         "https://moderngovwebpublic.ashby.gov.uk/mgAi.aspx")]
    ['fenmoor', 'oakhurst', None, 'ashby']
    """
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    labels = host.split(".")
    for suffix in _host_rules()["url_suffixes"]:
        tail = suffix.split(".")
        if len(labels) > len(tail) and labels[-len(tail):] == tail:
            owner = labels[-len(tail) - 1]
            return owner if owner not in set(_host_rules()["url_generic"]) else None
    return None


#: A government web or e-mail address written in a text ("democratic.services@fenmoor.gov.uk").
_GOVERNMENT_ADDRESS = re.compile(r"(?<![\w.-])(?:[\w.+-]+@)?((?:[a-z0-9-]+\.)+(?:gov\.uk|gov\.wales|gov\.scot|"
                                 r"llyw\.cymru))\b", re.I)


def _is_government(url: str) -> bool:
    """Whether a web address is under a government suffix (not a hosted or charity one)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url.strip()).hostname or "").lower()
    return host.endswith((".gov.uk", ".gov.wales", ".gov.scot", ".llyw.cymru"))


def _squash(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _place_and_type(name: str) -> tuple[str, str]:
    """An authority's name split into its place and its council type (or prefix).

    Examples
    --------
    >>> _place_and_type("Barnsley Metropolitan Borough Council"), _place_and_type("London Borough of Hackney")
    (('Barnsley', 'Metropolitan Borough Council'), ('Hackney', 'London Borough of'))
    """
    rules = _host_rules()
    for prefix in (*rules["prefixes"], *rules["welsh_prefixes"]):
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1:].removesuffix(" Council"), prefix
    for kind in sorted(rules["types"], key=len, reverse=True):
        if name.endswith(" " + kind):
            return name[:-len(kind) - 1], kind
    return name, ""


def _fits_url(name: str, label: str) -> bool:
    """Whether an authority's name fits the owner label of a web address: its place
    ("fenmoor"), its place and type ("fenmoordistrict", "fenmoordc") or its initials.

    Examples
    --------
    >>> [_fits_url("Ashby Borough Council", label) for label in ("ashby", "ashbybc", "abc", "ashbyfield")]
    [True, True, True, False]
    >>> _fits_url("West Oxfordshire District Council", "westoxon")
    True
    """
    place, kind = _place_and_type(name)
    place = _squash(place)
    if not place:
        return False
    kind_words = [w for w in kind.split() if w not in ("Council", "of")]
    forms = {place, place + _squash(" ".join(kind_words)), place + _initials(kind).lower(),
             place + "council", _initials(name).lower()}
    spelled = _spelled_out(label)[0]  # "southoxon" is South Oxfordshire
    return label in forms or (spelled is not None and _squash(spelled) in forms)


def _header_spans(doc: ParsedDocument) -> list[tuple[int, int]]:
    """Spans of a document that name whose meeting it is: its title and first blocks, header
    blocks, and lines naming the meeting or its contact (``header_words``)."""
    rules = _host_rules()
    spans: list[tuple[int, int]] = []
    for index, block in enumerate(doc.blocks):
        short = block.end - block.start <= 200
        if (index < 3 and short) or block.kind in ("title", "meeting-header", "committee-heading") or (
                block.kind == "heading" and short):
            spans.append((block.start, min(block.end, block.start + 400)))
    text = doc.document.text
    words = "|".join(re.escape(w) for w in rules["header_words"])
    for match in re.finditer(rf"^.{{0,200}}(?i:{words}).{{0,200}}$", text, re.M):
        spans.append((match.start(), match.end()))
    first_line = re.match(r"\s*(.{1,200})$", text, re.M)
    if first_line:
        spans.append((first_line.start(1), first_line.end(1)))
    return spans


def find_host_authority(parsed: list[ParsedDocument], metadata: dict[str, str] | None = None) -> str | None:
    """The authority whose papers these are, found without a manifest.

    Every name of a council, combined or fire authority in the text counts
    (:func:`council_names`), except one written as a body the host deals with
    (:func:`is_counterpart`: "a letter from X Council"); a name in a header (the title or first
    blocks, "Meeting of X Council", "X Council – Cabinet", the contact and democratic services
    lines) counts ``header_weight`` times; an acronym whose initials fit a place of the text and
    a council type it uses ("NCC" where "Norbury" and "the County Council" appear) counts for
    that name; an NHS body counts only where a header names it; a parliament or assembly counts
    where the text names it, its members carry its post-nominal or the address is its own; the
    page's HTML metadata (``<title>``, ``og:site_name`` …) counts ``metadata_weight``, and a name
    that fits the source address (else a government address the text gives, such as its
    contact e-mail) ``url_weight``. The highest score wins; with no name in the text, or only
    names in passing beside the address the papers came from, the address and a council type
    the text uses ("the District Council") make one. With none of these, :func:`gather_context`
    falls back on :func:`unnamed_host`.

    Parameters
    ----------
    parsed : list of ParsedDocument
        The documents of one meeting.
    metadata : dict, optional
        ``source_url`` (or ``url``), ``html_title``, ``html_meta`` (see :func:`html_metadata`);
        documents' own metadata is read too.

    Returns
    -------
    str or None

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> doc = parse_document(Document("c/a.txt", "c/a", "Cabinet\\n\\nThe Leader of Ashby Borough Council "
    ...     "wrote to Norbury County Council. ABC agreed. Ashby is small.", "0"))
    >>> find_host_authority([doc])
    'Ashby Borough Council'
    """
    rules = _host_rules()
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    label: str | None = None
    government = False
    given = False  # the address is the one the papers were fetched from, not one they write
    headed: set[str] = set()  # names a header, the metadata or an acronym gives
    order = 0
    for doc in parsed:
        meta = {**(metadata or {}), **doc.document.metadata}
        url = meta.get("source_url") or meta.get("url") or ""
        if label is None and url.startswith(("http://", "https://")):
            given = True
        if not url.startswith(("http://", "https://")):
            # An address the paper gives itself (its contact e-mail, its web site) stands in.
            own = _GOVERNMENT_ADDRESS.search(doc.document.text)
            url = f"https://{own.group(1).lower()}/" if own else ""
        if label is None and url.startswith(("http://", "https://")):
            label = url_label(url)
            government = label is not None and _is_government(url)
        text = doc.document.text
        header = _header_spans(doc)
        names = council_names(text)
        for start, _end, name in names:
            first_seen.setdefault(name, order + start)
            if is_counterpart(text, start):
                continue  # another body the host deals with: "a letter from X Council"
            in_header = any(a <= start < b for a, b in header)
            scores[name] += 1 + (rules["header_weight"] if in_header else 0)
            if in_header:
                headed.add(name)
        for name, count in _fitted_acronyms(text, {n for *_, n in names}, label).items():
            scores[name] += count
            headed.add(name)
            first_seen.setdefault(name, order + len(text))
        for name in {n for *_, n in names} & set(scores):
            scores[name] += sum(1 for m in _ACRONYM.finditer(text) if m.group(1) == _initials(name)
                                and len(m.group(1)) >= 3)
        for name, score in (*_health_body_scores(text, header).items(),
                            *_commissioner_scores(text, header).items()):
            scores[name] += score
            first_seen.setdefault(name, order)
            headed.add(name)
        for name, score in _legislature_scores(text, header, url).items():
            scores[name] += score
            first_seen.setdefault(name, order)
        for field_name in ("html_title", "html_meta"):
            page = meta.get(field_name, "")
            # A page's metadata speaks of its publisher: every name in it is in its "header".
            named = {n for *_, n in council_names(page)} | set(_health_body_scores(page, [(0, len(page))])) | \
                {n for n in _legislature_scores(page, [], "") if n in rules["legislatures"]["names"]}
            for name in named:
                scores[name] += rules["metadata_weight"]
                first_seen.setdefault(name, order)
                headed.add(name)
        order += len(text) + 1
    _fold_variants(scores, first_seen)
    # "the County Council" is some county council: it supports each candidate of that type.
    for name in list(scores):
        kind = _place_and_type(name)[1]
        if kind and kind != "Council" and kind in rules["types"]:
            scores[name] += sum(len(re.findall(rf"\b[Tt]he {re.escape(kind)}\b", doc.document.text))
                                for doc in parsed)
    if label:
        fitting = [name for name in scores if _fits_url(name, label)]
        if not fitting:
            # The address names an authority the text does not spell out ("democracy.devon.gov.uk"
            # for papers that say only "the Council"): it is a candidate of its own.
            # Councils named only in passing do not outweigh the address the papers came from.
            passing = given and not headed and not any(n in rules["legislatures"]["names"] for n in scores)
            named = None
            unnamed = unnamed_host(parsed) if not (bool(scores) and not passing) else None
            if unnamed is not None:
                # "scambs": a registered council's web address, for papers that speak of "the
                # Council" (not of "the Fire and Rescue Authority" a council's site serves);
                # "lbbd" (a government address only) a registered authority's initials.
                named = register_website(label) if unnamed.name.endswith("Council") else None
                named = named or (register_label(label) if government else None)
            named = named or _authority_from_url(label, parsed, government, written_only=bool(scores) and not passing)
            if named is not None:
                first_seen.setdefault(named, 0)
                fitting = [named]
        for name in fitting:
            scores[name] += rules["url_weight"]
    for name in list(scores):
        # A town or parish council only the body of the papers names is one the host consults.
        if name not in headed and _place_and_type(name)[1] in rules["local_types"] and \
                not (label and _fits_url(name, label)):
            del scores[name]
    own_types = {kind for doc in parsed for kind in re.findall(
        rf"\b(?:[Tt]he|[Tt]his|[Oo]ur) ({'|'.join(re.escape(t) for t in rules['types'] if t != 'Council')})\b",
        doc.document.text)}
    for name in list(scores):
        # Named once in passing by papers that call their own council "the District Council":
        # "Wexmoor County Council, as highway authority, ..." is a body the host deals with.
        kind = _place_and_type(name)[1]
        if name not in headed and scores[name] == 1 and own_types and kind and kind not in own_types and \
                len(scores) == 1 and not (label and _fits_url(name, label)):
            del scores[name]
    texts = [doc.document.text for doc in parsed]
    if sum(len(re.findall(r"\b[Tt]he Authority\b", t)) for t in texts) >= 2 and \
            not any(re.search(r"\b[Tt]he Council\b", t) for t in texts):
        # Papers that speak of their body as "the Authority", never "the Council" (a fire or
        # park authority's): a council named once in passing ("a Torbay Council appointee") is
        # a body it deals with, not the host.
        for name in list(scores):
            if name not in headed and scores[name] == 1 and name.endswith("Council") and \
                    not (label and _fits_url(name, label)):
                del scores[name]
    if not scores:
        return _authority_from_area(parsed) if label is None else None
    ranked = sorted(scores.values(), reverse=True)
    if not headed & set(scores) and len(ranked) > 1 and ranked[0] <= 2 * ranked[1] and not label:
        # Councils named only in passing, none much more than another ("with Wexmoor County
        # Council tomorrow and Fenmoor Council on Monday"): bodies the host deals with, any of
        # which may be named as often as the host itself is not.
        return _authority_from_area(parsed)
    return max(scores, key=lambda name: (scores[name], -first_seen.get(name, 0)))


@cache
def _health_body_name() -> re.Pattern[str]:
    """A health body's name ending in one of the cue ``[host] health_body_types`` ("Fenmoor
    Hospitals NHS Trust", "NHS Fenmoor Clinical Commissioning Group", "Fenmoor CCG")."""
    kinds = "|".join(re.escape(k).replace(r"\ ", r"[ \u00a0]+")
                     for k in sorted(_host_rules()["health_body_types"], key=len, reverse=True))
    return re.compile(rf"\b(?P<name>(?:NHS[ \u00a0]+)?{_WORD}(?:[ \u00a0]+(?:{_CONNECTOR}[ \u00a0]+)?{_WORD}){{0,6}}?"
                      rf"[ \u00a0]+(?:{kinds}))\b")


#: The opening of a paper, where its title and page headings are, whatever its layout.
_HEAD_CHARACTERS = 300


def _health_body_scores(text: str, header: list[tuple[int, int]]) -> Counter[str]:
    """Votes for an NHS body as the host: ``header_weight`` plus one for each time a header
    names it (the title, the first lines, the first :data:`_HEAD_CHARACTERS` characters).
    Named in the body of a paper, an NHS body is one the host works with (a council's health
    scrutiny papers name trusts throughout), so it counts only in a header.

    Examples
    --------
    >>> text = "Fenmoor and Dunhill CCG Governing Body Meeting\\n\\nDr Ann Lee, Director – Fenmoor City Council"
    >>> _health_body_scores(text, [])
    Counter({'Fenmoor and Dunhill CCG': 5})
    """
    rules, found = _host_rules(), Counter[str]()
    leading = set(rules["leading"])
    kind_words = {w for kind in rules["health_body_types"] for w in kind.upper().split()}
    # A name printed in capitals is read in title case ("GRAMPIAN NHS BOARD"), and is only the
    # words in capitals: "Assynt House Inverness HIGHLAND NHS BOARD" names Highland's board.
    for match in _health_body_name().finditer(_uncapitalise(text)):
        if match.start() > _HEAD_CHARACTERS and not any(a <= match.start() < b for a, b in header):
            continue
        words = match.group("name").split()
        printed = text[match.start("name"):match.end("name")].split()
        shouted = next((i for i, w in enumerate(reversed(printed)) if not w.isupper()), len(printed))
        if len(printed) == len(words) and any(w not in kind_words for w in printed[len(printed) - shouted:]):
            # The run in capitals holds a place ("HIGHLAND NHS BOARD"), not only a kind ("… CCG").
            words = words[len(printed) - shouted:]
        # "Minute of Meeting of Fenmoor NHS Board": the name starts after the last word that is
        # no part of it, and its small words.
        words = words[max((i + 1 for i, w in enumerate(words) if w in leading), default=0):]
        while words and words[0].islower():
            words.pop(0)
        # "The Health Board agreed" names no board: the kind alone is no name.
        if len(words) >= 2 and " ".join(words) not in rules["health_body_types"]:
            found[" ".join(words)] += 1 + rules["header_weight"]
    return found


@cache
def _commissioner_name() -> re.Pattern[str]:
    """A commissioner's office named by its title and place (cue ``[host] commissioner_titles``)."""
    titles = "|".join(re.escape(t).replace(r"\ ", r"[ \u00a0]+") for t in _host_rules()["commissioner_titles"])
    place = rf"{_WORD}(?:[ \u00a0]+(?:and|&)[ \u00a0]+{_WORD}|[ \u00a0]+{_WORD}){{0,3}}"
    return re.compile(rf"(?:\b(?P<office>Office[ \u00a0]+of[ \u00a0]+the[ \u00a0]+)?(?P<title>{titles})[ \u00a0]+for"
                      rf"[ \u00a0]+(?P<place>{place})|\b(?P<before>{place})[ \u00a0]+(?P<title2>{titles}))\b")


def _commissioner_scores(text: str, header: list[tuple[int, int]]) -> Counter[str]:
    """Votes for a police and crime commissioner's office as the host, where a header (or the
    first :data:`_HEAD_CHARACTERS` characters) names it, as :func:`_health_body_scores` counts
    an NHS body: "Police and Crime Commissioner for Fenmoor", "Office of the …", "Fenmoor Police
    and Crime Commissioner" (named "Police and Crime Commissioner for Fenmoor").

    Examples
    --------
    >>> _commissioner_scores("Office of the Police and Crime Commissioner for Fenmoor\\n\\nDecision", [])
    Counter({'Office of the Police and Crime Commissioner for Fenmoor': 5})
    >>> _commissioner_scores("Fenmoor Police and Crime Commissioner\\n\\nDecision 12", [])
    Counter({'Police and Crime Commissioner for Fenmoor': 5})
    """
    rules, found = _host_rules(), Counter[str]()
    if re.search(r"\bPolice(?:,)?[ \u00a0]+(?:Fire[ \u00a0]+)?and[ \u00a0]+Crime[ \u00a0]+Panel\b", text):
        return found  # a panel's papers: its host is a council, the commissioner the one it scrutinises
    leading = set(rules["leading"])
    for match in _commissioner_name().finditer(text):
        if match.start() > _HEAD_CHARACTERS and not any(a <= match.start() < b for a, b in header):
            continue
        words = re.split(r"[ \u00a0]+", match.group("place") or match.group("before"))
        while words and words[0] in leading:
            words.pop(0)
        if not words:
            continue
        title = re.sub(r"[ \u00a0]+", " ", match.group("title") or match.group("title2"))
        found[f"{'Office of the ' if match.group('office') else ''}{title} for {' '.join(words)}"] += \
            1 + rules["header_weight"]
    return found


def _legislature_scores(text: str, header: list[tuple[int, int]], url: str) -> Counter[str]:
    """Votes for a parliament or assembly as the host (cue ``[host.legislatures]``): each time
    the text writes its name (``header_weight`` more in a header), ``header_weight`` plus one
    per member named with its post-nominal ("Ms Ann Lee MLA") when at least
    ``post_nominal_people`` are, and ``url_weight`` for its own address.

    Examples
    --------
    >>> text = "Committee for Roads\\n\\nPresent: Ms Ann Lee MLA, Mr Bo Tay MLA\\n\\nThe Assembly agreed."
    >>> _legislature_scores(text, [], "")
    Counter({'Northern Ireland Assembly': 6})
    >>> _legislature_scores("Evidence", [], "https://publications.parliament.uk/pa/cm201314/cmselect/x.htm")
    Counter({'House of Commons': 8})
    """
    rules, found = _host_rules(), Counter[str]()
    legislatures = rules["legislatures"]
    for name in legislatures["names"]:
        for match in re.finditer(rf"\b{re.escape(name)}\b", text, re.I):
            found[name] += 1 + (rules["header_weight"] if any(a <= match.start() < b for a, b in header) else 0)
    for post_nominal, name in legislatures["post_nominals"].items():
        people = set(re.findall(rf"([A-Z][\w'’-]+)[ \u00a0]+{re.escape(post_nominal)}\b", text))
        if len(people) >= legislatures["post_nominal_people"]:
            found[name] += rules["header_weight"] + len(people)
    address = re.sub(r"^https?://(?:www\.)?", "", url.strip().lower())
    for prefix, name in legislatures["addresses"].items():
        if address.startswith(prefix):
            found[name] += rules["url_weight"]
    return found


@cache
def _counterpart_before() -> re.Pattern[str]:
    """What ends the text before a council's name that is another body than the host (cue
    ``[host] counterpart_before``), allowing a list before it ("with Roadways England and")."""
    cues = "|".join(re.escape(c).replace(r"\ ", r"[ \u00a0]+") for c in _host_rules()["counterpart_before"])
    name = rf"{_WORD}(?:[ \u00a0]+(?:{_CONNECTOR}[ \u00a0]+)?{_WORD}){{0,5}}"
    listed = rf"(?:{name}[ \u00a0]*,?[ \u00a0]+(?:and|&)[ \u00a0]+)?"
    return re.compile(rf"(?:\b(?:{cues}),?[ \u00a0]+(?:the[ \u00a0]+)?{listed}|{_WORD}[ \u00a0]+\()$")


def is_counterpart(text: str, start: int) -> bool:
    """Whether the council named at ``start`` is written as another body than the host: after a
    word of dealing with one ("from", "with", "between", "on behalf of", "a Member of") or in
    brackets after a person's name ("Councillor K. Ash (Fenmoor County Council)", a member
    sent by a council to a joint body).

    Examples
    --------
    >>> text = "Feedback was received from Wexmoor County Council. Ashby Borough Council agreed."
    >>> is_counterpart(text, text.index("Wexmoor")), is_counterpart(text, text.index("Ashby"))
    (True, False)
    >>> text = ("Apologies from Councillor K. Ash (Fenmoor County Council); agreements with "
    ...         "Roadways England and Dunmore Council")
    >>> is_counterpart(text, text.index("Fenmoor")), is_counterpart(text, text.index("Dunmore"))
    (True, True)
    """
    return _counterpart_before().search(text[max(0, start - 120):start]) is not None


#: A council's type alone, no place before it, as a paper's heading gives it ("District Council").
_HEADED_TYPE = re.compile(r"(?<![\w’'-])(?<![A-Z][\w’'-] )(?P<kind>(?:County |District |Borough |City |County Borough |"
                          r"Metropolitan Borough )Council)\b")


def _council_of_the_place(text: str, date: str | None, kind: str | None = None) -> str | None:
    """The one registered council, current at ``date``, whose place a text writes as a place:
    after "in", "of", "across", "throughout" or "around" ("staff in Newport"), not as a name's
    word ("Councillor Hart"). None when no council's place, or several councils' places, are.

    Examples
    --------
    >>> _council_of_the_place("The Mayor praised the staff in Newport.", "2021-07-20")
    'Newport City Council'
    >>> _council_of_the_place("Councillor Hart spoke.", None) is None
    True
    """
    found: set[str] = set()
    for entry in authority_register():
        if entry.kind in NOT_COUNCIL_TYPES or not entry.current_at(date) or (
                kind is not None and not entry.official.endswith(kind)):
            continue
        for form in {entry.nice.strip(), *entry.names}:
            if form[:1].isupper() and re.search(rf"\b(?:in|of|across|throughout|around)[ \u00a0]+{name_pattern(form)}"
                                                rf"(?![\w’'-])(?![ \u00a0]+[A-Z])", text):
                found.add(entry.official)
                break
    return found.pop() if len(found) == 1 else None


def _authority_from_area(parsed: list[ParsedDocument]) -> str | None:
    """The host of papers that name no council and give no address, from the one area they
    name by its type at least twice ("the City of Fenmoor", "Sheriff of the City of Fenmoor")
    while speaking of "the Council": Fenmoor City Council. None when two areas are named.

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> doc = parse_document(Document("c/a.txt", "c/a", "The City of Wexmoor Award went to Bo Tay. "
    ...     "The Sheriff of the City of Wexmoor and the Council thanked him.", "0"))
    >>> _authority_from_area([doc])
    'Wexmoor City Council'
    """
    text = "\n".join(doc.document.text for doc in parsed)
    if not re.search(r"\bthe Council\b", text, re.I):
        return None
    areas: Counter[str] = Counter()
    for area, kind in _host_rules()["area_types"].items():
        for match in re.finditer(rf"\b{area} of ({_WORD}(?:[ \u00a0](?:and|upon|on)[ \u00a0]{_WORD})?)", text):
            place = _clean_place(match.group(1))
            if place is not None:
                areas[f"{place} {kind}"] += 1
    # "the City of Fenmoor and Vice-Chair …" is the City of Fenmoor: a longer name that only
    # extends a shorter one found too is that one.
    for name in sorted(areas, key=len, reverse=True):
        shorter = [o for o in areas if o != name and o.split()[0] == name.split()[0] and len(o) < len(name)]
        if shorter:
            areas[min(shorter, key=len)] += areas.pop(name)
    if len(areas) != 1:
        return _authority_from_place(text) if not areas else None
    name, count = areas.most_common(1)[0]
    return name if count >= 2 else None


@cache
def _council_places() -> dict[str, str]:
    """Each registered council's place ("Trafford") and its official name, for a place that
    one current council (else one past council) bears alone."""
    by_place: dict[str, dict[bool, set[str]]] = {}
    for entry in authority_register():
        if entry.kind in NOT_COUNCIL_TYPES or not entry.nice[:1].isupper():
            continue
        by_place.setdefault(entry.nice, {True: set(), False: set()})[entry.end is None].add(entry.official)
    places: dict[str, str] = {}
    for place, officials in by_place.items():
        chosen = officials[True] or officials[False]
        if len(chosen) == 1:
            places[place] = next(iter(chosen))
    return places


@cache
def _council_place_pattern() -> re.Pattern[str]:
    names = sorted(_council_places(), key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w’'-])")


def _authority_from_place(text: str) -> str | None:
    """The registered council of the one place that papers naming no council name again and
    again ("the Trafford Wharfside area", "the Draft Trafford Wharfside Masterplan" in papers
    that speak of "the Council"): named at least twice, and twice as often as any other
    council's place. None otherwise: a paper that names several places may be any of theirs.

    Examples
    --------
    >>> _authority_from_place("The Trafford Wharfside plan and the Trafford Park study went to the Council.")
    'Trafford Metropolitan Borough Council'
    >>> _authority_from_place("Bromsgrove and Redditch residents, and Bromsgrove and Redditch firms.") is None
    True
    """
    counts = Counter(match.group() for match in _council_place_pattern().finditer(text))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return _council_places()[ranked[0][0]]


def _fold_variants(scores: Counter[str], first_seen: dict[str, int]) -> None:
    """Fold a name with extra leading words into the name it ends with ("Yesterday Ashby
    Borough Council" into "Ashby Borough Council"), and a Welsh name into the English name of
    the same place ("Cyngor Gwynedd" into "Gwynedd Council")."""
    for name in sorted(scores, key=len, reverse=True):
        shorter = [other for other in scores if other != name and name.endswith(" " + other)
                   and len(other.split()) >= 2]
        if shorter:
            target = max(shorter, key=len)
            scores[target] += scores.pop(name)
            first_seen[target] = min(first_seen.get(target, 0), first_seen.pop(name, 0))
    for name in [n for n in scores if n.startswith("Cyngor ")]:
        place = name.split()[-1]
        english = [n for n in scores if not n.startswith("Cyngor ") and place in n.split()]
        if english:
            scores[english[0]] += scores.pop(name)


def _authority_from_url(label: str, parsed: list[ParsedDocument], government: bool = True,
                        written_only: bool = False) -> str | None:
    """An authority's name from the owner label of a web address when the text names no
    council: the label's council type if it has one ("surreycc", "belfastcity",
    "barnsleymbc"), else the type the text uses ("the District Council"), else "Council"; the
    place as the text writes it ("Tower Hamlets" for "towerhamlets"), else the label's when the
    address is a ``government`` one and the text speaks of "the Council" (never beside other
    candidates, with ``written_only``).

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> doc = parse_document(Document("c/a.txt", "c/a", "The Leader of the Council spoke.", "0"))
    >>> _authority_from_url("ashbymbc", [doc]), _authority_from_url("ashby", [doc])
    ('Ashby Metropolitan Borough Council', 'Ashby Council')
    >>> fire = parse_document(Document("c/a.txt", "c/a", "The Fire Authority agreed.", "0"))
    >>> _authority_from_url("ashbyfire", [fire])
    'Ashby Fire Authority'
    """
    text = "\n".join(doc.document.text for doc in parsed)
    lowered = text.lower()
    kinds = sorted(_host_rules()["types"], key=len, reverse=True)
    place, kind = label, None
    for candidate in kinds:
        words = [w for w in candidate.split() if w != "Council"]
        suffixes = [_squash(" ".join(words)), _initials(candidate).lower()]
        if not candidate.endswith("Council") and f"the {candidate.lower()}" in lowered:
            # "cheshirefire" where the text speaks of "the Fire Authority": the type's first word.
            suffixes.append(_squash(words[0]))
        for suffix in suffixes:
            if words and len(suffix) > 1 and label.endswith(suffix) and len(label) > len(suffix) + 2:
                place, kind = label[:-len(suffix)], candidate
                break
        if kind:
            break
    spelled, county = _spelled_out(place)
    place = _squash(spelled) if spelled else place
    written = next((m.group() for m in _PLACE_RUN.finditer(text)
                    if _squash(m.group()) == place and not m.group().isupper()), None)
    if kind is None and written is not None:
        # "the County of Fenmoor" names the type of the place the address names.
        kind = next((t for area, t in _host_rules()["area_types"].items()
                     if re.search(rf"\b{area} of {re.escape(written)}\b", text)), None)
    if kind is None and any(re.search(rf"\b{re.escape(post)}\b", text) for post in _host_rules()["city_posts"]):
        kind = "City Council"
    if kind is None:
        # A county's short form alone ("hants") is its county council's address.
        # Only a council's type: a council's address may publish a fire authority's papers.
        kind = next((t for t in kinds if t != "Council" and t.endswith("Council") and f"the {t.lower()}" in lowered),
                    "County Council" if county else "Council")
    if written is None and (written_only or (kind == "Council" and not (
            government and re.search(r"\bthe Council\b", text, re.I)))):
        return None  # an address alone, with no type and no place the text writes, names nobody
    if kind == "Council" and not re.search(r"\bthe Council\b", text, re.I):
        return None  # a place and an address, with no type and no "the Council", name nobody the text speaks of
    return f"{written or spelled or place.title()} {kind}"


def _spelled_out(label: str) -> tuple[str | None, bool]:
    """A web address's place label with a county's short form spelled out (cue ``[host]
    county_short_forms``), after a compass word or alone: the place's name, and whether the
    label is the county's short form alone (an address of the county's council).

    Examples
    --------
    >>> _spelled_out("hants"), _spelled_out("westberks"), _spelled_out("fenmoor")
    (('Hampshire', True), ('West Berkshire', False), (None, False))
    """
    short_forms = _host_rules()["county_short_forms"]
    if label in short_forms:
        return short_forms[label], True
    for compass in _host_rules()["compass_words"]:
        rest = label.removeprefix(compass)
        if rest != label and rest in short_forms:
            return f"{compass.title()} {short_forms[rest]}", False
    return None, False


def county_short_form_variants(name: str) -> tuple[str, ...]:
    """The name with a county's short form written out ("Herts Police Authority" →
    "Hertfordshire Police Authority", cue ``[host] county_short_forms``) or its full name
    shortened: the other spellings papers use for one body.

    Examples
    --------
    >>> county_short_form_variants("Herts Police Authority"), county_short_form_variants("Hampshire Fire Service")
    (('Hertfordshire Police Authority',), ('Hants Fire Service',))
    >>> county_short_form_variants("Fenmoor Council")
    ()
    """
    short_forms = _host_rules()["county_short_forms"]
    full = {county: short.title() for short, county in short_forms.items()}
    variants: list[str] = []
    words = name.split(" ")
    for position, word in enumerate(words):
        other = short_forms[word.lower()] if word.istitle() and word.lower() in short_forms else full.get(word)
        if other is not None:
            variants.append(" ".join((*words[:position], other, *words[position + 1:])))
    return tuple(variants)


_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’&-]+(?:[ \u00a0]+[A-Z][A-Z'’&-]*)+\b")
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "on", "in", "to", "upon"})


def _title_case(text: str) -> str:
    """Title case that keeps small words small ("Overview and Scrutiny Committee").

    Examples
    --------
    >>> _title_case("OVERVIEW AND SCRUTINY COMMITTEE"), _title_case("GRAMPIAN NHS BOARD")
    ('Overview and Scrutiny Committee', 'Grampian NHS Board')
    """
    words = text.split(" ")
    kept = set(_host_rules()["kept_capitals"])  # "NHS" stays in capitals
    return " ".join(w if w in kept else w.lower() if i and w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:].lower()
                    for i, w in enumerate(words))


def _uncapitalise(text: str) -> str:
    """Runs of capitalised words in title case, same length (so offsets hold)."""
    return _CAPS_RUN.sub(lambda m: _title_case(m.group()) if len(_title_case(m.group())) == len(m.group())
                         else m.group(), text)


_BODY_NAME = re.compile(
    r"(?:minutes of (?:the |a )?(?:meeting of (?:the )?)?)?"
    r"(?P<name>(?:[A-Z][\w’'&,-]*[ \u00a0]+(?:(?:and|of|for|&)[ \u00a0]+)?)*"
    r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Commission|Forum|Council))\b")
#: A body of another kind than a committee that meets as one, named by its papers' title.
_TITLED_BODY = re.compile(
    r"(?P<name>(?:[A-Z][\w’'&,-]*[ \u00a0]+(?:(?:and|of|for|&)[ \u00a0]+)?)+"
    r"(?:Partnership|Partnership Board|Group|Assembly))\b")
#: Bodies named in one word ("Report to: Cabinet").
_ONE_WORD_BODIES = frozenset({"Cabinet", "Council", "Executive", "Full Council"})


#: What names a one-word body as the meeting's ("Minutes of a meeting of the Cabinet", "… – Cabinet").
_MEETING_OF = re.compile(r"(?:\bmeeting of (?:the )?|[–—-] ?|^)$", re.I)

_REPORT_TO = ("report to", "to", "meeting", "committee", "decision maker", "decision-maker")
_PERSON_FIELDS = ("person", "chair", "member", "vice-chair", "contact", "speaker")


def _own_field(fields: tuple[Field, ...], person: Field, name: str) -> Field | None:
    """The ``name`` field that follows ``person`` before the next person in the block."""
    # Start at the person's own position (looked up once per block, not scanned for), so a
    # 5,000-name attendance list is read in linear time, not quadratic.
    if _FIELD_POSITIONS[0] is not fields:
        _FIELD_POSITIONS[:] = [fields, {id(f): i for i, f in enumerate(fields)}]
    at = _FIELD_POSITIONS[1].get(id(person))
    if at is None:
        return None
    for position in range(at + 1, len(fields)):
        f = fields[position]
        if f.name in _PERSON_FIELDS:
            return None
        if f.name == name:
            return f
    return None


#: The fields tuple last searched by :func:`_own_field`, with each field's position in it.
_FIELD_POSITIONS: list = [None, {}]


#: What stands before a written submission's author in its title: the body after it is the
#: witness, no meeting body ("Additional written evidence submitted by the Widget Commission").
_SUBMITTED_BY = re.compile(r"\b(?:submitted|sent|provided|evidence|submission|response|memorandum|letter)"
                           r"[ \u00a0]+(?:jointly[ \u00a0]+)?(?:by|from)[ \u00a0]+(?:the[ \u00a0]+)?$", re.I)

#: Blocks that list people: a committee named inside them is a post ("Cabinet Member").
_LIST_KINDS = frozenset({"membership", "attendance", "apologies", "memo-header", "signature"})


def _committee_and_date_from_titles(parsed: list[ParsedDocument]) -> tuple[str | None, str | None]:
    """Committee name and meeting date from the first lines of minutes or agendas.

    A committee, panel, board or cabinet wins over a council (the host authority's name is in
    most page headers); a council is the body only when nothing else is named; a body a title
    says submitted the papers ("written evidence submitted by the Widget Commission") is their
    witness, no meeting body, wherever it is named. Each name is read as :func:`_title_body`
    reads it.
    """
    from evidence_graph.loaders.finders.committees import _names_full_council
    from evidence_graph.loaders.structure.fields import find_date

    committee, council, meeting_date = None, None, None
    witnesses: set[str] = set()
    for doc in parsed:
        for block in doc.blocks[:12]:
            text = doc.text_of(block)
            if block.kind == "memo-header" and committee is None:
                # "Report to: Cabinet" names the meeting a report is for.
                to = next((f for f in block.fields if f.name in _REPORT_TO), None)
                if to and (to.value.strip() in _ONE_WORD_BODIES or _BODY_NAME.fullmatch(to.value.strip())):
                    committee = to.value.strip()
            if block.kind in _NO_TITLE_KINDS:
                continue  # a venue, a notice's fields, page furniture: no meeting's title or date
            if block.kind not in _LIST_KINDS:
                short = len(text) < 160 or block.kind == "title"
                title = _uncapitalise(text[:300])
                # A body that meets under a name of its own kind ("Tarn Local Strategic
                # Partnership Agenda Monday, 16 October 2017") is named by its papers' title, in a
                # long flattened block too (a PDF's first page on one line).
                matches = [m for m in (*_BODY_NAME.finditer(title), *_TITLED_BODY.finditer(title))
                           if (short and m.re is _BODY_NAME) or (_TITLED_RECORD.match(title[m.end():]) and not
                                                                  _RECORD_OF.match(title[m.end():]))]
                for match in sorted(matches, key=lambda m: m.start()):
                    name = _title_body(title, match)
                    if name is not None and _SUBMITTED_BY.search(title[max(0, match.start() - 40):match.start()]):
                        witnesses.add(name)  # "evidence submitted by the Widget Commission"
                    if name is None or name in witnesses:
                        continue  # no body, or the witness: the papers' author, not their meeting
                    if name.endswith("Council"):
                        # Only minutes and agendas are a council's own meeting ("Minutes of
                        # the Council", "Fenmoor Council Minutes"); elsewhere a council's name
                        # is the author or the host.
                        if doc.parts[block.part].kind in ("minutes", "agenda") or _TITLED_RECORD.search(
                                title[match.end():match.end() + 12]):
                            council = council or name
                    elif committee is None:
                        committee = name
            if meeting_date is None and not _OTHER_MEETING.search(text):
                when = find_date(text)
                meeting_date = when.value if when else None
    if committee is None and council is not None and council != "Full Council":
        # The council meeting as a whole is the body "Council" of that council, or "Full
        # Council" where the papers call it so: the one name the committee finder gives it
        # ("Fenmoor District Council" is the organisation; a title "FULL COUNCIL" keeps its name).
        council = "Full Council" if any(_names_full_council(doc.document.text) for doc in parsed) else "Council"
    return committee or council, meeting_date


#: A record of another meeting after a body's name ("Tarn Park Authority Minutes of the Board").
_RECORD_OF = re.compile(r"[ \u00a0]*(?:Minutes|Minute|Agenda)[ \u00a0]+of\b", re.I)
#: A record's kind right after a body's name in a title ("Fenmoor Council Minutes").
_TITLED_RECORD = re.compile(r"^[ \u00a0]*(?:[-–—:][ \u00a0]*)?(?:Minutes|Minute|Agenda)\b")


def _title_body(title: str, match: re.Match[str]) -> str | None:
    """The body a :data:`_BODY_NAME` match in a title line names, or None when it names none.

    The run is read as the committee finder reads one: words that cannot start a name are
    dropped ("That Cabinet", "Call-in of Cabinet"); a run after a person's name is the person's
    post ("Mr Ian Roe, Committee Clerk"), and so is a run a post word or a qualified noun follows
    ("Cabinet Member", "Select Committee activity"); what a committee is on or for is kept
    ("Select Committee on Transport Minutes of Evidence"). A bare council met as a body
    ("Special Meeting of Council") is the council meeting, labelled "Council" (docs/ANNOTATION.md).
    A one-word body other than that counts only where it titles the meeting ("Minutes of a
    meeting of the Cabinet", "… – Cabinet").

    Parameters
    ----------
    title : str
        The title line, as :func:`_uncapitalise` gives it.
    match : re.Match
        A match of :data:`_BODY_NAME` in ``title``.

    Returns
    -------
    str or None
        The body's name, "Council" for the council meeting, or None.

    Examples
    --------
    >>> title = "Recommendations: That Cabinet approves the plan"
    >>> _title_body(title, _BODY_NAME.search(title)) is None
    True
    >>> title = "Select Committee on Transport Minutes of Evidence"
    >>> _title_body(title, _BODY_NAME.search(title))
    'Select Committee on Transport'
    >>> title = "Matters arising: Special Meeting of Council – 3 May 2025"
    >>> _title_body(title, _BODY_NAME.search(title))
    'Council'
    """
    from evidence_graph.loaders.finders.committees import _comma_list_end, _tail
    from evidence_graph.loaders.finders.spans import alternation, cues, trim_start

    run = match.group("name").rstrip()
    if run.startswith(("Minutes ", "Agenda ")):
        return None  # "Minutes of Evidence Taken Before …": a document's title, read elsewhere
    end = match.start("name") + len(run)
    # "House of Commons Minutes of Evidence Taken Before Environmental Audit Committee": the
    # document's own words part the house that publishes from the body that met.
    inner = [*_INNER_DOCUMENT_WORDS.finditer(run)]
    run = run[inner[-1].end():] if inner else run
    if ", " in run and any(_is_person_piece(piece) for piece in run.split(", ")[:-1]):
        return None  # "Mr Ian Roe, Committee Clerk": a person, then their post
    name = trim_start(_comma_list_end(trim_start(run)[1]))[1]
    start = end - len(name)
    if not name or _post_after().match(title, end):
        return None
    tail = _tail().match(title, end) if name.endswith(tuple(cues("committees", "tail_heads"))) else None
    if tail is not None:
        # The tail ends before a document word ("… on Health Minutes of Evidence").
        stop = re.search(rf"[ \u00a0](?:{alternation(cues('names', 'lead_words'))})(?![\w’'-])", tail.group())
        if stop is not None:
            tail = _tail().match(title, end, end + stop.start()) if stop.start() > 0 else None
    if tail is not None:
        return title[start:tail.end()]
    council = re.fullmatch(r"(?:(?:Special|Extraordinary|Annual)[ \u00a0]+)?"
                           r"(?:(?:Full|County|City|Borough|District)[ \u00a0]+)?Council", name)
    if council and (re.search(r"\bmeeting(?: of (?:the )?|, )$", title[:start], re.I)
                    or (_MEETING_OF.search(title[:start]) and _TITLE_END.match(title, end))):
        return "Council"
    if name.endswith("Council") and run.endswith(f"The {name}"):
        return f"The {name}"  # the article of a council's own name ("The Highland Council") stays
    if len(name.split()) < 2 and not (name in _ONE_WORD_BODIES and name != "Council"
                                      and _MEETING_OF.search(title[:start])):
        return None
    return name


def _is_person_piece(piece: str) -> bool:
    """Whether a comma piece of a title's name run is a person's name ("Mr Ian Roe"), not a
    name that only reads like one ("Annual General Meeting").

    Examples
    --------
    >>> _is_person_piece("Mr Ian Roe"), _is_person_piece("Annual General Meeting")
    (True, False)
    """
    name = parse_person_name(piece)
    return name is not None and not any(word in never_name_words()
                                        for word in f"{name.given or ''} {name.family}".split())


@cache
def _post_after() -> re.Pattern[str]:
    """A post word or a noun the name qualifies after a body's name ("Committee Clerk",
    "Cabinet Member", "Select Committee activity"): the run is a post or a topic, not a meeting."""
    from evidence_graph.loaders.finders.spans import alternation, cues

    posts = [*load_cues("entities")["posts"]["heads"], "Member", "Members", "Member’s", "Member's",
             *cues("committees", "qualified_nouns")]
    return re.compile(rf"[ \u00a0]+(?:{alternation(posts)})(?![\w’'-])")


#: A document's own words inside a title's name run ("… Minutes of Evidence Taken Before the …").
_INNER_DOCUMENT_WORDS = re.compile(
    r"[ \u00a0](?:Minutes|Agenda)(?:[ \u00a0]+of[ \u00a0]+(?:Evidence|Proceedings))?(?:[ \u00a0]+Taken)?"
    r"(?:[ \u00a0]+(?:Before|of|for))?[ \u00a0]+(?:the[ \u00a0]+)?"
    # A ModernGov pack's cover ("Public Document Pack Tarn Local Strategic Partnership Agenda").
    r"|(?:^|[ \u00a0])(?:Public[ \u00a0]+)?Document[ \u00a0]+Pack[ \u00a0]+")
#: What ends a title after a council met as a body ("Council – 3 May 2025", "Council, 3 May").
_TITLE_END = re.compile(r"[ \u00a0]*(?:$|\n|[–—,(:-]|[0-9])")


#: Layout blocks (loaders.structure) that hold no meeting title: venues and contacts, decision
#: notices' fields, page furniture, votes.
_NO_TITLE_KINDS = frozenset({"meeting-header", "notice-field", "decision-notice", "furniture", "vote"})
#: "To confirm the minutes of the meeting held on 12 January": another meeting's date.
_OTHER_MEETING = re.compile(
    r"\b(?:confirm|approve|approval of|sign|signing of|agree|receive|note|adopt)\b[^.]{0,40}\bminutes? of the\b"
    r"[^.]{0,80}\bheld\b|\bminutes? of the\b[^.]{0,80}\bheld on\b[^.]{0,60}\b(?:were|was|be)[ \u00a0]+"
    r"(?:agreed|approved|confirmed|signed|taken|received|noted)\b", re.I)


def _merge_surname_only(cast: dict[str, CastMember]) -> dict[str, CastMember]:
    """Fold "Cllr Patel" (a speaker named by surname) into the one cast member it can be.

    When two members share the surname the short form stays apart, and resolution leaves it
    unresolved (docs/MODEL.md §7.2: exactly one candidate or none).
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
                                           other.post, other.organisation, other.identifier or member.identifier)
        else:
            merged[key] = member
    return merged


def _add_attendees(cast: dict[str, CastMember], metadata: dict[str, str]) -> None:
    """The people a manifest lists at the meeting (as its publisher states them: a connector's
    ``[[attendees]]``) join the cast, each with the publisher's identifier; a person the papers
    name too keeps the papers' post and organisation and gains the identifier."""
    from evidence_graph.loaders.manifest import attendee_rows

    for row in attendee_rows(metadata):
        name = parse_person_name(row["name"])
        if name is None:
            continue
        role = "chair" if "chair" in row["role"].lower() and "vice" not in row["role"].lower() else "member"
        key = name.display.lower()
        existing = cast.get(key)
        identifier = row["source_id"] or None
        if existing is None:
            cast[key] = CastMember(name, row["name"], (role,), identifier=identifier)
        else:
            cast[key] = replace(existing, roles=tuple(dict.fromkeys((*existing.roles, role))),
                                identifier=existing.identifier or identifier)


@cache
def board_meeting_pattern() -> re.Pattern[str]:
    """A board's meeting named as such: "Board Meeting", "BOARD MEETING", "meeting of the Board"
    (the group ``name`` or ``named`` is the board's word).

    Examples
    --------
    >>> [m.group() for m in board_meeting_pattern().finditer("DRAFT MINUTE of BOARD MEETING; a Board member")]
    ['BOARD']
    """
    return re.compile(r"(?<![\w’'-])(?:(?P<name>Board|BOARD)(?=[ \u00a0]+(?:[Mm]eeting|MEETING)\b)|"
                      r"[Mm]eeting[ \u00a0]+of[ \u00a0]+the[ \u00a0]+(?P<named>Board)\b)")


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
    authority_name = metadata.get("authority") or _find_authority(parsed, metadata)
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
            if org and org.value not in organisations and known_organisation(org.value):
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
            subject = _submitter(part.title, part.subject) if part.kind == "written-evidence" else part.subject
            if subject and subject not in organisations and known_organisation(subject):
                organisations.append(subject)
    _add_attendees(cast, metadata)
    # Same person written with initials in one place and a forename in another.
    merged: dict[str, CastMember] = {}
    # Members by (family name, first initial): a twin is looked up, not searched for, so a
    # 5,000-name attendance list is merged in linear time.
    by_initial: dict[tuple[str, str | None], list[str]] = {}
    for key, member in cast.items():
        twin = next((k for k in by_initial.get((member.name.family, member.name.first_initial), ())
                     if not merged[k].name.given or not member.name.given), None)
        if not twin:
            by_initial.setdefault((member.name.family, member.name.first_initial), []).append(key)
        if twin:
            other = merged[twin]
            richer = member if member.name.given else other
            merged[twin] = CastMember(richer.name, richer.surface,
                                      tuple(dict.fromkeys((*other.roles, *member.roles))),
                                      other.post or member.post, other.organisation or member.organisation,
                                      other.identifier or member.identifier)
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
        committee = _title_case(committee).replace(" - ", " – ")
    text = "\n".join(doc.document.text for doc in parsed)
    of_the_place = False
    principal = [n for *_, n in council_names(text) if _place_and_type(n)[1] not in _host_rules()["local_types"]]
    if authority_name is None and not principal:
        headed_type = _HEADED_TYPE.search(text[:_HEAD_CHARACTERS])
        if committee in ("Council", "Full Council") or headed_type:
            # A full council's minutes that never name the council, only its place ("the work
            # of staff in Newport"), or a paper headed by its council's type alone ("District
            # Council … parish governance in South Lakeland"): the council of that place (of
            # that type), which its meeting or heading refers to.
            authority_name = _council_of_the_place(text, meeting_date,
                                                   headed_type.group("kind") if headed_type else None)
            of_the_place = authority_name is not None
    authority = host_authority(authority_name, meeting_date, given=bool(metadata.get("authority")),
                               text=text) if authority_name else None
    # Papers that write the host's place ("the Trafford Wharfside area") and speak of its meetings
    # ("the meeting of the Council") refer to it; an address alone and its meetings do not.
    place = _place_and_type(authority.name)[0] if authority is not None else ""
    written = bool(place) and re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text) is not None
    if authority is not None and not metadata.get("authority") and not of_the_place and \
            not _refers_to(authority, text, meetings=written) and \
            authority.name not in _host_rules()["legislatures"]["names"] and not any(
            authority_name in (doc.document.metadata.get(f) or metadata.get(f) or "")
            for doc in parsed for f in ("html_title", "html_meta")):
        # A host only an address names ("surreycc" in a contact e-mail) that the text never
        # refers to, not even as "the Council", is no body of the papers (docs/ANNOTATION.md,
        # settled case "The host never referred to").
        authority = None
    if authority is None:
        authority = unnamed_host(parsed)
    if authority is not None:
        service = host_service(authority, parsed)
        authority = replace(authority, service=service) if service else authority
    board_names = {normalise_label(n) for n in (authority.name, *authority.aliases)} if authority else set()
    if authority is not None and authority.name.endswith("Board") and (
            (not committee and board_meeting_pattern().search(text)) or
            (committee and normalise_label(committee) in board_names)):
        # A board's papers of a "BOARD MEETING", or titled with the board's name, are the board's
        # meeting, as a council's are the council's: the board met as a committee of itself.
        committee = "Board"
    return CorpusContext(authority, committee,
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


_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(frozen=True)
class MeetingSignature:
    """What says which meeting a document belongs to: its host authority, committee and date
    (from its manifest facts, else its own text), or a meeting its manifest names."""

    authority: str | None
    committee: str | None
    date: str | None
    stated: str | None = None

    def same_meeting(self, other: MeetingSignature) -> bool:
        """Whether two documents belong to one meeting: their manifest says so, or the same
        date, compatible committees and no two different authorities.

        Examples
        --------
        >>> a = MeetingSignature("Ashby Borough Council", "Audit and Governance Committee", "2025-03-05")
        >>> b = MeetingSignature(None, "Audit Committee", "2025-03-05")
        >>> a.same_meeting(b), a.same_meeting(MeetingSignature("Norbury County Council", "Audit Committee",
        ...                                                    "2025-03-05"))
        (True, False)
        """
        if self.stated is not None or other.stated is not None:
            return self.stated == other.stated
        if not (self.date and other.date and self.committee and other.committee) or self.date != other.date:
            return False
        if self.authority and other.authority and normalise_label(self.authority) != normalise_label(other.authority):
            return False
        return committees_compatible(self.committee, other.committee)


def committees_compatible(one: str, other: str) -> bool:
    """Whether two names can be one committee: the same once normalised, or the words of the
    shorter (at least two) all in the longer ("the Select Committee" in minutes of the
    "Select Committee – Commissioning").

    Examples
    --------
    >>> committees_compatible("Select Committee", "Select Committee – Commissioning")
    True
    >>> committees_compatible("Cabinet", "Licensing Committee"), committees_compatible("Committee", "Audit Committee")
    (False, False)
    """
    a, b = normalise_label(one).split(), normalise_label(other).split()
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and set(short) <= set(long)


def meeting_signature(doc: ParsedDocument) -> MeetingSignature:
    """The meeting a document belongs to, from its manifest facts or else its own text (a date
    in its file name, "2014-01-30-minutes", when its text states none).

    Parameters
    ----------
    doc : ParsedDocument

    Returns
    -------
    MeetingSignature
    """
    meta = doc.document.metadata
    if meta.get("meeting"):
        return MeetingSignature(None, None, None, meta["meeting"])
    context = gather_context([doc], meta)
    date = context.meeting_date
    if date is None and not context.meeting_date_text:
        found = _FILE_DATE.search(doc.document.key.rpartition("/")[2])
        date = "-".join(found.groups()) if found else None
    authority = context.authority.name if context.authority else None
    if authority and is_generic_authority_name(authority):
        authority = None
    return MeetingSignature(authority, context.committee, date)


def group_meetings(parsed: list[ParsedDocument]) -> list[list[int]]:
    """Documents of one folder grouped by meeting (:meth:`MeetingSignature.same_meeting`):
    only documents of one meeting share committee, date, authority and cast; any other
    document is read alone.

    Parameters
    ----------
    parsed : list of ParsedDocument

    Returns
    -------
    list of list of int
        Indexes into ``parsed``, each group in document order, groups by their first document.
    """
    signatures = [meeting_signature(doc) for doc in parsed]
    parent = list(range(len(parsed)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_date: dict[str | None, list[int]] = {}
    for index, signature in enumerate(signatures):
        by_date.setdefault(signature.stated or signature.date, []).append(index)
    for indexes in by_date.values():
        for position, i in enumerate(indexes):
            for j in indexes[position + 1:]:
                if signatures[i].same_meeting(signatures[j]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for index in range(len(parsed)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values())
