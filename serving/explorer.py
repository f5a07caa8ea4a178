"""The explorer page at ``/``: search, a neighbourhood graph (Cytoscape.js), evidence in context, a
path tool, themes and documents, all read through the public GraphQL API by the page's script.

Its files live in ``static/explorer`` (Cytoscape.js copied from npm by ``vendor.sh`` there), served by
the server itself so that the page needs no network, as GraphiQL's are.
"""

from __future__ import annotations

import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

from evidence_graph.serving.graphql_view import COOKBOOK, ROOT, cookbook_queries

#: The explorer's page, script, style and the vendored Cytoscape.js.
EXPLORER = ROOT / "static" / "explorer"


def cookbook_entries(cookbook: Path = COOKBOOK) -> list[dict[str, str]]:
    """The cookbook's queries in order, each with its title (its first comment line) and text
    (IRIs under this server's base: :func:`serving.graphql_view.cookbook_queries`).

    Parameters
    ----------
    cookbook : Path
        The folder of ``*.graphql`` files.

    Returns
    -------
    list of dict
        ``name`` (the file's stem), ``title`` and ``query``.

    Examples
    --------
    >>> entries = cookbook_entries()
    >>> len(entries), entries[0]["title"].startswith("1. ")
    (8, True)
    """
    entries = []
    for path, query in cookbook_queries(cookbook):
        first = query.splitlines()[0] if query else ""
        title = first.lstrip("# ").strip() if first.startswith("#") else path.stem
        entries.append({"name": path.stem, "title": title, "query": query})
    return entries


def explorer_page(cookbook: Path = COOKBOOK) -> str:
    """The explorer's HTML page with the cookbook's queries written into it.

    Examples
    --------
    >>> page = explorer_page()
    >>> "/explorer/cytoscape.min.js" in page and "{{COOKBOOK}}" not in page
    True
    """
    # JSON is a JavaScript literal; "</" is escaped so that a query cannot close the <script> element.
    literal = json.dumps(cookbook_entries(cookbook)).replace("</", "<\\/")
    return (EXPLORER / "index.html").read_text(encoding="utf-8").replace("{{COOKBOOK}}", literal)


def explorer_routes() -> list[Route]:
    """``/`` (the page) and ``/explorer/{name}`` (its scripts and styles).

    Returns
    -------
    list of Route
        To add to the application's routes.
    """
    page = explorer_page()
    assets = {p.name: p for p in EXPLORER.iterdir() if p.suffix in (".js", ".css")}

    async def explorer(request: Request) -> Response:
        return HTMLResponse(page)

    async def explorer_asset(request: Request) -> Response:
        found = assets.get(request.path_params["name"])
        if found is None:
            return Response("no such file", status_code=404, media_type="text/plain")
        # no-cache: revalidated by ETag, so an upgraded server's script is never stale in a browser.
        return FileResponse(found, headers={"cache-control": "no-cache"})

    return [Route("/", explorer), Route("/explorer/{name}", explorer_asset)]


__all__ = ["EXPLORER", "cookbook_entries", "explorer_page", "explorer_routes"]
