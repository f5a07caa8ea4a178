"""The HTTP server, one module per concept (as Starlette lays out its own):

- :mod:`serving.settings`: :class:`~serving.settings.ServerSettings`, read from the CLI and the
  environment in one typed place;
- :mod:`serving.http_errors`: the HTTP-level error codes and the GraphQL-shaped refusals;
- :mod:`serving.request_gate`: body and query-string limits and well-formed requests, checked
  before anything else reads the request;
- :mod:`serving.response_cache`: answers kept by (graph version, request digest), in front of
  every layer that computes them;
- :mod:`serving.graphql_view`: Strawberry's view with the GraphQL-over-HTTP media types, direct
  answers for prepared queries and our GraphiQL page;
- :mod:`serving.error_log`: one log line per client error, tracebacks only for server faults;
- :mod:`serving.store_watch`: snapshots read from the store and rebuilt when a writer changes it;
- :mod:`serving.app`: the application factory, :func:`~serving.app.create_app`.

``server.py`` at the top of the repository is the module the CLI and tests import.
"""
