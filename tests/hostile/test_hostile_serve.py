"""The workbench against other sites, rebinding DNS names, the network and hostile articles.

Host and Origin checks run through a real uvicorn server on 127.0.0.1 (``running``) as well
as TestClient. The coder is the stand-in of ``fakes`` in a real child process, so the time
limit, the isolation of the server from a runaway article and a coder crash are tested
without loading spaCy.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fakes import fake_coder
from fastapi.testclient import TestClient

from tacitus.model import CodedDocument, Document
from tacitus.serve import create_app
from tacitus.serve.coding import ProcessCoder
from tacitus.serve.corpus import Corpus
from tacitus.serve.sample import running
from tacitus.serve.security import CLIENT_HEADER, split_host

SLASHED = "https://example.org/news/2012/talks"
FORM = {"text": "Iran praised Iraq for the border agreement.", "store": "true"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three stored articles (no coding needed), one with a URL as its id."""
    path = tmp_path_factory.mktemp("hostile-serve") / "events.duckdb"
    corpus = Corpus(path, writable=True)
    for doc_id, published in (("a1", "2012-01-04"), (SLASHED, "2012-02-01"),
                              ("feed/guid/7", "2010-06-01")):
        document = Document(id=doc_id, text=f"Article {doc_id}.", published=published)
        corpus.save(CodedDocument(document=document), f"test:{doc_id}")
    corpus.close()
    return path


@pytest.fixture(scope="module")
def coder() -> Iterator[ProcessCoder]:
    """One child process for the module (started by the first article), 2 s per article."""
    made = ProcessCoder(fake_coder, seconds=2, max_chars=5_000)
    yield made
    made.close()


def _documents(path: Path) -> int:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def test_host_header_must_name_this_server(db: Path, coder: ProcessCoder) -> None:
    """DNS rebinding: a page at evil.example whose name now points at 127.0.0.1 sends
    ``Host: evil.example``; it gets nothing, through TestClient and a real server alike."""
    with TestClient(create_app(db, coder=coder), base_url="http://evil.example") as client:
        answer = client.get("/api/events")
        assert answer.status_code == 400 and answer.json()["error"] == "bad_host"
    with running(create_app(db, coder=coder)) as base:
        port = httpx.URL(base).port
        for host, status in ((f"127.0.0.1:{port}", 200), (f"localhost:{port}", 200),
                             (f"evil.example:{port}", 400), ("127.0.0.1.evil.example", 400),
                             ("", 400)):
            answer = httpx.get(f"{base}/api/documents", headers={"host": host})
            assert answer.status_code == status, host
            if status == 400:
                assert "does not answer to the host name" in answer.json()["message"]
                assert "content-security-policy" in answer.headers


def test_cross_site_posts_are_refused_and_store_nothing(db: Path, coder: ProcessCoder,
                                                        tmp_path: Path) -> None:
    """The forged form POST of the audit: multipart (no CORS preflight), from another site,
    to a writable server. It must not code or store anything."""
    writable = tmp_path / "writable.duckdb"
    shutil.copy(db, writable)
    before = _documents(writable)
    with running(create_app(writable, allow_store=True, coder=coder)) as base:
        forged = httpx.post(f"{base}/api/code", files={"file": ("a.txt", b"Iran praised Iraq.")},
                            data={"store": "true"}, headers={"origin": "http://evil.example"})
        assert forged.status_code == 403 and forged.json()["error"] == "cross_origin"
        other_port = httpx.post(f"{base}/api/code", data=FORM,
                                headers={"origin": "http://127.0.0.1:1", CLIENT_HEADER: "x"})
        assert other_port.status_code == 403
        hidden = httpx.post(f"{base}/api/code", data=FORM,
                            headers={"origin": "null", CLIENT_HEADER: "x"})
        assert hidden.status_code == 403
        no_header = httpx.post(f"{base}/api/code", data=FORM)  # a form has no custom headers
        assert no_header.status_code == 403 and no_header.json()["error"] == "missing_header"
        assert CLIENT_HEADER in no_header.json()["message"]
        # the workbench's own page: same origin, with the header
        own = httpx.post(f"{base}/api/code", data=FORM,
                         headers={"origin": base, CLIENT_HEADER: "workbench"})
        assert own.status_code == 200 and own.json()["stored"] is True
    assert _documents(writable) == before + 1


def test_a_token_guards_every_request(db: Path, coder: ProcessCoder) -> None:
    token = "s3cret-token-of-some-length"
    with TestClient(create_app(db, coder=coder, token=token),
                    base_url="http://127.0.0.1") as client:
        refused = client.get("/api/documents")
        assert refused.status_code == 401 and refused.json()["error"] == "unauthorized"
        assert client.get("/events").status_code == 401
        wrong = client.get("/api/documents", headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        bearer = client.get("/api/documents", headers={"authorization": f"Bearer {token}"})
        assert bearer.status_code == 200
        opened = client.get(f"/events?token={token}&dyad=USA-TAL", follow_redirects=False)
        assert opened.status_code == 303 and opened.headers["location"] == "/events?dyad=USA-TAL"
        cookie = opened.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert client.get("/api/documents").status_code == 200  # the cookie now


def test_listening_beyond_loopback_requires_a_token(db: Path, tmp_path: Path) -> None:
    """``tacitus serve --host 0.0.0.0`` makes up a token and prints the address with it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from tacitus.cli import app; app()", "serve", "--db",
             str(db), "--host", "0.0.0.0", "--port", str(port), "--allow-store"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while "?token=" not in log.read_text() and time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()
            time.sleep(0.1)
        token = re.search(r"\?token=([\w-]+)", log.read_text()).group(1)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                refused = httpx.get(f"{base}/api/stats")
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert refused.status_code == 401
        stats = httpx.get(f"{base}/api/stats", headers={"authorization": f"Bearer {token}"})
        assert stats.status_code == 200 and stats.json()["allow_store"] is True
        by_ip = httpx.get(f"{base}/api/stats", headers={"authorization": f"Bearer {token}",
                                                        "host": f"10.1.2.3:{port}"})
        assert by_ip.status_code == 200  # an IP address is no rebinding name
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_a_runaway_article_is_stopped_and_never_starves_the_server(db: Path,
                                                                   coder: ProcessCoder) -> None:
    """Coding runs in the child: while it spins, other requests answer at once; after the
    time limit it is killed, and the next article gets a new child."""
    app = create_app(db, coder=coder)
    with running(app) as base:
        client = httpx.Client(base_url=base, headers={CLIENT_HEADER: "test"}, timeout=60)
        assert client.post("/api/code", data={"text": "warm the child up"}).status_code == 200
        import threading

        answers: list[httpx.Response] = []
        spinner = threading.Thread(target=lambda: answers.append(
            client.post("/api/code", data={"text": "spin for ever"})))
        spinner.start()
        time.sleep(0.3)
        slowest = 0.0
        while spinner.is_alive():
            started = time.monotonic()
            assert client.get("/api/documents").status_code == 200
            slowest = max(slowest, time.monotonic() - started)
            time.sleep(0.05)
        spinner.join()
        assert slowest < 0.5, f"a page took {slowest:.2f} s while an article was coding"
        stopped = answers[0]
        assert stopped.status_code == 503 and stopped.json()["error"] == "time_limit"
        assert "longer than 2 s" in stopped.json()["message"]
        after = client.post("/api/code", data={"text": "fine again"})
        assert after.status_code == 200 and after.json()["coded"]["document"]["text"]


@pytest.mark.parametrize(("data", "status", "kind", "says"), [
    (b"raise it", 500, "coder_failed", "the parser exploded"),
    (b"crash now", 500, "coder_failed", "died"),
    (b"word " * 1_200, 413, "too_large", "at most 5,000"),
    ("\ud800 Iran praised Iraq.".encode("utf-8", "surrogatepass"), 400, "bad_input",
     "not UTF-8"),
    ("Iran praised Iraq.".encode("utf-16"), 200, None, None),
])
def test_coder_failures_are_one_json_line(db: Path, coder: ProcessCoder, data: bytes,
                                          status: int, kind: str, says: str) -> None:
    """Each failure of the coder or of the article is one JSON line with its status; the
    server goes on (a child that died is replaced)."""
    with TestClient(create_app(db, coder=coder), base_url="http://127.0.0.1",
                    headers={CLIENT_HEADER: "test"}) as client:
        answer = client.post("/api/code", files={"file": ("a.txt", data)})
        assert answer.status_code == status, answer.text
        if kind:
            assert answer.json()["error"] == kind and says in answer.json()["message"]


def test_a_text_past_spacys_max_length_is_refused_not_a_500(db: Path,
                                                           coder: ProcessCoder) -> None:
    with TestClient(create_app(db, coder=coder), base_url="http://127.0.0.1",
                    headers={CLIENT_HEADER: "test"}) as client:
        answer = client.post("/api/code", files={"file": ("long.txt", b"word " * 220_000)})
        assert answer.status_code == 413 and answer.json()["error"] == "too_large"


def test_ids_with_slashes_big_offsets_and_year_filters(db: Path, coder: ProcessCoder) -> None:
    with TestClient(create_app(db, coder=coder), base_url="http://127.0.0.1") as client:
        for doc_id in (SLASHED, "feed/guid/7"):
            answer = client.get(f"/api/documents/{httpx.QueryParams({'x': doc_id})['x']}")
            assert answer.status_code == 200 and answer.json()["document"]["id"] == doc_id
            encoded = client.get("/api/documents/" + doc_id.replace("/", "%2F"))
            assert encoded.status_code == 200
        for url in ("/api/events", "/api/documents"):
            for offset in (2**63, 10**30):
                answer = client.get(url, params={"offset": offset})
                assert answer.status_code in (400, 422), answer.text
                assert answer.json()["error"] == "bad_parameter"
                assert "offset" in answer.json()["message"]
        assert client.get("/api/events", params={"since": "2010", "until": "2012-01"}
                          ).status_code == 200
        assert client.get("/api/timeline", params={"since": "2010"}).status_code == 200
        assert client.get("/api/map", params={"until": "2011"}).status_code == 200


def test_an_unexpected_error_is_json(db: Path, coder: ProcessCoder, monkeypatch) -> None:
    app = create_app(db, coder=coder)
    monkeypatch.setattr(app.state.corpus, "stats", lambda: 1 / 0)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        answer = client.get("/api/stats")
        assert answer.status_code == 500
        assert answer.json() == {"error": "internal_error",
                                 "message": "the server failed: ZeroDivisionError"}


def test_split_host() -> None:
    assert split_host("127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert split_host("[::1]:80") == ("::1", 80)
    assert split_host("LocalHost.") == ("localhost", None)
    assert split_host("::1") == ("::1", None)
