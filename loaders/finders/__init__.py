"""Mention finders beyond the core ones in :mod:`loaders.mentions`.

Each module here registers its finders in :data:`loaders.mentions.MENTION_FINDERS` when it is
imported; importing :mod:`loaders.mentions` imports this package, so every finder is in place
before the first document is read. A finder takes a :class:`loaders.mentions.Passage` and yields
:class:`loaders.mentions.Mention` values.
"""

# Each module places its finders by name (``after=``), so the import order is free.
from evidence_graph.loaders.finders import (  # noqa: F401
    addresses,
    committees,
    coordination,
    organisations,
    people,
    services,
    statistical,
)
