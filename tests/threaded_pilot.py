"""One app under Pilot for many hypothesis examples.

Hypothesis calls a test synchronously, once per example, and shrinks a failure by calling
it again; Pilot needs the app's event loop. ``ThreadedPilot`` runs the app (``run_test``)
on an event loop in a thread of its own, and ``run`` hands it one coroutine at a time,
waiting for its result or its exception, so every example reuses the same running app.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from textual.app import App
from textual.pilot import Pilot

T = TypeVar("T")
Job = Callable[[Pilot[Any]], Awaitable[Any]]
JOB_SECONDS = 60.0


class ThreadedPilot:
    def __init__(self, app: App[Any], **run_test: Any) -> None:
        self.app = app
        self._run_test = run_test
        self._loop = asyncio.new_event_loop()
        self._jobs: asyncio.Queue[tuple[Job, Future[Any]] | None] | None = None
        self._ready: Future[None] = Future()
        self._done: Future[None] = Future()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> ThreadedPilot:
        self._thread.start()
        self._ready.result(timeout=JOB_SECONDS)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._jobs is not None
        self._loop.call_soon_threadsafe(self._jobs.put_nowait, None)
        try:
            self._done.result(timeout=JOB_SECONDS)
        finally:
            self._thread.join(timeout=JOB_SECONDS)

    def run(self, job: Callable[[Pilot[Any]], Awaitable[T]]) -> T:
        """Run ``job(pilot)`` inside the app's test session; its exception is raised here."""
        assert self._jobs is not None
        result: Future[T] = Future()
        self._loop.call_soon_threadsafe(self._jobs.put_nowait, (job, result))
        return result.result(timeout=JOB_SECONDS)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._session())
            self._done.set_result(None)
        except BaseException as error:  # handed to the test that waits in __exit__
            if not self._ready.done():
                self._ready.set_exception(error)
            self._done.set_exception(error)
        finally:
            self._loop.close()

    async def _session(self) -> None:
        # The jobs run in this task: the app's context (``active_app``) set by run_test
        # holds for them as it does in an ordinary ``async with app.run_test()`` test.
        self._jobs = asyncio.Queue()
        async with self.app.run_test(**self._run_test) as pilot:
            await pilot.pause()
            self._ready.set_result(None)
            while (item := await self._jobs.get()) is not None:
                job, result = item
                try:
                    result.set_result(await job(pilot))
                except BaseException as error:  # the example failed: hypothesis sees it
                    result.set_exception(error)
