"""The demo content ``manage.py loaddemo`` puts in the database, as plain data.

Everything here is written afresh for Newsroom. Facts (names, birth dates,
places, dates of public events) come from the public record summarised in the
seed story notes; every sentence is our own. Where we were not sure of a
detail we left it out: birthday and anniversary pieces stay bland on purpose.

Ages in the text are computed from the birth dates below for the publication
date, never typed by hand. Photographer names are invented ("Jane Example");
"Newsroom Pictures" is the house agency.

People, stories and photos are keyed by slug; a story's photo is stored as
``demo/<story slug>.jpg``. Every story names its section (stars, tv, music,
royals, sport) and its kind (news, interview, gallery, note): the archive runs
from 2019 to 2026 so that front page, sections and sidebars have a choice.
"""

import datetime
from zoneinfo import ZoneInfo

from people.models import age_between

from .revisions import and_join

BERLIN = ZoneInfo("Europe/Berlin")

USERNAME = "editor"
# Public on purpose: the command prints it, and gives it to accounts only with DEBUG.
PASSWORD = "newsroom-demo-2026"  # noqa: S105
USER_DETAILS = {
    "first_name": "Demo",
    "last_name": "Editor",
    "email": "editor@example.com",
}

# One account for each desk role, to try what each may do (same public password).
DESK_ACCOUNTS = {
    "reporter": "Reporter",
    "photodesk": "Photo desk",
    "researcher": "Researcher",
}

SEED_SLUG = "kanye-west-deeply-saddened-as-divorce-from-kim-kardashian-nears"


def at(year, month, day, hour=10, minute=0):
    """A publication time on the desk's clock (Europe/Berlin)."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


PEOPLE = [
    {
        "slug": "kim-kardashian",
        "name": "Kim Kardashian",
        "aliases": "Kim K",
        "birth_date": datetime.date(1980, 10, 21),
        "gender": "female",
        "birth_place": "Los Angeles, California",
        "known_for": "entrepreneur, reality-TV star",
        "instagram": "kimkardashian",
        "bio": "Businesswoman and television personality from Los Angeles. She became a "
        "household name through the family series Keeping Up with the Kardashians, which "
        "started in 2007, and founded the shapewear label SKIMS in 2019.",
    },
    {
        "slug": "kanye-west",
        "name": "Kanye West",
        "aliases": "Ye",
        "birth_date": datetime.date(1977, 6, 8),
        "gender": "male",
        "birth_place": "Atlanta, Georgia",
        "known_for": "rapper",
        "instagram": "",
        "bio": "Rapper, producer and designer, born in Atlanta and raised in Chicago. His "
        "first album, The College Dropout, came out in 2004. He has gone by the name Ye "
        "since 2021.",
    },
    {
        "slug": "north-west",
        "name": "North West",
        "aliases": "",
        "birth_date": datetime.date(2013, 6, 15),
        "gender": "female",
        "known_for": "",
        "instagram": "",
        "bio": "The eldest of the four children of Kim Kardashian and Kanye West.",
    },
    {
        "slug": "saint-west",
        "name": "Saint West",
        "aliases": "",
        "birth_date": datetime.date(2015, 12, 5),
        "gender": "male",
        "known_for": "",
        "instagram": "",
        "bio": "The elder son of Kim Kardashian and Kanye West.",
    },
    {
        "slug": "chicago-west",
        "name": "Chicago West",
        "aliases": "",
        "birth_date": datetime.date(2018, 1, 15),
        "gender": "female",
        "known_for": "",
        "instagram": "",
        "bio": "The younger daughter of Kim Kardashian and Kanye West.",
    },
    {
        "slug": "psalm-west",
        "name": "Psalm West",
        "aliases": "",
        "birth_date": datetime.date(2019, 5, 9),
        "gender": "male",
        "known_for": "",
        "instagram": "",
        "bio": "The youngest child of Kim Kardashian and Kanye West.",
    },
    {
        "slug": "angel-reese",
        "name": "Angel Reese",
        "aliases": "",
        "birth_date": datetime.date(2002, 5, 6),
        "gender": "female",
        "known_for": "basketball player",
        "instagram": "",
        "bio": "Basketball forward from Baltimore, Maryland. She won the 2023 college "
        "championship with LSU and joined the Chicago Sky in the 2024 WNBA draft.",
    },
    {
        "slug": "kris-jenner",
        "name": "Kris Jenner",
        "aliases": "",
        "birth_date": datetime.date(1955, 11, 5),
        "gender": "female",
        "birth_place": "San Diego, California",
        "known_for": "television personality, manager",
        "instagram": "krisjenner",
        "bio": "Born in San Diego, she manages the business of her famous family and is the "
        "mother of Kourtney, Kim, Khloé, Rob, Kendall and Kylie.",
    },
    {
        "slug": "kourtney-kardashian",
        "name": "Kourtney Kardashian",
        "aliases": "",
        "birth_date": datetime.date(1979, 4, 18),
        "gender": "female",
        "known_for": "reality-TV star, entrepreneur",
        "instagram": "kourtneykardash",
        "bio": "The eldest of the Kardashian sisters. Besides television she runs the "
        "lifestyle brand Poosh, which she launched in 2019.",
    },
    {
        "slug": "khloe-kardashian",
        "name": "Khloé Kardashian",
        "aliases": "",
        "birth_date": datetime.date(1984, 6, 27),
        "gender": "female",
        "known_for": "reality-TV star, entrepreneur",
        "instagram": "khloekardashian",
        "bio": "Television personality and co-founder of the denim label Good American, "
        "launched in 2016.",
    },
    {
        "slug": "kendall-jenner",
        "name": "Kendall Jenner",
        "aliases": "",
        "birth_date": datetime.date(1995, 11, 3),
        "gender": "female",
        "known_for": "model",
        "instagram": "kendalljenner",
        "bio": "Model who grew up on camera in her family's reality series before making "
        "her name on international runways.",
    },
    {
        "slug": "kylie-jenner",
        "name": "Kylie Jenner",
        "aliases": "",
        "birth_date": datetime.date(1997, 8, 10),
        "gender": "female",
        "known_for": "entrepreneur",
        "instagram": "kyliejenner",
        "bio": "The youngest of Kris Jenner's children. She founded Kylie Cosmetics, which "
        "started out in 2015 with a range of lip kits.",
    },
    # The wider desk: royals, music, television and sport.
    {
        "slug": "queen-elizabeth-ii",
        "name": "Queen Elizabeth II",
        "aliases": "",
        "birth_date": datetime.date(1926, 4, 21),
        "death_date": datetime.date(2022, 9, 8),
        "gender": "female",
        "birth_place": "Mayfair, London",
        "known_for": "Queen of the United Kingdom, 1952–2022",
        "instagram": "",
        "bio": "Britain's longest-reigning monarch. She came to the throne in February 1952 "
        "and reigned for seventy years, until her death at Balmoral in September 2022.",
    },
    {
        "slug": "king-charles-iii",
        "name": "King Charles III",
        "aliases": "King Charles, Prince Charles",
        "birth_date": datetime.date(1948, 11, 14),
        "gender": "male",
        "birth_place": "Buckingham Palace, London",
        "known_for": "King of the United Kingdom",
        "instagram": "",
        "bio": "The eldest child of Queen Elizabeth II. He was heir to the throne for longer "
        "than anyone before him and became king in September 2022; he was crowned at "
        "Westminster Abbey in May 2023.",
    },
    {
        "slug": "queen-camilla",
        "name": "Queen Camilla",
        "aliases": "Camilla Parker Bowles",
        "birth_date": datetime.date(1947, 7, 17),
        "gender": "female",
        "birth_place": "London",
        "known_for": "Queen consort",
        "instagram": "",
        "bio": "Married to King Charles III since 2005 and crowned beside him in 2023. Her "
        "causes include literacy and the support of survivors of domestic abuse.",
    },
    {
        "slug": "prince-william",
        "name": "Prince William",
        "aliases": "",
        "birth_date": datetime.date(1982, 6, 21),
        "gender": "male",
        "birth_place": "London",
        "known_for": "Prince of Wales",
        "instagram": "",
        "bio": "The elder son of King Charles III and heir to the throne. He became Prince of "
        "Wales in 2022 and founded the Earthshot Prize for environmental ideas.",
    },
    {
        "slug": "catherine-princess-of-wales",
        "name": "Catherine, Princess of Wales",
        "aliases": "Kate Middleton",
        "birth_date": datetime.date(1982, 1, 9),
        "gender": "female",
        "birth_place": "Reading, Berkshire",
        "known_for": "Princess of Wales",
        "instagram": "",
        "bio": "Born in Reading and brought up in Berkshire, she met Prince William at the "
        "University of St Andrews. They married at Westminster Abbey in 2011 and have three "
        "children.",
    },
    {
        "slug": "prince-harry",
        "name": "Prince Harry",
        "aliases": "Duke of Sussex",
        "birth_date": datetime.date(1984, 9, 15),
        "gender": "male",
        "birth_place": "London",
        "known_for": "Duke of Sussex",
        "instagram": "",
        "bio": "The younger son of King Charles III. He served in the army for ten years, "
        "founded the Invictus Games and has lived in California since stepping back from "
        "royal duties in 2020.",
    },
    {
        "slug": "meghan-duchess-of-sussex",
        "name": "Meghan, Duchess of Sussex",
        "aliases": "Meghan Markle",
        "birth_date": datetime.date(1981, 8, 4),
        "gender": "female",
        "birth_place": "Los Angeles, California",
        "known_for": "actress, Duchess of Sussex",
        "instagram": "meghan",
        "bio": "An actress from Los Angeles, best known for the legal drama Suits before she "
        "married Prince Harry in 2018.",
    },
    {
        "slug": "taylor-swift",
        "name": "Taylor Swift",
        "aliases": "",
        "birth_date": datetime.date(1989, 12, 13),
        "gender": "female",
        "birth_place": "West Reading, Pennsylvania",
        "known_for": "singer-songwriter",
        "instagram": "taylorswift",
        "bio": "Singer-songwriter from Pennsylvania who started out in country music in "
        "Nashville and became one of the biggest pop stars in the world.",
    },
    {
        "slug": "travis-kelce",
        "name": "Travis Kelce",
        "aliases": "",
        "birth_date": datetime.date(1989, 10, 5),
        "gender": "male",
        "birth_place": "Westlake, Ohio",
        "known_for": "American football player",
        "instagram": "killatrav",
        "bio": "Tight end for the Kansas City Chiefs since 2013, with several Super Bowl "
        "titles. He hosts a popular podcast with his brother Jason.",
    },
    {
        "slug": "beyonce",
        "name": "Beyoncé",
        "aliases": "Beyoncé Knowles-Carter",
        "birth_date": datetime.date(1981, 9, 4),
        "gender": "female",
        "birth_place": "Houston, Texas",
        "known_for": "singer",
        "instagram": "beyonce",
        "bio": "Singer from Houston who found fame with Destiny's Child before a solo career "
        "that has made her the most awarded artist in the history of the Grammys.",
    },
    {
        "slug": "jay-z",
        "name": "Jay-Z",
        "aliases": "Shawn Carter",
        "birth_date": datetime.date(1969, 12, 4),
        "gender": "male",
        "birth_place": "Brooklyn, New York",
        "known_for": "rapper, entrepreneur",
        "instagram": "",
        "bio": "Rapper and businessman from Brooklyn. He co-founded the label Roc-A-Fella "
        "Records in the 1990s.",
    },
    {
        "slug": "adele",
        "name": "Adele",
        "aliases": "",
        "birth_date": datetime.date(1988, 5, 5),
        "gender": "female",
        "birth_place": "Tottenham, London",
        "known_for": "singer-songwriter",
        "instagram": "adele",
        "bio": "Singer-songwriter from north London. Her albums are named after the age at "
        "which she wrote them, from 19 to 30.",
    },
    {
        "slug": "billie-eilish",
        "name": "Billie Eilish",
        "aliases": "",
        "birth_date": datetime.date(2001, 12, 18),
        "gender": "female",
        "birth_place": "Los Angeles, California",
        "known_for": "singer-songwriter",
        "instagram": "billieeilish",
        "bio": "Singer-songwriter from Los Angeles who writes and records with her brother "
        "Finneas, starting in his bedroom studio.",
    },
    {
        "slug": "harry-styles",
        "name": "Harry Styles",
        "aliases": "",
        "birth_date": datetime.date(1994, 2, 1),
        "gender": "male",
        "birth_place": "Redditch, Worcestershire",
        "known_for": "singer",
        "instagram": "harrystyles",
        "bio": "Singer, born in Redditch and raised in Cheshire, who came to fame with One "
        "Direction before going solo in 2017.",
    },
    {
        "slug": "jennifer-aniston",
        "name": "Jennifer Aniston",
        "aliases": "",
        "birth_date": datetime.date(1969, 2, 11),
        "gender": "female",
        "birth_place": "Sherman Oaks, California",
        "known_for": "actress",
        "instagram": "jenniferaniston",
        "bio": "Actress who played Rachel Green in Friends for ten seasons and later led the "
        "newsroom drama The Morning Show.",
    },
    {
        "slug": "courteney-cox",
        "name": "Courteney Cox",
        "aliases": "",
        "birth_date": datetime.date(1964, 6, 15),
        "gender": "female",
        "birth_place": "Birmingham, Alabama",
        "known_for": "actress",
        "instagram": "courteneycoxofficial",
        "bio": "Actress from Alabama, Monica Geller in Friends and the star of the Scream films.",
    },
    {
        "slug": "zendaya",
        "name": "Zendaya",
        "aliases": "",
        "birth_date": datetime.date(1996, 9, 1),
        "gender": "female",
        "birth_place": "Oakland, California",
        "known_for": "actress",
        "instagram": "zendaya",
        "bio": "Actress from Oakland who began on children's television and went on to lead "
        "the drama series Euphoria.",
    },
    {
        "slug": "david-beckham",
        "name": "David Beckham",
        "aliases": "",
        "birth_date": datetime.date(1975, 5, 2),
        "gender": "male",
        "birth_place": "Leytonstone, London",
        "known_for": "former footballer",
        "instagram": "davidbeckham",
        "bio": "Former England captain who played for Manchester United, Real Madrid and LA "
        "Galaxy, and later co-owned Inter Miami.",
    },
    {
        "slug": "victoria-beckham",
        "name": "Victoria Beckham",
        "aliases": "",
        "birth_date": datetime.date(1974, 4, 17),
        "gender": "female",
        "birth_place": "Harlow, Essex",
        "known_for": "fashion designer, singer",
        "instagram": "victoriabeckham",
        "bio": "A former member of the Spice Girls who has run her own fashion label since 2008.",
    },
    {
        "slug": "serena-williams",
        "name": "Serena Williams",
        "aliases": "",
        "birth_date": datetime.date(1981, 9, 26),
        "gender": "female",
        "birth_place": "Saginaw, Michigan",
        "known_for": "tennis player",
        "instagram": "serenawilliams",
        "bio": "Winner of 23 Grand Slam singles titles, the most won by any woman in the Open "
        "era. She stepped away from the sport in 2022.",
    },
    {
        "slug": "simone-biles",
        "name": "Simone Biles",
        "aliases": "",
        "birth_date": datetime.date(1997, 3, 14),
        "gender": "female",
        "birth_place": "Columbus, Ohio",
        "known_for": "gymnast",
        "instagram": "simonebiles",
        "bio": "Gymnast who grew up near Houston, Texas, and has won more world and Olympic "
        "medals than any other gymnast.",
    },
    {
        "slug": "lewis-hamilton",
        "name": "Lewis Hamilton",
        "aliases": "",
        "birth_date": datetime.date(1985, 1, 7),
        "gender": "male",
        "birth_place": "Stevenage, Hertfordshire",
        "known_for": "racing driver",
        "instagram": "lewishamilton",
        "bio": "Formula 1 driver from Stevenage, seven times world champion. He drove for "
        "McLaren and Mercedes before joining Ferrari in 2025.",
    },
    {
        "slug": "caitlin-clark",
        "name": "Caitlin Clark",
        "aliases": "",
        "birth_date": datetime.date(2002, 1, 22),
        "gender": "female",
        "birth_place": "Des Moines, Iowa",
        "known_for": "basketball player",
        "instagram": "caitlinclark22",
        "bio": "Guard from Iowa who became the leading scorer in the history of top-level US "
        "college basketball and was the first pick of the 2024 WNBA draft.",
    },
    {
        "slug": "travis-barker",
        "name": "Travis Barker",
        "aliases": "",
        "birth_date": datetime.date(1975, 11, 14),
        "gender": "male",
        "birth_place": "Fontana, California",
        "known_for": "drummer",
        "instagram": "travisbarker",
        "bio": "Drummer of the rock band Blink-182 and a producer for many younger artists.",
    },
]

# Writers who are not on the staff: their bylines link to author pages of their own.
GUEST_AUTHORS = [
    {
        "slug": "lena-hart",
        "name": "Lena Hart",
        "bio": "Lena Hart is a freelance sports reporter in Chicago. She follows the WNBA "
        "and the players whose fame reaches beyond the court.",
        "links": "https://lenahart.example/",
    },
    {
        "slug": "nora-quill",
        "name": "Nora Quill",
        "bio": "Nora Quill is a freelance royal correspondent in London. She has followed "
        "the royal family's public life, its ceremonies and its quarrels, for two decades.",
        "links": "https://noraquill.example/",
    },
]

BIRTH_DATES = {person["slug"]: person["birth_date"] for person in PEOPLE}


def age(slug, when):
    """``slug``'s age on the (Berlin) date of ``when``."""
    return age_between(BIRTH_DATES[slug], when.date())


WEST_CHILDREN = ["north-west", "saint-west", "chicago-west", "psalm-west"]
KRIS_CHILDREN = [
    "kourtney-kardashian",
    "kim-kardashian",
    "khloe-kardashian",
    "kendall-jenner",
    "kylie-jenner",
]


def _siblings(slugs):
    return [
        {"person": a, "other": b, "kind": "sibling", "kinship": "biological"}
        for i, a in enumerate(slugs)
        for b in slugs[i + 1 :]
    ]


# person/other/kind/started identify a tie; "parent" reads person -> child. All are
# confirmed; "evidence" names the stories that report a tie.
RELATIONSHIPS = [
    {
        "person": "kim-kardashian",
        "other": "kanye-west",
        "kind": "engaged",
        "started": datetime.date(2013, 10, 21),
        "ended": datetime.date(2014, 5, 24),
    },
    {
        # Her third marriage, his first.
        "person": "kim-kardashian",
        "other": "kanye-west",
        "kind": "spouse",
        "started": datetime.date(2014, 5, 24),
        "ended": datetime.date(2022, 11, 29),
        "end_reason": "divorce",
        "place": "Florence, Italy",
        "ordinal": 3,
        "other_ordinal": 1,
        "evidence": [
            "kim-kardashian-files-for-divorce-from-kanye-west",
            "kim-kardashian-and-kanye-west-settle-their-divorce",
        ],
    },
    *(
        {"person": parent, "other": child, "kind": "parent", "kinship": "biological"}
        for parent in ("kim-kardashian", "kanye-west")
        for child in WEST_CHILDREN
    ),
    *(
        {"person": "kris-jenner", "other": child, "kind": "parent", "kinship": "biological"}
        for child in KRIS_CHILDREN
    ),
    *_siblings(WEST_CHILDREN),
    *_siblings(["kourtney-kardashian", "kim-kardashian", "khloe-kardashian"]),
    *_siblings(["kendall-jenner", "kylie-jenner"]),
    # The royal family.
    {
        "person": "queen-elizabeth-ii",
        "other": "king-charles-iii",
        "kind": "parent",
        "kinship": "biological",
    },
    *(
        {"person": "king-charles-iii", "other": son, "kind": "parent", "kinship": "biological"}
        for son in ("prince-william", "prince-harry")
    ),
    *_siblings(["prince-william", "prince-harry"]),
    {
        # The second marriage for both.
        "person": "king-charles-iii",
        "other": "queen-camilla",
        "kind": "spouse",
        "started": datetime.date(2005, 4, 9),
        "place": "Windsor, England",
        "ordinal": 2,
        "other_ordinal": 2,
        "evidence": ["king-charles-iii-and-queen-camilla-are-crowned"],
    },
    {
        "person": "prince-william",
        "other": "catherine-princess-of-wales",
        "kind": "spouse",
        "started": datetime.date(2011, 4, 29),
        "place": "Westminster Abbey, London",
        "ordinal": 1,
        "other_ordinal": 1,
        "evidence": ["prince-william-and-catherine-fifteen-years-married"],
    },
    {
        # Her second marriage, his first.
        "person": "prince-harry",
        "other": "meghan-duchess-of-sussex",
        "kind": "spouse",
        "started": datetime.date(2018, 5, 19),
        "place": "Windsor Castle, Windsor",
        "ordinal": 1,
        "other_ordinal": 2,
    },
    # Music, sport and the Kardashians' in-laws.
    {
        "person": "beyonce",
        "other": "jay-z",
        "kind": "spouse",
        "started": datetime.date(2008, 4, 4),
        "place": "New York City",
    },
    {
        "person": "david-beckham",
        "other": "victoria-beckham",
        "kind": "spouse",
        "started": datetime.date(1999, 7, 4),
        "place": "Luttrellstown Castle, Ireland",
        "ordinal": 1,
        "other_ordinal": 1,
    },
    {
        "person": "taylor-swift",
        "other": "travis-kelce",
        "kind": "engaged",
        "started": datetime.date(2025, 8, 26),
        "evidence": ["taylor-swift-and-travis-kelce-are-engaged"],
    },
    {
        "person": "kourtney-kardashian",
        "other": "travis-barker",
        "kind": "engaged",
        "started": datetime.date(2021, 10, 17),
        "ended": datetime.date(2022, 5, 15),
        "evidence": ["travis-barker-proposes-to-kourtney-kardashian"],
    },
    {
        # Her first marriage, his third.
        "person": "kourtney-kardashian",
        "other": "travis-barker",
        "kind": "spouse",
        "started": datetime.date(2022, 5, 15),
        "place": "Santa Barbara, California",
        "ordinal": 1,
        "other_ordinal": 3,
        "evidence": ["kourtney-kardashian-and-travis-barker-marry-in-portofino"],
    },
]

# Panel colours for the generated photos, one per person.
COLOURS = {
    "kim-kardashian": "#8c4a6b",
    "kanye-west": "#2f4858",
    "north-west": "#b5651d",
    "saint-west": "#33658a",
    "chicago-west": "#3d7ea6",
    "psalm-west": "#758e4f",
    "angel-reese": "#4b2e83",
    "kris-jenner": "#6d597a",
    "kourtney-kardashian": "#b56576",
    "khloe-kardashian": "#355070",
    "kendall-jenner": "#2a9d8f",
    "kylie-jenner": "#e56b6f",
    "queen-elizabeth-ii": "#5b4b8a",
    "king-charles-iii": "#1d3557",
    "queen-camilla": "#7b2d26",
    "prince-william": "#264653",
    "catherine-princess-of-wales": "#3a5a40",
    "prince-harry": "#9c6644",
    "meghan-duchess-of-sussex": "#6b705c",
    "taylor-swift": "#6a4c93",
    "travis-kelce": "#b23a48",
    "beyonce": "#9a7b2f",
    "jay-z": "#3c3c3c",
    "adele": "#4a4e69",
    "billie-eilish": "#2d6a4f",
    "harry-styles": "#c05746",
    "jennifer-aniston": "#8d6346",
    "courteney-cox": "#5e548e",
    "zendaya": "#7f4f24",
    "david-beckham": "#14213d",
    "victoria-beckham": "#5c374c",
    "serena-williams": "#8e3b46",
    "simone-biles": "#3e5c76",
    "lewis-hamilton": "#9d0208",
    "caitlin-clark": "#1b4965",
    "travis-barker": "#403d39",
}


def agency(name):
    return {"role": "agency", "name": name}


def photographer(name):
    return {"role": "photographer", "name": name}


def supplier(name):
    return {"role": "supplier", "name": name}


def collage(word=""):
    return {"role": "collage", "name": word}


def screenshot(account, platform="Instagram"):
    return {"role": "screenshot", "platform": platform, "account": account}


def licence_for(photo):
    """A demo photo's licence: a screenshot is an embed, the house agency's is our own."""
    if "licence" in photo:
        return photo["licence"]
    roles = {credit["role"] for credit in photo["credits"]}
    names = {credit.get("name") for credit in photo["credits"]}
    if "screenshot" in roles:
        return "social"
    if "Newsroom Pictures" in names:
        return "own"
    return "agency"


def birthday_photo(slug, name, credits, caption):
    # One person on the picture: the photo desk marks it as their portrait.
    return {
        "caption": caption,
        "alt_text": f"Demo picture: the initials of {name} on a coloured panel",
        "people": [slug],
        "credits": credits,
        "is_portrait": True,
    }


def _seed_story():
    when = at(2021, 2, 5, 10, 0)
    return {
        "slug": SEED_SLUG,
        "section": "stars",
        "kind": "news",
        "headline": "Kanye West said to be deeply saddened as divorce from Kim Kardashian nears",
        "standfirst": "After a long time apart, the rapper and the reality-TV star look set to "
        "end their marriage for good, according to media reports.",
        "dateline": "Calabasas, California",
        "published_at": when,
        "status": "published",
        "tags": ["divorce", "kardashians", "music"],
        "people": ["kim-kardashian", "kanye-west", *WEST_CHILDREN],
        "main": "kim-kardashian",
        "related": [
            "kim-kardashian-files-for-divorce-from-kanye-west",
            "kim-kardashian-and-kanye-west-settle-their-divorce",
        ],
        "body": (
            # The first mention of each tagged person is linked, with the age
            # computed for the publication date, when the page is shown.
            "<p>Kanye West is finding the likely end of his marriage to Kim Kardashian hard "
            "to bear, US media report. People around the rapper describe him as deeply "
            "saddened that the couple's long estrangement now appears to be heading for a "
            "formal divorce.</p>"
            "<p>The two are said to have spent much of the past months living separately. "
            "According to the reports, no divorce papers have been filed so far.</p>"
            f"<p>[teaser: {CHICAGO_SLUG}]</p>"
            "<p>Kardashian and West married in Florence, Italy, in May 2014. She rose to fame "
            "with the family series Keeping Up with the Kardashians; he released his first "
            "album in 2004.</p>"
            "<h2>West expects to go on seeing his four children</h2>"
            "<p>Whatever becomes of the marriage, the rapper is expected to stay closely "
            "involved in the lives of the couple's four children: their daughters "
            f"North ({age('north-west', when)}) and Chicago ({age('chicago-west', when)}) "
            f"and their sons Saint ({age('saint-west', when)}) and "
            f"Psalm ({age('psalm-west', when)}).</p>"
            "<p>The family home is in Calabasas, north-west of Los Angeles.</p>"
        ),
        "photo": {
            "caption": "Entrepreneur Kim Kardashian and musician Kanye West",
            "alt_text": "Demo collage: the initials of Kim Kardashian and Kanye West on two "
            "coloured panels, side by side",
            "people": ["kim-kardashian", "kanye-west"],
            "credits": [
                collage(),
                agency("IMAGO"),
                supplier("APress"),
                screenshot("kimkardashian"),
            ],
            "licence": "agency",
            "restrictions": "Editorial use only; not for social media or advertising.",
        },
    }


def _birthday(slug, name, when, paragraphs, photo_credits, *, section="stars", people=(), tags=()):
    """A birthday story; "{age}" in a paragraph is the age reached that day."""
    years = age(slug, when)
    return {
        "slug": f"{slug}-turns-{years}",
        "headline": f"{name} turns {years}",
        "kind": "note",
        "section": section,
        "standfirst": f"{name} celebrates a birthday today.",
        "dateline": "Los Angeles, California",
        "published_at": when,
        "status": "published",
        "tags": ["birthdays", *tags],
        "people": [slug, *people],
        "main": slug,
        "body": "".join(f"<p>{paragraph.format(age=years)}</p>" for paragraph in paragraphs),
        "photo": birthday_photo(slug, name, photo_credits, name),
    }


CHICAGO_SLUG = "kanye-west-and-chicago-the-city-that-shaped-him"


def _chicago_story():
    """A story from the weeks before the seed story, for its inline teaser."""
    when = at(2021, 1, 28, 9, 0)
    return {
        "slug": CHICAGO_SLUG,
        "section": "music",
        "kind": "news",
        "headline": "Kanye West and Chicago: the city that shaped him",
        "standfirst": "Born in Atlanta, the rapper grew up in Chicago, where he started out "
        "in music.",
        "dateline": "Chicago, Illinois",
        "published_at": when,
        "status": "published",
        "tags": ["music", "chicago"],
        "people": ["kanye-west"],
        "main": "kanye-west",
        "body": (
            "<p>Kanye West was born in Atlanta, Georgia, on 8 June 1977, and moved to "
            "Chicago as a child. He grew up in the city and started making music there.</p>"
            "<p>His first album, The College Dropout, came out in 2004.</p>"
        ),
        "photo": {
            "caption": "Kanye West",
            "alt_text": "Demo picture: the initials of Kanye West on a coloured panel",
            "people": ["kanye-west"],
            "credits": [agency("Newsroom Pictures"), photographer("Alex Demo")],
        },
    }


def _stories():
    filing = at(2021, 2, 20, 9, 0)
    single = at(2022, 3, 3, 9, 30)
    settled = at(2022, 11, 30, 8, 45)
    draft_day = at(2024, 4, 16, 8, 0)
    return [
        {
            "slug": "kim-kardashian-files-for-divorce-from-kanye-west",
            "section": "stars",
            "kind": "news",
            "headline": "Kim Kardashian files for divorce from Kanye West",
            "standfirst": "The reality-TV star has asked a court in Los Angeles to end her "
            "marriage to the rapper after almost seven years.",
            "dateline": "Los Angeles, California",
            "published_at": filing,
            "status": "published",
            "tags": ["divorce", "kardashians"],
            "people": ["kim-kardashian", "kanye-west"],
            "main": "kim-kardashian",
            "related": [SEED_SLUG],
            "body": (
                f"<p>Kim Kardashian ({age('kim-kardashian', filing)}) has filed for divorce "
                f"from Kanye West ({age('kanye-west', filing)}). The papers were lodged in Los "
                "Angeles on Friday, 19 February 2021, US media report.</p>"
                "<p>The step follows weeks of reports that the couple had drifted apart. They "
                "married in Florence, Italy, in May 2014.</p>"
                "<p>Kardashian and West have four children together: North, Saint, Chicago "
                "and Psalm.</p>"
            ),
            "photo": {
                "caption": "Kim Kardashian",
                "alt_text": "Demo picture: the initials of Kim Kardashian on a coloured panel",
                "people": ["kim-kardashian"],
                "credits": [agency("IMAGO"), photographer("Jane Example")],
            },
        },
        _birthday(
            "kanye-west",
            "Kanye West",
            at(2021, 6, 8, 11, 0),
            [
                "Kanye West turns {age} today. The rapper was born in Atlanta, Georgia, on "
                "8 June 1977 and grew up in Chicago.",
                "His debut album, The College Dropout, came out in 2004. Alongside his music "
                "he has built a career in fashion.",
                "It is his first birthday since Kim Kardashian filed for divorce in February.",
            ],
            [agency("Newsroom Pictures"), photographer("Alex Demo")],
            section="music",
            people=["kim-kardashian"],
            tags=["music"],
        ),
        _birthday(
            "north-west",
            "North West",
            at(2021, 6, 15, 10, 0),
            [
                "North West, the eldest child of Kim Kardashian and Kanye West, turns {age} today. "
                "She was born on 15 June 2013.",
                "North has three younger siblings: Saint, Chicago and Psalm.",
            ],
            [screenshot("kimkardashian")],
            people=["kim-kardashian", "kanye-west"],
            tags=["kardashians", "family"],
        ),
        _birthday(
            "kim-kardashian",
            "Kim Kardashian",
            at(2021, 10, 21, 10, 0),
            [
                "Kim Kardashian turns {age} today. She was born in Los Angeles on 21 October 1980.",
                "The family series that made her famous, Keeping Up with the Kardashians, "
                "came to an end this year after 20 seasons.",
                "She also runs the shapewear label SKIMS, which she founded in 2019.",
            ],
            [agency("IMAGO"), supplier("APress")],
            tags=["kardashians"],
        ),
        {
            "slug": "kim-kardashian-declared-legally-single",
            "section": "stars",
            "kind": "news",
            "headline": "Kim Kardashian is legally single again",
            "standfirst": "A judge has ended her marriage to Kanye West in law, while the rest "
            "of the divorce is still to be settled.",
            "dateline": "Los Angeles, California",
            "published_at": single,
            "status": "published",
            "tags": ["divorce", "kardashians"],
            "people": ["kim-kardashian", "kanye-west"],
            "main": "kim-kardashian",
            "related": ["kim-kardashian-files-for-divorce-from-kanye-west"],
            "body": (
                f"<p>A judge in Los Angeles declared Kim Kardashian "
                f"({age('kim-kardashian', single)}) legally single on Wednesday, 2 March 2022. "
                f"In law, her marriage to Kanye West ({age('kanye-west', single)}) is over.</p>"
                "<p>Other questions, among them property and the arrangements for the couple's "
                "children, are to be settled separately.</p>"
                "<p>Kardashian filed for divorce in February 2021.</p>"
            ),
            "photo": {
                "caption": "Kim Kardashian",
                "alt_text": "Demo picture: the initials of Kim Kardashian on a coloured panel",
                "people": ["kim-kardashian"],
                "credits": [agency("IMAGO"), photographer("John Sample")],
            },
        },
        _birthday(
            "kris-jenner",
            "Kris Jenner",
            at(2022, 11, 5, 10, 0),
            [
                "Kris Jenner turns {age} today. She was born in San Diego on 5 November 1955.",
                "She is the mother of six, among them Kourtney, Kim and Khloé Kardashian and "
                "Kendall and Kylie Jenner, and manages much of the family's business.",
            ],
            [screenshot("krisjenner")],
            section="tv",
            people=[*KRIS_CHILDREN],
            tags=["kardashians"],
        ),
        {
            "slug": "kim-kardashian-and-kanye-west-settle-their-divorce",
            "section": "stars",
            "kind": "news",
            "headline": "Kim Kardashian and Kanye West settle their divorce",
            "standfirst": "Almost two years after she filed, the couple have reached an agreement.",
            "dateline": "Los Angeles, California",
            "published_at": settled,
            "status": "published",
            "tags": ["divorce", "kardashians"],
            "people": ["kim-kardashian", "kanye-west"],
            "main": "kim-kardashian",
            "related": [
                "kim-kardashian-declared-legally-single",
                "kim-kardashian-files-for-divorce-from-kanye-west",
            ],
            "body": (
                f"<p>Kim Kardashian ({age('kim-kardashian', settled)}) and Kanye West "
                f"({age('kanye-west', settled)}) have settled their divorce. The agreement, "
                "dated 29 November 2022, brings to a close the proceedings she began in "
                "February 2021.</p>"
                "<p>According to US media reports, the two will share custody of their four "
                "children.</p>"
                "<p>The pair married in Florence, Italy, in May 2014.</p>"
            ),
            "photo": {
                "caption": "Kim Kardashian and Kanye West",
                "alt_text": "Demo collage: the initials of Kim Kardashian and Kanye West on two "
                "coloured panels, side by side",
                "people": ["kim-kardashian", "kanye-west"],
                "credits": [collage(), agency("IMAGO"), photographer("Jane Example")],
            },
        },
        _birthday(
            "kylie-jenner",
            "Kylie Jenner",
            at(2023, 8, 10, 10, 0),
            [
                "Kylie Jenner turns {age} today. She is the youngest of Kris Jenner's children.",
                "She founded Kylie Cosmetics, which launched in 2015 with a range of lip kits.",
            ],
            [screenshot("kyliejenner")],
            people=["kris-jenner"],
            tags=["kardashians", "business"],
        ),
        _birthday(
            "kendall-jenner",
            "Kendall Jenner",
            at(2023, 11, 3, 10, 0),
            [
                "Kendall Jenner turns {age} today. She was born on 3 November 1995.",
                "The model grew up on camera in her family's reality series.",
            ],
            [agency("Newsroom Pictures"), photographer("Alex Demo")],
            tags=["kardashians", "fashion"],
        ),
        {
            "slug": "angel-reese-drafted-by-the-chicago-sky",
            "section": "sport",
            "kind": "news",
            "headline": "Angel Reese is heading to Chicago",
            "standfirst": "The Chicago Sky took the LSU forward with the seventh pick of the "
            "WNBA draft.",
            "dateline": "New York",
            "published_at": draft_day,
            "status": "published",
            "tags": ["basketball", "wnba"],
            "guest_authors": ["lena-hart"],
            "people": ["angel-reese"],
            "main": "angel-reese",
            "body": (
                f"<p>Angel Reese ({age('angel-reese', draft_day)}) will play her professional "
                "basketball in Chicago. The Chicago Sky chose the forward with the seventh "
                "pick of the WNBA draft on Monday, 15 April 2024.</p>"
                "<p>Reese won the 2023 national college championship with Louisiana State "
                "University.</p>"
                "<p>She grew up in Baltimore, Maryland.</p>"
            ),
            "photo": {
                "caption": "Basketball player Angel Reese",
                "alt_text": "Demo picture: the initials of Angel Reese on a coloured panel",
                "people": ["angel-reese"],
                "credits": [agency("IMAGO"), photographer("Jane Example")],
            },
        },
        _birthday(
            "kourtney-kardashian",
            "Kourtney Kardashian",
            at(2024, 4, 18, 10, 0),
            [
                "Kourtney Kardashian turns {age} today. She is the eldest of the Kardashian "
                "sisters.",
                "Away from television she runs the lifestyle brand Poosh, launched in 2019.",
            ],
            [screenshot("kourtneykardash")],
            tags=["kardashians"],
        ),
        _birthday(
            "khloe-kardashian",
            "Khloé Kardashian",
            at(2024, 6, 27, 10, 0),
            [
                "Khloé Kardashian turns {age} today. She was born on 27 June 1984.",
                "In 2016 she co-founded the denim label Good American.",
            ],
            [screenshot("khloekardashian")],
            tags=["kardashians", "fashion"],
        ),
        _birthday(
            "saint-west",
            "Saint West",
            at(2024, 12, 5, 10, 0),
            [
                "Saint West, the elder son of Kim Kardashian and Kanye West, turns {age} today. "
                "He was born on 5 December 2015.",
            ],
            [screenshot("kimkardashian")],
            people=["kim-kardashian", "kanye-west"],
            tags=["kardashians", "family"],
        ),
        _birthday(
            "chicago-west",
            "Chicago West",
            at(2025, 1, 15, 10, 0),
            [
                "Chicago West, the younger daughter of Kim Kardashian and Kanye West, turns {age} "
                "today. She was born on 15 January 2018.",
            ],
            [agency("Newsroom Pictures")],
            people=["kim-kardashian", "kanye-west"],
            tags=["kardashians", "family"],
        ),
        _birthday(
            "angel-reese",
            "Angel Reese",
            at(2025, 5, 6, 10, 0),
            [
                "Angel Reese turns {age} today. She was born in Baltimore, Maryland, on "
                "6 May 2002.",
                "The forward is about to start her second WNBA season with the Chicago Sky.",
            ],
            [agency("IMAGO"), photographer("John Sample")],
            section="sport",
            tags=["basketball", "wnba"],
        ),
        _birthday(
            "psalm-west",
            "Psalm West",
            at(2025, 5, 9, 10, 0),
            [
                "Psalm West, the youngest child of Kim Kardashian and Kanye West, turns {age} "
                "today. He was born on 9 May 2019.",
            ],
            [screenshot("kimkardashian")],
            people=["kim-kardashian", "kanye-west"],
            tags=["kardashians", "family"],
        ),
    ]


# The wider archive ------------------------------------------------------------
# Royals, music, television and sport from 2019 on: news, interviews, galleries
# and short notes, so the front page, the sections and the sidebars have
# something to choose from. Every story names (and tags) its main person first.

NAMES = {person["slug"]: person["name"] for person in PEOPLE}
_COUNTS = {2: "two", 3: "three", 4: "four"}


def aged(slug, when):
    """A person's name with their age on ``when``, as a reporter would type it."""
    return f"{NAMES[slug]} ({age(slug, when)})"


def photo_of(slugs, credits, caption=None):
    """A generated demo photo of ``slugs``, one panel each.

    A picture of one person is their portrait, so people pages and the people
    index have a face for everyone the demo writes about.
    """
    names = [NAMES[slug] for slug in slugs]
    if len(names) == 1:
        alt = f"Demo picture: the initials of {names[0]} on a coloured panel"
    else:
        alt = (
            f"Demo collage: the initials of {and_join(names)} on {_COUNTS[len(names)]} "
            "coloured panels, side by side"
        )
    return {
        "caption": caption or and_join(names),
        "alt_text": alt,
        "people": list(slugs),
        "credits": credits,
        "is_portrait": len(names) == 1,
    }


def _story(slug, when, *, section, kind="news", people, tags, headline, standfirst,
           dateline, body, photo, related=(), guests=()):  # fmt: skip
    """A published story; ``people`` start with its main person, ``body`` is paragraphs."""
    spec = {
        "slug": slug,
        "headline": headline,
        "standfirst": standfirst,
        "dateline": dateline,
        "published_at": when,
        "status": "published",
        "section": section,
        "kind": kind,
        "tags": list(tags),
        "people": list(people),
        "main": people[0],
        "body": "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in body),
        "photo": photo,
    }
    if related:
        spec["related"] = list(related)
    if guests:
        spec["guest_authors"] = list(guests)
    return spec


def teaser(slug):
    return f"<p>[teaser: {slug}]</p>"


IMAGO = agency("IMAGO")
HOUSE = agency("Newsroom Pictures")
APRESS = supplier("APress")


def _royals():
    archie = at(2019, 5, 8, 18, 0)
    step_back = at(2020, 1, 9, 8, 30)
    oprah = at(2021, 3, 8, 8, 0)
    lilibet = at(2021, 6, 7, 9, 0)
    death = at(2022, 9, 8, 20, 0)
    funeral = at(2022, 9, 19, 20, 0)
    spare = at(2023, 1, 10, 9, 0)
    guide = at(2023, 5, 5, 9, 0)
    crowned = at(2023, 5, 6, 14, 0)
    treatment = at(2024, 3, 23, 9, 0)
    remission = at(2025, 1, 15, 9, 0)
    centenary = at(2026, 4, 21, 9, 0)
    wedding_day = at(2026, 4, 29, 9, 0)
    sussexes = ["prince-harry", "meghan-duchess-of-sussex"]
    return [
        _story(
            "prince-harry-and-meghan-introduce-their-son-archie",
            archie,
            section="royals",
            people=[*sussexes, "queen-elizabeth-ii"],
            tags=["royal family", "babies"],
            headline="Prince Harry and Meghan show their baby son at Windsor",
            standfirst="Two days after his birth, the Duke and Duchess of Sussex presented "
            "their first child to the cameras and told the world his name: Archie.",
            dateline="Windsor, England",
            body=[
                f"{aged('prince-harry', archie)} and {aged('meghan-duchess-of-sussex', archie)} "
                "presented their son to photographers at Windsor Castle on Wednesday.",
                "The boy was born early on Monday, 6 May 2019. Later on Wednesday the couple "
                "announced his name: Archie Harrison Mountbatten-Windsor.",
                "They also introduced him to his great-grandmother, Queen Elizabeth II, at the "
                "castle. Archie is seventh in line to the throne.",
            ],
            photo=photo_of(sussexes, [collage(), IMAGO, photographer("Jane Example")]),
        ),
        _story(
            "prince-harry-and-meghan-step-back-as-senior-royals",
            step_back,
            section="royals",
            people=[*sussexes, "queen-elizabeth-ii"],
            tags=["royal family"],
            headline="Harry and Meghan to step back from royal duties",
            standfirst="The Duke and Duchess of Sussex want to divide their time between "
            "Britain and North America and earn their own living.",
            dateline="London",
            related=["prince-harry-and-meghan-introduce-their-son-archie"],
            body=[
                f"{aged('prince-harry', step_back)} and "
                f"{aged('meghan-duchess-of-sussex', step_back)} will step back as senior "
                "members of the royal family. They made the announcement on Wednesday "
                "evening, 8 January 2020.",
                "The couple said they wanted to become financially independent and to divide "
                "their time between the United Kingdom and North America, while continuing "
                "to support Queen Elizabeth II.",
                "Their son Archie was born in May last year.",
            ],
            photo=photo_of(sussexes, [collage(), IMAGO, photographer("John Sample")]),
        ),
        _story(
            "harry-and-meghan-talk-to-oprah-winfrey",
            oprah,
            section="royals",
            kind="interview",
            people=sussexes,
            tags=["royal family", "interviews", "television"],
            headline="What Harry and Meghan told Oprah Winfrey",
            standfirst="In a two-hour television interview the Duke and Duchess of Sussex "
            "spoke about leaving royal life, and said their second child will be a girl.",
            dateline="Santa Barbara, California",
            related=["prince-harry-and-meghan-step-back-as-senior-royals"],
            body=[
                f"{aged('prince-harry', oprah)} and {aged('meghan-duchess-of-sussex', oprah)} "
                "have given their first long interview since leaving their royal roles, to "
                "the talk-show host Oprah Winfrey. It was shown on the US network CBS on "
                "Sunday night, 7 March 2021.",
                "<h2>Life inside the institution</h2>",
                "Meghan described how alone she had felt as a working royal, and said she did "
                "not get the help she asked for when her mental health suffered.",
                "Harry spoke about strained relations with his family and said he had felt "
                "trapped before the couple decided to leave.",
                "<h2>A daughter on the way</h2>",
                "Near the end, the couple said that the child they are expecting in the "
                "summer is a girl.",
            ],
            photo=photo_of(sussexes, [collage(), IMAGO, APRESS]),
        ),
        _story(
            "harry-and-meghan-name-their-daughter-lilibet",
            lilibet,
            section="royals",
            people=[*sussexes, "queen-elizabeth-ii"],
            tags=["royal family", "babies"],
            headline="Harry and Meghan name their daughter Lilibet",
            standfirst="The couple's second child was born in California and is named after "
            "her great-grandmother's family nickname.",
            dateline="Santa Barbara, California",
            related=["harry-and-meghan-talk-to-oprah-winfrey"],
            body=[
                f"{aged('prince-harry', lilibet)} and "
                f"{aged('meghan-duchess-of-sussex', lilibet)} have had their second child. "
                "Their daughter was born on Friday, 4 June 2021, in Santa Barbara, California, "
                "the couple announced on Sunday.",
                "She is called Lilibet Diana. Lilibet is what Queen Elizabeth II was called "
                "by her family as a child; Diana honours Harry's late mother.",
                "Lilibet is a sister for Archie, who turned two in May.",
            ],
            photo=photo_of(["meghan-duchess-of-sussex"], [IMAGO, photographer("John Sample")]),
        ),
        _story(
            "queen-elizabeth-ii-has-died",
            death,
            section="royals",
            people=["queen-elizabeth-ii", "king-charles-iii", "queen-camilla"],
            tags=["royal family", "obituaries"],
            headline="Queen Elizabeth II has died at Balmoral",
            standfirst="Britain's longest-reigning monarch died peacefully at her home in "
            "Scotland, the palace said. Her eldest son is now king.",
            dateline="Balmoral, Scotland",
            body=[
                f"{aged('queen-elizabeth-ii', death)} died on Thursday afternoon, "
                "8 September 2022, at Balmoral Castle in Scotland, Buckingham Palace "
                "announced this evening.",
                "Members of her family had travelled to Balmoral during the day, after her "
                "doctors said they were concerned for her health.",
                "She had been queen since February 1952, for more than seventy years. The "
                f"crown passes at once to her eldest son, {aged('king-charles-iii', death)}, "
                "and his wife becomes Queen Camilla.",
            ],
            photo=photo_of(["queen-elizabeth-ii"], [IMAGO, APRESS]),
        ),
        _story(
            "the-state-funeral-of-queen-elizabeth-ii-in-pictures",
            funeral,
            section="royals",
            kind="gallery",
            people=["queen-elizabeth-ii", "king-charles-iii", "prince-william", "prince-harry"],
            tags=["royal family", "funerals"],
            headline="A last farewell: the Queen's state funeral in pictures",
            standfirst="Heads of state, the royal family and crowds along the route followed "
            "the coffin from Westminster Abbey to Windsor.",
            dateline="London",
            related=["queen-elizabeth-ii-has-died"],
            body=[
                "The state funeral of Queen Elizabeth II was held at Westminster Abbey in "
                "London on Monday, 19 September 2022, eleven days after her death.",
                f"{aged('king-charles-iii', funeral)} and his sons, "
                f"{aged('prince-william', funeral)} and {aged('prince-harry', funeral)}, "
                "walked behind the coffin on its way to the abbey.",
                teaser("queen-elizabeth-ii-has-died"),
                "After the service the coffin was driven to Windsor, where the Queen was laid "
                "to rest in St George's Chapel beside her husband, Prince Philip.",
            ],
            photo=photo_of(
                ["king-charles-iii", "prince-william", "prince-harry"],
                [collage(), IMAGO, photographer("John Sample")],
                "King Charles III, Prince William and Prince Harry",
            ),
        ),
        _story(
            "prince-harrys-memoir-spare-goes-on-sale",
            spare,
            section="royals",
            people=["prince-harry"],
            tags=["royal family", "books"],
            headline="Prince Harry's memoir Spare goes on sale",
            standfirst="The duke's account of his life in the royal family reaches the "
            "shops after days of leaked extracts.",
            dateline="London",
            related=["harry-and-meghan-talk-to-oprah-winfrey"],
            body=[
                f"{aged('prince-harry', spare)} published his memoir, Spare, on Tuesday, "
                "10 January 2023. The title plays on the old idea that a royal family needs "
                "an heir and a spare.",
                "The book, written with the American author J. R. Moehringer, covers the "
                "death of his mother, his years in the army and his falling-out with his "
                "father and brother.",
                "Extracts had appeared in the press since last week, after copies went on "
                "sale early in Spain.",
            ],
            photo=photo_of(["prince-harry"], [IMAGO, photographer("Pat Placeholder")]),
        ),
        _story(
            "the-coronation-what-happens-on-saturday",
            guide,
            section="royals",
            people=["king-charles-iii", "queen-camilla"],
            tags=["royal family", "coronation"],
            guests=["nora-quill"],
            headline="The coronation: what happens on Saturday, and why",
            standfirst="From the procession to the anointing, a guide to the day King "
            "Charles III is crowned.",
            dateline="London",
            body=[
                f"{aged('king-charles-iii', guide)} will be crowned at Westminster Abbey in "
                "London tomorrow, Saturday, 6 May 2023, together with "
                f"{aged('queen-camilla', guide)}.",
                "<h2>The processions</h2>",
                "The King and Queen travel from Buckingham Palace to the abbey in a carriage, "
                "and return along the same route in a far larger procession, with thousands "
                "of members of the armed forces.",
                "<h2>The service</h2>",
                "The Archbishop of Canterbury leads the service. Its most solemn moment, the "
                "anointing with holy oil, takes place behind a screen, out of sight of the "
                "cameras.",
                "<h2>After the abbey</h2>",
                "The royal family will watch a flypast from the balcony of Buckingham Palace. "
                "A concert at Windsor Castle follows on Sunday.",
            ],
            photo=photo_of(["king-charles-iii"], [IMAGO, photographer("Robin Sample")]),
        ),
        _story(
            "king-charles-iii-and-queen-camilla-are-crowned",
            crowned,
            section="royals",
            people=[
                "king-charles-iii",
                "queen-camilla",
                "prince-william",
                "catherine-princess-of-wales",
            ],
            tags=["royal family", "coronation"],
            headline="King Charles III and Queen Camilla are crowned at Westminster Abbey",
            standfirst="The first coronation in Britain for seventy years joined ancient "
            "ritual to a few new faces and faiths.",
            dateline="London",
            related=["the-coronation-what-happens-on-saturday"],
            body=[
                f"{aged('king-charles-iii', crowned)} was crowned at Westminster Abbey in "
                "London on Saturday, 6 May 2023, eight months after he became king. "
                f"{aged('queen-camilla', crowned)} was crowned beside him.",
                f"{aged('prince-william', crowned)} knelt before his father to pledge his "
                "loyalty. His elder son, Prince George, served as one of the pages of honour.",
                f"{aged('catherine-princess-of-wales', crowned)} and her daughter, Princess "
                "Charlotte, wore matching headpieces of silver leaves.",
            ],
            photo=photo_of(["king-charles-iii", "queen-camilla"], [collage(), IMAGO, APRESS]),
        ),
        _story(
            "the-princess-of-wales-is-being-treated-for-cancer",
            treatment,
            section="royals",
            people=["catherine-princess-of-wales", "prince-william"],
            tags=["royal family", "health"],
            headline="The Princess of Wales is being treated for cancer",
            standfirst="In a video message she said she had begun preventive chemotherapy, "
            "and asked for privacy for her family.",
            dateline="London",
            body=[
                f"{aged('catherine-princess-of-wales', treatment)} has cancer and is in the "
                "early stages of treatment, she said in a video message released on Friday, "
                "22 March 2024.",
                "Tests after major abdominal surgery in January had found that cancer was "
                "present, she said, and her doctors advised a course of preventive "
                "chemotherapy.",
                f"She and {aged('prince-william', treatment)} had taken time to explain the "
                "news to their three children. Kensington Palace said it would give no further "
                "medical details.",
            ],
            photo=photo_of(["catherine-princess-of-wales"], [IMAGO, photographer("John Sample")]),
        ),
        _story(
            "the-princess-of-wales-says-she-is-in-remission",
            remission,
            section="royals",
            people=["catherine-princess-of-wales"],
            tags=["royal family", "health"],
            headline="The Princess of Wales says she is in remission",
            standfirst="She gave the news after visiting the London hospital where she was "
            "treated.",
            dateline="London",
            related=["the-princess-of-wales-is-being-treated-for-cancer"],
            body=[
                f"{aged('catherine-princess-of-wales', remission)} is in remission from "
                "cancer, she said on Tuesday, 14 January 2025, after a visit to the Royal "
                "Marsden Hospital in London, where she was treated.",
                teaser("the-princess-of-wales-is-being-treated-for-cancer"),
                "She had said in September that she had finished her chemotherapy. She "
                "thanked the hospital's staff and said she was looking forward to the year "
                "ahead.",
            ],
            photo=photo_of(["catherine-princess-of-wales"], [IMAGO, APRESS]),
        ),
        _story(
            "a-hundred-years-since-the-birth-of-queen-elizabeth-ii",
            centenary,
            section="royals",
            people=["queen-elizabeth-ii", "king-charles-iii"],
            tags=["royal family", "anniversaries"],
            headline="A hundred years since the birth of Queen Elizabeth II",
            standfirst="She was born in a London townhouse in 1926, with no expectation of "
            "ever becoming queen.",
            dateline="London",
            related=["queen-elizabeth-ii-has-died"],
            body=[
                "Queen Elizabeth II was born on 21 April 1926 at a house in Mayfair, London, "
                "a hundred years ago today.",
                "Nobody expected her to reign. That changed in 1936, when her uncle gave up "
                "the throne and her father became King George VI.",
                teaser("the-state-funeral-of-queen-elizabeth-ii-in-pictures"),
                "She became queen in February 1952 and reigned for seventy years, until her "
                f"death in September 2022. Her son, {aged('king-charles-iii', centenary)}, "
                "now reigns.",
            ],
            photo=photo_of(["queen-elizabeth-ii"], [HOUSE, photographer("Alex Demo")]),
        ),
        _story(
            "prince-william-and-catherine-fifteen-years-married",
            wedding_day,
            section="royals",
            kind="note",
            people=["prince-william", "catherine-princess-of-wales"],
            tags=["royal family", "anniversaries"],
            headline="Prince William and Catherine: fifteen years married",
            standfirst="The couple married at Westminster Abbey on 29 April 2011.",
            dateline="London",
            body=[
                f"{aged('prince-william', wedding_day)} and "
                f"{aged('catherine-princess-of-wales', wedding_day)} married fifteen years "
                "ago today at Westminster Abbey in London.",
                "They have three children: Prince George, Princess Charlotte and Prince Louis.",
            ],
            photo=photo_of(
                ["prince-william", "catherine-princess-of-wales"],
                [collage(), IMAGO, photographer("Jane Example")],
            ),
        ),
        _birthday(
            "prince-william",
            "Prince William",
            at(2026, 6, 21, 10, 0),
            [
                "Prince William turns {age} today. The elder son of King Charles III was born "
                "in London on 21 June 1982.",
                "He has been Prince of Wales since September 2022.",
            ],
            [HOUSE, photographer("Alex Demo")],
            section="royals",
            people=["king-charles-iii"],
            tags=["royal family"],
        ),
        _birthday(
            "king-charles-iii",
            "King Charles III",
            at(2025, 11, 14, 10, 0),
            [
                "King Charles III turns {age} today. He was born at Buckingham Palace on "
                "14 November 1948.",
                "He became king in September 2022 and was crowned in May 2023.",
            ],
            [IMAGO, photographer("Robin Sample")],
            section="royals",
            tags=["royal family"],
        ),
    ]


def _music():
    sweep = at(2020, 1, 27, 8, 0)
    vegas = at(2022, 11, 19, 9, 0)
    record = at(2023, 2, 6, 8, 0)
    eras = at(2023, 3, 18, 10, 0)
    fourth = at(2024, 2, 5, 8, 0)
    oscar = at(2024, 3, 11, 8, 0)
    cowboy = at(2025, 2, 3, 8, 0)
    lemonade = at(2026, 4, 23, 9, 0)
    thirty = at(2026, 11, 19, 10, 0)
    return [
        _story(
            "billie-eilish-wins-the-four-biggest-grammys",
            sweep,
            section="music",
            people=["billie-eilish"],
            tags=["grammys", "awards"],
            headline="Billie Eilish wins all four of the Grammys' main prizes",
            standfirst=f"At {age('billie-eilish', sweep)}, the singer took album, record and "
            "song of the year and best new artist on one night in Los Angeles.",
            dateline="Los Angeles, California",
            body=[
                f"{aged('billie-eilish', sweep)} won the four most prominent Grammy awards on "
                "Sunday night, 26 January 2020: album of the year for When We All Fall Asleep, "
                "Where Do We Go?, record and song of the year for Bad Guy, and best new artist.",
                "She is the youngest artist ever to win album of the year, and the first "
                "woman to take all four in one night.",
                "She made the album at home with her brother Finneas, who produced it.",
            ],
            photo=photo_of(["billie-eilish"], [IMAGO, APRESS], "Singer Billie Eilish"),
        ),
        _story(
            "adele-opens-her-las-vegas-residency",
            vegas,
            section="music",
            people=["adele"],
            tags=["las vegas", "concerts"],
            headline="Adele opens her Las Vegas residency at last",
            standfirst="Ten months after calling off the first shows at a day's notice, the "
            "singer took the stage at Caesars Palace.",
            dateline="Las Vegas, Nevada",
            body=[
                f"{aged('adele', vegas)} began her residency, Weekends with Adele, at the "
                "Colosseum at Caesars Palace on Friday night, 18 November 2022.",
                "The shows were to have started in January, but she put them off the day "
                "before the first night, saying in a tearful video that the production was "
                "not ready.",
                "Her fourth album, 30, came out in November last year.",
            ],
            photo=photo_of(["adele"], [HOUSE, photographer("Alex Demo")], "Singer Adele"),
        ),
        _story(
            "beyonce-breaks-the-grammy-record",
            record,
            section="music",
            people=["beyonce", "harry-styles"],
            tags=["grammys", "awards", "records"],
            headline="Beyoncé becomes the most decorated artist in Grammy history",
            standfirst="Her 32nd award, for the album Renaissance, took her past a record "
            "held for decades by a classical conductor.",
            dateline="Los Angeles, California",
            body=[
                f"{aged('beyonce', record)} won four Grammys in Los Angeles on Sunday night, "
                "5 February 2023, among them best dance/electronic album for Renaissance. "
                "That brings her total to 32, more than any other artist.",
                "The record had belonged to the conductor Georg Solti, with 31.",
                f"Album of the year went to {aged('harry-styles', record)} for Harry's House.",
            ],
            photo=photo_of(["beyonce"], [IMAGO, APRESS], "Singer Beyoncé"),
        ),
        _story(
            "taylor-swift-opens-the-eras-tour-in-pictures",
            eras,
            section="music",
            kind="gallery",
            people=["taylor-swift"],
            tags=["eras tour", "concerts"],
            headline="Taylor Swift opens the Eras Tour: the first night in pictures",
            standfirst="More than three hours and more than forty songs: the singer began "
            "her first tour in five years in Arizona.",
            dateline="Glendale, Arizona",
            body=[
                f"{aged('taylor-swift', eras)} played the first show of the Eras Tour at "
                "State Farm Stadium in Glendale, Arizona, on Friday night, 17 March 2023.",
                "The show moves through her albums one at a time, each with its own costumes "
                "and stage, from her early country songs to last year's Midnights.",
                "Our pictures follow the evening from the opening number to the finale.",
            ],
            photo=photo_of(["taylor-swift"], [screenshot("taylorswift")], "Taylor Swift"),
        ),
        _story(
            "taylor-swift-wins-a-fourth-album-of-the-year",
            fourth,
            section="music",
            people=["taylor-swift"],
            tags=["grammys", "awards", "records"],
            headline="Taylor Swift makes Grammy history with a fourth album of the year",
            standfirst="No artist had won the prize four times before. On stage, she "
            "announced a new album as well.",
            dateline="Los Angeles, California",
            related=["taylor-swift-opens-the-eras-tour-in-pictures"],
            body=[
                f"{aged('taylor-swift', fourth)} won album of the year for Midnights at the "
                "Grammys in Los Angeles on Sunday night, 4 February 2024. She had won it "
                "before for Fearless, 1989 and Folklore; nobody else has won it four times.",
                teaser("taylor-swift-opens-the-eras-tour-in-pictures"),
                "Earlier in the evening she used her speech for best pop vocal album to "
                "announce a new record, The Tortured Poets Department, due in April.",
            ],
            photo=photo_of(["taylor-swift"], [IMAGO, APRESS], "Singer Taylor Swift"),
        ),
        _story(
            "billie-eilish-wins-her-second-oscar",
            oscar,
            section="music",
            people=["billie-eilish"],
            tags=["oscars", "awards", "film"],
            headline="Billie Eilish wins her second Oscar, for a song from Barbie",
            standfirst=f"At {age('billie-eilish', oscar)}, she is the youngest person to "
            "have won two Academy Awards.",
            dateline="Los Angeles, California",
            related=["billie-eilish-wins-the-four-biggest-grammys"],
            body=[
                f"{aged('billie-eilish', oscar)} and her brother Finneas won the Oscar for "
                "best original song on Sunday, 10 March 2024, for What Was I Made For?, which "
                "they wrote for the film Barbie.",
                "The two won the same award two years ago for No Time to Die, the theme of "
                "the James Bond film of that name.",
                "Eilish also sang the song at the ceremony in Los Angeles.",
            ],
            photo=photo_of(["billie-eilish"], [screenshot("billieeilish")], "Billie Eilish"),
        ),
        _story(
            "beyonce-wins-album-of-the-year-for-cowboy-carter",
            cowboy,
            section="music",
            people=["beyonce"],
            tags=["grammys", "awards", "country music"],
            headline="Beyoncé wins album of the year at last, for Cowboy Carter",
            standfirst="The most decorated artist in Grammy history had never won the "
            "biggest award before Sunday night.",
            dateline="Los Angeles, California",
            related=["beyonce-breaks-the-grammy-record"],
            body=[
                f"{aged('beyonce', cowboy)} won album of the year at the Grammys in Los "
                "Angeles on Sunday, 2 February 2025, for Cowboy Carter. She had been "
                "nominated for it four times before.",
                teaser("beyonce-breaks-the-grammy-record"),
                "Cowboy Carter also won best country album, which made her the first Black "
                "artist to win that award.",
            ],
            photo=photo_of(["beyonce"], [screenshot("beyonce")], "Beyoncé"),
        ),
        _story(
            "ten-years-of-beyonces-lemonade",
            lemonade,
            section="music",
            people=["beyonce", "adele"],
            tags=["anniversaries", "albums"],
            headline="Ten years of Lemonade, the album Beyoncé made into a film",
            standfirst="It arrived with an hour-long film on television, and changed what a "
            "pop star's album could be.",
            dateline="New York",
            related=["beyonce-wins-album-of-the-year-for-cowboy-carter"],
            body=[
                f"{aged('beyonce', lemonade)} released Lemonade ten years ago today, on "
                "23 April 2016, together with a film of the same name shown on HBO.",
                "The album moves through suspicion, anger and forgiveness, and draws on blues, "
                "rock and country as much as on pop and R&B.",
                "At the Grammys in 2017 it won best urban contemporary album but lost album "
                f"of the year to 25 by {aged('adele', lemonade)}, who used her acceptance "
                "speech to praise Lemonade instead.",
                teaser("beyonce-wins-album-of-the-year-for-cowboy-carter"),
            ],
            photo=photo_of(["beyonce"], [IMAGO, photographer("John Sample")], "Singer Beyoncé"),
        ),
        _story(
            "five-years-of-adeles-30",
            thirty,
            section="music",
            people=["adele"],
            tags=["anniversaries", "albums"],
            headline="Five years of 30: looking back at Adele's most personal album",
            standfirst="The singer's fourth album came out on 19 November 2021. What it was "
            "about, and what came after it.",
            dateline="London",
            related=["adele-opens-her-las-vegas-residency"],
            body=[
                f"{aged('adele', thirty)} released her fourth album, 30, five years ago "
                "today. She wrote much of it about the end of her marriage and about "
                "explaining it to her young son.",
                "Its first single, Easy on Me, went to number one in Britain and in the "
                "United States.",
                teaser("adele-opens-her-las-vegas-residency"),
                "She went on to play her Las Vegas residency from November 2022 to November "
                "2024, with a run of concerts in Munich in the summer of 2024 in between.",
            ],
            photo=photo_of(["adele"], [IMAGO, photographer("Robin Sample")], "Adele"),
        ),
        _birthday(
            "harry-styles",
            "Harry Styles",
            at(2026, 2, 1, 10, 0),
            [
                "Harry Styles turns {age} today. He was born in Redditch, Worcestershire, on "
                "1 February 1994.",
                "His third solo album, Harry's House, won album of the year at the Grammys "
                "in 2023.",
            ],
            [screenshot("harrystyles")],
            section="music",
        ),
    ]


def _tv():
    morning = at(2019, 11, 1, 9, 0)
    emmy = at(2020, 9, 21, 8, 0)
    reunion = at(2021, 5, 28, 8, 0)
    hulu = at(2022, 4, 14, 9, 0)
    beckham = at(2023, 10, 5, 9, 0)
    netflix = at(2025, 3, 4, 9, 0)
    return [
        _story(
            "jennifer-aniston-returns-to-television-in-the-morning-show",
            morning,
            section="tv",
            people=["jennifer-aniston"],
            tags=["the morning show", "streaming"],
            headline="Jennifer Aniston is back on television, this time in a newsroom",
            standfirst="Fifteen years after Friends ended, the actress leads The Morning "
            "Show, one of the first series of a new streaming service.",
            dateline="Los Angeles, California",
            body=[
                f"{aged('jennifer-aniston', morning)} returns to series television today. In "
                "The Morning Show she plays the long-serving host of a breakfast news "
                "programme; it is among the first titles of Apple TV+, which opens on "
                "1 November 2019.",
                "Her co-star is Reese Witherspoon; the two also produce the series.",
                "It is her first regular television role since Friends, which ended in 2004 "
                "after ten seasons.",
            ],
            photo=photo_of(
                ["jennifer-aniston"],
                [IMAGO, photographer("John Sample")],
                "Actress Jennifer Aniston",
            ),
        ),
        _story(
            "zendaya-wins-her-first-emmy-for-euphoria",
            emmy,
            section="tv",
            people=["zendaya"],
            tags=["emmys", "awards"],
            headline="Zendaya becomes the youngest winner of the Emmy for best actress in a drama",
            standfirst="The star of Euphoria won at a ceremony held largely over video links.",
            dateline="Los Angeles, California",
            body=[
                f"{aged('zendaya', emmy)} has won the Emmy for outstanding lead actress in a "
                "drama series, for her part as Rue in Euphoria. No one younger has won the "
                "award.",
                "Because of the pandemic, most nominees took part from home on Sunday night, "
                "20 September 2020, and the winners were handed their statuettes there.",
                "Euphoria, an HBO series about a group of teenagers, first aired in 2019.",
            ],
            photo=photo_of(["zendaya"], [HOUSE, photographer("Alex Demo")], "Actress Zendaya"),
        ),
        _story(
            "the-friends-reunion-in-pictures",
            reunion,
            section="tv",
            kind="gallery",
            people=["jennifer-aniston", "courteney-cox"],
            tags=["friends", "reunions", "streaming"],
            headline="Back on the set: the Friends reunion in pictures",
            standfirst="Seventeen years after the last episode, the six stars of Friends met "
            "again on the stage where it was filmed.",
            dateline="Burbank, California",
            related=["jennifer-aniston-returns-to-television-in-the-morning-show"],
            body=[
                f"{aged('jennifer-aniston', reunion)}, {aged('courteney-cox', reunion)} and "
                "their four co-stars returned to Stage 24 on the Warner Bros. lot in Burbank "
                "for Friends: The Reunion, released on HBO Max on Thursday, 27 May 2021.",
                "It is not a new episode: the actors talk about the ten seasons, read scenes "
                "from old scripts and meet guests.",
                "Our pictures show the cast on the sets they knew: the coffee house, the two "
                "apartments and the fountain from the opening titles.",
            ],
            photo=photo_of(
                ["jennifer-aniston", "courteney-cox"],
                [collage(), IMAGO, photographer("Jane Example")],
                "Actresses Jennifer Aniston and Courteney Cox",
            ),
        ),
        _story(
            "the-kardashians-return-on-hulu",
            hulu,
            section="tv",
            people=["kris-jenner", *KRIS_CHILDREN],
            tags=["kardashians", "streaming", "reality tv"],
            headline="The Kardashians are back on television, with a new name and a new home",
            standfirst="Ten months after Keeping Up with the Kardashians ended, the family's "
            "new series starts on Hulu.",
            dateline="Los Angeles, California",
            body=[
                f"{aged('kris-jenner', hulu)} and her daughters return to television today. "
                "The Kardashians, the family's new reality series, has its first episode on "
                "the streaming service Hulu on Thursday, 14 April 2022.",
                "Kourtney, Kim and Khloé Kardashian and Kendall and Kylie Jenner all take part.",
                "Their earlier series, Keeping Up with the Kardashians, ran for 20 seasons on "
                "the cable channel E! from 2007 to 2021.",
            ],
            photo=photo_of(
                ["kris-jenner", "kim-kardashian", "khloe-kardashian"],
                [collage(), IMAGO, APRESS],
                "Kris Jenner with her daughters Kim and Khloé Kardashian",
            ),
        ),
        _story(
            "david-beckhams-life-story-arrives-on-netflix",
            beckham,
            section="tv",
            people=["david-beckham", "victoria-beckham"],
            tags=["documentaries", "football", "streaming"],
            headline="David Beckham's life story arrives on Netflix",
            standfirst="A four-part documentary follows the footballer from east London to "
            "Manchester, Madrid and Miami, with Victoria Beckham at his side.",
            dateline="London",
            body=[
                f"Beckham, a documentary series about {aged('david-beckham', beckham)}, is on "
                "Netflix from Wednesday, 4 October 2023. Its four episodes were directed by "
                "Fisher Stevens.",
                f"{aged('victoria-beckham', beckham)} appears throughout, talking about their "
                "marriage and the years when they were among the most photographed couples "
                "in the world.",
                "The series also returns to the 1998 World Cup, when his sending-off against "
                "Argentina made him the target of fierce criticism at home.",
            ],
            photo=photo_of(
                ["david-beckham"], [IMAGO, photographer("Jane Example")], "David Beckham"
            ),
        ),
        _story(
            "with-love-meghan-arrives-on-netflix",
            netflix,
            section="tv",
            people=["meghan-duchess-of-sussex", "prince-harry"],
            tags=["streaming", "lifestyle"],
            headline="Meghan returns to television with a lifestyle series",
            standfirst="With Love, Meghan, eight episodes of cooking, hosting and gardening, "
            "starts on Netflix.",
            dateline="Montecito, California",
            related=["harry-and-meghan-talk-to-oprah-winfrey"],
            body=[
                f"{aged('meghan-duchess-of-sussex', netflix)} presents her own series, With "
                "Love, Meghan, on Netflix from Tuesday, 4 March 2025. In its eight episodes "
                "she cooks, entertains friends and shares her love of hosting.",
                "The series was to have started in January but was held back because of the "
                "wildfires around Los Angeles.",
                f"It is her first television series since Suits. {aged('prince-harry', netflix)} "
                "makes a brief appearance.",
            ],
            photo=photo_of(["meghan-duchess-of-sussex"], [screenshot("meghan")]),
        ),
    ]


def _sport():
    seventh = at(2020, 11, 15, 16, 30)
    farewell = at(2022, 9, 3, 9, 0)
    ferrari = at(2024, 2, 2, 9, 0)
    super_bowl = at(2024, 2, 12, 8, 0)
    first_pick = at(2024, 4, 16, 10, 0)
    rookies = at(2024, 6, 20, 9, 0)
    paris = at(2024, 8, 2, 8, 0)
    rio = at(2026, 8, 11, 9, 0)
    return [
        _story(
            "lewis-hamilton-wins-a-seventh-world-title",
            seventh,
            section="sport",
            people=["lewis-hamilton"],
            tags=["formula 1", "motor racing"],
            headline="Lewis Hamilton wins his seventh world title in Istanbul",
            standfirst="Victory in the Turkish Grand Prix draws the Mercedes driver level "
            "with Michael Schumacher's record.",
            dateline="Istanbul, Turkey",
            body=[
                f"{aged('lewis-hamilton', seventh)} became Formula 1 world champion for the "
                "seventh time on Sunday, 15 November 2020, by winning a wet Turkish Grand "
                "Prix in Istanbul.",
                "That equals the record of seven titles set by Michael Schumacher.",
                "Hamilton won his first championship with McLaren in 2008 and the other six "
                "with Mercedes.",
            ],
            photo=photo_of(
                ["lewis-hamilton"],
                [IMAGO, photographer("Pat Placeholder")],
                "Racing driver Lewis Hamilton",
            ),
        ),
        _story(
            "serena-williams-says-goodbye-at-the-us-open",
            farewell,
            section="sport",
            people=["serena-williams"],
            tags=["tennis", "us open"],
            headline="Serena Williams says goodbye at the US Open",
            standfirst="A three-set defeat in the third round in New York is expected to be "
            "the last match of her career.",
            dateline="New York",
            body=[
                f"{aged('serena-williams', farewell)} lost to Ajla Tomljanović of Australia "
                "in three sets on Friday night, 2 September 2022, at the US Open in New York.",
                "She had said in August that she would soon step away from tennis, and the "
                "match is expected to be her last.",
                "Williams won 23 Grand Slam singles titles, six of them at the US Open.",
            ],
            photo=photo_of(
                ["serena-williams"],
                [IMAGO, photographer("Jane Example")],
                "Tennis player Serena Williams",
            ),
        ),
        _story(
            "lewis-hamilton-to-join-ferrari",
            ferrari,
            section="sport",
            people=["lewis-hamilton"],
            tags=["formula 1", "motor racing"],
            headline="Lewis Hamilton will drive for Ferrari from 2025",
            standfirst="The seven-times champion leaves Mercedes after twelve seasons at the "
            "end of this year.",
            dateline="Maranello, Italy",
            related=["lewis-hamilton-wins-a-seventh-world-title"],
            body=[
                f"{aged('lewis-hamilton', ferrari)} will leave Mercedes at the end of the 2024 "
                "season and drive for Ferrari from 2025, the Italian team announced on "
                "Thursday, 1 February 2024.",
                teaser("lewis-hamilton-wins-a-seventh-world-title"),
                "He joined Mercedes in 2013 and won six of his seven world titles there.",
            ],
            photo=photo_of(["lewis-hamilton"], [screenshot("lewishamilton")], "Lewis Hamilton"),
        ),
        _story(
            "travis-kelce-wins-the-super-bowl-with-taylor-swift-watching",
            super_bowl,
            section="sport",
            people=["travis-kelce", "taylor-swift"],
            tags=["nfl", "super bowl"],
            headline="Travis Kelce and the Chiefs win the Super Bowl, with Taylor Swift in "
            "the stands",
            standfirst="Kansas City beat San Francisco in overtime in Las Vegas; the singer "
            "had flown in from her concerts in Tokyo.",
            dateline="Las Vegas, Nevada",
            related=["taylor-swift-wins-a-fourth-album-of-the-year"],
            body=[
                "The Kansas City Chiefs won Super Bowl LVIII on Sunday, 11 February 2024, "
                "beating the San Francisco 49ers 25–22 after overtime at Allegiant Stadium in "
                "Las Vegas. It is the third Super Bowl title for "
                f"{aged('travis-kelce', super_bowl)}.",
                f"{aged('taylor-swift', super_bowl)} watched from a box and joined the tight "
                "end on the field after the game.",
                teaser("taylor-swift-wins-a-fourth-album-of-the-year"),
                "The two have been a couple since 2023.",
            ],
            photo=photo_of(
                ["travis-kelce"],
                [IMAGO, photographer("Pat Placeholder")],
                "American football player Travis Kelce",
            ),
        ),
        _story(
            "caitlin-clark-goes-first-in-the-wnba-draft",
            first_pick,
            section="sport",
            people=["caitlin-clark", "angel-reese"],
            tags=["basketball", "wnba"],
            guests=["lena-hart"],
            headline="Caitlin Clark goes first in the WNBA draft, to the Indiana Fever",
            standfirst="College basketball's record scorer heads to Indianapolis; her old "
            "rival Angel Reese goes to Chicago.",
            dateline="New York",
            related=["angel-reese-drafted-by-the-chicago-sky"],
            body=[
                f"The Indiana Fever chose {aged('caitlin-clark', first_pick)} with the first "
                "pick of the WNBA draft in New York on Monday, 15 April 2024, as everyone "
                "expected.",
                "At the University of Iowa she scored more points than any other player, man "
                "or woman, in the history of top-level US college basketball.",
                f"Her path has often crossed that of {aged('angel-reese', first_pick)}, whose "
                "LSU team beat Iowa in the 2023 college final. Reese went to the Chicago Sky "
                "with the seventh pick.",
                teaser("angel-reese-drafted-by-the-chicago-sky"),
            ],
            photo=photo_of(
                ["caitlin-clark"],
                [IMAGO, photographer("Robin Sample")],
                "Basketball player Caitlin Clark",
            ),
        ),
        _story(
            "five-questions-for-lena-hart-on-reese-and-clark",
            rookies,
            section="sport",
            kind="interview",
            people=["angel-reese", "caitlin-clark"],
            tags=["basketball", "wnba", "interviews"],
            headline="Why Angel Reese and Caitlin Clark fill arenas: questions for Lena Hart",
            standfirst="Our freelance WNBA reporter on a rookie season that has brought new "
            "crowds to women's basketball.",
            dateline="Chicago, Illinois",
            related=["caitlin-clark-goes-first-in-the-wnba-draft"],
            body=[
                "<h2>Why do these two draw such crowds?</h2>",
                "Lena Hart: People followed them through college, and the rivalry came with "
                "them. Fans who had never watched a WNBA game are buying tickets, and many "
                "games this season have sold out.",
                "<h2>How are they coping as professionals?</h2>",
                "Both have had to adjust to a faster, more physical league. "
                f"{aged('caitlin-clark', rookies)} is still the player defences plan for, and "
                f"{aged('angel-reese', rookies)} collects rebounds at a rate few rookies manage.",
                "<h2>Are they really rivals?</h2>",
                "On the court, yes: Indiana beat Chicago by a single point when they first met "
                "as professionals, on 1 June. Off it, the attention has done the whole league "
                "good: crowds and television audiences are up.",
            ],
            photo=photo_of(
                ["angel-reese", "caitlin-clark"],
                [collage(), IMAGO, APRESS],
                "Basketball players Angel Reese and Caitlin Clark",
            ),
        ),
        _story(
            "simone-biles-wins-all-around-gold-in-paris",
            paris,
            section="sport",
            people=["simone-biles"],
            tags=["olympics", "gymnastics"],
            headline="Simone Biles wins the Olympic all-around title again, eight years on",
            standfirst="Three years after withdrawing in Tokyo, the gymnast took gold in Paris.",
            dateline="Paris, France",
            body=[
                f"{aged('simone-biles', paris)} won the women's all-around final at the "
                "Olympic Games in Paris on Thursday, 1 August 2024. She first won the title in "
                "Rio de Janeiro in 2016.",
                "At the Tokyo Games in 2021 she withdrew from most of her events to protect "
                "her health, after losing her sense of where she was in the air.",
                "Rebeca Andrade of Brazil took silver.",
            ],
            photo=photo_of(
                ["simone-biles"], [IMAGO, photographer("Jane Example")], "Gymnast Simone Biles"
            ),
        ),
        _story(
            "ten-years-since-simone-biles-conquered-rio",
            rio,
            section="sport",
            people=["simone-biles"],
            tags=["olympics", "gymnastics", "anniversaries"],
            headline="Ten years since Simone Biles conquered Rio",
            standfirst="Four gold medals at her first Olympic Games made the gymnast a star "
            "far beyond her sport.",
            dateline="Houston, Texas",
            related=["simone-biles-wins-all-around-gold-in-paris"],
            body=[
                f"Ten years ago today, on 11 August 2016, {aged('simone-biles', rio)} won the "
                "Olympic all-around title in Rio de Janeiro.",
                "She left those Games with four gold medals, in the team and all-around "
                "competitions, on vault and on the floor, and a bronze on the beam.",
                teaser("simone-biles-wins-all-around-gold-in-paris"),
                "Eight years later she won the all-around title again, in Paris.",
            ],
            photo=photo_of(["simone-biles"], [screenshot("simonebiles")], "Simone Biles"),
        ),
    ]


def _stars():
    fourth_child = at(2019, 5, 11, 9, 0)
    proposal = at(2021, 10, 18, 9, 0)
    baby_bar = at(2021, 12, 14, 9, 0)
    met_gala = at(2022, 5, 3, 8, 0)
    portofino = at(2022, 5, 23, 8, 30)
    engaged = at(2025, 8, 27, 8, 0)
    robbery = at(2026, 10, 3, 9, 0)
    return [
        _story(
            "a-fourth-child-for-kim-kardashian-and-kanye-west",
            fourth_child,
            section="stars",
            people=["kim-kardashian", "kanye-west", "psalm-west"],
            tags=["kardashians", "babies", "family"],
            headline="A fourth child for Kim Kardashian and Kanye West",
            standfirst="The couple's second son was born on Thursday; they have yet to say "
            "what he will be called.",
            dateline="Los Angeles, California",
            body=[
                f"{aged('kim-kardashian', fourth_child)} and {aged('kanye-west', fourth_child)} "
                "have welcomed their fourth child. The boy was born on Thursday, 9 May 2019, "
                "Kardashian told her followers on Friday.",
                "He joins his sisters North and Chicago and his brother Saint.",
                "The couple have not yet said what they will call him.",
            ],
            photo=photo_of(
                ["kim-kardashian", "kanye-west"], [collage(), screenshot("kimkardashian")]
            ),
        ),
        _story(
            "travis-barker-proposes-to-kourtney-kardashian",
            proposal,
            section="stars",
            people=["kourtney-kardashian", "travis-barker"],
            tags=["kardashians", "engagements"],
            headline="Travis Barker proposes to Kourtney Kardashian on the beach",
            standfirst="The drummer asked the reality-TV star to marry him inside a heart of "
            "roses by the sea in Montecito.",
            dateline="Montecito, California",
            body=[
                f"{aged('kourtney-kardashian', proposal)} and {aged('travis-barker', proposal)} "
                "are engaged. The Blink-182 drummer proposed on Sunday, 17 October 2021, on "
                "the beach of a hotel in Montecito, California, inside a heart of red roses "
                "and candles.",
                "The couple made their relationship public earlier this year. Both have "
                "children from earlier relationships.",
            ],
            photo=photo_of(
                ["kourtney-kardashian", "travis-barker"],
                [collage(), screenshot("kourtneykardash")],
            ),
        ),
        _story(
            "kim-kardashian-passes-the-baby-bar",
            baby_bar,
            section="stars",
            people=["kim-kardashian"],
            tags=["kardashians", "law"],
            headline="Kim Kardashian passes the first law exam on her way to the bar",
            standfirst="The entrepreneur, who is training as a lawyer without going to law "
            "school, has passed California's exam for first-year law students.",
            dateline="Los Angeles, California",
            body=[
                f"{aged('kim-kardashian', baby_bar)} has passed the First-Year Law Students' "
                "Examination, known as the baby bar, she told her followers on Monday, "
                "13 December 2021.",
                "California lets people train as lawyers by studying under practising "
                "attorneys instead of at a law school, provided they pass this exam after "
                "their first year. Kardashian had not passed at earlier attempts.",
                "Her late father, Robert Kardashian, was a lawyer.",
            ],
            photo=photo_of(["kim-kardashian"], [screenshot("kimkardashian")]),
        ),
        _story(
            "met-gala-2022-the-kardashian-jenners-in-pictures",
            met_gala,
            section="stars",
            kind="gallery",
            people=["kim-kardashian", "kylie-jenner"],
            tags=["kardashians", "fashion", "met gala"],
            headline="Met Gala 2022: the Kardashian-Jenners on the steps, in pictures",
            standfirst="Gilded Glamour was the dress code; Kim Kardashian answered it with a "
            "dress from 1962.",
            dateline="New York",
            body=[
                f"{aged('kim-kardashian', met_gala)} arrived at the Metropolitan Museum of Art "
                "in New York on Monday night, 2 May 2022, in the dress Marilyn Monroe wore in "
                "1962 to sing Happy Birthday to President John F. Kennedy.",
                f"{aged('kylie-jenner', met_gala)} paid tribute to the late designer Virgil "
                "Abloh in a white gown with a veil and a baseball cap worn backwards.",
                "This year's exhibition, In America: An Anthology of Fashion, is the second "
                "part of the museum's survey of American fashion.",
            ],
            photo=photo_of(
                ["kim-kardashian", "kylie-jenner"],
                [collage(), IMAGO, photographer("Robin Sample")],
            ),
        ),
        _story(
            "kourtney-kardashian-and-travis-barker-marry-in-portofino",
            portofino,
            section="stars",
            people=["kourtney-kardashian", "travis-barker", "kris-jenner"],
            tags=["kardashians", "weddings"],
            headline="Kourtney Kardashian and Travis Barker marry again, in Portofino",
            standfirst="A week after a courthouse wedding in Santa Barbara, the couple "
            "celebrated with their families on the Italian Riviera.",
            dateline="Portofino, Italy",
            related=["travis-barker-proposes-to-kourtney-kardashian"],
            body=[
                f"{aged('kourtney-kardashian', portofino)} and "
                f"{aged('travis-barker', portofino)} have married in Portofino, Italy. The "
                "ceremony on Sunday, 22 May 2022, took place at Castello Brown, above the "
                "harbour, in front of family and friends.",
                "The couple had already married in law at a courthouse in Santa Barbara, "
                "California, on 15 May.",
                teaser("travis-barker-proposes-to-kourtney-kardashian"),
                f"Her sisters and her mother, {aged('kris-jenner', portofino)}, travelled to "
                "Italy for the celebration. Dolce & Gabbana dressed the bride.",
            ],
            photo=photo_of(["kourtney-kardashian", "travis-barker"], [collage(), IMAGO, APRESS]),
        ),
        _story(
            "ten-years-since-kim-kardashian-was-robbed-in-paris",
            robbery,
            section="stars",
            people=["kim-kardashian"],
            tags=["kardashians", "crime", "anniversaries"],
            headline="Ten years since the Paris robbery that changed Kim Kardashian",
            standfirst="Robbed at gunpoint during fashion week in 2016, she stepped back from "
            "social media for months and came back far more guarded.",
            dateline="Paris, France",
            body=[
                "In the early hours of 3 October 2016, ten years ago today, "
                f"{aged('kim-kardashian', robbery)} was tied up and robbed at gunpoint in the "
                "Paris residence where she was staying for fashion week. The thieves took "
                "jewellery worth millions of dollars, among it her engagement ring.",
                "She stayed away from social media for months afterwards, and has since "
                "said she is far more careful about sharing where she is.",
                "In May 2025 she went back to Paris to give evidence at the trial over the "
                "robbery.",
            ],
            photo=photo_of(
                ["kim-kardashian"], [IMAGO, photographer("Pat Placeholder")], "Kim Kardashian"
            ),
        ),
        _story(
            "taylor-swift-and-travis-kelce-are-engaged",
            engaged,
            section="stars",
            people=["taylor-swift", "travis-kelce"],
            tags=["engagements", "nfl"],
            headline="Taylor Swift and Travis Kelce are engaged",
            standfirst="The singer and the American football player shared the news with "
            "pictures of the proposal in a garden full of flowers.",
            dateline="Kansas City, Missouri",
            related=["travis-kelce-wins-the-super-bowl-with-taylor-swift-watching"],
            body=[
                f"{aged('taylor-swift', engaged)} and {aged('travis-kelce', engaged)} are to "
                "marry. The couple announced their engagement on Tuesday, 26 August 2025, in "
                "a joint Instagram post showing him proposing among flowers.",
                "Their relationship became public in the autumn of 2023, when she began "
                "going to Kansas City Chiefs games.",
                teaser("travis-kelce-wins-the-super-bowl-with-taylor-swift-watching"),
                "The news came two weeks after she announced her next album, The Life of a "
                "Showgirl, on the podcast he hosts with his brother.",
            ],
            photo=photo_of(
                ["taylor-swift", "travis-kelce"], [collage(), screenshot("taylorswift")]
            ),
        ),
    ]


def _archive():
    return [*_royals(), *_music(), *_tv(), *_sport(), *_stars()]


# Not for readers: one story still being written, one scheduled for later.
# "schedule_days_ahead" puts it that far in the future when it is first loaded;
# later runs keep its time while that is still ahead.
UNPUBLISHED_STORIES = [
    {
        "slug": "kardashian-jenner-family-birthday-calendar",
        "section": "stars",
        "kind": "news",
        "headline": "The Kardashian-Jenner birthdays, month by month",
        "standfirst": "A calendar of the family's birthdays (draft).",
        "dateline": "Los Angeles, California",
        "published_at": None,
        "status": "draft",
        "tags": ["kardashians", "birthdays"],
        "people": ["kris-jenner", *KRIS_CHILDREN],
        "main": "kris-jenner",
        "body": "<p>Draft: one line a month, with each birthday and the age reached.</p>",
    },
    {
        "slug": "the-west-children-a-family-timeline",
        "section": "stars",
        "kind": "news",
        "headline": "North, Saint, Chicago and Psalm: a family timeline",
        "standfirst": "The four children of Kim Kardashian and Kanye West, year by year.",
        "dateline": "Los Angeles, California",
        "schedule_days_ahead": 30,
        "status": "published",
        "tags": ["kardashians", "family"],
        "people": ["kim-kardashian", "kanye-west", *WEST_CHILDREN],
        "main": "kim-kardashian",
        "body": (
            "<p>North West was born in June 2013, Saint in December 2015, Chicago in "
            "January 2018 and Psalm in May 2019.</p>"
        ),
    },
]

STORIES = [_chicago_story(), _seed_story(), *_stories(), *_archive(), *UNPUBLISHED_STORIES]
