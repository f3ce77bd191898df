"""Several machines, rehearsed on one: two app servers, PostgreSQL, Redis and nginx in front.

    .venv/bin/python bench/cluster.py [--rounds 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/cluster.py

Starts what docs/deploy.md describes (tests/support/cluster.py): two gunicorn app servers
on free ports of 127.0.0.1 with the same settings, a PostgreSQL database of their own on
``DATABASE_URL``'s server (default 127.0.0.1:5432; dropped at the end), a private
redis-server, and nginx with docs/nginx.conf in front of both, with its own folders.
Then, per round: a comment posted through one app server and approved in the other's
admin, timed until it shows through nginx (target: within the max-age the site gives
front caches, here PAGE_CACHE_MAX_AGE=3); and a corrected import on the first machine,
timed until the second app server shows it (target: within 1 s). Prints the figures;
tests/test_cluster.py asserts the same in CI.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support import cluster  # noqa: E402

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    postgres = (
        url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_POSTGRES
    )
    if missing := cluster.missing_parts(postgres):
        raise SystemExit("bench/cluster.py needs: " + ", ".join(missing))
    # The static files, collected once, as a release ships them.
    import django
    from django.conf import settings
    from django.core.management import call_command

    with tempfile.TemporaryDirectory(prefix="ambtenarenpanel-cluster-") as folder:
        folder = Path(folder)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
        django.setup()
        settings.STATIC_ROOT = folder / "static"
        call_command("collectstatic", interactive=False, verbosity=0)
        with cluster.running_cluster(folder, postgres) as running:
            print(
                f"Two app servers ({running.first.url}, {running.second.url}), nginx at "
                f"{running.front.url}, one PostgreSQL database, one Redis; "
                f"max-age for front caches {cluster.MAX_AGE} s\n"
            )
            comment_times, import_times = [], []
            for number in range(1, args.rounds + 1):
                comment = cluster.comment_through_one_approved_through_the_other(
                    running
                )
                imported = cluster.import_through_one_seen_by_the_other(running, folder)
                comment_times.append(comment["seconds until shown through nginx"])
                import_times.append(imported["seconds until shown on the other server"])
                print(
                    f"round {number}: comment shown through nginx after "
                    f"{comment_times[-1]:.2f} s (nginx had the page: "
                    f"{comment['front cache status before']}; on the first server at once: "
                    f"{comment['shown at once on the first server']}); import shown on "
                    f"the other server after {import_times[-1]:.2f} s"
                )
    print()
    checks = [
        (
            f"comment through nginx within max-age: at most {max(comment_times):.2f} s "
            f"(target ≤ {cluster.MAX_AGE} s + 1 s of polling)",
            max(comment_times) <= cluster.MAX_AGE + 1,
        ),
        (
            f"import on the other server: at most {max(import_times):.2f} s (target ≤ 1 s)",
            max(import_times) <= 1.0,
        ),
    ]
    for text, ok in checks:
        print(f"{'meets target' if ok else 'MISSES TARGET'}: {text}")


if __name__ == "__main__":
    main()
