"""The merge check set (issue 14): duplicates and non-events per 100 records on articles
judged by hand (tests/fixtures/merge_checkset.json; tacitus/eval/checkset.py says how).

Prints every duplicate, non-event and unjudged record (``pytest -s``), before merging and
after. Re-judge with ``scripts/annotate_merge.py`` when the coder reads new records.
"""

from __future__ import annotations

import pytest

from tacitus.eval import checkset

# What the merge must keep (issue 14 aims: fewer than 3 duplicates and 5 non-events per 100
# records; measured 2026-12-07, end of the fifth session: 39.5 duplicates per 100 before
# merging, 22.7 after, 11.4 non-events, 2.3 overmerged; second round: 41.3 before, 24.1
# after (20 of 83 records), 6.0 non-events, 2.4 overmerged; sixth session: 22.5 after (18 of
# 80 records), 5.0 non-events, 2.5 overmerged; its second issue-14 round: 19.2 after (15 of
# 78 records), 5.1 non-events (the same 4), 2.6 overmerged (the same 2); seventh session:
# 18.2 at its start (14 of 77), 13.7 after (10 of 73), 5.5 non-events, 2.7 overmerged (the
# same 4 and 2)). The non-events
# are the coder's to remove, not the merge's: this test holds the merge to what it does
# today, and prints both figures against the aims.
MAX_DUPLICATES_PER_100 = 12.0
MAX_OVERMERGED_PER_100 = 3.0
MAX_UNJUDGED_SHARE = 0.25


@pytest.fixture(scope="module")
def checked(shared):
    fixture = checkset.load_fixture()
    missing = [a["article"] for a in fixture["articles"]
               if not (shared / a["article"].partition("#")[0]).exists()]
    if missing:
        pytest.skip(f"check set articles absent: {missing[:3]}")
    coded = checkset.raw_coded(shared, fixture)
    return fixture, coded


def test_checkset_duplicates_and_non_events_per_100(checked) -> None:
    fixture, coded = checked
    text_of = {ref: d.document.text for ref, d in coded.items()}
    before = checkset.score(fixture, coded, merged=False)
    after = checkset.score(fixture, coded, merged=True)
    print("\none record per passage:\n" + checkset.report(before, text_of))
    print("merged (aims: duplicates < 3, non-events < 5 per 100):\n"
          + checkset.report(after, text_of))
    b, a = before.counts(), after.counts()
    assert b["records"] >= 100 and len(fixture["articles"]) >= 11
    assert a["unjudged"] <= MAX_UNJUDGED_SHARE * (a["records"] + a["unjudged"])
    assert after.per_100()["duplicates"] < before.per_100()["duplicates"]
    assert after.per_100()["duplicates"] <= MAX_DUPLICATES_PER_100
    assert after.per_100()["overmerged"] <= MAX_OVERMERGED_PER_100
    # merging never makes a real event disappear
    assert a["real_events"] == b["real_events"]


def test_checkset_fixture_holds_offsets_and_codes_only() -> None:
    fixture = checkset.load_fixture()
    for article in fixture["articles"]:
        for r in article["records"]:
            start, end, ev_start, ev_end, code = r["key"]
            assert 0 <= start < end and 0 <= ev_start < ev_end and code.isdigit()
            assert set(r) == {"key", "label"} and isinstance(r["label"], str)
