"""``python -m evidence_graph``: the same command line as ``evidence-graph``."""

from evidence_graph.cli import main

raise SystemExit(main())
