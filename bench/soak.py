"""`make soak`: mixed traffic for a long stretch, then the same with things broken.

1. A short ramp finds the highest number of connections the machine serves without errors.
2. SOAK_SECONDS (default 600) of mixed traffic over every benchmark URL at that level,
   recording requests, errors and worker memory every 30 seconds: no 5xx, memory flat.
3. The same traffic with the cache unavailable (REDIS_URL pointing at a closed port): pages
   are served uncached, /healthz answers 503, nothing 500s.
3b. The same with the search server unavailable (ELASTICSEARCH_URL pointing at a closed
   port): searches answer 503 with a message saying so, every other page is served,
   /healthz answers 503 naming search, nothing else 5xx.
4. On PostgreSQL, every database connection is cut in the middle of a run
   (pg_terminate_backend): the site must recover by itself (CONN_HEALTH_CHECKS).
Loopback only; bounded by time; every server started here is stopped. Writes
bench/results/soak.json and bench/results/soak.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    POSTGRES_URL,
    PYTHON,
    RESULTS,
    ROOT,
    SQLITE_URL,
    Server,
    ensure_postgres_database,
    fetch,
    flush_redis,
    load,
    log,
    machine,
    manage,
    redis_url,
    site_env,
)

SOAK_SECONDS = int(os.environ.get("SOAK_SECONDS", 600))
FAULT_SECONDS = int(os.environ.get("SOAK_FAULT_SECONDS", 60))
SLICE = 30
RAMP = (2, 4, 8, 16, 32)


def mixed_paths(env: dict) -> list[str]:
    counted = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "inprocess.py")],
        cwd=ROOT,
        env={**env, "BENCH_SKIP_QUERIES": "1"},
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    return [u["path"] for u in json.loads(counted.stdout)["urls"]]


def ramp(server: Server, paths: list[str]) -> tuple[int, list[dict]]:
    best, steps = RAMP[0], []
    for connections in RAMP:
        result = load(server.base, paths, seconds=10, connections=connections)
        result["connections"] = connections
        steps.append(result)
        log(f"  ramp {connections:>3} connections: {result['rps']}/s, errors {result['errors']}")
        if result["status_5xx"] or result["socket_errors"]:
            break
        if len(steps) > 1 and result["rps"] < steps[-2]["rps"] * 1.05:
            break  # no more throughput to gain: keep the previous level

        best = connections
    return best, steps


def run_slices(server: Server, paths: list[str], *, seconds: int, connections: int) -> list[dict]:
    slices = []
    for start in range(0, seconds, SLICE):
        length = min(SLICE, seconds - start)
        result = load(server.base, paths, seconds=length, connections=connections)
        result["rss_mb"] = server.rss_mb()
        result["at_seconds"] = start + length
        slices.append(result)
        log(
            f"  {start + length:>4} s: {result['rps']}/s  5xx {result['status_5xx']}  "
            f"socket errors {result['socket_errors']}  RSS {result['rss_mb']} MB"
        )
    return slices


def terminate_connections(url: str) -> int:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return len(rows)


def main() -> int:
    report = {"machine": machine(), "soak_seconds": SOAK_SECONDS}
    redis = redis_url()
    use_postgres = ensure_postgres_database(POSTGRES_URL)
    database = POSTGRES_URL if use_postgres else SQLITE_URL
    report["database"] = "postgresql" if use_postgres else "sqlite"
    env = site_env(database, REDIS_URL=redis, PAGE_CACHE_SECONDS="300")
    manage(env, "generate_scale_data", "--database", database)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    paths = mixed_paths({**env, "PAGE_CACHE_SECONDS": "0"})
    report["paths"] = paths
    flush_redis(redis)

    log(f"== soak on {report['database']}: ramp")
    with Server(env, name="soak") as server:
        # Every URL once first, so the ramp measures the site serving, not filling, its caches.
        for path in paths:
            fetch(server.base + path, timeout=60)
        connections, report["ramp"] = ramp(server, paths)
        report["connections"] = connections
        log(f"== soak: {SOAK_SECONDS} s at {connections} connections")
        report["soak"] = run_slices(server, paths, seconds=SOAK_SECONDS, connections=connections)

    if use_postgres:
        # With the page cache off, so that every request needs the database.
        log("== database connections cut mid-run (page cache off)")
        server = Server({**env, "PAGE_CACHE_SECONDS": "0"}, name="soak-dbcut").start()
        cut = {}

        def cut_later():
            time.sleep(FAULT_SECONDS / 2)
            cut["terminated"] = terminate_connections(POSTGRES_URL)

        thread = threading.Thread(target=cut_later)
        thread.start()
        during = load(server.base, paths, seconds=FAULT_SECONDS, connections=connections)
        thread.join()
        time.sleep(1)
        after = load(server.base, paths, seconds=10, connections=connections)
        health = fetch(server.base + "/healthz")[0]
        report["database_restart"] = {
            **cut,
            "during": during,
            "after": after,
            "healthz_after": health,
        }
        log(
            f"  terminated {cut.get('terminated')} connections; 5xx during "
            f"{during['status_5xx']}, after {after['status_5xx']}; healthz {health}"
        )
        server.stop()

    log("== cache unavailable (REDIS_URL at a closed port)")
    down_env = {**env, "REDIS_URL": "redis://127.0.0.1:1/0"}
    with Server(down_env, name="soak-nocache") as server:
        result = load(server.base, paths, seconds=FAULT_SECONDS, connections=connections)
        status, body, _headers = fetch(server.base + "/healthz")
        report["cache_down"] = {
            "load": result,
            "healthz_status": status,
            "healthz": json.loads(body or b"{}"),
            "rss_mb": server.rss_mb(),
        }
        log(f"  {result['rps']}/s, 5xx {result['status_5xx']}; /healthz {status} {body[:120]}")

    log("== search unavailable (ELASTICSEARCH_URL at a closed port)")
    # The page cache off too, so every search asks the (unavailable) search server.
    search_env = {**env, "ELASTICSEARCH_URL": "http://127.0.0.1:1", "PAGE_CACHE_SECONDS": "0"}
    with Server(search_env, name="soak-nosearch") as server:
        result = load(server.base, paths, seconds=FAULT_SECONDS, connections=connections)
        status, body, _headers = fetch(server.base + "/healthz")
        report["search_down"] = {
            "load": result,
            "healthz_status": status,
            "healthz": json.loads(body or b"{}"),
            "searches": sum(1 for p in paths if "q=" in p),
        }
        log(
            f"  {result['rps']}/s, 503 {result['status_503']}, other 5xx "
            f"{result['status_5xx'] - result['status_503']}; /healthz {status} {body[:120]}"
        )

    report["machine_after"] = machine()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "soak.json").write_text(json.dumps(report, indent=1) + "\n")
    summary = markdown(report)
    (RESULTS / "soak.md").write_text(summary)
    print("\n" + summary)
    search_down = report["search_down"]["load"]
    failed = (
        sum(s["status_5xx"] for s in report["soak"])
        + report["cache_down"]["load"]["status_5xx"]
        + search_down["status_5xx"]
        - search_down["status_503"]
    )
    return 1 if failed else 0


def markdown(report: dict) -> str:
    facts = report["machine"]
    soak = report["soak"]
    rss_first, rss_last = soak[0]["rss_mb"], soak[-1]["rss_mb"]
    out = [
        "# Soak and resilience results",
        "",
        f"Machine: {facts['nproc']} cores, {facts['cpu_model']}, {facts['memory_gb']} GB; load "
        f"average at start {facts['load_average']}, at the end "
        f"{report['machine_after']['load_average']}; {facts['time']}. Database: "
        f"{report['database']}; page cache on.",
        "",
        f"- Ramp chose {report['connections']} connections "
        + ", ".join(f"({r['connections']}: {r['rps']}/s)" for r in report["ramp"]),
        f"- {report['soak_seconds']} s of mixed traffic over {len(report['paths'])} URLs: "
        f"{sum(s['requests'] for s in soak)} requests, "
        f"{sum(s['status_5xx'] for s in soak)} answers 5xx, "
        f"{sum(s['socket_errors'] for s in soak)} socket errors; worker RSS {rss_first} MB "
        f"after the first slice, {rss_last} MB at the end.",
    ]
    down = report["cache_down"]
    out.append(
        f"- Cache unavailable: {down['load']['requests']} requests, "
        f"{down['load']['status_5xx']} answers 5xx; /healthz {down['healthz_status']} "
        f"{down['healthz'].get('checks')}."
    )
    search = report["search_down"]
    out.append(
        f"- Search server unavailable: {search['load']['requests']} requests over "
        f"{len(report['paths'])} URLs ({search['searches']} of them searches), "
        f"{search['load']['status_503']} answers 503 saying search is unavailable, "
        f"{search['load']['status_5xx'] - search['load']['status_503']} other 5xx; /healthz "
        f"{search['healthz_status']} {search['healthz'].get('checks')}."
    )
    restart = report.get("database_restart")
    if restart:
        out.append(
            f"- Database connections cut mid-run ({restart.get('terminated')} terminated): "
            f"{restart['during']['status_5xx']} answers 5xx in that minute, "
            f"{restart['after']['status_5xx']} in the 10 s after; /healthz "
            f"{restart['healthz_after']} afterwards, without any manual step."
        )
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
