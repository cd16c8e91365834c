"""Runs the whole suite on SQLite, then again on PostgreSQL.

Without a reachable PostgreSQL server the run says loudly that only SQLite was tested;
with SERVQ_REQUIRE_POSTGRES=1 (set by CI) that is a failure.
Extra arguments go to pytest, e.g. `make test ARGS="-k survey -x"`.
"""

import os
import subprocess
import sys

PG_URL = os.environ.get("PG_TEST_URL", "postgres://postgres@127.0.0.1:5432/servq")


def postgres_reachable(url: str) -> str | None:
    """None if we can connect to the server's maintenance database, else the reason."""
    import psycopg
    from urllib.parse import urlparse

    parts = urlparse(url)
    try:
        with psycopg.connect(
            host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
            password=parts.password or None, dbname="postgres", connect_timeout=3,
        ):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


def run(label: str, database_url: str, args: list[str]) -> int:
    print(f"\n===== servq tests on {label} ({database_url}) =====", flush=True)
    env = dict(os.environ, DATABASE_URL=database_url)
    return subprocess.call([sys.executable, "-m", "pytest", *args], env=env)


def banner(lines: list[str]) -> None:
    width = max(len(line) for line in lines) + 4
    print("\n" + "!" * width)
    for line in lines:
        print(f"! {line.ljust(width - 4)} !")
    print("!" * width + "\n", flush=True)


def main(argv: list[str]) -> int:
    sqlite_only = "--sqlite-only" in argv
    postgres_only = "--postgres-only" in argv
    args = [a for a in argv if a not in {"--sqlite-only", "--postgres-only"}]
    require_pg = os.environ.get("SERVQ_REQUIRE_POSTGRES") == "1"

    status = 0
    if not postgres_only:
        status |= run("SQLite", "sqlite:///var/test.sqlite3", args)
    if sqlite_only:
        banner(["TESTS RAN ON SQLITE ONLY (asked with --sqlite-only)."])
        return status
    problem = postgres_reachable(PG_URL)
    if problem:
        banner([
            "POSTGRESQL NOT REACHABLE: TESTS RAN ON SQLITE ONLY.",
            f"{PG_URL}: {problem}",
            "Production runs PostgreSQL; start a server or set PG_TEST_URL and rerun.",
        ])
        return 1 if require_pg else status
    status |= run("PostgreSQL", PG_URL, args)
    print("\nservq: tests ran on SQLite and on PostgreSQL.", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
