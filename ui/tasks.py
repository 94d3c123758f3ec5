"""Run slow work off the UI thread (Anki's CollectionOp idea, reduced to what we need).

``runner.run(fn, on_success, on_failure)`` calls ``fn`` on a worker thread and
delivers its result back on the UI thread through a queued signal. Writes go
through one single-thread pool so they never race each other. Tests use
``TaskRunner(inline=True)``, which runs everything at once on the caller's
thread, so they need no waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the failure callback, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class TaskRunner(QObject):
    def __init__(self, *, inline: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inline = inline
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer: database work is serialised
        self._relays: set[_Relay] = set()

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None]) -> None:
        if self.inline:
            try:
                result = fn()
            except Exception as exc:
                on_failure(exc)
            else:
                on_success(result)
            return
        relay = _Relay()
        self._relays.add(relay)

        def done_ok(result: object) -> None:
            self._relays.discard(relay)
            on_success(result)

        def done_err(exc: object) -> None:
            self._relays.discard(relay)
            on_failure(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))

        relay.succeeded.connect(done_ok)
        relay.failed.connect(done_err)
        self._pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
