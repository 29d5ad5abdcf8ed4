"""Time expressions resolved against the publication date, and each event's own date.

Every form the context issue names, in sentences written for these tests.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus import code
from tacitus.context import find_times
from tacitus.context.time import _combined, _Form

PUBLISHED = "2012-01-04"  # a Wednesday


@pytest.mark.parametrize(("text", "value", "precision", "qualifier"), [
    ("Dec. 31", "2011-12-31", "day", None),
    ("September 11, 2001", "2001-09-11", "day", None),
    ("11 September 2001", "2001-09-11", "day", None),
    ("December 2009", "2009-12", "month", None),
    ("23 Aug 88", "1988-08-23", "day", None),
    ("last month", "2011-12", "month", None),
    ("last September", "2011-09", "month", None),
    ("on Wednesday", "2012-01-04", "day", None),
    ("on Monday", "2012-01-02", "day", None),
    ("last Friday", "2011-12-30", "day", None),
    ("yesterday", "2012-01-03", "day", None),
    ("this year", "2012", "year", None),
    ("next summer", "2012-06", "season", None),
    ("last winter", "2010-12", "season", None),
    ("this winter", "2011-12", "season", None),
    ("this summer", "2012-06", "season", None),
    ("within the last month", "2012-01", "month", "within"),
    ("by the end of 2014", "2014-12", "month", "before"),
    ("for months", "2012-01", "month", "duration"),
    ("two weeks ago", "2011-12-19", "week", None),
    ("since 2001", "2001", "year", "since"),
    ("early next year", "2013-01", "month", None),
    ("in mid-2010", "2010", "year", None),
    ("the third quarter", "2011-07", "quarter", None),
    ("recently", "2012-01", "month", "recent"),
    ("last Oct. 23", "2011-10-23", "day", None),
    ("last night", "2012-01-03", "day", None),
    ("on Friday, Dec. 30", "2011-12-30", "day", None),
    ("in June last year", "2011-06", "month", None),
    ("in March of next year", "2013-03", "month", None),
    ("a year ago", "2011", "year", None),
    ("by year end", "2012", "year", "before"),
    ("in the current fiscal year", "2012", "year", None),
])
def test_each_news_form_resolves(text: str, value: str, precision: str,
                                 qualifier: str | None) -> None:
    found = find_times(f"Officials met {text} in the capital.", PUBLISHED)
    assert len(found) == 1, found
    t = found[0]
    assert (t.value, t.precision, t.qualifier) == (value, precision, qualifier)
    assert f"Officials met {text} in the capital."[t.start : t.end] == t.text


def test_numbers_and_modal_may_are_not_dates() -> None:
    assert find_times("2000 troops may leave; 1998 people fled.", PUBLISHED) == []


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    found = find_times("On Monday, a week after December 2009, talks resumed.", None)
    assert [(t.text, t.value, t.qualifier) for t in found] == [
        ("after December 2009", "2009-12", "since")]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_offsets_always_slice_the_text(text: str) -> None:
    for t in find_times(text, PUBLISHED):
        assert text[t.start : t.end] == t.text


def _dates(text: str) -> dict[str, tuple[str, str, str | None] | None]:
    doc = code(text, published=PUBLISHED)
    return {e.evidence.text: (e.date.value, e.date.precision, e.date.text) if e.date else None
            for e in doc.events}


def test_the_event_takes_the_date_of_its_own_clause() -> None:
    dates = _dates("Afghan officials said on Tuesday that Taliban fighters attacked a NATO "
                   "convoy on Dec. 31.")
    attack = next(v for k, v in dates.items() if "attacked" in k)
    assert attack == ("2011-12-31", "day", "Dec. 31")
    dates = _dates("Afghan officials said on Tuesday that the Taliban were weak.")
    said = next(v for k, v in dates.items() if "said" in k)
    assert said == ("2012-01-03", "day", "Tuesday")


def test_a_date_of_a_gerund_complement_dates_its_verb() -> None:
    # the gerund names the act the verb begins or goes on with: one time for both
    assert _date_of("Volunteers who began clearing the road on Monday were turned back.",
                    "began") == ("2012-01-02", "clause")
    assert _date_of("The ferry line kept sailing in July despite the storms.",
                    "kept") == ("2011-07", "clause")


def test_days_before_an_act_count_back_from_the_day_of_its_earlier_mention() -> None:
    text = ("A guard was shot on Dec. 20 outside the depot. A driver saw a stranger near "
            "the gate six days before the shooting and called the police.")
    assert _date_of(text, "saw") == ("2011-12-14", "clause")
    assert _date_of(text, "shooting") == ("2011-12-20", "mention")  # not its own count
    # an act the text does not date: no day to count from, and no news of this week
    assert _date_of("A driver saw a stranger near the gate two weeks before the stabbing.",
                    "saw") is None
    # "for ten days before" is a span
    assert [t.text for t in find_times("The crew waited for ten days before the launch.",
                                       PUBLISHED)] == []


def test_a_when_clause_of_a_time_happened_at_that_time() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = "The envoy lived abroad from 1990, when the coup failed, until 2001."
    assert _date_of(text, "failed") == ("1990", "clause")
    text = "Aid has flowed since March, when the port reopened."
    doc = default_coder().nlp(text)
    found = Dater(doc, PUBLISHED, text).date_for(next(t for t in doc if t.text == "reopened"),
                                                 "asserted")
    assert found is not None and (found.value, found.qualifier) == ("2011-03", None)


def test_a_current_report_takes_the_publication_date_without_text() -> None:
    dates = _dates("Pakistan condemned the Afghan government.")
    assert list(dates.values()) == [(PUBLISHED, "week", None)]


@pytest.mark.parametrize(("text", "verb", "precision"), [
    # a participle or infinitive takes the tense of the finite verb it hangs on
    ("Rescuers are still digging, hoping to find survivors.", "hoping", "day"),
    ("Rescuers dug through the night, hoping to find survivors.", "hoping", "week"),
    ("The ministry is trying to reach the families.", "reach", "day"),
    # a present passive is a present
    ("More storms are expected in the north.", "expected", "day"),
    ("More storms were expected in the north.", "expected", "week"),
    # a present perfect tells the state of things on the day of publication
    ("No group has claimed the raid on the depot.", "claimed", "day"),
    ("Foreign staff have been told to leave the port.", "told", "day"),
    ("Rescuers have dug through the rubble, hoping to find survivors.", "hoping", "day"),
])
def test_a_current_report_takes_the_day_by_the_tense_of_its_finite_verb(
        text: str, verb: str, precision: str) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    found = Dater(doc, PUBLISHED, text).date_for(trigger, "asserted")
    assert found is not None and (found.value, found.precision, found.attached) == (
        PUBLISHED, precision, "publication")


def test_soon_in_a_connective_is_no_time() -> None:
    # "as soon as" and "soon after" join clauses; the time, if any, is the word after them
    found = find_times("Envoys may come as soon as Tuesday. Return him as soon as possible. "
                       "He quit soon after the vote. Talks begin soon.", PUBLISHED)
    assert [t.text for t in found] == ["Tuesday", "soon"]


def test_a_planning_participle_on_an_event_noun_dates_it() -> None:
    # "set for May", "planned for Saturday": the time the event is planned for, read as
    # near ahead as behind; a participle that is no plan ("built in 1990") dates no event
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = ("Ministers will prepare for a summit scheduled for May. A vigil planned for "
            "Saturday was called off. The talks opened in a hall built in 1990.")
    doc = default_coder().nlp(text)
    dater = Dater(doc, PUBLISHED, text)
    dates = {t.text: dater.date_for(t, "planned") for t in doc
             if t.text in ("summit", "vigil", "talks")}
    assert (dates["summit"].value, dates["summit"].attached) == ("2012-05", "clause")
    assert dates["vigil"].value == "2011-12-31"
    assert dates["talks"] is None


def test_a_figure_of_a_report_on_a_quarter_is_of_that_quarter() -> None:
    # "Sales climbed" after "third-quarter profit" is the third quarter's; a share price is
    # the trading day's (the week), and a quarter not yet ended is a forecast, no period
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = ("Third-quarter profit at the mill rose. Sales climbed to $8 million. Its shares "
            "rose 5 cents. The company earned $4 million. It expects fourth-quarter profit "
            "to rise. Revenue fell 2%.")
    doc = default_coder().nlp(text)
    dater = Dater(doc, "2011-10-20", text)
    found = [dater.date_for(t, "asserted") for t in doc
             if t.lemma_ in ("rise", "climb", "earn", "fall") and t.tag_ == "VBD"]
    assert [(d.value, d.precision, d.attached) for d in found] == [
        ("2011-07", "quarter", "clause"), ("2011-07", "quarter", "story"),
        ("2011-10-20", "week", "publication"), ("2011-07", "quarter", "story"),
        ("2011-07", "quarter", "story")]


@pytest.mark.parametrize(("text", "expression", "value"), [
    # a planning verb in the present perfect gives the time planned, ahead
    ("The governor has scheduled a briefing for Thursday.", "Thursday", "2012-01-05"),
    # the new date of a postponement is ahead; the day it was done on is not
    ("The council postponed the vote until Tuesday.", "until Tuesday", "2012-01-10"),
    ("The council postponed the vote on Monday.", "Monday", "2012-01-02"),
    # a past perfect plan stays behind
    ("The army had scheduled talks for Thursday.", "Thursday", "2011-12-29"),
])
def test_a_time_a_plan_or_a_postponement_gives_is_ahead(text: str, expression: str,
                                                        value: str) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    times = {t.text: t.value for t in Dater(default_coder().nlp(text), PUBLISHED, text).times}
    assert times.get(expression) == value, times


def test_a_weekday_names_the_year_of_its_date_and_a_colon_ends_no_date() -> None:
    # Dec. 31 was a Friday in 2010, not in 2011; "Jan. 5:" opens a quoted editorial
    (friday,) = find_times("The paper wrote on Friday, Dec. 31 that the court erred.", PUBLISHED)
    assert friday.value == "2010-12-31"
    (thursday,) = find_times("The paper wrote on Thursday, Jan. 5: the court erred.", PUBLISHED)
    assert (thursday.text, thursday.value) == ("Thursday, Jan. 5", "2012-01-05")


def test_a_present_tense_report_takes_the_publication_day() -> None:
    dates = _dates("Pakistan condemns the Afghan government.")
    assert list(dates.values()) == [(PUBLISHED, "day", None)]


def test_a_weekday_of_a_present_tense_or_a_present_plan_looks_ahead() -> None:
    dates = _dates("Iranian and French envoys meet Monday in Paris.")
    assert ("2012-01-09", "day", "Monday") in dates.values(), dates
    dates = _dates("On Friday, Iran plans to hold talks with the European envoys.")
    assert ("2012-01-06", "day", "Friday") in dates.values(), dates


def test_the_quarter_of_a_business_report_follows_the_quarter_the_text_named() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = ("Second-quarter profit at the state oil company rose. In the latest period sales "
            "fell, and the year-earlier quarter was weak. Riots hit the Christian quarter; a "
            "quarter of the staff left in the period of unrest.")
    timexes = Dater(default_coder().nlp(text), PUBLISHED, text).timexes()
    assert [(t.text, t.value) for t in timexes] == [
        ("Second-quarter", "2011-Q2"), ("the latest period", "2011-Q2"),
        ("the year-earlier quarter", "2010-Q2")]
    # with no quarter named before it, "the quarter" is the last one ended
    (alone,) = find_times("Profit fell in the quarter.", PUBLISHED)
    assert (alone.value, alone.precision) == ("2011-10", "quarter")


def test_a_report_s_quarter_named_a_year_back_is_that_quarter_a_year_before() -> None:
    # "the corresponding period last year", "last year's quarter", "the quarter a year ago"
    # after the quarter a report is on: that quarter of the year before, one expression
    text = ("Third-quarter profit at the brewery rose to $9 million from $7 million in the "
            "corresponding period last year. Exports for last year's quarter were small. For "
            "the quarter a year ago, the brewery lost money; in the same period last year "
            "costs rose. The comparable quarter was weak.")
    assert [(t.text, t.timeml) for t in find_times(text, "2011-10-20")] == [
        ("Third-quarter", "2011-Q3"), ("the corresponding period last year", "2010-Q3"),
        ("last year's quarter", "2010-Q3"), ("the quarter a year ago", "2010-Q3"),
        ("the same period last year", "2010-Q3")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Earnings will fall in the last half of 2013.", [("the last half of 2013", "2013-H2")]),
    ("Prices will hold through the first two quarters of 2013.",
     [("the first two quarters of 2013", "2013-H1")]),
    ("Sales should pick up in the second half of next year.",
     [("the second half of next year", "2013-H2")]),
    ("The mine closed in the latter half of last year.",
     [("the latter half of last year", "2011-H2")]),
    ("Output rose in the first half of 2010.", [("the first half of 2010", "2010-H1")]),
])
def test_a_half_of_a_year_is_that_half(text: str, expected: list) -> None:
    assert [(t.text, t.timeml) for t in find_times(text, PUBLISHED)] == expected


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1950, max_value=2040),
       st.sampled_from(["first", "second", "last", "latter"]))
def test_a_half_of_any_year_is_of_that_year(year: int, which: str) -> None:
    (half,) = find_times(f"in the {which} half of {year}", PUBLISHED)
    assert half.timeml == f"{year}-H{1 if which == 'first' else 2}"
    assert half.precision == "half"


def test_the_dater_second_pass_keeps_the_quarters_the_text_gave() -> None:
    # the Dater re-reads the expressions after tense: "a year ago", already the quarter a
    # year back, is no quarter the text named, and "the latest quarter" is never one not
    # yet ended (a forecast for the fourth quarter in an October report)
    from datetime import date

    from tacitus.context.time import Dater, resolve_anchored
    from tacitus.pipeline import default_coder

    text = ("Third-quarter profit at the mill rose from a year ago. In the latest period the "
            "mill gained. The mill expects fourth-quarter sales to fall. In the latest quarter "
            "sales rose from a year earlier.")
    once = find_times(text, "2011-10-20")
    twice = resolve_anchored(once, date(2011, 10, 20))
    dater = Dater(default_coder().nlp(text), "2011-10-20", text)
    expected = [("Third-quarter", "2011-Q3"), ("a year ago", "2010-Q3"),
                ("the latest period", "2011-Q3"), ("fourth-quarter", "2011-Q4"),
                ("the latest quarter", "2011-Q3"), ("a year earlier", "2010-Q3")]
    for found in (once, twice, dater.times):
        assert [(t.text, t.timeml) for t in found] == expected


@pytest.mark.parametrize(("text", "value"), [
    ("The talks resume on Jan. 9.", "2012-01-09"),
    ("The talks resume in January.", "2012-01"),
    ("The talks ended in November.", "2011-11"),
    ("The talks ended on Feb. 28.", "2011-02-28"),
])
def test_a_month_two_months_ahead_wraps_into_the_next_year(text: str, value: str) -> None:
    # in a December article January is as near ahead as March is in a January one
    (t,) = find_times(text, "2011-12-05")
    assert t.value == value


def test_a_year_or_month_later_counts_from_the_month_or_year_the_text_gave() -> None:
    text = ("The envoy fled to Cairo in June 2009 and came back later that year. Talks began "
            "in March 2010; the following month they broke down. Last year the army rebelled, "
            "and a year later it was disbanded.")
    found = find_times(text, PUBLISHED)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("June 2009", "2009-06", None), ("later that year", "2009", "text"),
        ("March 2010", "2010-03", None), ("the following month", "2010-04", "text"),
        ("Last year", "2011", "publication"), ("a year later", "2012", "text")]
    # a month named far back does not anchor "a year earlier" of another passage
    far = "Sales fell in 1980. " + "The mill hired more staff. " * 12 + \
        "Sales rose from a year earlier."
    assert find_times(far, PUBLISHED)[-1].value == "2011"


def test_a_year_ago_in_a_report_on_a_quarter_is_that_quarter_a_year_before() -> None:
    text = ("Fourth-quarter profit at the mill rose to $4 million from $3 million a year ago. "
            "Year-earlier sales were lower. A year earlier the mill had lost money.")
    found = find_times(text, PUBLISHED)
    assert [(t.text, t.timeml, t.anchor) for t in found] == [
        ("Fourth-quarter", "2011-Q4", "publication"), ("a year ago", "2010-Q4", "text"),
        ("Year-earlier", "2010-Q4", "text"), ("A year earlier", "2010-Q4", "text")]
    # "the latest quarter" is the quarter reported on when none is named
    found = find_times("In the latest quarter profit rose from a year earlier.", PUBLISHED)
    assert [t.timeml for t in found] == ["2011-Q4", "2010-Q4"]
    # with no quarter named, "year-earlier" is the year before publication
    (alone,) = find_times("Year-earlier sales at the mill were lower.", PUBLISHED)
    assert (alone.value, alone.precision) == ("2011", "year")


def test_the_weekend_is_the_last_one_begun_or_the_coming_one() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    found = find_times("Talks were held over the weekend and resume next weekend.", PUBLISHED)
    assert [(t.text, t.value, t.precision, t.timeml) for t in found] == [
        ("the weekend", "2011-12-26", "week", "2011-W52-WE"),
        ("next weekend", "2012-01-02", "week", "2012-W01-WE")]
    text = "The envoys will meet over the weekend."
    (t,) = Dater(default_coder().nlp(text), PUBLISHED, text).times
    assert t.timeml == "2012-W01-WE"


@pytest.mark.parametrize(("text", "verb", "value"), [
    # a past tense puts "this summer" behind publication (a November article here)
    ("The stock began trading this summer.", "trading", "2011-06"),
    ("The stock will begin trading this summer.", "trading", "2012-06"),
    # a weekday that modifies a noun of a present clause is no plan
    ("The move follows Tuesday's statement by the ministry.", "statement", "2011-11-01"),
    # a simple past is never dated after publication, whatever the clause above looks to
    ("On Tuesday the league plans to hold a rally for the doctor who died.", "died", None),
])
def test_a_date_is_checked_against_publication_by_the_event_own_tense(
        text: str, verb: str, value: str | None) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    found = Dater(doc, "2011-11-03", text).date_for(trigger, "asserted")
    assert (found.value if found and found.text else None) == value


def test_a_definite_event_noun_takes_the_date_of_its_earlier_mention() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = ("The judge was shot on Dec. 12 outside his home. Police said the shooting shocked "
            "the town. The inquiry began since 2009. Officials said the inquiry "
            "goes on. A shooting at a bar left two hurt.")
    doc = default_coder().nlp(text)
    dater = Dater(doc, PUBLISHED, text)
    shooting, *_, bar_shooting = [t for t in doc if t.text == "shooting"]
    assert dater.attach(shooting, "asserted")[0].text == "Dec. 12"
    assert dater.attach(shooting, "asserted")[1] == "mention"
    assert dater.attach(bar_shooting, "asserted") is None  # no "the": a new event
    inquiry = [t for t in doc if t.text == "inquiry"][-1]
    assert dater.attach(inquiry, "asserted") is None  # "since 2009" is no point in time


def test_an_event_noun_names_again_an_earlier_event_of_its_family() -> None:
    """ "the slaying" after "was shot", "the talks" after "met": one event in other words
    takes the earlier one's date; an event noun with its own time keeps it."""
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = ("A judge was shot on Dec. 12 near his home. The envoys met on Dec. 14 in a "
            "hotel. Critics said the slaying and the talks were linked. Tuesday's raid "
            "was not.")
    doc = default_coder().nlp(text)
    dater = Dater(doc, PUBLISHED, text)
    slaying, talks, raid = (next(t for t in doc if t.text == w)
                            for w in ("slaying", "talks", "raid"))
    assert dater.attach(slaying, "asserted")[0].text == "Dec. 12"
    assert dater.attach(talks, "asserted")[0].text == "Dec. 14"
    assert dater.attach(talks, "asserted")[1] == "mention"
    assert dater.attach(raid, "asserted")[0].text == "Tuesday"


def test_an_event_noun_with_its_own_participant_names_another_event() -> None:
    # "the killing of six aid workers" is definite by its of-phrase: it is not the earlier
    # killing of the mayor, whose date it must not take; of the same victims, it is
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    for victims, dated in (("the mayor of Kandahar", False), ("six aid workers", True)):
        text = (f"Gunmen killed {victims} on March 3. Police later arrested a man suspected "
                "in the killing of six aid workers.")
        doc = default_coder().nlp(text)
        killing = next(t for t in doc if t.text == "killing")
        found = Dater(doc, PUBLISHED, text).attach(killing, "asserted")
        assert (found is not None and found[1] == "mention") is dated


def test_an_event_noun_of_someone_else_is_no_mention_of_the_earlier_event() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = ("Gunmen killed the mayor of Tarsk on Dec. 12. Critics recalled the killing of "
            "four judges by the same group, and the killing of the mayor shocked the town.")
    doc = default_coder().nlp(text)
    dater = Dater(doc, PUBLISHED, text)
    judges, mayor = [t for t in doc if t.text == "killing"]
    assert dater.attach(judges, "asserted") is None  # other victims: another killing
    assert dater.attach(mayor, "asserted")[1] == "mention"


def test_a_month_planned_in_a_passive_is_the_coming_one() -> None:
    # "was scheduled for" names the plan's time: March after a January publication is
    # this March, though the verb is a past tense
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = "The minister said the vote was scheduled for March."
    (t,) = Dater(default_coder().nlp(text), PUBLISHED, text).times
    assert (t.text, t.value) == ("March", "2012-03")


@pytest.mark.parametrize(("text", "expression", "value"), [
    # a to-infinitive of a noun, an adjective or "be" names what is to come
    ("The bank announced an agreement to buy the lender in February.", "February",
     "2012-02"),
    ("The envoys said they were ready to leave on Friday.", "Friday", "2012-01-06"),
    ("Trading is to resume on Monday, officials said.", "Monday", "2012-01-09"),
    # a modal looks ahead, as "would" does
    ("The convoy might arrive on Monday, officials said.", "Monday", "2012-01-09"),
    # a deadline or a term set in the past takes the nearer reading
    ("The ministry extended the offer through Feb. 20.", "Feb. 20", "2012-02-20"),
    ("The board created a new post, effective March 1.", "March 1", "2012-03-01"),
    ("Officials gave no reason for the Feb. 14 deadline.", "Feb. 14", "2012-02-14"),
    # ... and nothing else moves: a purpose, a past ability, a plain past
    ("The minister went to Paris to meet the envoys on Friday.", "Friday", "2011-12-30"),
    ("The envoys could not be reached on Monday.", "Monday", "2012-01-02"),
    ("The ministry extended the offer in February.", "February", "2011-02"),
])
def test_a_date_ahead_of_publication_is_read_from_the_words_that_look_ahead(
        text: str, expression: str, value: str) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    times = {t.text: t.value for t in Dater(default_coder().nlp(text), PUBLISHED, text).times}
    assert times.get(expression) == value, times


def test_a_date_after_an_event_noun_in_another_clause_does_not_date_it() -> None:
    # "March 2009" dates the sending of the troops, not the withdrawal planned now
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp("Another 4,000 are supposed to leave by June, completing the "
                              "withdrawal of the troops that the president sent in March 2009.")
    withdrawal = next(t for t in doc if t.text == "withdrawal")
    assert Dater(doc, PUBLISHED).attach(withdrawal, "planned") is None
    # a relative clause of the event noun itself dates it
    doc = default_coder().nlp("Envoys prepared for a summit that is scheduled to be held in "
                              "Lima in May.")
    summit = next(t for t in doc if t.text == "summit")
    found = Dater(doc, PUBLISHED).attach(summit, "planned")
    assert found is not None and found[0].text == "May"
    # a relative clause that only names another dated thing does not date the noun
    doc = default_coder().nlp("The regime fell to the Kenyan invasion that followed the "
                              "March 3, 2005, attacks on Nairobi.")
    invasion = next(t for t in doc if t.text == "invasion")
    assert Dater(doc, PUBLISHED).attach(invasion, "asserted") is None
    # a date written as the modifier of another noun dates that noun only, however the
    # parse hangs it ("the offensive that followed the March 3, 1999, massacre")
    for text in ("The junta that ruled the island was toppled by the rebel offensive that "
                 "followed the March 3, 1999, massacre in the capital.",
                 "The army offensive that followed the March 3 massacre killed dozens."):
        doc = default_coder().nlp(text)
        offensive = next(t for t in doc if t.text == "offensive")
        massacre = next(t for t in doc if t.text == "massacre")
        dater = Dater(doc, PUBLISHED, text)
        assert dater.attach(offensive, "asserted") is None, text
        found = dater.attach(massacre, "asserted")
        assert found is not None and found[0].text.startswith("March 3"), text


@pytest.mark.parametrize(("text", "verb", "expression"), [
    ("The March 3, 1999, bombings killed more than 40 people.", "killed", "March 3, 1999"),
    ("A guard who was wounded in the 2001 shooting survived.", "wounded", "2001"),
    ("The Dec. 2 truce signed by both sides held for a week.", "signed", "Dec. 2"),
    ("Police have hunted him since the May 2004 bombing that killed nine people.", "killed",
     "May 2004"),
    # no date when the noun has none of its own
    ("The bombings killed more than 40 people.", "killed", None),
])
def test_a_past_verb_takes_the_date_of_the_event_noun_it_tells_the_outcome_of(
        text: str, verb: str, expression: str | None) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    found = Dater(doc, PUBLISHED, text).attach(trigger, "asserted")
    assert (found[0].text if found else None) == expression


def test_a_date_under_would_looks_ahead() -> None:
    (summit,) = find_times("The minister said the summit would be held on April 24.", PUBLISHED)
    assert (summit.value, summit.precision) == ("2011-04-24", "day")  # alone: the past
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp("The minister said the summit would be held on April 24.")
    (t,) = Dater(doc, PUBLISHED).times
    assert t.value == "2012-04-24"


def test_an_act_its_own_words_date_after_publication_is_planned() -> None:
    (meeting,) = code("Iranian and French envoys meet Monday in Paris.",
                      published=PUBLISHED).events
    assert (meeting.modality, [b.text for b in meeting.modality_basis]) == ("planned", ["Monday"])
    (met,) = code("Iranian and French envoys met Monday in Paris.", published=PUBLISHED).events
    assert met.modality == "asserted"


def test_background_and_planned_events_get_no_invented_date() -> None:
    dates = _dates("The Taliban government had been overthrown by American forces. "
                   "Pakistan will meet the Afghan government.")
    assert all(v is None for v in dates.values()), dates


def test_a_future_clause_looks_ahead() -> None:
    dates = _dates("Iran will meet European envoys on Monday.")
    assert ("2012-01-09", "day", "Monday") in dates.values(), dates


def test_a_date_of_a_clause_beside_the_event_is_not_taken() -> None:
    dates = _dates("Prime Minister Ahmed Dalou, appointed in April, condemned the Taliban.")
    assert list(dates.values()) == [(PUBLISHED, "week", None)], dates


def test_a_date_of_the_clause_above_is_taken() -> None:
    dates = _dates("On Monday officials said that Taliban fighters attacked a police post.")
    attack = next(v for k, v in dates.items() if "attacked" in k)
    assert attack == ("2012-01-02", "day", "Monday")


def test_a_present_participle_beside_the_verb_gives_its_date() -> None:
    # "speaking ... on Dec. 31, praised": the praise was spoken then; a clause with its own
    # conjunction ("after meeting ... on Monday") is another time
    dates = _dates("Karzai, speaking at a rally in Herat on Dec. 30, praised the Iranian "
                   "government. After meeting Obama on Monday, Karzai criticized Pakistan.")
    praise = next(v for k, v in dates.items() if "praised" in k)
    criticism = next(v for k, v in dates.items() if "criticized" in k)
    assert praise == ("2011-12-30", "day", "Dec. 30")
    assert criticism == (PUBLISHED, "week", None)


# -- issue 11: every kind of dating error it lists, in sentences written for these tests --

def _dated(text: str, published: str = PUBLISHED) -> dict[str, tuple]:
    doc = code(text, published=published)
    return {e.trigger.text: (e.date.value, e.date.precision, e.date.qualifier, e.modality)
            if e.date else (None, None, None, e.modality) for e in doc.events}


def test_issue11_a_planned_event_takes_the_time_it_is_planned_for() -> None:
    dates = _dated("Pakistan will withdraw its troops from the border by the end of 2015.")
    assert dates["withdraw"] == ("2015-12", "month", "before", "planned"), dates


def test_issue11_the_dating_mechanism_dates_a_planned_act_the_coder_misses() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    coder = default_coder()
    doc = coder.nlp("About 8,000 soldiers left the province last year. Another 4,000 are "
                    "supposed to leave by the end of 2015.")
    dater = Dater(doc, PUBLISHED)
    left, leave = (t for t in doc if t.lower_ in ("left", "leave"))
    assert coder.modality.judge(leave).modality == "planned"
    assert (dater.date_for(left, "asserted").value, dater.date_for(left, "asserted").precision) \
        == ("2011", "year")
    planned = dater.date_for(leave, "planned")
    assert (planned.value, planned.qualifier) == ("2015-12", "before")


def test_a_past_event_takes_the_one_date_its_sentence_gives_its_verbs() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp("NATO invited Malta to join the alliance in July 2009 at its "
                              "summit. Police spotted the car near the border, and found it "
                              "abandoned in December.")
    dater = Dater(doc, PUBLISHED)
    invited, spotted = (t for t in doc if t.lower_ in ("invited", "spotted"))
    when = dater.date_for(invited, "asserted")
    assert (when.value, when.attached) == ("2009-07", "sentence")
    # the conjoined clause's date is its own: the spotting is not dated December
    assert dater.date_for(spotted, "asserted").value != "2011-12"


def test_issue11_background_events_take_their_own_dates() -> None:
    dates = _dated("Iran said the envoy killed last September was a spy.")
    assert dates["killed"][:2] == ("2011-09", "month"), dates
    dates = _dated("The war that began in 2011 has killed 400,000 Syrian civilians.")
    assert dates["killed"][:3] == ("2011", "year", "since"), dates
    dates = _dated("Iraqi forces were driven out by the US invasion in 2003.")
    assert any(v[:2] == ("2003", "year") for v in dates.values()), dates


def test_issue11_no_asserted_past_event_after_publication() -> None:
    dates = _dated("Turkey has detained thousands since a failed July coup.", "2017-05-17")
    assert dates["detained"][:3] == ("2016-07", "month", "since"), dates
    dates = _dated("Egyptian police arrested the protesters on March 20.", "2017-03-02")
    assert dates["arrested"][:2] == ("2016-03-20", "day"), dates


def test_issue11_a_duration_is_no_date_and_no_count() -> None:
    doc = code("The insurgency killed more than 300 villagers over three decades.",
               published="2017-05-17")
    (event,) = [e for e in doc.events if e.root == "19"]
    assert event.date is None
    assert [q.value for q in event.quantities] == [300.0]
    (span,) = [t for t in doc.timexes if t.text.startswith("three")]
    assert (span.type, span.value) == ("DURATION", "P30Y")


def test_issue11_a_planned_complement_is_dated_by_its_own_time() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp("The Mexican president planned to join a rally against the "
                              "cartels on Sunday.")
    planned = next(t for t in doc if t.lower_ == "planned")
    date = Dater(doc, "2017-05-17").date_for(planned, "asserted")  # a Wednesday
    assert (date.value, date.precision) == ("2017-05-21", "day")


def test_issue11_relative_expressions_follow_the_date_the_text_gave() -> None:
    doc = code("Rebels attacked the convoy on March 3, 2011. Two days later, Turkey condemned "
               "the attack. The day before, the army had shelled their camp.",
               published="2011-03-10")
    times = {t.text: t for t in doc.timexes}
    first, later = times["March 3, 2011"], times["Two days later"]
    assert (later.value, later.anchor) == ("2011-03-05", first.id)
    assert (times["The day before"].value, times["The day before"].anchor) == (
        "2011-03-04", later.id)  # the day before the date the text gave last
    condemned = next(e for e in doc.events if e.trigger.text == "condemned")
    assert condemned.date.value == "2011-03-05"


def test_issue11_timexes_give_type_value_anchor_and_offsets() -> None:
    text = ("Talks began on Monday and lasted three days; the envoys meet every week, "
            "at 10:30 a.m. this morning, as they have since 2009.")
    doc = code(text, published=PUBLISHED)
    by_text = {t.text: (t.type, t.value, t.anchor) for t in doc.timexes}
    assert by_text["Monday"] == ("DATE", "2012-01-02", "publication"), by_text
    assert by_text["this morning"] == ("TIME", "2012-01-04TMO", "publication")
    assert by_text["three days"] == ("DURATION", "P3D", None)
    assert by_text["every week"][:2] == ("SET", "P1W")
    assert any(v[0] == "TIME" and v[1] == "2012-01-04T10:30" for v in by_text.values())
    assert any(v == ("DATE", "2009", None) for v in by_text.values()), by_text
    assert [t.id for t in doc.timexes] == [f"t{n}" for n in range(1, len(doc.timexes) + 1)]
    for t in doc.timexes:
        assert doc.document.text[t.start : t.end] == t.text


def test_a_present_participle_takes_the_date_of_the_verb_it_hangs_on() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp("The ministers signed the treaty in Oslo on Tuesday. Rojas "
                              "accepted the papers from the envoys, marking their entry into "
                              "the bloc. Five parties issued statements supporting the bid.")
    dater = Dater(doc, PUBLISHED)
    for word in ("marking", "supporting"):
        verb = next(t for t in doc if t.lower_ == word)
        when = dater.date_for(verb, "asserted")
        assert (when.value, when.attached) == ("2012-01-03", "beside"), word


def test_issue11_the_story_time_carries_to_later_past_events() -> None:
    doc = code("Syrian forces shelled Homs on Tuesday. Rebels attacked an army post.",
               published=PUBLISHED)
    attack = next(e for e in doc.events if e.trigger.text == "attacked")
    assert (attack.date.value, attack.date.attached) == ("2012-01-03", "story")


def test_a_past_event_with_no_date_of_its_own_takes_the_one_date_its_sentence_names(
        ) -> None:
    # the date hangs on a noun of a conjoined clause, not on "killed": still the sentence's
    # one date, not the story's Tuesday
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp("Syrian forces shelled Homs on Tuesday. Five guards were "
                              "also killed and at least 30 injured in a truck bomb attack "
                              "on Sunday outside the army post.")
    killed = next(t for t in doc if t.lower_ == "killed")
    when = Dater(doc, PUBLISHED).date_for(killed, "asserted")
    assert (when.value, when.attached) == ("2012-01-01", "sentence")


def test_a_year_of_the_reported_quarter_is_that_quarter_of_the_year() -> None:
    found = find_times("Third-quarter sales of the toy maker rose 8% from the 1988 quarter "
                       "and from the 1987 period.", "1989-10-30")
    assert [t.timeml for t in found] == ["1989-Q3", "1988-Q3", "1987-Q3"], found


@pytest.mark.parametrize(("text", "value"), [
    ("early 1991", "1991"), ("by the end of 2010", "2010"),
    ("the 1990s", "199X"), ("nineteen ninety-six", "1996"), ("Christmas", "2011-12-25"),
    ("the 1988 third quarter", "1988-Q3"), ("next year's first quarter", "2013-Q1"),
    ("Tuesday night", "2012-01-03TNI"), ("noon Saturday", "2011-12-31T12:00"),
    ("two days", "P2D"), ("16-hour", "PT16H"), ("annually", "P1Y"),
])
def test_timeml_values_of_the_new_forms(text: str, value: str) -> None:
    found = find_times(f"It happened {text}, officials said.", PUBLISHED)
    assert [t.timeml for t in found] == [value], found


@pytest.mark.parametrize(("text", "value"), [
    # a season or a decade named alone: the one nearest publication (January 2012)
    ("over the summer", "2011-SU"), ("in the early winter", "2011-WI"),
    ("through the nineties", "199X"), ("in the '80s", "198X"),
    ("in the winter of nineteen eighty-six", "1986-WI"), ("in the 11th century", "10"),
    # the year a report is on, the week of a day, a fiscal year before its noun
    ("for the year", "2012"), ("for the fiscal year", "2012"), ("that year", "2012"),
    ("the week of March 5", "2012-W10"), ("fiscal 2010 sales", "2010"),
    ("by the year two thousand", "2000"),
    # TimeML's vague references: no calendar time of their own
    ("in recent years", "PAST_REF"), ("in coming months", "FUTURE_REF"),
    ("in the near term", "FUTURE_REF"), ("at a later date", "FUTURE_REF"),
    ("about the future and", "FUTURE_REF"), ("in the past it", "PAST_REF"),
    ("under current rules", "PRESENT_REF"),
])
def test_timeml_values_of_seasons_decades_and_vague_references(text: str, value: str) -> None:
    found = find_times(f"It happened {text}, officials said.", PUBLISHED)
    assert [t.timeml for t in found] == [value], found


@pytest.mark.parametrize("text", [
    "summer camp", "the fall of the city", "the future king", "the current account",
    "the year he was born", "the year since the war", "the year ended Sept. 30",
    "the day before returning home", "an index of 2082.1",
    "two thousand troops", "the same period",
])
def test_time_words_of_other_phrases_are_no_time(text: str) -> None:
    found = find_times(f"They spoke of {text}.", PUBLISHED)
    assert [t.text for t in found if t.text != "Sept. 30"] == [], found


@pytest.mark.parametrize(("text", "expression", "value"), [
    # an extension moves a term later: its date is ahead though the verb is past
    ("The bidder extended its offer to Jan. 20.", "Jan. 20", "2012-01-20"),
    # the earliest a thing may come is ahead
    ("The father could come as early as Tuesday.", "Tuesday", "2012-01-10"),
    # a past perfect plan is for a day either way: the nearest
    ("The offer had been due to expire Friday.", "Friday", "2011-12-30"),
    ("The summit has been moved; it was held over the summer.", "the summer", "2011-06"),
])
def test_a_term_extended_or_the_earliest_date_looks_ahead(text: str, expression: str,
                                                          value: str) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    times = {t.text: t.value for t in Dater(default_coder().nlp(text), PUBLISHED, text).times}
    assert times.get(expression) == value, times


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["day", "week", "years", "ago", "later", "the", "before",
                                  "March", "Monday", "nineteen", "ninety", "every", "a.m.",
                                  "quarter", "decades", "old", "since", "3", "12", "2011",
                                  "1990s", "-", ",", "two", "a", "next", "year's", "first",
                                  "night", "noon", "Christmas", "that", "same", "summer",
                                  "fall", "nineties", "'80s", "current", "fiscal", "future",
                                  "coming", "months", "recent", "of", "he", "2082.1"]),
                max_size=12).map(" ".join))
def test_time_values_never_crash_and_slice(text: str) -> None:
    for t in find_times(text, PUBLISHED):
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


def test_issue11_planned_withdrawals_are_coded_dated_and_counted() -> None:
    # the example of the issue, end to end: two withdrawals, the second planned
    doc = code("About 8,000 Dutch troops left Mali last year. Another 3,000 are supposed to "
               "leave by the end of 2015.", published=PUBLISHED)
    left, leave = sorted((e for e in doc.events if e.cameo == "087"),
                         key=lambda e: e.trigger.start)
    codes = {a.id: a.code for a in doc.actors}
    assert codes[left.source] == codes[leave.source] == "NLDMIL"  # "another 3,000": the troops
    assert (left.date.value, left.modality) == ("2011", "asserted")
    assert (leave.date.value, leave.date.qualifier, leave.modality) == \
        ("2015-12", "before", "planned")
    assert [q.value for q in leave.quantities] == [3000.0]
    # a minister who leaves a capital withdraws no troops
    assert not code("The minister left Kabul on Monday.", published=PUBLISHED).events


def test_a_force_that_leaves_soldiers_behind_withdraws_none() -> None:
    # "leaving 60,000 soldiers": the object is the force that stays; the bare "another
    # 2,000" stands for the named troops before, not the unnamed soldiers left behind
    doc = code("About 5,000 Dutch troops left Mali last year, leaving 9,000 soldiers in the "
               "country. Another 2,000 are to leave by the end of 2015.", published=PUBLISHED)
    withdrawals = [e for e in doc.events if e.cameo == "087"]
    codes = {a.id: a.code for a in doc.actors}
    assert all(codes[e.source] == "NLDMIL" for e in withdrawals)
    assert sorted(q.value for e in withdrawals for q in e.quantities) == [2000.0, 5000.0]


TIME_WORDS = ["the", "end", "of", "by", "since", "early", "mid-", "last", "next", "week",
              "March", "march", "5", "1998", "2012-01-04", "Monday", "morning", "two", "days",
              "ago", "later", "for", "years", "third", "quarter", "in", "1990s", "every",
              "day", "noon", "3:30", "p.m.", "soldiers", "_x", "'98", "eighth", "twenty-first",
              "yesterday", "before", "4", "o'clock", "at", "night", "Today", "post-", "(0735",
              "GMT)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TIME_WORDS), max_size=12),
       st.lists(st.sampled_from([" ", "  ", ", ", ". ", "-", "\n"]), max_size=12))
def test_the_grammar_tries_its_forms_only_where_a_word_starts(words: list[str],
                                                              gaps: list[str]) -> None:
    """The look-ahead after the grammar's "\\b" (every form starts with a letter or digit)
    changes no match: the grammar without it finds the same forms with the same groups."""
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    pattern, _ = _combined()
    assert pattern.pattern.startswith(r"\b(?=\w)")
    plain = re.compile(pattern.pattern.replace(r"\b(?=\w)", r"\b", 1), pattern.flags)
    assert [(m.span(), m.lastgroup, _Form(m).groupdict()) for m in pattern.finditer(text)] \
        == [(m.span(), m.lastgroup, _Form(m).groupdict()) for m in plain.finditer(text)]


def test_a_match_reads_only_its_own_forms_groups() -> None:
    pattern, kinds = _combined()
    form = _Form(next(pattern.finditer("talks ended by the end of March 2009")))
    assert kinds[form.n] == "my"
    assert (form.group(0), form.group("month"), form.group("year"), form.group("qual"),
            form.group("edge")) == ("by the end of March 2009", "March", "2009", "by",
                                    "the end of")
    assert form.group("day") is None  # a group of another form


def _date_of(text: str, word: str, modality: str = "asserted", published: str = PUBLISHED):
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    doc = default_coder().nlp(text)
    trigger = next(t for t in doc if t.text == word)
    found = Dater(doc, published, text).date_for(trigger, modality)
    return (found.value, found.attached) if found else None


@pytest.mark.parametrize(("text", "word", "expected"), [
    # a date long past turns the story to background, which its next sentences go on telling
    ("Rebels shelled the town on Tuesday. In March 2009, the army seized the province. "
     "Thousands of families fled the region.", "fled", ("2009-03", "story")),
    # a report of what was said stays on the story's day
    ("Rebels shelled the town on Tuesday. In March 2009, the army seized the province. "
     "The region was never calm again, a spokesman said.", "said", ("2012-01-03", "story")),
    # a main clause of the present turns the story back to its own day
    ("Rebels shelled the town on Tuesday. In March 2009, the army seized the province. "
     "The province now belongs to the state. Thousands of families fled.", "fled",
     ("2012-01-03", "story")),
    # a sentence with a date of its own has left the background, and its past is no news of
    # this week either
    ("Rebels shelled the town on Tuesday. In March 2009, the army seized the province. "
     "Thousands of families fled, and two ministers resigned on Monday.", "fled", None),
])
def test_a_story_turned_to_background_dates_its_past_events_there(
        text: str, word: str, expected: tuple[str, str] | None) -> None:
    assert _date_of(text, word) == expected


def test_an_event_noun_set_before_or_after_its_clause_takes_not_the_clause_date() -> None:
    assert _date_of("The envoys met in Geneva on Tuesday, ten days after the bombing.",
                  "bombing") is None


def test_the_time_of_a_compared_figure_is_not_the_time_of_the_change() -> None:
    # "a year earlier" dates the $93 million, not the decline: the quarter of the report
    text = ("The company reported its third-quarter results on Tuesday. Revenue declined 8% "
            "to $85 million from $93 million a year earlier.")
    assert _date_of(text, "declined") == ("2011-07", "story")


def test_an_event_noun_a_verb_happens_at_takes_its_time() -> None:
    text = "Rebels shelled Homs on Tuesday. The minister spoke at a news conference."
    assert _date_of(text, "conference") == ("2012-01-03", "beside")


def test_a_time_a_past_planning_verb_gives_is_read_as_near_ahead_as_behind() -> None:
    assert _date_of("The unions planned a strike in February.", "strike", "planned") == (
        "2012-02", "clause")


def test_a_month_name_that_opens_a_name_is_no_date() -> None:
    assert find_times("Thousands joined the March of the Mothers in the capital.",
                      PUBLISHED) == []
    # "of" and a word in lower case: still the month
    assert next(t.text for t in find_times("Prices rose in March of the same year.",
                                           PUBLISHED)) == "March"


def test_a_report_right_after_an_occasion_a_participle_dates_is_of_that_occasion() -> None:
    text = ('The minister, speaking in Kabul on Saturday, praised the accord. "The rebels '
            'have accepted our terms," he said. The army withdrew from the valley.')
    assert _date_of(text, "said") == ("2011-12-31", "story")
    # what the report tells cannot be later than the report: not the week of publication
    assert _date_of(text, "accepted", "reported") is None
    # the occasion carries no further than the report after it
    assert _date_of(text, "withdrew") == ("2012-01-04", "publication")


def test_a_when_clause_of_the_same_time_dates_its_main_verb() -> None:
    text = "Six sailors drowned when their boat sank off the coast in late November."
    assert _date_of(text, "drowned") == ("2011-11", "beside")


@pytest.mark.parametrize(("text", "word"), [
    # a relative clause that tells what a thing or an event did is background to it
    ("Investigators studied the blast that killed ten people.", "killed"),
    # an act still to come is no news of the week it was announced in
    ("The party unveiled a plan to cut taxes.", "cut"),
])
def test_no_publication_date_for_what_is_not_news_of_the_week(text: str, word: str) -> None:
    assert _date_of(text, word) is None


def test_current_before_a_noun_is_a_timex_but_dates_no_event() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = "The current governor's troops shelled the town in December."
    dater = Dater(default_coder().nlp(text), PUBLISHED, text)
    assert [(t.text, t.timeml) for t in dater.times] == [
        ("current", "PRESENT_REF"), ("December", "2011-12")]
    assert _date_of(text, "shelled") == ("2011-12", "clause")
    found = _date_of("The current governor's troops shelled the town.", "shelled")
    assert found is None or found[1] != "clause", found
@pytest.mark.parametrize(("text", "word", "expected"), [
    # a date written before the verb's object is the object's time, not the verb's
    ("Parliament tightened the 1995 quota on Tuesday.", "tightened", ("2012-01-03", "clause")),
    ("The regulator will publish its third-quarter figures in mid-March.", "publish",
     ("2012-03", "clause")),
    # an event the verb happened in, or since, still dates it
    ("The mayor has been in hiding since the March 2010 riots.", "been",
     ("2010-03", "clause")),
])
def test_a_date_written_before_a_noun_of_the_clause_dates_that_noun(
        text: str, word: str, expected: tuple[str, str]) -> None:
    assert _date_of(text, word, "planned" if word == "publish" else "asserted") == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # the past participle of an event noun dates it, as a relative clause does
    ("The envoy cited remarks made last week by the general.", "remarks",
     ("2011-12-26", "clause")),
    # a verb said in a letter or at a rally takes the date the letter's own words give ...
    ("The minister said in a letter dated Monday that the border would stay shut.", "said",
     ("2012-01-02", "clause")),
    # ... and so does a later report told in that letter
    ("The minister wrote to the council in a letter dated Monday. In the letter, she said "
     "the border would stay shut.", "said", ("2012-01-02", "mention")),
    # a time of day with no day of its own says the hour, not the day
    ("The blast occurred at about 9:40 a.m. (0640 GMT) Monday, police said.", "occurred",
     ("2012-01-02", "clause above")),
])
def test_a_noun_an_event_is_told_in_gives_its_own_date(
        text: str, word: str, expected: tuple[str, str]) -> None:
    assert _date_of(text, word) == expected


@pytest.mark.parametrize(("text", "word", "modality", "expected"), [
    # a negation reported as current holds on the day of publication (present) or in its
    # week (past), as an asserted event would
    ("The rebels do not control the town.", "control", "negated",
     ("2012-01-04", "publication")),
    ("Terms of the deal were not disclosed.", "disclosed", "negated",
     ("2012-01-04", "publication")),
    # an adjective participle has the tense of its copula: a present state is of the day
    ("We are shocked by the verdict.", "shocked", "asserted", ("2012-01-04", "publication")),
    # so is a state its predicate tells after a present copula
    ("Farmers in the valley are dependent on the river.", "dependent", "asserted",
     ("2012-01-04", "publication")),
    ("This raid is an insult to every family here.", "insult", "asserted",
     ("2012-01-04", "publication")),
    ("There have been no arrests so far.", "arrests", "negated", ("2012-01-04", "publication")),
    ("\"The harbour is calm,\" the mayor said.", "is", "reported", ("2012-01-04", "publication")),
    # a past one may be background: no date
    ("The flood was a disaster for the valley.", "disaster", "asserted", None),
])
def test_a_current_negation_or_state_takes_the_publication_date(
        text: str, word: str, modality: str, expected: tuple[str, str]) -> None:
    assert _date_of(text, word, modality) == expected


def test_a_past_negation_takes_the_week_and_a_present_state_the_day() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    nlp = default_coder().nlp
    for text, word, precision in [("Terms of the deal were not disclosed.", "disclosed", "week"),
                                  ("We are shocked by the verdict.", "shocked", "day")]:
        doc = nlp(text)
        trigger = next(t for t in doc if t.text == word)
        found = Dater(doc, PUBLISHED, text).date_for(
            trigger, "negated" if word == "disclosed" else "asserted")
        assert found is not None and found.precision == precision


def test_a_date_that_opens_its_sentence_dates_the_main_verb_past_a_participle() -> None:
    # the parse may hang the fronted date on the participle clause after it (as spaCy did
    # with a longer sentence): the date is still the main verb's
    from spacy.tokens import Doc

    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    words = ["On", "Tuesday", ",", "police", ",", "wondering", "why", ",", "searched", "the",
             "field", "."]
    heads = [5, 0, 5, 5, 3, 8, 5, 8, 8, 10, 8, 8]
    deps = ["prep", "pobj", "punct", "nsubj", "punct", "advcl", "advmod", "punct", "ROOT",
            "det", "dobj", "punct"]
    tags = ["IN", "NNP", ",", "NNS", ",", "VBG", "WRB", ",", "VBD", "DT", "NN", "."]
    pos = ["ADP", "PROPN", "PUNCT", "NOUN", "PUNCT", "VERB", "SCONJ", "PUNCT", "VERB", "DET",
           "NOUN", "PUNCT"]
    doc = Doc(default_coder().nlp.vocab, words=words, heads=heads, deps=deps, tags=tags,
              pos=pos, lemmas=[w.lower() for w in words])
    found = Dater(doc, PUBLISHED, doc.text).date_for(doc[8], "asserted")
    assert found is not None and (found.value, found.attached) == ("2012-01-03", "clause")


def test_an_event_noun_in_the_of_phrase_of_a_place_takes_not_the_clause_date() -> None:
    assert _date_of("On Tuesday, police searched the site of the shooting.", "shooting") \
        is None


def test_the_object_of_a_participle_beside_a_dated_verb_takes_its_date() -> None:
    text = ("Rebels shelled Homs on Tuesday. Addressing a rally in the capital, the minister "
            "condemned the shelling.")
    assert _date_of(text, "rally") == ("2012-01-03", "beside")


@pytest.mark.parametrize(("text", "expected"), [
    # a present state in a relative clause under a dated past is of the day of publication
    ("In 1995, the council ordered a withdrawal from the valley, which the army still holds.",
     ("2012-01-04", "publication")),
    # under a future it is the future's
    ("The alliance will admit them in April, when it celebrates its anniversary.",
     ("2012-04", "clause above")),
])
def test_a_present_state_under_a_dated_past_is_of_the_publication_day(
        text: str, expected: tuple[str, str]) -> None:
    word = "holds" if "holds" in text else "celebrates"
    assert _date_of(text, word) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the parse hangs a date right after "said" on the reported clause: it is the saying's
    ("The premier said Tuesday his cabinet told the envoys it was worried.",
     ("2012-01-03", "clause")),
    ("Police said on Monday the gunmen fled north.", ("2012-01-02", "clause")),
    # a possessive date is its noun's
    ("Police said Monday's raid netted six suspects.", ("2012-01-04", "publication")),
    # so for any verb the date follows: "found Monday hidden in a drain"
    ("The pistol was found Monday hidden in a drain.", ("2012-01-02", "clause")),
    ("The boy was found Christmas Day clinging to a raft off the coast.",
     ("2011-12-25", "clause")),
])
def test_a_date_right_after_a_verb_dates_that_verb(
        text: str, expected: tuple[str, str]) -> None:
    word = "said" if "said" in text else "found"
    assert _date_of(text, word) == expected


def test_a_past_with_the_present_form_after_a_singular_subject_looks_back() -> None:
    # "hurt" after "Weakness" cannot be a present ("hurts"): Friday is the last one
    assert _date_of("Weakness in bank shares hurt the index on Friday.", "hurt") == (
        "2011-12-30", "clause")


def test_a_perfect_takes_the_one_day_its_sentence_names() -> None:
    text = ("More than 40 people have been killed and more than 200 others injured in the "
            "floods in the north on Monday.")
    assert _date_of(text, "killed") == ("2012-01-02", "sentence")


@pytest.mark.parametrize(("text", "expected"), [
    # a day counted from the day it names, not from the text's last date
    ("He fled the day before yesterday.", [("the day before yesterday", "2012-01-02")]),
    ("They meet the day after tomorrow.", [("the day after tomorrow", "2012-01-06")]),
    ("The day before last Monday's vote, he resigned.",
     [("The day before last Monday", "2012-01-01")]),
    # a day of the month in words after a capital month; "may first" is a modal
    ("The rally is on Sunday, February twelfth.", [("Sunday", "2012-01-01"),
                                                    ("February twelfth", "2012-02-12")]),
    ("The vote was held on June twenty-first.", [("June twenty-first", "2011-06-21")]),
    ("They may first ask the court.", []),
    # the same time in another zone in brackets between a time of day and its weekday
    ("The blast struck at 10:35 a.m. (0735 GMT) Friday.",
     [("10:35 a.m. (0735 GMT) Friday", "2011-12-30T10:35")]),
    # programme and paper names, and an idiom, are no times
    ('The minister spoke on the "This Week" programme.', []),
    ("You are listening to VOA Today.", []),
    ("For the rebels, high noon has come.", []),
    ("Today, the minister spoke.", [("Today", "2012-01-04")]),
    # a year after "pre-" or "post-" is a year
    ("The post-1959 government seized the farms.", [("1959", "1959")]),
])
def test_days_named_from_other_days_words_and_titles(text: str, expected: list) -> None:
    assert [(t.text, t.timeml) for t in find_times(text, PUBLISHED)] == expected


def test_the_next_morning_is_the_day_after_the_text_s_day() -> None:
    found = find_times("He was arrested on Dec. 20. He saw a judge the next morning.",
                       PUBLISHED)
    assert [(t.text, t.timeml, t.type) for t in found] == [
        ("Dec. 20", "2011-12-20", "DATE"), ("the next morning", "2011-12-21TMO", "TIME")]


@pytest.mark.parametrize(("text", "expected"), [
    # a part of the day alone is that part of the text's last day, a TIME
    ("Prices fell on Friday. Traders sold heavily in the morning.",
     [("Friday", "2011-12-30", "DATE"), ("the morning", "2011-12-30TMO", "TIME")]),
    ("By mid afternoon, the police had cleared the square.",
     [("By mid afternoon", "2012-01-04TAF", "TIME")]),
    # not with a day named right after it, nor an hour before it
    ("At mid-afternoon yesterday, the shares were up.", [("yesterday", "2012-01-03", "DATE")]),
    ("During the evening of 2 December, gunmen struck.", [("2 December", "2011-12-02", "DATE")]),
    ("The ship sails at 6 in the evening.", [("6 in the evening", "2012-01-04T18:00", "TIME")]),
])
def test_a_part_of_the_day_alone_is_of_the_text_s_last_day(text: str, expected: list) -> None:
    assert [(t.text, t.timeml, t.type) for t in find_times(text, PUBLISHED)] == expected


def test_the_following_month_is_counted_from_the_month_the_text_named() -> None:
    filler = "The board met often and argued about the price of the shares. " * 6
    found = find_times(f"In March, the firm got an offer. {filler}The following month, "
                       "it put itself up for sale.", PUBLISHED)
    assert [(t.text, t.timeml) for t in found] == [("March", "2012-03"),
                                                   ("The following month", "2012-04")]


@pytest.mark.parametrize(("text", "expression", "value"), [
    # what a plan is for is the nearer of the last and the next such day
    ("Protesters planned a march on Saturday.", "Saturday", "2012-01-07"),
    ("Protesters planned a march on Monday.", "Monday", "2012-01-02"),
    # a weekday before the planning verb says when it was planned
    ("On Saturday, the protesters planned a march.", "Saturday", "2011-12-31"),
    # a time of day on a weekday moves with tense as the weekday does
    ("The envoy will leave at 4 a.m. Thursday.", "4 a.m. Thursday", "2012-01-05"),
    ("The envoy left at 4 a.m. Thursday.", "4 a.m. Thursday", "2011-12-29"),
])
def test_a_planned_weekday_and_a_time_on_a_weekday_follow_the_clause(
        text: str, expression: str, value: str) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    times = {t.text: t.value for t in Dater(default_coder().nlp(text), PUBLISHED, text).times}
    assert times.get(expression) == value, times


@pytest.mark.parametrize(("text", "value"), [
    ("They struck at 4 in the morning.", "2012-01-04T04:00"),
    ("They struck at 5 o'clock in the evening.", "2012-01-04T17:00"),
    ("They struck at 10 at night.", "2012-01-04T22:00"),
])
def test_an_hour_with_its_part_of_the_day_is_a_time(text: str, value: str) -> None:
    assert [(t.type, t.timeml) for t in find_times(text, PUBLISHED)] == [("TIME", value)]


def test_a_bare_time_of_day_takes_the_day_its_brackets_restate() -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    text = "The envoy will leave at 4 in the morning (4 a.m. EST Thursday), he said."
    times = Dater(default_coder().nlp(text), PUBLISHED, text).times
    assert [(t.text, t.timeml) for t in times] == [
        ("4 in the morning", "2012-01-05T04:00"), ("4 a.m. EST Thursday", "2012-01-05T04:00")]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["before", "after"]), st.sampled_from(["last", "next"]),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday"]))
def test_the_day_around_a_weekday_is_one_day_from_it(way: str, rel: str, day: str) -> None:
    from datetime import date, timedelta

    (named,) = find_times(f"{rel} {day}", PUBLISHED)
    (around,) = find_times(f"the day {way} {rel} {day}", PUBLISHED)
    step = timedelta(days=1 if way == "after" else -1)
    assert around.value == (date.fromisoformat(named.value) + step).isoformat()


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_a_day_in_words_is_the_day_in_figures(month: int, day: int) -> None:
    from tacitus.context.time import _ordinal_days

    name = ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"][month - 1]
    word = next(w for w, n in _ordinal_days().items() if n == day)
    (in_words,) = find_times(f"on {name} {word}", PUBLISHED)
    (in_figures,) = find_times(f"on {name} {day}", PUBLISHED)
    assert (in_words.value, in_words.timeml) == (in_figures.value, in_figures.timeml)


@pytest.mark.parametrize(("text", "expected"), [
    # "today's" before a noun of the age is the present age, no day; before an event or
    # an edition it is the day
    ("The crisis shapes today's youth.", []),
    ("It is a lesson for tomorrow's world.", []),
    ("He wants the leaders of tomorrow on the board.", []),
    ("Many of today's home computers use the chip.", []),
    ("The results of today's vote were close.", [("today", "2012-01-04")]),
    ("Tomorrow's hearing was called off.", [("Tomorrow", "2012-01-05")]),
    # "each July" is a set, "the March for Peace" a name
    ("Pilgrims climb the hill each July.", [("each July", "XXXX-07")]),
    ("Thousands joined the March for Peace downtown.", []),
    # "Easter week", "Christmas week": the holiday's week
    ("Crowds filled the square in Easter week.", [("Easter week", "2011-W16")]),
    ("The shops shut in Christmas week.", [("Christmas week", "2011-W51")]),
])
def test_the_age_sets_names_and_a_holiday_s_week(text: str, expected: list) -> None:
    assert [(t.text, t.timeml) for t in find_times(text, PUBLISHED)] == expected


@pytest.mark.parametrize(("text", "expression", "value"), [
    # a day set as a deadline keeps the nearer reading whatever the tense of the setting
    ("The board has set Jan. 12 as the deadline for offers.", "Jan. 12", "2012-01-12"),
    # a term a verb grants "until" a weekday ends on the coming one
    ("The court has given the tenants until Friday to leave.", "until Friday", "2012-01-06"),
    ("The judge granted the firm until 5 p.m. Monday to answer.", "until 5 p.m. Monday",
     "2012-01-09"),
    # a past "until" that grants nothing stays behind
    ("Until Monday, the police had called him a witness.", "Until Monday", "2012-01-02"),
])
def test_a_deadline_and_a_granted_term_look_ahead(text: str, expression: str,
                                                   value: str) -> None:
    from tacitus.context.time import Dater
    from tacitus.pipeline import default_coder

    times = {t.text: t.value for t in Dater(default_coder().nlp(text), PUBLISHED, text).times}
    assert times.get(expression) == value, times
