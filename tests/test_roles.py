"""Staff roles: each group can do its own work in the admin, and nothing else.

The groups Redactie, Moderatie and Onderzoek are created by a migration (the test
database is built by running the migrations). What each may do is written out here by
hand, so that a change in ``articles/roles.py`` has to be made on purpose twice.
"""

from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article, Comment
from surveys.models import Question, Result
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    CommentFactory,
    QuestionFactory,
    ResultFactory,
    SurveyFactory,
)
from tests.spreadsheets import write_csv

pytestmark = pytest.mark.django_db

ARTICLE_ADMIN = ["add", "change", "delete", "view"]

#: The exact permissions of each group: app label → model → actions.
EXPECTED_PERMISSIONS = {
    "Redactie": {
        "articles.article": ARTICLE_ADMIN,
        "articles.category": ARTICLE_ADMIN,
        "articles.author": ARTICLE_ADMIN,
        "articles.comment": ["change", "delete", "view"],
        # To look up the code of a question for [grafiek ronde/vraagcode].
        "surveys.survey": ["view"],
        "surveys.question": ["view"],
    },
    "Moderatie": {
        "articles.comment": ["change", "delete", "view"],
    },
    "Onderzoek": {
        **{
            f"surveys.{model}": ["add", "change", "delete", "view"]
            for model in ["survey", "question", "answeroption", "segment", "result"]
        },
        # The raw answers of a computed round: read only.
        "surveys.respondent": ["view"],
    },
}

#: What a member sees of each admin list: "edit" (list and change), "view" (list,
#: read only) or None (403). Everything not named here is None.
EXPECTED_ACCESS = {
    "Redactie": {
        "articles.article": "edit",
        "articles.category": "edit",
        "articles.author": "edit",
        "articles.comment": "edit",
        "surveys.survey": "view",
        "surveys.question": "view",
    },
    "Moderatie": {"articles.comment": "edit"},
    "Onderzoek": {
        "surveys.survey": "edit",
        "surveys.question": "edit",
        "surveys.answeroption": "edit",
        "surveys.segment": "edit",
        "surveys.result": "edit",
        "surveys.respondent": "view",
        # Background imports: started by uploading, never edited (surveys/jobs/admin.py).
        "jobs.importjob": "view",
    },
}
ROLES = list(EXPECTED_PERMISSIONS)


def member_client(group_name: str) -> Client:
    user = User.objects.create_user(
        f"lid-{group_name.lower()}", password="geheim-wachtwoord-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client


def permission_names(group: Group) -> set[str]:
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def one_of_each():
    """One row of every model in the admin, so that change pages can be opened."""
    comment = CommentFactory(status=Comment.Status.PENDING)
    result = ResultFactory()
    return {
        "articles.article": comment.article,
        "articles.category": comment.article.category,
        "articles.author": comment.article.author,
        "articles.comment": comment,
        "surveys.survey": result.option.question.survey,
        "surveys.question": result.option.question,
        "surveys.answeroption": result.option,
        "surveys.segment": result.segment,
        "surveys.result": result,
        "auth.user": User.objects.create_user("iemand", password="x" * 20),
        "auth.group": Group.objects.get(name="Redactie"),
    }


# --- The groups and their permissions ----------------------------------------------


def test_the_three_groups_exist_after_the_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)


@pytest.mark.parametrize("group_name", ROLES)
def test_each_group_has_exactly_the_permissions_of_its_work(group_name):
    expected = {
        f"{label.split('.')[0]}.{action}_{label.split('.')[1]}"
        for label, actions in EXPECTED_PERMISSIONS[group_name].items()
        for action in actions
    }

    assert permission_names(Group.objects.get(name=group_name)) == expected


def test_no_group_may_manage_users_groups_or_login_attempts():
    for group in Group.objects.filter(name__in=ROLES):
        assert not {
            name
            for name in permission_names(group)
            if name.startswith(
                ("auth.", "axes.", "admin.", "sessions.", "contenttypes.")
            )
        }, group.name


# --- Every admin page, for every role ------------------------------------------------


@pytest.mark.parametrize("group_name", ROLES)
def test_each_role_reaches_only_the_admin_lists_of_its_work(group_name, one_of_each):
    client = member_client(group_name)
    access = EXPECTED_ACCESS[group_name]

    for model in admin.site._registry:
        label = model._meta.label_lower
        expected = access.get(label)
        changelist = client.get(admin_url(model, "changelist"))
        assert changelist.status_code == (200 if expected else 403), label
        if label not in one_of_each:
            continue
        change = client.get(admin_url(model, "change", one_of_each[label].pk))
        assert change.status_code == (200 if expected else 403), label
        if expected == "view":
            # Read only: no save button, and a post is refused.
            assert 'name="_save"' not in change.content.decode(), label
            post = client.post(admin_url(model, "change", one_of_each[label].pk), {})
            assert post.status_code == 403, label


@pytest.mark.parametrize("group_name", ROLES)
def test_the_admin_index_lists_only_the_apps_of_the_role(group_name):
    content = member_client(group_name).get(reverse("admin:index")).content.decode()
    apps = {label.split(".")[0] for label in EXPECTED_ACCESS[group_name]}

    for app_label in ["articles", "surveys", "auth", "axes"]:
        link = reverse("admin:app_list", kwargs={"app_label": app_label})
        assert (f'href="{link}"' in content) == (app_label in apps), app_label


# --- Redactie: writes and publishes, moderates, looks up questions ------------------


def test_an_editor_writes_and_publishes_an_article():
    client = member_client("Redactie")
    category, author = CategoryFactory(), AuthorFactory()

    response = client.post(
        admin_url(Article, "add"),
        {
            "title": "Nieuw van de redactie",
            "slug": "nieuw-van-de-redactie",
            "category": category.pk,
            "author": author.pk,
            "lead": "Inleiding.",
            "body": "<p>Tekst.</p>",
            "status": Article.Status.DRAFT,
            "published_at_0": "2024-01-01",
            "published_at_1": "10:00:00",
            "comments_open": "on",
            "image_alt": "",
            "search_description": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="nieuw-van-de-redactie")
    assert client.get(article.get_preview_url()).status_code == 200

    client.post(
        admin_url(Article, "changelist"),
        {"action": "publish", "_selected_action": [article.pk], "index": 0},
    )

    article.refresh_from_db()
    assert article.is_published()


def test_an_editor_moderates_comments():
    comment = CommentFactory(status=Comment.Status.PENDING)

    member_client("Redactie").post(
        admin_url(Comment, "changelist"),
        {"action": "approve", "_selected_action": [comment.pk], "index": 0},
    )

    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_an_editor_finds_a_question_code_but_cannot_change_survey_data(tmp_path):
    question = QuestionFactory(code="bekend", text="Kent u de agenda?")
    client = member_client("Redactie")

    listing = client.get(admin_url(Question, "changelist") + "?q=agenda")
    post = client.post(
        admin_url(Question, "change", question.pk),
        {"code": "gewijzigd", "text": "Gewijzigd", "type": "single", "order": 1},
    )
    upload = client.post(
        reverse("admin:surveys_result_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": write_csv(tmp_path / "a.csv", []).open("rb"),
        },
    )

    assert "bekend" in listing.content.decode()
    assert post.status_code == 403
    assert upload.status_code == 403
    assert client.get(reverse("admin:surveys_result_export")).status_code == 403
    question.refresh_from_db()
    assert question.code == "bekend"


# --- Moderatie: comments only --------------------------------------------------------


def test_a_moderator_approves_comments_and_cannot_import_or_export_data(tmp_path):
    comment = CommentFactory(status=Comment.Status.PENDING)
    SurveyFactory(slug="werkdruk-2024")
    client = member_client("Moderatie")

    client.post(
        admin_url(Comment, "changelist"),
        {"action": "approve", "_selected_action": [comment.pk], "index": 0},
    )
    path = write_csv(
        tmp_path / "a.csv",
        [["werkdruk-2024", "v1", "Vraag?", "multi", "Ja", 50, "", "", ""]],
    )
    with path.open("rb") as file:
        upload = client.post(
            reverse("admin:surveys_result_import"),
            {"resource": "0", "format": "0", "import_file": file},
        )

    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert client.get(reverse("admin:surveys_result_import")).status_code == 403
    assert upload.status_code == 403
    assert client.get(reverse("admin:surveys_result_export")).status_code == 403
    assert not Result.objects.exists()


def test_a_moderator_cannot_add_or_delete_articles_nor_see_drafts():
    article = ArticleFactory(draft=True, title="Concept van de redactie")
    client = member_client("Moderatie")

    assert client.get(admin_url(Article, "add")).status_code == 403
    assert (
        client.post(
            admin_url(Article, "delete", article.pk), {"post": "yes"}
        ).status_code
        == 403
    )
    assert client.get(article.get_preview_url()).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


# --- Onderzoek: survey data only -----------------------------------------------------


def test_a_researcher_imports_and_exports_results(tmp_path):
    SurveyFactory(slug="werkdruk-2024")
    client = member_client("Onderzoek")
    path = write_csv(
        tmp_path / "a.csv",
        [["werkdruk-2024", "v1", "Vraag?", "multi", "Ja", 50, "", "", ""]],
    )

    with path.open("rb") as file:
        preview = client.post(
            reverse("admin:surveys_result_import"),
            {"resource": "0", "format": "0", "import_file": file},
        )

    assert preview.status_code == 200
    assert "Import bevestigen" in preview.content.decode()
    assert client.get(reverse("admin:surveys_result_export")).status_code == 200


def test_a_researcher_cannot_write_publish_or_preview_articles():
    draft = ArticleFactory(draft=True, title="Concept over werkdruk")
    client = member_client("Onderzoek")

    publish = client.post(
        admin_url(Article, "changelist"),
        {"action": "publish", "_selected_action": [draft.pk], "index": 0},
    )
    change = client.post(
        admin_url(Article, "change", draft.pk),
        {"title": "Gewijzigd", "status": Article.Status.PUBLISHED},
    )
    preview = client.get(draft.get_preview_url())

    assert publish.status_code == 403
    assert change.status_code == 403
    assert preview.status_code == 403
    assert client.get(admin_url(Article, "add")).status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Concept over werkdruk"
    assert not draft.is_published()


def test_a_researcher_cannot_moderate_comments():
    comment = CommentFactory(status=Comment.Status.PENDING)

    response = member_client("Onderzoek").post(
        admin_url(Comment, "changelist"),
        {"action": "approve", "_selected_action": [comment.pk], "index": 0},
    )

    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


@pytest.mark.parametrize("group_name", ROLES)
def test_no_role_can_make_itself_a_superuser_or_change_groups(group_name):
    client = member_client(group_name)
    user = User.objects.get(username=f"lid-{group_name.lower()}")

    response = client.post(
        admin_url(User, "change", user.pk),
        {"username": user.username, "is_superuser": "on", "is_staff": "on"},
    )

    assert response.status_code == 403
    user.refresh_from_db()
    assert not user.is_superuser
    assert client.get(admin_url(Group, "changelist")).status_code == 403


# --- Anonymous visitors --------------------------------------------------------------


def anonymous_admin_urls(objects) -> list[str]:
    urls = [
        reverse("admin:index"),
        reverse("admin:surveys_result_import"),
        reverse("admin:surveys_result_process_import"),
        reverse("admin:surveys_result_export"),
        reverse("admin:surveys_result_import_template"),
    ]
    for model in admin.site._registry:
        label = model._meta.label_lower
        urls += [admin_url(model, "changelist"), admin_url(model, "add")]
        if label in objects:
            pk = objects[label].pk
            urls += [
                admin_url(model, "change", pk),
                admin_url(model, "delete", pk),
                admin_url(model, "history", pk),
            ]
    return urls


def test_an_anonymous_visitor_reaches_no_admin_page(client, one_of_each):
    login = reverse("admin:login")

    for url in anonymous_admin_urls(one_of_each):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login), url


def test_an_anonymous_post_to_the_admin_changes_nothing(client, one_of_each):
    comment = one_of_each["articles.comment"]
    article = one_of_each["articles.article"]

    for url in anonymous_admin_urls(one_of_each):
        response = client.post(url, {"post": "yes", "title": "Gekaapt"})
        assert response.status_code in (302, 403), url
    approve = client.post(
        admin_url(Comment, "changelist"),
        {"action": "approve", "_selected_action": [comment.pk], "index": 0},
    )

    assert approve.status_code == 302
    comment.refresh_from_db()
    article.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert article.title != "Gekaapt"
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_an_anonymous_visitor_sees_no_draft_nor_its_preview(client, trait):
    article = ArticleFactory(title="Nog niet openbaar", **{trait: True})

    page = client.get(article.get_absolute_url())
    preview = client.get(article.get_preview_url())

    assert page.status_code == 404
    assert preview.status_code == 302
    assert "Nog niet openbaar" not in page.content.decode()
    assert "Nog niet openbaar" not in preview.content.decode()


def test_a_logged_in_user_who_is_not_staff_reaches_no_admin_page(one_of_each):
    client = Client()
    client.force_login(User.objects.create_user("lezer", password="x" * 20))

    for url in anonymous_admin_urls(one_of_each):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


# --- createeditor ----------------------------------------------------------------------


def create_editor(*args):
    out, err = StringIO(), StringIO()
    call_command("createeditor", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_createeditor_creates_a_staff_member_in_a_group(monkeypatch):
    monkeypatch.setenv("CREATEEDITOR_PASSWORD", "een-lang-en-sterk-wachtwoord")

    out = create_editor(
        "anne", "--group", "Redactie", "--email", "anne@example.org", "--noinput"
    )

    user = User.objects.get(username="anne")
    assert user.is_staff
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Redactie"]
    assert user.email == "anne@example.org"
    assert user.check_password("een-lang-en-sterk-wachtwoord")
    assert "anne" in out and "Redactie" in out
    assert user.has_perm("articles.change_article")
    assert not user.has_perm("surveys.add_result")


def test_createeditor_puts_one_person_in_two_groups(monkeypatch):
    monkeypatch.setenv("CREATEEDITOR_PASSWORD", "een-lang-en-sterk-wachtwoord")

    create_editor("bert", "--group", "Moderatie", "--group", "Onderzoek", "--noinput")

    assert set(
        User.objects.get(username="bert").groups.values_list("name", flat=True)
    ) == {
        "Moderatie",
        "Onderzoek",
    }


@pytest.mark.parametrize(
    "args, password, message",
    [
        (["carla", "--group", "Beheer"], "een-lang-en-sterk-wachtwoord", "Beheer"),
        (["carla"], "een-lang-en-sterk-wachtwoord", "--group"),
        (["carla", "--group", "Redactie"], "kort", "wachtwoord"),
        (["carla", "--group", "Redactie"], "", "CREATEEDITOR_PASSWORD"),
    ],
    ids=["unknown-group", "no-group", "weak-password", "no-password"],
)
def test_createeditor_refuses_bad_input_and_creates_nobody(
    monkeypatch, args, password, message
):
    monkeypatch.setenv("CREATEEDITOR_PASSWORD", password)

    with pytest.raises(CommandError) as refusal:
        create_editor(*args, "--noinput")

    assert message in str(refusal.value)
    assert not User.objects.filter(username="carla").exists()


def test_createeditor_refuses_an_existing_user_name(monkeypatch):
    monkeypatch.setenv("CREATEEDITOR_PASSWORD", "een-lang-en-sterk-wachtwoord")
    User.objects.create_user("dirk", password="oud-wachtwoord-123")

    with pytest.raises(CommandError) as refusal:
        create_editor("dirk", "--group", "Redactie", "--noinput")

    assert "bestaat al" in str(refusal.value)
    assert not User.objects.get(username="dirk").is_staff


def test_a_fresh_migrate_gives_the_groups_exactly_the_live_role_definition():
    """The migration carries a frozen copy of the roles: when articles/roles.py changes,
    a new migration must bring the database along."""
    from articles.roles import ROLE_PERMISSIONS

    for group_name, app_models in ROLE_PERMISSIONS.items():
        live = {
            f"{app_label}.{action}_{model}"
            for app_label, models in app_models.items()
            for model, actions in models.items()
            for action in actions
        }
        assert permission_names(Group.objects.get(name=group_name)) == live, group_name


def test_the_roles_migration_imports_no_live_code():
    import ast
    from pathlib import Path

    import articles

    source = Path(articles.__file__).parent / "migrations" / "0002_roles.py"
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source.read_text()))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {
        name for name in imported if name.split(".")[0] in {"articles", "surveys"}
    }
