# ruff: noqa: E501
# Long lines: prose reads and diffs better unbroken.
"""Demo texts of the footer's pages (projects.SitePage), in English, Estonian and Hungarian.

Italian and Swedish are left out on purpose: those pages show the English text with a notice, as
untranslated releases do. The texts describe what this software really does (the cookies it sets,
the logs a web server keeps, the tests it passes); the project's editors adapt them in the admin.
"""

from textwrap import dedent


def md(text):
    return dedent(text).strip()


SITE_PAGES = [
    {
        "key": "accessibility",
        "title": {
            "en": "Accessibility statement",
            "et": "Ligipääsetavuse teatis",
            "hu": "Akadálymentesítési nyilatkozat",
        },
        "body": {
            "en": md(
                """
                The five city governments of BETTER want everyone to be able to use this site. This statement covers every page of the site in all its languages.

                ## Conformance status

                The site is **partially conformant** with the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA and with the European standard EN 301 549. Partially conformant means that some content does not yet fully conform (see the known limits below).

                Every page is checked automatically with axe-core and the Nu Html Checker each time the site changes. The pages work with a keyboard alone, without JavaScript, and at 320 pixels wide.

                ## Known limits

                - Some texts exist only in English. Such a page says so at its top and marks the English text as English, so that screen readers read it correctly.
                - Documents that partner cities upload (for example action plans in PDF) are not always accessible. Ask us for the content in another format.
                - Recordings of online seminars are hosted by other services and do not all have captions.

                ## Feedback and contact

                If you find a barrier on this site, or need content in another format, write to the public contact on the [Contact](/en/contact/) page. Tell us the address of the page and what went wrong. We answer within 14 days.

                ## Enforcement procedure

                If our answer does not satisfy you, you can turn to the body that enforces the Web Accessibility Directive (EU) 2016/2102 in the partner city's country, for example AgID in Italy or the Agency for Digital Government (DIGG) in Sweden. The European Commission lists the national bodies.

                ## How this statement was made

                The partners assessed the site themselves, with automated tests and by hand. The statement was last reviewed when this page was last updated.
                """
            ),
            "et": md(
                """
                BETTERi viie linna omavalitsused soovivad, et seda veebilehte saaks kasutada igaüks. Teatis kehtib veebilehe kõigi lehekülgede ja keelte kohta.

                ## Vastavus nõuetele

                Veebileht **vastab osaliselt** veebisisu ligipääsetavuse suunistele (WCAG) 2.1 tasemel AA ja Euroopa standardile EN 301 549. Osaline vastavus tähendab, et osa sisust ei vasta veel täielikult nõuetele (vt allpool teadaolevaid piiranguid).

                Iga muudatuse järel kontrollitakse kõiki lehekülgi automaatselt tööriistadega axe-core ja Nu Html Checker. Lehekülgi saab kasutada ainult klaviatuuriga, ilma JavaScriptita ja 320 piksli laiusel ekraanil.

                ## Teadaolevad piirangud

                - Osa tekste on olemas ainult inglise keeles. Selline lehekülg ütleb seda kohe alguses ja märgib ingliskeelse teksti ingliskeelseks, et ekraanilugeja loeks seda õigesti.
                - Partnerlinnade üles laaditud dokumendid (näiteks PDF-vormingus tegevuskavad) ei ole alati ligipääsetavad. Küsige meilt sisu mõnes teises vormingus.
                - Veebiseminaride salvestised asuvad teiste teenuste lehtedel ja kõigil neil ei ole subtiitreid.

                ## Tagasiside ja kontakt

                Kui leiate veebilehelt takistuse või vajate sisu teises vormingus, kirjutage [Kontakt](/et/contact/) lehel nimetatud kontaktisikule. Lisage lehekülje aadress ja kirjeldage, mis läks valesti. Vastame 14 päeva jooksul.

                ## Järelevalvemenetlus

                Kui meie vastus teid ei rahulda, võite pöörduda asutuse poole, kes partnerlinna riigis teeb järelevalvet veebi ligipääsetavuse direktiivi (EL) 2016/2102 täitmise üle. Riikide asutuste loetelu avaldab Euroopa Komisjon.

                ## Kuidas teatis koostati

                Partnerid hindasid veebilehte ise, automaatsete testide ja käsitsi kontrolli abil. Teatis vaadati viimati üle siis, kui seda lehekülge viimati uuendati.
                """
            ),
            "hu": md(
                """
                A BETTER öt városi önkormányzata azt szeretné, hogy ezt a webhelyet mindenki használni tudja. A nyilatkozat a webhely minden oldalára és minden nyelvére vonatkozik.

                ## Megfelelőségi állapot

                A webhely **részben megfelel** a webes tartalmak akadálymentességi irányelvei (WCAG) 2.1 AA szintjének és az EN 301 549 európai szabványnak. A részleges megfelelés azt jelenti, hogy a tartalom egy része még nem felel meg teljesen (lásd alább az ismert korlátokat).

                Minden változtatás után minden oldalt automatikusan ellenőrzünk az axe-core és a Nu Html Checker eszközzel. Az oldalak csak billentyűzettel, JavaScript nélkül és 320 képpont széles képernyőn is használhatók.

                ## Ismert korlátok

                - Egyes szövegek csak angolul érhetők el. Az ilyen oldal ezt az elején jelzi, és az angol szöveget angolként jelöli, hogy a képernyőolvasó helyesen olvassa fel.
                - A partnervárosok által feltöltött dokumentumok (például PDF formátumú cselekvési tervek) nem mindig akadálymentesek. Kérje tőlünk a tartalmat más formátumban.
                - Az online szemináriumok felvételeit más szolgáltatások tárolják, és nem mindegyikhez tartozik felirat.

                ## Visszajelzés és kapcsolat

                Ha akadályba ütközik a webhelyen, vagy más formátumban van szüksége a tartalomra, írjon a [Kapcsolat](/hu/contact/) oldalon megadott kapcsolattartónak. Írja meg az oldal címét és azt, hogy mi nem működött. 14 napon belül válaszolunk.

                ## Jogérvényesítési eljárás

                Ha válaszunk nem elégíti ki, fordulhat ahhoz a szervhez, amely a partnerváros országában a webes akadálymentesítésről szóló (EU) 2016/2102 irányelv betartását ellenőrzi. A nemzeti szervek listáját az Európai Bizottság teszi közzé.

                ## Hogyan készült a nyilatkozat

                A partnerek maguk értékelték a webhelyet, automatikus tesztekkel és kézi ellenőrzéssel. A nyilatkozatot legutóbb az oldal legutóbbi frissítésekor vizsgálták felül.
                """
            ),
        },
    },
    {
        "key": "privacy",
        "title": {"en": "Privacy notice", "et": "Privaatsusteade", "hu": "Adatvédelmi tájékoztató"},
        "body": {
            "en": md(
                """
                This notice says what this site stores about you when you visit it, and why.

                ## What the site stores

                - **Language:** the language you read the site in is part of each page's address (for example /en/ or /et/). The site sets no cookie for it.
                - **Session cookie:** only people who sign in to edit the site (the partners' coordinators) get a session cookie and a security (CSRF) cookie. Visitors who only read the site get none.
                - **Server logs:** like every web server, ours records each request: the time, the address asked for, the IP address and the browser's name. The logs serve only to keep the site running and secure, and are deleted after 30 days.

                ## What the site does not do

                There are no trackers, no analytics, no advertising and no social media buttons. The site loads nothing from other servers: fonts, scripts and images all come from this site.

                ## Your rights

                Under the General Data Protection Regulation you may ask what data about you is kept, and have it corrected or deleted. Write to the contact on the [Contact](/en/contact/) page. You may also complain to the data protection authority of your country.
                """
            ),
            "et": md(
                """
                See teade selgitab, mida veebileht teie külastuse kohta salvestab ja miks.

                ## Mida veebileht salvestab

                - **Keel:** keel, milles veebilehte loete, on iga lehekülje aadressi osa (näiteks /en/ või /et/). Selle jaoks küpsist ei kasutata.
                - **Seansiküpsis:** seansiküpsise ja turvaküpsise (CSRF) saavad ainult need, kes logivad veebilehe muutmiseks sisse (partnerite koordinaatorid). Lugejad küpsiseid ei saa.
                - **Serveri logid:** nagu iga veebiserver, salvestab ka meie oma iga päringu: aja, küsitud aadressi, IP-aadressi ja brauseri nime. Logisid kasutatakse ainult veebilehe töös ja turvalisena hoidmiseks ning need kustutatakse 30 päeva pärast.

                ## Mida veebileht ei tee

                Veebilehel ei ole jälgijaid, külastusstatistikat, reklaami ega sotsiaalmeedia nuppe. Veebileht ei laadi midagi teistest serveritest: fondid, skriptid ja pildid tulevad kõik siit.

                ## Teie õigused

                Isikuandmete kaitse üldmääruse alusel võite küsida, milliseid andmeid teie kohta hoitakse, ning nõuda nende parandamist või kustutamist. Kirjutage [Kontakt](/et/contact/) lehel nimetatud kontaktisikule. Samuti võite pöörduda oma riigi andmekaitseasutuse poole.
                """
            ),
            "hu": md(
                """
                Ez a tájékoztató leírja, mit tárol a webhely a látogatásáról, és miért.

                ## Mit tárol a webhely

                - **Nyelv:** a webhely nyelve az oldalak címének része (például /en/ vagy /hu/). Ehhez a webhely nem használ sütit.
                - **Munkamenet-süti:** munkamenet-sütit és biztonsági (CSRF) sütit csak azok kapnak, akik a webhely szerkesztéséhez bejelentkeznek (a partnerek koordinátorai). Az olvasók nem kapnak sütit.
                - **Szervernaplók:** mint minden webszerver, a miénk is rögzít minden kérést: az időpontot, a kért címet, az IP-címet és a böngésző nevét. A naplók csak a webhely működését és biztonságát szolgálják, és 30 nap után törlődnek.

                ## Mit nem tesz a webhely

                Nincsenek követőkódok, látogatottsági statisztika, hirdetések és közösségimédia-gombok. A webhely semmit nem tölt be más szerverekről: a betűtípusok, a szkriptek és a képek mind innen származnak.

                ## Az Ön jogai

                Az általános adatvédelmi rendelet alapján megkérdezheti, milyen adatot tárolunk Önről, és kérheti azok helyesbítését vagy törlését. Írjon a [Kapcsolat](/hu/contact/) oldalon megadott kapcsolattartónak. Panaszt tehet országa adatvédelmi hatóságánál is.
                """
            ),
        },
    },
    {
        "key": "contact",
        "title": {"en": "Contact", "et": "Kontakt", "hu": "Kapcsolat"},
        "body": {
            "en": md(
                """
                Each of the five city governments answers for its own part of BETTER. Each partner's page lists its public contact for the project, where it has named one.

                - **Tartu City Government:** Anneli Saalik, <anneli.saalik@tartu.ee>
                - **Genoa, Gävle, Birmingham and Nyíregyháza:** see the [partners](/en/partners/) page.

                The project's page on the Interreg Europe website: <https://www.interregeurope.eu/better/>

                Write to us about the content of the site, its accessibility, or the data it keeps.
                """
            ),
            "et": md(
                """
                Kõik viis linnavalitsust vastutavad oma osa eest BETTERis. Iga partneri leheküljel on tema avalik kontaktisik, kui ta on selle nimetanud.

                - **Tartu Linnavalitsus:** Anneli Saalik, <anneli.saalik@tartu.ee>
                - **Genova, Gävle, Birmingham ja Nyíregyháza:** vt lehekülge [Partnerid](/et/partners/).

                Projekti lehekülg Interreg Europe'i veebilehel: <https://www.interregeurope.eu/better/>

                Kirjutage meile veebilehe sisu, selle ligipääsetavuse või salvestatavate andmete kohta.
                """
            ),
            "hu": md(
                """
                Az öt városi önkormányzat mindegyike a BETTER saját részéért felel. Minden partner oldalán szerepel a projekt nyilvános kapcsolattartója, ha a partner megnevezett ilyet.

                - **Tartu Városi Önkormányzat:** Anneli Saalik, <anneli.saalik@tartu.ee>
                - **Genova, Gävle, Birmingham és Nyíregyháza:** lásd a [partnerek](/hu/partners/) oldalát.

                A projekt oldala az Interreg Europe webhelyén: <https://www.interregeurope.eu/better/>

                Írjon nekünk a webhely tartalmáról, akadálymentességéről vagy az általa tárolt adatokról.
                """
            ),
        },
    },
    {
        "key": "legal-notice",
        "title": {"en": "Legal notice", "et": "Õiguslik teave", "hu": "Jogi nyilatkozat"},
        "body": {
            "en": md(
                """
                This site is published by the five partner city governments of BETTER: the Municipality of Genoa, Gävle Municipality, Birmingham City Council, Tartu City Government and the Municipality of Nyíregyháza.

                The content reflects only the authors' views. The Interreg Europe programme authorities are not liable for any use that may be made of the information it contains.

                Texts of the site may be quoted with a reference to the source. Photographs and logos belong to their owners.
                """
            ),
            "et": md(
                """
                Veebilehte annavad välja BETTERi viis partnerlinna omavalitsust: Genova, Gävle, Birminghami, Tartu ja Nyíregyháza linnavalitsus.

                Sisu väljendab ainult autorite seisukohti. Interreg Europe programmi asutused ei vastuta selles sisalduva teabe mis tahes kasutamise eest.

                Veebilehe tekste võib tsiteerida, viidates allikale. Fotod ja logod kuuluvad nende omanikele.
                """
            ),
            "hu": md(
                """
                A webhelyet a BETTER öt partner városi önkormányzata adja ki: Genova, Gävle, Birmingham, Tartu és Nyíregyháza önkormányzata.

                A tartalom kizárólag a szerzők véleményét tükrözi. Az Interreg Europe program hatóságai nem felelősek a benne található információk bármilyen felhasználásáért.

                A webhely szövegei a forrás megjelölésével idézhetők. A fényképek és logók tulajdonosaik tulajdonát képezik.
                """
            ),
        },
    },
    {
        "key": "eu-funding",
        "title": {"en": "EU funding", "et": "ELi rahastus", "hu": "Uniós finanszírozás"},
        "body": {
            "en": md(
                """
                BETTER is co-funded by the European Union through the European Regional Development Fund, in the Interreg Europe programme.

                Interreg Europe helps regional and local governments across Europe to develop and deliver better policy. BETTER's partners learn from each other's good practices in e-government and write them into their Regional Action Plans.

                More about the programme: <https://www.interregeurope.eu/>
                """
            ),
            "et": md(
                """
                BETTERit kaasrahastab Euroopa Liit Euroopa Regionaalarengu Fondist programmi Interreg Europe kaudu.

                Interreg Europe aitab Euroopa piirkondlikel ja kohalikel omavalitsustel kujundada ja ellu viia paremat poliitikat. BETTERi partnerid õpivad üksteise headest e-valitsemise praktikatest ja kirjutavad need oma piirkondlikesse tegevuskavadesse.

                Lähemalt programmist: <https://www.interregeurope.eu/>
                """
            ),
            "hu": md(
                """
                A BETTER projektet az Európai Unió társfinanszírozza az Európai Regionális Fejlesztési Alapból, az Interreg Europe programon keresztül.

                Az Interreg Europe segíti az európai regionális és helyi önkormányzatokat abban, hogy jobb szakpolitikát alakítsanak ki és valósítsanak meg. A BETTER partnerei egymás e-közigazgatási jó gyakorlataiból tanulnak, és ezeket beépítik regionális cselekvési terveikbe.

                Bővebben a programról: <https://www.interregeurope.eu/>
                """
            ),
        },
    },
]
