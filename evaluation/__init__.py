"""Evaluation of the loaders against the development set (``devset/``, see docs/ANNOTATION.md).

The package sits above :mod:`loaders` and :mod:`graph`, like the build pipeline: it loads each
devset document alone, collects what its export presents per family, and scores that against the
document's hand annotations (``gold.toml``).

- :mod:`evaluation.gold`: read ``gold.toml`` files into typed records.
- :mod:`evaluation.predicted`: load one document as a new user would and collect its entities.
- :mod:`evaluation.matching`: normalisation, exact and lenient matching, one-to-one assignment.
- :mod:`evaluation.report`: micro-averaged precision, recall and F1; the text and JSON reports.
"""

#: The entity families annotated and extracted (``gold.toml`` lists).
FAMILIES = ("people", "organisations", "committees", "services", "legislation", "places")

#: The combined family: organisations and committees scored as one list.
COMBINED = "organisations+committees"

#: The families of the reports, in order.
REPORT_FAMILIES = ("people", "organisations", "committees", COMBINED, "services", "legislation", "places")

__all__ = ["COMBINED", "FAMILIES", "REPORT_FAMILIES"]
