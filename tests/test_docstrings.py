"""Every example in the package's docstrings runs and gives what it shows.

The examples are collected from the imported package rather than by pytest's
``--doctest-modules``: pytest imports a module by its file path, and the checkout's folders are
the package ``evidence_graph`` (``package-dir`` in ``pyproject.toml``), so it would make a
second copy of every module under another name, registering each component twice.
"""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
from collections.abc import Iterator

import pytest

import evidence_graph

#: The module that runs the command line when imported (``python -m evidence_graph``).
NOT_IMPORTED = {"evidence_graph.__main__"}
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def package_modules() -> list[str]:
    """The names of every module of the package, the package itself first."""
    found = [info.name for info in pkgutil.walk_packages(evidence_graph.__path__, "evidence_graph.")
             if info.name not in NOT_IMPORTED]
    return ["evidence_graph", *sorted(found)]


def docstring_examples() -> Iterator[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    for name in package_modules():
        for test in finder.find(importlib.import_module(name), name):
            if test.examples:
                yield test


EXAMPLES = sorted(docstring_examples(), key=lambda test: test.name)


def test_the_examples_of_every_part_are_collected() -> None:
    parts = {test.name.split(".")[1] for test in EXAMPLES if test.name.count(".") > 1}
    assert {"graph", "loaders", "pipeline", "schema", "serving", "evaluation"} <= parts
    assert len(EXAMPLES) > 300


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda test: test.name)
def test_docstring_example(example: doctest.DocTest) -> None:
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    outcome = runner.run(example, out=report.write)
    assert outcome.failed == 0, report.getvalue()


def test_a_wrong_example_fails() -> None:
    wrong = doctest.DocTestParser().get_doctest(">>> 1 + 1\n3\n", {}, "wrong", None, 0)
    assert doctest.DocTestRunner(optionflags=FLAGS).run(wrong, out=lambda _: None).failed == 1
