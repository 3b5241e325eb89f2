"""Browser budgets: Lighthouse (mobile preset) on the home page, a guide, the directory and a
questionnaire step, driving the system Chromium against gunicorn on loopback.

Needs `npm ci` in bench/ (make bench does it). Runs against LIGHTHOUSE_DATABASE_URL, or else
the first of BENCH_DATABASES (the SQLite data set by default), generating the data set when
it is missing, so it works on its own as well as after bench/run.py. Writes
bench/results/lighthouse.json and appends nothing else; bench/run.py's table is separate.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    BENCH,
    POSTGRES_URL,
    PYTHON,
    RESULTS,
    ROOT,
    SQLITE_URL,
    Server,
    ensure_postgres_database,
    log,
    machine,
    manage,
    site_env,
)

TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME = os.environ.get("CHROME_PATH", os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ATTEMPTS = 3


def database_url() -> str:
    """LIGHTHOUSE_DATABASE_URL, or the data set of the first database the benchmark runs."""
    if os.environ.get("LIGHTHOUSE_DATABASE_URL"):
        return os.environ["LIGHTHOUSE_DATABASE_URL"]
    first = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")[0].strip()
    if first == "postgresql" and ensure_postgres_database(POSTGRES_URL):
        return POSTGRES_URL
    return SQLITE_URL


def pages(env: dict) -> dict[str, str]:
    found = subprocess.run(
        [PYTHON, str(BENCH / "inprocess.py")],
        cwd=ROOT,
        env={**env, "BENCH_SKIP_QUERIES": "1"},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    by_name = {u["name"]: u["path"] for u in json.loads(found.stdout)["urls"]}
    return {
        "home": by_name["home"],
        "guide": by_name["guide"],
        "directory": by_name["directory"],
        "questionnaire step": by_name.get("questionnaire step 1", "/find-support/"),
    }


def audit(binary: Path, url: str) -> dict:
    """One Lighthouse report; run again (up to ATTEMPTS) when Chromium recorded no page load,
    which Lighthouse reports as a runtime error (NO_NAVSTART, NO_FCP) scoring 0."""
    out = Path(tempfile.gettempdir()) / "cwh-lighthouse.json"
    result: dict = {}
    for attempt in range(1, ATTEMPTS + 1):
        out.unlink(missing_ok=True)
        subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                "--disable-dev-shm-usage --no-first-run --disable-background-networking",
            ],
            env={**os.environ, "CHROME_PATH": CHROME},
            check=False,
            timeout=300,
        )
        result = json.loads(out.read_text()) if out.exists() else {}
        error = result.get("runtimeError", {}).get("code") if result else "no report"
        if result and not error:
            return result
        log(f"  {url}: Lighthouse run {attempt} failed ({error})")
    return result or {"categories": {}, "audits": {}}


def main() -> int:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists() or not Path(CHROME).exists():
        log(f"Lighthouse or Chromium missing ({binary}, {CHROME}); run npm ci in bench/.")
        return 1
    database = database_url()
    env = site_env(database, PAGE_CACHE_SECONDS="0")
    manage(env, "generate_scale_data", "--database", database)  # reused when already there
    manage(env, "collectstatic", "--no-input", "-v", "0")
    report = {"machine": machine(), "targets": TARGETS, "pages": {}, "database": database}
    with Server(env, name="lighthouse") as server:
        for name, path in pages(env).items():
            result = audit(binary, server.base + path)
            scores = {
                key: round((value.get("score") or 0) * 100)
                for key, value in result["categories"].items()
            }
            failing = {
                audit_id: entry["title"]
                for audit_id, entry in result["audits"].items()
                if entry.get("score") is not None
                and entry["score"] < 1
                and entry.get("scoreDisplayMode") in ("binary", "numeric")
            }
            report["pages"][name] = {"path": path, "scores": scores, "below_full": failing}
            log(f"  {name:<20} {scores}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "lighthouse.json").write_text(json.dumps(report, indent=1) + "\n")
    missed = [
        f"{name} {key} {score} < {TARGETS[key]}"
        for name, page in report["pages"].items()
        for key, score in page["scores"].items()
        if score < TARGETS[key]
    ]
    log("Lighthouse targets: " + ("met" if not missed else "MISSED: " + "; ".join(missed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
