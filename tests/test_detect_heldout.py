"""A held-out sweep: 60 announcements written after 1.3, in wording and from outlets unlike those of
tests/test_detect_sweep.py (Nigerian, Kenyan, South African, Indian, Pakistani, Australian, Canadian,
Irish and US local outlets; wire copy, press-release boilerplate, council notices, fixture lists,
"Conference Call Details" blocks, gazette notices, "Save the date" and "Register now" invitations).

The expected events were written down before the detector was run on them. None is taken from a real
document; names of people, companies and events are invented or generic. The checks are those of the
sweep (days, clock time and offset, status, superseded day, place, a title a person would type).
"""

from __future__ import annotations

import pytest

from tests.test_detect_sweep import Case, Want, case_params, check_case

CASES: list[Case] = [
    # ---- visits -----------------------------------------------------------------------------
    Case("visit-pakistan-take-place-from-to", "visit", "2026-06-01",
         "ISLAMABAD: At the invitation of the Prime Minister, President Budi Santoso of Indonesia will undertake an "
         "official visit to Pakistan. The visit will take place from 15 to 17 June 2026, the Ministry of Foreign "
         "Affairs said in a statement on Monday. During the visit, the two sides will sign agreements on trade and "
         "energy.",
         [Want("2026-06-15", "visit", until="2026-06-17", where="Pakistan|Islamabad")],
         url="https://www.example.com.pk/news/1"),
    Case("visit-kenya-state-visit-beginning", "visit", "2026-08-03",
         "NAIROBI, Kenya, Aug 3 – President William Kiprono will host his Tanzanian counterpart for a two-day state "
         "visit beginning Thursday, a State House spokesperson said in a statement.",
         [Want("2026-08-06", "visit", until="2026-08-07", where="Kenya|Nairobi")],
         url="https://www.example.co.ke/news/2"),
    Case("visit-canada-governor-general", "visit", "2026-09-04",
         "OTTAWA — Governor General Marie Tremblay will make a state visit to Ireland from Sept. 21 to 24, Rideau "
         "Hall announced Friday. Her Excellency will travel to Dublin and Cork, where she will meet Irish President "
         "Aoife Byrne.",
         [Want("2026-09-21", "visit", until="2026-09-24", where="Ireland")], url="https://www.example.ca/politics"),
    Case("visit-south-africa-working-visit", "visit", "2026-03-16",
         "PRETORIA – President Thabo Nkosi will undertake a Working Visit to the Republic of Botswana on Thursday, "
         "19 March 2026, the Presidency has announced. The President will be accompanied by the Ministers of "
         "International Relations and Cooperation, and Trade, Industry and Competition.",
         [Want("2026-03-19", "visit", where="Botswana")], url="https://www.example.gov.za/media"),
    # ---- summits ----------------------------------------------------------------------------
    Case("summit-ecowas-convene", "summit", "2026-06-08",
         "Heads of State and Government of the Economic Community of West African States (ECOWAS) will convene in "
         "Abuja on Sunday, 14 June 2026 for the 69th Ordinary Session of the Authority, the ECOWAS Commission said "
         "in a communique.",
         [Want("2026-06-14", "ECOWAS|Session|summit", where="Abuja")], url="https://www.example.ng/politics"),
    Case("summit-quad-india-host", "summit", "2026-08-21",
         "India will host the Quad Foreign Ministers' Meeting in New Delhi on 2 September, the Ministry of External "
         "Affairs announced on Friday.",
         [Want("2026-09-02", "Quad|meeting", where="New Delhi")], url="https://www.example.in/world"),
    # ---- companies: results, calls, launches, webinars, AGMs ---------------------------------
    Case("earnings-conference-call-details", "company", "2026-02-03",
         "TORONTO, Feb. 3, 2026 /CNW/ - Maplecrest Energy Corp. (TSX: MCE) will release its fourth quarter and full "
         "year 2025 results after market close on Wednesday, February 25, 2026.\n\n"
         "Conference Call Details\n\nDate: Thursday, February 26, 2026\nTime: 8:30 a.m. ET\n"
         "Dial-in: 1-800-555-0199\nWebcast: investors.maplecrest.example",
         [Want("2026-02-25", "results|Maplecrest"), Want("2026-02-26 08:30 -05:00", "call|Maplecrest")]),
    Case("earnings-eastern-time-conversion", "company", "2026-04-21",
         "NEW YORK, April 21, 2026 (GLOBE NEWSWIRE) -- Brookhaven Analytics, Inc. (NYSE: BKA) today announced that "
         "it will host a conference call and webcast on Tuesday, May 5, 2026 at 10:00 a.m. Eastern Time (7:00 a.m. "
         "Pacific Time) to discuss its first quarter 2026 financial results.",
         [Want("2026-05-05 10:00 -04:00", "call")]),
    Case("earnings-india-board-hrs", "company", "2026-07-02",
         "Bengaluru: Vantara Tech Ltd said its board will meet on July 9 to consider and approve the unaudited "
         "financial results for the quarter ended June 30, 2026. An earnings call with analysts will be held at "
         "16:00 hrs IST the same day.",
         [Want("2026-07-09 16:00 +05:30", "call|results|board")], url="https://www.example.in/markets"),
    Case("launch-save-the-date-aedt", "company", "2026-10-20",
         "Save the date! Lumio will unveil its next generation of smart glasses at a launch event in Sydney on "
         "Thursday, 5 November, at 11am AEDT. Register now to watch the livestream.",
         [Want("2026-11-05 11:00 +11:00", "launch|Lumio|event", where="Sydney")],
         url="https://www.example.com.au/tech"),
    Case("webinar-register-now-ist", "conference", "2026-04-01",
         "Webinar: Navigating the Digital Personal Data Protection Rules\n"
         "Date: Tuesday, 14 April 2026\nTime: 10:30 IST\nRegister now – seats are limited.",
         [Want("2026-04-14 10:30 +05:30", "webinar|Data Protection", where="Online")],
         url="https://www.example.in/events"),
    Case("webinar-noon-pacific", "conference", "2026-09-24",
         "Join our product team for a live webinar on Thursday, Oct. 8, at noon Pacific to see what's new in "
         "Fieldbook 5. Register now — seats are limited.",
         [Want("2026-10-08 12:00 -07:00", "webinar|Fieldbook", where="Online")]),
    Case("agm-notice-dar-es-salaam", "company", "2026-05-28",
         "NOTICE IS HEREBY GIVEN that the Annual General Meeting of Kilimanjaro Breweries PLC will be held at the "
         "Hyatt Regency, Dar es Salaam on Friday, 26 June 2026 at 10:00 a.m.",
         [Want("2026-06-26 10:00 +03:00", "Annual General Meeting|AGM", where="Hyatt Regency|Dar es Salaam")],
         url="https://www.example.co.tz/notices"),
    Case("earnings-nigeria-wat", "company", "2026-07-20",
         "Lagos-based Oduduwa Bank Plc will hold its half-year 2026 earnings conference call on Thursday, 30 July "
         "2026 at 15h00 WAT. Investors can join via the link on the bank's website.",
         [Want("2026-07-30 15:00 +01:00", "call")], url="https://www.example.ng/business"),
    # ---- fixtures, draws and finals ----------------------------------------------------------
    Case("fixture-list-premiership", "fixture", "2026-09-08",
         "Gallagher Premiership fixtures, round one\n\nSaturday 12 September\n"
         "Harlequins v Bath, Twickenham Stoop, 3pm\nSale Sharks v Saracens, Salford Community Stadium, 5.30pm\n\n"
         "Sunday 13 September\nGloucester v Leicester Tigers, Kingsholm, 3pm",
         [Want("2026-09-12 15:00 +01:00", "Harlequins"), Want("2026-09-12 17:30 +01:00", "Sale Sharks"),
          Want("2026-09-13 15:00 +01:00", "Gloucester")], url="https://www.example.co.uk/rugby"),
    Case("fixture-cup-draw-and-round", "fixture", "2026-12-28",
         "The draw for the fourth round of the FA Cup will take place on Monday 4 January at 7pm, live on BBC Two. "
         "Fourth-round ties will be played over the weekend of 23-24 January.",
         [Want("2027-01-04 19:00 +00:00", "draw"), Want("2027-01-23", "round|FA Cup|ties", until="2027-01-24")],
         url="https://www.example.co.uk/football"),
    Case("fixture-psl-15h00", "fixture", "2026-04-13",
         "Mamelodi Sundowns will face Kaizer Chiefs in the Nedbank Cup semi-final at Loftus Versfeld on Saturday, "
         "18 April, kick-off 15h00.",
         [Want("2026-04-18 15:00 +02:00", "Sundowns|semi-final", where="Loftus")],
         url="https://www.example.co.za/soccer"),
    Case("fixture-kenya-local-time", "fixture", "2026-03-04",
         "Gor Mahia and AFC Leopards lock horns in the Mashemeji Derby at Nyayo National Stadium in Nairobi on "
         "Sunday, 8 March, at 2pm (local time).",
         [Want("2026-03-08 14:00 +03:00", "Gor Mahia|Mashemeji", where="Nyayo")],
         url="https://www.example.co.ke/sports"),
    Case("fixture-psl-pkt", "fixture", "2026-02-10",
         "Lahore Qalandars and Karachi Kings will meet in the PSL opener at Gaddafi Stadium on 20 February at 8pm "
         "PKT.",
         [Want("2026-02-20 20:00 +05:00", "Qalandars|PSL|Lahore", where="Gaddafi")],
         url="https://www.example.com.pk/sport"),
    Case("fixture-gaa-throw-in", "fixture", "2026-07-13",
         "The All-Ireland Senior Hurling Championship final between Kilkenny and Limerick takes place at Croke Park "
         "on Sunday, July 19, with throw-in at 3.30pm.",
         [Want("2026-07-19 15:30 +01:00", "Hurling|Kilkenny|final", where="Croke Park")],
         url="https://www.example.ie/gaa"),
    Case("fixture-nhl-et", "fixture", "2027-01-12",
         "The Maple Leafs host the Canadiens at Scotiabank Arena on Saturday, Jan. 16 at 7 p.m. ET.",
         [Want("2027-01-16 19:00 -05:00", "Maple Leafs|Canadiens", where="Scotiabank Arena")],
         url="https://www.example.ca/hockey"),
    # ---- strikes ----------------------------------------------------------------------------
    Case("strike-asuu-two-week", "strike", "2026-04-09",
         "The Academic Staff Union of Universities (ASUU) has declared a two-week warning strike beginning Monday, "
         "13 April 2026, its President announced at a press conference in Abuja.",
         [Want("2026-04-13", "strike", until="2026-04-26", where="Nigeria")], url="https://www.example.ng/education"),
    Case("strike-samwu-protected", "strike", "2026-07-17",
         "SAMWU members employed by the City of Johannesburg will embark on a protected strike from Wednesday, 22 "
         "July, the union said on Friday.",
         [Want("2026-07-22", "strike", where="Johannesburg")], url="https://www.example.co.za/labour"),
    Case("strike-siptu-48-hour", "strike", "2026-09-30",
         "Dublin Bus drivers will stage a 48-hour work stoppage on 9 and 10 October, SIPTU has confirmed.",
         [Want("2026-10-09", "stoppage|strike", until="2026-10-10", where="Dublin")], url="https://www.example.ie/news"),
    Case("strike-canada-post-1201", "strike", "2026-11-10",
         "Canada Post workers will go on strike at 12:01 a.m. ET on Friday, Nov. 13, the Canadian Union of Postal "
         "Workers said.",
         [Want("2026-11-13 00:01 -05:00", "strike", where="Canada")], url="https://www.example.ca/business"),
    Case("strike-india-banks-two-day", "strike", "2026-03-17",
         "Bank employees' unions have called a two-day nationwide strike on March 24 and 25, which may hit banking "
         "services across India.",
         [Want("2026-03-24", "strike", until="2026-03-25", where="India")], url="https://www.example.in/business"),
    # ---- holidays and closures ---------------------------------------------------------------
    Case("holiday-kenya-gazette", "holiday", "2026-11-02",
         "GAZETTE NOTICE NO. 4512\n\nTHE PUBLIC HOLIDAYS ACT\n\nIN EXERCISE of the powers conferred by section 2(1) "
         "of the Public Holidays Act, the Cabinet Secretary for Interior and National Administration declares "
         "Tuesday, the 10th November, 2026 to be a public holiday.",
         [Want("2026-11-10", "holiday", where="Kenya")], url="https://www.example.co.ke/gazette"),
    Case("holiday-nigeria-eid-days-apart", "holiday", "2026-03-17",
         "The Federal Government has declared Friday, March 20 and Monday, March 23, 2026 as public holidays to mark "
         "the Eid-el-Fitr celebrations, the Minister of Interior announced.",
         [Want("2026-03-20", "holiday", where="Nigeria"), Want("2026-03-23", "holiday", where="Nigeria")],
         url="https://www.example.ng/news"),
    Case("holiday-maharashtra-jayanti", "holiday", "2026-02-12",
         "The Maharashtra government has declared a public holiday on Thursday, 19 February, on the occasion of "
         "Chhatrapati Shivaji Maharaj Jayanti.",
         [Want("2026-02-19", "holiday|Jayanti", where="Maharashtra")], url="https://www.example.in/mumbai"),
    Case("holiday-ireland-st-brigid", "holiday", "2026-01-20",
         "The St Brigid's Day bank holiday will fall on Monday, 2 February this year, with most shops open as "
         "normal.",
         [Want("2026-02-02", "bank holiday|Brigid", where="Ireland")], url="https://www.example.ie/news"),
    Case("holiday-pakistan-notification", "holiday", "2026-02-02",
         "The federal government has announced a public holiday on Thursday, 5 February, to observe Kashmir "
         "Solidarity Day, according to a notification issued by the Cabinet Division.",
         [Want("2026-02-05", "holiday|Kashmir", where="Pakistan")], url="https://www.example.com.pk/national"),
    Case("holiday-us-city-offices", "holiday", "2026-09-01",
         "AUSTIN — City offices will be closed Monday, Sept. 7, in observance of Labor Day. Trash and recycling "
         "collection will be delayed by one day.",
         [Want("2026-09-07", "closed|closure|Labor Day", where="Austin")]),
    Case("closure-punjab-winter-vacation", "closure", "2026-12-15",
         "All public and private schools in Punjab will remain closed from December 22 to January 9 for winter "
         "vacations, the School Education Department said.",
         [Want("2026-12-22", "closed|closure|vacation|schools", until="2027-01-09", where="Punjab")],
         url="https://www.example.com.pk/education"),
    Case("closure-fairfax-snow", "closure", "2026-01-26",
         "Fairfax County Public Schools will be closed Tuesday, Jan. 27, because of snow and icy roads, the district "
         "announced Monday evening.",
         [Want("2026-01-27", "closed|closure|Fairfax|schools")]),
    Case("closure-gardiner-weekend", "closure", "2026-05-13",
         "The Gardiner Expressway will be closed between Highway 427 and Jarvis Street from 11 p.m. Friday to 5 a.m. "
         "Monday for annual maintenance, the City of Toronto said.",
         [Want("2026-05-15 23:00 -04:00", "closed|closure|Gardiner", until="2026-05-18 05:00 -04:00",
               where="Toronto")], url="https://www.example.ca/toronto"),
    # ---- elections ---------------------------------------------------------------------------
    Case("election-bengal-two-phases", "election", "2026-03-01",
         "The Election Commission of India on Sunday announced the schedule for the West Bengal Assembly elections. "
         "Polling will be held in two phases — the first phase on April 9 and the second on April 16 — and votes "
         "will be counted on May 2.",
         [Want("2026-04-09", "poll|election", where="West Bengal"), Want("2026-04-16", "poll|election",
                                                                         where="West Bengal"),
          Want("2026-05-02", "count|result", where="West Bengal")], url="https://www.example.in/elections"),
    Case("election-pakistan-by-elections", "election", "2026-07-15",
         "The Election Commission of Pakistan has announced that by-elections on 12 vacant National Assembly seats "
         "will be held on August 21.",
         [Want("2026-08-21", "by-election|election", where="Pakistan")], url="https://www.example.com.pk/politics"),
    Case("election-inec-two-dates", "election", "2026-02-26",
         "INEC has fixed Saturday, 20 February 2027 for the Presidential and National Assembly elections, and "
         "Saturday, 6 March 2027 for the Governorship and State Houses of Assembly elections.",
         [Want("2027-02-20", "election", where="Nigeria"), Want("2027-03-06", "election", where="Nigeria")],
         url="https://www.example.ng/politics"),
    Case("election-ontario-snap", "election", "2026-05-06",
         "Ontarians will head to the polls on Thursday, June 4, after Premier Doug Ferris asked the lieutenant "
         "governor to dissolve the legislature on Wednesday.",
         [Want("2026-06-04", "election|poll", where="Ontario")], url="https://www.example.ca/politics"),
    Case("election-tasmania-snap", "election", "2026-06-20",
         "Voters in Tasmania will go to the polls on Saturday 18 July for a snap state election, Premier Alan Reid "
         "announced.",
         [Want("2026-07-18", "election", where="Tasmania")], url="https://www.example.com.au/tas"),
    # ---- council agendas, conferences ---------------------------------------------------------
    Case("council-springfield-agenda", "conference", "2026-03-03",
         "SPRINGFIELD, Ill. — NOTICE OF PUBLIC MEETING. The Springfield City Council will hold a regular meeting on "
         "Tuesday, March 10, 2026, at 6:30 p.m. in the Council Chambers at City Hall. Agenda items include the "
         "fiscal 2027 budget and a zoning variance.",
         [Want("2026-03-10 18:30 -05:00", "meeting|City Council", where="City Hall|Springfield|Council Chambers")]),
    Case("council-montgomery-hearing-est", "conference", "2026-01-30",
         "The Montgomery County Council will hold a public hearing on the proposed recycling ordinance on Tuesday, "
         "Feb. 10, at 3 p.m. EST in Rockville.",
         [Want("2026-02-10 15:00 -05:00", "hearing", where="Rockville")]),
    Case("conference-fintech-three-day", "conference", "2026-09-15",
         "The three-day Global Fintech Fest 2026 will be held at the Jio World Centre in Mumbai from October 7.",
         [Want("2026-10-07", "Fintech", until="2026-10-09", where="Mumbai|Jio World Centre")],
         url="https://www.example.in/tech"),
    Case("conference-kicc-climate", "conference", "2026-05-20",
         "The Africa Climate Summit will take place at the Kenyatta International Convention Centre (KICC) in "
         "Nairobi from 8 to 10 September 2026.",
         [Want("2026-09-08", "Climate Summit", until="2026-09-10", where="Nairobi|Kenyatta")],
         url="https://www.example.co.ke/environment"),
    Case("agm-ifa-dublin", "conference", "2026-01-08",
         "The Irish Farmers' Association will hold its annual general meeting at the Irish Farm Centre in Bluebell, "
         "Dublin, on Tuesday 20 January at 11am.",
         [Want("2026-01-20 11:00 +00:00", "meeting|IFA|Irish Farmers", where="Dublin|Irish Farm Centre")],
         url="https://www.example.ie/farming"),
    # ---- courts -------------------------------------------------------------------------------
    Case("court-delhi-listed", "court", "2026-08-12",
         "The Delhi High Court has listed the matter for final hearing on September 15.",
         [Want("2026-09-15", "hearing", where="Delhi")], url="https://www.example.in/law"),
    Case("court-pietermaritzburg-postponed-to", "court", "2026-06-10",
         "The case against the former municipal manager was postponed to 14 August in the Pietermaritzburg "
         "Magistrate's Court for further investigation.",
         [Want("2026-08-14", "case|hearing", status="rescheduled", where="Pietermaritzburg")],
         url="https://www.example.co.za/courts"),
    Case("court-cook-county-set", "court", "2026-02-04",
         "A preliminary hearing for the suspect is set for 1:30 p.m. Feb. 11 in Cook County Circuit Court, "
         "prosecutors said.",
         [Want("2026-02-11 13:30 -06:00", "hearing", where="Cook County")]),
    # ---- change reports ------------------------------------------------------------------------
    Case("change-festival-postponed-indefinitely", "change", "2026-07-30",
         "The Kenya Music Festival, which was to start in Kisumu on Monday, has been postponed indefinitely because "
         "of the teachers' strike, the Ministry of Education said.",
         [Want("2026-08-03", "Festival", status="postponed", where="Kisumu")], url="https://www.example.co.ke/news"),
    Case("change-eyo-shifted", "change", "2026-04-28",
         "The Lagos State Government has shifted the Eyo Festival, earlier slated for Saturday, 9 May, to Saturday, "
         "23 May, 2026.",
         [Want("2026-05-23", "Eyo Festival|Festival", status="rescheduled", original="2026-05-09", where="Lagos")],
         url="https://www.example.ng/metro"),
    Case("change-t20i-smog", "change", "2026-11-10",
         "The third T20I between Pakistan and Australia, scheduled for Friday, has been moved to Saturday, 14 "
         "November, because of heavy smog in Lahore, the PCB said.",
         [Want("2026-11-14", "T20I|Pakistan", status="rescheduled", original="2026-11-13", where="Lahore")],
         url="https://www.example.com.pk/cricket"),
    Case("change-dublin-marathon-brought-forward", "change", "2026-06-02",
         "The Dublin Marathon has been brought forward by a week and will now take place on Sunday, October 18, "
         "instead of October 25.",
         [Want("2026-10-18", "Marathon", status="rescheduled", original="2026-10-25", where="Dublin")],
         url="https://www.example.ie/sport"),
    Case("change-earnings-call-rescheduled", "change", "2026-10-28",
         "Harbourside Capital Corp. has rescheduled its third-quarter earnings conference call to 11 a.m. ET on "
         "Tuesday, Nov. 10. The call was previously scheduled for Nov. 5.",
         [Want("2026-11-10 11:00 -05:00", "call", status="rescheduled", original="2026-11-05")]),
    Case("change-board-of-education", "change", "2026-02-09",
         "LANSING, Mich. — The Board of Education meeting originally scheduled for Thursday, Feb. 12, will now be "
         "held on Tuesday, Feb. 17 at 7 p.m. at Lincoln High School.",
         [Want("2026-02-17 19:00 -05:00", "meeting|Board of Education", status="rescheduled", original="2026-02-12",
               where="Lincoln High School")]),
    Case("change-tusker-called-off", "change", "2026-04-11",
         "Sunday's FKF Premier League match between Tusker and Bandari at Kasarani has been called off after heavy "
         "rain left the pitch waterlogged.",
         [Want("2026-04-12", "Tusker|match", status="cancelled", where="Kasarani")],
         url="https://www.example.co.ke/football"),
    # ---- negatives ------------------------------------------------------------------------------
    Case("negative-result-super-eagles", "negative", "2026-03-25",
         "Nigeria's Super Eagles beat Ghana 2-0 in Abuja on Tuesday to book their place at the finals.", [],
         url="https://www.example.ng/sports"),
    Case("negative-council-voted", "negative", "2026-05-06",
         "At its meeting on Monday, the council voted 7-2 to approve the new parking bylaw, which takes effect next "
         "month.", []),
    Case("negative-no-date-yet", "negative", "2026-06-01",
         "The Independent Electoral Commission has yet to announce a date for the local government elections, which "
         "must be held by early 2027.", [], url="https://www.example.co.za/politics"),
    Case("negative-tickets-boxing-day-test", "negative", "2026-07-28",
         "Tickets for the Boxing Day Test at the MCG go on sale at 9am AEST on Monday 3 August.", [],
         url="https://www.example.com.au/cricket"),
    Case("negative-past-holi", "negative", "2026-03-05",
         "Millions of people across India celebrated Holi on Wednesday, smearing each other with coloured powder.",
         [], url="https://www.example.in/india"),
]


# Misses still open, each with what the detector does instead. strict: a fix makes the test fail
# until its entry is removed here.
KNOWN_MISSES = {
    "court-cook-county-set": "the clock time is read in UTC: the county gives no zone",
}




@pytest.mark.parametrize("case", case_params(CASES, KNOWN_MISSES))
def test_heldout(case: Case) -> None:
    check_case(case)


def test_heldout_is_sixty_of_every_kind() -> None:
    assert len(CASES) == 60
    assert len({c.name for c in CASES}) == len(CASES)
