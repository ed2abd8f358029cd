"""The reading site. Views stay thin: querysets carry the reading logic."""

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.body import render_body
from articles.querysets import correction_notes, with_credits
from common.pagination import paginate
from people import timeline
from people.models import PersonRedirect
from people.relations import family_box

from . import coverage, front_page, pages, people_box, reads
from .listings import AUTHORS, PEOPLE, TAGS
from .querysets import stories
from .sections import SECTIONS

PER_PAGE = 20
SIDEBAR_STORIES = 5
# "More on" is offered for the main person and, in a story about two or more, the next one.
MORE_ON_PEOPLE = 2
OFTEN_WITH = 8
# "Often in the news with" looks at this many of a person's newest stories.
OFTEN_WITHIN = 100
PERSON_PHOTOS = 8
# The "Most read" box: the stories read most in the last day (reading.reads).
MOST_READ = 5


def home(request):
    # The desk's lead and top stories, the newest beside them, then each section.
    page = front_page.build()
    return render(
        request,
        "articles/home.html",
        {
            "lead": page.lead,
            "top_stories": page.top,
            "stories": page.latest,
            "sections": page.sections,
            # The most read, less what the front page shows already.
            "most_read": pages.most_read(
                MOST_READ,
                leave_out=[
                    page.lead,
                    *page.top,
                    *page.latest,
                    *(story for _, stories in page.sections for story in stories),
                ],
            ),
        },
    )


def story(request, slug):
    article = pages.story(slug)
    if article is None:
        raise Http404("No story has this address.")
    return render(request, "articles/story.html", story_context(article))


def story_context(article):
    """What the story template needs; shared by the reading page and the desk's preview."""
    # What readers see for each photo marker in the body: the photo, its
    # replacement, or nothing.
    placed = {pk: photo.for_readers for pk, photo in pages.body_photos(article).items()}
    placed = {pk: photo for pk, photo in placed.items() if photo is not None}
    # The lead photo's credits and the body's in one query.
    with_credits([article.lead_photo_for_readers, *placed.values()])
    links = article.person_links_in_order()
    main_person = article.main_person
    offered = [link.person for link in links[:MORE_ON_PEOPLE]]
    # Ties touching the story's people: among them for the box, beyond them for the sidebar.
    ties = pages.touching_ties(article)
    # The related stories, "More on" each person offered and the most read,
    # no story in two of them: one query.
    related, teased, stories_of, most_read = stories().story_sidebars(
        article, SIDEBAR_STORIES, offered, ties=ties, most_read=MOST_READ
    )
    return {
        "article": article,
        "corrections": correction_notes(article),
        "body": render_body(article, article.person_links.all(), teased, placed),
        "people": links,
        "people_box": people_box.entries(article, links, ties),
        "main_person": main_person,
        "more_on": stories_of.get(main_person.pk, []) if main_person else [],
        "more_on_people": [
            (person, stories_of[person.pk]) for person in offered if stories_of[person.pk]
        ],
        "related": related,
        "most_read": most_read,
    }


def person(request, slug):
    person = pages.person(slug)
    if person is None:
        return _redirect_to_merged_person(request, slug)
    months = pages.months(person, PEOPLE)
    # The walk knows its length from the months: the paginator asks it, no count query.
    page = paginate(request, PEOPLE.walk(person, pages.PERSON_PAGES, months), PER_PAGE)
    stories = list(page.object_list)
    top = [story for story in stories if story.is_main_person] if page.number == 1 else []
    ties = pages.ties(person)
    family, unconfirmed = family_box(ties)
    portrait = pages.portrait(person)
    return render(
        request,
        "people/person.html",
        {
            "person": person,
            "portrait": portrait,
            "ties": ties,
            "family": family,
            "unconfirmed": unconfirmed,
            "timeline": timeline.build(person, ties),
            "coverage": coverage.chart(months),
            "often_with": pages.often_with(person, OFTEN_WITHIN, OFTEN_WITH),
            # Said on the page when "often with" looked at the newest stories only.
            "often_within": OFTEN_WITHIN if page.paginator.count > OFTEN_WITHIN else None,
            "page": page,
            "top_stories": top,
            "latest": [story for story in stories if story not in top],
            "photos": pages.person_photos(person, PERSON_PHOTOS),
        },
    )


def _redirect_to_merged_person(request, slug):
    """The page of the person an old address stands for, for good; else not found."""
    moved = PersonRedirect.objects.filter(old_slug=slug).select_related("person").first()
    if moved is None:
        raise Http404("No person has this address.")
    url = moved.person.get_absolute_url()
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(url)


def author(request, slug):
    author = pages.author(slug)
    if author is None:
        raise Http404("No author has this address.")
    portrait = author.photo.for_readers if author.photo_id else None
    with_credits([portrait])
    months = pages.months(author, AUTHORS)
    # The walk knows its length from the months: the paginator asks it, no count query.
    page = paginate(request, AUTHORS.walk(author, pages.AUTHOR_PAGES, months), PER_PAGE)
    return render(
        request, "articles/author.html", {"author": author, "portrait": portrait, "page": page}
    )


def tag(request, slug):
    tag = pages.tag(slug)
    if tag is None:
        raise Http404("No tag has this address.")
    months = pages.months(tag, TAGS)
    listing = TAGS.walk(tag, pages.TAG_PAGES, months)
    stories = paginate(request, listing, PER_PAGE)
    return render(request, "articles/tag.html", {"tag": tag, "page": stories})


def section(request, slug):
    section = pages.section(slug)
    if section is None:
        raise Http404("No section has this address.")
    months = pages.months(section, SECTIONS)
    page = paginate(request, SECTIONS.walk(section, pages.SECTION_PAGES, months), PER_PAGE)
    most_read = pages.most_read(MOST_READ, leave_out=page.object_list, section=section)
    return render(
        request,
        "articles/section.html",
        {"section": section, "page": page, "most_read": most_read, "most_read_in": section},
    )


def story_preview(request, story, live=False):
    """The story page as readers will see it, for the desk's preview (its checks are the desk's).

    ``live``: drawn from the story form's unsaved typing, inside the form.
    """
    context = {**story_context(story), "preview": True, "live_preview": live}
    return render(request, "articles/story.html", context)


@csrf_exempt  # a beacon carries no token and changes nothing but a count
@require_POST
def story_hit(request, pk):
    """One reader visit to the story ``pk``, sent by its page's beacon: 204, nothing kept
    of the reader (no cookie, no address), nothing cached; robots are not counted."""
    # Read no more of the body than a beacon could send.
    if len(request.read(reads.MAX_BODY + 1)) > reads.MAX_BODY:
        return HttpResponse("A read is counted from an empty request.", status=400)
    if not reads.is_robot(request.headers.get("User-Agent", "")) and not reads.count(pk):
        raise Http404("No story has this address.")
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    # A count is no write this browser reads back: it need not read from the primary.
    response.reads_back = False
    return response
