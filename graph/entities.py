"""The registry of canonical entities: keys, labels, aliases and the resolver's decisions.

Keys are IRI paths relative to ``{base}id/`` (``person/thom-wilson``, ``org/gb-lae-ken``),
made from natural keys, never from discovery order. The registry is persisted in the store's
registry graph (:mod:`graph.registry`), so a reload looks names up instead of re-deciding.

An entity whose identity depends on an organisation (a committee, a unit, a post) has its key
under that organisation's key: ``committee/gb-lae-ken/select-committee-commissioning`` is a
committee of ``org/gb-lae-ken``. Look-ups can be scoped to an organisation (``within=``), so two
councils' "Scrutiny Committee" never answer for each other.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case, hyphenated ASCII key.

    Examples
    --------
    >>> slugify("Children’s Centre Market Review")
    'childrens-centre-market-review'
    >>> slugify("Select Committee – Commissioning")
    'select-committee-commissioning'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace("'", "").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "x"


@lru_cache(maxsize=1 << 16)
def normalise_label(text: str) -> str:
    """Comparison form of a name: case, possessives, acronyms in brackets and plurals folded.

    Examples
    --------
    >>> normalise_label("Independent Fostering Agency (IFA) framework")
    'independent foster agency framework'
    >>> normalise_label("Independent Foster Agency Framework")
    'independent foster agency framework'
    """
    text = re.sub(r"\([A-Z][A-Za-z&]{1,7}\)", " ", text)
    text = text.replace("’", "'").lower()
    text = re.sub(r"'s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    stemmed = []
    for word in words:
        if word in {"the", "a", "an"}:
            continue
        if len(word) > 5 and word.endswith("ing"):
            word = word[:-3]
        elif len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        stemmed.append(word)
    return " ".join(stemmed)


@dataclass
class Entity:
    """A canonical entity.

    Attributes
    ----------
    key : str
        IRI path (``org/stepahead-support``).
    kind : str
        One of :data:`graph.kinds.REGISTRY_KINDS`.
    label : str
        Preferred label.
    aliases : set of str
        Other names seen (``skos:altLabel``).
    hidden : set of str
        Misspellings (``skos:hiddenLabel``): searchable, never shown.
    attributes : dict
        Kind-specific facts: identifier, gss, notation, scheme, honorific, given, family …
    status : str
        ``curated`` (from data files) or ``provisional`` (proposed by the resolver).
    """

    key: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    attributes: dict[str, str] = field(default_factory=dict)
    status: str = "provisional"

    def names(self) -> set[str]:
        """Every name the entity answers to."""
        return {self.label, *self.aliases, *self.hidden}


def add_words(entity: Entity, attribute: str, words: Iterable[str]) -> None:
    """Add words to an attribute that holds a set as space-separated words (keys, identifiers).

    Examples
    --------
    >>> entity = Entity("person/a", "Person", "Ann Lee")
    >>> add_words(entity, "sourceIds", {"uid-7"}); add_words(entity, "sourceIds", ["uid-3", "uid-7"])
    >>> entity.attributes["sourceIds"]
    'uid-3 uid-7'
    """
    words = set(words)
    if words:
        have = set(entity.attributes.get(attribute, "").split())
        if not words <= have:
            entity.attributes[attribute] = " ".join(sorted(have | words))


def _withdraw_unsure(first: Entity, second: Entity) -> None:
    """Drop an unsure decision between two entities: a firmer decision replaces it."""
    for one, other in ((first, second), (second, first)):
        words = set(one.attributes.get("unsureOf", "").split()) - {other.key}
        if words:
            one.attributes["unsureOf"] = " ".join(sorted(words))
        else:
            one.attributes.pop("unsureOf", None)


def is_within(key: str, organisation: str) -> bool:
    """Whether the entity ``key`` belongs to ``organisation`` (its key sits under the
    organisation's key; see the module notes).

    Examples
    --------
    >>> is_within("committee/gb-lae-ken/scrutiny-committee", "org/gb-lae-ken")
    True
    >>> is_within("committee/gb-lae-ken-2/scrutiny-committee", "org/gb-lae-ken")
    False
    >>> is_within("post/gb-lae-ken/cabinet/leader", "committee/gb-lae-ken/cabinet")
    True
    """
    scope = organisation.split("/", 1)[-1]
    return key.split("/", 1)[-1].startswith(scope + "/")


class Registry:
    """Canonical entities by key, with a label index per kind.

    Examples
    --------
    >>> registry = Registry()
    >>> _ = registry.add(Entity("org/stepahead-support", "Organisation", "Stepahead Support"))
    >>> registry.find("Organisation", "stepahead support").key
    'org/stepahead-support'
    >>> for scope in ("org/surrey-county-council", "org/kent-county-council"):
    ...     _ = registry.add(Entity(f"committee/{scope[4:]}/audit", "Committee", "Audit Committee"))
    >>> registry.find("Committee", "Audit Committee", within="org/kent-county-council").key
    'committee/kent-county-council/audit'
    """

    def __init__(self, entities: list[Entity] | None = None) -> None:
        self.entities: dict[str, Entity] = {}
        # Every key a normalised name answers to within a kind, first seen first.
        self._index: dict[tuple[str, str], list[str]] = {}
        # Reviewers' splits: (entity key, document key) → the entity split off for that document.
        self._splits: dict[tuple[str, str], str] = {}
        for entity in entities or []:
            self.add(entity)

    def __contains__(self, key: str) -> bool:
        return key in self.entities

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, key: str) -> Entity | None:
        """The entity with ``key``, or None."""
        return self.entities.get(key)

    def add(self, entity: Entity) -> Entity:
        """Add an entity, or merge its names into the one already under its key."""
        existing = self.entities.get(entity.key)
        if existing is None:
            self.entities[entity.key] = entity
            existing = entity
        else:
            for name in entity.names() - existing.names():
                existing.aliases.add(name)
            for key, value in entity.attributes.items():
                existing.attributes.setdefault(key, value)
            if entity.status == "curated":
                existing.status = "curated"
        for name in existing.names():
            self._index_name(existing, name)
        for document in existing.attributes.get("splitFor", "").split():
            self._splits[(existing.attributes.get("splitFrom", ""), document)] = existing.key
        return existing

    def _index_name(self, entity: Entity, name: str) -> None:
        keys = self._index.setdefault((entity.kind, normalise_label(name)), [])
        if entity.key not in keys:
            keys.append(entity.key)

    def add_name(self, key: str, name: str, hidden: bool = False) -> None:
        """Record another name for an entity (a decision kept for the next load).

        Raises
        ------
        KeyError
            If no entity has ``key``: names are only ever added to entities that exist.
        """
        entity = self.entities[key]
        if name in entity.names():
            return
        (entity.hidden if hidden else entity.aliases).add(name)
        self._index_name(entity, name)

    def find(self, kind: str, name: str, within: str | None = None) -> Entity | None:
        """Exact look-up by normalised name within a kind.

        Parameters
        ----------
        kind : str
            One of :data:`graph.kinds.REGISTRY_KINDS`.
        name : str
            Any name of the entity (label, alias, misspelling).
        within : str, optional
            Key of an organisation: only its committees, units or posts answer.

        Returns
        -------
        Entity or None
            The first entity recorded under that name (in that scope).
        """
        for key in self._index.get((kind, normalise_label(name)), ()):
            if within is None or is_within(key, within):
                return self.entities[key]
        return None

    def of_kind(self, kind: str, within: str | None = None) -> list[Entity]:
        """All entities of one kind (belonging to organisation ``within``), in key order."""
        return sorted((e for e in self.entities.values()
                       if e.kind == kind and (within is None or is_within(e.key, within))),
                      key=lambda e: e.key)

    def canonical(self, key: str) -> str:
        """The key an entity was merged into (following ``sameAs`` decisions), or ``key`` itself.

        Examples
        --------
        >>> r = Registry([Entity("person/a", "Person", "Ann Lee"),
        ...               Entity("person/x/a", "Person", "Ann Lee", attributes={"sameAs": "person/a"})])
        >>> r.canonical("person/x/a"), r.canonical("person/a"), r.canonical("person/none")
        ('person/a', 'person/a', 'person/none')
        """
        seen = {key}
        while True:
            entity = self.entities.get(key)
            target = entity.attributes.get("sameAs") if entity is not None else None
            if not target or target in seen or target not in self.entities:
                return key
            seen.add(target)
            key = target

    def merge(self, keep: str, old: str) -> None:
        """Record that ``old`` is the same entity as ``keep``: ``old`` redirects to it (its IRI
        stays, ``owl:sameAs`` the kept one) and ``keep`` takes its names.

        Raises
        ------
        KeyError
            If either key names no entity.
        ValueError
            If they are of different kinds, the same entity, or were decided different.

        Examples
        --------
        >>> r = Registry([Entity("person/a", "Person", "Ann Lee"), Entity("person/x/a", "Person", "A. Lee")])
        >>> r.merge("person/a", "person/x/a")
        >>> r.canonical("person/x/a"), sorted(r.get("person/a").names())
        ('person/a', ['A. Lee', 'Ann Lee'])
        """
        kept, gone = self.entities[keep], self.entities[old]
        if self.canonical(keep) == self.canonical(old):
            raise ValueError(f"{old} and {keep} are already one entity")
        if kept.kind != gone.kind:
            raise ValueError(f"{old} is a {gone.kind}, {keep} a {kept.kind}: only entities of one kind merge")
        if old in kept.attributes.get("differentFrom", "").split():
            raise ValueError(f"{old} and {keep} were decided different; record them the same only after "
                             "that decision is withdrawn")
        _withdraw_unsure(kept, gone)
        for name in gone.names():
            self.add_name(keep, name)
        # The resolver's evidence (affiliations, publisher ids) stays with each: a mention that
        # matches ``old`` resolves to it and follows the redirect, and a split can undo the merge.
        gone.attributes["sameAs"] = keep

    def differ(self, first: str, second: str) -> None:
        """Record that two entities are different (a reviewer's decision a merge must respect).

        Raises
        ------
        KeyError
            If either key names no entity.
        """
        for one, other in ((first, second), (second, first)):
            add_words(self.entities[one], "differentFrom", {other})
        _withdraw_unsure(self.entities[first], self.entities[second])

    def unsure(self, first: str, second: str) -> None:
        """Record that a reviewer could not tell whether two entities are one. They stay apart
        and are shown for review again with this decision; a merge or different overrules it.

        Raises
        ------
        KeyError
            If either key names no entity.
        ValueError
            If they are already one entity, or were decided different.

        Examples
        --------
        >>> r = Registry([Entity("person/a", "Person", "Ann Lee"), Entity("person/x/a", "Person", "Ann Lee")])
        >>> r.unsure("person/a", "person/x/a")
        >>> r.get("person/a").attributes["unsureOf"], r.canonical("person/x/a")
        ('person/x/a', 'person/x/a')
        >>> r.differ("person/a", "person/x/a")
        >>> "unsureOf" in r.get("person/a").attributes
        False
        """
        one, other = self.entities[first], self.entities[second]
        if self.canonical(first) == self.canonical(second):
            raise ValueError(f"{first} and {second} are already one entity")
        if second in one.attributes.get("differentFrom", "").split():
            raise ValueError(f"{first} and {second} were decided different")
        add_words(one, "unsureOf", {second})
        add_words(other, "unsureOf", {first})

    def split(self, old: str) -> str:
        """Withdraw a merge: ``old`` answers for itself again, decided different from the entity
        it was merged into, which gives back the names ``old`` brought (except its own label).

        Returns
        -------
        str
            The key ``old`` had been merged into.

        Raises
        ------
        KeyError
            If ``old`` names no entity.
        ValueError
            If ``old`` was not merged into another entity.

        Examples
        --------
        >>> r = Registry([Entity("person/a", "Person", "Ann Lee"), Entity("person/x/a", "Person", "A. Lee")])
        >>> r.merge("person/a", "person/x/a")
        >>> r.split("person/x/a"), r.canonical("person/x/a"), sorted(r.get("person/a").names())
        ('person/a', 'person/x/a', ['Ann Lee'])
        """
        gone = self.entities[old]
        keep = gone.attributes.pop("sameAs", "")
        if not keep:
            raise ValueError(f"{old} was not merged into another entity (to split it by document, name the "
                             "documents)")
        kept = self.entities.get(keep)
        if kept is not None:
            for name in gone.names() - {kept.label}:
                kept.aliases.discard(name)
                kept.hidden.discard(name)
            self._reindex(kept)
            self.differ(old, keep)
        return keep

    def split_off(self, key: str, documents: list[str]) -> str:
        """Record that the entity ``key`` as ``documents`` name it is another one: a new entity
        of the same kind and label (``key-2``, ``key-3`` …), different from ``key``, which the
        resolver gives those documents' mentions from now on (:meth:`decided`).

        Returns
        -------
        str
            The new entity's key.

        Raises
        ------
        KeyError
            If ``key`` names no entity.
        ValueError
            If ``key`` was merged into another entity, or no document is named.

        Examples
        --------
        >>> r = Registry([Entity("person/ann-lee", "Person", "Ann Lee")])
        >>> r.split_off("person/ann-lee", ["surrey/2024-05-01-minutes"])
        'person/ann-lee-2'
        >>> r.decided("person/ann-lee", "surrey/2024-05-01-minutes"), r.decided("person/ann-lee", "kent/agenda")
        ('person/ann-lee-2', 'person/ann-lee')
        """
        entity = self.entities[key]
        if entity.attributes.get("sameAs"):
            raise ValueError(f"{key} was merged into {entity.attributes['sameAs']}: split that merge first")
        if not documents:
            raise ValueError(f"split {key}: name the documents whose {entity.label!r} is another entity")
        new = self.add(Entity(self._free_key(key), entity.kind, entity.label, attributes={
            "splitFrom": key, "splitFor": " ".join(sorted(set(documents)))}))
        for attribute in ("given", "family", "honorific", "initials"):
            if attribute in entity.attributes:
                new.attributes[attribute] = entity.attributes[attribute]
        self.differ(key, new.key)
        return new.key

    def decided(self, key: str, document: str | None = None) -> str:
        """The key a mention resolved to ``key`` in ``document`` takes after the reviewers'
        decisions: the entity split off for that document, then the one a merge kept.

        Examples
        --------
        >>> r = Registry([Entity("org/a", "Organisation", "A"), Entity("org/b", "Organisation", "A",
        ...               attributes={"sameAs": "org/a"})])
        >>> r.decided("org/b", "doc/x")
        'org/a'
        """
        if document is not None:
            key = self._splits.get((key, document), key)
        return self.canonical(key)

    def _reindex(self, entity: Entity) -> None:
        for keys in self._index.values():
            if entity.key in keys:
                keys.remove(entity.key)
        for name in entity.names():
            self._index_name(entity, name)

    def snapshot(self) -> Registry:
        """A deep copy to :meth:`restore` from: a build undoes a broken document's decisions.

        Examples
        --------
        >>> registry = Registry([Entity("org/a", "Organisation", "A")])
        >>> saved = registry.snapshot()
        >>> registry.add_name("org/a", "Ay"); _ = registry.add(Entity("org/b", "Organisation", "B"))
        >>> registry.restore(saved); sorted(registry.entities), registry.get("org/a").names()
        (['org/a'], {'A'})
        """
        return copy.deepcopy(self)

    def restore(self, snapshot: Registry) -> None:
        """Put back the entities and names of a :meth:`snapshot` (which is then used up)."""
        self.entities, self._index, self._splits = snapshot.entities, snapshot._index, snapshot._splits

    def new_key(self, prefix: str, label: str) -> str:
        """A fresh key ``{prefix}/{slug}``; ``-2``, ``-3`` … on collision."""
        return self._free_key(f"{prefix}/{slugify(label)}")

    def _free_key(self, base: str) -> str:
        """``base``, else ``base-2``, ``base-3`` …: the first key no entity has."""
        key, n = base, 2
        while key in self.entities:
            key, n = f"{base}-{n}", n + 1
        return key
