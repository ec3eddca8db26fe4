"""rediss:// with a password against a real TLS redis-server: pages flow, certificates are checked."""

from __future__ import annotations

import contextlib
import socket
import ssl
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.cli import run_cli
from tests.support.streams import events
from worker.producer import enqueue
from worker.service.app import create_app
from worker.settings import Settings
from worker.store.streams import Streams

PASSWORD = f"tls-{uuid.uuid4().hex}"


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_certs(directory: Path) -> Path:
    """A CA and a server certificate for 127.0.0.1, signed by it."""
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=test-ca", "-keyout", "ca.key",
            "-out", "ca.pem", cwd=directory)  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
            "-out", "server.csr", cwd=directory)  # fmt: skip
    (directory / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
            "-extfile", "ext.cnf", "-out", "server.pem", cwd=directory)  # fmt: skip
    return directory / "ca.pem"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def tls_redis(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    ca = make_certs(tmp_path)
    port = free_port()
    args = ["redis-server", "--port", "0", "--tls-port", str(port), "--bind", "127.0.0.1", "--requirepass", PASSWORD]
    args += ["--tls-cert-file", "server.pem", "--tls-key-file", "server.key", "--tls-ca-cert-file", "ca.pem"]
    args += ["--tls-auth-clients", "no", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)]
    with (tmp_path / "redis.log").open("ab") as log:
        proc = subprocess.Popen(args, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        client = redis.Redis(host="127.0.0.1", port=port, password=PASSWORD, ssl=True, ssl_ca_certs=str(ca))
        deadline = time.monotonic() + 15
        while True:
            with contextlib.suppress(redis.RedisError):
                if client.ping():
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"TLS redis-server did not start:\n{(tmp_path / 'redis.log').read_text()[-2000:]}")
            time.sleep(0.1)
        yield port, ca
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_a_worker_over_rediss_with_a_password(
    tls_redis: tuple[int, Path], start_worker: StartWorker, service_env: dict[str, str], tmp_path: Path
) -> None:
    port, ca = tls_redis
    url = f"rediss://:{PASSWORD}@127.0.0.1:{port}/0?ssl_ca_certs={ca}"
    settings = Settings(redis_url=url, key_prefix=service_env["KEY_PREFIX"])
    client = redis.Redis.from_url(url)
    app: Celery = create_app(settings)
    try:
        worker = start_worker(env={"REDIS_URL": url}, wait=False)
        worker.wait_ready(client)
        _, html = article_html(5)
        job_id = enqueue({"url": "https://news.example.com/tls", "content": html}, app=app)
        [event] = events(client, settings.key(settings.results_stream), 1, timeout=60)
        assert event.job_id == job_id
        assert PASSWORD not in worker.log()
        # The healthcheck's own small client speaks TLS, AUTH and SELECT too.
        env = {**service_env, "REDIS_URL": url}
        alive = run_cli(["check", "--name", worker.name], env)
        assert alive.returncode == 0 and worker.name in alive.stdout, alive.stderr
        assert run_cli(["check", "--name", "celery@nowhere"], env).returncode == 1
        no_ca = run_cli(["check"], {**env, "REDIS_URL": url.split("?", maxsplit=1)[0]})
        assert no_ca.returncode == 1 and "certificate verify failed" in no_ca.stderr.lower()
        assert PASSWORD not in no_ca.stderr
        unchecked = url.split("?", maxsplit=1)[0] + "?ssl_cert_reqs=none"
        assert run_cli(["check", "--name", worker.name], {**env, "REDIS_URL": unchecked}).returncode == 0
    finally:
        app.close()


def test_certificates_are_checked_by_default(tls_redis: tuple[int, Path]) -> None:
    """Without the CA, the self-signed server is refused by the broker connection and by our client alike."""
    port, _ = tls_redis
    settings = Settings(redis_url=f"rediss://:{PASSWORD}@127.0.0.1:{port}/0")
    app = create_app(settings)
    try:
        with pytest.raises(Exception, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
            app.connection_for_write().ensure_connection(max_retries=0)
    finally:
        app.close()
    with pytest.raises(redis.ConnectionError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        Streams(redis.Redis.from_url(settings.redis_url), settings).client.ping()


def test_rediss_settings_keep_the_password_out_of_sight() -> None:
    url = "rediss://worker:s3cret@redis.internal:6380/2?ssl_ca_certs=/etc/ssl/ca.pem"
    settings = Settings(redis_url=url)
    assert settings.redis_url == url
    assert settings.redacted_redis_url == "rediss://worker:***@redis.internal:6380/2?ssl_ca_certs=/etc/ssl/ca.pem"
    assert create_app(settings).conf.broker_use_ssl == {"ssl_cert_reqs": ssl.CERT_REQUIRED}
    assert not create_app(Settings(redis_url="redis://localhost:6379/0")).conf.broker_use_ssl
