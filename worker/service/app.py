"""The Celery app, configured for at-least-once delivery of JSON messages from Redis.

`create_app(settings)` builds it when asked (nothing is built at import). An app made for sending
(a producer, a test) stops there; a worker's entry point then calls `install(app)`
(worker/service/install.py), which adds the task, the consumer, the bootstep and the signal hooks.
"""

from __future__ import annotations

import ssl
from functools import cached_property
from typing import TYPE_CHECKING

from celery import Celery

from ..settings import Settings

if TYPE_CHECKING:
    from ..page.process import Pages

TASK_NAME = "article_worker.process_page"


class Service:
    """What an app's task, consumer and bootstep share in one process: the settings the app was made
    with, and the page handler, made on first use in the process that uses it (a pool process makes its
    own Redis connections after the fork)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def pages(self) -> Pages:
        from ..page.process import Pages
        from ..store.client import shared_client

        return Pages(shared_client(self.settings.redis_url), self.settings)


def create_app(settings: Settings) -> Celery:
    s = settings
    app = Celery("article_worker", broker=s.redis_url)
    transport: dict[str, object] = {
        "visibility_timeout": s.visibility_timeout,
        "unacked_restore_interval": s.restore_interval,
        "unacked_restore_throttle": 1,
        # A worker that vanishes (host down, link cut) while holding the restore sweep's lock would stop
        # every sweep for kombu's default 300 s; a sweep takes milliseconds, and overlapping ones are safe.
        "unacked_mutex_expire": max(5, 3 * s.restore_interval),
        "socket_timeout": 30,
        "socket_connect_timeout": 10,
        "health_check_interval": 25,
        # Keep the JSON body as text in the queue entry; kombu would base64 it (+33% in Redis).
        # Consumers decode by each message's own property, so base64 messages still work.
        "body_encoding": "utf-8",
        # The worker process's liveness key, to which its unacked pages are tied (worker/service/reliable_fetch.py):
        # once it expires, any worker's sweep restores them, long before VISIBILITY_TIMEOUT.
        "owner_beat": (s.heartbeat_interval, s.heartbeat_ttl),
    }
    if s.key_prefix:
        transport["global_keyprefix"] = s.key_prefix
    if s.reliable_fetch:
        transport["priority_steps"] = [0]  # one list per queue: what an atomic BLMOVE fetch needs
    if s.redis_url.startswith("rediss://"):
        # kombu alone would take a bare rediss:// URL as "TLS without certificate checks"; verify, as redis-py
        # (our streams client) does. ssl_* query parameters of the URL (ssl_ca_certs=...) replace this.
        app.conf.broker_use_ssl = {"ssl_cert_reqs": ssl.CERT_REQUIRED}
    app.conf.update(
        # Always ours (dead-owner restore); RELIABLE_FETCH=false keeps kombu's BRPOP fetch (priority steps).
        broker_transport="worker.service.reliable_fetch:Transport",
        # JSON only, both ways: a pickle message is refused before it is deserialised.
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        event_serializer="json",
        result_accept_content=["json"],
        # At least once: ack after the task, requeue when the pool process dies, take one at a time.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=s.prefetch_multiplier,
        task_ignore_result=True,
        result_backend=None,
        task_default_queue=s.pages_queue,
        task_routes={TASK_NAME: {"queue": s.pages_queue}},
        broker_transport_options=transport,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        broker_channel_error_retry=True,
        worker_cancel_long_running_tasks_on_connection_loss=False,
        task_soft_time_limit=s.soft_time_limit,
        task_time_limit=s.hard_time_limit,
        worker_max_tasks_per_child=s.max_tasks_per_child,
        worker_max_memory_per_child=s.max_memory_per_child_mb * 1024,
        worker_concurrency=s.concurrency,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        worker_send_task_events=False,
        task_send_sent_event=False,
    )
    app.article_worker = Service(s)
    return app


def service_of(app: Celery) -> Service:
    """The shared state of an app made by `create_app`."""
    service: Service = app.article_worker
    return service
