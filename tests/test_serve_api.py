"""The workbench's JSON API and pages, through FastAPI's TestClient, on the sample database
plus one hostile article whose title, text and actor name carry script-injection payloads."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from tacitus.ingest.readers import from_text
from tacitus.model import CodedDocument
from tacitus.serve import create_app
from tacitus.serve.app import VIEWS
from tacitus.serve.coding import process_coder
from tacitus.serve.sample import build_sample_db
from tacitus.serve.security import CLIENT_HEADER

STATIC = Path(__file__).resolve().parents[1] / "tacitus" / "serve" / "static"

TITLE = '<script>window.__pwned = "title"</script> Border talks'
TEXT = ("Iran and Iraq signed a border agreement in Baghdad on Monday. "
        "<img src=x onerror=\"window.__pwned = 'text'\"> "
        "The United States praised Iraq for the agreement. "
        "\"><svg onload=\"window.__pwned = 'svg'\">")
NAME = "\"><svg onload=\"window.__pwned = 'actor'\">Iraq"
PAYLOADS = ("<script>", "<img src=x onerror", "<svg onload")


def local(app) -> TestClient:
    """A client the way the workbench's own pages talk to it: at a loopback address, with
    the client header (the hostile suite checks what happens without them). Articles are
    coded in this process, with the coder the sample database was built with."""
    return TestClient(app, base_url="http://127.0.0.1", headers={CLIENT_HEADER: "test"})


def _plain(name: str) -> str:
    """A place name without accents: the gazetteer says Kābul."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def hostile(coded: CodedDocument) -> CodedDocument:
    """A hostile actor name in the hostile article (names come from the open web too: a
    database may hold anything)."""
    if coded.document.id == "xss":
        iraq = next(a for a in coded.actors if a.code and a.code.startswith("IRQ"))
        iraq.name = NAME
    return coded


def build(path: Path) -> Path:
    extra = [from_text(TEXT, id="xss", title=TITLE, published="2013-05-06",
                       url="javascript:alert(1)")]
    return build_sample_db(path, extra=extra, prepare=hostile)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("serve") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with local(create_app(db, coder_factory=process_coder)) as c:
        yield c


def test_openapi_and_stats(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/documents/{doc_id}", "/api/timeline", "/api/network",
                 "/api/map", "/api/code", "/api/actors/{code}"):
        assert path in spec["paths"]
    stats = client.get("/api/stats").json()
    assert stats["documents"] >= 15 and stats["events"] > 100
    assert stats["allow_store"] is False


def _pairs(row: dict) -> list[tuple[str, str]]:
    """The (source, target) codes of every pair of an events row."""
    found = [(d["source_code"], d["target_code"]) for d in json.loads(row["dyads"] or "[]")]
    return [(s or "", t or "") for s, t in found or [(row["source_code"], row["target_code"])]]


def test_event_filters(client: TestClient) -> None:
    page = client.get("/api/events", params={"dyad": "USA-TAL", "limit": 500}).json()
    assert page["total"] == len(page["rows"]) > 5
    for row in page["rows"]:  # one of the act's pairs (its own, or one in ``dyads``)
        assert {"USA", "TAL"} in [{s[:3], t[:3]} for s, t in _pairs(row)]
    conflict = client.get("/api/events", params={"dyad": "USA-TAL", "quad_class": "3,4"}).json()
    assert conflict["rows"] and {r["quad_class"] for r in conflict["rows"]} <= {3, 4}
    source = client.get("/api/events", params={"source": "usa", "limit": 500}).json()["rows"]
    assert source and all(any(s.startswith("USA") for s, _ in _pairs(r)) for r in source)
    march = client.get("/api/events", params={"since": "2012-03-01", "until": "2012-03-31",
                                              "limit": 500}).json()["rows"]
    assert march and all("2012-03-01" <= r["date"] <= "2012-03-31" for r in march)
    # (the convoy's killing is the attack's: its evidence is the attack's own words)
    words = client.get("/api/events", params={"text": "fighters"}).json()["rows"]
    assert words and all("fighters" in (r["evidence_text"] + r["title"]).lower() for r in words)
    placed = client.get("/api/events", params={"place": "kabul"}).json()["rows"]
    assert placed and {_plain(r["place_name"]) for r in placed} == {"Kabul"}
    root = client.get("/api/events", params={"root": "19"}).json()["rows"]
    assert root and {r["root"] for r in root} == {"19"}
    either = client.get("/api/events", params={"actor": "TAL", "limit": 500}).json()
    assert {r["source_code"] for r in either["rows"]} - {"TAL"}
    assert all("TAL" in (r["source_code"], r["target_code"]) for r in either["rows"])
    headline = client.get("/api/events", params={"title": "convoy"}).json()["rows"]
    assert headline and all("convoy" in r["title"].lower() for r in headline)


def test_codes_match_as_in_the_query_api(client: TestClient, db: Path) -> None:
    """The workbench reads through tacitus.open's API: same rule, same rows."""
    import tacitus

    assert client.get("/api/events", params={"source": "US"}).json()["total"] == 0
    page = client.get("/api/events", params={"dyad": "TAL-USA", "quad_class": "3,4",
                                             "limit": 500}).json()
    with tacitus.open(db) as store:
        same = store.events(dyad=("USA", "TAL"), quad_class=[3, 4], order="-date")
    assert [r["event_id"] for r in page["rows"]] == list(same.event_id)
    assert page["total"] == len(same)


def test_sorting_paging_and_unique(client: TestClient) -> None:
    rows = client.get("/api/events", params={"order": "goldstein", "limit": 40}).json()["rows"]
    scores = [r["goldstein"] for r in rows]
    assert scores == sorted(scores)
    first = client.get("/api/events", params={"limit": 10}).json()
    second = client.get("/api/events", params={"limit": 10, "offset": 10}).json()
    keys = {(r["doc_id"], r["event_id"]) for r in first["rows"]}
    assert keys.isdisjoint((r["doc_id"], r["event_id"]) for r in second["rows"])
    unique = client.get("/api/events", params={"unique": "true", "limit": 500}).json()
    assert 0 < unique["total"] == len(unique["rows"]) < first["total"]
    assert any(r["num_mentions"] > 1 for r in unique["rows"])
    for row in unique["rows"]:      # a cluster row reads like an event row
        assert "date" in row and row["doc_id"] and row["event_id"] and row["evidence_text"]
    by_source = client.get("/api/events", params={"order": "-source_code", "unique": "true",
                                                  "limit": 500}).json()["rows"]
    codes = [r["source_code"] for r in by_source if r["source_code"]]
    assert codes == sorted(codes, reverse=True)


@pytest.mark.parametrize(("query", "status", "says"), [
    ("quad_class=5", 400, "quad_class"),
    ("since=yesterday", 400, "since"),
    ("since=2012-05-01&until=2012-01-01", 400, "after"),
    ("limit=0", 422, "limit"),
    ("limit=abc", 422, "limit"),
    ("order=drop%20table", 400, "order"),
    ("root=21", 400, "root"),
    ("cameo=19x", 400, "cameo"),
    ("modality=maybe", 400, "modality"),
    ("dyad=USA", 400, "dyad"),
    ("source=%3Cscript%3E", 400, "source"),
])
def test_bad_parameters(client: TestClient, query: str, status: int, says: str) -> None:
    answer = client.get(f"/api/events?{query}")
    assert answer.status_code == status
    body = answer.json()
    assert body["error"] == "bad_parameter" and says in body["message"].lower()


def test_other_bad_requests(client: TestClient) -> None:
    assert client.get("/api/timeline?interval=day").status_code == 422
    assert client.get("/api/timeline?dyads=USA").json()["error"] == "bad_parameter"
    assert client.get("/api/network?quad_class=0").status_code == 400
    missing = client.get("/api/documents/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["message"]
    assert client.get("/api/actors/ZZZ").status_code == 404
    assert client.get("/no/such/page").json()["error"] == "not_found"


def test_document_is_the_contract(client: TestClient) -> None:
    body = client.get("/api/documents/kabul_talks_2012").json()
    for event in body["events"]:
        event.pop("cluster_id")
    coded = CodedDocument.model_validate(body)
    text = coded.document.text
    assert coded.events and coded.quotes and coded.actors
    for event in coded.events:
        words = (coded.document.title or "") if event.evidence_in == "title" else text
        assert words[event.evidence.start:event.evidence.end] == event.evidence.text
    for actor in coded.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


def test_timeline_network_map_actor(client: TestClient) -> None:
    series = client.get("/api/timeline", params={"dyads": "USA-TAL"}).json()["series"]
    points = series[0]["points"]
    assert [p["start"][:7] for p in points] == ["2012-01", "2012-02", "2012-03", "2012-04",
                                                "2012-05"]
    march = points[2]
    assert march["end"] == "2012-03-31" and march["conflict"]["count"] > 0
    assert march["conflict"]["goldstein"] < 0 < march["cooperation"]["goldstein"]
    weekly = client.get("/api/timeline", params={"dyads": "USA-TAL", "interval": "week"})
    assert len(weekly.json()["series"][0]["points"]) > len(points)
    net = client.get("/api/network").json()
    codes = {n["id"] for n in net["nodes"]}
    assert {"TAL", "USA"} <= codes
    assert all(e["source"] in codes and e["target"] in codes for e in net["edges"])
    conflict = client.get("/api/network", params={"quad_class": "4"}).json()
    assert 0 < len(conflict["edges"]) < len(net["edges"])
    where = client.get("/api/map").json()
    assert where["points"] and where["unplaced"] > 0
    assert {_plain(p["place_name"]) for p in where["points"]} >= {"Kabul", "Doha"}
    tal = client.get("/api/actors/TAL").json()
    assert "Taliban" in tal["names"] and tal["partners"]


def test_payloads_come_back_as_data(client: TestClient) -> None:
    body = client.get("/api/documents/xss").json()
    assert body["document"]["title"] == TITLE
    assert "<img src=x onerror" in body["document"]["text"]
    assert NAME in {a["name"] for a in body["actors"]}
    rows = client.get("/api/events", params={"doc": "xss"}).json()["rows"]
    assert rows and all(r["title"] == TITLE for r in rows)
    assert NAME in {r["source_name"] for r in rows} | {r["target_name"] for r in rows}
    assert client.get("/api/events", params={"title": "<script>"}).json()["total"] > 0
    assert client.get("/api/events", params={"text": "<script>"}).json()["total"] == 0


def test_pages_are_fixed_shells(client: TestClient) -> None:
    """No page ever carries data, so none can carry a payload, whatever the URL says."""
    for view in VIEWS:
        answer = client.get(f"/{view}", params={"doc": TITLE, "code": NAME, "dyad": TEXT})
        assert answer.status_code == 200
        html = answer.text
        for payload in PAYLOADS:
            assert payload not in html.replace('<script src="/static/', "")
        assert "__pwned" not in html
        assert re.findall(r"<script[^>]*>", html) == [
            s for s in re.findall(r"<script[^>]*>", html) if 'src="/static/' in s]
    assert client.get("/", follow_redirects=False).headers["location"] == "/events"


def test_security_headers(client: TestClient) -> None:
    for url in ("/events", "/api/stats", "/static/js/common.js", "/api/documents/nope"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_scripts_never_write_markup() -> None:
    """Data reaches the page only as text: no script uses an HTML-parsing sink."""
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|"
                       r"new Function|setTimeout\(\s*['\"]")
    for script in (STATIC / "js").glob("*.js"):
        assert not sinks.search(script.read_text(encoding="utf-8")), script.name


def test_vendored_files_match_their_record() -> None:
    versions = json.loads((STATIC / "vendor" / "VERSIONS.json").read_text(encoding="utf-8"))
    assert set(versions) == {"topojson-client", "world-atlas"}
    for package in versions.values():
        for name, digest in package["files"].items():
            data = (STATIC / "vendor" / name).read_bytes()
            assert hashlib.sha256(data).hexdigest() == digest, name


def test_code_an_article(client: TestClient) -> None:
    answer = client.post("/api/code", data={
        "text": "Iran and Iraq signed a border agreement in Baghdad on Monday.",
        "published": "2014-03-05"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["stored"] is False
    assert body["coded"]["events"] and body["coded"]["document"]["published"] == "2014-03-05"
    upload = client.post("/api/code", files={"file": (
        "note.md", b"# Title\n\nThe United States praised Iraq for the agreement.\n",
        "text/markdown")})
    assert upload.status_code == 200 and upload.json()["coded"]["events"]
    binary = client.post("/api/code", files={"file": ("x.txt", b"\x00\x01\x02" * 100)})
    assert binary.status_code == 400 and "binary" in binary.json()["message"]
    empty = client.post("/api/code", data={"text": "  "})
    assert empty.status_code == 400 and empty.json()["error"] == "bad_parameter"
    refused = client.post("/api/code", data={"text": "Iran praised Iraq.", "store": "true"})
    assert refused.status_code == 403 and "--allow-store" in refused.json()["message"]


def test_upload_limit(db: Path) -> None:
    with local(create_app(db, max_upload=10_000, coder_factory=process_coder)) as small:
        big = small.post("/api/code", files={"file": ("big.txt", b"Iran praised Iraq. " * 2000)})
        assert big.status_code == 413
        assert big.json()["error"] == "too_large" and "10,000" in big.json()["message"]

        def chunks() -> Iterator[bytes]:
            for _ in range(20):
                yield b"x" * 1000

        streamed = small.post("/api/code", content=chunks(),
                              headers={"content-type": "text/plain"})
        assert streamed.status_code == 413
        assert "content-security-policy" in streamed.headers


def test_database_is_read_only(client: TestClient, db: Path) -> None:
    con = client.app.state.corpus.con
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM documents")
    assert client.get("/api/stats").json()["documents"] >= 15


def test_allow_store(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "writable.duckdb"
    shutil.copy(db, copy)
    with local(create_app(copy, allow_store=True, coder_factory=process_coder)) as writable:
        assert writable.get("/api/stats").json()["allow_store"] is True
        form = {"text": "Turkey condemned Syria for the shelling of its border towns.",
                "title": "Border shelling", "published": "2015-08-01", "store": "true"}
        first = writable.post("/api/code", data=form).json()
        assert first["stored"] is True
        stored = writable.get(f"/api/documents/{first['doc_id']}").json()
        assert stored["document"]["title"] == "Border shelling" and stored["events"]
        again = writable.post("/api/code", data=form).json()
        assert again["stored"] is False and "already stored" in again["message"]
