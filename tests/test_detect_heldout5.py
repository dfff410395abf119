"""A fifth held-out sweep: 60 announcements longer and closer to real pages than the earlier sweeps.
Half are stories of three to eight paragraphs (wire releases with a dateline, quotes, background paragraphs
that name past events with their dates, "About the company" boilerplate and contact lines, with the event
anywhere in the text); ten are HTML fragments as a feed entry's content carries them (<p>, <strong>, <br>,
<ul><li> lists, entities); the rest are short items in new formats (tweet-style posts, SMS alerts, council
minutes, school notices, transit service changes, UN and EU notices, governing-body statements, seminar
notices with room numbers, holiday announcements). About ten are change reports (postponed with and
without a new date, cancelled, venue moved, time changed) and ten must give nothing (recaps, anniversaries,
a birthday, deadlines, a law's commencement, data already published, vague dates).

The expected events were written down before the detector was run on them. None is taken from a real
document; names of people, companies, clubs and events are invented or generic. The checks are those of
the sweep (days, clock time and offset, status, superseded day, place, a title a person would type).
"""

from __future__ import annotations

import pytest

from tests.test_detect_sweep import Case, Want, case_params, check_case

CASES: list[Case] = [
    # ---- long: business ----------------------------------------------------------------------------
    Case("long-chicago-earnings-call-central", "business", "2026-10-06",
         "CHICAGO, Oct. 6, 2026 /PRNewswire/ -- Prairieland Foods Inc. (NYSE: PRLF), a maker of frozen bakery and "
         "snack products, today announced that it will release its third-quarter 2026 financial results before the "
         "market opens on Thurs., Oct. 29, 2026.\n\n"
         "The company will host a conference call and webcast to discuss the results at 9 a.m. Central that day. "
         "Participants may dial 1-888-555-0147 (U.S.) or 1-312-555-0199 (international) and use access code "
         "448120. A replay will be available through Nov. 12, 2026.\n\n"
         "Prairieland reported second-quarter net sales of $412 million on July 30, 2026, up 6% from a year "
         "earlier.\n\n"
         "About Prairieland Foods\n\n"
         "Founded in 1952 in Joliet, Illinois, Prairieland Foods operates eleven plants in the Midwest and sells "
         "its products in more than 30 countries. It acquired the Canadian snack maker Maple Crisp in March 2019."
         "\n\n"
         "Investor Contact: Dana Kowalczyk, Vice President, Investor Relations, (312) 555-0123, "
         "ir@prairielandfoods.example",
         [Want("2026-10-29 09:00 -05:00", "call|results|Prairieland")]),
    Case("long-bengaluru-scooter-launch-ist", "business", "2027-01-12",
         "BENGALURU, India, Jan. 12, 2027 /PRNewswire/ -- Vyoma Motors, the electric two-wheeler start-up backed "
         "by Saraswati Ventures, will unveil its first scooter, the Vyoma Swift, at a launch event at the "
         "Bangalore Palace Grounds on January 28th, 2027 at 11:30 AM IST.\n\n"
         "The Swift will be built at the company's new plant in Hosur, which began trial production on November "
         "3, 2026.\n\n"
         "\"We have spent four years designing a scooter for Indian roads and Indian summers,\" said co-founder and "
         "CEO Ananya Rao. \"On the 28th, riders will finally see it.\"\n\n"
         "About Vyoma Motors\n\n"
         "Vyoma Motors was founded in 2021 by Ananya Rao and Karthik Menon. The company raised $35 million in a "
         "Series A round in March 2024.\n\n"
         "Media Contact: Priya Nair, media@vyomamotors.example, +91 80 5555 0134",
         [Want("2027-01-28 11:30 +05:30", "Vyoma|Swift|launch", where="Bangalore Palace|Bengaluru")],
         url="https://www.example.in/auto"),
    Case("long-singapore-cold-chain-summit", "business", "2027-02-02",
         "SINGAPORE, 2 February 2027 — The fifth Asia Pacific Cold Chain Summit will take place on 20–21 April "
         "2027 at the Sands Expo and Convention Centre, bringing together more than 1,200 logistics operators, "
         "food producers and pharmaceutical distributors from 25 countries.\n\n"
         "This year's programme focuses on vaccine distribution and on cutting the energy use of refrigerated "
         "warehouses. Speakers include Dr Wei Ling Tan of the Straits Logistics Institute and Rahul Mehta, chief "
         "operating officer of FrostLine Asia.\n\n"
         "The summit was first held in Kuala Lumpur in 2019. Last year's edition, in Bangkok on 14–15 May 2026, "
         "drew 950 delegates.\n\n"
         "Early-bird registration ends on 28 February.\n\n"
         "About Meridian Events Asia\n\n"
         "Meridian Events Asia organises trade conferences in logistics, energy and healthcare across the Asia "
         "Pacific. It is headquartered in Singapore.\n\n"
         "Contact: Joanne Lim, joanne.lim@meridianevents.example, +65 6555 0187",
         [Want("2027-04-20", "Cold Chain Summit", until="2027-04-21", where="Sands Expo|Singapore")],
         url="https://www.example.sg/business"),
    Case("long-kourou-rocket-launch-local-time", "business", "2026-11-25",
         "PARIS — Astrelle Space will launch its first Lyra-2 rocket from the Guiana Space Centre in Kourou on "
         "Thursday 3 December, carrying two Earth-observation satellites for the Portuguese space agency.\n\n"
         "Lift-off is scheduled for 21:14 local time (00:14 GMT on 4 December), at the start of a 40-minute launch "
         "window.\n\n"
         "\"After what happened last year, we have tested every valve on this rocket twice,\" said chief "
         "executive Laurent Moreau.\n\n"
         "The previous Lyra launch, on 12 March 2025, ended in failure when the upper stage shut down early, and "
         "the company spent 18 months redesigning the engine.\n\n"
         "About Astrelle Space\n\n"
         "Astrelle Space was founded in Toulouse in 2016 and employs 650 people in France and Germany.",
         [Want("2026-12-03 21:14 -03:00", "Lyra-2|launch|Astrelle", where="Kourou|Guiana Space Centre")],
         url="https://www.example.fr/espace"),
    Case("long-london-webinar-release", "business", "2027-02-23",
         "LONDON, 23 February 2027 — Verdant Analytics, the carbon accounting software company, will host a free "
         "webinar for finance directors, 'Carbon Accounting for Mid-Sized Manufacturers', on Tuesday 9 March 2027 "
         "from 14:00 to 15:00 GMT.\n\n"
         "The session will cover the new UK reporting rules that take effect in April 2028 and include a live "
         "demonstration of Verdant's Scope 3 module.\n\n"
         "Speakers are Verdant's head of policy, Dr Hannah Osei, and Graham Doyle, finance director of the "
         "Midlands valve maker Corby & Finch.\n\n"
         "About Verdant Analytics\n\n"
         "Founded in 2020, Verdant Analytics serves more than 900 businesses in the UK and Europe. It was named "
         "Climate Tech Start-up of the Year at the Green Business Awards on 18 November 2025.\n\n"
         "Press: press@verdantanalytics.example",
         [Want("2027-03-09 14:00 +00:00", "webinar|Carbon Accounting", until="2027-03-09 15:00 +00:00")]),
    Case("long-sandton-agm-notice", "business", "2027-05-14",
         "NOTICE OF ANNUAL GENERAL MEETING\n\n"
         "Karoo Copper Holdings Limited\n(Incorporated in the Republic of South Africa)\n"
         "(Registration number 1998/012345/06)\nJSE share code: KCH\n\n"
         "Notice is hereby given that the twenty-eighth annual general meeting of shareholders of Karoo Copper "
         "Holdings Limited will be held at 10:00 on Friday, 25 June 2027 at the Sandton Convention Centre, 161 "
         "Maude Street, Sandton, Johannesburg, to consider and, if deemed fit, pass the resolutions set out below."
         "\n\n"
         "Ordinary business\n1. To receive the audited financial statements for the year ended 28 February 2027.\n"
         "2. To re-elect Ms Thandeka Zulu as a director.\n3. To reappoint Khumalo & Partners as auditors.\n\n"
         "The record date for determining which shareholders are entitled to participate in and vote at the "
         "meeting is Friday, 18 June 2027. Forms of proxy should be lodged by 10:00 on Wednesday, 23 June 2027.\n\n"
         "By order of the Board\nCompany Secretary\nJohannesburg\n14 May 2027",
         [Want("2027-06-25 10:00 +02:00", "annual general meeting|AGM", where="Sandton Convention Centre|Sandton")],
         url="https://www.example.co.za/sens"),
    # ---- long: politics and courts -------------------------------------------------------------------
    Case("long-malawi-by-elections", "politics", "2027-04-05",
         "LILONGWE — The Malawi Electoral Commission (MEC) has set Tuesday, 15 June 2027 as the date for "
         "by-elections in three parliamentary constituencies left vacant by the deaths of their members earlier "
         "this year.\n\n"
         "The seats — Dedza North, Mangochi Lakeshore and Mzuzu City West — fell vacant after the deaths of MPs in "
         "January and February.\n\n"
         "MEC chairperson Justice Chimwemwe Banda told a news conference in Lilongwe on Monday that nominations "
         "for candidates would close on 14 May. \"We urge all parties to conduct peaceful campaigns,\" she said."
         "\n\n"
         "The commission last held by-elections on 12 October 2025, when voters in two wards in Blantyre went to "
         "the polls.",
         [Want("2027-06-15", "by-election", where="Malawi|Dedza|Mangochi|Mzuzu")], url="https://www.example.mw/news"),
    Case("long-canberra-budget-aest", "politics", "2027-04-27",
         "CANBERRA — Treasurer Miriam Sato will hand down the 2027–28 federal budget on Tuesday 11 May, she "
         "confirmed on Tuesday, ending weeks of speculation that it could be delayed until after the winter "
         "recess.\n\n"
         "The budget speech will begin at 7.30pm AEST in the House of Representatives.\n\n"
         "\"Australians can expect a budget that is responsible, that repairs the bottom line and that does not "
         "forget the people doing it tough,\" Ms Sato told reporters at Parliament House.\n\n"
         "Last year's budget, delivered on 25 March 2026, forecast a deficit of $27 billion. The mid-year update in "
         "December revised that to $31 billion.\n\n"
         "Opposition treasury spokesman Ben Carrick said the government had \"run out of excuses\".",
         [Want("2027-05-11 19:30 +10:00", "budget", where="House of Representatives|Canberra|Parliament")],
         url="https://www.example.com.au/politics"),
    Case("long-brazil-president-two-legs", "politics", "2026-11-02",
         "BRASÍLIA — President Helena Duarte will make state visits to Portugal and Spain next week, her first "
         "trip to Europe since taking office in January, the foreign ministry said on Monday.\n\n"
         "Duarte will be in Lisbon from 9 to 10 November for talks with the Portuguese president and prime "
         "minister and a business forum organised by the Portugal–Brazil Chamber of Commerce. She will then travel "
         "to Madrid on 11 November, where she is due to be received at the Royal Palace.\n\n"
         "\"Portugal and Spain are our natural gateway to Europe,\" Foreign Minister Rodrigo Meireles told "
         "reporters.\n\n"
         "Brazil's previous president last visited Lisbon in April 2023, and a Spanish trade delegation visited "
         "São Paulo in May 2025.",
         [Want("2026-11-09", "visit", until="2026-11-10", where="Lisbon|Portugal"),
          Want("2026-11-11", "visit", where="Madrid|Spain")], url="https://www.example.com.br/mundo"),
    Case("long-denver-council-vote-mountain", "politics", "2026-11-16",
         "DENVER — The City Council will take a final vote on the contested rezoning of the former Larimer rail "
         "yards at its meeting on Mon., Nov. 23, Council President Alicia Romero said Monday.\n\n"
         "The meeting begins at 5:30 p.m. Mountain time in the council chambers of the City and County Building. "
         "Public comment will be limited to 90 minutes.\n\n"
         "The plan, which would allow up to 2,400 homes and a 20-story office tower, was approved by the Planning "
         "Board on Sept. 16 after a seven-hour hearing. Neighborhood groups have collected more than 6,000 "
         "signatures against it.\n\n"
         "\"Everybody will get a chance to be heard, but this council will vote on the 23rd,\" Romero said.",
         [Want("2026-11-23 17:30 -07:00", "City Council|vote|meeting|rezoning",
               where="City and County Building|Denver")]),
    Case("long-sheffield-sentencing-ordinal", "court", "2027-01-22",
         "A former Sheffield councillor who stole almost £180,000 from a children's hospice charity will be "
         "sentenced next month, a judge has said.\n\n"
         "Margaret Hollins, 61, of Nether Edge, admitted 14 counts of fraud by abuse of position at an earlier "
         "hearing. The court heard that she transferred money from the Steel Valley Children's Hospice into her "
         "own accounts between January 2019 and June 2022, while serving as the charity's treasurer.\n\n"
         "\"These were not lapses but a sustained and deliberate betrayal,\" prosecutor Owen Pryce told the court "
         "on Friday.\n\n"
         "Judge Sarah Whitcombe adjourned the case for reports and said Hollins would be sentenced at Sheffield "
         "Crown Court at 10am on Friday 19th February. She was granted bail.\n\n"
         "Hollins was first charged in May 2025 following an investigation by South Yorkshire Police.",
         [Want("2027-02-19 10:00 +00:00", "sentencing|sentenced|Hollins", where="Sheffield Crown Court|Sheffield")],
         url="https://www.example.co.uk/sheffield"),
    # ---- long: sport, culture, civic ---------------------------------------------------------------
    Case("long-brisbane-stadium-first-match", "sport", "2027-02-11",
         "BRISBANE — The new Moreton Bay Stadium will host its first match on Saturday 6 March, when the Redcliffe "
         "Pelicans take on the Gold Coast Rays in the opening round of the Coastal Football League, the Queensland "
         "Government confirmed on Thursday.\n\n"
         "Kick-off is at 7.35pm AEST, and all 30,000 seats are expected to be filled.\n\n"
         "\"This is a stadium the people of the peninsula have waited two decades for,\" Sport Minister Caleb "
         "Hennessy said. \"To open it with a local derby is exactly what we hoped for.\"\n\n"
         "Construction began in August 2023 after years of delays. The Pelicans played their last game at their "
         "old home, Seaview Oval, on 14 September 2024, and have spent the past two seasons at grounds in Brisbane "
         "and Caboolture.",
         [Want("2027-03-06 19:35 +10:00", "Pelicans|Rays|match", where="Moreton Bay Stadium")],
         url="https://www.example.com.au/sport"),
    Case("long-dublin-shield-final-after-recap", "sport", "2027-05-24",
         "DUBLIN — Liffey Wolves and Shannon Harriers will meet in the final of the Celtic Shield at the Aviva "
         "Stadium on Saturday, with kick-off at 5pm.\n\n"
         "The Wolves reached their third final in four years by beating the Glasgow Thistles 31-20 at the RDS on "
         "Friday night, while the Harriers needed extra time to see off the Cardiff Dragoons on Saturday.\n\n"
         "\"We owe them one,\" Wolves captain Conor Fitzgerald said. \"Everybody in this squad remembers 2019.\""
         "\n\n"
         "The sides last met in a final on 25 May 2019, when the Harriers won 24-17.\n\n"
         "Tickets go on public sale on Tuesday morning.",
         [Want("2027-05-29 17:00 +01:00", "final|Wolves|Harriers|Celtic Shield", where="Aviva Stadium")],
         url="https://www.example.ie/rugby", title="Wolves and Harriers set for Shield final rematch"),
    Case("long-sydney-fun-run-two-starts", "sport", "2026-10-12",
         "SYDNEY — More than 25,000 runners are expected at the Harbour Foreshore Fun Run on Sunday 18 October, "
         "which returns to its original route from Barangaroo to the Opera House for the first time since 2019."
         "\n\n"
         "The 10km main event starts at 7am, and the 2km kids' dash begins at 9.30am from the same start line at "
         "Barangaroo Reserve.\n\n"
         "\"Seeing families finish under the sails of the Opera House is what this event is all about,\" race "
         "director Jess Nguyen said.\n\n"
         "Spectators are encouraged to use public transport. Last year's run, held on 19 October 2025, raised $1.2 "
         "million for children's charities.",
         [Want("2026-10-18 07:00 +11:00", "Fun Run|10km", where="Barangaroo"),
          Want("2026-10-18 09:30 +11:00", "kids|dash", where="Barangaroo")], url="https://www.example.com.au/nsw"),
    Case("long-auckland-nurses-strike-24h", "strike", "2027-05-27",
         "AUCKLAND — Nurses at four Auckland hospitals will strike for 24 hours from 7am on Thursday 10 June after "
         "talks over staffing levels broke down, the Nurses Organisation of Aotearoa said.\n\n"
         "About 4,000 nurses at Auckland City, Middlemore, North Shore and Waitākere hospitals are expected to take "
         "part. Life-preserving services will be maintained.\n\n"
         "\"Our members did not take this decision lightly,\" organiser Mere Tapsell said. \"Wards are running "
         "short every single night.\"\n\n"
         "Nurses last walked off the job on 19 March, when more than 2,000 planned operations were postponed.\n\n"
         "Health New Zealand said it was disappointed and would publish contingency plans next week.",
         [Want("2027-06-10 07:00 +12:00", "strike", until="2027-06-11 07:00 +12:00", where="Auckland")],
         url="https://www.example.co.nz/health"),
    Case("long-edinburgh-storytelling-release", "culture", "2027-03-03",
         "EDINBURGH, 3 March 2027 — The Pentland Storytelling Festival returns for its ninth year from Friday 23 "
         "April to Sunday 25 April 2027, with more than 40 tellers from Scotland, Ireland, Norway and Ghana "
         "performing at the Netherbow Arts Centre on the Royal Mile.\n\n"
         "\"Stories are how a city remembers itself,\" said festival director Isla Carmichael. \"This year we have "
         "more tellers in Gaelic and Scots than ever before, and a whole strand of events for families.\"\n\n"
         "Last year's festival, held from 24 to 26 April 2026, drew 4,500 visitors and sold out 31 of its 38 "
         "events.\n\n"
         "Tickets go on sale on Monday 15 March at 10am.\n\n"
         "About the Pentland Storytelling Festival\n\n"
         "Founded in 2018 by the storyteller Duncan Reid, the festival is a registered Scottish charity supported "
         "by Creative Scotland and the City of Edinburgh Council.\n\n"
         "Media contact: Fiona Baird, press@pentlandstories.example, 0131 555 0192",
         [Want("2027-04-23", "Storytelling Festival", until="2027-04-25", where="Netherbow|Edinburgh")],
         url="https://www.example.co.uk/scotland"),
    Case("long-istanbul-map-exhibition-run", "culture", "2026-10-26",
         "ISTANBUL — More than 150 hand-drawn maps of the Bosphorus, some of them never before shown in public, "
         "will go on display this autumn in an exhibition drawn from three private collections.\n\n"
         "'The Strait Drawn: Maps of the Bosphorus, 1550–1900' opens at the Galata Museum of Cartography on 12 "
         "November and runs until 28 February 2027.\n\n"
         "\"Each of these maps is an argument about who the strait belonged to,\" said curator Elif Demirtaş. "
         "\"Venetian, Ottoman and Russian mapmakers all drew it differently.\"\n\n"
         "The museum opened in a restored customs warehouse in Karaköy in June 2021. Its previous exhibition, on "
         "Ottoman sea charts, closed on 4 October after drawing 60,000 visitors.",
         [Want("2026-11-12", "Strait Drawn|exhibition|Maps", until="2027-02-28", where="Galata Museum|Istanbul")],
         url="https://www.example.com.tr/culture"),
    Case("long-cape-town-memorial-obituary", "civic", "2026-10-02",
         "Professor Ruth Okonjo, the historian who founded the University of Cape Town's Centre for African "
         "Memory, has died at the age of 85.\n\n"
         "Born in Enugu, Nigeria, on 3 May 1941, she moved to South Africa in 1994 and taught at the university "
         "for more than two decades. Her book 'Rivers of Salt' won the Cape Literary Prize in 2004.\n\n"
         "\"She taught a generation of us that archives are made by people, and can be unmade by them,\" said Dr "
         "Sipho Mahlangu, a former student.\n\n"
         "She died peacefully at her home in Rondebosch on 28 September.\n\n"
         "A memorial service will be held at St George's Cathedral, Cape Town, on Friday 16th October at 11am. The "
         "family has asked that, instead of flowers, donations be made to the Centre's bursary fund.",
         [Want("2026-10-16 11:00 +02:00", "memorial|Okonjo", where="St George's Cathedral|Cape Town")],
         url="https://www.example.co.za/obituaries"),
    Case("long-toronto-subway-weekend-closure", "transit", "2026-11-09",
         "TORONTO — There will be no subway service on Line 1 between St Clair and Union stations on the weekend "
         "of Saturday, Nov. 14 and Sunday, Nov. 15, while crews replace track and signal equipment, the city's "
         "transit operator said.\n\n"
         "Shuttle buses will run every three to five minutes along Yonge Street, stopping at or near each closed "
         "station. Wheel-Trans service will not be affected.\n\n"
         "\"We know weekend closures are frustrating, and we have tried to keep them to a minimum,\" said Andrea "
         "Kowalski, the operator's chief of infrastructure. \"This work lets us retire signals that date from the "
         "1950s.\"\n\n"
         "The same section was last closed on the weekend of Aug. 22 and 23, when crews replaced a switch near "
         "Bloor station.",
         [Want("2026-11-14", "closure|closed|Line 1|subway", until="2026-11-15", where="Toronto|St Clair|Union")],
         url="https://www.example.ca/toronto"),
    Case("long-otago-memorial-lecture-nzdt", "academic", "2026-10-06",
         "DUNEDIN — The chemist Professor Amira Haddad will deliver the 2026 Hartley Memorial Lecture at the "
         "University of Otago on Wednesday 21 October.\n\n"
         "The lecture, 'Molecules That Remember', will begin at 5.30pm in the Castle Lecture Theatre. Admission is "
         "free, but registration is required by 16 October.\n\n"
         "Professor Haddad won the Aotearoa Science Prize in 2019 for her work on shape-memory polymers. She was "
         "previously a visiting fellow at Otago in 2011.\n\n"
         "The lecture series honours the geologist Margaret Hartley, who taught at the university from 1948 to "
         "1982. Past speakers include the astronomer Rangi Pōtae, who gave the 2025 lecture on 15 October last "
         "year.",
         [Want("2026-10-21 17:30 +13:00", "Hartley Memorial Lecture|lecture|Molecules That Remember",
               where="Castle Lecture Theatre|Otago|Dunedin")], url="https://www.example.ac.nz/news"),
    Case("long-kerala-lamp-festival-holiday", "religion", "2027-02-22",
         "THIRUVALLA: The district administration has declared a local holiday for all schools and government "
         "offices in Thiruvalla taluk on Wednesday, March 3, for the Thiruvalla Lamp Festival, when more than three "
         "lakh devotees are expected to light oil lamps along the banks of the Manimala river.\n\n"
         "District Collector Dr. Meera Krishnan said at a review meeting on Monday that 1,200 police personnel "
         "would be deployed. KSRTC will operate special services from Kottayam, Chengannur and Pathanamthitta.\n\n"
         "\"Devotees are requested to avoid bringing plastic to the riverbank,\" she said.\n\n"
         "Last year's festival, on February 12, 2026, saw a stampede scare near the temple gate after a barricade "
         "gave way, leaving 14 people injured.",
         [Want("2027-03-03", "Lamp Festival|holiday", where="Thiruvalla")], url="https://www.example.in/kerala"),
    # ---- long: change reports ---------------------------------------------------------------------------
    Case("change-long-wellington-concert-new-date", "change", "2026-11-24",
         "WELLINGTON — Singer-songwriter Aroha Kingi has postponed her Wellington concert, originally set for "
         "Friday 4 December at the Michael Fowler Centre, to Saturday 20 February 2027 after damaging her vocal "
         "cords.\n\n"
         "\"I'm heartbroken, but my doctors have been very clear that I need to rest my voice for at least six "
         "weeks,\" Kingi said in a statement on Tuesday.\n\n"
         "Tickets already bought remain valid for the new date. Fans who cannot attend can request a refund until "
         "18 December.\n\n"
         "The tour, her first in five years, opened in Dunedin on 14 November and played Christchurch on 21 "
         "November.",
         [Want("2027-02-20", "Kingi|concert", status="rescheduled", original="2026-12-04",
               where="Michael Fowler Centre|Wellington")], url="https://www.example.co.nz/entertainment"),
    Case("change-long-riga-forum-cancelled", "change", "2026-08-31",
         "RIGA — The Baltic Energy Ministers' Forum, due to take place in Riga on 9 and 10 September, has been "
         "cancelled, Latvia's Ministry of Economics said on Monday.\n\n"
         "The ministry gave no reason, but officials said privately that several delegations had declined to "
         "attend after a dispute over electricity interconnector tariffs.\n\n"
         "\"The ministers remain in close contact and will continue their work through existing channels,\" "
         "ministry spokesman Jānis Ozoliņš said.\n\n"
         "The forum was last held in Vilnius on 18 and 19 September 2025, when ministers from Estonia, Latvia, "
         "Lithuania, Poland and Finland signed a joint declaration on grid security.",
         [Want("2026-09-09", "Forum|Energy Ministers", until="2026-09-10", status="cancelled", where="Riga")],
         url="https://www.example.lv/en/news"),
    Case("change-long-glasgow-comic-fair-venue", "change", "2026-09-21",
         "The Clydeside Comic Fair will move from Kelvin Hall to the Emirates Arena for this year's event on 17 "
         "and 18 October, after surveyors found damage to the hall's roof, organisers said on Monday.\n\n"
         "The fair, now in its sixth year, expects 12,000 visitors and more than 200 exhibitors, from "
         "self-published artists to major publishers.\n\n"
         "\"The Emirates Arena gives us more space and better access, so in a way the roof has done us a favour,\" "
         "said organiser Callum Dewar.\n\n"
         "Tickets bought for Kelvin Hall will be valid at the new venue. Opening hours are unchanged at 10am to 6pm "
         "on both days.\n\n"
         "Last year's fair, on 11 and 12 October 2025, raised £8,000 for Glasgow's children's hospital charity.",
         [Want("2026-10-17", "Comic Fair", until="2026-10-18", status="rescheduled", where="Emirates Arena")],
         url="https://www.example.co.uk/glasgow"),
    Case("change-long-tacoma-game-moved-up", "change", "2026-08-05",
         "TACOMA, Wash. — Sunday's game between the Tacoma Tides and the Spokane Pines at Cheney Stadium has been "
         "moved up to 1:05 p.m. from 6:05 p.m. Pacific because thunderstorms are forecast for the evening, the team "
         "announced Wednesday.\n\n"
         "Tickets for the original start time will be honored. Gates will open at 11:30 a.m.\n\n"
         "The Tides enter the four-game series two games behind the Pines in the Northwest Division. Spokane has "
         "won seven of the teams' 12 meetings so far this season, including a 9-2 rout on July 19.\n\n"
         "\"We'd rather play in the sun than sit through a rain delay,\" Tides general manager Maria Delgado said.",
         [Want("2026-08-09 13:05 -07:00", "Tides|Pines|game", status="rescheduled", where="Cheney Stadium")]),
    Case("change-long-marrakech-marathon-indefinite", "change", "2026-11-30",
         "MARRAKECH — The Atlas Desert Marathon, scheduled for 13 December, has been postponed indefinitely "
         "because of damage to roads on the course from last month's floods, organisers said on Monday.\n\n"
         "About 6,000 runners from 48 countries had registered for the race, which was to start and finish at the "
         "Menara Gardens.\n\n"
         "\"The safety of runners comes first. We will announce a new date as soon as the authorities have "
         "assessed the roads,\" race director Youssef El Amrani said.\n\n"
         "The 2025 edition, held on 14 December, was won by Ethiopia's Tadesse Bekele in 2:09:37. Registered "
         "runners will be able to transfer their entry or request a full refund.",
         [Want("2026-12-13", "Marathon", status="postponed", where="Marrakech|Menara")],
         url="https://www.example.ma/sport"),
    # ---- long: negatives ------------------------------------------------------------------------------
    Case("negative-long-bridge-anniversary", "negative", "2026-07-14",
         "Twenty-five years ago today, on 14 July 2001, the Kestrel Bridge over the River Tamar opened to traffic, "
         "cutting the journey between Saltash and Plymouth's western suburbs by twenty minutes.\n\n"
         "The bridge, designed by the engineer Helen Trevithick, was the longest cable-stayed span in Britain when "
         "it opened. It has since carried more than 300 million vehicles.\n\n"
         "\"People forget how long the queues were,\" said Bill Rowe, 78, who drove the first lorry across. \"I "
         "remember it like it was yesterday.\"\n\n"
         "A commemorative plaque was unveiled by the mayor on Sunday, and a short film about the bridge's "
         "construction is now showing at Saltash library.", [], url="https://www.example.co.uk/cornwall"),
    Case("negative-long-half-year-results", "negative", "2026-11-10",
         "LONDON — Harrowgate Retail Group reported a 9% fall in first-half pre-tax profit on Tuesday, blaming "
         "weak demand for furniture and higher energy costs at its warehouses.\n\n"
         "Pre-tax profit for the six months to 30 September fell to £84.2 million from £92.5 million a year "
         "earlier. Revenue was broadly flat at £1.31 billion.\n\n"
         "\"Consumers remain cautious about big-ticket purchases,\" chief executive Naomi Blake said. \"We are "
         "confident that the investments we have made will pay off when confidence returns.\"\n\n"
         "Shares fell 6% in morning trading. The group held its interim dividend at 3.1p per share.\n\n"
         "About Harrowgate Retail Group\n\n"
         "Harrowgate operates 240 stores in the UK and Ireland. It was listed on the London Stock Exchange in June "
         "1998.", [], url="https://www.example.co.uk/business"),
    Case("negative-long-tenancy-law-commencement", "negative", "2026-11-10",
         "DUBLIN — Landlords will be barred from ending most tenancies without a stated reason under a new law "
         "that comes into force on 1 January 2027, the Department of Housing has confirmed.\n\n"
         "The Residential Tenancies (Security of Tenure) Act was signed into law by the President on 20 October "
         "after a lengthy passage through the Oireachtas.\n\n"
         "\"This is the most significant change to renters' rights in a generation,\" Minister for Housing Aoife "
         "Brennan said.\n\n"
         "Landlord groups have warned that the law could push small investors out of the market. The Irish Small "
         "Landlords' Forum said it would publish an analysis of the act's likely effects later this year.", [],
         url="https://www.example.ie/news"),
    Case("negative-long-match-report-vague-next", "negative", "2026-10-18",
         "Bristol Harbourside came from two goals down to draw 2-2 with Exeter Quay at Ashton Meadow on Saturday, "
         "with substitute Kofi Mensah scoring in the 90th minute.\n\n"
         "Exeter had led through a penalty from Tom Hardy and a header from Liam Cross before half-time.\n\n"
         "\"We showed character, but we can't keep giving teams a two-goal start,\" Harbourside manager Pete "
         "Loughran said.\n\n"
         "Harbourside stay seventh in the table. They travel to Swindon later this month, before a run of three "
         "home games in November.", [], url="https://www.example.co.uk/football"),
    # ---- HTML fragments ------------------------------------------------------------------------------
    Case("html-bristol-jazz-listing", "culture", "2026-10-30",
         "<h3>What&rsquo;s on at The Lantern, Bristol</h3><p>Our November jazz nights:</p><ul><li><strong>Fri 6 "
         "Nov, 8pm</strong> &ndash; The Tamsin Reyes Trio</li><li><strong>Sat 14 Nov, 8pm</strong> &ndash; Okafor "
         "Brass Collective</li></ul><p>Doors 7pm &bull; Tickets &pound;15 / &pound;12 concessions</p>",
         [Want("2026-11-06 20:00 +00:00", "Tamsin Reyes", where="Lantern"),
          Want("2026-11-14 20:00 +00:00", "Okafor Brass", where="Lantern")], url="https://www.example.co.uk/lantern"),
    Case("html-imperial-colloquium-room", "academic", "2026-10-08",
         "<p><strong>Department of Physics Colloquium</strong></p><p>Speaker: Dr In&ecirc;s Varga (ETH "
         "Z&uuml;rich)<br>Title: <em>Quantum dots in warm rooms</em><br>Date: Thursday&nbsp;15&nbsp;October&nbsp;"
         "2026<br>Time: 16:00&ndash;17:00<br>Room: Blackett Laboratory, Lecture Theatre 1, Imperial College London"
         "</p><p>Tea &amp; coffee from 15:30 in the Level 8 common room.</p>",
         [Want("2026-10-15 16:00 +01:00", "Colloquium|Quantum dots", until="2026-10-15 17:00 +01:00",
               where="Blackett|Imperial")], url="https://www.example.ac.uk/physics/events"),
    Case("html-stockholm-launch-release", "business", "2026-10-20",
         "<p><strong>STOCKHOLM, 20 October 2026</strong> &ndash; Nordlys Audio AB today announced that it will "
         "present its new wireless speaker range at a launch event at M&uuml;nchenbryggeriet in Stockholm on "
         "<strong>Wednesday 4 November 2026 at 10:00 CET</strong>.</p><p>&ldquo;We have rebuilt our sound engine "
         "from the ground up,&rdquo; said CEO Johan Lindqvist.</p><p><strong>About Nordlys Audio</strong><br>"
         "Nordlys Audio was founded in Malm&ouml; in 2014 and sells its products in 22 markets.</p><p>Press "
         "contact: Sara Ek, +46 8 555 012 34</p>",
         [Want("2026-11-04 10:00 +01:00", "launch|Nordlys", where="Münchenbryggeriet|Stockholm")]),
    Case("html-eu-press-conference-cet", "politics", "2027-01-14",
         "<p><strong>Brussels, 14 January 2027</strong></p><p>The European Commission will present its proposal "
         "for a <strong>European Water Resilience Fund</strong> on Wednesday 27 January 2027. Executive "
         "Vice-President Karin Lundgren and Commissioner Tom&aacute;s Ferreira will hold a press conference at "
         "12:30 CET in the Berlaymont press room.</p><p>The press conference can be followed live on EbS.</p>"
         "<p><em>For more information:</em> Spokesperson&rsquo;s Service, +32 2 555 01 20</p>",
         [Want("2027-01-27 12:30 +01:00", "press conference|Water Resilience", where="Berlaymont|Brussels")],
         url="https://www.example.eu/presscorner"),
    Case("html-derby-school-letter-half-term", "school", "2026-10-21",
         "<p>Dear Parents &amp; Carers,</p><p>Please note that Hollybank Primary School, Derby will be <strong>"
         "closed to pupils on Monday 2nd November</strong> for a staff training (INSET) day.</p><p>Half term runs "
         "from Monday 26th October to Friday 30th October.</p><p>Kind regards,<br>Mrs J. Patel<br>Headteacher</p>",
         [Want("2026-10-26", "half term|half-term", until="2026-10-30"),
          Want("2026-11-02", "INSET|training|closed", where="Hollybank|Derby")]),
    Case("html-tour-dates-dotted", "culture", "2026-12-01",
         "<p><strong>Kestrel Moon &ndash; European Tour 2027</strong></p><ul><li>12.03.2027 &ndash; Berlin, "
         "Columbiahalle</li><li>14.03.2027 &ndash; Vienna, Gasometer</li><li>17.03.2027 &ndash; Zurich, X-TRA</li>"
         "</ul><p>Tickets on sale Friday 4 December at 10:00 CET.</p>",
         [Want("2027-03-12", "Kestrel Moon|concert|show", where="Columbiahalle|Berlin"),
          Want("2027-03-14", "Kestrel Moon|concert|show", where="Gasometer|Vienna"),
          Want("2027-03-17", "Kestrel Moon|concert|show", where="X-TRA|Zurich")],
         url="https://www.example.de/musik"),
    Case("change-html-leicester-market-cancelled", "change", "2026-11-06",
         "<p><strong>UPDATE:</strong> This Sunday&rsquo;s Farmers&#39; Market at Victoria Park, Leicester is "
         "<strong>cancelled</strong> because of the forecast high winds.</p><p>We&rsquo;ll be back as usual next "
         "month. Thanks for your understanding!</p>",
         [Want("2026-11-08", "Market", status="cancelled", where="Victoria Park")]),
    Case("change-html-kendal-kickoff-moved", "change", "2026-10-19",
         "<p>&#9888;&#65039; <strong>Fixture change</strong></p><p>Our home game against Carlisle Rovers on "
         "<strong>Saturday 24th October</strong> will now kick off at <strong>12:30</strong> (was 3pm) for live TV "
         "coverage.</p><p>Venue: Parkside Road, Kendal<br>Season tickets valid &amp; turnstiles open at 11:30.</p>",
         [Want("2026-10-24 12:30 +01:00", "Carlisle|game|match", status="rescheduled", where="Parkside")],
         url="https://www.kendalathletic.example/news", title="Kendal Athletic: fixture change"),
    Case("negative-html-newsletter-roundup", "negative", "2026-10-23",
         "<h2>Autumn Term Round-up</h2><p>What a half term it has been! Our <strong>Harvest Festival</strong> on "
         "2nd October raised &pound;640 for the Derby food bank, and Year 4 loved their trip to the National Space "
         "Centre on 9th October.</p><ul><li>Congratulations to the under-11 netball team, county champions on "
         "17th October</li><li>Thank you to everyone who came to our coffee morning last Friday</li></ul>", []),
    Case("negative-html-inflation-published", "negative", "2026-09-17",
         "<p><strong>UK inflation eases to 2.4%</strong></p><p>Consumer price inflation fell to 2.4% in the 12 "
         "months to August 2026, down from 2.7% in July, according to figures published by the Office for "
         "National Statistics on Wednesday&nbsp;16&nbsp;September.</p><p>The largest downward contribution came "
         "from motor fuels. Food prices rose 3.1%.</p>", [], url="https://www.example.co.uk/economy"),
    # ---- short items in new formats ---------------------------------------------------------------------
    Case("tweet-leeds-gig-slash-date", "culture", "2026-11-09",
         "🎸 The Paper Foxes LIVE at Harbour Hall, Leeds – Fri 13/11, doors 7pm! Last few tix via the link in bio "
         "🔥 #Leeds #livemusic",
         [Want("2026-11-13 19:00 +00:00", "Paper Foxes", where="Harbour Hall")]),
    Case("sms-nairobi-water-interruption-iso", "civic", "2026-11-12",
         "NCWSC: Dear customer, there will be a planned water interruption in Westlands & Parklands, Nairobi on "
         "2026-11-17 from 8AM to 5PM for pipe repairs. Kindly store enough water. Enq: 0800 720 000",
         [Want("2026-11-17 08:00 +03:00", "water|interruption", until="2026-11-17 17:00 +03:00",
               where="Westlands|Nairobi")]),
    Case("minutes-great-missenden-next-meeting", "civic", "2026-12-10",
         "Minutes of the meeting of Great Missenden Parish Council held on Tuesday 8 December 2026.\n\n"
         "10. Correspondence: noted.\n\n"
         "11. Date of next meeting: RESOLVED that the next meeting of the Council be held on Tuesday 12th January "
         "2027 at 7.30pm in the Memorial Hall, Great Missenden.\n\nThe meeting closed at 9.12pm.",
         [Want("2027-01-12 19:30 +00:00", "Parish Council|meeting", where="Memorial Hall|Great Missenden")]),
    Case("school-cardiff-parents-evening", "school", "2027-01-25",
         "Ysgol Bryn Glas, Cardiff — Year 9 Parents' Evening will take place on Thursday 4 February from 4.30pm "
         "to 7pm in the Main Hall. Please book appointments through the School Gateway app by Monday 1 February.",
         [Want("2027-02-04 16:30 +00:00", "Parents' Evening|Parents", until="2027-02-04 19:00 +00:00",
               where="Main Hall|Bryn Glas|Cardiff")]),
    Case("school-brackley-leavers-assembly", "school", "2026-07-08",
         "Brackley Park Primary School newsletter: The Year 6 Leavers' Assembly will be on Friday 17th July at 2pm "
         "in the school hall. All families are welcome; please arrive by 1.45pm.",
         [Want("2026-07-17 14:00 +01:00", "Leavers' Assembly|Assembly", where="Brackley")]),
    Case("transit-tyne-engineering-weekend", "transit", "2026-11-02",
         "Engineering works: Saturday 7 and Sunday 8 November. No trains will run between Newcastle and "
         "Sunderland on either day while we renew track at Pelaw. Rail replacement buses will run every 15 "
         "minutes from Newcastle Central Station. — Tyne Coast Rail",
         [Want("2026-11-07", "engineering|trains|works|Rail", until="2026-11-08",
               where="Newcastle|Sunderland|Pelaw")]),
    Case("transit-halifax-detour-ast", "transit", "2027-03-01",
         "Halifax Transit service change: Route 4 buses will detour via Robie Street from 10 p.m. Friday, March 5 "
         "to 5 a.m. Monday, March 8 because of water main work on Quinpool Road. Stops between Oxford Street and "
         "Windsor Street will not be served.",
         [Want("2027-03-05 22:00 -04:00", "detour|Route 4", until="2027-03-08 05:00 -04:00",
               where="Halifax|Robie|Quinpool")]),
    Case("un-hrc-special-session-after-dst", "politics", "2026-10-12",
         "GENEVA (12 October 2026) – The UN Human Rights Council will hold a special session on the humanitarian "
         "situation in the Sahel on Monday 26 October, starting at 10 a.m. in Room XX of the Palais des Nations, "
         "following a request by 19 member States.",
         [Want("2026-10-26 10:00 +01:00", "special session|Human Rights Council", where="Palais des Nations|Geneva")]),
    Case("un-crc-session-span", "politics", "2026-12-14",
         "The Committee on the Rights of the Child will review the reports of Chile, Ghana and Viet Nam at its "
         "ninety-sixth session, which opens at the Palais Wilson in Geneva on 11 January 2027 and closes on 29 "
         "January 2027. The meetings will be webcast.",
         [Want("2027-01-11", "session|Committee", until="2027-01-29", where="Palais Wilson|Geneva")]),
    Case("eu-agrifish-council-page", "politics", "2027-06-07",
         "Agriculture and Fisheries Council, 14–15 June 2027\n\n"
         "Venue: European Convention Center, Luxembourg\n\n"
         "EU agriculture and fisheries ministers will discuss the fishing opportunities for 2028 and the market "
         "situation following the drought in southern Europe.",
         [Want("2027-06-14", "Agriculture and Fisheries Council|Council|ministers", until="2027-06-15",
               where="European Convention Center|Luxembourg")]),
    Case("governing-body-korfball-hosts", "sport", "2026-12-08",
         "STATEMENT — The International Korfball Alliance is pleased to confirm that the 2027 World Mixed "
         "Championship will be staged in Kuala Lumpur, Malaysia, from 6th to 12th December 2027, following a "
         "unanimous vote of its Executive Board on Monday.",
         [Want("2027-12-06", "World Mixed Championship|Championship", until="2027-12-12", where="Kuala Lumpur")]),
    Case("seminar-berkeley-dwinelle-pipes", "academic", "2026-11-13",
         "Phonology Seminar | Wed, Nov 18 | 3:10–4:30 pm | 370 Dwinelle Hall, UC Berkeley\n"
         "Prof. Hana Kurosawa (Osaka University), \"Pitch accent in contact: Evidence from Hawai'i Japanese\"\n"
         "All are welcome. Refreshments after the talk.",
         [Want("2026-11-18 15:10 -08:00", "Phonology Seminar|Pitch accent|Kurosawa",
               until="2026-11-18 16:30 -08:00", where="Dwinelle")]),
    Case("holiday-ethiopia-meskel-and-eve", "religion", "2026-09-21",
         "ADDIS ABABA — The Ministry of Labour and Skills has announced that Meskel, the Finding of the True Cross, "
         "will be observed as a public holiday on Sunday, 27 September 2026. The main celebration will be held at "
         "Meskel Square on the eve of the holiday, Saturday 26 September, from 2pm.",
         [Want("2026-09-26 14:00 +03:00", "celebration|Meskel|Demera", where="Meskel Square"),
          Want("2026-09-27", "Meskel|holiday", where="Ethiopia|Addis Ababa")], url="https://www.example.et/news"),
    Case("change-statement-netball-postponed", "change", "2026-11-17",
         "Statement from the Southern Africa Netball Union: Saturday's Tri-Nations match between Zimbabwe and "
         "Zambia at the City Sports Centre in Harare has been postponed owing to a travel disruption affecting the "
         "Zambian squad. A new date will be communicated in due course.",
         [Want("2026-11-21", "Tri-Nations|Zimbabwe|Zambia|match", status="postponed",
               where="City Sports Centre|Harare")]),
    Case("change-tweet-roundhouse-tonight", "change", "2026-10-16",
         "⚠️ Tonight's show at the Roundhouse is CANCELLED — Juniper Vale has laryngitis. Refunds from point of "
         "purchase. We're so sorry, London 💔",
         [Want("2026-10-16", "Juniper Vale|show", status="cancelled", where="Roundhouse")]),
    Case("change-sms-ferry-sailings", "change", "2026-12-03",
         "Hebridean Link ALERT: Due to forecast gales, all sailings Oban–Craignure on Sat 05/12 are cancelled. "
         "Check hebrideanlink.example before travelling.",
         [Want("2026-12-05", "sailings|Oban|Craignure", status="cancelled", where="Oban|Craignure")]),
    Case("negative-tweet-venue-birthday", "negative", "2026-11-14",
         "Happy 10th birthday to us! 🎂 Harbour Hall opened its doors on 14 Nov 2016 with a sold-out show from "
         "The Lanterns. Thank you Leeds for a decade of gigs 💛", []),
    Case("negative-notice-grant-deadline", "negative", "2027-01-04",
         "REMINDER: Applications for the 2027 Creative Communities micro-grants close at 5pm on Friday 15 "
         "January. Grants of up to £2,500 are available for arts projects in Cornwall. Apply online at "
         "cornwallarts.example/grants.", []),
    Case("negative-sms-data-released", "negative", "2026-11-12",
         "CSO: Unemployment rate 4.1% in October 2026, down from 4.3% in September. Figures released today. Full "
         "release: cso.example/lm", []),
    Case("negative-minutes-next-meeting-tbc", "negative", "2026-12-03",
         "Minutes of the Annual Meeting of the Ashby Allotment Society, held on 1 December 2026.\n\n"
         "8. Any other business: none.\n\n9. Date of next meeting: to be confirmed in the new year.\n\n"
         "The Chair thanked members and closed the meeting at 8.40pm.", []),
]


# Misses still open, each with what the detector does instead. strict: a fix makes the test fail
# until its entry is removed here.
KNOWN_MISSES: dict[str, str] = {
    # no event at all: the date is found but "nothing happens in its sentence", or the date is not read
    "change-sms-ferry-sailings": "no event: 'Sat 05/12' is not read as a date (no mention at all)",
    "change-long-tacoma-game-moved-up": "no event: \"Sunday's game ... has been moved up\" read as the past Sunday "
                                        "(2 Aug); the times as 'past'",
    # extra events from non-event dates and times
    "long-sandton-agm-notice": "extra all-day 18 Jun 'Khumalo & Partners meeting' from the record date; AGM itself "
                               "right",
    "long-malawi-by-elections": "extra 5 Apr 'MEC news conference' (the day it was said); by-elections right",
    # a second event in the text dropped, or a span cut short
    "long-sydney-fun-run-two-starts": "kids' dash at 9.30am dropped; run at 07:00 +00:00 (no Sydney zone), placed at "
                                      "'Opera House'",
    # listings and headings
    # titles that lose the event
    "long-canberra-budget-aest": "titled 'House of Representatives begin'; the budget is lost",
    "long-brazil-president-two-legs": "Lisbon leg titled 'Duarte talks'; Madrid leg titled 'Duarte state visit to "
                                      "Portugal'",
    "html-eu-press-conference-cet": "titled 'European Commission'; the press conference and the fund are lost",
    # clock-time offsets
    "long-kourou-rocket-launch-local-time": "21:14 at +01:00: Guiana Space Centre placed in 'France' and given Paris "
                                            "time",
    "seminar-berkeley-dwinelle-pipes": "15:10 at +09:00: 'Dwinelle Hall, Japan' from the speaker's Osaka University",
    "school-brackley-leavers-assembly": "14:00 at +00:00 in July and no location: 'Brackley Park Primary School' "
                                        "gives no place",
    # places
    "long-kerala-lamp-festival-holiday": "location 'India': Thiruvalla is not found",
    "change-html-kendal-kickoff-moved": "location 'Kendal': the ground in 'Venue: Parkside Road, Kendal' is dropped",
    "change-tweet-roundhouse-tonight": "location 'London' not the Roundhouse; titled 'Tonight show' without Juniper "
                                       "Vale",
    # statuses
    "long-sheffield-sentencing-ordinal": "status 'postponed' from 'adjourned the case for reports' though the "
                                         "sentencing is newly set",
}




@pytest.mark.parametrize("case", case_params(CASES, KNOWN_MISSES))
def test_heldout5(case: Case) -> None:
    check_case(case)


def test_heldout5_is_sixty_of_every_kind() -> None:
    assert len(CASES) == 60
    assert len({c.name for c in CASES}) == len(CASES)
    assert sum(1 for c in CASES if c.kind == "negative") >= 8
    assert sum(1 for c in CASES if c.kind == "change") >= 8
