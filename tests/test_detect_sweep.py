"""A generalisation sweep: short announcements of every kind the detector meets, each with the
events it must give (days, clock time and UTC offset, status, superseded day, place) and a title a
person would type.

Every text here was written for this suite in the style of wire copy, press releases, club and
government notices and news items from UK, US, Indian, African and Australian outlets. None is
taken from a real document; names of people, companies and events are invented or generic.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

import pytest

from publisher.detect import detect
from publisher.model import Announcement, Detection

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Want:
    """One event the detector must give.

    `when` is a day ("2026-07-14") for an all-day event, a moment with its offset
    ("2026-07-14 07:00 +01:00") for a timed one, or a day with "~" ("2026-11-03~") when only the
    day matters. `until` is the last day (all-day) or the end moment (timed). `key` and `where`
    hold alternatives separated by "|": one must occur in the title / the location.
    """

    when: str
    key: str
    until: str | None = None
    status: str = "scheduled"
    original: str | None = None
    where: str | None = None


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    published: str
    text: str
    wants: list[Want] = field(default_factory=list)
    url: str | None = None
    title: str | None = None


CASES: list[Case] = [
    # ---- state and official visits -------------------------------------------------------
    Case("visit-india-one-leg", "visit", "2026-07-06",
         "NEW DELHI: Prime Minister Rakesh Varma will pay a two-day state visit to Japan on July 14-15, the "
         "Ministry of External Affairs said on Monday. During the visit, Mr. Varma will hold talks with his "
         "Japanese counterpart in Tokyo.",
         [Want("2026-07-14", "visit", until="2026-07-15", where="Japan")], url="https://www.example.in/news/1"),
    Case("visit-two-legs-west-africa", "visit", "2026-02-23",
         "President Amara Diallo will travel to Ghana and Senegal next week. She will be in Accra from 3 to 5 "
         "March for a state visit, before flying to Dakar for a one-day working visit on 6 March.",
         [Want("2026-03-03", "visit", until="2026-03-05", where="Accra"),
          Want("2026-03-06", "visit", where="Dakar")]),
    Case("visit-uk-royal", "visit", "2026-04-21",
         "The King and Queen will make a state visit to Canada from Tuesday 12 May to Thursday 14 May, "
         "Buckingham Palace has announced. Their Majesties will spend two days in Ottawa before travelling on "
         "to Quebec City.",
         [Want("2026-05-12", "visit", until="2026-05-14", where="Canada")], url="https://www.example.co.uk/news"),
    Case("visit-us-two-stops", "visit", "2026-09-28",
         "WASHINGTON — Secretary of State Dana Whitfield will travel to Brussels and Warsaw this week. Whitfield "
         "will attend a NATO foreign ministers' meeting in Brussels on Oct. 1 and 2, then visit Warsaw on Oct. 3 "
         "for talks with Polish officials, the State Department said.",
         [Want("2026-10-01", "meeting", until="2026-10-02", where="Brussels"),
          Want("2026-10-03", "visit|talks", where="Warsaw")]),
    Case("visit-kenya-uganda", "visit", "2026-08-17",
         "Kenyan President Daniel Odhiambo is expected in Kampala on Thursday for a one-day official visit, "
         "State House said. He will hold talks with his Ugandan counterpart on the oil pipeline.",
         [Want("2026-08-20", "visit", where="Kampala")], url="https://www.example.co.ke/politics/2"),
    Case("visit-australia-jakarta", "visit", "2026-06-03",
         "Prime Minister Claire Hollis will visit Indonesia next week, travelling to Jakarta on Wednesday 10 June "
         "for the annual leaders' meeting with the Indonesian president.",
         [Want("2026-06-10", "visit|meeting", where="Jakarta|Indonesia")], url="https://www.example.com.au/news"),
    # ---- summits and ministerial meetings ---------------------------------------------------
    Case("summit-g20-finance", "summit", "2026-02-10",
         "JOHANNESBURG — G20 finance ministers and central bank governors will meet in Cape Town on 26-27 "
         "February, the National Treasury said on Tuesday.",
         [Want("2026-02-26", "G20", until="2026-02-27", where="Cape Town")], url="https://www.example.co.za/1"),
    Case("summit-weekday-pair", "summit", "2026-11-16",
         "The sixth European Union–African Union summit will be held in Brussels on Wednesday and Thursday, "
         "with migration and energy at the top of the agenda.",
         [Want("2026-11-18", "summit", until="2026-11-19", where="Brussels")]),
    Case("summit-asean-ministers", "summit", "2026-06-25",
         "Foreign ministers of the Association of Southeast Asian Nations will gather in Kuala Lumpur from July 8 "
         "to 11 for the annual ASEAN Foreign Ministers' Meeting and related talks.",
         [Want("2026-07-08", "meeting", until="2026-07-11", where="Kuala Lumpur")]),
    Case("summit-chogm", "summit", "2026-09-01",
         "The Commonwealth Heads of Government Meeting (CHOGM) will take place in Apia, Samoa, from 21 to 26 "
         "October 2026.",
         [Want("2026-10-21", "Commonwealth|CHOGM", until="2026-10-26", where="Samoa")]),
    Case("summit-html-markup", "summit", "2026-03-02",
         "<p>Leaders of the Pacific Islands Forum will hold a <b>summit</b> in Suva, Fiji on "
         "<strong>14 April</strong>.</p>",
         [Want("2026-04-14", "summit", where="Fiji")]),
    Case("summit-nato-defence", "summit", "2026-02-02",
         "NATO defence ministers are to gather at the alliance's headquarters in Brussels on 12 February to "
         "discuss support for Ukraine, the Ministry of Defence said.",
         [Want("2026-02-12", "NATO", where="Brussels")], url="https://www.example.gov.uk/news"),
    # ---- company launch events and earnings calls ----------------------------------------
    Case("earnings-us-et", "company", "2026-07-08",
         "AUSTIN, Texas--(BUSINESS WIRE)--Halvorsen Systems Inc. (NASDAQ: HALV) will report its second-quarter "
         "2026 financial results after the market closes on Thursday, July 23, 2026. The company will host a "
         "conference call and webcast at 5:00 p.m. ET that day to discuss the results.",
         [Want("2026-07-23 17:00 -04:00", "call")]),
    Case("earnings-cet", "company", "2026-01-20",
         "Nordwerk AG will publish its preliminary figures for fiscal year 2025 on 5 February 2026. The analyst "
         "and investor call will start at 16:00 CET.",
         [Want("2026-02-05 16:00 +01:00", "call")]),
    Case("earnings-bst", "company", "2026-04-01",
         "Brightwater plc will announce its full-year results on Wednesday 15 April 2026. A presentation for "
         "analysts will be held at 1pm BST and will be available via a live webcast.",
         [Want("2026-04-15 13:00 +01:00", "results|presentation|call")], url="https://www.example.co.uk/rns"),
    Case("earnings-ist", "company", "2026-07-01",
         "Infosys will announce its Q1 FY27 results on July 16. The management will hold an earnings call at "
         "6:30 PM IST on the same day.",
         [Want("2026-07-16 18:30 +05:30", "call")]),
    Case("launch-special-event-pt", "company", "2026-08-25",
         "Apple will hold a special event on Tuesday, September 8, at 10 a.m. PT at the Steve Jobs Theater in "
         "Cupertino, the company said in invitations sent to media.",
         [Want("2026-09-08 10:00 -07:00", "event", where="Steve Jobs Theater")]),
    Case("launch-unpacked-pst", "company", "2026-12-15",
         "Samsung Galaxy Unpacked will take place on 20 January 2027 in San Jose, California, starting at 10am "
         "PST.",
         [Want("2027-01-20 10:00 -08:00", "Unpacked", where="San Jose")]),
    Case("launch-india-phone", "company", "2026-03-02",
         "OnePlus will launch the Nord 6 in India on March 10 at 12 noon IST. The launch event will be "
         "livestreamed on the company's YouTube channel.",
         [Want("2026-03-10 12:00 +05:30", "launch")]),
    # ---- league fixtures and cup finals ----------------------------------------------------
    Case("fixture-epl-bst", "fixture", "2026-10-22",
         "Arsenal host Chelsea at the Emirates Stadium on Saturday in the early kick-off (12:30 BST).",
         [Want("2026-10-24 12:30 +01:00", "Arsenal", where="Emirates Stadium")], url="https://www.example.co.uk/s"),
    Case("fixture-fa-cup-final", "fixture", "2026-05-10",
         "The FA Cup final between Manchester City and Crystal Palace will be played at Wembley Stadium on "
         "Saturday 16 May, kick-off 3pm.",
         [Want("2026-05-16 15:00 +01:00", "FA Cup|Manchester City", where="Wembley")]),
    Case("fixture-ipl", "fixture", "2026-04-09",
         "Mumbai Indians will take on Chennai Super Kings at the Wankhede Stadium in Mumbai on April 12. The "
         "match starts at 7:30 PM IST.",
         [Want("2026-04-12 19:30 +05:30", "Mumbai Indians", where="Wankhede")]),
    Case("fixture-afl-grand-final", "fixture", "2026-09-21",
         "The AFL Grand Final will be played at the Melbourne Cricket Ground on Saturday 26 September, with the "
         "first bounce at 2.30pm AEST.",
         [Want("2026-09-26 14:30 +10:00", "Grand Final", where="Melbourne Cricket Ground")],
         url="https://www.example.com.au/afl"),
    Case("fixture-soweto-derby", "fixture", "2026-02-25",
         "Kaizer Chiefs will host Orlando Pirates in the Soweto derby at FNB Stadium on Saturday, 28 February, "
         "at 15:30.",
         [Want("2026-02-28 15:30 +02:00", "Chiefs|derby", where="FNB Stadium")], url="https://www.example.co.za/psl"),
    Case("fixture-super-bowl", "fixture", "2026-11-02",
         "Super Bowl LXI will be played on Feb. 14, 2027, at SoFi Stadium in Inglewood, Calif., with kickoff set "
         "for 6:30 p.m. ET.",
         [Want("2027-02-14 18:30 -05:00", "Super Bowl", where="SoFi Stadium")]),
    Case("fixture-preview-field-lines", "fixture", "2026-08-27",
         "Sri Lanka will take on Bangladesh in the second Test at the Galle International Stadium on Saturday.\n\n"
         "Match details\n\nDate and Time: August 29 2026, Saturday, 10 am IST\n\n"
         "Venue: Galle International Stadium, Galle",
         [Want("2026-08-29 10:00 +05:30", "Sri Lanka|Test", where="Galle")]),
    Case("fixture-elliptic-ordinals", "fixture", "2026-06-01",
         "The Coastal Shield has reached the knockout stage, with two quarter-finals to be played at the National "
         "Stadium in Suva next week. The first will be on Wednesday, June 10, and the second will be on Friday, June "
         "12.",
         [Want("2026-06-10", "first quarter-final"), Want("2026-06-12", "second quarter-final")]),
    Case("fixture-past-background", "fixture", "2026-04-10",
         "Mumbai Indians will play Chennai Super Kings at the Wankhede Stadium on Sunday, April 12, at 7.30pm "
         "IST. Mumbai come into the game after Wednesday's defeat to Delhi Capitals, while Chennai's match "
         "against Punjab Kings on Thursday was washed out.",
         [Want("2026-04-12 19:30 +05:30", "Mumbai Indians", where="Wankhede")]),
    Case("fixture-background-in-passing", "fixture", "2026-04-28",
         "Celtic host Rangers at Celtic Park on Sunday 3 May (12pm). Rangers' Europa League tie in Lisbon on "
         "Thursday means they will have had only two days' rest before the derby.",
         [Want("2026-05-03 12:00 +01:00", "Celtic", where="Celtic Park")], url="https://www.example.co.uk/spl"),
    # ---- union strikes --------------------------------------------------------------------
    Case("strike-doctors-from-to", "strike", "2026-04-02",
         "Resident doctors in England will stage a walkout from 7am on Tuesday 14 April to 7am on Saturday 18 "
         "April, the British Medical Association has announced.",
         [Want("2026-04-14 07:00 +01:00", "strike|walkout", until="2026-04-18 07:00 +01:00",
               where="England|United Kingdom")], url="https://www.example.co.uk/health"),
    Case("strike-rail-date-list", "strike", "2026-02-20",
         "Members of the RMT union at 14 train operators will strike on 2, 4 and 7 March in a dispute over pay, "
         "the union said.",
         [Want("2026-03-02", "strike"), Want("2026-03-04", "strike"), Want("2026-03-07", "strike")]),
    Case("strike-tube-bare-weekdays", "strike", "2026-11-23",
         "London Underground drivers will walk out from 7am Tuesday to 7am Saturday, the Aslef union said, "
         "bringing the Tube to a standstill.",
         [Want("2026-11-24 07:00 +00:00", "strike|walkout|walk-out", until="2026-11-28 07:00 +00:00",
               where="London")], url="https://www.example.co.uk/london"),
    Case("strike-kenya-teachers", "strike", "2026-01-02",
         "Teachers in public schools across Kenya will begin an indefinite strike on Monday, January 5, the Kenya "
         "National Union of Teachers (KNUT) said.",
         [Want("2026-01-05", "strike", where="Kenya")], url="https://www.example.co.ke/education"),
    Case("strike-nsw-nurses", "strike", "2026-08-11",
         "Nurses and midwives in New South Wales will stage a 24-hour strike from 7am on Thursday, the union "
         "confirmed, with rallies planned outside Parliament House in Sydney.",
         [Want("2026-08-13 07:00 +10:00", "strike", where="New South Wales|Sydney")],
         url="https://www.example.com.au/nsw"),
    Case("strike-india-general", "strike", "2026-07-01",
         "Ten central trade unions have called a nationwide general strike on July 9 to protest against the new "
         "labour codes, with banking and transport services likely to be hit across India.",
         [Want("2026-07-09", "strike", where="India")]),
    Case("strike-nigeria-weekday-pair", "strike", "2026-11-09",
         "The Nigeria Labour Congress has directed workers to begin a two-day warning strike on Wednesday and "
         "Thursday over the new minimum wage.",
         [Want("2026-11-11", "strike", until="2026-11-12", where="Nigeria")], url="https://www.example.ng/labour"),
    # ---- public holidays and closures --------------------------------------------------------
    Case("holiday-kenya-declared", "holiday", "2026-10-05",
         "The Interior Cabinet Secretary has declared Monday, 12 October 2026 a public holiday to mark Utamaduni "
         "Day, according to a gazette notice.",
         [Want("2026-10-12", "holiday|Utamaduni Day", where="Kenya")], url="https://www.example.co.ke/news/3"),
    Case("holiday-banks-closed", "holiday", "2026-03-30",
         "Banks across the country will remain closed on Friday, April 3, on account of Good Friday, according to "
         "the central bank's holiday list.",
         [Want("2026-04-03", "closed|closure|Good Friday|holiday")], url="https://www.example.in/business"),
    Case("closure-queensland-schools", "closure", "2026-01-18",
         "All state schools in south-east Queensland will be closed on Monday as Tropical Cyclone Alfred "
         "approaches the coast, the Education Minister said.",
         [Want("2026-01-19", "closed|closure|schools", where="Queensland")], url="https://www.example.com.au/qld"),
    Case("closure-markets-memorial-day", "closure", "2026-05-20",
         "U.S. stock markets will be closed on Monday, May 25, in observance of Memorial Day, and will reopen at "
         "9:30 a.m. ET on Tuesday.",
         [Want("2026-05-25~", "closed|closure|Memorial Day")]),
    Case("holiday-uk-bank-holiday", "holiday", "2026-08-20",
         "The summer bank holiday in England and Wales falls on Monday 31 August this year.",
         [Want("2026-08-31", "bank holiday", where="England|United Kingdom")], url="https://www.example.gov.uk/bh"),
    Case("holiday-nigeria-two-days", "holiday", "2026-05-22",
         "The Federal Government has declared Wednesday, May 27 and Thursday, May 28 public holidays to mark the "
         "Eid-el-Kabir celebrations, the Minister of Interior announced.",
         [Want("2026-05-27", "holiday", until="2026-05-28", where="Nigeria")], url="https://www.example.ng/news"),
    Case("closure-museum-christmas", "closure", "2026-12-10",
         "The British Museum will be closed from 24 to 26 December and will reopen on 27 December.",
         [Want("2026-12-24", "closed|closure|Museum", until="2026-12-26", where="British Museum")]),
    Case("closure-bridge-overnight", "closure", "2026-03-18",
         "The Sydney Harbour Bridge will be closed to traffic from 10pm on Saturday to 4am on Sunday for "
         "maintenance work, Transport for NSW said.",
         [Want("2026-03-21 22:00 +11:00", "closed|closure|Bridge", until="2026-03-22 04:00 +11:00",
               where="Sydney")], url="https://www.example.com.au/traffic"),
    # ---- elections ------------------------------------------------------------------------
    Case("election-india-phases", "election", "2026-10-06",
         "The Election Commission on Monday announced that polling for the 243-member Bihar Assembly will be held "
         "in three phases on October 28, November 3 and November 7, with counting of votes on November 10.",
         [Want("2026-10-28", "poll|election", where="Bihar"), Want("2026-11-03", "poll|election", where="Bihar"),
          Want("2026-11-07", "poll|election", where="Bihar"), Want("2026-11-10", "count|result", where="Bihar")]),
    Case("election-uk-by-election", "election", "2026-04-08",
         "A by-election in the Runcorn constituency will be held on Thursday 7 May, the same day as local "
         "elections across England.",
         [Want("2026-05-07", "by-election", where="Runcorn")], url="https://www.example.co.uk/politics"),
    Case("election-us-polls-hours", "election", "2026-10-20",
         "Voters in Virginia head to the polls on Tuesday, Nov. 3, to choose a new governor. Polls open at 6 a.m. "
         "and close at 7 p.m.",
         [Want("2026-11-03~", "poll|election|vote", where="Virginia")]),
    Case("election-ghana-general", "election", "2026-03-15",
         "Ghana's next general election will take place on 7 December 2028, the Electoral Commission has "
         "confirmed.",
         [Want("2028-12-07", "election", where="Ghana")], url="https://www.example.com.gh/politics"),
    Case("election-australia-called", "election", "2026-03-28",
         "Prime Minister Claire Hollis has called the federal election for Saturday 2 May, after visiting "
         "Government House in Canberra this morning.",
         [Want("2026-05-02", "election", where="Australia")], url="https://www.example.com.au/politics"),
    # ---- conferences and webinars --------------------------------------------------------
    Case("webinar-et", "conference", "2026-03-04",
         "Join us for a free webinar, “Planning for Retirement in Uncertain Times”, on Wednesday, March 18 at "
         "2 p.m. ET. Registration is open now.",
         [Want("2026-03-18 14:00 -04:00", "webinar|Retirement", where="Online")]),
    Case("conference-cape-town", "conference", "2026-05-12",
         "The Africa Energy Forum will be held at the Cape Town International Convention Centre from 16 to 19 "
         "June 2026, bringing together more than 2,000 delegates.",
         [Want("2026-06-16", "Africa Energy Forum", until="2026-06-19", where="Cape Town")]),
    Case("conference-returns", "conference", "2026-09-30",
         "Web Summit 2026 returns to Lisbon on 9-12 November, organisers said, with 70,000 attendees expected.",
         [Want("2026-11-09", "Web Summit", until="2026-11-12", where="Lisbon")]),
    Case("webinar-gmt-range", "conference", "2026-01-20",
         "Our next webinar, 'Pensions and the 2027 Budget', runs from 11:00 to 12:00 GMT on Thursday 5 February.",
         [Want("2026-02-05 11:00 +00:00", "webinar|Pensions", until="2026-02-05 12:00 +00:00", where="Online")],
         url="https://www.example.org.uk/events"),
    Case("conference-two-days-and", "conference", "2026-12-01",
         "The annual national conference of the Indian Medical Association will be held in Hyderabad on December "
         "27 and 28.",
         [Want("2026-12-27", "conference", until="2026-12-28", where="Hyderabad")]),
    # ---- court hearings -----------------------------------------------------------------------
    Case("court-us-sentencing", "court", "2026-05-20",
         "U.S. District Judge Lorna Hale scheduled sentencing for June 4 at 9 a.m. in federal court in New York.",
         [Want("2026-06-04 09:00 -04:00", "sentencing", where="New York")]),
    Case("court-india-will-hear", "court", "2026-07-08",
         "The Supreme Court will hear on July 14 a batch of petitions challenging the new electoral rules, a bench "
         "headed by the Chief Justice said on Wednesday.",
         [Want("2026-07-14", "hearing|Supreme Court|petition")], url="https://www.example.in/law"),
    Case("court-nairobi-next-week", "court", "2026-02-09",
         "The High Court in Nairobi will hear the petition against the Finance Act on Tuesday next week, Justice "
         "Mary Mugure ruled.",
         [Want("2026-02-17", "hearing|petition|High Court", where="Nairobi")], url="https://www.example.co.ke/c"),
    Case("court-uk-trial", "court", "2026-06-05",
         "The trial of the three men is due to begin at Manchester Crown Court on 12 October and is expected to "
         "last six weeks.",
         [Want("2026-10-12", "trial", where="Manchester Crown Court")], url="https://www.example.co.uk/crime"),
    # ---- change reports ---------------------------------------------------------------------
    Case("change-postponed-indefinitely", "change", "2026-03-04",
         "The East African Community summit set for next Tuesday in Arusha has been postponed indefinitely, the "
         "secretariat said.",
         [Want("2026-03-10", "summit", status="postponed", where="Arusha")], url="https://www.example.co.tz/news"),
    Case("change-match-postponed", "change", "2026-01-09",
         "Saturday's Championship match between Leeds United and Burnley at Elland Road has been postponed because "
         "of a frozen pitch.",
         [Want("2026-01-10", "Leeds", status="postponed", where="Elland Road")], url="https://www.example.co.uk/f"),
    Case("change-postponed-to-new-date", "change", "2026-02-20",
         "The Harbour Lights concert, originally scheduled for 14 March, has been postponed to 9 May due to the "
         "singer's illness.",
         [Want("2026-05-09", "concert", status="rescheduled", original="2026-03-14")],
         url="https://www.example.com.au/music"),
    Case("change-moved-to-from", "change", "2026-04-01",
         "The EU agriculture ministers' meeting has been moved to 22 April from 15 April to avoid a clash with "
         "the Easter recess.",
         [Want("2026-04-22", "meeting", status="rescheduled", original="2026-04-15")]),
    Case("change-brought-forward", "change", "2026-03-02",
         "The final vote on the budget has been brought forward to Tuesday 10 March from Thursday 12 March, the "
         "Speaker said.",
         [Want("2026-03-10", "vote", status="rescheduled", original="2026-03-12")], url="https://www.example.co.nz/p"),
    Case("change-pushed-back-call", "change", "2026-08-17",
         "Corvane Inc. has pushed back its second-quarter earnings call to Wednesday, Aug. 26, at 5 p.m. ET, from "
         "Aug. 19.",
         [Want("2026-08-26 17:00 -04:00", "call", status="rescheduled", original="2026-08-19")]),
    Case("change-venue-same-day", "change", "2026-06-22",
         "Saturday's Northern Lights Festival has been moved from Exhibition Park to the Utilita Arena in "
         "Newcastle because of the weather forecast.",
         [Want("2026-06-27", "Festival", status="rescheduled", where="Utilita Arena")],
         url="https://www.example.co.uk/ne"),
    Case("change-venue-with-date", "change", "2026-06-29",
         "The Midlands Cyber Security Conference on 9 July 2026 has been switched to the International Convention "
         "Centre in Birmingham after ticket demand outgrew the original venue, organisers said.",
         [Want("2026-07-09", "Conference", status="rescheduled", where="International Convention Centre")]),
    Case("change-called-off", "change", "2026-01-16",
         "The Bengaluru Marathon scheduled for Sunday has been called off due to heavy rain, organisers said.",
         [Want("2026-01-18", "Marathon", status="cancelled", where="Bengaluru")], url="https://www.example.in/city"),
    Case("change-scrapped", "change", "2026-05-05",
         "Organisers have scrapped the Harbour Festival in Portsmouth, which had been planned for 20 June, citing "
         "rising costs.",
         [Want("2026-06-20", "Festival", status="cancelled", where="Portsmouth")]),
    Case("change-strike-called-off", "change", "2026-04-30",
         "The teachers' strike planned for 5 and 6 May has been called off after the union reached a deal with "
         "the education department.",
         [Want("2026-05-05", "strike", until="2026-05-06", status="cancelled")], url="https://www.example.co.za/ed"),
    Case("change-election-shifted", "change", "2026-08-30",
         "INEC has moved the governorship election in Edo State from 12 September to 19 September because of "
         "the security situation.",
         [Want("2026-09-19", "election", status="rescheduled", original="2026-09-12", where="Edo")],
         url="https://www.example.ng/politics"),
    Case("change-cabinet-weekday-postponed", "change", "2026-03-09",
         "Tuesday's cabinet meeting in Nairobi has been postponed, State House said, without giving a new date.",
         [Want("2026-03-10", "meeting", status="postponed", where="Nairobi")], url="https://www.example.co.ke/gov"),
    Case("change-fair-canceled-us", "change", "2026-07-20",
         "The Lakeside County Fair, set for Aug. 14-16 at the county fairgrounds, has been canceled because of "
         "flooding, organizers announced Monday.",
         [Want("2026-08-14", "Fair", until="2026-08-16", status="cancelled")]),
    Case("change-pushed-back-to-from", "change", "2026-09-14",
         "The launch of the Meridian-2 weather satellite has been pushed back to November 19 from October 30 "
         "after a fault was found in the rocket's second stage.",
         [Want("2026-11-19", "launch", status="rescheduled", original="2026-10-30")]),
    Case("court-adjourned-until", "court", "2026-04-21",
         "Magistrate Peter Njoroge adjourned the fraud case against the former county official until 14 May, when "
         "the prosecution is expected to call its first witness.",
         [Want("2026-05-14", "case|hearing", status="rescheduled")], url="https://www.example.co.ke/courts"),
    Case("earnings-dial-in-et", "company", "2026-10-06",
         "Ridgeline Bancorp will host a conference call at 10 a.m. ET on Thursday, Oct. 22, to discuss its "
         "third-quarter results. Analysts may dial in using the number on the company's website.",
         [Want("2026-10-22 10:00 -04:00", "call")]),
    Case("summit-g7-range-words", "summit", "2026-04-30",
         "The G7 leaders' summit will take place in Cannes from June 14 to 16, the French presidency confirmed.",
         [Want("2026-06-14", "G7|summit", until="2026-06-16", where="Cannes")]),
    Case("conference-weekday-range", "conference", "2026-01-12",
         "The Australian Renewable Energy Conference runs from Tuesday 3 March to Thursday 5 March 2026 at the "
         "Melbourne Convention and Exhibition Centre.",
         [Want("2026-03-03", "Conference", until="2026-03-05", where="Melbourne")], url="https://www.example.com.au/e"),
    Case("holiday-diwali-offices", "holiday", "2026-11-02",
         "All central government offices in Delhi will remain closed on Monday, November 9, for Diwali, the "
         "Department of Personnel said.",
         [Want("2026-11-09", "closed|Diwali|holiday", where="Delhi")], url="https://www.example.in/delhi"),
    Case("reserve-day-in-same-sentence", "fixture", "2026-06-08",
         "England face Australia in the World Test Championship final at Lord's from Wednesday, June 10. The "
         "reserve day for the final is Tuesday, June 16, which will be used only if play is called off earlier "
         "in the match.",
         [Want("2026-06-10", "final|England"), Want("2026-06-16", "Reserve day")], url="https://www.example.co.uk/cricket"),
    Case("negative-last-years-summit", "negative", "2026-08-10",
         "Last year's summit in Nairobi, which was held on 5 September, ended without a joint declaration.", []),
    Case("negative-preorders", "negative", "2026-09-02",
         "Pre-orders open on 12 September, with the phone shipping from 19 September in most markets.", []),
    Case("negative-opinion-future-vote", "negative", "2026-05-11",
         "Comment: Whoever wins, the real test for the next government will come long after polling day.", []),
    # ---- a second batch, written after the first round of fixes ---------------------------
    Case("visit-pm-to-two-cities", "visit", "2026-10-12",
         "Prime Minister Tendai Moyo will travel to Nairobi on Thursday, October 15, for a two-day working visit, "
         "before proceeding to Addis Ababa for the African Union summit on October 17.",
         [Want("2026-10-15", "visit", until="2026-10-16", where="Nairobi"),
          Want("2026-10-17", "summit", where="Addis Ababa")]),
    Case("summit-ministerial-slated", "summit", "2026-05-04",
         "Trade ministers from the Commonwealth are slated to meet in London on 18 and 19 May to discuss supply "
         "chains, the Department for Business and Trade said.",
         [Want("2026-05-18", "meeting|ministers", until="2026-05-19", where="London")],
         url="https://www.example.gov.uk/trade"),
    Case("earnings-gmt-webcast", "company", "2026-02-16",
         "Kestrel Mining plc will announce its interim results on Tuesday 24 February 2026. Management will host a "
         "webcast for analysts and investors at 09:30 GMT on the day.",
         [Want("2026-02-24 09:30 +00:00", "Kestrel|results|call|webcast")], url="https://www.example.co.uk/kmp"),
    Case("launch-keynote-pt", "company", "2026-05-26",
         "The company's annual developer conference opens with a keynote at 10 a.m. PT on Monday, June 8, at the "
         "Moscone Center in San Francisco.",
         [Want("2026-06-08 10:00 -07:00", "keynote|conference", where="Moscone Center")]),
    Case("fixture-rugby-kick-off", "fixture", "2026-03-09",
         "Ireland take on Scotland at the Aviva Stadium in Dublin on Saturday, March 14 (kick-off 4.45pm).",
         [Want("2026-03-14 16:45 +00:00", "Ireland", where="Aviva Stadium")], url="https://www.example.ie/rugby"),
    Case("strike-dates-listed-uk", "strike", "2026-09-01",
         "University staff at 140 institutions will strike on 21, 22 and 23 September, the University and "
         "College Union (UCU) announced.",
         [Want("2026-09-21", "strike", until="2026-09-23")], url="https://www.example.co.uk/edu"),
    Case("election-runoff-africa", "election", "2026-03-02",
         "Liberia's National Elections Commission has set the presidential run-off for Tuesday, March 24, after no "
         "candidate won an outright majority.",
         [Want("2026-03-24", "run-off|election", where="Liberia")], url="https://www.example.com.lr/news"),
    Case("holiday-australia-day-moved", "holiday", "2026-01-20",
         "Queensland's public holiday for Australia Day will be observed on Monday, January 26.",
         [Want("2026-01-26", "holiday|Australia Day", where="Queensland")], url="https://www.example.com.au/q"),
    Case("change-summit-postponed-to-weekday", "change", "2026-11-02",
         "The regional security summit in Abuja, originally planned for Wednesday, has been postponed to "
         "Friday, November 13, the foreign ministry said.",
         [Want("2026-11-13", "summit", status="rescheduled", original="2026-11-04", where="Abuja")],
         url="https://www.example.ng/politics/2"),
    Case("change-gig-cancelled-illness", "change", "2026-07-14",
         "Saturday's concert by the Harbour Kings at Victoria Park in Swansea has been cancelled after the "
         "singer fell ill, promoters said.",
         [Want("2026-07-18", "concert|Harbour Kings", status="cancelled", where="Victoria Park")],
         url="https://www.example.co.uk/wales"),
    Case("launch-passive-coined-name", "company", "2026-10-10",
         "The Meridian-4 communications satellite is set to be launched on 22 October at 06:10 IST from "
         "Sriharikota. Meridian-4 will begin its journey to geostationary orbit on 22 October, officials said.",
         [Want("2026-10-22 06:10 +05:30", "Meridian-4 launch")], url="https://www.example.in/space"),
    Case("negative-lineup-announced", "negative", "2026-02-11",
         "The festival announced its full line-up on Tuesday, with tickets on sale from Friday at 10am.", []),
    Case("negative-past-earnings", "negative", "2026-08-07",
         "Kestrel Mining reported a 12% rise in first-half profit on Thursday, sending its shares higher.", []),
    # ---- negatives and tricky context --------------------------------------------------
    Case("negative-match-report", "negative", "2026-03-15",
         "Arsenal beat Chelsea 2-1 at the Emirates Stadium on Saturday, with a late header settling the game in "
         "the 88th minute.", []),
    Case("negative-review", "negative", "2026-07-20",
         "Review: The Riverside Festival, held in Brighton last weekend, drew 40,000 people and was the best "
         "edition yet. The headliners played on Saturday night to a packed field.", []),
    Case("negative-opinion", "negative", "2026-02-10",
         "Opinion: Nigeria deserves elections it can trust. The polls in February 2023 were marred by delays, and "
         "the electoral commission must learn from them before the next vote.", []),
    Case("negative-tickets-on-sale", "negative", "2026-03-03",
         "Tickets for the band's UK tour go on sale from 9am on Friday 6 March via the usual outlets.", []),
    Case("negative-available-from", "negative", "2026-09-10",
         "The new Pixel 11 will be available to buy from September 24 in the UK, priced from £799.", []),
    Case("negative-later-this-year", "negative", "2026-04-14",
         "The Prime Minister is expected to visit Washington later this year, although no dates have been set.",
         []),
    Case("negative-coming-weeks", "negative", "2026-05-06",
         "Talks between the union and the rail operators will resume in the coming weeks, the union said.", []),
    Case("negative-rumour-could", "negative", "2026-08-05",
         "The final could be held in Riyadh on 12 December, according to reports in the Spanish press.", []),
    Case("negative-rumour-swirling", "negative", "2026-06-09",
         "Rumours are swirling that the band will announce a reunion gig at Wembley Stadium on 4 September.", []),
    Case("negative-past-protest", "negative", "2026-06-30",
         "Thousands of protesters marched through Lagos on Monday against rising fuel prices, police said.", [],
         url="https://www.example.ng/metro"),
    Case("reserve-day-not-cancelled", "fixture", "2026-09-25",
         "The final between India and Pakistan will be played in Dubai on Sunday, September 27, from 2 p.m. local "
         "time. Monday, September 28, has been set aside as a reserve day and will be used if play is called off "
         "on Sunday.",
         [Want("2026-09-27 14:00 +04:00", "final|India", where="Dubai"),
          Want("2026-09-28", "Reserve day", where="Dubai")]),
    Case("semi-final-earlier-this-week", "fixture", "2026-05-14",
         "Ten more countries will qualify for Saturday's grand final from tonight's second semi-final in Basel, "
         "joining those from the first semi-final on Tuesday.",
         [Want("2026-05-14", "semi-final", where="Basel"), Want("2026-05-16", "final")]),
]

TITLE_VERBS = re.compile(r"\b(?:take|takes|taking|took)\s+place\b|\b(?:will|shall|is|are|was|were|has|have|been|"
                         r"said|says|announced|held|scheduled)\b", re.I)
DATE_WORDS = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|June|July|"
                        r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
                        r"\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?May\b|\bMay\s+\d|\b\d{1,2}[/.-]\d{1,2}\b")

CLOCK_WORDS = re.compile(r"\b(?:AM|PM|[ap]\.m|IST|BST|GMT|CET|ET|PT|PST|AEST|local\s+time)\b")


def detect_case(case: Case) -> list[Detection]:
    stamp = dt.datetime.fromisoformat(case.published).replace(tzinfo=dt.UTC)
    item = Announcement(source="sweep", id=case.name, text=case.text, published=stamp, fetched_at=NOW,
                        url=case.url, title=case.title)
    return sorted(detect(item, now=NOW).events, key=lambda e: (day_of(e.start), str(e.start)))


def day_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def moment(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M %z")


def check_when(event: Detection, want: Want) -> None:
    if want.when.endswith("~"):
        assert day_of(event.start) == dt.date.fromisoformat(want.when[:-1])
        return
    if " " in want.when:
        expected = moment(want.when)
        assert not event.all_day and isinstance(event.start, dt.datetime), f"timed: {event.start!r}"
        assert event.start.replace(tzinfo=None) == expected.replace(tzinfo=None), event.start
        assert event.start.utcoffset() == expected.utcoffset(), (event.start, event.timezone)
        if want.until is not None:
            assert isinstance(event.end, dt.datetime), f"end {event.end!r}"
            assert event.end == moment(want.until) and event.end.utcoffset() == moment(want.until).utcoffset()
        return
    assert event.all_day, f"all-day: {event.start!r}"
    assert event.start == dt.date.fromisoformat(want.when)
    assert event.end == dt.date.fromisoformat(want.until or want.when)


def check_title(summary: str, want: Want) -> None:
    lowered = summary.lower()
    assert any(k.lower() in lowered for k in want.key.split("|")), f"{summary!r} lacks {want.key!r}"
    assert len(summary) <= 70, summary
    assert "<" not in summary and ">" not in summary and "*" not in summary, summary
    assert not TITLE_VERBS.search(summary), summary
    assert not DATE_WORDS.search(summary), summary
    assert summary[:1].isupper() or summary[:1].isdigit(), summary
    assert not re.match(r"(?:In|Across|On|At|From|For|To|Of|With|By)\b", summary), summary
    assert not CLOCK_WORDS.search(summary), summary
    words = summary.lower().split()
    assert all(a != b for a, b in itertools.pairwise(words)), summary


def check_case(case: Case) -> None:
    """The detector's events for a case are the wanted ones: days, clock time, status, superseded
    day, place and title words. Shared by the held-out sweeps."""
    found = detect_case(case)
    described = [(e.summary, str(e.start), str(e.end), e.status, e.location) for e in found]
    assert len(found) == len(case.wants), described
    for event, want in zip(found, case.wants, strict=True):
        check_when(event, want)
        check_title(event.summary, want)
        assert event.status == want.status, described
        if want.original is not None:
            assert event.original_start is not None and day_of(event.original_start) == \
                dt.date.fromisoformat(want.original), described
        if want.where is not None:
            assert event.location is not None and any(w in event.location for w in want.where.split("|")), \
                described


def case_params(cases: list[Case], known_misses: dict[str, str]) -> list[object]:
    """The cases as parameters, each known miss a strict xfail with its cause: a fix that makes it
    pass fails the run until its entry is removed."""
    return [pytest.param(c, id=c.name, marks=pytest.mark.xfail(reason=known_misses[c.name], strict=True))
            if c.name in known_misses else pytest.param(c, id=c.name) for c in cases]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_sweep(case: Case) -> None:
    check_case(case)


def test_sweep_covers_every_kind() -> None:
    counts: dict[str, int] = {}
    for case in CASES:
        counts[case.kind] = counts.get(case.kind, 0) + 1
    assert len(CASES) >= 60
    assert all(count >= 4 for count in counts.values()), counts


def test_markup_is_stripped_but_offsets_point_into_the_original_text() -> None:
    text = ("<p>The <b>annual</b> Harbour Book Fair will open at the <a href='/venue'>Town Hall</a> in Leeds on "
            "<strong>12&nbsp;March</strong>.</p><p>Entry is free.</p>")
    item = Announcement(source="sweep", id="markup", text=text, published=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
                        fetched_at=NOW)
    result = detect(item, now=NOW)
    [event] = result.events
    assert event.start == dt.date(2026, 3, 12)
    assert "<" not in event.summary and "&" not in event.summary and "Fair" in event.summary
    assert event.location is not None and "<" not in event.location and "Leeds" in event.location
    assert event.evidence is not None and text[event.evidence.start:event.evidence.end] == event.evidence.text
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text
    assert [m.text for m in result.mentions] == ["12&nbsp;March"]


def test_a_conditional_cancellation_leaves_the_status_alone() -> None:
    found = detect_case(Case("conditional", "fixture", "2026-07-01",
                             "The Lakeside derby will be played at Riverside Park on Saturday, July 4. Should rain "
                             "force the game to be abandoned, it will be replayed on Sunday, July 5.", []))
    assert (day_of(found[0].start), found[0].status) == (dt.date(2026, 7, 4), "scheduled")
