#!/usr/bin/env python3
"""`verdict serve` over real HTTP: a client that shares no code with the server.

Starts the real program on copies of the shipped catalog (--port 0) and talks
to it with http.client and raw sockets:

1. API: /api/review/<id> of every tool, /api/explain/<id> with and without
   ?persona=<each seat>, /api/compare/<a>/<b> of every listed pair and
   /api/stats validate against docs/schema/ (python3-jsonschema) and equal, as
   parsed JSON, what `verdict review|explain|compare|stats --format json`
   prints on the same folder. Unknown tools and seats get a 404 JSON error
   naming them.
2. Pages: every comparison, tool and category page and the index, in HTML
   (with the verdict-live meta, whose hash the event stream accepts as
   current) and JSON (each validating against its schema and equal to what
   the CLI prints; a comparison's panels equal `verdict review`'s); HEAD,
   the scripts, the persona lab; catalog files are never served.
3. Security: paths climbing out (.., %2e%2e, %2E%2E%2F, %252e%252e, %5c, an
   absolute-form target) get 400 and never file contents; Host headers other
   than this machine get 403 unless given with --allow-host, and two Host
   headers 400; a header over 8 KB and 70 header fields get 431; POST, PUT,
   DELETE, OPTIONS 405; a GET with a body 413, also when the header only
   announces the body; a POST or GET announcing 3 MB, 1 MB of it sent at
   once, reads its 413 and, sending on, an end of stream, never a reset; a
   client that stops mid-request is dropped after --client-timeout while
   others are served promptly; 50 idle connections do not block a client.
4. Live reload over Server-Sent Events: editing tool A reloads A's stream
   (not B's) and prints a `reload:` line naming A; a JSON syntax error in a
   tool file arrives as a `problems` event with its line, and its fix as [];
   a stream idle past --client-timeout still reloads; an edit saved as soon
   as the `serving` line is printed is picked up.
5. A persona script that raises an error fails its seat only: the served
   review shows the seat failed with its message, the other seats review, and
   the server keeps serving.
6. The server never writes to the catalog: every file's bytes and mtime are
   the same after a session that requested every page.
7. SIGINT stops every server within 5 s, exit status 0, `verdict serve: stopped`.
8. Startup: a missing --catalog folder and a port in use exit 2 with a
   message naming the folder, or suggesting --port; --bind localhost serves
   on a loopback address it prints; a --bind name that does not resolve
   exits 2 naming --bind.
9. At most 64 event streams are open at once: of 70 held by clients that read
   none of them, the 6 oldest are closed by the server and the newest stay
   open, while a new client is served promptly; a stream whose client closed
   it no longer counts (64 closed, then 64 new ones all stay open).
10. Persona worker processes hold none of the server's TCP sockets: after a
   reload restarted them with an event stream open, no child of the server
   has the listening socket or a browser's connection open (by /proc; skipped
   with a note where /proc does not tell).
11. A seated Lua script saved with a syntax error is held back: its reload
   line says `held back until fixed: seat <id>`; a tool edited meanwhile is
   published, its line still saying the seat is held back; the fix's line
   holds nothing back.

Exit status 0 when every check passes; 1 with each failed group's first failure.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))
from validate_json import schema_validator  # noqa: E402

CLIENT_TIMEOUT = 2           # seconds: --client-timeout of the servers started here
PROMPT = 0.5                 # seconds: the most a request may take while other clients misbehave
RELOAD_WITHIN = 2.0          # seconds: from a saved edit to its `reload` event
QUIET_FOR = 1.5              # seconds: how long another page's stream must stay without `reload`
STOP_WITHIN = 5.0            # seconds: from SIGINT to exit
ALLOWED_HOST = "preview.test"
LIVE_META = re.compile(r'<meta name="verdict-live" content="([0-9a-f]{8,})">')


class Failure(Exception):
    """A check that did not hold."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def check_valid(validator, document, what):
    for error in validator.iter_errors(document):
        where = "/".join(str(p) for p in error.absolute_path)
        raise Failure(f"{what}: invalid against {validator.schema.get('title', 'its schema')}: /{where}: {error.message}")


def excerpt(data, limit=300):
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    return text if len(text) <= limit else text[:limit] + "..."


# ---------------------------------------------------------------------------------------------------------------------
# The server under test and the CLI it is compared with

class Server:
    """`verdict serve --port 0` on a catalog, its output read as it comes; stopped with SIGINT.

    `address`: a pattern of the address the start line may print (127.0.0.1 unless --bind is given)."""

    def __init__(self, verdict, catalog, *options, on_serving=None, address=r"127\.0\.0\.1"):
        self.catalog, self.on_serving = catalog, on_serving
        self.process = subprocess.Popen([verdict, "serve", "--catalog", str(catalog), "--port", "0", *options],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.out, self.err = [], []
        self.readers_done = 0
        self.changed = threading.Condition()
        for pipe, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=self._read, args=(pipe, lines), daemon=True).start()
        try:
            line = self.wait_line(lambda l: l.startswith("verdict serve: serving "), 15)
            check(line is not None, f"verdict serve did not start on {catalog}:\nstdout: {self.out}\nstderr: {self.err}")
            match = re.search(rf" at http://({address}):(\d+)/ \(persona lab: http://\1:\2/lab/\); Ctrl-C stops$", line)
            check(match, f"unexpected start line: {line!r}")
        except BaseException:
            self.__exit__()
            raise
        self.address, self.port = match.group(1).strip("[]"), int(match.group(2))

    def _read(self, pipe, lines):
        for line in pipe:
            if self.on_serving and line.startswith("verdict serve: serving "):
                self.on_serving()   # at once, on this thread: what a client does the moment the server says it serves
            with self.changed:
                lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.readers_done += 1
            self.changed.notify_all()

    def wait_line(self, wanted, timeout, start=0, stream="out"):
        """The first line of stdout (or stderr) from index `start` that `wanted` accepts, waiting up to `timeout`."""
        lines = self.out if stream == "out" else self.err
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for line in lines[start:]:
                    if wanted(line):
                        return line
                start = max(start, len(lines))
                left = deadline - time.monotonic()
                if left <= 0 or self.readers_done == 2:   # out of time, or the program's output has ended
                    return None
                self.changed.wait(left)

    def stop(self):
        """SIGINT; checks that it stops within STOP_WITHIN with status 0 and says so. Returns the seconds it took."""
        check(self.process.poll() is None, f"verdict serve exited early ({self.process.returncode}):\nstderr: {self.err}")
        start = time.monotonic()
        self.process.send_signal(signal.SIGINT)
        try:
            status = self.process.wait(STOP_WITHIN)
        except subprocess.TimeoutExpired:
            raise Failure(f"verdict serve did not stop within {STOP_WITHIN} s of SIGINT") from None
        took = time.monotonic() - start
        check(status == 0, f"verdict serve exited {status} on SIGINT, expected 0:\nstderr: {self.err}")
        check(self.wait_line(lambda l: l == "verdict serve: stopped", 2) is not None,
              f"verdict serve did not print 'verdict serve: stopped' on SIGINT:\nstdout: {self.out}")
        return took

    def __enter__(self):
        return self

    def __exit__(self, *failure):
        if self.process.poll() is None:   # a check failed before stop(): leave nothing running
            self.process.kill()
            self.process.wait()


class Cli:
    """The verdict program's JSON output on a catalog, what the server's documents must equal."""

    def __init__(self, verdict, catalog):
        self.verdict, self.catalog = verdict, catalog

    def json(self, *args, statuses=(0,)):
        run = subprocess.run([self.verdict, *args, "--format", "json", "--catalog", str(self.catalog)],
                             capture_output=True, text=True, timeout=60)
        check(run.returncode in statuses, f"verdict {' '.join(args)} exited {run.returncode}:\n{run.stderr}")
        return json.loads(run.stdout)

    def many(self, commands):
        """{key: parsed output} for {key: args}, run a few at a time."""
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            futures = {key: pool.submit(self.json, *args) for key, args in commands.items()}
            return {key: future.result() for key, future in futures.items()}


# ---------------------------------------------------------------------------------------------------------------------
# Clients

class Reply:
    """A response: its status, headers (lower-case names), body, and how long it took."""

    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    @property
    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        return self.headers.get(name.lower(), "")


def request(port, path, method="GET", host=None, headers=(), timeout=10, address="127.0.0.1"):
    """One request with http.client on a connection of its own; `host` replaces the Host header."""
    start = time.monotonic()
    connection = http.client.HTTPConnection(address, port, timeout=timeout)
    try:
        connection.putrequest(method, path, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", host)
        for name, value in headers:
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, body, time.monotonic() - start)
    finally:
        connection.close()


def get(port, path, status=200, **options):
    reply = request(port, path, **options)
    check(reply.status == status, f"GET {path}: status {reply.status}, expected {status}: {excerpt(reply.body)}")
    return reply


def get_json(port, path, status=200):
    reply = get(port, path, status)
    check(reply.header("content-type").startswith("application/json"), f"GET {path}: Content-Type {reply.header('content-type')!r}")
    try:
        return reply.json()
    except ValueError as error:
        raise Failure(f"GET {path}: not JSON ({error}): {excerpt(reply.body)}") from None


def raw_exchange(port, data, timeout=5):
    """Sends `data` as is on a new connection and reads until the server closes it: (status, head, body)."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
        except socket.timeout:
            raise Failure(f"no complete answer within {timeout} s to {excerpt(data, 120)!r}") from None
    head, _, body = received.partition(b"\r\n\r\n")
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", head)
    check(match, f"no HTTP status line in the answer to {excerpt(data, 120)!r} after {time.monotonic() - start:.2f} s: {excerpt(received)!r}")
    return int(match.group(1)), head.decode("latin-1"), body


def raw_get(port, target, extra=b"", method=b"GET"):
    return raw_exchange(port, method + b" " + target + b" HTTP/1.1\r\nHost: 127.0.0.1:" + str(port).encode() +
                        b"\r\nConnection: close\r\n" + extra + b"\r\n")


class EventStream:
    """A Server-Sent Events stream of /_verdict/events for `page`, read on a raw socket by a thread of its own."""

    def __init__(self, port, page, page_hash):
        self.page = page
        self.events = []           # (seconds since the stream opened, event name, data)
        self.changed = threading.Condition()
        self.opened = time.monotonic()
        query = urllib.parse.urlencode({"page": page, "hash": page_hash})
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.sendall(f"GET /_verdict/events?{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        buffer = b""
        while b"\r\n\r\n" not in buffer:
            chunk = self.sock.recv(4096)
            check(chunk, f"event stream for {page}: closed before its headers")
            buffer += chunk
        head, _, rest = buffer.partition(b"\r\n\r\n")
        check(head.startswith(b"HTTP/1.1 200 "), f"event stream for {page}: {excerpt(head)!r}")
        check(b"content-type: text/event-stream" in head.lower(), f"event stream for {page}: not text/event-stream: {excerpt(head)!r}")
        self.sock.settimeout(None)
        threading.Thread(target=self._read, args=(rest,), daemon=True).start()

    def _read(self, buffer):
        while True:
            while b"\n\n" in buffer:
                block, buffer = buffer.split(b"\n\n", 1)
                self._add(block.decode("utf-8"))
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk

    def _add(self, block):
        """One event: `event:` its name, `data:` lines its data; `retry:` and comments are not events."""
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith(":") or ":" not in line:   # a comment (keep-alive)
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
        if data:
            with self.changed:
                self.events.append((time.monotonic() - self.opened, name, "\n".join(data)))
                self.changed.notify_all()

    def wait(self, name, timeout, start=0, wanted=lambda data: True):
        """The first event `name` from index `start` whose data `wanted` accepts, waiting up to `timeout`; else None."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for each in self.events[start:]:
                    if each[1] == name and wanted(each[2]):
                        return each
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.changed.wait(left)

    def names(self, start=0):
        with self.changed:
            return [name for _, name, _ in self.events[start:]]

    def count(self):
        with self.changed:
            return len(self.events)

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


def live_hash(port, page):
    reply = get(port, page)
    match = LIVE_META.search(reply.text)
    check(match, f"GET {page}: no <meta name=\"verdict-live\" content=HASH>")
    return match.group(1)


# ---------------------------------------------------------------------------------------------------------------------
# The catalog

def tool_ids(catalog):
    return sorted(json.loads(f.read_text(encoding="utf-8"))["id"] for f in (catalog / "tools").glob("*.json"))


def seat_ids(catalog):
    return [seat["id"] for seat in json.loads((catalog / "panel.json").read_text(encoding="utf-8"))["seats"]]


def listed_pairs(catalog):
    return [tuple(pair) for pair in json.loads((catalog / "comparisons.json").read_text(encoding="utf-8"))["pairs"]]


def copy_catalog(source, folder, name):
    target = folder / name
    shutil.copytree(source, target)
    return target


def snapshot(folder):
    """Every file and folder under `folder`: its bytes (for files) and its modification time."""
    out = {}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        out[str(path.relative_to(folder))] = (path.read_bytes() if path.is_file() else None, stat.st_mtime_ns)
    return out


# ---------------------------------------------------------------------------------------------------------------------
# 1. The API

def check_api(port, cli, catalog, validators, notes):
    """Every API document validates and equals the CLI's output; unknown ids get a 404 naming them."""
    tools, seats, pairs = tool_ids(catalog), seat_ids(catalog), listed_pairs(catalog)
    cases = [(f"/api/review/{t}", "review", ("review", t)) for t in tools]   # (path, schema, the CLI's arguments)
    cases += [(f"/api/explain/{t}", "explain", ("explain", t)) for t in tools]
    cases += [(f"/api/explain/{t}?persona={s}", "explain", ("explain", t, "--persona", s)) for t in tools for s in seats]
    cases += [(f"/api/compare/{a}/{b}", "comparison", ("compare", a, b)) for a, b in pairs + [pairs[0][::-1]]]
    cases += [("/api/stats", "stats", ("stats",))]
    expected = cli.many({path: args for path, _, args in cases})
    for path, schema, args in cases:
        served = get_json(port, path)
        check_valid(validators[schema], served, f"GET {path}")
        check(served == expected[path], f"GET {path} differs from `verdict {' '.join(args)} --format json`")
    notes.append(f"API: {len(cases)} documents valid and equal to the CLI's")
    check_api_refusals(port, tools[0])


def check_api_refusals(port, tool):
    """A 404 JSON error naming what is unknown."""
    for path, named in (("/api/review/no-such-tool", "no-such-tool"), ("/api/explain/no-such-tool", "no-such-tool"),
                        (f"/api/compare/no-such-tool/{tool}", "no-such-tool"), (f"/api/compare/{tool}/no-such-tool", "no-such-tool"),
                        (f"/api/explain/{tool}?persona=no-such-seat", "no-such-seat"), ("/api/nothing-here", "/api/nothing-here")):
        error = get_json(port, path, 404)
        check(isinstance(error, dict) and named in error.get("error", ""), f"GET {path}: 404 without an error naming {named!r}: {error}")


# ---------------------------------------------------------------------------------------------------------------------
# 2. The pages

def check_html(port, path, names=()):
    reply = get(port, path)
    check(reply.header("content-type").startswith("text/html"), f"GET {path}: Content-Type {reply.header('content-type')!r}")
    text = reply.text
    check(text.lstrip().lower().startswith("<!doctype html>") and "</html>" in text, f"GET {path}: not an HTML page: {excerpt(text)}")
    check(LIVE_META.search(text), f"GET {path}: no <meta name=\"verdict-live\" content=HASH>")
    check('src="/_verdict/live.js"' in text, f"GET {path}: does not load /_verdict/live.js")
    for name in names:
        check(name in text, f"GET {path}: does not name {name!r}")
    return LIVE_META.search(text).group(1)


def check_json_page(port, path, validator, expected):
    served = get_json(port, path)
    check_valid(validator, served, f"GET {path}")
    check(served == expected, f"GET {path} differs from the CLI's output")
    return served


def check_pages(port, cli, catalog, validators, notes):
    """Every page of the site, HTML and JSON; returns the paths requested."""
    tools = tool_ids(catalog)
    index = get_json(port, "/index.json")
    categories = [c["slug"] for c in index["categories"]]
    check(categories, "/index.json lists no category")
    # Every comparison the site has: those listed in comparisons.json and those its all_pairs_within makes.
    pairs = sorted({tuple(t["id"] for t in shown["tools"]) for slug in categories
                    for shown in get_json(port, f"/category/{slug}.json")["comparisons"]})
    check(set(listed_pairs(catalog)) <= set(pairs), f"the category pages do not list every pair of comparisons.json: {pairs}")
    commands = {("review", t): ("review", t) for t in tools}
    commands.update({("compare", a, b): ("compare", a, b) for a, b in pairs})
    commands[("index",)] = ("index",)
    commands.update({("category", c): ("index", "--category", c) for c in categories})
    expected = cli.many(commands)
    requested = ["/index.json"]

    check(index == expected[("index",)], "/index.json differs from `verdict index --format json`")
    check_valid(validators["index"], index, "GET /index.json")
    hashes = {"/index.json": None}
    for path in ("/", "/index.html", "/search.html"):
        hashes[path] = check_html(port, path)
        requested.append(path)
    for slug in categories:
        check_json_page(port, f"/category/{slug}.json", validators["category"], expected[("category", slug)])
        hashes[f"/category/{slug}.html"] = check_html(port, f"/category/{slug}.html")
        requested += [f"/category/{slug}.json", f"/category/{slug}.html"]
    for a, b in pairs:
        slug = f"{a}-vs-{b}"
        page = check_json_page(port, f"/compare/{slug}.json", validators["comparison"], expected[("compare", a, b)])
        for shown, tool in zip(page["tools"], (a, b)):
            check(shown["id"] == tool and shown["panel"] == expected[("review", tool)]["panel"],
                  f"/compare/{slug}.json: the panel of {tool} differs from `verdict review {tool}`'s")
        names = [t["name"] for t in page["tools"]]
        hashes[f"/compare/{slug}.html"] = check_html(port, f"/compare/{slug}.html", names)
        requested += [f"/compare/{slug}.json", f"/compare/{slug}.html"]
    for tool in tools:
        page = get_json(port, f"/tools/{tool}.json")
        check_valid(validators["review"], page, f"GET /tools/{tool}.json")
        review = expected[("review", tool)]
        check({k: page[k] for k in review} == review and "page" in page,
              f"/tools/{tool}.json: its tool, panel and reviews differ from `verdict review {tool}`'s, or it has no page")
        hashes[f"/tools/{tool}.html"] = check_html(port, f"/tools/{tool}.html", [review["tool"]["name"]])
        requested += [f"/tools/{tool}.json", f"/tools/{tool}.html"]

    requested += check_other_paths(port, catalog)
    check_hashes_current(port, hashes)
    notes.append(f"pages: {len(requested)} paths, {len(categories)} category, {len(pairs)} comparison and {len(tools)} tool pages "
                 "in HTML and JSON equal to the CLI's")
    return requested


def check_other_paths(port, catalog):
    """The scripts, the lab, HEAD, and what the site does not serve."""
    requested = []
    for path in ("/search.js", "/search-index.js", "/_verdict/live.js", "/_verdict/lab.js"):
        reply = get(port, path)
        check("javascript" in reply.header("content-type") and reply.body, f"GET {path}: Content-Type {reply.header('content-type')!r}")
        requested.append(path)
    for seat in seat_ids(catalog):
        check_html(port, f"/lab/?seat={seat}")
        requested.append(f"/lab/?seat={seat}")
    whole = get(port, "/index.html")
    head = request(port, "/index.html", method="HEAD")
    check(head.status == 200 and head.body == b"" and head.header("content-length") == str(len(whole.body)),
          f"HEAD /index.html: status {head.status}, {len(head.body)} bytes, Content-Length {head.header('content-length')}")
    # Rendered on request, never read from disk: the catalog's own files are not pages.
    for path in ("/panel.json", "/comparisons.json", "/site.json", "/tools/no-such-tool.html", "/compare/a-vs-b.json", "/no/such/page"):
        reply = get(port, path, 404)
        check(b"default_seats" not in reply.body and b'"pairs"' not in reply.body, f"GET {path}: serves a catalog file")
        requested.append(path)
    return requested


def check_hashes_current(port, hashes):
    """An event stream opened with a page's verdict-live hash sends no `reload`; with another hash, it does."""
    for page, page_hash in hashes.items():
        stream = EventStream(port, page, page_hash or "0")
        try:
            check(stream.wait("problems", 2) is not None, f"event stream for {page}: no `problems` event on connect")
            reload = stream.wait("reload", 0.15)
            if page_hash:
                check(reload is None, f"event stream for {page}: `reload` although the page's verdict-live hash {page_hash} was given")
            else:
                check(reload is not None and reload[2] == page, f"event stream for {page}: no `reload` for a stale hash")
        finally:
            stream.close()


# ---------------------------------------------------------------------------------------------------------------------
# 3. Refusals and misbehaving clients

TRAVERSALS = [b"/../../../../etc/passwd", b"/tools/../../../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd",
              b"/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", b"/tools/%2e%2e/panel.json", b"/%252e%252e/%252e%252e/etc/passwd",
              b"/..%5c..%5c..%5cetc%5cpasswd", b"/tools%5c..%5cpanel.json", b"http://127.0.0.1/../../etc/passwd",
              b"http://127.0.0.1/index.json"]


def check_refusals(port, notes):
    for target in TRAVERSALS:
        status, _, body = raw_get(port, target)
        check(status == 400, f"GET {target.decode()}: status {status}, expected 400: {excerpt(body)}")
        check(b"root:" not in body and b"default_seats" not in body, f"GET {target.decode()}: answers with a file's contents")

    hosts = {"evil.example": 403, f"evil.example:{port}": 403, f"localhost:{port}": 200, "localhost": 200,
             f"127.0.0.1:{port}": 200, f"[::1]:{port}": 200, f"localhost:{port + 1}": 403, f"{ALLOWED_HOST}:{port}": 200,
             ALLOWED_HOST.upper(): 200, f"{ALLOWED_HOST}:{port + 1}": 403, f"{ALLOWED_HOST}.evil.example": 403}
    for host, status in hosts.items():
        reply = request(port, "/index.json", host=host)
        check(reply.status == status, f"GET /index.json with Host: {host}: status {reply.status}, expected {status}")
    # Two Host headers: which one names the server is ambiguous, so neither is trusted (RFC 9112 3.2: 400).
    twice = [("localhost", "evil.example"), ("evil.example", "localhost"), (f"127.0.0.1:{port}", f"127.0.0.1:{port}")]
    for first, second in twice:
        status, _, body = raw_exchange(port, f"GET /index.json HTTP/1.1\r\nHost: {first}\r\nHost: {second}\r\n"
                                             "Connection: close\r\n\r\n".encode())
        check(status == 400, f"GET /index.json with Host: {first} then Host: {second}: status {status}, expected 400: {excerpt(body)}")

    status, _, _ = raw_get(port, b"/", b"X-Long: " + b"a" * 9000 + b"\r\n")
    check(status == 431, f"a 9 KB header field: status {status}, expected 431")
    status, _, _ = raw_get(port, b"/", b"".join(b"X-Field-%d: %d\r\n" % (i, i) for i in range(70)))
    check(status == 431, f"70 header fields: status {status}, expected 431")
    status, head, _ = raw_get(port, b"/", method=b"POST")
    check(status == 405 and "allow: get, head" in head.lower(), f"POST /: status {status}, expected 405 with Allow: GET, HEAD")
    for method in (b"PUT", b"DELETE", b"OPTIONS"):
        status, _, _ = raw_get(port, b"/", method=method)
        check(status == 405, f"{method.decode()} /: status {status}, expected 405")
    notes.append(f"refusals: {len(TRAVERSALS)} traversals 400, {len(hosts)} Host headers, {len(twice)} pairs of Host headers 400, "
                 "431 (size and count), 405")


def check_body_refusals(port, notes):
    """A request with a body gets 413, whether the body comes with the header or the header only announces it."""
    request_head = b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
    status, _, _ = raw_exchange(port, request_head + b"Content-Length: 5\r\n\r\nhello")
    check(status == 413, f"a GET with a 5-byte body: status {status}, expected 413")
    status, _, _ = raw_exchange(port, request_head + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
    check(status == 413, f"a GET with a chunked body: status {status}, expected 413")
    status, _, _ = raw_exchange(port, request_head + b"Content-Length: 100000000\r\n\r\n")
    check(status == 413, f"a GET announcing a 100 MB body: status {status}, expected 413")
    # The header says there is a body: that is enough to refuse. A client waiting for `100 Continue` before it sends
    # the body must get the 413 now, not silence until --client-timeout drops it.
    for announced in (b"Content-Length: 5\r\nExpect: 100-continue\r\n", b"Content-Length: 5\r\n"):
        start = time.monotonic()
        try:
            status, _, _ = raw_exchange(port, request_head + announced + b"\r\n", timeout=CLIENT_TIMEOUT + 1)
        except Failure:
            status = None
        check(status == 413, f"a GET whose header announces a 5-byte body ({announced.decode().strip()!r}), the body not sent yet: "
                             f"{'status ' + str(status) if status else 'no answer'} after {time.monotonic() - start:.1f} s, "
                             "expected 413 as soon as the header is read")
    for method in (b"POST", b"GET"):
        refused_while_sending(port, method)
    notes.append("bodies: 413 for a body sent, chunked, or announced by the header; a client sending 1 MB of a 3 MB body "
                 "(POST, GET) reads its 413 and, sending on, an end of stream, never a reset")


def send_tolerating_reset(sock, data):
    """Sends what the server takes of `data`: one that refused the request may stop reading it. The error, or None."""
    try:
        sock.sendall(data)
        return None
    except (BrokenPipeError, ConnectionResetError) as error:
        return error


def refused_while_sending(port, method, body_bytes=1_000_000):
    """A request announcing 3 MB whose body is already on its way: the client reads the 413 after sending 1 MB of it
    without waiting, and goes on sending as such a client does; the server reads what it is sent for a while before
    it closes, so the client sees an end of stream, never a reset. (Over loopback a reset comes after the answer;
    over a network it can destroy the answer before it is read.)"""
    head = method + b" / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3000000\r\n\r\n"
    what = f"{method.decode()} with a 3 MB body announced, 1 MB of it sent at once"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        reset = send_tolerating_reset(sock, head + b"x" * body_bytes)
        received, ending = b"", "an end of stream"
        try:
            while chunk := sock.recv(65536):
                received += chunk
            reset = reset or send_tolerating_reset(sock, b"x" * 65536)   # the body goes on after the answer
            time.sleep(0.1)
            sock.recv(1)   # the end of stream again, or the reset that answered what was sent
        except ConnectionResetError as error:
            reset = reset or error
        except socket.timeout:
            ending = "neither an end of stream nor a reset within 5 s"
    status = re.match(rb"HTTP/1\.[01] (\d{3}) ", received)
    check(status, f"{what}: no status line to read ({reset or ending}): {excerpt(received)!r}")
    check(status.group(1) == b"413", f"{what}: status {status.group(1).decode()}, expected 413")
    check(ending == "an end of stream", f"{what}: the 413 was read, but then {ending}")
    check(reset is None, f"{what}: the 413 was read, but the connection was then reset ({reset}): the server closed it with "
                         "the request unread, and over a network a reset can destroy an answer before it is read")


def check_slow_client(port, notes):
    """A client that sends half a request line is dropped after --client-timeout; meanwhile others are served promptly."""
    slow = socket.create_connection(("127.0.0.1", port), timeout=10)
    slow.sendall(b"GET /index.ht")
    start = time.monotonic()
    slow.settimeout(0.05)
    served, dropped_after = [], None
    try:
        while time.monotonic() - start < CLIENT_TIMEOUT + 3:
            served.append(get(port, "/api/stats").seconds)
            try:
                data = slow.recv(4096)
                check(not data, f"the slow client got an answer to half a request line: {excerpt(data)}")
                dropped_after = time.monotonic() - start
                break
            except socket.timeout:
                time.sleep(0.1)
            except ConnectionResetError:
                dropped_after = time.monotonic() - start
                break
    finally:
        slow.close()
    check(dropped_after is not None, f"a client that stopped mid-request was not dropped within {CLIENT_TIMEOUT + 3} s")
    check(dropped_after >= CLIENT_TIMEOUT - 0.3, f"the slow client was dropped after {dropped_after:.2f} s, before --client-timeout {CLIENT_TIMEOUT}")
    check(len(served) >= 5, f"only {len(served)} requests served while a client was stuck")
    check(max(served) < PROMPT, f"while a client was stuck, a request took {max(served):.3f} s (at most {PROMPT} s expected)")
    notes.append(f"slow client dropped after {dropped_after:.1f} s (--client-timeout {CLIENT_TIMEOUT}); "
                 f"{len(served)} requests meanwhile, slowest {max(served) * 1000:.0f} ms")


def check_idle_connections(port, notes, count=50):
    """Many connections that send nothing, or half a request, do not keep another client waiting."""
    idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]
    try:
        for sock in idle[: count // 2]:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: local")
        time.sleep(0.2)
        took = [get(port, path).seconds for path in ("/", "/api/stats", "/index.json")]
        check(max(took) < PROMPT, f"with {count} idle connections open, a request took {max(took):.3f} s (at most {PROMPT} s expected)")
    finally:
        for sock in idle:
            sock.close()
    notes.append(f"{count} idle connections: others served in {max(took) * 1000:.0f} ms at most")


# ---------------------------------------------------------------------------------------------------------------------
# 4. Live reload over Server-Sent Events

def edit_tool(catalog, tool, change):
    path = catalog / "tools" / f"{tool}.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def check_live_reload(server, catalog, notes):
    port = server.port
    a, b = tool_ids(catalog)[:2]
    page_a, page_b = f"/tools/{a}.html", f"/tools/{b}.html"
    hash_a, hash_b = live_hash(port, page_a), live_hash(port, page_b)
    stream_a, stream_b = EventStream(port, page_a, hash_a), EventStream(port, page_b, hash_b)
    for stream in (stream_a, stream_b):
        first = stream.wait("problems", 2)
        check(first is not None and json.loads(first[2]) == [], f"event stream for {stream.page}: first event {stream.names()}, expected problems []")
        check(stream.wait("reload", 0.2) is None, f"event stream for {stream.page}: `reload` on connect with the current hash")

    # A fact of A changes: A's page reloads, B's does not, and the server says what it re-reviewed.
    tagline = "A tagline changed by check_serve_http.py"
    lines, seen_a, seen_b = len(server.out), stream_a.count(), stream_b.count()
    good_text = edit_tool(catalog, a, lambda t: t.update(tagline=tagline))
    edited = time.monotonic()
    reload = stream_a.wait("reload", RELOAD_WITHIN, seen_a)
    check(reload is not None, f"no `reload` for {page_a} within {RELOAD_WITHIN} s of editing {a}'s tagline (events: {stream_a.names(seen_a)})")
    check(reload[2] == page_a, f"`reload` for {page_a} carries {reload[2]!r}")
    reload_after = time.monotonic() - edited
    time.sleep(QUIET_FOR)
    check("reload" not in stream_b.names(seen_b), f"{page_b} got `reload` when only {a} changed")
    said = server.wait_line(lambda l: l.startswith("reload: ") and f"tools/{a}.json" in l and f"re-reviewed {a} (" in l, 1, lines)
    check(said, f"no `reload: ...tools/{a}.json: re-reviewed {a} (...)` line on stdout: {server.out[lines:]}")
    page = get(port, page_a).text
    check(tagline in page and LIVE_META.search(page).group(1) != hash_a, f"{page_a} is not served changed after the edit")
    check(get_json(port, f"/tools/{a}.json")["page"]["tagline"] == tagline, f"/tools/{a}.json does not show the new tagline")

    # A syntax error shows as a problem with its line; the last good page stays; the fix clears it.
    seen_a, errors = stream_a.count(), len(server.err)
    (catalog / "tools" / f"{a}.json").write_text('{\n  "id": "%s",\n  "name": \n' % a, encoding="utf-8")
    broken = stream_a.wait("problems", RELOAD_WITHIN, seen_a, lambda data: json.loads(data) != [])
    check(broken is not None, f"no `problems` event within {RELOAD_WITHIN} s of a syntax error in tools/{a}.json")
    problems = json.loads(broken[2])
    check(any(p["file"].endswith(f"tools/{a}.json") and "line" in p["where"] and p["message"] for p in problems),
          f"the `problems` event does not list tools/{a}.json with a line: {problems}")
    check(server.wait_line(lambda l: f"tools/{a}.json" in l and "line" in l, 1, errors, "err"),
          f"no problem line naming tools/{a}.json on stderr: {server.err[errors:]}")
    check(tagline in get(port, page_a).text, f"{page_a} is not the last good page while its file is broken")
    check(stream_b.wait("problems", 1, seen_b, lambda data: json.loads(data) != []), f"{page_b}'s stream did not get the problem")

    seen_a = stream_a.count()
    (catalog / "tools" / f"{a}.json").write_text(good_text, encoding="utf-8")
    fixed = stream_a.wait("problems", RELOAD_WITHIN, seen_a, lambda data: json.loads(data) == [])
    check(fixed is not None, f"no `problems` [] event within {RELOAD_WITHIN} s of fixing tools/{a}.json (events: {stream_a.names(seen_a)})")
    check(tagline in get(port, page_a).text, f"{page_a} lost the edit after the fix")

    # An event stream is not a slow client: idle for longer than --client-timeout, it still carries the next reload.
    time.sleep(max(0.0, CLIENT_TIMEOUT + 0.5 - (time.monotonic() - stream_a.opened)))
    seen_a = stream_a.count()
    edit_tool(catalog, a, lambda t: t.update(tagline=tagline + " again"))
    check(stream_a.wait("reload", RELOAD_WITHIN, seen_a) is not None,
          f"no `reload` for {page_a} on a stream idle for more than --client-timeout {CLIENT_TIMEOUT} s (events: {stream_a.names(seen_a)})")
    notes.append(f"live reload: {a} reloaded {reload_after * 1000:.0f} ms after its edit, {b} not; a syntax error and its fix "
                 f"arrived as problems events; a stream idle past --client-timeout still reloads")
    return stream_a, stream_b


def check_edit_right_after_start(verdict, folder, catalog, notes, tries=30):
    """An edit saved as soon as the server says it is serving is picked up: the catalog is watched by then."""
    live = copy_catalog(catalog, folder, "started")
    tool = tool_ids(live)[0]
    path = live / "tools" / f"{tool}.json"
    original = json.loads(path.read_text(encoding="utf-8"))
    for attempt in range(1, tries + 1):
        tagline = f"Saved right after start, try {attempt}"
        edited = json.dumps(dict(original, tagline=tagline), indent=2, ensure_ascii=False) + "\n"
        with Server(verdict, live, on_serving=lambda: path.write_text(edited, encoding="utf-8")) as server:
            said = server.wait_line(lambda l: l.startswith("reload: ") and f"tools/{tool}.json" in l, RELOAD_WITHIN)
            shown = get_json(server.port, f"/tools/{tool}.json")["page"]["tagline"]
            check(said and shown == tagline,
                  f"try {attempt}: tools/{tool}.json saved right after `verdict serve: serving ...` was printed was never picked up: "
                  f"no `reload:` line within {RELOAD_WITHIN} s and /tools/{tool}.json still shows {shown!r}")
            server.stop()
    notes.append(f"start: an edit saved right after the `serving` line is picked up ({tries} tries)")


# ---------------------------------------------------------------------------------------------------------------------
# 5. A persona that fails

FAILING_PERSONA = """\
-- Boom: weighs one fact, then raises an error in every review, so its seat fails.

local defaults = {
  base = 50,
  threshold = 60,
  min_facts = 1,
  weights = {
    runnable = 10,
  },
}

local function review(tool, ctx)
  if tool.availability then
    ctx.rule("runnable", "availability", tool.availability, tool.availability == "released", "You can run it today.")
  end
  error("boom: this persona always fails")
end

return {
  id = "boom",
  name = "Boom",
  version = "1.0.0",
  defaults = defaults,
  review = review,
}
"""


def seat_script(catalog, seat, text):
    """Seats the Lua persona `text` as `seat` (in <seat>.lua), among the default seats."""
    (catalog / f"{seat}.lua").write_text(text, encoding="utf-8")
    panel = json.loads((catalog / "panel.json").read_text(encoding="utf-8"))
    panel["seats"].append({"id": seat, "script": f"{seat}.lua"})
    panel["default_seats"].append(seat)
    (catalog / "panel.json").write_text(json.dumps(panel, indent=2) + "\n", encoding="utf-8")


def seat_failing_persona(catalog):
    seat_script(catalog, "boom", FAILING_PERSONA)


def check_failed_seat(server, cli, catalog, validators, notes):
    """Every tool the failing seat sits on shows it failed, with its message, beside the other seats' reviews."""
    port = server.port
    reviewed = [t for t in tool_ids(catalog) if "seats" not in json.loads((catalog / "tools" / f"{t}.json").read_text(encoding="utf-8"))]
    check(reviewed, "no tool of the catalog is reviewed by the default seats")
    for tool in reviewed:
        served = get_json(port, f"/api/review/{tool}")
        check_valid(validators["review"], served, f"GET /api/review/{tool}")
        seats = {r["persona"]: r for r in served["reviews"]}
        check("boom" in seats and seats["boom"]["verdict"] == "failed", f"/api/review/{tool}: the boom seat is not failed: {seats.get('boom')}")
        check("this persona always fails" in (seats["boom"].get("error") or ""),
              f"/api/review/{tool}: the failed seat does not carry the script's error message: {seats['boom']}")
        others = [r for p, r in seats.items() if p != "boom"]
        check(others and all(r["verdict"] in ("ship", "skip", "abstain") for r in others),
              f"/api/review/{tool}: the other seats did not review: {[(r['persona'], r['verdict']) for r in others]}")
        check(served["panel"]["failed"] == 1, f"/api/review/{tool}: panel.failed is {served['panel']['failed']}, expected 1")
        check(served == cli.json("review", tool, statuses=(0, 1)), f"/api/review/{tool} differs from `verdict review {tool}` with a failed seat")
    for path in ("/", f"/tools/{reviewed[0]}.html", "/api/stats"):
        get(port, path)
    check(server.process.poll() is None, "verdict serve exited after a persona failed")
    notes.append(f"a failing Lua persona: its seat failed on {len(reviewed)} tools, the others reviewed, the server kept serving")


# ---------------------------------------------------------------------------------------------------------------------
# 8. Startup errors

def serve_until_exit(verdict, catalog, port, *options, within=10):
    """`verdict serve` expected to exit by itself: (status, stdout, stderr); a Failure if it serves instead."""
    process = subprocess.Popen([verdict, "serve", "--catalog", str(catalog), "--port", str(port), *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=within)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise Failure(f"verdict serve --catalog {catalog.name} --port {port} did not exit within {within} s:\n{out}") from None
    return process.returncode, out, err


def check_startup_errors(verdict, folder, catalog, busy_port, notes):
    """A missing catalog folder and a port in use (by a verdict server, by any socket) end it at once with status 2."""
    missing = folder / "no-such-catalog"
    status, out, err = serve_until_exit(verdict, missing, 0)
    check(status == 2, f"serve --catalog on a missing folder exited {status}, expected 2")
    check(missing.name in err, f"serve --catalog on a missing folder does not name it: {err!r}")

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    try:
        for port in (busy_port, listener.getsockname()[1]):
            status, out, err = serve_until_exit(verdict, catalog, port)
            check(status == 2, f"serve --port {port} (in use) exited {status}, expected 2:\n{out}")
            check("--port" in err and str(port) in err, f"serve --port {port} (in use): no hint of --port: {err!r}")
    finally:
        listener.close()
    notes.append("startup errors: a missing catalog and a port in use (by verdict serve and by another socket) exit 2")


def check_bind(verdict, catalog, notes):
    """--bind takes a name of this machine as well as an address; a name that does not resolve ends it at once."""
    with Server(verdict, catalog, "--bind", "localhost", address=r"127\.0\.0\.1|\[::1\]") as server:
        reply = get(server.port, "/index.html", address=server.address)
        check(LIVE_META.search(reply.text), f"--bind localhost: GET /index.html on {server.address} is not the site's page")
        server.stop()
    name = "not-a-real-host.invalid"
    status, out, err = serve_until_exit(verdict, catalog, 0, "--bind", name)
    check(status == 2, f"serve --bind {name} exited {status}, expected 2:\n{out}")
    check("--bind" in err and name in err, f"serve --bind {name}: the error does not name --bind and {name}: {err!r}")
    notes.append(f"--bind localhost served /index.html on {server.address}; --bind {name} exits 2 naming --bind")


# ---------------------------------------------------------------------------------------------------------------------
# 9. At most so many event streams

MAX_EVENT_STREAMS = 64


def held_stream(port):
    """An event stream whose client reads its first bytes, then nothing more: it holds the stream without reading it."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(f"GET /_verdict/events?page=/index.html&hash=x HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                 "Accept: text/event-stream\r\n\r\n".encode())
    first = b""
    while len(first) < 12:
        chunk = sock.recv(12 - len(first))
        check(chunk, f"an event stream was closed before its status line: {first!r}")
        first += chunk
    check(first == b"HTTP/1.1 200", f"an event stream answered {first!r}, expected HTTP/1.1 200")
    return sock


def ended(sock):
    """Whether the server has closed `sock` by now: reads what waits without blocking; an end or a reset is closed."""
    sock.setblocking(False)
    try:
        while sock.recv(65536):
            pass
        return True
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True
    finally:
        sock.settimeout(5)


def ended_by(sock, deadline):
    """Whether the server closes `sock` before `deadline` (time.monotonic())."""
    while not ended(sock):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
    return True


def close_all(socks):
    for sock in socks:
        sock.close()


def check_event_stream_cap(port, notes, extra=6):
    """Clients that open streams and never read them cannot hold every connection: past the most open at once the
    server closes the oldest; a stream whose client closed it stops counting."""
    cap, took = MAX_EVENT_STREAMS, []
    streams = []
    try:
        for _ in range(cap):
            streams.append(held_stream(port))
        took.append(get(port, "/").seconds)
        for _ in range(extra):
            streams.append(held_stream(port))
        took.append(get(port, "/").seconds)
        deadline = time.monotonic() + 2
        kept = [i for i in range(extra) if not ended_by(streams[i], deadline)]
        check(not kept, f"with {cap + extra} event streams held open, the server did not close the oldest within 2 s: "
                        f"streams {kept} of the first {extra} are still open (at most {cap} expected at once)")
        time.sleep(0.3)
        closed = [i for i in range(extra, cap + extra) if ended(streams[i])]
        check(not closed, f"with {cap + extra} event streams held open, the server closed newer ones too: {closed} "
                          f"(only the {extra} oldest expected)")
        took.append(get(port, "/").seconds)
        check(max(took) < PROMPT, f"with {cap}-{cap + extra} event streams held open, GET / took {max(took):.3f} s "
                                  f"(at most {PROMPT} s expected)")
    finally:
        close_all(streams)

    # Streams that their clients closed are forgotten: the next `cap` streams are all kept.
    streams = []
    try:
        for _ in range(cap):
            streams.append(held_stream(port))
    finally:
        close_all(streams)
    time.sleep(0.3)
    streams = []
    try:
        for _ in range(cap):
            streams.append(held_stream(port))
        check(not ended_by(streams[0], time.monotonic() + 1),
              f"after {cap} event streams were closed by their clients, the first of {cap} new ones was closed by the server "
              "within 1 s: the closed streams still count")
        closed = [i for i, sock in enumerate(streams) if ended(sock)]
        check(not closed, f"after {cap} event streams were closed by their clients, {len(closed)} of {cap} new ones were closed "
                          "by the server: the closed streams still count")
    finally:
        close_all(streams)
    notes.append(f"event streams: of {cap + extra} held unread the {extra} oldest were closed, the newest {cap} kept; "
                 f"GET / meanwhile in {max(took) * 1000:.0f} ms at most; {cap} closed by their clients no longer count")


# ---------------------------------------------------------------------------------------------------------------------
# 10. Persona workers and the server's sockets

PROBE_PERSONA = """\
-- Probe: weighs whether the tool has a name; check_serve_http.py seats it, breaks it and fixes it.

local function review(tool, ctx)
  ctx.rule("named", "name", tool.name, tool.name ~= nil, "It has a name.")
  return ctx.finish("It has a name, which is all this seat asks.")
end

return {id = "probe", name = "Probe", version = "1.0.0", defaults = {weights = {named = 10}}, review = review}
"""


class ProcUnreadable(Exception):
    """/proc does not tell what the check needs here."""


def child_pids(pid):
    """The processes whose parent is `pid`, by each process's /proc/<pid>/stat."""
    children = set()
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()   # after "pid (name)": state, ppid, ...
        except OSError:   # it ended meanwhile
            continue
        if int(fields[1]) == pid:
            children.add(int(stat.parent.name))
    return children


def socket_inodes(pid):
    """{inode: descriptor} of the sockets process `pid` holds: /proc/<pid>/fd/N -> socket:[inode]."""
    held = {}
    try:
        descriptors = list(pathlib.Path(f"/proc/{pid}/fd").iterdir())
    except PermissionError as error:
        raise ProcUnreadable(f"cannot list /proc/{pid}/fd: {error}") from None
    for fd in descriptors:
        try:
            target = os.readlink(fd)
        except FileNotFoundError:   # closed meanwhile
            continue
        except PermissionError as error:
            raise ProcUnreadable(f"cannot read {fd}: {error}") from None
        if match := re.fullmatch(r"socket:\[(\d+)\]", target):
            held[int(match.group(1))] = fd.name
    return held


def port_sockets(port):
    """{inode: "listening" or "connection"} of the TCP sockets whose local port is `port` (/proc/net/tcp and tcp6)."""
    found, read = {}, 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = pathlib.Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        except PermissionError as error:
            raise ProcUnreadable(f"cannot read {table}: {error}") from None
        read += 1
        for row in rows:   # sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            fields = row.split()
            if int(fields[1].rpartition(":")[2], 16) == port and fields[9] != "0":
                found[int(fields[9])] = "listening" if fields[3] == "0A" else "connection"
    if not read:
        raise ProcUnreadable("no /proc/net/tcp")
    return found


def port_sockets_held(pids, port):
    """{pid: what} of the processes among `pids` that hold a TCP socket of local port `port`."""
    tcp, leaking = port_sockets(port), {}
    for pid in sorted(pids):
        try:
            held = socket_inodes(pid)
        except FileNotFoundError:   # it ended
            continue
        found = [f"fd {fd} the {tcp[inode]} socket" for inode, fd in sorted(held.items()) if inode in tcp]
        if found:
            leaking[pid] = f"process {pid} ({command_line(pid)}) holds, of port {port}, {', '.join(found)}"
    return leaking


def command_line(pid):
    try:
        return pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return "?"


def check_worker_sockets(server, catalog, notes):
    """Workers started by a reload while a browser's stream is open hold neither it nor the listening socket."""
    port, pid = server.port, server.process.pid
    page = "/index.html"
    stream = EventStream(port, page, live_hash(port, page))
    try:
        check(stream.wait("problems", 2) is not None, f"event stream for {page}: no `problems` event on connect")
        try:
            tcp, own = port_sockets(port), socket_inodes(pid)
        except ProcUnreadable as why:
            notes.append(f"worker sockets: SKIPPED, {why}")
            return
        if not {"listening", "connection"} <= {tcp[i] for i in set(tcp) & set(own)}:
            notes.append("worker sockets: SKIPPED, the server's descriptors do not show its sockets of /proc/net/tcp here")
            return
        before = child_pids(pid)
        lines = len(server.out)
        panel = catalog / "panel.json"
        panel.write_bytes(panel.read_bytes())   # saved again: the whole panel reloads, in workers started anew
        said = server.wait_line(lambda l: l.startswith("reload: the panel configuration"), RELOAD_WITHIN, lines)
        check(said, f"no `reload: the panel configuration` line within {RELOAD_WITHIN} s of saving panel.json: {server.out[lines:]}")
        deadline = time.monotonic() + 2
        while not (children := child_pids(pid)) - before and time.monotonic() < deadline:
            time.sleep(0.05)
        started = children - before
        check(started, f"no process started by verdict serve after the panel reloaded (children before {sorted(before)}, "
                       f"after {sorted(children)}): nothing to check")
        leaking = port_sockets_held(children, port)
        if leaking:   # again a moment later: a child forked but not yet started holds them until it closes them
            time.sleep(0.2)
            leaking = port_sockets_held(leaking, port)
        check(not leaking, f"child processes of verdict serve hold its sockets: {'; '.join(leaking.values())}")
    except ProcUnreadable as why:
        notes.append(f"worker sockets: SKIPPED, {why}")
        return
    finally:
        stream.close()
    names = ", ".join(sorted({command_line(c) for c in started}))
    notes.append(f"worker sockets: no child process of the server holds a socket of port {port} ({len(children)} checked, "
                 f"{len(started)} started by a reload with an event stream open: {names})")


# ---------------------------------------------------------------------------------------------------------------------
# 11. A seated script that breaks is held back

def check_held_back_seat(server, catalog, notes):
    """A syntax error in a seated script holds that seat back, says so, and lets other edits through; the fix ends it."""
    port, seat = server.port, "probe"
    script, held = catalog / f"{seat}.lua", f"held back until fixed: seat {seat}"
    tool = tool_ids(catalog)[0]

    def reload_line(wanted):
        return lambda line: line.startswith("reload: ") and wanted(line)

    def seat_verdict():
        return {r["persona"]: r["verdict"] for r in get_json(port, f"/api/review/{tool}")["reviews"]}.get(seat)

    check(seat_verdict() not in (None, "failed"), f"/api/review/{tool}: seat {seat} did not review before the test broke it: "
                                                  f"{seat_verdict()}")

    lines = len(server.out)
    script.write_text("-- broken by check_serve_http.py: a syntax error\nreturn {id = \"probe\",\n", encoding="utf-8")
    said = server.wait_line(reload_line(lambda l: held in l), RELOAD_WITHIN, lines)
    check(said, f"no `reload:` line saying `{held}` within {RELOAD_WITHIN} s of a syntax error in {script.name}: {server.out[lines:]}")

    lines = len(server.out)
    tagline = "Edited by check_serve_http.py while a seat is broken"
    edit_tool(catalog, tool, lambda t: t.update(tagline=tagline))
    said = server.wait_line(reload_line(lambda l: f"tools/{tool}.json" in l), RELOAD_WITHIN, lines)
    check(said, f"no `reload:` line naming tools/{tool}.json within {RELOAD_WITHIN} s of editing it: {server.out[lines:]}")
    check(held in said, f"the reload of tools/{tool}.json while {script.name} is broken does not say `{held}`: {said!r}")
    shown = get_json(port, f"/tools/{tool}.json")["page"]["tagline"]
    check(shown == tagline, f"/tools/{tool}.json shows the tagline {shown!r} after its edit, expected {tagline!r}: a broken seat "
                            "held back the tool's edit")
    check(tagline in get(port, f"/tools/{tool}.html").text, f"/tools/{tool}.html does not show the edit while a seat is broken")

    lines = len(server.out)
    script.write_text(PROBE_PERSONA, encoding="utf-8")
    said = server.wait_line(reload_line(lambda l: f"seat {seat}" in l and "held back" not in l), RELOAD_WITHIN, lines)
    check(said, f"no `reload:` line for seat {seat} without `held back` within {RELOAD_WITHIN} s of fixing {script.name}: "
                f"{server.out[lines:]}")
    check(seat_verdict() not in (None, "failed"), f"/api/review/{tool}: seat {seat} does not review after its fix: {seat_verdict()}")
    check(shown == get_json(port, f"/tools/{tool}.json")["page"]["tagline"], f"/tools/{tool}.json lost its edit after the fix")
    notes.append(f"held back: a syntax error in {script.name} held back seat {seat}, an edit of {tool} went through meanwhile, "
                 "the fix ended it")


# ---------------------------------------------------------------------------------------------------------------------

class Checks:
    """Runs each group of checks, keeping the failures so that one failed group does not hide the others."""

    def __init__(self):
        self.failures, self.notes = [], []

    def run(self, name, function, *args):
        try:
            return function(*args)
        except Failure as failure:
            self.failures.append(f"{name}: {failure}")
        except Exception:   # a client error (refused, reset, timed out...) fails the group, not the whole run
            self.failures.append(f"{name}: {traceback.format_exc()}")
        return None


def read_only_session(checks, verdict, folder, catalog, validators):
    """1-3, 6-9: one session that only reads, on a copy whose every byte and mtime must stay as they were."""
    shipped = copy_catalog(catalog, folder, "shipped")
    cli = Cli(verdict, shipped)
    before = snapshot(shipped)
    with Server(verdict, shipped, "--client-timeout", str(CLIENT_TIMEOUT), "--allow-host", ALLOWED_HOST) as server:
        port, notes = server.port, checks.notes
        checks.run("API", check_api, port, cli, shipped, validators, notes)
        requested = checks.run("pages", check_pages, port, cli, shipped, validators, notes) or []
        checks.run("refusals", check_refusals, port, notes)
        checks.run("bodies", check_body_refusals, port, notes)
        checks.run("slow client", check_slow_client, port, notes)
        checks.run("idle connections", check_idle_connections, port, notes)
        checks.run("event stream cap", check_event_stream_cap, port, notes)
        checks.run("startup errors", check_startup_errors, verdict, folder, shipped, port, notes)
        checks.run("--bind", check_bind, verdict, shipped, notes)
        stopped = checks.run("SIGINT", server.stop)
    check(snapshot(shipped) == before, "the catalog's files changed during a session that only requested pages")
    checks.notes.append(f"read only: no file of the catalog changed over {len(requested)} pages and the API")
    return stopped


def live_session(checks, verdict, folder, catalog):
    """4, 7: live reload on a copy this test edits; stopped with its event streams still open."""
    live = copy_catalog(catalog, folder, "live")
    with Server(verdict, live, "--client-timeout", str(CLIENT_TIMEOUT)) as server:
        streams = checks.run("live reload", check_live_reload, server, live, checks.notes) or ()
        stopped = checks.run("SIGINT with event streams open", server.stop)
        for stream in streams:
            stream.close()
    checks.run("edit right after start", check_edit_right_after_start, verdict, folder, catalog, checks.notes)
    return stopped


def failing_persona_session(checks, verdict, folder, catalog, validators):
    """5, 7: a persona script that raises an error."""
    failing = copy_catalog(catalog, folder, "failing")
    seat_failing_persona(failing)
    with Server(verdict, failing) as server:
        checks.run("failing persona", check_failed_seat, server, Cli(verdict, failing), failing, validators, checks.notes)
        return checks.run("SIGINT", server.stop)


def seated_script_session(checks, verdict, folder, catalog):
    """10, 11, 7: a Lua persona seated in the catalog, which this test breaks and fixes."""
    seated = copy_catalog(catalog, folder, "seated")
    seat_script(seated, "probe", PROBE_PERSONA)
    with Server(verdict, seated) as server:
        checks.run("worker sockets", check_worker_sockets, server, seated, checks.notes)
        checks.run("held back seat", check_held_back_seat, server, seated, checks.notes)
        return checks.run("SIGINT", server.stop)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verdict", required=True, help="the verdict program")
    parser.add_argument("--catalog", required=True, type=pathlib.Path, help="the shipped catalog folder (copied, never changed)")
    parser.add_argument("--schemas", required=True, type=pathlib.Path, help="docs/schema: the JSON Schemas of the outputs")
    args = parser.parse_args()
    verdict = str(pathlib.Path(args.verdict).resolve())
    validators = {name: schema_validator(args.schemas / f"{name}.schema.json")
                  for name in ("review", "explain", "comparison", "stats", "index", "category")}
    started = time.monotonic()
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="verdict-serve-") as temporary:
        folder = pathlib.Path(temporary)
        stops = [checks.run("read-only session", read_only_session, checks, verdict, folder, args.catalog, validators),
                 checks.run("live session", live_session, checks, verdict, folder, args.catalog),
                 checks.run("failing persona session", failing_persona_session, checks, verdict, folder, args.catalog, validators),
                 checks.run("seated script session", seated_script_session, checks, verdict, folder, args.catalog)]
    stops = [s for s in stops if s is not None]
    if stops:
        checks.notes.append(f"SIGINT: {len(stops)} servers stopped with status 0, slowest in {max(stops) * 1000:.0f} ms")
    took = time.monotonic() - started
    if checks.failures:
        for failure in checks.failures:
            print(f"check_serve_http: FAILED: {failure}", file=sys.stderr)
        print(f"check_serve_http: {len(checks.failures)} failed group(s) in {took:.1f} s; passed:", file=sys.stderr)
        for note in checks.notes:
            print(f"  {note}", file=sys.stderr)
        return 1
    print(f"verdict serve over HTTP: every check passed in {took:.1f} s")
    for note in checks.notes:
        print(f"  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
