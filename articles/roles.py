"""The desk's roles, as groups of permissions, and what each may do to a story.

The groups are created by a migration (and can be reinstated with
``install_roles``); membership of a group is all an account needs. The
admin asks the functions below, never the group names, so a superuser or a
hand-made group with the same permissions works the same way.
"""

REPORTER = "Reporter"
EDITOR = "Editor"
PHOTO_DESK = "Photo desk"
RESEARCHER = "Researcher"

_STORY_WRITING = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_articleperson",
    "articles.change_articleperson",
    "articles.delete_articleperson",
    "articles.view_articleperson",
    "articles.add_taggedarticle",
    "articles.change_taggedarticle",
    "articles.delete_taggedarticle",
    "articles.view_taggedarticle",
    "articles.add_byline",
    "articles.change_byline",
    "articles.delete_byline",
    "articles.view_byline",
    # Pickers: the people, tags, photos, authors and dateline places a story links to.
    "articles.view_place",
    "articles.view_contributor",
    "articles.view_section",
    "people.view_person",
    "taggit.view_tag",
    "taggit.add_tag",
    "photos.view_photo",
]

ROLES = {
    REPORTER: _STORY_WRITING,
    EDITOR: [
        *_STORY_WRITING,
        "articles.delete_article",
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.tag_people_article",
        "articles.add_correction",
        "articles.view_correction",
        "articles.view_statuschange",
        "articles.add_place",
        "articles.change_place",
        # Guest and freelance authors, and staff writers' author pages.
        "articles.add_contributor",
        "articles.change_contributor",
        "taggit.change_tag",
        # A tag's description for its page, in the tag admin.
        "articles.add_tagdescription",
        "articles.change_tagdescription",
        "articles.view_tagdescription",
        # The sections and the front page the desk arranges.
        "articles.add_section",
        "articles.change_section",
        "articles.add_frontslot",
        "articles.change_frontslot",
        "articles.delete_frontslot",
        "articles.view_frontslot",
    ],
    PHOTO_DESK: [
        "photos.add_photo",
        "photos.change_photo",
        "photos.delete_photo",
        "photos.view_photo",
        "photos.add_photocredit",
        "photos.change_photocredit",
        "photos.delete_photocredit",
        "photos.view_photocredit",
        "photos.add_creditsource",
        "photos.change_creditsource",
        "photos.view_creditsource",
        "articles.view_article",
        "people.view_person",
    ],
    RESEARCHER: [
        "people.add_person",
        "people.change_person",
        "people.delete_person",
        "people.view_person",
        "people.add_relationship",
        "people.change_relationship",
        "people.delete_relationship",
        "people.view_relationship",
        "articles.view_article",
        "articles.change_article",
        "articles.tag_people_article",
        "articles.add_articleperson",
        "articles.change_articleperson",
        "articles.delete_articleperson",
        "articles.view_articleperson",
        "articles.add_relationshipevidence",
        "articles.change_relationshipevidence",
        "articles.delete_relationshipevidence",
        "articles.view_relationshipevidence",
        "articles.add_place",
        "articles.change_place",
        "articles.view_place",
    ],
}


def install_roles(apps=None, verbosity=0):
    """Create or bring up to date the four groups with their permissions.

    ``apps`` is a migration's app registry, or None for the live one.
    Permissions are created first: in a fresh database they would otherwise
    only appear after the last migration. A migration's registry may predate
    some models: their permissions are left for the later migration that
    installs the roles again.
    """
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    apps = apps or global_apps
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=verbosity)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if found is None and apps is global_apps:
                raise LookupError(f"The {name} role names {perm}, which does not exist.")
            if found is not None:
                wanted.append(found)
        group.permissions.set(wanted)


# What a user may do to a story ------------------------------------------------


def is_author(user, article):
    return article.pk is not None and article.authors.filter(pk=user.pk).exists()


def can_publish(user):
    """Publish, schedule and unpublish: editors only."""
    return user.has_perm("articles.publish_article")


def can_edit_any(user):
    return user.has_perm("articles.edit_any_article")


def can_tag_people(user):
    return user.has_perm("articles.tag_people_article") or can_edit_any(user)


def can_write(user, article):
    """Edit the story's text: editors any story, reporters their own unpublished ones."""
    if not user.has_perm("articles.change_article"):
        return False
    if article is None or can_edit_any(user):
        return True
    if not user.has_perm("articles.add_article"):
        return False  # a researcher only tags people
    return article.status != "published" and is_author(user, article)


def can_open(user, article=None):
    """See the story's admin page and its preview: anyone on the desk who may view stories."""
    return user.has_perm("articles.view_article")


def can_restore(user, article=None):
    """Lay an old revision over a story, or bring back a deleted one: editors only.

    A restore rewrites the whole text, so it needs the right to edit any
    story; reporters and researchers never restore, not even their own.
    """
    return (
        user.has_perm("articles.change_article")
        and can_edit_any(user)
        and (article is None or can_write(user, article))
    )
