"""Locust users for when wrk is not installed: GET the listed paths in turn, as fast as possible."""

import itertools
import os

from locust import FastHttpUser, task

with open(os.environ["BENCH_PATHS"]) as handle:
    PATHS = [line.strip() for line in handle if line.strip()]


class Visitor(FastHttpUser):
    """An anonymous visitor who reads the listed pages one after another without pausing."""

    def on_start(self):
        self.paths = itertools.cycle(PATHS)

    @task
    def read(self):
        path = next(self.paths)
        with self.client.get(path, name=path, catch_response=True) as response:
            if response.status_code >= 400:
                response.failure(f"status {response.status_code}")
            else:
                response.success()
