"""The feed lint catches each rule of FEEDS.md on a small bad example and passes a good one.

Each case changes one thing in a known-good file, so a failure names the rule that broke.
"""

from __future__ import annotations

import pytest

from tests.feedlint import lint_ics, lint_rss

GOOD_ICS_LINES = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//feedlint//EN",
    "NAME:Test calendar",
    "X-WR-CALNAME:Test calendar",
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Kolkata",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0530",
    "TZOFFSETTO:+0530",
    "TZNAME:IST",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "UID:allday@test",
    "SEQUENCE:0",
    "DTSTAMP:20251128T090000Z",
    "LAST-MODIFIED:20251128T090000Z",
    "DTSTART;VALUE=DATE:20251204",
    "DTEND;VALUE=DATE:20251206",
    "SUMMARY:State visit",
    "STATUS:CONFIRMED",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:zoned@test",
    "SEQUENCE:2",
    "DTSTAMP:20251128T090000Z",
    "LAST-MODIFIED:20251128T090000Z",
    "DTSTART;TZID=Asia/Kolkata:20251204T100000",
    "DTEND;TZID=Asia/Kolkata:20251204T110000",
    "SUMMARY:Talks",
    "STATUS:CANCELLED",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:utc@test",
    "SEQUENCE:1",
    "DTSTAMP:20251128T090000Z",
    "LAST-MODIFIED:20251128T090000Z",
    "DTSTART:20251205T090000Z",
    "DTEND:20251205T100000Z",
    # 74 octets, then a continuation: folded between two whole UTF-8 sequences
    "SUMMARY:Banquet " + "é" * 29,
    " " + "é" * 10,
    "STATUS:TENTATIVE",
    "END:VEVENT",
    "END:VCALENDAR",
]

GOOD_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Test alerts</title>
    <link>https://example.org/</link>
    <description>Alerts</description>
    <atom:link href="https://example.org/alerts.xml" rel="self" type="application/rss+xml"/>
    <ttl>60</ttl>
    <lastBuildDate>Wed, 03 Dec 2025 10:00:00 +0000</lastBuildDate>
    <item>
      <title>Cancelled: Talks</title>
      <link>https://example.org/talks</link>
      <guid>https://example.org/alerts/2</guid>
      <pubDate>Wed, 03 Dec 2025 10:00:00 +0000</pubDate>
      <category>cancelled</category>
      <description>&lt;p&gt;Called off&lt;/p&gt;</description>
    </item>
    <item>
      <title>New: State visit</title>
      <link>https://example.org/visit</link>
      <guid isPermaLink="false">a1@publisher</guid>
      <pubDate>Tue, 02 Dec 2025 09:30:00 GMT</pubDate>
      <category>new</category>
      <description>&lt;p&gt;Quote: &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &lt;a href="https://example.org/visit"&gt;link&lt;/a&gt;&lt;/p&gt;</description>
    </item>
  </channel>
</rss>
"""


def make_ics(lines: list[str]) -> bytes:
    """Lines joined the way a good file is: CRLF after every line."""
    return "".join(line + "\r\n" for line in lines).encode("utf-8")


def replace_line(old: str, *new: str) -> bytes:
    """The good file with one line swapped for others (none: the line dropped)."""
    assert old in GOOD_ICS_LINES, old
    index = GOOD_ICS_LINES.index(old)
    return make_ics([*GOOD_ICS_LINES[:index], *new, *GOOD_ICS_LINES[index + 1:]])


def insert_before(anchor: str, *new: str) -> bytes:
    index = GOOD_ICS_LINES.index(anchor)
    return make_ics([*GOOD_ICS_LINES[:index], *new, *GOOD_ICS_LINES[index:]])


def assert_caught(problems: list[str], expected: str) -> None:
    """The problem is reported, in words a person can act on."""
    assert any(expected.lower() in problem.lower() for problem in problems), problems


def test_good_ics_is_clean() -> None:
    assert lint_ics(make_ics(GOOD_ICS_LINES)) == []


ICS_CASES = {
    "uid missing": (replace_line("UID:utc@test"), "needs exactly one non-empty UID"),
    "uid empty": (replace_line("UID:utc@test", "UID:"), "needs exactly one non-empty UID"),
    "uid twice": (replace_line("UID:utc@test", "UID:allday@test"), "UID used by more than one event"),
    "sequence missing": (replace_line("SEQUENCE:2"), "SEQUENCE missing"),
    "sequence not a number": (replace_line("SEQUENCE:2", "SEQUENCE:two"), "not a non-negative integer"),
    "sequence negative": (replace_line("SEQUENCE:2", "SEQUENCE:-1"), "not a non-negative integer"),
    "dtstamp missing": (replace_line("DTSTAMP:20251128T090000Z"), "DTSTAMP missing"),
    "dtstamp floating": (replace_line("DTSTAMP:20251128T090000Z", "DTSTAMP:20251128T090000"),
                         "DTSTAMP '20251128T090000' must be a UTC"),
    "dtstamp zoned": (replace_line("DTSTAMP:20251128T090000Z", "DTSTAMP;TZID=Asia/Kolkata:20251128T090000"),
                      "DTSTAMP '20251128T090000' must be a UTC"),
    "last-modified missing": (replace_line("LAST-MODIFIED:20251128T090000Z"), "LAST-MODIFIED missing"),
    "all-day end same day": (replace_line("DTEND;VALUE=DATE:20251206", "DTEND;VALUE=DATE:20251204"),
                             "must be after DTSTART"),
    "all-day end before": (replace_line("DTEND;VALUE=DATE:20251206", "DTEND;VALUE=DATE:20251203"),
                           "must be after DTSTART"),
    "all-day without VALUE=DATE": (replace_line("DTSTART;VALUE=DATE:20251204", "DTSTART:20251204"),
                                   "needs VALUE=DATE"),
    "dtend missing": (replace_line("DTEND;VALUE=DATE:20251206"), "DTEND missing"),
    "duration instead of dtend": (replace_line("DTEND;VALUE=DATE:20251206", "DURATION:P2D"), "DTEND missing"),
    "dtstart missing": (replace_line("DTSTART;VALUE=DATE:20251204"), "DTSTART missing"),
    "date and date-time mixed": (replace_line("DTEND;VALUE=DATE:20251206", "DTEND:20251206T000000Z"),
                                 "not both dates or both date-times"),
    "impossible date": (replace_line("DTSTART;VALUE=DATE:20251204", "DTSTART;VALUE=DATE:20251304"),
                        "not a real date"),
    "floating start": (replace_line("DTSTART:20251205T090000Z", "DTSTART:20251205T090000"),
                       "floating time"),
    "floating end": (replace_line("DTEND:20251205T100000Z", "DTEND:20251205T100000"), "floating time"),
    "tzid without vtimezone": (
        replace_line("DTSTART;TZID=Asia/Kolkata:20251204T100000", "DTSTART;TZID=Europe/Paris:20251204T100000"),
        "TZID=Europe/Paris has no VTIMEZONE"),
    "tzid and Z": (replace_line("DTSTART;TZID=Asia/Kolkata:20251204T100000",
                                "DTSTART;TZID=Asia/Kolkata:20251204T100000Z"), "both TZID and a UTC"),
    "timed end before start": (replace_line("DTEND:20251205T100000Z", "DTEND:20251205T080000Z"),
                               "DTEND is before DTSTART"),
    "timed end before start across zones": (
        replace_line("DTEND;TZID=Asia/Kolkata:20251204T110000", "DTEND:20251204T040000Z"),
        "DTEND is before DTSTART"),
    "prodid missing": (replace_line("PRODID:-//test//feedlint//EN"), "PRODID must appear once"),
    "version wrong": (replace_line("VERSION:2.0", "VERSION:1.0"), "VERSION is '1.0'"),
    "version missing": (replace_line("VERSION:2.0"), "VERSION must appear once"),
    "name missing": (replace_line("NAME:Test calendar"), "NAME must appear once"),
    "x-wr-calname missing": (replace_line("X-WR-CALNAME:Test calendar"), "X-WR-CALNAME must appear once"),
    "refresh-interval missing": (replace_line("REFRESH-INTERVAL;VALUE=DURATION:PT1H"),
                                 "REFRESH-INTERVAL must appear once"),
    "refresh-interval without VALUE": (
        replace_line("REFRESH-INTERVAL;VALUE=DURATION:PT1H", "REFRESH-INTERVAL:PT1H"), "VALUE=DURATION"),
    "refresh-interval not a duration": (
        replace_line("REFRESH-INTERVAL;VALUE=DURATION:PT1H", "REFRESH-INTERVAL;VALUE=DURATION:1 hour"),
        "not a duration"),
    "published-ttl missing": (replace_line("X-PUBLISHED-TTL:PT1H"), "X-PUBLISHED-TTL must appear once"),
    "published-ttl minutes": (replace_line("X-PUBLISHED-TTL:PT1H", "X-PUBLISHED-TTL:60"), "not a duration"),
    "published-ttl empty duration": (replace_line("X-PUBLISHED-TTL:PT1H", "X-PUBLISHED-TTL:PT"),
                                     "not a duration"),
    "published-ttl zero": (replace_line("X-PUBLISHED-TTL:PT1H", "X-PUBLISHED-TTL:PT0S"), "positive duration"),
    "method present": (insert_before("BEGIN:VTIMEZONE", "METHOD:PUBLISH"), "METHOD must not be written"),
    "status invalid": (replace_line("STATUS:CONFIRMED", "STATUS:DONE"), "STATUS 'DONE' is not one of"),
    "control character": (replace_line("SUMMARY:State visit", "SUMMARY:State\x0bvisit"), "control character"),
    "unbalanced components": (replace_line("END:VTIMEZONE"), "does not close"),
}


@pytest.mark.parametrize("case", sorted(ICS_CASES))
def test_ics_rule_is_caught(case: str) -> None:
    data, expected = ICS_CASES[case]
    assert_caught(lint_ics(data), expected)


def alarm_calendar() -> bytes:
    """The good file with a VALARM inside its first event."""
    return insert_before("SUMMARY:State visit", "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:x",
                         "TRIGGER:-PT15M", "END:VALARM")


def test_valarm_caught_unless_alarms_asked_for() -> None:
    assert_caught(lint_ics(alarm_calendar()), "VALARM present but alarms were not asked for")
    assert lint_ics(alarm_calendar(), alarms_allowed=True) == []


def test_bare_lf_line_ends_are_caught() -> None:
    assert_caught(lint_ics(make_ics(GOOD_ICS_LINES).replace(b"\r\n", b"\n")), "not CRLF")


def test_one_bare_lf_is_caught() -> None:
    data = make_ics(GOOD_ICS_LINES).replace(b"SUMMARY:Talks\r\n", b"SUMMARY:Talks\n")
    assert_caught(lint_ics(data), "not CRLF")


def test_missing_final_crlf_is_caught() -> None:
    assert_caught(lint_ics(make_ics(GOOD_ICS_LINES)[:-2]), "does not end with CRLF")


def test_unfolded_long_line_is_caught() -> None:
    data = replace_line("SUMMARY:Talks", "SUMMARY:" + "x" * 70)
    assert_caught(lint_ics(data), "78 octets, longer than 75")


def test_76_octets_counted_in_bytes_not_characters() -> None:
    """34 é are 68 octets: with `SUMMARY:` a 76-octet line of only 42 characters."""
    data = replace_line("SUMMARY:Talks", "SUMMARY:" + "é" * 34)
    assert_caught(lint_ics(data), "76 octets")


def test_fold_inside_a_utf8_sequence_is_caught() -> None:
    good = make_ics(GOOD_ICS_LINES)
    whole = ("é" * 29 + "\r\n " + "é" * 10).encode()
    cut = "é".encode()
    broken = ("é" * 28).encode() + cut[:1] + b"\r\n " + cut[1:] + ("é" * 10).encode()
    assert whole in good
    assert_caught(lint_ics(good.replace(whole, broken)), "folded inside a UTF-8 sequence")


def test_folded_lines_are_read_whole() -> None:
    """A property split by folding is one property: a folded UID is not a missing one."""
    data = replace_line("UID:utc@test", "UID:utc", " @test")
    assert lint_ics(data) == []


def test_quoted_parameter_values_may_hold_colons() -> None:
    data = insert_before("SUMMARY:Talks", 'ATTENDEE;CN="Dr. X: host";ROLE=CHAIR:mailto:x@example.org')
    assert lint_ics(data) == []


@pytest.mark.parametrize("garbage", [b"", b"\xff\xfe\x00", b"BEGIN:VCALENDAR\r\n", b"hello"])
def test_garbage_gives_problems_not_exceptions(garbage: bytes) -> None:
    assert lint_ics(garbage)


# --------------------------------------------------------------------------------------------- RSS


def rss(old: str, new: str) -> bytes:
    """The good feed with one piece of text swapped."""
    assert old in GOOD_RSS, old
    return GOOD_RSS.replace(old, new, 1).encode("utf-8")


def test_good_rss_is_clean() -> None:
    assert lint_rss(GOOD_RSS.encode("utf-8")) == []


RSS_CASES = {
    "not well-formed": (rss("</channel>", ""), "not well-formed"),
    "undefined entity": (rss("Called off", "Called&nbsp;off"), "not well-formed"),
    "not rss 2.0": (rss('<rss version="2.0"', '<rss version="0.91"'), "not <rss version"),
    "channel title missing": (rss("<title>Test alerts</title>", ""), "<title> missing"),
    "channel title empty": (rss("<title>Test alerts</title>", "<title> </title>"), "<title> missing"),
    "channel link missing": (rss("<link>https://example.org/</link>", ""), "<link> missing"),
    "channel description missing": (rss("<description>Alerts</description>", ""),
                                    "<description> missing"),
    "self link missing": (rss('<atom:link href="https://example.org/alerts.xml" rel="self" '
                              'type="application/rss+xml"/>', ""), 'needs one atom:link rel="self"'),
    "self link wrong type": (rss('type="application/rss+xml"', 'type="text/xml"'),
                             'type="application/rss+xml"'),
    "self link relative": (rss('href="https://example.org/alerts.xml"', 'href="alerts.xml"'),
                           "absolute URL"),
    "ttl missing": (rss("<ttl>60</ttl>", ""), "<ttl> missing"),
    "ttl zero": (rss("<ttl>60</ttl>", "<ttl>0</ttl>"), "not a positive integer"),
    "ttl negative": (rss("<ttl>60</ttl>", "<ttl>-5</ttl>"), "not a positive integer"),
    "ttl a duration": (rss("<ttl>60</ttl>", "<ttl>PT1H</ttl>"), "not a positive integer"),
    "guid missing": (rss('<guid isPermaLink="false">a1@publisher</guid>', ""), "<guid> missing"),
    "guid twice": (rss("<guid>https://example.org/alerts/2</guid>",
                       '<guid isPermaLink="false">a1@publisher</guid>'), "guid used by more than one item"),
    "guid not a url without isPermaLink": (
        rss('<guid isPermaLink="false">a1@publisher</guid>', "<guid>a1@publisher</guid>"),
        'needs isPermaLink="false"'),
    "guid not a url with isPermaLink true": (
        rss('<guid isPermaLink="false">a1@publisher</guid>', '<guid isPermaLink="true">a1@publisher</guid>'),
        'needs isPermaLink="false"'),
    "pubDate missing": (rss("<pubDate>Tue, 02 Dec 2025 09:30:00 GMT</pubDate>", ""), "<pubDate> missing"),
    "pubDate two-digit year": (rss("Tue, 02 Dec 2025 09:30:00 GMT", "Tue, 02 Dec 25 09:30:00 GMT"),
                               "four-digit year"),
    "pubDate ISO 8601": (rss("Tue, 02 Dec 2025 09:30:00 GMT", "2025-12-02T09:30:00Z"), "not an RFC 822"),
    "pubDate wrong weekday": (rss("Tue, 02 Dec 2025 09:30:00 GMT", "Wed, 02 Dec 2025 09:30:00 GMT"),
                              "wrong weekday"),
    "pubDate no zone": (rss("Tue, 02 Dec 2025 09:30:00 GMT", "Tue, 02 Dec 2025 09:30:00"), "not an RFC 822"),
    "pubDate impossible": (rss("Tue, 02 Dec 2025 09:30:00 GMT", "Tue, 32 Dec 2025 09:30:00 GMT"),
                           "not a real date"),
    "lastBuildDate bad": (rss("<lastBuildDate>Wed, 03 Dec 2025 10:00:00 +0000",
                              "<lastBuildDate>03/12/2025 10:00"), "channel <lastBuildDate>"),
    "category missing": (rss("<category>new</category>", ""), "no <category> naming the alert kind"),
    "category not a kind": (rss("<category>new</category>", "<category>news</category>"),
                            "no <category> naming the alert kind"),
    "escaped script": (rss("Called off", "&lt;script&gt;alert(1)&lt;/script&gt;"), "<script>"),
    "cdata script": (rss("&lt;p&gt;Called off&lt;/p&gt;", "<![CDATA[<p><script>alert(1)</script></p>]]>"),
                     "<script>"),
    "iframe": (rss("Called off", '&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;'), "<iframe>"),
    "event handler": (rss("Called off", "&lt;img src=x onerror=alert(1)&gt;"), "event handler onerror="),
    "event handler self-closing": (rss("Called off", '&lt;img src="x" onload="alert(1)"/&gt;'),
                                   "event handler onload="),
    "javascript url": (rss("Called off", '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'), "script URL"),
    "javascript url hidden by entities": (
        rss("Called off", '&lt;a href="&amp;#106;avascript:alert(1)"&gt;x&lt;/a&gt;'), "script URL"),
    "javascript url hidden by case and space": (
        rss("Called off", '&lt;a href=" JavaScript:alert(1)"&gt;x&lt;/a&gt;'), "script URL"),
    "item link javascript": (rss("<link>https://example.org/talks</link>", "<link>javascript:alert(1)</link>"),
                             "is a script URL"),
    "item without title and description": (
        rss("<title>Cancelled: Talks</title>", "").replace(b"<description>&lt;p&gt;Called off&lt;/p&gt;"
                                                           b"</description>", b""),
        "needs a <title> or a <description>"),
}


@pytest.mark.parametrize("case", sorted(RSS_CASES))
def test_rss_rule_is_caught(case: str) -> None:
    data, expected = RSS_CASES[case]
    assert_caught(lint_rss(data), expected)


def test_escaped_markup_shown_as_text_is_clean() -> None:
    """`&amp;lt;script&amp;gt;` reaches the reader as the text "<script>", which cannot run."""
    assert "&amp;lt;script&amp;gt;" in GOOD_RSS
    assert lint_rss(GOOD_RSS.encode()) == []


def test_external_entities_are_not_loaded() -> None:
    """The lint never reads files or the network on behalf of a feed."""
    data = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + GOOD_RSS.split("?>", 1)[1].replace("Called off", "&x;")).encode()
    problems = lint_rss(data)
    assert not any("root:" in problem for problem in problems)


@pytest.mark.parametrize("garbage", [b"", b"\xff\xfe", b"<rss/>", b"<html><body>x</body></html>"])
def test_rss_garbage_gives_problems_not_exceptions(garbage: bytes) -> None:
    assert lint_rss(garbage)
