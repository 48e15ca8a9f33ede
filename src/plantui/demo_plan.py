"""The example plan that `plantui demo` loads, as plain data.

It is built from the two seed documents (shared/seeds): a call to BAME community-sector
leaders in Southwark to finish a 12-month health inequalities action plan, and a National
Voices post about its member workshops on health inequity. The organisations, events and
dates those documents name are real. Everything they leave out is illustrative: the words
of the asks, pledges, actions and notes, the names of the Southwark community
organisations, their contacts (example.org addresses and 020 7946 0xxx drama-range phone
numbers), and every figure.

Each entry is (key, type, fields). A field value "@<key>" refers to an entry earlier in
the list; the loader gives every record its id and turns those references into ids.
"""

from __future__ import annotations

DEMO_RECORDS: list[tuple[str, str, dict[str, object]]] = [
    # ------------------------------------------------------------------ the plan
    (
        "plan",
        "plan",
        {
            "title": (
                "Journey to better health outcomes: BAME health inequalities action plan "
                "for Southwark"
            ),
            "summary": (
                "A 12-month action plan co-produced by leaders of Black, Asian and minority "
                "ethnic (BAME) led community organisations in Southwark with decision makers "
                "from Southwark Council, public health, the NHS and the integrated care "
                "system. It follows the 'Journey to better health outcomes for Southwark's "
                "BAME community' events of November 2023, March 2024 and 18 July 2024 and "
                "the meeting with decision makers in October/November 2024, and sets out how "
                "8 asks will be delivered. This example is built from two public documents: "
                "the named events, dates and organisations come from them (the public "
                "bodies are real Southwark bodies of the kinds they name), and the National "
                "Voices member workshops on health inequity are kept as related events. "
                "The words of the asks, pledges, actions and notes are illustrative, and so "
                "are the names of community organisations other than those in the seeds, "
                "their contacts and all figures. No pledge here was made in these words by "
                "the body shown."
            ),
            "area": "Southwark",
            "period_start": "2024-12-01",
            "period_end": "2025-11-30",
            "status": "active",
        },
    ),
    # ------------------------------------------------------------------ organisations
    # The national network and the members who led its conference workshops (seed 000).
    (
        "org_nv",
        "organisation",
        {
            "name": "National Voices",
            "short_name": "NV",
            "sector": "national_charity",
            "role": "community_lead",
            "notes": (
                "Coalition of health and care charities. Its conference 'How Can We "
                "Dismantle Health Inequity Together?' included six member workshops; three "
                "are recorded here as related events."
            ),
        },
    ),
    (
        "org_pel",
        "organisation",
        {
            "name": "The Patient Experience Library",
            "sector": "other",
            "role": "other",
            "notes": (
                "National Voices member. Co-led the 2 March conference workshop with "
                "Groundswell and Turning Point."
            ),
        },
    ),
    (
        "org_gsw",
        "organisation",
        {
            "name": "Groundswell",
            "sector": "national_charity",
            "role": "other",
            "notes": (
                "National Voices member. Co-led the 2 March conference workshop: "
                "partnerships, peer-led approaches and connections."
            ),
        },
    ),
    (
        "org_tp",
        "organisation",
        {
            "name": "Turning Point",
            "sector": "national_charity",
            "role": "other",
            "notes": "National Voices member. Co-led the 2 March conference workshop.",
        },
    ),
    (
        "org_yau",
        "organisation",
        {
            "name": "Youth Access UK",
            "short_name": "Youth Access",
            "sector": "national_charity",
            "role": "other",
            "notes": (
                "National Voices member. Led the 9 March conference workshop on racial "
                "injustice in healthcare with Birthrights."
            ),
        },
    ),
    (
        "org_br",
        "organisation",
        {
            "name": "Birthrights",
            "sector": "national_charity",
            "role": "other",
            "notes": (
                "National Voices member. Led the 9 March conference workshop on racial "
                "injustice in healthcare with Youth Access UK."
            ),
        },
    ),
    (
        "org_fcc",
        "organisation",
        {
            "name": "Future Care Capital",
            "sector": "national_charity",
            "role": "other",
            "notes": (
                "National Voices member. Co-led the 16 March workshop, 'The Human Within "
                "The Digital'."
            ),
        },
    ),
    (
        "org_mac",
        "organisation",
        {
            "name": "Macmillan Cancer Support",
            "short_name": "Macmillan",
            "sector": "national_charity",
            "role": "other",
            "notes": (
                "National Voices member. Co-led the 16 March workshop, 'The Human Within "
                "The Digital'."
            ),
        },
    ),
    (
        "org_cid",
        "organisation",
        {
            "name": "Compassion in Dying",
            "sector": "national_charity",
            "role": "other",
            "notes": (
                "National Voices member. Co-led the 16 March workshop, 'The Human Within "
                "The Digital'."
            ),
        },
    ),
    # Southwark BAME-led community organisations: names and contacts are illustrative.
    (
        "org_net",
        "organisation",
        {
            "name": "Southwark BAME Health Leaders Network",
            "short_name": "BHLN",
            "sector": "community",
            "role": "community_lead",
            "contact_name": "Abena Mensah",
            "contact_email": "abena.mensah@bhln.example.org",
            "contact_phone": "020 7946 0101",
            "notes": (
                "Convenes the 'Journey to better health outcomes' events and the community "
                "side of the steering group (illustrative organisation)."
            ),
        },
    ),
    (
        "org_pachf",
        "organisation",
        {
            "name": "Peckham African Caribbean Health Forum",
            "short_name": "PACHF",
            "sector": "community",
            "role": "community_lead",
            "contact_name": "Desmond Clarke",
            "contact_email": "d.clarke@pachf.example.org",
            "contact_phone": "020 7946 0214",
            "notes": (
                "One of the 6 BAME-led organisations that presented in March 2024. Runs "
                "health talks in churches and barbershops (illustrative organisation)."
            ),
        },
    ),
    (
        "org_wsfa",
        "organisation",
        {
            "name": "Walworth Somali Families Association",
            "short_name": "WSFA",
            "sector": "community",
            "role": "community_lead",
            "contact_name": "Hodan Warsame",
            "contact_email": "hodan@wsfa.example.org",
            "contact_phone": "020 7946 0327",
            "notes": (
                "One of the 6 BAME-led organisations that presented in March 2024. Family "
                "support, advocacy and a mothers' group (illustrative organisation)."
            ),
        },
    ),
    (
        "org_eclah",
        "organisation",
        {
            "name": "Elephant and Castle Latin American Health Project",
            "short_name": "ECLAH",
            "sector": "community",
            "role": "community_lead",
            "contact_name": "Lucía Ramírez",
            "contact_email": "lucia@eclah.example.org",
            "contact_phone": "020 7946 0438",
            "notes": (
                "One of the 6 BAME-led organisations that presented in March 2024. Advice "
                "and health navigation in Spanish and Portuguese (illustrative organisation)."
            ),
        },
    ),
    (
        "org_svcep",
        "organisation",
        {
            "name": "Southwark Vietnamese and Chinese Elders Project",
            "short_name": "SVCEP",
            "sector": "community",
            "role": "community_lead",
            "contact_name": "Minh Tran",
            "contact_email": "minh.tran@svcep.example.org",
            "notes": (
                "One of the 6 BAME-led organisations that presented in March 2024. Lunch "
                "club, befriending and carers' support (illustrative organisation). No "
                "phone number on file."
            ),
        },
    ),
    (
        "org_cbmhc",
        "organisation",
        {
            "name": "Camberwell Black Mental Health Collective",
            "short_name": "CBMHC",
            "sector": "community",
            "role": "community_lead",
            "contact_name": "Marcia Thompson",
            "contact_email": "marcia@cbmhc.example.org",
            "contact_phone": "020 7946 0559",
            "notes": (
                "One of the 6 BAME-led organisations that presented in March 2024. Peer "
                "support and advocacy for Black people using mental health services "
                "(illustrative organisation)."
            ),
        },
    ),
    (
        "org_rbwhg",
        "organisation",
        {
            "name": "Rotherhithe Bangladeshi Women's Health Group",
            "short_name": "RBWHG",
            "sector": "community",
            "role": "community_lead",
            "contact_name": "Shahana Begum",
            "contact_phone": "020 7946 0662",
            "notes": (
                "One of the 6 BAME-led organisations that presented in March 2024. Exercise, "
                "cooking and diabetes-prevention groups for women (illustrative "
                "organisation). Prefers contact by phone."
            ),
        },
    ),
    (
        "org_sci",
        "organisation",
        {
            "name": "Southwark Community Interpreters Co-operative",
            "short_name": "SCI",
            "sector": "voluntary",
            "role": "delivery_partner",
            "contact_email": "bookings@sci-coop.example.org",
            "contact_phone": "020 7946 0773",
            "notes": "Community interpreters in 14 languages (illustrative organisation).",
        },
    ),
    # Decision makers: real Southwark public bodies.
    (
        "org_sc",
        "organisation",
        {
            "name": "Southwark Council",
            "sector": "local_authority",
            "role": "decision_maker",
            "notes": "Adult social care, grants and commissioning, communications.",
        },
    ),
    (
        "org_sph",
        "organisation",
        {
            "name": "Southwark Public Health",
            "sector": "public_health",
            "role": "decision_maker",
            "notes": (
                "The council's public health team, recorded on its own because it makes "
                "its own pledges."
            ),
        },
    ),
    (
        "org_icb",
        "organisation",
        {
            "name": "NHS South East London Integrated Care Board",
            "short_name": "SEL ICB",
            "sector": "integrated_care",
            "role": "decision_maker",
            "notes": "Plans and pays for NHS services in south east London, Southwark included.",
        },
    ),
    (
        "org_gstt",
        "organisation",
        {
            "name": "Guy's and St Thomas' NHS Foundation Trust",
            "short_name": "GSTT",
            "sector": "nhs",
            "role": "decision_maker",
            "notes": "Hospital and community health services, maternity included.",
        },
    ),
    (
        "org_slam",
        "organisation",
        {
            "name": "South London and Maudsley NHS Foundation Trust",
            "short_name": "SLaM",
            "sector": "nhs",
            "role": "decision_maker",
            "notes": "Mental health services for Southwark.",
        },
    ),
    (
        "org_ps",
        "organisation",
        {
            "name": "Partnership Southwark",
            "sector": "integrated_care",
            "role": "decision_maker",
            "notes": (
                "Southwark's local health and care partnership within the integrated care "
                "system; co-chairs the plan's steering group."
            ),
        },
    ),
    # ------------------------------------------------------------------ events
    # National Voices conference workshops (seed 000).
    (
        "ev_nv_0302",
        "event",
        {
            "title": (
                "National Voices conference workshop: solution-focused action on health "
                "inequalities"
            ),
            "kind": "conference_session",
            "starts_at": "2023-03-02T14:15:00+00:00",
            "location": "National Voices conference",
            "status": "held",
            "description": (
                "One of six member workshops in the first three weeks of the National "
                "Voices conference 'How Can We Dismantle Health Inequity Together?', led on "
                "day one by The Patient Experience Library, Groundswell and Turning Point: a "
                "solution-focused approach to health inequalities, with a focus on "
                "partnerships, peer-led approaches and connections. The seed gives 2 March, "
                "2:15pm, but no year: the year 2023 is assumed."
            ),
        },
    ),
    (
        "ev_nv_0309",
        "event",
        {
            "title": (
                "National Voices conference workshop: addressing racial injustice in healthcare"
            ),
            "kind": "conference_session",
            "starts_at": "2023-03-09T14:15:00+00:00",
            "location": "National Voices conference",
            "status": "held",
            "description": (
                "A partnership between Youth Access UK and Birthrights on addressing racial "
                "injustice in healthcare, with a focus on organising with members and "
                "people with lived experience to actively dismantle systemic racism. The "
                "seed gives 9 March, 2:15pm, but no year: the year 2023 is assumed."
            ),
        },
    ),
    (
        "ev_nv_0316",
        "event",
        {
            "title": "National Voices conference workshop: The Human Within The Digital",
            "kind": "conference_session",
            "starts_at": "2023-03-16T14:15:00+00:00",
            "location": "National Voices conference",
            "status": "held",
            "description": (
                "The final workshop of the conference, led by Future Care Capital, Macmillan "
                "Cancer Support and Compassion in Dying, all three of which have used "
                "storytelling to improve health outcomes. The seed gives 16 March, 2:15pm, "
                "but no year: the year 2023 is assumed."
            ),
        },
    ),
    # The Southwark events (seed 002).
    (
        "ev_nov23",
        "event",
        {
            "title": (
                "Journey to better health outcomes for Southwark's BAME community: first event"
            ),
            "kind": "listening_event",
            "starts_at": "2023-11-16",
            "location": "Southwark, venue illustrative",
            "status": "held",
            "attendees_count": 32,
            "description": (
                "The first event of the initiative, bringing together leaders from the BAME "
                "health and social care community sector, the NHS, Southwark Council and the "
                "integrated health and care system. The first asks of decision makers were "
                "drafted here. The seeds give only 'November 2023': the day shown is "
                "illustrative."
            ),
        },
    ),
    (
        "ev_mar24",
        "event",
        {
            "title": (
                "Journey to better health outcomes for Southwark's BAME community: second event"
            ),
            "kind": "listening_event",
            "starts_at": "2024-03-14",
            "location": "Southwark, venue illustrative",
            "status": "held",
            "attendees_count": 45,
            "description": (
                "Six BAME-led community organisations presented to public sector health and "
                "social care decision makers the work they do in Southwark on the health "
                "inequalities their communities face. Community leaders presented 8 asks "
                "for action and put them in priority order; public sector and NHS providers "
                "made pledges to work with BAME leaders. The seeds give only 'March 2024': "
                "the day shown is illustrative."
            ),
        },
    ),
    (
        "ev_jul24",
        "event",
        {
            "title": (
                "Journey to better health outcomes for Southwark's BAME community: third event"
            ),
            "kind": "workshop",
            "starts_at": "2024-07-18",
            "ends_at": "2024-07-18",
            "location": "Southwark, venue illustrative",
            "status": "held",
            "attendees_count": 27,
            "description": (
                "Thursday 18 July 2024: a 3-hour workshop at which BAME community sector "
                "leaders, returning and new, continued and finished the draft 12-month "
                "action plan before it went to decision makers. The seed gives the date and "
                "length but not the start time."
            ),
        },
    ),
    (
        "ev_nov24",
        "event",
        {
            "title": "Meeting with decision makers to finalise the action plan",
            "kind": "decision_meeting",
            "starts_at": "2024-11-21",
            "location": "Southwark, venue illustrative",
            "status": "held",
            "attendees_count": 24,
            "description": (
                "BAME community leaders and decision makers from Southwark's public health "
                "and social care sector sat around the same table to discuss and finalise "
                "the plan. The seeds give only 'October/November 2024': the date shown is "
                "illustrative."
            ),
            "minutes": (
                "Minutes (illustrative).\n"
                "1. Community leaders presented the 8 asks in their agreed order of "
                "priority.\n"
                "2. Decision makers answered each ask in turn; the answers are recorded "
                "against each ask.\n"
                "3. Pledges P1-P3 and P5-P9 were made; P4 and P10, made in March 2024, were "
                "confirmed.\n"
                "4. The 12-month plan, 1 December 2024 to 30 November 2025, was agreed with "
                "a community owner and a public owner for each action where one could be "
                "named. Dates as agreed become the baseline.\n"
                "5. Ask A8 (social care and carers) was not reached and goes to the "
                "steering group.\n"
                "6. A steering group of community leaders and decision makers will meet "
                "every quarter, co-chaired by the network and Partnership Southwark."
            ),
        },
    ),
    # Steering meetings in the plan year.
    (
        "ev_sg_jan25",
        "event",
        {
            "title": "Steering group: quarterly review (January)",
            "kind": "steering_meeting",
            "starts_at": "2025-01-30T10:00:00+00:00",
            "ends_at": "2025-01-30T12:00:00+00:00",
            "location": "Southwark, venue illustrative",
            "status": "cancelled",
            "description": "Cancelled: too few decision makers could come. Moved to 6 March 2025.",
        },
    ),
    (
        "ev_sg_mar25",
        "event",
        {
            "title": "Steering group: first quarterly review",
            "kind": "steering_meeting",
            "starts_at": "2025-03-06T10:00:00+00:00",
            "ends_at": "2025-03-06T12:00:00+00:00",
            "location": "Southwark, venue illustrative",
            "status": "held",
            "attendees_count": 14,
            "description": "Progress on every action, the first three months of the plan.",
        },
    ),
    (
        "ev_sg_jun25",
        "event",
        {
            "title": "Steering group: second quarterly review",
            "kind": "steering_meeting",
            "starts_at": "2025-06-05T10:00:00+01:00",
            "ends_at": "2025-06-05T12:00:00+01:00",
            "location": "Southwark, venue illustrative",
            "status": "held",
            "attendees_count": 16,
            "description": (
                "Progress review at the half-way point; the first ethnicity dashboard was "
                "presented."
            ),
        },
    ),
    (
        "ev_tf_jul25",
        "event",
        {
            "title": "Commissioning task-and-finish meeting",
            "kind": "steering_meeting",
            "starts_at": "2025-07-17T14:00:00+01:00",
            "ends_at": "2025-07-17T16:00:00+01:00",
            "location": "Southwark, venue illustrative",
            "status": "planned",
            "description": (
                "To agree the three-year grants proposal (action 2.4) before it goes into "
                "the council's budget round."
            ),
        },
    ),
    (
        "ev_sg_sep25",
        "event",
        {
            "title": "Steering group: third quarterly review",
            "kind": "steering_meeting",
            "starts_at": "2025-09-11T10:00:00+01:00",
            "ends_at": "2025-09-11T12:00:00+01:00",
            "location": "Southwark, venue illustrative",
            "status": "planned",
            "description": (
                "Progress review; decisions due on ask A8 (social care and carers) and on "
                "GSTT's answer to the maternity ask."
            ),
        },
    ),
    (
        "ev_sg_nov25",
        "event",
        {
            "title": "Steering group: end-of-year review",
            "kind": "steering_meeting",
            "starts_at": "2025-11-20T10:00:00+00:00",
            "ends_at": "2025-11-20T13:00:00+00:00",
            "location": "Southwark, venue illustrative",
            "status": "planned",
            "description": "What the plan achieved in its year, and what goes into the next one.",
        },
    ),
    # ------------------------------------------------------------------ hosts and attendance
    ("host_0302_pel", "link", {"role": "hosts", "from": "@ev_nv_0302", "to": "@org_pel"}),
    ("host_0302_gsw", "link", {"role": "hosts", "from": "@ev_nv_0302", "to": "@org_gsw"}),
    ("host_0302_tp", "link", {"role": "hosts", "from": "@ev_nv_0302", "to": "@org_tp"}),
    ("host_0309_yau", "link", {"role": "hosts", "from": "@ev_nv_0309", "to": "@org_yau"}),
    ("host_0309_br", "link", {"role": "hosts", "from": "@ev_nv_0309", "to": "@org_br"}),
    ("host_0316_fcc", "link", {"role": "hosts", "from": "@ev_nv_0316", "to": "@org_fcc"}),
    ("host_0316_mac", "link", {"role": "hosts", "from": "@ev_nv_0316", "to": "@org_mac"}),
    ("host_0316_cid", "link", {"role": "hosts", "from": "@ev_nv_0316", "to": "@org_cid"}),
    ("host_nov23_net", "link", {"role": "hosts", "from": "@ev_nov23", "to": "@org_net"}),
    ("host_mar24_net", "link", {"role": "hosts", "from": "@ev_mar24", "to": "@org_net"}),
    ("host_jul24_net", "link", {"role": "hosts", "from": "@ev_jul24", "to": "@org_net"}),
    ("host_nov24_net", "link", {"role": "hosts", "from": "@ev_nov24", "to": "@org_net"}),
    ("host_nov24_ps", "link", {"role": "hosts", "from": "@ev_nov24", "to": "@org_ps"}),
    ("att_nv_0302", "link", {"role": "attended", "from": "@org_nv", "to": "@ev_nv_0302"}),
    ("att_nv_0309", "link", {"role": "attended", "from": "@org_nv", "to": "@ev_nv_0309"}),
    ("att_nv_0316", "link", {"role": "attended", "from": "@org_nv", "to": "@ev_nv_0316"}),
    ("att_nov23_net", "link", {"role": "attended", "from": "@org_net", "to": "@ev_nov23"}),
    ("att_nov23_pachf", "link", {"role": "attended", "from": "@org_pachf", "to": "@ev_nov23"}),
    ("att_nov23_cbmhc", "link", {"role": "attended", "from": "@org_cbmhc", "to": "@ev_nov23"}),
    ("att_nov23_sc", "link", {"role": "attended", "from": "@org_sc", "to": "@ev_nov23"}),
    ("att_mar24_net", "link", {"role": "attended", "from": "@org_net", "to": "@ev_mar24"}),
    ("att_mar24_pachf", "link", {"role": "attended", "from": "@org_pachf", "to": "@ev_mar24"}),
    ("att_mar24_wsfa", "link", {"role": "attended", "from": "@org_wsfa", "to": "@ev_mar24"}),
    ("att_mar24_eclah", "link", {"role": "attended", "from": "@org_eclah", "to": "@ev_mar24"}),
    ("att_mar24_svcep", "link", {"role": "attended", "from": "@org_svcep", "to": "@ev_mar24"}),
    ("att_mar24_cbmhc", "link", {"role": "attended", "from": "@org_cbmhc", "to": "@ev_mar24"}),
    ("att_mar24_rbwhg", "link", {"role": "attended", "from": "@org_rbwhg", "to": "@ev_mar24"}),
    ("att_mar24_sc", "link", {"role": "attended", "from": "@org_sc", "to": "@ev_mar24"}),
    ("att_mar24_sph", "link", {"role": "attended", "from": "@org_sph", "to": "@ev_mar24"}),
    ("att_mar24_icb", "link", {"role": "attended", "from": "@org_icb", "to": "@ev_mar24"}),
    ("att_mar24_gstt", "link", {"role": "attended", "from": "@org_gstt", "to": "@ev_mar24"}),
    ("att_mar24_slam", "link", {"role": "attended", "from": "@org_slam", "to": "@ev_mar24"}),
    ("att_mar24_ps", "link", {"role": "attended", "from": "@org_ps", "to": "@ev_mar24"}),
    ("att_jul24_net", "link", {"role": "attended", "from": "@org_net", "to": "@ev_jul24"}),
    ("att_jul24_wsfa", "link", {"role": "attended", "from": "@org_wsfa", "to": "@ev_jul24"}),
    ("att_jul24_eclah", "link", {"role": "attended", "from": "@org_eclah", "to": "@ev_jul24"}),
    ("att_jul24_svcep", "link", {"role": "attended", "from": "@org_svcep", "to": "@ev_jul24"}),
    ("att_jul24_rbwhg", "link", {"role": "attended", "from": "@org_rbwhg", "to": "@ev_jul24"}),
    ("att_nov24_net", "link", {"role": "attended", "from": "@org_net", "to": "@ev_nov24"}),
    ("att_nov24_cbmhc", "link", {"role": "attended", "from": "@org_cbmhc", "to": "@ev_nov24"}),
    ("att_nov24_sc", "link", {"role": "attended", "from": "@org_sc", "to": "@ev_nov24"}),
    ("att_nov24_sph", "link", {"role": "attended", "from": "@org_sph", "to": "@ev_nov24"}),
    ("att_nov24_icb", "link", {"role": "attended", "from": "@org_icb", "to": "@ev_nov24"}),
    ("att_nov24_gstt", "link", {"role": "attended", "from": "@org_gstt", "to": "@ev_nov24"}),
    ("att_nov24_slam", "link", {"role": "attended", "from": "@org_slam", "to": "@ev_nov24"}),
    ("att_nov24_ps", "link", {"role": "attended", "from": "@org_ps", "to": "@ev_nov24"}),
    # ------------------------------------------------------------------ asks, in priority order
    (
        "ask_1",
        "ask",
        {
            "ref_code": "A1",
            "title": "Culturally appropriate mental health support",
            "rank": "a0",
            "statement": (
                "We ask South London and Maudsley NHS Foundation Trust and the NHS South "
                "East London Integrated Care Board to co-design with BAME-led organisations, "
                "and to fund, community-based mental health support that is culturally "
                "appropriate, offered in trusted local venues and open without a GP referral."
            ),
            "problem": (
                "Black residents reach mental health services late, often in crisis and "
                "through the police or A&E rather than their GP. Baseline (illustrative): "
                "Black adults in Southwark are detained under the Mental Health Act at about "
                "four times the rate of white adults; of 300 people the community "
                "organisations support each year, fewer than 1 in 5 had been offered a "
                "talking therapy before they reached crisis."
            ),
            "status": "agreed",
            "raised_at": "@ev_nov23",
            "response": (
                "Agreed. SLaM will co-design a community-based offer with BAME-led "
                "organisations in the first half of 2025 (P1), and the ICB will fund a "
                "12-month pilot of community drop-in support run with them (P2)."
            ),
            "response_date": "2024-11-21",
            "theme": "Mental health",
            "population_group": "Black African and Black Caribbean adults",
        },
    ),
    (
        "ask_2",
        "ask",
        {
            "ref_code": "A2",
            "title": (
                "Fair funding, commissioning and a seat at the table for BAME-led organisations"
            ),
            "rank": "a1",
            "statement": (
                "We ask Southwark Council and Partnership Southwark to give BAME-led "
                "community organisations multi-year funding, a simpler route into "
                "commissioning, and a standing place where decisions about health "
                "inequalities are made."
            ),
            "problem": (
                "BAME-led organisations reach the people services miss, but on short grants "
                "that end before the work shows results. Baseline (illustrative): of 41 "
                "health and wellbeing grants the council made in 2023/24, 6 went to "
                "BAME-led organisations and none ran for more than 12 months; 4 of the 6 "
                "organisations that presented in March 2024 had never bid for a council "
                "contract because of the paperwork."
            ),
            "status": "partly_agreed",
            "raised_at": "@ev_nov23",
            "response": (
                "Partly agreed. The council will review its grants, publish a simpler "
                "commissioning guide and bring a proposal for three-year grants to the "
                "2026/27 budget round (P3). Partnership Southwark will keep BAME community "
                "leaders at the table through the steering group (P10). A ring-fenced share "
                "of funding was not agreed; it will be looked at again in the budget round."
            ),
            "response_date": "2024-11-21",
            "theme": "Commissioning and funding",
            "population_group": "BAME-led community organisations and the residents they serve",
        },
    ),
    (
        "ask_3",
        "ask",
        {
            "ref_code": "A3",
            "title": "Community health checks for high blood pressure and diabetes",
            "rank": "a2",
            "statement": (
                "We ask Southwark Public Health and Guy's and St Thomas' NHS Foundation "
                "Trust to run free health checks in places people already trust (churches, "
                "mosques, community centres, markets) with paid community health champions, "
                "and to give anyone with a high reading a quick route to care."
            ),
            "problem": (
                "High blood pressure and type 2 diabetes are more common among Black "
                "African, Black Caribbean and South Asian residents, and are found later. "
                "Baseline (illustrative): take-up of NHS Health Checks among eligible Black "
                "and South Asian residents was about 28% in 2023/24, against 41% overall; "
                "community groups report members first learning they had diabetes in A&E."
            ),
            "status": "agreed",
            "raised_at": "@ev_mar24",
            "response": (
                "Agreed. Public health will fund and run community health check sessions "
                "with trained champions (P4, made in March 2024), and GSTT will agree a "
                "follow-up pathway for people with high readings (P5)."
            ),
            "response_date": "2024-11-21",
            "theme": "Long-term conditions: high blood pressure and diabetes",
            "population_group": (
                "Black African, Black Caribbean and South Asian adults aged 40 and over"
            ),
        },
    ),
    (
        "ask_4",
        "ask",
        {
            "ref_code": "A4",
            "title": "Record ethnicity properly and share the data",
            "rank": "a3",
            "statement": (
                "We ask the NHS South East London Integrated Care Board and Southwark Public "
                "Health to improve how ethnicity is recorded in health records and to share "
                "data on access and outcomes by ethnicity with community leaders every "
                "quarter."
            ),
            "problem": (
                "Without good data, inequalities stay hidden and no one can show whether "
                "things are getting better. Baseline (illustrative): ethnicity was recorded "
                "for 78% of patients registered with Southwark GP practices, with 'not "
                "stated' or 'other' for a further 9%; community leaders had never been shown "
                "outcome data by ethnicity."
            ),
            "status": "agreed",
            "raised_at": "@ev_nov23",
            "response": (
                "Agreed. The ICB will audit and improve ethnicity recording and share a "
                "dashboard of access and outcomes by ethnicity with the steering group "
                "every quarter (P6)."
            ),
            "response_date": "2024-11-21",
            "theme": "Data and ethnicity recording",
            "population_group": "All BAME residents",
        },
    ),
    (
        "ask_5",
        "ask",
        {
            "ref_code": "A5",
            "title": "Professional interpreting and information in community languages",
            "rank": "a4",
            "statement": (
                "We ask Guy's and St Thomas' NHS Foundation Trust and Southwark Council to "
                "provide a professional interpreter for every clinical conversation that "
                "needs one, never relying on family members or children, and to publish key "
                "health and care information in the main community languages."
            ),
            "problem": (
                "Residents with limited English miss appointments, misunderstand treatment "
                "and depend on relatives, children included, to interpret. Baseline "
                "(illustrative): in a community survey of 120 older Vietnamese, Chinese, "
                "Somali and Latin American residents, 46% had used a family member to "
                "interpret at a hospital appointment in the past year."
            ),
            "status": "partly_agreed",
            "raised_at": "@ev_nov23",
            "response": (
                "Partly agreed. GSTT will audit interpreter use and train its staff to book "
                "professional interpreters (P7); the council will translate key information "
                "into six languages (P8). Interpreting in GP practices is for the ICB and "
                "was not agreed at the meeting."
            ),
            "response_date": "2024-11-21",
            "theme": "Language and accessible information",
            "population_group": (
                "Residents with limited spoken or written English, especially older people"
            ),
        },
    ),
    (
        "ask_6",
        "ask",
        {
            "ref_code": "A6",
            "title": "Safer, respectful maternity care for Black and Asian women",
            "rank": "a5",
            "statement": (
                "We ask Guy's and St Thomas' NHS Foundation Trust and the NHS South East "
                "London Integrated Care Board to listen to Black and Asian mothers in "
                "Southwark, act on what they hear, and work with community organisations to "
                "offer advocacy and continuity of care."
            ),
            "problem": (
                "National confidential enquiries have found again and again that Black "
                "women are several times more likely than white women to die in pregnancy "
                "or soon after. Mothers told the March 2024 event that they felt unheard "
                "when they raised concerns. Baseline (illustrative): 3 in 5 mothers in a "
                "community listening group said their pain or symptoms had been dismissed "
                "at least once."
            ),
            "status": "under_consideration",
            "raised_at": "@ev_mar24",
            "response": (
                "Under consideration. GSTT proposed a maternity pledge (P9) but asked to "
                "hear from mothers first; it will give its answer by September 2025."
            ),
            "response_date": "2024-11-21",
            "theme": "Maternity",
            "population_group": "Black and Asian women who are pregnant or new mothers",
        },
    ),
    (
        "ask_7",
        "ask",
        {
            "ref_code": "A7",
            "title": "A health and care workforce that reflects Southwark",
            "rank": "a6",
            "statement": (
                "We ask the NHS South East London Integrated Care Board and Southwark "
                "Council to set targets for BAME representation in senior health and care "
                "roles in Southwark, and to fund routes into health and care careers for "
                "local young people."
            ),
            "problem": (
                "Residents say they trust, and go back to, services where staff understand "
                "their culture. Baseline (illustrative): almost half of Southwark's "
                "residents are from Black, Asian and other minority ethnic groups, but fewer "
                "than 1 in 5 senior managers in local health and care organisations are."
            ),
            "status": "under_consideration",
            "raised_at": "@ev_mar24",
            "response": (
                "Under consideration. Workforce targets are set across south east London, "
                "so the ask was referred to the ICB's workforce leads. No pledge has been "
                "made yet."
            ),
            "response_date": "2024-11-21",
            "theme": "Workforce representation",
            "population_group": "BAME residents and health and care staff",
        },
    ),
    (
        "ask_8",
        "ask",
        {
            "ref_code": "A8",
            "title": "Culturally appropriate social care and support for carers",
            "rank": "a7",
            "statement": (
                "We ask Southwark Council to make home care, day services and carers' "
                "support culturally appropriate for older BAME residents, meeting language, "
                "food and faith needs, and to fund the BAME-led organisations that already "
                "support carers."
            ),
            "problem": (
                "Many older BAME residents and their carers do not use social care because "
                "it does not meet their language, food or faith needs, and carers cope "
                "alone until a crisis. Baseline (illustrative): the 6 organisations that "
                "presented support about 180 unpaid carers between them, and fewer than 1 "
                "in 4 of those carers has had a carer's assessment."
            ),
            "status": "raised",
            "raised_at": "@ev_mar24",
            "theme": "Social care and carers",
            "population_group": "Older BAME residents and unpaid carers",
        },
    ),
    # Who raised each ask, and of whom.
    ("rb_a1_cbmhc", "link", {"role": "raised_by", "from": "@ask_1", "to": "@org_cbmhc"}),
    ("rb_a1_pachf", "link", {"role": "raised_by", "from": "@ask_1", "to": "@org_pachf"}),
    ("rb_a2_net", "link", {"role": "raised_by", "from": "@ask_2", "to": "@org_net"}),
    ("rb_a2_wsfa", "link", {"role": "raised_by", "from": "@ask_2", "to": "@org_wsfa"}),
    ("rb_a2_eclah", "link", {"role": "raised_by", "from": "@ask_2", "to": "@org_eclah"}),
    ("rb_a3_pachf", "link", {"role": "raised_by", "from": "@ask_3", "to": "@org_pachf"}),
    ("rb_a3_rbwhg", "link", {"role": "raised_by", "from": "@ask_3", "to": "@org_rbwhg"}),
    ("rb_a4_net", "link", {"role": "raised_by", "from": "@ask_4", "to": "@org_net"}),
    ("rb_a5_svcep", "link", {"role": "raised_by", "from": "@ask_5", "to": "@org_svcep"}),
    ("rb_a5_eclah", "link", {"role": "raised_by", "from": "@ask_5", "to": "@org_eclah"}),
    ("rb_a5_wsfa", "link", {"role": "raised_by", "from": "@ask_5", "to": "@org_wsfa"}),
    ("rb_a6_wsfa", "link", {"role": "raised_by", "from": "@ask_6", "to": "@org_wsfa"}),
    ("rb_a6_pachf", "link", {"role": "raised_by", "from": "@ask_6", "to": "@org_pachf"}),
    ("rb_a7_net", "link", {"role": "raised_by", "from": "@ask_7", "to": "@org_net"}),
    ("rb_a8_svcep", "link", {"role": "raised_by", "from": "@ask_8", "to": "@org_svcep"}),
    ("rb_a8_rbwhg", "link", {"role": "raised_by", "from": "@ask_8", "to": "@org_rbwhg"}),
    ("dt_a1_slam", "link", {"role": "directed_to", "from": "@ask_1", "to": "@org_slam"}),
    ("dt_a1_icb", "link", {"role": "directed_to", "from": "@ask_1", "to": "@org_icb"}),
    ("dt_a2_sc", "link", {"role": "directed_to", "from": "@ask_2", "to": "@org_sc"}),
    ("dt_a2_ps", "link", {"role": "directed_to", "from": "@ask_2", "to": "@org_ps"}),
    ("dt_a3_sph", "link", {"role": "directed_to", "from": "@ask_3", "to": "@org_sph"}),
    ("dt_a3_gstt", "link", {"role": "directed_to", "from": "@ask_3", "to": "@org_gstt"}),
    ("dt_a4_icb", "link", {"role": "directed_to", "from": "@ask_4", "to": "@org_icb"}),
    ("dt_a4_sph", "link", {"role": "directed_to", "from": "@ask_4", "to": "@org_sph"}),
    ("dt_a5_gstt", "link", {"role": "directed_to", "from": "@ask_5", "to": "@org_gstt"}),
    ("dt_a5_sc", "link", {"role": "directed_to", "from": "@ask_5", "to": "@org_sc"}),
    ("dt_a6_gstt", "link", {"role": "directed_to", "from": "@ask_6", "to": "@org_gstt"}),
    ("dt_a6_icb", "link", {"role": "directed_to", "from": "@ask_6", "to": "@org_icb"}),
    ("dt_a7_icb", "link", {"role": "directed_to", "from": "@ask_7", "to": "@org_icb"}),
    ("dt_a7_sc", "link", {"role": "directed_to", "from": "@ask_7", "to": "@org_sc"}),
    ("dt_a8_sc", "link", {"role": "directed_to", "from": "@ask_8", "to": "@org_sc"}),
    # ------------------------------------------------------------------ pledges
    (
        "pledge_1",
        "pledge",
        {
            "ref_code": "P1",
            "title": "Co-design a community mental health offer with BAME-led organisations",
            "commitment": (
                "We will work with BAME-led organisations as equal partners to co-design "
                "culturally appropriate, community-based mental health support, pay "
                "community members for their time, and adopt the agreed model in our "
                "Southwark community services."
            ),
            "made_by": "@org_slam",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-09-30",
            "lifecycle": "in_delivery",
            "completion": "limited",
            "target": (
                "Co-design group of at least 8 people with lived experience; service model "
                "signed off by May 2025"
            ),
            "result": (
                "Co-design group of 10 formed and mapping finished. Sign-off of the model "
                "has moved from 15 May to 10 July 2025."
            ),
            "next_steps": "Final co-design workshop in late June; SLaM sign-off by 10 July.",
        },
    ),
    (
        "pledge_2",
        "pledge",
        {
            "ref_code": "P2",
            "title": "Fund a community drop-in mental health pilot run with BAME-led organisations",
            "commitment": (
                "We will fund a 12-month pilot of community drop-in mental health support, "
                "delivered by BAME-led organisations with SLaM, and evaluate it with them."
            ),
            "made_by": "@org_icb",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-11-30",
            "lifecycle": "in_delivery",
            "completion": "limited",
            "target": (
                "£120,000 for 12 months (illustrative); 2 drop-in sessions a week; at least "
                "250 people supported"
            ),
            "result": "Funding approved in March 2025; peer supporter training under way.",
            "next_steps": "First drop-in session in September 2025, once the model is signed off.",
        },
    ),
    (
        "pledge_3",
        "pledge",
        {
            "ref_code": "P3",
            "title": "Multi-year grants and a simpler route into commissioning",
            "commitment": (
                "We will review our health and wellbeing grants with BAME-led "
                "organisations, publish a simpler commissioning guide written with them, "
                "and bring a proposal for three-year grants to the 2026/27 budget round."
            ),
            "made_by": "@org_sc",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-11-03",
            "lifecycle": "in_delivery",
            "completion": "limited",
            "target": (
                "Grants review by February 2025; guide published by May 2025; three-year "
                "grants round open by November 2025"
            ),
            "result": (
                "Grants review finished in February 2025. The guide is late: it is still "
                "with procurement and legal colleagues."
            ),
            "next_steps": "Publish the guide by 27 June 2025; grants proposal to the July meeting.",
        },
    ),
    (
        "pledge_4",
        "pledge",
        {
            "ref_code": "P4",
            "title": "Community health checks in trusted venues",
            "commitment": (
                "We will fund and run free community health checks in venues chosen by "
                "BAME-led organisations, with community health champions who are trained "
                "and paid for their time."
            ),
            "made_by": "@org_sph",
            "made_at": "@ev_mar24",
            "made_on": "2024-03-14",
            "due": "2025-10-31",
            "lifecycle": "in_delivery",
            "completion": "substantial",
            "target": (
                "12 sessions and 600 checks by October 2025; at least 70% of people checked "
                "from Black and South Asian groups; 20 champions trained"
            ),
            "result": "20 champions trained; 5 of 12 sessions held by mid-June, 212 checks.",
            "next_steps": "Seven more sessions by October; interim evaluation in July and August.",
        },
    ),
    (
        "pledge_5",
        "pledge",
        {
            "ref_code": "P5",
            "title": "A quick route to care after a high reading",
            "commitment": (
                "We will agree with public health, GP practices and community organisations "
                "a follow-up pathway, so that anyone found at a community health check to "
                "have high blood pressure or blood sugar is seen promptly."
            ),
            "made_by": "@org_gstt",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-06-30",
            "lifecycle": "in_delivery",
            "completion": "limited",
            "target": (
                "Pathway agreed by April 2025; everyone referred offered an appointment within 6 "
                "weeks"
            ),
            "result": (
                "Route agreed; the 6-week standard is still being discussed with primary care."
            ),
            "next_steps": "Agree the waiting-time standard by 30 June 2025.",
        },
    ),
    (
        "pledge_6",
        "pledge",
        {
            "ref_code": "P6",
            "title": "Better ethnicity recording and a quarterly dashboard",
            "commitment": (
                "We will audit ethnicity recording in Southwark GP records, help practices "
                "improve it, and share a dashboard of access and outcomes by ethnicity with "
                "the steering group every quarter."
            ),
            "made_by": "@org_icb",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-11-30",
            "lifecycle": "in_delivery",
            "completion": "substantial",
            "target": (
                "Ethnicity recorded for 90% of registered patients by November 2025 (78% at "
                "baseline); dashboard shared every quarter from June 2025"
            ),
            "result": "Recording up to 84% by May 2025; first dashboard shared on 5 June 2025.",
            "next_steps": "Second dashboard to the September steering meeting.",
        },
    ),
    (
        "pledge_7",
        "pledge",
        {
            "ref_code": "P7",
            "title": "A professional interpreter for every clinical conversation",
            "commitment": (
                "We will audit how interpreters are used in our Southwark outpatient "
                "services, train frontline staff to book professional interpreters, and stop "
                "the use of family members and children to interpret in clinical "
                "conversations."
            ),
            "made_by": "@org_gstt",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-05-31",
            "lifecycle": "in_delivery",
            "completion": "substantial",
            "target": (
                "Audit by March 2025; 90% of outpatient reception and booking staff trained "
                "by May 2025"
            ),
            "result": (
                "Audit finished in March. Training had reached 80% of staff by early June, "
                "short of the 90% due by 31 May."
            ),
            "next_steps": (
                "Finish training in June; propose a trust interpreting standard by September 2025."
            ),
        },
    ),
    (
        "pledge_8",
        "pledge",
        {
            "ref_code": "P8",
            "title": "Key health and care information in six community languages",
            "commitment": (
                "We will translate our key public health and adult social care information "
                "into six community languages chosen with community organisations, and have "
                "the translations checked by readers from those communities."
            ),
            "made_by": "@org_sc",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-04-30",
            "lifecycle": "partly_met",
            "completion": "substantial",
            "target": (
                "Six languages by April 2025: Spanish, Portuguese, Somali, Vietnamese, "
                "Chinese and Bengali"
            ),
            "result": (
                "Published in Spanish, Portuguese, Vietnamese and Chinese in April 2025. The "
                "Somali and Bengali versions did not pass the community check."
            ),
            "next_steps": (
                "Somali and Bengali versions redone, checked by WSFA and RBWHG, and "
                "published by the end of August 2025."
            ),
        },
    ),
    (
        "pledge_9",
        "pledge",
        {
            "ref_code": "P9",
            "title": "Listen to Black and Asian mothers and act on what they say",
            "commitment": (
                "We propose to hear directly from Black and Asian mothers, with community "
                "organisations, and then to agree with them changes to how concerns raised "
                "in pregnancy are heard and acted on."
            ),
            "made_by": "@org_gstt",
            "made_at": "@ev_nov24",
            "made_on": "2024-11-21",
            "due": "2025-09-30",
            "lifecycle": "proposed",
            "completion": "not_started",
            "target": "To be agreed after hearing from mothers",
            "next_steps": "GSTT to answer the mothers' findings by September 2025.",
        },
    ),
    (
        "pledge_10",
        "pledge",
        {
            "ref_code": "P10",
            "title": "Keep BAME community leaders and decision makers at the same table",
            "commitment": (
                "We will bring decision makers together with BAME community leaders to "
                "finalise the action plan by November 2024, and keep them together through "
                "a steering group that meets every quarter for the plan's year."
            ),
            "made_by": "@org_ps",
            "made_at": "@ev_mar24",
            "made_on": "2024-03-14",
            "due": "2025-11-30",
            "lifecycle": "in_delivery",
            "completion": "substantial",
            "target": "Decision meeting by November 2024; 4 steering meetings in the plan year",
            "result": (
                "Decision meeting held on 21 November 2024 and the plan agreed. The steering "
                "group met in March and June 2025; the January meeting was cancelled."
            ),
            "next_steps": "Meetings booked for July, September and November 2025.",
        },
    ),
    ("rt_p1_a1", "link", {"role": "responds_to", "from": "@pledge_1", "to": "@ask_1"}),
    ("rt_p2_a1", "link", {"role": "responds_to", "from": "@pledge_2", "to": "@ask_1"}),
    ("rt_p2_a2", "link", {"role": "responds_to", "from": "@pledge_2", "to": "@ask_2"}),
    ("rt_p3_a2", "link", {"role": "responds_to", "from": "@pledge_3", "to": "@ask_2"}),
    ("rt_p4_a3", "link", {"role": "responds_to", "from": "@pledge_4", "to": "@ask_3"}),
    ("rt_p5_a3", "link", {"role": "responds_to", "from": "@pledge_5", "to": "@ask_3"}),
    ("rt_p6_a4", "link", {"role": "responds_to", "from": "@pledge_6", "to": "@ask_4"}),
    ("rt_p7_a5", "link", {"role": "responds_to", "from": "@pledge_7", "to": "@ask_5"}),
    ("rt_p8_a5", "link", {"role": "responds_to", "from": "@pledge_8", "to": "@ask_5"}),
    ("rt_p9_a6", "link", {"role": "responds_to", "from": "@pledge_9", "to": "@ask_6"}),
    ("rt_p10_a2", "link", {"role": "responds_to", "from": "@pledge_10", "to": "@ask_2"}),
    # ------------------------------------------------------------------ actions and milestones
    # Shown as of mid-June 2025. A7 and A8 have no pledge; P9 has no action yet.
    (
        "ms_launch",
        "action",
        {
            "ref_code": "M0",
            "title": "Plan published and shared with communities",
            "ask": "@ask_2",
            "pledge": "@pledge_10",
            "community_owner": "@org_net",
            "public_owner": "@org_ps",
            "start": "2024-12-05",
            "end": "2024-12-05",
            "baseline_start": "2024-12-05",
            "baseline_end": "2024-12-05",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": True,
            "deliverable": (
                "The agreed plan published and sent to every organisation that took part in "
                "the events"
            ),
        },
    ),
    # A1: mental health
    (
        "act_1_1",
        "action",
        {
            "ref_code": "1.1",
            "title": "Set up the mental health co-design group",
            "description": (
                "Recruit people with lived experience and SLaM staff; agree terms of "
                "reference and payment for community members' time."
            ),
            "ask": "@ask_1",
            "pledge": "@pledge_1",
            "community_owner": "@org_cbmhc",
            "public_owner": "@org_slam",
            "start": "2024-12-02",
            "end": "2025-01-31",
            "baseline_start": "2024-12-02",
            "baseline_end": "2025-01-31",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_1_2",
        "action",
        {
            "ref_code": "1.2",
            "title": "Map current mental health support and the gaps for Black residents",
            "description": (
                "Every service open to Southwark residents, who uses it and who does not."
            ),
            "ask": "@ask_1",
            "pledge": "@pledge_1",
            "community_owner": "@org_cbmhc",
            "public_owner": "@org_slam",
            "start": "2025-01-06",
            "end": "2025-03-14",
            "baseline_start": "2025-01-06",
            "baseline_end": "2025-03-14",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_1_3",
        "action",
        {
            "ref_code": "1.3",
            "title": "Co-design the community support model",
            "description": (
                "Three co-design workshops: who the support is for, where and when it runs, "
                "how people move on to other services when they need to."
            ),
            "ask": "@ask_1",
            "pledge": "@pledge_1",
            "community_owner": "@org_cbmhc",
            "public_owner": "@org_slam",
            "start": "2025-02-03",
            "end": "2025-06-27",
            "baseline_start": "2025-02-03",
            "baseline_end": "2025-04-30",
            "date_confidence": "tentative",
            "status": "at_risk",
            "progress": 75,
            "rag": "amber",
            "milestone": False,
        },
    ),
    (
        "ms_model",
        "action",
        {
            "ref_code": "M1",
            "title": "Community support model signed off",
            "ask": "@ask_1",
            "pledge": "@pledge_1",
            "community_owner": "@org_cbmhc",
            "public_owner": "@org_slam",
            "start": "2025-07-10",
            "end": "2025-07-10",
            "baseline_start": "2025-05-15",
            "baseline_end": "2025-05-15",
            "date_confidence": "tentative",
            "status": "not_started",
            "progress": 0,
            "rag": "amber",
            "milestone": True,
            "deliverable": (
                "Service model signed off by SLaM and the co-design group and shared with "
                "the steering group"
            ),
        },
    ),
    (
        "act_1_5",
        "action",
        {
            "ref_code": "1.5",
            "title": "Recruit and train peer supporters",
            "description": "12 peer supporters from the communities the drop-ins will serve.",
            "ask": "@ask_1",
            "pledge": "@pledge_2",
            "community_owner": "@org_cbmhc",
            "public_owner": "@org_slam",
            "start": "2025-05-06",
            "end": "2025-07-31",
            "baseline_start": "2025-05-06",
            "baseline_end": "2025-07-31",
            "date_confidence": "firm",
            "status": "on_track",
            "progress": 30,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_1_4",
        "action",
        {
            "ref_code": "1.4",
            "title": "Set up and run the community drop-in pilot",
            "description": (
                "Two weekly drop-in sessions, in Peckham and Walworth, run by BAME-led "
                "organisations with SLaM clinicians on hand."
            ),
            "ask": "@ask_1",
            "pledge": "@pledge_2",
            "community_owner": "@org_cbmhc",
            "public_owner": "@org_slam",
            "start": "2025-07-14",
            "end": "2025-11-14",
            "baseline_start": "2025-06-02",
            "baseline_end": "2025-10-31",
            "date_confidence": "tentative",
            "status": "not_started",
            "progress": 0,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "ms_dropin",
        "action",
        {
            "ref_code": "M2",
            "title": "First community drop-in session opens",
            "ask": "@ask_1",
            "pledge": "@pledge_2",
            "community_owner": "@org_cbmhc",
            "public_owner": "@org_slam",
            "start": "2025-09-08",
            "end": "2025-09-08",
            "baseline_start": "2025-07-21",
            "baseline_end": "2025-07-21",
            "date_confidence": "tentative",
            "status": "not_started",
            "progress": 0,
            "rag": "green",
            "milestone": True,
            "deliverable": "First weekly drop-in session held in Peckham, with attendance recorded",
        },
    ),
    # A2: funding, commissioning and a seat at the table
    (
        "act_2_1",
        "action",
        {
            "ref_code": "2.1",
            "title": "Review health and wellbeing grants to BAME-led organisations",
            "description": "Who got what, for how long, and what stopped others from applying.",
            "ask": "@ask_2",
            "pledge": "@pledge_3",
            "community_owner": "@org_net",
            "public_owner": "@org_sc",
            "start": "2024-12-02",
            "end": "2025-02-28",
            "baseline_start": "2024-12-02",
            "baseline_end": "2025-02-28",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_2_2",
        "action",
        {
            "ref_code": "2.2",
            "title": "Co-produce a simpler commissioning guide",
            "description": (
                "A short guide, written with BAME-led organisations, to how the council and "
                "the NHS buy services and how small organisations can bid."
            ),
            "ask": "@ask_2",
            "pledge": "@pledge_3",
            "community_owner": "@org_net",
            "public_owner": "@org_sc",
            "start": "2025-03-03",
            "end": "2025-06-06",
            "baseline_start": "2025-03-03",
            "baseline_end": "2025-05-16",
            "date_confidence": "tentative",
            "status": "off_track",
            "progress": 60,
            "rag": "red",
            "milestone": False,
        },
    ),
    (
        "ms_guide",
        "action",
        {
            "ref_code": "M3",
            "title": "Commissioning guide published",
            "ask": "@ask_2",
            "pledge": "@pledge_3",
            "community_owner": "@org_net",
            "public_owner": "@org_sc",
            "start": "2025-06-27",
            "end": "2025-06-27",
            "baseline_start": "2025-05-30",
            "baseline_end": "2025-05-30",
            "date_confidence": "tentative",
            "status": "not_started",
            "progress": 0,
            "rag": "amber",
            "milestone": True,
            "deliverable": (
                "Guide on the council's website and sent to every BAME-led organisation on "
                "the network's list"
            ),
        },
    ),
    (
        "act_2_3",
        "action",
        {
            "ref_code": "2.3",
            "title": "Bid-writing and commissioning support sessions for BAME-led organisations",
            "ask": "@ask_2",
            "pledge": "@pledge_3",
            "community_owner": "@org_eclah",
            "public_owner": "@org_ps",
            "start": "2025-04-01",
            "end": "2025-09-30",
            "baseline_start": "2025-04-01",
            "baseline_end": "2025-09-30",
            "date_confidence": "firm",
            "status": "on_track",
            "progress": 40,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_2_4",
        "action",
        {
            "ref_code": "2.4",
            "title": "Bring a three-year grants proposal to the council's budget round",
            "description": (
                "Including the case for a fair share of grants for BAME-led organisations."
            ),
            "ask": "@ask_2",
            "pledge": "@pledge_3",
            "community_owner": "@org_net",
            "public_owner": "@org_sc",
            "start": "2025-06-02",
            "end": "2025-10-31",
            "baseline_start": "2025-06-02",
            "baseline_end": "2025-10-31",
            "date_confidence": "tbc",
            "status": "at_risk",
            "progress": 10,
            "rag": "amber",
            "milestone": False,
        },
    ),
    (
        "ms_grants",
        "action",
        {
            "ref_code": "M4",
            "title": "Three-year grants round opens",
            "ask": "@ask_2",
            "pledge": "@pledge_3",
            "community_owner": "@org_net",
            "public_owner": "@org_sc",
            "start": "2025-11-03",
            "end": "2025-11-03",
            "baseline_start": "2025-11-03",
            "baseline_end": "2025-11-03",
            "date_confidence": "tbc",
            "status": "not_started",
            "progress": 0,
            "rag": "amber",
            "milestone": True,
            "deliverable": (
                "Prospectus for three-year grants published, open to BAME-led organisations"
            ),
        },
    ),
    # A3: community health checks (grouped under one parent bar)
    (
        "act_3_0",
        "action",
        {
            "ref_code": "3.0",
            "title": "Community health checks programme",
            "description": "The whole programme, from choosing venues to the interim evaluation.",
            "ask": "@ask_3",
            "pledge": "@pledge_4",
            "community_owner": "@org_pachf",
            "public_owner": "@org_sph",
            "start": "2024-12-02",
            "end": "2025-10-31",
            "baseline_start": "2024-12-02",
            "baseline_end": "2025-10-31",
            "date_confidence": "firm",
            "status": "on_track",
            "progress": 55,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_3_1",
        "action",
        {
            "ref_code": "3.1",
            "title": "Agree venues and dates with community organisations",
            "ask": "@ask_3",
            "pledge": "@pledge_4",
            "parent": "@act_3_0",
            "community_owner": "@org_pachf",
            "public_owner": "@org_sph",
            "start": "2024-12-02",
            "end": "2025-01-17",
            "baseline_start": "2024-12-02",
            "baseline_end": "2025-01-17",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_3_2",
        "action",
        {
            "ref_code": "3.2",
            "title": "Train and pay community health champions",
            "ask": "@ask_3",
            "pledge": "@pledge_4",
            "parent": "@act_3_0",
            "community_owner": "@org_pachf",
            "public_owner": "@org_sph",
            "start": "2025-01-20",
            "end": "2025-03-07",
            "baseline_start": "2025-01-20",
            "baseline_end": "2025-03-07",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "ms_check1",
        "action",
        {
            "ref_code": "M5",
            "title": "First community health check session held",
            "ask": "@ask_3",
            "pledge": "@pledge_4",
            "parent": "@act_3_0",
            "community_owner": "@org_pachf",
            "public_owner": "@org_sph",
            "start": "2025-03-15",
            "end": "2025-03-15",
            "baseline_start": "2025-03-15",
            "baseline_end": "2025-03-15",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": True,
            "deliverable": "Session held, with the number of checks and referrals recorded",
        },
    ),
    (
        "act_3_3",
        "action",
        {
            "ref_code": "3.3",
            "title": "Run 12 community health check sessions",
            "description": "In churches, mosques, community centres and at East Street Market.",
            "ask": "@ask_3",
            "pledge": "@pledge_4",
            "parent": "@act_3_0",
            "community_owner": "@org_pachf",
            "public_owner": "@org_sph",
            "start": "2025-03-15",
            "end": "2025-10-31",
            "baseline_start": "2025-03-15",
            "baseline_end": "2025-10-31",
            "date_confidence": "firm",
            "status": "on_track",
            "progress": 42,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_3_4",
        "action",
        {
            "ref_code": "3.4",
            "title": "Agree the follow-up pathway for high readings",
            "description": "Who sees people with high readings, how fast, and how they are told.",
            "ask": "@ask_3",
            "pledge": "@pledge_5",
            "parent": "@act_3_0",
            "community_owner": "@org_rbwhg",
            "public_owner": "@org_gstt",
            "start": "2025-02-03",
            "end": "2025-06-30",
            "baseline_start": "2025-02-03",
            "baseline_end": "2025-04-30",
            "date_confidence": "tentative",
            "status": "at_risk",
            "progress": 70,
            "rag": "amber",
            "milestone": False,
        },
    ),
    (
        "act_3_5",
        "action",
        {
            "ref_code": "3.5",
            "title": "Interim evaluation with participants and champions",
            "ask": "@ask_3",
            "pledge": "@pledge_4",
            "parent": "@act_3_0",
            "community_owner": "@org_pachf",
            "public_owner": "@org_sph",
            "start": "2025-07-01",
            "end": "2025-08-29",
            "baseline_start": "2025-07-01",
            "baseline_end": "2025-08-29",
            "date_confidence": "tentative",
            "status": "not_started",
            "progress": 0,
            "rag": "green",
            "milestone": False,
        },
    ),
    # A4: ethnicity data
    (
        "act_4_1",
        "action",
        {
            "ref_code": "4.1",
            "title": "Audit ethnicity recording in Southwark GP records",
            "ask": "@ask_4",
            "pledge": "@pledge_6",
            "community_owner": "@org_net",
            "public_owner": "@org_icb",
            "start": "2024-12-09",
            "end": "2025-02-14",
            "baseline_start": "2024-12-09",
            "baseline_end": "2025-02-14",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_4_2",
        "action",
        {
            "ref_code": "4.2",
            "title": "'Why we ask' campaign on recording ethnicity",
            "description": (
                "Community organisations explain to their members why recording ethnicity "
                "matters and how to update it with their GP practice."
            ),
            "ask": "@ask_4",
            "pledge": "@pledge_6",
            "community_owner": "@org_svcep",
            "public_owner": "@org_icb",
            "start": "2025-03-03",
            "end": "2025-07-31",
            "baseline_start": "2025-03-03",
            "baseline_end": "2025-07-31",
            "date_confidence": "firm",
            "status": "on_track",
            "progress": 55,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_4_3",
        "action",
        {
            "ref_code": "4.3",
            "title": "Quarterly dashboard of access and outcomes by ethnicity",
            "description": (
                "Community owner still to be agreed: the network has asked for a volunteer."
            ),
            "ask": "@ask_4",
            "pledge": "@pledge_6",
            "public_owner": "@org_icb",
            "start": "2025-04-01",
            "end": "2025-11-28",
            "baseline_start": "2025-04-01",
            "baseline_end": "2025-11-28",
            "date_confidence": "firm",
            "status": "on_track",
            "progress": 35,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "ms_dash",
        "action",
        {
            "ref_code": "M6",
            "title": "First ethnicity dashboard shared with the steering group",
            "ask": "@ask_4",
            "pledge": "@pledge_6",
            "community_owner": "@org_net",
            "public_owner": "@org_icb",
            "start": "2025-06-05",
            "end": "2025-06-05",
            "baseline_start": "2025-06-05",
            "baseline_end": "2025-06-05",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": True,
            "deliverable": "Dashboard presented at the June steering meeting and sent to members",
        },
    ),
    # A5: interpreting and information
    (
        "act_5_1",
        "action",
        {
            "ref_code": "5.1",
            "title": "Audit interpreter use in GSTT outpatient services",
            "ask": "@ask_5",
            "pledge": "@pledge_7",
            "community_owner": "@org_svcep",
            "public_owner": "@org_gstt",
            "start": "2025-01-06",
            "end": "2025-03-28",
            "baseline_start": "2025-01-06",
            "baseline_end": "2025-03-28",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "act_5_2",
        "action",
        {
            "ref_code": "5.2",
            "title": "Translate key health and care information into six languages",
            "description": (
                "Each translation checked by readers from the community before it is published."
            ),
            "ask": "@ask_5",
            "pledge": "@pledge_8",
            "community_owner": "@org_wsfa",
            "public_owner": "@org_sc",
            "start": "2025-01-13",
            "end": "2025-08-29",
            "baseline_start": "2025-01-13",
            "baseline_end": "2025-04-30",
            "date_confidence": "tentative",
            "status": "at_risk",
            "progress": 70,
            "rag": "amber",
            "milestone": False,
        },
    ),
    (
        "act_5_3",
        "action",
        {
            "ref_code": "5.3",
            "title": "Train frontline staff to book professional interpreters",
            "ask": "@ask_5",
            "pledge": "@pledge_7",
            "community_owner": "@org_svcep",
            "public_owner": "@org_gstt",
            "start": "2025-04-07",
            "end": "2025-06-13",
            "baseline_start": "2025-04-07",
            "baseline_end": "2025-06-13",
            "date_confidence": "firm",
            "status": "at_risk",
            "progress": 80,
            "rag": "amber",
            "milestone": False,
        },
    ),
    (
        "act_5_4",
        "action",
        {
            "ref_code": "5.4",
            "title": "Pilot community interpreter link workers in two GP practices",
            "description": (
                "Proposed by the community side. The ICB has agreed to scope it but not yet "
                "to fund it, so it has no pledge behind it."
            ),
            "ask": "@ask_5",
            "community_owner": "@org_sci",
            "public_owner": "@org_icb",
            "start": "2025-07-01",
            "end": "2025-10-31",
            "baseline_start": "2025-07-01",
            "baseline_end": "2025-10-31",
            "date_confidence": "tbc",
            "status": "not_started",
            "progress": 0,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "ms_interp",
        "action",
        {
            "ref_code": "M7",
            "title": "Trust interpreting standard agreed",
            "ask": "@ask_5",
            "pledge": "@pledge_7",
            "community_owner": "@org_svcep",
            "public_owner": "@org_gstt",
            "start": "2025-09-01",
            "end": "2025-09-01",
            "baseline_start": "2025-09-01",
            "baseline_end": "2025-09-01",
            "date_confidence": "tentative",
            "status": "not_started",
            "progress": 0,
            "rag": "green",
            "milestone": True,
            "deliverable": (
                "Written interpreting standard, ruling out family members and children as "
                "interpreters, agreed by GSTT"
            ),
        },
    ),
    # A6: maternity
    (
        "act_6_1",
        "action",
        {
            "ref_code": "6.1",
            "title": "Community listening sessions with Black and Asian mothers",
            "description": (
                "Four sessions run by community organisations, with a GSTT midwife listening."
            ),
            "ask": "@ask_6",
            "community_owner": "@org_wsfa",
            "public_owner": "@org_gstt",
            "start": "2025-02-03",
            "end": "2025-04-25",
            "baseline_start": "2025-02-03",
            "baseline_end": "2025-04-25",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": False,
        },
    ),
    (
        "ms_mothers",
        "action",
        {
            "ref_code": "M8",
            "title": "Mothers' findings presented to GSTT maternity leaders",
            "ask": "@ask_6",
            "community_owner": "@org_wsfa",
            "public_owner": "@org_gstt",
            "start": "2025-05-22",
            "end": "2025-05-22",
            "baseline_start": "2025-05-22",
            "baseline_end": "2025-05-22",
            "date_confidence": "firm",
            "status": "done",
            "progress": 100,
            "rag": "green",
            "milestone": True,
            "deliverable": "Findings report from the listening sessions presented and handed over",
        },
    ),
    (
        "act_6_2",
        "action",
        {
            "ref_code": "6.2",
            "title": "Agree GSTT's answer to the mothers' findings",
            "ask": "@ask_6",
            "community_owner": "@org_wsfa",
            "public_owner": "@org_gstt",
            "start": "2025-06-02",
            "end": "2025-09-12",
            "baseline_start": "2025-06-02",
            "baseline_end": "2025-09-12",
            "date_confidence": "tentative",
            "status": "on_track",
            "progress": 15,
            "rag": "green",
            "milestone": False,
        },
    ),
    # A7: workforce (no pledge, no public owner yet)
    (
        "act_7_1",
        "action",
        {
            "ref_code": "7.1",
            "title": "Make the case for workforce representation targets",
            "description": (
                "No public body has taken this on yet: the ICB's workforce leads have been "
                "asked to name an owner by the September steering meeting."
            ),
            "ask": "@ask_7",
            "community_owner": "@org_net",
            "start": "2025-04-01",
            "end": "2025-09-30",
            "baseline_start": "2025-04-01",
            "baseline_end": "2025-09-30",
            "date_confidence": "tentative",
            "status": "on_track",
            "progress": 25,
            "rag": "amber",
            "milestone": False,
        },
    ),
    # A8: social care and carers (no pledge)
    (
        "act_8_1",
        "action",
        {
            "ref_code": "8.1",
            "title": "Scope culturally appropriate social care and carers' support",
            "description": "What older residents and carers need, and what the council funds now.",
            "ask": "@ask_8",
            "community_owner": "@org_svcep",
            "public_owner": "@org_sc",
            "start": "2025-08-01",
            "end": "2025-10-31",
            "baseline_start": "2025-08-01",
            "baseline_end": "2025-10-31",
            "date_confidence": "tbc",
            "status": "not_started",
            "progress": 0,
            "rag": "green",
            "milestone": False,
        },
    ),
    # End of the year (no deliverable written yet: a gap the overview shows)
    (
        "ms_review",
        "action",
        {
            "ref_code": "M9",
            "title": "End-of-year review and next plan agreed",
            "ask": "@ask_2",
            "pledge": "@pledge_10",
            "community_owner": "@org_net",
            "public_owner": "@org_ps",
            "start": "2025-11-20",
            "end": "2025-11-20",
            "baseline_start": "2025-11-20",
            "baseline_end": "2025-11-20",
            "date_confidence": "tentative",
            "status": "not_started",
            "progress": 0,
            "rag": "green",
            "milestone": True,
        },
    ),
    # Supporting organisations
    ("pt_1_2_pachf", "link", {"role": "partner", "from": "@act_1_2", "to": "@org_pachf"}),
    ("pt_1_5_wsfa", "link", {"role": "partner", "from": "@act_1_5", "to": "@org_wsfa"}),
    ("pt_1_4_wsfa", "link", {"role": "partner", "from": "@act_1_4", "to": "@org_wsfa"}),
    ("pt_1_4_icb", "link", {"role": "partner", "from": "@act_1_4", "to": "@org_icb"}),
    ("pt_2_3_wsfa", "link", {"role": "partner", "from": "@act_2_3", "to": "@org_wsfa"}),
    ("pt_3_1_rbwhg", "link", {"role": "partner", "from": "@act_3_1", "to": "@org_rbwhg"}),
    ("pt_3_3_rbwhg", "link", {"role": "partner", "from": "@act_3_3", "to": "@org_rbwhg"}),
    ("pt_3_3_svcep", "link", {"role": "partner", "from": "@act_3_3", "to": "@org_svcep"}),
    ("pt_4_2_eclah", "link", {"role": "partner", "from": "@act_4_2", "to": "@org_eclah"}),
    ("pt_5_2_rbwhg", "link", {"role": "partner", "from": "@act_5_2", "to": "@org_rbwhg"}),
    ("pt_5_2_sci", "link", {"role": "partner", "from": "@act_5_2", "to": "@org_sci"}),
    ("pt_5_3_sci", "link", {"role": "partner", "from": "@act_5_3", "to": "@org_sci"}),
    ("pt_6_1_pachf", "link", {"role": "partner", "from": "@act_6_1", "to": "@org_pachf"}),
    ("pt_8_1_rbwhg", "link", {"role": "partner", "from": "@act_8_1", "to": "@org_rbwhg"}),
    # ------------------------------------------------------------------ dependencies
    ("dep_1", "dependency", {"from": "@act_1_1", "to": "@act_1_3", "kind": "FS", "lag_days": 0}),
    ("dep_2", "dependency", {"from": "@act_1_2", "to": "@act_1_3", "kind": "SS", "lag_days": 28}),
    ("dep_3", "dependency", {"from": "@act_1_3", "to": "@ms_model", "kind": "FS", "lag_days": 0}),
    ("dep_4", "dependency", {"from": "@ms_model", "to": "@act_1_4", "kind": "FS", "lag_days": 0}),
    ("dep_5", "dependency", {"from": "@act_1_5", "to": "@ms_dropin", "kind": "FS", "lag_days": 0}),
    ("dep_6", "dependency", {"from": "@act_1_4", "to": "@ms_dropin", "kind": "SS", "lag_days": 56}),
    ("dep_7", "dependency", {"from": "@act_2_1", "to": "@act_2_2", "kind": "FS", "lag_days": 0}),
    ("dep_8", "dependency", {"from": "@act_2_2", "to": "@ms_guide", "kind": "FS", "lag_days": 0}),
    ("dep_9", "dependency", {"from": "@act_2_4", "to": "@ms_grants", "kind": "FS", "lag_days": 0}),
    ("dep_10", "dependency", {"from": "@act_3_2", "to": "@ms_check1", "kind": "FS", "lag_days": 0}),
    ("dep_11", "dependency", {"from": "@ms_check1", "to": "@act_3_3", "kind": "FS", "lag_days": 0}),
    ("dep_12", "dependency", {"from": "@act_3_4", "to": "@act_3_3", "kind": "FF", "lag_days": 0}),
    ("dep_13", "dependency", {"from": "@act_3_3", "to": "@act_3_5", "kind": "SS", "lag_days": 90}),
    ("dep_14", "dependency", {"from": "@act_4_1", "to": "@act_4_3", "kind": "FS", "lag_days": 0}),
    ("dep_15", "dependency", {"from": "@act_5_1", "to": "@act_5_3", "kind": "FS", "lag_days": 0}),
    ("dep_16", "dependency", {"from": "@act_5_3", "to": "@ms_interp", "kind": "FS", "lag_days": 0}),
    (
        "dep_17",
        "dependency",
        {"from": "@act_6_1", "to": "@ms_mothers", "kind": "FS", "lag_days": 0},
    ),
    # ------------------------------------------------------------------ notes, by date
    (
        "note_1",
        "note",
        {
            "about": "@ev_nov23",
            "date": "2023-11-20",
            "headline": "First asks begin to take shape",
            "body": (
                "Leaders from community organisations, the NHS, the council and the "
                "integrated care system met for the first time. Raised most often: mental "
                "health, funding for BAME-led organisations, data and language."
            ),
            "author": "AM (network coordinator)",
        },
    ),
    (
        "note_2",
        "note",
        {
            "about": "@ev_mar24",
            "date": "2024-03-18",
            "headline": "Eight asks presented and put in order; first pledges made",
            "body": (
                "Six BAME-led organisations presented their work to decision makers. "
                "Community leaders presented 8 asks and voted on their order. Public health "
                "pledged community health checks (P4) and Partnership Southwark pledged to "
                "bring decision makers back to the table (P10)."
            ),
            "rag": "green",
            "author": "AM (network coordinator)",
        },
    ),
    (
        "note_3",
        "note",
        {
            "about": "@ev_jul24",
            "date": "2024-07-22",
            "headline": "Draft 12-month plan finished",
            "body": (
                "Over three hours, leaders new and returning went through the draft, kept "
                "the order of the asks and filled in actions, owners and dates. Left open "
                "for decision makers: workforce (A7) and carers (A8)."
            ),
            "rag": "green",
            "author": "AM (network coordinator)",
        },
    ),
    (
        "note_4",
        "note",
        {
            "about": "@ev_nov24",
            "date": "2024-11-22",
            "headline": "Plan agreed; baseline dates frozen",
            "body": (
                "Decision makers answered each ask in turn and the plan was agreed for 1 "
                "December 2024 to 30 November 2025. The dates as agreed are kept as the "
                "baseline. A8 was not reached and goes to the steering group."
            ),
            "rag": "green",
            "author": "Plan coordinator",
        },
    ),
    (
        "note_5",
        "note",
        {
            "about": "@plan",
            "date": "2024-12-05",
            "headline": "Plan published",
            "body": (
                "Sent to every organisation that took part in the events, with a one-page summary."
            ),
            "rag": "green",
            "author": "Plan coordinator",
        },
    ),
    (
        "note_6",
        "note",
        {
            "about": "@ev_sg_jan25",
            "date": "2025-01-24",
            "headline": "January steering meeting cancelled",
            "body": (
                "Too few decision makers could come in the week of the budget deadlines. "
                "The first quarterly review moves to 6 March 2025."
            ),
            "author": "Plan coordinator",
        },
    ),
    (
        "note_7",
        "note",
        {
            "about": "@ev_sg_mar25",
            "date": "2025-03-06",
            "headline": "First quarterly review: most actions on track",
            "body": (
                "Decisions: co-design workshops to avoid Ramadan and Easter; A7 referred "
                "again to the ICB's workforce leads; the network to find a community owner "
                "for the ethnicity dashboard (4.3)."
            ),
            "rag": "amber",
            "author": "Plan coordinator",
        },
    ),
    (
        "note_8",
        "note",
        {
            "about": "@act_1_2",
            "date": "2025-03-14",
            "headline": "Mapping finished",
            "body": (
                "14 services mapped: only 3 offer support in a community language and none "
                "is based in a community venue. Report shared with the co-design group."
            ),
            "rag": "green",
            "author": "MT (CBMHC)",
        },
    ),
    (
        "note_9",
        "note",
        {
            "about": "@ms_check1",
            "date": "2025-03-17",
            "headline": "First health check session: 46 people checked",
            "body": (
                "Held on Saturday 15 March in a Peckham church hall. 46 checks, 39 of them "
                "for people from Black or South Asian groups; 7 people with high readings "
                "referred."
            ),
            "rag": "green",
            "author": "DC (PACHF)",
        },
    ),
    (
        "note_10",
        "note",
        {
            "about": "@pledge_2",
            "date": "2025-03-27",
            "headline": "Drop-in pilot funding approved",
            "body": "The ICB approved the pilot budget; the grant letter goes to CBMHC in April.",
            "rag": "green",
            "author": "ICB commissioning lead",
        },
    ),
    (
        "note_11",
        "note",
        {
            "about": "@act_1_3",
            "date": "2025-04-24",
            "headline": "Co-design running late",
            "body": (
                "The second workshop moved from March to May so as not to clash with "
                "Ramadan and Easter. Sign-off moves from 15 May to 10 July, and the first "
                "drop-in session from July to September."
            ),
            "rag": "amber",
            "author": "SLaM co-design lead",
        },
    ),
    (
        "note_12",
        "note",
        {
            "about": "@pledge_8",
            "date": "2025-05-02",
            "headline": "Four of six languages published",
            "body": (
                "Spanish, Portuguese, Vietnamese and Chinese are published. Community readers "
                "found the Somali and Bengali versions hard to follow; they are being redone "
                "and WSFA and RBWHG will check them."
            ),
            "rag": "amber",
            "author": "Council communications lead",
        },
    ),
    (
        "note_13",
        "note",
        {
            "about": "@act_3_4",
            "date": "2025-05-08",
            "headline": "Follow-up pathway: waiting-time standard not yet agreed",
            "body": (
                "GSTT and primary care have agreed the route but not the 6-week standard. "
                "7 of the 19 people referred so far have been seen."
            ),
            "rag": "amber",
            "author": "Public health lead",
        },
    ),
    (
        "note_14",
        "note",
        {
            "about": "@act_2_2",
            "date": "2025-05-20",
            "headline": "Commissioning guide late",
            "body": (
                "The draft was finished on time, but procurement and legal colleagues have "
                "asked for changes. It will not be ready by 16 May."
            ),
            "rag": "red",
            "author": "AM (network coordinator)",
        },
    ),
    (
        "note_15",
        "note",
        {
            "about": "@ms_mothers",
            "date": "2025-05-22",
            "headline": "Mothers' findings presented",
            "body": (
                "Findings from four listening sessions with 31 mothers presented to GSTT "
                "maternity leaders, who will answer by September 2025."
            ),
            "rag": "green",
            "author": "HW (WSFA)",
        },
    ),
    (
        "note_16",
        "note",
        {
            "about": "@ev_sg_jun25",
            "date": "2025-06-05",
            "headline": "Second quarterly review: two actions overdue",
            "body": (
                "Decisions: the commissioning guide to be published by 27 June; interpreter "
                "training to be finished in June; A8 to be decided at the September meeting."
            ),
            "rag": "amber",
            "author": "Plan coordinator",
        },
    ),
    (
        "note_17",
        "note",
        {
            "about": "@pledge_6",
            "date": "2025-06-05",
            "headline": "Ethnicity recording up from 78% to 84%",
            "body": "First dashboard presented at the steering meeting.",
            "rag": "green",
            "author": "ICB data lead",
        },
    ),
    (
        "note_18",
        "note",
        {
            "about": "@ask_7",
            "date": "2025-06-05",
            "headline": "Workforce ask still has no pledge",
            "body": "Raised again; the ICB will name an owner by the September meeting.",
            "rag": "amber",
            "author": "Plan coordinator",
        },
    ),
    (
        "note_19",
        "note",
        {
            "about": "@pledge_7",
            "date": "2025-06-09",
            "headline": "Interpreter training behind target",
            "body": (
                "80% of outpatient reception and booking staff trained, against 90% due by "
                "31 May. The remaining sessions are booked for June."
            ),
            "rag": "amber",
            "author": "GSTT patient experience lead",
        },
    ),
    (
        "note_20",
        "note",
        {
            "about": "@act_2_2",
            "date": "2025-06-10",
            "headline": "Guide still with the lawyers",
            "body": "Now past its end date. The council will confirm a new date this month.",
            "rag": "red",
            "author": "AM (network coordinator)",
        },
    ),
    (
        "note_21",
        "note",
        {
            "about": "@act_3_3",
            "date": "2025-06-14",
            "headline": "Five of twelve sessions held",
            "body": (
                "212 checks so far; 31 people referred with high blood pressure or blood sugar."
            ),
            "rag": "green",
            "author": "DC (PACHF)",
        },
    ),
]
