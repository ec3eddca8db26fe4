"""A broker channel closed after its connection was lost: kombu's clean-up must see a connection
error (which it ignores), not an AttributeError that Celery treats as fatal and exits on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kombu import Connection
from redis.exceptions import ConnectionError as RedisConnectionError

from worker.service.app import create_app
from worker.service.reliable_fetch import Channel
from worker.settings import Settings


@pytest.fixture
def lost(settings: Settings) -> Iterator[tuple[Connection, Channel]]:
    """A channel in the state Celery's reconnect leaves it: pools dropped, transport detached."""
    app = create_app(settings)
    conn = app.connection_for_write()
    channel = conn.default_channel
    assert isinstance(channel, Channel)
    channel._disconnect_pools()
    client, channel.connection.client = channel.connection.client, None  # what Connection._close leaves
    yield conn, channel
    channel.connection.client = client
    conn.release()
    app.close()


def test_a_lost_connection_is_a_connection_error(lost: tuple[Connection, Channel]) -> None:
    _, channel = lost
    with pytest.raises(RedisConnectionError), channel.conn_or_acquire():
        pass


def test_closing_with_unacked_messages_after_a_lost_connection_does_not_raise(
    lost: tuple[Connection, Channel],
) -> None:
    conn, channel = lost
    channel.qos._delivered["tag"] = object()  # a prefetched message still unacked
    conn.maybe_close_channel(channel)  # before the guard: AttributeError out of restore_unacked
    assert channel.closed


def test_an_open_channel_still_works(settings: Settings) -> None:
    with create_app(settings).connection_for_write() as conn, conn.default_channel.conn_or_acquire() as client:
        assert client.ping()
