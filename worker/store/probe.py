"""A minimal Redis client for `article-worker check`: one connection, the two reads it needs, no dependency.

Why: `check` is the compose healthcheck, run every 15 s in every container, and its budget is 0.1 s of
CPU; importing redis-py alone costs more than that (it imports asyncio and its cluster and
observability modules). This speaks RESP2 over one socket (TLS for rediss://) and reads the URLs this
project documents: redis:// and rediss://, with user, password, database and the options in
KNOWN_OPTIONS. For any other URL (unix://, client certificates, other options), `connect` returns None
and the caller uses redis-py.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

KNOWN_OPTIONS = ("db", "ssl_ca_certs", "ssl_cert_reqs", "ssl_check_hostname")
CERT_REQS = {"none": "CERT_NONE", "optional": "CERT_OPTIONAL", "required": "CERT_REQUIRED"}


class ProbeError(Exception):
    """Redis answered with an error, or the connection broke mid-reply."""


def describe(url: str) -> str:
    """Where `url` points, without its credentials: for messages."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return f"unix:{parts.path}"
    return f"{parts.scheme}://{parts.hostname}:{parts.port or 6379}{parts.path}"


def connect(url: str, timeout: float) -> Probe | None:
    """A connected, authenticated client on the right database; None for a URL it does not read."""
    parts = urlsplit(url)
    options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    if parts.scheme not in ("redis", "rediss") or set(options) - set(KNOWN_OPTIONS):
        return None
    host = unquote(parts.hostname or "localhost")
    sock = socket.create_connection((host, parts.port or 6379), timeout=timeout)
    if parts.scheme == "rediss":
        sock = _tls(sock, host, options)
    db = options.get("db") or parts.path.replace("/", "") or "0"  # the query's db first, as redis-py
    probe = Probe(sock)
    user, password = unquote(parts.username or ""), unquote(parts.password or "")
    if user or password:  # as redis-py: AUTH [user] password, and nothing when both are empty
        probe.command("AUTH", *([user] if user else []), password)
    if db not in ("", "0"):
        probe.command("SELECT", db)
    return probe


def _tls(sock: socket.socket, host: str, options: dict[str, str]) -> socket.socket:
    """As redis-py does for rediss://: certificates required and the host name checked, unless the URL says."""
    import ssl

    context = ssl.create_default_context(cafile=options.get("ssl_ca_certs"))
    requirement = getattr(ssl, CERT_REQS.get(options.get("ssl_cert_reqs", "required").lower(), "CERT_REQUIRED"))
    check = options.get("ssl_check_hostname", "true").lower() not in ("false", "0", "no", "n", "off")
    context.check_hostname = check and requirement != ssl.CERT_NONE
    context.verify_mode = requirement
    return context.wrap_socket(sock, server_hostname=host)


class Probe:
    """The subset of redis-py's client that `worker.ops.liveness` reads with."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.reader = sock.makefile("rb")

    def command(self, *args: str | int) -> Any:
        encoded = [str(a).encode() for a in args]
        self.sock.sendall(b"".join([b"*%d\r\n" % len(encoded), *(b"$%d\r\n%s\r\n" % (len(a), a) for a in encoded)]))
        return self._reply()

    def _reply(self) -> Any:
        line = self.reader.readline()
        if not line.endswith(b"\r\n"):
            raise ProbeError("connection closed")
        kind, rest = line[:1], line[1:-2]
        if kind == b"-":
            raise ProbeError(rest.decode("utf-8", "replace"))
        if kind == b"+":
            return rest
        if kind == b":":
            return int(rest)
        if kind == b"$":
            return None if int(rest) < 0 else self.reader.read(int(rest) + 2)[:-2]
        if kind == b"*":
            return None if int(rest) < 0 else [self._reply() for _ in range(int(rest))]
        raise ProbeError(f"unexpected reply {line[:40]!r}")

    def mget(self, keys: list[str]) -> list[bytes | None]:
        values: list[bytes | None] = self.command("MGET", *keys)
        return values

    def scan_iter(self, match: str, count: int = 1000) -> Iterator[bytes]:
        cursor = b"0"
        while True:
            cursor, found = self.command("SCAN", cursor.decode(), "MATCH", match, "COUNT", count)
            yield from found
            if cursor == b"0":
                return

    def close(self) -> None:
        self.reader.close()
        self.sock.close()
