"""The parts of the Dask runner that live on the workers (imported only with ``--scheduler``).

The build's settings reach every worker through a worker plugin rather than as scattered
data: a plugin is also given to the workers a nanny starts after one died, whereas scattered
data dies with the workers holding it, and with it every task that needs it (one crashing
report would then cancel the whole build's tasks).
"""

from __future__ import annotations

import os
import signal

from distributed.diagnostics.plugin import WorkerPlugin

from .extract import DocResult, extract_batch, pipeline_for

SETTINGS: dict = {}  # token -> Settings, in each worker process


class SettingsPlugin(WorkerPlugin):
    """Puts one build's settings in every worker of the cluster, present and future.

    ``own_cluster``: the workers are this build's (``--scheduler local``), started in its
    process group, so a Ctrl-C at the terminal reaches them too: they ignore it, as the pool's
    workers do, and the build closes them (no KeyboardInterrupt traceback from each worker).
    """

    def __init__(self, token: str, settings, own_cluster: bool = False):
        self.token, self.settings = token, settings
        self.name = f"graphx-settings-{token}"
        self.client_pid = os.getpid() if own_cluster else None

    def setup(self, worker):
        SETTINGS[self.token] = self.settings
        if self.client_pid is not None and os.getpid() != self.client_pid:
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            except ValueError:  # not the worker's main thread: leave it
                pass

    def teardown(self, worker):
        SETTINGS.pop(self.token, None)


def task(token: str, start: int, documents):
    """Extract a chunk of documents with the settings the plugin installed."""
    return start, extract_batch(SETTINGS[token], documents)


def alone(token: str, start: int, documents):
    """One document; a Python error in spaCy or the rules is that document's result."""
    try:
        return task(token, start, documents)
    except Exception as exc:  # noqa: BLE001 - it costs this report alone
        return start, [DocResult(doc=documents[0].id, error=f"{type(exc).__name__}: {exc}")]


__all__ = ["SettingsPlugin", "task", "alone", "pipeline_for"]
