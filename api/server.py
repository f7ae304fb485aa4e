"""Running the service under uvicorn: one server process, or several sharing one listening socket.

Each server process builds its app with `api.app:app_from_environment`, from the COUNCILGRAPH_ settings in
its environment, so the caller puts any options it was given there first."""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

from graph.settings import Settings

__all__ = ["listening_socket", "run_server"]


def listening_socket(config: uvicorn.Config) -> socket.socket:
    """The socket the server processes accept connections from, with Nagle's algorithm turned off.

    uvicorn binds it without naming TCP as its protocol, so asyncio does not turn Nagle's algorithm off on the
    connections it accepts, and a response written in two parts (headers, then a short body) waits for the
    client's delayed acknowledgement: about 40 ms on every small answer. Connections inherit TCP_NODELAY from
    the listening socket."""
    listener = config.bind_socket()
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return listener


def run_server(settings: Settings) -> None:
    """Serve until stopped, with `settings.workers` server processes."""
    config = uvicorn.Config(
        "api.app:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level="warning",
    )
    if config.workers == 1:
        uvicorn.Server(config).run()
    else:
        Multiprocess(config, sockets=[listening_socket(config)]).run()
