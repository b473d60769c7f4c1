"""The Python run harness: runs one learner program and reports what it does, as JSON lines.

Started as ``python3 -I -B harness.py demo-api.json`` in a sandbox, ahead of time, by the server's
pool of Python workers. ``docs/protocol.md`` (section 7, "Python and JavaScript workers") is the
contract; ``Wire.java`` is the other end of it.

    import what programs need, start the demo API beside it ─ send ready
    read one job: {"job":N,"type":"script","file":"main.py","source":"..."}
    compile ─ SyntaxError? diagnostic, compile-failed, exit 1
    started ─ span-start main ─ the program, as __main__ ─ span-end main
    wait for non-daemon threads, atexit ─ finished ─ exit with the program's code

While the program runs, its output becomes ``stdout``/``stderr`` events, one per line, and what
it runs becomes lanes: ``main`` for its top level, one per asyncio Task, one per thread work item
(``asyncio.to_thread``, ``run_in_executor``, ``ThreadPoolExecutor``) and one per plain thread,
each with ``span-start``/``span-end`` and the ``running`` stretches in between. The program must
not be able to tell: tasks stay C tasks with their own names, tracebacks show its own frames, and
nothing of ours is on its event loop or in ``threading.enumerate()``. The hooks that make this
work are at the bottom of the call stack (``events.Handle._run``, the loop's
``_set_running_loop``, the registry of tasks, ``Thread._bootstrap_inner``, the executors' work
items), where exceptions are already caught by the stdlib frames above them.

What `running` can and cannot tell: a task runs for the length of each step (so a blocking
``time.sleep`` inside it is one long running stretch, while nothing else on its loop runs); the
top level and a thread run for all their time outside an event loop, blocked or not (the harness
cannot tell a blocking call from work there); the loop's own callbacks (timers, I/O) are not drawn
unless one takes a millisecond or more, and then on the lane of its thread. Tasks, work items and
threads that a package starts (aiohttp's, aiofiles', aiosqlite's) are its machinery and get no
lane, nor do process pools' work items, which run in other processes. The hooks rely on CPython
3.11's asyncio internals; where one is missing, the runs still work with fewer lanes.

Only the standard library: the harness must run wherever the interpreter does.
"""

import _thread
import asyncio
import atexit
import builtins
import concurrent.futures.thread
import contextvars
import functools
import gc
import io
import json
import linecache
import os
import re
import select
import socket
import sys
import threading
import traceback
import types
import urllib.parse
import warnings
import weakref
from asyncio import base_events, events

# Bound once: a program that replaces time.perf_counter_ns, os.write or json.dumps (to mock them
# in a lesson, say) changes its own world, not our reports of it.
from os import _exit as exit_now, write as write_fd
from time import perf_counter_ns as now_ns, process_time

ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# What programs commonly import, loaded before `ready`: the pooled process is started ahead of
# time, so this is paid for while no one waits. Each is optional: a missing package only means
# the program's own import fails as it would anywhere else. Measured on Debian's 3.11.2: with
# these, `ready` comes ~125 ms after the start, at 32 MiB RSS; with asyncio alone, ~55 ms and
# 22 MiB, but then `import aiohttp` costs the run itself ~60 ms.
PRELOAD = (
    "aiofiles",
    "aiohttp",
    "aiosqlite",
    "collections.abc",
    "concurrent.futures",
    "contextvars",
    "dataclasses",
    "functools",
    "inspect",
    "itertools",
    "random",
    "typing",
)

MAX_LINE = 8192  # bytes of one stdout/stderr event; a longer line is sent in chunks
MERGE_NS = 1_000_000  # running segments of a lane less than 1 ms apart are sent as one
SPLIT_NS = 100_000_000  # a merged segment is sent once it is 100 ms long, so long runs show
CALLBACK_NS = 1_000_000  # loop callbacks that are not task steps are drawn only from 1 ms
EXIT_CRASHED = 70
EXIT_LIMIT = 3
DEFAULT_TASK_NAME = re.compile(r"Task-\d+")
DEFAULT_THREAD_NAME = re.compile(r"Thread-\d+( \(.*\))?")

HARNESS_FILE = sys._getframe().f_code.co_filename
# The stdlib packages whose own threads are machinery, not the program's lanes: the executors'
# worker threads (their work items are lanes instead), asyncio's shutdown thread,
# multiprocessing's feeder and manager threads.
MACHINERY = ("asyncio", "concurrent", "multiprocessing")
# Frames to look past for who started a task or a work item: asyncio's and the executors' own.
PLUMBING = (
    os.path.dirname(asyncio.__file__) + os.sep,
    os.path.dirname(concurrent.futures.__file__) + os.sep,
)


# ---------------------------------------------------------------------------------------------
# The protocol: one JSON line per event on our own copy of fd 1.


class Protocol:
    """Writes events to the process's original stdout, whole lines at a time, flushed at once.

    The fd is a duplicate taken at start-up, so a program that closes fd 1 or ``sys.stdout``
    cannot cut us off. It can still write to it (the server tolerates forged lines).
    """

    def __init__(self, fd):
        self.fd = fd
        self.job = 0
        self.lock = threading.RLock()  # re-entrant: a signal handler may print mid-write

    def send(self, type_, **fields):
        event = {"job": self.job, "type": type_}
        event.update(fields)
        # ensure_ascii=False keeps lines short; a lone surrogate (from a task's name, say) is
        # written as a \\udxxx escape, which is still valid JSON.
        self.write(ENCODE(event).encode("utf-8", "backslashreplace") + b"\n")

    def write(self, line):
        with self.lock:
            view = memoryview(line)
            while view:
                try:
                    view = view[write_fd(self.fd, view) :]
                except BlockingIOError:
                    # The program made the pipe non-blocking (the flag is shared with fd 1).
                    select.select([], [self.fd], [])
                except OSError:
                    exit_now(EXIT_CRASHED)  # the server went away: nobody is left to tell


PROTOCOL = Protocol(os.dup(1))
PID = os.getpid()  # ours; a fork of the program's has another, and reports nothing of the run


def crash(message):
    """The harness failed before the program could run."""
    PROTOCOL.send("crashed", message=message)
    exit_now(EXIT_CRASHED)


# ---------------------------------------------------------------------------------------------
# The clock: milliseconds since `started`, to a hundredth.

ORIGIN = now_ns()


def ms(ns):
    return round((ns - ORIGIN) / 1e6, 2)


# ---------------------------------------------------------------------------------------------
# Lanes: what the timeline draws. A lane is opened (span-start) once its name is known, gathers
# the stretches it ran, and is ended (span-end) once.

LOCK = threading.RLock()  # lanes and their names; re-entrant for the same reason as above
TLS = threading.local()  # .lane: whose code runs now on this thread; .base: the thread's own lane
NAME_COUNTS = {}  # name -> how many lanes of that name opened
LABELS = set()  # every label given, so that two lanes never share one
tracking = False  # true from `started` on, in the harness's own process only


class Lane:
    __slots__ = ("name", "created", "label", "ended", "seg_start", "seg_end", "since", "ref")

    def __init__(self, name, created):
        self.name = name  # what to call it; numbered into `label` when it opens
        self.created = created
        self.label = None
        self.ended = False
        self.seg_start = None  # the running segment not sent yet
        self.seg_end = None
        self.since = None  # running since then, for lanes that run in one stretch (main, threads)
        self.ref = None  # the task, weakly, for task lanes

    def open(self):
        with LOCK:
            if self.label is None:
                task = self.ref() if self.ref is not None else None
                if task is not None:
                    self.name = task_name(task, self.name)
                self.label = unique(self.name)
                PROTOCOL.send(
                    "span-start", name=self.label, thread=self.label, start=ms(self.created)
                )

    def ran(self, t0, t1):
        """The lane ran code from t0 to t1 (ns): merged with the segment before when close."""
        if self.seg_start is not None and t0 - self.seg_end < MERGE_NS:
            self.seg_end = t1
        else:
            self.flush()
            self.seg_start, self.seg_end = t0, t1
            dirty = getattr(TLS, "dirty", None)
            if dirty is None:
                dirty = TLS.dirty = []
            dirty.append(self)
        if self.seg_end - self.seg_start >= SPLIT_NS:
            self.flush()

    def flush(self):
        start = self.seg_start
        if start is not None:
            self.seg_start = None
            if self.label is not None:
                PROTOCOL.send("running", thread=self.label, start=ms(start), end=ms(self.seg_end))

    def resume(self, t):
        if self.since is None:
            self.since = t

    def pause(self, t):
        since = self.since
        if since is not None:
            self.since = None
            self.ran(since, t)

    def end(self, t):
        with LOCK:
            if self.ended:
                return
            self.ended = True
            self.open()
            self.pause(t)
            self.flush()
            PROTOCOL.send(
                "span-end", name=self.label, thread=self.label, start=ms(self.created), end=ms(t)
            )


LANES = []  # every lane, to end those still open when the program is over
MAIN = Lane("main", ORIGIN)


def unique(name):
    """`wait`, `wait #2`, `wait #3`: lanes of one name, in the order they open."""
    n = NAME_COUNTS.get(name, 0)
    while True:
        n += 1
        label = name if n == 1 else f"{name} #{n}"
        if label not in LABELS:  # else a program named a task "wait #2" itself
            break
    NAME_COUNTS[name] = n
    LABELS.add(label)
    return label


def new_lane(name, created):
    lane = Lane(name, created)
    with LOCK:
        LANES.append(lane)
    return lane


def flush_thread():
    """Sends the pending segments of this thread's lanes: it is about to wait."""
    dirty = getattr(TLS, "dirty", None)
    if dirty:
        TLS.dirty = []
        for lane in dirty:
            lane.flush()


def callable_name(fn):
    """A function's name for a lane: `fetch`, `Path.read_text`, never `main.<locals>.fetch`."""
    # asyncio.to_thread submits functools.partial(context.run, fn, ...): look through both.
    while isinstance(fn, functools.partial):
        inner = fn.func
        if isinstance(getattr(inner, "__self__", None), contextvars.Context) and fn.args:
            fn = fn.args[0]
        else:
            fn = inner
    return short_name(fn, fn)


def short_name(fn, fallback):
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    if not isinstance(name, str):
        name = type(fallback).__name__
    return name.rsplit("<locals>.", 1)[-1]


def is_library(filename):
    return "site-packages" in filename or "dist-packages" in filename


def started_by_library():
    """Whether the code that started a task or a work item (below asyncio's and the executors'
    frames) is a package's. Such tasks and work items are the library's machinery (aiohttp's
    DNS and request-body tasks, aiofiles' reads on threads): drawing them would crowd out the
    program's own lanes, and the lane that awaits them shows the wait."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename != HARNESS_FILE and not filename.startswith(PLUMBING):
            return is_library(filename)
        frame = frame.f_back
    return False


def current_label():
    """The lane whose code writes: a task's during its step, else the thread's own lane."""
    lane = getattr(TLS, "lane", None)
    if lane is not None and lane.label is not None:
        return lane.label
    # Not threading.current_thread(): on a thread threading does not know (the demo API's) it
    # would make a _DummyThread that the program would then see.
    thread = threading._active.get(_thread.get_ident())
    return thread.name if thread is not None else "?"


# --- asyncio tasks ----------------------------------------------------------------------------
# A task's lane is created when the task is (the C task registers itself in asyncio's set of all
# tasks, whose add() we wrap: no frame of ours is ever between the program and asyncio), and
# opened at its first step, when the name the program gave it (create_task(name=) sets it after
# the task exists) is known. Its steps are timed from the loop's side, in Handle._run.

TASK_LANES = {}  # id(task) -> Lane, while the task is alive and not done
DEMO_LOOP = None  # the demo API's own loop, which is never traced

# The loop's own housekeeping (asyncio.run's shutdown steps): not the program's tasks.
HOUSEKEEPING = {
    base_events.BaseEventLoop.shutdown_asyncgens.__code__,
    base_events.BaseEventLoop.shutdown_default_executor.__code__,
}


def on_task_created(task):
    if not tracking:
        return
    try:
        coro = task.get_coro()
        if getattr(coro, "cr_code", None) in HOUSEKEEPING or task.get_loop() is DEMO_LOOP:
            return
        if started_by_library():
            return
        lane = new_lane(short_name(coro, coro), now_ns())
        key = id(task)

        def gone(_, key=key, lane=lane):
            # The task was collected unfinished ("Task was destroyed but it is pending!").
            if TASK_LANES.get(key) is lane:
                del TASK_LANES[key]
                lane.end(now_ns())

        lane.ref = weakref.ref(task, gone)
        TASK_LANES[key] = lane
    except Exception:
        pass  # never break the program's create_task


def task_name(task, coroutine_name):
    """The name the program gave the task, else its coroutine's name."""
    name = task.get_name()
    if isinstance(name, str) and not DEFAULT_TASK_NAME.fullmatch(name):
        return name
    return coroutine_name


def install_task_registry_hook():
    registry = getattr(sys.modules.get("_asyncio"), "_all_tasks", None)
    if not isinstance(registry, weakref.WeakSet):
        return False
    add = weakref.WeakSet.add

    def add_task(task):
        add(registry, task)
        on_task_created(task)

    registry.add = add_task  # the C task calls all_tasks.add(task) at the end of __init__
    return True


# --- the event loop ---------------------------------------------------------------------------

original_handle_run = events.Handle._run


def handle_run(handle):
    """Every callback of every event loop: a task's step (timed on the task's lane) or other."""
    loop = handle._loop
    if not tracking or loop is DEMO_LOOP:
        return original_handle_run(handle)
    owner = getattr(handle._callback, "__self__", None)  # a step or wake-up is the task's method
    lane = TASK_LANES.get(id(owner)) if owner is not None else None
    if lane is not None and lane.ref() is not owner:
        lane = None
    previous = getattr(TLS, "lane", None)
    if lane is not None:
        if lane.label is None:
            lane.open()
        TLS.lane = lane
    t0 = now_ns()
    try:
        return original_handle_run(handle)
    finally:
        t1 = now_ns()
        TLS.lane = previous
        if lane is not None:
            lane.ran(t0, t1)
            if owner.done():
                TASK_LANES.pop(id(owner), None)
                lane.end(t1)
        elif t1 - t0 >= CALLBACK_NS:
            # A callback that took long (a blocking call in call_later's function) is the
            # thread's own code; the loop's quick machinery (timers, I/O) is not drawn.
            base = getattr(TLS, "base", None)
            if base is not None:
                base.ran(t0, t1)
        if idle(loop):
            flush_thread()


def idle(loop):
    """Whether the loop will wait next: nothing ready, and no timer due within a millisecond."""
    try:
        if loop._ready:
            return False
        if loop._stopping:
            return True
        scheduled = loop._scheduled
        return not scheduled or scheduled[0]._when - loop.time() >= MERGE_NS / 1e9
    except AttributeError:
        return True


original_set_running_loop = events._set_running_loop


def set_running_loop(loop):
    """run_forever calls this as it starts and ends: the thread's own lane waits meanwhile."""
    original_set_running_loop(loop)
    if tracking:
        base = getattr(TLS, "base", None)
        if base is not None:
            now = now_ns()
            if loop is None:
                flush_thread()
                base.resume(now)
            else:
                base.pause(now)


# --- threads ----------------------------------------------------------------------------------

original_bootstrap_inner = threading.Thread._bootstrap_inner


def thread_name(thread):
    if not DEFAULT_THREAD_NAME.fullmatch(thread.name):
        return thread.name  # the program named it
    target = getattr(thread, "_target", None) or getattr(thread, "function", None)  # Timer
    return callable_name(target) if target is not None else thread.name


def is_machinery(thread):
    """The stdlib's own threads, and those a package starts (aiosqlite's, say)."""
    target = getattr(thread, "_target", None)
    if target is not None:
        module = getattr(target, "__module__", None)
        code = getattr(getattr(target, "__func__", target), "__code__", None)
        filename = code.co_filename if code is not None else ""
    else:
        module = type(thread).__module__
        filename = getattr(sys.modules.get(module), "__file__", None) or ""
    if isinstance(module, str) and module.partition(".")[0] in MACHINERY:
        return True
    return is_library(filename)


def bootstrap_inner(thread):
    """A plain thread of the program: one lane, running from its start to its end."""
    if not tracking or is_machinery(thread):
        return original_bootstrap_inner(thread)
    now = now_ns()
    lane = new_lane(thread_name(thread), now)
    lane.open()
    lane.resume(now)
    TLS.lane = TLS.base = lane
    try:
        return original_bootstrap_inner(thread)
    finally:
        TLS.lane = TLS.base = None
        lane.end(now_ns())


WorkItem = getattr(concurrent.futures.thread, "_WorkItem", None)
original_work_init = getattr(WorkItem, "__init__", None)
original_work_run = getattr(WorkItem, "run", None)


def work_init(item, future, fn, args, kwargs):
    """A work item for a thread pool (to_thread, run_in_executor, submit): a lane from now."""
    original_work_init(item, future, fn, args, kwargs)
    if tracking and not started_by_library():
        lane = new_lane(callable_name(fn), now_ns())
        lane.open()
        item._playground_lane = lane


def work_run(item):
    lane = getattr(item, "_playground_lane", None)
    if lane is None:
        return original_work_run(item)
    lane.resume(now_ns())
    TLS.lane = TLS.base = lane
    try:
        return original_work_run(item)
    finally:
        TLS.lane = TLS.base = None
        lane.end(now_ns())


def install_hooks():
    # Where _asyncio has no registry to hook (another CPython), tasks get no lanes: their steps
    # are then the loop's own time, and all else works.
    install_task_registry_hook()
    events.Handle._run = handle_run
    events._set_running_loop = set_running_loop
    threading.Thread._bootstrap_inner = bootstrap_inner
    if WorkItem is not None:
        WorkItem.__init__ = work_init
        WorkItem.run = work_run


def after_fork_in_child():
    """A forked child (multiprocessing, os.fork) keeps printing, but draws no lanes."""
    global tracking, LOCK
    tracking = False
    LOCK = threading.RLock()
    PROTOCOL.lock = threading.RLock()
    for stream in STREAMS:
        stream.lock = threading.RLock()
        stream.pending.clear()  # the parent's unfinished lines are the parent's to send


# ---------------------------------------------------------------------------------------------
# Output: sys.stdout and sys.stderr become text streams over a buffer that turns each line into
# an event, stamped when its newline is written, on the lane of the code that wrote it.


class LineCapture(io.BufferedIOBase):
    def __init__(self, kind, fd):
        super().__init__()
        self.kind = kind
        self.fd = fd
        self.lock = threading.RLock()
        self.pending = {}  # lane label -> bytearray: a line not finished yet, per lane

    @property
    def name(self):
        return f"<{self.kind}>"

    @property
    def mode(self):
        return "wb"

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        # The real descriptor, so that os.isatty(), faulthandler and subprocesses behave as
        # usual; what is written to it directly is shown by the server as unstamped output.
        return self.fd

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        # A line is the unit of the protocol: an unfinished line waits for its newline.

    def write(self, data):
        if self.closed:
            raise ValueError("write to closed file")
        data = memoryview(data).tobytes()  # TypeError for str and int, as a real buffer
        label = current_label()
        now = now_ns()
        lane = getattr(TLS, "lane", None)
        if lane is not None and lane.since is not None and now - lane.since >= SPLIT_NS:
            # A long stretch of the top level or a thread shows as it goes, not only at its end.
            lane.pause(now)
            lane.resume(now)
        with self.lock:
            line = self.pending.get(label)
            if line is None:
                line = self.pending[label] = bytearray()
            line += data
            done = 0  # bytes of `line` sent; cut off once, at the end, however many lines
            while True:
                newline = line.find(b"\n", done, done + MAX_LINE + 1)
                if newline >= 0:
                    self.emit(line[done:newline], now, label)
                    done = newline + 1
                elif len(line) - done > MAX_LINE:
                    cut = done + MAX_LINE
                    # Cut between characters, not inside one (at most 3 bytes back).
                    while cut > done + MAX_LINE - 3 and line[cut] & 0xC0 == 0x80:
                        cut -= 1
                    if line[cut] & 0xC0 == 0x80:
                        cut = done + MAX_LINE
                    self.emit(line[done:cut], now, label)
                    done = cut
                else:
                    break
            del line[:done]
            if not line:
                del self.pending[label]
        return len(data)

    def emit(self, raw, now, label):
        if raw.endswith(b"\r"):
            raw = raw[:-1]  # a line written with \r\n is the same line
        text = raw.decode("utf-8", "replace")  # invalid UTF-8 becomes U+FFFD, never an error
        PROTOCOL.send(self.kind, text=text, t=ms(now), thread=label)

    def drain(self):
        """Sends every lane's unfinished line: the program is over."""
        now = now_ns()
        with self.lock:
            for label, line in list(self.pending.items()):
                if line:
                    self.emit(line, now, label)
            self.pending.clear()


class EmptyInput(io.BytesIO):
    """The program's stdin: at its end, so input() raises EOFError as with `< /dev/null`."""

    name = "<stdin>"

    def fileno(self):
        return 0  # the server closed its end after the job: reading fd 0 also finds the end


STREAMS = []


def capture_output():
    out = LineCapture("stdout", 1)
    err = LineCapture("stderr", 2)
    STREAMS.extend((out, err))
    # Python's own settings for stdio with LANG=C.UTF-8, so the program sees the same streams.
    sys.stdout = sys.__stdout__ = io.TextIOWrapper(
        out, "utf-8", "surrogateescape", line_buffering=True, write_through=True
    )
    sys.stderr = sys.__stderr__ = io.TextIOWrapper(
        err, "utf-8", "backslashreplace", line_buffering=True, write_through=True
    )
    sys.stdin = sys.__stdin__ = io.TextIOWrapper(EmptyInput(), "utf-8", "surrogateescape")
    for stream, mode in ((sys.stdout, "w"), (sys.stderr, "w"), (sys.stdin, "r")):
        stream.mode = mode


def drain_output():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    for capture in STREAMS:
        capture.drain()


# ---------------------------------------------------------------------------------------------
# Limits: running out of memory or threads ends the run with a `limit` event and exit 3. The
# event is encoded before the program starts, and a little memory is held back to be given up
# first, so that reporting it needs no memory the program may have used up.

THREAD_STACK = 1 << 20
BALLAST = None
MEMORY_LINE = b""
THREADS_LINE = b""


def prepare_limits():
    global BALLAST, MEMORY_LINE, THREADS_LINE
    BALLAST = bytearray(256 * 1024)
    for kind, message in (
        ("memory", "The program ran out of memory (MemoryError)."),
        ("threads", "The program started more threads than it may (can't start new thread)."),
    ):
        line = ENCODE({"job": PROTOCOL.job, "type": "limit", "kind": kind, "message": message})
        if kind == "memory":
            MEMORY_LINE = line.encode() + b"\n"
        else:
            THREADS_LINE = line.encode() + b"\n"


def limit_line(error, seen=None):
    """The limit an uncaught exception means, if any (looking inside exception groups)."""
    if isinstance(error, MemoryError):
        return MEMORY_LINE
    if isinstance(error, RuntimeError) and "can't start new thread" in str(error):
        return THREADS_LINE
    if isinstance(error, BaseExceptionGroup):
        seen = seen if seen is not None else set()
        if id(error) not in seen:
            seen.add(id(error))
            for inner in error.exceptions:
                line = limit_line(inner, seen)
                if line:
                    return line
    return None


def hit_limit(line):
    global BALLAST
    BALLAST = None
    PROTOCOL.write(line)
    exit_now(EXIT_LIMIT)


def thread_excepthook(args):
    """threading's own hook, but in Python, whose traceback module shows the program's lines
    (the C one reads them from main.py on disk, which is not there); and out of memory or
    threads in any thread is the run's limit, as in the JVM worker."""
    line = limit_line(args.exc_value)
    if line and tracking:
        hit_limit(line)
    if args.exc_type is SystemExit:
        return  # silently ignored, as by threading
    stderr = sys.stderr
    if stderr is None:
        return
    name = args.thread.name if args.thread is not None else _thread.get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=stderr)
    stderr.flush()


# ---------------------------------------------------------------------------------------------
# The demo API: http://127.0.0.1:8765, on its own event loop in a low-level thread, so that it is
# on no loop of the program's, in no list of threads, and never a lane. It is written with
# callbacks (a Protocol and call_later), not coroutines: every asyncio Task, on any loop, takes a
# number from the one counter behind the default names `Task-1`, `Task-2`, ..., and the program
# must see the names it would see without us.


class DemoApi:
    USER = re.compile(r"/api/users/([0-9]+)(/posts)?/?")

    def __init__(self, config):
        self.port = int(config["port"])
        self.default_delay = int(config["delayMs"]["default"])
        self.max_delay = int(config["delayMs"]["max"])
        self.users = {str(u["id"]): u for u in config["users"]}
        self.titles = list(config["postTitles"])
        self.all_users = self.json(list(config["users"]))

    @staticmethod
    def json(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()

    def start(self):
        """Listens on the port, or does nothing when it is taken (outside a sandbox, where
        another worker serves it on the same loopback). Returns the API's loop, or None."""
        try:
            sock = socket.create_server(("127.0.0.1", self.port), backlog=64)
        except OSError:
            return None
        loop = asyncio.new_event_loop()
        loop.set_exception_handler(lambda loop, context: None)  # never on the program's stderr
        starting = loop.create_server(lambda: DemoConnection(self, loop), sock=sock)
        # Driven by hand rather than by run_until_complete, which would make a task: with a
        # socket given, create_server only ever yields bare (sleep(0)) to the loop.
        try:
            while True:
                if starting.send(None) is not None:
                    raise RuntimeError("create_server waited for a future")
        except StopIteration:
            pass

        def serve_forever():
            try:
                loop.run_forever()
            except BaseException:
                pass

        _thread.start_new_thread(serve_forever, ())
        return loop

    def answer(self, target):
        """The status and body for a request target, and how long to wait before answering."""
        parts = urllib.parse.urlsplit(target)
        path = urllib.parse.unquote(parts.path)
        delay = self.default_delay
        for param in urllib.parse.unquote(parts.query).split("&"):
            if param.startswith("delay="):
                value = param[6:]
                if re.fullmatch(r"[+-]?[0-9]{1,18}", value):
                    delay = int(value)
                break
        delay = min(max(delay, 0), self.max_delay)
        match = self.USER.fullmatch(path)
        if path in ("/api/users", "/api/users/"):
            return 200, self.all_users, delay
        if match and match.group(1) in self.users:
            user = self.users[match.group(1)]
            if match.group(2) is None:
                return 200, self.json(user), delay
            uid = user["id"]
            posts = [
                {"id": uid * 10 + i + 1, "userId": uid, "title": title}
                for i, title in enumerate(self.titles[:2])
            ]
            return 200, self.json(posts), delay
        return 404, b'{"error":"not found"}', delay


class DemoConnection(asyncio.Protocol):
    """One client connection: HTTP/1.1 requests one after another, each answered after its
    delay; keep-alive unless the client says otherwise."""

    END_OF_HEAD = re.compile(rb"\r?\n\r?\n")
    MAX_HEAD = 64 * 1024

    def __init__(self, api, loop):
        self.api = api
        self.loop = loop
        self.transport = None
        self.buffer = bytearray()
        self.skip = 0  # bytes of a request body still to come, to be ignored
        self.waiting = False  # a request is being answered (after its delay)

    def connection_made(self, transport):
        self.transport = transport

    def connection_lost(self, exc):
        self.transport = None

    def data_received(self, data):
        if self.skip:
            dropped = min(self.skip, len(data))
            data = data[dropped:]
            self.skip -= dropped
        self.buffer += data
        self.next_request()

    def next_request(self):
        if self.waiting or self.transport is None or self.skip:
            return
        end = self.END_OF_HEAD.search(self.buffer)
        if end is None:
            if len(self.buffer) > self.MAX_HEAD:
                self.transport.close()
            return
        head = bytes(self.buffer[: end.start()]).decode("latin-1").lstrip("\r\n")
        del self.buffer[: end.end()]
        lines = head.split("\n")
        fields = lines[0].split()
        headers = {}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        length = headers.get("content-length", "0")
        if len(fields) != 3 or not length.isdigit() or "transfer-encoding" in headers:
            self.transport.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            self.transport.close()
            return
        dropped = min(int(length), len(self.buffer))  # a body is allowed, and ignored
        del self.buffer[:dropped]
        self.skip = int(length) - dropped
        method, target, version = fields
        keep = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        status, body, delay = self.api.answer(target)
        self.waiting = True
        self.loop.call_later(delay / 1000, self.respond, method, status, body, keep)

    def respond(self, method, status, body, keep):
        self.waiting = False
        if self.transport is None:
            return
        reason = "OK" if status == 200 else "Not Found"
        head = (
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n" + ("" if keep else "Connection: close\r\n") + "\r\n"
        )
        self.transport.write(head.encode() + (b"" if method == "HEAD" else body))
        if keep:
            self.next_request()
        else:
            self.transport.close()


# ---------------------------------------------------------------------------------------------
# The run.


def read_job():
    """One line from stdin: the job. No line: the server let us go (exit 2)."""
    line = sys.stdin.buffer.readline()
    if not line:
        exit_now(2)
    try:
        job = json.loads(line.decode("utf-8"))
        PROTOCOL.job = int(job["job"]) if isinstance(job, dict) else 0
        if job.get("type") != "script":
            raise ValueError(f"not a script job: {job.get('type')!r}")
        file, source = job["file"], job["source"]
        if not isinstance(file, str) or not isinstance(source, str):
            raise ValueError("file and source must be text")
        return file, source
    except Exception as e:
        # Like the JVM worker: an unreadable job ends the worker with exit 1 (said on stderr);
        # `crashed` gives the server the reason for its message.
        message = f"unreadable job: {type(e).__name__}: {e}"
        PROTOCOL.send("crashed", message=message)
        os.write(2, message.encode("utf-8", "replace") + b"\n")
        exit_now(1)


def compile_program(file, source):
    """The code object, or diagnostics, compile-failed and exit 1."""
    if source.startswith("\ufeff"):
        source = source[1:]
    try:
        # SyntaxWarnings are the compiler's warnings here, shown as javac's are: diagnostics.
        with warnings.catch_warnings(record=True) as caught:
            code = compile(source, file, "exec", dont_inherit=True)
    except SyntaxError as e:  # IndentationError and TabError too
        report_diagnostic("error", e.lineno, e.offset, f"{type(e).__name__}: {e.msg}")
        compile_failed()
    except ValueError as e:  # "source code string cannot contain null bytes"
        nul = source.find("\0")
        line = source.count("\n", 0, nul) + 1 if nul >= 0 else 1
        column = nul - source.rfind("\n", 0, nul) if nul >= 0 else 1
        report_diagnostic("error", line, column, f"SyntaxError: {e}")
        compile_failed()
    except Exception as e:  # too deeply nested to compile, and the like
        report_diagnostic("error", 1, 1, f"{type(e).__name__}: {e}")
        compile_failed()
    for w in caught:
        text = f"{w.category.__name__}: {w.message}"
        report_diagnostic("warning", w.lineno, 1, text)
    # Tracebacks and warnings show the program's lines from here: there is no main.py on disk.
    linecache.cache[file] = (len(source), None, source.splitlines(True), file)
    return code


def report_diagnostic(severity, line, column, message):
    line = line if isinstance(line, int) and line > 0 else 1
    column = column if isinstance(column, int) and column > 0 else 1
    PROTOCOL.send("diagnostic", severity=severity, line=line, column=column, message=message)


def compile_failed():
    PROTOCOL.send("compile-failed")
    exit_now(1)


def strip_harness_frames(error, seen):
    """Leaves out our frames (the exec that runs the program) from an exception's traceback and
    from those of its causes and contexts, so tracebacks read as they would without us."""
    if error is None or id(error) in seen:
        return
    seen.add(id(error))
    head = last = None
    tb = error.__traceback__
    while tb is not None:
        following = tb.tb_next
        if tb.tb_frame.f_code.co_filename != HARNESS_FILE:
            if last is None:
                head = tb
            else:
                last.tb_next = tb
            last = tb
        tb = following
    if last is not None:
        last.tb_next = None
    error.__traceback__ = head
    strip_harness_frames(error.__cause__, seen)
    strip_harness_frames(error.__context__, seen)
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            strip_harness_frames(inner, seen)


def exit_code(error):
    """What Python exits with for SystemExit: its code, or 1 after printing a message."""
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(f"{code}\n")
    except Exception:
        pass
    return 1


def run(file, code):
    """Runs the program as __main__, as `python3 main.py` would; returns its exit code."""
    module = types.ModuleType("__main__")
    module.__file__ = file
    module.__builtins__ = builtins
    module.__loader__ = None
    sys.modules["__main__"] = module  # pickle (process pools) finds the program's functions
    sys.argv = [file]
    try:
        sys.path.insert(0, os.getcwd())  # the script's folder, as for `python3 main.py`
    except OSError:
        pass
    try:
        exec(code, module.__dict__)
        return 0
    except SystemExit as e:
        return exit_code(e)
    except BaseException as e:
        line = limit_line(e) if os.getpid() == PID else None
        if line:
            hit_limit(line)
        strip_harness_frames(e, set())
        print_uncaught(e)
        return 130 if isinstance(e, KeyboardInterrupt) else 1


def print_uncaught(error):
    """The traceback, as Python prints it; through the traceback module when the hook is the
    default, since the C one reads the program's lines from a main.py on disk."""
    hook = sys.excepthook
    try:
        if hook is sys.__excepthook__:
            traceback.print_exception(type(error), error, error.__traceback__)
        else:
            hook(type(error), error, error.__traceback__)
    except BaseException as hook_error:
        print("Error in sys.excepthook:", file=sys.stderr)
        traceback.print_exception(hook_error)
        print("\nOriginal exception was:", file=sys.stderr)
        traceback.print_exception(error)


def finish(code, cpu_start):
    """As the interpreter would: wait for non-daemon threads, run atexit, then report."""
    try:
        threading._shutdown()
    except BaseException:
        pass
    try:
        atexit._run_exitfuncs()
    except BaseException:
        pass
    try:
        gc.collect()  # "never awaited" and "destroyed but pending" of what is left over
    except BaseException:
        pass
    drain_output()
    if os.getpid() != PID:
        exit_now(code)  # a fork that ran on to the end: the run is the parent's to report
    now = now_ns()
    global tracking
    tracking = False
    with LOCK:
        for lane in LANES:
            lane.end(now)
    cpu_ms = round((process_time() - cpu_start) * 1000, 2)
    PROTOCOL.send("finished", wallMs=ms(now), cpuMs=cpu_ms)
    exit_now(code)


def main():
    global DEMO_LOOP, ORIGIN, tracking
    try:
        for name in PRELOAD:
            try:
                __import__(name)
            except Exception:
                pass
        # A thread's stack is private memory, counted against the run's RLIMIT_DATA. glibc's
        # default (RLIMIT_STACK, 8 MiB) would let a program start only a score of threads; with
        # the JVM's default, 1 MiB, it reaches its process limit first, as a Java program does.
        threading.stack_size(THREAD_STACK)
        if len(sys.argv) > 1:
            with open(sys.argv[1], encoding="utf-8") as f:
                DEMO_LOOP = DemoApi(json.load(f)).start()
        install_hooks()
        os.register_at_fork(after_in_child=after_fork_in_child)
        # What is loaded now lives as long as the process: keep it out of the program's garbage
        # collections (and untouched in forked children).
        gc.collect()
        gc.freeze()
    except Exception as e:
        crash(f"the harness could not start: {type(e).__name__}: {e}")
    PROTOCOL.send("ready")

    file, source = read_job()
    program = compile_program(file, source)
    try:
        prepare_limits()
        capture_output()
        threading.excepthook = thread_excepthook
    except Exception as e:
        crash(f"the harness could not prepare the run: {type(e).__name__}: {e}")

    cpu_start = process_time()
    ORIGIN = MAIN.created = now_ns()
    PROTOCOL.send("started")
    with LOCK:
        LANES.append(MAIN)
    MAIN.open()
    MAIN.resume(ORIGIN)
    TLS.lane = TLS.base = MAIN
    tracking = True
    code = run(file, program)
    if os.getpid() == PID:
        MAIN.end(now_ns())
    finish(code, cpu_start)


if __name__ == "__main__":
    main()
