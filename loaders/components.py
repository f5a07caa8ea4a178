"""Named, ordered registries of pipeline components (layout parsers, mention finders, fact
extractors), in the manner of spaCy's registered pipeline components.

Extraction grows by registering a component under a name, not by editing the stage that runs
it: the stage runs whatever its registry holds, in order, and a test can run one component
alone by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class ComponentRegistry(Generic[T]):
    """An ordered registry of components of one sort, each under a unique name.

    Parameters
    ----------
    sort : str
        What the components are ("mention finder"), for error messages.

    Examples
    --------
    >>> finders: ComponentRegistry[Callable[[str], list[str]]] = ComponentRegistry("finder")
    >>> @finders.register("words")
    ... def words(text: str) -> list[str]:
    ...     return text.split()
    >>> @finders.register("first", before="words")
    ... def first(text: str) -> list[str]:
    ...     return text.split()[:1]
    >>> finders.names()
    ('first', 'words')
    >>> finders.get("words")("a b")
    ['a', 'b']
    """

    def __init__(self, sort: str) -> None:
        self.sort = sort
        self._components: dict[str, T] = {}

    def register(self, name: str, *, before: str | None = None,
                 after: str | None = None) -> Callable[[T], T]:
        """A decorator that registers a component under ``name``.

        Parameters
        ----------
        name : str
            Unique name of the component.
        before, after : str, optional
            Place it just before or after a registered component (default: last).

        Returns
        -------
        callable
            The decorator; it returns the component unchanged.
        """

        def decorate(component: T) -> T:
            self.add(name, component, before=before, after=after)
            return component

        return decorate

    def add(self, name: str, component: T, *, before: str | None = None,
            after: str | None = None) -> None:
        """Register ``component`` under ``name`` (see :meth:`register`).

        Raises
        ------
        ValueError
            If the name is taken, or ``before``/``after`` names no registered component.
        """
        if name in self._components:
            raise ValueError(f"a {self.sort} named {name!r} is already registered")
        anchor = before or after
        if anchor is not None and anchor not in self._components:
            raise ValueError(f"no {self.sort} named {anchor!r} to place {name!r} next to")
        items = list(self._components.items())
        if anchor is None:
            items.append((name, component))
        else:
            at = [n for n, _ in items].index(anchor) + (1 if after else 0)
            items.insert(at, (name, component))
        self._components = dict(items)

    def get(self, name: str) -> T:
        """The component registered under ``name``.

        Raises
        ------
        KeyError
            Naming the registered components, if there is none of that name.
        """
        try:
            return self._components[name]
        except KeyError:
            raise KeyError(f"no {self.sort} named {name!r}; registered: {', '.join(self._components)}") from None

    def remove(self, name: str) -> T:
        """Unregister the component under ``name`` and return it (a plugin switched off).

        Raises
        ------
        KeyError
            If there is none of that name.
        """
        component = self.get(name)
        del self._components[name]
        return component

    def names(self) -> tuple[str, ...]:
        """The registered names, in running order."""
        return tuple(self._components)

    def __iter__(self) -> Iterator[tuple[str, T]]:
        return iter(list(self._components.items()))

    def __len__(self) -> int:
        return len(self._components)

    def __contains__(self, name: object) -> bool:
        return name in self._components
