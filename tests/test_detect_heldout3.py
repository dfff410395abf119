"""A third held-out sweep: 60 announcements in the voice of Philippine, Singaporean, Malaysian, New
Zealand, Australian, Kenyan, Nigerian, Indian, UK and US outlets (wire releases with "Conference Call"
sections, notices of meeting, fixture previews, union and gazette notices, court reports, "Register
now" invitations, change reports and items that must give nothing).

The expected events were written down before the detector was run on them. None is taken from a real
document; names of people, companies, clubs and events are invented or generic. The checks are those of
the sweep (days, clock time and offset, status, superseded day, place, a title a person would type).
"""

from __future__ import annotations

import pytest

from tests.test_detect_sweep import Case, Want, case_params, check_case

CASES: list[Case] = [
    # ---- visits and summits -------------------------------------------------------------------
    Case("visit-ph-president-tokyo", "visit", "2026-05-18",
         "MANILA — President Ramon Dizon will fly to Tokyo on May 27 for a three-day official visit, Malacañang "
         "announced on Monday. He is expected to meet business leaders and members of the Filipino community.",
         [Want("2026-05-27", "visit", until="2026-05-29", where="Tokyo|Japan")], url="https://www.example.ph/nation"),
    Case("visit-nz-pm-fiji-tonga", "visit", "2026-08-03",
         "Prime Minister Hemi Walker will visit Fiji from Monday 10 August to Wednesday 12 August, before "
         "travelling on to Tonga on Thursday 13 August, his office confirmed this afternoon.",
         [Want("2026-08-10", "visit", until="2026-08-12", where="Fiji"), Want("2026-08-13", "visit", where="Tonga")],
         url="https://www.example.co.nz/politics"),
    Case("summit-asean-kl-related", "summit", "2026-10-05",
         "KUALA LUMPUR: The 49th ASEAN Summit and Related Summits will be held at the Kuala Lumpur Convention "
         "Centre from Oct 26 to 28, Wisma Putra said in a statement today.",
         [Want("2026-10-26", "ASEAN|Summit", until="2026-10-28", where="Kuala Lumpur")],
         url="https://www.example.com.my/nation"),
    Case("visit-sg-leaders-retreat", "visit", "2026-06-04",
         "SINGAPORE — Prime Minister Lim Wei Ming will travel to Bali on Tuesday (June 9) for the annual "
         "Singapore-Indonesia Leaders' Retreat, the Prime Minister's Office said.",
         [Want("2026-06-09", "Retreat|visit", where="Bali")], url="https://www.example.com.sg/singapore"),
    Case("summit-au-executive-council", "summit", "2026-06-22",
         "The African Union Mid-Year Coordination Meeting will take place in Malabo, Equatorial Guinea, on 12 July, "
         "preceded by a meeting of the Executive Council on 9 and 10 July.",
         [Want("2026-07-09", "Executive Council", until="2026-07-10", where="Malabo|Equatorial Guinea"),
          Want("2026-07-12", "Coordination Meeting", where="Malabo|Equatorial Guinea")]),
    # ---- companies ------------------------------------------------------------------------------
    Case("earnings-sg-results-and-briefing", "company", "2026-07-30",
         "SINGAPORE — Straits Harbour Holdings will announce its results for the first half ended 30 June 2026 on "
         "Thursday, 13 August 2026, after the close of trading. A results briefing for analysts and media will be "
         "held at 10:00 SGT on Friday, 14 August 2026.",
         [Want("2026-08-13", "results|Straits Harbour"), Want("2026-08-14 10:00 +08:00", "briefing")],
         url="https://www.example.com.sg/business"),
    Case("earnings-us-central-time-call", "company", "2026-10-06",
         "CHICAGO, Oct. 6, 2026 /PRNewswire/ -- Lakeshore Freight Inc. (NYSE: LKF) will report third-quarter 2026 "
         "results before the market opens on Thursday, October 29, 2026.\n\nConference Call\n\nLakeshore will host "
         "a conference call at 9:00 a.m. Central Time that morning. Participants may register on the investor "
         "relations page.",
         [Want("2026-10-29 09:00 -05:00", "call")]),
    Case("investor-day-nyse", "company", "2026-10-20",
         "Pinebrook Therapeutics to Host 2026 Investor Day on November 18 in New York. The event will run from "
         "8:30 a.m. to 12:30 p.m. ET at the New York Stock Exchange and will be webcast live.",
         [Want("2026-11-18 08:30 -05:00", "Investor Day", until="2026-11-18 12:30 -05:00",
               where="New York Stock Exchange|New York")]),
    Case("agm-notice-perth-awst", "company", "2026-10-22",
         "Notice is given that the 2026 Annual General Meeting of Goldfields Ridge Resources Limited will be held at "
         "the Perth Convention and Exhibition Centre, 21 Mounts Bay Road, Perth, on Wednesday 25 November 2026 at "
         "10.00am (AWST).",
         [Want("2026-11-25 10:00 +08:00", "Annual General Meeting|AGM", where="Perth")],
         url="https://www.example.com.au/asx"),
    Case("launch-chennai-ev", "company", "2026-08-24",
         "Veloce Motors will launch its first electric SUV, the Aura, on September 3 at an event in Chennai. The "
         "launch will be streamed live from 11:30 am.",
         [Want("2026-09-03 11:30 +05:30", "launch|Aura", where="Chennai")], url="https://www.example.in/auto"),
    Case("earnings-kenya-investor-briefing", "company", "2026-05-04",
         "Safari Telecom PLC will release its full-year results for the period ended 31 March 2026 on Thursday, 14 "
         "May 2026. An investor briefing will be held at 2pm EAT on the same day at the company's headquarters in "
         "Westlands, Nairobi.",
         [Want("2026-05-14 14:00 +03:00", "briefing|results", where="Westlands|Nairobi")],
         url="https://www.example.co.ke/business"),
    Case("earnings-nz-webcast-nzst", "company", "2026-09-10",
         "Kowhai Dairy Co-operative will announce its annual results on Thursday 24 September. A webcast for "
         "farmer-shareholders and investors will begin at 10.00am NZST.",
         [Want("2026-09-24 10:00 +12:00", "webcast|results|Kowhai")], url="https://www.example.co.nz/business"),
    # ---- fixtures, races and finals ---------------------------------------------------------------
    Case("fixture-nsl-grand-final-aest", "fixture", "2026-05-25",
         "The National Soccer League Grand Final will be played at AAMI Park in Melbourne on Saturday 30 May, "
         "kick-off 7.45pm AEST.",
         [Want("2026-05-30 19:45 +10:00", "Grand Final", where="AAMI Park")], url="https://www.example.com.au/sport"),
    Case("fixture-nz-odi-local-time", "fixture", "2027-01-08",
         "The first ODI between New Zealand and India will be played at Eden Park in Auckland on Wednesday, January "
         "13, starting at 2pm local time.",
         [Want("2027-01-13 14:00 +13:00", "ODI|New Zealand", where="Eden Park")], url="https://www.example.co.nz/cricket"),
    Case("fixture-rift-valley-rally", "fixture", "2026-02-20",
         "The Rift Valley Rally, the third round of the African Rally Championship, will run from 12 to 15 March in "
         "Naivasha.",
         [Want("2026-03-12", "Rally", until="2026-03-15", where="Naivasha")], url="https://www.example.co.ke/motorsport"),
    Case("fixture-npfl-this-sunday", "fixture", "2026-02-04",
         "Aba Warriors will host Kano Stallions in a matchday 20 fixture of the Nigeria Premier Football League at "
         "the Enyimba International Stadium, Aba, this Sunday at 4pm.",
         [Want("2026-02-08 16:00 +01:00", "Warriors|Stallions", where="Enyimba International Stadium|Aba")],
         url="https://www.example.ng/sports"),
    Case("fixture-marina-bay-night-race", "fixture", "2026-09-28",
         "Lights go out for the Marina Bay Night Race at 8pm SGT on Sunday 4 October at the Marina Bay Street "
         "Circuit.",
         [Want("2026-10-04 20:00 +08:00", "Night Race", where="Marina Bay")], url="https://www.example.com.sg/sport"),
    Case("fixture-regatta-two-races", "fixture", "2026-03-20",
         "The Thames Varsity Regatta takes place in London on Saturday 28 March. The women's race starts at 1.21pm "
         "GMT and the men's race at 2.16pm GMT.",
         [Want("2026-03-28 13:21 +00:00", "race|Regatta", where="Thames|London"),
          Want("2026-03-28 14:16 +00:00", "race|Regatta", where="Thames|London")], url="https://www.example.co.uk/rowing"),
    Case("fixture-ph-game-seven", "fixture", "2026-08-06",
         "Game 7 of the Philippine Cup finals between the Manila Tamaraws and the Cebu Sharks is set for Sunday, 9 "
         "August at the Smart Araneta Coliseum, 7:30 p.m.",
         [Want("2026-08-09 19:30 +08:00", "Game 7|Tamaraws|finals", where="Araneta")],
         url="https://www.example.ph/sports"),
    Case("fixture-southern-cross-cup-aedt", "fixture", "2026-10-28",
         "The Southern Cross Cup will be run at Flemington on Tuesday 3 November at 3pm AEDT, with a field of 24 "
         "stayers expected.",
         [Want("2026-11-03 15:00 +11:00", "Southern Cross Cup", where="Flemington")],
         url="https://www.example.com.au/racing"),
    # ---- strikes --------------------------------------------------------------------------------
    Case("strike-birmingham-abbreviated-days", "strike", "2026-10-20",
         "Refuse collectors in Birmingham will strike from 6am on Mon 2 Nov until 6am on Mon 9 Nov, Unite said, "
         "warning residents that bins will not be emptied for a week.",
         [Want("2026-11-02 06:00 +00:00", "strike", until="2026-11-09 06:00 +00:00", where="Birmingham")],
         url="https://www.example.co.uk/midlands"),
    Case("strike-nz-teachers-next-week", "strike", "2026-06-08",
         "Secondary teachers across New Zealand will walk off the job on Thursday next week, their union has "
         "confirmed, after pay talks with the Ministry of Education collapsed.",
         [Want("2026-06-18", "strike|walk", where="New Zealand")], url="https://www.example.co.nz/education"),
    Case("strike-nigeria-oil-indefinite", "strike", "2026-10-08",
         "The Oil Workers' Union of Nigeria (OWUN) has directed its members to begin an indefinite strike on "
         "Monday, 12 October, over unpaid allowances.",
         [Want("2026-10-12", "strike", where="Nigeria")], url="https://www.example.ng/business"),
    Case("strike-sydney-trains-24-hour", "strike", "2026-09-09",
         "Train drivers in Sydney will hold a 24-hour strike from 4am on Wednesday 16 September, the rail union "
         "said, warning commuters to expect no services across the network.",
         [Want("2026-09-16 04:00 +10:00", "strike", where="Sydney")], url="https://www.example.com.au/nsw"),
    Case("strike-karnataka-bandh-hours", "strike", "2026-07-20",
         "Transport unions in Karnataka have called a statewide bandh from 6 am to 6 pm on Saturday, July 25, to "
         "protest against the diesel price hike.",
         [Want("2026-07-25 06:00 +05:30", "bandh|strike|shutdown", until="2026-07-25 18:00 +05:30",
               where="Karnataka")], url="https://www.example.in/karnataka"),
    # ---- holidays and closures -----------------------------------------------------------------------
    Case("holiday-cebu-non-working", "holiday", "2026-08-14",
         "MANILA — Malacañang has declared Friday, 21 August, a special non-working day in Cebu City to mark the "
         "city's charter anniversary, under a proclamation signed by the Executive Secretary.",
         [Want("2026-08-21", "non-working|holiday|anniversary", where="Cebu")], url="https://www.example.ph/nation"),
    Case("holiday-selangor-cup-win", "holiday", "2026-10-29",
         "SHAH ALAM: Monday, 2 November, has been declared a public holiday in Selangor following the state team's "
         "Malaysia Cup triumph, the Menteri Besar announced on Thursday.",
         [Want("2026-11-02", "holiday", where="Selangor")], url="https://www.example.com.my/nation"),
    Case("closure-kenya-schools-census", "closure", "2026-10-16",
         "The Ministry of Education has directed all public primary and secondary schools to close from Friday, 23 "
         "October to Monday, 2 November to pave way for the national housing census.",
         [Want("2026-10-23", "closed|closure|schools", until="2026-11-02", where="Kenya")],
         url="https://www.example.co.ke/education"),
    Case("closure-highland-snow-tomorrow", "closure", "2027-01-20",
         "All Highland Council schools will be closed tomorrow (Thursday 21 January) because of heavy snow, the "
         "council said this evening.",
         [Want("2027-01-21", "closed|closure|schools", where="Highland")], url="https://www.example.co.uk/scotland"),
    Case("holiday-nz-matariki", "holiday", "2026-06-25",
         "The Matariki public holiday falls on Friday 10 July this year, giving many New Zealanders a long "
         "weekend.",
         [Want("2026-07-10", "Matariki|holiday", where="New Zealand")], url="https://www.example.co.nz/news"),
    # ---- courts -------------------------------------------------------------------------------------
    Case("court-westminster-adjourned-plea", "court", "2026-02-13",
         "District Judge Helen Marsh adjourned the hearing at Westminster Magistrates' Court until Friday 6 March, "
         "when the defendant is expected to enter a plea.",
         [Want("2026-03-06", "hearing", status="rescheduled", where="Westminster Magistrates")],
         url="https://www.example.co.uk/crime"),
    Case("court-india-sc-adjourned-to", "court", "2026-07-27",
         "The Supreme Court on Monday adjourned the hearing on the river water dispute between Goa and Karnataka to "
         "August 19, after the Centre sought more time to file its reply.",
         [Want("2026-08-19", "hearing|dispute", status="rescheduled")], url="https://www.example.in/law"),
    Case("court-milimani-mention-20th", "court", "2026-05-06",
         "The file will be mentioned on the 20th before Justice Lydia Achieng at the Milimani Law Courts, where the "
         "defence is expected to seek the release of the seized documents.",
         [Want("2026-05-20", "mention|hearing|case", where="Milimani")], url="https://www.example.co.ke/courts"),
    Case("court-melbourne-sentencing", "court", "2026-07-30",
         "The 34-year-old will be sentenced in the County Court of Victoria in Melbourne on 12 August.",
         [Want("2026-08-12", "sentenc", where="County Court|Melbourne")], url="https://www.example.com.au/vic"),
    # ---- conferences and webinars -----------------------------------------------------------------
    Case("webinar-superannuation-aest", "conference", "2026-06-01",
         "Register now for our free webinar, Superannuation after 60, on Wed 17 June at 2pm AEST.",
         [Want("2026-06-17 14:00 +10:00", "webinar|Superannuation", where="Online")],
         url="https://www.example.com.au/money"),
    Case("conference-sg-digital-trust-week", "conference", "2026-09-01",
         "Singapore Digital Trust Week 2026 will be held from 20 to 23 October at the Sands Expo and Convention "
         "Centre, the organisers said.",
         [Want("2026-10-20", "Digital Trust Week", until="2026-10-23", where="Sands Expo|Singapore")],
         url="https://www.example.com.sg/tech"),
    Case("webinar-diabetes-ist", "conference", "2026-10-05",
         "Join Dr Meera Krishnan for a free webinar on managing diabetes during the festive season at 7.30pm IST on "
         "Saturday, October 17. Registration is open on our website.",
         [Want("2026-10-17 19:30 +05:30", "webinar|diabetes", where="Online")], url="https://www.example.in/health"),
    Case("townhall-noon-et-ordinal", "conference", "2026-03-12",
         "Members are invited to a virtual town hall with CEO Jordan Pryce at noon ET on Tuesday, March 24th, to "
         "discuss the proposed merger.",
         [Want("2026-03-24 12:00 -04:00", "town hall", where="Online")]),
    Case("conference-nairobi-payments-summit", "conference", "2026-09-10",
         "The East Africa Payments Summit returns to Nairobi on 4-5 November at the Radisson Blu Hotel, Upper Hill, "
         "organisers said.",
         [Want("2026-11-04", "Payments Summit", until="2026-11-05", where="Nairobi|Radisson")],
         url="https://www.example.co.ke/tech"),
    # ---- elections -----------------------------------------------------------------------------------
    Case("election-ph-barangay", "election", "2026-06-15",
         "The Commission on Elections (Comelec) has set the barangay and Sangguniang Kabataan elections for Monday, "
         "7 December 2026, Comelec chairman Jose Ramirez said.",
         [Want("2026-12-07", "election", where="Philippines")], url="https://www.example.ph/politics"),
    Case("election-sabah-three-dates", "election", "2026-10-06",
         "The Election Commission (EC) has fixed Nov 15 as polling day for the Sabah state election, with early "
         "voting on Nov 11. Nomination of candidates will take place on Oct 31, the EC chairman said today.",
         [Want("2026-10-31", "nomination", where="Sabah"), Want("2026-11-11", "early voting|voting", where="Sabah"),
          Want("2026-11-15", "polling|election|poll", where="Sabah")], url="https://www.example.com.my/politics"),
    Case("election-kenya-by-elections", "election", "2026-09-01",
         "The IEBC has scheduled by-elections in the Kasipul and Mbeere North constituencies for Thursday, 26 "
         "November.",
         [Want("2026-11-26", "by-election", where="Kasipul|Mbeere")], url="https://www.example.co.ke/politics"),
    Case("election-kerala-single-phase", "election", "2026-03-20",
         "Kerala will vote in a single phase on April 27, and counting of votes will take place on May 4, the "
         "Election Commission announced on Friday.",
         [Want("2026-04-27", "poll|election|vote", where="Kerala"), Want("2026-05-04", "count|result", where="Kerala")],
         url="https://www.example.in/elections"),
    # ---- change reports -----------------------------------------------------------------------------
    Case("change-qld-cricket-storms", "change", "2026-11-18",
         "The round 9 clash between Ipswich Hornets and Logan Kings at Limestone Park, scheduled for Saturday, has "
         "been postponed because of forecast storms. A new date will be confirmed.",
         [Want("2026-11-21", "Hornets|Ipswich|clash", status="postponed", where="Limestone Park")],
         url="https://www.example.com.au/qld"),
    Case("change-houston-expo-canceled", "change", "2026-09-13",
         "The Gulf Coast Energy Expo, scheduled for Sept. 15-17 in Houston, has been canceled as Hurricane Delia "
         "approaches the Texas coast, organizers said Sunday.",
         [Want("2026-09-15", "Expo", until="2026-09-17", status="cancelled", where="Houston")]),
    Case("change-agm-venue-sandton", "change", "2026-04-20",
         "Shareholders are advised that the venue of the Annual General Meeting on 30 April 2026 has changed to the "
         "Sandton Convention Centre, Johannesburg. The meeting will still begin at 10:00.",
         [Want("2026-04-30 10:00 +02:00", "Annual General Meeting|AGM", status="rescheduled", where="Sandton")],
         url="https://www.example.co.za/sens"),
    Case("change-dewan-rakyat-earlier", "change", "2026-09-15",
         "KUALA LUMPUR: The Dewan Rakyat will now sit on Oct 19, a week earlier than the Oct 26 date announced in "
         "July, so that Budget 2027 can be tabled before Deepavali, the Speaker's office said.",
         [Want("2026-10-19", "Dewan Rakyat|sitting", status="rescheduled", original="2026-10-26")],
         url="https://www.example.com.my/nation"),
    Case("change-asean-gcc-new-date", "change", "2026-04-20",
         "The ASEAN-GCC Summit, which was postponed in March, will now be held in Kuala Lumpur on 24 May, Wisma "
         "Putra said.",
         [Want("2026-05-24", "Summit", status="rescheduled", where="Kuala Lumpur")], url="https://www.example.com.my/world"),
    Case("change-kenya-cup-final-rain", "change", "2026-04-22",
         "Saturday's Kenya Cup final between Nakuru Rhinos and Mombasa Sharks at the RFUEA Ground has been pushed to "
         "Sunday because of heavy rain, the rugby union said. Kick-off is unchanged at 3pm.",
         [Want("2026-04-26 15:00 +03:00", "final|Rhinos", status="rescheduled", original="2026-04-25",
               where="RFUEA")], url="https://www.example.co.ke/rugby"),
    Case("change-manila-concert-cancelled", "change", "2026-09-01",
         "The Manila leg of K-pop group NOVA's world tour, set for Saturday, 12 September at the Philippine Arena, "
         "has been cancelled due to 'unforeseen circumstances', the promoter said.",
         [Want("2026-09-12", "NOVA|concert|tour", status="cancelled", where="Philippine Arena")],
         url="https://www.example.ph/entertainment"),
    Case("change-nigeria-strike-suspended", "change", "2026-10-02",
         "The Nigeria Union of Health Workers has suspended the strike that was due to begin on Monday, 5 October, "
         "after a meeting with the Minister of Health.",
         [Want("2026-10-05", "strike", status="cancelled", where="Nigeria")], url="https://www.example.ng/health"),
    Case("change-webinar-moved-same-time", "change", "2026-02-26",
         "Please note: the 'Exporting to Europe' webinar has moved from Thursday 5 March to Tuesday 10 March, same "
         "time (11:00 GMT).",
         [Want("2026-03-10 11:00 +00:00", "webinar|Exporting", status="rescheduled", original="2026-03-05",
               where="Online")], url="https://www.example.co.uk/trade"),
    # ---- negatives ------------------------------------------------------------------------------------
    Case("negative-past-agm-perth", "negative", "2026-11-26",
         "Shareholders of Goldfields Ridge Resources approved all resolutions at the company's annual general "
         "meeting in Perth on Wednesday.", [], url="https://www.example.com.au/business"),
    Case("negative-second-half-next-year", "negative", "2026-05-12",
         "The Lagos-Calabar coastal highway is expected to open to traffic sometime in the second half of next year, "
         "the Minister of Works said.", [], url="https://www.example.ng/news"),
    Case("negative-hypothetical-closures", "negative", "2026-05-12",
         "If talks break down, secondary schools in Wellington could be shut for up to three days next month, the "
         "union warned.", [], url="https://www.example.co.nz/education"),
    Case("negative-election-count-over", "negative", "2026-11-16",
         "Counting in the Sabah state election ended on Sunday night, with the ruling coalition taking 41 of the 73 "
         "seats.", [], url="https://www.example.com.my/politics"),
    Case("negative-profit-posted", "negative", "2026-08-14",
         "Straits Harbour Holdings posted a 9 per cent rise in first-half profit on Thursday, beating analysts' "
         "estimates.", [], url="https://www.example.com.sg/business"),
    Case("negative-court-sentenced", "negative", "2026-06-03",
         "A Nairobi court on Tuesday sentenced a former county finance officer to five years in prison for fraud.",
         [], url="https://www.example.co.ke/courts"),
    Case("negative-ten-years-on", "negative", "2026-03-03",
         "It was on 3 March 2016 that the first train ran on the new line, and commuters have complained about "
         "delays ever since.", [], url="https://www.example.co.uk/transport"),
    Case("negative-would-not-sit", "negative", "2026-10-01",
         "Should the opposition win, the new parliament would not sit until late January, analysts said.", []),
]


# Misses still open, each with what the detector does instead. strict: a fix makes the test fail
# until its entry is removed here.
KNOWN_MISSES: dict[str, str] = {
    # titles that lose or never find the event's name
    "earnings-kenya-investor-briefing": "the investor briefing is titled 'Safari Telecom earnings call'",
    # places
    "election-kenya-by-elections": "place is 'Kenya'; the named constituencies are dropped",
    # dates found but no event (the sentence's happening is not recognised)
    # times, ranges, several events in one sentence
    # statuses and superseded days
}




@pytest.mark.parametrize("case", case_params(CASES, KNOWN_MISSES))
def test_heldout3(case: Case) -> None:
    check_case(case)


def test_heldout3_is_sixty_of_every_kind() -> None:
    assert len(CASES) == 60
    assert len({c.name for c in CASES}) == len(CASES)
    assert sum(1 for c in CASES if c.kind == "negative") >= 8
    assert sum(1 for c in CASES if c.kind == "change") >= 8
