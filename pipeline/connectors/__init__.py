"""Connectors: fetch a body's published papers into a local folder with a manifest, ready to build.

:mod:`pipeline.connectors.moderngov` reads ModernGov sites (``evidence-graph fetch``), through
the polite client of :mod:`pipeline.connectors.http`.
"""
