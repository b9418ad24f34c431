"""The sizes and the words of the benchmark's data set (bench/build_data.py)."""

from common import BIG_PROJECT_SLUG, FILTER_TOPIC_SLUG

SEED = 20260507
CITIZENS = 40_000
PROPOSALS = 5_000
SUPPORTS = 75_000
COMMENTS = 50_000
PROJECT_COMMENTS = 2_500
POLL_COMMENTS = 500
MAP_ENTRIES = 5_000
# The Vorhabenliste (bench/plan_vorhaben.py): departments, published plans, and the requests
# to be involved in them; the events (bench/plan_events.py).
DEPARTMENTS = 8
PLANS = 300
PLAN_DRAFTS = 10
PLAN_REQUESTS = 5_000
PLAN_REQUESTS_PENDING = 300
PLAN_REQUESTS_REJECTED = 40
EVENTS_UPCOMING = 150
EVENTS_PAST = 50
BATCH = 5_000
# Rows of the bulk content in the small stage: one target in SMALL_EVERY, and of the rows of a
# target in the small stage the first tenth (ballots: the first hundredth).
SMALL_EVERY = 100
# Plans and events, fewer and each a row of a list page: one in SMALL_LISTED in the small
# stage, so that their lists are not nearly empty there (the Vorhabenliste fills a page of 20).
SMALL_LISTED = 10

VOCABULARY = (
    "Stadt Kaiserslautern Innenstadt Radweg Bäume Spielplatz Bürgersteig Parkplatz Bus "
    "Haltestelle Grünfläche Brunnen Bank Beleuchtung Fahrrad Stellplätze Marktplatz Schule "
    "Kita Sportplatz Jugendliche Senioren Barrierefreiheit Ampel Zebrastreifen Tempo Lärm "
    "Müll Sauberkeit Sicherheit Veranstaltung Kultur Musik Fest Wochenmarkt Verkehr Anwohner "
    "Nachbarschaft Quartier Platz Straße Gasse Ufer Lauter Pfaffenberg Betzenberg Park "
    "Volkspark Gartenschau Stiftsplatz Schillerplatz Mall Rathaus Bibliothek Schwimmbad "
    "Treffpunkt Sitzgelegenheit Schatten Hitze Klima Wasser Regen Begrünung Fassade Dach "
    "Solar Energie Laden WLAN Digital Kamera Sensor Daten Karte Ausschilderung Toilette "
    "und oder aber weil damit wenn dass sehr mehr weniger besser schneller sicherer schöner "
    "endlich dringend bitte gerne vielleicht wirklich eigentlich leider natürlich schon noch "
    "ich wir man sollte könnte müsste wäre hätte finde denke wünsche schlage vor unterstütze "
    "mit ohne für gegen bei nach vor über unter neben zwischen dort hier heute morgen abends "
    "der die das den dem ein eine einen einem nicht auch nur alle viele einige jeden"
)
WORDS = VOCABULARY.split()
TOPICS = [
    ("Mobilität", FILTER_TOPIC_SLUG),
    ("Umwelt und Klima", "umwelt-und-klima"),
    ("Stadtentwicklung", "stadtentwicklung"),
    ("Bildung", "bildung"),
    ("Kultur und Freizeit", "kultur-und-freizeit"),
    ("Digitales", "digitales"),
    ("Soziales", "soziales"),
    ("Sicherheit", "sicherheit"),
]
PROJECT_NAMES = [
    ("Innenstadt West", BIG_PROJECT_SLUG),
    ("Digitale Stadtteilkarte", "digitale-stadtteilkarte"),
    ("Sensoren für saubere Luft", "sensoren-fuer-saubere-luft"),
    ("Smarte Parkplatzsuche", "smarte-parkplatzsuche"),
    ("Offene Daten", "offene-daten"),
    ("Freies WLAN in der Innenstadt", "freies-wlan"),
    ("Digitale Bürgerdienste", "digitale-buergerdienste"),
    ("Schlaue Straßenbeleuchtung", "schlaue-strassenbeleuchtung"),
    ("Neugestaltung Stiftsplatz", "neugestaltung-stiftsplatz"),
    ("Radweg an der Lauter", "radweg-an-der-lauter"),
    ("Spielplätze für alle", "spielplaetze-fuer-alle"),
    ("Volkspark neu denken", "volkspark-neu-denken"),
    ("Sanierung Stadtbibliothek", "sanierung-stadtbibliothek"),
    ("Schulwege sicherer machen", "schulwege-sicherer-machen"),
    ("Klimaanpassung im Quartier", "klimaanpassung-im-quartier"),
    ("Wochenmarkt stärken", "wochenmarkt-staerken"),
    ("Treffpunkte für Jugendliche", "treffpunkte-fuer-jugendliche"),
    ("Barrierefreie Haltestellen", "barrierefreie-haltestellen"),
    ("Stadtteilzentrum Betzenberg", "stadtteilzentrum-betzenberg"),
    ("Kulturfest am Schillerplatz", "kulturfest-am-schillerplatz"),
]
KL_POSTAL_CODES = ("67655", "67657", "67659", "67661", "67663")
