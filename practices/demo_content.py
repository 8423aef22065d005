# ruff: noqa: E501
# Long lines: prose and Markdown table rows read and diff better unbroken.
"""BETTER's demo content as data, read by `manage.py load_demo_content`.

The facts (names, dates, hosts, visitors, practices, themes) come from the project's own press
releases; every sentence here is written for this site. Where the project published no fact
(import-workshop pairs, action plans other than Tartu's, their actions) the data is made up and
says so in its own text ("demo"). Nothing is invented where a field can stay empty: partner
websites, contacts other than Tartu's, venues, recording links.

Translated texts are dicts keyed by language code; a language left out stays empty and the site
falls back to English.
"""

import datetime
import textwrap
from zoneinfo import ZoneInfo

TALLINN = ZoneInfo("Europe/Tallinn")


def md(text):
    """Markdown written indented in this file, stored flush left."""
    return textwrap.dedent(text).strip()


def month(year, number):
    return datetime.date(year, number, 1)


PROJECT = {
    "acronym": "BETTER",
    "name": "BETTER",
    "programme": "Interreg Europe",
    "website": "https://www.interregeurope.eu/better/",
    "second_website": "https://www.tartu.ee/et/projekt-better",
    "facebook_url": "https://www.facebook.com/Interreg-Europe-Better-102726124444893",
    "twitter_url": "https://twitter.com/InterregB",
    "summary": {
        "en": "BETTER is an interregional cooperation of five city governments – Genoa, Gävle, Birmingham, Tartu and Nyíregyháza – within the European Union's Interreg Europe programme. The cities learn from each other's good practices in e-government and build their regional action plans on them.",
        "et": "BETTER on Euroopa Liidu programmi Interreg Europe projekt, milles teevad koostööd viie linna omavalitsused: Genova, Gävle, Birmingham, Tartu ja Nyíregyháza. Linnad õpivad üksteise headest praktikatest e-valitsemise vallas ja koostavad nende põhjal oma piirkondlikud tegevuskavad.",
        "hu": "A BETTER öt városi önkormányzat – Genova, Gävle, Birmingham, Tartu és Nyíregyháza – régiók közötti együttműködése az Európai Unió Interreg Europe programjában. A városok egymás e-közigazgatási jó gyakorlataiból tanulnak, és ezekre építik regionális cselekvési terveiket.",
        "it": "BETTER è una cooperazione interregionale tra cinque amministrazioni comunali – Genova, Gävle, Birmingham, Tartu e Nyíregyháza – nell'ambito del programma Interreg Europe dell'Unione europea. Le città imparano dalle buone pratiche di e-government delle altre e le traducono nei propri piani d'azione regionali.",
        "sv": "BETTER är ett interregionalt samarbete mellan fem städers förvaltningar – Genua, Gävle, Birmingham, Tartu och Nyíregyháza – inom EU-programmet Interreg Europe. Städerna lär av varandras goda exempel inom e-förvaltning och bygger sina regionala handlingsplaner på dem.",
    },
    "mission": {
        "en": "BETTER strengthens the regional innovation chains of its partner cities by improving their regional innovation strategies, with better e-government solutions (e-services) as the lever. The city governments save resources, and residents and businesses are served by a better public administration.",
        "et": "Projekti eesmärk on elavdada partnerite piirkondlikke innovatsiooniahelaid, täiustades piirkondlikke innovatsioonistrateegiaid paremate e-valitsemise lahenduste ehk e-teenuste abil. Nii säästavad omavalitsused ressursse ning elanikke ja ettevõtteid teenindab paremini toimiv avalik haldus.",
        "hu": "A projekt célja, hogy jobb regionális innovációs stratégiákkal ösztönözze a partnerek regionális innovációs láncait, az e-közigazgatási megoldások (e-szolgáltatások) fejlesztésén keresztül. Így az önkormányzatok erőforrásokat takarítanak meg, a lakosokat és a vállalkozásokat pedig jobban működő közigazgatás szolgálja.",
        "it": "BETTER rafforza le catene regionali dell'innovazione delle città partner migliorandone le strategie regionali per l'innovazione, con soluzioni di e-government (servizi online) più efficaci come leva. Le amministrazioni risparmiano risorse, mentre cittadini e imprese trovano una pubblica amministrazione migliore.",
        "sv": "BETTER stärker partnerstädernas regionala innovationskedjor genom att förbättra deras regionala innovationsstrategier, med bättre e-förvaltningslösningar (e-tjänster) som verktyg. Förvaltningarna sparar resurser, och invånare och företag möter en bättre offentlig förvaltning.",
    },
}

# In the order the site lists them. Websites stay empty: the releases name none but the project's.
PARTNERS = [
    {
        "slug": "genoa",
        "country": "IT",
        "language": "it",
        "organisation": "Municipality of Genoa",
        "city": {"en": "Genoa", "et": "Genova", "hu": "Genova", "it": "Genova", "sv": "Genua"},
    },
    {
        "slug": "gavle",
        "country": "SE",
        "language": "sv",
        "organisation": "Gävle Municipality",
        "city": {"en": "Gävle", "et": "Gävle", "hu": "Gävle", "it": "Gävle", "sv": "Gävle"},
    },
    {
        "slug": "birmingham",
        "country": "GB",
        "language": "en",
        "organisation": "Birmingham City Council",
        "city": {"en": "Birmingham", "et": "Birmingham", "hu": "Birmingham", "it": "Birmingham", "sv": "Birmingham"},
    },
    {
        "slug": "tartu",
        "country": "EE",
        "language": "et",
        "organisation": "Tartu City Government",
        "contact_name": "Anneli Saalik",
        "contact_email": "anneli.saalik@tartu.ee",
        "city": {"en": "Tartu", "et": "Tartu", "hu": "Tartu", "it": "Tartu", "sv": "Tartu"},
    },
    {
        "slug": "nyiregyhaza",
        "country": "HU",
        "language": "hu",
        "organisation": "Municipality of Nyíregyháza",
        "city": {
            "en": "Nyíregyháza",
            "et": "Nyíregyháza",
            "hu": "Nyíregyháza",
            "it": "Nyíregyháza",
            "sv": "Nyíregyháza",
        },
    },
]

PHASES = [
    {
        "number": 1,
        "start_month": month(2019, 8),
        "end_month": month(2022, 7),
        "name": {
            "en": "International learning",
            "et": "Rahvusvaheline õppimine",
            "hu": "Nemzetközi tanulás",
            "it": "Apprendimento internazionale",
            "sv": "Internationellt lärande",
        },
        "description": {
            "en": "Three years in which the five cities learned from each other at more than 20 events: thematic events, study visits and import workshops. Each partner built a Regional Action Plan on the good practices it learned from the others; the plans are the phase's main output.",
            "et": "Kolm aastat, mil viis linna õppisid üksteiselt enam kui 20 üritusel: temaatilistel üritustel, õppevisiitidel ja ülevõtmise töötubades. Iga partner koostas teistelt õpitud heade praktikate põhjal piirkondliku tegevuskava; need kavad on etapi peamine tulemus.",
            "hu": "Három év, amelyben az öt város több mint 20 rendezvényen tanult egymástól: tematikus rendezvényeken, tanulmányutakon és átvételi műhelyekben. Minden partner a többiektől megismert jó gyakorlatokra építve elkészítette regionális cselekvési tervét; ezek a tervek a szakasz fő eredményei.",
        },
    },
    {
        "number": 2,
        "start_month": month(2022, 8),
        "end_month": month(2023, 7),
        "name": {
            "en": "Implementation",
            "et": "Elluviimine",
            "hu": "Megvalósítás",
            "it": "Attuazione",
            "sv": "Genomförande",
        },
        "description": {
            "en": "The partners carry out their Regional Action Plans. A final conference in 2023 reports on the impact and discusses how the cooperation can last.",
            "et": "Partnerid viivad ellu oma piirkondlikke tegevuskavu. 2023. aasta lõppkonverentsil antakse ülevaade projekti mõjust ja arutatakse, kuidas koostööd jätkata.",
            "hu": "A partnerek megvalósítják regionális cselekvési terveiket. A 2023-as zárókonferencia beszámol a hatásokról, és megvitatja, hogyan lehet tartóssá tenni az együttműködést.",
        },
    },
]

# Six months each: semesters 1–6 make Phase 1, 7–8 Phase 2.
SEMESTERS = [
    {"number": 1, "phase": 1, "start_month": month(2019, 8), "end_month": month(2020, 1)},
    {"number": 2, "phase": 1, "start_month": month(2020, 2), "end_month": month(2020, 7)},
    {"number": 3, "phase": 1, "start_month": month(2020, 8), "end_month": month(2021, 1)},
    {"number": 4, "phase": 1, "start_month": month(2021, 2), "end_month": month(2021, 7)},
    {"number": 5, "phase": 1, "start_month": month(2021, 8), "end_month": month(2022, 1)},
    {"number": 6, "phase": 1, "start_month": month(2022, 2), "end_month": month(2022, 7)},
    {"number": 7, "phase": 2, "start_month": month(2022, 8), "end_month": month(2023, 1)},
    {"number": 8, "phase": 2, "start_month": month(2023, 2), "end_month": month(2023, 7)},
]

THEMES = [
    {
        "slug": "digital-services-to-citizens",
        "name": {
            "en": "Digital services to citizens",
            "et": "Digitaalsed teenused elanikele",
            "hu": "Digitális szolgáltatások a lakosoknak",
            "it": "Servizi digitali ai cittadini",
            "sv": "Digitala tjänster för invånare",
        },
    },
    {
        "slug": "digital-services-to-enterprises",
        "name": {
            "en": "Digital services to enterprises",
            "et": "Digitaalsed teenused ettevõtetele",
            "hu": "Digitális szolgáltatások a vállalkozásoknak",
            "it": "Servizi digitali alle imprese",
            "sv": "Digitala tjänster för företag",
        },
    },
    {
        "slug": "security-and-resilience",
        "name": {
            "en": "Security and resilience",
            "et": "Turvalisus ja vastupanuvõime",
            "hu": "Biztonság és reziliencia",
            "it": "Sicurezza e resilienza",
            "sv": "Säkerhet och motståndskraft",
        },
    },
    {
        "slug": "lego-tools-for-education",
        "name": {
            "en": "LEGO tools for education and talent development",
            "et": "LEGO-vahendid hariduses ja talentide arendamisel",
            "hu": "LEGO-eszközök az oktatásban és a tehetséggondozásban",
            "it": "Strumenti LEGO per l'istruzione e lo sviluppo dei talenti",
            "sv": "LEGO-verktyg för utbildning och talangutveckling",
        },
    },
    {
        "slug": "big-data-skills",
        "name": {
            "en": "Skills in big data, machine learning and data science",
            "et": "Suurandmete, masinõppe ja andmeteaduse oskused",
            "hu": "Készségek a big data, a gépi tanulás és az adattudomány terén",
            "it": "Competenze in big data, machine learning e data science",
            "sv": "Kompetens inom big data, maskininlärning och datavetenskap",
        },
    },
    {
        "slug": "service-design",
        "name": {
            "en": "Service design",
            "et": "Teenusedisain",
            "hu": "Szolgáltatástervezés",
            "it": "Service design",
            "sv": "Tjänstedesign",
        },
    },
    {
        "slug": "e-services",
        "name": {
            "en": "E-services",
            "et": "E-teenused",
            "hu": "E-szolgáltatások",
            "it": "Servizi online",
            "sv": "E-tjänster",
        },
    },
]

# Only the month is known: start_date is the first of it (date_precision "month").
THEMATIC_EVENTS = [
    {
        "slug": "thematic-event-gavle-2019-10",
        "start_date": month(2019, 10),
        "host": "gavle",
        "format": "in-person",
        "location": "Gävle",
        "title": {
            "en": "Thematic event: infrastructure and tools for innovation",
            "et": "Temaatiline üritus: innovatsiooni taristu ja vahendid",
            "hu": "Tematikus rendezvény: az innováció infrastruktúrája és eszközei",
        },
        "theme": {
            "en": "Physical and virtual infrastructure and tools that support innovation",
            "et": "Innovatsiooni toetav füüsiline ja virtuaalne taristu ning vahendid",
            "hu": "Az innovációt támogató fizikai és virtuális infrastruktúra és eszközök",
        },
        "description": {
            "en": "The first of BETTER's four thematic events, hosted by Gävle. The partners looked at the physical and virtual infrastructure, and the tools, with which a city can support innovation.",
            "et": "BETTERi neljast temaatilisest üritusest esimene, mida võõrustas Gävle. Partnerid vaatlesid füüsilist ja virtuaalset taristut ning vahendeid, millega linn saab innovatsiooni toetada.",
            "hu": "A BETTER négy tematikus rendezvénye közül az első, Gävle rendezésében. A partnerek azt vizsgálták, milyen fizikai és virtuális infrastruktúrával és eszközökkel támogathatja egy város az innovációt.",
        },
    },
    {
        "slug": "thematic-event-tartu-2020-01",
        "start_date": month(2020, 1),
        "host": "tartu",
        "format": "in-person",
        "location": "Tartu",
        "title": {
            "en": "Thematic event: new innovative products and services",
            "et": "Temaatiline üritus: uued innovaatilised tooted ja teenused",
            "hu": "Tematikus rendezvény: új, innovatív termékek és szolgáltatások",
        },
        "theme": {
            "en": "Developing and implementing new innovative products and services",
            "et": "Uute innovaatiliste toodete ja teenuste arendamine ning kasutuselevõtt",
            "hu": "Új, innovatív termékek és szolgáltatások fejlesztése és bevezetése",
        },
        "description": {
            "en": "The second thematic event, hosted by Tartu, was about how new innovative products and services are developed and put into use.",
            "et": "Teine temaatiline üritus toimus Tartus ja käsitles seda, kuidas uusi innovaatilisi tooteid ja teenuseid arendatakse ning kasutusele võetakse.",
            "hu": "A második tematikus rendezvénynek Tartu adott otthont; témája az volt, hogyan születnek és hogyan kerülnek bevezetésre új, innovatív termékek és szolgáltatások.",
        },
    },
    {
        "slug": "thematic-event-birmingham-2020-06",
        "start_date": month(2020, 6),
        "host": "birmingham",
        "format": "virtual",
        "location": "",
        "title": {
            "en": "Thematic event: processes for new business models and cooperation",
            "et": "Temaatiline üritus: uute ärimudelite ja koostöö protsessid",
            "hu": "Tematikus rendezvény: folyamatok új üzleti modellekhez és együttműködéshez",
        },
        "theme": {
            "en": "Processes that support new business models, working across the private and public sector, and cooperation with residents",
            "et": "Protsessid, mis toetavad uusi ärimudeleid, era- ja avaliku sektori ülest tööd ning koostööd elanikega",
            "hu": "Az új üzleti modelleket, a magán- és közszféra közötti munkát és a lakosokkal való együttműködést támogató folyamatok",
        },
        "description": {
            "en": "Birmingham hosted the third thematic event as a virtual seminar. It dealt with the processes behind new business models, with work that crosses the line between the private and the public sector, and with cooperation with residents. The recordings of the seminar are public.",
            "et": "Kolmanda temaatilise ürituse korraldas Birmingham virtuaalse seminarina. Teemaks olid protsessid, mis toetavad uusi ärimudeleid, era- ja avaliku sektori piire ületavat tööd ning koostööd elanikega. Seminari salvestised on avalikud.",
            "hu": "A harmadik tematikus rendezvényt Birmingham virtuális szemináriumként tartotta. Témája az új üzleti modelleket, a magán- és a közszféra határain átívelő munkát és a lakosokkal való együttműködést segítő folyamatok voltak. A szeminárium felvételei nyilvánosak.",
        },
    },
    {
        "slug": "thematic-event-nyiregyhaza-2020-11",
        "start_date": month(2020, 11),
        "host": "nyiregyhaza",
        "format": "virtual",
        "location": "",
        "title": {
            "en": "Thematic event: people and skills for innovation",
            "et": "Temaatiline üritus: innovatsiooni inimesed ja oskused",
            "hu": "Tematikus rendezvény: emberek és készségek az innovációért",
        },
        "theme": {
            "en": "People and skills that make innovation work",
            "et": "Innovatsiooni käivitavad inimesed ja oskused",
            "hu": "Az innovációt működtető emberek és készségek",
        },
        "description": {
            "en": "Nyíregyháza closed the series of thematic events with a virtual seminar on the people and the skills that make innovation work. The recordings of the seminar are public.",
            "et": "Temaatiliste ürituste sarja lõpetas Nyíregyháza virtuaalse seminariga inimestest ja oskustest, mis innovatsiooni käivitavad. Seminari salvestised on avalikud.",
            "hu": "A tematikus rendezvények sorát Nyíregyháza zárta egy virtuális szemináriummal az innovációt működtető emberekről és készségekről. A szeminárium felvételei nyilvánosak.",
        },
    },
]

# The project announced in February 2021 that study visits would be virtual-only while travel
# restrictions lasted, and in late 2021 that in-person meetings would resume only once they were
# lifted: hence "virtual", and no venue.
STUDY_VISITS = [
    {
        "slug": "study-visit-genoa-2021-07-17",
        "start_date": datetime.date(2021, 7, 17),
        "host": "genoa",
        "visitors": ["birmingham", "gavle", "nyiregyhaza"],
        "format": "virtual",
        "title": {
            "en": "Study visit to Genoa",
            "et": "Õppevisiit Genovasse",
            "hu": "Tanulmányút Genovába",
        },
        "theme": {
            "en": "Digital services to citizens and enterprises; security and resilience",
            "et": "Digitaalsed teenused elanikele ja ettevõtetele; turvalisus ja vastupanuvõime",
            "hu": "Digitális szolgáltatások lakosoknak és vállalkozásoknak; biztonság és reziliencia",
        },
        "description": {
            "en": "Genoa showed Birmingham, Gävle and Nyíregyháza five of its good practices: the Digital Citizen Folder and Segnalaci (digital services to citizens), the Platform for Labour Policies (digital services to enterprises), and the technological update of the local Police operation centre and the digital model of rain and hydrometric level data (security and resilience).",
            "et": "Genova tutvustas Birminghamile, Gävlele ja Nyíregyházale viit oma head praktikat: Digital Citizen Folder ja Segnalaci (digitaalsed teenused elanikele), Platform for Labour Policies (digitaalsed teenused ettevõtetele) ning kohaliku politsei operatsioonikeskuse tehnoloogiline uuendamine ja sademete ning veetaseme andmete digitaalne mudel (turvalisus ja vastupanuvõime).",
            "hu": "Genova öt jó gyakorlatát mutatta be Birminghamnek, Gävlének és Nyíregyházának: a Digital Citizen Folder és a Segnalaci (digitális szolgáltatások a lakosoknak), a Platform for Labour Policies (digitális szolgáltatások a vállalkozásoknak), valamint a helyi rendőrségi műveleti központ technológiai korszerűsítése és a csapadék- és vízszintadatok digitális modellje (biztonság és reziliencia).",
        },
    },
    {
        "slug": "study-visit-nyiregyhaza-2021-09-13",
        "start_date": datetime.date(2021, 9, 13),
        "host": "nyiregyhaza",
        "visitors": ["genoa", "gavle", "birmingham"],
        "format": "virtual",
        "title": {
            "en": "Study visit to Nyíregyháza",
            "et": "Õppevisiit Nyíregyházasse",
            "hu": "Tanulmányút Nyíregyházára",
        },
        "theme": {
            "en": "LEGO tools for education and talent development; skills in big data, machine learning and data science",
            "et": "LEGO-vahendid hariduses ja talentide arendamisel; suurandmete, masinõppe ja andmeteaduse oskused",
            "hu": "LEGO-eszközök az oktatásban és a tehetséggondozásban; big data, gépi tanulás és adattudomány",
        },
        "description": {
            "en": "Nyíregyháza presented two good practices to Genoa, Gävle and Birmingham: the LEGO education innovation studio, which puts LEGO® tools to work for education and talent development, and the Digital Tree – Innovation Habitat, which builds a culture of skills in big data, machine learning and data science.",
            "et": "Nyíregyháza tutvustas Genovale, Gävlele ja Birminghamile kaht head praktikat: LEGO education innovation studio, mis kasutab LEGO®-vahendeid hariduses ja talentide arendamisel, ning Digital Tree – Innovation Habitat, mis kujundab suurandmete, masinõppe ja andmeteaduse oskuste kultuuri.",
            "hu": "Nyíregyháza két jó gyakorlatot mutatott be Genovának, Gävlének és Birminghamnek: a LEGO education innovation studiót, amely LEGO®-eszközöket állít az oktatás és a tehetséggondozás szolgálatába, valamint a Digital Tree – Innovation Habitat programot, amely a big data, a gépi tanulás és az adattudomány terén épít készségkultúrát.",
        },
    },
    {
        "slug": "study-visit-gavle-2021-10-27",
        "start_date": datetime.date(2021, 10, 27),
        "host": "gavle",
        "visitors": ["tartu", "birmingham", "genoa", "nyiregyhaza"],
        "format": "virtual",
        "title": {
            "en": "Study visit to Gävle",
            "et": "Õppevisiit Gävlesse",
            "hu": "Tanulmányút Gävlébe",
        },
        "theme": {
            "en": "Service design and e-services",
            "et": "Teenusedisain ja e-teenused",
            "hu": "Szolgáltatástervezés és e-szolgáltatások",
        },
        "description": {
            "en": "Gävle shared two good practices with Tartu, Birmingham, Genoa and Nyíregyháza: service design at the municipality (its methodology, its integration techniques and the digital renewal team) and its e-services (how services are transformed, and what citizens and the municipality gain).",
            "et": "Gävle jagas Tartu, Birminghami, Genova ja Nyíregyházaga kaht head praktikat: teenusedisain omavalitsuses (metoodika, integreerimise võtted ja digitaalse uuenduse meeskond) ning e-teenused (kuidas teenuseid ümber kujundatakse ja mida sellest võidavad elanikud ning omavalitsus).",
            "hu": "Gävle két jó gyakorlatát osztotta meg Tartuval, Birminghammel, Genovával és Nyíregyházával: a szolgáltatástervezést az önkormányzatnál (módszertan, integrációs technikák és a digitális megújulásért felelős csapat), valamint az e-szolgáltatásokat (hogyan alakítják át a szolgáltatásokat, és mit nyernek ezzel a lakosok és az önkormányzat).",
        },
    },
]


PRACTICES = [
    {
        "slug": "digital-citizen-folder",
        "owner": "genoa",
        "theme": "digital-services-to-citizens",
        "study_visit": "study-visit-genoa-2021-07-17",
        "title": {"en": "Digital Citizen Folder"},
        "summary": {
            "en": "A digital folder for each citizen, one of Genoa's digital services to citizens. Genoa presented it to Birmingham, Gävle and Nyíregyháza at the study visit of 17 July 2021.",
            "et": "Digitaalne kaust igale kodanikule – üks Genova digitaalsetest teenustest elanikele. Genova tutvustas seda Birminghamile, Gävlele ja Nyíregyházale 17. juuli 2021. aasta õppevisiidil.",
            "hu": "Digitális mappa minden polgárnak – Genova egyik digitális szolgáltatása a lakosok számára. Genova a 2021. július 17-i tanulmányúton mutatta be Birminghamnek, Gävlének és Nyíregyházának.",
        },
    },
    {
        "slug": "segnalaci",
        "owner": "genoa",
        "theme": "digital-services-to-citizens",
        "study_visit": "study-visit-genoa-2021-07-17",
        "title": {"en": "Segnalaci"},
        "summary": {
            "en": "Segnalaci (Italian for “report to us”) is one of Genoa's digital services to citizens, presented at the study visit of 17 July 2021.",
            "et": "Segnalaci (itaalia keeles „andke meile teada“) on üks Genova digitaalsetest teenustest elanikele; seda tutvustati 17. juuli 2021. aasta õppevisiidil.",
            "hu": "A Segnalaci (olaszul: „jelezze nekünk”) Genova egyik digitális szolgáltatása a lakosoknak, amelyet a 2021. július 17-i tanulmányúton mutattak be.",
        },
    },
    {
        "slug": "platform-for-labour-policies",
        "owner": "genoa",
        "theme": "digital-services-to-enterprises",
        "study_visit": "study-visit-genoa-2021-07-17",
        "title": {"en": "Platform for Labour Policies"},
        "summary": {
            "en": "Genoa's platform in the field of labour policies, shown as an example of digital services to enterprises at the study visit of 17 July 2021.",
            "et": "Genova tööhõivepoliitika platvorm, mida 17. juuli 2021. aasta õppevisiidil tutvustati kui näidet digitaalsetest teenustest ettevõtetele.",
            "hu": "Genova foglalkoztatáspolitikai platformja, amelyet a 2021. július 17-i tanulmányúton a vállalkozásoknak szóló digitális szolgáltatások példájaként mutattak be.",
        },
    },
    {
        "slug": "police-operation-centre-update",
        "owner": "genoa",
        "theme": "security-and-resilience",
        "study_visit": "study-visit-genoa-2021-07-17",
        "title": {
            "en": "Technological update of the local Police operation centre",
            "et": "Kohaliku politsei operatsioonikeskuse tehnoloogiline uuendamine",
            "hu": "A helyi rendőrségi műveleti központ technológiai korszerűsítése",
        },
        "summary": {
            "en": "Genoa renewed the technology of its local Police operation centre. The practice belongs to the theme of security and resilience and was presented at the study visit of 17 July 2021.",
            "et": "Genova uuendas oma kohaliku politsei operatsioonikeskuse tehnoloogiat. Praktika kuulub turvalisuse ja vastupanuvõime teemasse ning seda tutvustati 17. juuli 2021. aasta õppevisiidil.",
            "hu": "Genova megújította helyi rendőrségi műveleti központjának technológiáját. A gyakorlat a biztonság és reziliencia témakörébe tartozik, és a 2021. július 17-i tanulmányúton mutatták be.",
        },
    },
    {
        "slug": "rain-and-hydrometric-data-model",
        "owner": "genoa",
        "theme": "security-and-resilience",
        "study_visit": "study-visit-genoa-2021-07-17",
        "title": {
            "en": "Rain and hydrometric level data digital model",
            "et": "Sademete ja veetaseme andmete digitaalne mudel",
            "hu": "Csapadék- és vízszintadatok digitális modellje",
        },
        "summary": {
            "en": "A digital model of rainfall and hydrometric (water level) data in Genoa, presented under security and resilience at the study visit of 17 July 2021.",
            "et": "Genova sademete ja veetaseme andmete digitaalne mudel, mida tutvustati 17. juuli 2021. aasta õppevisiidil turvalisuse ja vastupanuvõime teema all.",
            "hu": "Genova csapadék- és vízszintadatainak digitális modellje, amelyet a 2021. július 17-i tanulmányúton a biztonság és reziliencia témakörében mutattak be.",
        },
    },
    {
        "slug": "lego-education-innovation-studio",
        "owner": "nyiregyhaza",
        "theme": "lego-tools-for-education",
        "study_visit": "study-visit-nyiregyhaza-2021-09-13",
        "title": {"en": "LEGO education innovation studio"},
        "summary": {
            "en": "Nyíregyháza's studio explores how LEGO® tools can serve education and talent development. Presented at the study visit of 13 September 2021.",
            "et": "Nyíregyháza stuudio uurib, kuidas LEGO®-vahendid saavad toetada haridust ja talentide arendamist. Tutvustati 13. septembri 2021. aasta õppevisiidil.",
            "hu": "A nyíregyházi stúdió azt kutatja, hogyan szolgálhatják a LEGO®-eszközök az oktatást és a tehetséggondozást. A 2021. szeptember 13-i tanulmányúton mutatták be.",
        },
    },
    {
        "slug": "digital-tree-innovation-habitat",
        "owner": "nyiregyhaza",
        "theme": "big-data-skills",
        "study_visit": "study-visit-nyiregyhaza-2021-09-13",
        "title": {"en": "Digital Tree – Innovation Habitat"},
        "summary": {
            "en": "An innovation habitat in Nyíregyháza that develops a culture of skills in big data, machine learning and data science. Presented at the study visit of 13 September 2021.",
            "et": "Nyíregyháza innovatsioonikeskkond, mis arendab suurandmete, masinõppe ja andmeteaduse oskuste kultuuri. Tutvustati 13. septembri 2021. aasta õppevisiidil.",
            "hu": "Nyíregyházi innovációs élettér, amely a big data, a gépi tanulás és az adattudomány terén fejleszti a készségek kultúráját. A 2021. szeptember 13-i tanulmányúton mutatták be.",
        },
    },
    {
        "slug": "service-design-gavle",
        "owner": "gavle",
        "theme": "service-design",
        "study_visit": "study-visit-gavle-2021-10-27",
        "title": {
            "en": "Service design at Gävle municipality",
            "et": "Teenusedisain Gävle omavalitsuses",
            "hu": "Szolgáltatástervezés Gävle önkormányzatánál",
        },
        "summary": {
            "en": "How Gävle municipality designs its services: the methodology, the techniques for integrating services, and the digital renewal team that carries the work. Presented at the study visit of 27 October 2021.",
            "et": "Kuidas Gävle omavalitsus oma teenuseid kujundab: metoodika, teenuste integreerimise võtted ja digitaalse uuenduse meeskond, kes seda tööd veab. Tutvustati 27. oktoobri 2021. aasta õppevisiidil.",
            "hu": "Hogyan tervezi meg szolgáltatásait Gävle önkormányzata: a módszertan, a szolgáltatások integrálásának technikái és a munkát vivő digitális megújulási csapat. A 2021. október 27-i tanulmányúton mutatták be.",
        },
    },
    {
        "slug": "e-services-gavle",
        "owner": "gavle",
        "theme": "e-services",
        "study_visit": "study-visit-gavle-2021-10-27",
        "title": {
            "en": "E-services at Gävle municipality",
            "et": "E-teenused Gävle omavalitsuses",
            "hu": "E-szolgáltatások Gävle önkormányzatánál",
        },
        "summary": {
            "en": "How Gävle municipality turns its services into e-services, and what this brings to citizens and to the municipality. Presented at the study visit of 27 October 2021.",
            "et": "Kuidas Gävle omavalitsus oma teenused e-teenusteks ümber kujundab ja mida see annab elanikele ning omavalitsusele. Tutvustati 27. oktoobri 2021. aasta õppevisiidil.",
            "hu": "Hogyan alakítja át Gävle önkormányzata szolgáltatásait e-szolgáltatásokká, és mit nyernek ezzel a lakosok és az önkormányzat. A 2021. október 27-i tanulmányúton mutatták be.",
        },
    },
]

# DEMO DATA. The project planned five import workshops for semester 6 (February–July 2022) but its
# releases name no pairs and no dates. These five are made up, one per importing city, each pairing
# a practice with a city that studied it at a study visit. The importer hosts (the practice is
# applied in its city); the owner takes part. Month precision, as no day is claimed.
DEMO_NOTICE = {
    "en": "**Demo data.** This import workshop is an example made up for the demo site: BETTER planned five import workshops for semester 6, but its press releases do not say which practices and cities they paired, nor when.",
    "et": "**Demoandmed.** See ülevõtmise töötuba on demoveebi jaoks välja mõeldud näide: BETTER kavandas 6. semestriks viis ülevõtmise töötuba, kuid projekti pressiteated ei ütle, milliseid praktikaid ja linnu need kokku viisid ega millal need toimusid.",
    "hu": "**Demóadat.** Ez az átvételi műhely a bemutató oldal kedvéért kitalált példa: a BETTER öt átvételi műhelyt tervezett a 6. félévre, de sajtóközleményei nem árulják el, mely gyakorlatokat és városokat kapcsoltak össze, sem azt, hogy mikor.",
}

DEMO_IMPORT_WORKSHOPS = [
    {
        "slug": "demo-import-workshop-e-services-tartu-2022-03",
        "start_date": month(2022, 3),
        "practice": "e-services-gavle",
        "importer": "tartu",
        "title": {
            "en": "Import workshop (demo): Gävle's e-services for Tartu",
            "et": "Ülevõtmise töötuba (demo): Gävle e-teenused Tartule",
            "hu": "Átvételi műhely (demó): Gävle e-szolgáltatásai Tartuban",
        },
        "pairing": "Gävle works with Tartu on applying its e-services approach in Tartu.",
    },
    {
        "slug": "demo-import-workshop-service-design-birmingham-2022-04",
        "start_date": month(2022, 4),
        "practice": "service-design-gavle",
        "importer": "birmingham",
        "title": {
            "en": "Import workshop (demo): Gävle's service design for Birmingham",
            "et": "Ülevõtmise töötuba (demo): Gävle teenusedisain Birminghamile",
            "hu": "Átvételi műhely (demó): Gävle szolgáltatástervezése Birminghamben",
        },
        "pairing": "Gävle works with Birmingham on applying its service design methodology in Birmingham.",
    },
    {
        "slug": "demo-import-workshop-digital-tree-gavle-2022-04",
        "start_date": month(2022, 4),
        "practice": "digital-tree-innovation-habitat",
        "importer": "gavle",
        "title": {
            "en": "Import workshop (demo): Nyíregyháza's Digital Tree for Gävle",
            "et": "Ülevõtmise töötuba (demo): Nyíregyháza Digital Tree Gävlele",
            "hu": "Átvételi műhely (demó): a nyíregyházi Digital Tree Gävlében",
        },
        "pairing": "Nyíregyháza works with Gävle on applying the Digital Tree – Innovation Habitat in Gävle.",
    },
    {
        "slug": "demo-import-workshop-digital-citizen-folder-nyiregyhaza-2022-05",
        "start_date": month(2022, 5),
        "practice": "digital-citizen-folder",
        "importer": "nyiregyhaza",
        "title": {
            "en": "Import workshop (demo): Genoa's Digital Citizen Folder for Nyíregyháza",
            "et": "Ülevõtmise töötuba (demo): Genova Digital Citizen Folder Nyíregyházale",
            "hu": "Átvételi műhely (demó): a genovai Digital Citizen Folder Nyíregyházán",
        },
        "pairing": "Genoa works with Nyíregyháza on applying the Digital Citizen Folder in Nyíregyháza.",
    },
    {
        "slug": "demo-import-workshop-lego-studio-genoa-2022-06",
        "start_date": month(2022, 6),
        "practice": "lego-education-innovation-studio",
        "importer": "genoa",
        "title": {
            "en": "Import workshop (demo): Nyíregyháza's LEGO studio for Genoa",
            "et": "Ülevõtmise töötuba (demo): Nyíregyháza LEGO-stuudio Genovale",
            "hu": "Átvételi műhely (demó): a nyíregyházi LEGO-stúdió Genovában",
        },
        "pairing": "Nyíregyháza works with Genoa on applying the LEGO education innovation studio in Genoa.",
    },
]

DEMO_TRANSFER_NOTE = {
    "en": "Demo data: this import-workshop pairing is made up for the demo site.",
    "et": "Demoandmed: see ülevõtmise töötoa paar on demoveebi jaoks välja mõeldud.",
    "hu": "Demóadat: ezt az átvételi párosítást a bemutató oldalhoz találtuk ki.",
}

DEMO_ACTION_DESCRIPTION = {
    "en": "Demo action, made up for the demo site.",
    "et": "Demotegevus, demoveebi jaoks välja mõeldud.",
    "hu": "Demó intézkedés, a bemutató oldalhoz kitalálva.",
}


def _generic_plan(slug, city_en, city_et, city_hu, actions):
    """An honest placeholder where the releases do not name the city's policy instrument.

    city_et is the Estonian genitive ("Birminghami"), city_hu the Hungarian nominative."""
    return {
        "partner": slug,
        "title": {
            "en": f"Regional Action Plan of {city_en}",
            "et": f"{city_et} piirkondlik tegevuskava",
            "hu": f"{city_hu} regionális cselekvési terve",
        },
        "policy_instrument": {
            "en": f"{city_en} regional innovation strategy",
            "et": f"{city_et} piirkondlik innovatsioonistrateegia",
            "hu": f"{city_hu} regionális innovációs stratégiája",
        },
        "summary": {
            "en": f"Demo data: BETTER's press releases do not name the policy instrument {city_en} improves. This plan and its actions are examples made up for the demo site.",
            "et": "Demoandmed: BETTERi pressiteated ei nimeta, millist poliitikainstrumenti see linn parendab. See kava ja selle tegevused on demoveebi jaoks välja mõeldud näited.",
            "hu": f"Demóadat: a BETTER sajtóközleményei nem nevezik meg, melyik szakpolitikai eszközt fejleszti {city_hu}. Ez a terv és intézkedései a bemutató oldalhoz kitalált példák.",
        },
        "actions": actions,
    }


ACTION_PLANS = [
    _generic_plan(
        "genoa",
        "Genoa",
        "Genova",
        "Genova",
        [
            {
                "number": 1,
                "status": "planned",
                "practices": ["lego-education-innovation-studio"],
                "title": {
                    "en": "Open a LEGO-based innovation studio for schools",
                    "et": "LEGO-põhise innovatsioonistuudio avamine koolidele",
                    "hu": "LEGO-alapú innovációs stúdió nyitása iskolák számára",
                },
            },
            {
                "number": 2,
                "status": "completed",
                "practices": ["service-design-gavle"],
                "title": {
                    "en": "Apply service design methods to one city service",
                    "et": "Teenusedisaini meetodite rakendamine ühes linna teenuses",
                    "hu": "Szolgáltatástervezési módszerek alkalmazása egy városi szolgáltatásban",
                },
            },
        ],
    ),
    _generic_plan(
        "gavle",
        "Gävle",
        "Gävle",
        "Gävle",
        [
            {
                "number": 1,
                "status": "in-progress",
                "practices": ["digital-tree-innovation-habitat"],
                "title": {
                    "en": "Build a local culture of data science skills",
                    "et": "Andmeteaduse oskuste kultuuri arendamine linnas",
                    "hu": "Az adattudományi készségek helyi kultúrájának kiépítése",
                },
            },
            {
                "number": 2,
                "status": "planned",
                "practices": ["rain-and-hydrometric-data-model"],
                "title": {
                    "en": "Explore a digital model of rain and water level data",
                    "et": "Sademete ja veetaseme andmete digitaalse mudeli uurimine",
                    "hu": "A csapadék- és vízszintadatok digitális modelljének vizsgálata",
                },
            },
        ],
    ),
    _generic_plan(
        "birmingham",
        "Birmingham",
        "Birminghami",
        "Birmingham",
        [
            {
                "number": 1,
                "status": "in-progress",
                "practices": ["service-design-gavle"],
                "title": {
                    "en": "Set up a digital renewal team on Gävle's model",
                    "et": "Digitaalse uuenduse meeskonna loomine Gävle eeskujul",
                    "hu": "Digitális megújulási csapat létrehozása a gävlei minta szerint",
                },
            },
            {
                "number": 2,
                "status": "planned",
                "practices": ["digital-tree-innovation-habitat"],
                "title": {
                    "en": "Pilot a data skills programme inspired by the Digital Tree",
                    "et": "Andmeoskuste programmi katsetamine Digital Tree eeskujul",
                    "hu": "Adatkészség-fejlesztő program kipróbálása a Digital Tree mintájára",
                },
            },
        ],
    ),
    {
        "partner": "tartu",
        "title": {
            "en": "Regional Action Plan of Tartu",
            "et": "Tartu piirkondlik tegevuskava",
            "hu": "Tartu regionális cselekvési terve",
        },
        "policy_instrument": {
            "en": "Tartu city development plan (arengukava)",
            "et": "Tartu linna arengukava",
            "hu": "Tartu városfejlesztési terve (arengukava)",
        },
        "summary": {
            "en": "Tartu's plan improves the city development plan (arengukava), which now names the city's innovation and e-government goals and actions more precisely. Demo data: the actions listed here are examples made up for the demo site.",
            "et": "Tartu kava parendab linna arengukava, mis nimetab nüüd linna innovatsiooni ja e-valitsemise eesmärke ning tegevusi täpsemalt. Demoandmed: siin loetletud tegevused on demoveebi jaoks välja mõeldud näited.",
            "hu": "Tartu terve a városfejlesztési tervet (arengukava) javítja, amely most már pontosabban nevezi meg a város innovációs és e-közigazgatási céljait és intézkedéseit. Demóadat: az itt felsorolt intézkedések a bemutató oldalhoz kitalált példák.",
        },
        "actions": [
            {
                "number": 1,
                "status": "in-progress",
                "practices": ["e-services-gavle"],
                "title": {
                    "en": "Redesign city e-services following Gävle's approach",
                    "et": "Linna e-teenuste ümberkujundamine Gävle eeskujul",
                    "hu": "A városi e-szolgáltatások átalakítása Gävle példája alapján",
                },
            },
            {
                "number": 2,
                "status": "planned",
                "practices": ["service-design-gavle"],
                "title": {
                    "en": "Train city staff in service design",
                    "et": "Linnatöötajate koolitamine teenusedisaini alal",
                    "hu": "A városi munkatársak képzése szolgáltatástervezésből",
                },
            },
        ],
    },
    _generic_plan(
        "nyiregyhaza",
        "Nyíregyháza",
        "Nyíregyháza",
        "Nyíregyháza",
        [
            {
                "number": 1,
                "status": "in-progress",
                "practices": ["digital-citizen-folder"],
                "title": {
                    "en": "Offer residents a digital citizen folder",
                    "et": "Digitaalse kodanikukausta pakkumine elanikele",
                    "hu": "Digitális ügyfélmappa a lakosoknak",
                },
            },
            {
                "number": 2,
                "status": "completed",
                "practices": ["e-services-gavle"],
                "title": {
                    "en": "Move one city service online, learning from Gävle's e-services",
                    "et": "Ühe linna teenuse viimine veebi Gävle e-teenuste eeskujul",
                    "hu": "Egy városi szolgáltatás online elérhetővé tétele a gävlei e-szolgáltatások alapján",
                },
            },
        ],
    ),
]

_LINKS_EN = "[interregeurope.eu/better](https://www.interregeurope.eu/better/) and [tartu.ee/et/projekt-better](https://www.tartu.ee/et/projekt-better)"
_LINKS_ET = "[interregeurope.eu/better](https://www.interregeurope.eu/better/) ja [tartu.ee/et/projekt-better](https://www.tartu.ee/et/projekt-better)"
_LINKS_HU = "[interregeurope.eu/better](https://www.interregeurope.eu/better/) és [tartu.ee/et/projekt-better](https://www.tartu.ee/et/projekt-better)"

RELEASES = [
    {
        "slug": "better-enters-its-second-stage",
        "author": "tartu",
        "published_at": datetime.datetime(2021, 2, 15, 10, 0, tzinfo=TALLINN),
        "events": [event["slug"] for event in THEMATIC_EVENTS],
        "practices": [],
        "title": {
            "en": "BETTER enters its second stage",
            "et": "BETTER astub teise etappi",
        },
        "lead": {
            "en": "Four thematic events and a year and a half later, the five BETTER cities move on to concrete examples, studied closely in bilateral meetings.",
            "et": "Poolteist aastat ja neli temaatilist üritust hiljem liiguvad BETTERi viis linna edasi konkreetsete näidete juurde, mida analüüsitakse kahepoolsetel kohtumistel.",
        },
        "body": {
            "en": md(
                f"""
                BETTER is an Interreg Europe project in which Tartu works together with four other city governments: Genoa, Gävle, Birmingham and Nyíregyháza. The shared aim is to improve the cities' regional innovation strategies, and better e-services are the means to get there.

                The project started in August 2019, and its main work spans three years. Each city first worked out what it needed to learn and which problems deserved closer attention, and the partners introduced their good practices in local innovation and e-government to one another. In roughly a year and a half they have met four times, in person and online, at these thematic events:

                | When | Theme | Host |
                |---|---|---|
                | October 2019 | Physical and virtual infrastructure and tools that support innovation | Gävle, Sweden |
                | January 2020 | Developing and implementing new innovative products and services | Tartu, Estonia |
                | June 2020 | Processes that support new business models, working across the private and public sector, and cooperation with residents | Birmingham, United Kingdom (virtual seminar; recordings public) |
                | November 2020 | People and skills that make innovation work | Nyíregyháza, Hungary (virtual seminar; recordings public) |

                In the stage that begins now, the partners turn to concrete examples. Each bilateral meeting takes one or two of them apart and weighs how they could work in the partner's own city, with stakeholders and key people invited to the table. While the COVID-19 restrictions last, the meetings take place online.

                Would you like to take part? Tartu's contact for the project is Anneli Saalik ([anneli.saalik@tartu.ee](mailto:anneli.saalik@tartu.ee)). Results, event materials and seminar recordings are at {_LINKS_EN}.
                """
            ),
            "et": md(
                f"""
                Interreg Europe projektis BETTER teeb Tartu koostööd nelja Euroopa linnaga: Genova, Gävle, Birminghami ja Nyíregyházaga. Ühine siht on parandada linnade piirkondlikke innovatsioonistrateegiaid ning selle vahendiks on paremad e-teenused.

                Projekt käivitus 2019. aasta augustis ja selle põhiosa kestab kolm aastat. Kõigepealt selgitas iga linn välja, mida tal on vaja õppida ja millised probleemid vajavad rohkem tähelepanu, ning partnerid tutvustasid üksteisele oma häid praktikaid kohaliku innovatsiooni ja e-valitsemise vallas. Umbes pooleteise aasta jooksul on partnerid kohtunud neljal temaatilisel üritusel, nii kohapeal kui ka veebis:

                | Aeg | Teema | Võõrustaja |
                |---|---|---|
                | Oktoober 2019 | Innovatsiooni toetav füüsiline ja virtuaalne taristu ning vahendid | Gävle, Rootsi |
                | Jaanuar 2020 | Uute innovaatiliste toodete ja teenuste arendamine ning kasutuselevõtt | Tartu, Eesti |
                | Juuni 2020 | Protsessid, mis toetavad uusi ärimudeleid, era- ja avaliku sektori ülest tööd ning koostööd elanikega | Birmingham, Ühendkuningriik (virtuaalne seminar, salvestised avalikud) |
                | November 2020 | Innovatsiooni käivitavad inimesed ja oskused | Nyíregyháza, Ungari (virtuaalne seminar, salvestised avalikud) |

                Nüüd algavas etapis keskenduvad partnerid konkreetsetele näidetele. Igal kahepoolsel kohtumisel võetakse vaatluse alla üks või kaks näidet ja hinnatakse, kuidas need partneri linnas toimida võiksid. Kohtumistele kutsutakse huvigruppide esindajaid ja võtmeisikuid. Seni, kuni kehtivad COVID-19 piirangud, peetakse kohtumisi veebis.

                Kui soovite projekti tegevustes kaasa lüüa, võtke ühendust Tartu linna kontaktisiku Anneli Saalikuga ([anneli.saalik@tartu.ee](mailto:anneli.saalik@tartu.ee)). Projekti tulemused ning ürituste ja seminaride materjalid leiate aadressidelt {_LINKS_ET}.
                """
            ),
        },
    },
    {
        "slug": "better-is-to-adopt-good-practices",
        "author": "tartu",
        "published_at": datetime.datetime(2021, 12, 15, 10, 0, tzinfo=TALLINN),
        "events": [visit["slug"] for visit in STUDY_VISITS],
        "practices": [practice["slug"] for practice in PRACTICES],
        "title": {
            "en": "BETTER is to adopt good practices",
            "et": "BETTER hakkab häid praktikaid üle võtma",
        },
        "lead": {
            "en": "Three study visits later, the BETTER cities turn from examining good practices to adopting them.",
            "et": "Pärast kolme õppevisiiti liiguvad BETTERi linnad heade praktikate uurimiselt nende ülevõtmise juurde.",
        },
        "body": {
            "en": md(
                f"""
                BETTER's mission asks the partner cities to strengthen their regional innovation chains with better e-government solutions. Over the past months they looked closely at each other's work in three study visits:

                | Date | Host | Visitors | Good practices examined |
                |---|---|---|---|
                | 17 July 2021 | Genoa | Birmingham, Gävle, Nyíregyháza | Digital Citizen Folder and Segnalaci (digital services to citizens); Platform for Labour Policies (digital services to enterprises); Technological update of the local Police operation centre and Rain and hydrometric level data digital model (security and resilience) |
                | 13 September 2021 | Nyíregyháza | Genoa, Gävle, Birmingham | LEGO education innovation studio (LEGO tools for education and talent development); Digital Tree – Innovation Habitat (skills in big data, machine learning and data science) |
                | 27 October 2021 | Gävle | Tartu, Birmingham, Genoa, Nyíregyháza | Service design at Gävle municipality (methodology, integration techniques, the digital renewal team); E-services at Gävle municipality (transforming services, benefits for citizens and the municipality) |

                The thematic events and study visits were about finding and understanding practices that answer the cities' innovation challenges. The question now is how to adopt them well. That is the job of import workshops: the city that owns a practice and the city that wants to import it work side by side until it fits its new home.

                Semester 5 ends a long stretch of preparation, and the last semester of the three-year international learning phase is close. It promises to be the busiest part of the project: five more study visits, five import workshops and five regional events are planned. All of them feed the Regional Action Plans, in which each city sets out how it will improve its innovation chain.

                Meetings will be held in person only where the travel and entry restrictions linked to COVID-19 have been lifted.

                BETTER is an Interreg Europe project of five city governments: Genoa (IT), Gävle (SE), Birmingham (UK), Tartu (EE) and Nyíregyháza (HU). More at {_LINKS_EN}.
                """
            ),
            "et": md(
                f"""
                BETTERi eesmärk on, et partnerlinnad elavdaksid oma piirkondlikke innovatsiooniahelaid paremate e-valitsemise lahenduste abil. Viimastel kuudel uurisid linnad selleks lähemalt üksteise tööd kolmel õppevisiidil:

                | Kuupäev | Võõrustaja | Külastajad | Vaadeldud head praktikad |
                |---|---|---|---|
                | 17. juuli 2021 | Genova | Birmingham, Gävle, Nyíregyháza | Digital Citizen Folder ja Segnalaci (digitaalsed teenused elanikele); Platform for Labour Policies (digitaalsed teenused ettevõtetele); kohaliku politsei operatsioonikeskuse tehnoloogiline uuendamine ning sademete ja veetaseme andmete digitaalne mudel (turvalisus ja vastupanuvõime) |
                | 13. september 2021 | Nyíregyháza | Genova, Gävle, Birmingham | LEGO education innovation studio (LEGO-vahendid hariduses ja talentide arendamisel); Digital Tree – Innovation Habitat (suurandmete, masinõppe ja andmeteaduse oskused) |
                | 27. oktoober 2021 | Gävle | Tartu, Birmingham, Genova, Nyíregyháza | Teenusedisain Gävle omavalitsuses (metoodika, integreerimise võtted, digitaalse uuenduse meeskond); e-teenused Gävle omavalitsuses (teenuste ümberkujundamine, kasu elanikele ja omavalitsusele) |

                Temaatilistel üritustel ja õppevisiitidel otsiti ja mõtestati praktikaid, mis aitaksid linnadel oma innovatsiooniprobleeme lahendada. Nüüd on küsimus selles, kuidas neid hästi üle võtta. Selleks on ülevõtmise töötoad: praktika omanik ja seda üle võttev linn töötavad kõrvuti, kuni praktika uues keskkonnas toimima hakkab.

                Viienda semestriga lõpeb pikk ettevalmistusperiood ja kolmeaastase rahvusvahelise õppimise etapi viimane semester on ukse ees. Sellest kujuneb projekti kõige tihedam aeg: kavas on veel viis õppevisiiti, viis ülevõtmise töötuba ja viis piirkondlikku üritust. Kõik need toetavad piirkondlikke tegevuskavu, milles iga linn kirjeldab, kuidas ta oma innovatsiooniahelat parandab.

                Kohapealseid kohtumisi peetakse vaid siis, kui COVID-19-ga seotud reisi- ja sisenemispiirangud on kaotatud.

                BETTER on viie linnavalitsuse Interreg Europe projekt: Genova (IT), Gävle (SE), Birmingham (UK), Tartu (EE) ja Nyíregyháza (HU). Lisateave: {_LINKS_ET}.
                """
            ),
        },
    },
    {
        "slug": "better-closes-phase-i",
        "author": "tartu",
        "published_at": datetime.datetime(2022, 6, 28, 10, 0, tzinfo=TALLINN),
        "events": [event["slug"] for event in THEMATIC_EVENTS] + [visit["slug"] for visit in STUDY_VISITS],
        "practices": [practice["slug"] for practice in PRACTICES],
        # Published in these three languages only: no Italian or Swedish version exists.
        "title": {
            "en": "BETTER closes Phase I",
            "et": "BETTER lõpetab I etapi",
            "hu": "A BETTER lezárja az I. szakaszt",
        },
        "lead": {
            "en": "After three years of international learning and more than 20 events, each of the five BETTER cities has its Regional Action Plan and turns to putting it into practice.",
            "et": "Pärast kolme aastat rahvusvahelist õppimist ja enam kui 20 üritust on kõigil viiel BETTERi linnal oma piirkondlik tegevuskava ning algab selle elluviimine.",
            "hu": "Három év nemzetközi tanulás és több mint 20 rendezvény után a BETTER mind az öt partnervárosa elkészítette saját regionális cselekvési tervét, és hozzálát a megvalósításához.",
        },
        "body": {
            "en": md(
                f"""
                In July 2022 BETTER completes Phase 1, the international learning phase that began in August 2019. Over six semesters the five city governments – Genoa, Gävle, Birmingham, Tartu and Nyíregyháza – met at more than 20 events: thematic events, study visits and import workshops.

                The main result of the phase is one Regional Action Plan per partner. Each plan rests on good practices the city learned from the others and sets out how it will strengthen its regional innovation chain with better e-services. Tartu's city development plan (arengukava), the policy instrument BETTER set out to improve, now names the city's innovation and e-government goals and actions more precisely.

                Some milestones of Phase 1:

                | When | Event | Host |
                |---|---|---|
                | October 2019 | Thematic event: physical and virtual infrastructure and tools that support innovation | Gävle |
                | January 2020 | Thematic event: developing and implementing new innovative products and services | Tartu |
                | June 2020 | Thematic event (virtual): processes for new business models, cross-sector work and cooperation with residents | Birmingham |
                | November 2020 | Thematic event (virtual): people and skills that make innovation work | Nyíregyháza |
                | 17 July 2021 | Study visit: five good practices in digital services and security | Genoa |
                | 13 September 2021 | Study visit: LEGO education innovation studio and Digital Tree – Innovation Habitat | Nyíregyháza |
                | 27 October 2021 | Study visit: service design and e-services | Gävle |

                Phase 2, implementation, runs from August 2022 to July 2023. The partners carry out the actions written into their plans, and a final conference in 2023 will report on the impact and discuss how the cooperation can continue once the project ends.

                BETTER is an Interreg Europe project of five city governments: Genoa (IT), Gävle (SE), Birmingham (UK), Tartu (EE) and Nyíregyháza (HU). More at {_LINKS_EN}.
                """
            ),
            "et": md(
                f"""
                2022. aasta juulis lõpetab BETTER 2019. aasta augustis alanud I etapi ehk rahvusvahelise õppimise etapi. Kuue semestri jooksul kohtusid viie linna – Genova, Gävle, Birminghami, Tartu ja Nyíregyháza – omavalitsused enam kui 20 üritusel: temaatilistel üritustel, õppevisiitidel ja ülevõtmise töötubades.

                Etapi peamine tulemus on iga partneri piirkondlik tegevuskava. Iga kava toetub headele praktikatele, mida linn teistelt õppis, ning näitab, kuidas linn paremate e-teenuste abil oma piirkondlikku innovatsiooniahelat tugevdab. Tartu linna arengukava, mida projekt parendada soovis, nimetab nüüd linna innovatsiooni ja e-valitsemise eesmärke ning tegevusi täpsemalt.

                I etapi tähtsamaid sündmusi:

                | Aeg | Üritus | Võõrustaja |
                |---|---|---|
                | Oktoober 2019 | Temaatiline üritus: innovatsiooni toetav füüsiline ja virtuaalne taristu ning vahendid | Gävle |
                | Jaanuar 2020 | Temaatiline üritus: uute innovaatiliste toodete ja teenuste arendamine ning kasutuselevõtt | Tartu |
                | Juuni 2020 | Temaatiline üritus (veebis): uute ärimudelite, sektoriülese töö ja elanikega koostöö protsessid | Birmingham |
                | November 2020 | Temaatiline üritus (veebis): innovatsiooni käivitavad inimesed ja oskused | Nyíregyháza |
                | 17. juuli 2021 | Õppevisiit: viis head praktikat digitaalsete teenuste ja turvalisuse vallas | Genova |
                | 13. september 2021 | Õppevisiit: LEGO education innovation studio ja Digital Tree – Innovation Habitat | Nyíregyháza |
                | 27. oktoober 2021 | Õppevisiit: teenusedisain ja e-teenused | Gävle |

                II etapp ehk elluviimise etapp kestab 2022. aasta augustist 2023. aasta juulini. Partnerid viivad ellu oma tegevuskavadesse kirjutatud tegevused. 2023. aastal toimuval lõppkonverentsil antakse ülevaade projekti mõjust ja arutatakse, kuidas koostööd pärast projekti lõppu jätkata.

                BETTER on viie linnavalitsuse Interreg Europe projekt: Genova (IT), Gävle (SE), Birmingham (UK), Tartu (EE) ja Nyíregyháza (HU). Lisateave: {_LINKS_ET}.
                """
            ),
            "hu": md(
                f"""
                2022 júliusában a BETTER lezárja 2019 augusztusában indult első, nemzetközi tanulási szakaszát. Hat félév alatt az öt városi önkormányzat – Genova, Gävle, Birmingham, Tartu és Nyíregyháza – több mint 20 rendezvényen találkozott: tematikus rendezvényeken, tanulmányutakon és átvételi műhelyekben.

                A szakasz fő eredménye partnerenként egy-egy regionális cselekvési terv. Mindegyik terv a többi várostól megismert jó gyakorlatokra épül, és bemutatja, hogyan erősíti a város jobb e-szolgáltatásokkal a regionális innovációs láncát. Tartu városfejlesztési terve (arengukava), amelynek javítását a projekt célul tűzte ki, ma már pontosabban nevezi meg a város innovációs és e-közigazgatási céljait és intézkedéseit.

                Az I. szakasz néhány állomása:

                | Időpont | Rendezvény | Házigazda |
                |---|---|---|
                | 2019. október | Tematikus rendezvény: az innovációt támogató fizikai és virtuális infrastruktúra és eszközök | Gävle |
                | 2020. január | Tematikus rendezvény: új, innovatív termékek és szolgáltatások fejlesztése és bevezetése | Tartu |
                | 2020. június | Tematikus rendezvény (online): folyamatok új üzleti modellekhez, ágazatokon átívelő munkához és a lakosokkal való együttműködéshez | Birmingham |
                | 2020. november | Tematikus rendezvény (online): az innovációt működtető emberek és készségek | Nyíregyháza |
                | 2021. július 17. | Tanulmányút: öt jó gyakorlat a digitális szolgáltatások és a biztonság területén | Genova |
                | 2021. szeptember 13. | Tanulmányút: LEGO education innovation studio és Digital Tree – Innovation Habitat | Nyíregyháza |
                | 2021. október 27. | Tanulmányút: szolgáltatástervezés és e-szolgáltatások | Gävle |

                A II., megvalósítási szakasz 2022 augusztusától 2023 júliusáig tart. A partnerek végrehajtják a cselekvési terveikben rögzített intézkedéseket, 2023-ban pedig zárókonferencia mutatja be a projekt hatását, és vitatja meg, hogyan folytatódhat az együttműködés a projekt lezárulta után.

                A BETTER öt városi önkormányzat Interreg Europe projektje: Genova (IT), Gävle (SE), Birmingham (UK), Tartu (EE) és Nyíregyháza (HU). További információ: {_LINKS_HU}.
                """
            ),
        },
    },
]
