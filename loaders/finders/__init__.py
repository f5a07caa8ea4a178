"""Mention finders beyond the core ones in :mod:`loaders.mentions`.

Each module here registers its finders in :data:`loaders.mentions.MENTION_FINDERS` when it is
imported; importing :mod:`loaders.mentions` imports this package, so every finder is in place
before the first document is read. A finder takes a :class:`loaders.mentions.Passage` and yields
:class:`loaders.mentions.Mention` values.
"""

from loaders.finders import committees  # noqa: F401
from loaders.finders import people  # noqa: F401
from loaders.finders import organisations  # noqa: F401
from loaders.finders import services  # noqa: F401
