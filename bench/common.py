"""Shared pieces of the benchmark and the soak test: the machine, the server, the load.

Everything runs on loopback (127.0.0.1) only. Servers started here are stopped by
``Server.stop`` (called from ``finally`` blocks and an exit hook), never left running.
"""

from __future__ import annotations

import atexit
import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
#: Only ever a throwaway key for loopback benchmarks.
BENCH_SECRET = "bench-only-secret-key-never-used-anywhere-else-0123456789abcdef"  # noqa: S105
SQLITE_URL = f"sqlite:///{BENCH / 'scale.sqlite3'}"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/cwh_bench")


def log(message: str) -> None:
    print(message, flush=True)


def machine() -> dict:
    """What the numbers came from: cores, CPU model, memory, load at the time."""
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kb = int(line.split()[1])
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": sys.version.split()[0],
        "time": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def redis_url() -> str:
    """A Redis database of its own on loopback, when a Redis server answers there."""
    try:
        with socket.create_connection((HOST, 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            if sock.recv(16).startswith(b"+PONG"):
                return "redis://127.0.0.1:6379/7"
    except OSError:
        pass
    return ""


def flush_redis(url: str) -> None:
    if not url:
        return
    database = url.rsplit("/", 1)[1]
    with socket.create_connection((HOST, 6379), timeout=2) as sock:
        sock.sendall(f"SELECT {database}\r\nFLUSHDB\r\n".encode())
        time.sleep(0.1)
        sock.recv(64)


def site_env(database_url: str, **extra: str) -> dict:
    """Production settings on loopback, against a benchmark database."""
    return {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": BENCH_SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "BENCH_REFERENCE_VIEW": "true",
        "PYTHONDONTWRITEBYTECODE": "1",
        **extra,
    }


def manage(env: dict, *args: str, timeout: int = 1800) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout)


def ensure_postgres_database(url: str) -> bool:
    """Create the benchmark database when missing; False when PostgreSQL is not reachable."""
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    try:
        import psycopg

        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not found:
                conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as error:  # no server, no permission: skip PostgreSQL with a note
        log(f"PostgreSQL not available at {admin}: {error}")
        return False


class Server:
    """gunicorn with the production settings, 2 sync workers, on a free loopback port."""

    def __init__(self, env: dict, *, workers: int = 2, name: str = "bench"):
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log_path = Path(tempfile.gettempdir()) / f"cwh-{name}-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> Server:
        command = [
            GUNICORN,
            "portal.wsgi",
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
            "--timeout",
            "30",
            "--graceful-timeout",
            "5",
        ]
        if (
            "--no-control-socket"
            in subprocess.run(
                [GUNICORN, "--help"], capture_output=True, text=True, check=False
            ).stdout
        ):
            command.append("--no-control-socket")
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT
        )
        atexit.register(self.stop)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                status, _body, _headers = fetch(self.base + "/healthz", timeout=2)
                if status in (200, 503) and len(self.worker_pids()) == self.workers:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not start; see {self.log_path}")

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return sorted(pids)

    def cpu_seconds(self) -> float:
        """User + system CPU time of the workers so far."""
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / CLOCK_TICKS

    def rss_mb(self) -> list[float]:
        sizes = []
        for pid in self.worker_pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes.append(round(int(line.split()[1]) / 1024, 1))
            except OSError:
                continue
        return sizes

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process is not None and hasattr(self, "log_file"):
            self.log_file.close()
        self.process = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def fetch(url: str, *, timeout: float = 10, encoding: str = "br, gzip") -> tuple[int, bytes, dict]:
    """GET without decompressing: the body is what travelled over the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def page_weight(base: str, path: str) -> dict:
    """Bytes transferred for the HTML and its CSS and JS, compressed as the server sends them."""
    status, body, headers = fetch(base + path)
    html = body
    if headers.get("Content-Encoding") == "gzip":
        html = gzip.decompress(body)
    assets = sorted(set(ASSET.findall(html.decode("utf-8", "replace"))))
    weight = {"html": len(body), "html_encoding": headers.get("Content-Encoding", "none")}
    css = js = 0
    for asset in assets:
        if asset.startswith("http"):
            continue
        _status, content, _headers = fetch(base + asset)
        if asset.endswith(".css"):
            css += len(content)
        else:
            js += len(content)
    html_gzip = len(gzip.compress(html, 6))
    weight.update({"css": css, "js": js, "total": len(body) + css + js})
    weight["total_if_html_compressed"] = html_gzip + css + js
    return weight


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def load(
    base: str,
    paths: list[str],
    *,
    seconds: float,
    connections: int = 16,
    timeout: float = 10,
) -> dict:
    """Drive the server at full speed for ``seconds`` over ``paths`` (round robin)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        if wrk_available():
            return _wrk(
                base, listing.name, seconds=seconds, connections=connections, timeout=timeout
            )
        return _locust(base, listing.name, seconds=seconds, connections=connections)
    finally:
        os.unlink(listing.name)


def _wrk(base: str, listing: str, *, seconds: float, connections: int, timeout: float) -> dict:
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        f"--timeout={int(timeout)}s",
        "-s",
        str(BENCH / "report.lua"),
        base + "/",
    ]
    result = subprocess.run(
        command,
        env={**os.environ, "WRK_PATHS": listing},
        capture_output=True,
        text=True,
        timeout=seconds + timeout + 30,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            raw = json.loads(line[len("WRK_JSON ") :])
            return _summary(raw, tool="wrk")
    raise RuntimeError(f"wrk gave no result: {result.stdout}\n{result.stderr}")


def _summary(raw: dict, *, tool: str) -> dict:
    seconds = raw["duration_us"] / 1e6 if raw.get("duration_us") else raw["seconds"]
    socket_errors = sum(
        raw.get(k, 0) for k in ("connect_errors", "read_errors", "write_errors", "timeouts")
    )
    return {
        "tool": tool,
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0,
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "errors": socket_errors + raw.get("status_5xx", 0) + raw.get("status_4xx", 0),
        "status_4xx": raw.get("status_4xx", 0),
        "status_5xx": raw.get("status_5xx", 0),
        #: Deliberate "unavailable" answers (a backing service is down, and the page says so).
        "status_503": raw.get("status_503", 0),
        "socket_errors": socket_errors,
    }


def _locust(base: str, listing: str, *, seconds: float, connections: int) -> dict:
    """Fallback when wrk is not installed: locust headless with the same URL list."""
    prefix = Path(tempfile.mkdtemp()) / "locust"
    command = [
        str(ROOT / ".venv" / "bin" / "locust"),
        "-f",
        str(BENCH / "locustfile.py"),
        "--headless",
        "--only-summary",
        "-u",
        str(connections),
        "-r",
        str(connections),
        "-t",
        f"{max(1, round(seconds))}s",
        "--host",
        base,
        "--csv",
        str(prefix),
    ]
    subprocess.run(
        command,
        env={**os.environ, "BENCH_PATHS": listing},
        capture_output=True,
        timeout=seconds + 60,
        check=False,
    )
    import csv

    with open(f"{prefix}_stats.csv") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    total = rows["Aggregated"]
    requests = int(total["Request Count"])
    failures = int(total["Failure Count"])
    rps = float(total["Requests/s"])
    return {
        "tool": "locust",
        "requests": requests,
        "seconds": round(seconds, 2),
        "rps": round(rps, 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "errors": failures,
        "status_4xx": 0,
        "status_5xx": failures,
        "status_503": 0,
        "socket_errors": 0,
    }
