"""A fourth held-out sweep: 60 announcements unlike the earlier sweeps in shape as well as wording:
multi-paragraph news items whose event sits in the second or third paragraph behind background, headlines
over body text, press releases with a dateline and an "About X" boilerplate paragraph, agenda blocks
("Date: / Time: / Venue:"), listings of several items (concerts, tour dates, a Test series), sport
(tennis, cricket, athletics, F1, horse racing, e-sports), politics (budget statement, sittings, cabinet,
swearing-in, inauguration, state funeral), business (IPO listing, AGM, dividend, launches), culture,
civic notices (curfew, road closures for a parade), courts, rolling strikes, change reports (postponed
without a date, cancelled, moved earlier, venue or time changed, reinstated) and items that must give
nothing (recaps, vague futures, deadlines, anniversaries, opinion).

The expected events were written down before the detector was run on them. None is taken from a real
document; names of people, companies, clubs and events are invented or generic. The checks are those of
the sweep (days, clock time and offset, status, superseded day, place, a title a person would type).
"""

from __future__ import annotations

import pytest

from tests.test_detect_sweep import Case, Want, case_params, check_case

CASES: list[Case] = [
    # ---- politics -----------------------------------------------------------------------------------
    Case("politics-kenya-budget-third-para", "politics", "2026-05-28",
         "Kenya's public debt has climbed past 70 per cent of GDP, according to figures released by the Central "
         "Bank last month, leaving the Treasury little room for new spending.\n\nAgainst that backdrop, Treasury "
         "Cabinet Secretary Njeri Kamau will read the 2026/27 budget statement in the National Assembly on "
         "Thursday, 11 June, from 3pm.\n\nAnalysts expect the statement to include new excise duties on betting "
         "and mobile money transfers.",
         [Want("2026-06-11 15:00 +03:00", "budget", where="National Assembly|Nairobi|Kenya")],
         url="https://www.example.co.ke/business"),
    Case("politics-nz-parliament-resumes-nzdt", "politics", "2027-01-28",
         "Parliament will resume sitting in Wellington at 2pm NZDT on Tuesday 9 February after the summer recess, "
         "the Leader of the House announced.",
         [Want("2027-02-09 14:00 +13:00", "Parliament|sitting", where="Wellington|Parliament")],
         url="https://www.example.co.nz/politics"),
    Case("politics-ghana-cabinet-headline", "politics", "2026-07-08",
         "ACCRA — President Kofi Asante will chair a special Cabinet meeting at the Manhyia Palace in Kumasi on "
         "Wednesday, 15 July, the Chief of Staff said on Wednesday. It will be the first time the Cabinet has met "
         "outside the capital since 2019. The meeting will begin at 10am.",
         [Want("2026-07-15 10:00 +00:00", "Cabinet", where="Manhyia Palace|Kumasi")],
         url="https://www.example.com.gh/politics", title="Cabinet to meet in Kumasi next week"),
    Case("politics-lagos-swearing-in-wat", "politics", "2026-05-20",
         "The governor-elect, Mr Tunde Bakare, will be sworn in at Tafawa Balewa Square, Lagos, on Friday, May 29, "
         "at 10am (WAT), the inauguration committee said on Wednesday.",
         [Want("2026-05-29 10:00 +01:00", "sworn|swearing|inauguration|Bakare", where="Tafawa Balewa|Lagos")],
         url="https://www.example.ng/politics"),
    Case("politics-richmond-oath-and-parade", "politics", "2026-12-02",
         "RICHMOND, Va. — Governor-elect Dana Ruiz will take the oath of office on the south portico of the State "
         "Capitol at noon on Saturday, Jan. 16, 2027. An inaugural parade along Broad Street will follow at 1:30 "
         "p.m.",
         [Want("2027-01-16 12:00 -05:00", "oath|inauguration|Ruiz", where="State Capitol|Richmond"),
          Want("2027-01-16 13:30 -05:00", "parade", where="Broad Street|Richmond")]),
    Case("politics-zambia-state-funeral", "politics", "2026-10-13",
         "LUSAKA — Former president Elias Mwamba, who led Zambia through its first multiparty elections, died on "
         "Sunday aged 91.\n\nThe government has declared a period of national mourning. A state funeral will be "
         "held at the National Heroes Stadium in Lusaka on Saturday 24 October, followed by burial at Embassy "
         "Park.\n\nFlags will fly at half-mast until the day of the funeral.",
         [Want("2026-10-24", "funeral", where="National Heroes Stadium|Lusaka")], url="https://www.example.co.zm/news"),
    Case("politics-dail-confidence-vote", "politics", "2026-03-09",
         "TDs will vote at 8.30pm on Wednesday on an opposition motion of no confidence in the Minister for "
         "Housing, the Ceann Comhairle's office confirmed.",
         [Want("2026-03-11 20:30 +00:00", "confidence|vote|motion", where="Dáil|Ireland|Dublin")],
         url="https://www.example.ie/politics"),
    # ---- sport ----------------------------------------------------------------------------------------
    Case("sport-tennis-final-after-recap", "sport", "2026-06-25",
         "Nadia Petrova saved three match points to beat the top seed 6-7, 7-6, 7-5 in Thursday's semi-final.\n\n"
         "She will meet Emma Clarke in Saturday's final of the Sussex Grass Court Open at Devonshire Park in "
         "Eastbourne, which is scheduled for 2pm BST.",
         [Want("2026-06-27 14:00 +01:00", "final|Petrova|Clarke", where="Devonshire Park|Eastbourne")],
         url="https://www.example.co.uk/tennis"),
    Case("sport-cricket-test-series-list", "sport", "2026-12-01",
         "South Africa v Sri Lanka: Test series schedule\n\n1st Test: 26-30 December, Kingsmead, Durban\n"
         "2nd Test: 3-7 January, Newlands, Cape Town\n3rd Test: 11-15 January, The Wanderers, Johannesburg",
         [Want("2026-12-26", "Test", until="2026-12-30", where="Kingsmead|Durban"),
          Want("2027-01-03", "Test", until="2027-01-07", where="Newlands|Cape Town"),
          Want("2027-01-11", "Test", until="2027-01-15", where="Wanderers|Johannesburg")],
         url="https://www.example.co.za/cricket"),
    Case("sport-athletics-agenda-block-cest", "sport", "2026-05-20",
         "The fastest women over 100m this season will meet in Norway next month.\n\nEvent: Oslo Athletics Gala\n"
         "Date: Thursday 11 June 2026\nTime: 19:00–21:00 CEST\nVenue: Bislett Stadium, Oslo",
         [Want("2026-06-11 19:00 +02:00", "Athletics Gala|Gala", until="2026-06-11 21:00 +02:00",
               where="Bislett")]),
    Case("sport-f1-three-sessions-jst", "sport", "2027-03-25",
         "The Suzuka round of the championship gets under way with first practice at 11:30 JST on Friday 2 April. "
         "Qualifying follows at 15:00 JST on Saturday 3 April, and the 53-lap race starts at 14:00 JST on Sunday 4 "
         "April.",
         [Want("2027-04-02 11:30 +09:00", "practice", where="Suzuka"),
          Want("2027-04-03 15:00 +09:00", "qualifying", where="Suzuka"),
          Want("2027-04-04 14:00 +09:00", "race|Suzuka", where="Suzuka")]),
    Case("sport-nz-horse-race-card", "sport", "2026-11-02",
         "The Canterbury Plate, the richest two-mile handicap in New Zealand, will be run at Riccarton Park in "
         "Christchurch on Tuesday 10 November. It is the ninth race on the card, with a scheduled start of 5.05pm.",
         [Want("2026-11-10 17:05 +13:00", "Canterbury Plate", where="Riccarton")],
         url="https://www.example.co.nz/racing"),
    Case("sport-esports-final-pt-november", "sport", "2026-10-26",
         "The grand final of the Pacific Legends Championship will be played in front of 17,000 fans at the Kia "
         "Forum in Inglewood, California, on Sunday, Nov. 8, with the broadcast starting at 4 p.m. PT.",
         [Want("2026-11-08 16:00 -08:00", "grand final|Pacific Legends", where="Kia Forum|Inglewood")]),
    Case("sport-marathon-closures-clock-change", "sport", "2026-10-20",
         "Roads around Merrion Square and Fitzwilliam Street will be closed from 5am to 4pm on Sunday 25 October "
         "for the Liffey City Marathon, Dublin City Council said. The race starts at 8.45am.",
         [Want("2026-10-25 05:00 +00:00", "closure|closed|road", until="2026-10-25 16:00 +00:00",
               where="Merrion Square|Dublin"),
          Want("2026-10-25 08:45 +00:00", "Marathon", where="Dublin")], url="https://www.example.ie/dublin"),
    Case("sport-t20-final-headline", "sport", "2026-05-27",
         "After a fortnight of rain-hit matches, the Western Premier League finally has its finalists.\n\nThe "
         "Sabarmati Strikers will face the Konkan Royals in the final at the Narendra Modi Stadium in Ahmedabad on "
         "Sunday, May 31. The first ball is scheduled for 7.30 pm IST.",
         [Want("2026-05-31 19:30 +05:30", "final|Strikers|Royals", where="Narendra Modi Stadium|Ahmedabad")],
         url="https://www.example.in/cricket", title="Strikers and Royals set for Ahmedabad showdown"),
    Case("sport-esports-online-then-lan", "sport", "2026-07-30",
         "Online qualifiers for the Nordic Rift Cup run from 14 to 16 August, with the top eight teams advancing to "
         "the LAN finals at the Avicii Arena in Stockholm on 5–6 September.",
         [Want("2026-08-14", "qualifier", until="2026-08-16", where="Online"),
          Want("2026-09-05", "finals|Nordic Rift Cup", until="2026-09-06", where="Avicii Arena|Stockholm")]),
    # ---- business -------------------------------------------------------------------------------------
    Case("business-ipo-release-about", "business", "2026-09-07",
         "MUMBAI, India, Sept. 7, 2026 /PRNewswire/ -- Saffron Agritech Limited today announced that its initial "
         "public offering will open for subscription on September 15 and close on September 17. The equity shares "
         "are expected to list on the BSE and NSE on September 22.\n\nAbout Saffron Agritech\n\nFounded in 2009, "
         "Saffron Agritech is a leading supplier of drip irrigation systems, with operations in 14 states. It "
         "opened its largest plant, in Nashik, on March 4, 2025.",
         [Want("2026-09-15", "IPO|subscription|offering", until="2026-09-17"),
          Want("2026-09-22", "listing|list")]),
    Case("business-agm-notice-block-myt", "business", "2026-05-20",
         "NOTICE OF ANNUAL GENERAL MEETING\n\nNotice is hereby given that the 58th Annual General Meeting of "
         "Harbourline Shipping Berhad will be held as follows:\n\nDate: Thursday, 18 June 2026\nTime: 10.30 a.m.\n"
         "Venue: Grand Ballroom, Level 3, Sunway Putra Hotel, Kuala Lumpur",
         [Want("2026-06-18 10:30 +08:00", "Annual General Meeting|AGM", where="Sunway Putra|Kuala Lumpur")],
         url="https://www.example.com.my/announcements"),
    Case("business-dividend-dates-and-agm", "business", "2026-04-22",
         "Kirkgate Homes plc: final dividend\n\nThe Board is recommending a final dividend of 12.5p per share, "
         "payable on 3 July 2026 to shareholders on the register at the close of business on 29 May 2026. The "
         "dividend is subject to approval at the Annual General Meeting, which will be held at 11.00am on "
         "Wednesday 24 June 2026 at the company's offices in Leeds.",
         [Want("2026-06-24 11:00 +01:00", "Annual General Meeting|AGM", where="Leeds")],
         url="https://www.example.co.uk/rns"),
    Case("business-livestream-launch-edt", "business", "2026-09-01",
         "NEW YORK — Nimbus Labs will unveil its long-rumoured Halo mixed-reality headset at a livestreamed event "
         "on Wednesday, Sept. 16, at 1 p.m. EDT, the company said in invitations sent to reporters on Tuesday. It "
         "is also expected to show updated versions of its Aero earbuds.",
         [Want("2026-09-16 13:00 -04:00", "Halo|Nimbus|event")],
         title="Nimbus to unveil Halo headset at September event"),
    Case("business-results-and-briefing-jst", "business", "2026-04-24",
         "TOKYO — Kairo Electronics Corp. will announce its consolidated financial results for the fiscal year "
         "ended March 31, 2026 on Tuesday, May 12, 2026 at 15:00 JST. An online briefing for investors will be "
         "held from 16:30 to 17:30 JST the same day.",
         [Want("2026-05-12 15:00 +09:00", "results|Kairo"),
          Want("2026-05-12 16:30 +09:00", "briefing", until="2026-05-12 17:30 +09:00", where="Online")]),
    Case("business-lagos-launch-release-about", "business", "2026-10-12",
         "LAGOS, Nigeria, October 12, 2026 -- PayHive will launch Stash, its new savings app, at an event at the "
         "Landmark Centre, Victoria Island, on Thursday, 22 October, from 11am WAT.\n\nAbout PayHive\n\nPayHive "
         "was founded in Lagos in 2019 and serves more than two million customers. It raised $40 million in a "
         "Series B round led by Atlas Ventures in January 2025.",
         [Want("2026-10-22 11:00 +01:00", "launch|Stash|PayHive", where="Landmark Centre|Victoria Island")],
         url="https://www.example.ng/tech"),
    # ---- culture --------------------------------------------------------------------------------------
    Case("culture-film-festival-opening-night", "culture", "2026-09-15",
         "The 12th Harbourfront Film Festival runs from 9 to 18 October in Cape Town. It opens with the world "
         "premiere of 'Salt Roads' at the Labia Theatre on the first night at 7pm.",
         [Want("2026-10-09", "Film Festival", until="2026-10-18", where="Cape Town"),
          Want("2026-10-09 19:00 +02:00", "Salt Roads|premiere|opening", where="Labia")],
         url="https://www.example.co.za/arts"),
    Case("culture-usher-hall-listing", "culture", "2026-10-28",
         "Coming up at the Usher Hall, Edinburgh:\n\nFri 6 Nov – Forth Chamber Players: Brahms and Dvořák, 7.30pm\n"
         "Sat 14 Nov – The Lighthouse Keepers, 8pm\nSun 22 Nov – Family Concert: Peter and the Wolf, 3pm",
         [Want("2026-11-06 19:30 +00:00", "Forth Chamber Players|Brahms", where="Usher Hall"),
          Want("2026-11-14 20:00 +00:00", "Lighthouse Keepers", where="Usher Hall"),
          Want("2026-11-22 15:00 +00:00", "Family Concert|Peter and the Wolf", where="Usher Hall")],
         url="https://www.example.co.uk/whatson"),
    Case("culture-book-fair-daily-hours", "culture", "2026-09-07",
         "The East Africa Readers' Book Fair will be held at the Sarit Expo Centre in Nairobi from Wednesday 23 to "
         "Sunday 27 September. Doors open daily from 9am to 6pm, and entry is free for schoolchildren in uniform.",
         [Want("2026-09-23", "Book Fair", until="2026-09-27", where="Sarit|Nairobi")],
         url="https://www.example.co.ke/culture"),
    Case("culture-exhibition-run-and-private-view", "culture", "2027-02-10",
         "Marta Vidal: Iron and Salt\n\nA major retrospective of the Catalan sculptor Marta Vidal opens at the "
         "Fundació Joan Miró in Barcelona on 4 March and runs until 27 June 2027. Members are invited to a private "
         "view on the evening of 3 March, from 18:00 to 21:00 CET.",
         [Want("2027-03-03 18:00 +01:00", "private view|preview|view", until="2027-03-03 21:00 +01:00",
               where="Miró|Barcelona"),
          Want("2027-03-04", "Vidal|retrospective|Iron and Salt", until="2027-06-27", where="Miró|Barcelona")]),
    Case("culture-tour-dates-listing", "culture", "2026-11-16",
         "The Velvet Comets have added three Australian shows to their 2027 world tour:\n\n"
         "Thu 18 February – Riverstage, Brisbane\nSat 20 February – Sidney Myer Music Bowl, Melbourne\n"
         "Tue 23 February – Red Hill Auditorium, Perth\n\nTickets go on sale on Friday at 10am local time.",
         [Want("2027-02-18", "Velvet Comets|concert|show", where="Riverstage|Brisbane"),
          Want("2027-02-20", "Velvet Comets|concert|show", where="Sidney Myer|Melbourne"),
          Want("2027-02-23", "Velvet Comets|concert|show", where="Red Hill|Perth")],
         url="https://www.example.com.au/music"),
    Case("culture-opera-premiere-and-runs", "culture", "2026-09-30",
         "Composer Lena Hartmann spent six years on her first opera, which tells the story of a Tyrolean village "
         "drowned to make way for a reservoir.\n\nThe premiere of 'Der Spiegelsee' will take place at the Theater "
         "an der Wien on Saturday 17 October at 19:30 CEST. Two further performances follow on 20 and 23 October.",
         [Want("2026-10-17 19:30 +02:00", "Spiegelsee|premiere", where="Theater an der Wien|Vienna"),
          Want("2026-10-20~", "Spiegelsee|performance", where="Theater an der Wien|Vienna"),
          Want("2026-10-23~", "Spiegelsee|performance", where="Theater an der Wien|Vienna")],
         url="https://www.example.at/kultur"),
    # ---- civic and religious --------------------------------------------------------------------------
    Case("civic-tanzania-eid-moon", "civic", "2027-03-04",
         "The government has declared Wednesday, 10 March 2027 a public holiday for Eid al-Fitr, subject to the "
         "sighting of the moon, the Ministry of Home Affairs said in Dodoma.",
         [Want("2027-03-10", "holiday|Eid", where="Tanzania|Dodoma")], url="https://www.example.co.tz/news"),
    Case("civic-kaduna-weekend-curfew", "civic", "2026-08-11",
         "A curfew will be in force in Kaduna metropolis from 6pm on Friday 14 August to 6am on Monday 17 August, "
         "the state government announced, ahead of the planned protests.",
         [Want("2026-08-14 18:00 +01:00", "curfew", until="2026-08-17 06:00 +01:00", where="Kaduna")],
         url="https://www.example.ng/metro"),
    Case("civic-pride-parade-road-closures", "civic", "2026-06-22",
         "Road closures: Thames Pride, Saturday 27 June\n\nThe Thames Pride parade will leave Hyde Park Corner at 12 "
         "noon and is expected to finish in Whitehall at around 5pm. Piccadilly, Regent Street and Pall Mall will "
         "be closed to traffic from 10am to 9pm on the day.",
         [Want("2026-06-27 10:00 +01:00", "closure|closed|road", until="2026-06-27 21:00 +01:00",
               where="Piccadilly|Regent Street|Pall Mall|London"),
          Want("2026-06-27 12:00 +01:00", "parade|Pride", until="2026-06-27 17:00 +01:00",
               where="Hyde Park Corner|London")], url="https://www.example.co.uk/london"),
    Case("civic-kandy-procession-closures", "civic", "2026-08-20",
         "The Grand Procession of the Mahanuwara Lantern Festival will leave the Temple Square in Kandy at 7.30pm "
         "on Thursday 27 August. Roads around Kandy Lake will be closed to vehicles from 5pm until the procession "
         "ends, police said.",
         [Want("2026-08-27 17:00 +05:30", "closure|closed|road", where="Kandy"),
          Want("2026-08-27 19:30 +05:30", "Procession|Lantern Festival", where="Temple Square|Kandy")],
         url="https://www.example.lk/news"),
    # ---- courts ---------------------------------------------------------------------------------------
    Case("court-frankfurt-verdict-second-para", "court", "2026-11-30",
         "The trial of three former executives of Crestline Bank, accused of hiding losses of more than €400 "
         "million, ended on Friday after eleven months of hearings.\n\nPresiding judge Anke Vogel of the Frankfurt "
         "Regional Court said the verdict would be delivered on 14 December.",
         [Want("2026-12-14", "verdict", where="Frankfurt")], url="https://www.example.de/wirtschaft"),
    Case("court-bombay-bail-plea", "court", "2026-10-02",
         "The Bombay High Court will hear the bail plea of businessman Vikram Sethi on Monday, October 5, a "
         "vacation bench said on Friday.",
         [Want("2026-10-05", "bail|hearing", where="Bombay High Court|Mumbai")], url="https://www.example.in/law"),
    Case("court-bristol-inquest-opens", "court", "2026-07-01",
         "An inquest into the death of cyclist Harriet Lowe, 34, who was struck by a lorry on the A38 in March, "
         "will open at Avon Coroner's Court in Bristol at 10am on Thursday 9 July.",
         [Want("2026-07-09 10:00 +01:00", "inquest", where="Coroner|Bristol")], url="https://www.example.co.uk/bristol"),
    Case("court-sydney-committal-three-days", "court", "2027-01-20",
         "The committal hearing for the 51-year-old will be heard in the Downing Centre Local Court in Sydney over "
         "three days from 16 February.",
         [Want("2027-02-16", "committal|hearing", until="2027-02-18", where="Downing Centre|Sydney")],
         url="https://www.example.com.au/nsw"),
    # ---- strikes --------------------------------------------------------------------------------------
    Case("strike-ontario-rotating-groups", "strike", "2026-11-23",
         "Ontario's elementary and secondary teachers' unions announced a rotating strike schedule on Monday. "
         "Elementary teachers in Toronto will walk out on Tuesday, Dec. 1, followed by those in Ottawa on "
         "Wednesday, Dec. 2. Secondary teachers across the province will strike on Friday, Dec. 4.",
         [Want("2026-12-01", "strike|walkout|walk", where="Toronto"),
          Want("2026-12-02", "strike|walkout|walk", where="Ottawa"),
          Want("2026-12-04", "strike", where="Ontario")], url="https://www.example.ca/education"),
    Case("strike-france-atc-and-ground-staff", "strike", "2026-09-08",
         "Air traffic controllers at Paris-Charles de Gaulle and Orly will strike from 06:00 CEST on Thursday 17 "
         "September until 06:00 on Saturday 19 September, their union said on Tuesday.\n\nGround-handling staff "
         "at Nice and Marseille airports will join the action on Friday 18 September only, a separate union said.",
         [Want("2026-09-17 06:00 +02:00", "strike", until="2026-09-19 06:00 +02:00",
               where="Paris|Charles de Gaulle|Orly"),
          Want("2026-09-18", "strike|action", where="Nice|Marseille")]),
    Case("strike-punjab-doctors-overlap", "strike", "2026-11-03",
         "LAHORE: Junior doctors at public hospitals across Punjab will boycott outpatient departments on 10, 11 "
         "and 12 November, the Young Doctors' Association said on Tuesday. Senior registrars will join the boycott "
         "on 12 November only.",
         [Want("2026-11-10", "boycott|strike", until="2026-11-12", where="Punjab|Lahore"),
          Want("2026-11-12", "boycott|strike", where="Punjab|Lahore")], url="https://www.example.com.pk/health"),
    Case("strike-brighton-saturdays", "strike", "2027-02-15",
         "Bus drivers at Coastline Buses in Brighton and Hove will strike on every Saturday in March – 6, 13, 20 "
         "and 27 March – Unite said, after rejecting a 3% pay offer.",
         [Want("2027-03-06", "strike", where="Brighton"), Want("2027-03-13", "strike", where="Brighton"),
          Want("2027-03-20", "strike", where="Brighton"), Want("2027-03-27", "strike", where="Brighton")],
         url="https://www.example.co.uk/sussex"),
    # ---- conferences ----------------------------------------------------------------------------------
    Case("conference-kigali-after-deadline", "conference", "2026-09-10",
         "Registration closes on 30 September for the Pan-African Water Congress, which takes place in Kigali from "
         "19 to 22 October.",
         [Want("2026-10-19", "Water Congress|Congress", until="2026-10-22", where="Kigali")],
         url="https://www.example.rw/news"),
    Case("conference-dubai-forum-last-year", "conference", "2027-01-12",
         "Last year's edition drew 6,000 delegates. The Gulf Logistics Forum returns to the Dubai World Trade "
         "Centre on 2–3 February 2027, bringing together port operators, airlines and freight forwarders from 40 "
         "countries.",
         [Want("2027-02-02", "Logistics Forum|Forum", until="2027-02-03", where="Dubai World Trade Centre|Dubai")]),
    # ---- change reports -------------------------------------------------------------------------------
    Case("change-haydock-abandoned-race-rerun", "change", "2026-11-13",
         "Saturday's meeting at Haydock Park has been abandoned because of a waterlogged track. The Lancashire Gold "
         "Cup, the feature race of the card, will instead be run at the course on Saturday 21 November, the "
         "British Horseracing Authority said.",
         [Want("2026-11-14", "meeting|Haydock|race", status="cancelled", where="Haydock"),
          Want("2026-11-21", "Gold Cup", status="rescheduled", original="2026-11-14", where="Haydock")],
         url="https://www.example.co.uk/racing"),
    Case("change-osaka-fireworks-typhoon", "change", "2026-08-27",
         "The Osaka Harbour Fireworks Festival, which had been set for Saturday 29 August, has been postponed "
         "because of Typhoon Kiko. Organisers said a new date would be announced next week.",
         [Want("2026-08-29", "Fireworks", status="postponed", where="Osaka")], url="https://www.example.jp/kansai"),
    Case("change-athens-night-run-heat", "change", "2026-07-14",
         "Organisers have cancelled Friday's Athens Night Run, which was due to start at 21:00 EEST on 17 July, as "
         "temperatures are forecast to reach 43C.",
         [Want("2026-07-17 21:00 +03:00", "Night Run", status="cancelled", where="Athens")],
         url="https://www.example.gr/sport"),
    Case("change-rawalpindi-start-earlier", "change", "2026-11-16",
         "The second ODI between Pakistan and New Zealand at the Rawalpindi Cricket Stadium on Wednesday will now "
         "begin at 10am PKT instead of 2.30pm, the board said, because of the evening smog.",
         [Want("2026-11-18 10:00 +05:00", "ODI|Pakistan", status="rescheduled", where="Rawalpindi")],
         url="https://www.example.com.pk/sport"),
    Case("change-wa-assembly-two-days-earlier", "change", "2027-02-18",
         "The first sitting day of the Western Australian Legislative Assembly for 2027 will now be Monday 8 "
         "March, two days earlier than the Wednesday 10 March date set in December, the Speaker's office said.",
         [Want("2027-03-08", "Legislative Assembly|sitting", status="rescheduled", original="2027-03-10",
               where="Western Australia|Perth")], url="https://www.example.com.au/wa"),
    Case("change-edinburgh-screening-indoors", "change", "2026-08-10",
         "Because of the forecast of heavy rain, Friday's open-air screening of 'Northern Star' in Princes Street "
         "Gardens has moved indoors to the Assembly Rooms on George Street. The start time is unchanged at 8.30pm.",
         [Want("2026-08-14 20:30 +01:00", "screening|Northern Star", status="rescheduled", where="Assembly Rooms")],
         url="https://www.example.co.uk/edinburgh"),
    Case("change-accra-kickoff-time-only", "change", "2026-09-28",
         "The kick-off for the World Cup qualifier between Ghana and Nigeria at the Accra Sports Stadium on Friday "
         "9 October has been changed from 4pm to 7pm GMT at the request of the broadcaster.",
         [Want("2026-10-09 19:00 +00:00", "Ghana|qualifier", status="rescheduled", where="Accra Sports Stadium")],
         url="https://www.example.com.gh/sports"),
    Case("change-kendal-festival-reinstated", "change", "2026-06-15",
         "The Lakeside Folk Festival in Kendal, which was cancelled last month after its main sponsor withdrew, "
         "will now go ahead on 25 and 26 July after organisers secured new funding, they said on Monday.",
         [Want("2026-07-25", "Folk Festival", until="2026-07-26", where="Kendal")],
         url="https://www.example.co.uk/cumbria"),
    Case("change-chicago-sentencing-pushed", "change", "2026-12-07",
         "A Cook County judge on Monday pushed the sentencing of former county commissioner Carla Dunn, which had "
         "been set for Tuesday, to Jan. 12, after her lawyers filed a late motion.",
         [Want("2027-01-12", "sentencing|Dunn", status="rescheduled", original="2026-12-08",
               where="Cook County|Chicago")]),
    Case("change-lagos-jazz-night-headline", "change", "2026-11-24",
         "Organisers of the Lagos Jazz Night, which was due to take place at the Eko Convention Centre on Saturday "
         "5 December, said on Tuesday that the event had been cancelled because of low ticket sales. Refunds will "
         "be issued within 14 days.",
         [Want("2026-12-05", "Jazz Night", status="cancelled", where="Eko Convention Centre")],
         url="https://www.example.ng/entertainment", title="Lagos Jazz Night called off"),
    # ---- negatives ------------------------------------------------------------------------------------
    Case("negative-marathon-result", "negative", "2026-10-26",
         "More than 20,000 runners took part in Sunday's Liffey City Marathon in Dublin, which was won by Kenya's "
         "Peter Kiprotich in 2:08:41, a course record.", [], url="https://www.example.ie/sport"),
    Case("negative-review-in-coming-weeks", "negative", "2026-07-08",
         "The Reserve Bank will publish the findings of its review of the national payments system in the coming "
         "weeks, the governor told reporters in Pretoria on Wednesday.", [], url="https://www.example.co.za/business"),
    Case("negative-filing-deadline", "negative", "2026-12-15",
         "Taxpayers have until 31 January 2027 to file their self-assessment returns online, HMRC reminded the "
         "public, warning of a £100 penalty for late filing.", [], url="https://www.example.co.uk/money"),
    Case("negative-fifty-years-ago-today", "negative", "2026-06-16",
         "Fifty years ago today, on 16 June 1976, thousands of students in Soweto marched against the use of "
         "Afrikaans as a language of instruction.", [], url="https://www.example.co.za/history"),
    Case("negative-opinion-budget-headline", "negative", "2026-01-19",
         "The finance minister's budget speech next month will be judged not by its numbers but by whether anyone "
         "still believes them. Three years of missed targets have seen to that.", [],
         url="https://www.example.co.za/opinion", title="Opinion: Numbers nobody believes"),
    Case("negative-festival-closed-recap", "negative", "2026-09-14",
         "The Kovalenko Quartet closed the Bergen Chamber Festival on Saturday night with an all-Shostakovich "
         "programme.\n\nThe festival, which ran from 4 to 12 September, sold a record 18,000 tickets, its director "
         "said.", [], url="https://www.example.no/kultur"),
    Case("negative-release-boilerplate-only", "negative", "2026-08-03",
         "JOHANNESBURG, 3 August 2026 -- Mhlaba Solar today announced that it has completed its acquisition of "
         "Veld Energy, creating the country's third-largest independent power producer.\n\nAbout Mhlaba Solar\n\n"
         "Mhlaba Solar was founded in 2011 and operates plants in five provinces. Its shares have been listed on "
         "the JSE since 14 May 2018.", [], url="https://www.example.co.za/business"),
    Case("negative-guilty-sentence-later", "negative", "2026-05-18",
         "A jury at Liverpool Crown Court on Friday found two men guilty of conspiracy to defraud. They will be "
         "sentenced at a later date, the judge said.", [], url="https://www.example.co.uk/merseyside"),
]


# Misses still open, each with what the detector does instead. strict: a fix makes the test fail
# until its entry is removed here.
KNOWN_MISSES: dict[str, str] = {
    # no event at all: the sentence's happening is not recognised
    "court-frankfurt-verdict-second-para": "no event: 'said the verdict would be delivered on 14 December' is dropped",
    "change-accra-kickoff-time-only": "no event: 'kick-off ... on Friday 9 October has been changed from 4pm to 7pm'",
    # a second event in the text is dropped or merged into the first
    "sport-f1-three-sessions-jst": "first practice dropped; qualifying and race both titled 'Match' with no place",
    "business-results-and-briefing-jst": "the 16:30-17:30 briefing is dropped; results placed in 'Cairo, Egypt'",
    "culture-opera-premiere-and-runs": "performances on 20 and 23 October dropped; premiere placed 'Wien, Austria'",
    "civic-pride-parade-road-closures": "one event: parade 12:00 -04:00 at 'Hyde Park, Whitehall, United States'; road "
                                        "closures and 5pm end dropped",
    "change-haydock-abandoned-race-rerun": "abandoned 14 Nov meeting dropped; 21 Nov 'Lancashire Gold Cup match' is "
                                           "'scheduled', no original",
    # listings: lines under a heading misread
    # titles that lose the event's name
    "politics-kenya-budget-third-para": "titled 'Kamau National Assembly'; the budget statement is lost",
    "sport-esports-online-then-lan": "online qualifiers titled 'Nordic Rift Cup' and placed at the Avicii Arena",
    # places
    "strike-france-atc-and-ground-staff": "location 'Tuesday.\\n\\nGround' for both; 18 Sep titled 'Marseille airports "
                                          "will join'",
    "change-wa-assembly-two-days-earlier": "no location: 'Western Australian Legislative Assembly' gives no place",
    # clock times and days
    # statuses and superseded days
    "change-chicago-sentencing-pushed": "status 'scheduled', no original (set for Tuesday) and no location",
}




@pytest.mark.parametrize("case", case_params(CASES, KNOWN_MISSES))
def test_heldout4(case: Case) -> None:
    check_case(case)


def test_heldout4_is_sixty_of_every_kind() -> None:
    assert len(CASES) == 60
    assert len({c.name for c in CASES}) == len(CASES)
    assert sum(1 for c in CASES if c.kind == "negative") >= 8
    assert sum(1 for c in CASES if c.kind == "change") >= 8
