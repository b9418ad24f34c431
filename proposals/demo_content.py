"""Demo proposals and discussions for `seed_demo`; example content, not real city data.

Moments are (day offset from "today", "HH:MM" Kaiserslautern time); all lie in the past.
Authors are demo voters by number (demo-stimme-NN), "buergerin" (the demo citizen) or
"moderation" (the moderation demo account, which answers for the city).

A proposal is released at "released", turned down at "rejected" or removed at "hidden"
(after its release); without any of them it waits for release. "history" lists the
steps the city took later, each with a new status and, where given, a new response.
A comment is released shortly after it was written unless it is "pending"; "hidden"
removes it later, "deleted" is its author taking it back, "report" a citizen's report.
"""

PROPOSALS = [
    {
        "title": "Überdachte Fahrradbügel am Hauptbahnhof",
        "description": """Am Hauptbahnhof gibt es viel zu wenige Abstellplätze für Fahrräder. Morgens sind alle Bügel belegt, und die vorhandenen stehen im Regen. Viele Räder werden deshalb an Geländer und Laternen geschlossen und stehen Menschen mit Kinderwagen oder Rollator im Weg.

Ich schlage vor, auf dem Bahnhofsvorplatz eine überdachte Abstellanlage mit mindestens 100 Bügeln zu bauen, gut beleuchtet und mit einigen breiteren Plätzen für Lastenräder. Wer mit Rad und Zug pendelt, würde sich darüber sehr freuen.""",
        "topic": "Verkehr",
        "project": "radverkehrskonzept",
        "author": 3,
        "submitted": (-44, "07:52"),
        "released": (-43, "09:10"),
        "history": [
            {
                "at": (-30, "10:05"),
                "status": "under_review",
                "response": "Vielen Dank für Ihren Vorschlag und die große Unterstützung. Die "
                "Verkehrsplanung prüft derzeit, wo auf dem Bahnhofsvorplatz eine überdachte "
                "Abstellanlage Platz findet und wem die infrage kommenden Flächen gehören. "
                "Auch abschließbare Fahrradboxen sind Teil der Prüfung. Über das Ergebnis "
                "informieren wir hier.",
            },
        ],
        "supports": 31,
        "citizen_supports": True,
        "comments": [
            {
                "author": 12,
                "at": (-41, "18:30"),
                "text": "Unbedingt! Ab halb acht ist am Bahnhof kein Bügel mehr frei, und wer "
                "sein Rad an ein Geländer schließt, holt es abends klatschnass wieder ab. Eine "
                "Überdachung wäre ein echter Fortschritt.",
                "replies": [
                    {
                        "author": 20,
                        "at": (-40, "07:45"),
                        "text": "Dazu bitte auch abschließbare Boxen. Ein teures Rad lasse ich "
                        "nicht den ganzen Tag offen am Bahnhof stehen.",
                    },
                    {
                        "author": "moderation",
                        "at": (-30, "10:20"),
                        "official": True,
                        "text": "Vielen Dank für die vielen Hinweise. Abschließbare "
                        "Fahrradboxen prüft die Verkehrsplanung zusammen mit den überdachten "
                        "Bügeln. Ob es dort auch Lademöglichkeiten für E-Bikes geben kann, "
                        "hängt vom Stromanschluss am Standort ab. Wir berichten hier, sobald "
                        "wir mehr wissen.",
                    },
                ],
            },
            {
                "author": 25,
                "at": (-38, "10:02"),
                "text": "Typisch, die Rad-Fanatiker wollen wieder alles für sich. Ihr seid "
                "doch alle weltfremde Spinner.",
                "hidden": {"at": (-37, "08:40"), "reason": "Beleidigung"},
            },
            {
                "author": 31,
                "at": (-36, "21:14"),
                "text": "Gehört der Bahnhofsvorplatz nicht der Bahn? Dann kann die Stadt da "
                "doch gar nichts machen.",
                "deleted": (-34, "19:30"),
                "replies": [
                    {
                        "author": 12,
                        "at": (-35, "08:12"),
                        "text": "Nicht ganz: Ein Teil des Vorplatzes gehört der Stadt. Dort "
                        "könnte man anfangen, und die Verkehrsplanung spricht ohnehin mit der "
                        "Bahn.",
                    },
                ],
            },
            {
                "author": 44,
                "at": (-20, "17:05"),
                "text": "In Mainz gibt es am Bahnhof ein Fahrradparkhaus mit Reparaturstation. "
                "So etwas würde auch gut nach Kaiserslautern passen.",
            },
        ],
    },
    {
        "title": "Radweg-Lücke in der Mannheimer Straße schließen",
        "description": """Stadteinwärts endet der Radweg in der Mannheimer Straße plötzlich. Man muss sich dann zwischen parkenden Autos und dem Busverkehr in die Fahrbahn einfädeln. Gerade im Berufsverkehr ist das gefährlich, und viele weichen deshalb auf den Gehweg aus.

Bitte prüfen Sie, ob die Lücke bis zur nächsten Kreuzung mit einem Radfahrstreifen oder wenigstens einem Schutzstreifen geschlossen werden kann.""",
        "topic": "Verkehr",
        "project": "radverkehrskonzept",
        "author": 11,
        "submitted": (-40, "20:41"),
        "released": (-39, "08:55"),
        "history": [],
        "supports": 18,
        "comments": [
            {
                "author": 8,
                "at": (-37, "12:30"),
                "text": "Ich fahre die Strecke jeden Tag zur Arbeit. Am Ende des Radwegs wird "
                "es wirklich eng, besonders wenn ein Bus von hinten kommt.",
            },
            {
                "author": "buergerin",
                "at": (-1, "21:05"),
                "pending": True,
                "text": "Ein Schutzstreifen würde schon viel helfen. Könnte man die "
                "Parkplätze auf diesem Abschnitt nicht auf die andere Straßenseite verlegen?",
            },
        ],
    },
    {
        "title": "Schattensegel und Sitzplätze für die Aktionstage",
        "description": """Bei der ersten Runde von Stadt.Raum.Wir. war es nachmittags auf dem Platz sehr heiß, und es gab kaum Möglichkeiten, sich hinzusetzen. Viele sind deshalb nach kurzer Zeit wieder gegangen.

Für die nächsten Aktionstage schlage ich Schattensegel über einem Teil des Platzes vor, dazu Sitzstufen oder Bänke und eine Stelle, an der man kostenlos Wasser bekommt. Dann bleiben auch ältere Menschen und Familien mit kleinen Kindern länger.""",
        "topic": "Gesellschaft",
        "project": "stadt-raum-wir",
        "author": 7,
        "submitted": (-36, "16:20"),
        "released": (-35, "09:30"),
        "history": [
            {"at": (-20, "11:15"), "status": "under_review"},
            {
                "at": (-6, "14:00"),
                "status": "accepted",
                "response": "Vielen Dank für diesen Vorschlag. Für die Aktionstage sind vier "
                "Schattensegel, zusätzliche Bänke mit Rückenlehne und eine Wasserstelle "
                "eingeplant. Die Kosten trägt das Projekt; aufgebaut wird gemeinsam mit den "
                "Vereinen, die den Platz bespielen.",
            },
        ],
        "supports": 27,
        "citizen_supports": True,
        "comments": [
            {
                "author": 14,
                "at": (-33, "19:48"),
                "text": "Gute Idee! Letztes Mal war ich nach einer halben Stunde wieder weg, "
                "weil es in der prallen Sonne nicht auszuhalten war.",
                "replies": [
                    {
                        "author": "moderation",
                        "at": (-6, "14:10"),
                        "official": True,
                        "text": "Danke für den Hinweis. Für die Aktionstage sind vier "
                        "Schattensegel und zusätzliche Bänke eingeplant, außerdem gibt es "
                        "kostenlos Wasser. Die Einzelheiten stehen in der Stellungnahme oben.",
                    },
                ],
            },
            {
                "author": 40,
                "at": (-31, "10:22"),
                "text": "Bitte auch an Bänke mit Rückenlehne denken. Für ältere Menschen sind "
                "Sitzstufen schwierig.",
                "replies": [
                    {
                        "author": 7,
                        "at": (-30, "18:03"),
                        "text": "Guter Punkt, das sehe ich genauso. Am besten eine Mischung "
                        "aus beidem.",
                    },
                ],
            },
        ],
    },
    {
        "title": "Kinderflohmarkt auf dem Platz",
        "description": """Ein Flohmarkt nur für Kinder: Sie verkaufen Spielsachen, Bücher und Kleidung, die sie nicht mehr brauchen, und lernen dabei ganz nebenbei den Umgang mit Geld. Der Platz in der Innenstadt wäre dafür ideal, weil er gut erreichbar ist und Eltern dabei einkaufen oder einen Kaffee trinken können.

Standgebühren sollte es nicht geben; eine Anmeldung vorab würde reichen.""",
        "topic": "Gesellschaft",
        "project": "stadt-raum-wir",
        "author": 19,
        "submitted": (-30, "09:14"),
        "released": (-29, "10:05"),
        "history": [{"at": (-15, "09:40"), "status": "under_review"}],
        "supports": 9,
        "comments": [],
    },
    {
        "title": "Temperatursensoren auf Schulhöfen",
        "description": """Im Sommer werden manche Schulhöfe zu Hitzeinseln, weil es dort kaum Bäume und viel Asphalt gibt. Mit Temperatursensoren könnte man messen, wie heiß es wirklich wird, und die Werte im Unterricht nutzen.

Die Daten würden außerdem zeigen, auf welchen Schulhöfen zuerst entsiegelt und begrünt werden sollte.""",
        "topic": "Energie & Umwelt",
        "project": "smart-city-infrastruktur",
        "author": 24,
        "submitted": (-120, "13:37"),
        "released": (-119, "09:20"),
        "history": [
            {"at": (-105, "10:30"), "status": "under_review"},
            {
                "at": (-90, "15:00"),
                "status": "accepted",
                "response": "Vielen Dank für Ihren Vorschlag. Wir statten im Testbetrieb "
                "drei Schulhöfe mit Sensoren für Temperatur, Luftfeuchtigkeit und Feinstaub "
                "aus. Die Schulen haben bereits zugestimmt.",
            },
            {
                "at": (-28, "11:00"),
                "status": "implemented",
                "response": "Die Sensoren auf drei Schulhöfen sind in Betrieb und übertragen "
                "ihre Messwerte über das LoRaWAN-Funknetz. Die Werte sehen Sie im Dashboard "
                "„Umweltwerte“ der Urbanen Datenplattform; die Schulen nutzen sie bereits im "
                "Unterricht. Vielen Dank für die Anregung!",
            },
        ],
        "supports": 22,
        "comments": [
            {
                "author": 2,
                "at": (-8, "20:15"),
                "text": "Schön, dass das umgesetzt wurde! Werden die Werte auch irgendwo "
                "gespeichert, damit man später Sommer miteinander vergleichen kann?",
                "replies": [
                    {
                        "author": "moderation",
                        "at": (-7, "09:30"),
                        "official": True,
                        "text": "Ja. Alle Messwerte werden auf der Urbanen Datenplattform "
                        "gespeichert und stehen im Open-Data-Portal zum Herunterladen bereit, "
                        "sodass Sie die Jahre miteinander vergleichen können.",
                    },
                ],
            },
        ],
    },
    {
        "title": "Belegung der Parkhäuser als offene Daten",
        "description": """Die Parkhäuser in der Innenstadt zeigen an ihren Einfahrten an, wie viele Plätze frei sind. Diese Zahlen sollten auch als offene Daten auf der Urbanen Datenplattform erscheinen.

Dann könnten Navigations-Apps und die Seiten der Stadt anzeigen, wo noch Platz ist, und der Suchverkehr in der Innenstadt würde weniger.""",
        "topic": "Datenplattform",
        "project": "urbane-datenplattform",
        "author": 15,
        "submitted": (-70, "18:02"),
        "released": (-69, "08:45"),
        "history": [
            {"at": (-55, "10:00"), "status": "under_review"},
            {
                "at": (-12, "13:30"),
                "status": "accepted",
                "response": "Die Betreiber der Parkhäuser haben zugestimmt, ihre Belegung "
                "über eine Schnittstelle bereitzustellen. Wir binden die Daten in den "
                "kommenden Monaten an die Datenplattform an und veröffentlichen sie im "
                "Open-Data-Portal, gemeinsam mit den Werten der Parksensoren.",
            },
        ],
        "supports": 12,
        "comments": [],
    },
    {
        "title": "Samstags kostenlos parken in der Innenstadt",
        "description": """Viele Menschen aus dem Umland kaufen inzwischen lieber im Internet oder in Einkaufszentren am Stadtrand ein, weil dort das Parken nichts kostet. Wenn das Parken in der Innenstadt samstags kostenlos wäre, kämen mehr Menschen in die Stadt, und der Einzelhandel hätte etwas davon.""",
        "topic": "Verkehr",
        "project": None,
        "author": 30,
        "submitted": (-60, "11:48"),
        "released": (-59, "09:05"),
        "history": [
            {"at": (-50, "14:20"), "status": "under_review"},
            {
                "at": (-33, "10:45"),
                "status": "rejected",
                "response": "Vielen Dank für Ihren Vorschlag. Wir haben ihn mit der "
                "Verkehrsplanung und dem Stadtmarketing geprüft und setzen ihn nicht um. "
                "Kostenloses Parken würde mehr Suchverkehr in die Innenstadt bringen und "
                "den Zielen des Radverkehrskonzepts widersprechen; zudem entfielen "
                "Einnahmen, die in den Unterhalt der Straßen fließen. Stattdessen gilt "
                "samstags weiterhin das günstige Innenstadtticket für Bus und Bahn.",
            },
        ],
        "supports": 14,
        "comments": [
            {
                "author": 45,
                "at": (-31, "16:40"),
                "text": "Schade. Die Geschäfte in der Innenstadt hätten jede Unterstützung nötig.",
                "replies": [
                    {
                        "author": 16,
                        "at": (-30, "08:25"),
                        "text": "Ich finde die Entscheidung richtig. Mit Bus und Rad bin ich "
                        "samstags schneller in der Stadt, und die Parkhäuser sind selten voll.",
                    },
                ],
            },
        ],
    },
    {
        "title": "Beratung in mehreren Sprachen im Gesundheitskiosk",
        "description": """Im Gesundheitskiosk sollte es feste Sprechzeiten in den Sprachen geben, die in Kaiserslautern häufig gesprochen werden, zum Beispiel Türkisch, Arabisch, Russisch und Englisch.

Gerade bei Gesundheitsfragen ist es wichtig, alles genau zu verstehen. Bisher müssen oft Kinder oder Bekannte übersetzen, und das ist für alle Beteiligten unangenehm.""",
        "topic": "Gesundheit",
        "project": "gesundheitskiosk",
        "author": 9,
        "submitted": (-12, "19:26"),
        "released": (-11, "09:50"),
        "history": [],
        "supports": 5,
        "citizen_supports": True,
        "comments": [],
    },
    {
        "title": "Schulhof nachmittags für die Nachbarschaft öffnen",
        "description": """Nach der Sanierung sollte der neue Schulhof nachmittags und in den Ferien für Kinder aus der Nachbarschaft offen sein. In unserem Viertel gibt es kaum Spielflächen.

Damit das gut funktioniert, könnte es feste Öffnungszeiten geben, und ein Verein oder die Jugendpflege könnte an einigen Nachmittagen Spiele anbieten.""",
        "topic": "Bildung",
        "project": "sanierung-grundschule",
        "author": 27,
        "submitted": (-22, "21:10"),
        "released": (-21, "08:30"),
        "history": [
            {
                "at": (-8, "15:30"),
                "status": "under_review",
                "response": "Danke für Ihre Anregung. Wir besprechen mit der Schulleitung "
                "und der Jugendpflege, zu welchen Zeiten der Schulhof geöffnet werden kann "
                "und wer ihn betreut.",
            },
        ],
        "supports": 7,
        "comments": [],
    },
    {
        "title": "Geplante Neubauten mit Schattenwurf im 3D-Viewer zeigen",
        "description": """Wenn in der Nachbarschaft gebaut wird, fragen sich viele, ob das neue Gebäude ihren Garten oder Balkon verschattet. Der geplante 3D-Viewer könnte das zeigen: für jedes Bauvorhaben den Schattenwurf im Sommer und im Winter, zu verschiedenen Tageszeiten.

Das würde viele Diskussionen versachlichen.""",
        "topic": "Datenplattform",
        "project": "city-information-modeling",
        "author": 33,
        "submitted": (-16, "12:12"),
        "released": (-15, "10:40"),
        "history": [],
        "supports": 3,
        "comments": [],
    },
    {
        "title": "Trinkbrunnen in der Fußgängerzone",
        "description": """In heißen Sommern wäre es schön, in der Fußgängerzone kostenlos Wasser trinken zu können. Andere Städte haben Trinkbrunnen, an denen man auch seine Flasche auffüllen kann.

Ein oder zwei Brunnen, zum Beispiel am Stiftsplatz und in der Nähe des Schillerplatzes, würden gerade älteren Menschen und Kindern helfen.""",
        "topic": "Energie & Umwelt",
        "project": None,
        "author": "buergerin",
        "submitted": (-1, "20:34"),
        "history": [],
        "supports": 0,
        "comments": [],
    },
    {
        "title": "Falschparker in der Pirmasenser Straße",
        "description": """In der Pirmasenser Straße parkt seit Wochen jeden Abend derselbe Wagen mit dem Kennzeichen KL-XY 1234 auf dem Gehweg. Der Halter wohnt in Hausnummer 12. Bitte schicken Sie dort regelmäßig das Ordnungsamt vorbei.""",
        "topic": "Verkehr",
        "project": None,
        "author": 41,
        "submitted": (-9, "22:47"),
        "rejected": {"at": (-8, "09:15"), "reason": "Persönliche Daten"},
        "history": [],
        "supports": 0,
        "comments": [],
    },
    {
        "title": "Mehr Fahrradständer am Bahnhof",
        "description": """Am Hauptbahnhof fehlen Fahrradständer. Bitte bauen Sie dort mehr davon, am besten mit Dach.""",
        "topic": "Verkehr",
        "project": "radverkehrskonzept",
        "author": 36,
        "submitted": (-25, "07:30"),
        "released": (-24, "09:00"),
        "hidden": {
            "at": (-18, "10:10"),
            "reason": "Doppelter Beitrag",
            "note": "Sie finden den Vorschlag unter dem Titel „Überdachte Fahrradbügel am "
            "Hauptbahnhof“.",
        },
        "history": [],
        "supports": 2,
        "comments": [],
    },
]

# Discussions on pages other than proposals, named by model label and slug.
DISCUSSIONS = [
    {
        "target": ("projects.Project", "stadt-raum-wir"),
        "comments": [
            {
                "author": 5,
                "at": (-60, "18:55"),
                "text": "Toll, dass es eine zweite Runde gibt! Sind Sie wieder mit einem Stand "
                "bei „Lautern blüht auf“ dabei?",
                "replies": [
                    {
                        "author": "moderation",
                        "at": (-59, "10:30"),
                        "official": True,
                        "text": "Ja, wir sind wieder mit einem Stand dabei. Dort können Sie "
                        "Ideen einreichen und später auf Papier abstimmen. Den Termin "
                        "veröffentlichen wir rechtzeitig in den Neuigkeiten.",
                    },
                ],
            },
            {
                "author": 29,
                "at": (-15, "13:20"),
                "text": "Gibt es auf dem Platz Strom und Wasser für Vereine, die bei den "
                "Aktionstagen etwas anbieten wollen?",
                "replies": [
                    {
                        "author": 5,
                        "at": (-14, "19:02"),
                        "text": "Soweit ich weiß, wurden die Anschlüsse in der "
                        "Vorbereitungsphase gelegt. Das stand in der Beschreibung der Phasen.",
                    },
                ],
            },
        ],
    },
    {
        "target": ("polls.Poll", "stadt-raum-wir-runde-2"),
        "comments": [
            {
                "author": 10,
                "at": (-3, "19:40"),
                "text": "Ich habe für das Open-Air-Kino gestimmt. Schön wäre ein Abend mit "
                "Filmen aus der Region.",
                "replies": [
                    {
                        "author": 22,
                        "at": (-3, "21:15"),
                        "text": "Gute Idee! Vielleicht mit Kurzfilmen von Studierenden der "
                        "Hochschule?",
                    },
                ],
            },
            {
                "author": 37,
                "at": (-2, "22:30"),
                "text": "Eine Strandbar mitten in der Stadt? Wer sich so etwas wünscht, war "
                "wohl noch nie abends in der Innenstadt unterwegs. Lächerlich.",
                "report": {
                    "by": "buergerin",
                    "at": (-1, "08:40"),
                    "reason": "insult",
                    "text": "Der Kommentar macht andere Abstimmende lächerlich, statt "
                    "Argumente zu bringen.",
                },
            },
            {
                "author": 43,
                "at": (-2, "11:05"),
                "text": "Der Spielplatz auf Zeit wäre super für Familien aus der Innenstadt. "
                "Bitte auch dort an Schatten denken!",
            },
        ],
    },
]
