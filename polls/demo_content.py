"""Demo polls for `seed_demo`: texts, questions and the votes the charts show; example content.

Dates are either fixed (the 2022 round) or day offsets from "today" when seeding, so that
there is always a closed, an open and an upcoming poll. Offsets open at 9:00 and close at
18:00, Kaiserslautern time. Each choice carries the number of online votes it gets; paper
batches name their counts by choice label.
"""

import datetime

POLLS = [
    {
        "slug": "stadt-raum-wir-2022",
        "title": "Stadt.Raum.Wir. 2022: Was passiert auf dem Platz?",
        "project": "stadt-raum-wir",
        "intro": """<p>Auf einer freien Fläche in der Innenstadt entsteht für einen Tag ein „Dritter Ort“: ein Platz, an dem man sich ohne Verabredung und ohne Konsumzwang trifft. Was dort stattfindet, entscheiden Sie.</p>
<p>Fünf Vorschläge stehen zur Wahl. Sie können hier online abstimmen oder auf Papier an unserem Stand bei „Lautern blüht auf“. Beide Wege zählen gleich.</p>
<ul>
<li>Jede Person hat eine Stimme.</li>
<li>Der Vorschlag mit den meisten Stimmen wird im Spätsommer auf dem Platz umgesetzt.</li>
<li>Das Ergebnis veröffentlichen wir, sobald alle Papierstimmzettel eingetragen und geprüft sind.</li>
</ul>""",
        "method_note": "Wer online abgestimmt hatte, wurde am Stand gebeten, nicht noch einmal "
        "auf Papier abzustimmen.",
        "eligibility": "account",
        "results_visibility": "published",
        "ballots_changeable": True,
        "opens": datetime.datetime(2022, 6, 13, 9, 0),
        "closes": datetime.datetime(2022, 7, 10, 18, 0),
        "results_published": datetime.datetime(2022, 7, 14, 11, 0),
        "account_ballots": 40,
        "guest_ballots": 0,
        "questions": [
            {
                "text": "Was soll auf dem Platz stattfinden?",
                "description": "Bitte wählen Sie einen Vorschlag.",
                "kind": "single",
                "choices": [
                    (
                        "Roundnet",
                        "Ein Nachmittag mit dem schnellen Ballspiel rund um ein kleines Netz – "
                        "zum Zuschauen und Mitspielen, Bälle und Netze werden gestellt.",
                        4,
                    ),
                    (
                        "Crossboule mit Käse und Baguette",
                        "Boule ohne feste Bahn, quer über den Platz, dazu ein kleiner Imbiss "
                        "mit Käse und Baguette.",
                        6,
                    ),
                    (
                        "3D-Straßenmalerei",
                        "Künstler:innen malen ein großes Bild auf den Boden, das aus dem "
                        "richtigen Blickwinkel dreidimensional wirkt. Kinder malen mit.",
                        10,
                    ),
                    (
                        "Open-Air-Lesung",
                        "Autor:innen aus der Region lesen auf einer kleinen Bühne, mit "
                        "Liegestühlen und Decken für das Publikum.",
                        7,
                    ),
                    (
                        "Tanzabend „Lautern tanzt“",
                        "Für einen Abend wird der Platz zur Tanzfläche: mit Schnupperkursen "
                        "von Lauterer Tanzschulen und einer DJ:ane bis 22 Uhr.",
                        13,
                    ),
                ],
            },
        ],
        "paper_batches": [
            {
                "place": "Stand bei „Lautern blüht auf“",
                "collected_on": datetime.date(2022, 6, 25),
                "ballots_count": 62,
                "note": "Zwei Stimmzettel waren leer und sind nicht mitgezählt.",
                "counts": {
                    "Roundnet": 6,
                    "Crossboule mit Käse und Baguette": 10,
                    "3D-Straßenmalerei": 16,
                    "Open-Air-Lesung": 9,
                    "Tanzabend „Lautern tanzt“": 21,
                },
                "confirm": True,
                "entered_at": datetime.datetime(2022, 6, 27, 10, 15),
                "confirmed_at": datetime.datetime(2022, 6, 28, 14, 30),
            },
        ],
    },
    {
        "slug": "stadt-raum-wir-runde-2",
        "title": "Stadt.Raum.Wir.: Was kommt als Nächstes auf den Platz?",
        "project": "stadt-raum-wir",
        "intro": """<p>Die freie Fläche in der Innenstadt wird wieder für einige Tage zum „Dritten Ort“. Zur Wahl stehen fünf Ideen, die in den Bürgerwerkstätten entstanden sind. Die Idee mit den meisten Stimmen wird bei den Aktionstagen auf dem Platz umgesetzt.</p>
<ul>
<li>Abstimmen können alle Einwohner:innen von Kaiserslautern mit einem bestätigten Konto. Bitte hinterlegen Sie dazu Ihre Postleitzahl in Ihrem Profil.</li>
<li>Sie haben eine Stimme und können sie bis zum Ende der Abstimmung ändern.</li>
<li>Auf Papier stimmen Sie an unseren Marktständen ab; beide Wege zählen gleich.</li>
<li>Das Zwischenergebnis sehen Sie schon während der Abstimmung.</li>
</ul>""",
        "method_note": "Papierstimmzettel liegen an unseren Marktständen aus.",
        "eligibility": "residents",
        "results_visibility": "live",
        "ballots_changeable": True,
        "opens": -4,
        "closes": 21,
        "account_ballots": 34,
        "guest_ballots": 0,
        "questions": [
            {
                "text": "Welche Idee soll als Nächstes auf dem Platz umgesetzt werden?",
                "description": "Bitte wählen Sie eine Idee.",
                "kind": "single",
                "choices": [
                    (
                        "Skatefläche für Jugendliche",
                        "Mobile Rampen und Rails für ein Wochenende, mit einem Workshop für "
                        "Einsteiger:innen.",
                        5,
                    ),
                    (
                        "Strandbar mit Liegestühlen",
                        "Sand, Liegestühle und Sonnenschirme; Getränke schenken Vereine aus der "
                        "Nachbarschaft aus.",
                        10,
                    ),
                    (
                        "Kulinarischer Abend mit Musik",
                        "Eine lange Tafel über den Platz, Gerichte aus den Küchen der Stadt und "
                        "Live-Musik von Lauterer Bands.",
                        8,
                    ),
                    (
                        "Spielplatz auf Zeit",
                        "Spielgeräte, Straßenkreide und ein Bewegungsparcours für Kinder, "
                        "betreut von Jugendverbänden.",
                        4,
                    ),
                    (
                        "Open-Air-Kino",
                        "Drei Filmabende unter freiem Himmel; das Programm stellen Sie vorher "
                        "zusammen.",
                        7,
                    ),
                ],
            },
        ],
        "paper_batches": [
            {
                # Waiting for the second pair of eyes: something to confirm in the admin demo.
                "place": "Marktstand auf dem Stiftsplatz",
                "collected_on": -2,
                "ballots_count": 23,
                "note": "",
                "counts": {
                    "Skatefläche für Jugendliche": 2,
                    "Strandbar mit Liegestühlen": 6,
                    "Kulinarischer Abend mit Musik": 7,
                    "Spielplatz auf Zeit": 5,
                    "Open-Air-Kino": 3,
                },
                "confirm": False,
            },
        ],
    },
    {
        "slug": "ausprobierbox",
        "title": "Umfrage zur Ausprobierbox",
        "project": "lokale-logistik",
        "intro": """<p>In der Innenstadt soll eine „Ausprobierbox“ entstehen: eine Station mit Schließfächern, an der Sie Pakete abholen, Dinge ausleihen und Produkte aus Lauterer Geschäften ausprobieren können. Bevor wir bauen, möchten wir von Ihnen wissen, wo die Box stehen und was sie können soll.</p>
<ul>
<li>Die Umfrage dauert etwa fünf Minuten.</li>
<li>Papierbögen liegen an unserem Marktstand aus.</li>
<li>Die Ergebnisse veröffentlichen wir nach dem Ende der Umfrage.</li>
</ul>""",
        "method_note": "Die Umfrage ist ein Stimmungsbild, keine repräsentative Befragung.",
        "eligibility": "guests",
        "results_visibility": "after_close",
        "ballots_changeable": True,
        "opens": -7,
        "closes": 30,
        "account_ballots": 32,
        "guest_ballots": 14,
        "questions": [
            {
                "text": "Wo würde Ihnen die Ausprobierbox am meisten nützen?",
                "description": "Bitte wählen Sie einen Standort.",
                "kind": "single",
                "choices": [
                    ("Am Hauptbahnhof", "", 12),
                    ("Am Stiftsplatz", "", 9),
                    ("Am Schillerplatz", "", 6),
                    ("In der Fackelstraße", "", 11),
                    ("Am Rathaus (Willy-Brandt-Platz)", "", 8),
                ],
            },
            {
                "text": "Welche Funktionen sind Ihnen am wichtigsten?",
                "description": "",
                "kind": "multiple",
                "max_choices": 3,
                "choices": [
                    ("Pakete empfangen und abholen", "", 31),
                    ("Dinge ausleihen, zum Beispiel Werkzeug oder Spiele", "", 22),
                    ("Bestellungen aus Geschäften der Innenstadt abholen", "", 24),
                    ("Produkte vor dem Kauf ausprobieren", "", 9),
                    ("Pakete und Retouren abgeben", "", 17),
                    ("Gekühlte Fächer für Lebensmittel", "", 11),
                ],
            },
            {
                "text": "Wann würden Sie die Box vor allem nutzen?",
                "description": "",
                "kind": "single",
                "is_required": False,
                "choices": [
                    ("Werktags vor 9 Uhr", "", 7),
                    ("Werktags zwischen 9 und 18 Uhr", "", 10),
                    ("Werktags nach 18 Uhr", "", 15),
                    ("Am Wochenende", "", 9),
                ],
            },
            {
                "text": "Was sollten wir bei der Ausprobierbox noch bedenken?",
                "description": "",
                "kind": "text",
                "is_required": False,
                "answers": [
                    "Bitte gut beleuchtet, ich würde die Box vor allem abends nutzen.",
                    "Fächer in verschiedenen Größen, auch für eine Getränkekiste.",
                    "Die Bedienung sollte auch ohne Smartphone gehen, zum Beispiel mit "
                    "einem Code auf Papier.",
                    "Ein Lastenrad zum Ausleihen wäre toll.",
                    "Gerne mit Fahrradbügeln und einer Bank daneben.",
                    "Wichtig wäre mir, dass auch kleine Läden mitmachen können.",
                    "Barrierefrei: Fächer nicht nur ganz oben und ganz unten.",
                ],
            },
        ],
        "paper_batches": [
            {
                "place": "Marktstand auf dem Stiftsplatz",
                "collected_on": -3,
                "ballots_count": 18,
                "note": "Drei Bögen ohne Angabe zur Nutzungszeit.",
                "counts": {
                    "Am Hauptbahnhof": 3,
                    "Am Stiftsplatz": 7,
                    "Am Schillerplatz": 2,
                    "In der Fackelstraße": 4,
                    "Am Rathaus (Willy-Brandt-Platz)": 2,
                    "Pakete empfangen und abholen": 11,
                    "Dinge ausleihen, zum Beispiel Werkzeug oder Spiele": 9,
                    "Bestellungen aus Geschäften der Innenstadt abholen": 12,
                    "Produkte vor dem Kauf ausprobieren": 3,
                    "Pakete und Retouren abgeben": 6,
                    "Gekühlte Fächer für Lebensmittel": 8,
                    "Werktags vor 9 Uhr": 2,
                    "Werktags zwischen 9 und 18 Uhr": 7,
                    "Werktags nach 18 Uhr": 2,
                    "Am Wochenende": 4,
                },
                "confirm": True,
            },
        ],
    },
    {
        "slug": "radverkehr-umfrage",
        "title": "Umfrage: Wie sind Sie mit dem Rad unterwegs?",
        "project": "radverkehrskonzept",
        "intro": """<p>Für das Radverkehrskonzept möchte die Verkehrsplanung der Stadt wissen, wie Sie in Kaiserslautern mit dem Rad unterwegs sind – und was Sie davon abhält, öfter zu fahren. Auch wenn Sie selten oder nie Rad fahren, ist Ihre Antwort wichtig.</p>
<ul>
<li>Die Umfrage dauert etwa drei Minuten.</li>
<li>Die Ergebnisse veröffentlichen wir nach dem Ende der Umfrage; sie fließen in den Entwurf des Radnetzes ein.</li>
</ul>""",
        "method_note": "",
        "eligibility": "account",
        "results_visibility": "after_close",
        "ballots_changeable": True,
        "opens": 7,
        "closes": 28,
        "account_ballots": 0,
        "guest_ballots": 0,
        "questions": [
            {
                "text": "Wie oft fahren Sie in Kaiserslautern Rad?",
                "description": "",
                "kind": "single",
                "choices": [
                    ("Täglich oder fast täglich", "", 0),
                    ("Mehrmals pro Woche", "", 0),
                    ("Ab und zu", "", 0),
                    ("Selten oder nie", "", 0),
                ],
            },
            {
                "text": "Was hält Sie davon ab, öfter Rad zu fahren?",
                "description": "",
                "kind": "multiple",
                "max_choices": 3,
                "choices": [
                    ("Lücken im Radwegenetz", "", 0),
                    ("Gefährliche Kreuzungen", "", 0),
                    ("Zu viel oder zu schneller Autoverkehr", "", 0),
                    ("Steigungen", "", 0),
                    ("Fehlende sichere Abstellplätze", "", 0),
                    ("Nichts – ich fahre so oft, wie ich möchte", "", 0),
                ],
            },
            {
                "text": "Welche Strecke sollte als Erstes verbessert werden?",
                "description": "Bitte möglichst genau: Straße, Kreuzung oder Abschnitt.",
                "kind": "text",
                "is_required": False,
                "answers": [],
            },
        ],
        "paper_batches": [],
    },
]
