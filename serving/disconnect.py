"""Requests whose client has gone are stopped, not finished.

uvicorn goes on running an ASGI app after its client disconnects: the app learns of it only if
it calls ``receive()`` again, and a GraphQL request never does once it has its body. An algorithm
field would then run to its time budget for nobody. :class:`StopWhenClientLeaves` reads the body
first, hands it to the app, and listens for ``http.disconnect`` meanwhile; when it comes, the
app's task is cancelled, so its awaits end (an algorithm field lets go of its computation, which
stops when nobody else waits for it: :mod:`graph.analytics`).
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class StopWhenClientLeaves:
    """ASGI middleware cancelling a request's handling when its client disconnects.

    Parameters
    ----------
    app : ASGIApp
        The layers below.
    path : str
        The route it watches (the GraphQL endpoint; other routes are passed through).

    Examples
    --------
    >>> import asyncio, anyio
    >>> async def slow_app(scope, receive, send):
    ...     await asyncio.sleep(30)
    >>> async def leaving_client():
    ...     yield {"type": "http.request", "body": b"{}", "more_body": False}
    ...     yield {"type": "http.disconnect"}
    >>> async def run():
    ...     messages = leaving_client()
    ...     app = StopWhenClientLeaves(slow_app)
    ...     async def nothing(message): pass
    ...     with anyio.fail_after(2):
    ...         await app({"type": "http", "path": "/graphql"}, messages.__anext__, nothing)
    ...     return "stopped"
    >>> asyncio.run(run())
    'stopped'
    """

    def __init__(self, app: ASGIApp, path: str = "/graphql") -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        # The body comes first (the request gate has read it already, within the body limit).
        body: list[Message] = []
        while True:
            message = await receive()
            body.append(message)
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        if body[-1]["type"] == "http.disconnect":
            return  # gone before we started
        left = asyncio.Event()
        answering = asyncio.current_task()
        assert answering is not None
        done = False

        async def app_receive() -> Message:
            if body:
                return body.pop(0)
            await left.wait()
            return {"type": "http.disconnect"}

        async def listen() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            left.set()
            if not done:
                answering.cancel()

        # A plain task, not a task group: an error of the app reaches the layers above as it was
        # raised, not wrapped in an ExceptionGroup.
        listener = asyncio.create_task(listen())
        try:
            await self.app(scope, app_receive, send)
        except asyncio.CancelledError:
            if not left.is_set():
                raise  # the server is stopping, not the client
            answering.uncancel()
        finally:
            done = True
            listener.cancel()


__all__ = ["StopWhenClientLeaves"]
