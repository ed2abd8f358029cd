"""The demo content ``manage.py loaddemo`` puts in the database, as plain data.

Everything here is written afresh for Newsroom. Facts (names, birth dates,
places, dates of public events) come from the public record summarised in the
seed story notes; every sentence is our own. Where we were not sure of a
detail we left it out: birthday and anniversary pieces stay bland on purpose.

Ages in the text are computed from the birth dates below for the publication
date, never typed by hand. Photographer names are invented ("Jane Example");
"Newsroom Pictures" is the house agency.

People, stories and photos are keyed by slug; a story's photo is stored as
``demo/<story slug>.jpg``.
"""

import datetime
from zoneinfo import ZoneInfo

from people.models import age_between

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
]

# Writers who are not on the staff: their bylines link to author pages of their own.
GUEST_AUTHORS = [
    {
        "slug": "lena-hart",
        "name": "Lena Hart",
        "bio": "Lena Hart is a freelance sports reporter in Chicago. She follows the WNBA "
        "and the players whose fame reaches beyond the court.",
        "links": "https://lenahart.example/",
    }
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


def _birthday(slug, name, when, paragraphs, photo_credits, *, people=(), tags=()):
    """A birthday story; "{age}" in a paragraph is the age reached that day."""
    years = age(slug, when)
    return {
        "slug": f"{slug}-turns-{years}",
        "headline": f"{name} turns {years}",
        "kind": "note",
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
            tags=["kardashians"],
        ),
        {
            "slug": "kim-kardashian-and-kanye-west-settle-their-divorce",
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


# Not for readers: one story still being written, one scheduled for later.
# "schedule_days_ahead" puts it that far in the future when it is first loaded;
# later runs keep its time while that is still ahead.
UNPUBLISHED_STORIES = [
    {
        "slug": "kardashian-jenner-family-birthday-calendar",
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

STORIES = [_chicago_story(), _seed_story(), *_stories(), *UNPUBLISHED_STORIES]
