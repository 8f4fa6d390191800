"""Arabic reports: sentence tables for the [arabic] cue lexicon, and the bilingual seed."""

import pytest

A, PUTIN = "bashar_al_assad", "vladimir_putin"


@pytest.fixture(scope="module")
def arabic(offline_settings):
    from graphx.documents import make_document
    from graphx.extract import extract_document

    def run(text):
        result = extract_document(make_document("t.txt", text), offline_settings)
        assert not result.error, result.error
        return list(result.evidence)

    return run


def asserted(evidence):
    return {(e.source, e.relation, e.target) for e in evidence if e.asserted}


# (text, edges that must come out asserted, edges that must not)
TABLE = [
    # a role a handover passed on names its holder on the report's date, unless "former" follows it
    ("Title: T\nDate: 2025-02-03\nLanguage: ar\n\nوصل الرئيس السوري إلى الرياض والتقى ولي العهد السعودي.",
     {("ahmed_al_sharaa", "contacted", "mohammed_bin_salman")}, {(A, "contacted", "mohammed_bin_salman")}),
    ("Title: T\nDate: 2025-02-03\nLanguage: ar\n\nالتقى بوتين الرئيس السوري السابق في موسكو.",
     {(PUTIN, "contacted", A)}, {(PUTIN, "contacted", "ahmed_al_sharaa")}),
    # contacted: verb first, subject right after the verb, target after مع / a joined ب
    ("التقى بوتين أردوغان في أنقرة.", {(PUTIN, "contacted", "recep_tayyip_erdogan")},
     {(PUTIN, "contacted", "turkey")}),
    ("عقد الأسد اجتماعًا مغلقًا مع علي لاريجاني.", {(A, "contacted", "ali_larijani")}, set()),
    ("وحاول الأسد الاتصال ببوتين.", {(A, "contacted", PUTIN)}, set()),  # an attempt still counts
    ("أجرى أردوغان اتصالا هاتفيا مع بوتين.", {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    ("في ذلك اليوم، كان الأسد في موسكو، حيث طلب المساعدة من الرئيس الروسي فلاديمير بوتين.",
     {(A, "contacted", PUTIN)}, {(A, "contacted", "russia")}),
    ("لم يتصل الأسد ببوتين.", set(), {(A, "contacted", PUTIN)}),  # negated
    ("كانت آخرها زيارة أحمد الشرع إلى السعودية.", {("ahmed_al_sharaa", "contacted", "saudi_arabia")}, set()),
    ("دعا أردوغان إلى وقف إطلاق النار.", set(), {("recep_tayyip_erdogan", "contacted", "turkey")}),
    # an invitation extended is a contact with the one invited
    ("وجّهت السعودية دعوة للأسد لحضور القمة العربية في الرياض.", {("saudi_arabia", "contacted", A)}, set()),
    ("وجهت قطر دعوة رسمية إلى الشرع لزيارة الدوحة.", {("qatar", "contacted", "ahmed_al_sharaa")}, set()),
    # a reception: a title before its holder's name and a comma is that person; those "برفقة" the host
    # received with him (no object); "بدمشق" is where; an indefinite delegation with a state's adjective
    # ("وفداً تركياً") is the state's
    ("استقبل الرئيس السوري، أحمد الشرع، برفقة وزير الخارجية، أسعد الشيباني، اليوم الجمعة، في قصر الشعب "
     "بدمشق، وفداً تركياً برئاسة رئيس وقف نشر العلوم، بلال أردوغان.",
     {("turkey", "contacted", "ahmed_al_sharaa"), ("turkey", "contacted", "asaad_al_shaibani")},
     {("asaad_al_shaibani", "contacted", "ahmed_al_sharaa"), ("syria", "contacted", "ahmed_al_sharaa"),
      ("asaad_al_shaibani", "contacted", A)}),
    ("أجرى الرئيس التركي رجب طيب أردوغان اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين.",
     {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    ("بحث وزير الخارجية التركي هاكان فيدان مع رئيس الوزراء القطري محمد بن عبدالرحمن آل ثاني الأوضاع في سوريا.",
     {("hakan_fidan", "contacted", "mohammed_bin_abdulrahman_al_thani")}, {("hakan_fidan", "contacted", "syria")}),
    # counterparts: the owner's role with the other nationality
    ("بحث وزير الخارجية التركي هاكان فيدان مع نظيره القطري الأوضاع في سوريا.",
     {("hakan_fidan", "contacted", "mohammed_bin_abdulrahman_al_thani")}, set()),
    ("أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع نظيره الروسي.",
     {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    # reception: the one received made the contact (as in English)
    ("استقبل أمير قطر الشيخ تميم بن حمد آل ثاني وزير الخارجية الإيراني عباس عراقجي في الدوحة.",
     {("abbas_araghchi", "contacted", "tamim_bin_hamad_al_thani")},
     {("tamim_bin_hamad_al_thani", "contacted", "abbas_araghchi")}),
    ("تلقى الأسد اتصالا هاتفيا من السوداني.", {("mohammed_shia_al_sudani", "contacted", A)},
     {(A, "contacted", "mohammed_shia_al_sudani")}),
    # represents: a title, then the state's adjective or the group's name, in the person's name
    ("وقال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتدخل.", {(PUTIN, "represents", "russia")}, set()),
    ("ووصل قائد هيئة تحرير الشام أحمد الشرع إلى القصر الرئاسي.", {("ahmed_al_sharaa", "represents", "hts")}, set()),
    ("وقال أمير قطر الشيخ تميم بن حمد آل ثاني إن الحوار ضروري.",
     {("tamim_bin_hamad_al_thani", "represents", "qatar")}, set()),
    ("التقى أردوغان نظيره الروسي.", set(), {("recep_tayyip_erdogan", "represents", "russia")}),
    # a target lies before the next cue; "asked them to contact" is only an intent
    ("التقى لافروف في الدوحة بوزيري الخارجية، وطلب منهما التواصل مع هيئة تحرير الشام.", set(),
     {("sergei_lavrov", "contacted", "hts")}),
    # the counterpart of a role a handover passed on; a reception told by its verbal noun
    ("والتقى أسعد الشيباني مع نظيره السعودي في الرياض.", {("asaad_al_shaibani", "contacted", "faisal_bin_farhan")},
     set()),
    ("جاء ذلك خلال استقبال أردوغان وزير الخارجية السعودي في أنقرة.",
     {("faisal_bin_farhan", "contacted", "recep_tayyip_erdogan")}, set()),
    # a title's post and its holder's name between commas: the holder, not the post's place, refused
    ("قالت مصادر إن السفير السوري في موسكو، بشار الجعفري، رفض طلب وزارة الخارجية المصرية.",
     {("bashar_al_jaafari", "refused", "egypt")}, {("russia", "refused", "egypt"), ("moscow", "refused", "egypt")}),
    # a visit on the schedule ("من المقرر أن يزور") has not happened
    ('ونشر وزير الخارجية السوري الجديد على موقع "X" أنه من المقرر أن يزور أيضا الأردن والإمارات العربية المتحدة '
     'لتطوير شراكات استراتيجية ودعم تعافي سوريا الأمني والاقتصادي.', set(),
     {("syria", "contacted", "jordan"), ("jordan", "contacted", "syria"), ("uae", "contacted", "syria")}),
    # a request received: the one it came from asked (negated here: no edge either way)
    ("وقال بقائي إن طهران لم تتلق أي طلب من دمشق.", set(), {("iran", "contacted", "syria"), ("syria", "contacted", "iran")}),
    # refused
    ("حاول الأسد الاتصال بالرئيس الإماراتي محمد بن زايد طالباً اللجوء، إلا أن أبوظبي رفضت الطلب.",
     {("uae", "refused", A), (A, "contacted", "mohamed_bin_zayed")}, {("uae", "refused", "mohamed_bin_zayed")}),
    ("رفض بوتين طلب الأسد.", {(PUTIN, "refused", A)}, set()),
    ("ولم يرد الكرملين على طلب الأسد.", {("russia", "refused", A)}, set()),
    ("وذكرت وكالة رويترز أن الإمارات رفضت طلب الأسد اللجوء إليها.", {("uae", "refused", A)}, set()),
    ("وحاول الأسد الاتصال ببوتين، لكن الرئيس الروسي لم يرد على مكالماته.",
     {(PUTIN, "refused", A), (A, "contacted", PUTIN)}, set()),
    ("تبين للأسد أن الحلفاء مثل إيران، و حزب الله، و روسيا، وحتى الجيش السوري لم يكونوا مستعدين لمساندته.",
     {("iran", "refused", A), ("hezbollah", "refused", A), ("russia", "refused", A), ("syrian_army", "refused", A)},
     set()),
    # mediated
    ("توسطت قطر مع هيئة تحرير الشام.", {("qatar", "mediated", "hts")}, set()),
    ("توسطت قطر وتركيا بين روسيا وهيئة تحرير الشام.",
     {("qatar", "mediated", "russia"), ("qatar", "mediated", "hts"), ("turkey", "mediated", "russia"),
      ("turkey", "mediated", "hts")}, {("qatar", "mediated", "turkey")}),
    # fled-to: every stop after إلى; a bare object is the place left; intent and denial are not flights
    ("فرّ الأسد إلى موسكو.", {(A, "fled-to", "moscow")}, set()),
    ("وهرب الأسد إلى روسيا فجر الأحد.", {(A, "fled-to", "russia")}, set()),
    ("هرب الأسد إلى روسيا. غادر الأسد دمشق متجهًا إلى قاعدة حميميم الجوية في سوريا، ومن ثم إلى موسكو.",
     {(A, "fled-to", "hmeimim_airbase"), (A, "fled-to", "moscow")}, {(A, "fled-to", "damascus"), (A, "fled-to", "syria")}),
    ("وأكد الكرملين أن الأسد وصل إلى موسكو مع عائلته، حيث منح حق اللجوء.", {(A, "fled-to", "moscow")}, set()),
    ("ونفت طهران التقارير التي تحدثت عن هروب ماهر الأسد إلى إيران.", set(), {("maher_al_assad", "fled-to", "iran")}),
    ("كان الأسد يخطط سرًا لمغادرة البلاد إلى موسكو.", set(), {(A, "fled-to", "moscow")}),
    ("نفى الكرملين أن يكون الأسد قد فر إلى طهران.", set(), {(A, "fled-to", "tehran")}),
    ("سافر الشرع إلى الرياض لحضور القمة.", set(), {("ahmed_al_sharaa", "fled-to", "riyadh")}),  # a visit
    # the verb's own subject is named and is no actor: not the previous sentence's subject
    ("أجرى أمير قطر اتصالاً هاتفياً بالرئيس التركي. وفر آلاف المدنيين إلى لبنان.", set(),
     {("tamim_bin_hamad_al_thani", "fled-to", "lebanon")}),
    ("وقال بيسكوف إن بوتين لم يلتق الأسد بعد وصوله.", set(), {(PUTIN, "contacted", A)}),
    ("وصل الشرع إلى دمشق.", set(), {("ahmed_al_sharaa", "fled-to", "damascus")}),  # travel, no flight said
    # plural verbs and participles of travel, every leg of a route (ثم، قبل أن، عبر)
    ("فر ماهر الأسد من دمشق، متوجهين إلى العراق، قبل أن يغادروا إلى روسيا.",
     {("maher_al_assad", "fled-to", "iraq"), ("maher_al_assad", "fled-to", "russia")},
     {("maher_al_assad", "fled-to", "damascus")}),
    ("فر ماهر الأسد عبر العراق إلى روسيا.",
     {("maher_al_assad", "fled-to", "iraq"), ("maher_al_assad", "fled-to", "russia")}, set()),
    ("فر الأسد إلى مدينة اللاذقية.", {(A, "fled-to", "latakia")}, set()),  # a word between إلى and the place
    # entering a country: the place is the verb's object; a verb joined by و shares the subject
    ("هرب ماهر الأسد ودخل العراق.", {("maher_al_assad", "fled-to", "iraq")}, set()),
    # a definite verbal noun has no subject after it: the speaker of the previous sentence flees
    ("هرب الأسد من دمشق. وقال إن الإخلاء الفوري إلى روسيا تم مساء الأحد.", {(A, "fled-to", "russia")}, set()),
    # contacts: a noun with its owner joined ("لقائه X"), coordination and agreement ("بتنسيق مع")
    ("لدى لقائه أردوغان قال الشرع إن العلاقات جيدة.", {("ahmed_al_sharaa", "contacted", "recep_tayyip_erdogan")},
     set()),
    ("وانتقل الأسد إلى اللاذقية بتنسيق مع الأصدقاء الروس.", {(A, "contacted", "russia")}, set()),
    ("اتفق ماهر الأسد مع قسد على الانسحاب.", {("maher_al_assad", "contacted", "sdf")}, set()),
    ("زار أردوغان دمشق والتقى الشرع.", {("recep_tayyip_erdogan", "contacted", "ahmed_al_sharaa")},
     {("syria", "contacted", "ahmed_al_sharaa")}),
    ("استقبل قائد الإدارة الجديدة في سوريا أحمد الشرع، في دمشق الأحد، وزير الخارجية التركي هاكان فيدان.",
     {("hakan_fidan", "contacted", "ahmed_al_sharaa")}, set()),
    # a state inside a title is whose the title is, not a party ("وزير خارجية النظام السوري، بسام الصباغ")
    ("أجرى وزير خارجية النظام السوري، بسام الصباغ، اتصالا هاتفيا مع بوتين.",
     {("bassam_al_sabbagh", "contacted", PUTIN)}, {("syria", "contacted", PUTIN)}),
    # "بحث" alone takes a topic, not a party; "خلال الاتصال" is the call told before; "شمالي سوريا" a setting
    ("بحث بسام الصباغ خلالها التطورات في شمالي سوريا.", set(), {("bassam_al_sabbagh", "contacted", "syria")}),
    ("وقالت الخارجية المصرية إنه تم خلال الاتصال تناول التطورات في شمالي سوريا، حيث استمع عبد العاطي إلى شرح الصباغ.",
     set(), {("badr_abdelatty", "contacted", "syria")}),
    # a list goes on past a title with no name of its own ("، ووزير الخارجية أسعد الشيباني")
    ("اجتمع فيدان مع قائد الإدارة السورية الجديدة أحمد الشرع، ووزير الخارجية أسعد الشيباني، ورئيس الاستخبارات أنس خطاب.",
     {("hakan_fidan", "contacted", "ahmed_al_sharaa"), ("hakan_fidan", "contacted", "asaad_al_shaibani"),
      ("hakan_fidan", "contacted", "anas_khattab")}, set()),
    # a family name with or without its article names the table's person; a minister and his own state
    # are one side; "بأسرها" (entirely) is no family
    ("أجرى وزير الخارجية والمغتربين، بسام صباغ، اتصالاً هاتفياً مع نظيره المصري، بدر عبد العاطي. وكان أجرى "
     "الوزير الصباغ عدة اتصالات مع نظرائه في المملكة العربية السعودية وإيران. وتناول الاتصال أمن سوريا والمنطقة بأسرها.",
     {("bassam_al_sabbagh", "contacted", "badr_abdelatty"), ("bassam_al_sabbagh", "contacted", "saudi_arabia")},
     {("badr_abdelatty", "contacted", "saudi_arabia"), ("bassam_al_sabbagh", "contacted", "syria")}),
    ("وختم فيدان بالقول إن تركيا تنسق مع السعودية.", {("turkey", "contacted", "saudi_arabia")}, set()),
    # persuading and talking with someone are contacts (a day in brackets between the verb and مع)
    ("أقنع أردوغان نظيره الروسي فلاديمير بوتين بعدم التصعيد.", {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    ("تحدث أردوغان (السبت) مع بوتين.", {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    # leaving in secret is a flight; "حليفته روسيا" (its ally Russia) is still the destination
    ("غادر بشار الأسد البلاد خفية إلى حليفته روسيا.", {(A, "fled-to", "russia")}, set()),
    ("وحكم بشار سوريا لمدة 24 عاما، وغادر البلاد خفية إلى روسيا.", {(A, "fled-to", "russia")}, set()),
    ("غادر بشار الأسد البلاد إلى روسيا.", set(), {(A, "fled-to", "russia")}),  # (no word of flight: a trip)
    # a verb joined by و after a comma goes on with the sentence's subject, not the last one named
    ("وحكم بشار سوريا لمدة 24 عاما خلفا لوالده حافظ الأسد (1970-2000)، وغادر البلاد هو وعائلته خفية إلى روسيا.",
     {(A, "fled-to", "russia")}, {("hafez_al_assad", "fled-to", "russia")}),
    # ... but one joined to the subject by و past the verb's reach is more of the subject, no object of it
    ("وأفادت وكالة الأنباء السورية سانا التقى الزياني قائد الإدارة السورية الجديدة، أحمد الشرع، ووزير الخارجية، "
     "أسعد الشيباني.", set(), {("ahmed_al_sharaa", "contacted", "asaad_al_shaibani")}),
    # the object of a verb-first sentence is counted from its subject's end, however long the subject's titles
    ("والتقى قائد الإدارة السورية الجديدة أحمد الشرع ووزير الخارجية أسعد الشيباني، اليوم الجمعة، وزير الخارجية "
     "التركي هاكان فيدان في دمشق.", {("ahmed_al_sharaa", "contacted", "hakan_fidan"),
                                   ("asaad_al_shaibani", "contacted", "hakan_fidan")}, set()),
    # a list's next item after a title, its state's adjective, a comma and an honorific
    ("والتقى الوفد العماني مع القائد العام للإدارة السورية، أحمد الشرع، ووزير الخارجية السوري، السيد أسعد الشيباني.",
     {("oman", "contacted", "ahmed_al_sharaa"), ("oman", "contacted", "asaad_al_shaibani")}, set()),
    # a hashtag's sign is no word; who invited the one who came dealt with him
    ("وأفادت وسائل إعلام لبنانية أن رئيس الحكومة نجيب ميقاتي توجه أيضاً إلى #سوريا، تلبيةً لدعوة القائد العام "
     "للإدارة السورية، أحمد الشرع", {("najib_mikati", "contacted", "ahmed_al_sharaa")}, set()),
    # "his country" is the state of the one named before it
    ("وقال فيدان إن بلاده أبلغت موسكو بضرورة عدم عودة سيناريو 2015.", {("turkey", "contacted", "russia")}, set()),
    # the host named before "في استقبال" (there to receive), or after "في ضيافة" (as the guests of)
    ("وأكد أن وزير الخارجية هاكان فيدان كان في استقبال أسعد الشيباني في أنقرة.",
     {("asaad_al_shaibani", "contacted", "hakan_fidan")}, set()),
    ("وبدأ ماهر الأسد يومه الثاني في ضيافة الأردن.", {("jordan", "contacted", "maher_al_assad")}, set()),
    # a deputy's title holds the minister's: no edge of the minister's
    ("والتقى الشرع ميخائيل بوغدانوف، نائب وزير الخارجية الروسي، في دمشق.",
     {("ahmed_al_sharaa", "contacted", "mikhail_bogdanov")}, {("sergei_lavrov", "represents", "russia")}),
    # declining to comment refuses no one
    ("وقال بيسكوف إن الكرملين امتنع عن التعليق على طلب أردوغان.", set(),
     {("russia", "refused", "recep_tayyip_erdogan")}),
    # talks between two sides, under a third's sponsorship: the sides met, the sponsor mediated
    ("وبدأت المحادثات بين تشاد وليبيا في 13 مارس الماضي برعاية قطر.",
     {("chad", "contacted", "libya"), ("qatar", "mediated", "chad"), ("qatar", "mediated", "libya")},
     {("chad", "mediated", "qatar")}),
    # a way out secured for someone: the ones who secured it mediated for the one who left
    ("وكشفت وكالة رويترز أن تركيا وقطر تدخلتا لضمان خروج الرئيس السوري، بشار الأسد، بشكل آمن من دمشق.",
     {("turkey", "mediated", A), ("qatar", "mediated", A)}, set()),
    # a title across a preposition is another's ("a letter from the King of Bahrain TO al-Sharaa")
    ("ونقل الزياني رسالة خطية من ملك البحرين إلى الشرع.", set(), {("ahmed_al_sharaa", "represents", "bahrain")}),
    ("والتقى الرئيس الروسي فلاديمير بوتين بالشرع.", {(PUTIN, "represents", "russia")}, set()),
    # a surname that is a state's adjective, right after a title, is the adjective ("the SUDANESE former president")
    ("حزّم الرئيس السوداني السابق جعفر نميري حقائبه بعد 14 عاماً امضاها في القاهرة رفضت خلالها السلطات المصرية طلبات لتسليمه.",
     set(), {("egypt", "refused", "mohammed_shia_al_sudani")}),
    ("والتقى السوداني بوتين في موسكو.", {("mohammed_shia_al_sudani", "contacted", PUTIN)}, set()),
    # a name after a construct noun is its genitive, no traveller ("relatives OF Syrian officials", "close to
    # the regime OF Bashar al-Assad"); a regime noun only as a preposition's object ("the fall of the regime of
    # President Bashar al-Assad and HIS flight": his)
    ("وقال مسؤولون إن أقارب مسؤولين سوريين، ومنهم عائلة ماهر الأسد، وشخصيات إعلامية مقربة من نظام بشار الأسد، فروا إلى لبنان.",
     {("maher_al_assad_family", "fled-to", "lebanon")}, {(A, "fled-to", "lebanon")}),
    ("بعد مرور 6 أيام من سقوط نظام الرئيس السوري بشار الأسد وهروبه إلى موسكو، كشفت مصادر تفاصيل جديدة.",
     {(A, "fled-to", "moscow")}, set()),
    # ... a construct noun that starts with ف as a word of its own ("the REMNANTS of Bashar al-Assad")
    ("وفر فلول بشار الأسد إلى لبنان.", set(), {(A, "fled-to", "lebanon")}),
    # the one a group is led by ([clauses] leaders: بقيادة) is no target of the group's journey
    ("وسقط نظام بشار الأسد فجر يوم 8 كانون الأول، بعد دخول قوات المعارضة بقيادة هيئة تحرير الشام إلى العاصمة دمشق "
     "وهروبه إلى روسيا.", {(A, "fled-to", "russia")}, {("syrian_opposition_forces", "fled-to", "hts")}),
    # the subject right after a complementizer ([clauses] complementizers) is its clause's own, actor or not
    ("وفر الأسد إلى موسكو. وأوضح مسؤول لبناني أن أكثر من 100,000 شخص، معظمهم من الأقليات الدينية، عبروا إلى لبنان.",
     {(A, "fled-to", "moscow")}, {(A, "fled-to", "lebanon")}),
    ("وقال مسؤول إن ماهر الأسد فر إلى لبنان.", {("maher_al_assad", "fled-to", "lebanon")}, set()),
    ("فر الأسد إلى موسكو. وبحسب المرصد، فإن العديد من كبار الضباط تمكنوا من الوصول إلى لبنان.",
     {(A, "fled-to", "moscow")}, {(A, "fled-to", "lebanon")}),
    # a group's entry into a city is its advance, where the flight its sentence speaks of is another's; a
    # group that flees and enters still flees
    ("وسقط نظام بشار الأسد فجر يوم 8 كانون الأول، بعد دخول قوات المعارضة إلى العاصمة دمشق وهروب الأسد إلى روسيا.",
     {(A, "fled-to", "russia")}, {("syrian_opposition_forces", "fled-to", "damascus")}),
    ("فر جنود سوريون من المعارك ودخلوا إلى بيروت.", {("syria_soldiers", "fled-to", "beirut")}, set()),
]


MAHER, FALL = "maher_al_assad", "بعد سقوط النظام، "
# Actors the alias table lacks: groups (by their English label, one actor in both languages),
# people introduced by a title, a kinsman's first name. (text, edges that must / must not come out,
# with discovered actors named by their labels)
ACTORS = [
    # a group noun, then the owner's adjective (definite or not), name, من-phrase or possessive
    ("فر مئات الجنود السوريين إلى العراق.", {("Syrian soldiers", "fled-to", "iraq"),
                                             ("Syrian soldiers", "member-of", "syria")}, set()),
    ("فرت عائلات عراقية إلى سوريا.", {("Iraqi families", "fled-to", "syria")}, set()),
    ("فر عناصر من حزب الله إلى العراق.", {("Hezbollah fighters", "fled-to", "iraq")}, {("hezbollah", "fled-to", "iraq")}),
    ("هربت عائلة ماهر الأسد إلى روسيا.", {("Maher al-Assad's family", "fled-to", "russia")}, set()),
    ("أكد مسؤول أن أكثر من ألف جندي من الجيش السوري دخلوا العراق هربا.", {("Syrian soldiers", "fled-to", "iraq")},
     {("syrian_army", "fled-to", "iraq")}),
    ("هرب مسؤولو النظام السوري إلى لبنان.", {("Syrian officials", "fled-to", "lebanon")}, set()),
    # a people's broken plural from the table ("أتراك"); a number before the group leaves it the subject
    ("ثمانية ضباط أتراك فروا إلى اليونان.", {("Turkish officers", "fled-to", "greece")}, set()),
    ("فر ثمانية جنود سوريين إلى العراق.", {("Syrian soldiers", "fled-to", "iraq")}, set()),
    # an indirect question opens a clause: no name runs into it ("بسام مولوي كيف")
    ("كشف وزير الداخلية اللبناني بسام مولوي كيف دخلت بثينة شعبان إلى لبنان.", {("بسام مولوي", "represents", "lebanon")},
     {("بسام مولوي كيف", "represents", "lebanon"), ("بسام مولوي كيف", "fled-to", "lebanon")}),
    ("هرب كبار المسؤولين والمقربين من بشار الأسد إلى لبنان.", {("Bashar al-Assad officials", "fled-to", "lebanon")},
     {(A, "fled-to", "lebanon")}),
    # companions flee with the subject: a possessive group, a titled name, a list, a later plural verb
    ("فر ماهر الأسد مع عائلته إلى العراق.", {(MAHER, "fled-to", "iraq"), ("Maher al-Assad's family", "fled-to", "iraq")},
     set()),
    ("فر ماهر الأسد برفقة رجل الأعمال رئيف قوتلي إلى العراق.", {("رئيف قوتلي", "fled-to", "iraq")}, set()),
    (FALL + "أضافت المصادر أن ماهر الأسد استقل طائرة برفقة عائلته ورجل الأعمال رئيف قوتلي، متوجهين إلى العراق، "
     "قبل أن يغادروا إلى روسيا.",
     {(MAHER, "fled-to", "iraq"), (MAHER, "fled-to", "russia"), ("Maher al-Assad's family", "fled-to", "russia"),
      ("رئيف قوتلي", "fled-to", "iraq"), ("رئيف قوتلي", "fled-to", "russia")}, set()),
    (FALL + "غادر علي مملوك سوريا، وانضم إليه رجل الأعمال محمد حمشو. وضمن حزب الله وصولهم إلى بيروت.",
     {("ali_mamlouk", "fled-to", "beirut"), ("محمد حمشو", "fled-to", "beirut")}, set()),
    ("غادر ماهر الأسد دمشق وله علاقات مع قيادات الفرقة الرابعة، متوجها إلى العراق هربا.", {(MAHER, "fled-to", "iraq")},
     {("4th Armoured Division commanders", "fled-to", "iraq")}),  # "علاقات مع": no companion
    # a person the table lacks, after a title (and the title's owner)
    ("فر العميد كمال حداد إلى موسكو.", {("كمال حداد", "fled-to", "moscow")}, set()),
    ("وكان رئيس جهاز المخابرات التركية كمال حداد زار دمشق والتقى الشرع.",
     {("كمال حداد", "contacted", "ahmed_al_sharaa")}, {("syria", "contacted", "ahmed_al_sharaa")}),
    # a name seen in full earlier, named by one of its words; a kinsman's first name with his surname
    ("هرب ماهر الأسد إلى العراق. ثم انتقل ماهر إلى روسيا.", {(MAHER, "fled-to", "russia")}, set()),
    ("قتل رامي مخلوف. وقد نجا شقيقه إياد وفر إلى بيروت.", {("eyad_makhlouf", "fled-to", "beirut")},
     {("rami_makhlouf", "fled-to", "beirut")}),
    # an escort or protector of a flight mediated it (a group's fighters for their organisation)
    ("فر المسؤولون السوريون إلى بيروت تحت حماية حزب الله.",
     {("Syrian officials", "fled-to", "beirut"), ("hezbollah", "mediated", "Syrian officials")}, set()),
    ("هرب ماهر الأسد إلى العراق بمرافقة عناصر من الحرس الثوري.", {("irgc", "mediated", MAHER)},
     {("Islamic Revolutionary Guard Corps fighters", "fled-to", "iraq")}),
    # a collective noun and a state's adjective name the state
    ("دخلت بثينة شعبان الأراضي اللبنانية هربا من دمشق بعد سقوط النظام.",
     {("buthaina_shaaban", "fled-to", "lebanon")}, set()),
    # a description between commas is no subject; a clause with its own subject takes no earlier one
    ("أكد الوزير أن بثينة شعبان، المستشارة الإعلامية للرئيس بشار الأسد، دخلت لبنان بعد سقوط النظام.",
     {("buthaina_shaaban", "fled-to", "lebanon")}, {(A, "fled-to", "lebanon")}),
    ("غادر بشار الأسد البلاد، في وقت كانت فصائل المعارضة قد بدأت بالدخول إلى دمشق.", set(),
     {(A, "fled-to", "damascus")}),
    # in a report of flight, arriving is fleeing unless the traveller meets people (a diplomat's visit)
    (FALL + "فر ماهر الأسد إلى العراق. ووصل علي مملوك إلى بيروت مساء اليوم نفسه.",
     {("ali_mamlouk", "fled-to", "beirut")}, set()),
    (FALL + "فر الأسد إلى موسكو. ووصل وزير الخارجية التركي هاكان فيدان إلى دمشق والتقى الشرع.",
     {("hakan_fidan", "contacted", "ahmed_al_sharaa")}, {("hakan_fidan", "fled-to", "damascus")}),
    # smuggled or moved: the object flees, whoever smuggles or moves it mediated ("عن طريق X" too)
    ("وقال مصدر إن قوات سوريا الديمقراطية قامت بتهريب ماهر الأسد إلى العراق.",
     {(MAHER, "fled-to", "iraq"), ("sdf", "mediated", MAHER)}, {("sdf", "fled-to", "iraq")}),
    ("وأكدت المصادر أن ماهر الأسد هُرّب عن طريق قوات سوريا الديمقراطية إلى العراق.",
     {(MAHER, "fled-to", "iraq"), ("sdf", "mediated", MAHER)}, set()),
    (FALL + "نقلت روسيا بشار الأسد إلى موسكو.", {(A, "fled-to", "moscow"), ("russia", "mediated", A)},
     {("russia", "fled-to", "moscow")}),
    ("وقال المسؤول إن الجرحى نقلوا إلى مستشفى القائم لتلقي العلاج.", set(), {("iraq", "fled-to", "qaim")}),
    # "his escape": the one the sentence is about
    ("نفت الحكومة العراقية وجود ماهر الأسد على أراضيها، في وقت تحدثت مصادر عن هروبه باتجاه العراق.",
     {(MAHER, "fled-to", "iraq")}, set()),
    # those travelling with the sentence's subject, not with someone else named in it
    (FALL + "غادر ماهر الأسد دمشق بعد هروب شقيقه بشار إلى موسكو، حيث رافقته عناصر من الحرس الثوري.",
     {(A, "fled-to", "moscow")}, {("Islamic Revolutionary Guard Corps fighters", "fled-to", "moscow")}),
    # "ومنهم من غادر": some of them (who) left, not the one talked of before
    ("هرب ماهر الأسد إلى العراق. ومنهم من غادر العراق باتجاه إيران.", {(MAHER, "fled-to", "iraq")},
     {(MAHER, "fled-to", "iran")}),
    # "وإن نفت ...": the denial is of another clause
    ("تشير المعلومات إلى أن ماهر الأسد دخل العراق هربا، وإن نفت وزارة الداخلية العراقية وجوده حاليا.",
     {(MAHER, "fled-to", "iraq")}, set()),
    # after a noun (ة ends no verb) a name is its genitive, no subject: Lavrov reached out, not Assad
    ("قاد لافروف الجهود الدبلوماسية لتأمين سلامة الأسد عبر التواصل مع تركيا وقطر.",
     {("sergei_lavrov", "contacted", "turkey"), ("sergei_lavrov", "contacted", "qatar")},
     {(A, "contacted", "turkey")}),
    # "زوجته وأطفاله": his wife and children, the family of the person named before
    ("حث مسؤولون مصريون الرئيس بشار الأسد على المغادرة. وذكرت التقارير أن زوجته وأطفاله غادروا دمشق إلى موسكو هربا.",
     {("Bashar al-Assad's family", "fled-to", "moscow"), ("egypt", "contacted", A)},
     {("Egyptian officials", "fled-to", "moscow")}),
    # a negation before a verb joined by و belongs to the predicate before it
    ("قالت المصادر إن ضباط الأسد يحملون جوازات سفر ليست بأسمائهم ويدخلون إلى لبنان هربا من الملاحقة.",
     {("Bashar al-Assad officers", "fled-to", "lebanon")}, set()),
    ("قالت المصادر إن ضباط الأسد يحملون جوازات سفر ليست بأسمائهم ويدخلون إلى لبنان هربا مع عائلاتهم.",
     {("Bashar al-Assad officers' families", "fled-to", "lebanon")}, set()),
    # "الهاربين": those who fled, not the one talked of before
    ("قال رامي عبد الرحمن إن الوضع خطير. وأكد أن الهاربين عبر مطار دمشق هم ضباط كبار.", set(),
     {("rami_abdel_rahman", "fled-to", "damascus_airport")}),
    # people of a state by their Arabic name; "رفضها" refused what its suffix stands for, no one named before
    ("رفض الإماراتيون طلب الأسد.", {("uae", "refused", A)}, set()),
    ("طلب الأسد اللجوء في الإمارات. ووجهت إليه اتهامات رفضها الأسد.", set(), {(A, "refused", "uae")}),
    # a family the table lacks, by its surname; those who joined the traveller go on with it
    (FALL + "غادر علي مملوك سوريا، وانضم إليه أفراد من عائلة شاليش، بالإضافة إلى رجل الأعمال محمد حمشو. "
     "ووصلوا إلى بيروت.",
     {("ali_mamlouk", "fled-to", "beirut"), ("عائلة شاليش", "fled-to", "beirut"), ("محمد حمشو", "fled-to", "beirut")},
     set()),
    # sending one's family away ("إلى مناطق مختلفة في لبنان": places in Lebanon); an envoy sent is no flight
    (FALL + "عمد عدد من المسؤولين السوريين إلى إرسال عائلاتهم إلى مناطق مختلفة في لبنان.",
     {("Syrian officials' families", "fled-to", "lebanon")}, {("syria", "mediated", "Syrian officials' families")}),
    (FALL + "أرسل أردوغان مبعوثا إلى دمشق.", set(), {("recep_tayyip_erdogan", "fled-to", "damascus")}),
    # an adjective with the article before a name does not make it a genitive
    ("وكان رئيس الاستخبارات التركية إبراهيم كالين زار دمشق والتقى الشرع.",
     {("ibrahim_kalin", "contacted", "ahmed_al_sharaa")}, {("syria", "contacted", "ahmed_al_sharaa")}),
    (FALL + "فر الأسد إلى موسكو. ووصل أحمد الشرع إلى القصر الرئاسي. وبعد أيام زار الشرع السعودية.",
     {("ahmed_al_sharaa", "contacted", "saudi_arabia")}, {("ahmed_al_sharaa", "fled-to", "presidential_palace")}),
    # refusing asylum to a group named after the asylum word; a state's adjective after a cue's noun
    ("رفضت السلطات العراقية منح اللجوء للجنود السوريين.", {("iraq", "refused", "Syrian soldiers")}, set()),
    ("تم التوصل إلى الاتفاق بوساطة قطرية بين روسيا وهيئة تحرير الشام.",
     {("qatar", "mediated", "russia"), ("qatar", "mediated", "hts")}, set()),
    # withdrawing to a place; withdrawing one's fighters (its fighters: the owner named in the sentence)
    ("انسحبت القوات الإيرانية من سوريا إلى العراق.", {("Iranian forces", "fled-to", "iraq")}, set()),
    ("وقال مصدر إن حزب الله سحب عناصره المتواجدين في محيط دمشق باتجاه لبنان.",
     {("Hezbollah fighters", "fled-to", "lebanon")}, {("hezbollah", "mediated", "Hezbollah fighters")}),
    ("فر الأسد إلى موسكو. وقال المصدر إن الحزب أوعز لمقاتليه بالانسحاب.", set(),
     {("Bashar al-Assad fighters", "member-of", A)}),
    ("وأوضحت المصادر أن عناصر «حزب الله» المنسحبين انتقلوا إلى منطقة القصير، ومنها إلى لبنان.",
     {("Hezbollah fighters", "fled-to", "lebanon")}, set()),
    ("سحبت السعودية سفيرها من دمشق.", set(), {("saudi_arabia", "fled-to", "damascus")}),
    # a role of the table before another person's name is that person's; honorifics; a title chain
    ("وكان جلالة الملك عبدالله الثاني لدى لقائه الرئيس السوري أحمد الشرع قد أكد دعم الأردن.",
     {("king_abdullah_ii", "contacted", "ahmed_al_sharaa")}, {("king_abdullah_ii", "contacted", A)}),
    ("يزور نائب رئيس الوزراء ووزير الخارجية وشؤون المغتربين أيمن الصفدي اليوم دمشق ويلتقي أحمد الشرع.",
     {("ayman_safadi", "contacted", "ahmed_al_sharaa")}, {("وشؤون المغتربين", "contacted", "ahmed_al_sharaa")}),
    # granted asylum by a state: refuge there; got asylum in a place
    ("وأكد المصدر أن روسيا منحت الأسد وعائلته اللجوء لأسباب إنسانية.",
     {(A, "fled-to", "russia"), ("Bashar al-Assad's family", "fled-to", "russia")}, {("russia", "mediated", A)}),
    ("وصل الرئيس السوري الأسد إلى موسكو. ومنحته روسيا حق اللجوء لأسباب إنسانية.", {(A, "fled-to", "russia")}, set()),
    ("منحت روسيا الأسد وساما.", set(), {(A, "fled-to", "russia")}),
    ("حصل الأسد على حق اللجوء في روسيا.", {(A, "fled-to", "russia")}, set()),
    # the one and his family arrive together; a capital after its description
    ("أفادت مصادر في الكرملين أن الرئيس السوري بشار الأسد وأفراد عائلته وصلوا إلى العاصمة الروسية موسكو بعد سقوط نظامه.",
     {(A, "fled-to", "moscow"), ("Bashar al-Assad's family", "fled-to", "moscow")}, set()),
    # evacuating one's diplomats or staff; crossing the border with the subject inside the phrase
    ("أجلت روسيا دبلوماسييها من دمشق إلى قاعدة حميميم.", {("Russian diplomats", "fled-to", "hmeimim_airbase")},
     {("russia", "mediated", "Russian diplomats")}),
    ("وتم إجلاء موظفي السفارة الروسية إلى موسكو.", {("Russian staff", "fled-to", "moscow")}, set()),
    ("عبر آلاف الجنود السوريين الحدود إلى العراق.", {("Syrian soldiers", "fled-to", "iraq")}, set()),
    # "هذه المساعدات لم تصل": the aid did not arrive, not the one talked of before
    ("وقال كامل صقر إن بوتين وعد بمساعدات عسكرية. لكن هذه المساعدات وصلت إلى دمشق بعد سقوط حلب.", set(),
     {("kamal_saqr", "fled-to", "damascus"), (PUTIN, "fled-to", "damascus")}),
    # a place word before a name ("محافظة المهرة") is no demonstrative: the verb joined after it is the subject's
    ("فر الأسد من دمشق براً عن طريق محافظة المهرة ووصل إلى موسكو.", {(A, "fled-to", "moscow")}, set()),
    # a verbal noun after a preposition has its own doer after it ("مع توجه المتمردين": the rebels went)
    ("فر الأسد إلى موسكو مع توجه المتمردين نحو دمشق.", {(A, "fled-to", "moscow")}, {(A, "fled-to", "damascus")}),
    # a flight with no destination named still had its helper; a description after a comma is no list
    ("هرب ماهر الأسد، شقيق بشار وقائد الفرقة الرابعة، هرب من سوريا بطريقة سرية، مستعينًا بقيادي من قوات سوريا الديمقراطية.",
     {("sdf", "mediated", MAHER)}, {("sdf", "mediated", A)}),
    # not with them: no companions
    ("لم يكن ماهر الأسد برفقة عائلته عندما فر إلى العراق.", {(MAHER, "fled-to", "iraq")},
     {("Maher al-Assad's family", "fled-to", "iraq")}),
    # a quantity with من before the group ("a large number of") leaves it the subject
    ("وقد فر عدد كبير من الجنود السوريين إلى العراق.", {("Syrian soldiers", "fled-to", "iraq")}, set()),
    ("فر مئات من الجنود السوريين إلى العراق.", {("Syrian soldiers", "fled-to", "iraq")}, set()),
    # the one whose title a description opens with, before the named holder and a comma, is no subject
    ("مستشارة الرئيس السوري السابق بشار الأسد، بثينة شعبان، فرت إلى لبنان.",
     {("buthaina_shaaban", "fled-to", "lebanon")}, {(A, "fled-to", "lebanon")}),
    # a relative clause on "the figures", then those it names ("هم كل من"): they did it
    ("وأكد أن الشخصيات التي فرت إلى لبنان هم كل من علي مملوك وماهر الأسد.",
     {("ali_mamlouk", "fled-to", "lebanon"), (MAHER, "fled-to", "lebanon")}, set()),
    # "وكان في استقباله X": X received the one whose arrival was just told
    ("وصل وزير الخارجية التركي هاكان فيدان إلى دمشق، وكان في استقباله أحمد الشرع.",
     {("ahmed_al_sharaa", "contacted", "hakan_fidan")}, set()),
    # meetings held, in the plural
    ("عقد أردوغان اجتماعات مع بوتين أمس.", {("recep_tayyip_erdogan", "contacted", PUTIN)}, set()),
    # a state's court acts for the state
    ("رفضت المحكمة اليونانية العليا تسليم الضباط إلى تركيا.", {("greece", "refused", "turkey")}, set()),
    # denied and intended flights stay unasserted
    ("نفى مكتب ماهر الأسد أنه دخل العراق.", set(), {(MAHER, "fled-to", "iraq")}),
    ("يخطط المسؤولون السوريون للانتقال إلى لبنان.", set(), {("Syrian officials", "fled-to", "lebanon")}),
    ("يعتزم المسؤولون السوريون الهروب إلى لبنان.", set(), {("Syrian officials", "fled-to", "lebanon")}),
    ("لم تمنح روسيا الأسد اللجوء.", set(), {(A, "fled-to", "russia")}),
    ("نفت قسد تهريب ماهر الأسد إلى العراق.", set(), {(MAHER, "fled-to", "iraq"), ("sdf", "mediated", MAHER)}),
    ("نفى الكرملين أن يكون الأسد وعائلته قد وصلوا إلى موسكو.", set(),
     {(A, "fled-to", "moscow"), ("Bashar al-Assad's family", "fled-to", "moscow")}),
    ("إذا هرب ماهر الأسد إلى العراق فسيعتقل.", set(), {(MAHER, "fled-to", "iraq")}),
    # a clause set in the scene of a visit just named: the visitor met them, not the sentence's subject
    ("وتأتي تصريحات رئيس الوزراء محمد شياع السوداني بعد ساعات من زيارة رئيس المخابرات العراقية حميد الشطري، "
     "حيث اجتمع مع قائد الإدارة السورية الجديدة أحمد الشرع.",
     {("حميد الشطري", "contacted", "ahmed_al_sharaa")}, {("mohammed_shia_al_sudani", "contacted", "ahmed_al_sharaa")}),
    # a deputy's office names no holder of the office; "رئيس مجلس الوزراء" is a title, no one's name
    ("أجرى أمير قطر مباحثات مع نائب رئيس دولة الإمارات رئيس مجلس الوزراء الشيخ محمد بن راشد آل مكتوم.",
     {("tamim_bin_hamad_al_thani", "contacted", "محمد بن راشد آل مكتوم")},
     {("tamim_bin_hamad_al_thani", "contacted", "mohamed_bin_zayed"),
      ("tamim_bin_hamad_al_thani", "contacted", "مجلس الوزراء")}),
    # a hamza is no article ("ألكسندر"): the name after a title and a state's adjective is the person's,
    # even right before another titled person; the state's adjective is his, not the next person's
    ("التقى الرئيس البيلاروسي ألكسندر لوكاشينكو الرئيس الروسي فلاديمير بوتين في موسكو.",
     {("ألكسندر لوكاشينكو", "contacted", PUTIN), ("ألكسندر لوكاشينكو", "represents", "belarus")},
     {(PUTIN, "represents", "belarus")}),
    # a place right after a name ends it ("محمود الزهار القاهرة")
    ("غادر الدكتور محمود الزهار القاهرة والتقى الرئيس السوري بشار الأسد.",
     {("محمود الزهار", "contacted", A)}, set()),
    # "علي" after a title is the name Ali, not "على"; each item of the list after "هم كل من" opens with "و",
    # with or without a title of its own
    ("وأكد أن الشخصيات التي فرت إلى لبنان هم كل من وزير الدفاع السابق علي عباس وقائد القوات الجوية اللواء توفيق خضور.",
     {("علي عباس", "fled-to", "lebanon"), ("توفيق خضور", "fled-to", "lebanon")}, set()),
    # a title with a joined preposition ("بالرئيس") ends the name before it
    ("اتصل رئيس الوزراء الاثيوبي هايلي ديسالين بالرئيس السوري بشار الأسد.",
     {("هايلي ديسالين", "contacted", A)}, set()),
    # a role of the table, a word of its own ("السابق", former) and a name the table lacks: that person,
    # not the table's holder of the office; a defector's entry is a flight
    ("دخل رئيس الوزراء السوري المنشق رياض حجاب إلى الأراضي الأردنية فجر أمس.",
     {("رياض حجاب", "fled-to", "jordan")}, {("mohammed_ghazi_al_jalali", "fled-to", "jordan")}),
    # people held by others are a group of their owner's; a release makes their journey a flight; a place after a
    # noun with a joined preposition ("بمطار «نيامي»") is where they were received, not who received them; a
    # title's holder set off by commas is that person
    ("وصل الرهائن الفرنسيين الأربعة المفرج عنهم إلى باريس. وكان في استقبالهم في صالون الشرف بمطار «نيامي» "
     "الرئيس النيجري، محمدو يوسفو، برفقة فابيوس.",
     {("French hostages", "fled-to", "paris"), ("French hostages", "contacted", "محمدو يوسفو")},
     {("French hostages", "contacted", "niger")}),
    # "the latter" is the party named last before it (a person first); an adjective after a definite noun is none
    ("التقى الشيباني بشار الجعفري في موسكو، وقالت روسيا إن الأخير فر إلى الإمارات.",
     {("bashar_al_jaafari", "fled-to", "uae")}, {("asaad_al_shaibani", "fled-to", "uae")}),
    ("فر الأسد إلى موسكو الأسبوع الأخير.", {(A, "fled-to", "moscow")}, set()),
    # one present at a meeting takes part in it, and does not meet his own side
    ("وأفادت الرئاسة السورية بأن الشرع عقد اجتماعا مع الرئيس الفلسطيني محمود عباس، بحضور وزير خارجيته أسعد الشيباني.",
     {("asaad_al_shaibani", "contacted", "محمود عباس")}, {("ahmed_al_sharaa", "contacted", "asaad_al_shaibani")}),
    # a state's plural adjective as a noun, counted or before a relative clause, is a group of its nationals
    ("وقال بو حبيب إن آلاف السوريين فروا إلى لبنان.", {("Syrian nationals", "fled-to", "lebanon")},
     {("عبدالله بو حبيب", "fled-to", "lebanon")}),
    ("وقال بو حبيب إن بلاده ستساعد للسوريين الذين فروا من بلادهم إلى لبنان.",
     {("Syrian nationals", "fled-to", "lebanon")}, set()),
    # a title's "for ... affairs" opens no name
    ("وقال وزير الدولة الأردنية لشئون الإعلام إن رئيس الوزراء السوري السابق رياض حجاب فر إلى الأردن.",
     {("رياض حجاب", "fled-to", "jordan")}, {("لشئون الإعلام", "fled-to", "jordan")}),
]


@pytest.mark.parametrize("text,must,must_not", ACTORS)
def test_arabic_actors_the_table_lacks(offline_settings, text, must, must_not):
    from graphx.documents import make_document
    from graphx.extract import extract_document

    result = extract_document(make_document("t.txt", text), offline_settings)
    assert not result.error, result.error
    label = {a.id: a.label for a in result.discovered}
    got = {(label.get(e.source, e.source), e.relation, label.get(e.target, e.target))
           for e in result.evidence if e.asserted}
    assert must <= got, (text, got)
    assert not (must_not & got), (text, got)
    for a in result.discovered:  # a group belongs to its owner, or is a family named by its surname
        assert a.kind in ("person", "group") and a.label and (a.kind == "person" or a.member_of
                                                               or a.label.split()[0] in ("عائلة", "آل", "أسرة")), a


@pytest.mark.parametrize("text,must,must_not", TABLE)
def test_arabic_sentences(arabic, text, must, must_not):
    got = asserted(arabic(text))
    assert must <= got, (text, got)
    assert not (must_not & got), (text, got)


ATTRIBUTION = [
    ("وقال كامل صقر إن بوتين رفض طلب الأسد.", "Kamal Saqr"),
    ("ووفقًا لصقر، رفض بوتين طلب الأسد.", "Kamal Saqr"),
    ("وحسب رويترز، فرّ الأسد إلى موسكو.", "Reuters"),
    ("كشفت شبكة “إن بي سي نيوز” أن الأسد فرّ إلى موسكو.", "NBC News"),
    ("فرّ الأسد إلى موسكو.", ""),
    ("وقالت مصادر لقناة الجزيرة إن ماهر الأسد فر إلى العراق.", "مصادر via Al Jazeera"),
]


@pytest.mark.parametrize("text,who", ATTRIBUTION)
def test_arabic_attribution(arabic, text, who):
    evs = [e for e in arabic(text) if e.relation in ("refused", "fled-to")]
    assert evs and {e.attributed_to for e in evs} == {who}


def test_normalise_and_segments():
    from graphx.nlp.arabic import arabic_segments, is_arabic, normalise

    assert normalise("اجتماعًا") == normalise("اجتماعا")
    assert normalise("أحمد") == normalise("احمد")
    assert is_arabic("غادر الأسد") and not is_arabic("Assad left")
    text = "Title\n\nالأسد غادر.\n\nبوتين لم يرد.\n\nAssad left."
    (lo, hi), = arabic_segments(text)
    assert text[lo:hi] == "الأسد غادر.\n\nبوتين لم يرد."


def test_evidence_offsets_and_language(arabic):
    text = "English first.\n\nفرّ الأسد إلى موسكو."
    ev, = [e for e in arabic(text) if e.asserted]
    assert text[ev.start:ev.end] == "فرّ الأسد إلى موسكو."
    assert text[ev.trigger_start:ev.trigger_end] == "فرّ"
    assert text[ev.source_start:ev.source_end] == "الأسد"
    assert text[ev.target_start:ev.target_end] == "موسكو"
    assert ev.language == "ar"


def test_bilingual_seed_cites_both_languages(seeds_graph):
    """Seed 004 is Arabic then its English translation: each edge its translation yields
    has cited Arabic evidence too, and the document counts once."""
    G, _ = seeds_graph
    doc = "004_f730d4489eb8df36.txt"
    edges = [(A, "moscow", "fled-to"), (A, "hmeimim_airbase", "fled-to"), (A, "russia", "fled-to"),
             (A, "ali_larijani", "contacted"), (A, PUTIN, "contacted"), (PUTIN, A, "refused"),
             ("iran", A, "refused"), ("ahmed_al_sharaa", "saudi_arabia", "contacted")]
    for s, t, k in edges:
        cites = [c for c in G.edges[s, t, k]["citations"] if c.doc == doc and c.asserted]
        langs = {c.language for c in cites}
        assert {"ar", "en"} <= langs, (s, k, t, langs)
        for c in cites:
            assert c.text in open(f"seeds/{doc}", encoding="utf-8").read()
    # every edge the English translation yields is found in the Arabic original too
    halves = {"ar": set(), "en": set()}
    for s, t, k, d in G.edges(keys=True, data=True):
        if k == "member-of":
            continue  # the translation names groups the original does not ("Assad's forces": النظام السوري)
        for c in d["citations"]:
            if c.doc == doc and c.asserted and k != "member-of":  # (groups are read in English only)
                halves[c.language].add((s, k, t))
    assert halves["en"] and halves["en"] <= halves["ar"], halves["en"] - halves["ar"]


def test_lexicon_arabic_section_is_validated(tmp_path):
    from graphx.errors import ConfigError
    from graphx.lexicon import default_language_path, load_lexicon

    text = default_language_path("ar").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('relation = "refused"\nrule = "ar-refusal"', 'relation = "nope"\nrule = "ar-refusal"'),
                   encoding="utf-8")
    with pytest.raises(ConfigError, match="nope"):
        load_lexicon(bad)


SHARED = __import__("pathlib").Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="../shared is not beside the checkout")
def test_arabic_quality_floor_on_the_development_set(tmp_path):
    """The Arabic reports of the shared development set, scored by its scorer against their gold rows
    only. Measured 2026-12-02: P 1.00, R(req) 0.92 (was P 0.67, R 0.16); the floors sit below."""
    import shutil
    import subprocess
    import sys

    import graphx
    from graphx.export import write_all

    dev = SHARED / "corpora" / "dev"
    corpus = tmp_path / "ar"
    corpus.mkdir()
    for f in sorted((dev / "corpus").glob("ar-*.txt")):
        shutil.copy(f, corpus / f.name)
    rows = (dev / "gold.tsv").read_text(encoding="utf-8").splitlines()
    gold = tmp_path / "gold.tsv"
    gold.write_text("\n".join(r for r in rows if r.startswith(("#", "src\t")) or "\tar-" in r) + "\n", encoding="utf-8")
    write_all(graphx.build(corpus), tmp_path / "out")
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(tmp_path / "out" / "graph.json"),
                          str(gold), str(dev / "actors.tsv"), "--min-p", "0.9", "--min-r", "0.8"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-3000:]


def test_an_english_title_of_a_state_in_the_alias_table_names_its_person_in_arabic(tmp_path):
    """An analyst's table written in English ("Emir of Kuwait", "Bahrain's King") finds those people in
    Arabic reports by the title before the state's Arabic name ([names] translated_titles)."""
    import graphx

    (tmp_path / "aliases.toml").write_text(
        '[actors.sabah]\nlabel = "Sabah Al-Ahmad"\nkind = "person"\naliases = ["Sabah Al-Ahmad", "Emir of Kuwait"]\n\n'
        '[actors.hamad]\nlabel = "Hamad bin Isa"\nkind = "person"\naliases = ["Hamad bin Isa", "Bahrain\'s King"]\n',
        encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r.txt").write_text("Title: t\nLanguage: ar\nDate: 2017-06-07\n\n"
                                  "التقى أمير الكويت بوتين في موسكو.\nواتصل ملك البحرين بأردوغان.\n", encoding="utf-8")
    G = graphx.build(corpus, aliases=[tmp_path / "aliases.toml"], model="blank")
    edges = {(u, d["type"], v) for u, v, d in G.edges(data=True) if d.get("asserted")}
    assert ("sabah", "contacted", PUTIN) in edges, edges
    assert ("hamad", "contacted", "recep_tayyip_erdogan") in edges, edges
    assert not any(u == "kuwait" for u, _, _ in edges), edges
    assert (PUTIN, "represents", "kuwait") not in edges, edges  # (the title before him is another's)
