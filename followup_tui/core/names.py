"""Whether a word in a greeting names a given person: "Dan" and "Danny" are Daniel.

Short forms are the usual English ones: the start of the first name ("Sam" for Samantha,
"Chris" for Christopher) and a table of those that aren't ("Bob" for Robert, "Liz" for
Elizabeth). Pure data and string work, for the tone check's greeting rule.
"""

from __future__ import annotations

# Short forms that are not simply the start of the full name.
_SHORT_FORMS: dict[str, frozenset[str]] = {
    full: frozenset(forms.split())
    for full, forms in {
        "robert": "bob bobby rob robbie bert",
        "william": "bill billy will willy liam",
        "richard": "rick ricky dick rich richie",
        "elizabeth": "liz lizzie beth betty eliza libby",
        "margaret": "maggie meg peggy marge greta",
        "katherine": "kate katie kathy kat kay",
        "catherine": "cathy kate katie cat",
        "kathryn": "kate katie kathy",
        "james": "jim jimmy jamie",
        "john": "jack johnny jon",
        "jonathan": "jon jonny nathan",
        "michael": "mike mikey mick mickey",
        "anthony": "tony",
        "antonio": "tony toni",
        "edward": "ed eddie ted teddy ned",
        "theodore": "ted teddy theo",
        "alexander": "alex sasha sandy xander",
        "alexandra": "alex sasha sandra lexi",
        "nicholas": "nick nicky",
        "christopher": "chris kit topher",
        "christine": "chris chrissy tina",
        "charles": "charlie chuck chas",
        "daniel": "dan danny",
        "joseph": "joe joey",
        "thomas": "tom tommy",
        "benjamin": "ben benny",
        "samuel": "sam sammy",
        "samantha": "sam sammy",
        "jennifer": "jen jenny",
        "rebecca": "becky becca",
        "patricia": "pat patty trish tricia",
        "patrick": "pat paddy",
        "susan": "sue susie",
        "deborah": "deb debbie",
        "victoria": "vicky tori",
        "matthew": "matt matty",
        "andrew": "andy drew",
        "stephen": "steve",
        "steven": "steve",
        "gregory": "greg",
        "peter": "pete",
        "david": "dave davy",
        "joshua": "josh",
        "zachary": "zach zack",
        "abigail": "abby abbie",
        "jessica": "jess jessie",
        "madeleine": "maddy maddie",
        "priyanka": "priya",
    }.items()
}


HONORIFICS = frozenset("mr mrs ms mx miss dr prof sir dame".split())  # noqa: SIM905
"""Titles that may come before a name: never a first name on their own."""


def is_honorific(word: str) -> bool:
    """True for a title such as "Dr." or "Ms" (with or without its dot)."""
    return word.casefold().strip(".") in HONORIFICS


def greeting_name(name: str) -> str:
    """The name to greet someone by: the first name, titles skipped ("Dr. Anne Lee" → "Anne").

    With a title and a surname alone ("Dr. Lee"), the title stays: "Dear Dr. Lee" is right
    where "Dear Dr." is not.
    """
    words = name.split()
    titles = 0
    while titles < len(words) and is_honorific(words[titles]):
        titles += 1
    rest = words[titles:]
    if not rest:
        return ""
    if titles and len(rest) == 1:
        return " ".join(words)
    return rest[0]


def short_form_of(word: str, name: str) -> bool:
    """True when ``word`` (from a greeting) is one of ``name``'s words or a usual short form.

    A short form is the start of a word of the name, three letters or more ("Dan" for
    Daniel), or a listed one ("Bob" for Robert). Case does not matter.
    """
    said = word.casefold().strip(".")
    if not said:
        return False
    for part in name.replace("-", " ").split():
        full = part.casefold().strip(".")
        if said == full:
            return True
        if len(said) >= 3 and full.startswith(said):
            return True
        if said in _SHORT_FORMS.get(full, frozenset()):
            return True
    return False


def names_person(words: list[str], name: str) -> bool:
    """True when every word of a greeting's addressee fits ``name`` ("Dan Ortiz", "Ms Ortiz")."""
    return bool(words) and all(short_form_of(word, name) for word in words)
