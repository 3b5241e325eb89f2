"""`make bench`: serve the scale data set with gunicorn and measure every kind of page.

For SQLite and then PostgreSQL: generate the synthetic data set (or reuse it), collect static
files, count each URL's queries in-process, then start gunicorn (production settings, 2
workers, loopback) and drive each URL from a second process (wrk, or locust without wrk) with
16 connections: uncached, then with the anonymous page cache on. A reference view returning a
static page of the same size through the same stack is the ceiling every page is compared to.
Writes bench/results/latest.json and bench/results/latest.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
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
    page_weight,
    redis_url,
    site_env,
)

CONNECTIONS = 16
#: Server CPU per request (ms) the issue allows, by kind of URL.
CPU_TARGET = {"page": 10, "step": 10, "listing": 25, "filtered": 25, "plan": 25}
QUERY_TARGET = 10
CACHED_RATIO_TARGET = 0.5
P95_TARGET_MS = 150
WEIGHT_TARGET = 60 * 1024
RSS_TARGET_MB = 200
WEIGHED = ("home", "guide", "directory")


def size_bucket(size: int) -> int:
    return max(5000, round(size / 5000) * 5000)


def measure_url(server: Server, path: str, *, seconds: float) -> dict:
    for _ in range(3):
        try:
            fetch(server.base + path, timeout=60)
        except OSError as error:  # a page slower than a minute is measured (and reported) anyway
            log(f"  warm-up of {path} failed: {error}")
            break
    before = server.cpu_seconds()
    result = load(server.base, [path], seconds=seconds, connections=CONNECTIONS)
    used = server.cpu_seconds() - before
    result["cpu_ms"] = round(used * 1000 / result["requests"], 2) if result["requests"] else None
    return result


def run_database(label: str, url: str, *, seconds: float, redis: str) -> dict:
    log(f"\n== {label}: scale data")
    env = site_env(url, REDIS_URL=redis, PAGE_CACHE_SECONDS="0")
    started = time.monotonic()
    manage(env, "generate_scale_data", "--database", url)
    generated = round(time.monotonic() - started)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    log(f"== {label}: counting queries in-process")
    counted = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "inprocess.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    targets = json.loads(counted.stdout)["urls"]
    outcome = {
        "database": label,
        "seconds": seconds,
        "data_set_seconds": generated,
        "urls": targets,
        "reference": {},
    }
    for mode, cache_seconds in (("uncached", "0"), ("cached", "300")):
        flush_redis(redis)
        mode_env = {**env, "PAGE_CACHE_SECONDS": cache_seconds}
        log(f"== {label}: {mode} (gunicorn, 2 workers, {CONNECTIONS} connections)")
        with Server(mode_env, name=f"{label}-{mode}") as server:
            for target in targets:
                result = measure_url(server, target["path"], seconds=seconds)
                target[mode] = result
                log(
                    f"  {target['name']:<34} {result['rps']:>8.1f}/s"
                    f"  p95 {result['p95_ms']:>6.1f} ms  cpu {result['cpu_ms']} ms"
                    f"  errors {result['errors']}"
                )
                if mode == "uncached" and target["name"] in WEIGHED:
                    target["weight"] = page_weight(server.base, target["path"])
            if mode == "uncached":
                sizes = sorted({size_bucket(t["html_bytes"]) for t in targets})
                for size in sizes:
                    result = measure_url(server, f"/bench/reference/{size}/", seconds=seconds)
                    outcome["reference"][str(size)] = result
                    log(
                        f"  reference {size:>6} bytes          {result['rps']:>8.1f}/s"
                        f"  cpu {result['cpu_ms']} ms"
                    )
            outcome[f"rss_mb_{mode}"] = server.rss_mb()
            outcome[f"load_after_{mode}"] = [round(x, 2) for x in os.getloadavg()]
    for target in targets:
        reference = outcome["reference"].get(str(size_bucket(target["html_bytes"])))
        if reference and reference["rps"]:
            for mode in ("uncached", "cached"):
                target[mode]["ratio"] = round(target[mode]["rps"] / reference["rps"], 3)
    return outcome


def verdicts(outcome: dict) -> list[str]:
    """One line per target: met or missed, and by how much."""
    lines = []
    urls = outcome["urls"]
    stalled = [t["name"] for t in urls if not t["uncached"]["requests"]]
    if stalled:
        lines.append(
            "no request completed within the run (each took longer than it), uncached: "
            + "; ".join(stalled)
        )
    misses = [
        f"{t['name']} {t['uncached']['cpu_ms']} ms (target {CPU_TARGET[t['kind']]})"
        for t in urls
        if t["kind"] in CPU_TARGET and (t["uncached"]["cpu_ms"] or 0) > CPU_TARGET[t["kind"]]
    ]
    lines.append(
        "server CPU per request (uncached): "
        + ("met" if not misses else "MISSED for " + "; ".join(misses))
    )
    over = [f"{t['name']} {t['queries']}" for t in urls if t["queries"] > QUERY_TARGET]
    lines.append(
        f"at most {QUERY_TARGET} queries: "
        + ("met" if not over else "MISSED for " + "; ".join(over))
    )
    low = [
        f"{t['name']} {t['cached'].get('ratio')}"
        for t in urls
        if t["kind"] != "api" and (t["cached"].get("ratio") or 0) < CACHED_RATIO_TARGET
    ]
    lines.append(
        f"cached at least {CACHED_RATIO_TARGET:.0%} of the reference rate: "
        + ("met" if not low else "MISSED for " + "; ".join(low))
    )
    slow = [
        f"{t['name']} {t['uncached']['p95_ms'] or 'over ' + str(report_seconds(outcome)) + ' s'}"
        for t in urls
        if t["name"].startswith(("directory", "search"))
        and (t["uncached"]["p95_ms"] >= P95_TARGET_MS or not t["uncached"]["requests"])
    ]
    lines.append(
        f"p95 under {P95_TARGET_MS} ms for directory and search (uncached, {CONNECTIONS} "
        "connections): " + ("met" if not slow else "MISSED for " + "; ".join(slow))
    )
    heavy = [
        f"{t['name']} {t['weight']['total'] / 1024:.1f} KB"
        for t in urls
        if "weight" in t and t["weight"]["total"] >= WEIGHT_TARGET
    ]
    lines.append(
        "under 60 KB transferred (home, guide, directory): "
        + ("met" if not heavy else "MISSED for " + "; ".join(heavy))
    )
    rss = max(outcome.get("rss_mb_uncached", [0]) + outcome.get("rss_mb_cached", [0]))
    lines.append(
        f"worker memory under {RSS_TARGET_MB} MB: "
        + ("met" if rss < RSS_TARGET_MB else "MISSED")
        + f" (largest worker {rss} MB)"
    )
    errors = sum(t[m]["errors"] for t in urls for m in ("uncached", "cached"))
    lines.append(f"errors during the runs: {errors}")
    return lines


def report_seconds(outcome: dict) -> float:
    return outcome.get("seconds", 0) or 0


def markdown(report: dict) -> str:
    facts = report["machine"]
    out = [
        "# Benchmark results",
        "",
        f"Machine: {facts['nproc']} cores, {facts['cpu_model']}, {facts['memory_gb']} GB; "
        f"load average at start {facts['load_average']}; {facts['time']}. Load generator: "
        f"{report['tool']}, {CONNECTIONS} connections, {report['seconds']} s per URL; gunicorn "
        f"with 2 sync workers, production settings; cache: {report['cache']}.",
        "",
    ]
    for outcome in report["databases"]:
        out += [
            f"## {outcome['database']}",
            "",
            f"Load average after the runs: uncached {outcome.get('load_after_uncached')}, "
            f"cached {outcome.get('load_after_cached')}. Worker RSS after the runs: uncached "
            f"{outcome.get('rss_mb_uncached')} MB, cached {outcome.get('rss_mb_cached')} MB.",
            "",
            "| URL | queries | CPU ms/req | req/s | p50 ms | p95 ms | p99 ms | ratio | "
            "cached req/s | cached p95 ms | cached ratio | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for t in outcome["urls"]:
            u, c = t["uncached"], t["cached"]
            out.append(
                f"| {t['name']} | {t['queries']} | {u['cpu_ms']} | {u['rps']} | {u['p50_ms']} | "
                f"{u['p95_ms']} | {u['p99_ms']} | {u.get('ratio', '')} | {c['rps']} | "
                f"{c['p95_ms']} | {c.get('ratio', '')} | {u['errors'] + c['errors']} |"
            )
        out += ["", "Reference ceiling (static page through the same stack):", ""]
        for size, r in outcome["reference"].items():
            out.append(f"- {int(size) // 1000} KB: {r['rps']} req/s, {r['cpu_ms']} ms CPU/request")
        out += ["", "Page weight (bytes transferred: HTML as served, CSS and JS compressed):", ""]
        for t in outcome["urls"]:
            if "weight" in t:
                w = t["weight"]
                out.append(
                    f"- {t['name']}: {w['total'] / 1024:.1f} KB (HTML {w['html'] / 1024:.1f} KB "
                    f"{w['html_encoding']}, CSS {w['css'] / 1024:.1f} KB, JS {w['js'] / 1024:.1f} "
                    f"KB; {w['total_if_html_compressed'] / 1024:.1f} KB if a proxy compresses "
                    "the HTML)"
                )
        out += ["", "Targets:", ""] + [f"- {line}" for line in verdicts(outcome)] + [""]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", 8)))
    parser.add_argument(
        "--databases", default=os.environ.get("BENCH_DATABASES", "sqlite,postgresql")
    )
    args = parser.parse_args()
    from common import wrk_available

    redis = redis_url()
    report = {
        "machine": machine(),
        "seconds": args.seconds,
        "tool": "wrk" if wrk_available() else "locust",
        "cache": "Redis (loopback)" if redis else "local memory per worker",
        "databases": [],
    }
    log(f"Machine: {report['machine']}")
    for label in args.databases.split(","):
        label = label.strip()
        if label == "sqlite":
            url = SQLITE_URL
        elif label == "postgresql":
            url = POSTGRES_URL
            if not ensure_postgres_database(url):
                continue
        else:
            raise SystemExit(f"Unknown database {label!r}: use sqlite and/or postgresql.")
        report["databases"].append(run_database(label, url, seconds=args.seconds, redis=redis))
    report["machine_after"] = machine()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=1) + "\n")
    table = markdown(report)
    (RESULTS / "latest.md").write_text(table)
    print("\n" + table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
