"""A spaCy component that misbehaves on marked reports: crashes, errors and hangs on demand.

Used by the tests of workers that die and of signals. In this process: ``patch(monkeypatch)``;
in a subprocess or a Dask worker: ``GRAPHX_TEST_BOMB=1`` with :data:`SITE` on ``PYTHONPATH``
(its ``sitecustomize`` applies the patch when Python starts).
"""

import faulthandler
import os
import resource
import signal
import threading
import time
from pathlib import Path

from spacy.language import Language

SITE = Path(__file__).resolve().parent / "bomb_site"


@Language.component("graphx_test_bomb")
def bomb(doc):
    text = doc.text
    if "CRASH-SEGV" in text:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file
        faulthandler.disable()  # (pytest's, inherited by forked workers: no dump in the test log)
        os.kill(os.getpid(), signal.SIGSEGV)
    if "CRASH-EXIT" in text:
        os._exit(7)
    if "CRASH-RAISE" in text:
        raise ValueError("a bug in a spaCy component")
    if "HANG-HERE" in text:
        flag = os.environ.get("GRAPHX_TEST_FLAG")
        if flag:  # tell the test this worker is extracting (and hangs)
            Path(flag, f"hang.{os.getpid()}").write_text(str(os.getppid()))
        while True:
            time.sleep(3600)
    return doc


def patch(monkeypatch=None):
    """Every pipeline graphx builds from now on ends with the bomb."""
    import graphx.extract.document as ex

    real = ex.Pipeline.__init__
    if getattr(real, "bombed", False):
        return

    def init(self, settings):
        real(self, settings)
        self.nlp.add_pipe("graphx_test_bomb", last=True)

    init.bombed = True
    if monkeypatch is None:
        ex.Pipeline.__init__ = init
        ex._LOADED = threading.local()
    else:
        monkeypatch.setattr(ex.Pipeline, "__init__", init)
        monkeypatch.setattr(ex, "_LOADED", threading.local())  # no pipeline built before the patch
