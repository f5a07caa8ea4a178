"""Stage 4: resolution. Mentions become registry entities, and structure becomes facts.

Resolution is scoped (MODEL.md §7.2): people resolve within the meeting's cast and only when a
single candidate matches; "the Council" resolves to the authority hosting the committee, and
such generic names are never matched against other authorities; committees, units and posts
are looked up within their organisation; other names resolve within their kind, by normalised
label and then by fuzzy match (rapidfuzz ``token_set_ratio``) against the registry. New names
are proposed as provisional registry entries, and every decision is kept in the registry for
the next load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rdflib import URIRef

from graph.entities import Entity, Registry, normalise_label, slugify
from graph.kinds import KINDS, MENTION_KIND_CLASS
from graph.vocabulary import DCTERMS, EG, FOAF, ORG, PCON, PROV, RDF, SCHEMA, SKOS
from loaders.blocks import Block, ParsedDocument
from loaders.context import (
    Authority,
    CorpusContext,
    authority_gazetteer,
    authority_key_of,
    is_generic_authority_name,
    make_authority,
)
from loaders.cues import load_cues
from loaders.facts import SEGMENT, Annotation, Fact, Ref, ResolvedDocument, Value
from loaders.figures import choose_about, describe_figure, sentence_around
from loaders.mentions import Mention
from loaders.names import PersonName, document_namesakes, parse_person_name
from loaders.sentences import split_sentences

#: One-word committee names that stand for the meeting's own committee ("the Committee").
_GENERIC_COMMITTEE_WORDS = frozenset({"committee", "sub-committee", "subcommittee", "panel", "board",
                                      "forum", "commission", "group"})

#: Fuzzy matches below this token-set score are new entities, not variants.
FUZZY_CUTOFF = 90

#: The registry kind of each mention kind, and the key prefix of each registry kind (graph.kinds).
_KIND_CLASS = MENTION_KIND_CLASS
_KEY_PREFIX = {kind.name: kind.key for kind in KINDS if kind.registry}
_PASSAGE_CLASS = {"question", "tor-question", "quoted-question"}
_ROLE_KEYS = ("chair", "vice-chair", "member", "witness", "oral-witness", "written-submitter",
              "contact-officer", "officer", "committee", "narrative", "author")
_OPINION = re.compile(r"\b(I think|I believe|my view|in my view|in our experience|I am not sure|"
                      r"we feel|we believe|I would)\b", re.I)
_RECOMMEND = re.compile(r"\b(should|must|need to|needs to|ought to|would benefit|recommend)\b", re.I)
_SINCE = re.compile(r"\bsince (?:(?P<month>January|February|March|April|May|June|July|August|"
                    r"September|October|November|December) )?(?P<year>(?:19|20)\d\d)\b")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]


@dataclass(frozen=True)
class FigureRecord:
    """A figure of any document of the build, for linking restatements."""

    key: str
    value: str | None
    about: str | None


#: Kinds of entity a figure can be about (loaders.figures.choose_about).
_FIGURE_ABOUT_KINDS = frozenset({"service", "programme", "framework", "organisation", "unit", "place"})

#: Blocks never tagged with a theme: headings, labels, layout and the terms of reference itself.
_UNTAGGED_KINDS = frozenset({"heading", "label", "title", "theme", "theme-heading", "tor-question", "remit",
                             "membership", "attendance", "apologies", "agenda-item", "meeting-header",
                             "committee-heading", "memo-header", "signature"})


def role_key(role: str) -> str:
    """Key of a role concept (``concept/role/chair``)."""
    return f"concept/role/{role}"


def doc_type_key(kind: str) -> str:
    """Key of a document-type concept (``concept/doc-type/minutes``)."""
    return f"concept/doc-type/{kind}"


def authority_key(context: CorpusContext) -> str | None:
    """Key of the host authority: its org-id (``org/gb-lae-ken``) or its name's slug."""
    return None if context.authority is None else authority_key_of(context.authority)


def committee_key(context: CorpusContext) -> str | None:
    """Key of the committee, scoped by its authority (MODEL.md §4 rule 3)."""
    if not context.committee:
        return None
    scope = (authority_key(context) or "org/unknown").split("/", 1)[1]
    return f"committee/{scope}/{slugify(context.committee)}"


def meeting_key(context: CorpusContext) -> str | None:
    """Key of the meeting: committee key plus its ISO date.

    A meeting whose papers state a date that is no date ("Date: TBC") is named by the folder
    of its papers instead: the stated text never goes into a key.

    Examples
    --------
    >>> from loaders.context import CorpusContext
    >>> meeting_key(CorpusContext(committee="Audit Committee", meeting_date="2014-01-30"))
    'meeting/unknown/audit-committee/2014-01-30'
    >>> meeting_key(CorpusContext(committee="Audit Committee", meeting_date_text="TBC", folder="c/audit"))
    'meeting/unknown/audit-committee/undated-c-audit'
    """
    committee = committee_key(context)
    if committee is None:
        return None
    if context.meeting_date:
        return f"meeting/{committee.split('/', 1)[1]}/{context.meeting_date}"
    if context.meeting_date_text:
        return f"meeting/{committee.split('/', 1)[1]}/undated" + (
            f"-{slugify(context.folder)}" if context.folder else "")
    return None


def meeting_name(context: CorpusContext) -> str:
    """The meeting's display name: committee and date (or the date as stated)."""
    return f"{context.committee}, {context.meeting_date or context.meeting_date_text}"


def post_slug(title: str) -> str:
    """Registry key part of a post title; spellings of one post agree.

    Examples
    --------
    >>> post_slug("Head of Strategic Commissioning (Children's Services)")
    'head-of-strategic-commissioning-children'
    >>> post_slug("Head of Strategic Commissioning – Children")
    'head-of-strategic-commissioning-children'
    """
    text = re.sub(r"['’]s\b", "", title)
    words = [w for w in re.findall(r"[A-Za-z0-9]+", text) if w.lower() not in {"services", "service"}]
    return slugify(" ".join(words))


def seed_registry(registry: Registry) -> None:
    """Add the curated entities of the cue files: organisations, legislation, places, issues,
    roles and document types.
    """
    for org in load_cues("organisations")["organisation"]:
        registry.add(Entity(f"org/{slugify(org['name'])}", "Organisation", org["name"],
                            set(org.get("aliases", [])), attributes={"orgKind": org.get("kind", "")},
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
    for role in _ROLE_KEYS:
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


def place_key(place: dict[str, str]) -> str:
    """``place/gss-{code}`` when the GSS code is known, else ``place/{slug}``."""
    return f"place/gss-{place['gss']}" if place.get("gss") else f"place/{slugify(place['name'])}"


class _Resolver:
    """Resolves one document; holds the registry, context and output under construction."""

    def __init__(self, parsed: ParsedDocument, mentions: list[Mention], context: CorpusContext,
                 registry: Registry, figures: Iterable[FigureRecord]) -> None:
        self.parsed = parsed
        self.text = parsed.document.text
        self.mentions = mentions
        self.context = context
        self.registry = registry
        self.peer_figures = list(figures)
        # Theme tags of every passage, computed together (questions and answers support each other).
        self._theme_tags: dict[int, tuple[str, ...]] | None = None
        self.doc_key = f"doc/{parsed.document.key}"
        self.out = ResolvedDocument(parsed, parsed.document.key)
        self.authority = authority_key(context)
        self.committee = committee_key(context)
        self.meeting = meeting_key(context)
        self.by_block: dict[int, list[Mention]] = {}
        for mention in mentions:
            self.by_block.setdefault(mention.block, []).append(mention)
        self.entity_of: dict[tuple[int, int, str], str | None] = {}
        self.part_keys: list[str] = []
        self.item_by_person: dict[str, str] = {}
        self.item_by_org: dict[str, str] = {}
        self._full_names: list[PersonName] | None = None
        #: Committees given their parent in this document (one fact each).
        self.parented: set[str] = set()

    # -- output helpers -------------------------------------------------------------------
    def fact(self, subject: str, predicate: URIRef, obj: Ref | Value | URIRef | str,
             evidence: tuple[int, int] | None = None, block: int | None = None) -> None:
        if isinstance(obj, str) and not isinstance(obj, URIRef):
            obj = Ref(obj)
        self.out.facts.append(Fact(subject, predicate, obj, evidence, block))

    def label(self, subject: str, text: str, predicate=SKOS.prefLabel) -> None:
        self.fact(subject, predicate, Value(text))

    # -- entities ---------------------------------------------------------------------------
    def ensure(self, kind: str, label: str, key: str | None = None, status: str = "provisional",
               within: str | None = None, **attributes: str) -> str:
        """Find an entity by name within its kind (and organisation ``within``), or propose a
        new one under ``key``."""
        found = self.registry.find(kind, label, within=within)
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
        return found.key

    def _fuzzy(self, kind: str, label: str, within: str | None = None) -> Entity | None:
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
                if value > score:
                    best, score = entity, value
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
                return (self._person_entity(fuller[0], surface), 0.8) if len(fuller) == 1 else (None, 0.0)
        matches = self.context.cast_matches(name)
        if len(matches) == 1:
            member = matches[0]
            key = self._person_entity(member.name, member.surface)
            if surface != member.surface:
                self.registry.add_name(key, surface)
            return key, 1.0 if surface == member.surface else 0.9
        if len(matches) > 1:
            return None, 0.0
        if name.given or name.initials:
            return self._person_entity(name, surface), 0.7
        # A surname alone ("Mr Weir"): the one person of that surname the document names in
        # full, else a provisional person of this document (never merged across documents).
        fuller = document_namesakes(name, self._named_in_full())
        if len(fuller) == 1:
            return self._person_entity(fuller[0], surface), 0.8
        if fuller:
            return None, 0.0
        return self._person_entity(name, surface, scope=slugify(self.parsed.document.key)), 0.6

    def _named_in_full(self) -> list[PersonName]:
        """The people the document names with a forename or initials (parsed once)."""
        if self._full_names is None:
            parsed = (parse_person_name(m.label) for m in self.mentions if m.kind == "person")
            self._full_names = [n for n in parsed if n is not None and (n.given or n.initials)]
        return self._full_names

    def _person_entity(self, name: PersonName, surface: str, scope: str | None = None) -> str:
        key = f"person/{scope}/{slugify(name.display)}" if scope else f"person/{slugify(name.display)}"
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
        if surface != entity.label:
            self.registry.add_name(key, surface)
        return key

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
        found = self.registry.find("OrganisationalUnit", surface, within=self.authority or "org/unknown")
        if found is not None:
            return found.key
        return self.ensure("Organisation", surface)

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
        return key

    def resolve_mention(self, mention: Mention) -> tuple[str | None, float]:
        cache_key = (mention.start, mention.end, mention.kind)
        if cache_key in self.entity_of:
            return self.entity_of[cache_key], 1.0
        confidence = 1.0 if mention.method.startswith(("structure", "gazetteer", "cast")) else 0.8
        key: str | None
        if mention.kind == "person" and mention.end == len(self.text) and self.text[-1:].isalnum():
            key = None  # "… Councillor J Turne" where a truncated page ends: maybe a cut-off word
        elif mention.kind == "person":
            key, confidence = self.person(mention.label)
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

    def committee_named(self, label: str) -> str | None:
        """The committee a name stands for: the meeting's own for its name or a bare head noun
        ("the Committee"), else a committee of the host authority, keyed under it."""
        own = self.context.committee
        words = label.lower().split()
        if len(words) <= 2 and words[-1:] and words[-1] in _GENERIC_COMMITTEE_WORDS and words[0] in (
                "the", "this", words[-1]):
            return self.committee
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
        scope = (parent or "org/unknown").split("/", 1)[1]
        key = f"committee/{scope}/{slugify(bare)}"
        found = self.registry.get(key) or self.registry.find("Committee", label, within=parent or "org/unknown")
        if found is None:
            found = self.registry.add(Entity(key, "Committee", label))
        else:
            self.registry.add_name(found.key, label)
        if parent and found.key not in self.parented:
            self.parented.add(found.key)
            self.fact(found.key, ORG.subOrganizationOf, parent)
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
        parent = self.authority or "org/unknown"
        return self.ensure("OrganisationalUnit", label, within=parent,
                           key=f"{parent.replace('org/', 'unit/', 1)}/{slugify(label)}",
                           parent=parent)

    def post(self, title: str, org_key: str | None) -> str:
        org_key = org_key or self.authority or "org/unknown"
        key = f"post/{org_key.split('/', 1)[1]}/{post_slug(title)}"
        entity = self.registry.get(key)
        if entity is None:
            self.registry.add(Entity(key, "Post", title, attributes={"postIn": org_key}))
        else:
            self.registry.add_name(key, title)
        return key

    def place(self, label: str) -> str:
        found = self.registry.find("Place", label)
        if found is not None:
            return found.key
        return self.ensure("Place", label, key=f"place/{slugify(label)}")

    def issue(self, mention: Mention) -> str:
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

    # -- the document ---------------------------------------------------------------------------
    def run(self) -> ResolvedDocument:
        self.meeting_facts()
        self.document_facts()
        self.passage_facts()
        for index, block in enumerate(self.parsed.blocks):
            handler = getattr(self, f"block_{block.kind.replace('-', '_')}", None)
            if handler is not None:
                handler(index, block)
        self.annotation_facts()
        self.relation_facts()
        self.claim_facts()
        return self.out

    def meeting_facts(self) -> None:
        context = self.context
        if self.authority and context.authority:
            authority = context.authority
            self.authority_entity(authority)
            # Initials ("KCC") are kept as names; generic aliases ("County Council") are not:
            # they name the authority only in its own papers (resolved from the context).
            for alias in authority.aliases:
                if alias != authority.name and not is_generic_authority_name(alias):
                    self.registry.add_name(self.authority, alias)
                elif alias.startswith("the ") and len(alias.split()) >= 3 and re.search(
                        rf"\b[Tt]{re.escape(alias[1:])}\b", self.text):
                    # The typed form its own papers use ("the County Council") is one of its
                    # names; bare "the Council" or "County Council" names any council.
                    self.registry.add_name(self.authority, alias)
            if authority.area:
                area = self.registry.find("Place", authority.area)
                if area:
                    self.fact(self.authority, SCHEMA.areaServed, area.key)
        if self.committee and context.committee:
            # The committee's key is scoped by its authority, so it is the identity: no look-up
            # by name, which could find another council's committee of the same name.
            self.registry.add(Entity(self.committee, "Committee", context.committee))
            if self.authority:
                self.fact(self.committee, ORG.subOrganizationOf, self.authority)
        if self.meeting:
            self.fact(self.meeting, RDF.type, EG.Meeting)
            self.fact(self.meeting, RDF.type, SCHEMA.Event)
            if self.committee:
                self.fact(self.meeting, SCHEMA.organizer, self.committee)
                self.fact(self.meeting, SCHEMA.name, Value(meeting_name(context)))
            if context.meeting_date_text:
                self.fact(self.meeting, EG.dateText, Value(context.meeting_date_text))
            self.dated_title()

    def dated_title(self) -> None:
        """The meeting's date (and time) from the opening lines of minutes that have no agenda
        header ("… held on Tuesday, 12 November 2024 at 6.30 pm")."""
        from loaders.structure.fields import find_date, find_time

        if any(b.kind == "meeting-header" for b in self.parsed.blocks):
            return
        for index, block in enumerate(self.parsed.blocks[:12]):
            if block.kind == "memo-header":
                # "Date of meeting: 6 February 2025" in a report's header.
                when = next((f for f in block.fields if f.name == "date" and f.value == self.context.meeting_date),
                            None)
                if when:
                    self.fact(self.meeting, SCHEMA.startDate, Value(when.value, "date"), (when.start, when.end),
                              index)
                return
            if block.kind in ("membership", "attendance", "apologies"):
                break
            text = self.text[block.start:block.end]
            when = find_date(text, block.start)
            if when is None or when.value != self.context.meeting_date:
                continue
            clock = find_time(self.text[when.end:block.end][:20], when.end)
            if clock:
                self.fact(self.meeting, SCHEMA.startDate, Value(f"{when.value}T{clock.value}:00", "dateTime"),
                          (when.start, clock.end), index)
            else:
                self.fact(self.meeting, SCHEMA.startDate, Value(when.value, "date"), (when.start, when.end),
                          index)
            return

    def document_facts(self) -> None:
        doc = self.parsed.document
        parts = self.parsed.parts
        kind = doc.metadata.get("kind") or (parts[0].kind if len(parts) == 1 else "agenda-pack")
        self.fact(self.doc_key, RDF.type, SCHEMA.DigitalDocument)
        self.fact(self.doc_key, RDF.type, FOAF.Document)
        title = doc.metadata.get("title") or (parts[0].title if parts else doc.key)
        self.fact(self.doc_key, DCTERMS.title, Value(title))
        self.fact(self.doc_key, DCTERMS.type, doc_type_key(kind))
        if doc.metadata.get("meeting_date"):
            self.fact(self.doc_key, DCTERMS.date, Value(doc.metadata["meeting_date"], "date"))
        elif doc.metadata.get("meeting_date_text"):
            self.fact(self.doc_key, DCTERMS.date, Value(doc.metadata["meeting_date_text"]))
        if self.meeting:
            self.fact(self.doc_key, SCHEMA.about, self.meeting)
        for part in parts:
            if len(parts) == 1:
                self.part_keys.append(self.doc_key)
                continue
            key = f"{self.doc_key}/part/{part.slug}"
            self.part_keys.append(key)
            self.fact(key, RDF.type, SCHEMA.DigitalDocument)
            self.fact(key, RDF.type, FOAF.Document)
            self.fact(key, DCTERMS.title, Value(part.title), (part.start, part.start + len(part.title))
                      if self.text.startswith(part.title, part.start) else None)
            self.fact(key, DCTERMS.type, doc_type_key(part.kind))
            self.fact(key, DCTERMS.isPartOf, self.doc_key)
            self.fact(self.doc_key, DCTERMS.hasPart, key)
        for index, part in enumerate(parts):
            key = self.part_keys[index]
            if part.kind in ("written-evidence", "biography") and part.subject:
                author = self.organisation(part.subject)
                if author:
                    self.fact(key, SCHEMA.author, author)
            if part.kind in ("agenda", "terms-of-reference", "minutes") and self.committee:
                self.fact(key, SCHEMA.author, self.committee)
            if part.kind == "terms-of-reference" and self.committee:
                inquiry = f"inquiry/{self.committee.split('/', 1)[1]}"
                self.fact(inquiry, RDF.type, EG.Inquiry)
                self.label(inquiry, f"Inquiry of the {self.context.committee}")
                self.fact(inquiry, SCHEMA.organizer, self.committee)
                self.fact(inquiry, EG.termsOfReference, key)
                self.fact(inquiry, DCTERMS.subject, self.tor_scheme())

    def tor_scheme(self) -> str:
        committee = (self.committee or f"committee/{self.parsed.document.key}").split("/", 1)[1]
        return f"scheme/tor/{committee}"

    def passage_facts(self) -> None:
        question_count = 0
        minutes_parts = {i for i, p in enumerate(self.parsed.parts) if p.kind == "minutes"}
        used: set[str] = set()
        for index, block in enumerate(self.parsed.blocks):
            if block.kind in ("label", "furniture"):  # page furniture is no passage
                continue
            in_minutes = block.part in minutes_parts and block.number is not None
            if in_minutes and (block.kind == "numbered-paragraph" or block.parent is not None):
                fragment = f"para_{block.number}"
            elif block.part in minutes_parts and block.kind == "question":
                question_count += 1
                fragment = f"q_{question_count}"
            else:
                fragment = f"block_{index}"
            # Minutes may print a paragraph number twice ("(2) … (2) …"): each is its own passage.
            key, n = f"{self.doc_key}#{fragment}", 2
            while key in used:
                key, n = f"{self.doc_key}#{fragment}-{n}", n + 1
            used.add(key)
            self.out.passages[index] = key
        for index, key in self.out.passages.items():
            block = self.parsed.blocks[index]
            self.fact(key, RDF.type, EG.Passage)
            if block.kind in _PASSAGE_CLASS:
                self.fact(key, RDF.type, SCHEMA.Question)
            elif block.role == "witness":
                self.fact(key, RDF.type, SCHEMA.Answer)
            elif block.role == "narrative":
                self.fact(key, RDF.type, EG.Narrative)
            self.fact(key, DCTERMS.isPartOf, self.part_keys[block.part])
            self.fact(key, SCHEMA.text, Value(self.text[block.start:block.end]))
            self.fact(key, EG.startOffset, Value(str(block.start), "integer"))
            self.fact(key, EG.endOffset, Value(str(block.end), "integer"))
            self.fact(key, SCHEMA.position, Value(block.number or str(index)))
            self.fact(key, DCTERMS.type, Value(block.kind))
            if block.role in _ROLE_KEYS:
                self.fact(key, EG.speakerRole, role_key(block.role))
            speaker = self.speaker_of(block)
            if speaker:
                self.fact(key, SCHEMA.author, speaker)
            if block.answers is not None and block.answers in self.out.passages:
                question = self.out.passages[block.answers]
                self.fact(key, SCHEMA.parentItem, question)
                self.fact(question, SCHEMA.suggestedAnswer, key)
            if block.parent is not None and block.parent in self.out.passages:
                self.fact(key, DCTERMS.isPartOf, self.out.passages[block.parent])
            for letter in block.theme_notations or self.tagged_themes(block):
                predicate = SCHEMA.about if block.kind in ("tor-question", "theme", "theme-heading") \
                    else DCTERMS.subject
                self.fact(key, predicate, f"concept/tor/{self.tor_scheme().split('/', 2)[2]}/{letter}")

    def tagged_themes(self, block: Block) -> tuple[str, ...]:
        """Themes of a passage that states none, by similarity to the terms of reference; a
        question and its answers support each other (:meth:`loaders.themes.ThemeTagger.tag_linked`)."""
        if self.context.themes is None or block.kind in _UNTAGGED_KINDS:
            return ()
        if self._theme_tags is None:
            blocks = self.parsed.blocks
            texts = ["" if b.kind in _UNTAGGED_KINDS or b.theme_notations else self.text[b.start:b.end]
                     for b in blocks]
            links: list[list[int]] = [[] for _ in blocks]
            for index, b in enumerate(blocks):
                if b.answers is not None and 0 <= b.answers < len(blocks):
                    links[index].append(b.answers)
                    links[b.answers].append(index)
            tagged = self.context.themes.tag_linked(texts, links)
            self._theme_tags = {id(b): tuple(m.notation for m in found)
                                for b, found in zip(blocks, tagged, strict=True)}
        return self._theme_tags.get(id(block), ())

    def speaker_of(self, block: Block) -> str | None:
        """The entity that speaks in a block (MODEL.md §3 Passage)."""
        speaker = block.field("speaker")
        if speaker is not None:
            if parse_person_name(speaker.value) is None:
                return self.post_holder(speaker.value)
            return self.person(speaker.value)[0]
        part = self.parsed.parts[block.part]
        if block.role == "witness":
            return self.minutes_witness(block.part)
        if block.role == "committee":
            return self.committee
        if block.role == "author" or (part.kind == "biography" and block.kind != "heading"):
            if part.kind in ("written-evidence", "biography") and part.subject:
                return self.organisation(part.subject)
            if part.kind == "officer-report":
                return self.report_author(block.part)
        return None

    def post_holder(self, title: str) -> str | None:
        """The one cast member who holds a post ("the Licensing Manager").

        MODEL.md §7.2 step 3: a role description resolves only to a single holder. "The
        Chairman thanked …" stays the clerk's narrative: the chair is not a stated post.
        """
        wanted = post_slug(title)
        holders = [m for m in self.context.cast if m.post and post_slug(m.post) == wanted]
        if len(holders) != 1:
            return None
        return self._person_entity(holders[0].name, holders[0].surface)

    def minutes_witness(self, part_index: int) -> str | None:
        for block in self.parsed.blocks_in(part_index):
            if block.kind == "title" and block.field("person"):
                return self.person(block.field("person").value)[0]
        return None

    def report_author(self, part_index: int) -> str | None:
        for block in self.parsed.blocks_in(part_index):
            if block.kind in ("memo-header", "signature") and block.field("person"):
                return self.person(block.field("person").value)[0]
        return None

    # -- block kinds -------------------------------------------------------------------------------
    def block_meeting_header(self, index: int, block: Block) -> None:
        if not self.meeting:
            return
        timed = block.field("time") is not None
        stated = block.field("date")
        # A header dated otherwise (a second agenda in one pack) is another meeting's: it does
        # not date this one.
        other_meeting = stated is not None and stated.value != self.context.meeting_date
        for f in block.fields:
            span = (f.start, f.end)
            if other_meeting and f.name in ("date", "time"):
                continue
            if f.name == "date" and not timed:
                self.fact(self.meeting, SCHEMA.startDate, Value(f.value, "date"), span, index)
            elif f.name == "date-text" and not self.context.meeting_date:
                self.fact(self.meeting, EG.dateText, Value(f.value), span, index)
            elif f.name == "time" and self.context.meeting_date:
                self.fact(self.meeting, SCHEMA.startDate,
                          Value(f"{self.context.meeting_date}T{f.value}:00", "dateTime"), span, index)
            elif f.name == "contact":
                person, _ = self.person(f.value)
                if person:
                    self.fact(self.meeting, EG.contactOfficer, person, span, index)
                    self.membership(person, self.authority, None, "contact-officer", span, index)
        venues = [f for f in block.fields if f.name == "venue"]
        if venues:
            name = ", ".join(f.value for f in self.venue_fields())
            place = self.ensure("Place", name, key=f"place/{slugify(name)}", placeType="Venue")
            self.fact(self.meeting, SCHEMA.location, place, (venues[0].start, venues[0].end), index)
            for f in venues:
                town = self.registry.find("Place", f.value)
                if town and town.key != place and town.status == "curated":
                    self.fact(place, SCHEMA.containedInPlace, town.key, (f.start, f.end), index)

    def venue_fields(self) -> list:
        return [f for b in self.parsed.blocks if b.kind == "meeting-header" for f in b.fields
                if f.name == "venue"]

    def block_committee_heading(self, index: int, block: Block) -> None:
        if self.committee:
            heading = block.fields[0]
            self.registry.add_name(self.committee, heading.value)
            self.fact(self.committee, SKOS.altLabel, Value(heading.value), (heading.start, heading.end), index)
            if self.meeting:
                self.fact(self.meeting, SCHEMA.organizer, self.committee, (heading.start, heading.end), index)
                self.fact(self.meeting, SCHEMA.name, Value(meeting_name(self.context)))

    def block_membership(self, index: int, block: Block) -> None:
        body = self.committee or self.authority
        for f in block.fields:
            if f.name not in ("chair", "vice-chair", "member"):
                continue
            person, _ = self.person(f.value)
            if person and body:
                self.membership(person, body, None, f.name, (f.start, f.end), index)
                if self.meeting:
                    self.fact(self.meeting, SCHEMA.attendee, person, (f.start, f.end), index)

    def block_apologies(self, index: int, block: Block) -> None:
        for f in block.fields:
            person, _ = self.person(f.value)
            if person and self.committee:
                self.membership(person, self.committee, None, "member", (f.start, f.end), index)

    def membership(self, person: str, org: str | None, post_title: str | None, role: str | None,
                   span: tuple[int, int] | None, index: int | None) -> str | None:
        """A person's membership of an organisation or committee, in a post or role."""
        if org is None:
            return None
        post = self.post(post_title, org) if post_title else None
        qualifier = post.rsplit("/", 1)[1] if post else (role or "member")
        key = f"membership/{person.split('/', 1)[1]}/{org.split('/', 1)[1]}/{qualifier}"
        self.fact(key, RDF.type, ORG.Membership)
        self.fact(key, ORG.member, person, span, index)
        self.fact(key, ORG.organization, org, span, index)
        self.fact(person, ORG.memberOf, org, span, index)
        if post:
            self.fact(key, EG.post, post, span, index)
            self.fact(post, ORG.postIn, org)
            self.fact(person, ORG.holds, post, span, index)
        if role:
            self.fact(key, ORG.role, role_key(role))
        return key

    def agenda_item(self, number: str) -> str:
        """The key of item ``number`` of the meeting, typed and linked to the meeting."""
        assert self.meeting is not None
        item = f"{self.meeting}/item/{number}"
        self.fact(item, RDF.type, EG.AgendaItem)
        self.fact(item, RDF.type, SCHEMA.Event)
        self.fact(item, SCHEMA.superEvent, self.meeting)
        self.fact(self.meeting, SCHEMA.subEvent, item)
        return item

    def block_agenda_item(self, index: int, block: Block) -> None:
        if not self.meeting or not block.number:
            return
        item = self.agenda_item(block.number)
        self.fact(item, SCHEMA.position, Value(block.number, "integer"))
        for f in block.fields:
            span = (f.start, f.end)
            if f.name == "title":
                self.fact(item, SCHEMA.name, Value(f.value), span, index)
            elif f.name == "time" and self.context.meeting_date:
                self.fact(item, SCHEMA.startDate, Value(f"{self.context.meeting_date}T{f.value}:00", "dateTime"),
                          span, index)
            elif f.name == "pages":
                self.fact(item, EG.pages, Value(f.value), span, index)
        self.fact(item, EG.evidence, self.out.passages[index])
        person_field = block.field("person")
        if person_field is None:
            return
        person, _ = self.person(person_field.value)
        if person is None:
            return
        org_field, post_field = block.field("organisation"), block.field("post")
        org = self.organisation(org_field.value) if org_field else self.cast_org(person_field.value)
        span = (person_field.start, (post_field or org_field or person_field).end)
        self.fact(item, SCHEMA.attendee, person, (person_field.start, person_field.end), index)
        post_title = post_field.value if post_field else self.cast_post(person_field.value)
        membership = self.membership(person, org, post_title, None, span, index)
        self.contribution(item, person, "oral-witness", membership, span, index)
        self.item_by_person[person] = item
        if org:
            self.item_by_org.setdefault(org, item)
            self.fact(item, SCHEMA.about, org, (org_field.start, org_field.end) if org_field else None,
                      index if org_field else None)

    def cast_org(self, surface: str) -> str | None:
        name = parse_person_name(surface)
        matches = self.context.cast_matches(name) if name else []
        if len(matches) == 1 and matches[0].organisation:
            return self.organisation(matches[0].organisation)
        return None

    def cast_post(self, surface: str) -> str | None:
        name = parse_person_name(surface)
        matches = self.context.cast_matches(name) if name else []
        return matches[0].post if len(matches) == 1 else None

    def contribution(self, item: str, contributor: str, role: str, membership: str | None,
                     span: tuple[int, int] | None, index: int | None) -> None:
        key = f"contribution/{item.split('/', 1)[1]}/{contributor.split('/', 1)[1]}"
        self.fact(key, RDF.type, PCON.Contribution)
        self.fact(key, PCON.hasContributionRole, role_key(role))
        self.fact(key, EG.agendaItem, item)
        self.fact(contributor, PCON.makesContribution, key, span, index)
        if membership:
            self.fact(key, PCON.inCapacity, membership)

    def block_minute_item(self, index: int, block: Block) -> None:
        """A numbered minute ("24. Housing Allocations Policy Review") is an agenda item of
        the meeting; the passages under it point to it."""
        if not self.meeting or not block.number:
            return
        item = self.agenda_item(block.number)
        self.fact(item, SCHEMA.position, Value(block.number, "integer" if block.number.isdigit() else None))
        self.fact(item, SCHEMA.name, Value(self.text[block.body:block.end]), (block.body, block.end), index)
        self.fact(item, EG.evidence, self.out.passages[index])
        for other, passage in self.out.passages.items():
            if self.parsed.blocks[other].item == index:
                self.fact(passage, EG.agendaItem, item)

    def block_signature(self, index: int, block: Block) -> None:
        person_field, post_field = block.field("person"), block.field("post")
        if person_field is None:
            return
        person, _ = self.person(person_field.value)
        if person is None:
            return
        span = (person_field.start, (post_field or person_field).end)
        unit_field, org_field = block.field("unit"), block.field("organisation")
        org = (self.organisation(org_field.value) if org_field else None) or \
            self.cast_org(person_field.value) or self.author_org(block.part) or self.authority
        self.membership(person, org, post_field.value if post_field else None, "officer", span, index)
        if unit_field:
            unit = self.unit(unit_field.value)
            if self.authority:
                self.fact(unit, ORG.unitOf, self.authority)
            self.membership(person, unit, None, "officer", (unit_field.start, unit_field.end), index)
        part = self.part_keys[block.part]
        if self.parsed.parts[block.part].kind in ("officer-report", "written-evidence"):
            self.fact(part, SCHEMA.author, person, span, index)

    def author_org(self, part_index: int) -> str | None:
        """The organisation a written submission is from (its part subject)."""
        part = self.parsed.parts[part_index]
        if part.kind in ("written-evidence", "biography") and part.subject:
            return self.organisation(part.subject)
        return None

    def block_memo_header(self, index: int, block: Block) -> None:
        """Header lines of a report: its subject, its author, and every person named with a post
        ("Cabinet Member: Cllr …, Cabinet Member for Finance")."""
        part = self.part_keys[block.part]
        subject = block.field("subject")
        if subject:
            self.fact(part, DCTERMS.title, Value(subject.value), (subject.start, subject.end), index)
        authors = set(load_cues("structure")["report"]["author_labels"])
        label = None
        fields = list(block.fields)
        for position, f in enumerate(fields):
            if f.name != "person":
                if f.name not in ("post", "organisation", "date"):
                    label = f.name
                continue
            person, _ = self.person(f.value)
            if person is None:
                continue
            own = []
            for later in fields[position + 1:]:
                if later.name not in ("post", "organisation"):
                    break
                own.append(later)
            post_field = next((o for o in own if o.name == "post"), None)
            org_field = next((o for o in own if o.name == "organisation"), None)
            span = (f.start, (post_field or f).end)
            org = (self.organisation(org_field.value) if org_field else None) or \
                self.cast_org(f.value) or self.author_org(block.part) or self.authority
            self.membership(person, org, post_field.value if post_field else None, "officer"
                            if label in authors or label in ("contact officer", "lead officer") else None,
                            span, index)
            if label in authors:
                self.fact(part, SCHEMA.author, person, span, index)

    def block_attendance(self, index: int, block: Block) -> None:
        """Everyone an attendance block names, each with the post and organisation after them."""
        fields = list(block.fields)
        for position, person_field in enumerate(fields):
            if person_field.name != "person":
                continue
            person, _ = self.person(person_field.value)
            if person is None:
                continue
            # The fields written for this person: those after it, up to the next person.
            own = []
            for later in fields[position + 1:]:
                if later.name == "person":
                    break
                own.append(later)
            org_field = next((f for f in own if f.name == "organisation"), None)
            post_field = next((f for f in own if f.name == "post"), None)
            org = self.organisation(org_field.value) if org_field else self.authority
            span = (person_field.start, (post_field or person_field).end)
            membership = self.membership(person, org, post_field.value if post_field else None, None,
                                         span, index)
            if self.meeting:
                self.fact(self.meeting, SCHEMA.attendee, person, (person_field.start, person_field.end),
                          index)
            item = self.item_for(person, org)
            if item:
                self.contribution(item, person, "oral-witness", membership, span, index)

    def item_for(self, person: str | None, org: str | None) -> str | None:
        """The agenda item at which a person (or an organisation's witness) gave evidence."""
        if person and person in self.item_by_person:
            return self.item_by_person[person]
        if org and org in self.item_by_org:
            return self.item_by_org[org]
        for item_person, item_org, item in self.context_items():
            if (person and item_person == person) or (org and item_org == org):
                return item
        return None

    def context_items(self) -> list[tuple[str | None, str | None, str]]:
        items = []
        if not self.meeting:
            return items
        for number, person_surface, org_surface in self.context.items:
            person = self.person(person_surface)[0] if person_surface else None
            org = self.organisation(org_surface) if org_surface else (
                self.cast_org(person_surface) if person_surface else None)
            items.append((person, org, f"{self.meeting}/item/{number}"))
        return items

    def block_title(self, index: int, block: Block) -> None:
        """Minutes title "Interview with Name, Post (Org)": the witness and the agenda item."""
        person_field = block.field("person")
        if person_field is None:
            return
        person, _ = self.person(person_field.value)
        if person is None:
            return
        org_field, post_field = block.field("organisation"), block.field("post")
        org = self.organisation(org_field.value) if org_field else self.cast_org(person_field.value)
        span = (person_field.start, (org_field or post_field or person_field).end)
        membership = self.membership(person, org, post_field.value if post_field else None, None,
                                     span, index)
        item = self.item_for(person, org)
        part = self.part_keys[block.part]
        if item:
            self.fact(part, SCHEMA.about, item, (block.start, block.end), index)
            self.contribution(item, person, "oral-witness", membership, span, index)

    def block_theme(self, index: int, block: Block) -> None:
        self.theme(index, block, primary=True)

    def block_theme_heading(self, index: int, block: Block) -> None:
        if self.parsed.parts[block.part].kind == "terms-of-reference":
            self.theme(index, block, primary=False)

    def theme(self, index: int, block: Block, primary: bool) -> None:
        letter = block.number or ""
        scheme = self.tor_scheme()
        key = f"concept/tor/{scheme.split('/', 2)[2]}/{letter}"
        text = self.text[block.body:block.end].strip().strip("*").strip()
        entity = self.registry.get(key)
        if entity is None:
            self.registry.add(Entity(key, "Theme", text, attributes={"notation": letter, "scheme": scheme}))
        elif primary and entity.label != text:
            entity.aliases.add(entity.label)
            entity.label = text
        else:
            self.registry.add_name(key, text)
        span = (block.body, block.end)
        self.fact(key, SKOS.definition if not primary else SKOS.prefLabel, Value(text), span, index)
        if scheme not in self.registry:
            committee = self.context.committee or self.parsed.document.key
            self.registry.add(Entity(scheme, "ConceptScheme", f"Terms of reference: {committee}"))

    def block_paragraph(self, index: int, block: Block) -> None:
        self.service_facts(index, block)

    def block_list_item(self, index: int, block: Block) -> None:
        self.service_facts(index, block)

    def service_facts(self, index: int, block: Block) -> None:
        """Who commissions and who operates a service, and where (a service-list item)."""
        mentions = self.by_block.get(index, [])
        services = [m for m in mentions if m.kind == "service" and m.method.startswith("structure")]
        if not services:
            return
        part = self.parsed.parts[block.part]
        body = self.text[block.start:block.end]
        for service_mention in services:
            service, _ = self.resolve_mention(service_mention)
            if service is None:
                continue
            commissioned = re.search(r"commissioned by ", body)
            for mention in mentions:
                after_cue = commissioned is not None and 0 <= mention.start - (
                    block.start + commissioned.end()) <= 2
                if mention.kind == "organisation" and after_cue:
                    org, _ = self.resolve_mention(mention)
                    if org:
                        cue_start = block.start + commissioned.start()
                        self.fact(service, SCHEMA.provider, org, (cue_start, mention.end), index)
                elif mention.kind == "place":
                    place, _ = self.resolve_mention(mention)
                    if place:
                        self.fact(service, SCHEMA.areaServed, place, (mention.start, mention.end), index)
            operator = self.organisation(part.subject) if part.subject else None
            if operator:
                self.fact(service, SCHEMA.serviceOperator, operator,
                          (service_mention.start, service_mention.end), index)
            wide = re.search(r"\bcounty[ -]?wide\b", body, re.I)
            if wide and self.context.authority and self.context.authority.area:
                area = self.registry.find("Place", self.context.authority.area)
                if area:
                    self.fact(service, SCHEMA.areaServed, area.key,
                              (block.start + wide.start(), block.start + wide.end()), index)

    # -- mentions ----------------------------------------------------------------------------------
    def annotation_facts(self) -> None:
        # Structural mentions first: their names become the canonical labels.
        ranked = sorted(self.mentions, key=lambda m: (not m.method.startswith("structure"), m.start, m.end))
        for mention in ranked:
            if mention.kind == "figure":
                continue
            if mention.kind == "former-name":
                continue
            entity, confidence = self.resolve_mention(mention)
            self.out.annotations.append(Annotation(mention, entity, confidence, mention.method))
            if entity is None:
                continue
            surface = self.text[mention.start:mention.end]
            entity_record = self.registry.get(entity)
            if (entity_record is not None
                    and mention.kind in ("organisation", "service", "programme", "framework",
                                         "legislation", "place")
                    and surface not in entity_record.names() and not surface.lower().startswith("the ")
                    and not is_generic_authority_name(surface)):
                self.registry.add_name(entity, surface)

    def relation_facts(self) -> None:
        """Relations read from single blocks: former names, dated starts, figures."""
        figure_count: dict[int, int] = {}
        last_about: str | None = None
        for index, block in enumerate(self.parsed.blocks):
            mentions = self.by_block.get(index, [])
            for mention in mentions:
                if mention.kind == "former-name":
                    self.former_name(index, mention, mentions)
                elif mention.kind == "figure":
                    figure_count[index] = figure_count.get(index, 0) + 1
                    last_about = self.figure(index, block, mention, figure_count[index], last_about)
            self.dated_starts(index, block, mentions)

    def former_name(self, index: int, mention: Mention, mentions: list[Mention]) -> None:
        holders = [m for m in mentions if m.kind == "organisation" and m.end <= mention.start
                   and mention.start - m.end < 200]
        if not holders:
            return
        org, _ = self.resolve_mention(holders[-1])
        if org is None:
            return
        self.registry.add_name(org, mention.label)
        self.fact(org, EG.formerName, Value(mention.label), (holders[-1].start, mention.end), index)

    def dated_starts(self, index: int, block: Block, mentions: list[Mention]) -> None:
        body = self.text[block.start:block.end]
        for match in _SINCE.finditer(body):
            start = block.start + match.start()
            sentence = next(((a, b) for a, b in split_sentences(self.text, block.body, block.end)
                             if a <= start < b), (block.start, block.end))
            subjects = [m for m in mentions if m.kind in ("organisation", "framework", "programme", "service")
                        and sentence[0] <= m.start < sentence[1]]
            if not subjects:
                continue
            subject, _ = self.resolve_mention(subjects[0])
            if subject is None:
                continue
            month = match.group("month")
            value = match.group("year") + (f"-{_MONTHS.index(month.lower()) + 1:02d}" if month else "")
            claim = f"{self.out.passages.get(index, self.doc_key)}.since{match.start()}"
            self.fact(claim, RDF.type, SCHEMA.Claim)
            self.fact(claim, SCHEMA.about, subject)
            self.fact(claim, SCHEMA.startDate, Value(value, "gYearMonth" if month else "gYear"),
                      sentence, index)
            self.fact(claim, SCHEMA.text, Value(self.text[sentence[0]:sentence[1]]))
            self.fact(claim, EG.claimType, "concept/claim-type/fact")
            self.fact(claim, SCHEMA.appearance, self.out.passages[index])
            speaker = self.speaker_of(block)
            if speaker:
                self.fact(claim, SCHEMA.author, speaker)

    def figure(self, index: int, block: Block, mention: Mention, ordinal: int,
               last_about: str | None) -> str | None:
        figure = mention.figure
        assert figure is not None
        passage = self.out.passages.get(index, self.doc_key)
        key = f"{passage}.fig{ordinal}"
        self.fact(key, RDF.type, EG.Figure)
        self.fact(key, RDF.type, SCHEMA.MonetaryAmount if figure.kind == "money"
                  else SCHEMA.QuantitativeValue)
        span = (mention.start, mention.end)
        if figure.value is not None:
            self.fact(key, SCHEMA.value, Value(str(figure.value), "decimal"), span, index)
        if figure.minimum is not None:
            self.fact(key, SCHEMA.minValue, Value(str(figure.minimum), "decimal"), span, index)
            self.fact(key, SCHEMA.maxValue, Value(str(figure.maximum), "decimal"), span, index)
        if figure.currency:
            self.fact(key, SCHEMA.currency, Value(figure.currency))
        if figure.unit:
            self.fact(key, SCHEMA.unitText, Value(figure.unit))
        self.fact(key, EG.approximate, Value("true" if figure.approximate else "false", "boolean"))
        self.fact(key, SCHEMA.description, Value(mention.label))
        if mention.measure:
            self.fact(key, EG.measure, Value(mention.measure))
        self.fact(key, SCHEMA.appearance, passage)
        self.fact(key, PROV.wasQuotedFrom, SEGMENT, span, index)
        about = self.figure_about(index, block, mention, last_about)
        if about:
            self.fact(key, SCHEMA.about, about, span, index)
        value = str(figure.value if figure.value is not None else figure.minimum)
        body = self.text[block.start:block.end].lower()
        if any(cue in body for cue in load_cues("figures")["restatement"]):
            for peer in self.peer_figures:
                if peer.value == value and peer.key.split("#")[0] != self.doc_key and (
                        about is None or peer.about in (None, about)):
                    self.fact(key, EG.restates, peer.key, span, index)
                    break
        return about or last_about

    def figure_about(self, index: int, block: Block, mention: Mention, last_about: str | None) -> str | None:
        """The entity a figure measures (:func:`loaders.figures.choose_about`).

        A service, programme, framework, organisation, unit or place named in the phrase the
        figure measures ("spent on X", "X accounts for", "budget for X"), else the nearest one in
        its clause. A figure that is part of an earlier one ("Of this £40m", "25% of the spend",
        "In this time 119 children") and names nothing is about what the sentence before names,
        else about what the figure before it was about. In a table row: a name in the row label.
        """
        candidates = [m for m in self.by_block.get(index, []) if m.kind in _FIGURE_ABOUT_KINDS
                      and (m.end <= mention.start or m.start >= mention.end)]
        if block.kind == "table-row":
            row = block.field("row")
            named = [m for m in candidates if row is not None and row.start <= m.start and m.end <= row.end]
            return next(filter(None, (self.resolve_mention(m)[0] for m in named)), None)
        a, b = sentence_around(self.text, mention.start, mention.end, block.body, block.end)
        measure = describe_figure(self.text[a:b], mention.start - a, mention.end - a, mention.figure)
        inside = [m for m in candidates if a <= m.start and m.end <= b]
        while inside:
            chosen = choose_about(measure, [(m.start - a, m.end - a) for m in inside],
                                  (mention.start - a, mention.end - a))
            if chosen is None:
                break
            entity = self.resolve_mention(inside[chosen])[0]
            if entity:
                return entity
            inside.pop(chosen)
        if not measure.anaphoric:
            return None
        if a - 2 > block.body:
            pa, pb = sentence_around(self.text, a - 2, a - 2, block.body, block.end)
            before = sorted((m for m in candidates if pa <= m.start and m.end <= pb),
                            key=lambda m: (m.start, m.start - m.end))
            entity = next(filter(None, (self.resolve_mention(m)[0] for m in before)), None)
            if entity:
                return entity
        return last_about

    # -- claims ------------------------------------------------------------------------------------
    def claim_facts(self) -> None:
        """One claim per sentence of attributed prose that names an issue or a figure."""
        for index, block in enumerate(self.parsed.blocks):
            if block.kind in ("heading", "label", "theme", "theme-heading", "agenda-item", "membership",
                              "meeting-header", "signature", "memo-header", "title"):
                continue
            speaker = self.speaker_of(block)
            mentions = self.by_block.get(index, [])
            if not mentions:
                continue
            passage = self.out.passages[index]
            for number, (start, end) in enumerate(split_sentences(self.text, block.body, block.end), 1):
                inside = [m for m in mentions if start <= m.start < end]
                issues = [m for m in inside if m.kind == "issue"]
                figures = [m for m in inside if m.kind == "figure"]
                if not issues and not figures:
                    continue
                sentence = self.text[start:end]
                key = f"{passage}.s{number}.claim"
                self.fact(key, RDF.type, SCHEMA.Claim)
                self.fact(key, SCHEMA.text, Value(sentence))
                self.fact(key, SCHEMA.appearance, passage)
                self.fact(key, PROV.wasQuotedFrom, SEGMENT, (start, end), index)
                if speaker:
                    self.fact(key, SCHEMA.author, speaker)
                    self.fact(key, PROV.wasAttributedTo, speaker)
                self.fact(key, EG.claimType, f"concept/claim-type/{self.claim_type(sentence, figures)}")
                about: set[str] = set()
                for mention in inside:
                    if mention.kind in ("issue", "organisation", "service", "programme", "framework",
                                        "legislation", "place"):
                        entity, _ = self.resolve_mention(mention)
                        if entity:
                            about.add(entity)
                for letter in block.theme_notations:
                    about.add(f"concept/tor/{self.tor_scheme().split('/', 2)[2]}/{letter}")
                for entity in sorted(about):
                    self.fact(key, SCHEMA.about, entity)
                if speaker and block.role in ("witness", "author", None) and speaker != self.committee:
                    for issue in issues:
                        entity, _ = self.resolve_mention(issue)
                        if entity:
                            self.fact(speaker, EG.raisedIssue, entity, (issue.start, issue.end), index)

    @staticmethod
    def claim_type(sentence: str, figures: list[Mention]) -> str:
        if sentence.rstrip().endswith("?"):
            return "question"
        if figures:
            return "figure"
        if _OPINION.search(sentence):
            return "opinion"
        if _RECOMMEND.search(sentence):
            return "recommendation"
        return "fact"


def resolve_document(parsed: ParsedDocument, mentions: list[Mention], context: CorpusContext,
                     registry: Registry, figures: Iterable[FigureRecord] = ()) -> ResolvedDocument:
    """Resolve a document's mentions and structure into facts with evidence.

    Parameters
    ----------
    parsed : ParsedDocument
        From :func:`loaders.structure.parse_document`.
    mentions : list of Mention
        From :func:`loaders.mentions.find_mentions`.
    context : CorpusContext
        The build's authority, committee, meeting and cast.
    registry : Registry
        Canonical entities; updated in place with new names and proposals.
    figures : iterable of FigureRecord, optional
        Figures of the other documents of the build, for restatements.

    Returns
    -------
    ResolvedDocument
    """
    return _Resolver(parsed, mentions, context, registry, figures).run()
