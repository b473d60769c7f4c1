"""Tests of the Python run harness (src/main/resources/.../run/script/harness.py).

Each test starts the real harness with Debian's /usr/bin/python3 (the interpreter the server uses,
with aiohttp, aiofiles and aiosqlite), the way the server does: it waits for `ready`, sends one
`script` job, closes stdin and reads the events to the end. Then it checks them against the
protocol (docs/protocol.md, section 7) and against what the program did.

    cd /work/main && /usr/bin/python3 -m unittest discover -s src/test/python -v

The demo API listens on 127.0.0.1:8765. Tests that need it are skipped, saying why, when another
process already holds that port (a running server's worker outside a sandbox, say).
"""

import json
import os
import re
import resource
import socket
import subprocess
import tempfile
import textwrap
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HARNESS = ROOT / "src/main/resources/dev/polyglot/playground/run/script/harness.py"
DEMO_API = ROOT / "src/main/resources/dev/polyglot/playground/run/worker/demo-api.json"
SNIPPETS = ROOT / "snippets"
PYTHON = "/usr/bin/python3"
PORT = json.loads(DEMO_API.read_text())["port"]
JOB = 4861027563419


def port_free():
    """Whether the demo API's port can be bound, as the harness would bind it."""
    try:
        socket.create_server(("127.0.0.1", PORT)).close()
        return True
    except OSError:
        return False


class Run:
    """One program run through the harness: its events (after `ready`), exit code and stderr."""

    def __init__(self, events, code, stderr):
        self.events = events
        self.code = code
        self.stderr = stderr

    def of(self, type_):
        return [e for e in self.events if e["type"] == type_]

    def lines(self, stream="stdout"):
        return [e["text"] for e in self.of(stream)]

    def text(self, stream="stdout"):
        """The stream's text as a comparison of outputs wants it: no trailing whitespace."""
        return "\n".join(line.rstrip() for line in self.lines(stream)).rstrip()

    def spans(self):
        """label -> (start, end) for every lane."""
        starts = {e["name"]: e["start"] for e in self.of("span-start")}
        return {e["name"]: (starts[e["name"]], e["end"]) for e in self.of("span-end")}

    def running(self, lane):
        return [(e["start"], e["end"]) for e in self.of("running") if e["thread"] == lane]

    def describe(self):
        return "\n".join(json.dumps(e) for e in self.events) + f"\nexit {self.code}\n{self.stderr}"


def run(source, file="main.py", timeout=60, preexec_fn=None, job_line=None):
    """Runs a program through the harness and returns what it reported."""
    with tempfile.TemporaryDirectory() as scratch:
        process = subprocess.Popen(
            [PYTHON, "-I", "-B", str(HARNESS), str(DEMO_API)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=scratch,
            env={"LANG": "C.UTF-8", "HOME": scratch},
            preexec_fn=preexec_fn,
        )
        try:
            ready = json.loads(process.stdout.readline())
            assert ready == {"job": 0, "type": "ready"}, ready
            if job_line is None:
                job = {"job": JOB, "type": "script", "file": file, "source": source}
                job_line = json.dumps(job) + "\n"
            if job_line:
                process.stdin.write(job_line.encode())
            process.stdin.close()
            process.stdin = None  # closed: communicate() must not flush it
            out, err = process.communicate(timeout=timeout)
        finally:
            process.kill()
            process.wait()
    events = [json.loads(line) for line in out.decode().splitlines()]
    return Run(events, process.returncode, err.decode())


def plain_python(source):
    """What `python3 main.py` prints without us: (exit code, stdout, stderr)."""
    with tempfile.TemporaryDirectory() as scratch:
        Path(scratch, "main.py").write_text(source)
        done = subprocess.run(
            [PYTHON, "-I", "-B", "main.py"],
            cwd=scratch,
            env={"LANG": "C.UTF-8", "HOME": scratch},
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
    # Python names the script by its absolute path; the protocol's tracebacks say "main.py".
    out, err = (
        t.decode().replace(scratch + os.sep, "").rstrip() for t in (done.stdout, done.stderr)
    )
    return done.returncode, out, err


def check_protocol(test, result, finished=True):
    """What every run must respect: envelope, order, lanes opened once and ended once, output
    and running only on open lanes, running inside the lane's span and in order."""
    events, describe = result.events, result.describe()
    test.assertTrue(events, describe)
    for event in events:
        test.assertEqual(event["job"], JOB, describe)
    test.assertEqual(events[0]["type"], "started", describe)
    main = {"job": JOB, "type": "span-start", "name": "main", "thread": "main", "start": 0.0}
    test.assertEqual(events[1], main, describe)
    if finished:
        test.assertEqual(events[-1]["type"], "finished", describe)
        test.assertEqual(sum(e["type"] == "finished" for e in events), 1, describe)
        test.assertGreaterEqual(events[-1]["wallMs"], 0, describe)
        test.assertGreaterEqual(events[-1]["cpuMs"], 0, describe)
    opened, ended, last_running = {}, {}, {}
    for event in events:
        kind = event["type"]
        if kind == "span-start":
            test.assertEqual(event["name"], event["thread"], describe)
            test.assertNotIn(event["name"], opened, f"lane opened twice\n{describe}")
            opened[event["name"]] = event["start"]
        elif kind == "span-end":
            name = event["name"]
            test.assertIn(name, opened, f"ended before it opened\n{describe}")
            test.assertNotIn(name, ended, f"lane ended twice\n{describe}")
            test.assertEqual(event["start"], opened[name], describe)
            test.assertLessEqual(event["start"], event["end"], describe)
            ended[name] = event["end"]
        elif kind == "running":
            lane = event["thread"]
            test.assertIn(lane, opened, f"running on a lane not opened\n{describe}")
            test.assertLessEqual(event["start"], event["end"], describe)
            test.assertGreaterEqual(event["start"], opened[lane] - 0.02, describe)
            if lane in ended:
                test.assertLessEqual(event["end"], ended[lane] + 0.02, describe)
            test.assertGreaterEqual(event["start"], last_running.get(lane, 0) - 0.02, describe)
            last_running[lane] = event["end"]
        elif kind in ("stdout", "stderr"):
            test.assertIn(event["thread"], opened, f"output on a lane not opened\n{describe}")
            test.assertLessEqual(len(event["text"].encode()), 8192, describe)
    if finished:
        test.assertEqual(set(opened), set(ended), f"lanes left open\n{describe}")


class HarnessTest(unittest.TestCase):
    def run_checked(self, source, finished=True, **kwargs):
        result = run(textwrap.dedent(source), **kwargs)
        check_protocol(self, result, finished)
        return result

    def test_hello_world(self):
        result = self.run_checked('print("hello, world")\n')
        self.assertEqual(result.code, 0, result.describe())
        kinds = ["started", "span-start", "stdout", "running", "span-end", "finished"]
        self.assertEqual([e["type"] for e in result.events], kinds, result.describe())
        line = result.of("stdout")[0]
        self.assertEqual((line["text"], line["thread"]), ("hello, world", "main"))
        self.assertEqual(result.stderr, "")

    def test_gather_names_lanes_after_the_coroutine_and_they_mostly_wait(self):
        result = self.run_checked(
            """
            import asyncio

            async def wait():
                await asyncio.sleep(0.3)

            async def main():
                await asyncio.gather(wait(), wait(), wait())

            asyncio.run(main())
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        spans = result.spans()
        # The top level is `main`, so the task of main() is `main #2`.
        self.assertEqual(set(spans), {"main", "main #2", "wait", "wait #2", "wait #3"})
        waits = [spans[name] for name in ("wait", "wait #2", "wait #3")]
        self.assertLess(max(start for start, _ in waits), min(end for _, end in waits))
        for name in ("wait", "wait #2", "wait #3"):
            start, end = spans[name]
            self.assertGreaterEqual(end - start, 290, result.describe())
            busy = sum(e - s for s, e in result.running(name))
            self.assertTrue(result.running(name), result.describe())
            self.assertLess(busy, 0.1 * (end - start), result.describe())

    def test_a_blocked_loop_is_one_long_running_segment_of_its_task(self):
        result = self.run_checked(
            """
            import asyncio, time

            async def ticker():
                for _ in range(3):
                    await asyncio.sleep(0.05)

            async def blocker():
                await asyncio.sleep(0.01)
                time.sleep(0.3)

            async def main():
                await asyncio.gather(ticker(), blocker())

            asyncio.run(main())
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        long = [(s, e) for s, e in result.running("blocker") if e - s >= 280]
        self.assertEqual(len(long), 1, result.describe())
        start, end = long[0]
        for event in result.of("running"):
            if event["thread"] != "blocker":
                overlap = min(end, event["end"]) - max(start, event["start"])
                self.assertLessEqual(overlap, 0.02, f"{event} ran during the block")

    def test_a_named_task_is_its_own_lane_and_the_program_sees_its_names(self):
        result = self.run_checked(
            """
            import asyncio, threading

            async def download():
                me = asyncio.current_task()
                print(me.get_name(), isinstance(me, asyncio.Task))
                await asyncio.sleep(0.01)

            async def main():
                task = asyncio.create_task(download(), name="downloader")
                other = asyncio.create_task(download())
                print(len(asyncio.all_tasks()), threading.active_count())
                await task
                await other

            asyncio.run(main())
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(
            result.lines(), ["3 1", "downloader True", "Task-3 True"], result.describe()
        )
        self.assertIn("downloader", result.spans())
        self.assertIn("download", result.spans())
        by_lane = {e["text"]: e["thread"] for e in result.of("stdout")}
        self.assertEqual(by_lane["downloader True"], "downloader")
        self.assertEqual(by_lane["Task-3 True"], "download")
        self.assertEqual(by_lane["3 1"], "main #2")

    def test_thread_work_items_and_threads_are_lanes(self):
        result = self.run_checked(
            """
            import asyncio, threading, time
            from concurrent.futures import ThreadPoolExecutor

            def legacy_lookup(user_id):
                time.sleep(0.1)
                print(f"looked up {user_id}")
                return user_id

            def worker():
                print("in a thread")

            async def main():
                await asyncio.gather(asyncio.to_thread(legacy_lookup, 1),
                                     asyncio.to_thread(legacy_lookup, 2))
                with ThreadPoolExecutor() as pool:
                    pool.submit(legacy_lookup, 3).result()

            asyncio.run(main())
            thread = threading.Thread(target=worker)
            thread.start()
            thread.join()
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        spans = result.spans()
        self.assertTrue(
            {"legacy_lookup", "legacy_lookup #2", "legacy_lookup #3", "worker"} <= set(spans),
            result.describe(),
        )
        self.assertFalse([n for n in spans if "ThreadPoolExecutor" in n or "_worker" in n])
        for lane in ("legacy_lookup", "legacy_lookup #2", "legacy_lookup #3"):
            start, end = spans[lane]
            self.assertGreaterEqual(sum(e - s for s, e in result.running(lane)), 95)
        by_text = {e["text"]: e["thread"] for e in result.of("stdout")}
        self.assertEqual(by_text["in a thread"], "worker")
        self.assertEqual(by_text["looked up 3"], "legacy_lookup #3")
        self.assertIn(by_text["looked up 1"], ("legacy_lookup", "legacy_lookup #2"))

    def test_lanes_of_named_threads_timers_and_library_threads(self):
        result = self.run_checked(
            """
            import asyncio, aiosqlite, threading

            def work():
                pass

            for name in ("fetcher", None):
                thread = threading.Thread(target=work, name=name)
                thread.start()
                thread.join()
            timer = threading.Timer(0.01, work)
            timer.start()
            timer.join()

            async def main():
                async with aiosqlite.connect(":memory:") as db:  # a thread of its own
                    async with db.execute("select 6 * 7") as cursor:
                        print(await cursor.fetchone())

            asyncio.run(main())
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(result.lines(), ["(42,)"])
        self.assertEqual(set(result.spans()), {"main", "main #2", "fetcher", "work", "work #2"})

    def test_a_programs_own_task_factory_and_loops_work(self):
        result = self.run_checked(
            """
            import asyncio

            class Traced(asyncio.Task):
                pass

            def factory(loop, coro, **kwargs):
                return Traced(coro, loop=loop, **kwargs)

            async def child(n):
                await asyncio.sleep(0.01)
                return n

            async def main():
                loop = asyncio.get_running_loop()
                loop.set_task_factory(factory)
                print(loop.get_task_factory() is factory, await asyncio.gather(child(1), child(2)))
                print(type(asyncio.current_task()).__name__, asyncio.current_task().get_name())

            asyncio.run(main())
            loop = asyncio.new_event_loop()
            print(loop.run_until_complete(child(3)))
            loop.close()
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(result.lines(), ["True [1, 2]", "Task Task-1", "3"])
        self.assertEqual(set(result.spans()), {"main", "main #2", "child", "child #2", "child #3"})

    def test_non_daemon_threads_are_waited_for(self):
        result = self.run_checked(
            """
            import threading, time

            def late():
                time.sleep(0.2)
                print("late thread done")

            threading.Thread(target=late).start()
            print("main done")
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(result.lines(), ["main done", "late thread done"])
        spans = result.spans()
        self.assertLess(spans["main"][1], spans["late"][1])
        self.assertGreaterEqual(result.of("finished")[0]["wallMs"], spans["late"][1])

    def test_a_syntax_error_is_a_diagnostic_at_its_line_and_column(self):
        result = run("x = 1\nif x > 0\n    print(x)\n")
        self.assertEqual(result.code, 1, result.describe())
        types = [e["type"] for e in result.events]
        self.assertEqual(types, ["diagnostic", "compile-failed"], result.describe())
        diagnostic = result.events[0]
        self.assertEqual(diagnostic["severity"], "error")
        self.assertEqual((diagnostic["line"], diagnostic["column"]), (2, 9))
        self.assertIn("expected ':'", diagnostic["message"])

    def test_an_indentation_error_is_a_diagnostic_too(self):
        result = run("def f():\nreturn 1\n")
        self.assertEqual(result.code, 1, result.describe())
        self.assertEqual([e["type"] for e in result.events], ["diagnostic", "compile-failed"])
        self.assertEqual(result.events[0]["line"], 2)
        self.assertIn("IndentationError", result.events[0]["message"])

    def test_an_uncaught_exception_prints_the_programs_traceback_only(self):
        source = textwrap.dedent(
            """
            import asyncio

            async def fetch(user_id):
                await asyncio.sleep(0.01)
                raise LookupError(f"no user {user_id}")

            asyncio.run(fetch(99))
            print("not reached")
            """
        )
        result = self.run_checked(source)
        self.assertEqual((result.code, "", result.text("stderr")), plain_python(source))
        self.assertEqual(result.code, 1, result.describe())
        self.assertEqual(result.lines(), [])
        stderr = result.text("stderr")
        self.assertTrue(stderr.startswith("Traceback (most recent call last):"), stderr)
        self.assertIn('File "main.py", line 8, in <module>', stderr)
        self.assertIn("    asyncio.run(fetch(99))", stderr)  # the program's own line
        self.assertIn('File "main.py", line 6, in fetch', stderr)
        self.assertTrue(stderr.endswith("LookupError: no user 99"), stderr)
        self.assertNotIn("harness", stderr)
        self.assertEqual(result.of("stderr")[0]["thread"], "main")

    def test_output_and_errors_are_those_of_plain_python(self):
        programs = {
            "task group": """
                import asyncio

                async def fail(n):
                    await asyncio.sleep(0.01 * n)
                    raise ValueError(f"job {n}")

                async def main():
                    async with asyncio.TaskGroup() as group:
                        for n in (1, 2):
                            group.create_task(fail(n))

                asyncio.run(main())
                """,
            "thread": """
                import threading

                def work():
                    {}["missing"]

                thread = threading.Thread(target=work, name="worker-1")
                thread.start()
                thread.join()
                print("main goes on")
                """,
            "to_thread": """
                import asyncio

                def blocking():
                    raise OSError("disk full")

                async def main():
                    try:
                        await asyncio.to_thread(blocking)
                    except OSError as e:
                        raise RuntimeError("save failed") from e

                asyncio.run(main())
                """,
            "never retrieved": """
                import asyncio, gc

                async def fail():
                    raise ConnectionError("refused")

                async def main():
                    asyncio.create_task(fail())
                    await asyncio.sleep(0.01)
                    gc.collect()

                asyncio.run(main())
                """,
            "exit message": "import sys\nprint('bye')\nsys.exit('config missing')\n",
        }
        for label, source in programs.items():
            with self.subTest(label):
                source = textwrap.dedent(source)
                result = self.run_checked(source)
                mine = (result.code, result.text(), result.text("stderr"))
                self.assertEqual(mine, plain_python(source))

    def test_a_coroutine_never_awaited_warns_on_stderr(self):
        source = textwrap.dedent(
            """
            import asyncio

            async def save(name):
                await asyncio.sleep(0.01)

            async def main():
                save("Ada")
                await asyncio.sleep(0.01)

            asyncio.run(main())
            """
        )
        result = self.run_checked(source)
        self.assertEqual((result.code, "", result.text("stderr")), plain_python(source))
        self.assertIn(
            "main.py:8: RuntimeWarning: coroutine 'save' was never awaited", result.text("stderr")
        )
        self.assertIn('  save("Ada")', result.lines("stderr"))  # the line, as warnings shows it

    def test_sys_exit_sets_the_exit_code_and_still_finishes(self):
        result = self.run_checked('import sys\nprint("bye")\nsys.exit(3)\n')
        self.assertEqual(result.code, 3, result.describe())
        self.assertEqual(result.lines(), ["bye"])
        result = self.run_checked('import sys\nsys.exit("no config")\n')
        self.assertEqual(result.code, 1, result.describe())
        self.assertEqual(result.lines("stderr"), ["no config"])

    def test_sys_exit_inside_a_task(self):
        result = self.run_checked(
            """
            import asyncio, sys

            async def main():
                await asyncio.sleep(0.01)
                sys.exit(4)

            asyncio.run(main())
            """
        )
        self.assertEqual(result.code, 4, result.describe())
        self.assertEqual(result.lines("stderr"), [])

    def test_bytes_html_and_partial_lines_arrive_as_written(self):
        result = self.run_checked(
            """
            import sys
            sys.stdout.buffer.write(b"caf\\xc3\\xa9 \\xff\\xfe!\\r\\n")
            print("<b>bold</b> & <script>x</script>")
            print("\\udcff lone")  # surrogateescape: the byte 0xff
            sys.stderr.write("no newline at the end")
            print("partial", end="")
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(
            result.lines(),
            ["café \ufffd\ufffd!", "<b>bold</b> & <script>x</script>", "\ufffd lone", "partial"],
        )
        self.assertEqual(result.lines("stderr"), ["no newline at the end"])
        self.assertLess(result.of("stdout")[-1]["t"], result.of("finished")[0]["wallMs"] + 0.01)

    def test_a_line_over_8_kib_is_sent_in_chunks(self):
        result = self.run_checked('print("é" * 3000 + "x" * 12000)\nprint("next")\n')
        self.assertEqual(result.code, 0, result.describe())
        chunks = result.lines()
        self.assertEqual([len(c.encode()) for c in chunks], [8192, 8192, 1616, 4])
        self.assertEqual("".join(chunks[:3]), "é" * 3000 + "x" * 12000)
        self.assertEqual(chunks[3], "next")

    def test_chunks_are_cut_between_characters(self):
        result = self.run_checked('print("x" + "é" * 5000)\n')
        chunks = result.lines()
        self.assertEqual([len(c.encode()) for c in chunks], [8191, 1810])
        self.assertEqual("".join(chunks), "x" + "é" * 5000)

    def test_the_demo_api_answers_urllib(self):
        if not port_free():
            self.skipTest(f"port {PORT} is taken, so the harness would not serve the demo API")
        result = self.run_checked(
            """
            import json, time, urllib.request, urllib.error
            base = "http://127.0.0.1:8765"
            for path in ("/api/users/1?delay=0", "/api/users/2/posts?delay=0",
                         "/api/users?delay=x", "/api/users/9?delay=0"):
                try:
                    with urllib.request.urlopen(base + path) as response:
                        print(response.status, response.headers["Content-Type"], response.read().decode())
                except urllib.error.HTTPError as e:
                    print(e.code, e.read().decode())
            start = time.perf_counter()
            urllib.request.urlopen(base + "/api/users/3?delay=300").read()
            print(time.perf_counter() - start >= 0.3)  # it waited as asked
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        users = json.loads(DEMO_API.read_text())["users"]
        self.assertEqual(
            result.lines(),
            [
                '200 application/json {"id":1,"name":"Ada Lovelace","email":"ada@example.com"}',
                '200 application/json [{"id":21,"userId":2,"title":"Notes on async"},'
                '{"id":22,"userId":2,"title":"Waiting well"}]',
                "200 application/json " + json.dumps(users, separators=(",", ":")),
                '404 {"error":"not found"}',
                "True",
            ],
        )
        self.assertEqual(set(result.spans()), {"main"}, "the demo API is never a lane")

    def test_the_demo_api_answers_aiohttp_concurrently(self):
        if not port_free():
            self.skipTest(f"port {PORT} is taken, so the harness would not serve the demo API")
        result = self.run_checked(
            """
            import asyncio, aiohttp

            async def get(session, user_id, delay):
                url = f"http://127.0.0.1:8765/api/users/{user_id}?delay={delay}"
                async with session.get(url) as response:
                    print((await response.json())["name"])

            async def main():
                async with aiohttp.ClientSession() as session:
                    await asyncio.gather(get(session, 1, 300), get(session, 2, 50))
                print(len(asyncio.all_tasks()))

            asyncio.run(main())
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(result.lines(), ["Alan Turing", "Ada Lovelace", "1"])
        # aiohttp's own tasks (DNS, request bodies) are the library's, not lanes.
        self.assertEqual(set(result.spans()), {"main", "main #2", "get", "get #2"})

    def test_running_out_of_memory_is_a_limit(self):
        def small_heap():
            limit = 400 * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))

        result = run(
            'print("filling")\nkept = []\nwhile True:\n    kept.append(" " * 1_000_000)\n',
            preexec_fn=small_heap,
        )
        self.assertEqual(result.code, 3, result.describe())
        self.assertEqual(result.events[-1]["type"], "limit", result.describe())
        self.assertEqual(result.events[-1]["kind"], "memory")
        self.assertIn("ran out of memory", result.events[-1]["message"])
        self.assertEqual(result.lines(), ["filling"])

    def test_a_hundred_threads_fit_in_a_runs_memory(self):
        # The server's default RLIMIT_DATA for a run (Limits.DEFAULTS: 128 + 192 MiB). With
        # glibc's 8 MiB thread stacks, a couple of dozen threads would exhaust it.
        def run_memory():
            limit = 320 * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))

        result = run(
            "import threading, time\n"
            "threads = [threading.Thread(target=time.sleep, args=(0.3,)) for _ in range(100)]\n"
            "for t in threads:\n"
            "    t.start()\n"
            "for t in threads:\n"
            "    t.join()\n"
            'print("all", len(threads))\n',
            preexec_fn=run_memory,
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(result.lines(), ["all 100"])

    def test_a_thread_that_cannot_start_is_a_limit(self):
        # As root, RLIMIT_NPROC does not bind: fail the start the way CPython does when it does.
        result = run(
            "import threading, _thread\n"
            "def refuse(*args):\n"
            '    raise RuntimeError("can\'t start new thread")\n'
            "threading._start_new_thread = refuse\n"
            "threading.Thread(target=print).start()\n"
        )
        self.assertEqual(result.code, 3, result.describe())
        self.assertEqual(result.events[-1]["type"], "limit", result.describe())
        self.assertEqual(result.events[-1]["kind"], "threads")

    def test_stdin_closed_before_a_job_exits_2(self):
        result = run("", job_line="")
        self.assertEqual((result.code, result.events), (2, []))

    def test_an_unreadable_job_exits_1(self):
        result = run("", job_line="{not json\n")
        self.assertEqual(result.code, 1, result.describe())
        self.assertEqual([e["type"] for e in result.events], ["crashed"])
        self.assertIn("unreadable job", result.stderr)

    def test_a_harness_that_cannot_start_says_so_and_exits_70(self):
        done = subprocess.run(
            [PYTHON, "-I", "-B", str(HARNESS), "/nonexistent/demo-api.json"],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            env={"LANG": "C.UTF-8"},
            timeout=60,
        )
        self.assertEqual(done.returncode, 70)
        events = [json.loads(line) for line in done.stdout.decode().splitlines()]
        self.assertEqual([(e["job"], e["type"]) for e in events], [(0, "crashed")])
        self.assertIn("FileNotFoundError", events[0]["message"])

    def test_a_taken_port_means_no_demo_api_and_nothing_else(self):
        if not port_free():
            self.skipTest(f"port {PORT} is taken already")
        with socket.create_server(("127.0.0.1", PORT)):
            result = self.run_checked('print("still runs")\n')
        self.assertEqual((result.code, result.lines()), (0, ["still runs"]))

    def test_the_program_is_main_with_empty_stdin(self):
        result = self.run_checked(
            """
            import sys, pickle
            def f(): pass
            print(__name__, __file__, sys.argv, pickle.loads(pickle.dumps(f)) is f)
            try:
                input()
            except EOFError:
                print("EOF")
            print(sys.stdout.isatty(), sys.stdout.encoding, sys.stdout.name, sys.stdin.name)
            """
        )
        self.assertEqual(result.code, 0, result.describe())
        self.assertEqual(
            result.lines(),
            ["__main__ main.py ['main.py'] True", "EOF", "False utf-8 <stdout> <stdin>"],
        )


def expected(path):
    """A course file's recorded output (main.py.out beside main.py), as Run.text() gives it."""
    text = path.with_name(path.name + ".out").read_text()
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip()


def snippet_tests():
    """One test per course file: its output, through the harness, is its .out file."""
    # Files with a recorded output: a challenge's start and solution are checked by their checks.
    files = sorted(f for f in SNIPPETS.rglob("*.py") if f.with_name(f.name + ".out").exists())
    http = [f for f in files if "127.0.0.1:8765" in f.read_text()]
    # Spends a second of both cores: run alone, so it slows no one's timing.
    heavy = [f for f in files if "ProcessPoolExecutor" in f.read_text()]
    rest = [f for f in files if f not in http and f not in heavy]
    results = {}

    def run_file(path):
        results[path] = run(path.read_text(), file=path.name, timeout=60)

    def passed(path):
        result = results[path]
        return result.code == 0 and result.text() == expected(path)

    class SnippetTest(unittest.TestCase):
        @classmethod
        def setUpClass(cls):
            # The HTTP ones one at a time, each serving the API itself; then the rest, several
            # at once (they mostly sleep), so the course runs in a fraction of its length.
            cls.port_taken = set()
            for path in http:
                if port_free():  # checked for each: others' workers may come and go
                    run_file(path)
                else:
                    cls.port_taken.add(path)
            for path in heavy:
                run_file(path)
            with ThreadPoolExecutor(max_workers=6) as pool:
                list(pool.map(run_file, sorted(rest, key=lambda f: -len(f.read_text()))))
            # The files print timings ("took 1.0 s"): one that ran beside others on a loaded
            # machine may have been a tenth late. It runs again, alone; wrong output stays wrong.
            for path in rest:
                if not passed(path):
                    run_file(path)

    def make(path):
        def test(self):
            if path in self.port_taken:
                self.skipTest(f"port {PORT} is taken, so the harness would not serve the demo API")
            result = results[path]
            check_protocol(self, result)
            self.assertEqual(result.code, 0, result.describe())
            self.assertEqual(result.text(), expected(path), result.text("stderr"))

        return test

    for path in files:
        relative = path.relative_to(SNIPPETS).with_suffix("")
        name = "test_" + re.sub(r"\W", "_", str(relative))
        setattr(SnippetTest, name, make(path))
    return SnippetTest


SnippetTest = snippet_tests()

if __name__ == "__main__":
    unittest.main()
