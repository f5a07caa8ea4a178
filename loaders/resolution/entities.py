"""Entity resolution: the registry entity each name of a document stands for.

Resolution is scoped (docs/MODEL.md §7.2): people resolve within the meeting's cast and only when a
single candidate matches; "the Council" resolves to the authority hosting the committee, and
such generic names are never matched against other authorities; committees, units and posts
are looked up within their organisation; other names resolve within their kind, by normalised
label and then by fuzzy match (rapidfuzz ``token_set_ratio``) against the registry. New names
are proposed as provisional registry entries, and every decision is kept in the registry for
the next load.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from evidence_graph.graph.entities import Entity, Registry, add_words, normalise_label, slugify
from evidence_graph.graph.kinds import KINDS, MENTION_KIND_CLASS
from evidence_graph.graph.vocabulary import ORG
from evidence_graph.loaders.context import (
    Authority,
    authority_gazetteer,
    authority_key_of,
    county_short_form_variants,
    is_generic_authority_name,
    make_authority,
    registered_apart,
)
from evidence_graph.loaders.cues import load_cues, organisation_gazetteer
from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.names import PersonName, document_namesakes, parse_person_name
from evidence_graph.loaders.resolution.committee_forms import longer_committee_name
from evidence_graph.loaders.resolution.keys import ROLE_KEYS, doc_type_key, place_key, post_slug, role_key
from evidence_graph.loaders.resolution.state import DocumentResolution

#: One-word committee names that stand for the meeting's own committee ("the Committee").
_GENERIC_COMMITTEE_WORDS = frozenset({"committee", "sub-committee", "subcommittee", "panel", "board",
                                      "forum", "commission", "group"})

#: Fuzzy matches below this token-set score are new entities, not variants.
FUZZY_CUTOFF = 90

#: The registry kind of each mention kind, and the key prefix of each registry kind (graph.kinds).
_KIND_CLASS = MENTION_KIND_CLASS
_KEY_PREFIX = {kind.name: kind.key for kind in KINDS if kind.registry}

def seed_registry(registry: Registry) -> None:
    """Add the curated entities of the cue files: organisations, legislation, places, issues,
    roles and document types.
    """
    for org in organisation_gazetteer():
        registry.add(Entity(f"org/{slugify(org['name'])}", "Organisation", org["name"],
                            set(org["aliases"]), attributes={"orgKind": org.get("kind", "")},
                            status="curated"))
    for law in load_cues("legislation")["legislation"]:
        registry.add(Entity(f"legislation/{law['identifier'].replace('/', '-')}", "Legislation",
                            law["name"], set(law.get("aliases", [])),
                            attributes={"identifier": law["identifier"]}, status="curated"))
    places = {p["name"]: p for p in load_cues("places")["place"]}
    for place in places.values():
        attributes = {"placeType": place.get("type", "Place")}
        if place.get("gss"):
            attributes["gss"] = place["gss"]
        if place.get("within"):
            attributes["within"] = place_key(places[place["within"]])
        registry.add(Entity(place_key(place), "Place", place["name"], set(place.get("aliases", [])),
                            attributes=attributes, status="curated"))
    for issue in load_cues("issues")["issue"]:
        registry.add(Entity(f"concept/issue/{issue['key']}", "Issue", issue["label"],
                            set(issue["phrases"]), attributes={"scheme": "scheme/issue"},
                            status="curated"))
    for role in ROLE_KEYS:
        registry.add(Entity(role_key(role), "Role", role.replace("-", " "),
                            attributes={"scheme": "scheme/role"}, status="curated"))
    for kind in ("agenda-pack", "agenda", "terms-of-reference", "biography", "written-evidence",
                 "officer-report", "minutes", "generic"):
        registry.add(Entity(doc_type_key(kind), "Concept", kind.replace("-", " "),
                            attributes={"scheme": "scheme/doc-type"}, status="curated"))
    for claim_type in ("fact", "opinion", "recommendation", "question", "figure"):
        registry.add(Entity(f"concept/claim-type/{claim_type}", "Concept", claim_type,
                            attributes={"scheme": "scheme/claim-type"}, status="curated"))
    for scheme, label in (("scheme/issue", "Issues raised in evidence"), ("scheme/role", "Roles"),
                          ("scheme/doc-type", "Document types"), ("scheme/claim-type", "Claim types")):
        registry.add(Entity(scheme, "ConceptScheme", label, status="curated"))


#: Words of a name that carry no content of their own: "Association for Widgets".
_FUNCTION_WORDS = frozenset({"of", "for", "and", "in", "on", "to", "at", "by", "with"})

#: Two words at least this alike (rapidfuzz ``ratio``) are spellings of one word ("Copuncil").
_SPELLING_VARIANT = 80

_ACRONYM = re.compile(r"(?<![\w&])[A-Z][A-Za-z&]{0,6}[A-Z](?![\w&])")


def _acronyms_of(name: str) -> list[str]:
    """The acronyms a name is or defines: "PCA" of "Public Cog Association (PCA)" and of "PCA"."""
    bracketed = re.findall(r"\(([A-Z][A-Za-z&]{1,7})\)", name)
    if bracketed:
        return bracketed
    return [name] if _ACRONYM.fullmatch(name.strip()) and sum(c.isupper() for c in name) >= 2 else []


def distinct_bodies(first: str, second: str, heads_alike: bool = True) -> bool:
    """Whether two names, however alike, are of different bodies: each has a whole content word
    with no spelling of it in the other, one has such a word after the last they share (another
    head), or their shared words come in another order.

    Parameters
    ----------
    first, second : str
        Names as written.
    heads_alike : bool
        A word only one name has must not come after the words they share (for bodies; a law's
        name may end in its year).

    Returns
    -------
    bool
        True when no fuzzy match may make them one body.

    Examples
    --------
    >>> distinct_bodies("Public Cog Association", "Public Gear Association")
    True
    >>> distinct_bodies("Widget Association", "Association for Widgets")
    True
    >>> distinct_bodies("County Copuncil", "Kent County Council")
    False
    """
    words = [[w for w in normalise_label(n).split() if w not in _FUNCTION_WORDS] for n in (first, second)]
    ours, theirs = words
    if not ours or not theirs:
        return False
    linking = [[w for w in normalise_label(n).split() if w in _FUNCTION_WORDS] for n in (first, second)]
    # "X Association" and "Association for X" name different bodies (or a body and its topic).
    if linking[0] != linking[1] and min(len(ours), len(theirs)) > 1 and {*ours} & {*theirs} and \
            ours[-1] != theirs[-1]:
        return True
    partners: list[int] = []
    paired: list[int] = []
    for position, word in enumerate(ours):
        match = next((i for i, other in enumerate(theirs) if i not in partners and other == word), None)
        if match is None:
            match = next((i for i, other in enumerate(theirs) if i not in partners and
                          fuzz.ratio(word, other) >= _SPELLING_VARIANT), None)
        if match is not None:
            partners.append(match)
            paired.append(position)
    if len(partners) < len(ours) and len(partners) < len(theirs):
        # Each has a word the other lacks: "Cog" for "Gear" is another body.
        return True
    if not partners:
        return True
    # A word only one of them has is a shortened form ("County Copuncil" of "Kent County Council",
    # "NHS Chairs" of "NHS Board Chairs"), unless it ends the name: another head is another body
    # ("Fenmoor Widget Society Choir" is no "Fenmoor Widget Society").
    if heads_alike and (any(i > max(partners) for i in range(len(theirs)) if i not in partners) or
                             any(i > max(paired) for i in range(len(ours)) if i not in paired)):
        return True
    # The shared words in another order: "Widget Law Association" is no "Law Widget Association".
    return partners != sorted(partners)


class EntityResolver:
    """Names of one document to registry keys: people in the cast, the host and its committees,
    units and posts within their organisation, other kinds by name and fuzzy match.

    Parameters
    ----------
    doc : DocumentResolution
        The document; its registry is updated in place, and a committee's parent is stated as a
        fact of the document.

    Examples
    --------
    >>> from evidence_graph.graph.entities import Registry
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> parsed = parse_document(Document("n.txt", "d", "The Chair opened the meeting.", "0"))
    >>> doc = DocumentResolution(parsed, [], CorpusContext(), Registry(), ())
    >>> EntityResolver(doc).person("Cllr Ann Lee")
    ('person/ann-lee', 0.7)
    """

    def __init__(self, doc: DocumentResolution) -> None:
        self.doc = doc
        self.registry: Registry = doc.registry
        self.context = doc.context
        self.text = doc.text
        self.authority = doc.authority
        self.committee = doc.committee
        self.entity_of: dict[tuple[int, int, str], str | None] = {}
        self._full_names: list[PersonName] | None = None
        #: The person each publisher's identifier was resolved to in this document: the registry
        #: is searched once per identifier, not once per mention.
        self._identified: dict[str, str] = {}
        #: Committees given their parent in this document (one fact each).
        self.parented: set[str] = set()

    def ensure(self, kind: str, label: str, key: str | None = None, status: str = "provisional",
               within: str | None = None, **attributes: str) -> str:
        """Find an entity by name within its kind (and organisation ``within``), or propose a
        new one under ``key``."""
        found = self.registry.find(kind, label, within=within)
        if found is None and kind == "Organisation":
            # "Herts Police Authority" is the "Hertfordshire Police Authority" the paper names too.
            found = next((f for f in (self.registry.find(kind, v, within=within)
                                      for v in county_short_form_variants(label)) if f is not None), None)
            if found is not None:
                self.registry.add_name(found.key, label)
        if found is None and key is not None and key in self.registry:
            found = self.registry.get(key)
            if found is not None:
                self.registry.add_name(found.key, label)
        if found is None and kind not in ("Person", "Post", "Place", "Role", "Concept"):
            found = self._fuzzy(kind, label, within)
            if found is not None:
                self.registry.add_name(found.key, label)
        if found is None:
            new_key = key or self.registry.new_key(_KEY_PREFIX.get(kind, kind.lower()), label)
            found = self.registry.add(Entity(new_key, kind, label, attributes=dict(attributes),
                                             status=status))
        else:
            for name, value in attributes.items():
                found.attributes.setdefault(name, value)
        return self.registry.decided(found.key, self.doc.parsed.document.key)  # reviewers' decisions hold

    def _fuzzy(self, kind: str, label: str, within: str | None = None) -> Entity | None:
        """The entity of ``kind`` whose name is closest to ``label`` by token-set ratio, if any reaches
        :data:`FUZZY_CUTOFF`."""
        wanted = normalise_label(label)
        if len(wanted) < 6:
            return None
        best, score = None, 0.0
        for entity in self.registry.of_kind(kind, within=within):
            for name in entity.names():
                candidate = normalise_label(name)
                if not candidate or abs(len(candidate.split()) - len(wanted.split())) > 1:
                    continue
                # "County Council" names its authority only in that authority's own papers.
                if kind == "Organisation" and is_generic_authority_name(name):
                    continue
                value = fuzz.token_set_ratio(wanted, candidate)
                if len(wanted.split()) == 1 and entity.status == "curated":
                    # One word inside a curated body's name is some other body's ("Government"
                    # is no "Scottish Government"); a typo of a one-word name still is it.
                    value = fuzz.ratio(wanted, candidate)
                if value > score and not distinct_bodies(label, name, kind == "Organisation") and \
                        not (kind == "Organisation" and registered_apart(label, name)):
                    best, score = entity, value
        if best is not None and score >= FUZZY_CUTOFF and kind == "Organisation":
            # The names' acronyms as defined: "Public Cog Association (PCA)" is no "PGA".
            theirs = {a for n in best.names() for a in _acronyms_of(n)}
            ours = set(_acronyms_of(label))
            if ours and theirs and not ours & theirs:
                return None
        return best if score >= FUZZY_CUTOFF else None

    def person(self, surface: str) -> tuple[str | None, float]:
        """Resolve a person within the cast; propose one only for a full name."""
        name = parse_person_name(surface)
        if name is None:
            return None, 0.0
        if not (name.given or name.initials) and name.honorific:
            # "Mr Alan" where the document names "Alan Boyd" and no one has the surname "Alan":
            # the forename's one full-named person, or no one when two share it.
            fuller = document_namesakes(name, self._named_in_full())
            if fuller and all(f.family.casefold() != name.family.casefold() for f in fuller):
                return (self.person_entity(fuller[0], surface), 0.8) if len(fuller) == 1 else (None, 0.0)
        matches = self.context.cast_matches(name)
        if len(matches) == 1:
            member = matches[0]
            key = self.person_entity(member.name, member.surface, identifier=member.identifier,
                                     organisation=member.organisation)
            if surface != member.surface:
                self.registry.add_name(key, surface)
            return key, 1.0 if surface == member.surface else 0.9
        if len(matches) > 1:
            return None, 0.0
        if name.given or name.initials:
            return self.person_entity(name, surface), 0.7
        # A surname alone ("Mr Weir"): the one person of that surname the document names in
        # full, else a provisional person of this document (never merged across documents).
        fuller = document_namesakes(name, self._named_in_full())
        if len(fuller) == 1:
            return self.person_entity(fuller[0], surface), 0.8
        if fuller:
            return None, 0.0
        return self.person_entity(name, surface, scope=slugify(self.doc.parsed.document.key)), 0.6

    def _named_in_full(self) -> list[PersonName]:
        """The people the document names with a forename or initials (parsed once)."""
        if self._full_names is None:
            parsed = (parse_person_name(m.label) for m in self.doc.mentions if m.kind == "person")
            self._full_names = [n for n in parsed if n is not None and (n.given or n.initials)]
        return self._full_names

    def person_entity(self, name: PersonName, surface: str, scope: str | None = None,
                      identifier: str | None = None, organisation: str | None = None) -> str:
        """Register a parsed name as a person and return its key: scoped to a document when
        ``scope`` is given, else the person of that name the registry already holds when the
        evidence says it is the same one (:meth:`_person_key`).

        ``identifier`` is the publisher's identifier of the person (a ModernGov member page),
        ``organisation`` the body the papers give them; both are kept as the person's evidence
        for later meetings, with the host authority.
        """
        affiliations = self._affiliations(organisation)
        key = f"person/{scope}/{slugify(name.display)}" if scope else \
            self.registry.decided(self._person_key(name, identifier, affiliations), self.doc.parsed.document.key)
        attributes = {"family": name.family}
        if name.given:
            attributes["given"] = name.given
        if name.honorific:
            attributes["honorific"] = name.honorific
        if name.initials:
            attributes["initials"] = name.initials
        entity = self.registry.get(key)
        if entity is None:
            entity = self.registry.add(Entity(key, "Person", name.display, attributes=attributes))
        else:
            for attr, value in attributes.items():
                entity.attributes.setdefault(attr, value)
        if not scope:
            add_words(entity, "affiliations", affiliations)
            if identifier:
                add_words(entity, "sourceIds", {identifier})
                self._identified[identifier] = key
        if surface != entity.label:
            self.registry.add_name(key, surface)
        return key

    def _affiliations(self, organisation: str | None) -> set[str]:
        """What ties a person to a body in this document: the host authority's key and the
        organisation the papers give them (by its name's slug)."""
        found = {self.authority} if self.authority else set()
        if organisation:
            found.add(f"named:{slugify(organisation)}")
        return found

    def _person_key(self, name: PersonName, identifier: str | None, affiliations: set[str]) -> str:
        """The key of a named person across meetings: the one the registry holds under the same
        publisher's identifier; else the person of the same full name when they share a body
        (the host authority, or the organisation the papers give) or neither side says which;
        else a person of this host's own (``person/<host>/<name>``). A name alone never joins
        two councils' people, and two identifiers never join."""
        slug = slugify(name.display)
        if identifier in self._identified:
            return self._identified[identifier]
        if identifier:
            for entity in self.registry.entities.values():
                if entity.kind == "Person" and identifier in entity.attributes.get("sourceIds", "").split():
                    return entity.key
        host = self.authority.split("/", 1)[-1] if self.authority else slugify(self.doc.parsed.document.key)
        for key in (f"person/{slug}", f"person/{host}/{slug}"):
            entity = self.registry.get(key)
            if entity is None:
                return key
            ids = set(entity.attributes.get("sourceIds", "").split())
            theirs = set(entity.attributes.get("affiliations", "").split())
            if identifier and ids and identifier not in ids:
                continue  # the same name, another person by the publisher's own reckoning
            if not theirs or theirs & affiliations:
                return key
        return f"person/{host}/{slug}"

    def organisation(self, surface: str) -> str | None:
        """The organisation a name stands for: the host authority for its names and aliases,
        a known authority by its org-id, a unit of the host, else a registry organisation.
        A generic name ("the City Council") that is not the host's resolves to nothing."""
        authority = self.context.authority
        if authority is not None and self.authority and (
                surface == authority.name or surface in authority.aliases):
            return self.authority
        if is_generic_authority_name(surface):
            return None
        if surface in authority_gazetteer():
            return self.authority_entity(make_authority(surface))
        found = self.registry.find("OrganisationalUnit", surface, within=self.doc.host_scope)
        if found is not None:
            return found.key
        spelled = self._spelled_out(surface)
        if spelled is not None:
            # "EMCCA" where the paper names the East Midlands Combined County Authority.
            key = self.organisation(spelled)
            if key is not None:
                self.registry.add_name(key, surface)
                return key
        return self.ensure("Organisation", surface)

    def _spelled_out(self, surface: str) -> str | None:
        """The one organisation the document names whose capitalised words' initials an
        acronym is ("EMCCA": "East Midlands Combined County Authority"), or None."""
        if not (surface.isupper() and surface.isalpha() and 3 <= len(surface) <= 7):
            return None
        names = {m.label for m in self.doc.mentions if m.kind == "organisation" and m.label != surface
                 and "".join(w[0] for w in m.label.split() if w[:1].isupper()) == surface}
        return names.pop() if len(names) == 1 else None

    def authority_entity(self, authority: Authority) -> str:
        """Register an authority under its natural key (org-id or name slug) and return the key."""
        key = authority_key_of(authority)
        attributes = {"orgKind": "government"}
        if authority.identifier:
            attributes["identifier"] = authority.identifier
        entity = self.registry.get(key)
        if entity is None:
            self.registry.add(Entity(key, "Organisation", authority.name, attributes=attributes,
                                     status="curated"))
        else:
            self.registry.add_name(key, authority.name)
            for name, value in attributes.items():
                entity.attributes.setdefault(name, value)
        if authority.service and authority is self.context.authority:
            self.host_service(key, *authority.service)
        return key

    def host_service(self, host_key: str, label: str, *aliases: str) -> str:
        """The service the host runs, as its papers call it ("the Service" of a fire authority,
        :func:`loaders.context.host_service`): an organisation of the host, keyed under it (so
        two hosts' "the Service" are two), part of the host as a fact of the document.

        Examples
        --------
        >>> from evidence_graph.graph.entities import Registry
        >>> from evidence_graph.loaders.context import Authority, CorpusContext
        >>> from evidence_graph.loaders.document import Document
        >>> from evidence_graph.loaders.structure import parse_document
        >>> host = Authority("the Fire Authority", scope="c/a", service=("the Service",))
        >>> parsed = parse_document(Document("a.txt", "c/a", "Ann Lee joined the Service.", "0"))
        >>> resolver = EntityResolver(DocumentResolution(parsed, [], CorpusContext(host), Registry(), ()))
        >>> resolver.authority_entity(host), resolver.registry.get("org/service-of-host-of-c-a").label
        ('org/host-of-c-a', 'the Service')
        """
        key = f"org/service-of-{host_key.split('/', 1)[1]}"
        if self.registry.get(key) is None:
            self.registry.add(Entity(key, "Organisation", label, set(aliases), attributes={"orgKind": "government"}))
        if key not in self.parented:
            self.parented.add(key)
            self.doc.fact(key, ORG.subOrganizationOf, host_key)
        return key

    def resolve_mention(self, mention: Mention) -> tuple[str | None, float]:
        """The entity a mention names and the confidence of that link (cached per span and kind)."""
        cache_key = (mention.start, mention.end, mention.kind)
        if cache_key in self.entity_of:
            return self.entity_of[cache_key], 1.0
        confidence = 1.0 if mention.method.startswith(("structure", "gazetteer", "cast")) else 0.8
        key: str | None
        if mention.kind == "person" and mention.end == len(self.text) and self.text[-1:].isalnum():
            key = None  # "… Councillor J Turne" where a truncated page ends: maybe a cut-off word
        elif mention.kind == "person":
            key, confidence = self.person(mention.label)
        elif mention.kind == "organisation" and self._is_meeting_partnership(mention.label):
            key = self.committee_named(mention.label)
        elif mention.kind == "organisation":
            key = self.organisation(mention.label)
            if mention.method.startswith("fuzzy") and key:
                self.registry.add_name(key, self.text[mention.start:mention.end], hidden=True)
                confidence = 0.9
        elif mention.kind == "unit":
            key = self.unit(mention.label)
        elif mention.kind == "committee":
            key = self.committee_named(mention.label)
        elif mention.kind == "issue":
            key = self.issue(mention)
        elif mention.kind == "post":
            key = self.post(mention.label, None)
        elif mention.kind in ("place", "venue"):
            key = self.place(mention.label)
        elif mention.kind in ("service", "programme", "framework", "legislation"):
            key = self.ensure(_KIND_CLASS[mention.kind], mention.label)
        else:
            key = None
        self.entity_of[cache_key] = key
        return key, confidence

    def _is_meeting_partnership(self, label: str) -> bool:
        """Whether an organisation's name is the meeting's own body, a partnership or group whose
        papers these are ("Tarn Local Strategic Partnership Agenda"): the body met as a
        committee, one entity with the meeting's committee."""
        committee = self.doc.context.committee
        return bool(committee) and label.split()[-1] in ("Partnership", "Group") and \
            normalise_label(label) == normalise_label(committee)

    def committee_named(self, label: str) -> str | None:
        """The committee a name stands for: the meeting's own for its name or a bare head noun
        ("the Committee"), else a committee of the host authority, keyed under it."""
        own = self.context.committee
        words = label.lower().split()
        if len(words) <= 2 and words[-1:] and words[-1] in _GENERIC_COMMITTEE_WORDS and words[0] in (
                "the", "this", words[-1]):
            return self.committee
        label = longer_committee_name(label, self.doc.mentions)
        bare = self.without_host_name(label)
        if own and self.committee:
            # "Living in Hackney Scrutiny Commission" where the title gave "Hackney Scrutiny
            # Commission"; "GMCA Standards Committee" for the meeting's "Standards Committee".
            mine, theirs = normalise_label(bare), normalise_label(self.without_host_name(own))
            if mine == theirs or (len(min(mine, theirs, key=len).split()) >= 2
                                  and (mine.endswith(" " + theirs) or theirs.endswith(" " + mine))):
                self.registry.add_name(self.committee, label)
                return self.committee
        if is_generic_authority_name(label) and self.committee and own and is_generic_authority_name(own):
            return self.committee
        parent = self.authority
        scope = self.doc.host_scope.split("/", 1)[1]
        key = f"committee/{scope}/{slugify(bare)}"
        found = self.registry.get(key) or self.registry.find("Committee", label, within=self.doc.host_scope)
        if found is None:
            found = self.registry.add(Entity(key, "Committee", label))
        else:
            self.registry.add_name(found.key, label)
        if parent and found.key not in self.parented:
            self.parented.add(found.key)
            self.doc.fact(found.key, ORG.subOrganizationOf, parent)
        return found.key

    def without_host_name(self, label: str) -> str:
        """A committee or unit name without the host's name or acronym before it ("GMCA
        Standards Committee" → "Standards Committee"), which two papers may or may not add."""
        authority = self.context.authority
        if authority is None:
            return label
        for name in sorted((authority.name, *authority.aliases), key=len, reverse=True):
            if label.startswith(name + " ") and len(label) > len(name) + 3 and not name.lower().startswith("the "):
                rest = label[len(name) + 1:]
                return rest[2:] if rest.startswith(("’s ", "'s ")) else rest
        return label

    def unit(self, label: str) -> str:
        """A unit (directorate, team, group) of the host, keyed under it."""
        parent = self.doc.host_scope
        return self.ensure("OrganisationalUnit", label, within=parent,
                           key=f"{parent.replace('org/', 'unit/', 1)}/{slugify(label)}",
                           parent=parent)

    def post(self, title: str, org_key: str | None) -> str:
        """A post in ``org_key`` (default: the host), keyed by its organisation and title."""
        org_key = org_key or self.doc.host_scope
        key = f"post/{org_key.split('/', 1)[1]}/{post_slug(title)}"
        entity = self.registry.get(key)
        if entity is None:
            self.registry.add(Entity(key, "Post", title, attributes={"postIn": org_key}))
        else:
            self.registry.add_name(key, title)
        return key

    def place(self, label: str) -> str:
        """A place of the gazetteer by name, else a provisional place."""
        found = self.registry.find("Place", label)
        if found is not None:
            return found.key
        return self.ensure("Place", label, key=f"place/{slugify(label)}")

    def issue(self, mention: Mention) -> str:
        """The issue of the scheme a mention names (by its phrases), else a proposed issue."""
        if mention.method == "gazetteer:issue":
            return f"concept/issue/{mention.label}"
        # A bold lead-in names an issue: match it to the scheme by its phrases, else propose.
        for issue in load_cues("issues")["issue"]:
            for phrase in issue["phrases"]:
                flags = 0 if phrase.isupper() else re.I
                if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", mention.label, flags):
                    return f"concept/issue/{issue['key']}"
        return self.ensure("Issue", mention.label, key=f"concept/issue/{slugify(mention.label)}",
                           scheme="scheme/issue")

    def cast_org(self, surface: str) -> str | None:
        """The organisation the cast gives for the one member a name matches."""
        name = parse_person_name(surface)
        matches = self.context.cast_matches(name) if name else []
        if len(matches) == 1 and matches[0].organisation:
            return self.organisation(matches[0].organisation)
        return None

    def cast_post(self, surface: str) -> str | None:
        """The post the cast gives for the one member a name matches."""
        name = parse_person_name(surface)
        matches = self.context.cast_matches(name) if name else []
        return matches[0].post if len(matches) == 1 else None


