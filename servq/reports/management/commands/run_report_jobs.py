"""python manage.py run_report_jobs [--once] — the worker that runs requested report builds.

Safe to run on several machines at once: each build is claimed with a conditional UPDATE.
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from servq.reports.jobs import run_pending, worker_name


class Command(BaseCommand):
    help = "執行排隊中的報告產製工作"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="處理完目前排隊的工作即結束")
        parser.add_argument("--interval", type=float, default=5.0, help="無工作時的等待秒數")
        parser.add_argument("--max-jobs", type=int, default=None, help="最多處理幾件後結束")

    def handle(self, *args, once, interval, max_jobs, **options):
        worker = worker_name()
        total = 0
        while True:
            done = run_pending(worker=worker, limit=None if max_jobs is None else max_jobs - total)
            total += done
            if done:
                self.stdout.write(f"{worker}：完成 {done} 件報告產製")
            if once or (max_jobs is not None and total >= max_jobs):
                break
            time.sleep(interval)
            close_old_connections()  # a long-running worker must not keep a dead connection
        self.stdout.write(f"共處理 {total} 件")
