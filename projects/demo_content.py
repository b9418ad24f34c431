"""Demo projects, phases and news for `seed_demo`; example content, not real city data."""

TOPICS = [
    "Sicherheit",
    "Gesundheit",
    "IT-Infrastruktur",
    "Bildung",
    "Verwaltung",
    "Handel",
    "Datenplattform",
    "Energie & Umwelt",
    "Verkehr",
    "Gesellschaft",
]

# Dates are given as day offsets from "today" when seeding (negative = past), so that the
# timeline always shows past, current and future phases.
PROJECTS = [
    # ------------------------------------------------------------------ Smart City
    {
        "slug": "stadt-raum-wir",
        "title": "Stadt.Raum.Wir.",
        "kind": "smart_city",
        "status": "running",
        "topics": ["Gesellschaft", "Handel"],
        "teaser": "Beispielprojekt: Eine freie Fläche in der Innenstadt wird zum „Dritten Ort“. "
        "Sie entscheiden online und auf Papier, wie der Platz für einige Tage genutzt "
        "wird – gerade sammeln wir Ideen für die nächste Runde.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Das Zuhause ist der erste Ort, Arbeit oder Schule sind der zweite. Ein „Dritter Ort“ ist ein Platz, an dem man sich ohne Verabredung und ohne Konsumzwang trifft. Mit Stadt.Raum.Wir. probieren wir aus, wie so ein Ort in der Kaiserslauterer Innenstadt aussehen kann: Eine freie Fläche wird immer wieder für einige Tage bespielt – und was dort passiert, entscheiden Sie.</p>
<h2>Woher die Ideen kommen</h2>
<p>In zwei Bürgerwerkstätten haben Bürger:innen, Gewerbetreibende und Vereine gemeinsam überlegt, was auf dem Platz möglich sein soll. Dabei sind unter anderem diese Vorschläge entstanden:</p>
<ul>
<li>eine Skatefläche für Jugendliche</li>
<li>eine Strandbar mit Liegestühlen</li>
<li>kulinarische Abende mit Musik</li>
<li>ein Spielbereich für Kinder</li>
</ul>
<h2>Die erste Runde</h2>
<p>In der ersten Runde 2022 standen fünf Ideen zur Wahl, darunter ein Tanzabend und 3D-Straßenmalerei. Gewonnen hat „Lautern tanzt“: Für einen Abend wurde der Platz zur Tanzfläche. Die 3D-Straßenmalerei kam auf Platz zwei.</p>
<h2>So entscheiden Sie mit</h2>
<p>Sie können hier auf KLmitWirkung abstimmen oder auf Papier – zum Beispiel an unseren Ständen auf Märkten und bei Veranstaltungen wie „Lautern blüht auf“. Beide Wege zählen gleich: Wir tragen die Stimmzettel ein, und das Ergebnis zeigt die Online- und Papierstimmen zusammen und getrennt. Wie die Beteiligung im Einzelnen abläuft, lesen Sie unter „<a href="/so-funktionierts/">So funktioniert’s</a>“.</p>
<h2>Jetzt sind Sie dran</h2>
<p>Die zweite Runde läuft: In der <a href="/abstimmungen/">Abstimmung</a> entscheiden Sie, welche Idee den Platz als nächste nutzt. Ideen für spätere Runden können Sie weiterhin als <a href="/vorschlaege/">Vorschlag</a> einreichen. Beschreiben Sie kurz, was auf dem Platz passieren soll, für wen es gedacht ist und was dafür gebraucht wird, etwa Strom, Wasser oder Sitzgelegenheiten.</p>""",
        "contact_name": "Team Stadt.Raum.Wir.",
        "contact_role": "Projektteam, KL.digital GmbH",
        "contact_email": "stadtraumwir@example.org",
        "accepts_proposals": True,
        "proposals_until_days": 45,
        "phases": [
            {
                "title": "Fläche vorbereiten",
                "start_days": -120,
                "end_days": -41,
                "description": "Genehmigungen, Strom- und Wasseranschluss sowie Mobiliar für die "
                "nächste Nutzung des Platzes werden organisiert.",
            },
            {
                "title": "Vorschläge sammeln",
                "start_days": -40,
                "end_days": -5,
                "description": "Online und an unseren Marktständen können Sie Ideen für die nächste "
                "Nutzung des Platzes einreichen.",
            },
            {
                "title": "Abstimmung",
                "start_days": -4,
                "end_days": 21,
                "description": "Alle umsetzbaren Vorschläge stehen online und auf Papier zur Wahl.",
            },
            {
                "title": "Aktionstage auf dem Platz",
                "start_days": 45,
                "end_days": 51,
                "description": "Die Idee mit den meisten Stimmen wird für einige Tage auf dem Platz "
                "umgesetzt.",
            },
        ],
        "news": [
            {
                "days": -3,
                "title": "Zweite Runde: Die Abstimmung läuft",
                "text": """<p>Aus Ihren Ideen sind fünf umsetzbare Vorschläge für die nächste Nutzung der Fläche geworden. Bis zum Ende der Abstimmungsphase können Sie online und an unseren Marktständen auf Papier abstimmen. Die Abstimmung ist für Einwohner:innen von Kaiserslautern; die Postleitzahl tragen Sie in Ihrem Profil ein.</p>""",
            },
            {
                "days": -18,
                "title": "Besuchen Sie uns bei „Lautern blüht auf“",
                "text": """<p>Bei „Lautern blüht auf“ sind wir mit einem Stand vertreten. Dort können Sie Ideen auf Karten schreiben, mit dem Team sprechen und später auf Papier abstimmen. Die Karten tragen wir anschließend hier auf der Plattform ein.</p>""",
            },
            {
                "days": -70,
                "title": "Was wir aus der ersten Runde gelernt haben",
                "text": """<p>Viele Stimmen kamen auf Papier – vor allem von Menschen, die wir online kaum erreicht hätten. Deshalb bleiben die Marktstände fester Bestandteil. Außerdem planen wir mehr Zeit für den Aufbau ein und stellen Sitzgelegenheiten für die gesamte Dauer bereit.</p>""",
            },
        ],
    },
    {
        "slug": "lokale-logistik",
        "title": "Lokale Logistik",
        "kind": "smart_city",
        "status": "running",
        "topics": ["Handel", "Verkehr"],
        "teaser": "Beispielprojekt: In der Innenstadt soll eine „Ausprobierbox“ entstehen – eine "
        "Station zum Abholen, Ausleihen und Ausprobieren. In einer Umfrage fragen wir "
        "Sie, wo sie stehen und was sie können soll.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Lieferwagen in zweiter Reihe, Pakete beim Nachbarn, Benachrichtigungskarten im Briefkasten: Die letzte Strecke bis zur Haustür ist für alle Beteiligten mühsam. Gleichzeitig suchen Geschäfte in der Innenstadt nach Wegen, ihre Waren auch dann anzubieten, wenn die Läden geschlossen sind. Das Projekt Lokale Logistik verbindet beides in einer „Ausprobierbox“.</p>
<h2>Was ist die Ausprobierbox?</h2>
<p>Die Ausprobierbox ist eine Station mit Schließfächern und einem kleinen betreuten Bereich. Sie soll mehrere Aufgaben übernehmen:</p>
<ul>
<li><strong>Paketstation:</strong> Sie lassen sich Sendungen dorthin liefern und holen sie ab, wann es Ihnen passt – unabhängig vom Paketdienst.</li>
<li><strong>Ausleihen:</strong> Dinge, die man selten braucht, etwa Bohrmaschine, Lastenrad-Anhänger oder Gesellschaftsspiele, können Sie für einige Tage ausleihen.</li>
<li><strong>Lokaler Handel:</strong> Geschäfte aus der Innenstadt legen bestellte Waren in ein Fach, das Sie auch nach Ladenschluss öffnen können.</li>
<li><strong>Ausprobieren:</strong> Händler:innen stellen Produkte zum Testen bereit, bevor Sie sich für einen Kauf entscheiden.</li>
</ul>
<h2>Ihre Meinung ist gefragt</h2>
<p>Bevor wir bauen, wollen wir wissen, wo die Box am meisten nützt und welche Funktionen Ihnen wichtig sind. In der <a href="/abstimmungen/">Umfrage</a> können Sie einen Standort auswählen, Funktionen ankreuzen und angeben, zu welchen Zeiten Sie die Box nutzen würden. Die Umfrage dauert etwa fünf Minuten und ist auch ohne Konto möglich.</p>
<h2>Wie es weitergeht</h2>
<p>Nach der Umfrage werten wir die Antworten gemeinsam mit dem Einzelhandel aus. Danach wird die Box aufgebaut und in einem Testbetrieb erprobt. Was gut funktioniert, bleibt; was nicht genutzt wird, ersetzen wir.</p>""",
        "contact_name": "Team Lokale Logistik",
        "contact_role": "Projektleitung",
        "contact_email": "lokale-logistik@example.org",
        "accepts_proposals": False,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Bedarf klären",
                "start_days": -180,
                "end_days": -31,
                "description": "Gespräche mit Händler:innen, Paketdiensten und der Stadtverwaltung "
                "über Anforderungen und mögliche Standorte.",
            },
            {
                "title": "Umfrage zu Standort und Funktionen",
                "start_days": -30,
                "end_days": 30,
                "description": "Sie bewerten mögliche Standorte und sagen uns, welche Funktionen die "
                "Box haben soll.",
            },
            {
                "title": "Aufbau der Ausprobierbox",
                "start_days": 60,
                "end_days": 120,
                "description": "Die Station wird am ausgewählten Standort aufgebaut und technisch "
                "eingerichtet.",
            },
            {
                "title": "Testbetrieb",
                "start_days": 121,
                "end_days": 300,
                "description": "Die Box ist in Betrieb; wir werten die Nutzung regelmäßig aus und "
                "passen das Angebot an.",
            },
        ],
        "news": [
            {
                "days": -7,
                "title": "Umfrage zur Ausprobierbox gestartet",
                "text": """<p>Wo soll die Ausprobierbox stehen, und was soll sie können? Ihre Antworten helfen uns bei der Entscheidung. Die Umfrage finden Sie unter <a href="/abstimmungen/">Abstimmungen und Umfragen</a>. Papierbögen liegen außerdem an unserem Marktstand aus.</p>""",
            },
            {
                "days": -45,
                "title": "Gespräch mit dem Einzelhandel",
                "text": """<p>Bei einem Treffen mit Händler:innen aus der Innenstadt ging es um Abholfächer für bestellte Waren. Mehrere Geschäfte haben Interesse an einem Test signalisiert. Gewünscht wurden vor allem einfache Abläufe und Fächer in unterschiedlichen Größen.</p>""",
            },
        ],
    },
    {
        "slug": "city-information-modeling",
        "title": "City Information Modeling",
        "kind": "smart_city",
        "status": "running",
        "topics": ["Datenplattform", "Verwaltung"],
        "teaser": "Beispielprojekt: Ein digitaler Zwilling der Stadt macht Bauvorhaben als "
        "3D-Modell sichtbar. Künftig sollen Sie geplante Veränderungen in Ihrem Viertel "
        "selbst im Browser ansehen können.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Ein Bebauungsplan ist für Fachleute geschrieben. Wer wissen will, wie hoch ein neues Gebäude wird oder ob es den eigenen Garten verschattet, muss sich das meist mühsam vorstellen. Beim City Information Modeling (CIM) baut die Stadt ein digitales 3D-Modell von Kaiserslautern auf – einen sogenannten digitalen Zwilling.</p>
<h2>Was das Modell enthält</h2>
<ul>
<li>Gelände, Straßen und Gebäude als vereinfachte 3D-Körper</li>
<li>Bäume, Grünflächen und Gewässer</li>
<li>Bebauungspläne und geplante Bauvorhaben</li>
<li>auf Wunsch weitere Fachdaten, etwa zu Verschattung oder Starkregen</li>
</ul>
<p>Das Modell zeigt Gebäude nur von außen und in vereinfachter Form. Es enthält keine Innenräume und keine Angaben zu Personen.</p>
<h2>Wofür es genutzt wird</h2>
<p>Die Verwaltung kann im Modell Varianten vergleichen: Wie wirkt ein Neubau im Straßenbild? Wie verändert sich der Schattenwurf im Jahresverlauf? Wo sammelt sich bei Starkregen Wasser? So lassen sich Fragen früher klären, bevor geplant und gebaut wird.</p>
<h2>Was Sie davon haben</h2>
<p>Ziel ist ein öffentlicher 3D-Viewer, der ohne Installation im Browser läuft. Dort sollen Sie geplante Vorhaben aus verschiedenen Blickwinkeln ansehen und mit dem heutigen Zustand vergleichen können. Bei Beteiligungen zu Bauprojekten wird das Modell dann Teil der Unterlagen.</p>
<p>Welche Vorhaben oder Informationen möchten Sie im Modell sehen? Reichen Sie dazu gern einen <a href="/vorschlaege/">Vorschlag</a> ein.</p>""",
        "contact_name": "Team City Information Modeling",
        "contact_role": "Projektleitung",
        "contact_email": "cim@example.org",
        "accepts_proposals": True,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Datengrundlage aufbauen",
                "start_days": -400,
                "end_days": -150,
                "description": "Luftbilder, Vermessungs- und Katasterdaten werden zu einem "
                "einheitlichen 3D-Modell zusammengeführt.",
            },
            {
                "title": "Pilot: Bauvorhaben im Modell",
                "start_days": -149,
                "end_days": 90,
                "description": "Erste Bauvorhaben werden im Modell dargestellt und in der Verwaltung "
                "erprobt.",
            },
            {
                "title": "Öffentlicher 3D-Viewer",
                "start_days": 91,
                "end_days": 270,
                "description": "Ein Viewer für den Browser macht das Modell für alle zugänglich.",
            },
        ],
        "news": [
            {
                "days": -12,
                "title": "Erste Bauvorhaben im Modell",
                "text": """<p>Im Pilotbetrieb sind die ersten geplanten Gebäude im 3D-Modell zu sehen. Die Planungsabteilung nutzt sie, um Höhen und Abstände zur Nachbarbebauung zu prüfen. Rückmeldungen aus der Verwaltung fließen in die Entwicklung des öffentlichen Viewers ein.</p>""",
            },
            {
                "days": -160,
                "title": "Datengrundlage steht",
                "text": """<p>Gelände, Gebäude und Bäume sind für das gesamte Stadtgebiet erfasst. Damit ist die Grundlage für das 3D-Modell fertig. Als Nächstes werden Bebauungspläne und konkrete Vorhaben ergänzt.</p>""",
            },
        ],
    },
    {
        "slug": "smart-city-infrastruktur",
        "title": "Smart-City-Infrastruktur",
        "kind": "smart_city",
        "status": "running",
        "topics": ["IT-Infrastruktur", "Sicherheit", "Energie & Umwelt"],
        "teaser": "Beispielprojekt: Ein Funknetz und Sensoren messen Temperatur, Luftqualität, "
        "Pegelstände und freie Parkplätze. Personenbezogene Daten werden dabei "
        "grundsätzlich nicht erfasst.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Viele Smart-City-Anwendungen brauchen dieselbe Grundlage: Messwerte aus der Stadt, die zuverlässig und sparsam übertragen werden. Dafür baut das Projekt ein stadtweites Funknetz auf und setzt Sensoren an ausgewählten Orten ein.</p>
<h2>Das Funknetz</h2>
<p>Wir nutzen LoRaWAN, eine Funktechnik für kleine Datenmengen über große Entfernungen. Die Sensoren laufen mit Batterie oft mehrere Jahre und benötigen kein WLAN und keinen Mobilfunkvertrag. Die Empfangsstationen sitzen auf städtischen Gebäuden.</p>
<h2>Was gemessen wird</h2>
<ul>
<li><strong>Umwelt:</strong> Temperatur, Luftfeuchtigkeit und Feinstaub, zum Beispiel an Schulen und auf Plätzen</li>
<li><strong>Wasser:</strong> Pegelstände an Bächen und Regenrückhaltebecken, damit bei Starkregen früher gewarnt werden kann</li>
<li><strong>Parken:</strong> Bodensensoren zeigen, ob ein Stellplatz frei oder belegt ist</li>
<li><strong>Bäume:</strong> Bodenfeuchte an jungen Stadtbäumen, damit gezielt gegossen werden kann</li>
</ul>
<h2>Datenschutz von Anfang an</h2>
<p>Wir setzen keine Kameras und keine Mikrofone ein. Ein Parksensor erkennt über das Magnetfeld nur, ob ein Fahrzeug darüber steht – nicht welches. Die Sensoren erfassen keine Daten über Personen. Die Messwerte werden auf der Urbanen Datenplattform gesammelt und, wo sinnvoll, als offene Daten veröffentlicht.</p>
<h2>Machen Sie mit</h2>
<p>Wo fehlt Ihnen eine Messung? Wo wird es im Sommer besonders heiß, wo steht bei Regen Wasser auf der Straße? Schicken Sie uns Ihren <a href="/vorschlaege/">Vorschlag</a>. Wir prüfen, ob ein Sensor dort technisch möglich und sinnvoll ist.</p>""",
        "contact_name": "Team Smart-City-Infrastruktur",
        "contact_role": "Technische Projektleitung",
        "contact_email": "infrastruktur@example.org",
        "accepts_proposals": True,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Funknetz aufbauen",
                "start_days": -300,
                "end_days": -120,
                "description": "Empfangsstationen werden auf städtischen Gebäuden installiert; die "
                "Innenstadt ist abgedeckt.",
            },
            {
                "title": "Sensoren im Testbetrieb",
                "start_days": -119,
                "end_days": 60,
                "description": "Umwelt-, Pegel- und Parksensoren laufen an ausgewählten Orten; wir "
                "prüfen die Qualität der Messwerte.",
            },
            {
                "title": "Ausbau in den Stadtteilen",
                "start_days": 61,
                "end_days": 365,
                "description": "Das Funknetz wird auf die Stadtteile erweitert, weitere Sensoren "
                "kommen hinzu.",
            },
        ],
        "news": [
            {
                "days": -4,
                "title": "Parksensoren: erste Auswertung",
                "text": """<p>Seit einigen Wochen melden Bodensensoren auf zwei Parkflächen, ob Stellplätze frei sind. Die Werte stimmen in Stichproben gut mit der tatsächlichen Belegung überein. Als Nächstes sollen die Daten in einem Dashboard auf der Datenplattform sichtbar werden.</p>""",
            },
            {
                "days": -30,
                "title": "Neue Umweltsensoren an Schulen",
                "text": """<p>An mehreren Schulen messen neue Sensoren Temperatur, Luftfeuchtigkeit und Feinstaub. Die Schulen können die Werte im Unterricht nutzen, zum Beispiel in Erdkunde oder Naturwissenschaften.</p>""",
            },
            {
                "days": -125,
                "title": "Funknetz deckt die Innenstadt ab",
                "text": """<p>Die Empfangsstationen für das LoRaWAN-Funknetz sind in Betrieb. In der gesamten Innenstadt können Sensoren jetzt Messwerte übertragen. Damit beginnt der Testbetrieb.</p>""",
            },
        ],
    },
    {
        "slug": "urbane-datenplattform",
        "title": "Urbane Datenplattform",
        "kind": "smart_city",
        "status": "running",
        "topics": ["Datenplattform", "Verwaltung"],
        "teaser": "Beispielprojekt: Die Urbane Datenplattform bündelt Daten aus Verwaltung und "
        "Sensoren, zeigt sie in verständlichen Dashboards und stellt sie als offene "
        "Daten zur freien Nutzung bereit.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Daten über die Stadt liegen heute an vielen Stellen: in Fachverfahren der Verwaltung, bei den Stadtwerken, in Tabellen einzelner Abteilungen und seit Kurzem in den Sensoren des Projekts Smart-City-Infrastruktur. Die Urbane Datenplattform führt diese Daten zusammen, damit sie einfacher genutzt werden können – von der Verwaltung, von Unternehmen, von der Wissenschaft und von Ihnen.</p>
<h2>Drei Bausteine</h2>
<ol>
<li><strong>Die Plattform selbst:</strong> Sie sammelt Daten, prüft sie und stellt sie über einheitliche Schnittstellen bereit.</li>
<li><strong>Dashboards:</strong> Übersichtliche Ansichten zeigen zum Beispiel aktuelle Umweltwerte, Pegelstände oder freie Parkplätze.</li>
<li><strong>Open-Data-Portal:</strong> Dort finden Sie Datensätze zum Herunterladen, in offenen Formaten wie CSV oder GeoJSON und unter freien Lizenzen.</li>
</ol>
<h2>Was nicht auf die Plattform kommt</h2>
<p>Personenbezogene Daten werden nicht veröffentlicht. Statistiken, etwa zur Bevölkerung, erscheinen nur zusammengefasst, sodass keine Rückschlüsse auf einzelne Menschen möglich sind. Welche Daten veröffentlicht werden, entscheiden die jeweils zuständigen Stellen der Verwaltung.</p>
<h2>Wofür offene Daten gut sind</h2>
<p>Offene Daten machen Verwaltungshandeln nachvollziehbar. Sie ermöglichen es außerdem, dass andere eigene Anwendungen entwickeln – zum Beispiel eine App für Schulen, eine Karte für Vereine oder eine Auswertung für die Lokalzeitung.</p>
<h2>Welche Daten fehlen Ihnen?</h2>
<p>Sagen Sie uns, welche Datensätze Sie sich wünschen und wofür Sie sie nutzen würden. Reichen Sie dazu einen <a href="/vorschlaege/">Vorschlag</a> ein. Die Redaktion prüft jeden Wunsch gemeinsam mit der zuständigen Stelle und antwortet mit einer Stellungnahme.</p>""",
        "contact_name": "Team Urbane Datenplattform",
        "contact_role": "Projektleitung",
        "contact_email": "datenplattform@example.org",
        "accepts_proposals": True,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Plattform aufbauen",
                "start_days": -365,
                "end_days": -90,
                "description": "Technische Grundlage, Schnittstellen und erste Datenquellen werden "
                "eingerichtet.",
            },
            {
                "title": "Open-Data-Portal im Probebetrieb",
                "start_days": -89,
                "end_days": 120,
                "description": "Erste Datensätze und Dashboards sind öffentlich; wir sammeln "
                "Rückmeldungen.",
            },
            {
                "title": "Weitere Daten und Dashboards",
                "start_days": 121,
                "end_days": 400,
                "description": "Weitere Abteilungen liefern Daten; neue Dashboards entstehen nach "
                "Bedarf.",
            },
        ],
        "news": [
            {
                "days": -9,
                "title": "Neues Dashboard: Umweltwerte",
                "text": """<p>Ein neues Dashboard zeigt die Messwerte der Umweltsensoren: Temperatur, Luftfeuchtigkeit und Feinstaub, jeweils mit Verlauf der letzten Tage. Die Rohdaten stehen zusätzlich im Open-Data-Portal zum Herunterladen bereit.</p>""",
            },
            {
                "days": -88,
                "title": "Open-Data-Portal im Probebetrieb",
                "text": """<p>Das Open-Data-Portal ist online. Zum Start finden Sie dort unter anderem Standorte von Spielplätzen, Ladesäulen und öffentlichen Toiletten. Weitere Datensätze folgen schrittweise. Über Hinweise zu Fehlern freuen wir uns per E-Mail an <a href="mailto:datenplattform@example.org">datenplattform@example.org</a>.</p>""",
            },
        ],
    },
    {
        "slug": "gesundheitskiosk",
        "title": "Gesundheitskiosk",
        "kind": "smart_city",
        "status": "planned",
        "topics": ["Gesundheit", "Gesellschaft"],
        "teaser": "Beispielprojekt: Ein Gesundheitskiosk im Stadtteil soll Sie bei Fragen rund um "
        "Gesundheit beraten, bei der Terminsuche helfen und Videosprechstunden mit "
        "Unterstützung ermöglichen. Noch ist das Projekt in Planung.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Welcher Arzt oder welche Ärztin nimmt noch neue Patient:innen auf? Was bedeutet dieser Befund? Wie funktioniert eine Videosprechstunde? Nicht alle finden auf solche Fragen schnell eine Antwort – besonders dann nicht, wenn Sprache, Alter oder fehlende Technik im Weg stehen. Ein Gesundheitskiosk soll hier eine leicht erreichbare Anlaufstelle im Stadtteil sein.</p>
<h2>Was der Kiosk bieten soll</h2>
<ul>
<li>Beratung durch geschultes Fachpersonal, zum Beispiel aus der Pflege</li>
<li>Hilfe bei der Suche nach Ärzt:innen, Therapieplätzen und Beratungsstellen</li>
<li>Videosprechstunden in einem ruhigen Raum, mit Unterstützung bei der Technik</li>
<li>Informationen zu Vorsorge, Bewegung und Ernährung, auch in mehreren Sprachen</li>
</ul>
<p>Der Kiosk ersetzt keine Hausarztpraxis und stellt keine Diagnosen. Er hilft Ihnen, den richtigen Weg im Gesundheitswesen zu finden.</p>
<h2>Was noch offen ist</h2>
<p>Derzeit klären wir mit Krankenkassen, Ärzt:innen und sozialen Trägern, wer den Kiosk betreibt und wie er finanziert wird. Auch der Standort steht noch nicht fest. Infrage kommen Stadtteile, in denen es wenige Praxen gibt oder viele Menschen Unterstützung brauchen.</p>
<h2>Ihre Ideen</h2>
<p>Was würde Ihnen oder Ihren Angehörigen helfen? Zu welchen Zeiten müsste der Kiosk geöffnet sein? Reichen Sie Ihre Ideen als <a href="/vorschlaege/">Vorschlag</a> ein. Bitte schreiben Sie dabei keine Angaben zu Ihrer eigenen Gesundheit – Vorschläge sind öffentlich sichtbar.</p>""",
        "contact_name": "Team Gesundheitskiosk",
        "contact_role": "Projektkoordination",
        "contact_email": "gesundheitskiosk@example.org",
        "accepts_proposals": True,
        "proposals_until_days": 90,
        "phases": [
            {
                "title": "Träger und Standort klären",
                "start_days": 30,
                "end_days": 150,
                "description": "Gespräche mit Krankenkassen, Ärzt:innen und sozialen Trägern; "
                "Auswahl eines Standorts.",
            },
            {
                "title": "Einrichtung",
                "start_days": 151,
                "end_days": 240,
                "description": "Räume werden hergerichtet, das Personal wird geschult.",
            },
            {
                "title": "Eröffnung und Probebetrieb",
                "start_days": 241,
                "end_days": 600,
                "description": "Der Kiosk öffnet; das Angebot wird begleitend ausgewertet.",
            },
        ],
        "news": [
            {
                "days": -14,
                "title": "Was wünschen Sie sich vom Gesundheitskiosk?",
                "text": """<p>Bevor der Gesundheitskiosk geplant wird, möchten wir wissen, was Sie brauchen. Bis zum Ende der Vorschlagsfrist können Sie Ideen zu Angeboten, Öffnungszeiten und Sprachen einreichen. Die Ergebnisse fließen in die Gespräche mit möglichen Trägern ein.</p>""",
            },
        ],
    },
    {
        "slug": "digitale-lernorte",
        "title": "Digitale Lernorte",
        "kind": "smart_city",
        "status": "completed",
        "topics": ["Bildung", "Gesellschaft"],
        "teaser": "Beispielprojekt: An drei Lernorten in der Stadt konnten Sie digitale Fähigkeiten "
        "ausprobieren und üben – von der Digitalsprechstunde bis zur Werkstatt mit "
        "3D-Drucker. Das Projekt ist abgeschlossen, einige Angebote laufen weiter.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Online einen Termin im Bürgerbüro buchen, ein Foto an die Enkelin schicken, eine Bewerbung am Computer schreiben: Digitale Fähigkeiten gehören zum Alltag, aber nicht alle haben Gelegenheit, sie in Ruhe zu lernen. Im Projekt Digitale Lernorte haben Bibliothek, Volkshochschule und ein Stadtteilzentrum gemeinsam Angebote entwickelt und erprobt.</p>
<h2>Was es gab</h2>
<ul>
<li><strong>Digitalsprechstunde:</strong> Ehrenamtliche halfen bei Fragen zu Smartphone, Tablet und Laptop – ohne Anmeldung.</li>
<li><strong>Werkstatt:</strong> Mit 3D-Drucker, Schneideplotter und einfachen Elektronik-Bausätzen konnten Kinder und Erwachsene eigene Ideen umsetzen.</li>
<li><strong>Geräteausleihe:</strong> Laptops und Tablets konnten für einige Wochen ausgeliehen werden, zum Beispiel für Schule oder Weiterbildung.</li>
<li><strong>Kurse:</strong> Kurze Einführungen zu sicheren Passwörtern, Online-Banking und Verwaltungsdiensten im Internet.</li>
</ul>
<h2>Was wir gelernt haben</h2>
<p>Am stärksten genutzt wurde die Digitalsprechstunde. Wichtig war vielen, dass sie ohne Termin kommen und ihre eigenen Geräte mitbringen konnten. Die Werkstatt zog vor allem Familien und Jugendliche an. Die Kurse waren gut besucht, wenn sie nah am Alltag lagen.</p>
<h2>Wie es weitergeht</h2>
<p>Das Projekt ist abgeschlossen. Die Digitalsprechstunde und die Geräteausleihe übernimmt die Bibliothek in ihren regulären Betrieb. Die Werkstatt findet weiterhin an einzelnen Terminen statt. Die Erfahrungen aus dem Projekt stehen im Abschlussbericht, den Sie per E-Mail an <a href="mailto:lernorte@example.org">lernorte@example.org</a> anfordern können.</p>""",
        "contact_name": "Team Digitale Lernorte",
        "contact_role": "Projektkoordination",
        "contact_email": "lernorte@example.org",
        "accepts_proposals": False,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Konzept mit den Bildungseinrichtungen",
                "start_days": -700,
                "end_days": -551,
                "description": "Bibliothek, Volkshochschule und Stadtteilzentrum legen Angebote und "
                "Zielgruppen fest.",
            },
            {
                "title": "Pilotangebote an drei Lernorten",
                "start_days": -550,
                "end_days": -200,
                "description": "Digitalsprechstunde, Werkstatt, Geräteausleihe und Kurse laufen an "
                "den drei Lernorten.",
            },
            {
                "title": "Auswertung und Übergabe",
                "start_days": -199,
                "end_days": -60,
                "description": "Die Angebote werden ausgewertet; erfolgreiche Formate gehen in den "
                "Regelbetrieb über.",
            },
        ],
        "news": [
            {
                "days": -55,
                "title": "Projekt abgeschlossen: Sprechstunde bleibt",
                "text": """<p>Das Projekt Digitale Lernorte ist beendet. Die Digitalsprechstunde und die Geräteausleihe bleiben erhalten: Die Bibliothek führt beides im regulären Betrieb weiter. Wir danken allen Ehrenamtlichen, die das Angebot getragen haben.</p>""",
            },
            {
                "days": -260,
                "title": "Werkstatt jetzt auch samstags geöffnet",
                "text": """<p>Weil die Nachfrage groß ist, öffnet die Werkstatt mit dem 3D-Drucker zusätzlich an Samstagen. So können auch Familien und Berufstätige das Angebot nutzen.</p>""",
            },
        ],
    },
    {
        "slug": "digitaler-waermeatlas",
        "title": "Digitaler Wärmeatlas",
        "kind": "smart_city",
        "status": "running",
        "topics": ["Energie & Umwelt", "Datenplattform"],
        "teaser": "Beispielprojekt: Eine digitale Karte zeigt, wo in Kaiserslautern wie viel Wärme "
        "gebraucht wird und welche Versorgung künftig infrage kommt. Sie ist die "
        "Grundlage für die kommunale Wärmeplanung.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Viele Eigentümer:innen fragen sich, wie sie ihr Haus in Zukunft heizen sollen: Kommt ein Wärmenetz in die Straße, lohnt sich eine Wärmepumpe, oder gibt es andere Lösungen? Die Stadt ist verpflichtet, dazu einen kommunalen Wärmeplan zu erstellen. Der Digitale Wärmeatlas liefert dafür die Daten und macht sie für alle verständlich.</p>
<h2>Was der Wärmeatlas zeigt</h2>
<ul>
<li>den geschätzten Wärmebedarf, zusammengefasst für Baublöcke</li>
<li>bestehende Wärmenetze und mögliche Erweiterungen</li>
<li>Potenziale für erneuerbare Wärme, etwa Abwärme, Solarthermie oder Erdwärme</li>
<li>Gebiete, die sich voraussichtlich eher für ein Wärmenetz oder eher für eine Versorgung einzelner Gebäude eignen</li>
</ul>
<h2>Datenschutz</h2>
<p>Der Atlas zeigt keine Werte für einzelne Gebäude. Verbrauchsangaben werden so zusammengefasst, dass keine Rückschlüsse auf einzelne Haushalte möglich sind.</p>
<h2>Was die Karte bedeutet – und was nicht</h2>
<p>Der Wärmeatlas ist eine Planungsgrundlage. Er gibt Hinweise, welche Lösungen in einem Gebiet wahrscheinlich sind. Eine verbindliche Zusage, dass Ihr Haus an ein Wärmenetz angeschlossen wird, ergibt sich daraus nicht. Für Ihre persönliche Situation empfehlen wir eine Energieberatung.</p>
<h2>Beteiligung</h2>
<p>Derzeit läuft die Potenzialanalyse. In Informationsveranstaltungen stellen wir die Zwischenergebnisse vor und beantworten Ihre Fragen. Hinweise zur Karte, etwa wenn Ihnen in Ihrem Viertel etwas unplausibel erscheint, können Sie per E-Mail an <a href="mailto:waermeatlas@example.org">waermeatlas@example.org</a> schicken. Der fertige Wärmeplan wird anschließend dem Stadtrat zur Entscheidung vorgelegt.</p>""",
        "contact_name": "Team Digitaler Wärmeatlas",
        "contact_role": "Projektleitung",
        "contact_email": "waermeatlas@example.org",
        "accepts_proposals": False,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Bestandsanalyse",
                "start_days": -250,
                "end_days": -60,
                "description": "Daten zu Gebäuden, Wärmebedarf und bestehenden Netzen werden "
                "erhoben und im Atlas zusammengeführt.",
            },
            {
                "title": "Potenzialanalyse und Information",
                "start_days": -59,
                "end_days": 75,
                "description": "Wir ermitteln Potenziale für erneuerbare Wärme und stellen "
                "Zwischenergebnisse in Informationsveranstaltungen vor.",
            },
            {
                "title": "Wärmeplan und Beschluss",
                "start_days": 76,
                "end_days": 200,
                "description": "Der Entwurf des Wärmeplans wird fertiggestellt und dem Stadtrat "
                "vorgelegt.",
            },
        ],
        "news": [
            {
                "days": -6,
                "title": "Infoabend zur Wärmeplanung",
                "text": """<p>Beim Infoabend haben wir die ersten Ergebnisse der Potenzialanalyse vorgestellt. Die meisten Fragen betrafen den möglichen Ausbau von Wärmenetzen und den Zeitplan. Eine Zusammenfassung der häufigsten Fragen ergänzen wir in den kommenden Tagen auf dieser Seite.</p>""",
            },
            {
                "days": -50,
                "title": "Wärmebedarfskarte online",
                "text": """<p>Die Karte zum geschätzten Wärmebedarf ist jetzt öffentlich. Die Werte sind für Baublöcke zusammengefasst. Sie zeigen, wo in der Stadt viel Wärme auf engem Raum gebraucht wird – ein wichtiger Hinweis darauf, wo sich Wärmenetze lohnen können.</p>""",
            },
        ],
    },
    # ------------------------------------------------------------------ City matters
    {
        "slug": "radverkehrskonzept",
        "title": "Radverkehrskonzept",
        "kind": "city",
        "status": "running",
        "topics": ["Verkehr", "Energie & Umwelt"],
        "teaser": "Beispielvorhaben: Die Stadt erarbeitet ein Radverkehrskonzept mit einem "
        "durchgehenden Netz für den Alltag. Melden Sie uns Lücken, gefährliche Stellen "
        "und fehlende Abstellplätze.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Wer in Kaiserslautern mit dem Rad zur Arbeit, zur Hochschule oder zum Einkaufen fährt, kennt die Lücken: Radwege, die plötzlich enden, unübersichtliche Kreuzungen, fehlende Abstellplätze am Ziel. Mit dem Radverkehrskonzept will die Stadt ein zusammenhängendes Netz planen, das die Stadtteile mit der Innenstadt, dem Hauptbahnhof und den Hochschulen verbindet.</p>
<h2>Was das Konzept regeln soll</h2>
<ul>
<li>ein Hauptnetz mit durchgehenden, gut erkennbaren Routen</li>
<li>sichere Lösungen an Kreuzungen und Engstellen</li>
<li>mehr und bessere Abstellanlagen, auch für Lastenräder</li>
<li>Routen, die die Steigungen im Stadtgebiet berücksichtigen</li>
<li>eine Reihenfolge, in der die Maßnahmen umgesetzt werden</li>
</ul>
<h2>Ihre Hinweise</h2>
<p>Sie kennen Ihre Wege am besten. Reichen Sie bis zum Ende der Frist Hinweise als <a href="/vorschlaege/">Vorschlag</a> ein. Hilfreich sind:</p>
<ol>
<li>ein möglichst genauer Ort, zum Beispiel Straße und Hausnummer oder Kreuzung,</li>
<li>eine kurze Beschreibung des Problems,</li>
<li>wenn Sie möchten, eine Idee, wie es besser gehen könnte.</li>
</ol>
<p>Alle Hinweise werden von der Verkehrsplanung gesichtet. Zu häufig genannten Themen veröffentlichen wir eine Stellungnahme der Stadt. Wie die Moderation funktioniert, lesen Sie unter „<a href="/so-funktionierts/">So funktioniert’s</a>“.</p>
<h2>Wie es weitergeht</h2>
<p>Aus der Bestandsaufnahme und Ihren Hinweisen entsteht ein Entwurf des Radnetzes. Diesen stellen wir öffentlich vor, bevor der Stadtrat über das Konzept entscheidet. Einzelne Maßnahmen werden danach nach und nach geplant und gebaut.</p>""",
        "contact_name": "Team Radverkehrskonzept",
        "contact_role": "Verkehrsplanung, Stadtverwaltung",
        "contact_email": "radverkehr@example.org",
        "accepts_proposals": True,
        "proposals_until_days": 28,
        "phases": [
            {
                "title": "Bestandsaufnahme",
                "start_days": -200,
                "end_days": -50,
                "description": "Das bestehende Radnetz wird befahren, Unfalldaten und Zählungen "
                "werden ausgewertet.",
            },
            {
                "title": "Hinweise sammeln",
                "start_days": -49,
                "end_days": 28,
                "description": "Sie melden Lücken, Gefahrenstellen und fehlende Abstellplätze.",
            },
            {
                "title": "Entwurf des Radnetzes",
                "start_days": 29,
                "end_days": 150,
                "description": "Die Verkehrsplanung erarbeitet einen Entwurf und stellt ihn "
                "öffentlich vor.",
            },
            {
                "title": "Beschluss im Stadtrat",
                "start_days": 151,
                "end_days": 180,
                "description": "Der Stadtrat berät und entscheidet über das Radverkehrskonzept.",
            },
        ],
        "news": [
            {
                "days": -2,
                "title": "Noch vier Wochen für Ihre Hinweise",
                "text": """<p>Bisher sind zahlreiche Hinweise eingegangen, viele davon zu Kreuzungen in der Innenstadt und zu Abstellplätzen am Hauptbahnhof. Aus einigen Stadtteilen haben wir noch wenig gehört. Die Frist für Hinweise endet in vier Wochen.</p>""",
            },
            {
                "days": -21,
                "title": "Gemeinsame Radtour mit der Verkehrsplanung",
                "text": """<p>Rund zwei Stunden war eine Gruppe von Radfahrenden gemeinsam mit der Verkehrsplanung unterwegs. An mehreren Stationen wurden Schwachstellen vor Ort besprochen. Die Ergebnisse fließen wie alle anderen Hinweise in den Entwurf ein.</p>""",
            },
            {
                "days": -49,
                "title": "Beteiligung zum Radverkehrskonzept gestartet",
                "text": """<p>Ab heute können Sie Hinweise zum Radverkehr einreichen. Gesucht sind konkrete Orte, an denen Radfahren heute schwierig oder gefährlich ist. Wer nicht online teilnehmen möchte, kann Hinweise auch per E-Mail an <a href="mailto:radverkehr@example.org">radverkehr@example.org</a> schicken.</p>""",
            },
        ],
    },
    {
        "slug": "stadtteilpark-nord",
        "title": "Neugestaltung Stadtteilpark Nord",
        "kind": "city",
        "status": "running",
        "topics": ["Gesellschaft", "Energie & Umwelt"],
        "teaser": "Beispielvorhaben: Ein Stadtteilpark wird neu gestaltet – mit mehr Schatten, "
        "Wasser zum Spielen und Plätzen zum Ausruhen. Der Entwurf aus der "
        "Planungswerkstatt liegt vor; Ihre Rückmeldungen sind gefragt.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Der Stadtteilpark ist in die Jahre gekommen: Die Spielgeräte sind abgenutzt, an heißen Tagen fehlt Schatten, und abends ist es an manchen Stellen zu dunkel. Die Stadt gestaltet den Park deshalb neu. Von Anfang an sind die Menschen beteiligt, die ihn nutzen.</p>
<h2>Ergebnisse der Planungswerkstatt</h2>
<p>In der Planungswerkstatt haben Anwohner:innen, Kinder und Jugendliche, Senior:innen und Vereine ihre Wünsche zusammengetragen. Am häufigsten genannt wurden:</p>
<ul>
<li>mehr Bäume und schattige Sitzplätze</li>
<li>ein Wasserspielplatz für kleinere Kinder</li>
<li>ein Treffpunkt für Jugendliche mit Sitzstufen</li>
<li>Bänke mit Armlehnen und ebene Wege für ältere Menschen</li>
<li>bessere Beleuchtung an den Hauptwegen</li>
</ul>
<h2>Der Entwurf</h2>
<p>Das beauftragte Planungsbüro hat daraus einen Entwurf entwickelt. Er sieht unter anderem vor, befestigte Flächen zu entsiegeln und Regenwasser in Mulden versickern zu lassen. So bleibt der Park im Sommer kühler, und die Bäume werden besser mit Wasser versorgt. Die Wiese in der Mitte bleibt als freie Fläche erhalten.</p>
<h2>Ihre Meinung zum Entwurf</h2>
<p>Bis zum Ende der aktuellen Phase können Sie uns Ihre Meinung zum Entwurf schicken, per E-Mail an das Team oder auf den Rückmeldebögen, die im Stadtteilbüro ausliegen. Ihre Rückmeldungen werden geprüft und, soweit möglich, in die weitere Planung übernommen.</p>
<h2>Bauzeit</h2>
<p>Nach der Ausschreibung soll in Abschnitten gebaut werden, damit immer ein Teil des Parks nutzbar bleibt.</p>""",
        "contact_name": "Team Stadtteilpark",
        "contact_role": "Grünflächenplanung, Stadtverwaltung",
        "contact_email": "stadtteilpark@example.org",
        "accepts_proposals": False,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Planungswerkstatt",
                "start_days": -160,
                "end_days": -130,
                "description": "Anwohner:innen, Kinder, Jugendliche und Vereine sammeln Wünsche "
                "für den Park.",
            },
            {
                "title": "Entwurf und Rückmeldungen",
                "start_days": -129,
                "end_days": 20,
                "description": "Das Planungsbüro erarbeitet einen Entwurf; Sie geben "
                "Rückmeldungen dazu.",
            },
            {
                "title": "Ausschreibung",
                "start_days": 21,
                "end_days": 119,
                "description": "Die Bauleistungen werden ausgeschrieben und vergeben.",
            },
            {
                "title": "Bau in Abschnitten",
                "start_days": 120,
                "end_days": 400,
                "description": "Der Park wird abschnittsweise umgebaut; ein Teil bleibt jeweils "
                "nutzbar.",
            },
        ],
        "news": [
            {
                "days": -10,
                "title": "Entwurf vorgestellt",
                "text": """<p>Bei einem Abend im Stadtteilzentrum hat das Planungsbüro den Entwurf vorgestellt. Besonders positiv aufgenommen wurden der Wasserspielplatz und die zusätzlichen Bäume. Diskutiert wurde über den Standort des Jugendtreffpunkts. Ihre Meinung können Sie uns noch bis zum Ende der Phase schicken.</p>""",
            },
            {
                "days": -140,
                "title": "Planungswerkstatt: Danke fürs Mitmachen",
                "text": """<p>Zur Planungswerkstatt kamen Menschen aller Altersgruppen. Die Kinder haben ihre Wünsche auf einem großen Plan eingezeichnet, die Erwachsenen an Thementischen diskutiert. Alle Ergebnisse gehen an das Planungsbüro.</p>""",
            },
        ],
    },
    {
        "slug": "sanierung-grundschule",
        "title": "Sanierung einer Grundschule",
        "kind": "city",
        "status": "running",
        "topics": ["Bildung", "Energie & Umwelt"],
        "teaser": "Beispielvorhaben: Eine Grundschule wird energetisch saniert, barrierefrei "
        "umgebaut und für den Ganztag erweitert. Den neuen Schulhof planen die Kinder "
        "mit.",
        "body": """<p><em>Beispielinhalt für die Demo.</em></p>
<p>Das Schulgebäude stammt in großen Teilen aus den 1960er-Jahren. Fenster und Dach sind undicht, die Heizung verbraucht viel Energie, und Kinder im Rollstuhl kommen nicht in alle Räume. Zugleich braucht die Schule mehr Platz für die Ganztagsbetreuung. Die Stadt saniert das Gebäude deshalb umfassend.</p>
<h2>Was gemacht wird</h2>
<ul>
<li><strong>Energie:</strong> neue Fenster, Dämmung von Dach und Fassade, Lüftungsanlage in den Klassenräumen, Photovoltaik auf dem Dach</li>
<li><strong>Barrierefreiheit:</strong> ein Aufzug, stufenlose Eingänge und eine barrierefreie Toilette auf jeder Etage</li>
<li><strong>Ganztag:</strong> eine Mensa und Räume für Betreuung und Hausaufgaben</li>
<li><strong>Schulhof:</strong> mehr Grün, Schatten und Bewegungsangebote</li>
</ul>
<h2>Die Kinder planen mit</h2>
<p>Den neuen Schulhof entwerfen die Schüler:innen gemeinsam mit einem Landschaftsarchitekturbüro. In Werkstätten bauen sie Modelle und stimmen über ihre Favoriten ab. Lehrkräfte und Elternvertretung sind ebenfalls beteiligt.</p>
<h2>Unterricht während der Bauzeit</h2>
<p>Während der Bauarbeiten findet der Unterricht in Schulpavillons auf dem Gelände statt. Besonders laute Arbeiten werden, soweit möglich, in die Ferien gelegt. Aktuelle Informationen für Eltern erhalten Sie über die Schule und in den Neuigkeiten auf dieser Seite.</p>
<h2>Ideen aus der Nachbarschaft</h2>
<p>Der Schulhof soll nachmittags auch für Kinder aus der Nachbarschaft offen sein. Wenn Sie Ideen haben, wie das gut gelingen kann, reichen Sie einen <a href="/vorschlaege/">Vorschlag</a> ein.</p>""",
        "contact_name": "Team Schulsanierung",
        "contact_role": "Gebäudemanagement, Stadtverwaltung",
        "contact_email": "schulsanierung@example.org",
        "accepts_proposals": True,
        "proposals_until_days": None,
        "phases": [
            {
                "title": "Bestandsaufnahme und Planung",
                "start_days": -300,
                "end_days": -30,
                "description": "Das Gebäude wird untersucht; Architekturbüro und Schule planen die "
                "Sanierung.",
            },
            {
                "title": "Schulhof-Werkstätten mit den Kindern",
                "start_days": -29,
                "end_days": 30,
                "description": "Die Schüler:innen entwerfen in Werkstätten ihren neuen Schulhof.",
            },
            {
                "title": "Umzug in die Schulpavillons",
                "start_days": 31,
                "end_days": 60,
                "description": "Die Pavillons werden aufgestellt; der Unterricht zieht um.",
            },
            {
                "title": "Bauarbeiten",
                "start_days": 61,
                "end_days": 600,
                "description": "Gebäude und Schulhof werden saniert und umgebaut.",
            },
        ],
        "news": [
            {
                "days": -8,
                "title": "Kinder planen ihren Schulhof",
                "text": """<p>In der ersten Schulhof-Werkstatt haben die Klassen Modelle aus Pappe, Holz und Stoff gebaut. Besonders gewünscht wurden ein Kletterbereich, ein grünes Klassenzimmer und ruhige Ecken zum Lesen. In der nächsten Werkstatt stimmen die Kinder über ihre Favoriten ab.</p>""",
            },
            {
                "days": -60,
                "title": "Information für Eltern: Unterricht während der Bauzeit",
                "text": """<p>Während der Sanierung findet der Unterricht in Schulpavillons auf dem Schulgelände statt. Schulweg und Betreuungszeiten bleiben unverändert. Fragen beantwortet das Team Schulsanierung per E-Mail an <a href="mailto:schulsanierung@example.org">schulsanierung@example.org</a>.</p>""",
            },
        ],
    },
]
